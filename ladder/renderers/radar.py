"""Radars: one axis per area of a ladder, on the ladder's own fixed scale.

:func:`radar_page` draws a self-assessment: the person's own ratings (solid), the manager's
beside them (a thinner line, a square at each rating the manager gave) and what the role aimed
for asks (or the next milestone of each area, on a points framework) as a dashed outline, then
the evidence given for each rating. :func:`profile_page` draws one role of a ladder whose
areas have a named scale (each role a profile, as engineering-ladders frameworks publish):
the step it names on each axis, against the role below it.

The rings are the ladder's scale, the same for every person and every role (levels 1 to the
top level, or each area's milestones), so two radars of one ladder compare by eye. Past
:data:`MOST_RINGS` levels the rings go in round steps: a ladder whose top level is 50,000,000
gets a ring every 5,000,000, not fifty million circles. The legend draws each line as it is
drawn in the chart, in SVG and in PNG alike. Drawn as a page of shapes (renderers/page.py):
SVG directly, PNG and PDF through pinned DOT.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ladder.analysis.assess import Assessment, area_top, role_profile, scale_top
from ladder.analysis.expectations import ladder_areas, promoted_from
from ladder.errors import LadderError
from ladder.layout.cards import text_width
from ladder.model import Area, Ladder, Role
from ladder.renderers.page import INK, MUTED, Line, Rect, Sheet, Text, page_bytes
from ladder.renderers.results.assess import managers_ratings, target_phrase
from ladder.text import wrap

RADIUS = 170.0
MARGIN = 24.0
RATED = "#3b6ea8"
WANTED = "#b5522b"
MANAGER = "#2f7d32"
RING = "#d0d7de"
MOST_RINGS = 10  # rings drawn at most, whatever the ladder's top level
EVIDENCE_SIZE = 11.0


STEP_NAME = 24  # longest step a radar names on its ring: longer ones are statements, not names


def named_scale(area: Area) -> bool:
    """Whether the area's milestones are the names of a scale ("Adopts", "Owns"), short enough
    to write on the rings, rather than statements (a snowflake milestone's summary)."""
    return bool(area.milestones) and all(len(m.text) <= STEP_NAME for m in area.milestones)


def ring_values(top: int) -> list[int]:
    """The values the rings mark: every level up to ``top`` or, past :data:`MOST_RINGS`
    levels, a round step (1, 2 or 5 times a power of ten) that gives at most that many, and
    the top itself as the outer ring.

    >>> ring_values(4), ring_values(12), ring_values(23)
    ([1, 2, 3, 4], [2, 4, 6, 8, 10, 12], [5, 10, 15, 20, 23])
    >>> ring_values(50_000_000)[:2], len(ring_values(50_000_000))
    ([5000000, 10000000], 10)
    """
    if top <= MOST_RINGS:
        return list(range(1, top + 1))
    magnitude = 10 ** math.floor(math.log10(top / MOST_RINGS))
    step = next(factor * magnitude for factor in (1, 2, 5, 10)
                if top / (factor * magnitude) <= MOST_RINGS)
    values = list(range(step, top, step))
    if values and top - values[-1] < step / 2:
        values.pop()  # too near the outer ring to read apart
    return [*values, top]


@dataclass(frozen=True)
class Outline:
    """One shape on the radar: a value per axis, and how it is drawn and named."""

    values: tuple[float, ...]
    colour: str
    width: float
    label: str
    dashed: bool = False
    marked: tuple[int, ...] | None = None  # the axes with a small square at the value


def _legend_swatch(page: Sheet, x: float, y: float, outline: Outline) -> None:
    page.lines.append(Line(((x, y), (x + 30, y)), outline.colour, outline.width,
                           dashed=outline.dashed))
    if outline.marked is not None:
        page.boxes.append(Rect(x + 12, y - 3, 6, 6, outline.colour, outline.colour))


def _radar(areas: Sequence[Area], outlines: Sequence[Outline], *, top: int, title: str,
           notes: Sequence[str], steps: bool, footer: Sequence[tuple[str, str]] = ()) -> Sheet:
    """The page: the title, a legend that draws each outline, the rings and axes, the
    outlines, and ``footer`` (a heading, then (area, text) lines wrapped to the page)."""
    label_room = max([80.0, *(text_width(a.name, 12, bold=True) for a in areas)])
    legend = [o.label for o in outlines] + list(notes)
    width = max(2 * (MARGIN + label_room + RADIUS + 12),
                2 * MARGIN + text_width(title, 20, bold=True),
                *(2 * MARGIN + 40 + text_width(text, 12) for text in legend))
    legend_top = MARGIN + 44
    centre_x = width / 2
    centre_y = legend_top + 18 * len(legend) + 36 + RADIUS
    page = Sheet(width, centre_y + RADIUS * 1.2 + 30 + MARGIN)
    page.texts.append(Text(MARGIN, MARGIN + 20, title, 20, bold=True))
    y = legend_top
    for outline in outlines:
        _legend_swatch(page, MARGIN, y - 4, outline)
        page.texts.append(Text(MARGIN + 40, y, outline.label, 12, colour=INK))
        y += 18
    for note in notes:
        page.texts.append(Text(MARGIN + 40, y, note, 12, colour=MUTED))
        y += 18
    count = max(len(areas), 1)

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        distance = RADIUS * max(0.0, value) / top
        return (centre_x + distance * math.cos(angle), centre_y + distance * math.sin(angle))

    rings = ring_values(top)
    for ring in rings:
        page.lines.append(Line(tuple(point(i, ring) for i in range(count)), RING, closed=True))
        # left of the first axis: a step's name goes right of it
        label = f"{ring:,}"
        page.texts.append(Text(centre_x - 4 - text_width(label, 9), point(0, ring)[1] - 2,
                               label, 9, colour=MUTED))
    for index, area in enumerate(areas):
        page.lines.append(Line((point(index, 0), point(index, top)), RING))
        x, y = point(index, top * (1.2 if steps and area.milestones else 1.12))
        size = text_width(area.name, 12, bold=True)
        left = x - size / 2 if abs(x - centre_x) < 10 else (x if x > centre_x else x - size)
        page.texts.append(Text(left, y + 4, area.name, 12, bold=True))
        if steps and named_scale(area) and len(rings) == top:  # each step's name on its ring
            across = abs(math.cos(-math.pi / 2 + 2 * math.pi * index / count)) > 0.7
            for number, milestone in enumerate(area.milestones, start=1):
                at_x, at_y = point(index, number)
                if across:  # along a level axis the names take turns above and below it
                    page.texts.append(Text(at_x, at_y + (11 if number % 2 else -5),
                                           milestone.text, 8, italic=True, colour=MUTED,
                                           middle=True))
                else:
                    page.texts.append(Text(at_x + 4, at_y - 3, milestone.text, 8, italic=True,
                                           colour=MUTED))
    if areas:
        # the marked outline (the manager's) under the others, its squares over them: where
        # the two agree, both stay visible
        for outline in sorted(outlines, key=lambda o: o.marked is None):
            page.lines.append(Line(tuple(point(i, v) for i, v in enumerate(outline.values)),
                                   outline.colour, outline.width, dashed=outline.dashed,
                                   closed=True))
        for outline in outlines:
            for i in outline.marked or ():
                x, y = point(i, outline.values[i])
                page.boxes.append(Rect(x - 3, y - 3, 6, 6, outline.colour, outline.colour))
    if footer:
        _footer(page, footer)
    return page


def _footer(page: Sheet, footer: Sequence[tuple[str, str]]) -> None:
    """A heading and (bold lead, text) lines wrapped to the page's width, below the chart."""
    y = page.height - MARGIN + 8
    heading, *items = footer
    page.texts.append(Text(MARGIN, y, heading[0], 13, bold=True))
    y += 20
    room = page.width - 2 * MARGIN

    def measure(words: str) -> float:
        return text_width(words, EVIDENCE_SIZE)

    for lead, text in items:
        lead_width = text_width(lead, EVIDENCE_SIZE, bold=True) + 6
        lines = wrap(text, room - lead_width, measure=measure) or [""]
        page.texts.append(Text(MARGIN, y, lead, EVIDENCE_SIZE, bold=True))
        for line in lines:
            page.texts.append(Text(MARGIN + lead_width, y, line, EVIDENCE_SIZE, colour=INK))
            y += EVIDENCE_SIZE * 1.45
        y += 3
    page.height = y + MARGIN


def _scale_note(ladder: Ladder, top: int) -> str:
    """What the rings are, so the legend says what a distance from the centre means."""
    rings = ring_values(top)
    every = "" if len(rings) == top else f", a ring every {rings[0]:,}"
    if ladder.points is not None or any(a.milestones for a in ladder_areas(ladder)):
        return f"rings: milestones 1 to {top:,} of each area's scale{every}"
    return f"rings: levels 1 to {top:,} of the ladder{every}"


def radar_page(result: Assessment) -> Sheet:
    """Lay the assessment's radar out (see the module's docstring)."""
    items = result.areas
    areas = [item.area for item in items]
    ladder = result.ladder
    top = scale_top(ladder)
    who = result.person or "Self-assessment"
    title = f"{who}: {result.title or 'no title yet'}"
    outlines = []
    if result.points is not None:
        wanted = "the next milestone in each area"
        if result.target is not None and result.next_points is not None:
            wanted += f" ({target_phrase(result)}, {result.next_points} points)"
    elif result.target is not None:
        aim = "the target" if result.target_given else "the next role"
        wanted = f"what {result.target.title} asks ({aim}, level {result.target.level})"
    else:
        wanted = "what the top role asks"
    outlines.append(Outline(tuple(float(a.wanted) for a in items), WANTED, 2.0, wanted,
                            dashed=True))
    own = f"{result.person}'s own ratings" if result.person else "the ratings"
    outlines.append(Outline(tuple(float(a.rating) for a in items), RATED, 2.5, own))
    if result.manager_ratings:
        outlines.append(Outline(
            tuple(float(a.manager if a.manager is not None else a.rating) for a in items),
            MANAGER, 1.5,
            f"{managers_ratings(result)} (a square where given; elsewhere the person's own)",
            marked=tuple(i for i, a in enumerate(items) if a.manager is not None)))
    notes = [_scale_note(ladder, top)]
    if result.points is not None:
        notes.append(f"{result.points} points")
    footer: list[tuple[str, str]] = []
    for item in items:
        for text in item.evidence:
            rated = f"{item.rating}" + ("" if item.manager is None
                                        else f", manager {item.manager}")
            footer.append((f"{item.area.name} ({rated}):", text))
    if footer:
        footer.insert(0, ("Evidence", ""))
    return _radar(areas, outlines, top=top, title=title, notes=notes, steps=True,
                  footer=footer)


def profile_page(ladder: Ladder, role: Role) -> Sheet:
    """One role's profile on a ladder whose areas have a named scale: the step it names on
    each axis (solid), and the role below it (dashed) for what changes at this level."""
    areas = [a for a in ladder_areas(ladder) if a.milestones]
    profile = role_profile(ladder, role)
    if not areas or not profile:
        raise LadderError(
            f"'{role.title}' has no profile to draw: its areas name no step of a scale",
            file=ladder.file,
            hint="give each area 'milestones' (its named steps) and each role an expectation "
            "naming one of them per area (see docs/frameworks.md)")
    top = max(area_top(ladder, a) for a in areas)
    outlines = []
    below = [r for r in promoted_from(ladder, role) if role_profile(ladder, r)]
    if below:
        lower = below[-1]
        steps = role_profile(ladder, lower)
        outlines.append(Outline(tuple(float(steps.get(a.id, 0)) for a in areas), WANTED, 2.0,
                                f"{lower.title}, the role below", dashed=True))
    outlines.append(Outline(tuple(float(profile.get(a.id, 0)) for a in areas), RATED, 2.5,
                            f"{role.title} (level {role.level})"))
    notes = [_scale_note(ladder, top) + "; each ring's step named on its axis"]
    return _radar(areas, outlines, top=top, title=f"{ladder.name}: {role.title}", notes=notes,
                  steps=True)


def radar_bytes(result: Assessment, format: str) -> bytes:
    """The radar as SVG, PNG, PDF or DOT bytes."""
    return page_bytes(radar_page(result), format, name="radar")


def profile_bytes(ladder: Ladder, role: Role, format: str) -> bytes:
    """A role's profile radar as SVG, PNG, PDF or DOT bytes."""
    return page_bytes(profile_page(ladder, role), format, name="profile")
