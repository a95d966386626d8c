"""The small answers every layer gives in words, each computed in one place.

A person's label, a plural, the typical-years phrase, a coordinate, a slug, a one-line text,
a text table and a wrapped paragraph: when two modules compute one of these apart, they drift
(they did: a vacancy was "Open: PM" on a card, "Open (p7)" in ``ladder stats`` and "p7 (open)"
in ``ladder next``). This module is in the base layer, so every other layer may call it; it
knows no model class, only the fields it reads (:class:`Labelled`).

>>> plural(3, "move"), years_phrase(2.5), years_phrase(1, short=True)
('3 moves', '2.5 years', '~1 yr')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache
from typing import Protocol

# --- counts ---------------------------------------------------------------------------------

_PLURALS = {"person": "people", "match": "matches", "copy": "copies"}


def plural(count: float, word: str, many: str | None = None) -> str:
    """The count and the word, plural unless the count is one (fractions as written);
    ``many``: the plural of a word that does not just add an ``s``.

    >>> plural(1, "move"), plural(3, "move"), plural(2, "person"), plural(2.5, "year")
    ('1 move', '3 moves', '2 people', '2.5 years')
    >>> plural(0, "open position"), plural(1, "person"), plural(2, "cycle broken", "cycles broken")
    ('0 open positions', '1 person', '2 cycles broken')
    >>> plural(1200, "row")
    '1200 rows'
    """
    number = f"{count:g}" if isinstance(count, float) else str(count)
    if count == 1:
        return f"{number} {word}"
    if many is None:
        last = word.rsplit(" ", 1)
        many = " ".join([*last[:-1], _PLURALS.get(last[-1], last[-1] + "s")])
    return f"{number} {many}"


Years = float | tuple[float, float] | None  # typical years: a number, a range, or not given


def years_phrase(years: Years, *, short: bool = False) -> str:
    """Typical years in a role before a move: in prose (``2.5 years``), or ``short`` for a
    label on a drawing's arrow (``~2.5 yrs``: typical years are a rough guide). A range
    (low, high) reads as the source gave it: ``2-3 years``.

    >>> years_phrase(2), years_phrase(1), years_phrase(None)
    ('2 years', '1 year', 'typical years not given')
    >>> years_phrase(2.5, short=True), years_phrase(1.0, short=True), years_phrase(None, short=True)
    ('~2.5 yrs', '~1 yr', '')
    >>> years_phrase((2.0, 3.0)), years_phrase((0.5, 1.0), short=True), years_phrase((2, 2))
    ('2-3 years', '~0.5-1 yr', '2 years')
    """
    if years is None:
        return "" if short else "typical years not given"
    if isinstance(years, tuple):
        low, high = years
        if low != high:
            number = f"{float(low):g}-{float(high):g}"
            return f"~{number} {'yr' if high == 1 else 'yrs'}" if short else (
                f"{number} {'year' if high == 1 else 'years'}")
        years = low
    if short:
        return f"~{years:g} {'yr' if years == 1 else 'yrs'}"
    return plural(float(years), "year")


def years_cell(years: Years) -> str:
    """Typical years in a table's column: ``2.5``, ``2-3``, or ``?`` when not given.

    >>> years_cell(2.5), years_cell((2.0, 3.0)), years_cell(None), years_cell((1.0, 1.0))
    ('2.5', '2-3', '?', '1')
    """
    if years is None:
        return "?"
    if isinstance(years, tuple):
        low, high = years
        return f"{low:g}" if low == high else f"{low:g}-{high:g}"
    return f"{years:g}"


_YEARS_TEXT = re.compile(r"\s*~?\s*(\d+(?:\.\d+)?)\s*(?:(?:-|\u2013|\u2014|to)\s*(\d+(?:\.\d+)?))?"
                         r"\s*\+?\s*(?:years?|yrs?)?\s*", re.IGNORECASE)


def read_years(given: object) -> tuple[float, float] | None:
    """Typical years as a file writes them, a number or words (``"2-3 years"``, ``"2 to 3"``,
    ``"~1.5 yrs"``), as (low, high); None for anything else (a negative number, true, a
    range that goes down). The inverse of :func:`years_phrase`.

    >>> read_years("2-3 years"), read_years("1.5"), read_years("2 to 3 yrs"), read_years("3-2")
    ((2.0, 3.0), (1.5, 1.5), (2.0, 3.0), None)
    >>> read_years("a while"), read_years(-1), read_years(True), read_years(2)
    (None, None, None, (2.0, 2.0))
    >>> read_years(years_phrase((0.5, 4.0))) == (0.5, 4.0)
    True
    """
    if isinstance(given, int | float) and not isinstance(given, bool):
        return (float(given), float(given)) if 0 <= given < float("inf") else None
    if not isinstance(given, str):
        return None
    found = _YEARS_TEXT.fullmatch(given)
    if found is None:
        return None
    low = float(found[1])
    high = float(found[2]) if found[2] else low
    return (low, high) if low <= high else None


# --- people ---------------------------------------------------------------------------------


class Labelled(Protocol):
    """What :func:`person_label` reads of a person (``ladder.model.org.Person`` has it all)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def vacant(self) -> bool: ...
    @property
    def shared_with(self) -> tuple[str, ...]: ...
    @property
    def fte(self) -> float | None: ...


# Names that name nobody: an export's placeholder for a post's holder.
UNNAMED = frozenset({"", "not disclosed", "n/d", "vacant", "eliminated"})


def published_names(person: Labelled) -> list[str]:
    """The names of the people holding the card, placeholders left out.

    >>> from ladder.model.org import Person
    >>> published_names(Person("p", "Ana", shared_with=("Not disclosed",)))
    ['Ana']
    """
    return [n for n in (person.name, *person.shared_with) if n.strip().casefold() not in UNNAMED]


def card_name(person: Labelled) -> str:
    """The first line of a card (its title goes on the next): the names, or for a post whose
    names are not published, that they are not and how many people hold it.

    >>> from ladder.model.org import Person
    >>> card_name(Person("CDD003", "", "Deputy Director"))
    'Name not published'
    >>> card_name(Person("MD013", "", "Director", shared_with=("",)))
    '2 people, names not published'
    >>> card_name(Person("d1", "Ana", shared_with=("Bo",)))
    'Ana & Bo'
    """
    if not person.shared_with and person.name.strip().casefold() not in UNNAMED:
        return person.name  # most cards: one published name (a chart may have a million)
    names = published_names(person)
    if names:
        return " & ".join(names)
    people = 1 + len(person.shared_with)
    return f"{people} people, names not published" if people > 1 else "Name not published"


def card_label(person: Labelled) -> str:
    """The first line of a card, whose title goes on the next: an open position or a staff
    group by its one label, a person by the names (or that they are not published).

    >>> from ladder.model.org import Person
    >>> card_label(Person("CDD003", "", "Deputy Director"))
    'Name not published'
    >>> card_label(Person("x", "", "PM", vacant=True))
    'Open: PM'
    """
    return person_label(person) if person.vacant or person.fte is not None else card_name(person)


def person_label(person: Labelled, *, with_id: bool = False,
                 escape: Callable[[str], str] = str) -> str:
    """How every chart, table and message names a card on one line.

    - a person: the name (``Ana Lopez``);
    - a job share: the names joined (``Ana & Bo``);
    - an open position: ``Open:`` and what is open, its title, else the name the file gave the
      post, else ``position`` (``Open: Designer``);
    - a staff group: its name, else its title, else ``Staff group``;
    - a post whose holder's name is not published (an export's empty cell, ``N/D``, "Not
      disclosed"): its title and that the name is not published, never its post reference or
      an id the importer made up (``CDD003``, ``0~41``), which would read as a person.

    ``with_id``: the id in brackets after it, for text where the reader types the id next
    (``ladder next ana``), unless the label is the id already. ``escape``: applied to the
    label and the id apart, so the brackets between them stay as they are (Markdown).

    >>> from ladder.model.org import Person
    >>> person_label(Person("ana", "Ana Lopez", "PM"))
    'Ana Lopez'
    >>> person_label(Person("d1", "Ana", "PM", shared_with=("Bo",)), with_id=True)
    'Ana & Bo (d1)'
    >>> person_label(Person("p7", "", "Designer", vacant=True), with_id=True)
    'Open: Designer (p7)'
    >>> person_label(Person("p8", "", vacant=True))
    'Open: position'
    >>> person_label(Person("CDD003", "", "Deputy Director")), person_label(Person("0~41", ""))
    ('Deputy Director (name not published)', 'Post (name not published)')
    >>> person_label(Person("MD013", "N/D", "Director", shared_with=("N/D",)))
    'Director (2 people, names not published)'
    >>> person_label(Person("junior~4", "", "Admin officers", fte=12.5))
    'Admin officers'
    >>> person_label(Person("a(1)", "A|B"), with_id=True, escape=lambda text: text.upper())
    'A|B (A(1))'
    """
    if person.vacant:
        label = "Open: " + (person.title or person.name or "position")
    elif person.fte is not None:  # a staff group is named by what its staff do
        label = person.name or person.title or "Staff group"
    else:
        names = published_names(person)
        if names:
            label = " & ".join(names)
        else:
            phrase = card_name(person)
            label = f"{person.title or 'Post'} ({phrase[0].lower()}{phrase[1:]})"
    if with_id and label != person.id:
        return f"{escape(label)} ({escape(person.id)})"
    return escape(label)


# --- drawings -------------------------------------------------------------------------------


@lru_cache(maxsize=65536)  # a chart has few distinct coordinates (100k people: ~2,000)
def coord(value: float) -> str:
    """A coordinate or length in a drawing, short: one decimal at most, none when whole.

    >>> coord(12.0), coord(12.25), coord(12.04), coord(-0.02), coord(3)
    ('12', '12.2', '12', '0', '3')
    """
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, taken: set[str] | None = None, *, empty: str = "item") -> str:
    """A stable id made from a name: ASCII letters (accents dropped), digits and ``-``, lower
    case, at most 60 characters (``empty`` when none is left); an id already in ``taken``
    gets a number, and the new id is added to ``taken``.

    >>> slug("Leadership & Collaboration - You and your Team")
    'leadership-collaboration-you-and-your-team'
    >>> slug("Ana López / R&D"), slug("🧠"), slug("🧠", empty="department"), slug("../../etc")
    ('ana-lopez-r-d', 'item', 'department', 'etc')
    >>> taken = {"problem-solving"}
    >>> slug("🧠 Problem solving", taken), sorted(taken)
    ('problem-solving-2', ['problem-solving', 'problem-solving-2'])
    """
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    base = _NOT_SLUG.sub("-", plain.lower()).strip("-")[:60].strip("-") or empty
    if taken is None:
        return base
    found, number = base, 2
    while found in taken:
        found, number = f"{base}-{number}", number + 1
    taken.add(found)
    return found


# --- text -----------------------------------------------------------------------------------

# A line break (any that str.splitlines knows) with the white space around it.
_BREAK = re.compile(r"[^\S\r\n\v\f\x1c-\x1e\x85\u2028\u2029]*"
                    r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]\s*")
# Control characters but tab and the line breaks: XML cannot hold them, YAML refuses them.
_CONTROLS = {c: None for c in (*range(0, 9), *range(14, 28), 31, 127)}


def one_line(text: str, *, drop_controls: bool = False) -> str:
    """``text`` on one line: every line break, with the spaces around it, becomes one space,
    so a name holding a line break (a quoted CSV field) cannot break a message or a title.
    Other characters are kept (the terminal writer shows control characters as ``\\xNN``);
    ``drop_controls``: drop them, for text written where nothing escapes them, such as a
    Mermaid file's front-matter title.

    >>> one_line("header 'first\\nsecond' is not known")
    "header 'first second' is not known"
    >>> one_line("Acme \\r\\n---\\n x:  1")
    'Acme --- x:  1'
    >>> one_line("bell\\x07 \\x1b[2J"), one_line("bell\\x07 \\x1b[2J", drop_controls=True)
    ('bell\\x07 \\x1b[2J', 'bell [2J')
    """
    text = str(text)
    if drop_controls:
        text = text.translate(_CONTROLS)
    return _BREAK.sub(" ", text).strip() if _BREAK.search(text) else text


def terminal_columns(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide East Asian letters two, combining marks none.

    >>> terminal_columns("Ana"), terminal_columns("山田"), terminal_columns("e\\u0301")
    (3, 4, 1)
    """
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else
               0 if unicodedata.combining(ch) else 1 for ch in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` terminal columns; ``right``: aligned right.

    >>> pad("山", 4) + "|", pad("7", 3, right=True)
    ('山  |', '  7')
    """
    room = " " * max(0, width - terminal_columns(text))
    return room + text if right else text + room


def wrap(text: str | Sequence[str], width: float, *,
         measure: Callable[[str], float] = len, joiner: str = " ") -> list[str]:
    """Words packed greedily onto lines no wider than ``width`` as ``measure`` counts it
    (characters by default; terminal columns with :func:`terminal_columns`, pixels for
    a drawing), a word never split, a word wider
    than a line on a line of its own. ``text``: a string, split at white space, or the
    words themselves (items that hold spaces).

    >>> wrap("one two three four", 9)
    ['one two', 'three', 'four']
    >>> wrap(["data analysis,", "mentoring,", "strategy"], 26)
    ['data analysis, mentoring,', 'strategy']
    >>> wrap("", 10)
    []
    """
    words = text.split() if isinstance(text, str) else list(text)
    lines: list[str] = []
    for word in words:
        if lines and measure(lines[-1] + joiner + word) <= width:
            lines[-1] += joiner + word
        else:
            lines.append(word)
    return lines


def text_table(header: Sequence[str] | None, rows: Iterable[Sequence[str | Sequence[str]]], *,
               right: Collection[int] = (), rule: bool = True, indent: str = "") -> list[str]:
    """Rows in aligned columns for a terminal, two spaces apart, under the ``header`` (if
    any) and, with ``rule``, a line of dashes; columns in ``right`` aligned right (numbers).
    A cell may be a list of lines (a wrapped list): the row then takes as many lines, the
    other cells on its first. Widths count terminal columns (:func:`terminal_columns`);
    trailing spaces are dropped.

    >>> print("\\n".join(text_table(["name", "reports"], [["Ana", "12"], ["山田", "3"]],
    ...                             right={1})))
    name  reports
    ----  -------
    Ana        12
    山田        3
    >>> print("\\n".join(text_table(["#", "gained"], [["1", ["a,", "b"]]], rule=False)))
    #  gained
    1  a,
       b
    >>> text_table(None, [["pm", "x"], ["senior-pm", "y"]], indent="> ")
    ['> pm         x', '> senior-pm  y']
    """
    table = [[[cell] if isinstance(cell, str) else list(cell) or [""] for cell in row]
             for row in ([list(header)] if header is not None else []) + [list(r) for r in rows]]
    if not table:
        return []
    widths = [max(terminal_columns(line) for row in table for line in row[i])
              for i in range(len(table[0]))]
    if rule and header is not None:
        table.insert(1, [["-" * width] for width in widths])
    lines = []
    for row in table:
        for number in range(max(len(cell) for cell in row)):
            cells = [pad(cell[number] if number < len(cell) else "", widths[i],
                         right=i in right) for i, cell in enumerate(row)]
            lines.append((indent + "  ".join(cells)).rstrip())
    return lines
