"""Quoting of user text for DOT and for XML/SVG: the one place names and titles are escaped.

Names and titles are data and may hold anything: markup characters become entities, control
characters that XML cannot hold are dropped, DOT strings get their quotes and backslashes
escaped.

>>> dot_string('Sam "The Boss" O\\\\Neil')
'"Sam \\\\"The Boss\\\\" O\\\\\\\\Neil"'
>>> xml_text('R&D <"core"> team')
'R&amp;D &lt;&quot;core&quot;&gt; team'
>>> xml_text("bell\\x07")
'bell'
>>> dot_html('A & B\\nC')
'A &amp; B C'
>>> mermaid_text('Sam "#1" <b>&')
'Sam #quot;#35;1#quot; #lt;b#gt;#amp;'
>>> mermaid_text("%%{init: {'theme': 'dark'}}%%")
"#37;#37;{init: {'theme': 'dark'}}#37;#37;"
>>> spreadsheet_cell("=1+1"), css_length("12em"), css_length("640")
("'=1+1", '12em', '640px')
"""

from __future__ import annotations

import re
from typing import TypeGuard

# Characters XML cannot hold at all are dropped; markup characters become entities.
_XML_TABLE = {
    **{c: None for c in (*range(0, 9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF)},
    ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;",
}
_INVALID_TABLE = {c: v for c, v in _XML_TABLE.items() if v is None}
# Any character the table changes: most texts hold none, and a search is about 3x faster
# than translate (a 100,000-person SVG escapes 100,000 tooltips).
_XML_SPECIAL = re.compile("[" + re.escape("".join(map(chr, _XML_TABLE))) + "]")


def xml_text(text: str) -> str:
    """``text`` safe inside an XML element or a double-quoted attribute (SVG)."""
    text = str(text)
    return text if _XML_SPECIAL.search(text) is None else text.translate(_XML_TABLE)


# Graphviz refuses a string longer than 16,384 bytes ("String starting: ..."): a label's text is
# cut long before that, and so is any other string ladder writes into DOT.
MAX_TEXT = 300  # characters of one piece of a label: a name, a title, a competency
CARD_TEXT = 100  # characters of a ladder card's title or alias line; the loader notes longer
MAX_DOT_STRING = 2000  # characters of any other DOT string (ids, tooltips): 4 bytes each at most


def clip(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` cut to ``limit`` characters, the last of them an ellipsis.

    >>> clip("a" * 400)[-3:], len(clip("a" * 400)), clip("short")
    ('aa…', 300, 'short')
    """
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def dot_html(text: str) -> str:
    """``text`` safe inside a Graphviz HTML-like label (XML escaping, no raw line breaks).

    Graphviz reads ``\\N``, ``\\G`` and the like in HTML-like labels too (an entity for the
    backslash does not stop it), and ``\\\\`` as one backslash: every backslash is doubled.
    Empty text is a space: Graphviz refuses an empty ``<B></B>`` or ``<I></I>`` (a name of
    control characters only is empty once they are dropped). ``]`` is written ``&#93;``:
    Graphviz 2.43 refuses a text that starts with it (``<B>]</B>``).

    >>> print(dot_html(r"C:\\new \\N"))
    C:\\\\new \\\\N
    """
    text = xml_text(clip(text)).replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return dot_markup(text)


def dot_markup(escaped: str) -> str:
    r"""Text already XML-escaped (an org chart's card lines, shared with the SVG) made safe in
    a Graphviz HTML-like label: as :func:`dot_html` does, backslashes doubled (``\N`` in a
    name was drawn as the node's id) and ``]`` as ``&#93;``.

    >>> print(dot_markup(r"Ann \N &amp; ]"))
    Ann \\N &amp; &#93;
    """
    return escaped.replace("\\", "\\\\").replace("]", "&#93;") or " "


def dot_string(text: str) -> str:
    """A DOT double-quoted string holding ``text`` literally, quotes included.

    Past MAX_DOT_STRING characters it is cut, and a digest of the whole keeps two long ids
    that share their start apart.
    """
    text = str(text)
    if len(text) > MAX_DOT_STRING:
        import hashlib  # only for text this long

        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        text = f"{text[: MAX_DOT_STRING - 14]}…{digest}"
    cleaned = text.translate(_INVALID_TABLE).replace("\\", "\\\\").replace('"', '\\"')
    cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{cleaned}"'


# Mermaid reads "#name;" and "#123;" inside a quoted label as entities: every character that
# could end the label, start markup or start an entity is written that way.
_MERMAID_TABLE = {
    **{c: None for c in _INVALID_TABLE},
    ord("#"): "#35;", ord('"'): "#quot;", ord("<"): "#lt;", ord(">"): "#gt;",
    ord("&"): "#amp;", ord("`"): "#96;", ord("\n"): " ", ord("\r"): " ", ord("\t"): " ",
    # "%%" starts a Mermaid comment or a directive ("%%{init: ...}%%"), which Mermaid reads
    # anywhere in the text, inside a quoted label too: no raw "%" reaches the diagram.
    ord("%"): "#37;",
}


# The named colours of CSS (and so of SVG), every one of which Graphviz knows too (its X11
# scheme): a name outside them is a typo ("blu") that would draw black or not at all.
COLOUR_NAMES = frozenset("""
    aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
    blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
    crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki
    darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
    darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
    dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite
    gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
    lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
    lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
    lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen
    magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
    mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
    powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
    seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
    steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
    yellowgreen
""".split())
# "#rgb", "#rrggbb" or one of those names, in any case: the only colours a file may give.
# Anything else (a quote, a url(), "javascript:") could end the attribute it is written into.
# (The names are looked up in the set: a pattern of all 148 took 1 ms to compile on each run.)
COLOUR_PATTERN = "#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|" + "|".join(sorted(COLOUR_NAMES))
_HEX_COLOUR = re.compile("#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}")


def is_colour(value: object) -> TypeGuard[str]:
    """Is ``value`` a colour ladder writes into drawings: ``#rgb``, ``#rrggbb`` or a CSS colour
    name (any case)?

    >>> is_colour("#4c78a8"), is_colour("teal"), is_colour("Teal"), is_colour("#4c78a")
    (True, True, True, False)
    >>> is_colour("blu"), is_colour('red" onclick="x'), is_colour("red\\n"), is_colour(3)
    (False, False, False, False)
    """
    return isinstance(value, str) and (value.lower() in COLOUR_NAMES
                                       or _HEX_COLOUR.fullmatch(value) is not None)


def colour(value: object, fallback: str) -> str:
    """``value`` when it is a colour, else ``fallback``: what every drawing writes as a colour,
    whatever built the model (loaders check colours too, and say so; this is the last guard).

    >>> colour("javascript:alert(1)", "#888888"), colour("teal", "#888888")
    ('#888888', 'teal')
    """
    return value if is_colour(value) else fallback


def mermaid_text(text: str) -> str:
    """``text`` safe inside a double-quoted Mermaid label (``id["..."]``, ``-->|"..."|``)."""
    return str(text).translate(_MERMAID_TABLE)


# Markdown's punctuation that can start markup (emphasis, links, code, tables, HTML).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def markdown_cell(text: str) -> str:
    """``text`` as literal text in a Markdown table cell: one line, no markup, no links.

    >>> markdown_cell("A|B [x](javascript:alert(1)) *bold*\\nnext")
    'A\\\\|B \\\\[x\\\\]\\\\(javascript:alert\\\\(1\\\\)\\\\) \\\\*bold\\\\* next'
    """
    flat = " ".join(str(text).translate(_INVALID_TABLE).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat).replace("&", "&amp;")


# Control characters (C0 but tab and newline, DEL, C1): a name holding ESC or CSI could move
# the cursor, recolour or retitle the user's terminal. They are shown, not obeyed.
_TERMINAL_TABLE = {c: f"\\x{c:02x}" for c in (*range(0, 9), *range(11, 32), *range(127, 160))}


_JSON_TERMINAL = re.compile("[\x7f-\x9f]")


def terminal_json(text: str) -> str:
    """JSON text safe to print: DEL and C1 controls (which ``json.dumps`` leaves raw, and which
    can only stand inside its strings) written as ``\\u`` escapes; the same JSON value.

    >>> terminal_json('{"name": "a\\x9b2J"}')
    '{"name": "a\\\\u009b2J"}'
    """
    return _JSON_TERMINAL.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def terminal_text(text: str) -> str:
    """``text`` safe to print on a terminal: control characters written out as ``\\xNN``.

    >>> terminal_text("Ann\\x1b[2J\\x07 Lee\\tok")
    'Ann\\\\x1b[2J\\\\x07 Lee\\tok'
    """
    return str(text).translate(_TERMINAL_TABLE)


# A cell that starts with one of these is a formula to Excel, LibreOffice and Google Sheets
# (a tab or carriage return first can hide one): OWASP's advice is a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: object) -> str:
    """``text`` that a spreadsheet shows as text, never runs as a formula: the one guard every
    CSV and XLSX writer puts each cell through.

    >>> spreadsheet_cell('=HYPERLINK("x")'), spreadsheet_cell("Owns delivery"), spreadsheet_cell(3)
    ('\\'=HYPERLINK("x")', 'Owns delivery', '3')
    """
    text = "" if text is None else str(text)
    return f"'{text}" if text.startswith(FORMULA_START) else text


# A CSS length ladder writes into a style attribute: a number and a unit from a fixed list.
# Anything else (a quote, a semicolon, "expression(") could end the attribute or add a rule.
CSS_UNITS = ("px", "em", "rem", "vh", "vw", "%", "pt", "cm", "mm", "in")
_CSS_LENGTH = re.compile(r"(\d{1,5}(?:\.\d{1,3})?)(" + "|".join(CSS_UNITS) + r")?")


def is_css_length(value: object) -> bool:
    """Is ``value`` a height or width ladder writes into a page (``640``, ``640px``, ``80vh``)?

    >>> is_css_length("80vh"), is_css_length('1px" onload="alert(1)'), is_css_length("1e9px")
    (True, False, False)
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return False
    return _CSS_LENGTH.fullmatch(str(value).strip()) is not None


def css_length(value: object) -> str:
    """``value`` as a CSS length (a bare number is pixels); a ValueError when it is not one:
    callers check with :func:`is_css_length` first and say where the value came from.

    >>> css_length(640), css_length(" 80vh ")
    ('640px', '80vh')
    """
    if not is_css_length(value):
        raise ValueError(f"not a CSS length: {value!r}")
    match = _CSS_LENGTH.fullmatch(str(value).strip())
    assert match is not None
    return match.group(1) + (match.group(2) or "px")
