"""The ladders shipped inside the package, and each one checked ahead of time.

A built-in ladder never changes between runs, yet reading it means importing PyYAML, parsing
the YAML and checking every role and move: a third of drawing the built-in ladder's SVG. So
each is read and checked once, when the package is made (``python -m ladder.sources.builtin``,
which ``tests/test_builtin_cache.py`` checks was run), and kept beside its YAML as a pickle of
the checked :class:`~ladder.model.Ladder` with its warnings. A run unpickles that instead,
after checking that it was made from the very YAML and the very model and reader code the run
has (a checksum of those files, a few kB read); anything else, and the YAML is read as before.
The pickle is the package's own file, as trusted as its code; user files are never pickled.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Callable
from pathlib import Path

from ladder.errors import Problem
from ladder.model.ladder import Ladder

# The package is installed as a folder (setuptools does not zip it), so its data files are
# plain files beside the code; importlib.resources would add 4 ms to every run for nothing.
DEFAULT_LADDER = "product"
_PACKAGE = Path(__file__).resolve().parent.parent
BUILTIN_FOLDER = _PACKAGE / "builtin"
# What a checked ladder is made by: a change to any of them makes every cache stale.
_MAKERS = ("model/ladder.py", "errors.py", "sources/ladders.py", "sources/checker.py",
           "sources/document.py")


def builtin_names() -> list[str]:
    """Names of the ladders shipped inside the package."""
    return sorted(p.name.removesuffix(".yaml") for p in BUILTIN_FOLDER.iterdir()
                  if p.name.endswith(".yaml"))


def cache_path(name: str) -> Path:
    return BUILTIN_FOLDER / f"{name}.checked.pickle"


def stamp(name: str) -> int:
    """Checksum of the built-in ladder's YAML and of the code that checks it."""
    found = zlib.crc32((BUILTIN_FOLDER / f"{name}.yaml").read_bytes())
    for maker in _MAKERS:
        found = zlib.crc32((_PACKAGE / maker).read_bytes(), found)
    return found


def checked_builtin(name: str | None, on_warning: Callable[[Problem], None] | None = None
                    ) -> Ladder | None:
    """The built-in ladder ``name`` (None: the default) as checked when the package was made,
    its warnings handed to ``on_warning``; None when ``name`` is no built-in ladder, it has no
    cache, or its cache was made from other files than these (then read the YAML)."""
    name = DEFAULT_LADDER if name is None else name
    if name not in builtin_names():
        return None
    try:
        made_from, ladder, warnings = pickle.loads(cache_path(name).read_bytes())
        if made_from != stamp(name) or not isinstance(ladder, Ladder):
            return None
    except (OSError, pickle.UnpicklingError, AttributeError, ValueError, TypeError, EOFError):
        return None
    if on_warning is not None:
        for warning in warnings:
            on_warning(warning)
    return ladder
