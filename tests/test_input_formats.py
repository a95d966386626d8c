"""One table of input formats (ladder/sources/formats.py) read by every way in: ``ladder.load``,
``ladder.render``, the CLI, the HR reader, the document reader and the framework importers.

An ``.xlsm`` export once loaded but did not render ("cannot tell what kind of file"), and an
``.xls`` lost its "save as .xlsx" hint on the way through ``render``: each list of suffixes
had its own idea.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import ladder
from ladder.errors import LadderError
from ladder.sources.detect import COMPANY, EXPORT, LADDER, source_kind
from ladder.sources.formats import (
    DOCUMENT,
    INPUT_FORMATS,
    TABLE,
    TEXT_FORMATS,
    family_of,
    input_format,
    suffixes,
)
from ladder.sources.frameworks import framework_of

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = [("id", "name", "manager", "title"), ("ann", "Ann Lee", "", "CEO"),
          ("bo", "Bo Park", "ann", "CTO"), ("cy", "Cy Diaz", "bo", "Engineer")]
OLD_EXCEL = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504  # an OLE2 header: a real .xls


def workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in PEOPLE:
        sheet.append(row)
    book.save(path)
    return path


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "ladder", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def test_an_xlsm_export_loads_and_renders_through_the_api(tmp_path):
    path = workbook(tmp_path / "people.xlsm")
    assert source_kind(str(path)) == EXPORT
    org = ladder.load(path)
    assert [p.name for p in org] == ["Ann Lee", "Bo Park", "Cy Diaz"]
    assert org.people["cy"].manager == "bo"
    written = ladder.render(path, tmp_path / "out.svg")
    svg = written[0].read_text(encoding="utf-8")
    assert written == [tmp_path / "out.svg"] and svg.lstrip().startswith("<?xml")
    for name in ("Ann Lee", "Bo Park", "Cy Diaz", "Engineer"):
        assert name in svg


def test_an_xlsm_export_renders_from_the_command_line(tmp_path):
    workbook(tmp_path / "x.xlsm")
    result = cli("render", "x.xlsm", "-o", "out.svg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    svg = (tmp_path / "out.svg").read_text(encoding="utf-8")
    assert all(name in svg for name in ("Ann Lee", "Bo Park", "Cy Diaz"))
    assert "cannot tell" not in result.stderr


def test_an_old_xls_says_how_to_convert_it_everywhere(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(OLD_EXCEL)
    hint = "save it as .xlsx or .csv from Excel"
    for call in (lambda: ladder.load(path), lambda: ladder.render(path, tmp_path / "o.svg")):
        with pytest.raises(LadderError) as caught:
            call()
        assert caught.value.hint == hint and caught.value.file == str(path)
        assert "cannot be read" in caught.value.message
    assert not (tmp_path / "o.svg").exists()
    result = cli("render", "old.xls", "-o", "out.svg", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: old.xls: old Excel workbooks (.xls) cannot be read")
    assert hint in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.svg").exists()
    result = cli("import", "old.xls", cwd=tmp_path)
    assert result.returncode == 1 and hint in result.stderr


def test_a_file_without_a_suffix_is_told_by_its_content(tmp_path):
    export = tmp_path / "people"
    export.write_text("\n".join(",".join(row) for row in PEOPLE) + "\n", encoding="utf-8")
    config = tmp_path / "acme-config"
    config.write_text("company: Acme\npeople:\n  - {id: a, name: Ann}\n  - {id: b, name: Bo, "
                      "manager: a}\n", encoding="utf-8")
    sheet = workbook(tmp_path / "book.xlsx").rename(tmp_path / "book")
    assert [source_kind(str(p)) for p in (export, config, sheet)] == [EXPORT, COMPANY, EXPORT]
    assert [p.name for p in ladder.load(export)] == ["Ann Lee", "Bo Park", "Cy Diaz"]
    assert [p.name for p in ladder.load(config)] == ["Ann", "Bo"]
    assert len(ladder.load(sheet)) == 3


def test_what_is_no_input_gets_the_suffixes_from_the_table(tmp_path):
    picture = tmp_path / "chart.svg"
    picture.write_text("<svg/>", encoding="utf-8")
    with pytest.raises(LadderError) as caught:
        ladder.load(picture)
    assert "cannot tell what kind of file 'chart.svg' is" in caught.value.message
    for suffix in suffixes(TABLE) + suffixes(DOCUMENT):
        if input_format(f"x{suffix}").readable:
            assert suffix in caught.value.hint
    assert ".xls/" not in caught.value.hint  # read by no reader: not offered


def test_a_markdown_framework_given_to_render_points_at_import(tmp_path):
    handbook = ROOT / "examples" / "frameworks"
    page = next(p for p in sorted(handbook.rglob("*.md")) if framework_of(p) is not None)
    with pytest.raises(LadderError) as caught:
        ladder.render(page, tmp_path / "x.svg")
    assert "ladder import" in (caught.value.hint or "")


def test_a_folder_given_for_an_hr_export_names_the_file_to_give(tmp_path):
    """A folder holding one HR export (beside its readme) is not guessed past: render, load
    and import each say which file it holds and how to give it."""
    folder = tmp_path / "hr"
    folder.mkdir()
    (folder / "people.csv").write_text("\n".join(",".join(row) for row in PEOPLE) + "\n",
                                       encoding="utf-8")
    (folder / "README.md").write_text("# Our export\n", encoding="utf-8")
    for call in (lambda: ladder.load(folder), lambda: ladder.render(folder, tmp_path / "o.svg")):
        with pytest.raises(LadderError) as caught:
            call()
        assert caught.value.message == "a folder, not a file: it holds one HR export, people.csv"
        assert caught.value.hint == f"name the file: {folder / 'people.csv'}"
    result = cli("render", "hr/", "-o", "out.svg", cwd=tmp_path)
    assert result.returncode == 1 and "name the file: hr/people.csv" in result.stderr
    result = cli("import", "hr", cwd=tmp_path)
    assert result.returncode == 1 and "people.csv is an HR export" in result.stderr
    assert "ladder import hr/people.csv" in result.stderr and "Traceback" not in result.stderr
    # the path it names is the one that works
    result = cli("import", "hr/people.csv", cwd=tmp_path)
    assert result.returncode == 0 and "name: Bo Park" in result.stdout
    # several files: each named with its kind; role pages: the command that reads them
    (folder / "acme.yaml").write_text("company: Acme\npeople: [{id: a, name: Ann}]\n",
                                      encoding="utf-8")
    with pytest.raises(LadderError) as caught:
        ladder.load(folder)
    assert caught.value.message.endswith(
        "it holds acme.yaml (company config), people.csv (HR export)")
    pages = tmp_path / "pages"
    pages.mkdir()
    for title in ("Engineer", "Senior Engineer"):
        (pages / f"{title}.md").write_text(f"# {title}\n\n- Ships\n- Reviews\n")
    with pytest.raises(LadderError) as caught:
        ladder.load(pages)
    assert "'ladder import" in (caught.value.hint or "")


@pytest.mark.parametrize("fmt", list(INPUT_FORMATS))
def test_every_suffix_in_the_table_reaches_its_reader(fmt):
    entry = INPUT_FORMATS[fmt]
    for suffix in entry.suffixes:
        assert input_format(f"x{suffix.upper()}") is entry
        assert family_of(f"x{suffix}") == entry.family
        if entry.family == TABLE:
            assert source_kind(f"x{suffix}") == EXPORT


def test_text_formats_are_the_ones_load_reads_as_text():
    assert TEXT_FORMATS == ("yaml", "toml", "json", "csv", "tsv")
    org = ladder.load(text="id\tname\tmanager\na\tAnn\t\nb\tBo\ta\n", format="tsv")
    assert [p.name for p in org] == ["Ann", "Bo"]
    assert source_kind(None) == LADDER
    with pytest.raises(LadderError, match="cannot read text written in 'xlsx'"):
        ladder.load(text="x", format="xlsx")
