"""The one document checker: the walk both ladder files and company configs share.

A checker reads a parsed document (:mod:`ladder.sources.document`: mappings and lists that
know their lines) once and collects every problem instead of stopping at the first, each
naming the file, the line and the key. The rules every format keeps alike live here:

- a key the format's schema does not have (:func:`~ladder.sources.schema.document_keys`) is
  an **error** naming the closest known key: a typo such as ``yeras`` or ``manger`` would
  otherwise drop its value without a word;
- a list-valued key must hold a list, and each of its entries a mapping, else an error saying
  what it holds instead.

The ladder and company checkers (:mod:`ladder.sources.ladders`, :mod:`ladder.sources.company`)
add what only their format knows.

>>> from ladder.sources.document import parse_document
>>> checker = DocumentChecker("acme.yaml")
>>> data = parse_document("people:\\n  - {id: a, manger: b}\\n", "acme.yaml")
>>> [item for item, line in checker.entries(data, "people")] == [{"id": "a", "manger": "b"}]
True
>>> checker.unknown_keys(data["people"][0], ("id", "name", "manager"), "person 'a'")
>>> print(checker.problems[0])
error: acme.yaml:2: person 'a': unknown key 'manger' (did you mean 'manager'?)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ladder.errors import Problem, did_you_mean
from ladder.sources.document import line_of


class DocumentChecker:
    """Problems found in one document, in the order found."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, severity: str, kind: str, message: str, line: int | None,
            hint: str | None = None, person: str | None = None,
            items: tuple[str, ...] = ()) -> None:
        """A problem of any severity; ``person``: the id of the entry it is about."""
        self.problems.append(Problem(severity, kind, message, self.file, line, person, hint,
                                     items))

    def error(self, kind: str, message: str, line: int | None, hint: str | None = None,
              person: str | None = None, items: tuple[str, ...] = ()) -> None:
        self.add("error", kind, message, line, hint, person, items)

    def unknown_keys(self, mapping: Mapping[str, Any], known: Iterable[str], where: str,
                     line: int | None = None, *, otherwise: str | None = None) -> None:
        """An error for each key of ``mapping`` that is not ``known``, with the closest known
        key as the hint (else ``otherwise``, else the list of them); ``line``: where the
        mapping starts, for a format that cannot say where a key is."""
        known = tuple(known)
        for key in mapping:
            if key not in known:
                self.error("unknown-key", f"{where}: unknown key {_shown(key)}",
                           line_of(mapping, key) or line, did_you_mean(str(key), known)
                           or otherwise or f"known keys: {', '.join(known)}")

    def entries(self, data: Mapping[str, Any], key: str, *, required: bool = False,
                where: str = "") -> list[tuple[Mapping[str, Any], int | None]]:
        """The mappings of a list-valued key, each with its line; a missing key (when
        ``required``), a value that is no list, and an entry that is no mapping are errors."""
        value = data.get(key)
        prefix = f"{where}: " if where else ""
        if value is None:
            if required:
                self.error("missing-key", f"{prefix}'{key}' is missing", line_of(data))
            return []
        if not isinstance(value, list):
            self.error("bad-type", f"{prefix}'{key}' must be a list, not {kind_of(value)}",
                       line_of(data, key), "write each entry on its own line as '- id: ...'")
            return []
        found: list[tuple[Mapping[str, Any], int | None]] = []
        for index, item in enumerate(value):
            line = line_of(value, index)
            if not isinstance(item, dict):
                self.error("bad-type", f"{key}: entry {index + 1} must be a mapping of keys, "
                           f"not {kind_of(item)}", line, "write it as '- {id: ..., name: ...}'")
                continue
            found.append((item, line))
        return found


def _shown(key: object) -> str:
    """A key as a message quotes it, cut short: a hostile file may hold a megabyte key."""
    text = str(key)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def kind_of(value: Any) -> str:
    """What a value is, in a user's words: ``text``, ``a number``, ``a list``...

    >>> kind_of("x"), kind_of(True), kind_of(2.5), kind_of([]), kind_of({}), kind_of(None)
    ('text', 'true/false', 'a number', 'a list', 'a mapping', 'empty')
    """
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "empty" if value is None else type(value).__name__
