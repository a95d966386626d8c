"""``ladder import``: the company config written from an export gives the same org back."""

from __future__ import annotations

import dataclasses

import pytest
import yaml
from hr_helpers import DATA, ORGS

from ladder.model.org import Department, Org, Person
from ladder.sources.company import load_company
from ladder.sources.hr import config_text, imported_config_text, load_export

FIXTURES = [
    ("employee_id.csv", {}), ("case_space.csv", {}), ("cycles.csv", {}),
    ("duplicates.csv", {}), ("emails.csv", {}), ("people.xlsx", {}), ("cp1252.csv", {}),
    ("null_managers.csv", {}),
    ("organogram_senior.csv", {"junior": DATA / "organogram_junior.csv"}),
]
REAL = [
    ("d3_org_chart_sample_org.csv", {}), ("adventureworks_employee_with_parent.csv", {}),
    ("northwind_employees.csv", {}),
    ("ukgov_dfe_2011-09-30_senior.csv", {"junior": ORGS / "ukgov_dfe_2011-09-30_junior.csv"}),
    ("ukgov_home_office_2012-09-30_senior.csv",
     {"junior": ORGS / "ukgov_home_office_2012-09-30_junior.csv"}),
]
PERSON_KEYS = {"id", "name", "names", "role", "title", "manager", "department", "location",
               "vacant", "assistant", "dotted", "fte", "note"}


def org_from_config(data: dict) -> Org:
    """The agreed company-config format, read the plain way (no ladder, no checks)."""
    people = []
    for item in data["people"]:
        names = item.get("names") or [item.get("name", "")]
        people.append(Person(
            id=item["id"], name=names[0], shared_with=tuple(names[1:]),
            title=item.get("title", ""), role=item.get("role"), manager=item.get("manager"),
            department=item.get("department"), location=item.get("location"),
            vacant=item.get("vacant", False), assistant=item.get("assistant", False),
            dotted=tuple(item.get("dotted", ())), fte=item.get("fte"),
            extra=tuple((k, str(v)) for k, v in item.items() if k not in PERSON_KEYS),
            note=item.get("note", ""),
        ))
    departments = [Department(d["id"], d["name"], d.get("colour"))
                   for d in data.get("departments", [])]
    return Org.build(data["company"], people, departments)


def same_org(first: Org, second: Org) -> None:
    def plain(org):
        # a config names every id it holds: an id the import made up is written as given
        return [dataclasses.replace(p, line=None, id_made_up=False) for p in org]

    assert first.name == second.name
    assert first.departments == second.departments
    assert plain(first) == plain(second)


def cases():
    for name, kwargs in FIXTURES:
        yield pytest.param(DATA / name, kwargs, id=name)
    for name, kwargs in REAL:
        yield pytest.param(ORGS / name, kwargs, id=name, marks=pytest.mark.skipif(
            not ORGS.is_dir(), reason=f"real org data not found at {ORGS}"))


def write_config(result, path):
    """As ``ladder import -o`` writes it: the config headed by where it came from."""
    path.write_text(imported_config_text(result), encoding="utf-8")


@pytest.mark.parametrize("path, kwargs", list(cases()))
@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_written_config_reads_back_to_the_same_org(tmp_path, path, kwargs):
    result = load_export(path, **kwargs)
    out = tmp_path / "company.yaml"
    write_config(result, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Written by `ladder import` from ")
    same_org(org_from_config(yaml.safe_load(text)), result.org)
    # and the company-config loader, with all its checks, reads it back the same
    same_org(load_company(out), result.org)


def test_deterministic_bytes(tmp_path):
    result = load_export(DATA / "organogram_senior.csv", junior=DATA / "organogram_junior.csv")
    write_config(result, tmp_path / "a.yaml")
    write_config(load_export(DATA / "organogram_senior.csv",
                             junior=DATA / "organogram_junior.csv"), tmp_path / "b.yaml")
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()


TRICKY = ["yes", "null", "007", "1.50", "- dash", "#hash", "a: b", "Zoë 🚀", "two\nlines",
          "back\\slash", "'single'", '"double"', " ", "~", "@at", "%pct", "&amp", "*star",
          "[list]", "{map}", "2024-01-02", "0x1F", ".inf"]


def test_strings_yaml_would_misread_are_quoted():
    people = [Person(f"p{i}", text, text, manager="p0" if i else None,
                     extra=(("grade", text),)) for i, text in enumerate(TRICKY)]
    org = Org.build("Acme: \"R&D\"", people)
    data = yaml.safe_load(config_text(org))
    assert data["company"] == 'Acme: "R&D"'
    assert [p["name"] for p in data["people"]] == TRICKY
    assert [p["title"] for p in data["people"]] == TRICKY
    assert [p["grade"] for p in data["people"]] == TRICKY


def test_job_shares_groups_and_vacancies_use_the_agreed_keys():
    result = load_export(DATA / "organogram_senior.csv", junior=DATA / "organogram_junior.csv")
    data = yaml.safe_load(config_text(result.org))
    by_id = {p["id"]: p for p in data["people"]}
    assert by_id["JS1"]["names"] == ["Ann Share", "Bob Share"] and "name" not in by_id["JS1"]
    assert by_id["junior~2"]["fte"] == 3.5
    assert by_id["D2"]["vacant"] is True
    assert "manager" not in by_id["TOP"]
    assert data["departments"][0] == {"id": "office", "name": "Office"}
