"""Snapshots found by their values: whatever the column's header and however its dates are
spelt, a file of several snapshots is split into them, and a column of personal dates is not
taken for one."""

from __future__ import annotations

import csv
import datetime as dt
import random
import re

import openpyxl
import pytest
from hr_helpers import SNAPSHOT_HEADER, assert_accounted, snapshot_posts
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.errors import SourceError
from ladder.sources.hr import load_export
from ladder.sources.hr.dates import Reading, parse_date, read_column
from ladder.sources.hr.read import read_table
from ladder.sources.hr.snapshots import find_snapshots

# half-yearly publications, as UK organograms are
DATES = [dt.date(2014, 3, 31), dt.date(2014, 9, 30), dt.date(2015, 3, 31), dt.date(2015, 9, 30)]


def _excel(day: dt.date) -> str:
    return str((day - dt.date(1899, 12, 30)).days)


# each spelling of a date that exports use, as a function of the date
SPELLINGS = {
    "iso": lambda d: d.isoformat(),
    "day/month/year": lambda d: d.strftime("%d/%m/%Y"),
    "month/day/year": lambda d: d.strftime("%m/%d/%Y"),
    "Mon-YY": lambda d: d.strftime("%b-%y"),
    "Month YYYY": lambda d: d.strftime("%B %Y"),
    "Mon YYYY": lambda d: d.strftime("%b %Y"),
    "YYYY-MM": lambda d: d.strftime("%Y-%m"),
    "Qn YYYY": lambda d: f"Q{(d.month - 1) // 3 + 1} {d.year}",
    "YYYY Qn": lambda d: f"{d.year} Q{(d.month - 1) // 3 + 1}",
    "D Month YYYY": lambda d: f"{d.day} {d.strftime('%B %Y')}",
    "DD-Mon-YYYY": lambda d: d.strftime("%d-%b-%Y"),
    "Month D, YYYY": lambda d: f"{d.strftime('%B')} {d.day}, {d.year}",
    "iso with time": lambda d: f"{d.isoformat()} 00:00:00",
    "day.month.year": lambda d: d.strftime("%d.%m.%Y"),
}
# Excel's day numbers, only in XLSX (a bare number in a CSV is a number)
DAY_NUMBERS = {"excel": _excel}
HEADERS = ["Back to Index", "", "Col1", "Published", "x", "Unnamed: 0"]


def _rows(count: int, spell, *, header: str, order: list[int] | None = None,
          shuffle: random.Random | None = None) -> tuple[list[list[str]], list]:
    """A UK organogram of ``count`` snapshots (senior and junior rows) whose date column is
    headed ``header`` and spelt by ``spell``; the snapshots in the file in ``order``."""
    snapshots = snapshot_posts(count)
    rows = []
    for k in order if order is not None else reversed(range(count)):
        date = spell(DATES[k])
        for post, f in snapshots[k].items():
            rows.append([date, "Senior", post, f["name"], f["grade"], f["title"], f["unit"],
                         f["manager"], "1", "Department of Snapshots"])
        for post, f in snapshots[k].items():
            if post.startswith("DD"):
                rows.append([date, "Junior", "", "", "Grade 7", "Policy Adviser", f["unit"],
                             post, "2.5", "Department of Snapshots"])
    if shuffle is not None:
        shuffle.shuffle(rows)
    return [[header, *SNAPSHOT_HEADER[1:]], *rows], snapshots


def _write(path, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def _count(rows, value) -> int:
    return sum(1 for r in rows[1:] if r[0] == value)


def _assert_split(result, rows, snapshots, spell, count) -> None:
    labels = [spell(d) for d in DATES[:count]]
    assert result.snapshots == [(label, _count(rows, label)) for label in labels]
    assert result.snapshot == labels[-1]
    assert result.rows == result.drawn == _count(rows, labels[-1])
    posts = {p.id for p in result.org if not p.id.startswith("junior~")}
    assert posts == set(snapshots[count - 1])
    assert [p.id for p in result.org.roots()] == ["PS"]
    assert result.problems == []
    assert_accounted(result)


def _found(path):
    """The snapshots of a UK organogram written by :func:`_rows`."""
    return find_snapshots(read_table(path), id_column=2, manager_column=7)


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
def test_each_spelling_under_an_odd_header_is_split(tmp_path, spelling):
    spell = SPELLINGS[spelling]
    header = HEADERS[sorted(SPELLINGS).index(spelling) % len(HEADERS)]
    rows, snapshots = _rows(3, spell, header=header)
    path = tmp_path / "organogram.csv"
    _write(path, rows)
    result = load_export(path)
    _assert_split(result, rows, snapshots, spell, 3)
    shown = f"column '{header}'" if header else "column A"
    assert f"holds 3 snapshots in {shown}" in result.notes[0]
    # any spelling of an older date names that snapshot
    found = _found(path)
    for other in SPELLINGS.values():
        wanted = other(DATES[1])
        if not wanted.isdigit():  # an Excel day number is one only in XLSX
            assert found.pick(wanted, file="x") == spell(DATES[1]), wanted
    picked = load_export(path, snapshot=SPELLINGS["D Month YYYY"](DATES[0]))
    assert picked.snapshot == spell(DATES[0])
    assert {p.id for p in picked.org if not p.id.startswith("junior~")} == set(snapshots[0])


@pytest.mark.slow  # about 5 s
@settings(max_examples=40, deadline=None)
@given(spelling=st.sampled_from(sorted(SPELLINGS)), count=st.integers(2, 3),
       header=st.text(st.characters(codec="ascii", categories=["L", "N", "Zs"]), max_size=12),
       seed=st.integers(0, 2**16), interleaved=st.booleans())
def test_any_spelling_header_and_order_is_split(tmp_path_factory, spelling, count, header,
                                                seed, interleaved):
    if header.strip().casefold() in {h.casefold() for h in SNAPSHOT_HEADER[1:]}:
        header = "When"  # a header of its own, not another column's
    spell = SPELLINGS[spelling]
    chance = random.Random(seed)
    order = list(range(count))
    chance.shuffle(order)
    rows, snapshots = _rows(count, spell, header=header, order=order,
                            shuffle=chance if interleaved else None)
    path = tmp_path_factory.mktemp("snap") / "organogram.csv"
    _write(path, rows)
    _assert_split(load_export(path), rows, snapshots, spell, count)


def test_excel_day_numbers_in_xlsx(tmp_path):
    rows, snapshots = _rows(3, _excel, header="Back to Index")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:  # the dates as numbers: cells not formatted as dates
        sheet.append([int(v) if i == 0 and v.isdigit() else v for i, v in enumerate(row)])
    path = tmp_path / "organogram.xlsx"
    book.save(path)
    result = load_export(path)
    labels = [d.isoformat() for d in DATES[:3]]  # named by their date, not their number
    assert result.snapshots == [(label, _count(rows, _excel(d)))
                                for label, d in zip(labels, DATES, strict=False)]
    assert result.snapshot == "2015-03-31"
    assert "(41729 read as an Excel day number, 2014-03-31)" in result.notes[0]
    found = find_snapshots(read_table(path), id_column=2, manager_column=7)
    for wanted in ("41729", "2014-03", "31/03/2014", "Q1 2014", "March 2014"):
        assert found.pick(wanted, file="x") == "2014-03-31"
    # the same numbers in a CSV are numbers: no snapshots
    csv_path = tmp_path / "organogram.csv"
    _write(csv_path, rows)
    assert load_export(csv_path).snapshot is None


def test_two_spellings_of_one_date_are_one_snapshot(tmp_path):
    rows, snapshots = _rows(2, SPELLINGS["iso"], header="As at")
    for row in rows[1::2]:
        row[0] = dt.date.fromisoformat(row[0]).strftime("%d/%m/%Y")
    path = tmp_path / "x.csv"
    _write(path, rows)
    result = load_export(path)
    assert len(result.snapshots) == 2
    assert sum(n for _, n in result.snapshots) == len(rows) - 1
    assert result.rows == len(rows) - 1 - result.snapshots[0][1]


# -- the order of a numeric day and month, told by the whole column -------------------------

def _generic(path, dates: list[str], header: str = "Back to Index") -> None:
    """Three people, the same in each snapshot, one per date."""
    rows = [["id", "name", "manager", header]]
    for date in dates:
        rows += [["1", "Ann", "", date], ["2", "Bo", "1", date], ["3", "Cy", "1", date]]
    _write(path, rows)


@pytest.mark.parametrize(("dates", "wanted", "picked", "why"), [
    # a value past 12 tells the order, and the note says which value did
    (["03/04/2015", "30/09/2015"], "2015-04-03", "03/04/2015",
     "03/04/2015 read day first, as 30/09/2015 in the same column shows"),
    (["03/04/2015", "09/30/2015"], "2015-03-04", "03/04/2015",
     "03/04/2015 read month first, as 09/30/2015 in the same column shows"),
    # none does: the order putting snapshots on a month's first or last day
    (["01/04/2015", "01/10/2015"], "April 2015", "01/04/2015",
     "01/04/2015 read day first: no date in the column tells the order, and day first puts "
     "every date on the first or last day of a month"),
    (["04/01/2015", "10/01/2015"], "April 2015", "04/01/2015",
     "04/01/2015 read month first: no date in the column tells the order, and month first "
     "puts every date on the first or last day of a month"),
    (["03/04/2015", "05/06/2015"], "2015-04-03", "03/04/2015",
     "03/04/2015 read day first: no date in the column tells the order, and day first is the "
     "UK order"),
])
def test_day_or_month_first_is_decided_by_the_column(tmp_path, dates, wanted, picked, why):
    path = tmp_path / "x.csv"
    _generic(path, dates)
    result = load_export(path, snapshot=wanted)
    assert result.snapshot == picked
    assert f"({why})" in result.notes[0]
    assert load_export(path).snapshot == dates[-1]


def test_a_column_of_both_orders_is_no_date_column():
    assert read_column(["31/03/2015", "03/31/2015"]) is None
    assert read_column(["31/03/2015", "03/31/2015", "Mar-15"]) is None


def test_a_query_in_either_order_against_iso_dates(tmp_path):
    path = tmp_path / "x.csv"
    _generic(path, ["2015-04-03", "2015-10-03"])
    assert load_export(path, snapshot="03/04/2015").snapshot == "2015-04-03"
    assert load_export(path, snapshot="10/03/2015").snapshot == "2015-10-03"  # month first
    with pytest.raises(SourceError) as caught:  # both readings name a snapshot
        _generic(path, ["2015-04-03", "2015-03-04"])
        load_export(path, snapshot="03/04/2015")
    assert "names 2 snapshots" in str(caught.value)


def test_a_query_naming_none_or_several_lists_the_snapshots(tmp_path):
    path = tmp_path / "x.csv"
    _generic(path, ["Mar-14", "Sep-14", "Mar-15"])
    with pytest.raises(SourceError) as caught:
        load_export(path, snapshot="Sep-15")
    assert "no such snapshot in column 'Back to Index'" in str(caught.value)
    assert caught.value.hint == "did you mean 'Sep-14'? snapshots: Mar-14, Sep-14, Mar-15"
    with pytest.raises(SourceError) as caught:
        load_export(path, snapshot="June 2016")
    assert caught.value.hint == "snapshots: Mar-14, Sep-14, Mar-15"
    with pytest.raises(SourceError) as caught:
        load_export(path, snapshot="2014")
    assert "--snapshot 2014 names 2 snapshots in column 'Back to Index': Mar-14, Sep-14" \
        in str(caught.value)
    assert load_export(path, snapshot="2015").snapshot == "Mar-15"
    assert load_export(path, snapshot="Q3 2014").snapshot == "Sep-14"


# -- columns of dates that are not snapshots --------------------------------------------------

def _people(n: int, chance: random.Random) -> list[list[str]]:
    """An org of ``n`` people: id, name, manager."""
    return [[str(i), f"Person {i}", "" if i == 1 else str(chance.randint(1, i - 1))]
            for i in range(1, n + 1)]


def test_a_few_start_dates_under_an_odd_header_are_not_snapshots(tmp_path):
    chance = random.Random(3)
    rows = [["id", "name", "manager", "When"]]
    rows += [[*p, chance.choice(["01/04/2015", "01/10/2015", "01/04/2016"])]
             for p in _people(60, chance)]
    path = tmp_path / "x.csv"
    _write(path, rows)
    result = load_export(path)
    assert result.snapshot is None and result.rows == 60 and not result.notes


def test_a_date_column_named_date_in_one_snapshot_is_not_split(tmp_path):
    # the header names a snapshot, but a person's manager has mostly another date
    chance = random.Random(5)
    rows = [["id", "name", "manager", "Date"]]
    rows += [[*p, chance.choice(["2015-03-31", "2015-09-30", "2016-03-31"])]
             for p in _people(60, chance)]
    path = tmp_path / "x.csv"
    _write(path, rows)
    assert load_export(path).snapshot is None


def test_many_birth_dates_are_not_snapshots(tmp_path):
    chance = random.Random(7)
    rows = [["id", "name", "manager", "Back to Index"]]
    rows += [[*p, dt.date(1960 + chance.randint(0, 40), chance.randint(1, 12),
                         chance.randint(1, 28)).strftime("%d/%m/%Y")]
             for p in _people(200, chance)]
    path = tmp_path / "x.csv"
    _write(path, rows)
    assert load_export(path).snapshot is None


def test_personal_dates_beside_a_snapshot_column_do_not_win(tmp_path):
    # start dates repeat (a person keeps theirs) but split each snapshot apart: the column
    # whose groups are whole orgs is the snapshot column
    chance = random.Random(11)
    people = _people(40, chance)
    started = {p[0]: chance.choice(["Jan-10", "Jun-12", "Mar-14"]) for p in people}
    rows = [["Started", "id", "name", "manager", "Back to Index"]]
    for date in ("Mar-15", "Sep-15"):
        rows += [[started[p[0]], *p, date] for p in people]
    path = tmp_path / "x.csv"
    _write(path, rows)
    result = load_export(path)
    assert result.snapshot == "Sep-15" and result.rows == 40
    assert "column 'Back to Index'" in result.notes[0]


def test_a_number_column_in_xlsx_is_not_taken_for_day_numbers(tmp_path):
    # salaries of a few pay bands across two snapshots: ids repeat across the bands (pay
    # rises) but managers sit in other bands
    chance = random.Random(13)
    people = _people(40, chance)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "name", "manager", "Pay", "As at"])
    for date in ("2015-03-31", "2015-09-30"):
        for p in people:
            band = 40000 + 1000 * min(int(p[0]) // 8, 4) + (500 if date > "2015-06" else 0)
            sheet.append([*p, band, date])
    path = tmp_path / "x.xlsx"
    book.save(path)
    result = load_export(path)
    assert result.snapshot == "2015-09-30" and "column 'As at'" in result.notes[0]
    table = read_table(path)
    assert find_snapshots(table, id_column=0, manager_column=2).header == "As at"


def test_without_an_id_column_only_a_snapshot_header_is_trusted(tmp_path):
    path = tmp_path / "x.csv"
    _generic(path, ["Mar-15", "Sep-15"])
    table = read_table(path)
    assert find_snapshots(table, id_column=None) is None
    _generic(path, ["Mar-15", "Sep-15"], header="As of")
    assert find_snapshots(read_table(path), id_column=None).header == "As of"


def test_spans_name_each_other():
    march = parse_date("Mar-15")
    assert march.names(parse_date("31/03/2015")) and parse_date("2015-03-31").names(march)
    assert not march.names(parse_date("2015-04-01"))
    assert parse_date("Q1 2015").names(march)
    assert parse_date("03/04/15", Reading()) == parse_date("2015-04-03")
    assert parse_date("Sep-69") == parse_date("2069-09") and parse_date("Sep-70") == \
        parse_date("1970-09")


# -- real organograms, published twice in one file ---------------------------------------------

REAL = [pytest.param("ukgov_dfe_2011-09-30_senior.csv", "ukgov_dfe_2011-09-30_junior.csv",
                     id="dfe"),
        pytest.param("ukgov_home_office_2012-09-30_senior.csv",
                     "ukgov_home_office_2012-09-30_junior.csv", id="home-office",
                     marks=pytest.mark.slow)]  # about 1.2 s


def _drawn(result) -> list[tuple]:
    """The cards, with the row numbers made-up ids carry (``0~154``) left out: the rows of a
    snapshot sit lower in the file of several."""
    def bare(key):
        return key if key is None or key.startswith("junior~") else re.sub(r"~\d+$", "~", key)

    return sorted((bare(p.id), bare(p.manager), p.name, p.title, p.vacant) for p in result.org)


@pytest.mark.parametrize(("senior", "junior"), REAL)
def test_a_real_organogram_twice_in_one_file_draws_as_the_file_alone(shared_dir, tmp_path,
                                                                      senior, junior):
    """A real senior file (job shares, eliminated posts, post 0, case-only managers, line
    breaks in cells) with an older copy above it, missing a tenth of its rows, under a date
    column headed 'Back to Index': each snapshot is drawn as that file alone, every row
    accounted for."""
    orgs = shared_dir / "data" / "orgs"
    with (orgs / senior).open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    older = [r for i, r in enumerate(rows) if i % 10 != 3]
    combined = tmp_path / "organogram.csv"
    _write(combined, [["Back to Index", *header], *(["Mar-11", *r] for r in older),
                      *(["Sep-11", *r] for r in rows)])
    alone = tmp_path / "alone.csv"
    _write(alone, [header, *older])
    for date, original in (("Sep-11", orgs / senior), ("Mar-11", alone)):
        result = load_export(combined, junior=orgs / junior,
                             snapshot=None if date == "Sep-11" else "March 2011")
        expected = load_export(original, junior=orgs / junior)
        assert result.snapshot == date
        assert result.snapshots == [("Mar-11", len(older)), ("Sep-11", len(rows))]
        assert _drawn(result) == _drawn(expected)
        assert (result.rows, result.drawn) == (expected.rows, expected.drawn)
        assert sorted(p.kind for p in result.problems) == sorted(
            p.kind for p in expected.problems)
        assert_accounted(result)


@pytest.mark.parametrize("junior_header", ["Back to Index", "Period", ""])
def test_a_junior_file_of_the_same_snapshots_is_split_alike(tmp_path, junior_header):
    # its date column found by the senior file's header, else by its values
    rows, snapshots = _rows(2, SPELLINGS["Mon-YY"], header="Back to Index")
    senior = tmp_path / "senior.csv"
    _write(senior, [[h for i, h in enumerate(r) if i != 1] for r in rows
                    if r[1] != "Junior"])
    junior = tmp_path / "junior.csv"
    _write(junior, [[junior_header, "Reporting Senior Post", "Generic Job Title",
                     "Number of Posts in FTE"],
                    *([r[0], r[7], "Policy Adviser", "2.5" if r[0] == "Mar-14" else "1"]
                      for r in rows[1:] if r[1] == "Junior")])
    for wanted, fte in ((None, 1.0), ("2014-03", 2.5)):
        result = load_export(senior, junior=junior, snapshot=wanted)
        groups = [p for p in result.org if p.id.startswith("junior~")]
        posts = snapshots[1 if wanted is None else 0]
        assert len(groups) == sum(1 for post in posts if post.startswith("DD"))
        assert {g.fte for g in groups} == {fte}
        assert_accounted(result)


def test_a_top_written_as_its_own_manager_is_the_root_of_its_snapshot(tmp_path):
    rows = [["id", "name", "manager", "Back to Index"]]
    for date in ("Mar-15", "Sep-15"):
        rows += [["1", "Ann", "1", date], ["2", "Bo", "1", date], ["3", "Cy", "2", date],
                 ["4", "Di", "2", date]]
    path = tmp_path / "x.csv"
    _write(path, rows)
    result = load_export(path)
    assert result.snapshot == "Sep-15" and result.rows == 4
    assert [p.kind for p in result.problems] == ["self-report"]


def test_date_cells_in_xlsx(tmp_path):
    rows, snapshots = _rows(2, SPELLINGS["iso"], header="")
    book = openpyxl.Workbook()
    sheet = book.active
    for number, row in enumerate(rows):  # real date cells, as Excel keeps a typed date
        sheet.append([dt.datetime.fromisoformat(row[0]) if number else row[0], *row[1:]])
    path = tmp_path / "organogram.xlsx"
    book.save(path)
    result = load_export(path, snapshot="March 2014")
    assert result.snapshots == [("2014-03-31", _count(rows, "2014-03-31")),
                                ("2014-09-30", _count(rows, "2014-09-30"))]
    assert result.snapshot == "2014-03-31" and "in column A:" in result.notes[0]
    assert {p.id for p in result.org if not p.id.startswith("junior~")} == set(snapshots[0])


def test_renumbered_posts_are_followed_by_their_holders_names(tmp_path):
    # every post reference changed between the two publications; the people did not
    rows, snapshots = _rows(2, SPELLINGS["Mon-YY"], header="Back to Index")
    for row in rows[1:]:
        if row[0] == "Mar-14":
            row[2] = f"OLD-{row[2]}" if row[2] else ""
            row[7] = row[7] if row[7] == "XX" else f"OLD-{row[7]}"
    path = tmp_path / "x.csv"
    _write(path, rows)
    result = load_export(path)
    assert result.snapshots == [("Mar-14", _count(rows, "Mar-14")),
                                ("Sep-14", _count(rows, "Sep-14"))]
    assert [p.id for p in result.org.roots()] == ["PS"]


def test_a_date_per_department_is_no_snapshot_even_named_so(tmp_path):
    # one snapshot; each department reorganised on its own date, everyone in it with that date:
    # managers sit in their reports' group, but no id or name comes back at another date
    rows = [["id", "name", "manager", "Effective date"], ["1", "Ann", "", "2014-01-01"]]
    for d, date in enumerate(("2015-03-31", "2015-06-30", "2015-09-30"), 2):
        rows.append([str(d), f"Head {d}", "1", date])
        rows += [[f"{d}{k}", f"Staff {d}{k}", str(d), date] for k in range(8)]
    path = tmp_path / "x.csv"
    _write(path, rows)
    result = load_export(path)
    assert result.snapshot is None and result.rows == len(rows) - 1


def test_extract_times_of_one_day_are_one_snapshot(tmp_path):
    # each row stamped when it was written out: a snapshot is a day, named by its date
    rows = [["id", "name", "manager", "Extracted"]]
    for day in ("2015-03-31", "2015-09-30"):
        rows += [[str(i), f"P{i}", "" if i == 1 else "1", f"{day} 09:{i:02d}:{i * 7 % 60:02d}"]
                 for i in range(1, 30)]
    path = tmp_path / "x.csv"
    _write(path, rows)
    result = load_export(path, snapshot="March 2015")
    assert result.snapshots == [("2015-03-31", 29), ("2015-09-30", 29)]
    assert result.snapshot == "2015-03-31" and result.rows == 29


@settings(max_examples=150, deadline=None)
@given(day=st.dates(dt.date(1990, 1, 1), dt.date(2068, 12, 31)),  # Excel numbers from 1990
       spelling=st.sampled_from(sorted(SPELLINGS | DAY_NUMBERS)))
def test_every_spelling_of_a_date_names_it(day, spelling):
    text = (SPELLINGS | DAY_NUMBERS)[spelling](day)
    reading = Reading(day_first=spelling != "month/day/year", serial=spelling == "excel")
    span = parse_date(text, reading)
    exact = parse_date(day.isoformat())
    assert span is not None and span.names(exact), text
    # a day is read as that day, a month or quarter as the whole of it
    assert span.first <= exact.first <= exact.last <= span.last


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_a_date_or_none(text):
    for reading in (Reading(), Reading(day_first=False, serial=True)):
        span = parse_date(text, reading, year=True)
        assert span is None or span.first <= span.last


def test_a_few_rows_without_a_date_are_reported_not_a_reason_to_merge(tmp_path):
    rows, snapshots = _rows(2, SPELLINGS["Mon-YY"], header="Back to Index")
    junior = next(i for i, r in enumerate(rows) if r[1] == "Junior")
    rows[junior][0] = "TBC"  # a row of the latest snapshot, its date not known yet
    path = tmp_path / "x.csv"
    _write(path, rows)
    result = load_export(path)
    assert result.snapshot == "Sep-14"
    assert result.snapshots == [("Mar-14", _count(rows, "Mar-14")),
                                ("Sep-14", _count(rows, "Sep-14"))]
    [problem] = result.problems
    assert (problem.kind, problem.line) == ("no-snapshot", junior + 1)
    assert problem.message == f"row {junior + 1} has 'TBC', not a date, in column 'Back to " \
        "Index': it belongs to no snapshot, not drawn"
    assert_accounted(result)
    # past a few such rows, the column is no snapshot column
    for row in rows[1:len(rows) // 10]:
        row[0] = "TBC"
    _write(path, rows)
    assert load_export(path).snapshot is None
