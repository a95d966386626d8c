"""Every view of the built-in ladder sets `practice` facts apart: italics and a legend in
pictures, a Source column in tables, a field in JSON; and every view that describes a role
shows its summary (the article's definition for the article's roles), imported ladders'
statements included. Also: the snowflake import says what it read."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner
from conftest import REPO

import ladder as api
from ladder.cli import main
from ladder.renderers.html_viewer import ladder_data
from ladder.renderers.ladder_dot import ladder_dot
from ladder.renderers.matrix import MatrixOptions, matrix_bytes, matrix_html
from ladder.sources.ladders import parse_ladder, read_ladder

PRODUCT = read_ladder("product")
ARTICLE_PM = ("A product manager ties together corporate strategy, design expertise, and "
              "consumer demands to create products that are useful, practical, and valuable.")


def svg_texts(svg: str) -> dict[str, bool]:
    """Each text of an SVG page -> whether it is drawn in italics."""
    return {text: 'font-style="italic"' in attrs
            for attrs, text in re.findall(r"<text([^>]*)>([^<]*)</text>", svg)}


def test_the_matrix_picture_sets_practice_in_italics_with_a_legend():
    texts = svg_texts(matrix_bytes(PRODUCT, "svg").decode())
    assert texts["• Market research."] is False  # the article's list for a Director
    assert texts["• Mentors other product managers."] is True  # ours
    assert texts["Strategy"] is True and texts["Business"] is False  # our area, its group
    assert texts["Leadership"] is True  # the fourth group is ours too
    assert texts["Senior Product Manager"] is True and texts["Head of Product"] is False
    assert texts["level 3"] is True  # the article gives no level numbers
    assert any(t.startswith("Italics: Common industry practice") for t in texts)
    # the article's definition heads its role's column, quoted
    header = " ".join(t for t in texts if not t.startswith("•"))
    assert "\u201cA product manager ties together corporate strategy" in header


def test_an_imported_ladder_of_one_source_has_no_italics_or_legend(tmp_path):
    one = parse_ladder({"sources": [{"id": "handbook", "title": "Our handbook"}],
                        "areas": [{"id": "craft", "name": "Craft", "source": "handbook"}],
                        "roles": [{"id": "dev", "level": 1, "summary": "Builds things.",
                                   "summary_source": "handbook", "expectations": {
                                       "craft": [{"text": "Writes code.",
                                                  "source": "handbook"}]}}]}, "one.yaml")
    svg = matrix_bytes(one, "svg").decode()
    assert 'font-style="italic"' not in svg and "Italics" not in svg
    assert "Source" not in api.draw(one, format="csv")


def test_the_matrix_tables_have_a_source_column_and_json_a_field():
    rows = list(csv.reader(io.StringIO(api.draw(PRODUCT, format="csv"))))
    header = rows[0]
    assert header[:6] == ["Group", "Group source", "Area", "Area source", "Summary",
                          "Summary source"]
    market = next(r for r in rows if r[2] == "Market and commercial")
    director = header.index("Director of Product")
    assert header[director + 1] == "Director of Product source"
    assert market[director].split("\n") == ["Market research.", "Competitor research."]
    assert market[director + 1].split("\n") == ["article", "article"]
    assert market[:4] == ["business", "article", "Market and commercial", "practice"]
    data = json.loads(api.draw(PRODUCT, format="json", view="matrix"))
    assert {s["id"]: s["practice"] for s in data["sources"]} == {"article": False,
                                                                 "practice": True}
    pm = next(c for c in data["columns"] if c["id"] == "product-manager")
    assert (pm["summary"], pm["summary_source"], pm["level_source"]) == (
        ARTICLE_PM, "article", "practice")
    strategy = next(a for a in data["areas"] if a["id"] == "strategy")
    assert (strategy["source"], strategy["group_source"]) == ("practice", "article")
    assert strategy["cells"]["senior-product-manager"][0]["source"] == "practice"


def test_the_matrix_html_marks_practice_and_shows_summaries():
    page = matrix_html(PRODUCT, MatrixOptions())
    assert '<em class="practice">Mentors other product managers.</em>' in page
    assert "<li>Market research.</li>" in page
    assert '<p class="legend"><em class="practice">Italics: Common industry practice' in page
    assert f'<p class="summary">\u201c{ARTICLE_PM}\u201d</p>' in page


def test_the_graph_marks_practice_years_levels_and_aliases_without_detail():
    dot = ladder_dot(PRODUCT)
    assert "<I>~2.5 yrs</I>" in dot  # typical years are ours
    assert "<B><I>Level 3</I></B>" in dot
    assert "also <I>Junior PM</I>" in dot
    assert "<B>Head of Product</B>" in dot  # an article title upright
    assert "<I>italics</I>: Common industry practice (not in the article)" in dot
    detail = ladder_dot(PRODUCT, detail=True)
    assert "\u201cA product manager ties together" in detail  # the definition, quoted
    assert "<I>Learns the craft" in detail  # a summary of ours


def test_the_ladder_json_carries_each_facts_source():
    data = json.loads(api.draw(PRODUCT, format="json"))
    cpo = next(r for r in data["roles"] if r["id"] == "chief-product-officer")
    assert cpo["alias_sources"]["CPO"] == "article"
    assert cpo["alias_sources"]["VP of Product"] == "practice"
    assert cpo["level_source"] == "practice" and cpo["summary_source"] == "article"
    assert {m["years_source"] for m in data["moves"]} == {"practice"}
    assert {v["source"] for v in data["variants"].values()} == {"practice"}
    assert cpo["expectations"][0]["statements"][0] == {
        "text": "Strategic product vision skills.", "source": "article"}


def test_a_variants_joined_moves_keep_the_least_sure_source():
    startup = api.ladder_for(PRODUCT, variant="startup")
    assert [m.years_source for m in startup.moves] == ["practice"]


def test_roles_shows_summaries_sources_and_an_imported_ladders_statements(shared_dir,
                                                                           tmp_path):
    runner = CliRunner()
    text = runner.invoke(main, ["roles"]).output
    assert f"  {ARTICLE_PM}  [article]" in text
    assert "Senior Product Manager  [practice] (senior-product-manager): level 3  [practice]" \
        in text
    assert "also called: CPO  [article], VP of Product  [practice]" in text
    markdown = runner.invoke(main, ["roles", "--format", "markdown"]).output
    assert "| role | level | track | also called | summary | asks for | source |" in markdown
    assert "role: practice, level: practice, summary: practice |" in markdown
    imported = tmp_path / "infracloud.yaml"
    result = runner.invoke(main, ["import", str(shared_dir / "data/ladders/infracloud"),
                                  "-o", str(imported)])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(main, ["roles", "--ladder", str(imported)]).output
    ladder = read_ladder(imported)
    senior = ladder.roles["senior-engineer"]
    assert senior.summary[:60] in listed
    # every statement of the role is listed, under its area's name, with its options
    for area, statements in senior.expectations:
        assert f"  {ladder.areas[area].name}:" in listed
        for statement in statements:
            assert f"    - {statement.text}" in listed
            for option in statement.options:
                assert f"    - one of: {option}" in listed
    assert "  [source]" not in listed  # one source: no fact marked with it


def test_the_viewer_panel_data_has_summaries_statements_and_practice(shared_dir, tmp_path):
    nodes = {n["name"]: n for n in ladder_data(PRODUCT)["nodes"]}
    pm = nodes["Product Manager"]
    assert pm["summary"] == ARTICLE_PM and pm["quoted"] is True
    assert "level" in pm["practice"] and "summary" not in pm["practice"]
    assert "Product Owner" in pm["practice"] and "corporate strategy" not in pm["practice"]
    assert ladder_data(PRODUCT)["legend"] == "Common industry practice (not in the article)"
    result = CliRunner().invoke(main, ["import", str(shared_dir / "data/ladders/infracloud"),
                                       "-o", str(tmp_path / "i.yaml")])
    assert result.exit_code == 0, result.output
    imported = read_ladder(tmp_path / "i.yaml")
    data = ladder_data(imported)
    senior = next(n for n in data["nodes"] if n["name"] == "Senior Engineer")
    wanted = imported.roles["senior-engineer"]
    assert senior["summary"] == wanted.summary
    assert [area for area, _ in senior["expectations"]] == [
        imported.areas[a].name for a, found in wanted.expectations if found]
    assert sum(len(texts) for _, texts in senior["expectations"]) == sum(
        len(s) + sum(len(x.options) for x in s) for _, s in wanted.expectations)
    assert data["legend"] == "" and senior["practice"] == []


@pytest.mark.parametrize("name", ["platform-snowflake.json"])
def test_the_snowflake_import_says_what_it_read(tmp_path, name):
    source = REPO / "examples" / "frameworks" / name
    raw = json.loads(source.read_text(encoding="utf-8"))
    # counted here on the file itself: each track's milestones, their signals and examples
    tracks = raw["tracks"].values() if isinstance(raw["tracks"], dict) else raw["tracks"]
    milestones = [m for track in tracks for m in track["milestones"]]
    signals = sum(len(m.get("signals", [])) for m in milestones)
    examples = sum(len(m.get("examples", [])) for m in milestones)
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "s.yaml")])
    assert result.exit_code == 0, result.output
    assert "0 statements" not in result.output
    assert (f"{len(milestones)} milestones on the areas' scales ({signals} signals, "
            f"{examples} examples), roles by points") in result.output


def test_a_wrong_source_key_is_a_located_error():
    from ladder.errors import SourceError

    text = """\
sources: [{id: a, title: A}, {id: p, title: P, practice: "yes"}]
roles:
  - {id: x, level: 1, aliases: [{name: X1, source: q}, {nam: X2}], level_source: zz}
moves:
  - {from: x, to: x2, years: 1, years_source: a}
"""
    from ladder.sources.document import parse_document

    with pytest.raises(SourceError) as error:
        parse_ladder(parse_document(text, "bad.yaml"), "bad.yaml")
    messages = [(p.line, p.message) for p in error.value.problems]
    assert (1, "source 'p': 'practice' must be true or false") in messages
    assert (3, "role 'x': source 'q' is not listed in 'sources'") in messages
    assert (3, "role 'x': alias: unknown key 'nam'") in messages
    assert (3, "role 'x': level_source 'zz' is not listed in 'sources'") in messages
