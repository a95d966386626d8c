"""``ladder assess`` as text or JSON data: the writers of
:class:`~ladder.analysis.assess.Assessment` (the radar chart is :mod:`ladder.renderers.radar`).

Every format shows the same things: the title the person's own ratings meet, the role aimed
for, per area the rating, the manager's rating beside it and the evidence, and what the role
aimed for asks there.
"""

from __future__ import annotations

from typing import Any

from ladder.analysis.assess import AreaResult, Assessment


def target_phrase(result: Assessment) -> str:
    """``target: Director of Product`` or ``next: Principal Product Manager``: what the
    per-area answer compares with, in the words every format uses."""
    if result.target is None:
        return "next: none, the top of the ladder"
    if result.target_given:
        return f"target: {result.target.title}"
    if result.points is not None:
        return "next: " + " or ".join(r.title for r in result.next_roles)
    return f"next: {result.target.title}"


def managers_ratings(result: Assessment) -> str:
    """``Lee's ratings``, or ``the manager's ratings`` when the file names no manager."""
    return f"{result.manager or 'the manager'}'s ratings"


def assessment_data(result: Assessment) -> dict[str, Any]:
    """The answer as data (``ladder assess --format json``)."""
    data: dict[str, Any] = {
        "person": result.person,
        "ladder": result.ladder.id,
        "title": result.title,
        "roles": [r.id for r in result.roles],
        "next": [{"role": r.id, "title": r.title} for r in result.next_roles],
        "target": None if result.target is None else {
            "role": result.target.id, "title": result.target.title,
            "given": result.target_given},
    }
    if result.points is not None:
        data["points"] = result.points
        data["next_points"] = result.next_points
    if result.manager_ratings:
        data["manager"] = {"name": result.manager or None,
                           "roles": [r.id for r in result.manager_roles]}
        if result.manager_points is not None:
            data["manager"]["points"] = result.manager_points
    data["areas"] = [_area_data(a) for a in result.areas]
    data["unrated"] = [a.id for a in result.unrated]
    return data


def _area_data(item: AreaResult) -> dict[str, Any]:
    found: dict[str, Any] = {"area": item.area.id, "name": item.area.name,
                             "rating": item.rating, "wanted": item.wanted, "met": item.met,
                             "gap": [s.text for s in item.statements]}
    if item.manager is not None:
        found["manager"] = item.manager
    found["evidence"] = list(item.evidence)
    return found


def _named(item: AreaResult, result: Assessment, value: int) -> str:
    """``3 (Owns)``: a rating with the name of its step, on an area with a named scale."""
    milestones = item.area.milestones
    if milestones and result.points is None and 0 < value <= len(milestones):
        return f"{value} ({milestones[value - 1].text})"
    return str(value)


def _rated(item: AreaResult, result: Assessment) -> str:
    """``rated 3 (Owns), manager 2 (Designs)``."""
    text = ("not rated" if item.area in result.unrated
            else f"rated {_named(item, result, item.rating)}")
    if item.manager is not None:
        text += f", manager {_named(item, result, item.manager)}"
    return text


def format_assessment(result: Assessment) -> str:
    """The answer for a terminal: the title met, the role aimed for, and per area the
    ratings, the evidence and what it asks."""
    who = result.person or "The ratings"
    lines = []
    if result.points is not None:
        title = " or ".join(r.title for r in result.roles) or "no title yet"
        lines.append(f"{who}: {title} ({result.points} points)")
        if result.target is not None and result.next_points is not None:
            to_go = max(result.next_points - result.points, 0)
            lines.append(f"{target_phrase(result)} at {result.next_points} points "
                         f"({to_go} to go)")
        lines.append("per area, the next milestone:")
        for item in result.areas:
            step = (f"milestone {item.rating} -> {item.wanted}" if item.statements
                    else f"milestone {item.rating} (the top)")
            manager = "" if item.manager is None else f" (manager: {item.manager})"
            lines.append(f"  {item.area.name}: {step}{manager}")
            lines.extend(f"    evidence: {text}" for text in item.evidence)
            lines.extend(f"    + {s.text}" for s in item.statements)
    else:
        title = " or ".join(r.title for r in result.roles) or "no role of the ladder yet"
        lines.append(f"{who}: {title}")
        aim = result.target
        if aim is not None and aim not in result.roles:
            others = ", ".join(r.title for r in result.next_roles if r != aim)
            also = (f" (also next: {others}; compare with --target)" if others
                    and not result.target_given else "")
            lines.append(f"{target_phrase(result)} (level {aim.level}){also} asks, per area:")
        elif aim is not None:
            lines.append(f"{target_phrase(result)} (level {aim.level}): met in every area")
        else:
            lines.append(target_phrase(result))
        for item in result.areas:
            if not (item.wanted or item.evidence or item.manager is not None):
                continue
            if item.wanted:
                state = "met" if item.met else f"asks {_named(item, result, item.wanted)}"
                lines.append(f"  {item.area.name}: {_rated(item, result)}, {state}")
            else:
                lines.append(f"  {item.area.name}: {_rated(item, result)}, not asked")
            lines.extend(f"    evidence: {text}" for text in item.evidence)
            lines.extend(f"    + {s.text}" for s in item.statements)
    if result.manager_ratings:
        met = " or ".join(r.title for r in result.manager_roles) or "no role of the ladder yet"
        points = ("" if result.manager_points is None
                  else f" ({result.manager_points} points)")
        lines.append(f"by {managers_ratings(result)} (the person's own where none): "
                     f"{met}{points}")
    if result.unrated:
        lines.append("not rated (counted as 0): " + ", ".join(a.name for a in result.unrated))
    return "\n".join(lines)
