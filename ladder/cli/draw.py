"""Drawing commands: render any source, check it, and render the whole gallery."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ladder import api
from ladder.cli.common import (
    FORMAT_CHOICE,
    echo,
    export_options,
    ladder_source_option,
    main,
    message_line,
    note,
    output_option,
    report_error,
    to_stdout,
    variant_options,
    write_output,
)
from ladder.errors import LadderError
from ladder.options import MODES, THEMES, VIEWS
from ladder.text import plural


@main.command()
@click.argument("source", required=False, metavar="[SOURCE]")
@output_option("File to write; its suffix sets the format (default: output/NAME.svg).")
@click.option("-f", "--format", "format_", type=FORMAT_CHOICE, default=None,
              help="Output format (default: from the -o suffix, else svg). json: a ladder's "
              "roles, moves and variants, or an org chart's layout.")
@click.option("--title", default=None, help="Title drawn at the top.")
@click.option("--theme", type=click.Choice(THEMES), default="light",
              show_default=True, help="SVG and HTML colours; auto follows the reader's setting "
              "and, inlined in a docs page, the site's light/dark switch.")
@click.option("--transparent", is_flag=True,
              help="SVG and HTML: no background, so the page's own shows through.")
@variant_options
@click.option("--detail", is_flag=True, help="Ladders: list each role's competencies.")
@click.option("--years/--no-years", default=True, show_default=True,
              help="Ladders: label moves with typical years.")
@click.option("--highlight", metavar="FROM..TO", default=None,
              help="Ladders: emphasise the quickest path from one role to another.")
@click.option("--via", multiple=True, metavar="ROLE", help="With --highlight: paths through ROLE.")
@click.option("--avoid", multiple=True, metavar="ROLE|TRACK",
              help="With --highlight: paths that avoid a role or a whole track.")
@click.option("--view", type=click.Choice(VIEWS), default="graph",
              show_default=True,
              help="Ladders: the graph of roles, or the matrix of levels (columns) by "
              "competency areas (rows).")
@click.option("--role", metavar="ROLE", default=None,
              help="With --view matrix: highlight this role's column.")
@click.option("--level", type=int, default=None, metavar="N",
              help="With --view matrix: highlight the columns of level N.")
@click.option("--compare", nargs=2, default=None, metavar="A B",
              help="With --view matrix: only what changes from role A to role B, per area.")
@click.option("--examples", is_flag=True,
              help="With --view matrix: the statements' examples and signals too.")
@click.option("--track", multiple=True, metavar="TRACK",
              help="With --view matrix: only this track's levels (an id or a name; repeat "
              "for more).")
@click.option("--area", multiple=True, metavar="AREA",
              help="With --view matrix: only this competency area's row (an id or a name; "
              "repeat for more).")
@click.option("--root", metavar="ID|NAME", default=None,
              help="Org charts: only this person's part (an id, or a name).")
@click.option("--depth", type=click.IntRange(min=1), default=None, metavar="N",
              help="Org charts: this many levels (1 = the top alone).")
@click.option("--align-levels", is_flag=True,
              help="Org charts: rows by ladder level instead of by reporting depth.")
@click.option("--mode", type=click.Choice(MODES),
              default="auto", show_default=True,
              help="Org charts: spread every report (tree), stack leaf reports in columns "
              "(compact), lists below a depth (stacked), or choose per subtree (auto).")
@click.option("--columns", type=click.IntRange(min=1), default=2, show_default=True, metavar="N",
              help="Org charts: columns of stacked leaf reports.")
@click.option("--split", metavar="department|depth:N", default=None,
              help="Org charts: an overview plus one file per department or per subtree; "
              "a page too big for one PNG or PDF page is cut further until each fits.")
@click.option("--scale", type=click.FloatRange(min=0, min_open=True), default=1.0,
              show_default=True, metavar="X",
              help="Org charts as PNG: pixels per chart pixel (0.5 draws a quarter of the "
              "pixels, about four times faster).")
@click.option("--paper", metavar="a4|a3|a5|letter|legal|tabloid", default=None,
              help="Org charts as PDF: a book of pages of this paper size, each team at a "
              "readable size, with page references, links and bookmarks. The matrix view as "
              "PDF: pages of levels across and areas down, headers and page numbers on each.")
@click.option("--landscape", is_flag=True, help="With --paper: the sheets turned.")
@export_options
@ladder_source_option
def render(source: str | None, output: Path | None, format_: str | None,
           **options: Any) -> None:
    """Draw SOURCE: a ladder, a company config or an HR export.

    SOURCE is a built-in ladder name or a ladder file (default: the built-in product
    ladder), a company config (YAML/TOML/JSON with people:), or an HR export
    (CSV/TSV/XLSX).
    """
    options["ladder"] = options.pop("ladder_source")
    options["compare"] = options["compare"] or ()
    if to_stdout(output):
        if options.get("split"):
            raise LadderError("--split writes several files, not standard output",
                              hint="give -o a file name")
        write_output(output, api.draw(source, format=format_ or "svg", on_note=note,
                                      **options))
        return
    for path in api.render(source, output, format=format_, on_note=note, progress=_progress(),
                           **options):
        click.echo(f"wrote {path}")


def _progress() -> Callable[[str], None] | None:
    """Steps of a long render on stderr, when a person is watching the terminal."""
    if not sys.stderr.isatty():
        return None
    start = time.perf_counter()

    def show(step: str) -> None:
        click.echo(f"ladder: {step} ({time.perf_counter() - start:.1f} s)", err=True)

    return show


@main.command()
@click.argument("source")
@export_options
def validate(source: str, **export_options: Any) -> None:  # Any: click's, typed by the options
    """Check a ladder, a company config or an HR export: print every problem with its line.

    Exits 1 when any problem is an error; warnings and notes do not fail. An HR export's
    problems are warnings: its chart is drawn anyway, every row accounted for.
    """
    problems = api.validate(source, **export_options)
    kind = api.source_kind(source)
    if export_options.get("report") and kind in (api.LADDER, api.COMPANY):
        _write_problems(problems, export_options["report"])  # an export's: written by import
    for problem in problems:
        click.echo(message_line(str(problem)), err=problem.severity != "info")
    if any(p.severity == "error" for p in problems):
        raise click.exceptions.Exit(1)
    if kind == api.LADDER:
        ladder = api.load_ladder(source)
        echo(f"{source}: ok: {plural(len(ladder), 'role')}, "
             f"{plural(len(ladder.moves), 'move')}, "
             f"{plural(len(api.variants(ladder)), 'variant')}")
    elif kind == api.COMPANY:
        org = api.load_org(source)
        echo(f"{source}: ok: {plural(len(org), 'position')}, "
                   f"{plural(org.headcount(), 'person')}")
    else:
        result = api.import_export(source, match_titles=False, **export_options)
        echo(f"{source}: {result.summary()}")


def _write_problems(problems: list, path: object) -> None:
    """``--report`` for a ladder or a company config: every problem, whole lists included."""
    import dataclasses
    import json

    data = {"problems": [{key: list(value) if key == "items" else value
                          for key, value in dataclasses.asdict(problem).items()
                          if value not in (None, ())} for problem in problems]}
    # atomic, never through a symbolic link or into a FIFO (a FIFO once blocked forever)
    api.write_file(Path(str(path)), json.dumps(data, indent=2, ensure_ascii=False) + "\n")


# --- the gallery ------------------------------------------------------------------------------

BIG_ORG = 200  # people: above this the demo also splits the chart into department pages


@main.command()
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True, help="Where to write the gallery.")
@click.option("--examples", "examples_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("examples"), show_default=True,
              help="Folder of example ladders, company configs and HR exports to render too.")
def demo(output_dir: Path, examples_dir: Path) -> None:
    """Render the built-in ladder in every variant, and every example, as SVG and PNG."""
    jobs: list[tuple[str, str | None, dict]] = []
    ladder = api.load_ladder()
    for variant in api.variants(ladder):
        jobs.append((f"{ladder.id}-{variant.id}", None, {"variant": variant.id}))
    jobs.append((f"{ladder.id}-detail", None, {"detail": True}))
    top = max(ladder, key=lambda role: role.level)
    jobs.append((f"{ladder.id}-path", None, {"highlight": f"{next(iter(ladder)).id}..{top.id}"}))
    # the matrix of levels by competency areas, whole and what changes at one promotion
    jobs.append((f"matrix/{ladder.id}-matrix", None, {"view": "matrix"}))
    jobs.append((f"matrix/{ladder.id}-senior-to-director", None,
                 {"view": "matrix", "compare": ("senior-pm", "director-of-product")}))
    if examples_dir.is_dir():
        for path in sorted(examples_dir.rglob("*")):
            found = api.input_format(path)  # ladders, configs and exports: what render draws
            if found and found.drawable and path.is_file() and not (
                    path.parent.name == "frameworks" and path.parent.parent == examples_dir):
                stem = path.relative_to(examples_dir).with_suffix("").as_posix()
                jobs.append((stem, str(path), {}))
                kind = api.source_kind(str(path))
                if kind == api.LADDER and api.load_ladder(path).areas:
                    jobs.append((f"matrix/{path.stem}-matrix", str(path), {"view": "matrix"}))
                if kind == api.COMPANY and len(api.load_org(path)) > BIG_ORG:
                    # a big org also gets its department pages, as a user would print them
                    jobs.append((f"pages/{stem}", str(path), {"split": "department"}))
    else:
        click.echo(f"no {examples_dir}/ folder here: rendering the built-in ladder only")
    failed = 0
    for stem, source, options in jobs:
        said: set[str] = set()

        def once(text: str, said: set[str] = said) -> None:
            """Each remark once: the PNG run repeats the SVG run's (an export's rows), but
            adds its own (a page drawn smaller to fit)."""
            if text not in said:
                said.add(text)
                note(text)

        for format_ in ("svg", "png"):
            try:
                written = api.render(source, output_dir / f"{stem}.{format_}", on_note=once,
                                     **options)
            except LadderError as error:
                report_error(error)
                failed += 1
                break
            for path in written:
                click.echo(f"wrote {path}")
    for assessment in sorted(examples_dir.glob("frameworks/*.yaml")):
        failed += _demo_radar(assessment, output_dir / "matrix" / f"{assessment.stem}-radar")
    if failed:
        raise click.ClickException(f"{failed} of {len(jobs)} diagrams failed (see above)")


def _demo_radar(assessment: Path, stem: Path) -> int:
    """A self-assessment's radar as SVG and PNG; 1 when it failed (said on stderr), else 0."""
    try:
        result = api.assess(assessment)
        for format_ in ("svg", "png"):
            written = api.render_radar(result, stem.with_suffix(f".{format_}"))
            click.echo(f"wrote {written}")
    except LadderError as error:
        report_error(error)
        return 1
    return 0

