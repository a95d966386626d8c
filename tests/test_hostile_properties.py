"""Property tests: random ladders, company configs and HR exports, made of hostile text and
wrong types, either load or raise LadderError, never anything else; what loads draws SVG
with no script, foreignObject, event handler or foreign link, DOT that Graphviz reads, and the
same bytes twice.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import ladder.api
from ladder.errors import LadderError
from tests.hostile.checks import check_html, check_markdown, check_mermaid, check_svg
from tests.hostile.make_corpus import HOSTILE_COLOURS, HOSTILE_NAMES

SHORT_NAMES = [v for k, v in HOSTILE_NAMES.items() if k not in ("long", "over-limit")]
# text a user could type, plus every trick of the corpus
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=24),
    st.sampled_from(SHORT_NAMES),
)
IDS = st.sampled_from(["a", "b", "c", "d", "e", "", " ", "A", "a b", "x\x1b", "<i>"])
ANY = st.one_of(TEXT, st.integers(-3, 10), st.none(), st.booleans(),
                st.floats(allow_nan=False, allow_infinity=False, width=16),
                st.lists(st.integers(0, 3), max_size=2), st.dictionaries(TEXT, TEXT, max_size=1))
COLOURS = st.one_of(st.sampled_from(HOSTILE_COLOURS + ["teal", "#abc", "#4c78a8"]), TEXT)


def maybe(strategy):
    return st.one_of(strategy, ANY)


ROLE = st.fixed_dictionaries(
    {"id": maybe(IDS), "title": maybe(TEXT), "level": maybe(st.integers(1, 5))},
    optional={"track": maybe(st.sampled_from(["ic", "m", "zz"])),
              "aliases": st.lists(TEXT, max_size=2),
              "competencies": st.lists(maybe(TEXT), max_size=3)})
MOVE = st.fixed_dictionaries(
    {"from": maybe(IDS), "to": maybe(IDS)},
    optional={"years": maybe(st.integers(0, 4)), "kind": maybe(st.sampled_from(
        ["promotion", "lateral", "sideways"]))})
TRACK = st.fixed_dictionaries({"id": st.sampled_from(["ic", "m"])},
                              optional={"name": maybe(TEXT), "colour": COLOURS})
LADDER = st.fixed_dictionaries(
    {"roles": st.lists(ROLE, min_size=1, max_size=5)},
    optional={"id": maybe(IDS), "name": maybe(TEXT), "moves": st.lists(MOVE, max_size=6),
              "tracks": st.lists(TRACK, max_size=3)})
PERSON = st.fixed_dictionaries(
    {"id": maybe(IDS), "name": maybe(TEXT)},
    optional={"manager": maybe(IDS), "title": maybe(TEXT), "department": maybe(IDS),
              "vacant": maybe(st.booleans()), "dotted": st.lists(IDS, max_size=2),
              "names": st.lists(TEXT, max_size=2)})
COMPANY = st.fixed_dictionaries(
    {"people": st.lists(PERSON, min_size=1, max_size=6)},
    optional={"company": maybe(TEXT), "departments": st.lists(st.fixed_dictionaries(
        {"id": maybe(IDS)}, optional={"name": maybe(TEXT), "colour": COLOURS}), max_size=2)})


def as_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


def loaded(text: str, format: str):
    """The ladder or org, or None when it raised LadderError (anything else fails the test)."""
    try:
        return ladder.api.load(text=text, format=format)
    except LadderError as error:
        assert "\n" not in str(error).strip() or error.problems, str(error)
        return None


def check_drawings(thing, *, svg: bool) -> None:
    for fmt, check in (("markdown", check_markdown), ("mermaid", check_mermaid),
                       ("html", check_html)):
        try:
            check(ladder.api.draw(thing, format=fmt))
        except LadderError:
            pass  # a format that cannot hold it says so (Mermaid's size limit)
    dot = ladder.api.draw(thing, format="dot")
    assert dot == ladder.api.draw(thing, format="dot")  # the same bytes every time
    if svg:
        drawn = ladder.api.draw(thing, format="svg")
        check_svg(drawn)
        assert drawn == ladder.api.draw(thing, format="svg")
        if shutil.which("dot"):  # Graphviz reads every DOT ladder writes
            done = subprocess.run(["dot", "-Tsvg", "-o", "/dev/null"], input=dot, text=True,
                                  capture_output=True, timeout=60)
            assert done.returncode == 0, (done.stderr, dot[:2000])


SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@pytest.mark.slow
@SETTINGS
@given(LADDER, st.sampled_from(["json", "yaml"]))
def test_a_random_ladder_loads_or_is_a_ladder_error(data, format):
    text = as_json(data)  # JSON is YAML too
    thing = loaded(text, format)
    if thing is not None:
        check_drawings(thing, svg=False)


@st.composite
def sound_ladders(draw) -> dict:
    """A ladder that is right in shape (a chain of roles up two tracks), with any text in it."""
    size = draw(st.integers(1, 5))
    tracks = [{"id": "ic", "name": draw(TEXT), "colour": draw(st.sampled_from(
        ["teal", "#abc", "#4c78a8"]))}, {"id": "m", "name": draw(TEXT)}]
    roles = [{"id": f"r{i}", "title": draw(TEXT), "level": i + 1,
              "track": draw(st.sampled_from(["ic", "m"])),
              "aliases": draw(st.lists(TEXT, max_size=2)),
              "competencies": draw(st.lists(TEXT, max_size=3))} for i in range(size)]
    moves = [{"from": f"r{i}", "to": f"r{i + 1}", "years": draw(st.integers(0, 4))}
             for i in range(size - 1)]
    return {"id": "random", "name": draw(TEXT), "tracks": tracks, "roles": roles,
            "moves": moves}


@pytest.mark.slow
@pytest.mark.needs_dot
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.filter_too_much])
@given(sound_ladders())
def test_a_random_ladder_that_loads_draws_safe_svg_and_dot_graphviz_reads(data):
    thing = loaded(as_json(data), "json")
    assume(thing is not None)  # two roles of one title, say: refused, as it should be
    check_drawings(thing, svg=True)


@SETTINGS
@given(COMPANY)
def test_a_random_company_config_loads_or_is_a_ladder_error(data):
    thing = loaded(as_json(data), "json")
    if thing is not None:
        check_drawings(thing, svg=True)  # an org's SVG is written without Graphviz


CELL = st.one_of(IDS, TEXT, st.sampled_from(["NULL", "n/a", "id", "manager", '"', '"a', ","]))


@pytest.mark.slow
@SETTINGS
@given(st.lists(st.lists(CELL, min_size=0, max_size=5), min_size=0, max_size=8),
       st.sampled_from([",", ";", "\t"]), st.sampled_from(["csv", "tsv"]))
def test_a_random_export_loads_or_is_a_ladder_error(rows, delimiter, format):
    header = delimiter.join(["id", "name", "manager", "title"])
    body = "\n".join(delimiter.join(row) for row in rows)
    thing = loaded(header + "\n" + body + "\n", format)
    if thing is not None:
        check_drawings(thing, svg=True)


# -- mutation fuzzing of every loader: the corpus's good files with bytes flipped, cut or added

SEEDS = ["ladder/toml-good.toml", "ladder/json-good.json", "ladder/bom.yaml",
         "company/toml-good.toml", "hr/tsv-good.tsv", "hr/quoted-newline.csv",
         "xlsx/good.xlsx", "framework/monzo-good.md", "framework/handbook-table.md",
         "framework/wide-good.csv", "framework/snowflake-good.json"]
CORPUS = __import__("pathlib").Path(__file__).parent / "hostile" / "corpus"


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    seed = draw(st.sampled_from(SEEDS))
    data = bytearray((CORPUS / seed).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del data[at: at + draw(st.integers(1, 40))]
        else:
            data[at:at] = draw(st.binary(max_size=12) | st.sampled_from(
                [b"\x00", b"\xff\xfe", b'"', b"\n---\n", b"[[", b"{", b"&a *a", b"\r"]))
    return seed, bytes(data)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_every_loader_takes_damaged_bytes_or_says_what_is_wrong(tmp_path_factory, case):
    from ladder.sources.frameworks import import_framework

    seed, data = case
    path = tmp_path_factory.mktemp("fuzz") / __import__("pathlib").Path(seed).name
    path.write_bytes(data)
    try:
        if seed.startswith("framework/"):
            import_framework(path)
        else:
            ladder.api.load(path)
    except LadderError as error:
        assert str(error).startswith(str(path)), str(error)
