"""Monzo-style frameworks: Markdown whose YAML front matter holds ``levels: N`` (or a list of
level names) and ``topics``, each with ``name``, ``title`` and ``content``: ``criteria`` per
``level``. The Markdown body (if any) is the page around the matrix and is not read.

Each level is a role (called "Level N" when the file gives no names), each topic an area
named by its title without the leading emoji; the criteria are the statements, word for word.
"""

from __future__ import annotations

from pathlib import Path

from ladder.errors import SourceError
from ladder.sources.document import line_of, parse_document, read_text_file
from ladder.sources.frameworks.detect import front_matter
from ladder.sources.frameworks.draft import Draft, chain_moves, plain_name, source_entry
from ladder.text import slug


def read(path: Path) -> Draft:
    """The draft ladder of a Monzo-style Markdown file."""
    file = str(path)
    text = read_text_file(path)
    found = front_matter(text)
    if found is None:
        raise SourceError("no YAML front matter: expected the file to start with a '---' line, "
                          "then levels and topics, then '---'", file=file, line=1)
    # the opening '---' becomes an empty line, so the YAML's lines are the file's lines
    data = parse_document("\n" + found[0], file)
    if not isinstance(data, dict) or "topics" not in data:
        raise SourceError("the front matter has no 'topics'", file=file, line=2,
                          hint="expected topics: a list of {name, title, content}")
    name = plain_name(str(data.get("title") or path.stem))
    draft = Draft(id=slug(name), name=name)
    draft.sources.append(source_entry(path, f"{name} ({path.name})"))
    levels = data.get("levels")
    if isinstance(levels, int) and not isinstance(levels, bool) and levels > 0:
        titles = [f"Level {n}" for n in range(1, levels + 1)]
    elif isinstance(levels, list) and levels:
        titles = [str(t.get("name") if isinstance(t, dict) else t) for t in levels]
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
    area_ids: set[str] = set()
    for index, topic in enumerate(topics):
        line = line_of(topics, index)
        if not isinstance(topic, dict) or not (topic.get("name") or topic.get("title")):
            raise SourceError(f"topic {index + 1}: expected a mapping with 'name' and 'title'",
                              file=file, line=line)
        area_id = slug(str(topic.get("name") or topic.get("title")), area_ids)
        draft.areas.append({"id": area_id,
                            "name": plain_name(str(topic.get("title") or topic["name"])),
                            "source": "source"})
        content = topic.get("content") or []
        if not isinstance(content, list):
            raise SourceError(f"topic '{area_id}': 'content' must be a list of "
                              "{level, criteria}", file=file, line=line_of(topic, "content"))
        for position, entry in enumerate(content):
            where = line_of(content, position)
            level = entry.get("level") if isinstance(entry, dict) else None
            if not isinstance(level, int) or not 1 <= level <= len(titles):
                raise SourceError(f"topic '{area_id}': expected 'level' from 1 to "
                                  f"{len(titles)}, found {level!r}", file=file,
                                  line=line_of(entry, "level") if isinstance(entry, dict)
                                  else where)
            criteria = entry.get("criteria") or []
            if isinstance(criteria, str):
                criteria = [criteria]
            if not isinstance(criteria, list):
                raise SourceError(f"topic '{area_id}' level {level}: 'criteria' must be a "
                                  "list of texts", file=file, line=line_of(entry, "criteria"))
            role = draft.roles[level - 1]
            role.setdefault("expectations", {}).setdefault(area_id, []).extend(
                " ".join(str(c).split()) for c in criteria if str(c).strip())
    chain_moves(draft)
    draft.notes.append("Each level is a role on one track; the file names no titles, so the "
                       "roles are called Level 1, Level 2, ...; promotions go one level up.")
    return draft
