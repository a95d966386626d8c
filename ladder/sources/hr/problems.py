"""Turn export rows into people, accounting for every row: drawn, or named in a problem.

The user wants a chart anyway, so we draw what we can and say what we did. No problem stops
an import (each is a ``warning`` or an ``info``); every problem names its file and row.

==================  ========================================================================
kind                what is drawn
==================  ========================================================================
missing-manager     the row, as an extra root (its manager is not in the export)
case-only-manager   the row as an extra root; ``--fix case`` links it to the manager that
space-only-manager  matches when case (or surrounding spaces: ``--fix space``) is ignored
manager-fixed       (info) such a link, made because ``--fix`` asked for it
self-report         the row, as a root
cycle               every row; the cycle is broken at its earliest row, which becomes a root
several-roots       every root; the one heading the largest tree is the main one, the others
                    (manager empty, ``NULL``, ``-``, ``N/A``...) are reported. One root
                    written that way is the normal top of the chart, not a problem
duplicate-row       nothing more: a row equal in every field to an earlier one is drawn once
duplicate-id        the row, under the id ``ID~ROW``; reports to ``ID`` go to the row the data
                    points at (no invented cycle, the top post, the senior grade), else
                    the first
missing-id          the row, under the id ``row-ROW``; nobody can report to it
missing-name        the row, named by its email, else by its title with "name not published"
extra-fields        the row; the values beyond the header's columns are not read
repeated-post       (presets) nothing more: a post listed again as gone is drawn once, from
                    its live row
job-share           (presets) the row, on the card of the first row of its post (one card,
                    several names)
eliminated-post     (presets) nothing, unless someone drawn still reports to it: then a
                    vacant card
not-in-post         (presets) the row, as its own card ``0~ROW`` (UK post ``0``)
no-snapshot         nothing: in a file of several snapshots, the row names none
repeated-header     nothing: the header row again inside the data is not a person
other-sheets        (XLSX) nothing: names the sheets with data that were not read
bad-fte             (presets) the group card, without a count
==================  ========================================================================

Row numbers are those a spreadsheet shows for the file the row came from (the header is row
1 when it is the first line); a message adds the text line when a record above spans lines.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import eq
from typing import Generic, Protocol, TypeVar

from ladder.errors import SHOWN, Problem, did_you_mean, summarised
from ladder.model.org import Numbering, Person, number_forest, reporting_cycles
from ladder.sources.hr.read import where
from ladder.text import plural

NULL_MANAGERS = frozenset({"", "null", "none", "nil", "n/a", "na", "#n/a", "-", "--", "(none)",
                           "(blank)", "nan"})
FIXES = ("case", "space")
JUNIOR_LABEL = "junior staff: "  # what messages about a junior-staff file's rows start with
PART_LABELS = (JUNIOR_LABEL,)  # every such label (a message names the row after it)
GUESSES = 20  # missing managers that get a "did you mean" hint

# kind -> (singular, plural) for the summary line; order = order in the summary.
KIND_LABELS: dict[str, tuple[str, str]] = {
    "case-only-manager": ("case-only manager match", "case-only manager matches"),
    "space-only-manager": ("manager match with stray spaces", "manager matches with stray spaces"),
    "missing-manager": ("missing manager", "missing managers"),
    "self-report": ("self-report", "self-reports"),
    "cycle": ("cycle broken", "cycles broken"),
    "duplicate-id": ("duplicate id", "duplicate ids"),
    "duplicate-row": ("duplicate row", "duplicate rows"),
    "missing-id": ("row without id", "rows without id"),
    "missing-name": ("row without name", "rows without name"),
    "several-roots": ("extra root", "extra roots"),
    "manager-fixed": ("manager linked by --fix", "managers linked by --fix"),
    "repeated-post": ("repeated post id", "repeated post ids"),
    "job-share": ("job share", "job shares"),
    "eliminated-post": ("eliminated post", "eliminated posts"),
    "not-in-post": ("person not in post (post 0)", "people not in post (post 0)"),
    "bad-fte": ("unreadable FTE", "unreadable FTEs"),
    "extra-fields": ("row with extra fields", "rows with extra fields"),
    "no-snapshot": ("row in no snapshot", "rows in no snapshot"),
    "repeated-header": ("repeated header row", "repeated header rows"),
    "other-sheets": ("workbook with other sheets", "workbooks with other sheets"),
}


@dataclass(eq=False, slots=True)  # slots: one per export row, read many times over
class Entry:
    """One export row on its way to becoming a person, a position or a group card."""

    file: str
    row: int
    id: str  # as written ('' when missing)
    manager: str  # the reference as written ('' when none)
    name: str
    title: str = ""
    department: str | None = None  # department name
    location: str | None = None
    vacant: bool = False
    fte: float | None = None
    extra: tuple[tuple[str, str], ...] = ()
    key: str | None = None  # what others' manager references name (default: the id)
    referable: bool = True  # may others report to it? (False for group cards)
    share: bool = False  # a repeated id makes a job share, not a duplicate (presets)
    optional: str | None = None  # drawn only when someone reports to it; the problem kind
    optional_note: str = ""  # why it is optional, e.g. "Eliminated"
    values: tuple[str, ...] = ()  # the raw row, to spot exact duplicates
    label: str = ""  # prefix for messages about rows of a second file, e.g. "junior staff: "
    person_id: str = ""  # the id in the chart (set by resolve(); a preset may propose one)
    # filled in by resolve():
    shared_with: list[str] = field(default_factory=list)
    parent: Entry | None = None
    root_note: str = ""  # how a natural root wrote its (absent) manager
    note: str = ""  # why it stands as a root although it names a manager: shown on its card
    merged_rows: list[tuple[str, int]] = field(default_factory=list)  # job-share rows
    line: int = 0  # the text line where the row starts, when it differs from ``row``
    seniority: int = 0  # rank of the grade (presets that know grades): higher is more senior

    @property
    def where(self) -> str:
        """``row 201 (line 223)``, or ``row 201``: how messages name this row."""
        return where(self.row, self.line)


@dataclass
class Resolution:
    people: list[Person]
    problems: list[Problem]
    drawn: Mapping[str, AbstractSet[int] | range]  # file -> the rows of it shown on a card
    numbering: Numbering | None = None  # the people's reporting forest, when made already

    def drawn_rows(self) -> int:
        return sum(map(len, self.drawn.values()))


class _Report(Protocol):
    """How the steps of :func:`resolve` record a problem with an entry."""

    def __call__(self, entry: Entry, severity: str, kind: str, message: str,
                 hint: str | None = None, shown_id: str | None = None,
                 items: tuple[str, ...] = ()) -> None: ...


def resolve(
    entries: list[Entry],
    *,
    fixes: tuple[str, ...] = (),
    null_managers: frozenset[str] = NULL_MANAGERS,
    problems: list[Problem] | None = None,
    departments: dict[str, str] | None = None,
) -> Resolution:
    """People from entries in input order, with every problem found on the way.

    ``departments`` maps department names to ids; ``problems`` are earlier findings (kept).
    """
    found: list[Problem] = list(problems or [])
    report = _reporter(found)
    kept = _drop_duplicate_rows(entries, report)
    for entry in entries:  # the raw rows were kept only to spot repeats: a million tuples
        entry.values = ()
    nodes = _assign_ids(kept, report, null_managers)
    _link_managers(nodes, fixes, null_managers, report)
    _break_cycles(nodes, report)
    drawn_nodes = _prune_optional(nodes, report)
    _report_roots(drawn_nodes, report)

    drawn: dict[str, set[int]] = {}  # row numbers by file: no (file, row) pair per row
    people = []
    for node in drawn_nodes:
        rows = drawn.get(node.file)
        if rows is None:
            rows = drawn[node.file] = set()
        rows.add(node.row)
        for file, row in node.merged_rows:
            drawn.setdefault(file, set()).add(row)
        people.append(_person(node, departments or {}))
    order = {name: index for index, name in enumerate(dict.fromkeys(e.file for e in entries))}
    found.sort(key=lambda p: (order.get(p.file or "", 0), p.line or 0))
    return Resolution(people, found, drawn)


def _reporter(found: list[Problem]) -> _Report:
    """How the steps record a problem with an entry: appended to ``found``."""

    def report(entry: Entry, severity: str, kind: str, message: str,
               hint: str | None = None, shown_id: str | None = None,
               items: tuple[str, ...] = ()) -> None:
        found.append(Problem(severity, kind, entry.label + message, entry.file, entry.row,
                             entry.id if shown_id is None else shown_id, hint, items))

    return report


@dataclass
class RowColumns:
    """The rows of one file as columns (row ``i`` of the file is item ``i`` of each), read
    already: each row has an id, written without stray spaces and held by no other row.

    Such rows need no :class:`Entry` each: :func:`resolve_columns` makes their people
    straight from the columns, and entries only for the few rows a problem is about.
    """

    file: str
    ids: list[str]
    managers: list[str]  # the references as written
    names: list[str]
    titles: list[str]
    departments: list[str | None]  # department names
    locations: list[str | None]
    extras: list[tuple[tuple[str, str], ...]] | None  # None: none for any row
    rows: list[int]  # the row numbers
    index: dict[str, int]  # id -> its row's position (made when the ids were checked)
    lines: Mapping[int, int] = field(default_factory=dict)  # row -> line, where they differ


def resolve_columns(
    columns: RowColumns,
    *,
    fixes: tuple[str, ...] = (),
    null_managers: frozenset[str] = NULL_MANAGERS,
    problems: list[Problem] | None = None,
    departments: dict[str, str] | None = None,
) -> Resolution:
    """What :func:`resolve` makes of the same rows, without an object per row.

    With every id its own row's, no row repeats another, each row's person id is its id,
    and a manager reference finds its row by one look-up: only the rows whose reference finds
    none (or their own) take the row-by-row steps, and those of a reporting cycle (the rows
    not below any root).
    """
    found: list[Problem] = list(problems or [])
    report = _reporter(found)
    ids, count, index = columns.ids, len(columns.ids), columns.index
    boss = list(map(index.get, columns.managers, repeat(-1)))  # -1: a root
    made: dict[int, Entry] = {}  # the entries of rows a step looks at

    def entry(i: int) -> Entry:
        if i not in made:
            row = columns.rows[i]
            made[i] = Entry(columns.file, row, ids[i], columns.managers[i], columns.names[i],
                            columns.titles[i], line=columns.lines.get(row, row))
        return made[i]

    numbers = range(count)
    looked = sorted({*compress(numbers, map((-1).__eq__, boss)),
                     *compress(numbers, map(eq, boss, numbers))})
    linker = Linker(index, fixes, null_managers, report)
    for i in looked:
        target = linker.manager_of(entry(i), i)
        boss[i] = -1 if target is None else target

    forest = number_forest(boss)
    if len(forest.order) < count:  # the rows not below any root are in or below a cycle
        reached = bytearray(count)
        for i in forest.order:
            reached[i] = 1
        lost = [entry(i) for i in compress(numbers, map((0).__eq__, reached))]
        for node in lost:
            above = boss[index[node.id]]
            node.parent = made[above] if above >= 0 else None
        _break_cycles(lost, report)
        for node in lost:
            if node.parent is None:
                boss[index[node.id]] = -1
        forest = number_forest(boss)

    natural = [made[i] for i in looked if boss[i] < 0 and made[i].root_note]
    if len(natural) >= 2:
        size = [1] * count
        for i in reversed(forest.order):
            if boss[i] >= 0:
                size[boss[i]] += size[i]
        report_other_roots(natural, lambda node: size[index[node.id]], report)

    notes = [""] * count
    for i, node in made.items():
        notes[i] = node.note
    department_of: dict[str | None, str | None] = {None: None}
    department_of.update(departments or {})
    people = list(map(
        Person, ids, columns.names, columns.titles, repeat(None),  # role: matched later
        map([*ids, None].__getitem__, boss),  # -1: the None at the end
        map(department_of.__getitem__, columns.departments), columns.locations,
        repeat(False), repeat(False), repeat(()), repeat(()), repeat(None),  # not vacant...
        columns.rows, repeat(()) if columns.extras is None else columns.extras, notes,
        repeat(""), repeat(False)))  # no diff's mark; every id is the row's own
    found.sort(key=lambda p: p.line or 0)  # one file
    # every row is drawn; rows go up in file order, so as many as they span run on: a range
    rows = columns.rows
    runs_on = len(rows) == rows[-1] - rows[0] + 1
    drawn = range(rows[0], rows[-1] + 1) if runs_on else set(rows)
    return Resolution(people, found, {columns.file: drawn}, forest)


def _drop_duplicate_rows(entries: list[Entry], report: _Report) -> list[Entry]:
    seen: dict[tuple[str, tuple[str, ...]], Entry] = {}
    kept = []
    for entry in entries:
        signature = (entry.file, entry.values)
        first = seen.get(signature) if entry.values else None
        if first is not None:
            report(entry, "warning", "duplicate-row",
                   f"{entry.where} repeats {first.where} in every field: drawn once",
                   "delete the repeated row from the export")
            continue
        seen[signature] = entry
        kept.append(entry)
    return kept


def _assign_ids(entries: list[Entry], report: _Report,
                null_managers: frozenset[str] = NULL_MANAGERS) -> list[Entry]:
    """Give every entry a unique person id; fold job shares and repeated gone posts."""
    reserved = {e.id.strip() for e in entries if e.referable and e.id.strip()}
    assigned: set[str] = set()

    def fresh(base: str) -> str:
        """``base``, or ``base~2``, ``base~3``...: an id no row uses."""
        candidate, number = base, 2
        while candidate in assigned or candidate in reserved:
            candidate = f"{base}~{number}"
            number += 1
        assigned.add(candidate)
        return candidate

    # id -> its first row, or the list of its rows once the id repeats (most ids do not:
    # no list per row)
    groups: dict[str, Entry | list[Entry]] = {}
    for entry in entries:
        if not entry.referable:  # a preset may have named it already
            entry.person_id = fresh(entry.person_id or f"{entry.id.strip() or 'row'}~{entry.row}")
        elif not entry.id.strip():
            entry.person_id = fresh(f"row-{entry.row}")
            report(entry, "warning", "missing-id", f"{entry.where} has no id: drawn as "
                   f"'{entry.person_id}', and nobody can report to it",
                   "give every row an id", shown_id="")
        else:
            first = groups.setdefault(entry.id, entry)
            if first is not entry:
                if isinstance(first, Entry):
                    groups[entry.id] = [first, entry]
                else:
                    first.append(entry)

    heads = _choose_heads(groups, null_managers)
    nodes: list[Entry] = []
    merged: set[Entry] = set()  # Entry compares by identity (eq=False)
    out_of_order = False
    for entry in entries:
        if entry in merged:
            continue
        if entry.person_id:
            nodes.append(entry)
            continue
        group = groups[entry.id]
        if isinstance(group, Entry):
            entry.person_id = _own_id(entry, assigned, fresh)
            nodes.append(entry)
            continue
        head, why = heads[entry.id]
        head.person_id = _own_id(head, assigned, fresh)
        nodes.append(head)
        merged.update(group)
        out_of_order = True  # the head may be a later row; others are appended after it
        for other in group:
            if other is head:
                continue
            if other.optional is not None:  # a gone post listed again: drawn once
                report(other, "info", "repeated-post",
                       f"post '{other.id}' is listed again ({other.optional_note}) after "
                       f"{head.where}: drawn once, from {head.where}" if other.row > head.row
                       else f"post '{other.id}' is listed here ({other.optional_note}) and "
                       f"again at {head.where}: drawn once, from {head.where}")
            elif head.share and other.manager == head.manager:
                head.shared_with.append(other.name)
                head.merged_rows.append((other.file, other.row))
                report(other, "info", "job-share",
                       f"post '{other.id}' is also held at {head.where}: a job share, drawn "
                       f"as one card ({_names(head)})")
            else:
                other.person_id = fresh(f"{other.id.strip()}~{other.row}")
                other.key = ""  # nobody can name it
                nodes.append(other)
                if head.share or why:  # two different rows: say which one the id means
                    report(other, "warning", "duplicate-id",
                           f"id '{other.id}' is held by two different rows: {_shown(other)} "
                           f"and {_shown(head)}; reports to '{other.id}' go to {head.where} "
                           f"({why or 'the first row'}); {other.where} is drawn as "
                           f"'{other.person_id}'", "give every post its own id")
                else:
                    report(other, "warning", "duplicate-id",
                           f"id '{other.id}' is used again (first at {head.where}): drawn as "
                           f"'{other.person_id}'; reports to '{other.id}' go to {head.where}",
                           "give every row its own id")
    if out_of_order:  # keep input order
        position = {e: i for i, e in enumerate(entries)}
        nodes.sort(key=position.__getitem__)
    return nodes


def _shown(entry: Entry) -> str:
    """A row in a message about rows that share an id: where, what, to whom it reports."""
    what = ", ".join(x for x in (entry.title, dict(entry.extra).get("grade", "")) if x)
    to = f"reports to '{entry.manager.strip()}'" if entry.manager.strip() else "no manager"
    return f"{entry.where} ({what + '; ' if what else ''}{to})"


def _choose_heads(groups: dict[str, Entry | list[Entry]],
                  null_managers: frozenset[str]) -> dict[str, tuple[Entry, str]]:
    """{id: (the row references to the id mean, why)} for every id that several rows hold.

    The data decides, not the order: a live row before a gone one; then a row that gives no
    reporting cycle (an id held by a director and by the top post: the directors general
    reporting to it mean the top post, or they would report in a circle); then a row that
    can be the top (no manager); then the more senior grade (presets that rank grades); then
    the first row. ``why`` is '' when only the order decided.
    """
    shared = {key: group for key, group in groups.items() if isinstance(group, list)}
    if not shared:
        return {}

    def live(group: list[Entry]) -> list[Entry]:
        return [e for e in group if e.optional is None] or group[:1]

    def is_root(entry: Entry) -> bool:
        return entry.manager.strip().casefold() in null_managers

    # provisional heads, without the cycle test, for the walks of the test itself
    provisional = {key: min(live(group), key=lambda e: (not is_root(e), -e.seniority))
                   for key, group in shared.items()}
    limit = sum(len(g) if isinstance(g, list) else 1 for g in groups.values()) + 1

    def target(ref: str) -> Entry | None:
        found = groups.get(ref)
        return provisional.get(ref) if isinstance(found, list) else found

    def makes_cycle(key: str, candidate: Entry) -> bool:
        """Would the id meaning ``candidate`` put it in a reporting circle?"""
        node = candidate
        for _ in range(limit):
            ref = node.manager
            if ref == key:
                return True
            above = target(ref)
            if above is None or not above.referable:
                return False
            node = above
        return False

    chosen: dict[str, tuple[Entry, str]] = {}
    for key, group in shared.items():
        rows = live(group)
        if len(rows) == 1 or all(e.manager == rows[0].manager for e in rows):
            chosen[key] = (rows[0], "")  # one post (a job share, or a post listed again)
            continue
        ranked = sorted(rows, key=lambda e: (makes_cycle(key, e), not is_root(e),
                                             -e.seniority))  # sorted is stable: row order
        head, runner = ranked[0], ranked[1]
        if makes_cycle(key, runner) and not makes_cycle(key, head):
            why = f"taking {runner.where} would make a reporting cycle the rows do not have"
        elif is_root(head) and not is_root(runner):
            why = f"{head.where} is the top of the file, with no manager"
        elif head.seniority > runner.seniority:
            why = f"{head.where} has the more senior grade"
        else:
            why = ""
        chosen[key] = (head, why)
        provisional[key] = head
    return chosen


def _own_id(entry: Entry, assigned: set[str], fresh: Callable[[str], str]) -> str:
    """The row's id without surrounding spaces; ``ID~ROW`` if that clashes with another id
    (e.g. 'E1' and 'E1 ')."""
    wanted = entry.id.strip()
    if wanted in assigned:
        return fresh(f"{wanted}~{entry.row}")
    assigned.add(wanted)
    return wanted


def _names(entry: Entry) -> str:
    return " & ".join(n for n in (entry.name, *entry.shared_with) if n) or entry.id


def _link_managers(nodes: list[Entry], fixes: tuple[str, ...], null_managers: frozenset[str],
                   report: _Report) -> None:
    index: dict[str, Entry] = {}
    for node in nodes:
        if not node.referable:
            continue
        key = node.id if node.key is None else node.key
        if key:
            index.setdefault(key, node)
    linker = Linker(index, fixes, null_managers, report)
    for node in nodes:
        node.parent = linker.manager_of(node, node)


Target = TypeVar("Target")


class Linker(Generic[Target]):
    """Finds each row's manager among the rows others can name (``index``: key -> the row,
    as an :class:`Entry` or as its number), reporting what stands in the way."""

    def __init__(self, index: Mapping[str, Target], fixes: tuple[str, ...],
                 null_managers: frozenset[str], report: _Report) -> None:
        self.index, self.fixes, self.null_managers, self.report = (index, fixes, null_managers,
                                                                   report)
        self.guessed = 0
        self.by_space: dict[str, list[str]] = defaultdict(list)
        self.by_case: dict[str, list[str]] = defaultdict(list)
        self.by_both: dict[str, list[str]] = defaultdict(list)

    def _loose_index(self) -> None:
        """The case- and space-blind indexes, made at the first miss (clean exports have none)."""
        if self.by_space or not self.index:
            return
        for key in self.index:
            self.by_space[key.strip()].append(key)
            self.by_case[key.casefold()].append(key)
            self.by_both[key.strip().casefold()].append(key)

    def manager_of(self, node: Entry, me: Target) -> Target | None:
        """The row ``node`` (``me`` in the index) reports to, or None: a root, with
        ``root_note`` (no manager written) or ``note`` (why it stands as one) set."""
        ref = node.manager
        own = node.id if node.key is None else node.key
        if not ref.strip():
            node.root_note = "empty"
            return None
        index, report = self.index, self.report
        target = index.get(ref)
        if target is None and ref.strip().casefold() in self.null_managers:
            node.root_note = ref.strip()
            return None
        if target is None:
            self._loose_index()
            needed, matches = _loose_match(ref, self.by_space, self.by_case, self.by_both)
            if len(matches) == 1:
                match = matches[0]
                if set(needed) <= set(self.fixes):
                    target = index[match]
                    report(node, "info", "manager-fixed",
                           f"manager '{ref}' linked to '{match}' (--fix {','.join(needed)})")
                else:
                    kind = "case-only-manager" if "case" in needed else "space-only-manager"
                    ignored = {("case",): "case is", ("space",): "surrounding spaces are",
                               ("case", "space"): "case and surrounding spaces are"}
                    node.note = f"Manager '{ref.strip()}' not found as written"
                    report(node, "warning", kind,
                           f"manager '{ref}' matches '{match}' only if "
                           f"{ignored[tuple(needed)]} ignored: drawn as a root",
                           f"use --fix {','.join(needed)}")
                    return None
            elif matches:
                node.note = f"Manager '{ref.strip()}' not found as written"
                report(node, "warning", "missing-manager",
                       f"manager '{ref}' does not exist; it matches "
                       + summarised([f"'{m}'" for m in matches])
                       + " when case or spaces are ignored: drawn as a root",
                       "correct the manager column")
                return None
            else:
                self.guessed += 1  # close matches are slow to find: only for the first few
                hint = (did_you_mean(ref, _near(ref, index)) if self.guessed <= GUESSES
                        else None)
                whole = re.fullmatch(r"\s*(\d+)\.0+\s*", ref)
                if whole and whole.group(1) in index:  # ids through a spreadsheet as decimals
                    hint = (f"'{whole.group(1)}' exists: the manager column was written as "
                            "decimals; export it as whole numbers")
                node.note = f"Manager '{ref.strip()}' not found"
                report(node, "warning", "missing-manager",
                       f"manager '{ref}' does not exist: drawn as a root",
                       hint or "is the manager in the export?")
                return None
        if target == me or (own and ref == own):  # (an Entry equals only itself)
            node.note = "Named as its own manager"
            report(node, "warning", "self-report",
                   f"'{node.id}' reports to itself: drawn as a root",
                   "give it its real manager, or leave the manager empty for the top")
            return None
        return target


def _near(ref: str, keys: Iterable[str], limit: int = 2000) -> list[str]:
    """Keys of about the length of ``ref`` (and, in a big export, its first letter): the few
    worth comparing for a "did you mean" hint."""
    near = [k for k in keys if abs(len(k) - len(ref)) <= 2]
    if len(near) > limit:
        first = ref.strip()[:1].casefold()
        near = [k for k in near if k.strip()[:1].casefold() == first]
    return near[:limit]


def _loose_match(ref: str, by_space: Mapping[str, list[str]], by_case: Mapping[str, list[str]],
                 by_both: Mapping[str, list[str]]) -> tuple[list[str], list[str]]:
    """Which fixes make ``ref`` match, and the keys it then matches."""
    if ref.strip() in by_space:
        return ["space"], by_space[ref.strip()]
    if ref.casefold() in by_case:
        return ["case"], by_case[ref.casefold()]
    if ref.strip().casefold() in by_both:
        return ["case", "space"], by_both[ref.strip().casefold()]
    return [], []


def _break_cycles(nodes: list[Entry], report: _Report) -> None:
    """Every reporting cycle is cut at its earliest row, which becomes a root."""
    for cycle in reporting_cycles(nodes, lambda node: node.parent):
        first = cycle[0]
        # walking up from `first` gives its manager first: show the chain of managers
        chain = [f"'{n.id}' ({n.where})" for n in cycle]
        size = f"of {len(cycle):,} rows " if len(chain) > SHOWN else ""
        shown = f"{summarised(chain, joiner=' -> ')} -> {chain[0]}"
        report(first, "warning", "cycle",
               f"reporting cycle {size}{shown}: broken here, '{first.id}' drawn as a root",
               "each reports to the next; give one of them a manager outside the circle",
               items=tuple(chain) if size else ())
        first.parent = None  # Entry compares by identity, so the walk goes on past it
        first.note = "A reporting cycle is broken here"


def _prune_optional(nodes: list[Entry], report: _Report) -> list[Entry]:
    """Posts that are gone are drawn only when someone drawn still reports to them."""
    needed: Counter[int] = Counter()
    for node in nodes:
        if node.optional is not None:
            continue
        parent = node.parent
        while parent is not None and parent.optional is not None:
            first_time = id(parent) not in needed
            needed[id(parent)] += 1
            if not first_time:
                break
            parent = parent.parent
    kept = []
    for node in nodes:
        if node.optional is None:
            kept.append(node)
            continue
        if id(node) in needed:
            kept.append(node)
            report(node, "info", node.optional,
                   f"post '{node.id}' is {node.optional_note}, but posts or staff still report "
                   "to it: drawn as a vacant post")
        else:
            report(node, "info", node.optional,
                   f"post '{node.id}' is {node.optional_note}: not drawn")
    return kept


def _report_roots(nodes: list[Entry], report: _Report) -> None:
    natural = [n for n in nodes if n.parent is None and n.root_note]
    if len(natural) < 2:
        return
    children: dict[int, list[Entry]] = defaultdict(list)
    for node in nodes:
        if node.parent is not None:
            children[id(node.parent)].append(node)

    def size(root: Entry) -> int:
        total, stack = 0, [root]
        while stack:
            current = stack.pop()
            total += 1
            stack.extend(children.get(id(current), ()))
        return total

    report_other_roots(natural, size, report)


def report_other_roots(natural: list[Entry], size: Callable[[Entry], int],
                       report: _Report) -> None:
    """Of the rows that name no manager (``natural``, in row order), the one heading the
    largest tree (``size``: people in it) is the top; the others are reported."""
    sizes = {id(n): size(n) for n in natural}
    main = max(natural, key=lambda n: sizes[id(n)])  # max keeps the earliest on a tie
    for node in natural:
        if node is main:
            continue
        written = "empty" if node.root_note == "empty" else f"'{node.root_note}'"
        node.note = f"No manager in the export ({written})"
        report(node, "warning", "several-roots",
               f"'{node.id}' has no manager ({written}): drawn as another root beside "
               f"'{main.id}' ({main.where}, {sizes[id(main)]} in its tree)",
               "give it a manager, or keep it as a separate tree")


def _person(node: Entry, departments: dict[str, str]) -> Person:
    # positional, in Person's field order: a keyword call costs three times as much per row
    return Person(
        node.person_id, node.name, node.title, None,  # role: matched later, if at all
        node.parent.person_id if node.parent is not None else None,
        departments.get(node.department) if node.department else None,
        node.location or None, node.vacant, False, (),  # not an assistant, no dotted lines
        tuple(node.shared_with) if node.shared_with else (), node.fte, node.row, node.extra,
        node.note, "",  # no diff's mark
        # a group card's or a repeated row's id is made from its row: another file's row of
        # that number is someone else
        not node.referable or node.person_id != node.id.strip(),
    )


def summary_line(rows: int, drawn: int, problems: list[Problem]) -> str:
    """``N rows: D drawn, P problems (counts by kind: hint)``.

    >>> summary_line(3, 3, [])
    '3 rows: 3 drawn, 0 problems'
    >>> p = Problem("warning", "case-only-manager", "m", hint="use --fix case")
    >>> summary_line(9, 9, [p, p])
    '9 rows: 9 drawn, 2 problems (2 case-only manager matches: use --fix case)'
    """
    text = f"{plural(rows, 'row')}: {drawn} drawn, {plural(len(problems), 'problem')}"
    if not problems:
        return text
    counts = Counter(p.kind for p in problems)
    needed: dict[str, set[str]] = defaultdict(set)  # the --fix each kind asks for
    for problem in problems:
        if problem.kind.endswith("-only-manager") and problem.hint:
            needed[problem.kind].update(problem.hint.rsplit(" ", 1)[-1].split(","))
    order = list(KIND_LABELS)
    parts = []
    for kind in sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k)):
        part = plural(counts[kind], *KIND_LABELS.get(kind, (kind, kind)))
        if needed[kind]:
            part += f": use --fix {','.join(f for f in FIXES if f in needed[kind])}"
        parts.append(part)
    return f"{text} ({'; '.join(parts)})"


