"""Points frameworks in the shape of Medium's snowflake, as JSON (or YAML):

* ``categories``: ``[{id, name}]`` or ``{id: name}``: the groups of tracks;
* ``tracks``: ``[{id, name (or displayName), category, description, milestones}]`` or the same
  keyed by id; each milestone ``{summary, signals: [...], examples: [...]}`` (milestone 1 first);
* ``milestonePoints``: points for milestone 0, 1, 2, ... (default snowflake's 0, 1, 3, 6, 12, 20);
* ``titles``: ``[{title (or label), minPoints, track?}]``: the least total points for each title.

Tracks become areas with their milestones; titles become roles, in order of points, and the
points scale of the ladder; titles that share a threshold (snowflake's "Senior Engineer" and
"Group Lead") stand side by side on a second track unless they name their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ladder.errors import SourceError, summarised
from ladder.sources.document import line_of, read_document
from ladder.sources.frameworks.draft import (
    MAX_ROLES,
    Draft,
    chain_moves,
    source_entry,
    text_field,
)
from ladder.text import slug

SNOWFLAKE_POINTS = (0, 1, 3, 6, 12, 20)


def _entries(data: dict, key: str, file: str) -> list[tuple[str | None, Any, int | None]]:
    """(key, value, line) of a list, or of a mapping keyed by id."""
    value = data.get(key)
    if isinstance(value, dict):
        return [(str(k), v, line_of(value, k)) for k, v in value.items()]
    if isinstance(value, list) and value:
        return [(None, v, line_of(value, i)) for i, v in enumerate(value)]
    raise SourceError(f"'{key}' is missing or empty", file=file,
                      line=line_of(data, key if key in data else None),
                      hint=f"a snowflake framework lists {key} (see 'ladder import --help')")


def _text_list(value: Any, where: str, file: str, line: int | None) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourceError(f"{where}: expected a list of texts", file=file, line=line)
    return [" ".join(v.split()) for v in value if v.strip()]


def read(path: Path) -> Draft:
    """The draft ladder of a snowflake-style points framework."""
    file = str(path)
    data = read_document(path)
    if not isinstance(data, dict):
        raise SourceError("a snowflake framework must be a mapping with tracks and titles",
                          file=file, line=line_of(data))
    def text(mapping: dict, key: str, where: str) -> str:
        return text_field(mapping.get(key), where, file=file, line=line_of(mapping, key))

    named_by = "name" if data.get("name") else "title"
    name = text(data, named_by, f"'{named_by}'") or path.stem
    draft = Draft(id=slug(name), name=name, summary=text(data, "summary", "'summary'"))
    given = data.get("source")
    if not isinstance(given, dict):
        given = {}
    entry = source_entry(path, text(given, "title", "source title") or f"{name} ({path.name})",
                         url=text(given, "url", "source url") or None)
    licence = text(given, "licence", "source licence") or text(given, "license",
                                                               "source license")
    if licence:
        entry["licence"] = licence
    draft.sources.append(entry)
    categories: dict[str, str] = {}
    if "categories" in data:
        for key, value, line in _entries(data, "categories", file):
            if isinstance(value, dict):
                category_id = text(value, "id", "category id") or str(key or "")
                categories[category_id] = text(value, "name", f"category '{category_id}' "
                                               "name") or category_id
            elif key is not None:
                categories[key] = text_field(value, f"category '{key}'", file=file, line=line)
            else:
                raise SourceError("categories: expected {id, name} entries", file=file,
                                  line=line)
    longest = 0
    area_ids: set[str] = set()
    for key, track, line in _entries(data, "tracks", file):
        if not isinstance(track, dict):
            raise SourceError("tracks: expected a mapping with name and milestones", file=file,
                              line=line)
        track_id = text(track, "id", "track id") or str(key or "")
        title = text(track, "name", f"track '{track_id}' name") or text(
            track, "displayName", f"track '{track_id}' displayName") or track_id
        if not title:
            raise SourceError("track: expected 'id' or 'name'", file=file, line=line)
        where = f"track '{title}'"
        milestones = track.get("milestones")
        if not isinstance(milestones, list) or not milestones:
            raise SourceError(f"{where}: expected 'milestones', a list of {{summary, signals, "
                              "examples}}", file=file, line=line_of(track, "milestones"))
        found = []
        for index, milestone in enumerate(milestones):
            at = line_of(milestones, index)
            summary = text(milestone, "summary", f"{where} milestone {index + 1} summary") \
                if isinstance(milestone, dict) else ""
            if not summary:
                raise SourceError(f"{where} milestone {index + 1}: expected 'summary'",
                                  file=file, line=at)
            statement: dict[str, Any] = {"text": summary}
            for part in ("signals", "examples"):
                texts = _text_list(milestone.get(part), f"{where} milestone {index + 1} {part}",
                                   file, line_of(milestone, part))
                if texts:
                    statement[part] = texts
            found.append(statement)
        longest = max(longest, len(found))
        area: dict[str, Any] = {"id": slug(track_id or title, area_ids), "name": title,
                                "source": "source", "milestones": found}
        category = track.get("category")
        if category is not None:
            category = text(track, "category", f"{where} category")
            if categories and str(category) not in categories:
                raise SourceError(f"{where}: category '{category}' is not in 'categories'",
                                  file=file, line=line_of(track, "category"),
                                  hint="expected one of: " + summarised(list(categories)))
            area["group"] = categories.get(str(category), str(category))
        if track.get("description"):
            area["summary"] = text(track, "description", f"{where} description")
        draft.areas.append(area)
    worth = data.get("milestonePoints") or data.get("milestone_points")
    if worth is None:
        if longest >= len(SNOWFLAKE_POINTS):
            raise SourceError(f"a track has {longest} milestones: expected 'milestonePoints' "
                              f"with {longest + 1} values, from milestone 0", file=file,
                              line=line_of(data))
        worth = list(SNOWFLAKE_POINTS)
        draft.notes.append("Points per milestone are snowflake's: 0, 1, 3, 6, 12, 20.")
    elif not isinstance(worth, list) or not all(
            isinstance(points, (int, float)) and not isinstance(points, bool) for points in worth):
        # "milestonePoints": 5 ended in a TypeError traceback
        raise SourceError("'milestonePoints' must be a list of points, one per milestone from 0",
                          file=file, line=line_of(data, "milestonePoints" if "milestonePoints"
                                                  in data else "milestone_points"),
                          hint="e.g. [0, 1, 3, 6, 12, 20]")
    titles = []
    listed = _entries(data, "titles", file)
    if len(listed) > MAX_ROLES:  # each title is a role: checked before the moves are chained
        raise SourceError(f"'titles' lists {len(listed):,}: a ladder has at most {MAX_ROLES:,} "
                          "roles", file=file, line=line_of(data, "titles"))
    for _key, title, line in listed:
        if not isinstance(title, dict):
            raise SourceError("titles: expected {title, minPoints} with whole points", file=file,
                              line=line)
        key = "title" if title.get("title") else "label"
        label = text(title, key, f"titles: {key}")
        least = title.get("minPoints", title.get("points"))
        if not label or not isinstance(least, int) or isinstance(least, bool):
            raise SourceError("titles: expected {title, minPoints} with whole points", file=file,
                              line=line)
        track = text(title, "track", f"title '{label}' track") or None
        titles.append((least, label, track, line))
    titles.sort(key=lambda t: t[0])  # stable: ties keep the file's order
    ids: set[str] = set()
    tracks: list[str] = []
    level, previous = 0, None
    thresholds = []
    for least, label, track, _line in titles:
        tie = least == previous
        if not tie:
            level, previous = level + 1, least
        track_id = slug(track) if track else ("alternative" if tie else "main")
        if track_id not in tracks:
            tracks.append(track_id)
        role_id = slug(label, ids)
        draft.roles.append({"id": role_id, "title": label, "level": level, "track": track_id,
                            "source": "source", "summary": f"From {least} points."})
        thresholds.append({"points": least, "role": role_id})
    names = {"main": name, "alternative": "Titles at the same points"}
    draft.tracks = [{"id": t, "name": names.get(t, t)} for t in tracks]
    draft.points = {"milestones": list(worth), "titles": thresholds}
    chain_moves(draft)
    draft.notes.append("Tracks are areas graded by milestone; the titles are roles in order of "
                       "their least points ('ladder assess' adds up a person's milestones).")
    return draft
