"""The Python API: load a source, draw it, write it, ask it questions.

The CLI, the docs plugins and users' scripts all come in here; none of them reaches past these
functions into the sources or the renderers. Options are keyword arguments named as the
command line's flags without dashes (``align_levels`` for ``--align-levels``), sorted into the
typed objects of :mod:`ladder.options`; a misspelt or misplaced option is an error.

>>> import ladder
>>> product = ladder.load("product")
>>> svg = ladder.draw(product, variant="startup")
>>> "Head of Product" in svg and svg.lstrip().startswith("<?xml")
True
>>> org = ladder.load(text="people: [{id: ada, name: Ada}, {id: bo, name: Bo, manager: ada}]",
...                   format="yaml")
>>> len(org), ladder.draw(org, format="json").count('"id"')
(2, 2)
"""

from __future__ import annotations

from ladder.api.answers import ANSWER_FORMATS, answer_text
from ladder.api.drawing import draw, render
from ladder.api.loading import (
    TEXT_FORMATS,
    import_export,
    ladder_for,
    load,
    load_ladder,
    load_org,
    validate,
)
from ladder.api.questions import (
    assess,
    chart_person,
    diff,
    endpoints,
    gap,
    next_roles,
    paths,
    stats,
    succession,
)

__all__ = [
    "ANSWER_FORMATS", "TEXT_FORMATS", "answer_text", "assess", "chart_person", "diff", "draw",
    "endpoints", "gap", "import_export", "ladder_for", "load", "load_ladder", "load_org",
    "next_roles", "paths", "render", "stats", "succession", "validate",
]
