"""An org chart as DOT with every position pinned, for ``neato -n2`` (PNG, PDF and ``.dot``).

Every node's ``pos`` and every edge's ``pos`` is given, so Graphviz lays out nothing and only
draws: the picture is the SVG writer's. It takes Graphviz several times longer than writing
the SVG ourselves, so it is used only where we cannot draw: cairo's PNG and PDF, and ``.dot``
for users who want the source. Sizes come from :mod:`ladder.renderers.card_geometry`; DOT units
are points and the page's pixels are drawn one to one (72 dpi), unless ``scale`` says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

from ladder.escape import dot_html, dot_markup, dot_string
from ladder.layout.cards import text_width
from ladder.layout.chart import OrgLayout
from ladder.model.org import Org
from ladder.renderers import card_geometry as geo
from ladder.renderers.org_cards import OUTLINE, Card, PageText, prepare
from ladder.text import coord as _f

Point = Callable[[float, float], str]
BREAK = '<BR ALIGN="LEFT"/>'  # a title wrapped onto two lines: the second starts at the left
TOP = ' VALIGN="TOP"'  # a title's row with room for two lines: one line sits at its top


def org_dot(
    org: Org,
    chart: OrgLayout,
    text: PageText | None = None,
    *,
    scale: float = 1.0,
    max_inches: float | None = None,
) -> str:
    """The chart as DOT with every position pinned, for ``neato -n2`` (units: points, y up).

    ``text``: title, counts and links, as for :func:`ladder.renderers.org_svg.org_svg`.
    ``scale``: bitmap pixels per page pixel (the DOT's dpi is 72 times it). ``max_inches``:
    Graphviz shrinks a bigger drawing to fit a square of that side (PDF page limits).
    """
    style = chart.style
    w, h = style.width, style.height
    heading, drawn, frame = prepare(org, chart, text)
    page_height = frame.height
    links = text.links if text is not None else {}

    def at(x: float, y: float) -> str:  # chart (y down) to Graphviz points (y up)
        return f"{_f(x + geo.MARGIN)},{_f(page_height - (y + frame.top))}"

    def page_at(x: float, y: float) -> str:  # page coordinates (y down) to points (y up)
        return f"{_f(x)},{_f(page_height - y)}"

    size = f', size="{max_inches:g},{max_inches:g}"' if max_inches else ""
    out: list[str] = [
        "// Every position is pinned: draw with  neato -n2 -Tpng chart.dot -o chart.png\n",
        "digraph org {\n",
        f'  graph [bb="0,0,{_f(frame.width)},{_f(page_height)}", bgcolor="#fafbfc", '
        f'splines=true, outputorder=edgesfirst, pad=0, margin=0, dpi={_f(72 * scale)}{size}];\n',
        '  node [shape=box, style="rounded,filled", fillcolor=white, color="#c9ced6", '
        'fixedsize=true, fontname="Helvetica,Arial,sans-serif", margin=0, penwidth=1];\n',
        '  edge [arrowhead=none, color="#a3aab5", penwidth=1.2];\n',
        # neato -n2 crops the page to what it draws: two invisible corners keep the margins.
        f'  corner0 [style=invis, label="", fixedsize=true, width=0.01, height=0.01, '
        f'pos="{page_at(1, 1)}"];\n',
        f'  corner1 [style=invis, label="", fixedsize=true, width=0.01, height=0.01, '
        f'pos="{page_at(frame.width - 1, page_height - 1)}"];\n',
    ]
    title_width = text_width(heading, geo.HEADING_SIZE, bold=True)
    out.append(
        f'  title [shape=plain, style="", fixedsize=false, '
        f'pos="{page_at(geo.MARGIN + title_width / 2, geo.MARGIN + 14)}", '
        f'label=<<B><FONT POINT-SIZE="{geo.HEADING_SIZE}" COLOR="#1f2430">{dot_html(heading)}'
        "</FONT></B>>];\n"
    )
    y = geo.MARGIN + geo.TITLE_HEIGHT
    for r, row in enumerate(frame.legend_rows):
        cells = "".join(
            f'<TD {_swatch(colour)} WIDTH="{_f(geo.SWATCH)}" HEIGHT="{_f(geo.SWATCH)}" '
            f'FIXEDSIZE="TRUE"></TD><TD>&nbsp;{dot_html(label)}&nbsp;&nbsp;</TD>'
            for colour, label in row
        )
        width = sum(text_width(label, geo.LEGEND_SIZE) + 28 for _, label in row)
        out.append(
            f'  legend{r} [shape=plain, style="", fixedsize=false, fontsize={geo.LEGEND_SIZE}, '
            f'fontcolor="#4a5160", pos="{page_at(geo.MARGIN + width / 2, y + 7)}", '
            f'label=<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="2"><TR>{cells}</TR>'
            "</TABLE>>];\n"
        )
        y += geo.LEGEND_ROW
    for r, line in enumerate(frame.note_lines):
        width = text_width(line, geo.LEGEND_SIZE)
        out.append(
            f'  legend_note{r} [shape=plain, style="", fixedsize=false, '
            f'fontsize={geo.LEGEND_SIZE}, '
            f'fontcolor="#4a5160", pos="{page_at(geo.MARGIN + width / 2, y + 7)}", '
            f"label=<{dot_html(line)}>];\n"
        )
        y += geo.LEGEND_ROW
    for p, card in enumerate(drawn):
        extra = ""
        if card.vacant:
            extra = ', style="rounded,filled,dashed", fillcolor="#f6f7f9", color="#8a919c"'
        elif card.context:
            extra = ', style="rounded,filled,dotted", fillcolor="#eef1f6", color="#8a919c"'
        elif card.group:
            extra = ', peripheries=2, fillcolor="#ffffff"'
        if card.mark:  # a diff's joined, moved or changed card
            extra += f', color="{card.mark}", penwidth=3'
        link = links.get(chart.ids[p])
        if link:
            extra += f", URL={dot_string(link)}"
        x, y = chart.x[p], chart.y[p]
        out.append(
            f'  n{p} [pos="{at(x + w / 2, y + h / 2)}", width={_inch(w)}, '
            f'height={_inch(h)}, label={_label(card, w, style.title_lines)}, '
            f"tooltip={dot_string(card.tooltip)}{extra}];\n"
        )
        if card.badge:
            out.append(
                f'  b{p} [pos="{at(x + w / 2, y + h)}", '
                f"width={_inch(geo.badge_width(card.badge))}, "
                f'height={_inch(geo.BADGE_HEIGHT)}, style="rounded,filled", color="#a3aab5", '
                f'fontsize={geo.BADGE_SIZE}, fontcolor="#4a5160", label="{card.badge}"];\n'
            )
    for p in range(len(chart)):
        if chart.manager[p] >= 0:
            out.append(f'  n{chart.manager[p]} -> n{p} [pos="{_spline(chart.route(p), at)}"];\n')
    for (s, t), route in zip(chart.dotted, chart.dotted_routes, strict=True):
        tip, base = geo.arrow_base(route)  # Graphviz draws the head from the spline's start
        spline = _spline([base, *route[1:]], at)
        out.append(f'  n{s} -> n{t} [style=dashed, color="#8f73c7", penwidth=1, '
                   f'constraint=false, dir=back, arrowtail=normal, arrowsize=0.6, '
                   f'pos="s,{at(*tip)} {spline}"];\n')
    out.append("}\n")
    return "".join(out)


def _label(card: Card, width: float, title_lines: int = 1) -> str:
    """The card's HTML-like label: the stripe, then the three rows of card_geometry, the
    title's as tall as ``title_lines`` lines (so the third row sits where the SVG has it)."""
    plain = not card.vacant and not card.context
    lines = "".join(
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{TOP if extra else ""} HEIGHT="{_f(row.cell + extra)}">'
        f'<FONT POINT-SIZE="{row.size}" COLOR="{colour}">{open_}'
        f'{dot_markup(text).replace(chr(10), BREAK)}{close}</FONT></TD></TR>'
        for text, row, colour, open_, close, extra in (
            (card.lines[0], geo.NAME, "#1f2430" if plain else "#5b6270",
             "<B>" if plain else "<I><B>", "</B>" if plain else "</B></I>", 0),
            (card.lines[1], geo.TITLE, "#4a5160", "", "", (title_lines - 1) * geo.TITLE_STEP),
            (card.lines[2], geo.DETAIL, "#7a64a8" if card.note else "#7b8391",
             "<I>" if card.note else "", "</I>" if card.note else "", 0),
        ) if text
    )
    stripe = "" if not plain else (
        f'<TD ROWSPAN="4" WIDTH="{_f(geo.STRIPE_WIDTH)}" BGCOLOR="{card.colour}"></TD>'
    )
    pad = _f(geo.TEXT_LEFT - geo.STRIPE_WIDTH)
    return (f'<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0" WIDTH="{_f(width - 4)}">'
            f'<TR>{stripe}<TD WIDTH="{pad}" ROWSPAN="4"></TD><TD HEIGHT="1"></TD></TR>'
            f"{lines}</TABLE>>")


def _inch(points: float) -> str:
    """Graphviz node sizes are in inches (72 points)."""
    return f"{points / 72:.4f}"


def _spline(points: list[tuple[float, float]], at: Point) -> str:
    """A polyline as Graphviz's B-spline control points: each segment a straight cubic."""
    controls = [at(*points[0])]
    for a, b in zip(points, points[1:], strict=False):
        controls.extend((at(*a), at(*b), at(*b)))
    return " ".join(controls)


def _swatch(colour: str) -> str:
    """A legend swatch's cell: filled with a department's colour, or outlined (a diff's mark)."""
    if colour.startswith(OUTLINE):
        return f'BGCOLOR="#ffffff" BORDER="3" COLOR="{colour[len(OUTLINE):]}"'
    return f'BGCOLOR="{colour}"'
