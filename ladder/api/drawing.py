"""Drawing and writing: a model or a source in, the text or bytes of a format out, or files
written."""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ladder.api.loading import Note, ladder_for, load, load_ladder, load_org, read_export
from ladder.choices import DIFF_VIEWS
from ladder.errors import LadderError, did_you_mean
from ladder.options import (
    OUTPUT_FORMATS,
    ExportOptions,
    Options,
    OptionsObject,
    as_keywords,
    name_options,
    sort_options,
)
from ladder.renderers.files import FORMATS, formats_for, output_format, write_bytes
from ladder.renderers.views import is_ladder
from ladder.sources.detect import COMPANY, EXPORT, LADDER, source_kind
from ladder.text import years_phrase

# Each kind of source imports its own modules when it is drawn: a command-line run that
# charts a CSV should not pay for the ladder and config machinery (it is timed against dot).
if TYPE_CHECKING:
    from ladder.analysis.assess import Assessment
    from ladder.analysis.diff import OrgDiff
    from ladder.api.graphviz_source import GraphvizSource
    from ladder.model import Ladder, Org
    from ladder.renderers.drawings import LadderDrawing, OrgDrawing


def draw(thing: Ladder | Org | str | Path | None, options: OptionsObject | None = None, *,
         format: str = "svg", on_note: Note | None = None, **keywords: Any) -> str | bytes:
    """``thing`` drawn in ``format``: text (``str``) for svg, dot and json, ``bytes`` for png
    and pdf. ``thing`` is a Ladder or Org, or a source :func:`load` takes.

    Options as for :func:`render`, apart from ``split`` (several files: use :func:`render`):
    an options object, keywords, or both (a keyword wins over the object's field).

    >>> import json
    >>> from ladder.options import LadderOptions
    >>> data = json.loads(draw("product", LadderOptions(variant="startup"), format="json"))
    >>> [role["title"] for role in data["roles"]]
    ['Product Manager', 'Head of Product']
    >>> draw("product", root="omar")
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: option 'root' applies to org charts, not to ladders
    """
    given = {**as_keywords(options), **keywords}
    thing = _loaded(thing, given, on_note)
    kind = _kind_of_model(thing)
    chosen = format.lower()
    if chosen not in OUTPUT_FORMATS:
        raise LadderError(f"cannot draw {chosen!r}",
                          hint=did_you_mean(chosen, OUTPUT_FORMATS) or
                          f"choose one of: {', '.join(formats_for(kind))}")
    sorted_options = sort_options(given, kind=kind)
    _check_look(sorted_options, chosen)
    if sorted_options.org.split:
        raise LadderError("option 'split' writes several files", hint="use render()")
    if is_ladder(thing):
        return _draw_ladder(_ladder_drawing(thing, sorted_options, on_note), chosen)
    drawer = FORMATS[chosen].drawer(kind)
    with _cyclic_gc_paused():
        return drawer(_org_drawing(thing, sorted_options, on_note), chosen)


_EXPORT_NAMES = {f.name for f in fields(ExportOptions)}  # how to read an HR export


def _loaded(thing: Ladder | Org | str | Path | None, given: dict[str, Any],
            on_note: Note | None) -> Ladder | Org:
    """``thing`` loaded if it is a source, taking from ``given`` the options that say how to
    read it (an HR export's); the rest are the drawing's."""
    if thing is None or isinstance(thing, str | Path):
        export = {k: given.pop(k) for k in list(given) if k in _EXPORT_NAMES}
        return load(thing, on_note=on_note, **export)
    return thing


def to_graphviz(thing: Ladder | Org | str | Path | None, options: OptionsObject | None = None,
                *, on_note: Note | None = None, **keywords: Any) -> GraphvizSource:
    """``thing`` as a ``graphviz.Source`` (of the ``graphviz`` package): a Jupyter notebook
    shows it inline, and it has ``.source``, ``.pipe()``, ``.render()``, ``.view()`` and
    ``.save()``. ``thing`` and the options are :func:`draw`'s.

    Its ``.source`` is :func:`draw`'s DOT. A ladder is laid out by ``dot``; an org chart (and
    a ladder's ``view="matrix"``) is DOT with every position pinned, drawn by ``neato -n2``
    (``.engine`` is ``"neato"``, ``.neato_no_op`` is ``2`` and every call gets it). It draws
    with ladder's own environment (the shipped font, the fixed locale and PDF date: see
    :mod:`ladder.api.graphviz_source`), so its PNG and PDF are :func:`draw`'s, byte for byte.
    Its SVG is Graphviz's: :func:`draw`'s SVG has the same texts, but adds the docs finish
    (theme, title, description) and, for an org chart, is written by ladder itself (links on
    the cards). It draws in svg, png, pdf and xdot; a chart beyond a PNG's size limits is not
    drawn smaller as :func:`draw` draws it. Options only a file can carry (``split``,
    ``paper``, ``landscape``, ``scale``, ``theme``, ``transparent``) are an error.

    >>> chart = to_graphviz("product", variant="startup")
    >>> chart.source == draw("product", variant="startup", format="dot"), chart.engine
    (True, 'dot')
    >>> "Head of Product" in chart._repr_mimebundle_()["image/svg+xml"]   # what Jupyter shows
    True
    >>> to_graphviz("examples/startup.yaml").engine
    'neato'
    >>> to_graphviz("examples/startup.yaml", split="department")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: option 'split' writes several files, which a graphviz.Source ...
    """
    given = {**as_keywords(options), **keywords}
    thing = _loaded(thing, given, on_note)
    kind = _kind_of_model(thing)
    sorted_options = sort_options(given, kind=kind)
    held = _held_by_files(sorted_options)
    if held:
        raise LadderError(f"option {held[0]!r} {_FILE_ONLY[held[0]]}, which a graphviz.Source "
                          "cannot hold",
                          hint="leave it out, or draw with ladder.draw() or write with "
                               "ladder.render(), which take it")
    try:
        from ladder.api.graphviz_source import GraphvizSource  # lazy: only this loads graphviz
    except ModuleNotFoundError as error:
        if error.name != "graphviz":
            raise
        raise LadderError("to_graphviz needs the graphviz Python package, not installed here",
                          hint="pip install graphviz") from None
    dot = draw(thing, format="dot", on_note=on_note, **given)
    assert isinstance(dot, str)  # DOT is text
    if kind == "ladder" and sorted_options.ladder.view != "matrix":
        return GraphvizSource(dot, engine="dot")
    return GraphvizSource(dot, engine="neato", neato_no_op=2)  # positions pinned


# what the options a graphviz.Source cannot hold do
_FILE_ONLY = {"split": "writes several files", "paper": "prints a PDF book",
              "landscape": "turns a PDF book's sheets", "scale": "sets a PNG's pixels",
              "theme": "colours ladder's own SVG and HTML",
              "transparent": "clears the background of ladder's own SVG and HTML"}


def _held_by_files(options: Options) -> list[str]:
    """The options of :data:`_FILE_ONLY` set away from their defaults."""
    ladder, org = options.ladder, options.org
    asked = {"split": org.split, "paper": org.paper or ladder.paper,
             "landscape": org.landscape or ladder.landscape, "scale": org.scale != 1.0,
             "theme": options.theme != "light", "transparent": options.transparent}
    return [name for name, value in asked.items() if value]


def org_chart_width(org: Org, options: OptionsObject | None = None, **keywords: Any) -> float:
    """The width in CSS px of ``org``'s SVG drawing with these options (as for :func:`draw`),
    from its layout alone: a docs page shows a chart wider than its column as the explorer,
    and writing the SVG only to measure it cost more than the explorer page itself.

    >>> org = load(text="people: [{id: ada, name: Ada}, {id: bo, name: Bo, manager: ada}]",
    ...            format="yaml")
    >>> svg = str(draw(org))
    >>> org_chart_width(org) == float(svg.split(' width="', 1)[1].split('"', 1)[0])
    True
    """
    if _kind_of_model(org) != "org":
        raise LadderError("org_chart_width measures org charts",
                          hint="a ladder's drawing is sized by Graphviz: draw it")
    from ladder.renderers.drawers import org_width  # lazy: --help loads no renderers.drawers

    return org_width(_org_drawing(org, sort_options({**as_keywords(options), **keywords},
                                                    kind="org")))


def render(source: Ladder | Org | str | Path | None, output: str | Path | None = None,
           options: OptionsObject | None = None, *, format: str | None = None,
           output_dir: str | Path = "output", on_note: Note | None = None,
           progress: Note | None = None, **keywords: Any) -> list[Path]:
    """Draw a ladder, company config or HR export into a file; returns the files written.

    ``source`` is a loaded Ladder or Org, or a source :func:`load` takes. ``output``'s suffix
    sets the format unless ``format`` does (a suffix naming another format is an error).
    Without ``output`` the file goes to ``output_dir``, named after the source.

    Options come as an object of :mod:`ladder.options` (``Options``, ``LadderOptions``,
    ``OrgOptions`` or ``ExportOptions``), as keywords, or both (a keyword wins over the
    object's field). For ladders: ``variant``, ``headcount``, ``head``, ``detail``, ``years``,
    ``highlight`` (``"FROM..TO"``: the quickest promotion path, the rest faded), ``via``,
    ``avoid``; for org charts: ``root``, ``depth``, ``align_levels``, ``mode``, ``columns``,
    ``split`` (``"department"`` or ``"depth:N"``: an overview plus pages, each cut until it
    fits a PNG or PDF page), ``scale`` (PNG pixels per chart pixel); for HR exports also
    ``preset``, ``junior``, ``mapping``, ``fix``, ``report`` and ``ladder``; ``title`` for
    any. ``on_note`` receives remarks (an export's row accounting, a page drawn smaller to
    fit, pages added so each fits); ``progress`` the steps of a long org-chart run.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = render("product", f"{folder}/ladder.dot", variant="startup")
    ...     "Head of Product" in written[0].read_text()
    True
    """
    if output is not None and not isinstance(output, str | Path):
        raise LadderError(f"output is a file name, not options ({type(output).__name__})",
                          hint="pass options as options=... or as keywords")
    output = None if output is None else Path(output)
    given = {**as_keywords(options), **keywords}
    if source is not None and not isinstance(source, str | Path):
        return _render_model(source, output, given, format=format, output_dir=output_dir,
                             on_note=on_note, progress=progress)
    name = None if source is None else str(source)
    kind = source_kind(name)
    drawn = {LADDER: "ladder", COMPANY: "org", EXPORT: "export"}[kind]
    sorted_options = sort_options(given, kind=drawn)
    if kind == LADDER:
        return _render_ladder(load_ladder(name), output, sorted_options, format=format,
                              output_dir=output_dir, on_note=on_note)
    assert name is not None  # no source is the built-in ladder, drawn above
    # the cycle collector is held back while the org is read, laid out and drawn (below)
    with _cyclic_gc_paused():
        if kind == EXPORT:
            match = sorted_options.org.align_levels or sorted_options.export.ladder is not None
            org = read_export(name, sorted_options.export, on_note=on_note,
                              match_titles=match).org
        else:
            org = load_org(name, on_note=on_note)
        written = _render_org(org, output, Path(output_dir) / Path(name).stem,
                              sorted_options, format=format, on_note=on_note,
                              progress=progress)
        # Freed by reference counting while the collector is still held back: alive when
        # it comes back, the people would all be walked by its first pass (0.9 s at 1M).
        del org
    return written


def _render_model(thing: Any, output: Path | None, given: dict[str, Any], *,
                  format: str | None, output_dir: str | Path, on_note: Note | None,
                  progress: Note | None) -> list[Path]:
    """:func:`render` of a Ladder or Org already loaded: how to read a file is no option."""
    kind = _kind_of_model(thing)
    reading = [name for name, value in given.items()
               if name in _EXPORT_NAMES and value not in (None, (), "")]
    if reading:
        raise LadderError(f"{name_options(reading)} "
                          f"{'says' if len(reading) == 1 else 'say'} how to read an HR export, "
                          f"but this {'org' if kind == 'org' else 'ladder'} is loaded already",
                          hint="pass them to ladder.load(), then render what it returns")
    sorted_options = sort_options(given, kind=kind)
    if kind == "ladder":
        return _render_ladder(thing, output, sorted_options, format=format,
                              output_dir=output_dir, on_note=on_note)
    from ladder.renderers.theme import id_part  # lazy: --help loads no hashlib

    # named as a source file is, else after the org (a loaded org has no file name to repeat)
    stem = Path(thing.source).stem if thing.source else (id_part(thing.name) or "org")
    with _cyclic_gc_paused():
        return _render_org(thing, output, Path(output_dir) / stem, sorted_options,
                           format=format, on_note=on_note, progress=progress)


def _kind_of_model(thing: Any) -> str:
    """``ladder`` or ``org`` for a loaded model; anything else is a clear error."""
    from ladder.model import Ladder  # lazy: --help loads no model
    from ladder.model.org import Org  # lazy: --help loads no model.org

    if isinstance(thing, Ladder):
        return "ladder"
    if isinstance(thing, Org):
        return "org"
    raise LadderError(f"cannot draw a value of type {type(thing).__name__}",
                      hint="give a Ladder or an Org (from ladder.load), a file path or the "
                      "name of a built-in ladder")


def _render_ladder(ladder: Ladder, output: Path | None, options: Options, *,
                   format: str | None, output_dir: str | Path,
                   on_note: Note | None) -> list[Path]:
    drawing = _ladder_drawing(ladder, options, on_note)
    chosen = output_format(output, format, allowed=formats_for("ladder"))
    _check_look(options, chosen)
    stem = drawing.ladder.id + (f"-{drawing.ladder.variant}" if drawing.ladder.variant else "")
    stem += "-matrix" if drawing.matrix is not None else ""
    path = output or Path(output_dir) / f"{stem}.{chosen}"
    return [write_bytes(path, _draw_ladder(drawing, chosen))]


def _render_org(org: Org, output: Path | None, stem: Path, options: Options, *,
                format: str | None, on_note: Note | None, progress: Note | None) -> list[Path]:
    """The org drawn into ``output``, else into ``stem`` with the format's suffix."""
    chosen = output_format(output, format, allowed=formats_for("org"))
    _check_look(options, chosen)
    path = output or stem.with_name(f"{stem.name}.{chosen}")
    from ladder.renderers.drawers import org_files  # lazy: --help loads no renderers.drawers

    return org_files(_org_drawing(org, options, on_note), path, chosen, progress)


def render_diff(changes: OrgDiff, output: str | Path | None = None,
                options: OptionsObject | None = None, *, format: str | None = None,
                view: str = "all", output_dir: str | Path = "output",
                on_note: Note | None = None, progress: Note | None = None,
                **keywords: Any) -> list[Path]:
    """The new org of :func:`diff` drawn with its changes on the cards (joined, moved,
    changed, and a card for each leaver under the manager they had), into ``output`` (svg,
    png, pdf, dot, json or html: the explorer, with a filter for the changes); the files
    written.

    It is drawn as :func:`render` draws an org chart and takes its options (``root``,
    ``depth``, ``split``, ``mode``, ``columns``, ``scale``, ``title``, ``theme``...);
    ``view="changes"`` keeps the changed cards and the chain of managers above each.

    >>> import tempfile
    >>> from ladder.api.questions import diff
    >>> changes = diff("examples/startup.yaml", "examples/scale-up.yaml")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = render_diff(changes, f"{folder}/changes.svg", view="changes")
    ...     "Joined: " in written[0].read_text()
    True
    """
    from ladder.renderers.drawers import org_files  # lazy: --help loads no renderers.drawers

    with _cyclic_gc_paused():
        drawing, chosen, path = _diff_drawing(changes, output, options, format=format,
                                              view=view, output_dir=output_dir,
                                              on_note=on_note, keywords=keywords)
        return org_files(drawing, path, chosen, progress)


def draw_diff(changes: OrgDiff, options: OptionsObject | None = None, *, format: str = "svg",
              view: str = "all", on_note: Note | None = None, **keywords: Any) -> str | bytes:
    """:func:`render_diff`'s drawing returned instead of written (``-o -``): text for svg,
    dot, json and html, bytes for png and pdf; one drawing, so no ``split``.

    >>> from ladder.api.questions import diff
    >>> "digraph org {" in draw_diff(diff("examples/startup.yaml", "examples/scale-up.yaml"),
    ...                               format="dot")
    True
    """
    with _cyclic_gc_paused():
        drawing, chosen, _path = _diff_drawing(changes, None, options, format=format, view=view,
                                               output_dir="output", on_note=on_note,
                                               keywords=keywords)
        if drawing.options.split:
            raise LadderError("option 'split' writes several files, not one drawing",
                              hint="give a file name to write to")
        return FORMATS[chosen].drawer("org")(drawing, chosen)


def _diff_drawing(changes: OrgDiff, output: str | Path | None,
                  options: OptionsObject | None, *, format: str | None, view: str,
                  output_dir: str | Path, on_note: Note | None,
                  keywords: dict[str, Any]) -> tuple[Any, str, Path]:
    """The drawing of a diff, its format and the file it goes to (named after the new org's
    source when ``output`` is None)."""
    from ladder.analysis.teams import team_counts  # lazy: --help loads no analysis.teams
    from ladder.renderers.diff_chart import (  # lazy: --help loads no renderers.diff_chart
        changes_only,
        diff_title,
        marked_org,
    )

    if changes.new_org is None:
        raise LadderError("this diff does not hold the new org to draw",
                          hint="draw what ladder.diff() returned")
    if view not in DIFF_VIEWS:
        raise LadderError(f"option 'view' cannot be {view!r} for a diff",
                          hint=did_you_mean(view, DIFF_VIEWS)
                          or f"choose one of: {', '.join(DIFF_VIEWS)}")
    given = {**as_keywords(options), **keywords}
    if given.get("title") is None:
        given["title"] = diff_title(changes, view)
    sorted_options = sort_options(given, kind="org")
    path = None if output is None else Path(output)
    chosen = output_format(path, format, allowed=DIFF_FORMATS)
    _check_look(sorted_options, chosen)
    if path is None:
        source = changes.new_org.source
        path = Path(output_dir) / f"diff-{Path(source).stem if source else 'org'}.{chosen}"
    drawing = _org_drawing(marked_org(changes), sorted_options, on_note)
    # badges count the new org as it is (a leaver's card counts in no team)
    drawing.counts = team_counts(changes.new_org)
    if view == "changes":
        drawing.org = changes_only(drawing.org)
        if not len(drawing.org) and on_note is not None:
            on_note(f"{path.name}: no card changed"
                    + (" in this part of the org" if sorted_options.org.root
                       or sorted_options.org.depth else "") + ": the chart is empty")
    return drawing, chosen, path


DIFF_FORMATS = ("svg", "png", "pdf", "dot", "json", "html")  # what a drawn diff is written as


def render_radar(assessment: Assessment, output: str | Path, *,
                 format: str | None = None) -> Path:
    """The radar of a self-assessment (:func:`assess`): its ratings against what the next role
    asks, per area, into ``output`` (svg, png, pdf or dot); the file written.

    >>> import tempfile
    >>> from ladder.api.questions import assess
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     render_radar(assess("examples/frameworks/sam.yaml"), f"{folder}/r.dot").suffix
    '.dot'
    """
    path = Path(output)
    return write_bytes(path, draw_radar(assessment, format=output_format(
        path, format, allowed=RADAR_FORMATS)))


def draw_radar(assessment: Assessment, *, format: str = "svg") -> bytes:
    """:func:`render_radar`'s drawing returned instead of written (``-o -``).

    >>> from ladder.api.questions import assess
    >>> draw_radar(assess("examples/frameworks/sam.yaml"))[:4]
    b'<svg'
    """
    from ladder.renderers.radar import radar_bytes  # lazy: --help loads no networkx

    return radar_bytes(assessment, output_format(None, format, allowed=RADAR_FORMATS))


def render_profile(role: str, output: str | Path, *,
                   ladder: str | Path | Ladder | None = None, format: str | None = None) -> Path:
    """The profile radar of ``role`` on a ladder whose areas have a named scale (each role
    naming one step per area): the step on each axis, against the role below; into ``output``
    (svg, png, pdf or dot); the file written."""
    path = Path(output)
    return write_bytes(path, draw_profile(role, ladder=ladder, format=output_format(
        path, format, allowed=RADAR_FORMATS)))


def draw_profile(role: str, *, ladder: str | Path | Ladder | None = None,
                 format: str = "svg") -> bytes:
    """:func:`render_profile`'s drawing returned instead of written (``-o -``)."""
    from ladder.analysis.paths import resolve_role  # lazy: --help loads no networkx
    from ladder.renderers.radar import profile_bytes  # lazy: --help loads no networkx

    found = load_ladder(ladder)
    chosen = output_format(None, format, allowed=RADAR_FORMATS)
    return profile_bytes(found, resolve_role(found, role), chosen)


RADAR_FORMATS = ("svg", "png", "pdf", "dot")


def inline_svg(svg: str) -> str:
    """A drawn SVG (from :func:`draw`) ready to put inside an HTML page: without its XML
    prolog.

    >>> inline_svg(draw("product", variant="startup")).startswith("<svg")
    True
    """
    from ladder.renderers.theme import inline_svg as inline  # lazy: --help loads no hashlib

    return inline(svg)


def html_iframe(page: str, *, title: str, height: str = "640px") -> str:
    """An HTML drawing (``format="html"``, the offline explorer) as an ``<iframe srcdoc>`` for
    a docs page: its script and styles stay apart from the site's.

    >>> html_iframe("<p>hi</p>", title="A & B").startswith('<iframe class="ladder-viewer"')
    True
    """
    from ladder.renderers.html_viewer import html_iframe as iframe  # lazy: --help loads no hashlib

    return iframe(page, title=title, height=height)


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
        from ladder.renderers.drawers import (
            ladder_matrix,  # lazy: --help loads no renderers.drawers
        )

        return ladder_matrix(drawing, chosen)
    return FORMATS[chosen].drawer("ladder")(drawing, chosen)


def _ladder_drawing(ladder: Ladder, options: Options, on_note: Note | None) -> LadderDrawing:
    """The ladder as its variant sees it, with the path of ``highlight`` found."""
    from ladder.model.variants import pick_variant  # lazy: --help loads no model.variants
    from ladder.renderers.drawings import LadderDrawing  # lazy: --help loads no renderers.drawings
    from ladder.renderers.ladder_dot import Highlight  # lazy: --help loads no renderers.ladder_dot

    wanted = options.ladder
    variant = wanted.variant
    if wanted.headcount:
        variant = pick_variant(ladder, wanted.headcount).id
    if wanted.view == "matrix":
        from ladder.renderers.matrix import matrix_options  # lazy: --help loads no networkx

        drawn = ladder_for(ladder, variant=variant, head=wanted.head)
        pair = (wanted.compare[0], wanted.compare[1]) if wanted.compare else None
        matrix = matrix_options(drawn, title=options.title, role=wanted.role,
                                level=wanted.level, compare=pair, examples=wanted.examples,
                                tracks=wanted.track, areas=wanted.area, paper=wanted.paper,
                                landscape=wanted.landscape)
        return LadderDrawing(drawn, options.title, matrix=matrix, theme=options.theme,
                             transparent=options.transparent)
    if not wanted.highlight:
        drawn = ladder_for(ladder, variant=variant, head=wanted.head)
        return LadderDrawing(drawn, options.title, wanted.detail, wanted.years,
                             theme=options.theme, transparent=options.transparent)
    from ladder.analysis.paths import plan_highlight  # lazy: --help loads no networkx

    plan = plan_highlight(ladder, wanted.highlight, variant=variant, head=wanted.head,
                          via=wanted.via, avoid=wanted.avoid)
    for remark in plan.notes:
        if on_note:
            on_note(remark)
    drawn = plan.ladder
    # Only the quickest path is drawn: the union of every path lights up most of a ladder.
    best = plan.marks.paths[0]
    steps = {move: [number] for number, move in enumerate(itertools.pairwise(best), start=1)}
    title = options.title
    if title is None:
        spans = [move.years_span for move in (drawn.move_between(*edge) for edge in steps)
                 if move is not None]
        known = [span for span in spans if span is not None]
        took = "" if len(known) < len(steps) else (
            f", about {years_phrase((sum(s[0] for s in known), sum(s[1] for s in known)))}")
        title = (f"{drawn.name}: {drawn.roles[best[0]].title} to "
                 f"{drawn.roles[best[-1]].title}{took}")
    if on_note and len(plan.marks.paths) > 1:
        on_note(f"drawing the quickest of {len(plan.marks.paths)} paths; "
                "'ladder paths' (ladder.paths in Python) lists them all")
    return LadderDrawing(drawn, title, wanted.detail, wanted.years,
                         Highlight(roles=frozenset(best), steps=steps),
                         theme=options.theme, transparent=options.transparent)


def _org_drawing(org: Org, options: Options, on_note: Note | None = None) -> OrgDrawing:
    """The part of the org to draw, with the team counts of the whole org."""
    from ladder.analysis.teams import team_counts  # lazy: --help loads no analysis.teams
    from ladder.renderers.drawings import OrgDrawing  # lazy: --help loads no renderers.drawings
    from ladder.renderers.org_cards import dotted_notes  # lazy: --help loads no renderers.org_cards
    from ladder.renderers.org_chart import cut  # lazy: --help loads no renderers.org_chart

    wanted = options.org
    counts = team_counts(org)  # on the whole org, so a cut chart still shows true totals
    notes = dotted_notes(org)  # ... and names dotted-line managers it leaves out
    drawn = cut(org, wanted.root, wanted.depth)
    levels = _levels(drawn) if wanted.align_levels else None
    return OrgDrawing(drawn, wanted, options.title, counts, notes, levels, on_note=on_note,
                      theme=options.theme, transparent=options.transparent)


def _levels(org: Org) -> dict[str, int]:
    """Each person's ladder level, for drawing rows by level."""
    from ladder.renderers.org_chart import (
        levels_of_people,  # lazy: --help loads no renderers.org_chart
    )
    from ladder.sources.company import company_ladder  # lazy: --help loads no yaml

    roles = company_ladder(org)
    return levels_of_people(org, {role.id: role.level for role in roles} if roles else None)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Hold back Python's cycle collector for the duration of the block.

    A big export makes millions of long-lived objects (rows, people, layout arrays, SVG
    parts) and no cycles, yet every full collection walks all of them: a 100,000-person
    chart spent about a third of its time in the collector. Reference counting still frees
    everything as usual; the collector runs again (if it was on) afterwards, so a caller
    drops its own references to the big objects inside the block (none of them has been
    through a collection, so the first one after it would walk them all).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
