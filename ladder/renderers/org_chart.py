"""The part of an org to draw, and its people's ladder levels: what the API decides before
an org chart is drawn.

Drawing itself goes one way, through :func:`ladder.render` / :func:`ladder.draw` and the
format table (:mod:`ladder.renderers.files`), to :func:`ladder.renderers.drawers.org_chart`.
The jobs of an org chart live in their own modules:

* :mod:`ladder.renderers.card_geometry`: fonts, text rows and sizes of a card and of the page;
* :mod:`ladder.renderers.org_cards`: what each card says, its colour and badge;
* :mod:`ladder.renderers.org_svg`: the SVG, written directly (linear, about 0.3 s for 10,000);
* :mod:`ladder.renderers.org_dot`: DOT with every position pinned, for ``neato -n2`` (PNG, PDF);
* :mod:`ladder.renderers.limits`: how big a PNG or PDF page may be;
* :mod:`ladder.renderers.org_write`: one chart in one format, within those limits;
* :mod:`ladder.renderers.split` and :mod:`ladder.renderers.pages`: overview and pages that each fit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ladder.analysis.people import find_person
from ladder.errors import LadderError, RenderError
from ladder.model.org import Org


def levels_of_people(org: Org, levels: Mapping[str, int] | None) -> dict[str, int]:
    """Each person's ladder level from ``levels`` (role id -> level), for rows by level."""
    if not levels:
        raise RenderError("option 'align_levels' needs the ladder's levels", file=org.source,
                          hint="give the org a ladder, or leave out align_levels")
    return {p.id: levels[p.role] for p in org.people.values()
            if p.role is not None and p.role in levels}


def cut(org: Org, root: str | None = None, depth: int | None = None) -> Org:
    """The part of ``org`` to draw: ``root``'s subtree, or the whole forest, ``depth`` levels
    deep (1 = the top people alone); the org itself when neither is given."""
    if root is not None:
        try:  # an id, or a name: the one look-up the questions use too
            person = find_person(org, root)
        except LadderError as error:
            raise RenderError(f"option 'root': {error.message}", file=org.source,
                              hint=error.hint) from error
        return org.subtree(person.id, depth)
    if depth is None:
        return org
    if depth < 1:
        raise RenderError("option 'depth' must be 1 or more")
    keep: set[str] = set()
    frontier = [p.id for p in org.roots()]
    for _ in range(depth):
        keep.update(frontier)
        frontier = [r for pid in frontier for r in org.children[pid]]
    people = [replace(p, dotted=tuple(d for d in p.dotted if d in keep))
              for p in org.people.values() if p.id in keep]
    return Org.build(org.name, people, list(org.departments.values()), ladder=org.ladder,
                     variant=org.variant, source=org.source)


__all__ = ["cut", "levels_of_people"]
