"""Competency areas in the ladder format: expectations per role and area, milestones, points."""

from __future__ import annotations

import pytest

from ladder.errors import SourceError
from ladder.sources.document import parse_document
from ladder.sources.ladders import parse_ladder, read_ladder

LADDER = """\
id: tiny
areas:
  - {id: craft, name: Craft, group: technology}
  - {id: people, name: People}
roles:
  - id: a
    level: 1
    competencies: [writing]
    expectations:
      people: [Works with the team.]
      craft:
        - Writes tested code.
        - {text: Reviews code, examples: [reviews two pull requests a week]}
  - {id: b, level: 2}
moves:
  - {from: a, to: b}
"""


def parse(text: str):
    return parse_ladder(parse_document(text, "tiny.yaml"), "tiny.yaml")


def test_expectations_follow_the_area_order_and_keep_examples():
    ladder = parse(LADDER)
    role = ladder.roles["a"]
    assert [area for area, _ in role.expectations] == ["craft", "people"]
    craft = dict(role.expectations)["craft"]
    assert [s.text for s in craft] == ["Writes tested code.", "Reviews code"]
    assert craft[1].examples == ("reviews two pull requests a week",)
    assert ladder.areas["craft"].group == "technology"
    # flat competencies stay valid beside areas, and a role may have no expectations
    assert [c.name for c in role.competencies] == ["writing"]
    assert ladder.roles["b"].expectations == ()


@pytest.mark.parametrize("change, line, message, hint", [
    ("people: [Works with the team.]", 10, "area 'peple' is not defined", "did you mean 'people'?"),
    ("- {text: Reviews code, examples", 13, "unknown key", None),
], ids=["unknown-area", "unknown-statement-key"])
def test_mistakes_in_areas_name_the_line(change, line, message, hint):
    text = LADDER.replace("people: [Works", "peple: [Works") if "people" in change else \
        LADDER.replace("{text: Reviews code, examples:", "{text: Reviews code, exampels:")
    with pytest.raises(SourceError) as caught:
        parse(text)
    assert caught.value.line == line
    assert message in caught.value.message
    if hint:
        assert caught.value.hint == hint


def test_points_scale_and_milestones():
    text = LADDER + """\
points:
  milestones: [0, 1, 3]
  titles: [{points: 0, role: a}, {points: 4, role: b}]
"""
    text = text.replace("{id: people, name: People}",
                        "{id: people, name: People, milestones: [Helps, {text: Leads}]}")
    ladder = parse(text)
    assert ladder.points.milestone_points == (0, 1, 3)
    assert ladder.points.thresholds == ((0, "a"), (4, "b"))
    assert [m.text for m in ladder.areas["people"].milestones] == ["Helps", "Leads"]
    with pytest.raises(SourceError, match="titles must not go down in points"):
        parse(text.replace("{points: 0, role: a}, {points: 4, role: b}",
                           "{points: 4, role: a}, {points: 0, role: b}"))
    with pytest.raises(SourceError, match="an area has 2 milestones"):
        parse(text.replace("[0, 1, 3]", "[0, 1]"))


def test_builtin_product_ladder_has_the_articles_groups_and_words():
    ladder = read_ladder("product")
    assert {area.group for area in ladder.areas.values()} >= {"technology", "business", "design"}
    director = ladder.roles["director-of-product"]
    texts = [s.text for _, found in director.expectations for s in found]
    assert "Competitor research." in texts
    sources = {s.source for role in ladder for _, found in role.expectations for s in found}
    assert sources == {"article", "practice"}
    # every role says what it asks for in at least one area
    assert all(role.expectations for role in ladder)


def test_an_area_colour_must_be_a_colour():
    with pytest.raises(SourceError) as caught:
        parse(LADDER.replace("{id: people, name: People}",
                             '{id: people, name: People, colour: "red; x"}'))
    assert caught.value.line == 4 and "'red; x' is not a colour" in caught.value.message


def test_a_misspelt_colour_name_is_refused_and_a_css_name_kept():
    """A colour is "#rgb", "#rrggbb" or a CSS colour name (in any case): "blu" is a typo that
    would draw black, so the loader says so at its line instead of drawing it."""
    with pytest.raises(SourceError) as caught:
        parse(LADDER.replace("{id: people, name: People}",
                             "{id: people, name: People, colour: blu}"))
    assert caught.value.line == 4 and "'blu' is not a colour" in caught.value.message
    for kept in ("teal", "CornflowerBlue", "#4c78a8", "#abc"):
        ladder = parse(LADDER.replace("{id: people, name: People}",
                                      f"{{id: people, name: People, colour: '{kept}'}}"))
        assert ladder.areas["people"].colour == kept


@pytest.mark.needs_dot
def test_graphviz_knows_every_colour_name_a_file_may_give():
    import subprocess

    from ladder.escape import COLOUR_NAMES

    nodes = "".join(f'n{i} [style=filled fillcolor="{name}"];'
                    for i, name in enumerate(sorted(COLOUR_NAMES)))
    drawn = subprocess.run(["dot", "-Tsvg"], input=f"digraph {{{nodes}}}", text=True,
                           capture_output=True, check=True)
    assert len(COLOUR_NAMES) == 148 and "not a known color" not in drawn.stderr
