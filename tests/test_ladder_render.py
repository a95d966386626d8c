"""The ladder diagram: golden DOT by meaning, real SVG/PNG/PDF files, same bytes every run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from dot_meaning import dot_meaning
from regen_golden import GOLDEN, golden_ladders

from ladder.api import ladder_for, render
from ladder.model import Ladder, Role
from ladder.model.variants import variant_ids
from ladder.renderers.ladder_dot import Highlight, ladder_dot
from ladder.sources.ladders import read_ladder

MAGIC = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}


@pytest.mark.parametrize("name", sorted(golden_ladders()))
def test_dot_matches_golden_by_meaning(name):
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert dot_meaning(golden_ladders()[name]) == expected, (
        "the drawing changed: if intended, run python tests/regen_golden.py and read the diff")


def test_roles_sit_in_their_track_lane_and_level_column():
    meaning = dot_meaning(ladder_dot(read_ladder()))
    assert "principal-product-manager" in meaning["clusters"]["cluster_ic"]
    assert "chief-product-officer" in meaning["clusters"]["cluster_management"]
    lateral = meaning["edges"]["principal-product-manager -> director-of-product"]
    assert lateral["style"] == "dashed" and lateral["dir"] == "both"
    assert "director-of-product -> principal-product-manager" not in meaning["edges"]
    promotion = meaning["edges"]["junior-product-manager -> product-manager"]
    assert "style" not in promotion and "1.5" in promotion["label"]


def test_detail_lists_competencies_and_no_years_hides_labels():
    product = read_ladder()
    detailed = ladder_dot(product, detail=True)
    assert "strategic product vision" in detailed
    assert "strategic product vision" not in ladder_dot(product)
    # what the seed article lists is plain; what comes from common practice is in italics
    assert "<I>product strategy for an area</I>" in detailed
    assert "<I>corporate strategy</I>" not in detailed and "corporate strategy" in detailed
    assert "<I>italics</I>: Common industry practice (not in the article)" in detailed
    assert "yrs" not in ladder_dot(product, years=False).replace("~N yrs", "")


def test_highlight_fades_the_rest_and_numbers_steps():
    product = read_ladder()
    highlight = Highlight(
        roles=frozenset({"product-manager", "senior-product-manager"}),
        steps={("product-manager", "senior-product-manager"): [1]},
    )
    meaning = dot_meaning(ladder_dot(product, highlight=highlight))
    # the step number upright, the typical years (common practice) in italics
    assert meaning["edges"]["product-manager -> senior-product-manager"]["label"].startswith(
        "< (1)  <I>~2.5 yrs</I>")
    assert meaning["edges"]["head-of-product -> chief-product-officer"]["color"] == "#c9ccd1"


def test_names_are_escaped_whatever_they_hold():
    tricky = 'R&D <Lead> "Boss" \\ O\'Neil ☃'
    ladder = Ladder.build(id="x", name="Tricky & <co>", roles={
        "a": Role("a", tricky, 1, "default"), "b": Role("b", "Plain", 2, "default")})
    source = ladder_dot(ladder)
    assert "R&amp;D &lt;Lead&gt; &quot;Boss&quot;" in source
    assert "<Lead>" not in source


def _svg_text(svg: str) -> str:
    words = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return " ".join(words).replace("&amp;", "&")


@pytest.mark.needs_dot
@pytest.mark.parametrize("variant", variant_ids(read_ladder()))
@pytest.mark.parametrize("format", ["svg", "png", "pdf"])
def test_every_variant_renders_in_every_format(tmp_path, variant, format):
    (path,) = render(None, tmp_path / f"x.{format}", variant=variant)
    data = path.read_bytes()
    assert data.startswith(MAGIC[format]) and len(data) > 2000
    if format == "svg":
        text = _svg_text(data.decode("utf-8"))
        for role in ladder_for(variant=variant):
            assert role.title in text


@pytest.mark.needs_dot
@pytest.mark.parametrize("format", ["svg", "png", "pdf", "dot"])
def test_same_input_gives_the_same_bytes(tmp_path, format):
    first = render(None, tmp_path / f"a.{format}", detail=True)[0].read_bytes()
    second = render(None, tmp_path / f"b.{format}", detail=True)[0].read_bytes()
    assert first == second


@pytest.mark.needs_dot
def test_png_is_a_readable_size(tmp_path):
    (path,) = render(None, tmp_path / "x.png", variant="enterprise")
    width, height = int.from_bytes(path.read_bytes()[16:20]), int.from_bytes(
        path.read_bytes()[20:24])
    assert 800 < width < 4000 and 200 < height < 2000


def test_default_output_goes_to_output_dir(tmp_path: Path):
    (path,) = render(None, format="dot", variant="scale-up", output_dir=tmp_path)
    assert path == tmp_path / "product-scale-up.dot"
