"""``ladder paths`` and ``ladder gap`` as a terminal table, Markdown or JSON data, and what
changes per area at each step: the writers of :class:`~ladder.analysis.paths.Path`,
:class:`~ladder.analysis.paths.Gap` and :class:`~ladder.analysis.expectations.AreaChange`.

Titles come from the ladder the question ran on; Markdown escapes every name and title with
:func:`~ladder.escape.markdown_cell`, and leaves ladder's own arrows and brackets as they are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ladder.analysis.expectations import (
    DROPPED,
    AreaChange,
    has_expectations,
    step_changes,
    to_gain,
)
from ladder.analysis.paths import Gap, Path, Step, gap_steps
from ladder.escape import markdown_cell
from ladder.model.ladder import Ladder, Role
from ladder.renderers.results.tables import listing_table
from ladder.text import plural, years_cell, years_phrase


def _areas_count(statements: int, areas: int, kind: str = "") -> str:
    """``5 statements in 2 areas``: what a per-area answer lists, counted."""
    return f"{plural(statements, kind + 'statement')} in {plural(areas, 'area')}"


def _by_area(paths: Sequence[Path]) -> bool:
    """Whether the steps are told per area: on a ladder whose roles list no competencies
    (an imported framework), what each step adds per area is its answer. A ladder that lists
    both (the built-in one) keeps its competencies in the table, and the areas below it."""
    steps = [step for path in paths for step in path.steps]
    return any(step.areas for step in steps) and not any(step.gained for step in steps)


def _path_head(path: Path, by_area: bool) -> str:
    """``3 years, 2 steps`` and, told per area, how many statements the steps add."""
    head = f"{years_phrase(path.typical_years)}, {plural(len(path.steps), 'step')}"
    if by_area:
        areas = {change.area.id for step in path.steps for change in step.areas}
        head += f", {_areas_count(sum(step.added for step in path.steps), len(areas), 'new ')}"
    return head


def _gained_cell(step: Step, by_area: bool) -> list[str]:
    """The competencies a step gains, or told per area each area it adds to and how much."""
    if by_area:
        return [f"{c.area.name} +{len(c.added)}" for c in step.areas]
    return list(step.gained)


class _Practice:
    """Which facts of an answer come from a practice source (the built-in ladder's common
    practice beside its article): a step's typical years and the competencies it gains. Tables
    mark them with ``*``, Markdown sets them in italics, JSON names each fact's source, and a
    line under the answer says what the mark means."""

    def __init__(self, ladder: Ladder) -> None:
        self.ladder = ladder
        self.used = False
        self._years = {(m.source, m.target): m.years_source for m in ladder.moves}
        # a competency's source where the step's target role does not list it
        self._listed = {c.name: c.source for role in ladder for c in role.competencies}

    def years_source(self, step: Step) -> str | None:
        return self._years.get((step.source, step.target))

    def gained_sources(self, step: Step) -> dict[str, str | None]:
        """Each competency the step gains and its source: the target role's, else any role's
        that lists it."""
        target = self.ladder.roles.get(step.target)
        own = {c.name: c.source for c in target.competencies} if target is not None else {}
        return {name: own.get(name, self._listed.get(name)) for name in step.gained}

    def data(self, step: Step, *, years: bool = True) -> dict[str, Any]:
        """The sources a step's facts name, for JSON: ``years_source`` and ``gained_sources``
        (each left out when no fact of it names one)."""
        data: dict[str, Any] = {}
        if years and self.years_source(step):
            data["years_source"] = self.years_source(step)
        named = {name: source for name, source in self.gained_sources(step).items() if source}
        if named:
            data["gained_sources"] = named
        return data

    def marked(self, text: str, source: str | None, mark: Callable[[str], str]) -> str:
        if not self.ladder.secondary(source):
            return text
        self.used = True
        return mark(text)

    def years(self, step: Step, text: str, mark: Callable[[str], str]) -> str:
        return self.marked(text, self.years_source(step), mark)

    def gained(self, step: Step, mark: Callable[[str], str]) -> list[str]:
        return [self.marked(name, source, mark)
                for name, source in self.gained_sources(step).items()]

    def legend(self, *, markdown: bool) -> list[str]:
        """The line that says what the mark means, when a fact was marked."""
        if not self.used:
            return []
        titles = "; ".join(s.title for s in self.ladder.sources.values() if s.practice)
        return [f"*Italics*: {markdown_cell(titles)}." if markdown else f"* {titles}"]


def _unmarked(text: str, source: str | None, mark: Callable[[str], str]) -> str:
    """:meth:`_Practice.marked` where no ladder's sources are known: the text as it is."""
    return text


def _star(text: str) -> str:
    return f"{text}*"


def _italic(text: str) -> str:
    return f"*{text}*" if text else text


def paths_data(start: str | Role, goal: str | Role, paths: Sequence[Path],
               ladder: Ladder | None = None) -> dict[str, Any]:
    """The JSON shape of issue 6: ``{"from", "to", "paths": [{"years", "steps": [...]}]}``;
    a range of years adds ``years_range``, a ladder with areas each step's ``areas``; with the
    ``ladder`` whose facts name their sources, ``years_source`` and ``gained_sources``."""
    practice = _Practice(ladder) if ladder is not None and ladder.sources else None

    def step_data(step: Step) -> dict[str, Any]:
        data: dict[str, Any] = {"from": step.source, "to": step.target, "kind": step.kind,
                                "years": step.years, "gained": list(step.gained)}
        if step.years_range:
            data["years_range"] = list(step.years_range)
        if practice is not None:
            data.update(practice.data(step))
        if step.areas:
            data["areas"] = changes_data(step.areas)
        return data

    def path_data(path: Path) -> dict[str, Any]:
        data: dict[str, Any] = {"years": path.years}
        if isinstance(path.typical_years, tuple):
            data["years_range"] = list(path.typical_years)
        data["steps"] = [step_data(step) for step in path.steps]
        return data

    return {
        "from": start.id if isinstance(start, Role) else start,
        "to": goal.id if isinstance(goal, Role) else goal,
        "paths": [path_data(path) for path in paths],
    }


def paths_json(start: str | Role, goal: str | Role, paths: Sequence[Path],
               ladder: Ladder | None = None) -> str:
    """:func:`paths_data` as indented JSON text, keys in a fixed order, ending in a newline."""
    return json.dumps(paths_data(start, goal, paths, ladder), indent=2,
                      ensure_ascii=False) + "\n"


def format_paths_table(ladder: Ladder, start: Role, goal: Role, paths: Sequence[Path], *,
                       width: int = 48, per_step: bool = False) -> str:
    """Paths as plain text for a terminal: one table per path, gains packed ``width`` wide;
    with ``per_step``, then what changes per area at each step of the quickest path.

    >>> from ladder.analysis.paths import find_paths, resolve_role
    >>> from ladder.sources.ladders import read_ladder
    >>> product = read_ladder()
    >>> pm, spm = resolve_role(product, "pm"), resolve_role(product, "senior pm")
    >>> print(format_paths_table(product, pm, spm, find_paths(product, pm, spm), width=30))
    Product Manager -> Senior Product Manager: 1 path
    <BLANKLINE>
    Path 1: 2.5 years, 1 step
      #  from             to                      kind       years  competencies gained
      1  Product Manager  Senior Product Manager  promotion  2.5*   product strategy for an area*,
                                                                    data analysis*,
                                                                    mentoring product managers*,
                                                                    stakeholder management*
    <BLANKLINE>
    * Common industry practice (not in the article)
    <BLANKLINE>
    """
    title = ladder.roles
    head = f"{start.title} -> {goal.title}: {plural(len(paths), 'path')}"
    if ladder.variant:
        head += f" ({ladder.variant} variant)"
    blocks = [head]
    by_area = _by_area(paths)
    header = "new statements per area" if by_area else "competencies gained"
    practice = _Practice(ladder)
    for number, path in enumerate(paths, start=1):
        rows = [((str(index), title[step.source].title, title[step.target].title, step.kind,
                  practice.years(step, years_cell(step.typical_years), _star)),
                 _gained_cell(step, by_area) if by_area else practice.gained(step, _star))
                for index, step in enumerate(path.steps, start=1)]
        table = listing_table(("#", "from", "to", "kind", "years", header), rows, columns=width)
        blocks.append(f"Path {number}: {_path_head(path, by_area)}\n{table}")
    if per_step and _has_steps(ladder, paths):
        blocks.append("\n".join(_steps_lines(ladder, paths[0].roles, practice)))
    blocks += practice.legend(markdown=False)
    return "\n\n".join(blocks) + "\n"


def _has_steps(ladder: Ladder, paths: Sequence[Path]) -> bool:
    """Whether there is something to say per area along the quickest path."""
    return bool(paths and paths[0].steps and has_expectations(ladder))


def format_paths_markdown(ladder: Ladder, start: Role, goal: Role,
                          paths: Sequence[Path], *, per_step: bool = False) -> str:
    """Paths as Markdown for a handbook page: a heading and a table per path; with
    ``per_step``, then what changes per area at each step of the quickest path."""
    title = ladder.roles
    lines = [f"## {markdown_cell(start.title)} to {markdown_cell(goal.title)}", ""]
    if ladder.variant:
        lines += [f"In the *{markdown_cell(ladder.variant)}* variant of the ladder.", ""]
    lines += [f"{plural(len(paths), 'path')}, shortest in typical years first.", ""]
    by_area = _by_area(paths)
    header = "New statements per area" if by_area else "Competencies gained"
    practice = _Practice(ladder)
    for number, path in enumerate(paths, start=1):
        lines += [f"### Path {number}: {markdown_cell(_path_head(path, by_area))}", ""]
        lines += [f"| # | From | To | Move | Years | {header} |",
                  "|---|---|---|---|---|---|"]
        for index, step in enumerate(path.steps, start=1):
            lines.append(
                f"| {index} | {markdown_cell(title[step.source].title)} "
                f"| {markdown_cell(title[step.target].title)} | {step.kind} "
                f"| {practice.years(step, years_cell(step.typical_years), _italic)} "
                f"| {', '.join(_markdown_gained(step, by_area, practice)) or '-'} |")
        lines.append("")
    if per_step and _has_steps(ladder, paths):
        lines += _steps_lines(ladder, paths[0].roles, practice, markdown=True)
    return "\n".join(lines + practice.legend(markdown=True) + [""] * practice.used)


def _markdown_gained(step: Step, by_area: bool, practice: _Practice) -> list[str]:
    """A step's gains as escaped Markdown, practice competencies in italics."""
    if by_area:
        return [markdown_cell(item) for item in _gained_cell(step, by_area)]
    return [practice.marked(markdown_cell(name), source, _italic)
            for name, source in practice.gained_sources(step).items()]


# --------------------------------------------------------------------------- gaps


def gap_data(gap: Gap, ladder: Ladder | None = None) -> dict[str, Any]:
    """``ladder gap --format json``: the lists, the path with what each step adds, and on a
    ladder with areas what changes per area (``statements``: how many to gain there); with the
    ``ladder`` whose facts name their sources, each step's ``gained_sources``."""
    practice = _Practice(ladder) if ladder is not None and ladder.sources else None

    def step_data(step: Step) -> dict[str, Any]:
        data: dict[str, Any] = {"to": step.target, "gained": list(step.gained)}
        if practice is not None:
            data.update(practice.data(step, years=False))
        return data

    data: dict[str, Any] = {
        "from": gap.source, "to": gap.target,
        "path": list(gap.path.roles) if gap.path else None,
        "years": gap.path.years if gap.path else None}
    if gap.path and isinstance(gap.path.typical_years, tuple):
        data["years_range"] = list(gap.path.typical_years)
    data.update({"needed": list(gap.needed), "shared": list(gap.shared),
                 "extra": list(gap.extra),
                 "steps": [step_data(step) for step in gap_steps(gap)]})
    if gap.areas:
        data["statements"] = gap.statements
        data["areas"] = changes_data(gap.areas)
    return data


def _gap_route(ladder: Ladder, gap: Gap, escape: Callable[[str], str] = str) -> str:
    """``by A -> B -> C (5 years)``, or why there is no path to follow; ``escape`` is applied
    to each title (Markdown escapes the titles, not ladder's own arrows)."""
    if gap.path is None:
        return "no move links the two roles, so they are compared as they stand"
    return (f"by {' -> '.join(escape(ladder.roles[r].title) for r in gap.path.roles)} "
            f"({years_phrase(gap.path.typical_years)})")


def _gap_counts(gap: Gap, per_area: bool) -> str:
    """What the "to gain" heading counts: the competencies listed, and the statements listed
    per area, so the count is never 0 above a list that has something in it."""
    parts = []
    if gap.needed or not per_area:
        where = "where first needed" if gap.path is not None else "as the target lists them"
        parts.append(f"{plural(len(gap.needed), 'competency', 'competencies')}, {where}")
    if per_area:
        parts.append(_areas_count(gap.statements, len(gap.to_gain)))
    return "; ".join(parts)


def _lists_competencies(ladder: Ladder, gap: Gap) -> bool:
    """Whether the two roles list flat competencies (an imported ladder's do not)."""
    return bool(gap.needed or gap.shared or gap.extra or not gap.areas)


def format_gap_table(ladder: Ladder, gap: Gap) -> str:
    """A gap as plain text: the path followed, then what to gain: the competencies at each
    step where first needed and, on a ladder with areas, what is new or raised per area;
    then the competencies both list and those only A lists."""
    a, b = ladder.roles[gap.source].title, ladder.roles[gap.target].title
    parts = [f"{a} -> {b}, {_gap_route(ladder, gap)}"]
    flat = _lists_competencies(ladder, gap)
    per_area = bool(gap.areas)
    body: list[str] = []
    steps = gap_steps(gap)
    practice = _Practice(ladder)
    if flat:
        indent = "    " if per_area else "  "
        if per_area:
            body.append("  competencies:")
        body += [f"{indent}{ladder.roles[s.target].title}:\n"
                 + "\n".join(f"{indent}  - {item}" for item in practice.gained(s, _star))
                 for s in steps]
        if not steps:
            body.append(f"{indent}(none)")
    if per_area:
        body.append("  per area (what is new or raised):")
        body += format_changes(gap.to_gain, indent="    ", practice=practice) or [
            "    (nothing new)"]
    parts.append(f"to gain ({_gap_counts(gap, per_area)}; {a} does not have them):\n"
                 + "\n".join(body))
    if flat:
        for label, items in (("shared (both list)", gap.shared),
                             (f"extra ({a} lists, {b} does not)", gap.extra)):
            listed = "\n".join(f"  - {item}" for item in items) or "  (none)"
            parts.append(f"{label}:\n{listed}")
    dropped = [c.area.name for c in gap.areas if c.kind == DROPPED]
    if dropped:
        parts.append(f"areas {b} does not ask for ({a} does):\n"
                     + "\n".join(f"  - {name}" for name in dropped))
    return "\n\n".join(parts + practice.legend(markdown=False)) + "\n"


def format_gap_markdown(ladder: Ladder, gap: Gap) -> str:
    """A gap as Markdown: the path, then what to gain (the competencies per step, the
    statements per area), then the shared and extra competencies."""
    a, b = ladder.roles[gap.source].title, ladder.roles[gap.target].title
    route = _gap_route(ladder, gap, markdown_cell)
    per_area = bool(gap.areas)
    flat = _lists_competencies(ladder, gap)
    lines = [f"## From {markdown_cell(a)} to {markdown_cell(b)}", "",
             f"{route[:1].upper() + route[1:]}.", "", "### To gain", "",
             f"{markdown_cell(_gap_counts(gap, per_area))[:1].upper()}"
             f"{markdown_cell(_gap_counts(gap, per_area))[1:]}.", ""]
    practice = _Practice(ladder)
    if flat:
        steps = gap_steps(gap)
        for step in steps:
            lines += [f"- {markdown_cell(ladder.roles[step.target].title)}:"]
            lines += [f"  - {item}" for item in _markdown_gained(step, False, practice)]
        if not steps:
            lines.append("(none)")
        lines.append("")
    if per_area:
        lines += ["#### Per area", ""]
        lines += changes_markdown(gap.to_gain, "#####", practice=practice) or [
            "(nothing new)", ""]
    if flat:
        for label, items in (("Shared", gap.shared),
                             (f"Listed for {markdown_cell(a)} only", gap.extra)):
            lines += [f"### {label}", ""]
            lines += [f"- {markdown_cell(item)}" for item in items] or ["(none)"]
            lines.append("")
    dropped = [c.area.name for c in gap.areas if c.kind == DROPPED]
    if dropped:
        lines += [f"### Areas {markdown_cell(b)} does not ask for", ""]
        lines += [f"- {markdown_cell(name)}" for name in dropped] + [""]
    return "\n".join(lines + practice.legend(markdown=True) + [""] * practice.used)


# --------------------------------------------------------------------------- per area


def format_changes(changes: Iterable[AreaChange], *, indent: str = "  ",
                   practice: _Practice | None = None) -> list[str]:
    """Lines for a terminal: per area what is new or raised (dropped areas are not a gap);
    with the ladder's ``practice``, its practice areas and statements starred."""
    mark = practice.marked if practice is not None else _unmarked
    lines = []
    for change in to_gain(changes):
        lines.append(f"{indent}{mark(change.area.name, change.area.source, _star)} "
                     f"({change.kind}):")
        for statement in change.added:
            lines.append(f"{indent}  + {mark(statement.text, statement.source, _star)}")
    return lines


def changes_markdown(changes: Iterable[AreaChange], heading: str = "###", *,
                     practice: _Practice | None = None) -> list[str]:
    """The same answer as Markdown: a heading per area, the new statements as a list; with
    the ladder's ``practice``, its practice areas and statements in italics."""
    mark = practice.marked if practice is not None else _unmarked
    lines = []
    for change in to_gain(changes):
        # area names and statements come from imported files: literal text, no HTML, no links
        name = mark(markdown_cell(change.area.name), change.area.source, _italic)
        lines += [f"{heading} {name} ({change.kind})", ""]
        lines += [f"- {mark(markdown_cell(s.text), s.source, _italic)}" for s in change.added]
        lines.append("")
    return lines


def _steps_lines(ladder: Ladder, steps: Iterable[str], practice: _Practice, *,
                 markdown: bool = False) -> list[str]:
    """What changes per area at each move along a path of role ids, for ``ladder paths``."""
    lines = ["## What changes at each step, per area", ""] if markdown else [
        "What changes at each step, per area:"]
    for step in step_changes(ladder, steps):
        title = f"{ladder.roles[step.source].title} -> {ladder.roles[step.target].title}"
        if markdown:
            shown = (f"{markdown_cell(ladder.roles[step.source].title)} -> "
                     f"{markdown_cell(ladder.roles[step.target].title)}")
            lines += [f"### {shown}", ""] + changes_markdown(step.changes, "####",
                                                             practice=practice)
        else:
            lines += [title] + (format_changes(step.changes, practice=practice)
                                or ["  (no new expectations)"])
    return lines


def changes_data(changes: Iterable[AreaChange]) -> list[dict[str, object]]:
    """The same answer as data for ``--format json``."""
    return [{"area": c.area.id, "name": c.area.name, "change": c.kind,
             "before": [s.text for s in c.before], "after": [s.text for s in c.after],
             "added": [s.text for s in c.added]}
            for c in changes]
