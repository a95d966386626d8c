"""PowerPoint decks (issue 19): every name as text in a shape, slides that fit at a readable
size, links between slides, glued connectors, and the same bytes for the same org."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.synth import synthetic_rows
from ladder.cli import main
from ladder.model import Org, Person
from ladder.renderers.files import FORMATS, output_format
from ladder.renderers.org_pptx import (
    EMU_PER_PX,
    MIN_SCALE,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    deck,
    plan_slides,
    room,
)

pptx = pytest.importorskip("pptx")


def synthetic(size: int) -> Org:
    return Org.build("Synthetic & Co", [
        Person(pid, name, title=title, manager=boss or None, department=dep)
        for pid, boss, name, title, dep in synthetic_rows(size, 2)])


def cards(slide) -> list:
    return [shape for shape in slide.shapes if shape.name.startswith("Card ")]


@pytest.mark.slow
def test_a_deck_holds_every_name_as_text_in_a_shape_on_slides_that_fit() -> None:
    org = synthetic(400)
    deck_bytes = deck(org)
    presentation = pptx.Presentation(io.BytesIO(deck_bytes))
    slides = list(presentation.slides)
    assert len(slides) > 5
    width, height = presentation.slide_width, presentation.slide_height
    assert (width, height) == (SLIDE_WIDTH * EMU_PER_PX, SLIDE_HEIGHT * EMU_PER_PX)
    named = set()
    for slide in slides:
        for card in cards(slide):
            assert 0 <= card.left and card.left + card.width <= width
            assert 0 <= card.top and card.top + card.height <= height
            assert card.width >= 240 * MIN_SCALE * EMU_PER_PX - 1  # a readable size
            if not card.name.startswith(("Card context:", "Card continued:")):
                named.add(card.text_frame.paragraphs[0].text)
    assert {p.name for p in org.people.values()} <= named


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_slides_link_to_teams_and_back_and_connectors_are_glued() -> None:
    presentation = pptx.Presentation(io.BytesIO(deck(synthetic(300))))
    slides = list(presentation.slides)
    first = slides[0]
    leads = [c for c in cards(first) if "→ slide" in c.text_frame.text]
    assert leads
    target = leads[0].click_action.target_slide
    assert target is not None and target != first
    number = int(leads[0].text_frame.text.split("→ slide ")[1].split()[0])
    assert slides[number - 1] == target
    back = [c for c in cards(target) if c.name.startswith("Card context:")]
    assert back and back[0].click_action.target_slide == first
    glued = [s for s in first.shapes if s.shape_type == pptx.enum.shapes.MSO_SHAPE_TYPE.LINE
             or s.name == "Line"]
    xml = first.shapes._spTree.xml
    assert glued and "stCxn" in xml and "endCxn" in xml  # elbows that follow moved cards


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_the_same_org_gives_the_same_bytes() -> None:
    org = synthetic(120)
    assert deck(org) == deck(org)


def test_names_are_data(tmp_path: Path) -> None:
    org = Org.build("<x>", [Person("a", "Ada <b>&amp;</b>"), Person("b", "Bo\"", manager="a")])
    presentation = pptx.Presentation(io.BytesIO(deck(org)))
    texts = [c.text_frame.paragraphs[0].text for c in cards(presentation.slides[0])]
    assert texts == ["Ada <b>&amp;</b>", 'Bo"']


def test_the_cli_writes_pptx_from_the_suffix(tmp_path: Path) -> None:
    assert "pptx" in FORMATS and output_format(tmp_path / "x.pptx", None,
                                               allowed=("pptx",)) == "pptx"
    source = tmp_path / "org.csv"
    source.write_text("id,parentId,name,position\nE0,,Ada Okafor,CEO\nE1,E0,Ben Silva,CTO\n",
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(tmp_path / "o.pptx")])
    assert result.exit_code == 0, result.output
    presentation = pptx.Presentation(str(tmp_path / "o.pptx"))
    assert [c.text_frame.paragraphs[0].text for c in cards(presentation.slides[0])] == [
        "Ada Okafor", "Ben Silva"]


def test_a_team_of_twenty_is_listed_on_one_slide_not_sliced() -> None:
    # a slide holds four or five columns of cards: a team of 20 is listed in them under its
    # head (before, it was two columns cut into slices "part 1 of 2")
    people = [Person("ceo", "Ada Okafor")]
    for m in range(6):
        people.append(Person(f"m{m}", f"Manager {m}", manager="ceo"))
        people += [Person(f"m{m}-{r}", f"Report {m}.{r}", manager=f"m{m}") for r in range(20)]
    pages = plan_slides(Org.build("Teams", people))
    assert len(pages) > 1 and all(page.part is None for page in pages)
    assert all(room(page.chart.width, page.chart.height) >= 1 for page in pages if page.chart)
    xml = "".join(slide.shapes._spTree.xml for slide in pptx.Presentation(
        io.BytesIO(deck(Org.build("Teams", people)))).slides)
    assert "stCxn" in xml and "<p:style>" not in xml  # no theme shadow under cards or lines
