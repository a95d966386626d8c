"""Markdown read as an outline: headings with what sits under each, in the author's words.

The shapes career ladders are published in are all outlines: a heading per role (or a page per
role), areas as sub-headings, statements as bullets or paragraphs, and now and then a table.
This reader keeps what the flat readers lose: nested bullets stay under their parent (they
are options or examples of it, not statements of their own), paragraphs stay whole, italic
notes are told from statements, and HTML tables (Hugo pages) are read as rows of cells. Front
matter and Hugo shortcodes are not content.

>>> page = parse("# Senior\\n_Leads._\\n- Owns a thing, one of:\\n  - A\\n  - B\\n")
>>> [(p.title, [(i.text, i.italic, [c.text for c in i.children]) for i in p.items])
...  for p in page.parts]
[('Senior', [('Leads.', True, []), ('Owns a thing, one of:', False, ['A', 'B'])])]
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from ladder.sources.document import parse_text

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^(\s*)(?:[-*+•]|\d+[.)])\s+(.*)$")
PIPE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
PIPE_SEPARATOR = re.compile(r"^[\s|:-]+$")
RULE = re.compile(r"^\s*([-*_]\s*){3,}$")
SHORTCODE = re.compile(r"^\s*\{\{[<%].*[>%]\}\}\s*$")  # Hugo: {{< card ... >}}
# Inline tags go without a trace ("<b>Core</b>: x" is "Core: x"); any other tag parts words.
INLINE_TAG = re.compile(r"</?(?:span|b|i|em|strong|a|code|small|sup|sub|u|mark)\b[^>]*>",
                        re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Emphasis markers that wrap words (not the underscores inside snake_case names).
EMPHASIS = re.compile(r"(?<![\w*_])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*_])")


def clean(text: str) -> str:
    """Inline Markdown and HTML out of a text, the words kept as written.

    >>> clean("**Tenacity**: dig _deep_ [here](x.md) `now` <b>x</b> snake_case")
    'Tenacity: dig deep here now x snake_case'
    """
    text = TAG.sub(" ", INLINE_TAG.sub("", text))
    text = LINK.sub(r"\1", text)
    for _ in range(3):  # nested emphasis: ***x***, **_x_**
        text = EMPHASIS.sub(r"\2", text)
    text = html.unescape(text.replace("`", ""))
    return " ".join(text.split())


def is_italic(raw: str) -> bool:
    """A paragraph written all in italics: a note about the role, not a statement of it."""
    raw = raw.strip()
    return len(raw) > 2 and ((raw[0] == raw[-1] == "_" and not raw.startswith("__"))
                             or (raw[0] == raw[-1] == "*" and not raw.startswith("**")))


@dataclass
class Item:
    """A bullet or a paragraph, with the bullets nested under it."""

    text: str
    line: int
    bullet: bool
    italic: bool = False
    children: list[Item] = field(default_factory=list)


@dataclass
class Part:
    """A heading and what sits under it: items, table rows, and the deeper headings."""

    title: str
    depth: int
    line: int
    items: list[Item] = field(default_factory=list)
    rows: list[tuple[list[str], int]] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)

    def walk(self) -> list[Part]:
        found = [self]
        for part in self.parts:
            found += part.walk()
        return found

    @property
    def empty(self) -> bool:
        return not (self.items or self.rows or any(not p.empty for p in self.parts))


def front_matter_end(lines: list[str]) -> int:
    """How many leading lines are YAML front matter (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return index + 1
    return 0


def front_matter(text: str, file: str) -> dict[str, Any]:
    """A page's front matter as data ({} when it has none or it is not a mapping)."""
    lines = text.lstrip("\ufeff").splitlines()
    end = front_matter_end(lines)
    if not end:
        return {}
    data = parse_text("\n" + "\n".join(lines[1:end - 1]), file)  # same line numbers as the file
    return data if isinstance(data, dict) else {}


def parse(text: str) -> Part:
    """The outline of a Markdown text: a root part (depth 0) holding everything."""
    lines = text.lstrip("\ufeff").splitlines()
    root = Part("", 0, 0)
    stack = [root]
    paragraph: list[tuple[str, int]] = []
    bullets: list[tuple[int, Item]] = []  # (indent, item) of the list being read
    fenced = False
    number = front_matter_end(lines)
    table: list[tuple[str, int]] | None = None

    def close_paragraph() -> None:
        if paragraph:
            raw = " ".join(text for text, _ in paragraph)
            words = clean(raw.lstrip("> ").strip())
            if words:
                stack[-1].items.append(Item(words, paragraph[0][1], False, is_italic(raw)))
            paragraph.clear()

    while number < len(lines):
        line, number = lines[number], number + 1
        if line.strip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or SHORTCODE.match(line):
            continue
        if table is not None or re.search(r"<table\b", line, re.IGNORECASE):
            table = (table or []) + [(line, number)]
            if re.search(r"</table\s*>", line, re.IGNORECASE):
                close_paragraph()
                stack[-1].rows += html_rows(table)
                table = None
            continue
        if not line.strip() or RULE.match(line):
            close_paragraph()
            if not line.strip() and bullets and not _continues_list(lines, number):
                bullets.clear()
            continue
        heading = HEADING.match(line)
        if heading:
            close_paragraph()
            bullets.clear()
            part = Part(clean(heading.group(2)), len(heading.group(1)), number)
            while stack[-1].depth >= part.depth:
                stack.pop()
            stack[-1].parts.append(part)
            stack.append(part)
            continue
        pipe = PIPE_ROW.match(line)
        if pipe:
            close_paragraph()
            if not PIPE_SEPARATOR.match(pipe.group(1)):
                stack[-1].rows.append(([clean(c) for c in pipe.group(1).split("|")], number))
            continue
        bullet = BULLET.match(line)
        if bullet:
            close_paragraph()
            indent = len(bullet.group(1).expandtabs(4))
            item = Item(clean(bullet.group(2)), number, True, is_italic(bullet.group(2)))
            while bullets and bullets[-1][0] >= indent:
                bullets.pop()
            (bullets[-1][1].children if bullets else stack[-1].items).append(item)
            bullets.append((indent, item))
            continue
        if bullets and line[:1].isspace():  # a bullet's text going on on the next line
            last = bullets[-1][1]
            last.text = clean(f"{last.text} {line}")
            continue
        bullets.clear()
        paragraph.append((line.strip(), number))
    close_paragraph()
    return root


def _continues_list(lines: list[str], index: int) -> bool:
    """After a blank line, a list goes on when the next text is a bullet (loose lists)."""
    for line in lines[index:]:
        if line.strip():
            return bool(BULLET.match(line))
    return False


def html_rows(table: list[tuple[str, int]]) -> list[tuple[list[str], int]]:
    """The rows of an HTML table as cell texts, each with the line its row starts on."""
    text = "\n".join(line for line, _ in table)
    first = table[0][1]
    rows = []
    for row in re.finditer(r"<tr\b.*?(?=<tr\b|</tbody|</table)", text, re.IGNORECASE | re.DOTALL):
        cells = re.findall(r"<t[dh]\b[^>]*>(.*?)(?=<t[dh]\b|</tr|$)", row.group(0),
                           re.IGNORECASE | re.DOTALL)
        texts = [clean(cell) for cell in cells]
        if any(texts):
            rows.append((texts, first + text[: row.start()].count("\n")))
    return rows
