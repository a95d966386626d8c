"""The last step of every SVG, ladders and org charts alike: :func:`finish_drawing`.

The ladder's SVG comes from Graphviz, the org chart's from its own writer; both go through the
one post-process of :mod:`ladder.renderers.theme` (theme, accessible title and description, card
ids from the data, transparent background, one font stack), with the drawing's ``theme`` and
``transparent`` options. The pages of a split chart are finished alike (:func:`finish_page`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ladder.renderers.drawings import LadderDrawing, OrgDrawing
from ladder.renderers.theme import FinishedPieces, finish_svg
from ladder.renderers.views import describe, heading

if TYPE_CHECKING:
    from ladder.model import Org


def finish_drawing(drawing: LadderDrawing | OrgDrawing, svg: str) -> str:
    """``svg``, the drawing's raw SVG, themed, labelled and given ids from the data."""
    thing = drawing.ladder if isinstance(drawing, LadderDrawing) else drawing.org
    # the org-chart writer names its cards itself (ladder.renderers.org_svg.card_ids)
    return finish_svg(svg, title=heading(thing, drawing), description=describe(thing),
                      theme=drawing.theme, transparent=drawing.transparent,
                      kind="ladder" if isinstance(drawing, LadderDrawing) else "org")


def finish_org_pieces(drawing: OrgDrawing, pieces: Iterable[str],
                      colours: Iterable[str]) -> FinishedPieces:
    """:func:`finish_drawing` of an org chart's SVG that comes in pieces (see FinishedPieces);
    ``colours``: those its ``fill`` and ``stroke`` attributes draw."""
    return FinishedPieces(pieces, colours, title=heading(drawing.org, drawing),
                          description=describe(drawing.org), theme=drawing.theme,
                          transparent=drawing.transparent, kind="org")


def finish_page(drawing: OrgDrawing, page: Org, svg: str, title: str | None) -> str:
    """:func:`finish_drawing` of one SVG page of a split chart: ``page`` is the part of the
    org it shows, ``title`` the page's own (else the part's name)."""
    return finish_svg(svg, title=title or page.name, description=describe(page),
                      theme=drawing.theme, transparent=drawing.transparent, kind="org")
