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


# Advance widths of Helvetica (and of Arial and Liberation Sans, which share its metrics) in
# thousandths of an em, for printable ASCII from the space to the tilde.
_HELVETICA = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  # ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  # 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  # @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  # P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  # `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  # p..~
)


def char_width(char: str) -> float:
    """Width of one character in ems for Helvetica/Arial; accented letters as their base.

    >>> char_width("m"), char_width("é") == char_width("e"), char_width("中")
    (0.833, True, 1.0)
    """
    code = ord(char)
    if 32 <= code < 127:
        return _HELVETICA[code - 32] / 1000
    if unicodedata.east_asian_width(char) in "WF" or code > 0x2E80:
        return 1.0  # CJK and emoji
    base = unicodedata.normalize("NFD", char)[0]
    if base != char and 32 <= ord(base) < 127:
        return _HELVETICA[ord(base) - 32] / 1000
    if char.isupper():
        return 0.72
    return 0.6  # other scripts, ligatures (ß, æ, ø), typographic signs: on the wide side


BOLD = 1.09  # Helvetica Bold is about this much wider than the regular face
_ASCII_WIDTHS = {chr(i): char_width(chr(i)) for i in range(32, 127)}
_WIDEST = max(_ASCII_WIDTHS.values()) * BOLD


def _ems(text: str) -> float:
    try:
        return sum(map(_ASCII_WIDTHS.__getitem__, text))
    except KeyError:  # a character beyond ASCII: its width found once, then remembered
        return sum(map(_char_ems, text))


_char_ems = lru_cache(maxsize=4096)(char_width)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width in pixels of ``text`` at font ``size``."""
    width = _ems(text) * size
    return width * BOLD if bold else width


@lru_cache(maxsize=65536)  # titles and departments repeat; names often do
def fit_text(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """``text`` cut at a word boundary, where possible, with ``…`` so it fits ``max_width``."""
    if text.isascii() and "  " not in text and text == text.strip():  # the common case
        if len(text) * size * _WIDEST <= max_width and text.isprintable():
            return text  # fits even if every character were the widest
        try:
            ems = sum(map(_ASCII_WIDTHS.__getitem__, text))
        except KeyError:  # a tab or another control character: tidied below
            ems = math.inf
        if ems * size * (BOLD if bold else 1.0) <= max_width:
            return text
    text = " ".join(text.split())
    if text_width(text, size, bold=bold) <= max_width:
        return text
    budget = max_width - text_width("…", size, bold=bold)
    used = 0.0
    cut = 0
    for i, char in enumerate(text):
        used += char_width(char) * size * (BOLD if bold else 1.0)
        if used > budget:
            break
        cut = i + 1
    head = text[:cut]
    space = head.rfind(" ")
    if space > cut * 0.6:  # prefer a word boundary unless it throws away too much
        head = head[:space]
    return head.rstrip(" ,;-&") + "…"
