"""``ladder assess`` as text or JSON data: the writers of
:class:`~ladder.analysis.assess.Assessment` (the radar chart is :mod:`ladder.renderers.radar`)."""

from __future__ import annotations

from typing import Any

from ladder.analysis.assess import Assessment


def assessment_data(result: Assessment) -> dict[str, Any]:
    """The answer as data (``ladder assess --format json``)."""
    data: dict[str, Any] = {
        "person": result.person,
        "ladder": result.ladder.id,
        "title": result.title,
        "roles": [r.id for r in result.roles],
        "next": [{"role": r.id, "title": r.title} for r in result.next_roles],
    }
    if result.points is not None:
        data["points"] = result.points
        data["next_points"] = result.next_points
    data["areas"] = [
        {"area": a.area.id, "name": a.area.name, "rating": a.rating, "wanted": a.wanted,
         "met": a.met, "gap": [s.text for s in a.statements]}
        for a in result.areas
    ]
    data["unrated"] = [a.id for a in result.unrated]
    return data


def format_assessment(result: Assessment) -> str:
    """The answer for a terminal: the title met, the next, and per area what it asks."""
    who = result.person or "The ratings"
    lines = []
    if result.points is not None:
        title = " or ".join(r.title for r in result.roles) or "no title yet"
        lines.append(f"{who}: {title} ({result.points} points)")
        if result.next_roles and result.next_points is not None:
            titles = " or ".join(r.title for r in result.next_roles)
            lines.append(f"next: {titles} at {result.next_points} points "
                         f"({result.next_points - result.points} to go)")
        lines.append("per area, the next milestone:")
        for item in result.areas:
            step = (f"milestone {item.rating} -> {item.wanted}" if item.statements
                    else f"milestone {item.rating} (the top)")
            lines.append(f"  {item.area.name}: {step}")
            lines.extend(f"    + {s.text}" for s in item.statements)
    else:
        title = " or ".join(r.title for r in result.roles) or "no role of the ladder yet"
        lines.append(f"{who}: {title}")
        if result.next_roles:
            nxt = result.next_roles[0]
            others = ", ".join(r.title for r in result.next_roles[1:])
            lines.append(f"next: {nxt.title} (level {nxt.level})"
                         + (f" (or {others}: see 'ladder gap')" if others else "")
                         + " asks, per area:")
            for item in result.areas:
                if not item.wanted:
                    continue
                state = "met" if item.met else f"rated {item.rating}, asks {item.wanted}"
                lines.append(f"  {item.area.name}: {state}")
                lines.extend(f"    + {s.text}" for s in item.statements)
        else:
            lines.append("next: none, the top of the ladder")
    if result.unrated:
        lines.append("not rated (counted as 0): " + ", ".join(a.name for a in result.unrated))
    return "\n".join(lines)
