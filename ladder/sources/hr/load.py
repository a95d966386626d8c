"""Load an HR export into an :class:`~ladder.model.org.Org` and an account of every row.

Every input row ends up drawn on a card, or named in a problem, or both (see
:mod:`ladder.sources.hr.problems` for what is drawn for each kind of problem).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import compress, filterfalse, repeat
from operator import attrgetter, itemgetter, ne
from pathlib import Path

from ladder.errors import SHOWN, Problem, SourceError, did_you_mean, summarised
from ladder.model.org import Department, Org
from ladder.sources.hr.columns import (
    check_headers,
    check_mapping,
    detect_columns,
    names_posts,
    parse_mapping,
    person_id_column,
)
from ladder.sources.hr.presets import Preset, PresetResult, detect_preset, get_preset
from ladder.sources.hr.problems import (
    FIXES,
    PART_LABELS,
    Entry,
    RowColumns,
    resolve,
    resolve_columns,
    summary_line,
)
from ladder.sources.hr.read import ExportTable, Record, read_table, where
from ladder.sources.hr.snapshots import Snapshots, find_snapshots, split_tiers, subset
from ladder.text import one_line, plural, slug


@dataclass
class ImportResult:
    """The org drawn from an export, and the account of its rows."""

    org: Org
    problems: list[Problem]
    rows: int  # data rows read, all files together (of the snapshot drawn, if several)
    drawn: int  # rows shown on a card (a job share shows two rows on one card)
    files: tuple[str, ...] = ()
    columns: dict[str, str] = field(default_factory=dict)  # field -> header it was read from
    preset: str | None = None
    undrawn: list[tuple[str, int]] = field(default_factory=list)  # (file, row) not on a card
    lines: dict[tuple[str, int], int] = field(default_factory=dict)  # text line, if not row
    snapshot: str | None = None  # the snapshot drawn, when the file holds several
    snapshots: list[tuple[str, int]] = field(default_factory=list)  # (value, rows), oldest first
    notes: list[str] = field(default_factory=list)  # remarks for the user (snapshots...)

    def report(self) -> dict:
        """``{"rows": N, "drawn": N, "problems": [{"row", "line", "id", "kind", "message"}]}``
        (``row`` as a spreadsheet numbers it, ``line`` the line of the file), with
        ``"snapshot"`` and ``"snapshots"`` when the file holds several; ``items`` is the
        whole list a message summarises (a long cycle)."""
        data: dict = {"rows": self.rows, "drawn": self.drawn}
        if self.snapshot is not None:
            data["snapshot"] = self.snapshot
            data["snapshots"] = [{"snapshot": v, "rows": n} for v, n in self.snapshots]
        data["problems"] = [
            {"row": p.line, "line": self.lines.get((p.file or "", p.line or 0), p.line),
             "id": p.id or "", "kind": p.kind, "message": p.message,
             **({"items": list(p.items)} if p.items else {})}
            for p in self.problems
        ]
        return data

    def located_problems(self) -> list[Problem]:
        """The problems as an editor finds them: ``line`` the line of the file where the row
        starts, the spreadsheet row in words in the message (``FILE:5: row 4: ...``). The
        problems themselves keep the row in ``line`` (what the accounting counts by); they
        differ only after a value that spans lines (a quoted line break)."""
        located = []
        for problem in self.problems:
            row = problem.line or 0
            line = self.lines.get((problem.file or "", row))
            if line is None:
                located.append(problem)
                continue
            message = problem.message
            subject = where(row, line)
            if message.startswith(f"{subject}: "):  # _with_line's "row 4 (line 5): "
                message = message[len(subject) + 2:]
            label = next((p for p in PART_LABELS if message.startswith(p)), "")
            message = message[len(label):]  # "junior staff: " stays first
            if re.match(rf"{re.escape(subject)}[ :,]", message):  # its subject is the row:
                message = message[len(subject):]  # "row 9 (line 10) has no id", named once
            else:
                message = f": {message}"
            message = f"{label}row {row}{message}"
            located.append(replace(problem, line=line, message=message))
        return located

    def summary(self) -> str:
        """One line: ``128 rows: 128 drawn, 8 problems (8 case-only manager matches: ...)``."""
        line = summary_line(self.rows, self.drawn, self.problems)
        if self.snapshot is None:
            return line
        return f"snapshot '{self.snapshot}' of {len(self.snapshots)}: {line}"


def parse_fix(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """``case,space`` (text or a list) as a checked tuple.

    >>> parse_fix("space, case"), parse_fix(None)
    (('case', 'space'), ())
    """
    if value is None:
        return ()
    parts = value.split(",") if isinstance(value, str) else list(value)
    chosen = []
    for part in parts:
        for piece in str(part).split(","):
            piece = piece.strip().lower()
            if not piece:
                continue
            if piece not in FIXES:
                raise SourceError(f"--fix: unknown fix '{piece}'",
                                  hint=did_you_mean(piece, FIXES) or "use --fix case,space")
            chosen.append(piece)
    return tuple(f for f in FIXES if f in chosen)


def load_export(
    path: str | Path,
    *,
    text: str | None = None,
    preset: str | None = None,
    junior: str | Path | None = None,
    mapping: Mapping[str, str] | str | None = None,
    fix: Iterable[str] | str = (),
    snapshot: str | None = None,
    sheet: str | None = None,
) -> ImportResult:
    """Read an HR export (CSV, TSV, TXT or XLSX) into an org and the account of its rows.

    ``preset``: a format with rules of its own (``uk-organogram``; detected from the headers
    when not given); ``junior``: the junior-staff file of a UK organogram; ``mapping``:
    {field: column} or ``id=COL,manager=COL`` to override header detection; ``fix``:
    ``case``/``space`` to link managers that match only when case/spaces are ignored;
    ``snapshot``: which snapshot to draw of a file that holds several (default: the latest);
    ``sheet``: a workbook's sheet to read (a name or a number; default: the first with data).
    """
    path = Path(path)
    fixes = parse_fix(fix)
    if isinstance(mapping, str):
        mapping = parse_mapping(mapping)
    elif mapping is not None:
        mapping = check_mapping(mapping)
    chosen = get_preset(preset) if preset else None
    senior_filter = chosen.matches if chosen else None
    table = read_table(path, want_sheet=senior_filter, text=text, sheet=sheet)
    check_headers(table.headers, file=table.file, line=table.header_row)
    if chosen is None:
        chosen = detect_preset(table.headers)
    if junior is not None and (chosen is None or not chosen.takes_junior):
        raise SourceError("--junior is for the junior-staff file of a UK organogram",
                          file=str(junior), hint="use it with --preset uk-organogram")
    notes: list[str] = []
    repeated = [Problem("warning", "repeated-header", f"{r.where} repeats the header row: not "
                        "read as a person", table.file, r.row, None,
                        "exports glued together? delete the extra header rows")
                for r in table.repeats]
    about_file: list[Problem] = []
    if table.other_sheets:
        about_file.append(Problem(
            "warning", "other-sheets", f"the workbook has {len(table.other_sheets) + 1} sheets "
            f"with data: read '{table.sheet}', not read: "
            f"{summarised([repr(s) for s in table.other_sheets])}", table.file, None, None,
            "read another with option 'sheet' NAME (or its number)",
            tuple(table.other_sheets) if len(table.other_sheets) > SHOWN else ()))
        notes.append(f"read the sheet '{table.sheet}' of {Path(table.file).name}; "
                     f"{plural(len(table.other_sheets), 'other sheet')} with data not read "
                     "(read one with option 'sheet' NAME or its number)")
    blank: list[Problem] = []
    picked: str | None = None
    whole = table  # every row of the file, for the lines of rows no snapshot takes
    id_column, manager_column, name_column = _key_columns(table, chosen, mapping)
    found = find_snapshots(table, id_column=id_column, manager_column=manager_column,
                           name_column=name_column)
    if found is None and snapshot is not None:
        raise SourceError(f"--snapshot {snapshot}: this file holds one snapshot", file=str(path),
                          hint="no column of a few dates splits its rows into whole orgs "
                          "(the same ids at each date); leave out --snapshot")
    if found is not None:
        table, blank, picked = _one_snapshot(table, found, snapshot, notes)
    if chosen is not None:
        junior_table = None
        if junior is not None:
            junior_table = read_table(junior, want_sheet=chosen.junior_matches)
            check_headers(junior_table.headers, file=junior_table.file,
                          line=junior_table.header_row)
            if found is not None and picked is not None:
                junior_table = _same_snapshot(junior_table, found, picked)
        elif chosen.takes_junior:
            tiers = split_tiers(table)
            if tiers is not None:  # a Senior/Junior column: one file holds both
                table, junior_table = tiers
        built = chosen.build(table, junior_table, mapping)
        tables = [table] + ([junior_table] if junior_table else [])
    else:
        built = generic_entries(table, mapping)
        tables = [table]

    # every row read, by file (row numbers, not a (file, row) pair per row: a million rows)
    every_row = [(t.file, built.rows.rows if built.rows is not None and t is table
                  else list(map(attrgetter("row"), t.records))) for t in tables]
    every_row += [(str(table.file), [p.line or 0 for p in repeated])]
    every_row += [(str(table.file), [r.row for r in (found.blank if found else [])])]
    # (the whole file: its rows of other snapshots and repeated headers are named too)
    lines = {(t.file, r.row): r.line for t in [whole, *tables[1:]]
             for r in [*_spanning(t.records), *t.repeats] if r.line and r.line != r.row}
    # The rows are entries now and accounted for above: a million rows' lists and records
    # freed before the people are made, which reuse their memory (1M: ~150 MB less at peak).
    for t in [whole, *tables]:
        t.records = []
    earlier = built.problems + blank + repeated + about_file
    entries, built.entries = built.entries, []
    if built.rows is not None:  # clean rows, as columns: no entry each
        built.rows.lines = {row: line for (file, row), line in lines.items()
                            if file == table.file}
        departments = _department_ids(built.rows.departments)
        resolution = resolve_columns(built.rows, fixes=fixes, null_managers=built.null_managers,
                                     problems=earlier, departments=departments)
        built.rows = None
    else:
        departments = _department_ids(e.department for e in entries)
        resolution = resolve(entries, fixes=fixes, null_managers=built.null_managers,
                             problems=earlier, departments=departments)
    del entries  # ... and the entries before the org is built
    problems = [_with_line(p, lines) for p in resolution.problems]
    read = sum(len(rows) for _, rows in every_row)
    if not resolution.people:  # e.g. every post eliminated: a chart of nothing helps nobody
        raise SourceError(
            f"nothing to draw: {summary_line(read, 0, problems)}",
            file=str(path), problems=problems,
            hint="the problems say why each row is left out")
    used = set(map(attrgetter("department"), resolution.people))
    org = Org.build(
        built.org_name or path.stem,
        resolution.people,
        [Department(d_id, name) for name, d_id in departments.items() if d_id in used],
        source=str(path),
        # a preset's rows are posts (organograms), as are a generic export's whose id column
        # is a post or position reference: the diff follows their holders apart
        posts=chosen is not None or names_posts(built.columns.get("id", "")),
        numbering=resolution.numbering,
    )
    return ImportResult(
        org=org, problems=problems, rows=read,
        drawn=resolution.drawn_rows(), files=tuple(t.file for t in tables),
        columns=built.columns, preset=chosen.name if chosen else None,
        undrawn=[(file, row) for file, rows in every_row
                 for row in filterfalse(resolution.drawn.get(file, set()).__contains__, rows)],
        lines=lines,
        snapshot=picked, snapshots=found.values if found else [],
        notes=notes,
    )


def _key_columns(table: ExportTable, preset: Preset | None, mapping: Mapping[str, str] | None
                 ) -> tuple[int | None, int | None, int | None]:
    """The id, manager and name columns, where the headers tell them (snapshot detection
    looks at all three)."""
    try:
        if preset is not None:
            found = preset.key_columns(table.headers, mapping)
        else:
            found = detect_columns(table.headers, file=table.file, mapping=mapping)
    except SourceError:
        return None, None, None
    keys = ("id", "manager") if "id" in found else ("email", "manager_email")  # or by email
    return found.get(keys[0]), found.get(keys[1]), found.get("name")


def _one_snapshot(table: ExportTable, found: Snapshots, wanted: str | None, notes: list[str]
                  ) -> tuple[ExportTable, list[Problem], str]:
    """The rows of one snapshot, the problems of rows in none, and the snapshot's value."""
    picked = found.pick(wanted, file=table.file)
    how = "the latest" if wanted is None else "chosen with --snapshot"
    notes.append(f"{Path(table.file).name} holds {len(found.values)} snapshots in "
                 f"{found.where}: {found.listing()}; drawn: '{picked}' ({how}), counted "
                 "alone" + ("; choose another with --snapshot DATE" if wanted is None else "")
                 + (f" ({found.reading.why})" if found.reading.why else ""))
    blank = [Problem("warning", "no-snapshot", f"{r.where} has " + (
        f"'{one_line(value)[:40]}', not a date," if (value := found.value_of(r)) else "no date")
        + f" in {found.where}: it belongs to no snapshot, not drawn", table.file, r.row, None,
        f"write its date in {found.where}") for r in found.blank]
    return subset(table, found.rows_of(table, picked)), blank, picked


def _same_snapshot(junior: ExportTable, found: Snapshots, picked: str) -> ExportTable:
    """The junior file's rows of the snapshot drawn, when it has a column of the same dates."""
    column = found.column_in(junior)
    if column is None:
        return junior
    return subset(junior, found.rows_of(junior, picked, column=column))


def _with_line(problem: Problem, lines: Mapping[tuple[str, int], int]) -> Problem:
    """The problem with the row's text line in its message, when it differs from the row."""
    line = lines.get((problem.file or "", problem.line or 0))
    if line is None or f"(line {line})" in problem.message:
        return problem
    return replace(problem, message=f"{where(problem.line or 0, line)}: {problem.message}")


# -- generic exports -------------------------------------------------------------------------


def generic_entries(table: ExportTable, mapping: Mapping[str, str] | None) -> PresetResult:
    """Entries of an export with an id and a manager column (or employee/manager emails)."""
    columns = detect_columns(table.headers, file=table.file, mapping=mapping,
                             line=table.header_row,
                             samples=[r.values for r in table.records[:500]])
    by_email = _keys_by_email(table, columns)
    result = PresetResult([])
    result.columns = {f: table.headers[i] for f, i in columns.items()}
    has_names = any(f in columns for f in ("name", "first_name", "last_name"))
    person_column = person_id_column(table.headers, columns)  # beside a post id: who holds it
    if person_column is not None:
        result.columns["person_id"] = table.headers[person_column]
    width = len(table.headers)
    if not by_email and person_column is None:
        clean = _clean_columns(table, columns, has_names)
        if clean is not None:
            result.rows, result.problems = clean
            return result

    # One itemgetter per export instead of a lookup per field and row (exports can be huge);
    # a field the export lacks reads the blank cell padded onto the end of every row.
    wanted = ("id", "manager", "email", "manager_email", "name", "first_name", "last_name",
              "title", "department", "location", "grade")
    pick = itemgetter(*(columns.get(f, -1) for f in wanted))
    has_first = "first_name" in columns
    # Titles, departments and places repeat: each tidied once, and one string shared by all
    # the people who have it (a million rows hold a few thousand distinct ones).
    tidied: dict[str, str] = {}

    def tidy(value: str) -> str:
        found = tidied.get(value)
        if found is None:
            found = tidied[value] = _text(value)
        return found

    # Per-row work below is kept to what a row needs: exports can hold a million rows, and
    # most cells of a clean export are already tidy or absent (the padded blank cell).
    for record in table.records:
        values = record.values
        if len(values) >= width:  # the usual row: one blank cell for the absent fields
            padded = [*values, ""]
        else:
            padded = [*values, *[""] * (width - len(values)), ""]
        (row_id, manager, email, manager_email, name_cell, first, last, title, department,
         location, grade) = pick(padded)
        email = email.strip()
        key = None
        if by_email:
            row_id = row_id if "id" in columns else email
            manager, key = manager_email, email
        name = _name(name_cell, first, last, has_first)
        grade = _text(grade) if grade else ""
        extra: tuple[tuple[str, str], ...] = (("email", email),) if email else ()
        if grade:
            extra += (("grade", grade),)
        if person_column is not None and len(values) > person_column \
                and values[person_column].strip():
            extra += (("person_id", values[person_column].strip()),)
        entry = Entry(
            file=table.file, row=record.row, line=record.line, id=row_id, manager=manager,
            name=name,
            title=tidy(title) if title else "",
            department=(tidy(department) or None) if department else None,
            location=(tidy(location) or None) if location else None, extra=extra, key=key,
            values=tuple(values),
        )
        if not name:
            # an email names a person; an id or a row number does not: without one the charts
            # show the title with "name not published" rather than a made-up name
            entry.name = email
            if has_names:
                result.problems.append(_no_name(table.file, record, row_id, email))
        spilled = [v for v in values[width:] if v.strip()] if len(values) > width else None
        if spilled:
            shown = ", ".join(f"'{_text(v)[:30]}'" for v in spilled[:3])
            result.problems.append(Problem(
                "warning", "extra-fields", f"{record.where} has {len(values)} fields but "
                f"the header names {width}: {shown} not read", table.file, record.row, row_id,
                "a field holding the delimiter probably lacks its quotes"))
        result.entries.append(entry)
    return result


def _no_name(file: str, record: Record, row_id: str, email: str) -> Problem:
    drawn = f"named '{email}'" if email else "by its title, name not published"
    return Problem("warning", "missing-name", f"{record.where} has no name: drawn {drawn}",
                   file, record.row, row_id, "fill in the name")


def _clean_columns(table: ExportTable, columns: dict[str, int], has_names: bool
                   ) -> tuple[RowColumns, list[Problem]] | None:
    """The rows as columns, with what :func:`generic_entries` finds in them, when every row
    is as wide as the header and has an id of its own, written without stray spaces (the
    usual big export); else None. Each distinct title, department and place is tidied once,
    and the names all together unless one needs it."""
    if "id" not in columns or "manager" not in columns:
        return None
    records = table.records
    values = list(map(attrgetter("values"), records))
    width = len(table.headers)
    if set(map(len, values)) != {width}:
        return None
    ids = list(map(itemgetter(columns["id"]), values))
    index = dict(zip(ids, range(len(ids)), strict=True))
    if len(index) != len(ids) or "" in index or ids != list(map(str.strip, ids)):
        return None

    def column(name: str) -> list[str] | None:
        return list(map(itemgetter(columns[name]), values)) if name in columns else None

    def tidied(cells: list[str] | None) -> list[str | None]:
        """Each distinct cell tidied once; '' is None."""
        if cells is None:
            return [None] * len(values)
        once = {cell: _text(cell) or None for cell in dict.fromkeys(cells)}
        return list(map(once.__getitem__, cells))

    names = column("name")
    first, last = column("first_name"), column("last_name")
    if first is None and last is None:
        names = _tidy_all(names) if names is not None else [""] * len(values)
    else:
        blank = repeat("")
        names = list(map(_name, names or blank, first or blank, last or blank,
                         repeat("first_name" in columns)))
    emails = column("email")
    emails = list(map(str.strip, emails)) if emails is not None else None
    grades = column("grade")
    extras = None
    if emails is not None or grades is not None:
        grades = [_text(g) if g else "" for g in grades] if grades is not None else None
        extras = [((("email", email),) if email else ()) + ((("grade", grade),) if grade else ())
                  for email, grade in zip(emails or [""] * len(values),
                                          grades or [""] * len(values), strict=True)]
    problems = []
    if "" in names:
        for i in [i for i, name in enumerate(names) if not name]:
            email = emails[i] if emails is not None else ""
            names[i] = email
            if has_names:
                problems.append(_no_name(table.file, records[i], ids[i], email))
    rows = RowColumns(
        table.file, ids, list(map(itemgetter(columns["manager"]), values)), names,
        [title or "" for title in tidied(column("title"))], tidied(column("department")),
        tidied(column("location")), extras, list(map(attrgetter("row"), records)), index)
    return rows, problems


def _tidy_all(cells: list[str]) -> list[str]:
    """``cells`` as display text (see :func:`_text`), looked at one by one only when some
    cell is not printable or holds doubled, leading or trailing spaces."""
    joined = "\n".join(cells)  # line breaks are not printable: a cell holding one is looked at
    if (all(map(str.isprintable, cells)) and "  " not in joined and " \n" not in joined
            and "\n " not in joined and not joined.startswith(" ")
            and not joined.endswith(" ")):
        return cells
    return list(map(_text, cells))


def _keys_by_email(table: ExportTable, columns: dict[str, int]) -> bool:
    """Do managers refer to people by email? Yes when there is no id/manager pair, or when
    the manager emails resolve better than the manager ids do."""
    if "email" not in columns or "manager_email" not in columns:
        return False
    if "manager" not in columns:
        return True

    def share(key: str, ref: str) -> float:
        known = {r.values[columns[key]] for r in table.records if columns[key] < len(r.values)}
        refs = [r.values[columns[ref]] for r in table.records
                if columns[ref] < len(r.values) and r.values[columns[ref]].strip()]
        return sum(1 for v in refs if v in known) / len(refs) if refs else 0.0

    return share("email", "manager_email") > share("id", "manager")


def _text(value: str) -> str:
    """Display text: surrounding and repeated spaces (and line breaks) dropped."""
    tidied = " ".join(value.split())
    # the cell itself when it was tidy: a million names each kept once, not twice over
    return value if tidied == value else tidied


def _name(name: str, first: str, last: str, has_first_column: bool) -> str:
    """The full name from a name column and/or first and last names.

    A ``name`` column beside a last-name column but no first-name column holds the first
    name (as in ``name,lastName``).

    >>> _name("Steven", "", "King", False), _name("", "Nancy", "Davolio", True)
    ('Steven King', 'Nancy Davolio')
    >>> _name("Steven King", "", "King", False)
    'Steven King'
    """
    if not first and not last:  # the usual export: one name column
        return _text(name)
    name, first, last = _text(name), _text(first), _text(last)
    if name:
        if last and not has_first_column and not name.endswith(last):
            return f"{name} {last}"
        return name
    return " ".join(part for part in (first, last) if part)


def _department_ids(names: Iterable[str | None]) -> dict[str, str]:
    """{department name: id}: a slug of the name, unique, in first-seen order."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for name in dict.fromkeys(names):
        if name:
            ids[name] = slug(name, taken, empty="department")
    return ids


def _spanning(records: list[Record]) -> Iterator[Record]:
    """The records that start on another line than their row's number (a record above spans
    lines, or the header is not the first line)."""
    return compress(records, map(ne, map(attrgetter("line"), records),
                                 map(attrgetter("row"), records)))
