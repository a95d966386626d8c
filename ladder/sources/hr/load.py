"""Load an HR export into an :class:`~ladder.model.org.Org` and an account of every row.

Every input row ends up drawn on a card, or named in a problem, or both (see
:mod:`ladder.sources.hr.problems` for what is drawn for each kind of problem).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from ladder.errors import Problem, SourceError, did_you_mean
from ladder.model.org import Department, Org
from ladder.sources.hr.columns import check_mapping, detect_columns, parse_mapping
from ladder.sources.hr.presets import PresetResult, detect_preset, get_preset
from ladder.sources.hr.problems import FIXES, Entry, resolve, summary_line
from ladder.sources.hr.read import SUFFIXES, Table, read_table

EXPORT_SUFFIXES = (*SUFFIXES, ".xls")  # .xls is ours too, to say how to convert it


@dataclass
class ImportResult:
    """The org drawn from an export, and the account of its rows."""

    org: Org
    problems: list[Problem]
    rows: int  # data rows read, all files together
    drawn: int  # rows shown on a card (a job share shows two rows on one card)
    files: tuple[str, ...] = ()
    columns: dict[str, str] = field(default_factory=dict)  # field -> header it was read from
    preset: str | None = None
    undrawn: list[tuple[str, int]] = field(default_factory=list)  # (file, row) not on a card

    def report(self) -> dict:
        """``{"rows": N, "drawn": N, "problems": [{"row", "id", "kind", "message"}]}``."""
        return {
            "rows": self.rows,
            "drawn": self.drawn,
            "problems": [
                {"row": p.line, "id": p.id or "", "kind": p.kind, "message": p.message}
                for p in self.problems
            ],
        }

    def summary(self) -> str:
        """One line: ``128 rows: 128 drawn, 8 problems (8 case-only manager matches: ...)``."""
        return summary_line(self.rows, self.drawn, self.problems)


def is_export(path: str | Path) -> bool:
    """Is this file an HR export (by its suffix)?

    >>> is_export("people.csv"), is_export("org.XLSX"), is_export("acme.yaml")
    (True, True, False)
    """
    return Path(path).suffix.lower() in EXPORT_SUFFIXES


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
) -> ImportResult:
    """Read an HR export (CSV, TSV, TXT or XLSX) into an org and the account of its rows.

    ``preset``: a format with rules of its own (``uk-organogram``; detected from the headers
    when not given); ``junior``: the junior-staff file of a UK organogram; ``mapping``:
    {field: column} or ``id=COL,manager=COL`` to override header detection; ``fix``:
    ``case``/``space`` to link managers that match only when case/spaces are ignored.
    """
    path = Path(path)
    fixes = parse_fix(fix)
    if isinstance(mapping, str):
        mapping = parse_mapping(mapping)
    elif mapping is not None:
        mapping = check_mapping(mapping)
    chosen = get_preset(preset) if preset else None
    senior_filter = chosen.matches if chosen else None
    table = read_table(path, want_sheet=senior_filter, text=text)
    if chosen is None:
        chosen = detect_preset(table.headers)
    if junior is not None and (chosen is None or not chosen.takes_junior):
        raise SourceError("--junior is for the junior-staff file of a UK organogram",
                          file=str(junior), hint="use it with --preset uk-organogram")
    if chosen is not None:
        junior_table = None
        if junior is not None:
            junior_table = read_table(junior, want_sheet=chosen.junior_matches)
        built = chosen.build(table, junior_table, mapping)
        tables = [table] + ([junior_table] if junior_table else [])
    else:
        built = generic_entries(table, mapping)
        tables = [table]

    departments = _department_ids(built.entries)
    resolution = resolve(built.entries, fixes=fixes, null_managers=built.null_managers,
                         problems=built.problems, departments=departments)
    every_row = [(t.file, r.row) for t in tables for r in t.records]
    if not resolution.people:  # e.g. every post eliminated: a chart of nothing helps nobody
        raise SourceError(
            f"nothing to draw: {summary_line(len(every_row), 0, resolution.problems)}",
            file=str(path), problems=resolution.problems,
            hint="the problems say why each row is left out")
    used = {p.department for p in resolution.people if p.department}
    org = Org.build(
        built.org_name or path.stem,
        resolution.people,
        [Department(d_id, name) for name, d_id in departments.items() if d_id in used],
        source=str(path),
    )
    return ImportResult(
        org=org, problems=resolution.problems, rows=len(every_row),
        drawn=len(resolution.drawn), files=tuple(t.file for t in tables),
        columns=built.columns, preset=chosen.name if chosen else None,
        undrawn=[row for row in every_row if row not in resolution.drawn],
    )


def write_report(result: ImportResult, path: str | Path) -> None:
    """Write ``result.report()`` as JSON (for ``--report problems.json``)."""
    text = json.dumps(result.report(), indent=2, ensure_ascii=False) + "\n"
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as error:
        raise SourceError(f"cannot write the report: {error.strerror}", file=str(path)) from None


# -- generic exports -------------------------------------------------------------------------


def generic_entries(table: Table, mapping: Mapping[str, str] | None) -> PresetResult:
    """Entries of an export with an id and a manager column (or employee/manager emails)."""
    columns = detect_columns(table.headers, file=table.file, mapping=mapping,
                             line=table.header_row,
                             samples=[r.values for r in table.records[:500]])
    by_email = _keys_by_email(table, columns)
    result = PresetResult([])
    result.columns = {f: table.headers[i] for f, i in columns.items()}
    has_names = any(f in columns for f in ("name", "first_name", "last_name"))
    width = len(table.headers)

    # One itemgetter per export instead of a lookup per field and row (exports can be huge);
    # a field the export lacks reads the blank cell padded onto the end of every row.
    wanted = ("id", "manager", "email", "manager_email", "name", "first_name", "last_name",
              "title", "department", "location", "grade")
    pick = itemgetter(*(columns.get(f, -1) for f in wanted))
    has_first = "first_name" in columns
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
        entry = Entry(
            file=table.file, row=record.row, id=row_id, manager=manager, name=name,
            title=_text(title) if title else "",
            department=(_text(department) or None) if department else None,
            location=(_text(location) or None) if location else None, extra=extra, key=key,
            values=tuple(values),
        )
        if not name:
            entry.name = email or row_id.strip() or f"row {record.row}"
            if has_names:
                result.problems.append(Problem(
                    "warning", "missing-name", f"row {record.row} has no name: drawn named "
                    f"'{entry.name}'", table.file, record.row, row_id, "fill in the name"))
        spilled = [v for v in values[width:] if v.strip()] if len(values) > width else None
        if spilled:
            shown = ", ".join(f"'{_text(v)[:30]}'" for v in spilled[:3])
            result.problems.append(Problem(
                "warning", "extra-fields", f"row {record.row} has {len(values)} fields but "
                f"the header names {width}: {shown} not read", table.file, record.row, row_id,
                "a field holding the delimiter probably lacks its quotes"))
        result.entries.append(entry)
    return result


def _keys_by_email(table: Table, columns: dict[str, int]) -> bool:
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
    return " ".join(value.split())


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


def _department_ids(entries: list[Entry]) -> dict[str, str]:
    """{department name: id}: a slug of the name, unique, in first-seen order."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for entry in entries:
        name = entry.department
        if not name or name in ids:
            continue
        base = re.sub(r"[^0-9a-z]+", "-", name.casefold()).strip("-") or "department"
        candidate, number = base, 2
        while candidate in taken:
            candidate = f"{base}-{number}"
            number += 1
        taken.add(candidate)
        ids[name] = candidate
    return ids
