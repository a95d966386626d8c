"""Write one laid-out org chart in a format: SVG ourselves, PNG and PDF through Graphviz.

The page's size comes from :mod:`ladder.render.card_geometry` and is checked against
:mod:`ladder.render.limits` before Graphviz is asked to draw anything.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from ladder.analysis.teams import team_counts
from ladder.errors import RenderError
from ladder.layout.chart import OrgLayout
from ladder.model.org import Org
from ladder.render import limits
from ladder.render.files import write_bytes
from ladder.render.org_cards import PageText, page_frame

FORMATS = ("svg", "png", "pdf", "dot", "json")
Note = Callable[[str], None]


def page_size(chart: OrgLayout, org: Org, text: PageText | None = None) -> tuple[float, float]:
    """Width and height of the drawn page in pixels (chart, margins, title and legend)."""
    frame = page_frame(org, chart, text)
    return frame.width, frame.height


def write_chart(
    org: Org,
    chart: OrgLayout,
    path: Path,
    *,
    fmt: str,
    text: PageText | None = None,
    scale: float = 1.0,
    split: bool = False,
    on_note: Note | None = None,
) -> None:
    """Write one laid-out chart in ``fmt``.

    PNG and PDF pages over their limits are drawn smaller, with a note. A page that would be
    unreadably small is refused with a hint, unless ``split`` (a page of a split chart, which
    the splitter already made as small as it can): then it is drawn at the largest scale.
    """
    text = text or PageText()
    counts = text.counts if text.counts is not None else team_counts(org)
    if fmt == "json":
        from ladder.render.layout_json import layout_json

        data = layout_json(chart, counts).encode("utf-8")
    elif fmt == "svg":
        from ladder.render.org_svg import org_svg

        data = org_svg(org, chart, text).encode("utf-8")
    elif fmt == "dot":
        from ladder.render.org_dot import org_dot

        data = org_dot(org, chart, text).encode("utf-8")
    else:
        from ladder.render.graphviz_backend import run_graphviz  # only here: SVG needs none
        from ladder.render.org_dot import org_dot

        asked = scale if fmt == "png" else 1.0  # --scale is for bitmaps; PDF is vector
        drawn, max_inches = _bitmap_scale(org, chart, path, fmt, text, asked, split, on_note)
        # Positions are pinned in the DOT: neato -n2 only draws, it does not lay out again.
        data = run_graphviz(org_dot(org, chart, text, scale=drawn, max_inches=max_inches),
                            format=fmt, engine="neato", neato_no_op=2)
    write_bytes(path, data)


def _bitmap_scale(org: Org, chart: OrgLayout, path: Path, fmt: str, text: PageText,
                  scale: float, split: bool, on_note: Note | None) -> tuple[float, float | None]:
    """(scale for the PNG's dpi, the PDF's page limit in inches or None) within the limits."""
    width, height = page_size(chart, org, text)
    chosen = limits.fit_scale(width, height, fmt, scale)
    if chosen is None and not split:
        raise RenderError(
            f"the chart of {len(chart):,} people is {limits.describe(width, height, fmt, scale)}"
            f": {limits.limit_text(fmt)}, and drawn smaller it would be unreadable",
            file=str(path),
            hint="use --split department or --split depth:N (each page fits), "
                 "or write .svg, which has no size limit")
    if chosen is None:
        chosen = math.floor(limits.largest_scale(width, height, fmt) * 100) / 100
    if chosen != scale and on_note is not None:
        on_note(f"{path.name}: {limits.describe(width, height, fmt, scale)} is over the limit "
                f"({limits.limit_text(fmt)}): drawn at scale {chosen:g}")
    if fmt == "pdf":
        return 1.0, (limits.PDF_MAX_SIDE / 72 if chosen < 1.0 else None)
    return chosen, None
