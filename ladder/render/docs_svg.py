"""SVG for docs pages, ladders and org charts alike: the drawing plus :func:`finish_svg`.

``draw_svg(thing, options)`` is the ``svg`` entry of the format table for things already
loaded (the API's ``draw``): Graphviz draws a ladder, the org chart writer an org, and both go
through the one post-process (theme, accessible title and description, card ids from the
data, transparent background, one font stack). ``options`` as the other formats read them:
``title``, ``detail``, ``years``, ``highlight`` (a :class:`~ladder.render.ladder_dot.Highlight`),
``mode``, ``columns``, ``theme`` (light, dark, auto), ``transparent``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ladder.render.theme import finish_svg
from ladder.render.views import describe, heading, is_ladder, option

if TYPE_CHECKING:
    from ladder.layout.chart import OrgLayout
    from ladder.model import Ladder, Org


def draw_svg(thing: Ladder | Org, options: object = None) -> str:
    """The diagram as an SVG document fit for a docs page (see :mod:`ladder.render.theme`)."""
    if is_ladder(thing):
        return ladder_svg(thing, options)  # type: ignore[arg-type]
    return org_chart_svg(thing, options)[0]  # type: ignore[arg-type]


def ladder_svg(ladder: Ladder, options: object = None) -> str:
    """A ladder through Graphviz, finished for docs."""
    from ladder.render.graphviz_backend import run_graphviz
    from ladder.render.ladder_dot import ladder_dot

    source = ladder_dot(ladder, title=option(options, "title"),
                        detail=bool(option(options, "detail", False)),
                        years=bool(option(options, "years", True)),
                        highlight=option(options, "highlight"))
    raw = run_graphviz(source, format="svg").decode("utf-8")
    return finish(ladder, raw, options)


def org_chart_svg(org: Org, options: object = None) -> tuple[str, OrgLayout]:
    """An org chart written directly, finished for docs; also its layout (the HTML viewer
    redraws connectors from it)."""
    from ladder.layout.chart import layout_org
    from ladder.render.org_chart import dotted_notes, org_svg, team_counts

    chart = layout_org(org, mode=option(options, "mode", "auto"),
                       columns=int(option(options, "columns", 2)))
    raw = org_svg(org, chart, title=option(options, "title"),
                  counts=option(options, "counts") or team_counts(org),
                  notes=option(options, "notes") or dotted_notes(org))
    return finish(org, raw, options, card_ids=chart.ids), chart


def finish(thing: Ladder | Org, svg: str, options: object = None,
           card_ids: list[str] | None = None) -> str:
    """The one hook every SVG writer calls last: ``svg`` themed, labelled and given ids."""
    return finish_svg(svg, title=heading(thing, options), description=describe(thing),
                      theme=option(options, "theme", "light"),
                      transparent=bool(option(options, "transparent", False)),
                      kind="ladder" if is_ladder(thing) else "org", card_ids=card_ids)
