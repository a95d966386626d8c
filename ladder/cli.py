"""The ``ladder`` command: thin click commands over the Python API.

Only :class:`~ladder.errors.LadderError` is caught, printed as one line on stderr with exit
code 1; anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import click

from ladder import __version__
from ladder.errors import LadderError


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



# -- company configs: `ladder schema`, `ladder stats` (issue 3) --------------------------------
# Self-contained on purpose: the lead merges render/validate/demo above in parallel.


@main.command("schema")
@click.argument("kind", type=click.Choice(["company", "ladder"]), default="company")
def schema_command(kind: str) -> None:
    """Print the JSON Schema of a company config (default) or of a ladder file.

    Save it and point your editor at it, e.g. `ladder schema > company.schema.json` and the
    first line `# yaml-language-server: $schema=company.schema.json` in the YAML file.
    """
    import json

    from ladder.sources.schema import SCHEMAS

    click.echo(json.dumps(SCHEMAS[kind](), indent=2, ensure_ascii=False))


@main.command("stats")
@click.argument("config", type=click.Path(dir_okay=False, path_type=str))
@click.option("--narrow", type=click.IntRange(min=0), default=2, show_default=True,
              help="Flag managers with this many direct reports or fewer.")
@click.option("--wide", type=click.IntRange(min=1), default=10, show_default=True,
              help="Flag managers with more direct reports than this.")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True, help="A readable table, or JSON.")
def stats_command(config: str, narrow: int, wide: int, output_format: str) -> None:
    """Headcount, open positions, layers and span of control of a company CONFIG."""
    import json

    from ladder.analysis.spans import format_stats, org_stats
    from ladder.sources.company import load_company

    if wide <= narrow:
        raise click.BadParameter(f"must be more than --narrow ({narrow})",
                                 param_hint="'--wide'")
    stats = org_stats(load_company(config), narrow=narrow, wide=wide)
    if output_format == "json":
        click.echo(json.dumps(stats, indent=2, ensure_ascii=False))
    else:
        click.echo(format_stats(stats))
