"""Quoting of user text for DOT and for XML/SVG: the one place names and titles are escaped.

>>> dot_string('Sam "The Boss" O\\\\Neil')
'"Sam \\\\"The Boss\\\\" O\\\\\\\\Neil"'
>>> html_text("R&D <core> \\"x\\"")
'R&amp;D &lt;core&gt; &quot;x&quot;'
"""

from __future__ import annotations

import html


def dot_string(text: str) -> str:
    """A DOT double-quoted string holding ``text`` literally."""
    cleaned = str(text).replace("\\", "\\\\").replace('"', '\\"')
    cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{cleaned}"'


def html_text(text: str) -> str:
    """Text for a Graphviz HTML-like label or an SVG/XML text node or attribute."""
    cleaned = "".join(ch for ch in str(text) if ch in "\t\n" or ord(ch) >= 32)
    return html.escape(cleaned, quote=True).replace("\n", " ")
