"""Read the README and the docs/ pages as the tests check them: every command with its output.

The convention, written for the docs' authors in docs/development.md:

- A ```` ```console ```` block holds ``$ ladder ...`` lines, each followed by the output it
  prints (stdout and stderr as a terminal shows them). A line of ``...`` stands for any lines,
  ``...`` inside a line for any text. A shown ``error:`` line means the command must fail; else it
  must succeed. ``$ ladder schema > FILE`` sends stdout to FILE.
- A block whose header names a file (```` ```yaml title="design.yaml" ````) is written to that
  file before the page's commands that follow it run: the reader's own files, shown in full.
- Every file a command writes is checked for its type (PNG, PDF, SVG, JSON...); a text file it
  writes (SVG, HTML, Markdown, Mermaid, DOT, JSON, CSV, YAML) needs a hidden
  ``<!-- check FILE: "text" "more text" -->`` comment on the page naming what must be in it.
- ``ladder`` in a ```` ```sh ```` block is refused: a command nobody checks is how docs rot.
- ```` ```python ```` blocks with ``>>>`` run as one doctest per page.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import struct
import xml.etree.ElementTree as ElementTree
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<lang>[\w+-]*)(?P<info>.*)$")
TITLE = re.compile(r"""title=["']([^"']+)["']""")
# A check comment starts a line: one quoted in the text, inside backticks, is not one.
CHECK = re.compile(r"^<!--\s*check\s+(?P<file>\S+?):(?P<texts>.*?)-->", re.S | re.M)
SHELL_LANGS = {"sh", "bash", "shell", "zsh"}
# Written files whose content a page must name, by suffix: they are text a reader opens.
TEXT_SUFFIXES = {".svg", ".html", ".md", ".mmd", ".dot", ".json", ".csv", ".yaml", ".yml"}


@dataclass
class Block:
    """One fenced block of a page."""

    page: str
    line: int  # the fence's line in the page, from 1
    lang: str
    info: str
    body: str

    @property
    def title(self) -> str | None:
        found = TITLE.search(self.info)
        return found.group(1) if found else None

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


@dataclass
class Command:
    """One ``$ ladder ...`` line of a console block and the output shown under it."""

    block: Block
    line: int
    text: str
    expected: str

    @property
    def where(self) -> str:
        return f"{self.block.page}:{self.line}"

    def words(self) -> tuple[list[str], str | None]:
        """The arguments after ``ladder``, and the file stdout is sent to (``> FILE``)."""
        words = shlex.split(self.text, comments=True)
        redirect = None
        if ">" in words:
            at = words.index(">")
            redirect = words[at + 1]
            words = words[:at]
        return words[1:], redirect

    @property
    def should_fail(self) -> bool:
        return any(line.startswith("error:") for line in self.expected.splitlines())


@dataclass
class Page:
    path: Path
    name: str
    text: str
    blocks: list[Block] = field(default_factory=list)

    def commands(self) -> list[Command]:
        return [command for block in self.blocks if block.lang == "console"
                for command in console_commands(block)]

    def checks(self) -> dict[str, list[str]]:
        """FILE -> the texts the page says must be in it."""
        found: dict[str, list[str]] = {}
        for match in CHECK.finditer(self.text):
            texts = re.findall(r'"((?:[^"\\]|\\.)*)"', match.group("texts"))
            found.setdefault(match.group("file"), []).extend(
                text.replace('\\"', '"') for text in texts)
        return found

    def doctest_source(self) -> str:
        return "\n".join(block.body for block in self.blocks
                         if block.lang in ("python", "pycon") and ">>>" in block.body)


def pages() -> list[Page]:
    """The README and every page under docs/, in a stable order."""
    paths = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
    return [read_page(path) for path in paths]


def read_page(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    page = Page(path, path.relative_to(REPO).as_posix(), text)
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        opening = FENCE.match(lines[number])
        if not opening:
            number += 1
            continue
        indent, fence = len(opening.group("indent")), opening.group("fence")
        start, body = number, []
        number += 1
        while number < len(lines) and not (lines[number].strip().startswith(fence)
                                           and lines[number].strip().strip(fence[0]) == ""):
            body.append(lines[number][indent:])
            number += 1
        page.blocks.append(Block(page.name, start + 1, opening.group("lang"),
                                 opening.group("info"), "\n".join(body) + "\n"))
        number += 1
    return page


def console_commands(block: Block) -> list[Command]:
    commands: list[Command] = []
    for offset, line in enumerate(block.body.splitlines()):
        if line.startswith("$ "):
            commands.append(Command(block, block.line + 1 + offset, line[2:].strip(), ""))
        elif commands:
            commands[-1].expected += line + "\n"
        elif line.strip():
            raise AssertionError(f"{block.where}: a console block starts with '$ ' and a "
                                 f"command, not {line!r}")
    return commands


def output_matches(expected: str, got: str) -> bool:
    """Whether ``got`` is what the page shows: a line that is only ``...`` stands for any
    lines (none too), ``...`` inside a line for any text; trailing spaces do not count."""
    def tidy(text: str) -> list[str]:
        return [line.rstrip() for line in text.strip("\n").splitlines()]

    pattern = ""
    for line in tidy(expected):
        if line == "...":
            pattern += r"(?:[^\n]*\n)*?"
        else:
            pattern += ".*?".join(re.escape(part) for part in line.split("...")) + "\n"
    return re.fullmatch(pattern, "".join(line + "\n" for line in tidy(got)), re.S) is not None


def readable_text(path: Path) -> str:
    """A written file's text as a check looks for it: an SVG's words also as they read, joined
    across the lines a long title is wrapped on."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() == ".svg":
        words = " ".join(ElementTree.fromstring(text).itertext()).split()
        text += "\n" + " ".join(words)
    return text


def check_file_type(path: Path) -> str | None:
    """What is wrong with a written file for its suffix, or None."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if not data:
        return "is empty"
    try:
        if suffix == ".png":
            if data[:8] != b"\x89PNG\r\n\x1a\n":
                return "is not a PNG"
            width, height = struct.unpack(">II", data[16:24])
            return None if width and height else "is a PNG of no size"
        if suffix == ".pdf":
            return None if data.startswith(b"%PDF-") else "is not a PDF"
        if suffix == ".xlsx":
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                return None if "xl/workbook.xml" in book.namelist() else "is a zip, not XLSX"
        text = data.decode("utf-8")
        if suffix == ".svg":
            root = ElementTree.fromstring(text)
            return None if root.tag.endswith("svg") else "is XML but not SVG"
        if suffix == ".json":
            json.loads(text)
        elif suffix == ".html":
            return None if "<html" in text.lower() else "is not an HTML page"
        elif suffix == ".dot":
            # a leading comment says how to draw it
            body = re.sub(r"^\s*//.*$", "", text, flags=re.M)
            return None if re.match(r"\s*(strict\s+)?(di)?graph\b", body) else "is not DOT"
        elif suffix == ".mmd":
            return None if re.search(r"^\s*flowchart\b", text, re.M) else "is not Mermaid"
        elif suffix == ".csv":
            rows = list(csv.reader(io.StringIO(text)))
            return None if len(rows) >= 2 else "is a CSV without rows"
        elif suffix in (".yaml", ".yml"):
            return None if yaml.safe_load(text) is not None else "is an empty YAML file"
    except (ValueError, ElementTree.ParseError, yaml.YAMLError, struct.error,
            zipfile.BadZipFile) as error:
        return f"does not parse as {suffix}: {error}"
    return None
