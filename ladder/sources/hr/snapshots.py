"""Files that hold several snapshots of one organisation, and picking one of them.

A department that publishes its organogram twice a year may hand over one file with every
publication in it: a column of dates (``Sep-10``, ``Mar-11``... or ``2012-09-30``) with few
distinct values, each row belonging to one snapshot. Drawn blindly, the same post in two
snapshots looks like a job share and two top posts stand side by side; so the snapshots are
found, listed, and one of them is drawn (the latest unless ``--snapshot`` names another).

>>> date_key("Sep-10"), date_key("2012-09-30"), date_key("31/03/2011"), date_key("Q3 2012")
((2010, 9, 0), (2012, 9, 30), (2011, 3, 31), (2012, 7, 0))
>>> date_key("Ann Lee") is None, date_key("1001") is None
(True, True)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ladder.errors import SourceError, did_you_mean
from ladder.sources.hr.columns import normal
from ladder.sources.hr.read import ExportTable, Record
from ladder.text import plural

# Headers (normal form) that name the snapshot a row belongs to.
SNAPSHOT_HEADERS = (
    "snapshot", "snapshotdate", "asof", "asat", "asofdate", "asatdate", "date", "period",
    "reportingperiod", "reportingdate", "reportdate", "effectivedate", "extractdate",
    "organogramdate", "publicationdate", "datasetdate", "month", "quarter",
)
# Date columns that are about the person, not the snapshot: never taken for one.
PERSONAL_DATES = ("hire", "start", "birth", "dob", "join", "leav", "end", "termin", "updat",
                  "modif", "creat", "review", "contract", "probation", "retire")
MAX_SNAPSHOTS = 60  # more distinct dates than this is a column of personal dates
MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
     ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
     ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), 1) for name in names}


def date_key(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date as exports write them (0 for a part not given), or None.

    Day-first when the order is unclear (UK exports); two-digit years are 20YY.

    >>> date_key("March 2015"), date_key("30-Sep-2012"), date_key("2012/09"), date_key("09/2012")
    ((2015, 3, 0), (2012, 9, 30), (2012, 9, 0), (2012, 9, 0))
    """
    value = text.strip().casefold()
    if not value:
        return None
    numbers = re.fullmatch(r"(\d{1,4})[-/. ](\d{1,2})(?:[-/. ](\d{1,4}))?(?:[t ].*)?", value)
    if numbers:
        a, b = int(numbers.group(1)), int(numbers.group(2))  # the third part is optional
        c = int(numbers.group(3)) if numbers.group(3) else None
        if len(numbers.group(1)) == 4:  # year first: 2012-09-30, 2012/09
            return _checked(a, b, c or 0)
        if c is None:  # 09/2012 is month/year only when the year has four digits
            return None
        if len(numbers.group(3)) not in (2, 4):
            return None
        year = c if c > 99 else 2000 + c
        day, month = (a, b) if b <= 12 else (b, a)  # day first unless that cannot be
        return _checked(year, month, day)
    month_year = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", value)
    if month_year:
        return _checked(int(month_year.group(2)), int(month_year.group(1)), 0)
    named = re.fullmatch(r"(?:(\d{1,2})[-/ ])?([a-z]+)\.?[-/ ,]+(\d{2}|\d{4})", value)
    if named and named.group(2) in MONTHS:
        year = int(named.group(3))
        year = year if year > 99 else 2000 + year
        return _checked(year, MONTHS[named.group(2)], int(named.group(1) or 0))
    quarter = re.fullmatch(r"(?:q([1-4])[ -]?(\d{4})|(\d{4})[ -]?q([1-4]))", value)
    if quarter:
        q = int(quarter.group(1) or quarter.group(4))
        return (int(quarter.group(2) or quarter.group(3)), 3 * q - 2, 0)
    return None


def _checked(year: int, month: int | None, day: int) -> tuple[int, int, int] | None:
    if month is None or not 1 <= month <= 12 or not 0 <= day <= 31 or not 1900 <= year <= 2200:
        return None
    return (year, month, day)


@dataclass
class Snapshots:
    """The snapshots of a file: the column, and each value with its rows, oldest first."""

    column: int
    header: str
    values: list[tuple[str, int]]  # (value as written, rows), oldest first
    blank: list[Record]  # rows with no value in the column

    @property
    def latest(self) -> str:
        return self.values[-1][0]

    def listing(self) -> str:
        """``Sep-10 (83 rows), Mar-11 (85 rows)``."""
        return ", ".join(f"{value} ({plural(rows, 'row')})"
                         for value, rows in self.values)

    def pick(self, wanted: str | None, *, file: str) -> str:
        """The value ``wanted`` names (as written, or the same date written otherwise), or
        the latest when None."""
        if wanted is None:
            return self.latest
        text = wanted.strip()
        for value, _ in self.values:
            if value == text or value.casefold() == text.casefold():
                return value
        key = date_key(text)
        same = [value for value, _ in self.values if key is not None and date_key(value) == key]
        if len(same) == 1:
            return same[0]
        shown = [value for value, _ in self.values]
        raise SourceError(f"--snapshot {wanted}: no such snapshot in column '{self.header}'",
                          file=file, hint=did_you_mean(text, shown)
                          or f"snapshots: {', '.join(shown)}")

    def rows_of(self, table: ExportTable, value: str) -> list[Record]:
        column = self.column
        return [r for r in table.records
                if column < len(r.values) and r.values[column].strip() == value]


def find_snapshots(table: ExportTable, *, id_column: int | None = None,
                   headers: Sequence[str] = SNAPSHOT_HEADERS) -> Snapshots | None:
    """The column that splits ``table`` into snapshots, if there is one.

    A column is a snapshot column when nearly every row holds a date in it, it has from 2 to
    60 distinct dates, each shared by several rows, and either its header names a snapshot
    (``Date``, ``As of``, ``Period``...) or the ids repeat across its dates (the same post
    in each publication). Columns of personal dates (hire, birth, leaving...) never are.
    """
    records = table.records
    if len(records) < 4:
        return None
    best: Snapshots | None = None
    for index, header in enumerate(table.headers):
        key = normal(header)
        if index == id_column or not key or any(word in key for word in PERSONAL_DATES):
            continue
        named = key in headers
        if not _dates_at_first(records, index):  # most columns tell at their first value
            continue
        counts: Counter[str] = Counter()
        blank: list[Record] = []
        for record in records:
            value = record.values[index].strip() if index < len(record.values) else ""
            if value:
                counts[value] += 1
            else:
                blank.append(record)
        if len(blank) > 0.05 * len(records) or not 2 <= len(counts) <= MAX_SNAPSHOTS:
            continue
        if len(counts) > len(records) / 2:  # a snapshot holds several rows
            continue
        keys = {value: date_key(value) for value in counts}
        if any(k is None for k in keys.values()):
            continue
        if not named and not _ids_repeat(records, index, id_column):
            continue
        found = Snapshots(index, header, sorted(counts.items(),
                                                key=lambda item: (keys[item[0]], item[0])),
                          blank)
        if best is None or (named and normal(best.header) not in headers):
            best = found
    return best


def _dates_at_first(records: list[Record], column: int, sample: int = 200) -> bool:
    """Are the first rows' values in ``column`` few distinct dates? (A cheap look before
    counting a column of a big export.)"""
    seen: set[str] = set()
    for record in records[:sample]:
        value = record.values[column].strip() if column < len(record.values) else ""
        if value and value not in seen:
            if date_key(value) is None or len(seen) >= MAX_SNAPSHOTS:
                return False
            seen.add(value)
    return bool(seen)


def _ids_repeat(records: list[Record], column: int, id_column: int | None) -> bool:
    """Do most ids appear under more than one value of ``column``?"""
    if id_column is None:
        return False
    seen: dict[str, set[str]] = {}
    for record in records:
        values = record.values
        if id_column < len(values) and column < len(values) and values[id_column].strip():
            seen.setdefault(values[id_column].strip(), set()).add(values[column].strip())
    if not seen:
        return False
    return sum(1 for dates in seen.values() if len(dates) > 1) >= 0.5 * len(seen)


# -- senior and junior rows in one file ------------------------------------------------------

TIER_HEADERS = ("seniorjunior", "seniororjunior", "juniorsenior", "stafftype", "seniority",
                "posttype", "tier", "staffgroup")


def split_tiers(table: ExportTable) -> tuple[ExportTable, ExportTable] | None:
    """A file whose rows say ``Senior`` or ``Junior`` in a column such as ``Senior/Junior``,
    as the senior-staff table and the junior-staff table (same headers, rows as numbered in
    the file); None when there is no such column.

    Rows that say neither stay with the senior rows, where they are accounted for as any row.
    """
    for index, header in enumerate(table.headers):
        if normal(header) not in TIER_HEADERS:
            continue
        words = [r.values[index].strip().casefold() if index < len(r.values) else ""
                 for r in table.records]
        junior = [r for r, w in zip(table.records, words, strict=True) if w.startswith("j")]
        if not junior or not any(w.startswith("s") for w in words):
            continue
        senior = [r for r, w in zip(table.records, words, strict=True) if not w.startswith("j")]
        return (subset(table, senior), subset(table, junior, part="junior"))
    return None


def subset(table: ExportTable, records: list[Record], *, part: str | None = None) -> ExportTable:
    """The same table with only ``records`` (their row numbers kept)."""
    return ExportTable(table.file, table.headers, table.header_row, records,
                 encoding=table.encoding, sheet=table.sheet, part=part or table.part)
