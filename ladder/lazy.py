"""Package namespaces whose names are imported on first use.

A command-line run pays for every module it imports (it is timed against Graphviz, and a
built-in ladder renders in well under a tenth of a second), so packages that gather names
from several modules import each module only when one of its names is asked for.

>>> from ladder.model import Org  # imports ladder.model.org, not ladder.model.ladder
>>> Org.__module__
'ladder.model.org'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def lazy_names(package: str, modules: Mapping[str, Iterable[str]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that finds each name in its module (a key).

    >>> getattr_ = lazy_names("ladder.model", {"ladder.model.org": ["Org"]})
    >>> getattr_("Org").__name__
    'Org'
    >>> getattr_("Nope")
    Traceback (most recent call last):
    AttributeError: module 'ladder.model' has no attribute 'Nope'
    """
    where = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(where[name]), name)

    return __getattr__
