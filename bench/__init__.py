"""Benchmarks and their helpers (not tests, not part of the package)."""
