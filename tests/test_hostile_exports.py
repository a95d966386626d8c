"""Issue 22's findings on the text exports, each reproduced: an imported framework's HTML and
``javascript:`` links stay text in the matrix Markdown and in the per-area part of ``gap`` and
``paths``; ``%%{init}%%`` in a name is no Mermaid directive; ``diff --format csv`` cells never
start a formula; a wide sheet's column without a header is reported, not dropped."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder import api
from ladder.cli import main
from ladder.escape import FORMULA_START
from tests.hostile.checks import check_html, check_markdown, check_mermaid

INIT = "%%{init: {'theme':'dark','themeVariables':{'fontSize':'1px'}}}%%"
SHEET = (
    "Area,Competency,Description,Junior,\"Senior " + INIT + "\",\n"
    "Craft,<script>alert(1)</script>,\"[x](javascript:alert(1))\","
    "\"<img src=x onerror=alert(2)>\",\"" + INIT.replace('"', '""') + "\",orphan statement\n"
    "Craft,Delivery,Ships,\"<svg onload=alert(3)>\",\"[y](javascript:alert(4)) and more\",\n"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The sheet imported as a ladder, as a user does: ``ladder import`` then the file."""
    folder = tmp_path_factory.mktemp("wide")
    sheet = folder / "framework.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    notes: list[str] = []
    text = api.import_file(sheet, format="wide", on_note=notes.append)
    path = folder / "framework.yaml"
    path.write_text(text, encoding="utf-8")
    return api.load(path), notes


def no_live_markup(markdown: str) -> None:
    """As a reader's Markdown renderer shows it: no element or link from the imported text."""
    import markdown as renderer

    check_markdown(markdown)
    shown = renderer.markdown(markdown, extensions=["tables"])
    check_html(shown)
    assert not re.search(r"<(script|img|svg|a)\b", shown), shown
    assert "alert(" in shown  # the text is kept, as text


def test_matrix_markdown_keeps_imported_markup_as_text(hostile):
    ladder, _ = hostile
    markdown = str(api.draw(ladder, format="markdown", view="matrix"))
    no_live_markup(markdown)


@pytest.mark.parametrize("question", ["gap", "paths"])
def test_per_area_answers_keep_imported_markup_as_text(hostile, question):
    ladder, _ = hostile
    ids = list(ladder.roles)
    answer = getattr(api, question)(ids[0], ids[-1], ladder=ladder)
    markdown = api.answer_text(answer, "markdown", ladder=ladder)
    assert "Delivery" in markdown  # the per-area part is there
    no_live_markup(markdown)


def test_a_mermaid_directive_in_a_name_is_text(hostile):
    ladder, _ = hostile
    text = str(api.draw(ladder, format="mermaid", detail=True))
    check_mermaid(text)
    assert "%%" not in text and "#37;#37;{init" in text


def test_mermaid_directives_in_org_names_are_text():
    company = (f"company: X\npeople:\n  - {{id: a, name: \"{INIT}\", title: '%%x'}}\n"
               "  - {id: b, name: B, manager: a}\n")
    text = str(api.draw(api.load("x.yaml", text=company), format="mermaid"))
    assert "%%" not in text.split("---", 2)[-1]


def test_a_headerless_column_with_filled_cells_is_reported(hostile):
    _, notes = hostile
    assert any("not placed on a role: column 6 has no header (no level): orphan statement"
               in note for note in notes), notes


def test_a_headerless_column_fails_a_strict_import(tmp_path):
    sheet = tmp_path / "f.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    with pytest.raises(api.LadderError if hasattr(api, "LadderError") else Exception,
                       match="could not be placed"):
        api.import_file(sheet, format="wide", strict=True)


def test_a_sheet_of_thousands_of_level_columns_is_refused_quickly(tmp_path):
    import time

    sheet = tmp_path / "wide.csv"
    levels = [f"L{n}" for n in range(50_000)]
    sheet.write_text("Area,Competency," + ",".join(levels) + "\nA,B," + ",".join(levels) + "\n")
    started = time.perf_counter()
    with pytest.raises(Exception, match="at most 100 levels"):
        api.import_file(sheet, format="wide")
    assert time.perf_counter() - started < 20


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "@SUM(1+1)", "+1+1", "-1+1", "\t=1"]


def test_diff_csv_cells_never_start_a_formula(tmp_path):
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    old.write_text("company: X\npeople:\n  - {id: boss, name: Boss}\n")
    people = "".join(f"  - {{id: p{n}, name: {value!r}, title: {value!r}, manager: boss}}\n"
                     for n, value in enumerate(FORMULAS))
    new.write_text("company: X\npeople:\n  - {id: boss, name: '=1+1'}\n" + people)
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    cells = [cell for row in rows[1:] for cell in row]
    assert len(rows) > len(FORMULAS)
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in cells  # kept, as text


def test_every_csv_writer_uses_the_one_guard():
    """The guard lives in escape.py; no module keeps its own list of formula characters."""
    root = Path(__file__).parent.parent / "ladder"
    own = [str(p.relative_to(root)) for p in root.rglob("*.py")
           if p.name != "escape.py" and re.search(r"FORMULA_START\s*=", p.read_text())]
    writers = [str(p.relative_to(root)) for p in root.rglob("*.py")
               if re.search(r"csv\.(DictWriter|writer)\(", p.read_text())]
    assert own == []
    for name in writers:
        assert "spreadsheet_cell" in (root / name).read_text(), name


@pytest.mark.needs_dot
@pytest.mark.parametrize("source", ["company", "ladder"])
def test_graphviz_escapes_in_names_are_drawn_as_written(tmp_path, source):
    """``\\N`` and ``\\G`` in a name were drawn as the node's id and the graph's name in PNG and
    PDF org charts (an HTML-like label too reads them): the PDF's text is the name."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    name = r"Ann \N \G \L \E"
    path = tmp_path / f"{source}.yaml"
    if source == "company":
        path.write_text(f"company: X\npeople:\n  - {{id: a, name: '{name}'}}\n"
                        "  - {id: b, name: Bo, manager: a}\n")
    else:
        path.write_text(f"id: x\nname: X\nroles:\n  - {{id: a, title: '{name}', level: 1}}\n"
                        "  - {id: b, title: Bo, level: 2}\nmoves:\n  - {from: a, to: b}\n")
    api.render(str(path), tmp_path / "out.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "out.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert name in text, text
