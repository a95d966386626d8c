"""An org chart drawn straight to PNG in this process, for the pages of a split chart.

Graphviz (cairo) took about 0.25 s a page of 60 cards: it measures every label with Pango
and encodes with adaptive PNG filters, about 0.05 s per million pixels on top of a fixed cost;
a 5,400-person org split by department is 120 pages and 360 million pixels, 30 s. Here the
same picture (the positions of the layout, the rows and sizes of
:mod:`ladder.renderers.card_geometry`, the texts of :mod:`ladder.renderers.org_cards`) is drawn
with Pillow (already installed with python-pptx): rectangles and lines are fills, text is
FreeType's, and the PNG is written with no row filter and fast deflate (zlib level 1, which
releases the GIL, so two pages encode at once): about 0.01 s per million pixels.

Fonts are files, not names, the ones Graphviz is handed
(:mod:`ladder.renderers.graphviz_backend`): the shipped Liberation Sans (Helvetica's metrics,
which the cards are measured by), and for each character it lacks the first fallback face that
has it (DejaVu Sans, WenQuanYi Micro Hei, the Noto Sans faces, Symbola), so a Korean name with
a Latin part draws each part in its own face, as Pango does. Bold in a face without a bold
file, and italics (none is shipped), are made as Cairo makes them: the regular glyphs struck
twice a pixel apart, or slanted by a fifth. The bytes depend only on the font files, Pillow
and zlib.
"""

from __future__ import annotations

import html
import math
import struct
import threading
import zlib
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ladder.layout.chart import OrgLayout
from ladder.layout.fonts import FONT_FOLDER, advance_widths
from ladder.model.org import Org
from ladder.renderers import card_geometry as geo
from ladder.renderers.graphviz_backend import FALLBACK_FOLDERS, REJECTED_FILES
from ladder.renderers.org_cards import NO_DEPARTMENT, PageText, prepare

if TYPE_CHECKING:
    from PIL.Image import Image
    from PIL.ImageDraw import ImageDraw
    from PIL.ImageFont import FreeTypeFont

_FACES = {False: "LiberationSans-Regular.ttf", True: "LiberationSans-Bold.ttf"}
_SLANT = 0.2  # of the height: fontconfig's (and so Graphviz's) oblique for a face without italics
_FREETYPE = threading.Lock()

BACKGROUND = "#fafbfc"
INK = "#1f2430"
SOFT_INK = "#4a5160"
CONNECTOR = "#a3aab5"
DOTTED = "#8f73c7"


def org_png(org: Org, chart: OrgLayout, text: PageText | None = None, *,
            scale: float = 1.0) -> bytes:
    """The chart as PNG bytes, ``scale`` bitmap pixels per page pixel (as the SVG draws it)."""
    from PIL import Image, ImageDraw  # lazy: only PNG pages load Pillow

    heading, drawn, frame = prepare(org, chart, text)
    width, height = max(1, round(frame.width * scale)), max(1, round(frame.height * scale))
    image = Image.new("RGB", (width, height), BACKGROUND)
    pen = _Pen(image, ImageDraw.Draw(image), scale)
    margin = geo.MARGIN
    pen.text(margin, margin + 22, heading, geo.HEADING_SIZE, INK, bold=True)
    y = margin + geo.TITLE_HEIGHT
    for row in frame.legend_rows:
        x = margin
        for colour, label in row:
            pen.box(x, y, geo.SWATCH, geo.SWATCH, 3, fill=colour)
            pen.text(x + geo.SWATCH_GAP, y + 12, label, geo.LEGEND_SIZE, SOFT_INK)
            x += geo.legend_step(label)
        y += geo.LEGEND_ROW
    for line in frame.note_lines:
        pen.text(margin, y + 12, line, geo.LEGEND_SIZE, SOFT_INK)
        y += geo.LEGEND_ROW

    pen.left, pen.top = margin, frame.top  # the chart in its own coordinates from here
    for p in range(len(chart)):
        if chart.manager[p] >= 0:
            pen.polyline(chart.route(p), CONNECTOR, 1.2)
    for route in chart.dotted_routes:
        pen.polyline(list(route), DOTTED, 1, dash=(4, 3))
        pen.arrowhead(route)
    w, h = chart.style.width, chart.style.height
    third = geo.detail_baseline(chart.style)  # lower when titles wrap onto two lines
    for p, card in enumerate(drawn):
        x, y = chart.x[p], chart.y[p]
        lines = [html.unescape(line) for line in card.lines]
        if card.vacant:
            pen.box(x, y, w, h, geo.CORNER, fill="#f6f7f9", line="#8a919c", dash=(5, 3),
                    masked=False)
        elif card.context:
            pen.box(x, y, w, h, geo.CORNER, fill="#eef1f6", line="#8a919c", dash=(2, 2),
                    masked=False)
        else:
            if card.group:  # a second card behind: the group of staff
                pen.box(x + 4, y - 4, w, h, geo.CORNER, fill="#f1f3f6", line="#c9ced6",
                        masked=False)
            pen.box(x, y, w, h, geo.CORNER, fill="#ffffff", line="#c9ced6",
                    masked=card.group)
            pen.box(x, y + geo.STRIPE_INSET, geo.STRIPE_WIDTH, h - 2 * geo.STRIPE_INSET, 0,
                    fill=card.colour)
        if card.mark:
            pen.box(x, y, w, h, geo.CORNER, line=card.mark, thick=3)
        plain = not card.vacant and not card.context
        left = x + geo.TEXT_LEFT
        pen.text(left, y + geo.NAME.baseline, lines[0], geo.NAME.size,
                 INK if plain else "#5b6270", bold=True, italic=not plain)
        if lines[1]:  # a title wrapped onto two lines on cards with room for them
            first, _, second = lines[1].partition("\n")
            pen.text(left, y + geo.TITLE.baseline, first, geo.TITLE.size, SOFT_INK)
            if second:
                pen.text(left, y + geo.TITLE.baseline + geo.TITLE_STEP, second, geo.TITLE.size,
                         SOFT_INK)
        if lines[2]:
            pen.text(left, y + third, lines[2], geo.DETAIL.size,
                     "#7a64a8" if card.note else "#7b8391", italic=card.note)
        if card.badge:
            size = geo.badge_width(card.badge)
            top = y + h - geo.BADGE_RISE
            pen.box(x + w / 2 - size / 2, top, size, geo.BADGE_HEIGHT, 8, fill="#ffffff",
                    line=CONNECTOR)
            pen.text(x + w / 2, top + 12, html.unescape(card.badge), geo.BADGE_SIZE, SOFT_INK,
                     middle=True)
    return png_bytes(image.tobytes(), width, height)


class _Pen:
    """Draws in page pixels (y down) on an image ``scale`` times bigger, offset by left/top."""

    def __init__(self, image: Image, draw: ImageDraw, scale: float) -> None:
        self.image, self.draw, self.scale = image, draw, scale
        self.left = self.top = 0.0
        self.inks: dict[str, int] = {}  # "#rrggbb" -> the image's ink for it

    def _at(self, x: float, y: float) -> tuple[float, float]:
        return (x + self.left) * self.scale, (y + self.top) * self.scale

    def text(self, x: float, baseline: float, words: str, size: float, colour: str, *,
             bold: bool = False, italic: bool = False, middle: bool = False) -> None:
        if not words:
            return
        mask, (left, top) = _glyphs(words, bold, italic, round(size * self.scale),
                                    "ms" if middle else "ls")
        at_x, at_y = self._at(x, baseline)
        # the ImagingDraw call Pillow's own text() ends with, on a mask drawn once per text
        self.draw.draw.draw_bitmap((round(at_x) + left, round(at_y) + top), mask,
                                   self._ink(colour))

    def _ink(self, colour: str) -> int:
        ink = self.inks.get(colour)
        if ink is None:
            ink = self.inks[colour] = self.draw.draw.draw_ink(_rgb(colour))
        return ink

    def box(self, x: float, y: float, width: float, height: float, corner: float, *,
            fill: str | None = None, line: str | None = None, dash: tuple[int, int] = (0, 0),
            thick: float = 1.0, masked: bool = True) -> None:
        x0, y0 = self._at(x, y)
        x1, y1 = self._at(x + width, y + height)
        box = (round(x0), round(y0), round(x1) - 1, round(y1) - 1)
        radius = round(corner * self.scale)
        stroke = max(1, round(thick * self.scale))
        if fill is not None and radius:  # cards and badges: one stamp per kind and size
            steps = (round(dash[0] * self.scale), round(dash[1] * self.scale))
            tile, mask = _stamp(box[2] - box[0] + 1, box[3] - box[1] + 1, radius, fill, line,
                                stroke, steps)
            # a card lies on the page's background, and its stamp's corners are that colour:
            # a plain copy; a badge straddles its card's edge, a group's card another card
            self.image.paste(tile, box[:2], mask if masked else None)
        else:  # a stripe, a swatch, a diff's outline
            self.draw.rounded_rectangle(box, radius, fill=None if fill is None else _rgb(fill),
                                        outline=None if line is None else _rgb(line),
                                        width=stroke)

    def polyline(self, points: list[tuple[float, float]], colour: str, thick: float, *,
                 dash: tuple[int, int] = (0, 0)) -> None:
        stroke = max(1, round(thick * self.scale))
        at = [(round(px), round(py)) for px, py in (self._at(x, y) for x, y in points)]
        if not dash[0]:
            self.draw.line(at, fill=colour, width=stroke)
            return
        for a, b in zip(at, at[1:], strict=False):
            self.dashes(a, b, colour, stroke, dash)

    def dashes(self, a: tuple[float, float], b: tuple[float, float], colour: str,
                stroke: int, dash: tuple[int, int]) -> None:
        length = max(abs(b[0] - a[0]), abs(b[1] - a[1]))
        on, off = (max(1, round(d * self.scale)) for d in dash)
        step = 0
        while step < length:
            end = min(step + on, length)
            self.draw.line([_along(a, b, step / length), _along(a, b, end / length)],
                           fill=colour, width=stroke)
            step += on + off

    def arrowhead(self, route: tuple[tuple[float, float], ...]) -> None:
        (tip_x, tip_y), (base_x, base_y) = geo.arrow_base(route)
        half = geo.ARROW / 2
        side_x, side_y = (half, 0.0) if tip_x == base_x else (0.0, half)
        corners = [self._at(tip_x, tip_y), self._at(base_x + side_x, base_y + side_y),
                   self._at(base_x - side_x, base_y - side_y)]
        left = math.floor(min(x for x, _ in corners))
        top = math.floor(min(y for _, y in corners))
        mask = _polygon_mask(tuple((round((x - left) * _FINE), round((y - top) * _FINE))
                                   for x, y in corners))
        self.draw.draw.draw_bitmap((left, top), mask.im, self._ink(DOTTED))


@lru_cache(maxsize=256)
def _polygon_mask(corners: tuple[tuple[int, int], ...]) -> Image:
    """The mask of a polygon given :data:`_FINE` times larger: drawn so and shrunk, so its
    slanted sides are smooth (a dotted line's arrowhead has four turns and a few sizes)."""
    from PIL import Image, ImageDraw  # lazy: only PNG pages load Pillow

    width = max(x for x, _ in corners) // _FINE + 1
    height = max(y for _, y in corners) // _FINE + 1
    mask = Image.new("L", (width * _FINE, height * _FINE), 0)
    ImageDraw.Draw(mask).polygon(list(corners), fill=255)
    return mask.reduce(_FINE)


@lru_cache(maxsize=1024)
def _stamp(width: int, height: int, radius: int, fill: str, line: str | None, stroke: int,
           dash: tuple[int, int]) -> tuple[Image, Image]:
    """A rounded box drawn once (its pixels, and the mask of its shape) to paste wherever the
    same box is drawn: Pillow draws a rounded outline in about 0.2 ms, pastes it in 0.01. It is
    drawn :data:`_FINE` times larger and shrunk, so its corners are smooth as Cairo's (Pillow
    draws curves without anti-aliasing)."""
    from PIL import Image, ImageDraw  # lazy: only PNG pages load Pillow

    k = _FINE
    size, box = (width * k, height * k), (0, 0, width * k - 1, height * k - 1)
    tile = Image.new("RGB", size, _rgb(BACKGROUND))
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).rounded_rectangle(box, radius * k, fill=255)
    pen = _Pen(tile, ImageDraw.Draw(tile), k)
    pen.draw.rounded_rectangle(box, radius * k, fill=_rgb(fill))
    if line is not None and not dash[0]:
        pen.draw.rounded_rectangle(box, radius * k, outline=_rgb(line), width=stroke * k)
    elif line is not None:  # dashes along the straight sides, the corners left open
        right, bottom, r = box[2], box[3], radius * k
        for a, b in (((r, 0), (right - r, 0)), ((r, bottom), (right - r, bottom)),
                     ((0, r), (0, bottom - r)), ((right, r), (right, bottom - r))):
            pen.dashes(a, b, line, stroke * k, dash)
    return tile.reduce(k), mask.reduce(k)


_FINE = 4  # a stamp's supersampling: 16 samples a pixel


@cache
def _rgb(colour: str) -> tuple[int, int, int]:
    """A colour the model allows (``#rrggbb`` or a CSS name) as red, green, blue."""
    from PIL import ImageColor  # lazy: only PNG pages load Pillow

    try:
        red, green, blue = ImageColor.getrgb(colour)[:3]
    except ValueError:  # a name Pillow does not know: drawn as a card without a department
        red, green, blue = ImageColor.getrgb(NO_DEPARTMENT)[:3]
    return red, green, blue


def _along(a: tuple[float, float], b: tuple[float, float], share: float) -> tuple[int, int]:
    return round(a[0] + (b[0] - a[0]) * share), round(a[1] + (b[1] - a[1]) * share)


@cache
def _fallbacks() -> tuple[Path, ...]:
    """The fallback font files, in the order Graphviz is handed them: the families it names
    first, then each folder's regular sans faces by name."""
    named = [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
             Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")]
    found = [path for path in named if path.is_file()]
    for folder in map(Path, FALLBACK_FOLDERS):
        if folder.is_dir():
            found += [path for path in sorted(folder.glob("*.tt[fc]"))
                      if path not in found and "Bold" not in path.name
                      and "Italic" not in path.name
                      and not any(path.match(glob) for glob in REJECTED_FILES)]
    return tuple(found)


@lru_cache(maxsize=65536)
def _face_of(char: str, bold: bool) -> tuple[Path, bool]:
    """(the font file that draws ``char``, whether its bold is to be made): the shipped face,
    else the first fallback that has it, else the shipped face's missing-glyph box."""
    shipped = FONT_FOLDER / _FACES[bold]
    if ord(char) in advance_widths(shipped) or char in " \u00a0":
        return shipped, False
    for path in _fallbacks():
        if ord(char) in advance_widths(path):
            return path, bold
    return shipped, False


def _runs(words: str, bold: bool) -> list[tuple[str, Path, bool]]:
    """``words`` cut into runs of one face each; a space stays in the run before it (Pango
    keeps a run in its face, whose space may be wider)."""
    runs: list[tuple[str, Path, bool]] = []
    for char in words:
        face = _face_of(char, bold)
        if runs and (runs[-1][1:] == face or char == " "):
            runs[-1] = (runs[-1][0] + char, *runs[-1][1:])
        else:
            runs.append((char, *face))
    return runs


@cache
def _font(path: Path, size: int) -> FreeTypeFont:
    from PIL import ImageFont  # lazy: only PNG pages load Pillow

    # the basic layout: no shaping, which left-to-right card text does not need (and raqm
    # would take longer)
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=50_000)
def _glyphs(words: str, bold: bool, italic: bool, size: int,
            anchor: str) -> tuple[Any, tuple[int, int]]:
    """(mask, its offset from the anchor point) of ``words``: FreeType renders a text in
    about 0.1 ms, and titles, departments and badges repeat on every page."""
    with _FREETYPE:  # pages are drawn in two threads, and a FreeType face is not shared safely
        runs = _runs(words, bold)
        if len(runs) == 1 and not runs[0][2] and not italic:  # most text: one face as it is
            return _font(runs[0][1], size).getmask2(words, "L", anchor=anchor)
        return _composed(runs, italic, size, anchor)


def _composed(runs: list[tuple[str, Path, bool]], italic: bool, size: int,
              anchor: str) -> tuple[Any, tuple[int, int]]:
    """The mask of text in several faces, or with made bold or italics (see the module)."""
    from PIL import Image, ImageChops

    fonts = [_font(path, size) for _, path, _ in runs]
    ascent = max(font.getmetrics()[0] for font in fonts)
    descent = max(font.getmetrics()[1] for font in fonts)
    widths = [font.getlength(text) for (text, _, _), font in zip(runs, fonts, strict=True)]
    slant = round(_SLANT * (ascent + descent)) if italic else 0
    mask = Image.new("L", (round(sum(widths)) + len(runs) + slant + 2, ascent + descent), 0)
    x = 0.0
    for (text, _, embolden), font, width in zip(runs, fonts, widths, strict=True):
        glyphs, (left, top) = font.getmask2(text, "L", anchor="ls")
        piece = Image.Image()._new(glyphs)
        for shift in (0, 1) if embolden else (0,):  # Cairo's made bold: struck twice
            at = (round(x) + left + shift, ascent + top)
            mask.paste(ImageChops.lighter(mask.crop((*at, at[0] + piece.width,
                                                     at[1] + piece.height)), piece), at)
        x += width + (1 if embolden else 0)
    if slant:  # lean right about the baseline: the top moves slant pixels, the baseline none
        mask = mask.transform(mask.size, Image.Transform.AFFINE,
                              (1, _SLANT, -_SLANT * ascent, 0, 1, 0),
                              resample=Image.Resampling.BILINEAR)
    if anchor == "ms":  # centred on x, as the badges' counts are
        return mask.im, (-round(x / 2), -ascent)
    return mask.im, (0, -ascent)


def png_bytes(pixels: bytes, width: int, height: int) -> bytes:
    """A PNG of 8-bit RGB ``pixels`` (rows top to bottom): every row unfiltered, deflated at
    level 1. Filters would shrink the file by a quarter and triple the time."""
    stride = width * 3
    view = memoryview(pixels)
    deflate = zlib.compressobj(1)
    packed = []
    for start in range(0, stride * height, stride):  # row by row: no copy of the pixels
        packed.append(deflate.compress(b"\x00"))  # the row's filter type: none
        packed.append(deflate.compress(view[start:start + stride]))
    packed.append(deflate.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"".join((b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", header),
                     _chunk(b"IDAT", b"".join(packed)), _chunk(b"IEND", b"")))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
