"""Read YAML, TOML or JSON into plain dicts and lists that remember their line numbers.

Every loader (ladders, company configs) goes through :func:`read_document`, so every message
about a file can name the line of the key it is about.

>>> doc = parse_text("a: 1\\nroles:\\n  - id: pm\\n", "x.yaml")
>>> doc["roles"][0].line_of("id")
3
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ladder.errors import SourceError

SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}
# libyaml's parser when PyYAML was built with it (much faster on big configs); the same nodes.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Mapping(dict):
    """A dict that knows the line of each key (1-based; None where the format does not say)."""

    line: int | None = None
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A list that knows the line of each item."""

    line: int | None = None
    item_lines: list[int | None]

    def line_of(self, index: int) -> int | None:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def line_of(container: Any, key: Any = None) -> int | None:
    """The line of ``container[key]`` (or of the container), or None when unknown."""
    if key is not None and isinstance(container, Mapping | Sequence):
        return container.line_of(key)
    return getattr(container, "line", None)


def read_document(path: str | Path) -> Any:
    """Read and parse a YAML, TOML or JSON file, chosen by its suffix."""
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise SourceError(
            f"cannot read '{path.suffix or path.name}' files",
            file=str(path), hint="use .yaml, .yml, .toml or .json",
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SourceError("file not found", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"cannot read the file: {error}", file=str(path)) from None
    return parse_text(text, str(path), kind)


def parse_text(text: str, name: str, kind: str = "yaml") -> Any:
    """Parse ``text`` of the given kind; ``name`` is used in messages."""
    # each parser is imported when its kind is read: a built-in ladder needs YAML alone
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
    if kind == "json":
        import json

        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            raise SourceError(
                f"not valid JSON: {error.msg}", file=name, line=error.lineno
            ) from None
        # JSON is YAML too: reading it through the YAML composer gives us line numbers.
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
    except yaml.YAMLError as error:
        raise SourceError(f"not valid {kind.upper()}: {error}", file=name) from None
    if node is None:
        return Mapping()
    scalars = yaml.SafeLoader("")  # one constructor for every scalar of the document
    try:
        return _convert(node, name, scalars)
    finally:
        scalars.dispose()


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


def _convert(node: yaml.Node, name: str, scalars: yaml.SafeLoader) -> Any:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = Mapping()
        result.line, result.key_lines = line, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, name, scalars)
            if isinstance(key, Mapping | Sequence):
                raise SourceError("a key must be plain text", file=name, line=line)
            key = str(key)
            if key in result:
                raise SourceError(
                    f"key '{key}' is given twice", file=name, line=key_node.start_mark.line + 1
                )
            result[key] = _convert(value_node, name, scalars)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        result = Sequence(_convert(item, name, scalars) for item in node.value)
        result.line = line
        result.item_lines = [item.start_mark.line + 1 for item in node.value]
        return result
    return scalars.construct_object(node, deep=True)


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
    """TOML data as Mapping/Sequence, with the lines :func:`_toml_lines` found."""
    if isinstance(value, dict):
        result = Mapping((k, _plain(v, lines, (*path, k))) for k, v in value.items())
        result.line = lines.get(path)
        result.key_lines = {k: lines[(*path, k)] for k in value if (*path, k) in lines}
        return result
    if isinstance(value, list):
        result = Sequence(_plain(v, lines, (*path, i)) for i, v in enumerate(value))
        result.line = lines.get(path)
        result.item_lines = [lines.get((*path, i), result.line) for i in range(len(value))]
        return result
    return value
