"""The levels-by-areas matrix: content, wrapping geometry, highlight, compare, and its formats."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import REPO

from ladder.cli import main
from ladder.errors import LadderError
from ladder.layout.cards import text_width
from ladder.renderers.matrix import (
    COLUMN_WIDTH,
    NEW,
    PAD,
    MatrixOptions,
    matrix_bytes,
    matrix_html,
    matrix_markdown,
    matrix_page,
    matrix_table,
)
from ladder.sources.document import parse_document
from ladder.sources.ladders import parse_ladder, read_ladder

FRAMEWORKS = REPO / "examples" / "frameworks"


@pytest.fixture(scope="module")
def product():
    return read_ladder("product")


def test_columns_are_levels_track_by_track_and_rows_are_areas(product):
    table = matrix_table(product, MatrixOptions())
    assert [c.key for c in table.columns] == [
        "junior-product-manager", "product-manager", "senior-product-manager",
        "principal-product-manager", "director-of-product", "head-of-product",
        "chief-product-officer"]
    assert [a.id for a in table.areas] == list(product.areas)
    cell = table.cells["market", "director-of-product"]
    assert [i.statement.text for i in cell] == ["Market research.", "Competitor research."]


def test_the_builtin_matrix_carries_the_articles_words(product):
    svg = matrix_bytes(product, "svg").decode()
    texts = " ".join(re.findall(r">([^<]*)</text>", svg))
    for words in ("Market research.", "Competitor research.", "Strategic thinking.",
                  "Marketing strategies.", "Technology", "Business", "Design"):
        assert words in texts


def test_every_line_of_text_fits_its_column(product):
    page = matrix_page(matrix_table(product, MatrixOptions()), MatrixOptions())
    columns = sorted({box.x for box in page.boxes if box.width == COLUMN_WIDTH})
    for text in page.texts:
        column = max((x for x in columns if x <= text.x), default=None)
        if column is None or text.size > 13:  # titles and area labels
            continue
        assert text.x + text_width(text.text, text.size, bold=text.bold) <= (
            column + COLUMN_WIDTH - PAD + 0.5), text.text


def test_role_and_level_highlight_their_columns(product):
    table = matrix_table(product, MatrixOptions(roles=("principal-product-manager",
                                                       "director-of-product")))
    assert [c.key for c in table.columns if c.highlighted] == [
        "principal-product-manager", "director-of-product"]
    markdown = matrix_markdown(product, MatrixOptions(roles=("director-of-product",)))
    assert "| **Director of Product** |" in markdown


def test_compare_keeps_only_the_areas_that_change(product):
    options = MatrixOptions(compare=("senior-product-manager", "director-of-product"))
    table = matrix_table(product, options)
    assert [c.key for c in table.columns] == ["senior-product-manager", "director-of-product"]
    assert table.row_notes["market"] == "new"
    assert table.row_notes["leadership"] == "raised"
    new = [i.statement.text for i in table.cells["market", "director-of-product"]
           if i.mark == NEW]
    assert new == ["Market research.", "Competitor research."]
    same = parse_ladder(parse_document("""\
areas: [{id: a}]
roles:
  - {id: x, level: 1, expectations: {a: [Same words.]}}
  - {id: y, level: 2, expectations: {a: [same words]}}
""", "same.yaml"), "same.yaml")
    with pytest.raises(LadderError, match="ask the same in every area"):
        matrix_table(same, MatrixOptions(compare=("x", "y")))


def test_a_ladder_with_competencies_only_is_one_unnamed_area():
    flat = parse_ladder(parse_document("""roles:
  - {id: a, level: 1, competencies: [writing]}
  - {id: b, level: 2, competencies: [editing, "<b>&</b>"]}
""", "flat.yaml"), "flat.yaml")
    table = matrix_table(flat, MatrixOptions())
    assert [a.name for a in table.areas] == ["Competencies"]
    svg = matrix_bytes(flat, "svg").decode()
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in svg and "<b>&" not in svg
    assert "<td><ul><li>&lt;b&gt;&amp;&lt;/b&gt;</li>" in matrix_html(flat).replace(
        "<li>editing</li>", "")


def test_a_points_framework_has_a_column_per_milestone(data_dir):
    from ladder.sources.frameworks import load_framework_ladder

    ladder = load_framework_ladder(FRAMEWORKS / "platform-snowflake.json")
    table = matrix_table(ladder, MatrixOptions())
    assert [c.title for c in table.columns] == [f"Milestone {n}" for n in range(1, 5)]
    assert [c.subtitle for c in table.columns] == ["1 point", "3 points", "6 points",
                                                    "12 points"]
    assert ("infrastructure", "milestone-4") not in table.cells  # it has three milestones
    assert {a.group for a in table.areas} == {"Building", "Enabling"}


def test_markdown_is_a_table_per_area(product):
    markdown = matrix_markdown(product)
    assert markdown.count("\n## ") == len(product.areas) + 1  # the roles, then each area
    assert ("| Director of Product | Market research.<br>Competitor research. | "
            "article<br>article |") in markdown
    assert "| Senior Product Manager | 3 | Owns a product area end to end and mentors other " \
           "PMs. | role: practice, level: practice, summary: practice |" in markdown


def test_the_same_input_gives_the_same_bytes(product):
    options = MatrixOptions(roles=("product-manager",))
    assert matrix_bytes(product, "svg", options) == matrix_bytes(product, "svg", options)
    assert matrix_bytes(product, "dot", options) == matrix_bytes(product, "dot", options)


@pytest.mark.needs_dot
@pytest.mark.parametrize("suffix, magic", [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_cli_writes_bitmaps_and_pdf_of_the_page_size(tmp_path, product, suffix, magic):
    out = tmp_path / f"matrix.{suffix}"
    result = CliRunner().invoke(main, ["render", "product", "--view", "matrix", "--role", "pm",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(magic)
    if suffix == "png":
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        page = matrix_page(matrix_table(product, MatrixOptions()), MatrixOptions())
        # Graphviz adds a few points of border around the pinned page
        assert abs(width - page.width) <= 8 and abs(height - page.height) <= 8


def test_cli_refuses_matrix_options_that_do_not_fit(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["render", "product", "--view", "matrix", "--role", "nobody",
                                  "-o", str(tmp_path / "m.svg")])
    assert result.exit_code == 1 and "no role 'nobody'" in result.output
    result = runner.invoke(main, ["render", "product", "--view", "matrix", "--role", "pm",
                                  "--compare", "pm", "cpo", "-o", str(tmp_path / "m.svg")])
    assert result.exit_code == 1 and "--compare shows two roles" in result.output
    result = runner.invoke(main, ["render", "examples/startup.yaml", "--view", "matrix"])
    assert result.exit_code == 1 and "--view applies to ladders" in result.output
    result = runner.invoke(main, ["render", "product", "--role", "pm"])
    assert result.exit_code == 1 and "--role fits the matrix view (add --view" in result.output
    result = runner.invoke(main, ["render", "product", "--view", "matrix", "--detail"])
    assert result.exit_code == 1 and "--detail fits the graph view" in result.output


def test_level_picks_a_milestone_column_in_a_points_framework():
    from ladder.renderers.matrix import matrix_options
    from ladder.sources.frameworks import load_framework_ladder

    ladder = load_framework_ladder(FRAMEWORKS / "platform-snowflake.json")
    options = matrix_options(ladder, level=3)
    assert [c.key for c in matrix_table(ladder, options).columns if c.highlighted] == [
        "milestone-3"]
    with pytest.raises(LadderError, match="no milestone 7"):
        matrix_options(ladder, level=7)
    for wrong in ({"role": "Platform Engineer II"},
                  {"compare": ("Platform Engineer I", "Platform Engineer II")}):
        with pytest.raises(LadderError, match="columns of this matrix are milestones"):
            matrix_options(ladder, **wrong)


def test_a_role_that_lists_nothing_is_an_empty_column_not_a_missing_one():
    ladder = parse_ladder(parse_document("""\
areas: [{id: a}]
roles:
  - {id: x, level: 1, expectations: {a: [Writes.]}}
  - {id: y, level: 2}
""", "t.yaml"), "t.yaml")
    table = matrix_table(ladder, MatrixOptions())
    assert [c.key for c in table.columns] == ["x", "y"]
    assert "| y | – |" in matrix_markdown(ladder)


def test_html_is_one_well_nested_table(product):
    from html.parser import HTMLParser

    class Nesting(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.open: list[str] = []
            self.wrong: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag not in ("br", "meta"):
                self.open.append(tag)

        def handle_endtag(self, tag):
            if self.open and self.open[-1] == tag:
                self.open.pop()
            else:
                self.wrong.append(tag)

    page = matrix_html(product, MatrixOptions(compare=("pm", "director-of-product")))
    checker = Nesting()
    checker.feed(page)
    assert checker.wrong == [] and checker.open == []
    assert page.count("<table>") == 1 and "(new)" in page


def test_an_areas_colour_is_a_bar_down_its_name():
    ladder = parse_ladder(parse_document("""\
areas: [{id: a, colour: "#aa3355"}, {id: b}]
roles:
  - {id: x, level: 1, expectations: {a: [Writes.], b: [Reads.]}}
""", "t.yaml"), "t.yaml")
    page = matrix_page(matrix_table(ladder, MatrixOptions()), MatrixOptions())
    bars = [box for box in page.boxes if box.fill == "#aa3355"]
    assert len(bars) == 1 and bars[0].width == 5


HOSTILE_TRACK = """\
tracks: [{id: t, colour: 'red" onload="x'}, {id: u}]
areas: [{id: a}]
roles:
  - {id: x, level: 1, track: t, expectations: {a: [Writes.]}}
  - {id: y, level: 1, track: u, expectations: {a: [Reads.]}}
"""


def test_a_colour_that_is_not_one_is_refused_and_never_drawn():
    with pytest.raises(LadderError, match=r"t.yaml:1: track 't': .* is not a colour"):
        parse_ladder(parse_document(HOSTILE_TRACK, "t.yaml"), "t.yaml")
    # a model built in Python skips the loader's check: the drawing keeps to real colours
    import dataclasses

    ladder = parse_ladder(parse_document(HOSTILE_TRACK.replace("colour: 'red\" onload=\"x'", ""),
                                     "t.yaml"), "t.yaml")
    track = ladder.tracks["t"]
    ladder.tracks["t"] = dataclasses.replace(track, colour='red" onload="x')
    svg = matrix_bytes(ladder, "svg").decode()
    assert "onload" not in svg
    assert "onload" not in matrix_bytes(ladder, "dot").decode()


def test_the_matrix_as_csv_xlsx_and_json(shared_dir, tmp_path):
    import csv
    import io
    import json

    import openpyxl

    import ladder

    source = shared_dir / "data/ladders/infracloud"
    from ladder.sources.frameworks import load_framework_ladder

    imported = load_framework_ladder(source)
    rows = list(csv.reader(io.StringIO(ladder.draw(imported, format="csv"))))
    assert rows[0][:4] == ["Group", "Area", "Summary", "Associate Engineer"]
    assert len(rows) == 2 + len(imported.areas)  # the header, the roles' summaries, the areas
    assert rows[1][:3] == ["", "Role summary", ""]
    assert [rows[1][rows[0].index(r.title)] for r in imported] == [
        r.summary for r in imported]  # each role's summary under its title, in full
    assert rows[1][rows[0].index("Senior Engineer")].startswith("Broad Indicators:")
    management = next(r for r in rows if r[1] == "Management")
    assert management[0] == "Functional Competencies"
    senior = rows[0].index("Senior Engineer")
    building = next(r for r in rows if r[1] == "Organization Building")[senior]
    assert "  one of: Writing blogs or case studies" in building  # options travel with it
    first = ladder.draw(imported, format="xlsx")
    assert first == ladder.draw(imported, format="xlsx")  # same bytes every time
    path = tmp_path / "matrix.xlsx"
    path.write_bytes(first)
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]][:4] == rows[0][:4] and sheet.max_row == len(rows)
    assert [c.value or "" for c in sheet[2]] == rows[1]  # the summary row, as in the CSV
    assert sheet["B2"].font.bold
    data = json.loads(ladder.draw(imported, format="json", view="matrix"))
    area = next(a for a in data["areas"] if a["id"] == "organization-building")
    assert any(s.get("options") for s in area["cells"]["senior-engineer"])


def test_the_builtin_matrix_sheet_has_each_roles_definition_and_its_source(tmp_path):
    import csv
    import io

    import openpyxl

    import ladder

    product = ladder.load("product")
    rows = list(csv.reader(io.StringIO(ladder.draw(product, format="csv", view="matrix"))))
    summary = dict(zip(rows[0], rows[1], strict=True))
    assert summary["Area"] == "Role summary" and summary["Group"] == ""
    director = product.roles["director-of-product"]
    assert summary["Director of Product"] == director.summary
    assert summary["Director of Product source"] == "article"
    assert summary["Junior Product Manager source"] == "practice"
    path = tmp_path / "m.xlsx"
    path.write_bytes(ladder.draw(product, format="xlsx", view="matrix"))
    sheet = openpyxl.load_workbook(path).active
    cells = {head.value: cell for head, cell in zip(sheet[1], sheet[2], strict=True)}
    assert cells["Junior Product Manager"].font.italic  # a practice summary, in italics
    assert not cells["Director of Product"].font.italic  # the article's, upright


def test_a_ladder_without_role_summaries_has_no_summary_row():
    import csv
    import io

    import ladder

    plain = ladder.load(text=("id: x\nname: X\nareas: [{id: a, name: A}]\nroles:\n"
                              "  - {id: r, title: R, level: 1, expectations: {a: [one]}}\n"),
                        format="yaml")
    rows = list(csv.reader(io.StringIO(ladder.draw(plain, format="csv", view="matrix"))))
    assert [row[1] for row in rows] == ["Area", "A"]


def test_a_csv_cell_never_runs_as_a_formula():
    import csv
    import io

    import ladder

    hostile = ladder.load(text=(
        "id: x\nname: X\nareas: [{id: a, name: '=cmd'}, {id: b, name: B}]\nroles:\n"
        "  - {id: r, title: R, level: 1, summary: '-1+1', expectations: {a: "
        "['=HYPERLINK(\"http://x\")', 'fine'], b: ['@SUM(1)']}}\n"), format="yaml")
    cells = [cell for row in csv.reader(io.StringIO(ladder.draw(hostile, format="csv")))
             for cell in row]
    assert "'=cmd" in cells and "'@SUM(1)" in cells and "'-1+1" in cells  # summary row too
    assert "'=HYPERLINK(\"http://x\")\nfine" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
