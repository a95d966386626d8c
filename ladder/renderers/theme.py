"""SVG fit for docs pages: one post-process for the ladder SVG (from Graphviz) and the org chart's.

:func:`finish_svg` takes an SVG document and returns one that

* can be inlined in an HTML page (no DOCTYPE or comments, and :func:`inline_svg` drops the
  XML prolog; its ``<style>`` scoped to
  the diagram so rules such as ``.n{...}`` never leak into the page's own code highlighting);
* scales to the column (``viewBox`` kept, ``max-width:100%; height:auto``);
* is an image to assistive technology: ``role="img"`` and ``aria-labelledby`` pointing at a
  ``<title>`` and a ``<desc>`` that say what it shows;
* names every card by the data: ``id="role-senior-pm"``, ``id="person-omar"``, so a page can
  link to a card (``#person-omar``) and style it;
* draws every colour through a CSS custom property (``--ladder-c-3b6ea8``, plus
  ``--ladder-paper`` for the background and ``--ladder-ink`` for plain text), so ``theme`` can be
  ``light``, ``dark`` or ``auto`` (follows ``prefers-color-scheme``, and, once inlined, the
  site's own switch: MkDocs Material's ``data-md-color-scheme``, Furo's ``data-theme``);
* has one font stack for both kinds of diagram.

The same input gives the same bytes: ids and the title's id come from the data, never a counter
or a clock.

>>> svg = ('<?xml version="1.0"?><!-- made by hand --><svg width="10" height="10" '
...        'viewBox="0 0 10 10"><rect class="paper" fill="white"/></svg>')
>>> out = finish_svg(svg, title="A & B", description="two boxes", theme="dark")
>>> inline_svg(out).startswith('<svg class="ladder-diagram" role="img"') and "<!--" not in out
True
>>> '<title id="ladder-' in out and "A &amp; B</title>" in out
True
"""

from __future__ import annotations

import colorsys
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from functools import partial

from ladder.choices import THEMES
from ladder.errors import LadderError, did_you_mean
from ladder.escape import xml_text

try:  # CPython's own SHA-1, the same digests: hashlib loads OpenSSL (2 ms of every render)
    from _sha1 import sha1  # type: ignore[import-not-found]
except ImportError:  # another Python
    from hashlib import sha1

# Faces with the widths the cards are fitted to (ladder/fonts/: Liberation Sans, which has
# Helvetica's and Arial's) first; then wider ones only where none of those is installed.
FONT_STACK = ('Helvetica, Arial, "Liberation Sans", "Helvetica Neue", "DejaVu Sans", '
              '"Noto Sans", sans-serif')
PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n'
PAPER_CLASS = "ladder-paper"
CARD_CLASS = "ladder-card"
# The dark page behind a dark diagram (GitHub's and Material's slate are near it).
DARK_PAPER = "#0d1117"
_NAMED = {"white": "#ffffff", "black": "#000000"}
# One pattern per attribute: a literal start keeps the scan of a 40 MB chart near 0.1 s.
_COLOUR_ATTRIBUTES = tuple(re.compile(attribute + r'="(#[0-9a-fA-F]{3,6}|white|black)"')
                           for attribute in ("fill", "stroke"))
_ATTRIBUTE_COLOUR = re.compile(r"#[0-9a-fA-F]{3,6}|white|black")  # the patterns' values
_STYLE_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
_HEAD = 16384  # characters: the root, the styles and the background are within them
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
_ROOT = re.compile(r"<svg\b([^>]*)>", re.S)


def check_theme(theme: str) -> str:
    """``theme`` when it is one the diagrams know, else a LadderError naming the choices."""
    if theme not in THEMES:
        raise LadderError(f"unknown theme {theme!r}",
                          hint=did_you_mean(theme, THEMES) or f"use one of: {', '.join(THEMES)}")
    return theme


def id_part(text: str) -> str:
    """An id fragment from a data id, for an SVG element's ``id`` or ``class``: letters,
    digits, ``-`` and ``_`` kept (case too, so ``#person-Omar`` still reads as the data id;
    :func:`ladder.text.slug` makes new ids from names), the rest as ``-``.

    >>> id_part("senior-pm"), id_part("Ana López / R&D")
    ('senior-pm', 'Ana-L-pez-R-D')
    """
    text = str(text)
    if _UNSAFE.search(text) is None and text and text[0] != "-" and text[-1] != "-":
        return text  # most ids are slugs already: no new string (a chart has 100,000)
    return _UNSAFE.sub("-", text).strip("-") or "x"


_UNSAFE_LINES = re.compile(r"[^A-Za-z0-9_\n-]")


def own_id_parts(ids: Sequence[str]) -> bool:
    """Whether each of ``ids`` is its own :func:`id_part` (a slug already), checked at once.

    >>> own_id_parts(["omar", "ana-2"]), own_id_parts(["omar", "R&D"]), own_id_parts(["a-"])
    (True, False, False)
    >>> own_id_parts(["a", ""]), own_id_parts(["a\\nb"]), own_id_parts([])
    (False, False, True)
    """
    lines = "\n".join(ids)  # one line per id: none empty, none with - at either end
    return not ids or (_UNSAFE_LINES.search(lines) is None and "\n\n" not in lines
                       and "\n-" not in lines and "-\n" not in lines
                       and lines[:1] not in ("", "-", "\n") and lines[-1:] not in ("-", "\n")
                       and lines.count("\n") == len(ids) - 1)


def card_id(kind: str, data_id: str) -> str:
    """The ``id`` of a card's ``<g>``: ``role-…`` for ladder roles, ``person-…`` for people.

    Writers that draw cards themselves call this, so links like ``#person-omar`` work on both.

    >>> card_id("person", "omar"), card_id("role", "vp/product")
    ('person-omar', 'role-vp-product')
    """
    return f"{kind}-{id_part(data_id)}"


def unique_ids(ids: Iterable[str]) -> list[str]:
    """``ids`` with repeats numbered (``a``, ``a-2``): two data ids may slug alike.

    >>> unique_ids(["a", "b", "a"])
    ['a', 'b', 'a-2']
    """
    items = list(ids)
    if len(set(items)) == len(items):  # the usual case, checked in one pass
        return items
    seen: dict[str, int] = {}
    out = []
    for item in items:
        count = seen.get(item, 0) + 1
        seen[item] = count
        out.append(item if count == 1 else f"{item}-{count}")
    return out


def dark_colour(colour: str) -> str:
    """The dark-theme counterpart of a light-theme colour: lightness turned over, hue kept.

    White paper becomes a dark grey, near-black ink a light grey, and a mid-tone accent a
    lighter tone of itself so it still stands out on a dark page.

    >>> dark_colour("#ffffff"), dark_colour("#1f2328")
    ('#1f1f1f', '#c3c9d1')
    >>> dark_colour("#3b6ea8")
    '#6091c7'
    """
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
    turned = 0.12 + 0.78 * (1 - light)
    if saturation > 0.3 and 0.25 < light < 0.75:  # an accent: keep it bright enough to read
        turned = max(turned, 0.58)
    red, green, blue = colorsys.hls_to_rgb(hue, min(turned, 0.92), saturation)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue))


def _hex6(colour: str) -> str:
    colour = _NAMED.get(colour.lower(), colour.lower())
    if len(colour) == 4:
        colour = "#" + "".join(c * 2 for c in colour[1:])
    return colour


def _variable(colour: str) -> str:
    return f"--ladder-c-{_hex6(colour)[1:]}"


def theme_css(colours: Iterable[str], *, theme: str, paper: str, transparent: bool) -> str:
    """The diagram's own CSS: each colour as a custom property, light and dark as asked.

    >>> css = theme_css(["#ffffff"], theme="auto", paper="#ffffff", transparent=False)
    >>> "prefers-color-scheme: dark" in css and '[data-md-color-scheme="slate"]' in css
    True
    """
    check_theme(theme)
    spelt: dict[str, set[str]] = {}
    for colour in colours:  # each colour with every spelling the SVG uses for it
        spelt.setdefault(_hex6(colour), set()).update({colour, colour.lower(), colour.upper()})
    palette = sorted(spelt)
    light = [f"{_variable(c)}:{c}" for c in palette]
    dark = [f"{_variable(c)}:{dark_colour(c)}" for c in palette]
    light += ["--ladder-ink:#1f2328", f"--ladder-paper:{'transparent' if transparent else paper}",
              "color-scheme:light"]
    dark += [f"--ladder-ink:{dark_colour('#1f2328')}",
             f"--ladder-paper:{'transparent' if transparent else DARK_PAPER}",
             "color-scheme:dark"]
    scope = "svg.ladder-diagram"
    rules = []
    if theme == "auto":
        rules.append(f"{scope}{{{';'.join(light)}}}")
        rules.append(f"@media (prefers-color-scheme: dark){{{scope}{{{';'.join(dark)}}}}}")
        # A page's own switch beats the system setting (higher specificity than the above).
        dark_sites = ('[data-md-color-scheme="slate"]', '[data-theme="dark"]')
        light_sites = ('[data-md-color-scheme="default"]', '[data-theme="light"]')
        rules.append(",".join(f"{site} {scope}" for site in dark_sites) + f"{{{';'.join(dark)}}}")
        rules.append(",".join(f"{site} {scope}" for site in light_sites)
                     + f"{{{';'.join(light)}}}")
    else:
        rules.append(f"{scope}{{{';'.join(light if theme == 'light' else dark)}}}")
    for colour in palette:
        for attribute in ("fill", "stroke"):
            selector = ",".join(f'{scope} [{attribute}="{spelling}"]'
                                for spelling in sorted(spelt[colour]))
            rules.append(f"{selector}{{{attribute}:var({_variable(colour)})}}")
    rules.append(f"{scope} text:not([fill]){{fill:var(--ladder-ink)}}")
    rules.append(f"{scope} text{{font-family:{FONT_STACK}}}")
    rules.append(f"{scope} .{PAPER_CLASS}{{fill:var(--ladder-paper)}}")
    return "".join(rules)


def _scoped_style(css: str) -> tuple[str, list[str]]:
    """A writer's own ``<style>`` rules, each selector scoped to the diagram, colours as
    custom properties; also the colours it used."""
    used = _STYLE_COLOUR.findall(css)
    if "@" in css:  # not the flat rule list our writers make: leave the selectors alone
        scoped = css
    else:
        parts = []
        for rule in css.split("}"):
            if "{" not in rule:
                continue
            selectors, body = rule.split("{", 1)
            scoped_selectors = ",".join(f"svg.ladder-diagram {s.strip()}"
                                        for s in selectors.split(","))
            parts.append(f"{scoped_selectors}{{{body}}}")
        scoped = "".join(parts)
    scoped = _STYLE_COLOUR.sub(lambda m: f"var({_variable(m.group(0))})", scoped)
    return scoped, used


def inline_svg(svg: str) -> str:
    """A finished SVG ready to put in an HTML page: without its XML prolog.

    >>> inline_svg(PROLOG + "<svg/>")
    '<svg/>'
    """
    return svg.removeprefix(PROLOG)


def finish_svg(
    svg: str,
    *,
    title: str,
    description: str,
    theme: str = "light",
    transparent: bool = False,
    kind: str = "diagram",
    card_ids: Sequence[str] | None = None,
) -> str:
    """``svg`` made fit for docs (see the module's docstring).

    ``card_ids``: for an SVG whose cards are ``<g transform=…><title>…`` groups without ids
    (the org chart's), the data ids of those cards in drawing order. Graphviz's ladder SVG
    needs none: its node and edge ``<title>`` are the role ids.
    """
    check_theme(theme)
    if "<!--" in svg:  # Graphviz comments each node; the org chart writer writes none
        svg = re.sub(r"<!--.*?-->\s*", "", svg, flags=re.S)
    # What comes before the root is prolog and DOCTYPE: none of it is kept.
    start = max(svg.find("<svg"), 0)
    if 'id="graph0"' in svg[start:start + 4096]:
        svg = _name_graphviz_parts(svg)
    if card_ids is not None:
        svg = _name_cards(svg, card_ids)
    # The root, the styles and the background are in the first few kB: edit that head alone
    # and copy the rest once (an org chart of 100,000 people is 40 MB).
    start, cut = _head_of(svg)
    colours = sorted({match.group(1) for pattern in _COLOUR_ATTRIBUTES
                      for match in pattern.finditer(svg, start)})
    head, css, root = _finished_head(svg[start:cut], colours, theme=theme,
                                     transparent=transparent)
    end = svg[max(cut, len(svg) - _TAIL):]
    uid = "ladder-" + _fingerprint(head, end, len(svg) - cut, title, description)
    opening = _opening(root.group(1), uid=uid, kind=kind, title=title,
                       description=description, css=css)
    return "".join((opening, head[root.end():].lstrip("\n"), svg[cut:]))


def _opening(root: str, *, uid: str, kind: str, title: str, description: str, css: str) -> str:
    """The finished document's start: prolog, root element, title, description, styles."""
    attributes = _root_attributes(root, uid=uid, kind=kind)
    return (f"{PROLOG}<svg {attributes}>\n<title id=\"{uid}-title\">{xml_text(title)}"
            f"</title>\n<desc id=\"{uid}-desc\">{xml_text(description)}</desc>\n"
            f"<style>{css}</style>\n")


def _head_of(svg: str) -> tuple[int, int]:
    """(start, cut): where the root element starts and where the head edited in place ends."""
    start = max(svg.find("<svg"), 0)
    return start, svg.find(">", start + _HEAD) + 1 or len(svg)


def _finished_head(head: str, colours: list[str], *, theme: str,
                   transparent: bool) -> tuple[str, str, re.Match[str]]:
    """(head with its background marked and styles scoped, the theme's CSS, the root element's
    match in that head) from the document's head and the colours its attributes draw."""
    head, paper = _mark_paper(head)
    pieces = []
    for match in _STYLE_BLOCK.finditer(head):
        scoped, used = _scoped_style(match.group(1))
        colours += used
        pieces.append((match.span(1), scoped))
    for (begin, finish), scoped in reversed(pieces):
        head = head[:begin] + scoped + head[finish:]
    colours.append(paper)
    css = theme_css(colours, theme=theme, paper=paper, transparent=transparent)
    root = _ROOT.search(head)
    if root is None:
        raise LadderError("not an SVG document: no <svg> element",
                          hint="this is a bug in ladder: please report it")
    return head, css, root


_TAIL = 65536  # characters of the document's end that go into its fingerprint
_NO_UID = "ladder-" + "0" * 10  # as long as a real one: the start is written again in place


class FinishedPieces:
    """:func:`finish_svg` of a document that comes in pieces, given on as they come.

    For a writer that knows which colours its ``fill`` and ``stroke`` attributes draw (the
    org chart's: a million cards need no scan of the whole document for them) and writes no
    comments and no Graphviz ids. The document's id is a fingerprint of its end, known only
    after the last piece: the first piece carries a stand-in of the same length, and
    :attr:`opening`, once every piece is through, is the true one to put in its place.

    >>> raw = ['<?xml version="1.0"?>\\n<svg width="9" height="9">', '<rect fill="#123456"/>',
    ...        '</svg>\\n']
    >>> done = FinishedPieces(raw, ["#123456"], title="T", description="D")
    >>> done.text() == finish_svg("".join(raw), title="T", description="D")
    True
    """

    def __init__(self, pieces: Iterable[str], colours: Iterable[str], *, title: str,
                 description: str, theme: str = "light", transparent: bool = False,
                 kind: str = "diagram") -> None:
        self._pieces: Iterable[str] | None = pieces
        # the colours finish_svg's patterns would find in the attributes
        self._colours = sorted({c for c in colours if _ATTRIBUTE_COLOUR.fullmatch(c)})
        self._title, self._description = title, description
        self._theme, self._transparent, self._kind = check_theme(theme), transparent, kind
        self.opening = ""
        self._stand_in = -1  # bytes of the first piece as it was handed on

    def __iter__(self) -> Iterator[str]:
        if self._pieces is None:
            raise RuntimeError("the pieces of this document were handed on already")
        pieces, self._pieces = iter(self._pieces), None
        gathered: list[str] = []
        for piece in pieces:  # up to the end of the head, as finish_svg cuts it
            gathered.append(piece)
            if sum(map(len, gathered)) > _HEAD + 4096:
                text = "".join(gathered)
                if text.find(">", text.find("<svg") + _HEAD) >= 0:
                    break
                gathered = [text]
        text = "".join(gathered)
        start, cut = _head_of(text)
        head, css, root = _finished_head(text[start:cut], list(self._colours),
                                         theme=self._theme, transparent=self._transparent)
        opening = partial(_opening, root.group(1), kind=self._kind, title=self._title,
                          description=self._description, css=css)
        stand_in = opening(uid=_NO_UID)
        self._stand_in = len(stand_in.encode("utf-8"))
        yield stand_in
        yield head[root.end():].lstrip("\n")
        size = len(text)
        tail = deque([text[cut:]])
        tail_size = len(tail[0])
        yield tail[0]
        for piece in pieces:
            yield piece
            size += len(piece)
            tail.append(piece)
            tail_size += len(piece)
            while tail_size - len(tail[0]) >= _TAIL:
                tail_size -= len(tail.popleft())
        end = "".join(tail)[-_TAIL:]
        uid = "ladder-" + _fingerprint(head, end, size - cut, self._title, self._description)
        self.opening = opening(uid=uid)

    def text(self) -> str:
        """The whole finished document as one string."""
        pieces = list(self)
        pieces[0] = self.opening
        return "".join(pieces)

    def first_bytes(self) -> bytes:
        """The document's first bytes as they are to be once every piece is written."""
        data = self.opening.encode("utf-8")
        if not self.opening or len(data) != self._stand_in:  # would overwrite the drawing
            raise RuntimeError("the document's start is not known yet, or changed its size")
        return data


def _fingerprint(head: str, end: str, rest: int, title: str, description: str) -> str:
    """Ten hex digits that tell diagrams apart, from the data, in constant time: the title,
    the description, the size and both ends of the drawing (a big chart is tens of MB)."""
    digest = sha1()
    for part in (title, description, str(len(head) + rest), head, end):
        digest.update(part.encode("utf-8", "replace") + b"\0")
    return digest.hexdigest()[:10]


def _root_attributes(attributes: str, *, uid: str, kind: str) -> str:
    """The root's attributes with class, role, labels, and a width that fits the column."""
    found = dict(re.findall(r'([\w:-]+)="([^"]*)"', attributes))
    for dropped in ("class", "role", "aria-labelledby", "style"):
        found.pop(dropped, None)
    if "viewBox" not in found and "width" in found and "height" in found:
        width, height = (re.sub(r"[a-z]+$", "", found[k]) for k in ("width", "height"))
        found["viewBox"] = f"0 0 {width} {height}"
    found.setdefault("xmlns", "http://www.w3.org/2000/svg")
    classes = "ladder-diagram" + (f" ladder-{id_part(kind)}" if kind != "diagram" else "")
    ours = {"class": classes, "role": "img",
            "aria-labelledby": f"{uid}-title {uid}-desc",
            "style": "max-width:100%;height:auto"}
    return " ".join(f'{key}="{value}"' for key, value in {**ours, **found}.items())


_XML_ENTITY = re.compile(r"&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(\w+));")
_XML_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _xml_unescape(text: str) -> str:
    """Graphviz's escapes in ``text`` undone, in one pass: numeric references and XML's five
    names (what it writes); any other name by the ``html`` module, imported only then (1.5 ms
    of each run otherwise).

    >>> _xml_unescape("R&amp;D &#45;&gt; &#x2192; &eacute; &amp;eacute;")
    'R&D -> → é &eacute;'
    """
    if "&" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        decimal, hexadecimal, name = match.groups()
        if decimal or hexadecimal:
            code = int(decimal) if decimal else int(hexadecimal, 16)
            return chr(code) if code <= 0x10FFFF else match[0]
        if name in _XML_NAMED:
            return _XML_NAMED[name]
        import html  # lazy: only for a name Graphviz does not write

        return html.unescape(match[0])

    return _XML_ENTITY.sub(one, text)


def _name_graphviz_parts(svg: str) -> str:
    """Graphviz's counters (``node3``, ``edge2``, ``clust1``) replaced by ids from the data."""
    names: list[str] = []
    spans: list[tuple[int, int]] = []
    pattern = re.compile(r'<g id="(node|edge|clust)\d+" class="(\w+)">\s*<title>(.*?)</title>',
                         re.S)
    for match in pattern.finditer(svg):
        part, _, text = match.groups()
        text = _xml_unescape(text)
        if part == "node":
            name = (f"level-{id_part(text[6:])}" if text.startswith("level:")
                    else card_id("role", text))
        elif part == "edge":
            source, _, target = text.partition("->")
            name = f"move-{id_part(source)}--{id_part(target)}"
        else:
            name = "track-" + id_part(text.removeprefix("cluster_"))
        names.append(name)
        spans.append(match.span(0))
    out, last = [], 0
    for (start, end), name in zip(spans, unique_ids(names), strict=True):
        block = svg[start:end]
        extra = f" {CARD_CLASS}" if name.startswith("role-") else ""
        group = re.search(r'<g id="\w+" class="(\w+)">', block)
        if group is not None:
            block = (block[:group.start()] + f'<g id="{name}" class="{group.group(1)}{extra}">'
                     + block[group.end():])
        out.append(svg[last:start] + block)
        last = end
    out.append(svg[last:])
    return "".join(out)


def _name_cards(svg: str, card_ids: Sequence[str]) -> str:
    """Give the Nth card group (``<g transform=…><title>``) the id of the Nth data id.

    >>> print(_name_cards('<g transform="t(1)"><title>A</title></g><g transform="t(2)">', ["a"]))
    <g id="person-a" class="ladder-card" transform="t(1)"><title>A</title></g><g transform="t(2)">
    """
    names = unique_ids(card_id("person", pid) for pid in card_ids)
    # split and join rather than a regex with a callback: a chart has 100,000 cards
    pieces = svg.split('<g transform="')
    out = [pieces[0]]
    index = 0
    for piece in pieces[1:]:
        if index < len(names) and piece.startswith("<title>", piece.find('">') + 2):
            out.append(f'<g id="{names[index]}" class="{CARD_CLASS}" transform="')
            index += 1
        else:
            out.append('<g transform="')
        out.append(piece)
    return "".join(out)


def _mark_paper(svg: str) -> tuple[str, str]:
    """Mark the page background so it can be themed or left out; also its colour."""
    patterns = (
        # Graphviz: the first polygon of the graph, with no stroke
        r'(<g id="graph0" class="graph"[^>]*>\s*<title>.*?</title>\s*<polygon)'
        r' fill="([^"]+)"',
        # ladder's org chart: a rect covering the page
        r'(<rect width="100%" height="100%")() fill="([^"]+)"',
    )
    match = re.search(patterns[0], svg, re.S)
    if match:
        colour = _hex6(match.group(2))
        start, end = match.span(0)
        return (svg[:start] + match.group(1) + f' class="{PAPER_CLASS}" fill="{match.group(2)}"'
                + svg[end:], colour)
    match = re.search(patterns[1], svg)
    if match:
        colour = _hex6(match.group(3))
        start, end = match.span(0)
        return (svg[:start] + match.group(1) + f' class="{PAPER_CLASS}" fill="{match.group(3)}"'
                + svg[end:], colour)
    return svg, "#ffffff"
