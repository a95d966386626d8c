"""Card geometry and text fitting: every card has one size, and text is fitted into it.

One size for all cards keeps rows straight and lets the tidy layout treat a row of stacked
leaves like one wide node. Text that does not fit is cut with an ellipsis; renderers keep the
whole text in a tooltip, so nothing is lost.

>>> fit_text("Chief Operating Officer", 12, 200)
'Chief Operating Officer'
>>> fit_text("Vice President of Worldwide Strategic Partnerships and Alliances", 12, 200)
'Vice President of Worldwide…'
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ladder.layout.fonts import advance_widths, font_file


@dataclass(frozen=True)
class CardStyle:
    """Sizes in CSS pixels (1/96 in); Graphviz output converts them to points."""

    width: float = 240.0
    height: float = 72.0
    sibling_gap: float = 20.0  # between cards of one manager
    cousin_gap: float = 36.0  # between neighbouring subtrees
    level_gap: float = 32.0  # between rows: room for the elbow connectors and the badge
    spine_gap: float = 18.0  # between a stacked leaf card and the spine it hangs on
    indent: float = 28.0  # per level in an indented (stacked) list: enough to see the step

    @property
    def pitch(self) -> float:
        """Vertical distance from one row of cards to the next."""
        return self.height + self.level_gap


def char_width(char: str, *, bold: bool = False) -> float:
    """Width of one character in ems, in the shipped face (:mod:`ladder.layout.fonts`).

    A character the face lacks is drawn by a fallback font: CJK and Hangul (and other wide
    characters) a full em, the most any of those fonts takes; an accented letter as its base;
    anything else (Arabic, Indic scripts) 0.65 em, on the wide side of their letters.

    >>> round(char_width("m"), 3), char_width("中"), char_width("한")
    (0.833, 1.0, 1.0)
    """
    widths = _widths(bold)
    code = ord(char)
    if code in widths:
        return widths[code]
    if unicodedata.east_asian_width(char) in "WF" or code > 0x2E80:
        return 1.0  # CJK, Hangul, kana and emoji
    base = unicodedata.normalize("NFD", char)[0]
    if base != char and ord(base) in widths:
        return widths[ord(base)]
    return 0.65


@lru_cache(maxsize=2)
def _widths(bold: bool) -> dict[int, float]:
    """The face's widths, read on first use (a few ms; a DOT file or JSON needs none)."""
    return advance_widths(font_file(bold=bold))


@lru_cache(maxsize=2)
def _ascii(bold: bool) -> tuple[dict[str, float], float]:
    """(width of each printable ASCII character, the widest of them) in ems."""
    table = {chr(i): char_width(chr(i), bold=bold) for i in range(32, 127)}
    return table, max(table.values())


def _ems(text: str, bold: bool) -> float:
    table = _ascii(bold)[0]
    try:
        return sum(map(table.__getitem__, text))
    except KeyError:
        return sum(char_width(c, bold=bold) for c in text)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width in pixels of ``text`` at font ``size``."""
    return _ems(text, bold) * size


@lru_cache(maxsize=65536)  # titles and departments repeat; names often do
def fit_text(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """``text`` cut at a word boundary, where possible, with ``…`` so it fits ``max_width``."""
    if text.isascii() and "  " not in text and text == text.strip():  # the common case
        table, widest = _ascii(bold)
        if len(text) * size * widest <= max_width and text.isprintable():
            return text  # fits even if every character were the widest
        try:
            ems = sum(map(table.__getitem__, text))
        except KeyError:  # a tab or another control character: tidied below
            ems = math.inf
        if ems * size <= max_width:
            return text
    text = " ".join(text.split())
    if text_width(text, size, bold=bold) <= max_width:
        return text
    budget = max_width - text_width("…", size, bold=bold)
    used = 0.0
    cut = 0
    for i, char in enumerate(text):
        used += char_width(char, bold=bold) * size
        if used > budget:
            break
        cut = i + 1
    head = text[:cut]
    space = head.rfind(" ")
    if space > cut * 0.6:  # prefer a word boundary unless it throws away too much
        head = head[:space]
    return head.rstrip(" ,;-&") + "…"
