"""``--format html``: one self-contained, offline page to explore a ladder or an org chart.

The page holds the docs SVG (:mod:`ladder.renderers.docs_svg`), the diagram's data as JSON, and
the viewer's script and styles (``viewer/viewer.js`` and ``viewer/viewer.css``, package data),
all inline: no CDN, no network. It pans and zooms, fits to the window, searches people and
roles (accents and case ignored) and reveals the one found; on an org chart a click on a card
collapses or expands the team below it; on a ladder a click on a role shows the paths to and
from it and its competencies. Inside a docs page (an ``<iframe>``, see :func:`html_iframe`) it
follows the site's light/dark switch.
"""

from __future__ import annotations

import html
import json
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ladder.escape import xml_text
from ladder.model import LATERAL
from ladder.renderers.drawings import ladder_graphviz, org_chart
from ladder.renderers.theme import card_id, inline_svg, slug, unique_ids
from ladder.renderers.views import heading

if TYPE_CHECKING:
    from ladder.layout.chart import OrgLayout
    from ladder.model import Ladder, Org
    from ladder.renderers.drawings import LadderDrawing, OrgDrawing


# The org chart writer's classes for its connector paths (ladder.renderers.org_svg).
CONNECTOR, DOTTED = "connector", "dotted-line"


@lru_cache(maxsize=2)
def _asset(name: str) -> str:
    return resources.files("ladder.renderers").joinpath("viewer", name).read_text(encoding="utf-8")


def ladder_html(drawing: LadderDrawing, format: str = "html") -> str:
    """The viewer page for a ladder drawing."""
    svg = ladder_graphviz(replace(drawing, theme="auto"), "svg")
    return viewer_page(drawing.ladder, drawing, inline_svg(svg),  # type: ignore[arg-type]
                       ladder_data(drawing.ladder))


def org_html(drawing: OrgDrawing, format: str = "html") -> str:
    """The viewer page for an org chart drawing (one connector per card, for collapsing)."""
    svg = org_chart(replace(drawing, theme="auto"), "svg")
    svg = split_connectors(inline_svg(svg), drawing.layout())  # type: ignore[arg-type]
    return viewer_page(drawing.org, drawing, svg, org_data(drawing.org))


def viewer_page(thing: Ladder | Org, drawing: LadderDrawing | OrgDrawing, svg: str,
                data: dict[str, object]) -> str:
    """The page: toolbar, the SVG (its colours on ``auto``), the data, the script; it starts
    in the drawing's theme and the reader can switch."""
    title = heading(thing, drawing)
    start = f' data-theme="{drawing.theme}"' if drawing.theme != "auto" else ""
    return (
        f"<!DOCTYPE html>\n<html lang=\"en\"{start}>\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{xml_text(title)}</title>\n<style>\n{_asset('viewer.css')}</style>\n</head>\n"
        "<body>\n<div class=\"lv-bar\" role=\"toolbar\">\n"
        f"<h1>{xml_text(title)}</h1>\n"
        "<div class=\"lv-search\"><input type=\"search\" placeholder=\"Find a person or role\" "
        "aria-label=\"Find a person or role\"><ul class=\"lv-results\" role=\"listbox\" hidden>"
        "</ul></div>\n"
        "<button type=\"button\" data-action=\"fit\">Fit</button>"
        "<button type=\"button\" data-action=\"in\" aria-label=\"Zoom in\">+</button>"
        "<button type=\"button\" data-action=\"out\" aria-label=\"Zoom out\">−</button>"
        "<button type=\"button\" data-action=\"collapse\">Collapse</button>"
        "<button type=\"button\" data-action=\"expand\">Expand all</button>"
        f"<button type=\"button\" data-action=\"theme\">Theme: {drawing.theme}</button>\n"
        "<span class=\"lv-status\" aria-live=\"polite\"></span>\n</div>\n"
        f"<div class=\"lv-main\"><div class=\"lv-stage\">\n{svg}</div>\n"
        "<aside class=\"lv-panel\" aria-live=\"polite\" hidden></aside></div>\n"
        f"<script type=\"application/json\" id=\"lv-data\">{_json(data)}</script>\n"
        f"<script>\n{_asset('viewer.js')}</script>\n</body>\n</html>\n"
    )


def html_iframe(page: str, *, title: str, height: str = "640px") -> str:
    """The viewer page in an ``<iframe srcdoc>`` for a docs page: its script and styles stay
    apart from the site's, and it can still read the site's theme switch (same origin).

    >>> html_iframe("<p>hi</p>", title="A & B")[:61]
    '<iframe class="ladder-viewer" title="A &amp; B" style="width:'
    """
    return (f'<iframe class="ladder-viewer" title="{xml_text(title)}" '
            f'style="width:100%;height:{height};border:1px solid #8884;border-radius:6px" '
            f'loading="lazy" srcdoc="{html.escape(page, quote=True)}"></iframe>')


def _json(data: object) -> str:
    """JSON safe inside ``<script>``: nothing in a name can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def ladder_data(ladder: Ladder) -> dict[str, object]:
    """Roles (with competencies and other names) and moves, keyed by the SVG's ids."""
    tracks = {track.id: track.name for track in ladder.used_tracks()}
    ids = dict(zip([r.id for r in ladder], unique_ids(card_id("role", r.id) for r in ladder),
                   strict=True))
    nodes = [{"id": ids[role.id], "name": role.title,
              "detail": f"Level {role.level} · {tracks.get(role.track, role.track)}",
              "aliases": list(role.aliases),
              "competencies": [c.name for c in role.competencies]} for role in ladder]

    moves = [{"id": f"move-{slug(m.source)}--{slug(m.target)}", "from": ids[m.source],
              "to": ids[m.target], "kind": "lateral" if m.kind == LATERAL else "promotion"}
             for m in ladder.moves]
    return {"kind": "ladder", "nodes": nodes, "moves": moves}


def org_data(org: Org) -> dict[str, object]:
    """People with their manager, keyed by the SVG's card ids."""
    people = list(org.people.values())
    ids = dict(zip([p.id for p in people], unique_ids(card_id("person", p.id) for p in people),
                   strict=True))
    nodes = []
    for person in people:
        name = ("Open: " + (person.title or "position")) if person.vacant else (
            person.display_name or person.name or person.id)
        department = org.departments.get(person.department) if person.department else None
        detail = " · ".join(part for part in (
            person.title, department.name if department else person.department,
            person.location) if part)
        nodes.append({"id": ids[person.id], "name": name, "detail": detail,
                      "parent": ids.get(person.manager) if person.manager else None})
    return {"kind": "org", "nodes": nodes}


def split_connectors(svg: str, chart: OrgLayout) -> str:
    """One connector path per card (``data-to`` = the card's id) and one per dotted line
    (``data-ends``) instead of the writer's few long ones, so hiding a collapsed team hides
    its lines too."""
    import re

    ids = unique_ids(card_id("person", pid) for pid in chart.ids)

    def path(points: list[tuple[float, float]]) -> str:
        return "M" + "L".join(f"{x:g} {y:g}" for x, y in points)

    solid = "\n".join(
        f'<path class="{CONNECTOR}" data-to="{ids[index]}" d="{path(chart.route(index))}"/>'
        for index, manager in enumerate(chart.manager) if manager >= 0)
    dotted = "\n".join(
        f'<path class="{DOTTED}" data-ends="{ids[source]} {ids[target]}" '
        f'd="{path(chart.dotted_route(source, target))}"><title>dotted-line manager</title>'
        "</path>" for source, target in chart.dotted)
    for pattern, joined in ((f'<path class="{CONNECTOR}" d="[^"]*"/>\n?', solid),
                            (f'<path class="{DOTTED}" d="[^"]*">.*?</path>\n?', dotted)):
        first = True

        def replace(_: re.Match[str], joined: str = joined) -> str:
            nonlocal first
            out, first = (joined + "\n" if first else ""), False
            return out

        svg = re.sub(pattern, replace, svg, flags=re.S)
    return svg
