"""Shared helpers for the HR export tests."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

DATA = Path(__file__).parent / "data" / "hr"
# CI checks out shared/ beside the repository: <repo>/../shared/data/orgs
ORGS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "orgs"


def assert_accounted(result) -> None:
    """Every row is drawn or named in a problem, the counts add up, and the org is a forest
    whose managers all exist (what Org.build assumes)."""
    named = {(p.file, p.line) for p in result.problems}
    assert all(row in named for row in result.undrawn), [
        row for row in result.undrawn if row not in named]
    assert result.rows == result.drawn + len(result.undrawn)
    report = result.report()
    assert report["rows"] == result.rows and report["drawn"] == result.drawn
    assert all(set(p) == {"row", "id", "kind", "message"} for p in report["problems"])
    org = result.org
    assert all(p.manager in org.people for p in org if p.manager is not None)
    assert nx.is_forest(org.graph)
    assert len(org.people) == len(list(org))


def kinds(result) -> dict[int, list[str]]:
    """{row: [kinds]} of the problems of a result."""
    found: dict[int, list[str]] = {}
    for problem in result.problems:
        found.setdefault(problem.line, []).append(problem.kind)
    return found
