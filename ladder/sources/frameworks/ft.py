"""FT-style job-family files (YAML or JSON): ``levels`` (id, name), ``themes`` (id, name,
summary) and ``competencies``, one per level and theme (summary, proficiency).

Levels become roles in file order. The split into an individual-contributor and a
people-manager track shows only in level ids (``senior-2-ic``, ``senior-2-pm``) or names
("(Individual Contributor)", "(People Manager)"): a level after a people-manager level stays on
that track. Each theme is an area; a competency's summary is the role's statement there (numbered
paragraphs become separate statements), its proficiency a competency "<theme>: <proficiency>".
"""

from __future__ import annotations

import re
from pathlib import Path

from ladder.errors import SourceError, summarised
from ladder.sources.document import line_of, read_document
from ladder.sources.frameworks.draft import (
    MAX_LEVELS,
    Draft,
    chain_moves,
    source_entry,
    text_field,
)
from ladder.text import slug

MANAGER = re.compile(r"(-pm$|-em$|-manager$|\bpeople manager\b|\bmanager\)$)", re.IGNORECASE)
INDIVIDUAL = re.compile(r"(-ic$|\bindividual contributor\b)", re.IGNORECASE)
SPLIT_SUFFIX = re.compile(r"-(ic|pm|em)$")


def _need(mapping: dict, key: str, where: str, file: str) -> str:
    value = mapping.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SourceError(f"{where}: '{key}' is missing or not text", file=file,
                          line=line_of(mapping, key if key in mapping else None),
                          hint=f"each entry of {where.split()[0]}s needs '{key}'")
    return value.strip()


def _list(data: dict, key: str, file: str) -> list:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise SourceError(f"'{key}' must be a non-empty list", file=file,
                          line=line_of(data, key if key in data else None),
                          hint="an FT job family lists levels, themes and competencies")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise SourceError(f"{key}: entry {index + 1} must be a mapping", file=file,
                              line=line_of(value, index))
    return value


def paragraphs(text: str) -> list[str]:
    """Statements of a summary: numbered paragraphs apart ("1. ...", "2. ..."), numbers dropped.

    >>> paragraphs("1. Writes code.\\n\\n2. Uses tools.")
    ['Writes code.', 'Uses tools.']
    """
    text = str(text).strip()
    if re.match(r"\d+[.)]\s", text):
        parts = [" ".join(p.split()) for p in re.split(r"(?m)^\s*\d+[.)]\s+", text)]
        if len([p for p in parts if p]) > 1:
            return [p for p in parts if p]
    return [" ".join(text.split())]


def read(path: Path) -> Draft:
    """The draft ladder of an FT job-family file."""
    file = str(path)
    data = read_document(path)
    if not isinstance(data, dict):
        raise SourceError("an FT job family must be a mapping with levels, themes and "
                          "competencies", file=file, line=line_of(data))
    def text(mapping: dict, key: str, where: str) -> str:
        return text_field(mapping.get(key), where, file=file, line=line_of(mapping, key))

    name = text(data, "name", "'name'") or path.stem
    draft = Draft(id=slug(name), name=name, summary=text(data, "summary", "'summary'"))
    draft.sources.append(source_entry(path, f"{name} job family ({path.name})"))
    levels = _list(data, "levels", file)
    if len(levels) > MAX_LEVELS:  # each level is a role: checked before the moves are chained
        raise SourceError(f"'levels' lists {len(levels):,}: a ladder has at most {MAX_LEVELS} "
                          "levels", file=file, line=line_of(data, "levels"))
    themes = _list(data, "themes", file)
    competencies = _list(data, "competencies", file)
    theme_names = {}
    for theme in themes:
        theme_id = _need(theme, "id", "theme", file)
        theme_names[theme_id] = _need(theme, "name", f"theme '{theme_id}'", file)
        draft.areas.append({"id": theme_id, "name": theme_names[theme_id],
                            "summary": text(theme, "summary", f"theme '{theme_id}' summary"),
                            "source": "source"})
    # tracks from the level ids or names; the level number from the base id (senior-2-ic and
    # senior-2-pm are one level)
    track, number, base_seen = "ic", 0, None
    split = any(MANAGER.search(str(lv.get("id"))) or MANAGER.search(str(lv.get("name")))
                for lv in levels)
    roles: dict[str, dict] = {}
    for level in levels:
        level_id = _need(level, "id", "level", file)
        title = _need(level, "name", f"level '{level_id}'", file)
        if MANAGER.search(level_id) or MANAGER.search(title):
            track = "management"
        elif INDIVIDUAL.search(level_id) or INDIVIDUAL.search(title):
            track = "ic"
        base = SPLIT_SUFFIX.sub("", level_id)
        if base != base_seen:
            number, base_seen = number + 1, base
        role = {"id": level_id, "title": title, "level": number,
                "track": track if split else "ic", "source": "source"}
        if level_id in roles:
            raise SourceError(f"level '{level_id}' is listed twice", file=file,
                              line=line_of(level))
        roles[level_id] = role
        draft.roles.append(role)
    draft.tracks.append({"id": "ic", "name": "Individual contributor"})
    if split:
        draft.tracks.append({"id": "management", "name": "People manager"})
    expectations: dict[str, dict[str, list[str]]] = {r: {} for r in roles}
    proficiencies: dict[str, list[str]] = {r: [] for r in roles}
    for entry in competencies:
        level_id = _need(entry, "level", "competency", file)
        theme_id = _need(entry, "theme", "competency", file)
        if level_id not in roles:
            raise SourceError(f"competency: level '{level_id}' is not in 'levels'", file=file,
                              line=line_of(entry, "level"),
                              hint="expected one of: " + summarised(list(roles)))
        if theme_id not in theme_names:
            raise SourceError(f"competency: theme '{theme_id}' is not in 'themes'", file=file,
                              line=line_of(entry, "theme"),
                              hint="expected one of: " + summarised(list(theme_names)))
        summary = _need(entry, "summary", "competency", file)
        expectations[level_id].setdefault(theme_id, []).extend(paragraphs(summary))
        proficiency = text(entry, "proficiency", f"competency of level '{level_id}' "
                           "proficiency")
        if proficiency:
            proficiencies[level_id].append(f"{theme_names[theme_id]}: {proficiency}")
    for drafted in draft.roles:
        found = expectations[drafted["id"]]
        if found:
            drafted["competencies"] = proficiencies[drafted["id"]]
            drafted["expectations"] = {t: found[t] for t in theme_names if t in found}
    chain_moves(draft)
    draft.notes.append("Levels are roles in the order of the file; the tracks come from the "
                       "level ids (-ic, -pm); promotions go from each level to the next.")
    return draft
