"""What a drawing must not hold, whatever the names in it: the checks the corpus and the
property tests run on SVG, HTML, Markdown and Mermaid output."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser


def check_mermaid(text: str) -> None:
    """No markup, link or click handler from a name: labels hold entities, not tags."""
    lines = text.splitlines()
    if lines and lines[0] == "---":  # the front matter: one title line, closed at once
        assert lines[1].startswith("title: ") and lines[2] == "---", lines[:4]
        lines = lines[3:]
    body = "\n".join(lines)
    assert "<script" not in body and "javascript:" not in body.replace("javascript:alert", "")
    assert not re.search(r"^\s*click\b", body, re.MULTILINE)
    # "%%" starts a comment or a directive ("%%{init}%%") anywhere; ladder writes neither
    assert "%%" not in body, body[:500]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def check_csv(text: str) -> None:
    """No cell a spreadsheet would run as a formula (OWASP: a leading apostrophe defuses it)."""
    import csv
    import io

    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell


def check_svg(svg: str) -> None:
    """No script, foreignObject, event handler or link but ladder's own in-page ones."""
    root = ET.fromstring(svg.encode())
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag not in ("script", "foreignObject", "iframe", "image"), tag
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1]
            assert not local.lower().startswith("on"), attribute
            if local == "href":
                assert value.startswith("#") or re.fullmatch(r"[\w.-]+\.svg(#[\w-]*)?", value), (
                    value)
            assert "javascript:" not in value.lower() or local in ("title",), (attribute, value)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key.startswith("on") or (key in ("href", "src", "xlink:href")
                                        and (value or "").lower().startswith("javascript")):
                self.bad.append(f"<{tag} {key}={value}>")
        if tag in ("iframe", "img", "object", "embed", "foreignobject"):
            self.bad.append(tag)
        if tag == "script":
            self.scripts.append(dict(attrs))


def check_html(html: str) -> None:
    """The page's scripts are ladder's own (the viewer and its JSON data), nothing else."""
    tags = _Tags()
    tags.feed(html)
    assert not tags.bad, tags.bad
    assert len(tags.scripts) <= 2, tags.scripts
    assert html.count("</script") == len(tags.scripts)


def check_markdown(markdown: str) -> None:
    """No link, image or raw HTML from a name survives into Markdown."""
    assert not re.search(r"(?<!\\)\]\((?!#)", markdown), markdown[:500]
    assert not re.search(r"(?<!\\)<(?!br>)[a-zA-Z!?/]", markdown), markdown[:500]
