"""Presets for export formats with rules of their own: the UK government organogram.

``uk-organogram`` reads the senior-staff file (one row per post) and, optionally, the
junior-staff file (staff counted in FTE under a senior post), as published on data.gov.uk
(column definitions: ``data/orgs/schemas/organogram-*-staff-csv-schema.json``):

- posts are keyed by ``Post Unique Reference`` and report to ``Reports to Senior Post``;
  the top post reports to ``XX``;
- a name ``N/D`` (not disclosed) is drawn as "Not disclosed", an empty name as the title with
  "name not published" (never the post reference); ``Vacant``/``Vacancy`` in any
  spelling (stray quotes from Excel included) is a vacant post;
- an ``Eliminated`` post no longer exists: it is not drawn unless posts or staff still report
  to it (then it is drawn as a vacant post), and a post listed both live and as eliminated is
  drawn once, from its live row;
- a repeated post reference with the same manager is a job share: one card, several names;
- post ``0`` is a person not in a post (e.g. on long-term leave): each such row is its own card;
- every junior-staff row is a group card (``Person.fte``) under its senior post, titled with
  its generic job title, its grade kept as its grade;
- an id held by two different posts (say an SCS1 director and the SCS4 Permanent Secretary)
  means the post that gives a tree: the grades rank the posts (``SCS4`` above ``SCS1``);
- a file holding senior and junior rows (a ``Senior/Junior`` column) is read as the senior
  file plus its junior file.

>>> get_preset("uk-organogram").name
'uk-organogram'
>>> clean_text("'Vacant'"), clean_text("Vacant'"), clean_text("Sinead O'Sullivan")
('Vacant', 'Vacant', "Sinead O'Sullivan")
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ladder.errors import Problem, SourceError, did_you_mean, summarised
from ladder.sources.hr.columns import detect_columns, normal
from ladder.sources.hr.problems import JUNIOR_LABEL, NULL_MANAGERS, Entry, RowColumns
from ladder.sources.hr.read import ExportTable

SENIOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("postuniquereference", "postreference", "postref"),
    "manager": ("reportstoseniorpost", "reportsto"),
    "name": ("name",),
    "title": ("jobtitle", "title"),
    "grade": ("gradeorequivalent", "grade"),
    "department": ("unit",),
    "fte": ("fte",),
    "organisation": ("organisation", "organization"),
}
JUNIOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "manager": ("reportingseniorpost", "reportstoseniorpost"),
    "title": ("genericjobtitle", "jobtitle"),
    "grade": ("grade", "gradeorequivalent"),
    "fte": ("numberofpostsinfte", "fte"),
    "department": ("unit",),
}


@dataclass
class PresetResult:
    entries: list[Entry]
    problems: list[Problem] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # field -> header (senior file)
    org_name: str | None = None
    null_managers: frozenset[str] = NULL_MANAGERS
    rows: RowColumns | None = None  # instead of entries: clean rows, as columns


@dataclass(frozen=True)
class Preset:
    name: str
    summary: str
    matches: Callable[[list[str]], bool]  # do these headers look like this format?
    build: Callable[[ExportTable, ExportTable | None, Mapping[str, str] | None], PresetResult]
    takes_junior: bool = False
    junior_matches: Callable[[list[str]], bool] | None = None
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # main file's fields

    def key_columns(self, headers: list[str], mapping: Mapping[str, str] | None
                    ) -> dict[str, int]:
        """{field: column} of the main file (``id``, ``manager``, ``name``...), told from the
        headers alone; raises SourceError when the id column cannot be told."""
        return detect_columns(headers, file="", mapping=mapping, candidates=self.columns,
                              required=("id",))


def clean_text(text: str) -> str:
    """Text without stray spaces and the stray quotes Excel and hand edits leave behind.

    >>> clean_text("  'Head of HR, Policy'  "), clean_text("Director 'X'")
    ('Head of HR, Policy', "Director 'X'")
    """
    text = " ".join(text.split())
    if text[:1] in ("'", '"'):
        text = text[1:]
    if text[-1:] in ("'", '"') and text.count(text[-1]) % 2 == 1:
        text = text[:-1]
    return text.strip()


def status_of(name: str) -> str | None:
    """'vacant', 'eliminated', 'not-disclosed' or None for a real name.

    >>> [status_of(n) for n in ["'Vacant'", "Vacancy", "Eliminated'", "N/D", "Ann Lee"]]
    ['vacant', 'vacant', 'eliminated', 'not-disclosed', None]
    """
    token = re.sub(r"[^a-z/]", "", name.casefold())
    if token.startswith("vacan"):
        return "vacant"
    if token.startswith("eliminat"):
        return "eliminated"
    if token in ("n/d", "nd", "notdisclosed", "withheld"):
        return "not-disclosed"
    return None


def grade_rank(grade: str) -> int:
    """How senior a UK civil service grade is (0: not a senior civil service grade).

    >>> [grade_rank(g) for g in ("SCS4", "SCS 1A", "scs1", "Permanent Secretary", "EO")]
    [40, 15, 10, 50, 0]
    """
    text = grade.casefold()
    if "permanent secretary" in text:
        return 50
    found = re.search(r"scs\s*(?:pb\s*)?(\d)\s*(a?)", text)
    if not found:
        return 0
    return 10 * int(found.group(1)) + (5 if found.group(2) else 0)


def _unit(text: str) -> str | None:
    """The unit name; None when blank or written as N/A or N/D (no unit)."""
    text = clean_text(text)
    return None if text.casefold() in ("", "n/a", "na", "n/d", "nd", "-") else text


def _has(headers: list[str], *wanted: str) -> bool:
    normals = {normal(h) for h in headers}
    return all(w in normals for w in wanted)


def _senior_matches(headers: list[str]) -> bool:
    return _has(headers, "postuniquereference", "reportstoseniorpost")


def _junior_matches(headers: list[str]) -> bool:
    return _has(headers, "reportingseniorpost") or _has(headers, "numberofpostsinfte")


def _value(values: list[str], index: int | None) -> str:
    return values[index] if index is not None and index < len(values) else ""


def _build_uk(senior: ExportTable, junior: ExportTable | None,
              mapping: Mapping[str, str] | None) -> PresetResult:
    if _junior_matches(senior.headers) and not _senior_matches(senior.headers):
        raise SourceError("this is a junior-staff file, not the senior one", file=senior.file,
                          hint="give the senior file first and this one with --junior")
    try:
        columns = detect_columns(
            senior.headers, file=senior.file, mapping=mapping, candidates=SENIOR_COLUMNS,
            required=("id", "manager"), line=senior.header_row,
        )
    except SourceError as error:
        if mapping:
            raise
        shown = summarised([f"'{h}'" for h in senior.headers if h])
        raise SourceError(
            "not a UK organogram senior-staff file: no 'Post Unique Reference' and "
            "'Reports to Senior Post' columns", file=senior.file, line=senior.header_row,
            hint=f"headers seen: {shown}; without --preset the columns are detected as in "
            "any export") from error
    result = PresetResult([], null_managers=NULL_MANAGERS | {"xx"})
    result.columns = {f: senior.headers[i] for f, i in columns.items()}
    organisations: Counter[str] = Counter()
    for record in senior.records:
        values = record.values
        post = _value(values, columns.get("id"))
        raw_name = clean_text(_value(values, columns.get("name")))
        status = status_of(raw_name)
        grade = clean_text(_value(values, columns.get("grade")))
        fte = clean_text(_value(values, columns.get("fte")))
        organisation = clean_text(_value(values, columns.get("organisation")))
        if organisation:
            organisations[organisation] += 1
        extra = [("grade", grade)] if grade else []
        if fte and fte not in ("1", "1.0", "1.00"):
            extra.append(("post_fte", fte))
        entry = Entry(
            file=senior.file, row=record.row, line=record.line, id=post,
            manager=_value(values, columns.get("manager")),
            name={"vacant": "Vacant", "eliminated": "Eliminated",
                  "not-disclosed": "Not disclosed"}.get(status or "", raw_name),
            title=clean_text(_value(values, columns.get("title"))),
            department=_unit(_value(values, columns.get("department"))),
            vacant=status in ("vacant", "eliminated"),
            extra=tuple(extra), share=True, values=tuple(values), seniority=grade_rank(grade),
        )
        if status == "eliminated":
            entry.optional, entry.optional_note = "eliminated-post", "eliminated"
        if post.strip() == "0":
            entry.referable, entry.person_id = False, f"0~{record.row}"
            entry.title = entry.title or "Not in post"  # what post 0 means, not its id
            result.problems.append(Problem(
                "info", "not-in-post", "post 0 (paid but not in a post, e.g. on leave): drawn "
                f"as '0~{record.row}' under '{entry.manager}'",
                senior.file, record.row, post))
        if not raw_name and status is None:
            # the name stays empty: a post reference (or a made-up id) is no one's name; the
            # charts name the post by its title, "name not published"
            result.problems.append(Problem(
                "warning", "missing-name", f"post '{post}' has no name (the format asks for a "
                "name, N/D, Vacant or Eliminated): drawn by its title, name not published",
                senior.file, record.row, post))
        result.entries.append(entry)
    result.org_name = organisations.most_common(1)[0][0] if organisations else None
    if junior is not None:
        _add_junior(junior, result, one_file=junior.part == "junior")
    return result


def _add_junior(junior: ExportTable, result: PresetResult, *, one_file: bool = False) -> None:
    """Junior-staff rows as group cards; ``one_file``: they came from the senior file (a
    ``Senior/Junior`` column), whose headers are the senior ones."""
    if _senior_matches(junior.headers) and not one_file:
        raise SourceError("this is a senior-staff file, not the junior one", file=junior.file,
                          hint="give the junior-staff file (Reporting Senior Post, Number of "
                          "Posts in FTE) with --junior")
    columns = detect_columns(junior.headers, file=junior.file, candidates=JUNIOR_COLUMNS,
                             required=("manager", "fte"), line=junior.header_row)
    for record in junior.records:
        values = record.values
        title = clean_text(_value(values, columns.get("title")))
        grade = clean_text(_value(values, columns.get("grade")))
        written = clean_text(_value(values, columns.get("fte")))
        vacant = status_of(title) == "vacant"
        entry = Entry(
            file=junior.file, row=record.row, line=record.line, id=f"junior~{record.row}",
            person_id=f"junior~{record.row}",
            manager=_value(values, columns.get("manager")),
            name="Vacant" if vacant else (title or "Junior staff"),
            title="" if vacant else title, vacant=vacant,
            extra=(("grade", grade),) if grade else (),
            department=_unit(_value(values, columns.get("department"))),
            referable=False, values=tuple(values), label=JUNIOR_LABEL,
        )
        try:
            fte = float(written)
        except ValueError:
            fte = None
        if fte is None or fte <= 0 or fte != fte:  # fte != fte: NaN
            result.problems.append(Problem(
                "warning", "bad-fte", f"{JUNIOR_LABEL}FTE '{written}' is not a number above 0: "
                "drawn as a card without a count", junior.file, record.row, entry.id,
                "write the full-time equivalent, e.g. 2.5"))
        else:
            entry.fte = fte
        result.entries.append(entry)


PRESETS: dict[str, Preset] = {
    "uk-organogram": Preset(
        name="uk-organogram",
        summary="UK government organogram: senior posts file, and --junior staff file",
        matches=_senior_matches,
        build=_build_uk,
        takes_junior=True,
        junior_matches=_junior_matches,
        columns=SENIOR_COLUMNS,
    ),
}


def get_preset(name: str) -> Preset:
    """The preset called ``name``; a SourceError naming the choices otherwise."""
    key = name.strip().lower()
    if key in PRESETS:
        return PRESETS[key]
    raise SourceError(f"unknown preset '{name}'",
                      hint=did_you_mean(name, PRESETS) or f"presets: {', '.join(PRESETS)}")


def detect_preset(headers: list[str]) -> Preset | None:
    """The preset whose format these headers are, if any (its main file or its junior one:
    the preset then says which file goes where)."""
    for preset in PRESETS.values():
        if preset.matches(headers) or (preset.junior_matches and preset.junior_matches(headers)):
            return preset
    return None
