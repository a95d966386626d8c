"""The one table of input formats: which file is read by which reader.

A file's format is told by its suffix, and by its first bytes when the suffix says nothing (an
export saved without one, ``people.export``). Source detection, the HR reader, the document
reader, the framework importers and the CLI all ask this table, so a format added here (one
row) is read everywhere at once, and a format ladder knows but cannot read (``.xls``) gets the
same hint wherever it is given.

>>> input_format("people.XLSM").name, input_format("acme.yml").family
('xlsx', 'document')
>>> input_format("old.xls").refused
'save it as .xlsx or .csv from Excel'
>>> input_format("chart.svg") is None
True

Kept free of the readers' imports: charting a CSV asks this table without loading YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ladder.errors import SourceError
from ladder.sources.inputs import check_input

# The readers, one a family: ladder.sources.document.read_document (plain data with lines),
# ladder.sources.hr.read.read_table (a header and records of text), and the framework
# importers' Markdown reader.
DOCUMENT, TABLE, MARKDOWN = "document", "table", "markdown"


@dataclass(frozen=True)
class InputFormat:
    """One input format: its suffixes, the family of reader that reads it and what it holds.

    ``refused``: the hint for a format ladder recognises but does not read. ``text``: the
    format can be given as text (``ladder.load(text=..., format=...)``).
    """

    name: str
    suffixes: tuple[str, ...]
    family: str
    holds: str
    refused: str | None = None
    text: bool = False

    @property
    def readable(self) -> bool:
        return self.refused is None

    @property
    def drawable(self) -> bool:
        """Does ``ladder render`` draw a file of this format (a Markdown framework is
        imported first)?"""
        return self.readable and self.family in (DOCUMENT, TABLE)


INPUT_FORMATS: dict[str, InputFormat] = {f.name: f for f in (
    InputFormat("yaml", (".yaml", ".yml"), DOCUMENT, "ladders, company configs, frameworks",
                text=True),
    InputFormat("toml", (".toml",), DOCUMENT, "ladders, company configs", text=True),
    InputFormat("json", (".json",), DOCUMENT, "ladders, company configs, frameworks",
                text=True),
    InputFormat("csv", (".csv", ".txt"), TABLE, "HR exports, wide frameworks", text=True),
    InputFormat("tsv", (".tsv",), TABLE, "HR exports, wide frameworks", text=True),
    InputFormat("xlsx", (".xlsx", ".xlsm"), TABLE, "HR exports, wide frameworks"),
    InputFormat("xls", (".xls",), TABLE, "old Excel workbooks",
                refused="save it as .xlsx or .csv from Excel"),
    InputFormat("markdown", (".md", ".markdown"), MARKDOWN, "career frameworks (ladder import)"),
)}
_BY_SUFFIX = {suffix: f for f in INPUT_FORMATS.values() for suffix in f.suffixes}
TEXT_FORMATS = tuple(name for name, f in INPUT_FORMATS.items() if f.text)


def suffixes(family: str | None = None) -> tuple[str, ...]:
    """The suffixes of a family of formats (None: all), in table order.

    >>> suffixes(DOCUMENT)
    ('.yaml', '.yml', '.toml', '.json')
    """
    return tuple(s for f in INPUT_FORMATS.values() if family in (None, f.family)
                 for s in f.suffixes)


def suffix_list(family: str | None = None) -> str:
    """The readable suffixes for a hint: ``.csv/.txt/.tsv/.xlsx/.xlsm``.

    >>> suffix_list(TABLE)
    '.csv/.txt/.tsv/.xlsx/.xlsm'
    """
    return "/".join(s for f in INPUT_FORMATS.values() if f.readable
                    and family in (None, f.family) for s in f.suffixes)


def input_format(path: str | Path, *, sniff: bool = False) -> InputFormat | None:
    """The format of a file by its suffix; with ``sniff``, a file whose suffix names no
    format is told by its first bytes (see :func:`sniff_format`). None: not an input."""
    found = _BY_SUFFIX.get(Path(path).suffix.lower())
    if found is None and sniff:
        return sniff_format(Path(path))
    return found


def family_of(path: str | Path) -> str | None:
    """The family of reader for a file (``document``, ``table`` or ``markdown``), by its
    suffix, else by its first bytes; None: no input format.

    >>> family_of("people.xlsm"), family_of("handbook.md"), family_of("x.svg")
    ('table', 'markdown', None)
    """
    found = input_format(path, sniff=True)
    return found.family if found is not None else None


SNIFF_BYTES = 4096
# A zip holding an Office workbook; the OLE2 container of an old .xls.
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_YAML_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:(\s|$)")
_TOML_LINE = re.compile(r"^(\[[\w.\-\" ]+\]|[A-Za-z_][\w-]*\s*=)")


def sniff_format(path: Path) -> InputFormat | None:
    """The format of a file told by its first bytes: a workbook by its container, JSON by
    its opening bracket, YAML or TOML by its first line, a table by the delimiters of its
    first line. None for a file that cannot be read or looks like none of them.
    """

    try:
        check_input(path)  # a regular file within the limit: never a fifo or a device
        with open(path, "rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except (SourceError, OSError):
        return None  # the reader that opens it says why
    return sniff_bytes(head)


def sniff_bytes(head: bytes) -> InputFormat | None:
    """:func:`sniff_format` on the first bytes of a file.

    >>> [getattr(sniff_bytes(b), "name", None) for b in (b"PK\\x03\\x04..", b'{"roles": []}',
    ...     b"# a ladder\\nroles:\\n", b"[company]\\nname = 'x'\\n", b"id\\tname\\n1\\tA\\n",
    ...     b"id,name\\n1,Ann\\n", b"Copyright 2020, Ann\\n\\nPermission is granted", b"\\x00")]
    ['xlsx', 'json', 'yaml', 'toml', 'tsv', 'csv', None, None]
    """
    if head.startswith(_ZIP):
        return INPUT_FORMATS["xlsx"]
    if head.startswith(_OLE):
        return INPUT_FORMATS["xls"]
    if b"\x00" in head:
        return None
    text = head.decode("utf-8-sig", errors="replace")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip()
             .startswith("#")]
    if not lines:
        return None
    first = lines[0].strip()
    if first[0] in "{[" and not _TOML_LINE.match(first):
        return INPUT_FORMATS["json"]
    if first == "---" or _YAML_KEY.match(first) or first.startswith("- "):
        return INPUT_FORMATS["yaml"]
    if _TOML_LINE.match(first):
        return INPUT_FORMATS["toml"]
    # a table: its first two lines split alike (one line of prose with a comma is no table)
    second = lines[1] if len(lines) > 1 else ""
    for delimiter, name in (("\t", "tsv"), (",", "csv"), (";", "csv"), ("|", "csv")):
        if first.count(delimiter) and first.count(delimiter) == second.count(delimiter):
            return INPUT_FORMATS[name]
    return None
