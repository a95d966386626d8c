"""The Python API: load a source, draw it, write it, ask it questions.

The CLI, the docs plugins and users' scripts all come in here; none of them reaches past these
functions into the sources or the renderers. Options are keyword arguments named as the
command line's flags without dashes (``align_levels`` for ``--align-levels``), sorted into the
typed objects of :mod:`ladder.options`; a misspelt or misplaced option is an error.

>>> import ladder
>>> product = ladder.load("product")
>>> svg = ladder.draw(product, variant="startup")
>>> "Head of Product" in svg and svg.lstrip().startswith("<?xml")
True
>>> org = ladder.load(text="people: [{id: ada, name: Ada}, {id: bo, name: Bo, manager: ada}]",
...                   format="yaml")
>>> len(org), ladder.draw(org, format="json").count('"id"')
(2, 2)
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ladder.errors import LadderError, Problem, SourceError, did_you_mean
from ladder.options import Options, name_options, sort_options
from ladder.renderers.files import FORMATS, formats_for, output_format, write_bytes
from ladder.sources.detect import COMPANY, EXPORT, LADDER, source_kind

# Each kind of source imports its own modules when it is drawn: a command-line run that
# charts a CSV should not pay for the ladder and config machinery (it is timed against dot).
if TYPE_CHECKING:
    from ladder.analysis.assess import Assessment
    from ladder.analysis.diff import OrgDiff
    from ladder.analysis.org_moves import NextMoves, Succession
    from ladder.analysis.paths import Endpoints, Gap
    from ladder.analysis.paths import Path as PromotionPath
    from ladder.model import Ladder, Org
    from ladder.renderers.drawings import LadderDrawing, OrgDrawing
    from ladder.sources.hr import ImportResult

Note = Callable[[str], None]
TEXT_FORMATS = ("yaml", "toml", "json", "csv", "tsv")


# --- loading ------------------------------------------------------------------------------------


def load(source: str | Path | None = None, *, text: str | None = None,
         format: str | None = None, on_note: Note | None = None,
         **export_options: Any) -> Ladder | Org:
    """A :class:`~ladder.model.Ladder` or an :class:`~ladder.model.Org` from a source.

    ``source`` is a built-in ladder name (``"product"``; None is the built-in product ladder),
    a ladder or ladder-set file, a company config, or an HR export (CSV, TSV, XLSX). With
    ``text``, the document is that text instead of a file: ``format`` says what it is written
    in (``yaml``, the default, ``toml``, ``json``, ``csv`` or ``tsv``) and ``source``, if given,
    is only the name used in messages and the folder a ladder path in it is resolved against.
    ``export_options`` (``preset``, ``junior``, ``mapping``, ``fix``, ``report``, ``ladder``,
    ``snapshot``) say how to read an HR export; ``on_note`` receives remarks such as its row
    accounting.

    >>> load("product").roles["product-manager"].title
    'Product Manager'
    >>> load("prodcut")
    Traceback (most recent call last):
    ...
    ladder.errors.SourceError: prodcut: no such file or built-in ladder (did you mean 'product'?)
    """
    options = sort_options(export_options, kind="export").export
    if text is not None:
        return _load_text(text, format, name=None if source is None else str(source),
                          on_note=on_note, on_problem=_warnings_to(on_note), export=options)
    if format is not None:
        raise LadderError("option 'format' says what 'text' is written in; a file is read "
                          "by its suffix", hint="leave out format, or pass the document as text")
    name = None if source is None else str(source)
    kind = source_kind(name)
    if kind == LADDER:
        sort_options(export_options, kind="ladder")  # export options are a mistake here
        from ladder.sources.ladder_set import load_any_ladder
        from ladder.sources.ladders import builtin_names

        # a built-in ladder's warnings are known and documented: validate shows them
        shipped = name is None or name in builtin_names()
        return load_any_ladder(name, on_warning=None if shipped else _warnings_to(on_note))
    if kind == COMPANY:
        sort_options(export_options, kind="org")  # ... and here
        from ladder.sources.company import load_company

        return load_company(name, on_warning=_warnings_to(on_note))  # type: ignore[arg-type]
    return import_export(name, on_note=on_note,  # type: ignore[arg-type]
                         **_export_kwargs(options)).org


def _load_text(text: str, format: str | None, *, name: str | None, on_note: Note | None,
               on_problem: Callable[[Problem], None] | None, export: Any) -> Ladder | Org:
    """:func:`load` of a document given as text; warnings go to ``on_problem``."""
    kind = (format or "yaml").lower()
    if kind not in TEXT_FORMATS:
        raise LadderError(f"cannot read text written in {kind!r}",
                          hint=did_you_mean(kind, TEXT_FORMATS) or
                          f"choose one of: {', '.join(TEXT_FORMATS)}")
    shown = name or f"<{kind} text>"
    folder = Path(name).parent if name else Path(".")
    if kind in ("csv", "tsv"):
        return import_export(shown, text=text, on_note=on_note, **_export_kwargs(export)).org
    sort_options({k: v for k, v in vars(export).items() if v}, kind="org")
    from ladder.sources.document import parse_text

    data = parse_text(text, shown, kind)
    if isinstance(data, dict) and ("people" in data or "company" in data):
        from ladder.sources.company import check_company_data

        org, problems = check_company_data(data, shown, folder=folder)
        _raise_errors(problems)
        for problem in problems:
            if problem.severity == "warning" and on_problem:
                on_problem(problem)
        return org  # type: ignore[return-value]
    from ladder.sources.ladder_set import is_ladder_set, parse_ladder_set
    from ladder.sources.ladders import parse_ladder

    if is_ladder_set(data):
        return parse_ladder_set(data, shown, folder=folder)
    return parse_ladder(data, shown, on_warning=on_problem)


def _raise_errors(problems: Sequence[Problem]) -> None:
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        first = errors[0]
        raise SourceError(first.message, file=first.file, line=first.line, hint=first.hint,
                          problems=list(problems))


def _export_kwargs(options: Any) -> dict[str, Any]:
    return {name: value for name, value in vars(options).items()}


def _warnings_to(on_note: Note | None) -> Callable[[Problem], None] | None:
    return None if on_note is None else (lambda problem: on_note(str(problem)))


def import_export(
    source: str | Path,
    *,
    text: str | None = None,
    preset: str | None = None,
    junior: str | Path | None = None,
    mapping: Any = None,
    fix: str | Sequence[str] = (),
    ladder: str | None = None,
    report: str | Path | None = None,
    snapshot: str | None = None,
    on_note: Note | None = None,
    match_titles: bool = True,
) -> ImportResult:
    """Read an HR export, match its job titles to the ladder's roles, account for every row.

    ``report`` writes the row accounting as JSON; ``on_note`` receives the one-line summary
    and the job titles no ladder role matched, most frequent first. ``match_titles=False``
    skips matching (a plain chart needs no ladder levels).

    >>> result = import_export("x.csv", text="id,manager,name,title\\n1,,Ada,CPO\\n"
    ...                        "2,1,Bo,Sr. Product Manager\\n2,1,Bo,Sr. Product Manager\\n")
    >>> result.summary()
    '3 rows: 2 drawn, 1 problem (1 duplicate row)'
    >>> [person.role for person in result.org]
    ['chief-product-officer', 'senior-product-manager']
    """
    from ladder.sources.hr import load_export, write_report

    result = load_export(source, text=text, preset=preset, junior=junior, mapping=mapping,
                         fix=fix, snapshot=snapshot)
    if report is not None:
        write_report(result, Path(report))
    if on_note:
        on_note(result.summary())
        for remark in result.notes:
            on_note(remark)
        if result.columns and not {"name", "first_name", "last_name"} & set(result.columns):
            headers = ", ".join(result.columns.values())
            on_note(f"no name column among the ones read ({headers}): cards show each row's "
                    "id or email; name it with option 'mapping' name=COLUMN")
    if not match_titles:
        return result
    from ladder.model.titles import assign_roles, unmatched_titles
    from ladder.sources.ladder_set import load_any_ladder

    roles = load_any_ladder(ladder).roles
    result.org = assign_roles(result.org, roles)
    if ladder is not None:
        result.org.ladder = ladder
    if on_note:
        unmatched = unmatched_titles(result.org, roles)
        if unmatched:
            from ladder.errors import summarised
            from ladder.escape import clip

            shown = summarised([f"{clip(title, 60)} ({count})" for title, count in unmatched],
                               shown=8)
            more = ""
            count = len(unmatched)
            on_note(f"{count} job title{'' if count == 1 else 's'} not in the ladder, so "
                    f"{'its' if count == 1 else 'their'} people have no ladder level: "
                    f"{shown}{more}")
    return result


def load_org(source: str | Path, *, on_note: Note | None = None, match_titles: bool = True,
             **export_options: Any) -> Org:
    """An org from a company config or an HR export; a ladder is an error.

    ``match_titles=False`` leaves an export's job titles unmatched to ladder roles (a chart or
    a count needs no ladder levels).

    >>> load_org("product")
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: 'product' is a ladder, not an org chart (org charts come from \
a company config (people:) or an HR export)
    """
    kind = source_kind(str(source))
    if kind == LADDER:
        raise LadderError(f"'{source}' is a ladder, not an org chart",
                          hint="org charts come from a company config (people:) or an HR export")
    if kind == EXPORT:
        options = _export_kwargs(sort_options(export_options, kind="export").export)
        return import_export(source, on_note=on_note, match_titles=match_titles,
                             **options).org
    return load(source, on_note=on_note, **export_options)  # type: ignore[return-value]


def load_ladder(source: str | Path | Ladder | None = None, *,
                on_warning: Callable[[Problem], None] | None = None) -> Ladder:
    """A ladder (a built-in name, a ladder or ladder-set file, or a Ladder as it is);
    ``on_warning`` receives what is odd but not wrong, such as an alias that is another
    role's title.

    >>> load_ladder().id
    'product'
    """
    from ladder.model import Ladder

    if isinstance(source, Ladder):
        return source
    from ladder.sources.ladder_set import load_any_ladder

    return load_any_ladder(None if source is None else str(source), on_warning=on_warning)


def ladder_for(source: str | Path | Ladder | None = None, *, variant: str | None = None,
               headcount: int | None = None, head: str | None = None) -> Ladder:
    """A ladder as one company-size variant sees it (none given: the whole ladder).

    >>> [role.title for role in ladder_for(variant="startup")]
    ['Product Manager', 'Head of Product']
    """
    from ladder.model.variants import pick_variant, project

    ladder = load_ladder(source)
    if variant and headcount:
        raise LadderError("give option 'variant' or option 'headcount', not both")
    if headcount:
        variant = pick_variant(ladder, headcount).id
    if head and not variant:
        variant = next((v.id for v in ladder.variants.values() if v.head_choices), None)
    return project(ladder, variant, head=head) if variant else ladder


# --- drawing ------------------------------------------------------------------------------------


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
        took = "" if None in years_each else f", about {sum(years_each):g} years"
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


# --- checking -----------------------------------------------------------------------------------


def validate(source: str | Path | None = None, *, text: str | None = None,
             format: str | None = None, **export_options: Any) -> list[Problem]:
    """Every problem of a ladder, company config or HR export: errors, warnings and notes.

    Nothing is raised for a problem in the source itself: each comes back as a
    :class:`~ladder.errors.Problem` with its file and line. An HR export's problems are
    warnings (its chart is drawn anyway, every row accounted for).

    >>> [(p.severity, p.kind) for p in validate("examples/ladders/ft-engineering.yaml")]
    []
    >>> [p.kind for p in validate(text="people: [{id: a, name: Ada, manager: b}]")]
    ['unknown-manager']
    """
    name = None if source is None else str(source)
    kind = source_kind(name) if text is None else None
    if kind == COMPANY:
        from ladder.sources.company import check_company

        return check_company(name)[1]  # type: ignore[arg-type]
    try:
        if kind == EXPORT:
            return list(import_export(name, match_titles=False,  # type: ignore[arg-type]
                                      **export_options).problems)
        warnings: list[Problem] = []
        if text is not None:
            options = sort_options(export_options, kind="export").export
            thing = _load_text(text, format, name=name, on_note=None,
                               on_problem=warnings.append, export=options)
        else:
            thing = load_ladder(name, on_warning=warnings.append)
    except SourceError as error:
        if error.problems:
            return list(error.problems)
        return [Problem("error", "unreadable", error.message, file=error.file, line=error.line,
                        hint=error.hint)]
    from ladder.model import Ladder

    if not isinstance(thing, Ladder):
        return warnings
    return warnings + _ladder_problems(thing)


def _ladder_problems(ladder: Ladder) -> list[Problem]:
    """Problems only a projection shows: a variant whose roles do not join up."""
    from ladder.model.variants import project, variant_ids

    problems = []
    for variant_id in variant_ids(ladder):
        try:
            project(ladder, variant_id)
        except LadderError as error:
            problems.append(Problem("error", "variant", error.message, file=error.file,
                                    line=error.line, hint=error.hint))
    return problems


# --- questions ----------------------------------------------------------------------------------


def paths(start: str, goal: str, *, ladder: str | Path | Ladder | None = None,
          variant: str | None = None, headcount: int | None = None, head: str | None = None,
          via: Sequence[str] = (), avoid: Sequence[str] = (),
          on_note: Note | None = None) -> list[PromotionPath]:
    """Every promotion path from ``start`` to ``goal`` (roles by id, title or alias), quickest
    first; each has ``steps`` with the kind of move, typical years and competencies gained.

    >>> best = paths("Junior PM", "CPO")[0]
    >>> best.roles[0], best.roles[-1], best.years
    ('junior-product-manager', 'chief-product-officer', 12.0)
    """
    from ladder.analysis.paths import find_paths, no_path_error

    ends = endpoints(start, goal, ladder=ladder, variant=variant, headcount=headcount,
                     head=head, on_note=on_note)
    found = find_paths(ends.ladder, ends.start, ends.goal, via=via, avoid=avoid)
    if not found:
        raise no_path_error(ends.ladder, ends.start, ends.goal, avoid)
    return found


def gap(start: str, goal: str, *, ladder: str | Path | Ladder | None = None,
        variant: str | None = None, headcount: int | None = None, head: str | None = None,
        via: Sequence[str] = (), avoid: Sequence[str] = (),
        on_note: Note | None = None) -> Gap:
    """What it takes to get from ``start`` to ``goal``: the competencies to gain on the
    quickest path (or the quickest through ``via``), as :func:`paths` lists them; what the two
    share, and ``start``'s extras.

    >>> "sensitivity to customers and users" in gap("Director of Product", "CPO").needed
    True
    >>> gap("Senior PM", "CPO").needed == tuple(
    ...     g for step in paths("Senior PM", "CPO")[0].steps for g in step.gained)
    True
    """
    from ladder.analysis.paths import competency_gap

    ends = endpoints(start, goal, ladder=ladder, variant=variant, headcount=headcount,
                     head=head, on_note=on_note)
    return competency_gap(ends.ladder, ends.start, ends.goal, via=via, avoid=avoid)


def endpoints(start: str, goal: str, *, ladder: str | Path | Ladder | None = None,
              variant: str | None = None, headcount: int | None = None,
              head: str | None = None, on_note: Note | None = None) -> Endpoints:
    """The ladder a path question runs on (as its variant has it) and its two roles, found by
    the one title matcher; ``on_note`` hears how names were placed in the variant.

    >>> ends = endpoints("Senior PM", "CPO", variant="startup")
    >>> ends.start.id, ends.goal.id
    ('product-manager', 'chief-product-officer')
    """
    from ladder.analysis.paths import resolve_endpoints

    ends = resolve_endpoints(load_ladder(ladder), start, goal, variant=variant, head=head,
                             headcount=headcount)
    for remark in ends.notes:
        if on_note:
            on_note(remark)
    return ends


def next_roles(person: str, org: str | Path | Org, *,
               ladder: str | Path | Ladder | None = None, on_note: Note | None = None,
               **export_options: Any) -> NextMoves:
    """``person``'s role, the roles one move on, and who holds them or where they are open.

    ``org`` is an Org, a company config or an HR export (read with ``export_options``, its
    job titles matched to ``ladder``, by default the built-in product ladder).

    >>> [option.role.id for option in next_roles("liam", "examples/startup.yaml").options]
    ['head-of-product']
    """
    from ladder.analysis.org_moves import next_moves

    chart, roles = _org_ladder(org, ladder, person, on_note, export_options)
    return next_moves(chart, roles, chart_person(chart, person).id)


def succession(position: str, org: str | Path | Org, *,
               ladder: str | Path | Ladder | None = None, on_note: Note | None = None,
               **export_options: Any) -> Succession:
    """People one move below ``position``'s role, nearest to it in the org chart first
    (``org``, ``ladder`` and ``export_options`` as for :func:`next_roles`).

    >>> [c.person.id for c in succession("priya", "examples/startup.yaml").candidates][:2]
    ['liam', 'aiko']
    """
    from ladder.analysis.org_moves import succession as successors

    chart, roles = _org_ladder(org, ladder, position, on_note, export_options)
    return successors(chart, roles, chart_person(chart, position).id)


def chart_person(org: Org, name: str) -> Any:
    """A person or position of ``org`` by id, else by name, in any case."""
    from ladder.analysis.org_moves import find_person

    return find_person(org, name)


def _org_ladder(org: str | Path | Org, ladder: Any, who: str, on_note: Note | None,
                export_options: dict[str, Any]) -> tuple[Org, Ladder]:
    """The org, and the ladder its roles refer to as its variant sees it (the full ladder
    when the person's role is one the variant drops)."""
    from ladder.model import Org as OrgType
    from ladder.model.variants import project
    from ladder.sources.ladder_set import load_any_ladder

    export = not isinstance(org, OrgType) and source_kind(str(org)) == EXPORT
    if isinstance(org, OrgType):
        chart = org
    elif export and (ladder is None or isinstance(ladder, str | Path)):
        chart = load_org(org, on_note=on_note, ladder=None if ladder is None else str(ladder),
                         **export_options)
    elif export:  # a Ladder object: its roles are matched here
        from ladder.model.titles import assign_roles

        chart = assign_roles(load_org(org, on_note=on_note, match_titles=False,
                                      **export_options), ladder.roles)
    else:
        # a config names its own ladder; export options are a mistake, said as for render
        sort_options({**export_options, "ladder": ladder}, kind="org")
        chart = load_org(org, on_note=on_note)
    if ladder is not None:
        full = load_ladder(ladder)
    else:
        folder = Path(chart.source).parent if chart.source else None
        full = load_any_ladder(chart.ladder, relative_to=folder)
    projected = project(full, chart.variant) if chart.variant else full
    person = chart_person(chart, who)
    if person.role and person.role not in projected.roles and person.role in full.roles:
        if on_note:
            on_note(f"{person.role} is not in the {projected.variant} variant; "
                    "using the full ladder")
        return chart, full
    return chart, projected


def diff(old: str | Path | Org, new: str | Path | Org | None = None, *,
         snapshots: Sequence[str] = (), junior: Sequence[str | Path | None] = (),
         on_note: Note | None = None, **export_options: Any) -> OrgDiff:
    """What changed from ``old`` to ``new``: who joined, left, moved or changed, and spans.

    ``old`` and ``new`` are Orgs, company configs or HR exports; or give one file of several
    snapshots and two ``snapshots`` (old, then new). ``junior`` gives a UK organogram's
    junior-staff file per export, ``old``'s first; other ``export_options`` apply to both.

    >>> changes = diff("examples/startup.yaml", "examples/scale-up.yaml")
    >>> len(changes.joined) > 40, changes.counts()["left"] > 0
    (True, True)
    """
    from ladder.analysis.diff import diff_orgs
    from ladder.model import Org as OrgType

    sources, picked = _diff_sources(old, new, snapshots)
    if len(junior) > 2 or (len(junior) == 2 and new is None):
        raise LadderError("option 'junior': give one junior-staff file per export, old's first",
                          hint=f"{len(sources)} export(s), {len(junior)} junior files")
    juniors = [*junior, None, None][:2]
    if new is None:
        juniors[1] = juniors[0]
    orgs, labels = [], []
    for source, snapshot, junior_file in zip(sources, picked, juniors, strict=True):
        if isinstance(source, OrgType):
            orgs.append(source)
            labels.append(source.name)
            continue
        given = {**export_options, "junior": junior_file, "snapshot": snapshot}
        orgs.append(load_org(source, on_note=on_note, match_titles=False,
                             **{k: v for k, v in given.items() if v}))
        labels.append(snapshot or Path(source).name)
    changes = diff_orgs(orgs[0], orgs[1], old_label=labels[0], new_label=labels[1])
    changes.new_org = orgs[1]
    return changes


def _diff_sources(old: Any, new: Any, snapshots: Sequence[str]) -> tuple[list, list]:
    """The two sources and the snapshot of each (None: the file's only or latest one)."""
    if new is None:
        if len(snapshots) != 2:
            raise LadderError("one file needs two snapshots to compare (old, then new)",
                              file=str(old), hint="or give two files: old and new")
        if snapshots[0] == snapshots[1]:
            raise LadderError(f"snapshot {snapshots[0]} is given twice: nothing to compare",
                              file=str(old))
        return [old, old], list(snapshots)
    if len(snapshots) not in (0, 2):
        raise LadderError("with an old and a new file, give a snapshot for each or none",
                          hint="e.g. snapshots=('Mar-11', 'Sep-11')")
    return [old, new], list(snapshots) if snapshots else [None, None]


def assess(assessment: str | Path) -> Assessment:
    """Which role or title a self-assessment meets, and per area what the next one asks.

    ``assessment`` is a YAML file with ``person``, ``ladder`` and ``ratings`` (see the README).

    >>> result = assess("examples/frameworks/sam.yaml")
    >>> result.person, bool(result.title)
    ('Sam', True)
    """
    from ladder.analysis.assess import load_assessment

    return load_assessment(assessment)
