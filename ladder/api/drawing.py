"""Drawing and writing: a model or a source in, the text or bytes of a format out, or files
written."""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ladder.api.loading import Note, _export_kwargs, import_export, ladder_for, load, load_ladder
from ladder.errors import LadderError, did_you_mean
from ladder.options import Options, name_options, sort_options
from ladder.renderers.files import FORMATS, formats_for, output_format, write_bytes
from ladder.sources.detect import COMPANY, EXPORT, LADDER, source_kind
from ladder.text import years_phrase

# Each kind of source imports its own modules when it is drawn: a command-line run that
# charts a CSV should not pay for the ladder and config machinery (it is timed against dot).
if TYPE_CHECKING:
    from ladder.model import Ladder, Org
    from ladder.renderers.drawings import LadderDrawing, OrgDrawing




def draw(thing: Ladder | Org | str | Path | None, *, format: str = "svg",
         on_note: Note | None = None, **options: Any) -> str | bytes:
    """``thing`` drawn in ``format``: text (``str``) for svg, dot and json, ``bytes`` for png
    and pdf. ``thing`` is a Ladder or Org, or a source :func:`load` takes.

    Options as for :func:`render`, apart from ``split`` (several files: use :func:`render`).

    >>> import json
    >>> data = json.loads(draw("product", format="json", variant="startup"))
    >>> [role["title"] for role in data["roles"]]
    ['Product Manager', 'Head of Product']
    >>> draw("product", root="omar")
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: option 'root' applies to org charts, not to ladders
    """
    from ladder.model import Ladder

    if thing is None or isinstance(thing, str | Path):
        export = {k: options.pop(k) for k in list(options) if k in _EXPORT_NAMES}
        thing = load(thing, on_note=on_note, **export)
    kind = "ladder" if isinstance(thing, Ladder) else "org"
    chosen = format.lower()
    if chosen not in FORMATS:
        raise LadderError(f"cannot draw {chosen!r}",
                          hint=did_you_mean(chosen, FORMATS) or
                          f"choose one of: {', '.join(formats_for(kind))}")
    sorted_options = sort_options(options, kind=kind)
    _check_look(sorted_options, chosen)
    if sorted_options.org.split:
        raise LadderError("option 'split' writes several files", hint="use render()")
    if kind == "ladder":
        return _draw_ladder(_ladder_drawing(thing, sorted_options, on_note), chosen)
    drawer = FORMATS[chosen].drawer(kind)
    with _cyclic_gc_paused():
        return drawer(_org_drawing(thing, sorted_options, on_note),  # type: ignore[arg-type]
                      chosen)


_EXPORT_NAMES = {"preset", "junior", "mapping", "fix", "report", "ladder", "snapshot"}


def render(source: str | Path | None, output: str | Path | None = None, *,
           format: str | None = None, output_dir: str | Path = "output",
           on_note: Note | None = None, progress: Note | None = None,
           **options: Any) -> list[Path]:
    """Draw a ladder, company config or HR export into a file; returns the files written.

    ``output``'s suffix sets the format unless ``format`` does (a suffix naming another format
    is an error). Without ``output`` the file goes to ``output_dir``, named after the source.
    Options (see :mod:`ladder.options`), for ladders: ``variant``, ``headcount``, ``head``,
    ``detail``, ``years``, ``highlight`` (``"FROM..TO"``: the quickest promotion path, the rest
    faded), ``via``, ``avoid``; for org charts: ``root``, ``depth``, ``align_levels``,
    ``mode``, ``columns``, ``split`` (``"department"`` or ``"depth:N"``: an overview plus
    pages, each cut until it fits a PNG or PDF page), ``scale`` (PNG pixels per chart pixel);
    for HR exports also ``preset``, ``junior``, ``mapping``, ``fix``, ``report`` and
    ``ladder``; ``title`` for any. ``on_note`` receives remarks (an export's row accounting,
    a page drawn smaller to fit); ``progress`` the steps of a long org-chart run.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = render("product", f"{folder}/ladder.dot", variant="startup")
    ...     "Head of Product" in written[0].read_text()
    True
    """
    name = None if source is None else str(source)
    output = None if output is None else Path(output)
    kind = source_kind(name)
    drawn = {LADDER: "ladder", COMPANY: "org", EXPORT: "export"}[kind]
    sorted_options = sort_options(options, kind=drawn)
    if kind == LADDER:
        ladder = load_ladder(name)
        drawing = _ladder_drawing(ladder, sorted_options, on_note)
        chosen = output_format(output, format, allowed=formats_for("ladder"))
        _check_look(sorted_options, chosen)
        stem = drawing.ladder.id + (f"-{drawing.ladder.variant}"
                                     if drawing.ladder.variant else "")
        stem += "-matrix" if drawing.matrix is not None else ""
        path = output or Path(output_dir) / f"{stem}.{chosen}"
        return [write_bytes(path, _draw_ladder(drawing, chosen))]
    # the cycle collector is held back while the org is read, laid out and drawn (below)
    with _cyclic_gc_paused():
        export = _export_kwargs(sorted_options.export)
        if kind == EXPORT:
            export["match_titles"] = (sorted_options.org.align_levels or
                                      sorted_options.export.ladder is not None)
            org = import_export(name, on_note=on_note, **export).org  # type: ignore[arg-type]
        else:
            org = load(name, on_note=on_note)  # type: ignore[assignment]
        chosen = output_format(output, format, allowed=formats_for("org"))
        _check_look(sorted_options, chosen)
        path = output or Path(output_dir) / f"{Path(name).stem}.{chosen}"  # type: ignore[arg-type]
        if sorted_options.org.split:
            return _render_split(org, path, chosen, sorted_options, on_note, progress)
        drawing = _org_drawing(org, sorted_options, on_note)
        return [write_bytes(path, FORMATS[chosen].drawer("org")(drawing, chosen))]


LOOK_FORMATS = ("svg", "html")  # the formats a theme and a transparent background change


def _check_look(options: Options, chosen: str) -> None:
    """A theme or a transparent background asked of a format they do not change is said."""
    asked = [name for name, value in (("theme", options.theme != "light"),
                                      ("transparent", options.transparent)) if value]
    if asked and chosen not in LOOK_FORMATS:
        verb = "applies" if len(asked) == 1 else "apply"
        raise LadderError(f"{name_options(asked)} {verb} to SVG and HTML, not to {chosen}",
                          hint="write .svg or .html, or leave the option out")


def _draw_ladder(drawing: LadderDrawing, chosen: str) -> str | bytes:
    """The graph of roles in the format's own drawer, or the matrix view in its writer."""
    if drawing.matrix is not None:
        from ladder.renderers.drawings import ladder_matrix

        return ladder_matrix(drawing, chosen)
    return FORMATS[chosen].drawer("ladder")(drawing, chosen)


def _ladder_drawing(ladder: Ladder, options: Options, on_note: Note | None) -> LadderDrawing:
    """The ladder as its variant sees it, with the path of ``highlight`` found."""
    from ladder.model.variants import pick_variant
    from ladder.renderers.drawings import LadderDrawing
    from ladder.renderers.ladder_dot import Highlight

    wanted = options.ladder
    variant = wanted.variant
    if wanted.headcount:
        variant = pick_variant(ladder, wanted.headcount).id
    if wanted.view == "matrix":
        from ladder.renderers.matrix import matrix_options

        drawn = ladder_for(ladder, variant=variant, head=wanted.head)
        pair = (wanted.compare[0], wanted.compare[1]) if wanted.compare else None
        matrix = matrix_options(drawn, title=options.title, role=wanted.role,
                                level=wanted.level, compare=pair, examples=wanted.examples)
        return LadderDrawing(drawn, options.title, matrix=matrix, theme=options.theme,
                             transparent=options.transparent)
    if not wanted.highlight:
        drawn = ladder_for(ladder, variant=variant, head=wanted.head)
        return LadderDrawing(drawn, options.title, wanted.detail, wanted.years,
                             theme=options.theme, transparent=options.transparent)
    from ladder.analysis.paths import plan_highlight

    plan = plan_highlight(ladder, wanted.highlight, variant=variant, head=wanted.head,
                          via=wanted.via, avoid=wanted.avoid)
    for remark in plan.notes:
        if on_note:
            on_note(remark)
    drawn = plan.ladder
    # Only the quickest path is drawn: the union of every path lights up most of a ladder.
    best = plan.marks["paths"][0]
    steps = {move: [number] for number, move in enumerate(itertools.pairwise(best), start=1)}
    title = options.title
    if title is None:
        years_each = [drawn.graph.edges[edge]["years"] for edge in steps]
        took = "" if None in years_each else f", about {years_phrase(sum(years_each))}"
        title = (f"{drawn.name}: {drawn.roles[best[0]].title} to "
                 f"{drawn.roles[best[-1]].title}{took}")
    if on_note and len(plan.marks["paths"]) > 1:
        on_note(f"drawing the quickest of {len(plan.marks['paths'])} paths; "
                "'ladder paths' (ladder.paths in Python) lists them all")
    return LadderDrawing(drawn, title, wanted.detail, wanted.years,
                         Highlight(roles=frozenset(best), steps=steps),
                         theme=options.theme, transparent=options.transparent)


def _org_drawing(org: Org, options: Options, on_note: Note | None = None) -> OrgDrawing:
    """The part of the org to draw, with the team counts of the whole org."""
    from ladder.analysis.teams import team_counts
    from ladder.renderers.drawings import OrgDrawing
    from ladder.renderers.org_cards import dotted_notes
    from ladder.renderers.org_chart import cut

    wanted = options.org
    counts = team_counts(org)  # on the whole org, so a cut chart still shows true totals
    notes = dotted_notes(org)  # ... and names dotted-line managers it leaves out
    drawn = cut(org, wanted.root, wanted.depth)
    levels = _levels(drawn) if wanted.align_levels else None
    return OrgDrawing(drawn, wanted, options.title, counts, notes, levels,
                      theme=options.theme, transparent=options.transparent)


def _levels(org: Org) -> dict[str, int]:
    """Each person's ladder level, for drawing rows by level."""
    from ladder.renderers.org_chart import levels_of_people
    from ladder.sources.company import company_ladder

    roles = company_ladder(org)
    return levels_of_people(org, {role.id: role.level for role in roles} if roles else None)


def _render_split(org: Org, path: Path, chosen: str, options: Options, on_note: Note | None,
                  progress: Note | None) -> list[Path]:
    """An overview and pages: the same part of the org, counts and levels as one drawing."""
    from ladder.renderers.split import render_split

    drawing = _org_drawing(org, options, on_note)

    def finish(page: Org, svg: str, title: str | None) -> str:
        """The docs finish of every SVG, page by page (theme, title and description)."""
        from ladder.renderers.theme import finish_svg
        from ladder.renderers.views import describe

        return finish_svg(svg, title=title or page.name, description=describe(page),
                          theme=options.theme, transparent=options.transparent, kind="org")

    wanted = options.org
    return render_split(drawing.org, path, fmt=chosen, how=wanted.split, title=options.title,
                        counts=drawing.counts, notes=drawing.notes, mode=wanted.mode,
                        columns=wanted.columns, person_levels=drawing.levels,
                        scale=wanted.scale, progress=progress, on_note=on_note, finish=finish)


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
