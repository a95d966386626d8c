"""Reading CSV, TSV and XLSX exports: encodings, quoting, row numbers, clear errors."""

from __future__ import annotations

import zipfile

import pytest
from hr_helpers import DATA, assert_accounted

from ladder.errors import SourceError
from ladder.sources.hr import load_export
from ladder.sources.hr.read import read_table


def test_ids_stay_text_and_quoted_line_breaks_keep_row_numbers():
    result = load_export(DATA / "employee_id.csv")
    org = result.org
    assert list(org.people) == ["007", "012", "013", "014", "015"]  # leading zeros kept
    chloe = org.people["013"]
    # the title spans two lines inside quotes: one record, row 4 as a spreadsheet shows it;
    # the next record is row 5 although it starts on line 6 of the file
    assert chloe.title == "Senior Product Manager" and chloe.line == 4
    assert org.people["014"].line == 5
    assert chloe.name == "Chloë O'Neil & <Sons>"
    assert org.people["014"].name == 'Dan "DJ" Wu'
    assert org.people["015"].name == "Eve Kim 🚀"
    assert chloe.manager == "012" and org.people["012"].manager == "007"
    assert result.summary() == "5 rows: 5 drawn, 0 problems"
    assert_accounted(result)


@pytest.mark.parametrize("name, encoding", [("cp1252.csv", "cp1252"), ("utf16.txt", "utf-16")])
def test_windows_encodings(name, encoding):
    table = read_table(DATA / name)
    assert table.encoding == encoding
    result = load_export(DATA / name)
    assert [p.name for p in result.org] == ["José Müller", "Zoë Ærø", "Œdipe"]
    assert result.org.people["3"].title == "Représentant €"


def test_bom_and_semicolons():
    table = read_table(DATA / "bom_semicolon.csv")
    assert table.encoding == "utf-8-sig" and table.headers[0] == "id"
    result = load_export(DATA / "bom_semicolon.csv")
    assert [p.name for p in result.org] == ["Zoë", "Renée"]


def test_tsv_keeps_commas_in_fields():
    result = load_export(DATA / "people.tsv")
    assert result.org.people["3"].name == "Cy, Jr"
    assert result.org.people["3"].manager == "2"


def test_xlsx_sheet_with_title_rows_numbers_and_dates():
    table = read_table(DATA / "people.xlsx")
    assert table.sheet == "People" and table.header_row == 3  # 'Notes' is empty: skipped
    result = load_export(DATA / "people.xlsx")
    org = result.org
    # text ids keep their zeros; whole numbers stored as floats lose their '.0'
    assert list(org.people) == ["0042", "43", "44", "45"]
    assert org.people["45"].manager == "43" and org.people["43"].manager == "0042"
    assert org.people["44"].line == 6 and org.people["45"].line == 8  # sheet rows
    assert result.rows == 4 and result.summary() == "4 rows: 4 drawn, 0 problems"


def _error(path, **kwargs) -> SourceError:
    with pytest.raises(SourceError) as caught:
        load_export(path, **kwargs)
    return caught.value


def test_missing_empty_and_header_only_files(tmp_path):
    error = _error(tmp_path / "nope.csv")
    assert str(error) == f"{tmp_path / 'nope.csv'}: file not found"
    error = _error(DATA / "empty.csv")
    assert "the file is empty" in str(error) and "empty.csv" in str(error)
    error = _error(DATA / "header_only.csv")
    assert str(error).startswith(f"{DATA / 'header_only.csv'}:1: has a header row but no data")
    blank = tmp_path / "blank.csv"
    blank.write_text("\n  \n,,,\n", encoding="utf-8")
    assert "the file is empty" in str(_error(blank))


def test_xlsx_without_sheets_or_data(tmp_path):
    import openpyxl

    empty = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty)
    assert "no sheet holds a header row and data rows" in str(_error(empty))
    # a workbook whose workbook.xml lists no sheets at all
    no_sheets = tmp_path / "no-sheets.xlsx"
    with zipfile.ZipFile(empty) as source, zipfile.ZipFile(no_sheets, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text = data.decode()
                start, end = text.index("<sheets>"), text.index("</sheets>") + len("</sheets>")
                data = (text[:start] + "<sheets/>" + text[end:]).encode()
            target.writestr(item, data)
    error = _error(no_sheets)
    assert "no-sheets.xlsx" in str(error)
    assert "the workbook has no sheets" in str(error)


def test_unreadable_files_get_clear_errors(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("id,name\n", encoding="utf-8")
    assert "not a readable .xlsx file" in str(_error(fake))
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "save it as .xlsx or .csv" in str(_error(old))
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"id,name\n1,\x00\x00\n")
    assert str(_error(binary)).startswith(f"{binary}:2: holds NUL bytes")
    unclosed = tmp_path / "quote.csv"
    unclosed.write_text('id,name,parentId\n1,"Ann,\n', encoding="utf-8")
    result = load_export(unclosed)  # an open quote swallows the rest: one row, reported
    assert result.rows == 1


def test_title_lines_above_the_header_are_skipped(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("Acme staff, January\n\nid,name,parentId,title\n1,Ann,,CEO\n2,Bo,1,CTO\n",
                    encoding="utf-8")
    result = load_export(path)
    assert result.rows == 2 and result.org.people["2"].line == 5


def test_damaged_xlsx(tmp_path):
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(DATA / "people.xlsx") as source, zipfile.ZipFile(damaged, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]  # cut in the middle of the XML
            out.writestr(item, data)
    assert "not a readable .xlsx file" in str(_error(damaged))
