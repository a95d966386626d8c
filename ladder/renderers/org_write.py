"""Write one laid-out org chart in a format: SVG ourselves, PNG and PDF through Graphviz.

The page's size comes from :mod:`ladder.renderers.card_geometry` and is checked against
:mod:`ladder.renderers.limits` before Graphviz is asked to draw anything.
"""

from __future__ import annotations

import math
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ladder.analysis.teams import team_counts
from ladder.errors import RenderError
from ladder.layout.chart import OrgLayout
from ladder.model.org import Org
from ladder.renderers import limits
from ladder.renderers.files import write_bytes
from ladder.renderers.layout_json import layout_json
from ladder.renderers.org_cards import PageText, page_frame

FORMATS = ("svg", "png", "pdf", "dot", "json")
Note = Callable[[str], None]
Finish = Callable[[Org, str, "str | None"], str]


def page_size(chart: OrgLayout, org: Org, text: PageText | None = None) -> tuple[float, float]:
    """Width and height of the drawn page in pixels (chart, margins, title and legend)."""
    frame = page_frame(org, chart, text)
    return frame.width, frame.height


def write_chart(org: Org, chart: OrgLayout, path: Path, **drawing: Any) -> None:
    """Write one laid-out chart to ``path``; ``drawing`` as for :func:`chart_data`."""
    write_bytes(path, chart_data(org, chart, path=path, **drawing))


def chart_data(
    org: Org,
    chart: OrgLayout,
    *,
    fmt: str,
    text: PageText | None = None,
    scale: float = 1.0,
    split: bool = False,
    on_note: Note | None = None,
    path: Path = Path("chart"),
    finish: Finish | None = None,
) -> bytes:
    """One laid-out chart in ``fmt`` as the bytes of its file (``path`` names it in messages).

    ``finish(org, svg, title)`` is the SVG's last step (the API's docs finish: theme, title
    and description), so the pages of a split chart look like a whole chart.

    PNG and PDF pages over their limits are drawn smaller, with a note. A page that would be
    unreadably small is refused with a hint, unless ``split`` (a page of a split chart, which
    the splitter already made as small as it can): then it is drawn at the largest scale.
    """
    text = text or PageText()
    counts = text.counts if text.counts is not None else team_counts(org)
    if fmt == "json":
        data = layout_json(chart, counts).encode("utf-8")
    elif fmt == "svg":
        from ladder.renderers.org_svg import org_svg  # lazy: JSON, DOT and PNG load no SVG writer

        svg = org_svg(org, chart, text)
        data = (finish(org, svg, text.title) if finish else svg).encode("utf-8")
    elif fmt == "dot":
        from ladder.renderers.org_dot import org_dot  # lazy: SVG and JSON load no DOT writer

        data = org_dot(org, chart, text).encode("utf-8")
    else:
        asked = scale if fmt == "png" else 1.0  # --scale is for bitmaps; PDF is vector
        drawn, max_inches = _bitmap_scale(org, chart, path, fmt, text, asked, split, on_note)
        if fmt == "png" and split:  # a split chart's many pages: drawn here, not by cairo
            from ladder.renderers.org_png import org_png  # lazy: only PNG pages load Pillow

            return org_png(org, chart, text, scale=drawn)
        from ladder.renderers.graphviz_backend import run_graphviz  # only here: SVG needs none
        from ladder.renderers.org_dot import org_dot  # lazy: SVG and JSON load no DOT writer

        # Positions are pinned in the DOT: neato -n2 only draws, it does not lay out again.
        data = run_graphviz(org_dot(org, chart, text, scale=drawn, max_inches=max_inches),
                            format=fmt, engine="neato", neato_no_op=2)
    return data


def _paging_command(org: Org, path: Path) -> str:
    """The command that draws ``org`` in pages that fit: by department when it has them.

    >>> _paging_command(Org.build("x", [], source="big chart.yaml"), Path("out/x.png"))
    "ladder render 'big chart.yaml' -o out/x.png --split depth:3"
    """
    by = "department" if any(p.department for p in org.people.values()) else "depth:3"
    if org.source is None:  # drawn from a model built in code: the option is what to add
        return f"--split {by}"
    return f"ladder render {shlex.quote(org.source)} -o {shlex.quote(str(path))} --split {by}"


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
            hint=("use --paper a4 (a PDF book, each team on pages at a readable size), "
                  if fmt == "pdf" else "") + "draw it in pages that fit: " +
                 _paging_command(org, path) + "; or write .svg, which has no size limit")
    if chosen is None:
        chosen = math.floor(limits.largest_scale(width, height, fmt) * 100) / 100
    if chosen != scale and on_note is not None:
        on_note(f"{path.name}: {limits.describe(width, height, fmt, scale)} is over the limit "
                f"({limits.limit_text(fmt)}): drawn at scale {chosen:g}")
    if fmt == "pdf":
        return 1.0, (limits.PDF_MAX_SIDE / 72 if chosen < 1.0 else None)
    return chosen, None
