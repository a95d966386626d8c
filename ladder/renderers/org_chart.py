"""Draw an org into files: the whole chart, a part of it, or split into pages.

The jobs live in their own modules; this one only chooses between them:

* :mod:`ladder.renderers.card_geometry`: fonts, text rows and sizes of a card and of the page;
* :mod:`ladder.renderers.org_cards`: what each card says, its colour and badge;
* :mod:`ladder.renderers.org_svg`: the SVG, written directly (linear, about 0.3 s for 10,000);
* :mod:`ladder.renderers.org_dot`: DOT with every position pinned, for ``neato -n2`` (PNG, PDF);
* :mod:`ladder.renderers.limits`: how big a PNG or PDF page may be;
* :mod:`ladder.renderers.org_write`: one chart in one format, within those limits;
* :mod:`ladder.renderers.split` and :mod:`ladder.renderers.pages`: overview and pages that each fit.

Team counts come from :func:`ladder.analysis.teams.team_counts`. Progress goes to a callback
that the caller passes in (the CLI prints it); nothing here talks to the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from ladder.analysis.teams import team_counts
from ladder.errors import RenderError, did_you_mean
from ladder.layout.chart import MODES, layout_org
from ladder.model.org import Org
from ladder.renderers.org_cards import dotted_notes
from ladder.renderers.org_dot import org_dot
from ladder.renderers.org_svg import org_svg
from ladder.renderers.org_write import FORMATS, Finish, PageText, page_size, write_chart

LONG_RUN = 200_000  # people: from here a render takes several seconds; say what it is doing
Progress = Callable[[str], None]


def render_org(
    org: Org,
    path: str | Path,
    *,
    format: str | None = None,  # noqa: A002 - the CLI's --format
    title: str | None = None,
    root: str | None = None,
    depth: int | None = None,
    align_levels: bool = False,
    levels: Mapping[str, int] | None = None,
    mode: str = "auto",
    columns: int = 2,
    split: str | None = None,
    scale: float = 1.0,
    progress: Progress | None = None,
    on_note: Progress | None = None,
    finish: Finish | None = None,
) -> list[Path]:
    """Draw ``org`` into ``path`` (svg, png, pdf, dot or json); the files written.

    ``root``/``depth``: draw only that subtree, that many levels deep (1 = the root alone).
    ``align_levels`` with ``levels`` (ladder role id -> level, higher more senior): rows by
    level. ``split``: ``"department"`` or ``"depth:N"`` writes an overview plus pages, each
    within the format's limits. ``scale``: PNG pixels per page pixel. ``progress``: called
    with a step's description during long runs; ``on_note``: remarks (a page drawn smaller);
    ``finish``: each SVG's last step (the API passes its docs finish).
    """
    path = Path(path)
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise RenderError(f"unknown output format {fmt!r}", file=str(path),
                          hint=f"use one of: {', '.join(FORMATS)}")
    if mode not in MODES:
        raise RenderError(f"unknown layout mode {mode!r}", hint=f"use one of: {', '.join(MODES)}")
    if columns < 1:
        raise RenderError("--columns must be 1 or more")
    if not scale > 0:
        raise RenderError(f"--scale must be more than 0, not {scale:g}")
    counts = team_counts(org)  # on the whole org, so a cut chart still shows true totals
    notes = dotted_notes(org)  # ... and names dotted-line managers it leaves out
    org = cut(org, root, depth)
    person_levels = levels_of_people(org, levels) if align_levels else None
    if split:
        from ladder.renderers.split import render_split  # lazy: only --split cuts pages

        return render_split(org, path, fmt=fmt, how=split, title=title, counts=counts,
                            notes=notes, mode=mode, columns=columns,
                            person_levels=person_levels, scale=scale, progress=progress,
                            on_note=on_note, finish=finish)
    note = progress if progress is not None and len(org) >= LONG_RUN else None
    if note:
        note(f"laying out {len(org):,} people")
    chart = layout_org(org, mode=mode, columns=columns, align_levels=person_levels)
    if note:
        note(f"drawing {path.name}")
    write_chart(org, chart, path, fmt=fmt, scale=scale, on_note=on_note, finish=finish,
                text=PageText(title=title, counts=counts, notes=notes))
    if note:
        note("done")
    return [path]


def levels_of_people(org: Org, levels: Mapping[str, int] | None) -> dict[str, int]:
    """Each person's ladder level from ``levels`` (role id -> level), for rows by level."""
    if not levels:
        raise RenderError("option 'align_levels' needs the ladder's levels", file=org.source,
                          hint="give the org a ladder, or leave out align_levels")
    return {p.id: levels[p.role] for p in org.people.values() if p.role in levels}


def cut(org: Org, root: str | None = None, depth: int | None = None) -> Org:
    """The part of ``org`` to draw: ``root``'s subtree, or the whole forest, ``depth`` levels
    deep (1 = the top people alone); the org itself when neither is given."""
    if root is not None:
        if root not in org.people:
            raise RenderError(f"option 'root': no person with id {root!r}", file=org.source,
                              hint=did_you_mean(root, org.people) or "check the id")
        return org.subtree(root, depth)
    if depth is None:
        return org
    if depth < 1:
        raise RenderError("option 'depth' must be 1 or more")
    keep: set[str] = set()
    frontier = [p.id for p in org.roots()]
    for _ in range(depth):
        keep.update(frontier)
        frontier = [r for pid in frontier for r in org.children[pid]]
    people = [replace(p, dotted=tuple(d for d in p.dotted if d in keep))
              for p in org.people.values() if p.id in keep]
    return Org.build(org.name, people, list(org.departments.values()), ladder=org.ladder,
                     variant=org.variant, source=org.source)


__all__ = ["FORMATS", "PageText", "cut", "levels_of_people", "org_dot", "org_svg",
           "page_size", "render_org", "team_counts", "write_chart"]
