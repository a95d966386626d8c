"""Property tests over the docs plugins' options (issue 22): a ``ladder`` fence in MkDocs (its
header and its YAML body) and a ``.. ladder::`` directive in Sphinx, each option given any
value. Every block either renders or fails with a located ladder error that fails a strict
build; never a traceback, never a block that vanishes without a word, and never a value that
reaches the page's HTML unescaped."""

from __future__ import annotations

import html
import logging
import re
from html.parser import HTMLParser

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.docs.core import BLOCK_KEYS, DRAW_OPTIONS
from tests.hostile.checks import check_html
from tests.hostile.make_corpus import HOSTILE_NAMES

pytest.importorskip("mkdocs")

MARK = "zq9"  # in every hostile text: seen raw in the page, it was not escaped
HOSTILE = [f'"><img src=x onerror={MARK}>', f"<script>{MARK}</script>",
           f"' onload='{MARK}", f"1px\" onload=\"{MARK}", f"javascript:{MARK}",
           f"%%{{init: {{}}}}%% {MARK}", f"</style><svg onload={MARK}>"]
RAW = [text for text in HOSTILE if "<" in text or '"' in text]  # escaped in HTML if shown
OPTIONS = [*DRAW_OPTIONS, *BLOCK_KEYS[2:], "split", "unknown"]  # not source/document
TEXT = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(list(HOSTILE_NAMES.values())[:20]),
                 st.text(max_size=12), st.sampled_from(["svg", "mermaid", "html", "auto",
                                                        "startup", "640px", "2", "matrix"]))
VALUE = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12),
                  st.floats(allow_nan=True, allow_infinity=True), TEXT,
                  st.lists(st.one_of(TEXT, st.integers()), max_size=3),
                  st.dictionaries(st.text(max_size=3), TEXT, max_size=2))
FORMATS = st.sampled_from(["svg", "mermaid", "html"])  # inline SVG, Mermaid text, an iframe
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def assert_safe(page: str) -> None:
    """What a reader's browser would run or be tricked by: nothing from an option. An
    explorer block is an iframe whose ``srcdoc`` is a page of its own, checked as one."""
    elements = _Elements()
    elements.feed(page)
    for tag, attrs in elements.found:
        assert tag not in ("script", "img", "object", "embed", "foreignobject"), tag
        for key, value in attrs:
            assert not key.startswith("on"), (tag, key, value)
            assert not (value or "").lower().lstrip().startswith("javascript:"), (tag, key)
            if key == "style":  # a height reaches it: a length, nothing more
                assert re.fullmatch(r"[\w\s:;.%#-]*", value or ""), value
            if key == "srcdoc":
                check_html(value or "")
        if tag == "iframe":
            assert {key for key, _ in attrs} <= {"class", "title", "srcdoc", "style",
                                                 "loading", "sandbox"}, attrs
    for text in RAW:  # shown as text, escaped, or not at all
        assert text not in page, text


class Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def fence(tmp_path_factory):
    """The MkDocs plugin's fence, as superfences calls it (validator, then format), in a
    docs project of its own; and the records of what it logged."""
    from ladder.docs.mkdocs_plugin import LadderPlugin

    root = tmp_path_factory.mktemp("site")
    (root / "docs").mkdir()
    plugin = LadderPlugin()
    plugin.root, plugin.docs_dir = root, root / "docs"
    plugin.bases = [root, root / "docs"]
    logged = Logged()
    logger = logging.getLogger("mkdocs.plugins.ladder.docs.mkdocs_plugin")
    logger.addHandler(logged)
    yield plugin, logged
    logger.removeHandler(logged)


def run_fence(fence, body: str, header: dict[str, str]):
    """The page fragment, whether the block failed, and the log's records for it."""
    from ladder.docs.mkdocs_plugin import _validator

    plugin, logged = fence
    logged.records.clear()
    failed = plugin.failed
    options: dict = {}
    assert _validator("ladder", header, options, {}, None) is True  # never a plain code block
    page = plugin._format(body, "ladder", "ladder", options, None)
    return page, plugin.failed > failed, list(logged.records)


def check_outcome(page: str, failed: bool, records: list[logging.LogRecord]) -> None:
    assert page.strip(), "the block vanished"
    assert_safe(page)
    errors = [r for r in records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]  # an internal error: a bug
    if failed:  # a located warning: 'mkdocs build --strict' fails on it
        assert "ladder-error" in page
        warned = [r.getMessage() for r in records if r.levelno == logging.WARNING]
        assert warned and re.search(r"docs/|ladder block at|fence header|\?:", warned[0]), warned
    else:
        assert "ladder-error" not in page


@pytest.mark.slow  # draws up to 60 diagrams
@SETTINGS
@given(option=st.sampled_from(OPTIONS), value=VALUE, shown=FORMATS)
def test_any_value_in_a_fence_body_renders_or_is_a_located_error(fence, option, value, shown):
    body = yaml.safe_dump({"source": "product", "format": shown, option: value},
                          allow_unicode=True)
    check_outcome(*run_fence(fence, body, {}))


@pytest.mark.slow
@SETTINGS
@given(option=st.sampled_from(OPTIONS), value=TEXT)
def test_any_value_in_a_fence_header_renders_or_is_a_located_error(fence, option, value):
    """The header's values reach the plugin as text (``{height="..."}``), read as YAML."""
    check_outcome(*run_fence(fence, "source: product\n", {option: value}))


# --- Sphinx: the directive in a real application, each example parsed as a page ----------------


@pytest.fixture(scope="module")
def sphinx_app(tmp_path_factory):
    pytest.importorskip("sphinx")
    from io import StringIO

    from sphinx.application import Sphinx

    source = tmp_path_factory.mktemp("sphinx")
    (source / "conf.py").write_text("extensions = ['ladder.sphinx']\nladder_cache = False\n")
    (source / "index.rst").write_text("Home\n====\n")
    warnings = StringIO()
    app = Sphinx(str(source), str(source), str(source / "_build"),
                 str(source / "_build" / ".doctrees"), "html", status=None, warning=warnings,
                 freshenv=True)
    app.builder.init()
    return app, warnings


def directive(app, warnings, text: str):
    """The HTML of each ladder node, the raw HTML nodes (error boxes), docutils' own
    messages, and the warnings logged."""
    from docutils import nodes
    from sphinx.testing.restructuredtext import parse

    from ladder.docs.sphinx_ext import ladder_diagram

    warnings.seek(0)
    warnings.truncate()
    tree = parse(app, text)
    drawn = [node["html"] for node in tree.findall(ladder_diagram)]
    boxes = [node.astext() for node in tree.findall(nodes.raw)]
    messages = [node.astext() for node in tree.findall(nodes.system_message)]
    return drawn, boxes, messages, warnings.getvalue()


def rst_value(value: object) -> str:
    """An option's text as a page holds it: one line (a field's value cannot span lines)."""
    text = value if isinstance(value, str) else yaml.safe_dump(value, default_flow_style=True)
    return " ".join(str(text).split()).removesuffix("...").strip()


@pytest.mark.slow
@SETTINGS
@given(option=st.sampled_from([o for o in OPTIONS if o != "unknown"]), value=VALUE,
       shown=FORMATS)
def test_any_value_of_a_directive_option_renders_or_is_a_located_error(sphinx_app, option,
                                                                          value, shown):
    app, warnings = sphinx_app
    text = f".. ladder:: product\n   :format: {shown}\n   :{option}: {rst_value(value)}\n"
    if option == "format":
        text = f".. ladder:: product\n   :format: {rst_value(value)}\n"
    drawn, boxes, messages, warned = directive(app, warnings, text)
    assert "Traceback" not in warned and "Exception" not in warned
    for page in drawn + boxes:
        assert_safe(page)
    if drawn:
        assert not boxes
        return
    # not drawn: said where, as ladder's warning with an error box in the page, or as
    # docutils' error for a value its option type refuses ('sphinx-build -W' fails on both)
    assert re.search(r"index\.rst:\d+: (WARNING|ERROR)", warned), ("vanished", warned)
    if boxes:
        assert "ladder-error" in boxes[0] and "WARNING" in warned
    else:
        assert "ERROR: Error in \"ladder\" directive" in warned or messages, warned


def test_the_properties_can_fail(fence):
    """The checks catch what issue 22 found: a raw height in the page, a vanished block."""
    with pytest.raises(AssertionError):
        assert_safe(f'<iframe style="height:1px" onload="{MARK}"></iframe>')
    with pytest.raises(AssertionError):
        assert_safe(f'<p>{HOSTILE[0]}</p>')
    with pytest.raises(AssertionError):
        check_outcome("", False, [])
    page, failed, records = run_fence(fence, "source: product\nformat: html\n",
                                      {"height": '1px" onload="alert(1)'})
    assert failed and "option 'height' must be a number with a unit" in html.unescape(page)
    check_outcome(page, failed, records)


def test_a_block_that_draws_passes_the_checks(fence):
    page, failed, records = run_fence(fence, "source: product\nformat: mermaid\n", {})
    assert not failed and "flowchart" in page
    check_outcome(page, failed, records)
