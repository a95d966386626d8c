"""What a format function draws: a ladder or an org chart with everything already decided.

The API turns a source and its options into one of these (the variant projected, the path to
highlight found, the part of the org cut out); every format in the table of
:mod:`ladder.renderers.files` then draws it as ``draw(drawing, format) -> str | bytes`` (the
drawers of :mod:`ladder.renderers.drawers`, and the text formats' own), with no more decisions
to take, so SVG, PNG, DOT and JSON never disagree about what they show. Plain data: every
renderer may read it, and it imports none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ladder.analysis.teams import TeamCount
    from ladder.layout.chart import OrgLayout
    from ladder.model import Ladder, Org
    from ladder.renderers.ladder_dot import Highlight
    from ladder.renderers.matrix import MatrixOptions


@dataclass(frozen=True)
class LadderDrawing:
    """A ladder ready to draw: as its variant sees it, with the path to emphasise."""

    ladder: Ladder
    title: str | None = None
    detail: bool = False
    years: bool = True
    highlight: Highlight | None = None
    matrix: MatrixOptions | None = None  # the matrix view of levels by areas, not the graph
    theme: str = "light"  # light, dark or auto (see ladder.renderers.theme)
    transparent: bool = False


class ChartChoices(Protocol):
    """What the renderers read of an org chart's options: the API's ``OrgOptions`` has these
    and more (``root``, ``depth``, ``align_levels`` are settled before a drawing is made)."""

    @property
    def mode(self) -> str: ...  # auto, tree, compact or stacked
    @property
    def columns(self) -> int: ...  # columns of stacked leaf reports
    @property
    def split(self) -> str | None: ...  # "department" or "depth:N": an overview plus pages
    @property
    def scale(self) -> float: ...  # PNG pixels per chart pixel
    @property
    def paper(self) -> str | None: ...  # PDF: a book of pages of this paper size
    @property
    def landscape(self) -> bool: ...  # with paper: the sheets turned


@dataclass
class OrgDrawing:
    """An org chart ready to draw: the part shown and the counts of the whole org."""

    org: Org  # the people drawn
    options: ChartChoices  # the API's OrgOptions
    title: str | None = None
    counts: Mapping[str, TeamCount] = field(default_factory=dict)  # of the whole org
    notes: Mapping[str, str] = field(default_factory=dict)  # dotted lines to people left out
    levels: Mapping[str, int] | None = None  # person id -> ladder level, for align_levels
    on_note: Callable[[str], None] | None = None  # remarks, e.g. a PNG drawn smaller to fit
    theme: str = "light"  # light, dark or auto (see ladder.renderers.theme)
    transparent: bool = False
    output: Path | None = None  # the file being written, named in notes about it
    _layout: OrgLayout | None = None

    def layout(self) -> OrgLayout:
        """The positions of every card, computed once on first use."""
        if self._layout is None:
            from ladder.layout.chart import layout_org  # lazy: drawing a ladder loads no org layout

            self._layout = layout_org(self.org, mode=self.options.mode,
                                      columns=self.options.columns,
                                      align_levels=self.levels)
        return self._layout
