"""``--format html``: one self-contained, offline page to explore a ladder or an org chart.

Everything is inline (no CDN, no request of any kind): the data as JSON, the scripts and styles
from ``viewer/`` (package data).

* An org chart is the *explorer* (``viewer/explorer.js``): the people travel as compact columns
  of JSON (:func:`explorer_data`), and the page lays the visible cards out itself with the rules
  of :mod:`ladder.layout` (``viewer/layout.js``, checked against the Python layout by
  ``tests/test_explorer_layout.py``). It opens on the top levels that fit the screen at a
  readable size; each manager's toggle opens or closes the team and the chart is laid out
  again; search, focus, breadcrumb, deep links (``#person-id``), minimap, export, themes.
  The page API, for scripts and tests: ``window.ladder``. The calls that change the view
  return a promise that settles once the page is laid out and drawn again:

  - ``expand(id)``, ``collapse(id)``, ``toggle(id)``: open or close a manager's team (the card
    stays where it is on the screen);
  - ``focus(id)`` / ``unfocus()``: one person with the chain above and their team;
  - ``openLevels(n)`` (``1``: the top alone), ``openAll()``, ``closeAll()``;
  - ``reveal(id)``: open the chain down to a person, centre and mark them (search does this);
  - ``changes(on)``: a drawn diff's filter, the changed cards and the chains above them;
  - ``fit()``, ``pan(dx, dy)``, ``zoomBy(factor)``;
  - ``search(text)``: the ids found, best first (name, then title, department, id; case and
    accents ignored), without changing the view;
  - ``cards()``: the cards drawn now, ``{id, x, y, width, height}`` in screen pixels;
    ``layout()``, ``lines()``, ``dotted()``: what shows, in layout pixels (as ``--format
    json``; dotted lines routed by the rules of :mod:`ladder.layout.dotted`); ``zoom()``:
    screen pixels per layout pixel; ``exportSvg()``, ``exportPng()``;
  - ``ready``: a promise for the first screen; ``animate``: false turns the animation off.
* A ladder is its docs SVG (:mod:`ladder.renderers.docs_svg`) with ``viewer/viewer.js``: pan,
  zoom, search; a click on a role shows the paths to and from it and its competencies, and a
  shift-click on a second role the quickest path and what it takes (:func:`ladder_routes`).

Inside a docs page (an ``<iframe>``, see :func:`html_iframe`) both follow the site's light/dark
switch.
"""

from __future__ import annotations

import html
import json
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ladder.escape import css_length, xml_text
from ladder.renderers.theme import card_id, inline_svg, unique_ids
from ladder.renderers.views import heading

if TYPE_CHECKING:
    import networkx as nx

    from ladder.model import Ladder, Org, Role
    from ladder.renderers.drawings import LadderDrawing, OrgDrawing


@lru_cache(maxsize=2)
def _asset(name: str) -> str:
    return resources.files("ladder.renderers").joinpath("viewer", name).read_text(encoding="utf-8")


def ladder_html(drawing: LadderDrawing, format: str = "html") -> str:
    """The viewer page for a ladder drawing."""
    from ladder.renderers.drawers import (
        ladder_graphviz,  # lazy: an org chart loads no ladder drawer
    )

    svg = ladder_graphviz(replace(drawing, theme="auto"), "svg")
    assert isinstance(svg, str)  # SVG comes back as text
    return viewer_page(drawing.ladder, drawing, inline_svg(svg), ladder_data(drawing.ladder))


def org_html(drawing: OrgDrawing, format: str = "html") -> str:
    """The org explorer: the people as compact JSON, laid out in the page (``explorer.js``
    running the rules of :mod:`ladder.layout` in ``layout.js``) on the cards that show."""
    title = heading(drawing.org, drawing)
    start = f' data-theme="{drawing.theme}"' if drawing.theme != "auto" else ""
    return (
        f"<!DOCTYPE html>\n<html lang=\"en\"{start}>\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{xml_text(title)}</title>\n<style>\n{_asset('viewer.css')}</style>\n</head>\n"
        "<body class=\"lv-explorer\">\n<div class=\"lv-bar\" role=\"toolbar\">\n"
        f"<h1>{xml_text(title)}</h1>\n"
        "<div class=\"lv-search\"><input type=\"search\" placeholder=\"Find a person, title, "
        "department or id\" aria-label=\"Find a person\" autocomplete=\"off\">"
        "<ul class=\"lv-results\" role=\"listbox\" hidden></ul></div>\n"
        "<button type=\"button\" data-action=\"fit\" title=\"Fit what shows\">Fit</button>"
        "<button type=\"button\" data-action=\"in\" aria-label=\"Zoom in\">+</button>"
        "<button type=\"button\" data-action=\"out\" aria-label=\"Zoom out\">−</button>"
        "<button type=\"button\" data-action=\"close-all\">Close all</button>"
        "<button type=\"button\" data-action=\"open-all\">Open all</button>"
        "<select class=\"lv-levels\" aria-label=\"Open to level\">"
        "<option value=\"\">Levels…</option></select>"
        "<button type=\"button\" data-action=\"focus\" title=\"The selected person, the "
        "chain above and their team\">Focus</button>"
        "<button type=\"button\" data-action=\"changes\" aria-pressed=\"false\" hidden "
        "title=\"The changed cards and the managers above them\">Changes</button>"
        f"<button type=\"button\" data-action=\"theme\">Theme: {drawing.theme}</button>"
        "<button type=\"button\" data-action=\"svg\" title=\"Save the view as SVG\">SVG</button>"
        "<button type=\"button\" data-action=\"png\" title=\"Save the view as PNG\">PNG</button>"
        "<button type=\"button\" data-action=\"print\">Print</button>\n"
        "<span class=\"lv-status\" aria-live=\"polite\"></span>\n</div>\n"
        "<nav class=\"lv-crumbs\" aria-label=\"Reporting line\" hidden></nav>\n"
        "<div class=\"lv-main\"><div class=\"lv-stage\" role=\"tree\">"
        "<canvas class=\"lv-canvas\"></canvas><div class=\"lv-layer\"></div>"
        "<canvas class=\"lv-minimap\" width=\"400\" height=\"280\" hidden></canvas>"
        "</div></div>\n"
        f"<script type=\"application/json\" id=\"lv-data\">{_json(explorer_data(drawing))}"
        "</script>\n"
        f"<script>\n{_asset('docs_theme.js')}{_asset('layout.js')}{_asset('explorer.js')}"
        "</script>\n</body>\n</html>\n"
    )


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
        f"<script>\n{_asset('docs_theme.js')}{_asset('viewer.js')}</script>\n</body>\n</html>\n"
    )


def html_iframe(page: str, *, title: str, height: str = "640px") -> str:
    """The viewer page in an ``<iframe srcdoc>`` for a docs page: its script and styles stay
    apart from the site's, and it can still read the site's theme switch (same origin).

    >>> html_iframe("<p>hi</p>", title="A & B")[:61]
    '<iframe class="ladder-viewer" title="A &amp; B" style="width:'
    """
    # the height reaches a style attribute: only a number and a unit pass (ValueError else)
    style = f"width:100%;height:{css_length(height)};border:1px solid #8884;border-radius:6px"
    return (f'<iframe class="ladder-viewer" title="{xml_text(title)}" style="{style}" '
            f'loading="lazy" srcdoc="{html.escape(page, quote=True)}"></iframe>')


def _json(data: object) -> str:
    """JSON safe inside ``<script>``: nothing in a name can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _role_data(ladder: Ladder, role: Role, tracks: dict[str, str]) -> dict[str, object]:
    """What the panel shows of a role. ``practice`` names the facts from a secondary source
    (the page sets them in italics): "title", "level", "summary", and the aliases,
    competencies and statements by their text. An imported framework's role lists no
    competencies: its statements per area are ``expectations`` ([area name, [text, ...]])."""
    marked = ladder.secondary
    practice = [fact for fact, source in (("title", role.source), ("level", role.level_source),
                                          ("summary", role.summary_source)) if marked(source)]
    practice += [a for a in role.aliases if marked(role.alias_source(a))]
    practice += [c.name for c in role.competencies if marked(c.source)]
    areas = {area.id: area.name for area in ladder.areas.values()}
    expectations = [] if role.competencies else [
        [areas.get(area, area), [text for s in statements
                                 for text in [s.text, *(f"one of: {o}" for o in s.options)]]]
        for area, statements in role.expectations if statements]
    practice += [s.text for _, statements in ([] if role.competencies else role.expectations)
                 for s in statements if marked(s.source)]
    # the article's words (a source's own, upright) are quoted; a summary of ours is not
    quoted = role.summary_source is not None and not marked(role.summary_source)
    return {"name": role.title, "level": f"Level {role.level}",
            "detail": f"Level {role.level} · {tracks.get(role.track, role.track)}",
            "aliases": list(role.aliases), "summary": role.summary, "quoted": quoted,
            "competencies": [c.name for c in role.competencies],
            "expectations": expectations, "practice": sorted(set(practice))}


def ladder_data(ladder: Ladder) -> dict[str, object]:
    """Roles (summary, other names, competencies or statements per area, which facts are
    practice) and moves, keyed by the SVG's ids; the legend of the italics."""
    from ladder.model import LATERAL  # lazy: an org chart loads no ladder model

    tracks = {track.id: track.name for track in ladder.used_tracks()}
    ids = dict(zip([r.id for r in ladder], unique_ids(card_id("role", r.id) for r in ladder),
                   strict=True))
    nodes = [{"id": ids[role.id], **_role_data(ladder, role, tracks)} for role in ladder]
    legend = "; ".join(s.title or s.id for s in ladder.sources.values()
                       if ladder.secondary(s.id))
    from ladder.renderers.theme import id_part  # lazy: charting a CSV loads no theme

    moves = [{"id": f"move-{id_part(m.source)}--{id_part(m.target)}", "from": ids[m.source],
              "to": ids[m.target], "kind": "lateral" if m.kind == LATERAL else "promotion"}
             for m in ladder.moves]
    return {"kind": "ladder", "nodes": nodes, "moves": moves, "routes": ladder_routes(ladder, ids),
            "legend": legend}


ROUTES_UP_TO = 40  # roles: above, the page leaves the pairs to `ladder paths` (n * n answers)
ROUTE_WORK = 50_000  # simple paths in all: more (laterals both ways) and the same, as it costs


def _few_paths(graph: nx.DiGraph[str], budget: int) -> bool:
    """Whether the ladder's simple paths, from every role, number at most ``budget``:
    ``ladder paths`` lists them all, so precomputing every pair costs about that many steps.
    A ladder with lateral moves both ways on many levels has too many (it is left out, the
    same way every time)."""
    steps = 0
    for start in graph:
        pending = [(start, frozenset([start]))]
        while pending:
            node, seen = pending.pop()
            for nxt in graph.successors(node):
                if nxt not in seen:
                    steps += 1
                    if steps > budget:
                        return False
                    pending.append((nxt, seen | {nxt}))
    return True


def ladder_routes(ladder: Ladder, ids: dict[str, str]) -> dict[str, dict[str, object]]:
    """For every pair of roles linked by moves, ``"from>to"`` (the SVG's ids): the quickest
    path and the competencies to gain on it, the answers of ``ladder paths`` and ``ladder gap``
    (:func:`ladder.analysis.paths.competency_gap`), worked out here so the page only reads them.
    """
    import networkx as nx

    from ladder.analysis.paths import competency_gap  # lazy: an org chart loads no networkx
    from ladder.renderers.results.paths import years_phrase  # lazy: an org chart loads no networkx

    roles = list(ladder)
    if len(roles) > ROUTES_UP_TO or not _few_paths(ladder.graph, ROUTE_WORK):
        return {}
    routes: dict[str, dict[str, object]] = {}
    for start in roles:
        reachable = nx.descendants(ladder.graph, start.id)
        for goal in roles:
            if goal.id not in reachable:
                continue
            gap = competency_gap(ladder, start, goal)
            if gap.path is None:
                continue
            routes[f"{ids[start.id]}>{ids[goal.id]}"] = {
                "path": [ids[role] for role in gap.path.roles],
                "years": years_phrase(gap.path.typical_years),
                "needed": list(gap.needed),
            }
    return routes


def explorer_data(drawing: OrgDrawing) -> dict[str, object]:
    """The people as columns (about 45 bytes a person): ids, manager index (-1: a root),
    the card's three lines (names raw, the other two through a table of repeated texts),
    department colour, vacancies, assistants, dotted lines; plus the layout's card sizes.

    The cards are the static chart's (as wide as their text, a line taller when titles wrap),
    and the lines as a card shows them are fitted here by the SVG cards' own rules (a title
    wraps onto a second line where the card has one, a cut keeps a department's
    distinguishing end, the ellipsis in the middle): ``shown2``/``shown3`` (table indexes)
    and ``shownName`` (``[index, text]`` of the names that are cut); the whole lines stay
    for the tooltip and the search.

    Names and titles are data: the page sets them as text, never as HTML.
    """
    from ladder.layout.cards import (  # lazy: drawing a ladder loads no org layout
        CardStyle,
        fit_lines,
        fit_middle,
        fit_text,
    )
    from ladder.layout.chart import CONTENT_STYLE_PEOPLE, layout_org  # lazy: as above
    from ladder.renderers.card_geometry import DETAIL, NAME, TITLE, text_room  # lazy: as above
    from ladder.renderers.org_cards import (  # lazy: drawing a ladder loads no org layout
        MARK_COLOURS,
        MARK_WORDS,
        _card_text,
        department_colours,
        department_name,
    )

    org = drawing.org
    people = list(org.people.values())
    number = {person.id: index for index, person in enumerate(people)}
    colours = department_colours(org)
    palette = list(dict.fromkeys(colours.values()))
    slot = {value: index for index, value in enumerate(palette)}
    texts: dict[str, int] = {"": 0}

    def text(value: str) -> int:
        return texts.setdefault(value, len(texts))

    # the cards of the static chart: as wide as their text and a line taller when titles wrap,
    # unless that spreads the chart out (its layout decides; a big org keeps the usual cards)
    style = CardStyle() if len(org) > CONTENT_STYLE_PEOPLE else layout_org(
        org, mode=drawing.options.mode, columns=drawing.options.columns).style
    room = text_room(style.width)
    names, second, third, colour = [], [], [], []
    shown_name, shown2, shown3 = [], [], []
    for index, person in enumerate(people):
        lines = _card_text(person, department_name(org, person.department))
        names.append(lines[0])
        second.append(text(lines[1] or ""))
        # a diff's card says what changed where the department would be (as the SVG's)
        note = bool(person.mark and person.note)
        last = person.note if note else lines[2] or ""
        third.append(text(last))
        colour.append(slot[colours[person.department]] if person.department else -1)
        fitted = fit_text(lines[0], NAME.size, room, bold=True)
        if fitted != lines[0]:
            shown_name.append([index, fitted])
        shown2.append(text("\n".join(fit_lines(lines[1] or "", TITLE.size, room,
                                                 style.title_lines))))
        shown3.append(text(fit_text(last, DETAIL.size, room) if note
                           else fit_middle(last, DETAIL.size, room)))
    kinds = list(MARK_COLOURS)
    marked = [[i, kinds.index(person.mark)] for i, person in enumerate(people)
              if person.mark in MARK_COLOURS]
    changes = {"marked": marked, "marks": [[MARK_WORDS[k].split(" (")[0], MARK_COLOURS[k]]
                                           for k in kinds]} if marked else {}
    return changes | {
        "kind": "org",
        "mode": "tree" if drawing.options.mode == "tree" else "compact",
        "columns": drawing.options.columns,
        "shownName": shown_name, "shown2": shown2, "shown3": shown3,
        "style": {"width": style.width, "height": style.height,
                  "title_lines": style.title_lines,
                  "sibling_gap": style.sibling_gap, "cousin_gap": style.cousin_gap,
                  "level_gap": style.level_gap, "spine_gap": style.spine_gap,
                  "indent": style.indent},
        "id": [person.id for person in people],
        "parent": [number.get(person.manager, -1) if person.manager else -1
                   for person in people],
        "name": names, "line2": second, "line3": third, "strings": list(texts),
        "colour": colour, "colours": palette,
        "vacant": [i for i, person in enumerate(people) if person.vacant],
        "assistant": [i for i, person in enumerate(people) if person.assistant],
        "dotted": [[number[boss], i] for i, person in enumerate(people)
                   for boss in person.dotted if boss in number],
    }
