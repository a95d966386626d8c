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

import itertools
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ladder.layout.fonts import advance_widths, font_file
from ladder.model.org import Org
from ladder.text import card_name, person_label


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
    title_lines: int = 1  # the card's second row (the title) wraps onto this many lines

    @property
    def pitch(self) -> float:
        """Vertical distance from one row of cards to the next."""
        return self.height + self.level_gap


# A card's rows of text in px: the name in bold, the title, the department (placed by
# renderers/card_geometry.py); the text runs from after the colour stripe to short of the edge.
NAME_SIZE, TITLE_SIZE, DETAIL_SIZE = 13, 12, 11
TEXT_MARGIN = 24.0
NARROWEST, WIDEST = 240.0, 320.0  # a chart's cards: the usual width, and the most they widen to
ONE_LINE_SHARE = 0.8  # cards as wide as this share of their texts needs (within those limits)
WRAP_SHARE = 0.01  # titles wrap onto two lines when more than this share is too long for one
TITLE_STEP = 15.0  # px from a title's first line to its second: what a card grows by
_SAMPLE = 5_000  # people measured at most: a bigger chart is sampled evenly


def card_style_for(org: Org) -> CardStyle:
    """The card style of a chart of ``org``: cards wide enough for the name, title and
    department of most cards (:data:`ONE_LINE_SHARE`) on one line each, between
    :data:`NARROWEST` and :data:`WIDEST`; when titles are still too long for a line (more
    than :data:`WRAP_SHARE` of them), cards a line taller, so titles wrap before they are cut.

    >>> from ladder.model.org import Person
    >>> card_style_for(Org.build("x", [Person("a", "Ada", title="CEO")])).width
    240.0
    >>> long = "Deputy Director, Border Force Operational Assurance Directorate"
    >>> style = card_style_for(Org.build("x", [Person("a", "Ada", title=long * 2)]))
    >>> style.width, style.title_lines, style.height
    (320.0, 2, 87.0)
    """
    people = org.people.values()
    step = max(1, len(people) // _SAMPLE)
    known: dict[tuple[str, int], float] = {}  # titles and departments repeat: measured once

    def width(text: str, size: int) -> float:
        key = (text, size)
        if key not in known:
            known[key] = text_width(text, size, bold=size == NAME_SIZE)
        return known[key]

    need = []
    titles = []
    for person in itertools.islice(people, 0, None, step):
        name = person_label(person) if person.vacant else card_name(person)
        department = org.departments.get(person.department or "")
        titles.append(width(person.title or "", TITLE_SIZE))
        need.append(max(text_width(name, NAME_SIZE, bold=True), titles[-1],
                        width(department.name if department else person.department or "",
                              DETAIL_SIZE)))
    if not need:
        return CardStyle()
    need.sort()
    wanted = need[int(ONE_LINE_SHARE * (len(need) - 1))] + TEXT_MARGIN
    card = min(WIDEST, max(NARROWEST, 8.0 * -(-wanted // 8)))  # whole 8 px: short coordinates
    too_long = sum(1 for title in titles if title > card - TEXT_MARGIN)
    if too_long > WRAP_SHARE * len(titles):
        return CardStyle(width=card, height=CardStyle.height + TITLE_STEP, title_lines=2)
    return CardStyle() if card == NARROWEST else CardStyle(width=card)


def char_width(char: str, *, bold: bool = False) -> float:
    """Width of one character in ems, in the shipped face (:mod:`ladder.layout.fonts`).

    A character the face lacks is drawn by a fallback font (graphviz_backend names them):
    CJK and Hangul (and other wide characters) a full em, the most any of those fonts takes;
    an emoji or other symbol :data:`_SYMBOL`;
    an accented letter as its base; a combining mark nothing; a letter of another script
    the width of that script's letters in its fallback face (:data:`_SCRIPT_WIDTHS`).

    >>> round(char_width("m"), 3), char_width("中"), char_width("한"), char_width("த")
    (0.833, 1.0, 1.0, 1.25)
    >>> char_width("🚀"), char_width("✨")  # emoji: the widest fallback face's, 1.7 em
    (1.7, 1.7)
    """
    own = _face_width(char, bold)
    if own is not None:
        return own
    code = ord(char)
    category = unicodedata.category(char)
    if category == "So":
        return _SYMBOL  # emoji and other symbols (DejaVu Sans, Noto Sans Symbols, Symbola)
    if unicodedata.east_asian_width(char) in "WF" or code > 0x2E80:
        return 1.0  # CJK, Hangul and kana
    if category in ("Mn", "Me", "Cf"):
        return 0.0  # a mark drawn on the letter before it, or a direction mark
    for start, end, letter, spacing_mark in _SCRIPT_WIDTHS:
        if start <= code < end:
            return spacing_mark if category == "Mc" else letter
    return 0.65


# Symbols the shipped face lacks, in ems: of 1,155 emoji and symbols (U+2600-27BF, U+1F300-1F9FF)
# drawn by the fallback faces at 13 px, Graphviz drew half wider than 1 em, all but 5 within
# 1.4 em, and the widest (DejaVu Sans's 😴, bold) 1.69 em.
_SYMBOL = 1.7

# Scripts the shipped face lacks: (first, last + 1 code point, a letter's width, a spacing
# vowel sign's), in ems: the mean advance of the script's letters in the bold of its fallback
# face (Noto Sans <script>, DejaVu Sans for Armenian and Georgian) and 5% more, so a name in
# a mix of letters is measured on the wide side. Arabic letters join, narrower than alone.
_SCRIPT_WIDTHS = (
    (0x0530, 0x0590, 0.75, 0.0),  # Armenian
    (0x0600, 0x0700, 0.65, 0.0),  # Arabic
    (0x0900, 0x0980, 0.8, 0.3),  # Devanagari
    (0x0980, 0x0A00, 0.8, 0.5),  # Bengali
    (0x0A00, 0x0A80, 0.75, 0.35),  # Gurmukhi
    (0x0A80, 0x0B00, 0.8, 0.3),  # Gujarati
    (0x0B00, 0x0B80, 0.85, 0.75),  # Oriya
    (0x0B80, 0x0C00, 1.25, 1.2),  # Tamil
    (0x0C00, 0x0C80, 0.95, 0.5),  # Telugu
    (0x0C80, 0x0D00, 0.95, 0.55),  # Kannada
    (0x0D00, 0x0D80, 1.2, 0.95),  # Malayalam
    (0x0D80, 0x0E00, 1.05, 0.8),  # Sinhala
    (0x0E00, 0x0F00, 0.65, 0.0),  # Thai, Lao
    (0x1000, 0x10A0, 0.95, 0.45),  # Myanmar
    (0x10A0, 0x1100, 0.7, 0.0),  # Georgian
    (0x1200, 0x1380, 0.85, 0.0),  # Ethiopic
    (0x1780, 0x1800, 0.8, 0.65),  # Khmer
)


@lru_cache(maxsize=65536)  # characters repeat: a chart's text has a few hundred distinct ones
def _face_width(char: str, bold: bool) -> float | None:
    """The shipped face's width of ``char`` (of its base letter, if accented), else None."""
    widths = _widths(bold)
    found = widths.get(ord(char))
    if found is None:
        base = unicodedata.normalize("NFD", char)[0]
        if base != char:
            found = widths.get(ord(base))
    return found


@lru_cache(maxsize=2)
def _widths(bold: bool) -> dict[int, float]:
    """The face's widths, read on first use (a few ms; a DOT file or JSON needs none)."""
    return advance_widths(font_file(bold=bold))


# Graphviz lays text out at 96 dpi with hinted metrics: each glyph's advance a whole number of
# pixels at that size (13 pt names: 17.33 px), up to 4% wider than the face's own widths.
_LAYOUT_PX_PER_PT = 96 / 72


@lru_cache(maxsize=65536)
def advances(char: str, size: float, *, bold: bool = False) -> tuple[float, float]:
    """(advance in the face, advance on Graphviz's whole pixels) of one character at font
    ``size``, in px: a browser draws the SVG with the first, Graphviz the PNG and PDF with
    the second. A fallback face's character has its estimate twice.

    >>> [round(a, 2) for a in advances("i", 13)]  # 3.85 px at 17.33 px a em: 4 of them
    [2.89, 3.0]
    """
    ems = _face_width(char, bold)
    exact = (char_width(char, bold=bold) if ems is None else ems) * size
    return exact, round(exact * _LAYOUT_PX_PER_PT) / _LAYOUT_PX_PER_PT


# A space after a character the face lacks is drawn by the same fallback face (Pango keeps a
# run in one face), where it is wider: WenQuanYi's is 0.53 em, Liberation's 0.28.
_FALLBACK_SPACE = 0.55


def _all_advances(text: str, size: float, bold: bool) -> list[tuple[float, float]]:
    """:func:`advances` of each character of ``text``, spaces in a fallback run as wide."""
    found = []
    fallback = False
    for char in text:
        if char == " " and fallback:
            wide = _FALLBACK_SPACE * size
            found.append((wide, round(wide * _LAYOUT_PX_PER_PT) / _LAYOUT_PX_PER_PT))
            continue
        fallback = _face_width(char, bold) is None
        found.append(advances(char, size, bold=bold))
    return found


@lru_cache(maxsize=64)
def _ascii(bold: bool, size: float) -> tuple[dict[str, float], dict[str, float], float]:
    """Advances at ``size`` in px: (the face's, Graphviz's, the widest printable ASCII one).
    The two tables start with printable ASCII and take in the face's other characters as
    they are met (a chart uses a few hundred)."""
    pairs = {chr(i): advances(chr(i), size, bold=bold) for i in range(32, 127)}
    exact = {char: pair[0] for char, pair in pairs.items()}
    hinted = {char: pair[1] for char, pair in pairs.items()}
    return exact, hinted, max(max(pair) for pair in pairs.values())


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in pixels that ``text`` takes at font ``size``: the wider of the browser's and
    Graphviz's (see :func:`advances`), so a fitted line spills out of neither drawing."""
    exact, hinted, _ = _ascii(bold, size)
    try:
        return max(sum(map(exact.__getitem__, text)), sum(map(hinted.__getitem__, text)))
    except KeyError:
        pass
    fallback = False
    for char in set(text):
        if _face_width(char, bold) is None:
            fallback = True  # its spaces may be wider: counted one by one below
        elif char not in exact:
            exact[char], hinted[char] = advances(char, size, bold=bold)
    if fallback:
        pairs = _all_advances(text, size, bold)
        return max(sum(p[0] for p in pairs), sum(p[1] for p in pairs))
    return max(sum(map(exact.__getitem__, text)), sum(map(hinted.__getitem__, text)))


@lru_cache(maxsize=65536)  # titles and departments repeat; names often do
def fit_text(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """``text`` cut at a word boundary, where possible, with ``…`` so it fits ``max_width``."""
    if text.isascii() and "  " not in text and text == text.strip():  # the common case
        widest = _ascii(bold, size)[2]
        if len(text) * widest <= max_width and text.isprintable():
            return text  # fits even if every character were the widest
        if text.isprintable() and text_width(text, size, bold=bold) <= max_width:
            return text
    text = " ".join(text.split())
    if text_width(text, size, bold=bold) <= max_width:
        return text
    budget = max_width - text_width("…", size, bold=bold)
    used = [0.0, 0.0]  # the face's width and Graphviz's, as text_width counts them
    cut = 0
    for i, (exact, hinted) in enumerate(_all_advances(text, size, bold)):
        used[0] += exact
        used[1] += hinted
        if max(used) > budget:
            break
        cut = i + 1
    head = text[:cut]
    space = head.rfind(" ")
    if space > cut * 0.6:  # prefer a word boundary unless it throws away too much
        head = head[:space]
    return head.rstrip(" ,;-&") + "…"


_JOINERS = " ,;:-–&/"  # left dangling at a cut: dropped


@lru_cache(maxsize=65536)
def fit_middle(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """``text`` fitted to ``max_width`` keeping its start and its end, the ellipsis between:
    the end of a unit's or a post's name is what tells it from its neighbours ("Head Office -
    National Operations - North West" and "... - South East"). The end is whole words, at
    most half the room; a last word longer than that is cut like :func:`fit_text`.

    >>> fit_middle("Head Office - National Operations - North West Region", 11, 200)
    'Head Office…North West Region'
    >>> fit_middle("Finance", 11, 200)
    'Finance'
    """
    text = " ".join(text.split())
    if text_width(text, size, bold=bold) <= max_width:
        return text
    words = text.split(" ")
    half = (max_width - text_width("…", size, bold=bold)) / 2
    tail = ""
    for count in range(1, len(words)):
        candidate = " ".join(words[-count:])
        if text_width(candidate, size, bold=bold) > half:
            break
        tail = candidate
    tail = tail.lstrip(_JOINERS)
    if not tail:
        return fit_text(text, size, max_width, bold=bold)
    start = text[:len(text) - len(tail)].rstrip(_JOINERS)
    room = max_width - text_width(f"…{tail}", size, bold=bold)
    head = fit_text(start, size, room, bold=bold).removesuffix("…").rstrip(_JOINERS)
    # widths add up only nearly (the face's and Graphviz's are summed apart): check the whole
    while head and text_width(f"{head}…{tail}", size, bold=bold) > max_width:
        head = head[:-1].rstrip(_JOINERS)
    return f"{head}…{tail}" if head else fit_text(text, size, max_width, bold=bold)


@lru_cache(maxsize=65536)
def fit_lines(text: str, size: float, max_width: float, lines: int = 2, *,
              bold: bool = False) -> tuple[str, ...]:
    """``text`` on up to ``lines`` lines of ``max_width``, broken between words; what does not
    fit is cut from the middle (:func:`fit_middle` on the last line), so the start and the
    end both show.

    >>> fit_lines("Assistant Legal Adviser - Policing and Crime Reduction", 12, 200)
    ('Assistant Legal Adviser - Policing', 'and Crime Reduction')
    >>> fit_lines("Deputy Director", 12, 200)
    ('Deputy Director',)
    >>> fit_lines("Assistant Legal Adviser - Head of Northern Ireland, Devolution and "
    ...           "Constitutional Unit", 12, 200)
    ('Assistant Legal Adviser - Head of', '…Devolution and Constitutional Unit')
    """
    text = " ".join(text.split())
    if lines <= 1 or text_width(text, size, bold=bold) <= max_width:
        return (fit_middle(text, size, max_width, bold=bold),)
    words = text.split(" ")
    found: list[str] = []
    while words and len(found) < lines - 1:
        line = words.pop(0)
        while words and text_width(f"{line} {words[0]}", size, bold=bold) <= max_width:
            line += " " + words.pop(0)
        found.append(fit_text(line, size, max_width, bold=bold))  # a word too long: cut
    rest = " ".join(words)
    if not rest:
        return tuple(found)
    if text_width(rest, size, bold=bold) <= max_width:
        return (*found, rest)
    # the last line: the end of the text, after an ellipsis for what is left out
    return (*found, "…" + _end(rest, size, max_width - text_width("…", size, bold=bold), bold))


def _end(text: str, size: float, max_width: float, bold: bool) -> str:
    """The whole words at the end of ``text`` that fit ``max_width`` (the last one cut if
    it alone is too long)."""
    words = text.split(" ")
    tail = ""
    for count in range(1, len(words) + 1):
        candidate = " ".join(words[-count:])
        if text_width(candidate, size, bold=bold) > max_width:
            break
        tail = candidate
    return tail.lstrip(_JOINERS) or fit_text(words[-1], size, max_width, bold=bold)
