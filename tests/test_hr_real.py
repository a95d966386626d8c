"""The real exports in ../shared/data/orgs: exact row accounting and their known quirks."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest
from hr_helpers import ORGS, assert_accounted

from ladder.sources.hr import load_export

pytestmark = pytest.mark.skipif(
    not ORGS.is_dir(), reason=f"real org data not found at {ORGS} (shared/ beside the repo)")


def depth(org) -> int:
    levels = {}
    for root in org.roots():
        levels[root.id] = 1
        for manager, report in nx.bfs_edges(org.graph, root.id):
            levels[report] = levels[manager] + 1
    return max(levels.values())


@pytest.mark.parametrize("name, rows, tree_depth, widest", [
    ("chinook_employee.csv", 8, 3, 3),
    ("northwind_employees.csv", 9, 3, 5),
    ("oracle_hr_employees_d3orgchart.csv", 107, 4, 14),
    ("d3_org_chart_sample_org.csv", 1516, 10, 9),
    ("adventureworks_employee_with_parent.csv", 290, 5, 22),
])
def test_clean_exports(name, rows, tree_depth, widest):
    result = load_export(ORGS / name)
    assert result.summary() == f"{rows} rows: {rows} drawn, 0 problems"
    org = result.org
    assert len(org.roots()) == 1 and depth(org) == tree_depth
    assert max(org.graph.out_degree(p.id) for p in org) == widest
    assert_accounted(result)


def test_quirks_of_the_clean_exports():
    northwind = load_export(ORGS / "northwind_employees.csv").org
    assert northwind.roots()[0].name == "Andrew Fuller"  # reportsTo 'NULL'
    assert northwind.people["2"].title == "Vice President, Sales"
    d3 = load_export(ORGS / "d3_org_chart_sample_org.csv").org
    assert d3.people["O-6068"].name == "Leverling Janet"  # stray spaces dropped
    assert d3.people["O-6067"].title == "CTO"
    assert sum(1 for p in d3 if d3.graph.out_degree(p.id) == 0) == 1025
    oracle = load_export(ORGS / "oracle_hr_employees_d3orgchart.csv").org
    assert oracle.people["100"].name == "Steven King"  # name + lastName
    assert oracle.people["100"].department == "executive"
    adventure = load_export(ORGS / "adventureworks_employee_with_parent.csv").org
    assert adventure.people["1"].title == "Chief Executive Officer"


def test_dfe_organogram():
    result = load_export(ORGS / "ukgov_dfe_2011-09-30_senior.csv", preset="uk-organogram",
                         junior=ORGS / "ukgov_dfe_2011-09-30_junior.csv")
    assert result.summary() == (
        "492 rows: 482 drawn, 25 problems (8 case-only manager matches: use --fix case; "
        "10 duplicate rows; 2 job shares; 5 people not in post (post 0))")
    case_only = [p for p in result.problems if p.kind == "case-only-manager"]
    assert len(case_only) == 8
    assert any("'DfE-3024' matches 'DFE-3024'" in p.message for p in case_only)
    assert len(result.org.roots()) == 9
    assert_accounted(result)

    fixed = load_export(ORGS / "ukgov_dfe_2011-09-30_senior.csv", preset="uk-organogram",
                        junior=ORGS / "ukgov_dfe_2011-09-30_junior.csv", fix="case")
    assert [p.id for p in fixed.org.roots()] == ["DfE-1001"]
    assert Counter(p.kind for p in fixed.problems)["manager-fixed"] == 8
    assert_accounted(fixed)


def test_home_office_organogram():
    result = load_export(ORGS / "ukgov_home_office_2012-09-30_senior.csv",
                         preset="uk-organogram",
                         junior=ORGS / "ukgov_home_office_2012-09-30_junior.csv")
    assert result.summary() == ("1134 rows: 1030 drawn, 108 problems (52 duplicate rows; "
                                "11 repeated post ids; 45 eliminated posts)")
    repeated = {p.id for p in result.problems if p.kind == "repeated-post"}
    assert len(repeated) == 11
    assert [p.id for p in result.org.roots()] == ["4PO01"]
    vacancies = {p.name for p in result.org if p.vacant and p.fte is None}
    assert vacancies == {"Vacant", "Eliminated"}
    assert result.org.name == "Home Office"
    assert_accounted(result)


def test_senior_files_alone():
    dfe = load_export(ORGS / "ukgov_dfe_2011-09-30_senior.csv")  # preset found by headers
    assert dfe.preset == "uk-organogram"
    assert dfe.summary().startswith("128 rows: 128 drawn, 15 problems")
    home = load_export(ORGS / "ukgov_home_office_2012-09-30_senior.csv")
    assert home.summary().startswith("201 rows: 147 drawn, 56 problems")
    assert_accounted(home)
