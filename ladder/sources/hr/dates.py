"""Dates as exports spell them, each read as the span of days it names.

A snapshot column says when its rows were true, spelt as whoever published the file liked:
``2015-03-31``, ``31/03/2015``, ``Mar-15``, ``March 2015``, ``2015-03``, ``Q1 2015``,
``31 March 2015``, or an Excel day number. Each names a span of days (a day, a month, a
quarter; a whole year too in a ``--snapshot`` query): two spellings name the same snapshot
when one span holds the other, so ``--snapshot 2015-03`` finds ``31/03/2015``.

>>> parse_date("Mar-15"), parse_date("31 March 2015"), parse_date("2015 Q1")
(Span(2015-03-01..2015-03-31), Span(2015-03-31), Span(2015-01-01..2015-03-31))
>>> parse_date("Ann Lee"), parse_date("1001"), parse_date("31/02/2015")
(None, None, None)

``03/04/2015`` is 3 April or 4 March: a whole column decides (:func:`read_column`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
     ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
     ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), 1) for name in names}

_TIME = r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"
_YEAR_FIRST = re.compile(r"(\d{4})[-/. ](\d{1,2})(?:[-/. ](\d{1,2}))?" + _TIME)
_NUMERIC = re.compile(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4}|\d{2})" + _TIME)
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")
_ORDINAL = r"(?:st|nd|rd|th)?"
_NAMED = re.compile(rf"(?:(\d{{1,2}}){_ORDINAL}[-/ ]+)?([a-z]+)\.?[-/ ,]+(\d{{4}}|\d{{2}})")
_NAMED_US = re.compile(rf"([a-z]+)\.? (\d{{1,2}}){_ORDINAL},? (\d{{4}})")
_QUARTER = re.compile(r"q([1-4])[-/ ]?(\d{4}|\d{2})|(\d{4})[-/ ]?q([1-4])")
_SERIAL = re.compile(r"(\d{5})(?:\.0+)?")
# Excel's day numbers that can be a snapshot's date (1990 to 2100): a number column of
# something else (a salary, a cost centre) is told apart by the rows, not by this range.
SERIALS = range(32874, 73051)
_EXCEL_EPOCH = dt.date(1899, 12, 30).toordinal()  # day 0, Excel's 1900 leap-day bug included


@dataclass(frozen=True, order=True)
class Span:
    """The days a date names, first and last as date ordinals (a day: first == last)."""

    first: int
    last: int

    def names(self, other: Span) -> bool:
        """Does one span hold the other (``2015-03`` and ``31/03/2015``)?"""
        return (self.first <= other.first and other.last <= self.last) or (
            other.first <= self.first and self.last <= other.last)

    def name(self) -> str:
        """The span as a date: ``2015-03-31``, ``2015-03``, ``2015 Q1``, ``2015``.

        >>> [parse_date(t, year=True).name() for t in ("31/03/2015", "Mar-15", "Q1 2015", "2015")]
        ['2015-03-31', '2015-03', '2015 Q1', '2015']
        """
        first, last = dt.date.fromordinal(self.first), dt.date.fromordinal(self.last)
        if first == last:
            return first.isoformat()
        whole = first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if whole and months == 1:
            return f"{first.year}-{first.month:02d}"
        if whole and months == 3 and first.month % 3 == 1:
            return f"{first.year} Q{first.month // 3 + 1}"
        if whole and months == 12 and first.month == 1:
            return str(first.year)
        return f"{first.isoformat()}..{last.isoformat()}"

    def on_month_edge(self) -> bool:
        """Is it one day, the first or last of its month (where snapshots fall)?"""
        if self.first != self.last:
            return False
        day = dt.date.fromordinal(self.first)
        return day.day in (1, calendar.monthrange(day.year, day.month)[1])

    def __repr__(self) -> str:
        first, last = (dt.date.fromordinal(d).isoformat() for d in (self.first, self.last))
        return f"Span({first})" if first == last else f"Span({first}..{last})"


@dataclass(frozen=True)
class Reading:
    """How the dates of one column are read: the order of a numeric day and month, and
    whether bare numbers are Excel day numbers (XLSX cells not formatted as dates)."""

    day_first: bool = True
    serial: bool = False
    why: str = ""  # said to the user when a numeric date could be read both ways


def parse_date(text: str, reading: Reading = Reading(), *, year: bool = False) -> Span | None:
    """The span ``text`` names, or None when it is no date; ``year``: a bare ``2015`` names
    its year (in a query; in a column a number is not taken for a year).

    >>> parse_date("03/04/2015"), parse_date("03/04/2015", Reading(day_first=False))
    (Span(2015-04-03), Span(2015-03-04))
    >>> parse_date("2015-03-31 00:00:00"), parse_date("March 31, 2015"), parse_date("09/2012")
    (Span(2015-03-31), Span(2015-03-31), Span(2012-09-01..2012-09-30))
    >>> parse_date("42094"), parse_date("42094", Reading(serial=True))
    (None, Span(2015-03-31))
    >>> parse_date("2015"), parse_date("2015", year=True)
    (None, Span(2015-01-01..2015-12-31))
    """
    value = text.strip().casefold()
    if not value or len(value) > 40:
        return None
    if match := _YEAR_FIRST.fullmatch(value):
        day = match.group(3)
        return _span(int(match.group(1)), int(match.group(2)), int(day) if day else None)
    if match := _NUMERIC.fullmatch(value):
        a, b = int(match.group(1)), int(match.group(2))
        day, month = (a, b) if reading.day_first else (b, a)
        return _span(_full_year(match.group(3)), month, day)
    if match := _MONTH_YEAR.fullmatch(value):
        return _span(int(match.group(2)), int(match.group(1)), None)
    if (match := _NAMED.fullmatch(value)) and match.group(2) in MONTHS:
        day = match.group(1)
        return _span(_full_year(match.group(3)), MONTHS[match.group(2)],
                     int(day) if day else None)
    if (match := _NAMED_US.fullmatch(value)) and match.group(1) in MONTHS:
        return _span(int(match.group(3)), MONTHS[match.group(1)], int(match.group(2)))
    if match := _QUARTER.fullmatch(value):
        quarter = int(match.group(1) or match.group(4))
        first = _span(_full_year(match.group(2) or match.group(3)), 3 * quarter - 2, None)
        last = _span(_full_year(match.group(2) or match.group(3)), 3 * quarter, None)
        return Span(first.first, last.last) if first and last else None
    if reading.serial and (match := _SERIAL.fullmatch(value)):
        number = int(match.group(1))
        return Span(_EXCEL_EPOCH + number, _EXCEL_EPOCH + number) if number in SERIALS else None
    if year and re.fullmatch(r"\d{4}", value):
        first, last = _span(int(value), 1, 1), _span(int(value), 12, 31)
        return Span(first.first, last.last) if first and last else None
    return None


def day_month(text: str) -> tuple[int, int] | None:
    """The two numbers before the year of a numeric date (``03/04/2015`` -> (3, 4)): which
    is the day cannot be told from the date alone."""
    match = _NUMERIC.fullmatch(text.strip().casefold())
    return (int(match.group(1)), int(match.group(2))) if match else None


def read_column(spellings: Iterable[str], *, serial: bool = False
                ) -> tuple[Reading, dict[str, Span]] | None:
    """How a column's distinct values read as dates, and the span of each value that is one
    (others are left out: the caller says how many may not be); None when the column writes
    day-first and month-first dates both.

    The order of a numeric day and month is the column's, not each value's: a value past 12
    in either place decides; failing that, the order that puts every date on the first or
    last day of a month (where snapshots fall); failing that, day first (UK organograms).

    >>> reading, spans = read_column(["03/04/2015", "30/09/2015"])
    >>> reading.day_first, spans["03/04/2015"]
    (True, Span(2015-04-03))
    >>> reading, spans = read_column(["03/31/2015", "09/30/2015", "03/04/2015"])
    >>> reading.day_first, spans["03/04/2015"], reading.why
    (False, Span(2015-03-04), '03/04/2015 read month first, as 03/31/2015 in the same column shows')
    >>> read_column(["31/03/2015", "03/31/2015"]) is None
    True
    >>> read_column(["Mar-15", "TBC"])[1]
    {'Mar-15': Span(2015-03-01..2015-03-31)}
    """
    values = list(dict.fromkeys(s.strip() for s in spellings))
    pairs = {v: p for v in values if (p := day_month(v)) is not None}
    day_first, why = True, ""
    if pairs:
        tells_day = next((v for v, (a, _) in pairs.items() if a > 12), None)
        tells_month = next((v for v, (_, b) in pairs.items() if b > 12), None)
        unclear = next((v for v, (a, b) in pairs.items() if a != b and max(a, b) <= 12), None)
        if tells_day and tells_month:
            return None
        if tells_day or tells_month:
            day_first = tells_month is None
            order = "day first" if day_first else "month first"
            if unclear:
                why = f"{unclear} read {order}, as {tells_day or tells_month} in the same " \
                      "column shows"
        elif unclear:
            by_day, by_month = (_edge_count(pairs, day_first=True),
                                _edge_count(pairs, day_first=False))
            day_first = by_day >= by_month
            order = "day first" if day_first else "month first"
            if by_day == by_month:
                reason = "day first is the UK order"
            else:
                most = "every" if max(by_day, by_month) == len(pairs) else "more"
                reason = f"{order} puts {most} date on the first or last day of a month"
            why = f"{unclear} read {order}: no date in the column tells the order, and {reason}"
    reading = Reading(day_first=day_first, serial=serial, why=why)
    return reading, {v: span for v in values if (span := parse_date(v, reading)) is not None}


def _edge_count(pairs: dict[str, tuple[int, int]], *, day_first: bool) -> int:
    reading = Reading(day_first=day_first)
    return sum(1 for v in pairs if (s := parse_date(v, reading)) is not None and s.on_month_edge())


def _full_year(text: str) -> int:
    """Four digits as written; two digits as ``strptime``'s ``%y`` reads them (69 -> 2069,
    70 -> 1970)."""
    number = int(text)
    if len(text) == 4:
        return number
    return 2000 + number if number < 70 else 1900 + number


def _span(year: int, month: int, day: int | None) -> Span | None:
    """The day, or the whole month when ``day`` is None; None for no such date."""
    if not 1900 <= year <= 2200 or not 1 <= month <= 12:
        return None
    days = calendar.monthrange(year, month)[1]
    if day is None:
        return Span(dt.date(year, month, 1).toordinal(), dt.date(year, month, days).toordinal())
    if not 1 <= day <= days:
        return None
    ordinal = dt.date(year, month, day).toordinal()
    return Span(ordinal, ordinal)
