"""A drawn page as plain shapes at fixed places (boxes, lines, text), and its two writers: SVG
directly, and DOT with every shape pinned so ``neato -n2`` (cairo) writes PNG and PDF.

The matrix view and the assessment radar lay out their pages themselves (text measured with
Helvetica's metrics, ``layout.cards.text_width``) and share these writers, so the SVG and the
bitmap show the same picture. Every text is escaped here (``render/escape``).

>>> page = Sheet(100, 40, texts=[Text(10, 20, "R&D")])
>>> "R&amp;D" in page_svg(page), "R&amp;D" in page_dot(page)
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ladder.escape import dot_html, dot_string, xml_text
from ladder.layout.cards import text_width
from ladder.renderers.graphviz_backend import run_graphviz
from ladder.text import coord as _f

INK = "#1f2328"
MUTED = "#57606a"
FONT = "Arial"  # Helvetica's metrics (text_width); Graphviz draws the shipped Liberation Sans


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str = "#d0d7de"
    stroke_width: float = 1.0


@dataclass(frozen=True)
class Text:
    x: float  # left end of the baseline (or its middle, with ``middle``)
    y: float
    text: str
    size: float = 12.0
    bold: bool = False
    italic: bool = False
    colour: str = INK
    middle: bool = False


@dataclass(frozen=True)
class Line:
    """A polyline; ``closed`` joins the last point to the first; ``fill`` fills it (SVG)."""

    points: tuple[tuple[float, float], ...]
    colour: str = MUTED
    width: float = 1.0
    dashed: bool = False
    closed: bool = False
    fill: str | None = None


@dataclass
class Sheet:
    width: float
    height: float
    boxes: list[Rect] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)


def page_svg(page: Sheet) -> str:
    """The page as an SVG document."""
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_f(page.width)}" '
           f'height="{_f(page.height)}" viewBox="0 0 {_f(page.width)} {_f(page.height)}" '
           'font-family="Helvetica, Arial, \'Liberation Sans\', sans-serif">\n',
           '<rect width="100%" height="100%" fill="#ffffff"/>\n']
    for box in page.boxes:
        out.append(f'<rect x="{_f(box.x)}" y="{_f(box.y)}" width="{_f(box.width)}" '
                   f'height="{_f(box.height)}" fill="{xml_text(box.fill)}" '
                   f'stroke="{xml_text(box.stroke)}" '
                   f'stroke-width="{_f(box.stroke_width)}"/>\n')
    for line in page.lines:
        points = " ".join(f"{_f(x)},{_f(y)}" for x, y in line.points)
        tag = "polygon" if line.closed else "polyline"
        dash = ' stroke-dasharray="6 4"' if line.dashed else ""
        fill = line.fill or "none"
        out.append(f'<{tag} points="{points}" fill="{xml_text(fill)}" '
                   f'stroke="{xml_text(line.colour)}" '
                   f'stroke-width="{_f(line.width)}"{dash}/>\n')
    for text in page.texts:
        style = (' font-weight="bold"' if text.bold else "") + (
            ' font-style="italic"' if text.italic else "") + (
            ' text-anchor="middle"' if text.middle else "")
        out.append(f'<text x="{_f(text.x)}" y="{_f(text.y)}" font-size="{_f(text.size)}" '
                   f'fill="{xml_text(text.colour)}"{style}>{xml_text(text.text)}</text>\n')
    out.append("</svg>\n")
    return "".join(out)


def page_dot(page: Sheet, *, name: str = "page") -> str:
    """The page as DOT with every shape pinned (points, y up), for ``neato -n2``."""

    def at(x: float, y: float) -> str:  # page (y down) to Graphviz points (y up)
        return f"{_f(x)},{_f(page.height - y)}"

    out = [f"// Every position is pinned: draw with  neato -n2 -Tpng {name}.dot -o {name}.png\n",
           f"digraph {dot_string(name)} {{\n",
           f'  graph [bb="0,0,{_f(page.width)},{_f(page.height)}", bgcolor="#ffffff", pad=0, '
           'dpi=72, outputorder=nodesfirst];\n',
           f'  node [fixedsize=true, margin=0, fontname={dot_string(FONT)}, label=""];\n',
           '  edge [arrowhead=none];\n',
           f'  corner0 [shape=point, style=invis, pos="{at(0, 0)}"];\n',
           f'  corner1 [shape=point, style=invis, pos="{at(page.width, page.height)}"];\n']
    for number, box in enumerate(page.boxes):
        style = "filled" if box.fill != "none" else "solid"
        fill = f", fillcolor={dot_string(box.fill)}" if box.fill != "none" else ""
        out.append(f'  b{number} [shape=box, style={style}{fill}, color={dot_string(box.stroke)}, '
                   f'penwidth={_f(box.stroke_width)}, width={box.width / 72:.4f}, '
                   f'height={box.height / 72:.4f}, '
                   f'pos="{at(box.x + box.width / 2, box.y + box.height / 2)}"];\n')
    for number, line in enumerate(page.lines):
        points = list(line.points) + ([line.points[0]] if line.closed else [])
        for index, (a, b) in enumerate(zip(points, points[1:], strict=False)):
            ends = (f"l{number}_{index}a", f"l{number}_{index}b")
            for end, point in zip(ends, (a, b), strict=True):
                out.append(f'  {end} [shape=point, style=invis, width=0.01, '
                           f'pos="{at(*point)}"];\n')
            style = "dashed" if line.dashed else "solid"
            out.append(f'  {ends[0]} -> {ends[1]} [color={dot_string(line.colour)}, '
                       f'penwidth={_f(line.width)}, style={style}, '
                       f'pos="{at(*a)} {at(*a)} {at(*b)} {at(*b)}"];\n')
    for number, text in enumerate(page.texts):
        label = dot_html(text.text)
        if text.bold:
            label = f"<B>{label}</B>"
        if text.italic:
            label = f"<I>{label}</I>"
        label = (f'<FONT POINT-SIZE="{_f(text.size)}" COLOR="{xml_text(text.colour)}">'
                 f"{label}</FONT>")
        if text.middle:
            out.append(f'  t{number} [shape=plain, fixedsize=false, '
                       f'pos="{at(text.x, text.y - text.size * 0.35)}", label=<{label}>];\n')
            continue
        # A node is drawn centred on its pos, and cairo's text is a little wider or narrower
        # than the metrics estimate: a left-aligned cell with room to spare keeps every line's
        # left edge exactly where the layout put it.
        width = min(text_width(text.text, text.size, bold=text.bold) * 1.15 + 8,
                    page.width - text.x - 1)  # the spare room never widens the page
        height = text.size * 1.3
        out.append(f'  t{number} [shape=plain, fixedsize=false, '
                   f'pos="{at(text.x + width / 2, text.y - text.size * 0.35)}", '
                   f'label=<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0"><TR>'
                   f'<TD ALIGN="LEFT" FIXEDSIZE="TRUE" WIDTH="{_f(width)}" '
                   f'HEIGHT="{_f(height)}">{label}</TD></TR></TABLE>>];\n')
    out.append("}\n")
    return "".join(out)


def page_bytes(page: Sheet, format: str, *, name: str = "page") -> bytes:
    """The page as the bytes of an SVG, PNG, PDF or DOT file."""
    if format == "svg":
        return page_svg(page).encode("utf-8")
    source = page_dot(page, name=name)
    if format == "dot":
        return source.encode("utf-8")

    return run_graphviz(source, format=format, engine="neato", neato_no_op=2)
