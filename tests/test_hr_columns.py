"""Header detection as real exports write it, and --map when detection cannot tell."""

from __future__ import annotations

import pytest
from hr_helpers import DATA, assert_accounted

from ladder.errors import SourceError
from ladder.sources.hr import load_export, parse_mapping
from ladder.sources.hr.columns import detect_columns


@pytest.mark.parametrize("id_header, manager_header", [
    ("id", "parentId"),
    ("EmployeeId", "ReportsTo"),
    ("employeeID", "reportsTo"),
    ("Employee ID", "Manager ID"),
    ("  EMPLOYEE_ID ", "manager_id"),
    ("Employee #", "Supervisor ID"),
    ("BusinessEntityID", "ParentBusinessEntityID"),  # the pair rule: X and ParentX
    ("PositionId", "ReportsToPositionId"),
])
def test_id_and_manager_headers(tmp_path, id_header, manager_header):
    path = tmp_path / "export.csv"
    path.write_text(f"{id_header},Name,{manager_header}\n1,Ann,\n2,Bo,1\n", encoding="utf-8")
    result = load_export(path)
    assert result.org.people["2"].manager == "1"
    assert result.columns["id"] == id_header.strip()
    assert result.columns["manager"] == manager_header


@pytest.mark.parametrize("headers, expected", [
    ("First Name,Last Name", "Ann Lee"),
    ("firstName,lastName", "Ann Lee"),
    ("Given Name,Surname", "Ann Lee"),
    ("name,lastName", "Ann Lee"),  # a name column beside a last name holds the first name
])
def test_names_from_parts(tmp_path, headers, expected):
    path = tmp_path / "export.csv"
    path.write_text(f"id,parentId,{headers}\n1,,Ann,Lee\n", encoding="utf-8")
    assert load_export(path).org.people["1"].name == expected


def test_title_department_location_headers(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,parentId,Name,Job Title,Area,Office,titleOfCourtesy\n"
                    "1,,Ann,CEO,Corporate,HQ,Dr.\n2,1,Bo,CTO,Tech & Data,HQ,Mr.\n",
                    encoding="utf-8")
    org = load_export(path).org
    assert org.people["1"].title == "CEO"  # 'Job Title', not 'titleOfCourtesy'
    assert org.people["2"].department == "tech-data"
    assert org.departments["tech-data"].name == "Tech & Data"
    assert org.people["2"].location == "HQ"


def test_emails_as_keys():
    result = load_export(DATA / "emails.csv")
    org = result.org
    assert org.people["cy@acme.test"].manager == "bo@acme.test"
    assert org.people["bo@acme.test"].name == "Bo Park"
    assert org.people["cy@acme.test"].department == "engineering"
    # the manager email differs only in case: reported, and --fix case links it
    assert [p.kind for p in result.problems] == ["case-only-manager"]
    fixed = load_export(DATA / "emails.csv", fix="case")
    assert fixed.org.people["di@acme.test"].manager == "bo@acme.test"
    assert_accounted(result)


def test_unknown_headers_name_what_was_seen_and_the_fix():
    with pytest.raises(SourceError) as caught:
        load_export(DATA / "unknown_headers.csv")
    text = str(caught.value)
    assert text.startswith(f"{DATA / 'unknown_headers.csv'}:1: cannot tell which column")
    assert "'Staff Ref', 'Full Name', 'Boss Ref', 'Role'" in text
    # the suggestion comes from the data: Boss Ref values are Staff Ref values
    assert '--map "id=Staff Ref,manager=Boss Ref"' in text


def test_map_overrides_detection():
    result = load_export(DATA / "unknown_headers.csv",
                         mapping="id=Staff Ref,manager=boss ref,name=Full Name,title=Role")
    assert result.org.people["s3"].manager == "s2"
    assert result.org.people["s3"].name == "Cy"
    assert result.org.people["s3"].title == "Engineer"
    mapped = load_export(DATA / "unknown_headers.csv",
                         mapping={"id": "Staff Ref", "manager": "Boss Ref"})
    assert mapped.summary() == "3 rows: 3 drawn, 0 problems"


def test_map_to_a_missing_column():
    with pytest.raises(SourceError) as caught:
        load_export(DATA / "unknown_headers.csv", mapping="id=Staff Ref,manager=Bos Ref")
    assert "--map manager=Bos Ref: no column 'Bos Ref'" in str(caught.value)
    assert "did you mean 'Boss Ref'?" in str(caught.value)


@pytest.mark.parametrize("text, message", [
    ("", "--map is empty"),
    ("id", "'id' is not FIELD=COLUMN"),
    ("boss=X", "unknown field 'boss'"),
    ("manger=X", "did you mean 'manager'?"),
    ("id=", "no column given for 'id'"),
    ("id=A,id=B", "'id' is given twice"),
    ('id="A', "a double quote is not closed"),
])
def test_parse_mapping_errors(text, message):
    with pytest.raises(SourceError) as caught:
        parse_mapping(text)
    assert message in str(caught.value)


def test_parse_mapping_quotes_and_aliases():
    assert parse_mapping('id=Ref, manager="Boss, direct", first=Given, dept=Team') == {
        "id": "Ref", "manager": "Boss, direct", "first_name": "Given", "department": "Team"}


def test_detect_columns_prefers_exact_candidates():
    headers = ["name", "email", "manager", "id", "parentId"]
    found = detect_columns(headers, file="x.csv")
    assert headers[found["id"]] == "id" and headers[found["manager"]] == "parentId"
