"""Real exports as they come: an id held by two different posts, headers and --map that name
one column twice, and rows numbered as a spreadsheet numbers them."""

from __future__ import annotations

import json

import pytest
from hr_helpers import DATA, assert_accounted, kinds

from ladder.api import import_export
from ladder.errors import SourceError
from ladder.sources.hr import load_export, parse_mapping


def test_the_top_post_keeps_its_id_when_a_director_repeats_it():
    # DUP1 is an SCS1 director (row 2, under P5) and the Permanent Secretary (row 7, under
    # XX); the directors general report to DUP1. Taking row 2 would make DG1 -> DUP1 -> P5 ->
    # DG1 a cycle the rows do not have.
    result = load_export(DATA / "perm_sec_senior.csv")
    people = result.org.people
    assert [p.id for p in result.org.roots()] == ["DUP1"]
    assert people["DUP1"].title == "Permanent Secretary"
    assert people["DG1"].manager == "DUP1" and people["DG2"].manager == "DUP1"
    assert people["DUP1~2"].title == "Director of Strategy" and people["DUP1~2"].manager == "P5"
    assert "cycle" not in {k for ks in kinds(result).values() for k in ks}
    assert not any(p.note for p in people.values())  # nobody stands as a root with a remark
    first = result.problems[0]
    assert first.kind == "duplicate-id" and first.line == 2
    # the choice names both rows, and why
    assert "row 2 (Director of Strategy, SCS1; reports to 'P5')" in first.message
    assert "row 7 (Permanent Secretary, SCS4; reports to 'XX')" in first.message
    assert "reports to 'DUP1' go to row 7" in first.message
    assert "reporting cycle" in first.message
    assert_accounted(result)


def test_the_more_senior_grade_decides_when_the_tree_does_not():
    result = load_export(DATA / "perm_sec_senior.csv")
    people = result.org.people
    # DUPX: an SCS1 deputy under DG1 and an SCS2 director under DG2; D9 reports to DUPX
    assert people["DUPX"].title == "Director, Policy" and people["D9"].manager == "DUPX"
    assert people["DUPX~8"].manager == "DG1"
    message = result.problems[1].message
    assert "row 9 has the more senior grade" in message and "row 8" in message


def test_a_generic_export_prefers_the_row_that_can_be_the_top():
    result = load_export(DATA / "perm_sec_generic.csv")
    people = result.org.people
    assert [p.id for p in result.org.roots()] == ["DUP1"]
    assert people["DUP1"].name == "Jane Boss" and people["DG1"].manager == "DUP1"
    assert people["DUP1~2"].manager == "P5"
    assert [p.kind for p in result.problems] == ["duplicate-id"]
    assert_accounted(result)


def test_the_first_row_still_wins_when_nothing_tells_them_apart(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,name,manager\n1,Ann,\n2,Bo,1\n2,Cy,1\n3,Di,2\n", encoding="utf-8")
    result = load_export(path)
    assert result.org.people["2"].name == "Bo" and result.org.people["3"].manager == "2"
    assert result.org.people["2~4"].name == "Cy"


def test_a_real_cycle_is_still_reported(tmp_path):
    # the cycle is in the rows whichever row the id means: reported, not hidden
    path = tmp_path / "x.csv"
    path.write_text("id,name,manager\nA,Ann,B\nB,Bo,A\nA,Al,B\n", encoding="utf-8")
    result = load_export(path)
    assert "cycle" in [p.kind for p in result.problems]
    assert_accounted(result)


def test_duplicate_headers_are_refused(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,Manager,name,manager\n1,,Ann,\n2,1,Bo,1\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_export(path)
    assert str(caught.value) == (f"{path}:1: columns B and D are both named 'manager' "
                                 "(rename or delete one of them)")
    # empty headers (trailing commas) are not names
    path.write_text("id,manager,name,,\n1,,Ann,,\n2,1,Bo,,\n", encoding="utf-8")
    assert load_export(path).rows == 2


def test_a_map_that_names_one_column_twice_is_refused(tmp_path):
    with pytest.raises(SourceError, match="'id' and 'manager' both name column 'Ref'"):
        parse_mapping("id=Ref,manager=Ref")
    path = tmp_path / "x.csv"
    path.write_text("Ref,Boss,Who\n1,,Ann\n2,1,Bo\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:  # the same column spelt two ways
        load_export(path, mapping={"id": "Ref", "manager": " ref"})
    assert "'id' and 'manager' both name column" in str(caught.value)
    assert caught.value.hint == "each field needs a column of its own"
    with pytest.raises(SourceError, match="'id' and 'name' both name column"):
        load_export(path, mapping={"id": "Ref", "name": "R-E-F"})  # Ref without case, dashes


def test_rows_are_numbered_as_a_spreadsheet_shows_them(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text('id,name,title,manager\n1,Ann,"Chief\nExecutive",\n'
                    '2,Bo,"Head\nof\nSales",1\n3,Cy,Rep,9\n', encoding="utf-8")
    result = load_export(path)
    problem = result.problems[0]
    # Cy is row 4 in a spreadsheet (header = row 1) but starts on line 7 of the file
    assert problem.kind == "missing-manager" and problem.line == 4
    assert problem.message.startswith("row 4 (line 7): manager '9' does not exist")
    assert result.org.people["3"].line == 4
    report = tmp_path / "report.json"
    import_export(path, report=report)  # --report: written as every file is
    assert json.loads(report.read_text(encoding="utf-8"))["problems"][0]["row"] == 4
    assert json.loads(report.read_text(encoding="utf-8"))["problems"][0]["line"] == 7


def test_junior_groups_keep_job_title_and_grade():
    result = load_export(DATA / "organogram_senior.csv", junior=DATA / "organogram_junior.csv")
    groups = {p.title: dict(p.extra)["grade"] for p in result.org
              if p.id.startswith("junior~") and not p.vacant}
    # Generic Job Title is the title, Grade the grade (not the title, as before)
    assert groups == {"Policy Adviser": "Grade 7", "Support Officer": "EO", "Clerk": "AO",
                      "Officer": "EO"}


def test_a_post_listed_twice_as_eliminated_stays_a_repeated_post(tmp_path):
    path = tmp_path / "senior.csv"
    path.write_text(
        '"Post Unique Reference","Name","Grade","Job Title","Unit","Reports to Senior Post",'
        '"FTE"\n"TOP","Ann","SCS4","Perm Sec","Office","XX","1"\n'
        '"E1","Eliminated","SCS1","Old","Office","TOP","1"\n'
        '"E1","Eliminated","SCS1","Old","Office","TOP","0.5"\n'
        '"X1","Bo","SCS1","Dep","Office","E1","1"\n', encoding="utf-8")
    result = load_export(path)
    assert kinds(result) == {3: ["eliminated-post"], 4: ["repeated-post"]}
    assert result.org.people["E1"].vacant and not result.org.people["E1"].shared_with
    assert_accounted(result)
