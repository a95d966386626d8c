"""Org-chart layout: where every card goes and how every connector runs, in linear time.

:func:`layout_org` (:mod:`.chart`) is the one entry point. The modules follow its pipeline:

- :mod:`.tree`: the reporting tree as index arrays, the one walk over the people;
- :mod:`.cards`: one card size for all, and text fitted into it (shared with the renderers);
- :mod:`.blocks`: the shapes a manager's reports are packed into (stacks of leaves, bands,
  indented lists in columns), so that any span keeps about the shape of a square;
- :mod:`.plan`: ``auto`` mode's search for which subtrees to draw as lists;
- :mod:`.place` and :mod:`.tidy`: units of a tree, packed by the tidy-tree algorithm (Walker's,
  made linear by Buchheim, Jünger and Leipert), and every card's position read back;
- :mod:`.routes`: the kinds of connector; :mod:`.dotted`: the dotted-line ones, each on a
  track of its own clear of the solid drawing;
- :mod:`.org_layout`: the result, :class:`OrgLayout` (positions and routes, in CSS pixels),
  with the solid elbow connectors it draws.

Ladders need no layout here: they are small layered graphs that Graphviz's ``dot`` lays out
(:mod:`ladder.renderers.ladder_dot`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ladder.lazy import lazy_names

if TYPE_CHECKING:  # the names below, for type checkers (``as``: re-exported under strict mypy)
    from ladder.layout.cards import CardStyle as CardStyle
    from ladder.layout.chart import MODES as MODES
    from ladder.layout.chart import Box as Box
    from ladder.layout.chart import Edge as Edge
    from ladder.layout.chart import OrgLayout as OrgLayout
    from ladder.layout.chart import layout_org as layout_org

# On first use (ladder.lazy): Graphviz's runner reads ladder.layout.fonts, and importing that
# module must not load the whole org layout for a ladder that never uses it.
_NAMES = {"ladder.layout.cards": ("CardStyle",),
          "ladder.layout.chart": ("MODES", "Box", "Edge", "OrgLayout", "layout_org")}
__all__ = [name for names in _NAMES.values() for name in names]
__getattr__ = lazy_names(__name__, _NAMES)
