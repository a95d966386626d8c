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

