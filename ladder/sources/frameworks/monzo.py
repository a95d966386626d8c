"""Monzo-style frameworks: Markdown whose YAML front matter holds ``levels: N`` (or a list of
level names) and ``topics``, each with ``name``, ``title`` and ``content``: ``criteria`` and
``exampleCriteria`` (each a criterion with its ``examples``) per ``level``. The Markdown body (if
any) is the page around the matrix and is not read.

Each level is a role (called "Level N" when the file gives no names), each topic an area
named by its title without the leading emoji; the criteria are the statements, word for word,
and example criteria keep their examples.

Monzo's site merges its ``generic.md`` into every framework: a topic whose ``title`` is empty is
the generic topic of the same ``name``, with the generic criteria of each level shown before the
framework's own. The import does the same when a ``generic.md`` sits beside the file or in a
folder above it, and says so. The front matter is read as leniently as Monzo's own parser
reads it: a tab after a list dash is a space.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ladder.errors import SourceError
from ladder.sources.document import line_of, parse_document, read_text_file
from ladder.sources.frameworks.detect import front_matter
from ladder.sources.frameworks.draft import (
    MAX_LEVELS,
    Draft,
    chain_moves,
    plain_name,
    source_entry,
    text_field,
)
from ladder.text import slug

GENERIC = "generic.md"
DASH_TAB = re.compile(r"^([ ]*-)\t+", re.MULTILINE)  # "-<tab>item": Monzo's parser takes it


def front_matter_data(path: Path) -> Any:
    """The YAML front matter of a Monzo page, as data."""
    file = str(path)
    found = front_matter(read_text_file(path))
    if found is None:
        raise SourceError("no YAML front matter: expected the file to start with a '---' line, "
                          "then levels and topics, then '---'", file=file, line=1)
    # the opening '---' becomes an empty line, so the YAML's lines are the file's lines
    return parse_document("\n" + DASH_TAB.sub(r"\1 ", found[0]), file)


def generic_base(path: Path) -> Path | None:
    """The generic.md beside the framework or in a folder above it (not the file itself)."""
    for folder in list(path.resolve().parents)[:4]:
        candidate = folder / GENERIC
        if candidate.is_file() and candidate != path.resolve():
            return candidate
    return None


def read(path: Path) -> Draft:
    """The draft ladder of a Monzo-style Markdown file."""
    file = str(path)
    data = front_matter_data(path)
    if not isinstance(data, dict) or "topics" not in data:
        raise SourceError("the front matter has no 'topics'", file=file, line=2,
                          hint="expected topics: a list of {name, title, content}")
    name = plain_name(text_field(data.get("title"), "'title'", file=file,
                                 line=line_of(data, "title")) or path.stem)
    draft = Draft(id=slug(name), name=name)
    draft.sources.append(source_entry(path, f"{name} ({path.name})"))
    levels = data.get("levels")
    if isinstance(levels, int) and not isinstance(levels, bool) and levels > MAX_LEVELS:
        # 'levels: 100000' in a 90-byte file once hung the import
        raise SourceError(f"'levels' is {levels}: a ladder has at most {MAX_LEVELS} levels",
                          file=file, line=line_of(data, "levels"))
    if isinstance(levels, list) and len(levels) > MAX_LEVELS:
        raise SourceError(f"'levels' lists {len(levels)}: a ladder has at most {MAX_LEVELS} "
                          "levels", file=file, line=line_of(data, "levels"))
    if isinstance(levels, int) and not isinstance(levels, bool) and levels > 0:
        titles = [f"Level {n}" for n in range(1, levels + 1)]
    elif isinstance(levels, list) and levels:
        titles = [text_field(t.get("name") if isinstance(t, dict) else t, f"level {n}",
                             file=file, line=line_of(levels, n - 1)) or f"Level {n}"
                  for n, t in enumerate(levels, 1)]
    else:
        raise SourceError("'levels' must be a number of levels or a list of level names",
                          file=file, line=line_of(data, "levels" if "levels" in data else None))
    ids: set[str] = set()
    for number, title in enumerate(titles, start=1):
        draft.roles.append({"id": slug(title, ids), "title": title, "level": number,
                            "track": "main", "source": "source"})
    draft.tracks.append({"id": "main", "name": name})
    topics = data["topics"]
    if not isinstance(topics, list):
        raise SourceError("'topics' must be a list", file=file, line=line_of(data, "topics"))
    base = _generic_topics(path) if any(
        isinstance(t, dict) and not t.get("title") for t in topics) else {}
    if base:
        draft.sources.append(source_entry(base["__path__"], f"Generic framework ({GENERIC})",
                                          id="generic"))
    area_ids: set[str] = set()
    for index, topic in enumerate(topics):
        line = line_of(topics, index)
        if not isinstance(topic, dict) or not (topic.get("name") or topic.get("title")):
            raise SourceError(f"topic {index + 1}: expected a mapping with 'name' and 'title'",
                              file=file, line=line)
        topic_name = text_field(topic.get("name"), f"topic {index + 1} name", file=file,
                                line=line_of(topic, "name"))
        topic_title = text_field(topic.get("title"), f"topic {index + 1} title", file=file,
                                 line=line_of(topic, "title"))
        area_id = slug(topic_name or topic_title, area_ids)
        generic = base.get(topic_name) if not topic_title else None
        title = topic_title or str((generic or {}).get("title") or "") or topic_name
        draft.areas.append({"id": area_id, "name": plain_name(title),
                            "source": "generic" if generic and not topic.get("title")
                            and generic.get("title") else "source"})
        if generic:
            for entry in generic.get("content") or []:
                level = entry.get("level") if isinstance(entry, dict) else None
                if isinstance(level, int) and 1 <= level <= len(titles):
                    role = draft.roles[level - 1]
                    role.setdefault("expectations", {}).setdefault(area_id, []).extend(
                        _statements(entry, "generic", str(base["__path__"])))
        content = topic.get("content") or []
        if not isinstance(content, list):
            raise SourceError(f"topic '{area_id}': 'content' must be a list of "
                              "{level, criteria}", file=file, line=line_of(topic, "content"))
        for position, entry in enumerate(content):
            where = line_of(content, position)
            level = entry.get("level") if isinstance(entry, dict) else None
            if isinstance(level, int) and level > len(titles) and isinstance(entry, dict):
                # a level past the declared count: its words are listed, never dropped
                for found in _statements(entry, None, file):
                    text = found if isinstance(found, str) else found["text"]
                    draft.unplaced.append((f"topic '{area_id}' level {level} (the file has "
                                           f"{len(titles)} levels): {text}",
                                           line_of(entry, "level")))
                continue
            if not isinstance(level, int) or not 1 <= level <= len(titles):
                raise SourceError(f"topic '{area_id}': expected 'level' from 1 to "
                                  f"{len(titles)}, found {level!r}", file=file,
                                  line=line_of(entry, "level") if isinstance(entry, dict)
                                  else where)
            for key in ("criteria", "exampleCriteria"):
                if not isinstance(entry.get(key) or [], list | str):
                    raise SourceError(f"topic '{area_id}' level {level}: '{key}' must be a "
                                      "list", file=file, line=line_of(entry, key))
            role = draft.roles[level - 1]
            role.setdefault("expectations", {}).setdefault(area_id, []).extend(
                _statements(entry, None, file))
    chain_moves(draft)
    draft.notes.append("Each level is a role on one track; the file names no titles, so the "
                       "roles are called Level 1, Level 2, ...; promotions go one level up.")
    if base:
        draft.notes.append(f"Topics with no title are the generic framework's ({GENERIC}, "
                           "beside or above the file), and its criteria for each level come "
                           "first, as Monzo's site shows them.")
    return draft


def _statements(entry: dict[str, Any], source: str | None, file: str) -> list[Any]:
    """The criteria of one level (text), then its example criteria (text with examples);
    a criterion that is a list or a mapping is an error naming its line."""
    found: list[Any] = []
    criteria = entry.get("criteria") or []
    listed = [criteria] if isinstance(criteria, str) else criteria
    for index, text in enumerate(listed if isinstance(listed, list) else []):
        words = text_field(text, "a criterion", file=file, line=line_of(listed, index) or
                           line_of(entry, "criteria"))
        if words:
            found.append({"text": words, "source": source} if source else words)
    examples = entry.get("exampleCriteria") or []
    for index, example in enumerate(examples if isinstance(examples, list) else []):
        at = line_of(examples, index) or line_of(entry, "exampleCriteria")
        if isinstance(example, dict) and (words := text_field(
                example.get("criteria"), "an example criterion", file=file, line=at)):
            item: dict[str, Any] = {"text": words}
            given = example.get("examples") or []
            if not isinstance(given, list):
                given = [given]
            shown = [text for text in (text_field(e, "an example", file=file, line=at)
                                       for e in given) if text]
            if shown:
                item["examples"] = shown
            if source:
                item["source"] = source
            found.append(item)
        elif not isinstance(example, dict) and (words := text_field(
                example, "an example criterion", file=file, line=at)):
            found.append(words)
    return found


def _generic_topics(path: Path) -> dict[str, Any]:
    """The generic framework's topics by name (and its path under ``__path__``), or {}."""
    base = generic_base(path)
    if base is None:
        return {}
    data = front_matter_data(base)
    topics = data.get("topics") if isinstance(data, dict) else None
    found: dict[str, Any] = {"__path__": base}
    for topic in topics if isinstance(topics, list) else []:
        if isinstance(topic, dict) and topic.get("name"):
            found[str(topic["name"])] = topic
    return found
