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

import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class CardStyle:
    """Sizes in CSS pixels (1/96 in); Graphviz output converts them to points."""

    width: float = 240.0
    height: float = 72.0
    sibling_gap: float = 20.0  # between cards of one manager
    cousin_gap: float = 36.0  # between neighbouring subtrees
    level_gap: float = 32.0  # between rows: room for the elbow connectors and the badge
    spine_gap: float = 18.0  # between a stacked leaf card and the spine it hangs on
    indent: float = 20.0  # per level in an indented (stacked) list

    @property
    def pitch(self) -> float:
        """Vertical distance from one row of cards to the next."""
        return self.height + self.level_gap


def char_width(char: str) -> float:
    """Width of one character in ems, roughly, for a sans-serif font such as Helvetica."""
    if char in "il.,:;'|!Iíìj ":
        return 0.3
    if char in "mwMW@":
        return 0.85
    if unicodedata.east_asian_width(char) in "WF" or ord(char) > 0x2E80:
        return 1.0  # CJK and emoji
    if char.isupper() or char.isdigit():
        return 0.66
    return 0.54


_ASCII_WIDTHS = {chr(i): char_width(chr(i)) for i in range(32, 127)}


def _ems(text: str) -> float:
    try:
        return sum(map(_ASCII_WIDTHS.__getitem__, text))
    except KeyError:
        return sum(char_width(c) for c in text)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width in pixels of ``text`` at font ``size``."""
    width = _ems(text) * size
    return width * 1.06 if bold else width


@lru_cache(maxsize=65536)  # titles and departments repeat; names often do
def fit_text(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """``text`` cut at a word boundary, where possible, with ``…`` so it fits ``max_width``."""
    if len(text) * size * 0.66 <= max_width and "  " not in text and text == text.strip():
        if text.isascii():  # short ASCII text always fits: no need to measure
            return text
    text = " ".join(text.split())
    if text_width(text, size, bold=bold) <= max_width:
        return text
    budget = max_width - text_width("…", size, bold=bold)
    used = 0.0
    cut = 0
    for i, char in enumerate(text):
        used += char_width(char) * size * (1.06 if bold else 1.0)
        if used > budget:
            break
        cut = i + 1
    head = text[:cut]
    space = head.rfind(" ")
    if space > cut * 0.6:  # prefer a word boundary unless it throws away too much
        head = head[:space]
    return head.rstrip(" ,;-&") + "…"
