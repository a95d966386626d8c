"""The fonts every drawing uses, shipped in ``ladder/fonts/``, and their advance widths.

Cards are sized and their text fitted from these widths, and Graphviz draws with these very
files (:mod:`ladder.renderers.graphviz_backend` hands them over through a fontconfig file of
its own), so a fitted line is as wide on the page as it was measured, on every machine.
Liberation Sans has the metrics of Helvetica and Arial, so a browser drawing the SVG in either
face lays the text out the same. Only the advance widths are read here: the ``cmap`` table
(character -> glyph) and ``hmtx`` (glyph -> advance), from the font file itself, so the
measure cannot drift from the face.

>>> widths = advance_widths(font_file())
>>> round(widths[ord("m")], 3), round(widths[ord("i")], 3)  # Helvetica's 833 and 222
(0.833, 0.222)
>>> round(advance_widths(font_file(bold=True))[ord("i")], 3)  # the bold face is wider
0.278
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

FONT_FOLDER = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "Liberation Sans"  # the family name inside the shipped files
_FILES = {False: "LiberationSans-Regular.ttf", True: "LiberationSans-Bold.ttf"}


def font_file(*, bold: bool = False) -> Path:
    """The shipped font file of the regular or the bold face."""
    return FONT_FOLDER / _FILES[bold]


@cache
def advance_widths(path: Path, index: int = 0) -> dict[int, float]:
    """Code point -> advance width in ems, for every character the font maps.

    ``path``: a TrueType/OpenType file, or a collection (``.ttc``) with ``index`` naming the
    face in it. Reads the Unicode ``cmap`` subtable (format 12, else format 4).
    """
    data = path.read_bytes()
    base = 0
    if data[:4] == b"ttcf":  # a collection: a table of offsets to each face's own directory
        base = struct.unpack_from(">I", data, 12 + 4 * index)[0]
    tables = _tables(data, base)
    units = struct.unpack_from(">H", data, tables[b"head"] + 18)[0]
    metrics = struct.unpack_from(">H", data, tables[b"hhea"] + 34)[0]
    # hmtx: (advance, left side bearing) for the first `metrics` glyphs
    glyph_advance = struct.unpack_from(">" + "Hh" * metrics, data, tables[b"hmtx"])[0::2]
    widths = {}
    for code, glyph in _character_map(data, tables[b"cmap"]).items():
        if glyph:  # glyph 0 is the missing-glyph box: not a character the font has
            advance = glyph_advance[min(glyph, metrics - 1)]  # the last repeats (monospace runs)
            widths[code] = advance / units
    return widths


def _tables(data: bytes, base: int) -> dict[bytes, int]:
    """Table tag -> offset in the file, from the face's table directory at ``base``."""
    count = struct.unpack_from(">H", data, base + 4)[0]
    found = {}
    for i in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, base + 12 + 16 * i)
        found[tag] = offset
    return found


def _character_map(data: bytes, cmap: int) -> dict[int, int]:
    """Code point -> glyph index from the best Unicode subtable of ``cmap``."""
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    subtables = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        subtables[(platform, encoding)] = cmap + offset
    for key in ((3, 10), (0, 4), (0, 6)):  # full Unicode repertoire: format 12
        if key in subtables and struct.unpack_from(">H", data, subtables[key])[0] == 12:
            return _format_12(data, subtables[key])
    for key in ((3, 1), (0, 3), (0, 1), (0, 0)):  # the Basic Multilingual Plane: format 4
        if key in subtables and struct.unpack_from(">H", data, subtables[key])[0] == 4:
            return _format_4(data, subtables[key])
    return {}


def _format_12(data: bytes, at: int) -> dict[int, int]:
    """Groups of consecutive code points mapped to consecutive glyphs."""
    groups = struct.unpack_from(">I", data, at + 12)[0]
    found = {}
    for i in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * i)
        for code in range(start, end + 1):
            found[code] = glyph + code - start
    return found


def _format_4(data: bytes, at: int) -> dict[int, int]:
    """Segments of the BMP, each with a delta or a range of glyph ids to look up."""
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts_at = at + 16 + 2 * segments
    starts = struct.unpack_from(f">{segments}H", data, starts_at)
    deltas = struct.unpack_from(f">{segments}h", data, starts_at + 2 * segments)
    ranges_at = starts_at + 4 * segments
    ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
    found = {}
    for i in range(segments):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if ranges[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:  # an offset from this very word into the glyph id array
                where = ranges_at + 2 * i + ranges[i] + 2 * (code - starts[i])
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            found[code] = glyph
    return found
