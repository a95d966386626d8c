"""ladder: career-ladder diagrams and org charts from plain files, drawn with Graphviz.

The public API (see :mod:`ladder.api`), loaded on first use so that ``import ladder`` stays
cheap for the command line::

    import ladder
    product = ladder.load("product")                   # a built-in ladder, a file, or text=
    svg = ladder.draw(product, variant="startup")      # str for svg/dot/json, bytes for png/pdf
    ladder.render("examples/enterprise.yaml", "org.png", depth=3)   # writes files
    best = ladder.paths("Junior PM", "CPO")[0]         # promotion paths, quickest first
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = {
    # loading, drawing, checking
    "load": "ladder.api", "draw": "ladder.api", "render": "ladder.api",
    "validate": "ladder.api", "load_ladder": "ladder.api", "load_org": "ladder.api",
    "ladder_for": "ladder.api", "import_export": "ladder.api",
    # questions
    "stats": "ladder.api", "paths": "ladder.api", "gap": "ladder.api", "endpoints": "ladder.api",
    "next_roles": "ladder.api",
    "succession": "ladder.api", "diff": "ladder.api", "assess": "ladder.api",
    "answer_text": "ladder.api",
    # the model, the options and the errors
    "Ladder": "ladder.model", "Role": "ladder.model", "Track": "ladder.model",
    "Move": "ladder.model", "VariantSpec": "ladder.model", "Org": "ladder.model",
    "Person": "ladder.model", "Department": "ladder.model",
    "Options": "ladder.options", "LadderOptions": "ladder.options",
    "OrgOptions": "ladder.options", "ExportOptions": "ladder.options",
    "LadderError": "ladder.errors", "Problem": "ladder.errors",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'ladder' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_API[name]), name)
    globals()[name] = value  # later lookups skip this function, and win over a submodule
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
