"""The drawn reorg diff: the new chart with joined, moved and changed cards marked and
labelled, and beside it a panel with the legend and the list of leavers.

The chart itself is the ordinary org chart of the marked org (:func:`marked_org` sets each
card's mark and label from the diff's records); this module adds the panel: to the SVG it
writes, and to the pinned DOT that Graphviz turns into PNG or PDF.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from ladder.analysis.diff import Changed, OrgDiff
from ladder.analysis.teams import team_counts
from ladder.errors import RenderError
from ladder.escape import dot_html, xml_text
from ladder.layout.cards import fit_text
from ladder.layout.chart import OrgLayout, layout_org
from ladder.model.org import Org
from ladder.renderers import limits
from ladder.renderers.graphviz_backend import run_graphviz
from ladder.renderers.org_cards import MARK_COLOURS, PageText, dotted_notes
from ladder.renderers.org_dot import org_dot
from ladder.renderers.org_svg import org_svg
from ladder.renderers.org_write import page_size
from ladder.renderers.results.diff import summary
from ladder.renderers.theme import finish_svg
from ladder.text import coord as _n
from ladder.text import person_label

LEFT_COLOUR = "#c0392b"
PANEL_WIDTH = 300.0
LINE = 18.0  # height of one panel line
MAX_LEAVERS = 150  # listed by name; the rest are counted (the CSV lists every one)


class _Line(NamedTuple):
    text: str
    size: int = 12
    colour: str = "#4a5160"
    bold: bool = False
    swatch: str = ""  # outline colour of a legend entry


def marked_org(new: Org, diff: OrgDiff) -> Org:
    """The new org with every joined, moved and changed card marked and labelled
    (``Person.mark``, ``Person.note``): what the chart writer shows."""
    marks: dict[str, tuple[str, str]] = {}
    for joined in diff.joined:
        marks[joined.id] = ("joined", "Joined")
    changes: dict[str, list[str]] = {}
    for changed in diff.changed:
        changes.setdefault(changed.id, []).append(_change_label(changed))
    for pid, texts in changes.items():
        more = f" +{len(texts) - 1}" if len(texts) > 1 else ""
        marks[pid] = ("changed", texts[0] + more)
    for moved in diff.moved:
        source = person_label(moved.was_under) if moved.was_under else "the top"
        text = f"Moved from {source}"
        if moved.id in changes:
            text += f" +{len(changes[moved.id])}"
        marks[moved.id] = ("moved", text)
    people = [replace(p, mark=marks[p.id][0], note=marks[p.id][1]) if p.id in marks else p
              for p in new]
    return Org.build(new.name, people, list(new.departments.values()), ladder=new.ladder,
                     variant=new.variant, source=new.source)


def _change_label(item: Changed) -> str:
    if item.field == "vacancy":
        return f"Vacancy {item.new}"
    if item.field == "name":
        return f"Was {item.old}"
    if item.field == "grade":
        return f"Grade {item.old or '?'} → {item.new or '?'}"
    return f"{item.field.capitalize()} was {item.old or '(none)'}"


def diff_drawing(diff: OrgDiff, new: Org, fmt: str, *, title: str | None = None,
                 name: str | None = None) -> str | bytes:
    """The new org with the changes of ``diff`` marked, as ``fmt`` (svg, png, pdf or dot);
    ``name`` is the file errors name (None: standard output)."""
    org = marked_org(new, diff)
    chart = layout_org(org)
    heading = title if title is not None else f"{new.name}: {diff.old} → {diff.new}"
    counts, notes = team_counts(org), dotted_notes(org)
    lines = panel_lines(diff)
    text = PageText(title=heading, counts=counts, notes=notes)
    if fmt == "svg":  # with the docs finish of every SVG: title, description, card ids
        svg = _svg_with_panel(org_svg(org, chart, text), lines)
        return finish_svg(svg, title=heading, kind="org",
                          description=f"{new.name}: {summary(diff)}")
    source = _dot_with_panel(org_dot(org, chart, text), lines)
    if fmt == "dot":
        return source
    _check_size(org, chart, text, name, fmt)  # too big for one page: refused, not shrunk
    return run_graphviz(source, format=fmt, engine="neato", neato_no_op=2)


def _check_size(org: Org, chart: OrgLayout, text: PageText, name: str | None,
                fmt: str) -> None:
    """Refuse a drawn diff too big for one PNG or PDF page at a readable size."""

    width, height = page_size(chart, org, text)
    width += PANEL_WIDTH
    if not limits.fits(width, height, fmt):
        raise RenderError(f"the drawn diff is {limits.describe(width, height, fmt)}: "
                          f"{limits.limit_text(fmt)}", file=name,
                          hint="write .svg, which has no size limit, or list the changes "
                          "with --format csv")


def panel_lines(diff: OrgDiff) -> list[_Line]:
    """The panel's lines: the legend with counts, then the leavers, each with their manager."""
    counts = diff.counts()
    room = PANEL_WIDTH - 24
    lines = [_Line("Changes", 14, "#1f2430", bold=True)]
    for kind, word in (("joined", "Joined"), ("moved", "Moved (from whom on the card)"),
                       ("changed", "Changed (what on the card)")):
        lines.append(_Line(f"{word}: {counts[kind]}", swatch=MARK_COLOURS[kind]))
    lines.append(_Line(f"Left: {counts['left']} (listed below)", swatch=LEFT_COLOUR))
    if counts["spans"]:
        lines.append(_Line(f"{counts['spans']} managers' spans changed", 11, "#7b8391"))
    lines.append(_Line(""))
    lines.append(_Line(f"Left ({counts['left']})", 14, LEFT_COLOUR, bold=True))
    if not diff.left:
        lines.append(_Line("nobody", 11, "#7b8391"))
    for item in diff.left[:MAX_LEAVERS]:
        name, title = person_label(item.person), item.person.title
        who = name + (f", {title}" if title and title not in name else "")
        lines.append(_Line(fit_text(who, 12, room, bold=True), 12, "#1f2430", bold=True))
        under = person_label(item.manager) if item.manager else None
        lines.append(_Line(fit_text(f"{item.id} · was under {under}" if under else
                                    f"{item.id} · was at the top", 11, room), 11,
                           "#7b8391"))
    if len(diff.left) > MAX_LEAVERS:
        more = len(diff.left) - MAX_LEAVERS
        lines.append(_Line(f"… and {more} more: ladder diff --format csv lists them", 11,
                           "#7b8391"))
    return lines


_SVG_SIZE = re.compile(r'<svg ([^>]*?)width="([\d.]+)" height="([\d.]+)" '
                       r'viewBox="0 0 [\d.]+ [\d.]+"')


def _svg_with_panel(svg: str, lines: list[_Line]) -> str:
    """The chart's SVG, widened by the panel (drawn right of the chart, below the title)."""
    found = _SVG_SIZE.search(svg)
    if found is None:  # pragma: no cover - org_svg always writes its size this way
        raise RenderError("cannot place the diff panel: the chart's SVG has no size")
    width, height = float(found.group(2)), float(found.group(3))
    top = 68.0
    new_width = width + PANEL_WIDTH
    new_height = max(height, top + LINE * len(lines) + 24)
    svg = (svg[:found.start()] + f'<svg {found.group(1)}width="{_n(new_width)}" '
           f'height="{_n(new_height)}" viewBox="0 0 {_n(new_width)} {_n(new_height)}"'
           + svg[found.end():])
    out = [f'<g class="diff-panel"><rect x="{_n(width)}" y="{_n(top - 24)}" '
           f'width="{_n(PANEL_WIDTH - 24)}" height="{_n(LINE * len(lines) + 24)}" rx="8" '
           'fill="#ffffff" stroke="#c9ced6"/>']
    y = top
    for line in lines:
        x = width + 12
        if line.swatch:
            out.append(f'<rect x="{_n(x)}" y="{_n(y - 12)}" width="22" height="14" rx="3" '
                       f'fill="#ffffff" stroke="{line.swatch}" stroke-width="3"/>')
            x += 30
        if line.text:
            weight = ' font-weight="bold"' if line.bold else ""
            out.append(f'<text x="{_n(x)}" y="{_n(y)}" font-size="{line.size}px" '
                       f'fill="{line.colour}"{weight}>{xml_text(line.text)}</text>')
        y += LINE
    out.append("</g>\n")
    end = svg.rindex("</svg>")
    return svg[:end] + "".join(out) + svg[end:]


_DOT_BB = re.compile(r'bb="0,0,([\d.]+),([\d.]+)"')


def _dot_with_panel(dot: str, lines: list[_Line]) -> str:
    """The pinned DOT with the panel as one more pinned node, right of the chart."""
    found = _DOT_BB.search(dot)
    if found is None:  # pragma: no cover - org_dot always writes its bounding box
        raise RenderError("cannot place the diff panel: the chart's DOT has no bounding box")
    width, height = float(found.group(1)), float(found.group(2))
    panel_height = LINE * len(lines) + 16
    top = 44.0
    bottom = min(0.0, height - top - panel_height - 24)  # a long panel reaches below
    new_width = width + PANEL_WIDTH
    dot = dot[:found.start()] + f'bb="0,{_n(bottom)},{_n(new_width)},{_n(height)}"' + \
        dot[found.end():]
    rows = []
    for line in lines:
        swatch = (f'<TD WIDTH="22" HEIGHT="14" FIXEDSIZE="TRUE" BORDER="3" COLOR="{line.swatch}"'
                  f' BGCOLOR="#ffffff"></TD><TD WIDTH="8"></TD>' if line.swatch else "")
        text = dot_html(line.text) or " "
        if line.bold:
            text = f"<B>{text}</B>"
        span = "" if swatch else ' COLSPAN="3"'
        rows.append(f'<TR><TD WIDTH="12"></TD>{swatch}<TD ALIGN="LEFT" HEIGHT="{_n(LINE)}"'
                    f'{span}><FONT POINT-SIZE="{line.size}" COLOR="{line.colour}">{text}</FONT>'
                    '</TD></TR>')
    table_width = PANEL_WIDTH - 24
    label = (f'<<TABLE BORDER="1" CELLBORDER="0" COLOR="#c9ced6" STYLE="rounded" '
             f'BGCOLOR="#ffffff" '
             f'CELLPADDING="0" CELLSPACING="0" WIDTH="{_n(table_width)}">'
             f'<TR><TD COLSPAN="4" HEIGHT="8"></TD></TR>{"".join(rows)}'
             f'<TR><TD COLSPAN="4" HEIGHT="8"></TD></TR></TABLE>>')
    centre_x = width + table_width / 2
    centre_y = height - top - panel_height / 2
    extra = (f'  diffpanel [shape=plain, style="", fixedsize=false, pos="{_n(centre_x)},'
             f'{_n(centre_y)}", label={label}];\n'
             f'  corner2 [style=invis, fixedsize=true, width=0.01, height=0.01, '
             f'pos="{_n(new_width - 1)},{_n(bottom + 1)}"];\n')
    end = dot.rindex("}")
    return dot[:end] + extra + dot[end:]


