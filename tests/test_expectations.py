"""What changes at the next level, per area: one answer for gap, paths and the matrix."""

from __future__ import annotations

import json

from click.testing import CliRunner

from ladder.analysis.expectations import area_changes, ladder_areas, role_expectations
from ladder.cli import main
from ladder.sources.document import parse_document
from ladder.sources.ladders import parse_ladder, read_ladder


def test_new_raised_same_and_dropped():
    ladder = parse_ladder(parse_document("""\
areas: [{id: a}, {id: b}, {id: c}, {id: d}]
roles:
  - {id: x, level: 1, expectations: {a: [Writes.], b: [Reviews.], d: [Fixes.]}}
  - {id: y, level: 2, expectations: {a: [writes], b: [Reviews., Designs.], c: [Leads.]}}
""", "t.yaml"), "t.yaml")
    changes = {c.area.id: c for c in area_changes(ladder, "x", "y", keep_same=True)}
    assert {k: c.kind for k, c in changes.items()} == {
        "a": "same", "b": "raised", "c": "new", "d": "dropped"}
    assert [s.text for s in changes["b"].added] == ["Designs."]
    assert [c.area.id for c in area_changes(ladder, "x", "y")] == ["b", "c", "d"]


def test_competencies_only_ladders_answer_as_one_area():
    ladder = parse_ladder(parse_document(
        "roles:\n  - {id: x, level: 1, competencies: [a]}\n"
        "  - {id: y, level: 2, competencies: [a, b]}\n", "t.yaml"), "t.yaml")
    assert [a.name for a in ladder_areas(ladder)] == ["Competencies"]
    assert [s.text for s in role_expectations(ladder, ladder.roles["y"])["competencies"]] == [
        "a", "b"]
    assert [s.text for s in area_changes(ladder, "x", "y")[0].added] == ["b"]


def test_gap_and_paths_show_the_areas():
    runner = CliRunner()
    result = runner.invoke(main, ["gap", "senior pm", "director of product", "--format",
                                  "json"])
    assert result.exit_code == 0, result.output
    areas = {a["area"]: a for a in json.loads(result.output)["areas"]}
    assert areas["market"]["change"] == "new"
    assert areas["market"]["added"] == ["Market research.", "Competitor research."]
    result = runner.invoke(main, ["gap", "senior pm", "director of product"])
    # the area is common practice (starred), its statements the article's (as they are)
    assert "Market and commercial* (new):\n      + Market research.\n" in result.output
    result = runner.invoke(main, ["paths", "junior pm", "senior pm", "--format", "markdown"])
    assert "### Product Manager -> Senior Product Manager" in result.output
    assert "#### *Data and research* (new)" in result.output


def test_gap_on_a_ladder_without_areas_is_as_before(tmp_path):
    result = CliRunner().invoke(main, ["gap", "junior", "engineer", "--ladder",
                                       "examples/ladders/ft-engineering.yaml"])
    assert result.exit_code == 0
    assert "per area" not in result.output
    assert read_ladder("examples/ladders/ft-engineering.yaml").areas == {}


def test_a_joined_ladder_keeps_each_ladders_areas_and_the_others_competencies():
    from ladder.sources.ladder_set import load_any_ladder

    joined = load_any_ladder("examples/ladders/engineering-to-product.yaml")
    assert "product:market" in joined.areas
    director = joined.roles["product:director-of-product"]
    assert [s.text for s in role_expectations(joined, director)["product:market"]] == [
        "Market research.", "Competitor research."]
    # the FT ladder of the set has competencies only: they are the unnamed area's
    assert ladder_areas(joined)[-1].id == "competencies"
    junior = joined.roles["engineering:junior"]
    assert list(role_expectations(joined, junior)) == ["competencies"]
