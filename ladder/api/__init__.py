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

from typing import TYPE_CHECKING

from ladder.lazy import lazy_names

if TYPE_CHECKING:  # the names below, for type checkers (``as``: re-exported under strict mypy)
    from ladder.api.answers import ANSWER_FORMATS as ANSWER_FORMATS
    from ladder.api.answers import answer_text as answer_text
    from ladder.api.drawing import RADAR_FORMATS as RADAR_FORMATS
    from ladder.api.drawing import draw as draw
    from ladder.api.drawing import draw_diff as draw_diff
    from ladder.api.drawing import draw_profile as draw_profile
    from ladder.api.drawing import draw_radar as draw_radar
    from ladder.api.drawing import html_iframe as html_iframe
    from ladder.api.drawing import inline_svg as inline_svg
    from ladder.api.drawing import org_chart_width as org_chart_width
    from ladder.api.drawing import render as render
    from ladder.api.drawing import render_diff as render_diff
    from ladder.api.drawing import render_profile as render_profile
    from ladder.api.drawing import render_radar as render_radar
    from ladder.api.drawing import to_graphviz as to_graphviz
    from ladder.api.files import IMPORT_FORMATS as IMPORT_FORMATS
    from ladder.api.files import builtin_ladders as builtin_ladders
    from ladder.api.files import builtin_source as builtin_source
    from ladder.api.files import import_file as import_file
    from ladder.api.files import input_size as input_size
    from ladder.api.files import parse_document as parse_document
    from ladder.api.files import parse_mapping as parse_mapping
    from ladder.api.files import read_document as read_document
    from ladder.api.files import schema as schema
    from ladder.api.files import write_file as write_file
    from ladder.api.loading import TEXT_FORMATS as TEXT_FORMATS
    from ladder.api.loading import import_export as import_export
    from ladder.api.loading import ladder_for as ladder_for
    from ladder.api.loading import load as load
    from ladder.api.loading import load_ladder as load_ladder
    from ladder.api.loading import load_org as load_org
    from ladder.api.loading import validate as validate
    from ladder.api.questions import assess as assess
    from ladder.api.questions import chart_person as chart_person
    from ladder.api.questions import diff as diff
    from ladder.api.questions import endpoints as endpoints
    from ladder.api.questions import gap as gap
    from ladder.api.questions import next_roles as next_roles
    from ladder.api.questions import paths as paths
    from ladder.api.questions import stats as stats
    from ladder.api.questions import succession as succession
    from ladder.api.questions import variants as variants
    from ladder.renderers.graphviz_backend import expect_many_drawings as expect_many_drawings
    from ladder.sources.detect import COMPANY as COMPANY
    from ladder.sources.detect import EXPORT as EXPORT
    from ladder.sources.detect import LADDER as LADDER
    from ladder.sources.detect import source_kind as source_kind
    from ladder.sources.formats import INPUT_FORMATS as INPUT_FORMATS
    from ladder.sources.formats import input_format as input_format

# Each name is imported from its module on first use (ladder.lazy): a command imports the
# part of the API it calls, not all of it (``ladder render`` is timed as a whole process).
_NAMES = {
    "ladder.api.answers": ("ANSWER_FORMATS", "answer_text"),
    "ladder.api.drawing": ("RADAR_FORMATS", "draw", "draw_diff", "draw_profile", "draw_radar",
                           "html_iframe", "inline_svg", "org_chart_width", "render", "render_diff",
                           "render_profile", "render_radar", "to_graphviz"),
    "ladder.api.files": ("IMPORT_FORMATS", "builtin_ladders", "builtin_source", "import_file",
                         "input_size", "parse_document", "parse_mapping", "read_document",
                         "schema", "write_file"),
    "ladder.api.loading": ("TEXT_FORMATS", "import_export", "ladder_for", "load", "load_ladder",
                           "load_org", "validate"),
    "ladder.api.questions": ("assess", "chart_person", "diff", "endpoints", "gap", "next_roles",
                             "paths", "stats", "succession", "variants"),
    "ladder.sources.detect": ("COMPANY", "EXPORT", "LADDER", "source_kind"),
    "ladder.sources.formats": ("INPUT_FORMATS", "input_format"),
    "ladder.renderers.graphviz_backend": ("expect_many_drawings",),  # a docs build draws many
}
__all__ = sorted(name for names in _NAMES.values() for name in names)
__getattr__ = lazy_names(__name__, _NAMES)
