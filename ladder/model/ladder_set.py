"""Several ladders as one: engineering, product and design, with declared moves between them.

Pure data. :func:`combine_ladders` merges ladders into a single :class:`Ladder` whose role,
track and source ids are namespaced by the key each ladder is given
(``engineering:senior-engineer``), and adds the cross-ladder moves. Everything that works on one
ladder (paths, gaps, the diagram, org moves) then works across ladders unchanged, and a path
crosses from one ladder to another wherever a declared move allows.

>>> from ladder.model.ladder import Ladder, Move, Role
>>> eng = Ladder.build(id="eng", name="Engineering", roles={
...     "dev": Role("dev", "Developer", 1, "default"),
...     "lead": Role("lead", "Lead Developer", 2, "default")},
...     moves=[Move("dev", "lead")])
>>> both = combine_ladders({"engineering": eng},
...                        [Move("engineering:dev", "engineering:lead", "lateral")])
Traceback (most recent call last):
...
ladder.errors.LadderError: move engineering:dev -> engineering:lead is given twice
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from ladder.errors import LadderError, did_you_mean
from ladder.model.ladder import (
    MOVE_KINDS,
    Area,
    Competency,
    Ladder,
    Move,
    Role,
    Source,
    Track,
    describe_cycle,
    promotion_cycle,
)

SEPARATOR = ":"


def qualify(key: str, local_id: str) -> str:
    """The id of ``local_id`` of the ladder keyed ``key`` in a combined ladder.

    >>> qualify("engineering", "senior-1")
    'engineering:senior-1'
    """
    return f"{key}{SEPARATOR}{local_id}"


def combine_ladders(
    ladders: Mapping[str, Ladder],
    cross_moves: Iterable[Move] = (),
    *,
    id: str = "combined",  # the same name as Ladder.id
    name: str | None = None,
    summary: str = "",
    file: str | None = None,
) -> Ladder:
    """One ladder from several, keyed by short names, with moves between them.

    ``cross_moves`` name roles by their combined ids (``key:role-id``). Keys keep their order,
    so the roles of the first ladder come first. Variants do not carry over: project each
    ladder onto its variant before combining.
    """
    if not ladders:
        raise LadderError("there are no ladders to combine", file=file)
    roles: dict[str, Role] = {}
    tracks: dict[str, Track] = {}
    sources: dict[str, Source] = {}
    areas: dict[str, Area] = {}
    moves: list[Move] = []
    for key, ladder in ladders.items():
        if not key or SEPARATOR in key:
            raise LadderError(f"ladder key '{key}' must be non-empty and have no "
                              f"'{SEPARATOR}'", file=file)

        def source_of(source_id: str | None, key: str = key) -> str | None:
            return None if source_id is None else qualify(key, source_id)

        for track in ladder.tracks.values():
            tracks[qualify(key, track.id)] = Track(qualify(key, track.id),
                                                   f"{ladder.name}: {track.name}", track.colour)
        for source in ladder.sources.values():
            sources[qualify(key, source.id)] = replace(source, id=qualify(key, source.id))
        for area in ladder.areas.values():
            areas[qualify(key, area.id)] = replace(
                area, id=qualify(key, area.id), source=source_of(area.source),
                summary_source=source_of(area.summary_source),
                group_source=source_of(area.group_source))
        for role in ladder:
            roles[qualify(key, role.id)] = replace(
                role, id=qualify(key, role.id), track=qualify(key, role.track),
                source=source_of(role.source), level_source=source_of(role.level_source),
                summary_source=source_of(role.summary_source),
                alias_sources=tuple((alias, qualify(key, cited))
                                    for alias, cited in role.alias_sources),
                competencies=tuple(Competency(c.name, source_of(c.source))
                                   for c in role.competencies),
                expectations=tuple(
                    (qualify(key, area), tuple(replace(s, source=source_of(s.source))
                                               for s in found))
                    for area, found in role.expectations),
            )
        moves.extend(replace(m, source=qualify(key, m.source), target=qualify(key, m.target),
                             years_source=source_of(m.years_source))
                     for m in ladder.moves)
    seen = {(m.source, m.target) for m in moves}
    cross: list[Move] = []
    for move in cross_moves:
        for end in (move.source, move.target):
            if end not in roles:
                raise LadderError(f"move {move.source} -> {move.target}: no role '{end}'",
                                  file=file, line=move.line, hint=did_you_mean(end, roles))
        if move.kind not in MOVE_KINDS:
            raise LadderError(f"move kind '{move.kind}' is not one of {', '.join(MOVE_KINDS)}",
                              file=file, line=move.line)
        if move.source == move.target:
            raise LadderError(f"move from '{move.source}' to itself", file=file, line=move.line)
        if (move.source, move.target) in seen:
            raise LadderError(f"move {move.source} -> {move.target} is given twice",
                              file=file, line=move.line)
        seen.add((move.source, move.target))
        cross.append(move)
    moves.extend(cross)
    _check_promotions(moves, cross, file)
    return Ladder.build(
        id=id, name=name or " and ".join(ladder.name for ladder in ladders.values()),
        summary=summary, tracks=tracks, roles=roles, moves=moves, sources=sources, file=file,
        areas=areas, cumulative=all(ladder.cumulative for ladder in ladders.values()),
    )


def _check_promotions(moves: list[Move], cross: list[Move], file: str | None) -> None:
    """Promotions across ladders must not lead back to where they started.

    Each ladder was checked on its own, so a circle runs through a cross move: its line (in
    the file that declares the cross moves) is the one to report.
    """
    cycle = promotion_cycle(moves)
    if cycle is None:
        return
    lines = [m.line for m in cycle if m in cross and m.line]
    raise LadderError(f"promotions go round in a circle: {describe_cycle(cycle)}", file=file,
                      line=min(lines, default=None),
                      hint="make the move back a lateral one")
