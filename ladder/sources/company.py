"""Load a company config (YAML, TOML or JSON) into an :class:`~ladder.model.org.Org`.

Every mistake is collected with its file and line, so ``ladder validate`` can print them all
and a user fixes the file in one pass; :func:`load_company` raises the first error.

>>> from ladder.sources.document import parse_document
>>> text = '''
... company: Tiny
... people:
...   - {id: ana, name: Ana Lopez, role: VP of Product}
...   - {id: lee, name: Lee Park, role: pm, manager: ana}
... '''
>>> org, problems = check_company_data(parse_document(text, "tiny.yaml"), "tiny.yaml")
>>> [(p.id, p.role, p.title) for p in org][0]
('ana', 'chief-product-officer', 'Chief Product Officer')
>>> org.people["lee"].role, org.people["lee"].manager
('product-manager', 'ana')
>>> text = text.replace("manager: ana", "manager: anna")
>>> org, problems = check_company_data(parse_document(text, "tiny.yaml"), "tiny.yaml")
>>> org is None, str(problems[0])
(True, "error: tiny.yaml:5: person 'lee': manager 'anna' does not exist (did you mean 'ana'?)")

Rules that are ours, not the agreed format's (the JSON Schema in :mod:`ladder.sources.schema`
documents them for editors):

- ``role:`` links a person to the ladder and must name one of its roles, as the one title
  matcher reads names (:mod:`ladder.model.titles`: id, title or alias, ignoring case,
  punctuation and abbreviations). In a variant, a role the variant drops becomes the kept role
  standing in for it, with a warning. ``title:`` alone is free text (a CEO, an engineer, a
  recruiter) and is not matched, so departments outside the ladder's discipline need no
  ladder of their own.
- ``variant:`` is a variant id, or ``{id: startup, head: chief-product-officer}`` to pick the
  single product head a startup variant keeps.
- Ids and manager references must be text: YAML reads ``007`` as the number 7 and ``yes`` as
  true, so a bare number is refused with a hint to quote it.
- ``departments:`` may be left out; then any department a person names is taken as given
  (its id is its name). When it is present, a person's department must be one of its ids or
  names.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ladder.errors import SHOWN, LadderError, Problem, SourceError, did_you_mean, summarised
from ladder.escape import is_colour
from ladder.model.ladder import Ladder
from ladder.model.org import Department, Org, Person, reporting_cycles
from ladder.model.titles import TitleMatcher
from ladder.model.variants import find_variant, project
from ladder.sources.checker import DocumentChecker, kind_of
from ladder.sources.document import line_of, read_document
from ladder.sources.ladder_set import load_any_ladder
from ladder.sources.ladders import DEFAULT_LADDER
from ladder.sources.schema import document_keys
from ladder.text import plural

# The keys of each part of a config, from its schema (the one description of the format).
_KEYS = document_keys("company")
TOP_KEYS, DEPARTMENT_KEYS, VARIANT_KEYS, PERSON_KEYS = (
    _KEYS[""], _KEYS["departments"], _KEYS["variant"], _KEYS["people"])


def load_company(path: str | Path, *,
                 on_warning: Callable[[Problem], None] | None = None) -> Org:
    """The org of a company config; raises :class:`SourceError` for the first error, carrying
    every problem (errors, then warnings and information), when the config has any error.
    Warnings alone do not stop it: ``on_warning`` receives each of them."""
    org, problems = check_company(path)
    errors = [p for p in problems if p.severity == "error"]
    if errors or org is None:
        first = errors[0]
        raise SourceError(first.message, file=first.file, line=first.line, hint=first.hint,
                          problems=problems)
    if on_warning:
        for problem in problems:
            if problem.severity == "warning":
                on_warning(problem)
    return org


def check_company(path: str | Path) -> tuple[Org | None, list[Problem]]:
    """Every problem of a company config, errors first in line order, then information.

    The org is None when any problem is an error.
    """
    path = Path(path)
    try:
        data = read_document(path)
    except SourceError as error:
        return None, [_as_problem(error)]
    return check_company_data(data, str(path), folder=path.parent)


def check_company_data(
    data: Any, file: str, *, folder: Path | None = None
) -> tuple[Org | None, list[Problem]]:
    """Like :func:`check_company` on already parsed data; ``folder`` resolves a ladder path."""
    checker = _Checker(file, folder if folder is not None else Path("."))
    org = checker.company(data)
    problems = _ordered(checker.problems, file)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return org, problems


def company_ladder(org: Org) -> Ladder | None:
    """The (projected) ladder an org's roles refer to, for renderers that place people by
    level; None when no person has a role.

    The org keeps the variant's id only, so the head a variant lets one choose is found again
    as the one head choice the org's people hold.
    """
    if not any(p.role for p in org):
        return None
    folder = Path(org.source).parent if org.source else None
    ladder = load_any_ladder(org.ladder, relative_to=folder)
    if not org.variant:
        return ladder
    spec = find_variant(ladder, org.variant)
    held = [r for r in spec.head_choices if any(p.role == r for p in org)]
    return project(ladder, org.variant, head=held[0] if len(held) == 1 else None)


def _normal(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _as_problem(error: LadderError, kind: str = "unreadable") -> Problem:
    return Problem("error", kind, error.message, error.file, error.line, hint=error.hint)


def _ordered(problems: list[Problem], file: str) -> list[Problem]:
    """Errors and warnings by line (this file's first), then information."""
    rank = {"error": 0, "warning": 0, "info": 1}
    return sorted(problems, key=lambda p: (rank.get(p.severity, 0), p.file != file,
                                           p.line or 0))


@dataclass
class _Entry:
    """A person as read, before the cross-checks between people."""

    fields: dict[str, Any]
    item: Mapping[str, Any]
    line: int | None
    manager: str | None = None
    dotted: list[str] = field(default_factory=list)


class _Checker(DocumentChecker):
    """Walks the config once, collecting problems instead of stopping at the first."""

    def __init__(self, file: str, folder: Path) -> None:
        super().__init__(file)
        self.folder = folder
        self.full_ladder: Ladder | None = None  # before any variant's projection
        self.matcher: TitleMatcher | None = None  # names of the (projected) ladder's roles

    # -- values -------------------------------------------------------------------------

    def text(self, mapping: Mapping[str, Any], key: str, where: str, *,
             reference: bool = False) -> str:
        """A text value ('' when absent or wrong); ``reference``: an id that must be quoted
        when YAML would read it as a number or a boolean."""
        value = mapping.get(key)
        if value is None:
            return ""
        if isinstance(value, str):
            return value.strip()
        line = line_of(mapping, key)
        if isinstance(value, bool | int | float):
            # YAML turned the user's text into something else: tell them how to keep it text.
            shown = f" {value!r}" if reference else ""
            self.error("bad-type", f"{where}: '{key}' must be text, not {kind_of(value)}{shown}",
                       line, f"put it in quotes: {key}: \"{value}\"")
        else:
            self.error("bad-type", f"{where}: '{key}' must be text, not {kind_of(value)}", line)
        return ""

    def flag(self, mapping: Mapping[str, Any], key: str, where: str) -> bool:
        value = mapping.get(key)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        self.error("bad-type", f"{where}: '{key}' must be true or false, not {value!r}",
                   line_of(mapping, key), f"write {key}: true or {key}: false, without quotes")
        return False

    # -- the document -------------------------------------------------------------------

    def company(self, data: Any) -> Org | None:
        if not isinstance(data, dict):
            self.error("bad-type", "a company config must be a mapping with 'company' and "
                       f"'people', not {kind_of(data)}", line_of(data))
            return None
        self.unknown_keys(data, TOP_KEYS, "config")
        name = self.text(data, "company", "config") or Path(self.file).stem
        departments = self.departments(data)
        ladder_name, variant, ladder = self.ladder(data)
        if "people" not in data:
            self.error("missing-key", "'people' is missing", line_of(data),
                       "list the people under 'people:'")
        elif data["people"] is None or (isinstance(data["people"], list) and not data["people"]):
            self.error("missing-key", "'people' is empty", line_of(data, "people"),
                       "list at least one person")
        if ladder is not None:
            self.matcher = TitleMatcher(ladder, full=self.full_ladder)
        people = self.people(data, departments, ladder)
        if any(p.severity == "error" for p in self.problems):
            return None
        return Org.build(name, people, list(departments.values()), ladder=ladder_name,
                         variant=variant, source=self.file)

    def departments(self, data: Mapping[str, Any]) -> dict[str, Department]:
        found: dict[str, Department] = {}
        lines: dict[str, int | None] = {}
        for item, line in self.entries(data, "departments"):
            department_id = self.text(item, "id", "department", reference=True)
            where = f"department '{department_id}'" if department_id else "department"
            self.unknown_keys(item, DEPARTMENT_KEYS, where)
            if not department_id:
                if "id" not in item:
                    self.error("missing-key", "department: 'id' is missing", line,
                               "give it a short id, e.g. id: product")
                continue
            repeated = department_id in found
            if repeated:  # an error; its colour and name are still checked, as for people
                self.error("duplicate-id", f"department '{department_id}' is defined twice",
                           line, f"first defined on line {lines[department_id]}")
            colour_key = "colour" if "colour" in item else "color"
            colour = self.text(item, colour_key, where) or None
            if colour and not is_colour(colour):
                self.error("bad-value", f"{where}: colour '{colour}' is not a colour",
                           line_of(item, colour_key), 'write it as "#rrggbb", e.g. "#4c78a8"')
                colour = None
            if repeated:
                self.text(item, "name", where)
                continue
            lines[department_id] = line
            found[department_id] = Department(
                department_id, self.text(item, "name", where) or department_id, colour)
        return found

    def ladder(self, data: Mapping[str, Any]) -> tuple[str, str | None, Ladder | None]:
        """The ladder name, the variant id, and the projected ladder (None if unusable)."""
        ladder_name = self.text(data, "ladder", "config") or DEFAULT_LADDER
        variant_id, head = self.variant_spec(data)
        try:
            full = load_any_ladder(ladder_name, relative_to=self.folder)
        except LadderError as error:
            line = line_of(data, "ladder") if "ladder" in data else line_of(data)
            if error.problems:  # the ladder file has mistakes: point at them where they are
                count = len(error.problems)
                self.error("bad-ladder", f"ladder '{ladder_name}' has {plural(count, 'mistake')}",
                           line, f"see {error.file}")
                self.problems.extend(error.problems)
            else:
                self.error("unknown-ladder", error.message, line, error.hint)
            return ladder_name, variant_id, None
        self.full_ladder = full
        if not variant_id:
            if head:
                self.error("bad-value", "variant: 'head' needs a variant 'id'",
                           line_of(data, "variant"))
            return ladder_name, None, full
        try:
            return ladder_name, variant_id, project(full, variant_id, head=head or None)
        except LadderError as error:
            self.error("unknown-variant", error.message, line_of(data, "variant"), error.hint)
            return ladder_name, variant_id, None

    def variant_spec(self, data: Mapping[str, Any]) -> tuple[str, str]:
        value = data.get("variant")
        if isinstance(value, dict):
            self.unknown_keys(value, VARIANT_KEYS, "variant")
            variant_id = self.text(value, "id", "variant")
            head = self.text(value, "head", "variant")
            if not variant_id:
                self.error("missing-key", "variant: 'id' is missing", line_of(data, "variant"),
                           "e.g. variant: {id: startup, head: chief-product-officer}")
            return variant_id, head
        return self.text(data, "variant", "config", reference=True), ""

    # -- people -------------------------------------------------------------------------

    def people(self, data: Mapping[str, Any], departments: dict[str, Department],
               ladder: Ladder | None) -> list[Person]:
        entries: dict[str, _Entry] = {}
        repeated: list[_Entry] = []  # a second person with a used id: checked, not drawn
        for item, line in self.entries(data, "people"):
            entry = self.person(item, line, departments, ladder, entries)
            if entry is None:
                continue
            if entry.fields["id"] in entries:
                repeated.append(entry)
            else:
                entries[entry.fields["id"]] = entry
        # Taken before the checks, which cut bad manager links: those are errors, not roots.
        roots = [pid for pid, e in entries.items() if e.manager is None]
        self.check_managers(entries)
        self.check_dotted(entries)
        # the repeated rows' own mistakes are shown too, or fixing the id reveals new ones
        self.check_managers(entries, repeated)
        self.check_dotted(entries, repeated)
        self.check_cycles(entries)
        if len(roots) > 1:
            first = entries[roots[0]].line
            self.add("info", "several-roots", f"{len(roots)} people are at the top, drawn side "
                     f"by side: {summarised(roots)}", first,
                     items=tuple(roots) if len(roots) > SHOWN else ())
        return [Person(**e.fields, manager=e.manager, dotted=tuple(e.dotted),
                       line=e.line) for e in entries.values()]

    def person(self, item: Mapping[str, Any], line: int | None, departments: dict[str, Department],
               ladder: Ladder | None, seen: dict[str, _Entry]) -> _Entry | None:
        person_id = self.text(item, "id", f"person on line {line}", reference=True)
        where = f"person '{person_id}'" if person_id else f"person on line {line}"
        if not person_id:
            if "id" not in item:
                self.error("missing-key", f"{where}: 'id' is missing", line,
                           "give every person a short, stable id, e.g. id: omar")
            elif isinstance(item["id"], str) or item["id"] is None:  # other types: text() said
                self.error("missing-key", f"{where}: 'id' is empty", line_of(item, "id") or line,
                           "give every person a short, stable id, e.g. id: omar")
            return None
        if person_id in seen:  # an error; the row is still read, so that its mistakes show
            self.error("duplicate-id", f"person id '{person_id}' is used twice", line,
                       f"first used on line {seen[person_id].line}; ids must be unique",
                       person_id)
        vacant = self.flag(item, "vacant", where)
        assistant = self.flag(item, "assistant", where)
        name, shared = self.names(item, where, person_id, vacant=vacant)
        role_id, role_title = self.role(item, where, person_id, ladder)
        title = self.text(item, "title", where) or role_title
        if title and role_id is None and "role" not in item and self.matcher is not None:
            same = self.matcher.match(title)
            if same is not None:  # likely meant to be on the ladder: say how, change nothing
                self.add("info", "title-not-linked", f"{where}: title '{title}' is not linked "
                         "to the ladder", line_of(item, "title"),
                         f"add role: {same} to place it on the ladder", person_id)
        if vacant and not title:
            self.add("warning", "no-title", f"{where}: an open position with no role or title",
                     line, "say what the position is: role: ... or title: ...", person_id)
        department = self.department(item, where, person_id, departments)
        entry = _Entry(
            fields=dict(
                id=person_id, name=name, title=title, role=role_id, department=department,
                location=self.text(item, "location", where) or None, vacant=vacant,
                assistant=assistant, shared_with=shared, fte=self.fte(item, where),
                extra=self.extra(item, where, person_id),
                note=self.text(item, "note", where),
            ),
            item=item, line=line,
            manager=self.text(item, "manager", where, reference=True) or None,
            dotted=self.dotted(item, where),
        )
        return entry

    def names(self, item: Mapping[str, Any], where: str, person_id: str, *,
              vacant: bool) -> tuple[str, tuple[str, ...]]:
        """The name, and the further names of a job share (``names: [a, b]``)."""
        if "name" in item and "names" in item:
            self.error("bad-value", f"{where}: give 'name' or 'names', not both",
                       line_of(item, "names"), "'names' is for a job share or co-heads",
                       person_id)
        value = item.get("names")
        if value is not None and "name" not in item:
            if not isinstance(value, list) or not value or not all(
                    isinstance(n, str) and n.strip() for n in value):
                self.error("bad-type", f"{where}: 'names' must be a list of names",
                           line_of(item, "names"), "e.g. names: [Ana Lopez, Ben Ito]",
                           person_id)
                return "", ()
            names = [n.strip() for n in value]
            return names[0], tuple(names[1:])
        name = self.text(item, "name", where)
        if not name and not vacant and "name" not in item and "names" not in item:
            self.error("missing-name", f"{where}: 'name' is missing", line_of(item),
                       "give a name, or mark an open position with vacant: true", person_id)
        elif not name and not vacant and isinstance(item.get("name"), str | None) \
                and not self.text(item, "title", where):
            # name: "" with a title is a post whose holder's name is not published (as an
            # import of an export writes it): drawn by its title, never given a made-up name
            self.error("missing-name", f"{where}: 'name' is empty", line_of(item, "name"),
                       "give a name, or mark an open position with vacant: true (a post "
                       "whose holder's name is not published keeps name: \"\" and a title)",
                       person_id)
        return name, ()

    def role(self, item: Mapping[str, Any], where: str, person_id: str,
             ladder: Ladder | None) -> tuple[str | None, str]:
        """The ladder role id and its title, from ``role:`` (any name the title matcher
        reads); a role the variant drops becomes its stand-in, with a warning."""
        wanted = self.text(item, "role", where)
        if not wanted or ladder is None or self.matcher is None:
            return None, ""
        line = line_of(item, "role")
        found = self.matcher.find(wanted)
        if found.role is not None:
            if found.note:
                self.add("warning", "role-not-in-variant", f"{where}: {found.note}", line,
                         f"write role: {found.role.id} to say so, or choose another variant",
                         person_id)
            return found.role.id, found.role.title
        if found.candidates:
            self.error("ambiguous-role", f"{where}: role '{wanted}' could be any of "
                       f"{', '.join(r.id for r in found.candidates)}", line,
                       "name one by its id or title: "
                       + ", ".join(f"{r.id} ({r.title})" for r in found.candidates), person_id)
        elif found.dropped is not None:
            self.error("unknown-role", f"{where}: role '{wanted}' is not used in the "
                       f"'{ladder.variant}' variant of the {ladder.id} ladder, and no role of it "
                       "stands in for it", line,
                       f"its roles: {', '.join(ladder.roles)}; or use title: without role:",
                       person_id)
        else:
            self.error("unknown-role", f"{where}: role '{wanted}' is not in the {ladder.id} "
                       "ladder", line, did_you_mean(wanted, self.matcher.suggestions())
                       or "for a title outside the ladder, write title: instead of role:",
                       person_id)
        return None, ""

    def department(self, item: Mapping[str, Any], where: str, person_id: str,
                   departments: dict[str, Department]) -> str | None:
        wanted = self.text(item, "department", where, reference=True)
        if not wanted:
            return None
        if not departments or wanted in departments:
            return wanted
        for department in departments.values():  # by name too, e.g. "R&D" for id rnd
            if _normal(department.name) == _normal(wanted) or (
                    _normal(department.id) == _normal(wanted)):
                return department.id
        # Names before ids: did_you_mean keeps the last of equal spellings, and ids are wanted.
        choices = [*(d.name for d in departments.values()), *departments]
        self.error("unknown-department", f"{where}: department '{wanted}' is not listed "
                   "under 'departments'", line_of(item, "department"),
                   did_you_mean(wanted, choices) or f"departments: {', '.join(departments)}",
                   person_id)
        return None

    def dotted(self, item: Mapping[str, Any], where: str) -> list[str]:
        value = item.get("dotted")
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error("bad-type", f"{where}: 'dotted' must be a list of person ids",
                       line_of(item, "dotted"),
                       "e.g. dotted: [sam]; quote ids that look like numbers")
            return []
        return [v.strip() for v in value if v.strip()]

    def fte(self, item: Mapping[str, Any], where: str) -> float | None:
        value = item.get("fte")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            self.error("bad-type", f"{where}: 'fte' must be a number above 0, not {value!r}",
                       line_of(item, "fte"), "the full-time equivalent staff this card stands "
                       "for, e.g. fte: 12.5")
            return None
        return float(value)

    def extra(self, item: Mapping[str, Any], where: str,
              person_id: str) -> tuple[tuple[str, str], ...]:
        """Other scalar keys, kept to show on the card; a near-miss of a known key warned."""
        found = []
        for key, value in item.items():
            if key in PERSON_KEYS:
                continue
            line = line_of(item, key)
            close = difflib.get_close_matches(key.lower(), PERSON_KEYS, n=1, cutoff=0.75)
            if isinstance(value, dict | list):
                self.error("unknown-key", f"{where}: unknown key '{key}' (extra keys must hold "
                           "one value)", line, f"did you mean '{close[0]}'?" if close else None,
                           person_id)
                continue
            if close:
                self.add("warning", "unknown-key", f"{where}: '{key}' is not a known key and is "
                         "kept as extra information", line, f"did you mean '{close[0]}'?",
                         person_id)
            if value is not None:
                shown = str(value).lower() if isinstance(value, bool) else str(value)
                found.append((key, shown))
        return tuple(found)

    # -- checks between people ----------------------------------------------------------

    def check_managers(self, entries: dict[str, _Entry],
                       people: Sequence[_Entry] | None = None) -> None:
        """Every manager is a person of ``entries`` (``people``: whose managers to check,
        by default all of ``entries``)."""
        for entry in entries.values() if people is None else people:
            person_id = entry.fields["id"]
            manager = entry.manager
            if manager is None:
                if entry.fields["assistant"]:
                    self.add("warning", "lone-assistant", f"person '{person_id}': an assistant "
                             "with no manager to sit beside", entry.line,
                             "give the assistant a manager", person_id)
                continue
            line = line_of(entry.item, "manager")
            if manager == person_id:
                self.error("self-report", f"person '{person_id}' reports to themselves", line,
                           "name someone else as manager, or manager: null for the top",
                           person_id)
                entry.manager = None
            elif manager not in entries:
                self.error("unknown-manager", f"person '{person_id}': manager '{manager}' does "
                           "not exist", line, did_you_mean(manager, entries), person_id)
                entry.manager = None

    def check_dotted(self, entries: dict[str, _Entry],
                     people: Sequence[_Entry] | None = None) -> None:
        for entry in entries.values() if people is None else people:
            person_id = entry.fields["id"]
            kept = []
            line = line_of(entry.item, "dotted")
            for other in entry.dotted:
                if other == person_id:
                    self.error("self-report", f"person '{person_id}' has a dotted line to "
                               "themselves", line, person=person_id)
                elif other not in entries:
                    self.error("unknown-dotted", f"person '{person_id}': dotted-line manager "
                               f"'{other}' does not exist", line,
                               did_you_mean(other, entries), person_id)
                elif other == entry.manager:
                    self.add("warning", "dotted-is-manager", f"person '{person_id}': '{other}' "
                             "is both the manager and a dotted-line manager", line,
                             "drop it from 'dotted'", person_id)
                elif other in kept:
                    self.add("warning", "duplicate-dotted", f"person '{person_id}': dotted "
                             f"line to '{other}' is given twice", line, person=person_id)
                else:
                    kept.append(other)
            entry.dotted = kept

    def check_cycles(self, entries: dict[str, _Entry]) -> None:
        """Every reporting cycle once, written from its earliest person in the file."""
        for cycle in reporting_cycles(entries, lambda pid: entries[pid].manager):
            first = entries[cycle[0]]
            size = f" of {len(cycle):,} people" if len(cycle) > SHOWN else ""
            self.error("cycle", f"reporting cycle{size}: "
                       f"{summarised(cycle, joiner=' -> ')} -> {cycle[0]}",
                       line_of(first.item, "manager"), "each reports to the next; one of "
                       "them needs a manager outside the circle, or manager: null", cycle[0],
                       items=tuple(cycle) if size else ())
