"""A file holding several snapshots of one department (a Date column, senior and junior rows
in one file): one snapshot drawn, its rows counted alone, the others listed."""

from __future__ import annotations

import csv

import pytest
from hr_helpers import SNAPSHOT_DATES, assert_accounted, write_snapshot_export

from ladder.errors import SourceError
from ladder.sources.hr import load_export
from ladder.sources.hr.read import read_table
from ladder.sources.hr.snapshots import find_snapshots


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "organogram.csv"
    return path, write_snapshot_export(path)


def _rows_of(path, date):
    with path.open(encoding="utf-8", newline="") as handle:
        return [r for r in csv.DictReader(handle) if r["Date"] == date]


def test_the_latest_snapshot_is_drawn_and_counted_alone(export):
    path, snapshots = export
    result = load_export(path)
    rows = _rows_of(path, "Sep-11")
    senior = [r for r in rows if r["Senior/Junior"] == "Senior"]
    assert result.snapshot == "Sep-11"
    assert result.rows == len(rows) and result.drawn == len(rows)  # exact row accounting
    assert result.problems == []  # no job shares, no duplicates, no extra roots
    posts = [p for p in result.org if not p.id.startswith("junior~")]
    assert sorted(p.id for p in posts) == sorted(r["Post Unique Reference"] for r in senior)
    assert [p.id for p in result.org.roots()] == ["PS"]  # one top post, not one a snapshot
    assert {p.id: p.manager for p in posts if p.manager} == {
        r["Post Unique Reference"]: r["Reports to Senior Post"] for r in senior
        if r["Reports to Senior Post"] != "XX"}
    # junior rows are group cards under their senior post, never person cards named 'row N'
    groups = [p for p in result.org if p.id.startswith("junior~")]
    assert len(groups) == len(rows) - len(senior)
    assert all(g.fte == 2.5 and g.title == "Policy Adviser" for g in groups)
    # the others are listed, with their row counts, oldest first
    assert result.snapshots == [(d, len(_rows_of(path, d))) for d in SNAPSHOT_DATES]
    assert result.summary() == f"snapshot 'Sep-11' of 3: {len(rows)} rows: {len(rows)} drawn, " \
        "0 problems"
    assert "drawn: 'Sep-11' (the latest)" in result.notes[0]
    assert "Sep-10 (" in result.notes[0] and "--snapshot" in result.notes[0]
    assert_accounted(result)


def test_another_snapshot_by_value_or_by_the_same_date(export):
    path, snapshots = export
    for wanted in ("Sep-10", "sep-10", "2010-09", "September 2010"):
        result = load_export(path, snapshot=wanted)
        assert result.snapshot == "Sep-10"
        assert result.rows == len(_rows_of(path, "Sep-10"))
        assert {p.id for p in result.org if not p.id.startswith("junior~")} == set(snapshots[0])
    with pytest.raises(SourceError) as caught:
        load_export(path, snapshot="Sep-12")
    assert "no such snapshot in column 'Date'" in str(caught.value)
    assert "Sep-11" in caught.value.hint


def test_row_numbers_stay_those_of_the_whole_file(export):
    path, _ = export
    table = read_table(path)
    result = load_export(path, snapshot="Mar-11")
    first = min(p.line for p in result.org)
    expected = next(r.row for r in table.records if r.values[0] == "Mar-11")
    assert first == expected > 2  # the newest snapshot comes first in the file


def test_a_file_of_one_snapshot_refuses_snapshot(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,name,manager,Hire Date\n1,Ann,,2020-01-01\n2,Bo,1,2020-01-01\n"
                    "3,Cy,1,2021-02-01\n4,Di,1,2021-02-01\n5,Ed,1,2020-01-01\n",
                    encoding="utf-8")
    result = load_export(path)  # hire dates are about people, not snapshots
    assert result.snapshot is None and result.rows == 5
    with pytest.raises(SourceError, match="holds one snapshot"):
        load_export(path, snapshot="2020-01-01")


def test_generic_snapshots_found_by_repeated_ids(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,name,manager,extract\n"
                    "1,Ann,,31/03/2023\n2,Bo,1,31/03/2023\n3,Cy,1,31/03/2023\n"
                    "1,Ann,,30/09/2023\n2,Bo,1,30/09/2023\n3,Cy,2,30/09/2023\n4,Di,2,30/09/2023\n",
                    encoding="utf-8")
    result = load_export(path)
    assert result.snapshot == "30/09/2023" and result.rows == 4
    assert result.org.people["3"].manager == "2" and not result.problems
    table = read_table(path)
    assert find_snapshots(table, id_column=None) is None  # no name, no ids: not sure enough


def test_rows_in_no_snapshot_are_reported(tmp_path):
    path = tmp_path / "x.csv"
    body = "".join(f"{i},P{i},{'' if i == 1 else 1},{d}\n" for d in ("2023-03", "2023-09")
                   for i in range(1, 12))
    path.write_text("id,name,manager,period\n" + body + "99,Lost,1,\n", encoding="utf-8")
    result = load_export(path)
    assert result.snapshot == "2023-09"
    assert [p.kind for p in result.problems] == ["no-snapshot"]
    assert result.rows == 12 and result.drawn == 11
    assert_accounted(result)


def test_the_shipped_example_is_the_generated_file(tmp_path):
    from conftest import REPO

    made = tmp_path / "organogram-snapshots.csv"
    write_snapshot_export(made)
    shipped = REPO / "examples" / "hr" / "organogram-snapshots.csv"
    assert shipped.read_bytes() == made.read_bytes()
