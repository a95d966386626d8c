"""ladder: career-ladder diagrams and org charts from plain files, drawn with Graphviz.

The public API (see :mod:`ladder.api`), loaded on first use so that ``import ladder`` stays
cheap for the command line::

    import ladder
    product = ladder.load("product")                   # a built-in ladder, a file, or text=
    svg = ladder.draw(product, variant="startup")      # str for svg/dot/json, bytes for png/pdf
    ladder.render("examples/enterprise.yaml", "org.png", depth=3)   # writes files
    best = ladder.paths("Junior PM", "CPO")[0]         # promotion paths, quickest first
    ladder.to_graphviz(product)                        # a graphviz.Source: shown in Jupyter
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names of _API for type checkers (``as``: re-exported under strict mypy)
    from ladder.api import answer_text as answer_text
    from ladder.api import assess as assess
    from ladder.api import diff as diff
    from ladder.api import draw as draw
    from ladder.api import endpoints as endpoints
    from ladder.api import gap as gap
    from ladder.api import import_export as import_export
    from ladder.api import ladder_for as ladder_for
    from ladder.api import load as load
    from ladder.api import load_ladder as load_ladder
    from ladder.api import load_org as load_org
    from ladder.api import next_roles as next_roles
    from ladder.api import paths as paths
    from ladder.api import render as render
    from ladder.api import stats as stats
    from ladder.api import succession as succession
    from ladder.api import to_graphviz as to_graphviz
    from ladder.api import validate as validate
    from ladder.errors import LadderError as LadderError
    from ladder.errors import Problem as Problem
    from ladder.model import Department as Department
    from ladder.model import Ladder as Ladder
    from ladder.model import Move as Move
    from ladder.model import Org as Org
    from ladder.model import Person as Person
    from ladder.model import Role as Role
    from ladder.model import Track as Track
    from ladder.model import VariantSpec as VariantSpec
    from ladder.options import ExportOptions as ExportOptions
    from ladder.options import LadderOptions as LadderOptions
    from ladder.options import Options as Options
    from ladder.options import OrgOptions as OrgOptions

__version__ = "0.1.0"

_API = {
    # loading, drawing, checking
    "load": "ladder.api", "draw": "ladder.api", "render": "ladder.api",
    "validate": "ladder.api", "load_ladder": "ladder.api", "load_org": "ladder.api",
    "ladder_for": "ladder.api", "import_export": "ladder.api",
    "to_graphviz": "ladder.api",  # a graphviz.Source: shown inline in Jupyter
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
