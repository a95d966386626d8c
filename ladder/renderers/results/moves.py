"""``ladder next`` and ``ladder succession`` as text, Markdown or JSON data: the writers of
:class:`~ladder.analysis.org_moves.NextMoves` and :class:`~ladder.analysis.org_moves.Succession`.
"""

from __future__ import annotations

from typing import Any

from ladder.analysis.org_moves import NextMoves, Succession
from ladder.escape import markdown_cell as _md
from ladder.model.org import Person
from ladder.text import person_label, plural, years_cell, years_phrase


def _who(person: Person) -> str:
    return person_label(person, with_id=True)


def _md_who(person: Person) -> str:
    """:func:`_who` with the name and id escaped and ladder's own brackets left as they are."""
    return person_label(person, with_id=True, escape=_md)


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
        if option.gained:
            lines.append(f"     to learn: {', '.join(option.gained)}")
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
        if candidate.gained:
            lines.append(f"     to learn: {', '.join(candidate.gained)}")
    return "\n".join(lines) + "\n"


def next_moves_data(moves: NextMoves) -> dict[str, Any]:
    """``ladder next --format json``."""
    return {
        "person": moves.person.id,
        "role": moves.role.id,
        "moves": [
            {"role": o.role.id, "kind": o.kind, "years": o.years, "gained": list(o.gained),
             "holders": [p.id for p in o.holders], "openings": [p.id for p in o.openings]}
            for o in moves.options
        ],
    }


def succession_data(plan: Succession) -> dict[str, Any]:
    """``ladder succession --format json``."""
    return {
        "position": plan.position.id,
        "role": plan.role.id,
        "candidates": [
            {"person": c.person.id, "role": c.role.id, "kind": c.kind, "years": c.years,
             "distance": c.distance, "gained": list(c.gained)}
            for c in plan.candidates
        ],
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
            f"{_md(', '.join(option.gained)) or '-'} |")
    return "\n".join([*lines, ""])


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
                     f"{candidate.kind} | {away} | {_md(', '.join(candidate.gained)) or '-'} |")
    return "\n".join([*lines, ""])
