"""Ladders and org charts as Markdown: the text alternative of a diagram.

A ladder becomes a table of roles (level, track, other names, competencies) and a list of the
moves between them; an org chart a nested outline, manager over reports, which a screen
reader reads in order. Pure ``(thing, options) -> str``; every name goes through
:func:`~ladder.escape.markdown_cell`.

>>> from ladder.model.org import Org, Person
>>> org = Org.build("Acme", [Person("a", "Ann", "CEO"), Person("b", "Bo *", "CTO", manager="a"),
...                          Person("c", "", "Designer", manager="a", vacant=True)])
>>> print(draw_markdown(org, {}))
# Acme
<BLANKLINE>
Org chart of Acme: 3 positions, 2 people, 1 open position. At the top: Ann \\(CEO\\).
<BLANKLINE>
- **Ann**, CEO
  - **Bo \\***, CTO
  - *Open: Designer*
<BLANKLINE>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ladder.escape import markdown_cell
from ladder.model import LATERAL
from ladder.renderers.views import describe, heading, is_ladder, option
from ladder.text import card_label, person_label, years_phrase

if TYPE_CHECKING:
    from ladder.model import Ladder, Org, Person
    from ladder.renderers.drawings import LadderDrawing, OrgDrawing


def ladder_markdown(drawing: LadderDrawing, format: str = "markdown") -> str:
    """The format table's entry for ladders (options read from the drawing)."""
    return draw_markdown(drawing.ladder, drawing)


def org_markdown(drawing: OrgDrawing, format: str = "markdown") -> str:
    """The format table's entry for org charts."""
    return draw_markdown(drawing.org, drawing)


def draw_markdown(thing: Ladder | Org, options: object = None) -> str:
    """The diagram as Markdown: a heading, a one-line summary, then the table or outline."""
    lines = [f"# {markdown_cell(heading(thing, options))}", "", markdown_cell(describe(thing)), ""]
    if is_ladder(thing):
        lines += _ladder(thing, options)
    else:
        lines += _org(thing)
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return markdown_cell(text) or " "


def _ladder(ladder: Ladder, options: object) -> list[str]:
    highlight = option(options, "highlight")
    on_path = getattr(highlight, "roles", None)
    tracks = {track.id: track.name for track in ladder.used_tracks()}
    # a ladder of several sources (the built-in: article, practice) says each fact's: a
    # Source column, and the facts of a secondary source in italics, named under the table
    sourced = any(ladder.secondary(s) for s in ladder.sources)

    def cited(text: str, source: str | None) -> str:
        return f"*{text}*" if text.strip() and ladder.secondary(source) else text

    lines = ["| Level | Role | Track | Also called | Summary | Competencies |"
             + (" Source |" if sourced else ""),
             "| ---: | --- | --- | --- | --- | --- |" + (" --- |" if sourced else "")]
    for role in sorted(ladder, key=lambda r: (r.level, list(tracks).index(r.track))):
        title = _cell(role.title)
        if on_path and role.id in on_path:
            title = f"**{title}** (on the path)"
        competencies = "<br>".join(cited(markdown_cell(c.name), c.source)
                                   for c in role.competencies) or " "
        aliases = ", ".join(cited(markdown_cell(a), role.alias_source(a)) for a in role.aliases)
        facts = "; ".join(f"{what}: {markdown_cell(source)}" for what, source in (
            ("role", role.source), ("level", role.level_source),
            ("summary", role.summary_source if role.summary else None)) if source)
        lines.append(f"| {role.level} | "  # a number, as scripts read it (its source: a column)
                     f"{cited(title, role.source)} | {_cell(tracks[role.track])} | "
                     f"{aliases or ' '} | {cited(_cell(role.summary), role.summary_source)} | "
                     f"{competencies} |" + (f" {facts or ' '} |" if sourced else ""))
    if sourced:
        secondary = [s.title or s.id for s in ladder.sources.values() if ladder.secondary(s.id)]
        lines += ["", f"*Italics*: {markdown_cell('; '.join(secondary))}."]
    if ladder.moves:
        lines += ["", "Moves:", ""]
        for move in ladder.moves:
            source, target = ladder.roles[move.source], ladder.roles[move.target]
            kind = "lateral move" if move.kind == LATERAL else "promotion"
            years = "" if move.years is None else ", " + cited(
                f"typically after about {years_phrase(move.typical_years)}", move.years_source)
            lines.append(f"- {markdown_cell(source.title)} → {markdown_cell(target.title)} "
                         f"({kind}{years})")
    return lines


def _org(org: Org) -> list[str]:
    departments = {dep.id: dep.name for dep in org.departments.values()}
    lines: list[str] = []
    # Depth-first, iterative: an export can be thousands of levels deep in a broken file.
    stack = [(person, 0) for person in reversed(org.roots())]
    seen: set[str] = set()
    while stack:
        person, depth = stack.pop()
        if person.id in seen:
            continue
        seen.add(person.id)
        lines.append("  " * depth + "- " + _person(org, person, departments))
        for report in reversed(org.reports(person.id)):
            stack.append((report, depth + 1))
    # Nobody is left out silently: people no root reaches (a cycle) are listed after.
    stray = [person for person in org.people.values() if person.id not in seen]
    if stray:
        lines += ["", "Not reached from the top (their managers form a cycle):", ""]
        lines += ["- " + _person(org, person, departments) for person in stray]
    return lines


def _person(org: Org, person: Person, departments: dict[str, str]) -> str:
    if person.vacant:  # in italics: nobody's name; the label says what is open
        text = f"*{markdown_cell(person_label(person))}*"
    else:
        label = card_label(person)
        text = f"**{markdown_cell(label)}**"
        if person.title and person.title != label:  # a group named by its title: said once
            text += ", " + markdown_cell(person.title)
    where = [departments.get(person.department, person.department)] if person.department \
        else []
    if person.location:
        where.append(person.location)
    if where:
        text += f" ({markdown_cell(', '.join(where))})"
    dotted = [person_label(org.people[m]) for m in person.dotted if m in org.people]
    if dotted:
        text += f"; dotted line to {markdown_cell(', '.join(dotted))}"
    if person.assistant:
        text += "; assistant"
    return text
