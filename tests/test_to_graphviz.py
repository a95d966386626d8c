"""ladder.to_graphviz: a graphviz.Source of draw's DOT that draws draw's picture, in a notebook
(``_repr_mimebundle_``, what Jupyter calls) and through the package's pipe and render."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import graphviz
import pytest
from conftest import REPO

import ladder
from ladder.errors import LadderError, RenderError

pytestmark = pytest.mark.needs_dot

STARTUP = str(REPO / "examples" / "startup.yaml")
SCALE_UP = str(REPO / "examples" / "scale-up.yaml")
# (thing, options, engine): each kind of DOT ladder writes
CASES = [
    ("product", {"variant": "startup"}, "dot"),
    ("product", {"highlight": "Junior PM..CPO"}, "dot"),
    ("product", {"view": "matrix"}, "neato"),  # pinned, as an org chart
    (STARTUP, {}, "neato"),
    (SCALE_UP, {"root": "priya-chatterjee", "depth": 2, "mode": "tree"}, "neato"),
]


def texts(svg: str | bytes) -> list[str]:
    """Every text of an SVG drawing, sorted."""
    root = ElementTree.fromstring(svg.encode("utf-8") if isinstance(svg, str) else svg)
    return sorted("".join(element.itertext()).strip()
                  for element in root.iter("{http://www.w3.org/2000/svg}text"))


@pytest.mark.parametrize(("thing", "options", "engine"), CASES)
def test_the_source_is_draws_dot_and_draws_draws_picture(thing, options, engine):
    chart = ladder.to_graphviz(thing, **options)
    assert isinstance(chart, graphviz.Source)
    assert chart.source == ladder.draw(thing, format="dot", **options)
    assert chart.engine == engine
    assert chart.neato_no_op == (2 if engine == "neato" else None)
    shown = chart._repr_mimebundle_()  # what a Jupyter cell shows
    assert list(shown) == ["image/svg+xml"]
    drawn = texts(str(ladder.draw(thing, **options)))
    assert texts(shown["image/svg+xml"]) == drawn and len(drawn) > 10
    # ladder's environment goes with it: the shipped font, so the very bytes of draw's PNG
    assert chart.pipe(format="png") == ladder.draw(thing, format="png", **options)


def test_an_org_chart_keeps_its_pinned_positions_in_every_call():
    org = ladder.load(STARTUP)
    chart = ladder.to_graphviz(org)
    pinned = chart.pipe(format="svg", encoding="utf-8")
    relaid = chart.pipe(format="svg", encoding="utf-8", neato_no_op=0)  # neato lays it out
    assert texts(pinned) == texts(relaid) and pinned != relaid
    assert chart.copy().neato_no_op == 2 and isinstance(chart.copy(), type(chart))
    for name in ("Inès Moreau", "Priya Raman", "Open: Product Manager"):
        assert name in pinned


def test_render_and_save_write_the_files_a_graphviz_user_expects(tmp_path):
    chart = ladder.to_graphviz(STARTUP)
    written = chart.render(filename="team.gv", directory=tmp_path, format="png")
    assert written == str(tmp_path / "team.gv.png")
    assert (tmp_path / "team.gv").read_text(encoding="utf-8") == chart.source
    assert (tmp_path / "team.gv.png").read_bytes() == ladder.draw(STARTUP, format="png")
    pdf = chart.render(outfile=tmp_path / "team.pdf")
    assert pdf == str(tmp_path / "team.pdf")
    assert (tmp_path / "team.pdf").read_bytes() == ladder.draw(STARTUP, format="pdf")


@pytest.mark.parametrize(("options", "said"), [
    ({"split": "department"}, "option 'split' writes several files"),
    ({"paper": "a4"}, "option 'paper' prints a PDF book"),
    ({"scale": 2}, "option 'scale' sets a PNG's pixels"),
    ({"theme": "dark"}, "option 'theme' colours ladder's own SVG and HTML"),
    ({"transparent": True}, "option 'transparent' clears the background"),
])
def test_options_only_a_file_holds_are_clear_errors(options, said):
    with pytest.raises(LadderError, match=said) as caught:
        ladder.to_graphviz(STARTUP, **options)
    assert "which a graphviz.Source cannot hold" in caught.value.message
    assert "ladder.render()" in (caught.value.hint or "")


@pytest.mark.parametrize(("options", "said"), [
    ({"detail": True}, "option 'detail' applies to ladders, not to org charts"),
    ({"colums": 3}, r"unknown option 'colums' \(did you mean 'columns'\?\)"),
])
def test_options_are_checked_as_draw_checks_them(options, said):
    with pytest.raises(LadderError, match=said):
        ladder.to_graphviz(STARTUP, **options)
    with pytest.raises(LadderError, match=said):
        ladder.draw(STARTUP, **options)


def test_errors_map_as_draws_do(tmp_path):
    broken = tmp_path / "team.yaml"
    broken.write_text("people:\n  - {id: a, name: A, manager: b}\n", encoding="utf-8")
    with pytest.raises(LadderError, match="team.yaml:2"):
        ladder.to_graphviz(broken)
    with pytest.raises(LadderError, match="cannot draw a value of type int"):
        ladder.to_graphviz(3)  # type: ignore[arg-type]
    chart = ladder.to_graphviz("product")
    with pytest.raises(RenderError, match="not 'png:gd'"):
        chart.pipe(format="png", renderer="gd")
    with pytest.raises(RenderError, match="cannot write 'jpeg'"):
        chart.pipe(format="jpeg")
    cut_short = type(chart)(chart.source[:-3], engine="dot")  # Graphviz's own failure
    with pytest.raises(RenderError, match="Graphviz 'dot' failed"):
        cut_short.pipe(format="svg")
