"""Write the cache of each built-in ladder: its YAML read and checked now (see
:mod:`ladder.sources.builtin`). ``python -m ladder.sources.builtin_cache`` after editing a
built-in ladder or the code that reads one; ``tests/test_builtin_cache.py`` fails until then.
"""

from __future__ import annotations

import pickle

from ladder.errors import Problem
from ladder.sources.builtin import BUILTIN_FOLDER, builtin_names, cache_path, stamp
from ladder.sources.document import read_document
from ladder.sources.ladders import parse_ladder


def cache_bytes(name: str) -> bytes:
    """The cache of built-in ladder ``name``: (stamp, the checked Ladder, its warnings)."""
    warnings: list[Problem] = []
    ladder = parse_ladder(read_document(BUILTIN_FOLDER / f"{name}.yaml"), f"<built-in {name}>",
                          on_warning=warnings.append)
    return pickle.dumps((stamp(name), ladder, warnings), protocol=5)


if __name__ == "__main__":
    for shipped in builtin_names():
        cache_path(shipped).write_bytes(cache_bytes(shipped))
        print(f"wrote {cache_path(shipped)}")
