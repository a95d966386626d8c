"""``ladder next`` and ``ladder succession`` as text, Markdown or JSON data: the writers of
:class:`~ladder.analysis.org_moves.NextMoves` and :class:`~ladder.analysis.org_moves.Succession`.
"""

from __future__ import annotations

from typing import Any

from ladder.analysis.expectations import AreaChange
from ladder.analysis.org_moves import NextMoves, Succession
from ladder.escape import markdown_cell as _md
from ladder.model.org import Person
from ladder.renderers.results.paths import changes_data, changes_markdown, format_changes
from ladder.text import person_label, plural, years_cell, years_phrase


def _who(person: Person) -> str:
    return person_label(person, with_id=True)


def _md_who(person: Person) -> str:
    """:func:`_who` with the name and id escaped and ladder's own brackets left as they are."""
    return person_label(person, with_id=True, escape=_md)


def _to_learn(gained: tuple[str, ...], areas: tuple[AreaChange, ...], indent: str) -> list[str]:
    """What a move asks to learn, as ``paths`` and ``gap`` tell it: the competencies gained,
    or on a ladder whose roles list none (an imported framework) what is new or raised per
    area."""
    if gained:
        return [f"{indent}to learn: {', '.join(gained)}"]
    if areas:
        return [f"{indent}to learn, per area:", *format_changes(areas, indent=indent + "  ")]
    return []


def _learn_cell(gained: tuple[str, ...], areas: tuple[AreaChange, ...]) -> str:
    """The Markdown table's "To learn" cell: the competencies, or each area and how many
    statements it adds (listed under the table)."""
    if gained:
        return _md(", ".join(gained))
    return ", ".join(f"{_md(c.area.name)} +{len(c.added)}" for c in areas) or "-"


def _learn_sections(learning: list[tuple[str, tuple[str, ...], tuple[AreaChange, ...]]],
                    ) -> list[str]:
    """Under a Markdown table: per move told by area, its new statements (heading, what)."""
    lines = []
    for heading, gained, areas in learning:
        if areas and not gained:
            lines += [f"### To learn: {heading}", "", *changes_markdown(areas, "####")]
    return lines


def format_next_moves(moves: NextMoves) -> str:
    """Plain text for ``ladder next``."""
    person = moves.person
    lines = [f"{_who(person)}: {moves.role.title}"]
    if not moves.options:
        lines.append("  no move leads on from this role in the ladder")
    for option in moves.options:
        took = "" if option.years is None else "typically "
        lines.append(f"  -> {option.role.title} ({option.kind}, "
                     f"{took}{years_phrase(option.typical_years)})")
        if option.openings:
            lines.append(f"     open here: {', '.join(_who(p) for p in option.openings)}")
        if option.holders:
            lines.append(f"     held here by: {', '.join(_who(p) for p in option.holders)}")
        if not option.openings and not option.holders:
            lines.append("     not in this org yet")
        lines += _to_learn(option.gained, option.areas, "     ")
    return "\n".join(lines) + "\n"


def format_succession(plan: Succession) -> str:
    """Plain text for ``ladder succession``."""
    lines = [f"{_who(plan.position)}: {plan.role.title}"]
    if not plan.candidates:
        lines.append("  nobody in this org is one move below this role")
    for candidate in plan.candidates:
        away = ("another part of the org" if candidate.distance is None
                else f"{plural(candidate.distance, 'reporting line')} away")
        lines.append(f"  {_who(candidate.person)}, {candidate.role.title}: {candidate.kind}, "
                     f"{away}")
        lines += _to_learn(candidate.gained, candidate.areas, "     ")
    return "\n".join(lines) + "\n"


def _with_areas(data: dict[str, Any], areas: tuple[AreaChange, ...]) -> dict[str, Any]:
    """A move's JSON with, on a ladder with areas, what it asks per area (as ``paths``)."""
    return {**data, "areas": changes_data(areas)} if areas else data


def next_moves_data(moves: NextMoves) -> dict[str, Any]:
    """``ladder next --format json``; a move's ``areas``: what it asks per area."""
    return {
        "person": moves.person.id,
        "role": moves.role.id,
        "moves": [_with_areas(
            {"role": o.role.id, "kind": o.kind, "years": o.years, "gained": list(o.gained),
             "holders": [p.id for p in o.holders], "openings": [p.id for p in o.openings]},
            o.areas) for o in moves.options],
    }


def succession_data(plan: Succession) -> dict[str, Any]:
    """``ladder succession --format json``; a candidate's ``areas``: what the move asks per
    area."""
    return {
        "position": plan.position.id,
        "role": plan.role.id,
        "candidates": [_with_areas(
            {"person": c.person.id, "role": c.role.id, "kind": c.kind, "years": c.years,
             "distance": c.distance, "gained": list(c.gained)}, c.areas)
            for c in plan.candidates],
    }


def format_next_moves_markdown(moves: NextMoves) -> str:
    """``ladder next --format markdown``: a heading and a table of moves.

    >>> from ladder.analysis.org_moves import next_moves
    >>> from ladder.model.org import Org, Person
    >>> from ladder.sources.ladders import read_ladder
    >>> org = Org.build("Acme", [Person("ana", "Ana | A", role="principal-product-manager")])
    >>> print(format_next_moves_markdown(next_moves(org, read_ladder(), "ana")))
    ... # doctest: +ELLIPSIS
    ## Ana \\| A (ana): Principal Product Manager
    <BLANKLINE>
    | Move to | Kind | Years | Open here | Held here by | To learn |
    |---|---|---|---|---|---|
    | Director of Product | lateral | 1 | - | - | product research, ...interface \\(UI\\) design |
    <BLANKLINE>
    """
    lines = [f"## {_md_who(moves.person)}: {_md(moves.role.title)}", ""]
    if not moves.options:
        return "\n".join([*lines, "No move leads on from this role in the ladder.", ""])
    lines += ["| Move to | Kind | Years | Open here | Held here by | To learn |",
              "|---|---|---|---|---|---|"]
    for option in moves.options:
        years = years_cell(option.typical_years)
        lines.append(
            f"| {_md(option.role.title)} | {option.kind} | {years} | "
            f"{', '.join(_md_who(p) for p in option.openings) or '-'} | "
            f"{', '.join(_md_who(p) for p in option.holders) or '-'} | "
            f"{_learn_cell(option.gained, option.areas)} |")
    lines.append("")
    return "\n".join(lines + _learn_sections(
        [(_md(o.role.title), o.gained, o.areas) for o in moves.options]))


def format_succession_markdown(plan: Succession) -> str:
    """``ladder succession --format markdown``: a heading and a table of candidates."""
    lines = [f"## {_md_who(plan.position)}: {_md(plan.role.title)}", ""]
    if not plan.candidates:
        return "\n".join([*lines, "Nobody in this org is one move below this role.", ""])
    lines += ["| Candidate | Role now | Move | Reporting lines away | To learn |",
              "|---|---|---|---|---|"]
    for candidate in plan.candidates:
        away = "another part of the org" if candidate.distance is None else str(
            candidate.distance)
        lines.append(f"| {_md_who(candidate.person)} | {_md(candidate.role.title)} | "
                     f"{candidate.kind} | {away} | "
                     f"{_learn_cell(candidate.gained, candidate.areas)} |")
    lines.append("")
    return "\n".join(lines + _learn_sections(
        [(_md_who(c.person), c.gained, c.areas) for c in plan.candidates]))
