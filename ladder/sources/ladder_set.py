"""Read a ladder-set file: several ladders and the moves between them, combined into one.

A ladder set is a ladder file of its own kind, told apart by its ``ladders`` key::

    id: engineering-and-product
    name: Engineering and product
    ladders:
      - {id: engineering, ladder: ft-engineering.yaml}   # a path, relative to this file
      - {id: product, ladder: product, variant: scale-up}  # or a built-in ladder, projected
    moves:
      - {from: "engineering:senior-1", to: "product:product-manager", kind: lateral, years: 1}

Moves name roles as ``ladder-id:role`` (the role by id, title or alias). The result is a plain
:class:`~ladder.model.ladder.Ladder` whose ids are namespaced (see
:mod:`ladder.model.ladder_set`), so paths, gaps and diagrams work across the ladders.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ladder.errors import LadderError, Problem, SourceError, did_you_mean
from ladder.model.ladder import MOVE_KINDS, PROMOTION, Ladder, Move
from ladder.model.ladder_set import SEPARATOR, combine_ladders, qualify
from ladder.model.titles import resolve_role
from ladder.model.variants import project
from ladder.sources.checker import DocumentChecker
from ladder.sources.document import line_of, read_document
from ladder.sources.ladders import builtin_names, read_ladder
from ladder.sources.schema import document_keys
from ladder.text import read_years


def is_ladder_set(data: Any) -> bool:
    """Whether parsed data is a ladder set rather than a single ladder."""
    return isinstance(data, dict) and "ladders" in data and "roles" not in data


def load_any_ladder(source: str | Path | None = None, *,
                    relative_to: Path | None = None,
                    on_warning: Callable[[Problem], None] | None = None) -> Ladder:
    """A built-in ladder, a ladder file, or a ladder-set file combined into one ladder;
    ``on_warning`` receives a single ladder's warnings (see ``read_ladder``)."""
    if source is None or str(source) in builtin_names():
        return read_ladder(source, on_warning=on_warning)
    path = Path(source)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    if path.is_file():
        data = read_document(path)
        if is_ladder_set(data):
            return parse_ladder_set(data, str(path), folder=path.parent)
    return read_ladder(source, relative_to=relative_to, on_warning=on_warning)


def parse_ladder_set(data: Mapping[str, Any], file: str, *, folder: Path | None = None) -> Ladder:
    """Check a ladder set, load its ladders (files relative to ``folder``) and combine them."""
    checker = DocumentChecker(file)  # the rules ladder files and company configs follow
    problems = checker.problems
    keys = document_keys("ladder-set")

    def error(message: str, line: int | None, hint: str | None = None) -> None:
        checker.error("ladder-set", message, line, hint)

    checker.unknown_keys(data, keys[""], "ladder set", line_of(data))
    members: dict[str, Ladder] = {}
    entries = data.get("ladders")
    if not isinstance(entries, list) or not entries:
        error("'ladders' must be a list of {id, ladder} entries", line_of(data, "ladders"))
        entries = []
    for index, entry in enumerate(entries):
        line = line_of(entries, index)
        if isinstance(entry, dict):
            checker.unknown_keys(entry, keys["ladders"], "ladders: entry", line)
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("ladder"):
            error(f"ladders: entry {index + 1} needs an 'id' and a 'ladder'", line)
            continue
        key = str(entry["id"]).strip()
        if SEPARATOR in key or key in members:
            error(f"ladder id '{key}' must be unique and have no '{SEPARATOR}'", line)
            continue
        try:
            ladder = read_ladder(str(entry["ladder"]), relative_to=folder)
            if entry.get("variant"):
                ladder = project(ladder, str(entry["variant"]),
                                 head=None if entry.get("head") is None else str(entry["head"]))
        except LadderError as failure:
            # Name this file's line too: the member's own message says what is wrong in it.
            error(f"ladder '{key}': {failure}", line_of(entry, "ladder"))
            continue
        members[key] = ladder
    moves = _cross_moves(data, members, checker)
    if problems:
        first = problems[0]
        raise SourceError(first.message, file=file, line=first.line, hint=first.hint,
                          problems=problems)
    summary = " ".join(str(data.get("summary") or "").split())
    ladder_id = str(data.get("id") or Path(file).stem)
    try:
        return combine_ladders(members, moves, id=ladder_id, name=data.get("name") or None,
                               summary=summary, file=file)
    except LadderError as failure:
        raise SourceError(failure.message, file=file, line=failure.line,
                          hint=failure.hint) from None


def _cross_moves(data: Mapping[str, Any], members: dict[str, Ladder],
                 checker: DocumentChecker) -> list[Move]:
    def error(message: str, line: int | None, hint: str | None = None) -> None:
        checker.error("ladder-set", message, line, hint)

    found = []
    entries = data.get("moves") or []
    if not isinstance(entries, list):
        error("'moves' must be a list", line_of(data, "moves"))
        return []
    for index, entry in enumerate(entries):
        line = line_of(entries, index)
        if not isinstance(entry, dict):
            error(f"moves: entry {index + 1} must be a mapping", line)
            continue
        checker.unknown_keys(entry, document_keys("ladder-set")["moves"], "moves: entry", line)
        ends = []
        for end in ("from", "to"):
            key, _sep, name = str(entry.get(end) or "").partition(SEPARATOR)
            if not name:
                error(f"move {end} '{entry.get(end) or ''}' must be 'ladder-id:role'",
                      line_of(entry, end))
                continue
            if key not in members:
                error(f"move {end} '{key}:{name}': no ladder '{key}' in this set",
                      line_of(entry, end), did_you_mean(key, members))
                continue
            try:
                ends.append(qualify(key, resolve_role(members[key], name).id))
            except LadderError as failure:
                error(f"move {end} '{key}:{name}': {failure.message}", line_of(entry, end),
                      failure.hint)
        kind = str(entry.get("kind") or PROMOTION)
        if kind not in MOVE_KINDS:
            error(f"move kind '{kind}' is not one of {', '.join(MOVE_KINDS)}",
                  line_of(entry, "kind"), did_you_mean(kind, MOVE_KINDS))
            continue
        years = entry.get("years")
        span = None if years is None else read_years(years)
        if years is not None and span is None:
            error(f"move years must be a number of years or a range such as '2-3 years', "
                  f"not '{years}'", line_of(entry, "years"))
            continue
        if len(ends) == 2:
            found.append(Move.taking(ends[0], ends[1], kind, span, line))
    return found
