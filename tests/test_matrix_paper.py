"""The career matrix for real use: on paper with headers on each page, per track or area, and a
sheet per track in XLSX; tried on generated ladders of 8 levels by 16 areas and on variants."""

from __future__ import annotations

import io
import itertools
import random

import pytest
from click.testing import CliRunner

from ladder.cli import main
from ladder.errors import LadderError
from ladder.model import Ladder
from ladder.renderers.book import SHEET_MARGIN, paper_size
from ladder.renderers.matrix import (
    LINE,
    MARGIN,
    PAD,
    MatrixOptions,
    matrix_bytes,
    matrix_options,
    matrix_table,
)
from ladder.renderers.matrix_book import FOOTER, MIN_SCALE, plan_pages
from ladder.sources.ladders import parse_ladder, read_ladder

WORDS = ("designs reviews owns leads mentors the system service team roadmap incident data "
         "quality security cost delivery customer stakeholders across several teams with "
         "guidance independently sets direction for measurable outcomes").split()


def generated(levels: int = 8, areas: int = 16, seed: int = 1, *,
              most: int = 4) -> Ladder:
    """A ladder of ``levels`` roles (the top three on a management track) by ``areas`` areas
    in four groups, each cell 1 to ``most`` statements of 5 to 22 words."""
    rng = random.Random(seed)

    def sentence() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 22))).capitalize() + "."

    data = {
        "id": "big", "name": f"Engineering ({levels} levels by {areas} areas)",
        "tracks": [{"id": "ic", "name": "Individual contributor"},
                   {"id": "mgmt", "name": "Management"}],
        "areas": [{"id": f"a{i}", "name": f"Area {i}", "group": f"Group {(i - 1) // 4 + 1}",
                   "summary": sentence()} for i in range(1, areas + 1)],
        "roles": [{"id": f"l{n}", "title": f"Engineer level {n}", "level": n,
                   "track": "ic" if n <= levels - 3 else "mgmt", "summary": sentence(),
                   "expectations": {f"a{i}": [sentence() for _ in range(rng.randint(1, most))]
                                    for i in range(1, areas + 1)}}
                  for n in range(1, levels + 1)],
        "moves": [{"from": f"l{n - 1}", "to": f"l{n}"} for n in range(2, levels + 1)],
    }
    return parse_ladder(data, "generated.yaml")


@pytest.mark.parametrize("paper, landscape", [("a4", False), ("a4", True), ("letter", True),
                                              ("a3", True), ("tabloid", False)])
@pytest.mark.parametrize("seed", [1, 2])
def test_pages_hold_every_line_once_and_fit_the_paper(paper, landscape, seed):
    ladder = generated(seed=seed, most=6 if seed == 2 else 4)
    options = MatrixOptions(paper=paper, landscape=landscape)
    table = matrix_table(ladder, options)
    sheet = paper_size(paper, landscape)
    pages, scale = plan_pages(table, options, sheet)
    assert MIN_SCALE <= scale <= 1  # the statements print at 8.4 pt or more
    height = (sheet[1] - 2 * SHEET_MARGIN) / scale
    groups = [page.frame.columns for page in pages]
    sizes = [len(columns) for columns in dict.fromkeys(map(tuple, groups))]
    assert max(sizes) - min(sizes) <= 1  # levels shared out evenly among the groups
    # levels across: every level in exactly one group, in order
    assert [c.key for columns in dict.fromkeys(map(tuple, groups)) for c in columns] == \
        [f"l{n}" for n in range(1, 9)]
    for columns in dict.fromkeys(map(tuple, groups)):
        shown = [p for page in pages if tuple(page.frame.columns) == columns
                 for p in page.pieces]
        # areas down: each area's lines once, in order, cut only between lines
        for area in table.areas:
            pieces = [p for p in shown if p.row.area.id == area.id]
            parts = [(p.first, p.last) for p in pieces]
            assert parts[0][0] == 0 and all(a[1] == b[0] for a, b in itertools.pairwise(parts))
            assert parts[-1][1] == max(len(pieces[0].row.cells[c.key]) for c in columns) > 0
    for page in pages:
        assert page.pieces
        used = sum(PAD * 2 + max(LINE * (p.last - p.first), 0) for p in page.pieces)
        assert used < height - MARGIN - FOOTER


@pytest.mark.needs_dot
@pytest.mark.slow  # Graphviz draws some twenty pages
def test_the_printed_matrix_repeats_its_headers_and_numbers_its_pages(tmp_path):
    from pypdf import PdfReader

    path = tmp_path / "big.yaml"
    import yaml

    ladder = generated()
    out = tmp_path / "matrix.pdf"
    # the same ladder as a file, drawn by the command a user types
    path.write_text(yaml.safe_dump(_document(ladder)), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(path), "--view", "matrix", "--paper",
                                       "a4", "--landscape", "-o", str(out)])
    assert result.exit_code == 0, result.output
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    count = len(reader.pages)
    assert count > 3
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    for number, (page, text) in enumerate(zip(reader.pages, texts, strict=True), start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            842, 595)
        assert f"page {number} of {count}" in text
        assert "Area" in text and ("Individual contributor" in text or "Management" in text)
        assert "Engineer level" in text  # the level names head every page
    assert [o.title for o in reader.outline][0].startswith("Page 1: Engineer level 1 to ")
    import ladder as api

    assert out.read_bytes() == api.draw(ladder, format="pdf", view="matrix", paper="a4",
                                        landscape=True)  # the same bytes every time


def test_long_role_summaries_are_whole_on_the_first_sheet_of_their_levels_only():
    from dataclasses import replace

    from ladder.renderers.matrix import GROUP_BAND
    from ladder.renderers.matrix_book import CONTINUED_SUMMARY, _top, draw_page

    # a framework's paragraph of indicators per role (InfraCloud's run to 500 characters)
    indicators = ("Broad Indicators: your time is split as follows. " + " ".join(
        f"Part {n}: {10 * n}% of the week on area {n} of the role." for n in range(1, 12)))
    assert len(indicators) > 480
    ladder = generated(levels=6, areas=16, seed=3)
    table = matrix_table(ladder, MatrixOptions(paper="a4", landscape=True))
    table = replace(table, columns=[replace(c, summary=f"{c.title}. {indicators}")
                                    for c in table.columns])
    options = MatrixOptions(paper="a4", landscape=True)
    sheet = paper_size("a4", True)
    pages, scale = plan_pages(table, options, sheet)
    size = ((sheet[0] - 2 * SHEET_MARGIN) / scale, (sheet[1] - 2 * SHEET_MARGIN) / scale)
    for part in sorted({page.part for page in pages}):
        mine = [page for page in pages if page.part == part]
        assert [page.first for page in mine] == [True] + [False] * (len(mine) - 1)
        assert len(mine) > 1
        full = _top(table, mine[0].frame)
        short = _top(table, mine[1].header_frame())
        assert full - short > 5 * LINE  # the next sheets' header gives the room back
        for page in mine[1:]:
            shown = {c.key: c.summary for c in page.header_frame().columns}
            assert all(len(text) <= CONTINUED_SUMMARY and text.endswith("…")
                       for text in shown.values())
            assert [c.title for c in page.header_frame().columns] == [
                c.title for c in page.frame.columns]  # the level names stay
        words = " ".join(t.text for t in draw_page(table, mine[0], 1, len(pages), size).texts)
        assert "area 3 of the role" in words  # the first sheet: the summary, as the matrix
    # every sheet's rows fit under its own header, and the sheets after the first use the
    # room the short header gives back (their rows would not fit under the whole one)
    bottom = size[1] - MARGIN - FOOTER
    overflow = 0
    for page in pages:
        used = sum((GROUP_BAND if p.group else 0) + 2 * PAD + max(
            p.row.label_height() if p.first == 0 else 2 * LINE, LINE * (p.last - p.first))
            for p in page.pieces)
        assert _top(table, page.header_frame()) + used <= bottom
        overflow += _top(table, page.frame) + used > bottom
    assert overflow >= len(pages) // 2


def test_each_sheets_title_fits_its_sheet_and_names_its_levels():
    from ladder.layout.cards import text_width
    from ladder.renderers.matrix import TITLE_SIZE
    from ladder.renderers.matrix_book import draw_page

    product = read_ladder("product")
    options = MatrixOptions(paper="a4", landscape=False)
    table = matrix_table(product, options)
    sheet = paper_size("a4", False)
    pages, scale = plan_pages(table, options, sheet)
    size = ((sheet[0] - 2 * SHEET_MARGIN) / scale, (sheet[1] - 2 * SHEET_MARGIN) / scale)
    titles = []
    for number, page in enumerate(pages, start=1):
        title = draw_page(table, page, number, len(pages), size).texts[0]
        assert title.size == TITLE_SIZE
        assert text_width(title.text, TITLE_SIZE, bold=True) <= page.frame.width - 2 * MARGIN
        titles.append(title.text)
    # the level names where they fit, else the numbers; one level alone is named once
    assert titles == ["Product management: Junior Product Manager to Product Manager",
                      "Product management: levels 3 to 4",
                      "Product management: Director of Product to Head of Product",
                      "Product management: Chief Product Officer"]


def _document(ladder: Ladder) -> dict:
    return {"id": ladder.id, "name": ladder.name,
            "tracks": [{"id": t.id, "name": t.name} for t in ladder.tracks.values()],
            "areas": [{"id": a.id, "name": a.name, "group": a.group, "summary": a.summary}
                      for a in ladder.areas.values()],
            "roles": [{"id": r.id, "title": r.title, "level": r.level, "track": r.track,
                       "summary": r.summary,
                       "expectations": {area: [s.text for s in found]
                                        for area, found in r.expectations}} for r in ladder],
            "moves": [{"from": m.source, "to": m.target} for m in ladder.moves]}


def test_a_track_or_an_area_alone():
    product = read_ladder("product")
    options = matrix_options(product, tracks=("Management",), areas=("users", "Strategy"))
    table = matrix_table(product, options)
    assert [c.key for c in table.columns] == ["director-of-product", "head-of-product",
                                              "chief-product-officer"]
    assert [a.id for a in table.areas] == ["strategy", "users"]  # in the ladder's order
    with pytest.raises(LadderError, match="no track called 'managment'") as error:
        matrix_options(product, tracks=("managment",))
    assert "Management" in (error.value.hint or "")
    with pytest.raises(LadderError, match="no area called"):
        matrix_options(product, areas=("finance",))
    with pytest.raises(LadderError, match="unknown paper size"):
        matrix_options(product, paper="a7")


def test_paper_is_for_the_matrix_as_pdf():
    runner = CliRunner()
    result = runner.invoke(main, ["render", "product", "--paper", "a4", "-o", "x.pdf"])
    assert result.exit_code != 0 and "matrix" in result.output
    result = runner.invoke(main, ["render", "product", "--view", "matrix", "--landscape",
                                  "-o", "x.pdf"])
    assert result.exit_code != 0 and "--paper" in result.output
    with pytest.raises(LadderError, match="PDF"):
        matrix_bytes(read_ladder("product"), "svg", MatrixOptions(paper="a4"))
    result = runner.invoke(main, ["render", "product", "--view", "matrix", "--paper", "a4",
                                  "-o", "x.png"])
    assert result.exit_code != 0 and "PDF" in result.output


def test_the_spreadsheet_has_a_sheet_per_track(tmp_path):
    import openpyxl

    import ladder as api

    product = read_ladder("product")
    data = api.draw(product, format="xlsx")
    assert data == api.draw(product, format="xlsx")  # same bytes every time
    path = tmp_path / "matrix.xlsx"
    path.write_bytes(data)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Matrix", "Individual contributor", "Management"]
    header = [c.value for c in book["Management"][1]]
    assert [h for h in header if h and not h.endswith("source")][3:] == [
        "Director of Product", "Head of Product", "Chief Product Officer"]
    # one track: one sheet
    single = generated(levels=3, areas=2)
    path.write_bytes(api.draw(single, format="xlsx", view="matrix", track=("mgmt",)))
    assert openpyxl.load_workbook(path).sheetnames == ["Matrix"]
