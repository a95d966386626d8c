"""The Python API: load a source, draw it, write it, ask it questions.

The CLI, the docs plugins and users' scripts all come in here; none of them reaches past these
functions into the sources or the renderers (a test reads their imports). Options are the typed
objects of :mod:`ladder.options` or keyword arguments named as the command line's flags without
dashes (``align_levels`` for ``--align-levels``); a misspelt or misplaced option is an error.
Answers to questions are data; :func:`answer_text` writes any of them as the CLI prints it.

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
from ladder.api.drawing import (
    RADAR_FORMATS,
    draw,
    draw_diff,
    draw_profile,
    draw_radar,
    html_iframe,
    inline_svg,
    render,
    render_diff,
    render_profile,
    render_radar,
)
from ladder.api.files import (
    IMPORT_FORMATS,
    builtin_ladders,
    builtin_source,
    import_file,
    input_size,
    parse_document,
    parse_mapping,
    read_document,
    schema,
    write_file,
)
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
    variants,
)
from ladder.sources.detect import COMPANY, EXPORT, LADDER, source_kind
from ladder.sources.formats import INPUT_FORMATS, input_format

__all__ = [
    "ANSWER_FORMATS", "COMPANY", "EXPORT", "IMPORT_FORMATS", "INPUT_FORMATS", "LADDER",
    "RADAR_FORMATS", "TEXT_FORMATS",
    "answer_text", "assess", "builtin_ladders", "builtin_source", "chart_person", "diff",
    "draw", "draw_diff", "draw_profile", "draw_radar", "endpoints", "gap", "html_iframe",
    "import_export", "import_file", "inline_svg",
    "input_format", "input_size", "ladder_for", "load", "load_ladder", "load_org",
    "next_roles", "parse_document", "parse_mapping", "paths", "read_document", "render",
    "render_diff", "render_profile", "render_radar", "schema", "source_kind", "stats",
    "succession", "validate", "variants", "write_file",
]
