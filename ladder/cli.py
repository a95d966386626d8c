"""The ``ladder`` command: thin click commands over the Python API.

Only :class:`~ladder.errors.LadderError` is caught, printed as one line on stderr with exit
code 1; anything else is a bug and shows its traceback.
"""

from __future__ import annotations

from pathlib import Path

import click

from ladder import __version__, api
from ladder.errors import LadderError
from ladder.model.variants import find_variant, project, variant_ids
from ladder.sources.detect import LADDER, source_kind
from ladder.sources.ladders import load_ladder


class LadderGroup(click.Group):
    """Turns a LadderError from any command into one clear line and a non-zero exit."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except LadderError as error:
            report_error(error)
            ctx.exit(1)


def report_error(error: LadderError) -> None:
    click.echo(f"error: {error}", err=True)
    rest = [p for p in error.problems if p.message != error.message]
    for problem in rest:
        click.echo(f"  {problem}", err=True)


@click.group(cls=LadderGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ladder")
def main() -> None:
    """Career-ladder diagrams and org charts from plain files, drawn with Graphviz."""


def ladder_source_option(function):
    return click.option(
        "--ladder", "ladder_source", metavar="NAME|PATH", default=None,
        help="A built-in ladder name or a ladder file (default: the built-in product ladder).",
    )(function)



# --- career ladders ---------------------------------------------------------------------------

FORMAT_CHOICE = click.Choice(["svg", "png", "pdf", "dot"], case_sensitive=False)


def variant_options(function):
    """--variant, --headcount and --head: which company-size variant of the ladder to use."""
    function = click.option(
        "--head", metavar="ROLE", default=None,
        help="For a variant with a single product head: which role it is "
        "(e.g. chief-product-officer, 'Head of Product').",
    )(function)
    function = click.option(
        "--headcount", type=click.IntRange(min=1), default=None, metavar="N",
        help="Pick the variant that fits a company of N people (see 'ladder variants').",
    )(function)
    return click.option(
        "--variant", metavar="NAME", default=None,
        help="A company-size variant of the ladder (see 'ladder variants').",
    )(function)


@main.command()
@click.argument("source", required=False, metavar="[SOURCE]")
@variant_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write; its suffix sets the format (default: output/NAME.svg).")
@click.option("-f", "--format", "format_", type=FORMAT_CHOICE, default=None,
              help="Output format (default: from the -o suffix, else svg).")
@click.option("--title", default=None, help="Title drawn at the top.")
@click.option("--detail", is_flag=True, help="List each role's competencies in its card.")
@click.option("--years/--no-years", default=True, show_default=True,
              help="Label moves with typical years.")
def render(source: str | None, variant: str | None, headcount: int | None, head: str | None,
           output: Path | None, format_: str | None, title: str | None, detail: bool,
           years: bool) -> None:
    """Draw SOURCE: a ladder (built-in name or file; default: the product ladder)."""
    for path in api.render(source, output, format=format_, variant=variant,
                           headcount=headcount, head=head, title=title, detail=detail,
                           years=years):
        click.echo(f"wrote {path}")


@main.command()
@ladder_source_option
def variants(ladder_source: str | None) -> None:
    """List the company-size variants of a ladder: name, company size, what it is for."""
    ladder = load_ladder(ladder_source)
    rows = []
    for variant_id in variant_ids(ladder):
        spec = find_variant(ladder, variant_id)
        projected = project(ladder, variant_id)
        low, high = spec.headcount
        size = f"{low}+ people" if high is None else f"{low}-{high} people"
        titles = " -> ".join(r.title for r in sorted(projected, key=lambda r: r.level))
        rows.append((variant_id, size, f"{spec.summary}. Roles: {titles}"))
    width = max(len(r[0]) for r in rows)
    size_width = max(len(r[1]) for r in rows)
    for variant_id, size, text in rows:
        click.echo(f"{variant_id:<{width}}  {size:<{size_width}}  {text}")


@main.command()
@ladder_source_option
@variant_options
def roles(ladder_source: str | None, variant: str | None, headcount: int | None,
          head: str | None) -> None:
    """List a ladder's roles with their level, track, aliases and competencies."""
    ladder = api.ladder_for(ladder_source, variant=variant, headcount=headcount, head=head)
    for role in ladder:
        track = ladder.tracks[role.track].name
        click.echo(f"{role.title} ({role.id}): level {role.level}, {track}")
        if role.aliases:
            click.echo(f"  also called: {', '.join(role.aliases)}")
        for competency in role.competencies:
            source = f"  [{competency.source}]" if competency.source else ""
            click.echo(f"  - {competency.name}{source}")
    if ladder.sources:
        click.echo("")
        for source in ladder.sources.values():
            click.echo(f"[{source.id}] {source.title}")


@main.command()
@click.argument("source")
def validate(source: str) -> None:
    """Check a ladder file: print every problem with its line; exit 1 on any error."""
    kind = source_kind(source)
    if kind != LADDER:
        raise click.UsageError(f"'{source}' is a {kind} file: not wired yet")
    ladder = load_ladder(source)
    for variant_id in variant_ids(ladder):
        project(ladder, variant_id)
    click.echo(f"{source}: ok: {len(ladder)} roles, {len(ladder.moves)} moves, "
               f"{len(variant_ids(ladder))} variants")


# --- the gallery ------------------------------------------------------------------------------

DEMO_SUFFIXES = (".yaml", ".yml", ".toml", ".json", ".csv", ".tsv", ".xlsx")


@main.command()
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True, help="Where to write the gallery.")
@click.option("--examples", "examples_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("examples"), show_default=True,
              help="Folder of example ladders, company configs and HR exports to render too.")
def demo(output_dir: Path, examples_dir: Path) -> None:
    """Render the built-in ladder in every variant, and every example, as SVG and PNG."""
    jobs: list[tuple[str, str | None, dict]] = []
    ladder = load_ladder()
    for variant_id in variant_ids(ladder):
        jobs.append((f"{ladder.id}-{variant_id}", None, {"variant": variant_id}))
    jobs.append((f"{ladder.id}-detail", None, {"detail": True}))
    if examples_dir.is_dir():
        for path in sorted(examples_dir.rglob("*")):
            if path.suffix.lower() in DEMO_SUFFIXES and path.is_file():
                stem = path.relative_to(examples_dir).with_suffix("").as_posix()
                jobs.append((stem, str(path), {}))
    else:
        click.echo(f"no {examples_dir}/ folder here: rendering the built-in ladder only")
    failed = 0
    for stem, source, options in jobs:
        for format_ in ("svg", "png"):
            try:
                written = api.render(source, output_dir / f"{stem}.{format_}", **options)
            except LadderError as error:
                report_error(error)
                failed += 1
                break
            for path in written:
                click.echo(f"wrote {path}")
    if failed:
        raise click.ClickException(f"{failed} of {len(jobs)} diagrams failed (see above)")
