"""Read YAML, TOML or JSON into plain dicts and lists that remember their line numbers.

Every loader (ladders, company configs) goes through :func:`read_document`, so every message
about a file can name the line of the key it is about.

>>> doc = parse_document("a: 1\\nroles:\\n  - id: pm\\n", "x.yaml")
>>> doc["roles"][0].line_of("id")
3
"""

from __future__ import annotations

import datetime
import math
import re
from pathlib import Path
from typing import Any

import yaml

from ladder.errors import SourceError
from ladder.sources.formats import DOCUMENT, input_format, suffix_list
from ladder.sources.inputs import (  # noqa: F401 - their home before inputs.py
    MAX_BYTES_ENV,
    MAX_MEGABYTES,
    check_input,
    max_input_bytes,
    read_input,
)

# Limits that keep a hostile or broken file from using up memory, time or the stack. Real
# ladders and configs are far inside them (an 8,000-person config is about 1 MB and 4 deep).
MAX_DEPTH = 64  # nesting of lists and mappings
ALIAS_BUDGET = 50  # an anchor may be repeated, but the document may not grow past this factor
# libyaml's parser when PyYAML was built with it (much faster on big configs); the same nodes.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LinedMapping(dict):
    """A dict that knows the line of each key (1-based; None where the format does not say)."""

    line: int | None = None
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key, self.line)


class LinedList(list):
    """A list that knows the line of each item."""

    line: int | None = None
    item_lines: list[int | None]

    def line_of(self, index: int) -> int | None:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def line_of(container: Any, key: Any = None) -> int | None:
    """The line of ``container[key]`` (or of the container), or None when unknown."""
    if key is not None and isinstance(container, LinedMapping | LinedList):
        return container.line_of(key)
    return getattr(container, "line", None)


def read_document(path: str | Path) -> Any:
    """Read and parse a YAML, TOML or JSON file, chosen by its suffix (by its first bytes
    when the suffix names no format: :mod:`ladder.sources.formats`).

    One command reads a config several times (what kind of file is it? is it a company? then
    load it), and a docs build the same few data files page after page: the last files
    parsed are kept, each parsed again only when its text changed (a 100,000-person config
    took 5 parses, 27 s, for ``ladder stats``). Treat the result as read-only.
    """
    path = Path(path)
    found = input_format(path, sniff=True)
    if found is None or found.family != DOCUMENT:
        raise SourceError(
            f"cannot read '{path.suffix or path.name}' files",
            file=str(path), hint=f"use {suffix_list(DOCUMENT)}",
        )
    import hashlib

    text = read_text_file(path)
    key = (str(path), found.name, hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest())
    if key in _LAST:
        kept = _LAST[key] = _LAST.pop(key)  # the most recently used last
        if isinstance(kept[1], SourceError):
            raise kept[1].with_traceback(None)
        return kept[1]
    try:
        parsed = parse_document(text, str(path), found.name)
    except SourceError as error:
        parsed = error
    # the last one whatever its size; besides it, a few small ones (a docs site's data files)
    for old in [k for k, (size, _) in _LAST.items() if size > _SMALL][:1] or ():
        del _LAST[old]
    _LAST[key] = (len(text), parsed)
    while len(_LAST) > _KEPT:
        del _LAST[next(iter(_LAST))]  # the least recently used
    if isinstance(parsed, SourceError):
        raise parsed
    return parsed


_KEPT, _SMALL = 8, 1 << 20  # documents kept, and the size in characters of a small one
# (name, kind, digest of the text) -> (its size, what parsing it gave)
_LAST: dict[tuple[str, str, bytes], tuple[int, Any]] = {}


def read_text_file(path: Path) -> str:
    """The text of a regular file within the size limit (a device or a fifo is refused)."""
    data = read_input(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError("not valid UTF-8 text", file=str(path), line=line,
                          hint="save it again as UTF-8") from None


def parse_document(text: str, name: str, kind: str = "yaml") -> Any:
    """Parse ``text`` of the given kind; ``name`` is used in messages.

    Whatever the text holds, the result is plain data or a :class:`SourceError`: nesting
    deeper than MAX_DEPTH, aliases that expand past ALIAS_BUDGET times the document, tags
    asking for objects, numbers too long to read and ``.nan`` or ``.inf`` are all refused.

    >>> parse_document("a: &x [1, 2]\\nb: *x\\n", "x.yaml")["b"]
    [1, 2]
    >>> parse_document("[" * 5000, "deep.json", "json")
    Traceback (most recent call last):
    ...
    ladder.errors.SourceError: deep.json: nested more than 64 levels deep (flatten the file)
    >>> parse_document("years: .nan", "x.yaml")
    Traceback (most recent call last):
    ...
    ladder.errors.SourceError: x.yaml:1: '.nan' is not a number ladder can use (write a number)
    """
    if len(text) > max_input_bytes():
        raise SourceError(f"larger than the {max_input_bytes() // 2**20} MB ladder reads",
                          file=name, hint=f"set {MAX_BYTES_ENV} to read bigger texts")
    _check_depth(text, name)
    try:
        return _parse(text, name, kind)
    except RecursionError:
        raise SourceError(f"nested more than {MAX_DEPTH} levels deep", file=name,
                          hint="flatten the file") from None


def _check_depth(text: str, name: str) -> None:
    """Refuse deep nesting of brackets before a parser recurses into it (JSON, TOML, flow
    YAML); block YAML nesting is counted while converting."""
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            line = text.count("\n", 0, match.start()) + 1
            raise SourceError(f"nested more than {MAX_DEPTH} levels deep", file=name,
                              line=line if line > 1 else None, hint="flatten the file")
        depth = max(depth, 0)


_BRACKETS = re.compile(r"[\[\]{}]")


def _parse(text: str, name: str, kind: str) -> Any:
    if kind == "toml":
        import tomllib

        try:
            return _plain(tomllib.loads(text), _toml_lines(text))
        except tomllib.TOMLDecodeError as error:
            # tomllib puts the place only into its message: "... (at line 5, column 9)".
            found = re.search(r"\(at line (\d+), column \d+\)$", str(error))
            message = str(error)[: found.start()].strip() if found else str(error)
            raise SourceError(f"not valid TOML: {message}", file=name,
                              line=int(found.group(1)) if found else None) from None
        except ValueError:  # Python refuses to turn thousands of digits into an int
            raise _long_number(text, name) from None
    if kind == "json":
        import json

        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            raise SourceError(
                f"not valid JSON: {error.msg}", file=name, line=error.lineno
            ) from None
        except ValueError:
            raise _long_number(text, name) from None
        # JSON is YAML too: reading it through the YAML composer gives us line numbers. JSON
        # strings may hold characters YAML refuses raw (DEL, C1 controls): those can only be
        # inside strings, where the same escape means the same character in both.
        text = _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "cannot parse"
        raise SourceError(
            f"not valid {kind.upper()}: {problem}", file=name,
            line=mark.line + 1 if mark else None,
            hint=_yaml_hint(problem, _line_text(text, mark.line) if mark else ""),
        ) from None
    except yaml.reader.ReaderError as error:  # a character YAML cannot hold: located, one line
        line = text.count("\n", 0, max(error.position, 0)) + 1
        raise SourceError(f"not valid {kind.upper()}: it holds the control character "
                          f"#x{error.character:04x}" if isinstance(error.character, int) else
                          f"not valid {kind.upper()}: {error.reason}", file=name, line=line,
                          hint="remove it, or write it as an escape in a double-quoted "
                          "string") from None
    except yaml.YAMLError as error:
        raise SourceError(f"not valid {kind.upper()}: {' '.join(str(error).split())}",
                          file=name) from None
    if node is None:
        return LinedMapping()
    scalars = yaml.SafeLoader("")  # one constructor for every scalar of the document
    try:
        return _Converter(name, scalars, budget=ALIAS_BUDGET * (len(text) // 4 + 1000)).convert(
            node)
    finally:
        scalars.dispose()


def _long_number(text: str, name: str) -> SourceError:
    """The error for a number too long to read (JSON and TOML parsers raise ValueError)."""
    found = re.search(r"\d{1000,}", text)
    line = text.count("\n", 0, found.start()) + 1 if found else None
    return SourceError("cannot read the number: it has thousands of digits", file=name,
                       line=line, hint="write a number ladder can use, such as 3")


# What the YAML reader refuses to hold raw (its printable set is narrower than JSON's).
_YAML_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
                               "\U00010000-\U0010ffff]")


def _line_text(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


def _yaml_hint(problem: str, line: str = "") -> str | None:
    """What usually causes PyYAML's terse complaints, in words a config writer can act on.

    >>> _yaml_hint("found character that cannot start any token", "\\t- {id: a}")
    'YAML indents with spaces, not tabs'
    """
    if "\t" in problem or "\t" in line[: len(line) - len(line.lstrip())]:
        return "YAML indents with spaces, not tabs"
    if "','" in problem or "while parsing a flow" in problem:
        return "check the brackets and braces: every [ and { needs its closing ] or }"
    if "mapping values are not allowed" in problem:
        return "a value holding ': ' needs quotes, or this line is indented too far"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "check the indentation of this line against the lines above it"
    return None


_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _Converter:
    """YAML nodes to LinedMapping/LinedList/scalars, refusing what plain data cannot be.

    Anchors and aliases are followed (``<<`` merge keys too), but a node that contains itself
    is an error, and so is a document whose aliases expand it past ``budget`` nodes (the
    "billion laughs" file of a few lines that would fill the memory).
    """

    def __init__(self, name: str, scalars: yaml.SafeLoader, *, budget: int) -> None:
        self.name, self.scalars, self.budget = name, scalars, budget
        self.open: set[int] = set()  # ids of the nodes being converted: a loop is an error

    def error(self, node: yaml.Node, message: str, hint: str | None = None) -> SourceError:
        return SourceError(message, file=self.name, line=node.start_mark.line + 1, hint=hint)

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise self.error(node, "aliases repeat parts of the file too many times",
                             hint="write the repeated parts out, or use fewer aliases")
        if depth > MAX_DEPTH:
            raise self.error(node, f"nested more than {MAX_DEPTH} levels deep",
                             hint="flatten the file")
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if node.tag not in _COLLECTION_TAGS:
            raise self.error(node, f"'{node.tag}' values cannot be read",
                             hint="remove the tag (the word starting with '!')")
        if id(node) in self.open:
            raise self.error(node, "an alias refers to the list or mapping it is in",
                             hint="an anchor (&name) cannot be used inside itself")
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, depth)
            result = LinedList(self.convert(item, depth + 1) for item in node.value)
            result.line = node.start_mark.line + 1
            result.item_lines = [item.start_mark.line + 1 for item in node.value]
            return result
        finally:
            self.open.discard(id(node))

    def mapping(self, node: yaml.MappingNode, depth: int) -> LinedMapping:
        result = LinedMapping()
        result.line, result.key_lines = node.start_mark.line + 1, {}
        merged: list[LinedMapping] = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # "<<: *defaults"
                value = self.convert(value_node, depth + 1)
                parts = value if isinstance(value, list) else [value]
                if not all(isinstance(part, LinedMapping) for part in parts):
                    raise self.error(key_node, "'<<' merges mappings only",
                                     hint="use '<<: *name' with an anchored mapping")
                merged.extend(parts)
                continue
            key = self.convert(key_node, depth + 1)
            if isinstance(key, LinedMapping | LinedList):
                raise self.error(node, "a key must be plain text")
            key = str(key)
            if key in result:
                raise self.error(key_node, f"key '{key}' is given twice")
            result[key] = self.convert(value_node, depth + 1)
            result.key_lines[key] = key_node.start_mark.line + 1
        for part in merged:  # keys written here win over merged ones, the first merge first
            for key, value in part.items():
                if key not in result:
                    result[key] = value
                    result.key_lines[key] = part.line_of(key) or result.line
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            value = self.scalars.construct_object(node, deep=True)
        except yaml.YAMLError:
            raise self.error(node, f"'{node.tag}' values cannot be read",
                             hint="remove the tag (the word starting with '!')") from None
        except ValueError:  # e.g. an integer of thousands of digits
            raise self.error(node, f"cannot read the number '{node.value[:20]}...'",
                             hint="write a shorter number") from None
        if isinstance(value, float) and not math.isfinite(value):
            raise self.error(node, f"'{node.value}' is not a number ladder can use",
                             hint="write a number")
        if isinstance(value, datetime.date):
            return value.isoformat()  # a date is text to ladder (e.g. a snapshot's date)
        if value is not None and not isinstance(value, str | int | float | bool):
            raise self.error(node, f"'{node.tag}' values cannot be read",
                             hint="write plain text, a number, true or false")
        return value


_TOML_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_TOML_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*=")


def _toml_lines(text: str) -> dict[tuple, int]:
    """Lines of TOML tables and keys, found by reading the text (tomllib does not keep them).

    Keys are paths like ``("people", 2, "manager")``: the third ``[[people]]`` table's
    ``manager``. Inline tables share the line of their key; that is as close as it gets.
    """
    lines: dict[tuple, int] = {}
    counts: dict[tuple, int] = {}
    table: tuple = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TOML_HEADER.match(line)
        if header:
            path = tuple(part.strip().strip('"') for part in header.group(2).split("."))
            if header.group(1) == "[[":
                index = counts.get(path, -1) + 1
                counts[path] = index
                table = (*path, index)
            else:
                table = path
            lines.setdefault(table, number)
            continue
        key = _TOML_KEY.match(line)
        if key:
            lines.setdefault((*table, key.group(1).strip('"')), number)
    return lines


def _plain(value: Any, lines: dict[tuple, int], path: tuple = ()) -> Any:
    """TOML data as LinedMapping/LinedList, with the lines :func:`_toml_lines` found."""
    if isinstance(value, dict):
        result = LinedMapping((k, _plain(v, lines, (*path, k))) for k, v in value.items())
        result.line = lines.get(path)
        result.key_lines = {k: lines[(*path, k)] for k in value if (*path, k) in lines}
        return result
    if isinstance(value, list):
        items = LinedList(_plain(v, lines, (*path, i)) for i, v in enumerate(value))
        items.line = lines.get(path)
        items.item_lines = [lines.get((*path, i), items.line) for i in range(len(value))]
        return items
    return value
