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
from ladder.sources.frameworks.draft import Draft, chain_moves, slug, source_entry

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
    name = str(data.get("name") or data.get("title") or path.stem).strip()
    draft = Draft(id=slug(name), name=name,
                  summary=" ".join(str(data.get("summary") or "").split()))
    given = data.get("source") if isinstance(data.get("source"), dict) else {}
    entry = source_entry(path, str(given.get("title") or f"{name} ({path.name})"),
                         url=given.get("url"))
    if given.get("licence") or given.get("license"):
        entry["licence"] = given.get("licence") or given.get("license")
    draft.sources.append(entry)
    categories: dict[str, str] = {}
    if "categories" in data:
        for key, value, line in _entries(data, "categories", file):
            if isinstance(value, dict):
                category_id = str(value.get("id") or key or "")
                categories[category_id] = str(value.get("name") or category_id)
            elif key is not None:
                categories[key] = str(value)
            else:
                raise SourceError("categories: expected {id, name} entries", file=file,
                                  line=line)
    longest = 0
    area_ids: set[str] = set()
    for key, track, line in _entries(data, "tracks", file):
        if not isinstance(track, dict):
            raise SourceError("tracks: expected a mapping with name and milestones", file=file,
                              line=line)
        track_id = str(track.get("id") or key or "")
        title = str(track.get("name") or track.get("displayName") or track_id).strip()
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
            if not isinstance(milestone, dict) or not str(milestone.get("summary") or "").strip():
                raise SourceError(f"{where} milestone {index + 1}: expected 'summary'",
                                  file=file, line=at)
            statement: dict[str, Any] = {"text": " ".join(str(milestone["summary"]).split())}
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
            if categories and str(category) not in categories:
                raise SourceError(f"{where}: category '{category}' is not in 'categories'",
                                  file=file, line=line_of(track, "category"),
                                  hint="expected one of: " + summarised(list(categories)))
            area["group"] = categories.get(str(category), str(category))
        if track.get("description"):
            area["summary"] = " ".join(str(track["description"]).split())
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
    for _key, title, line in _entries(data, "titles", file):
        label = title.get("title") or title.get("label") if isinstance(title, dict) else None
        least = title.get("minPoints", title.get("points")) if isinstance(title, dict) else None
        if not label or not isinstance(least, int) or isinstance(least, bool):
            raise SourceError("titles: expected {title, minPoints} with whole points", file=file,
                              line=line)
        titles.append((least, str(label).strip(), title.get("track"), line))
    titles.sort(key=lambda t: t[0])  # stable: ties keep the file's order
    ids: set[str] = set()
    tracks: list[str] = []
    level, previous = 0, None
    thresholds = []
    for least, label, track, _line in titles:
        tie = least == previous
        if not tie:
            level, previous = level + 1, least
        track_id = slug(str(track)) if track else ("alternative" if tie else "main")
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
