"""The Python API in a few calls: load a source, draw it. The CLI is a thin layer over these.

>>> from pathlib import Path
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     written = render(None, Path(folder) / "ladder.dot", variant="startup")
...     "Head of Product" in written[0].read_text()
True
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ladder.errors import LadderError
from ladder.render.files import output_format
from ladder.sources.detect import COMPANY, EXPORT, LADDER, source_kind

# Each kind of source imports its own modules when it is drawn: a command-line run that
# charts a CSV should not pay for the ladder and config machinery (it is timed against dot).
if TYPE_CHECKING:
    from ladder.model import Ladder, Org
    from ladder.sources.hr import ImportResult


def ladder_for(source: str | None = None, *, variant: str | None = None,
               headcount: int | None = None, head: str | None = None) -> Ladder:
    """A ladder (built-in name or file; default the product ladder) as one variant sees it."""
    from ladder.model.variants import pick_variant, project
    from ladder.sources.ladder_set import load_any_ladder

    ladder = load_any_ladder(source)
    if variant and headcount:
        raise LadderError("give a variant or a headcount, not both")
    if headcount:
        variant = pick_variant(ladder, headcount).id
    if head and not variant:
        variant = next((v.id for v in ladder.variants.values() if v.head_choices), None)
    return project(ladder, variant, head=head) if variant else ladder


def render(
    source: str | Path | None,
    output: Path | None = None,
    *,
    format: str | None = None,
    title: str | None = None,
    output_dir: Path = Path("output"),
    on_note: Callable[[str], None] | None = None,
    # ladders
    variant: str | None = None,
    headcount: int | None = None,
    head: str | None = None,
    detail: bool = False,
    years: bool = True,
    highlight: str | None = None,
    via: Sequence[str] = (),
    avoid: Sequence[str] = (),
    view: str = "graph",
    role: str | None = None,
    level: int | None = None,
    compare: Sequence[str] = (),
    examples: bool = False,
    # org charts
    root: str | None = None,
    depth: int | None = None,
    align_levels: bool = False,
    mode: str = "auto",
    columns: int = 2,
    split: str | None = None,
    # HR exports
    preset: str | None = None,
    junior: str | Path | None = None,
    mapping: str | None = None,
    fix: str | Sequence[str] = (),
    report: Path | None = None,
    ladder: str | None = None,
) -> list[Path]:
    """Draw a ladder, company config or HR export; returns the files written.

    Without ``output`` the file goes to ``output_dir`` named after the source. ``highlight``
    (``FROM..TO``) draws the quickest promotion path between two roles and fades the rest;
    ``on_note`` receives remarks such as an export's row accounting.
    """
    text = None if source is None else str(source)
    kind = source_kind(text)
    org_only = (("--root", root), ("--depth", depth), ("--align-levels", align_levels),
                ("--mode", mode != "auto"), ("--columns", columns != 2), ("--split", split),
                ("--preset", preset), ("--junior", junior), ("--map", mapping), ("--fix", fix),
                ("--report", report))
    ladder_only = (("--variant", variant), ("--headcount", headcount), ("--head", head),
                   ("--detail", detail), ("--no-years", not years), ("--highlight", highlight),
                   ("--via", via), ("--avoid", avoid), ("--view", view != "graph"),
                   ("--role", role), ("--level", level is not None), ("--compare", compare),
                   ("--examples", examples))
    _refuse(org_only if kind == LADDER else ladder_only, text, kind)
    if kind == LADDER:
        # options of one view are a mistake in the other, said rather than ignored
        graph_only = (("--detail", detail), ("--no-years", not years),
                      ("--highlight", highlight), ("--via", via), ("--avoid", avoid))
        matrix_only = (("--role", role), ("--level", level is not None),
                       ("--compare", compare), ("--examples", examples))
        given = [name for name, value in (graph_only if view == "matrix" else matrix_only)
                 if value]
        if given:
            other = "graph" if view == "matrix" else "matrix"
            raise LadderError(f"{', '.join(given)} only fit{'s' if len(given) == 1 else ''} "
                              f"--view {other}", file=text)
    if kind == LADDER and view == "matrix":
        from ladder.render.matrix import MATRIX_FORMATS, matrix_options, render_matrix

        matrix = ladder_for(text, variant=variant, headcount=headcount, head=head)
        chosen = output_format(output, format, allowed=MATRIX_FORMATS)
        path = output or output_dir / f"{matrix.id}-matrix.{chosen}"
        pair = (compare[0], compare[1]) if len(compare) == 2 else None
        return [render_matrix(matrix, path, format=chosen, options=matrix_options(
            matrix, title=title, role=role, level=level, compare=pair, examples=examples))]
    if kind == LADDER:
        return _render_ladder(text, output, format=format, title=title, output_dir=output_dir,
                              on_note=on_note, variant=variant, headcount=headcount, head=head,
                              detail=detail, years=years, highlight=highlight, via=via,
                              avoid=avoid)
    # the cycle collector is held back while the org is read, laid out and drawn (below)
    with _cyclic_gc_paused():
        from ladder.render.org_chart import FORMATS as ORG_FORMATS
        from ladder.render.org_chart import render_org

        # the config machinery is imported only when used: charting a CSV skips it
        if kind == COMPANY:
            from ladder.sources.company import load_company

            org = load_company(
                text, on_warning=on_note and (lambda problem: on_note(str(problem))))
        else:
            org = import_export(text, preset=preset, junior=junior, mapping=mapping, fix=fix,
                                ladder=ladder, report=report, on_note=on_note,
                                match_titles=align_levels or ladder is not None).org
        levels = None
        if align_levels:
            from ladder.sources.company import company_ladder

            roles = company_ladder(org)
            levels = {role.id: role.level for role in roles} if roles else None
        chosen = output_format(output, format, allowed=ORG_FORMATS)
        path = output or output_dir / f"{Path(text).stem}.{chosen}"
        return render_org(org, path, format=chosen, title=title, root=root, depth=depth,
                          align_levels=align_levels, levels=levels, mode=mode, columns=columns,
                          split=split)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Hold back Python's cycle collector for the duration of the block.

    A big export makes millions of long-lived objects (rows, people, layout arrays, SVG
    parts) and no cycles, yet every full collection walks all of them: a 100,000-person
    chart spent about a third of its time in the collector. Reference counting still frees
    everything as usual; the collector runs again (if it was on) afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _refuse(options: Sequence[tuple[str, object]], source: str | None, kind: str) -> None:
    """Options that do not fit this kind of source are a mistake worth saying, not ignoring."""
    given = [name for name, value in options if value]
    if not given:
        return
    verb = "applies" if len(given) == 1 else "apply"
    fits, drawn = ("org charts", "ladders") if kind == LADDER else ("ladders", "org charts")
    hint = ("a company config names its ladder variant in 'variant:'"
            if "--variant" in given else None)
    raise LadderError(f"{', '.join(given)} {verb} to {fits}, not to {drawn}", file=source,
                      hint=hint)


def _render_ladder(source: str | None, output: Path | None, *, format: str | None,
                   title: str | None, output_dir: Path, on_note: Callable[[str], None] | None,
                   variant: str | None, headcount: int | None, head: str | None, detail: bool,
                   years: bool, highlight: str | None, via: Sequence[str],
                   avoid: Sequence[str]) -> list[Path]:
    from ladder.model.variants import pick_variant
    from ladder.render.files import render_ladder
    from ladder.render.ladder_dot import Highlight
    from ladder.sources.ladder_set import load_any_ladder

    if (via or avoid) and not highlight:
        raise LadderError("--via and --avoid choose among the paths of --highlight",
                          hint="add --highlight FROM..TO, or use 'ladder paths'")
    marks = None
    if highlight:
        from ladder.analysis.paths import plan_highlight

        full = load_any_ladder(source)
        if headcount:
            variant = pick_variant(full, headcount).id
        plan = plan_highlight(full, highlight, variant=variant, head=head, via=via, avoid=avoid)
        for note in plan.notes:
            if on_note:
                on_note(note)
        ladder = plan.ladder
        # Only the quickest path is drawn: the union of every path lights up most of a ladder.
        best = plan.marks["paths"][0]
        moves = itertools.pairwise(best)
        marks = Highlight(roles=frozenset(best),
                          steps={move: [number] for number, move in enumerate(moves, start=1)})
        if title is None:
            years_each = [ladder.graph.edges[edge]["years"] for edge in marks.steps]
            took = "" if None in years_each else f", about {sum(years_each):g} years"
            title = (f"{ladder.name}: {ladder.roles[best[0]].title} to "
                     f"{ladder.roles[best[-1]].title}{took}")
        if on_note and len(plan.marks["paths"]) > 1:
            on_note(f"drawing the quickest of {len(plan.marks['paths'])} paths; "
                    "'ladder paths' lists them all")
    else:
        ladder = ladder_for(source, variant=variant, headcount=headcount, head=head)
    chosen = output_format(output, format)
    stem = ladder.id + (f"-{ladder.variant}" if ladder.variant else "")
    path = output or output_dir / f"{stem}.{chosen}"
    return [render_ladder(ladder, path, format=chosen, title=title, detail=detail, years=years,
                          highlight=marks)]


def import_export(
    source: str | Path,
    *,
    preset: str | None = None,
    junior: str | Path | None = None,
    mapping: str | None = None,
    fix: str | Sequence[str] = (),
    ladder: str | None = None,
    report: Path | None = None,
    on_note: Callable[[str], None] | None = None,
    match_titles: bool = True,
) -> ImportResult:
    """Read an HR export, match its job titles to the ladder's roles, account for every row.

    ``report`` writes the row accounting as JSON; ``on_note`` receives the one-line summary
    and the job titles no ladder role matched, most frequent first. ``match_titles=False``
    skips matching (a plain chart needs no ladder levels).
    """
    from ladder.sources.hr import load_export, write_report

    result = load_export(source, preset=preset, junior=junior, mapping=mapping, fix=fix)
    if report is not None:
        write_report(result, report)
    if on_note:
        on_note(result.summary())
        if result.columns and not {"name", "first_name", "last_name"} & set(result.columns):
            headers = ", ".join(result.columns.values())
            on_note(f"no name column among the ones read ({headers}): cards show each row's "
                    "id or email; name it with --map name=COLUMN")
    if not match_titles:
        return result
    from ladder.analysis.titles import assign_roles, unmatched_titles
    from ladder.sources.ladder_set import load_any_ladder

    roles = load_any_ladder(ladder).roles
    result.org = assign_roles(result.org, roles)
    if ladder is not None:
        result.org.ladder = ladder
    if on_note:
        unmatched = unmatched_titles(result.org, roles)
        if unmatched:
            shown = ", ".join(f"{title} ({count})" for title, count in unmatched[:8])
            more = f" and {len(unmatched) - 8} more" if len(unmatched) > 8 else ""
            count = len(unmatched)
            on_note(f"{count} job title{'' if count == 1 else 's'} not in the ladder, so "
                    f"{'its' if count == 1 else 'their'} people have no ladder level: "
                    f"{shown}{more}")
    return result


def load_org(source: str | Path, *, on_note: Callable[[str], None] | None = None,
             **export_options: object) -> Org:
    """An org from a company config or an HR export (``export_options`` as for
    :func:`import_export`)."""
    kind = source_kind(str(source))
    if kind == COMPANY:
        from ladder.sources.company import load_company

        return load_company(
            source, on_warning=on_note and (lambda problem: on_note(str(problem))))
    if kind == EXPORT:
        return import_export(source, on_note=on_note, **export_options).org  # type: ignore[arg-type]
    raise LadderError(f"'{source}' is a ladder, not an org chart",
                      hint="org charts come from a company config (people:) or an HR export")
