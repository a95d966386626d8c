"""Files that hold several snapshots of one organisation, and picking one of them.

A department that publishes its organogram twice a year may hand over one file with every
publication in it: a column of dates (``Sep-10``, ``Mar-11``... or ``2012-09-30``) with few
distinct values, each row belonging to one snapshot. Drawn blindly, the same post in two
snapshots looks like a job share and two top posts stand side by side; so the snapshots are
found, listed, and one of them is drawn (the latest unless ``--snapshot`` names another).

The column is found by its values, whatever its header (a real file heads it "Back to
Index"): a few distinct dates (:mod:`.dates` reads their spellings) that split the rows into
groups each looking like a whole org. The same ids come back in the next group, and each
group's managers are found in that group, under root(s) of its own. A column of personal
dates (start, birth) splits the rows otherwise: a person has one start date, and their
manager mostly another.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import compress
from operator import attrgetter, itemgetter

from ladder.errors import SourceError, did_you_mean
from ladder.sources.hr.columns import column_letter, find_header, normal
from ladder.sources.hr.dates import Reading, Span, day_month, parse_date, read_column
from ladder.sources.hr.read import ExportTable, Record
from ladder.text import plural

# Headers (normal form) that name the snapshot a row belongs to: trusted without an id column
# (nothing else to go by), and preferred of two columns that split the rows alike.
SNAPSHOT_HEADERS = (
    "snapshot", "snapshotdate", "asof", "asat", "asofdate", "asatdate", "date", "period",
    "reportingperiod", "reportingdate", "reportdate", "effectivedate", "extractdate",
    "organogramdate", "publicationdate", "datasetdate", "month", "quarter",
)
MAX_SNAPSHOTS = 60  # more distinct dates than this is a column of personal dates
MAX_SPELLINGS = 5000  # distinct values read (times of day make many values of one date)
REPEAT = 0.5  # share of a snapshot's ids found again in the next one, at least
INSIDE = 0.7  # share of manager references that stay inside the row's own snapshot


@dataclass
class Snapshots:
    """The snapshots of a file: the column, and each snapshot with its rows, oldest first.

    A snapshot is named by its most used spelling (``values``); others spelling the same
    date (``31/03/2015`` and ``2015-03-31`` in one column) are rows of the same snapshot.
    Excel day numbers are named by their ISO date.
    """

    column: int
    header: str
    values: list[tuple[str, int]]  # (snapshot as named, rows), oldest first
    blank: list[Record]  # rows with no date in the column (empty, or 'TBC'...)
    spans: dict[str, Span] = field(default_factory=dict)  # name -> days it names
    spellings: dict[str, Span] = field(default_factory=dict)  # every value written -> days
    reading: Reading = field(default_factory=Reading)

    @property
    def latest(self) -> str:
        return self.values[-1][0]

    @property
    def where(self) -> str:
        """``column 'Date'``, or ``column C`` when the header cell is empty."""
        header = self.header.strip()
        return f"column '{header}'" if header else f"column {column_letter(self.column)}"

    def listing(self) -> str:
        """``Sep-10 (83 rows), Mar-11 (85 rows)``."""
        return ", ".join(f"{value} ({plural(rows, 'row')})"
                         for value, rows in self.values)

    def pick(self, wanted: str | None, *, file: str) -> str:
        """The snapshot ``wanted`` names (as written, or any spelling of a date that names
        it: ``2015-03``, ``March 2015`` and ``31/03/2015`` all name ``Mar-15``), or the
        latest when None."""
        if wanted is None:
            return self.latest
        text = wanted.strip()
        for value, span in [*self.spans.items(), *self.spellings.items()]:
            if value.casefold() == text.casefold():
                return self._name_of(span)
        # a numeric day and month in the column's order; in the other when the query can be
        # read only that way (03/31/2015), or when the column tells no order (ISO dates)
        ours = parse_date(text, self.reading, year=True)
        other = parse_date(text, Reading(day_first=not self.reading.day_first,
                                         serial=self.reading.serial), year=True)
        told = any(day_month(v) for v in self.spellings)
        asked = {span for span in (ours, other) if span is not None and
                 (span is ours or ours is None or not told)}
        named = [value for value, _ in self.values
                 if any(span.names(self.spans[value]) for span in asked)]
        if len(named) == 1:
            return named[0]
        shown = [value for value, _ in self.values]
        if named:
            raise SourceError(f"--snapshot {wanted} names {len(named)} snapshots in "
                              f"{self.where}: {', '.join(named)}", file=file,
                              hint=f"name one, e.g. --snapshot '{named[-1]}'")
        listed = f"snapshots: {', '.join(shown)}"
        close = did_you_mean(text, shown)
        raise SourceError(f"--snapshot {wanted}: no such snapshot in {self.where}",
                          file=file, hint=f"{close} {listed}" if close else listed)

    def rows_of(self, table: ExportTable, value: str, *, column: int | None = None
                ) -> list[Record]:
        """The rows of snapshot ``value`` in ``table`` (``column``: where another file with
        the same column keeps it, such as a UK organogram's junior file)."""
        column = self.column if column is None else column
        span = self.spans[value]
        cells = _cells(table.records, column, strip=True)
        spelt = {v for v in set(cells) if v and self._span_of(v) == span}  # read once each
        return list(compress(table.records, map(spelt.__contains__, cells)))

    def column_in(self, table: ExportTable) -> int | None:
        """Where another file of the same snapshots (a UK organogram's junior file) keeps
        them: the column of the same header, else one whose values name these snapshots."""
        if self.header.strip():
            index = find_header(table.headers, self.header)
            if index is not None:
                return index
        known = set(self.spans.values())
        for index in range(len(table.headers)):
            cells = _cells(table.records, index, strip=True)
            values = set(cells) - {""}
            if not values or len(values) > MAX_SNAPSHOTS or \
                    cells.count("") > 0.05 * len(cells):
                continue
            if all(self._span_of(value) in known for value in values):
                return index
        return None

    def value_of(self, record: Record) -> str:
        """What ``record`` holds in the column (stripped; '' for nothing)."""
        return record.values[self.column].strip() if self.column < len(record.values) else ""

    def _span_of(self, text: str) -> Span | None:
        value = text.strip()
        span = self.spellings.get(value)
        return span if span is not None or not value else parse_date(value, self.reading)

    def _name_of(self, span: Span) -> str:
        return next(value for value, s in self.spans.items() if s == span)


def find_snapshots(table: ExportTable, *, id_column: int | None = None,
                   manager_column: int | None = None, name_column: int | None = None,
                   headers: Sequence[str] = SNAPSHOT_HEADERS) -> Snapshots | None:
    """The column that splits ``table`` into snapshots, if there is one.

    A column is a snapshot column when nearly every row holds a date in it, it has from 2 to
    60 distinct dates, each shared by several rows on average, and the groups of rows it makes
    look like whole orgs: most ids of a group come back in the next group (or most names,
    where the ids were renumbered), and (where the manager column is known) most managers are
    found in their report's own group, each group with a root of its own. Without an id
    column only a header that names a snapshot (``Date``, ``As of``...) is trusted. Of
    several such columns, the one whose ids repeat most wins, then the one so named.
    """
    records = table.records
    if len(records) < 4:
        return None
    serial = table.sheet is not None  # XLSX: a date cell not formatted as one is a number
    ids = bosses = names = None  # read when a column first looks like one
    best: tuple[tuple[float, bool, int], Snapshots] | None = None
    for index, header in enumerate(table.headers):
        if index in (id_column, manager_column, name_column):
            continue
        if not _dates_at_first(records, index, serial=serial):  # most columns tell early
            continue
        # counted by the cell as written, stripped once per distinct cell (exports are big)
        cells = _cells(records, index)
        counts: Counter[str] = Counter()
        for raw, rows in Counter(cells).items():
            counts[raw.strip()] += rows
        blank = counts.pop("", 0)
        if blank > 0.05 * len(records) or len(counts) > MAX_SPELLINGS:
            continue
        read = read_column(counts, serial=serial)
        if read is None:
            continue
        reading, spellings = read
        if blank + sum(n for v, n in counts.items() if v not in spellings) > 0.05 * len(records):
            continue  # a few rows in no snapshot (blank, 'TBC'...) are reported, not more
        for value in [v for v in counts if v not in spellings]:
            del counts[value]
        order = sorted(set(spellings.values()))
        if not 2 <= len(order) <= min(MAX_SNAPSHOTS, len(records) / 2):
            continue  # a snapshot holds several rows
        number = {span: n for n, span in enumerate(order)}
        group_of = {raw: number[spellings[raw.strip()]] if raw.strip() in spellings else -1
                    for raw in set(cells)}
        groups = list(map(group_of.__getitem__, cells))
        named = normal(header) in headers
        if ids is None and id_column is not None:
            ids = _cells(records, id_column, strip=True)
        if bosses is None and manager_column is not None:
            bosses = _cells(records, manager_column, strip=True)
        if names is None and name_column is not None:
            names = _cells(records, name_column, strip=True)
        repeat = _org_shaped(groups, len(order), ids, bosses, names, named=named)
        if repeat is None:
            continue
        spans: dict[str, Span] = {}
        values: list[tuple[str, int]] = []
        for span in order:
            spelt = {v: n for v, n in counts.items() if spellings[v] == span}
            rows = sum(spelt.values())
            name = min(spelt, key=lambda v: (-spelt[v], v))  # the most used spelling
            if spelt[name] < rows / 2 or _is_serial(name, reading):
                name = span.name()  # times of day, or an Excel day number: the date
            spans[name] = span
            values.append((name, rows))
        serials = sorted(v for v in spellings if _is_serial(v, reading))
        if serials:  # said, as the snapshots are named by their dates instead
            said = f"{serials[0]} read as an Excel day number, {spellings[serials[0]].name()}"
            reading = replace(reading, why="; ".join(filter(None, (reading.why, said))))
        empty = list(compress(records, map((-1).__eq__, groups)))
        found = Snapshots(index, header, values, empty, spans, spellings, reading)
        score = (repeat, named, -index)
        if best is None or score > best[0]:
            best = (score, found)
    return best[1] if best else None


def _cells(records: list[Record], column: int, *, strip: bool = False) -> list[str]:
    """The column's cells, as written or stripped ('' where a short row has none); in C
    (map over getters) as long as no row is short."""
    try:
        cells = list(map(itemgetter(column), map(attrgetter("values"), records)))
    except IndexError:
        cells = [r.values[column] if column < len(r.values) else "" for r in records]
    return list(map(str.strip, cells)) if strip else cells


def _is_serial(value: str, reading: Reading) -> bool:
    return reading.serial and parse_date(value) is None


def _dates_at_first(records: list[Record], column: int, *, serial: bool,
                    sample: int = 200) -> bool:
    """Are the first rows' values in ``column`` few distinct dates, but for a few rows? (A
    cheap look before counting a column of a big export: a column of names fails it at its
    eleventh name.)"""
    known: dict[str, Span | None] = {}
    dates: set[Span] = set()
    day_first, month_first = Reading(serial=serial), Reading(day_first=False, serial=serial)
    rows = records[:sample]
    wrong, allowed = 0, 0.05 * len(rows)
    for record in rows:
        value = record.values[column].strip() if column < len(record.values) else ""
        if not value:
            continue
        if value not in known:
            span = known[value] = parse_date(value, day_first) or parse_date(value, month_first)
            if span is not None:
                dates.add(span)
                if len(dates) > MAX_SNAPSHOTS:
                    return False
        if known[value] is None:
            wrong += 1
            if wrong > allowed:
                return False
    return bool(dates)


def _org_shaped(groups: list[int], count: int, ids: list[str] | None,
                bosses: list[str] | None, names: list[str] | None, *, named: bool
                ) -> float | None:
    """How much the ``count`` groups of rows (``groups``: each row's, -1 for none) look like
    whole orgs: the mean share of a group's ids (or names, when the ids were renumbered) found
    again in the next group (1.0 when there are no ids but the header vouches), or None when
    they do not look like orgs. A header such as ``Date`` vouches for nothing more: a column
    ``Effective date`` that splits one snapshot by department is no snapshot column.

    Two things make a group look like an org of its own: most manager references (to an id
    of the file) are to an id of the same group, and it has a root (a row whose manager is
    not in the group). (Rows are gone through with map/compress, a pass per group, rather
    than a Python loop per row: an export may hold a million rows.)
    """
    if ids is None:
        return 1.0 if named else None
    masks = [list(map(group.__eq__, groups)) for group in range(count)]
    members = [set(compress(ids, mask)) - {""} for mask in masks]
    repeat = _repeat(members)
    if repeat < REPEAT and names is not None:  # a name is a person's once in a snapshot;
        # placeholders (N/D, Vacant) come many times and tell nothing
        once = [{n for n, k in Counter(compress(names, mask)).items() if k == 1} - {""}
                for mask in masks]
        repeat = max(repeat, _repeat(once))
    if repeat < REPEAT:
        return None
    if bosses is None:
        return repeat
    known = set().union(*members)
    inside = outside = 0
    for mask, group in zip(masks, members, strict=True):
        refs = list(compress(bosses, mask))
        within = sum(map(group.__contains__, refs))
        if within == len(refs) and not any(map(str.__eq__, refs, compress(ids, mask))):
            return None  # no root (a top may be written as its own manager)
        inside += within
        outside += sum(map(known.__contains__, refs)) - within
    return repeat if inside >= INSIDE * (inside + outside) else None


def _repeat(members: list[set[str]]) -> float:
    """The mean share of a group's keys found in the next group (of the smaller group)."""
    pairs = [(a, b) for a, b in zip(members, members[1:], strict=False) if a and b]
    return sum(len(a & b) / min(len(a), len(b)) for a, b in pairs) / len(pairs) \
        if pairs else 0.0


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
