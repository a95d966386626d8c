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

from ladder.analysis.expectations import DROPPED, SAME, AreaChange, step_changes
from ladder.analysis.paths import Gap, Path, gap_steps
from ladder.escape import markdown_cell
from ladder.model.ladder import Ladder, Role
from ladder.renderers.results.tables import listing_table
from ladder.text import plural, years_phrase


def _years(value: float | None) -> str:
    return "?" if value is None else f"{value:g}"


def paths_data(start: str | Role, goal: str | Role, paths: Sequence[Path]) -> dict[str, Any]:
    """The JSON shape of issue 6: ``{"from", "to", "paths": [{"years", "steps": [...]}]}``."""
    return {
        "from": start.id if isinstance(start, Role) else start,
        "to": goal.id if isinstance(goal, Role) else goal,
        "paths": [
            {
                "years": path.years,
                "steps": [
                    {"from": s.source, "to": s.target, "kind": s.kind, "years": s.years,
                     "gained": list(s.gained)}
                    for s in path.steps
                ],
            }
            for path in paths
        ],
    }


def paths_json(start: str | Role, goal: str | Role, paths: Sequence[Path]) -> str:
    """:func:`paths_data` as indented JSON text, keys in a fixed order, ending in a newline."""
    return json.dumps(paths_data(start, goal, paths), indent=2, ensure_ascii=False) + "\n"


def format_paths_table(ladder: Ladder, start: Role, goal: Role, paths: Sequence[Path], *,
                       width: int = 48) -> str:
    """Paths as plain text for a terminal: one table per path, gains packed ``width`` wide.

    >>> from ladder.analysis.paths import find_paths, resolve_role
    >>> from ladder.sources.ladders import read_ladder
    >>> product = read_ladder()
    >>> pm, spm = resolve_role(product, "pm"), resolve_role(product, "senior pm")
    >>> print(format_paths_table(product, pm, spm, find_paths(product, pm, spm), width=30))
    Product Manager -> Senior Product Manager: 1 path
    <BLANKLINE>
    Path 1: 2.5 years, 1 step
      #  from             to                      kind       years  competencies gained
      1  Product Manager  Senior Product Manager  promotion  2.5    product strategy for an area,
                                                                    data analysis,
                                                                    mentoring product managers,
                                                                    stakeholder management
    <BLANKLINE>
    """
    title = ladder.roles
    head = f"{start.title} -> {goal.title}: {plural(len(paths), 'path')}"
    if ladder.variant:
        head += f" ({ladder.variant} variant)"
    blocks = [head]
    for number, path in enumerate(paths, start=1):
        rows = [((str(index), title[step.source].title, title[step.target].title, step.kind,
                  _years(step.years)), step.gained)
                for index, step in enumerate(path.steps, start=1)]
        table = listing_table(("#", "from", "to", "kind", "years", "competencies gained"),
                              rows, columns=width)
        blocks.append(f"Path {number}: {years_phrase(path.years)}, "
                      f"{plural(len(path.steps), 'step')}\n{table}")
    return "\n\n".join(blocks) + "\n"


def format_paths_markdown(ladder: Ladder, start: Role, goal: Role,
                          paths: Sequence[Path]) -> str:
    """Paths as Markdown for a handbook page: a heading and a table per path."""
    title = ladder.roles
    lines = [f"## {markdown_cell(start.title)} to {markdown_cell(goal.title)}", ""]
    if ladder.variant:
        lines += [f"In the *{markdown_cell(ladder.variant)}* variant of the ladder.", ""]
    lines += [f"{plural(len(paths), 'path')}, shortest in typical years first.", ""]
    for number, path in enumerate(paths, start=1):
        lines += [f"### Path {number}: {years_phrase(path.years)}, "
                  f"{plural(len(path.steps), 'step')}", ""]
        lines += ["| # | From | To | Move | Years | Competencies gained |",
                  "|---|---|---|---|---|---|"]
        for index, step in enumerate(path.steps, start=1):
            lines.append(
                f"| {index} | {markdown_cell(title[step.source].title)} "
                f"| {markdown_cell(title[step.target].title)} | {step.kind} "
                f"| {_years(step.years)} | {markdown_cell(', '.join(step.gained)) or '-'} |")
        lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------- gaps


def gap_data(gap: Gap) -> dict[str, Any]:
    """``ladder gap --format json``: the lists, and the path with what each step adds."""
    return {"from": gap.source, "to": gap.target,
            "path": list(gap.path.roles) if gap.path else None,
            "years": gap.path.years if gap.path else None,
            "needed": list(gap.needed), "shared": list(gap.shared), "extra": list(gap.extra),
            "steps": [{"to": s.target, "gained": list(s.gained)} for s in gap_steps(gap)]}


def _gap_route(ladder: Ladder, gap: Gap, escape: Callable[[str], str] = str) -> str:
    """``by A -> B -> C (5 years)``, or why there is no path to follow; ``escape`` is applied
    to each title (Markdown escapes the titles, not ladder's own arrows)."""
    if gap.path is None:
        return "no move links the two roles, so they are compared as they stand"
    return (f"by {' -> '.join(escape(ladder.roles[r].title) for r in gap.path.roles)} "
            f"({years_phrase(gap.path.years)})")


def format_gap_table(ladder: Ladder, gap: Gap) -> str:
    """A gap as plain text: the path followed, what to gain at each step, then the rest."""
    a, b = ladder.roles[gap.source].title, ladder.roles[gap.target].title
    parts = [f"{a} -> {b}, {_gap_route(ladder, gap)}"]
    steps = gap_steps(gap)
    body = "\n".join(
        f"  {ladder.roles[s.target].title}:\n" + "\n".join(f"    - {item}" for item in s.gained)
        for s in steps) or "  (none)"
    where = "where first needed" if gap.path is not None else f"{b} lists them"
    parts.append(f"to gain ({len(gap.needed)}, {where}; {a} does not have them):\n{body}")
    for label, items in (("shared (both list)", gap.shared),
                         (f"extra ({a} lists, {b} does not)", gap.extra)):
        body = "\n".join(f"  - {item}" for item in items) or "  (none)"
        parts.append(f"{label}:\n{body}")
    return "\n\n".join(parts) + "\n"


def format_gap_markdown(ladder: Ladder, gap: Gap) -> str:
    """A gap as Markdown: the path, then one list per step, then the shared and extra ones."""
    a, b = ladder.roles[gap.source].title, ladder.roles[gap.target].title
    route = _gap_route(ladder, gap, markdown_cell)
    lines = [f"## From {markdown_cell(a)} to {markdown_cell(b)}", "",
             f"{route[:1].upper() + route[1:]}.", "", "### To gain", ""]
    steps = gap_steps(gap)
    for step in steps:
        lines += [f"- {markdown_cell(ladder.roles[step.target].title)}:"]
        lines += [f"  - {markdown_cell(item)}" for item in step.gained]
    if not steps:
        lines.append("(none)")
    lines.append("")
    for label, items in (("Shared", gap.shared),
                         (f"Listed for {markdown_cell(a)} only", gap.extra)):
        lines += [f"### {label}", ""]
        lines += [f"- {markdown_cell(item)}" for item in items] or ["(none)"]
        lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------- per area


def format_changes(changes: Iterable[AreaChange], *, indent: str = "  ") -> list[str]:
    """Lines for a terminal: per area what is new or raised (dropped areas are not a gap)."""
    lines = []
    for change in changes:
        if change.kind in (SAME, DROPPED):
            continue
        lines.append(f"{indent}{change.area.name} ({change.kind}):")
        for statement in change.added or change.after:
            lines.append(f"{indent}  + {statement.text}")
    return lines


def changes_markdown(changes: Iterable[AreaChange], heading: str = "###") -> list[str]:
    """The same answer as Markdown: a heading per area, the new statements as a list."""
    lines = []
    for change in changes:
        if change.kind in (SAME, DROPPED):
            continue
        # area names and statements come from imported files: literal text, no HTML, no links
        lines += [f"{heading} {markdown_cell(change.area.name)} ({change.kind})", ""]
        lines += [f"- {markdown_cell(s.text)}" for s in change.added or change.after]
        lines.append("")
    return lines


def steps_text(ladder: Ladder, steps: Iterable[str], *, markdown: bool = False) -> str:
    """What changes per area at each move along a path of role ids, for ``ladder paths``."""
    lines = ["", "## What changes at each step, per area", ""] if markdown else [
        "What changes at each step, per area:"]
    for step in step_changes(ladder, steps):
        title = f"{ladder.roles[step.source].title} -> {ladder.roles[step.target].title}"
        if markdown:
            shown = (f"{markdown_cell(ladder.roles[step.source].title)} -> "
                     f"{markdown_cell(ladder.roles[step.target].title)}")
            lines += [f"### {shown}", ""] + changes_markdown(step.changes, "####")
        else:
            lines += [title] + (format_changes(step.changes) or ["  (no new expectations)"])
    return "\n".join(lines) + "\n"


def changes_data(changes: Iterable[AreaChange]) -> list[dict[str, object]]:
    """The same answer as data for ``--format json``."""
    return [{"area": c.area.id, "name": c.area.name, "change": c.kind,
             "before": [s.text for s in c.before], "after": [s.text for s in c.after],
             "added": [s.text for s in c.added]}
            for c in changes]
