"""How big a page may be: PNG and PDF limits, checked in one place.

* **PNG**: cairo draws at most 32,767 px a side, and drawing time grows with the pixel count
  (about 90% of a PNG's time: 1,516 people took 2.9 s at 99 Mpx), so a page also stays within
  a pixel budget. ``--scale`` draws the page at that many bitmap pixels per page pixel.
* **PDF**: readers refuse pages over 200 in (14,400 pt) a side.
* **SVG, DOT, JSON**: no limit.

A page that does not fit at the asked scale is drawn smaller (with a note) down to
:data:`MIN_SCALE`, below which text is no longer readable; then a split chart splits it further
and a whole chart is refused with a hint that names an option not yet tried. A split chart's
PNG and PDF pages also keep within :data:`MAX_ASPECT` (:func:`page_room`): a page 40 times
taller than wide fits a bitmap but is read only by scrolling a ribbon, so it is cut too.

>>> fit_scale(10_000, 5_000, "png")
1.0
>>> fit_scale(40_000, 1_000, "png")  # wider than 32,767 px: drawn at 0.81
0.81
>>> fit_scale(100_000, 2_000, "png") is None  # it would take a scale under MIN_SCALE
True
>>> fit_scale(20_000, 300, "pdf")  # pages over 14,400 pt are shrunk to fit
0.72
"""

from __future__ import annotations

import math

PNG_MAX_SIDE = 32_767  # pixels: cairo's limit
PNG_PIXEL_BUDGET = 50_000_000  # pixels: about 1.5 s to draw and 200 MB of memory
PDF_MAX_SIDE = 14_400.0  # points: 200 inches, the limit of PDF readers
MIN_SCALE = 0.5  # below this a card's 13 px name is under 7 px: unreadable
MAX_ASPECT = 8.0  # a split page no longer or wider than this: one screen or sheet, scrolled once
BOUNDED = ("png", "pdf")


def bitmap_size(width: float, height: float, scale: float = 1.0) -> tuple[int, int]:
    """Pixels of the PNG of a page ``width`` x ``height`` drawn at ``scale``.

    >>> bitmap_size(640.5, 100, 2)
    (1281, 200)
    """
    return math.ceil(width * scale), math.ceil(height * scale)


def largest_scale(width: float, height: float, fmt: str) -> float:
    """The largest scale at which the page fits ``fmt`` (infinite for unbounded formats)."""
    if fmt == "png":
        side = PNG_MAX_SIDE / max(width, height, 1.0)
        budget = math.sqrt(PNG_PIXEL_BUDGET / max(width * height, 1.0))
        return min(side, budget)
    if fmt == "pdf":
        return PDF_MAX_SIDE / max(width, height, 1.0)
    return math.inf


def fits(width: float, height: float, fmt: str, scale: float = 1.0) -> bool:
    """Whether the page fits ``fmt`` at ``scale`` without being shrunk."""
    return largest_scale(width, height, fmt) >= scale


def page_room(width: float, height: float, fmt: str, scale: float = 1.0) -> float:
    """How many times bigger a split page could be and still fit (>= 1: it fits).

    For PNG and PDF both the format's limits and :data:`MAX_ASPECT` count; a ribbon's room is
    the square root of how far it is within the aspect, as its area, like its length, grows
    with its cards.

    >>> round(page_room(688, 2_000, "png"), 2)  # small, and under 8:1
    1.66
    >>> round(page_room(688, 22_016, "png"), 2)  # 32:1: half as many cards would do
    0.5
    >>> page_room(688, 22_016, "svg")
    inf
    """
    room = largest_scale(width, height, fmt) / scale
    if fmt in BOUNDED:
        aspect = max(width, height) / max(min(width, height), 1.0)
        room = min(room, math.sqrt(MAX_ASPECT / aspect))
    return room


def fit_scale(width: float, height: float, fmt: str, scale: float = 1.0) -> float | None:
    """The scale to draw at: ``scale`` if the page fits, else the largest that fits, rounded
    down to a hundredth; None when that would be under :data:`MIN_SCALE` (readability does
    not depend on the scale asked for: at 0.5 a 13 px name is 6.5 px, whatever was asked).

    >>> fit_scale(10_000, 5_000, "png", scale=2.0)  # 20,000 x 10,000 is over the budget
    1.0
    >>> fit_scale(30_000, 2_000, "png", scale=0.25)  # asked small: small it is
    0.25
    """
    most = largest_scale(width, height, fmt)
    if most >= scale:
        return scale
    chosen = math.floor(most * 100) / 100
    return chosen if chosen >= MIN_SCALE else None


def describe(width: float, height: float, fmt: str, scale: float = 1.0) -> str:
    """The page's size in the unit its format counts: ``"40,000 x 2,000 px"``.

    >>> describe(40_000, 2_000.4, "png")
    '40,000 x 2,001 px'
    >>> describe(20_000, 300, "pdf")
    '20,000 x 300 pt'
    """
    w, h = bitmap_size(width, height, scale if fmt == "png" else 1.0)
    return f"{w:,} x {h:,} {'pt' if fmt == 'pdf' else 'px'}"


def limit_text(fmt: str) -> str:
    """The limit of ``fmt`` in words, for messages."""
    if fmt == "png":
        return (f"a PNG holds at most {PNG_MAX_SIDE:,} px a side and "
                f"{PNG_PIXEL_BUDGET // 1_000_000} million pixels")
    if fmt == "pdf":
        return f"PDF readers open pages of at most {PDF_MAX_SIDE:,.0f} pt (200 in) a side"
    return "no limit"
