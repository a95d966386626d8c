"""Every kind of mess in an export: drawn where possible, always reported with its row."""

from __future__ import annotations

import json

import pytest
from hr_helpers import DATA, assert_accounted, kinds
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.api import import_export
from ladder.errors import SourceError
from ladder.sources.hr import load_export, parse_fix


def test_case_and_space_only_managers_are_reported_then_fixed():
    result = load_export(DATA / "case_space.csv")
    assert kinds(result) == {3: ["case-only-manager"], 4: ["space-only-manager"],
                             5: ["case-only-manager"]}
    hints = [p.hint for p in result.problems]
    assert hints == ["use --fix case", "use --fix space", "use --fix case,space"]
    org = result.org
    # unfixed, they are drawn as extra roots; E-5 names B-2 exactly and stays under it
    assert [p.id for p in org.roots()] == ["A-1", "B-2", "C-3", "D-4"]
    assert org.people["E-5"].manager == "B-2"
    assert result.summary() == ("5 rows: 5 drawn, 3 problems (2 case-only manager matches: "
                                "use --fix case,space; 1 manager match with stray spaces: "
                                "use --fix space)")
    assert_accounted(result)

    fixed = load_export(DATA / "case_space.csv", fix=("case", "space"))
    assert [p.id for p in fixed.org.roots()] == ["A-1"]
    assert fixed.org.people["D-4"].manager == "B-2"
    assert {p.kind for p in fixed.problems} == {"manager-fixed"}
    assert all(p.severity == "info" for p in fixed.problems)

    space_only = load_export(DATA / "case_space.csv", fix="space")
    assert space_only.org.people["C-3"].manager == "A-1"
    assert space_only.org.people["B-2"].manager is None  # case not asked for: not fixed


def test_ambiguous_case_match_is_not_fixed(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,name,parentId\nab,Ann,\nAB,Bo,ab\nc,Cy,Ab\n", encoding="utf-8")
    result = load_export(path, fix="case")
    assert result.org.people["c"].manager is None
    assert kinds(result)[4] == ["missing-manager"]
    assert "'ab', 'AB'" in result.problems[0].message


def test_cycles_are_broken_at_their_earliest_row_and_self_reports_become_roots():
    result = load_export(DATA / "cycles.csv")
    assert kinds(result) == {3: ["cycle"], 6: ["self-report"]}
    cycle = result.problems[0]
    assert cycle.id == "2"
    assert cycle.message.startswith("reporting cycle '2' (row 3) -> '4' (row 5) -> '3' (row 4)")
    org = result.org
    assert org.people["2"].manager is None  # broken here
    assert org.people["3"].manager == "2" and org.people["4"].manager == "3"
    assert org.people["5"].manager is None
    assert result.summary() == "6 rows: 6 drawn, 2 problems (1 self-report; 1 cycle broken)"
    assert_accounted(result)


def test_duplicates_missing_ids_and_names():
    result = load_export(DATA / "duplicates.csv")
    assert kinds(result) == {4: ["duplicate-row"], 5: ["duplicate-id"], 7: ["missing-id"],
                             8: ["missing-name"]}
    org = result.org
    assert list(org.people) == ["1", "2", "2~5", "3", "row-7", "4"]
    assert org.people["2"].name == "Bea One" and org.people["2~5"].name == "Cal Two"
    assert org.people["3"].manager == "2"  # reports to a repeated id go to its first row
    assert org.people["4"].name == ""  # never its id: the charts say "name not published"
    assert result.rows == 7 and result.drawn == 6
    assert result.undrawn == [(str(DATA / "duplicates.csv"), 4)]
    assert_accounted(result)


def test_null_managers_and_several_roots():
    result = load_export(DATA / "null_managers.csv")
    # NULL, '-' and empty all mean "no manager"; r3 heads the largest tree, so it is the
    # main root and the other two are reported
    assert kinds(result) == {2: ["several-roots"], 4: ["several-roots"]}
    assert "('NULL')" in result.problems[0].message
    assert "beside 'r3' (row 5, 3 in its tree)" in result.problems[0].message
    assert [p.id for p in result.org.roots()] == ["r1", "r2", "r3"]
    assert_accounted(result)


def test_a_single_null_root_is_no_problem(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,name,parentId\n1,Ann,NULL\n2,Bo,1\n", encoding="utf-8")
    assert load_export(path).summary() == "2 rows: 2 drawn, 0 problems"


def test_missing_managers_become_roots_with_a_hint():
    result = load_export(DATA / "missing_manager.csv")
    assert kinds(result) == {4: ["missing-manager"], 5: ["missing-manager"]}
    assert result.problems[0].hint == "did you mean '101'?"
    assert result.org.people["104"].manager == "102"  # the subtree stays together
    assert str(result.problems[0]).startswith(
        f"warning: {DATA / 'missing_manager.csv'}:4: manager '1O1' does not exist")
    assert_accounted(result)


def test_extra_fields_are_reported():
    result = load_export(DATA / "ragged.csv")
    assert kinds(result) == {3: ["extra-fields"]}
    assert "'Sales', 'Europe' not read" in result.problems[0].message


def test_report_json(tmp_path):
    result = load_export(DATA / "cycles.csv")
    out = tmp_path / "problems.json"
    import_export(DATA / "cycles.csv", report=out)  # --report: written as every file is
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data == {
        "rows": 6, "drawn": 6,
        "problems": [
            {"row": 3, "line": 3, "id": "2", "kind": "cycle",
             "message": result.problems[0].message},
            {"row": 6, "line": 6, "id": "5", "kind": "self-report",
             "message": "'5' reports to itself: drawn as a root"},
        ],
    }


def test_fix_values_are_checked():
    assert parse_fix("case") == ("case",)
    assert parse_fix(["space", "case"]) == ("case", "space")
    with pytest.raises(SourceError, match="did you mean 'case'"):
        load_export(DATA / "cycles.csv", fix="cas")


def test_same_input_same_output():
    first = load_export(DATA / "duplicates.csv")
    again = load_export(DATA / "duplicates.csv")
    assert first.report() == again.report()
    assert list(first.org) == list(again.org)


# -- any export: every row drawn or reported, and the org is a valid forest ------------------

ids = st.sampled_from(["1", "2", "3", "4", "5", " 1", "A", "a", "", "NULL", "-", "x9"])


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(ids, ids, st.sampled_from(["Ann", "", "Bo"])), min_size=1,
                max_size=12),
       st.sampled_from([(), ("case",), ("case", "space")]))
def test_any_messy_export_is_fully_accounted(tmp_path_factory, rows, fix):
    path = tmp_path_factory.mktemp("hyp") / "export.csv"
    lines = ["id,parentId,name"] + [f'"{i}","{m}","{n}"' for i, m, n in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        result = load_export(path, fix=fix)
    except SourceError as error:  # only when every row is blank
        assert "no data rows" in str(error) or "empty" in str(error)
        return
    assert_accounted(result)
    assert result.rows == sum(1 for r in rows if any(v.strip() for v in r))


def test_manager_ids_written_as_decimals_get_a_hint(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,name,parentId\n1,Ann,\n2,Bo,1.0\n", encoding="utf-8")
    result = load_export(path)
    assert kinds(result) == {3: ["missing-manager"]}
    assert result.problems[0].hint == ("'1' exists: the manager column was written as "
                                       "decimals; export it as whole numbers")
