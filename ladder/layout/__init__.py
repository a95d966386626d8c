"""Org-chart layout: tidy tree in linear time, leaf stacks, indented lists, level alignment."""

from ladder.layout.cards import CardStyle
from ladder.layout.chart import MODES, Box, Edge, OrgLayout, layout_org

__all__ = ["MODES", "Box", "CardStyle", "Edge", "OrgLayout", "layout_org"]
