"""Issue 22's unbounded framework imports, each reproduced: a 90-byte Monzo file that declares
100,000 levels, a handbook of 200,000 headings and a snowflake file whose ``milestonePoints``
is a number each end in one clear error, quickly, never a hang or a traceback."""

from __future__ import annotations

import json
import time

import pytest

from ladder import api
from ladder.errors import LadderError

MONZO = ("---\ntitle: X\nlevels: 100000\ntopics:\n  - name: craft\n    title: Craft\n"
         "    content:\n      - level: 1\n        criteria: [Does]\n---\n")


def imported(path, **options):
    started = time.perf_counter()
    with pytest.raises(LadderError) as caught:
        api.import_file(path, **options)
    assert time.perf_counter() - started < 10  # a hang before: the limit comes first
    return caught.value


def test_monzo_levels_past_the_limit(tmp_path):
    path = tmp_path / "levels.md"
    path.write_text(MONZO)
    error = imported(path)
    assert error.message == "'levels' is 100000: a ladder has at most 100 levels"
    assert error.line == 3


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_a_handbook_of_200000_headings(tmp_path):
    path = tmp_path / "handbook.md"
    path.write_text("# Ladder\n" + "".join(f"## L{n} Engineer\n### Craft\n- x\n"
                                          for n in range(100_000)))
    error = imported(path)  # detected as a handbook, then refused by its size
    assert "200,001 headings: a handbook ladder has at most 5,000" in error.message


@pytest.mark.slow  # 5,000 headings, read twice
def test_a_handbook_under_the_limit_still_reads_in_linear_time(tmp_path):
    path = tmp_path / "handbook.md"
    path.write_text("# Ladder\n" + "".join(f"## L{n} Engineer\n### Craft\n- Does {n}\n"
                                          for n in range(1, 2_000)))
    started = time.perf_counter()
    text = api.import_file(path, format="markdown")
    assert time.perf_counter() - started < 20
    assert "Does 1999" in text


@pytest.mark.parametrize("points", [5, "0,1,2", [0, "x"], {"a": 1}, [True, 1]])
def test_snowflake_milestone_points_must_be_a_list_of_numbers(tmp_path, points):
    data = {"categories": [{"id": "A", "name": "A"}], "tracks": [
        {"id": "code", "name": "Code", "category": "A", "milestones": [
            {"summary": "Writes"}, {"summary": "Reviews"}]}],
        "titles": [{"title": "Junior", "minPoints": 0}, {"title": "Senior", "minPoints": 1}],
        "milestonePoints": points}
    path = tmp_path / "snow.json"
    path.write_text(json.dumps(data, indent=1))
    error = imported(path, format="snowflake")
    assert "'milestonePoints' must be a list of points" in error.message


# --- a workbook of several sheets: which one was read, and --sheet for another -------------------


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    """Three sheets: two of people (2 and 4 rows) and a wide framework."""
    import openpyxl

    book = openpyxl.Workbook()
    sheets = {"Summary": [("id", "name", "manager"), ("a", "Ann", ""), ("b", "Bo", "a")],
              "People 2024": [("id", "name", "manager"), ("x", "Xia", ""), ("y", "Yan", "x"),
                              ("z", "Zed", "x"), ("w", "Wu", "y")],
              "Levels": [("Area", "Competency", "Junior", "Senior"),
                         ("Craft", "Code", "Writes code", "Reviews code"),
                         ("Craft", "Ops", "Runs it", "Owns it")]}
    for number, (title, rows) in enumerate(sheets.items()):
        sheet = book.active if number == 0 else book.create_sheet()
        sheet.title = title
        for row in rows:
            sheet.append(row)
    path = tmp_path_factory.mktemp("book") / "people.xlsx"
    book.save(path)
    return path


def cli(*args):
    from click.testing import CliRunner

    from ladder.cli import main

    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_workbook_says_which_sheet_it_read(workbook, tmp_path):
    result = cli("render", workbook, "-o", tmp_path / "org.svg")
    assert result.exit_code == 0
    assert ("note: read the sheet 'Summary' of people.xlsx; 2 other sheets with data not read "
            "(read one with --sheet NAME or its number)") in result.stderr
    assert ">Bo<" in (tmp_path / "org.svg").read_text()
    checked = cli("validate", workbook)
    assert ("warning: " + str(workbook) + ": the workbook has 3 sheets with data: read "
            "'Summary', not read: 'People 2024', 'Levels' (read another with --sheet NAME (or "
            "its number))") in checked.stderr


@pytest.mark.parametrize("sheet", ["People 2024", "people 2024", "2"])
def test_sheet_reads_the_one_asked_for(workbook, sheet):
    result = cli("stats", workbook, "--sheet", sheet, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["headcount"] == 4
    assert "other sheets" not in result.stderr  # asked for: no remark on the rest
    org = api.load(workbook, sheet=sheet)
    assert sorted(org.people) == ["w", "x", "y", "z"]


@pytest.mark.parametrize(("sheet", "says"), [
    ("Peple 2024", "(did you mean 'People 2024'?)"),
    ("9", "(give a sheet's name or its number)")])
def test_a_wrong_sheet_is_a_clear_error(workbook, sheet, says):
    result = cli("stats", workbook, "--sheet", sheet)
    assert result.exit_code == 1
    assert result.stderr == (f"error: {workbook}: no sheet '{sheet}' in the workbook (1: "
                             f"'Summary', 2: 'People 2024', 3: 'Levels') {says}\n")


def test_sheet_on_a_file_that_is_no_workbook_is_refused(tmp_path):
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("id,name,manager\na,A,\n")
    for args in (["stats", csv_file], ["import", csv_file]):
        result = cli(*args, "--sheet", "2")
        assert result.exit_code == 1
        assert "--sheet chooses a sheet of a workbook (.xlsx), and this is no workbook" in \
            result.stderr


def test_a_framework_import_reads_the_sheet_asked_for(workbook):
    result = cli("import", workbook, "--sheet", "Levels")
    assert result.exit_code == 0, result.stderr
    assert "note: read as wide: 2 roles on 1 track, 2 areas, 4 statements" in result.stderr
    assert "- Reviews code" in result.stdout
    # without --sheet the first sheet is an HR export: imported as people, the others named
    plain = cli("import", workbook)
    assert "people:" in plain.stdout and "workbook with other sheets" in plain.stderr


def test_a_wide_framework_in_a_workbook_of_several_says_which_it_read(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Engineering"
    for row in [("Area", "Competency", "L1", "L2"), ("Craft", "Code", "Writes", "Reviews")]:
        book.active.append(row)
    other = book.create_sheet("Design")
    for row in [("Area", "Competency", "D1", "D2"), ("Craft", "Draw", "Sketches", "Leads")]:
        other.append(row)
    path = tmp_path / "frameworks.xlsx"
    book.save(path)
    result = cli("import", path, "-o", tmp_path / "ladder.yaml")
    assert (f"warning: {path}: Read the sheet 'Engineering'; the workbook's other sheets with "
            "data, not read: 'Design' (read one with --sheet NAME or its number)") in \
        result.stderr
    assert "# Read the sheet 'Engineering' of the workbook." in \
        (tmp_path / "ladder.yaml").read_text()
    design = cli("import", path, "--sheet", "design")
    assert "- Sketches" in design.stdout and "warning" not in design.stderr
