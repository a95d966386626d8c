"""The group every command hangs on, its error handling, and the options and printing that
several commands share."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TypeGuard

import click

from ladder import __version__, api
from ladder.errors import LadderError
from ladder.options import OUTPUT_FORMATS, as_flags

# Each command's module, imported only when that command runs (or --help lists them all): a
# run of one command does not pay for the others' imports (``ladder render`` is timed whole).
COMMANDS = {
    "render": "draw", "validate": "draw", "demo": "draw",
    "variants": "ladders", "roles": "ladders", "show": "ladders",
    "import": "orgs", "schema": "orgs", "stats": "orgs",
    "paths": "paths", "gap": "paths", "next": "paths", "succession": "paths",
    "diff": "diff", "assess": "frameworks", "profile": "frameworks", "readme-snippet": "docs",
}


class LadderGroup(click.Group):
    """Turns a LadderError from any command into one clear line and a non-zero exit; loads
    each command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            import importlib

            importlib.import_module(f"ladder.cli.{COMMANDS[cmd_name]}")  # registers itself
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: click.Context,
                        args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as error:  # "did you mean" among all commands, not the loaded
            name = getattr(error, "command_name", None)  # click 8.2 on: a NoSuchCommand
            if name is None:
                raise
            raise click.exceptions.NoSuchCommand(name, possibilities=sorted(COMMANDS),
                                                 ctx=ctx) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # click cuts each summary to the room left on an 80-column line; ours say more
        rows = [(name, command.get_short_help_str(limit=300))
                for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except LadderError as error:
            report_error(error)
            ctx.exit(1)


def report_error(error: LadderError) -> None:
    """The error as one line, then any further problems it carries; options named as flags."""
    click.echo(message_line(f"error: {error}"), err=True)
    first = (error.message, error.line)
    for problem in error.problems:
        if (problem.message, problem.line) != first:
            click.echo(message_line(str(problem)), err=True)


def echo(text: str = "", *, nl: bool = True, json: bool = False, err: bool = False) -> None:
    """Print a command's answer on stdout (``err``: stderr) with names' control characters
    shown, not obeyed (``json``: as JSON escapes, so the output stays the same JSON)."""
    from ladder.escape import terminal_json, terminal_text  # lazy: --help loads no escape

    click.echo(terminal_json(text) if json else terminal_text(text), nl=nl, err=err)


def message_line(text: str) -> str:
    """A message as the terminal shows it: options named as flags, control characters from
    names and titles written out instead of obeyed."""
    from ladder.escape import terminal_text  # lazy: --help loads no escape

    text = terminal_text(as_flags(text))
    if len(text) > MESSAGE_MAX:  # a name of thousands of characters inside a message
        text = text[: MESSAGE_MAX - 40] + f"... ({len(text) - MESSAGE_MAX + 40:,} characters cut)"
    return text


MESSAGE_MAX = 1000  # characters of one message line on the terminal


@click.group(cls=LadderGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ladder")
def main() -> None:
    """Career-ladder diagrams and org charts from plain files, drawn with Graphviz."""


def ladder_source_option(function):
    return click.option(
        "--ladder", "ladder_source", metavar="NAME|PATH", default=None,
        help="A built-in ladder name or a ladder file (default: the built-in product ladder).",
    )(function)



# --- shared options ---------------------------------------------------------------------------


def export_options(function):
    """--preset, --junior, --map, --fix, --report, --snapshot, --sheet: how to read an HR
    export."""
    options = [
        click.option("--report", type=click.Path(dir_okay=False, path_type=Path), default=None,
                     help="Write the row accounting and every problem as JSON to this file."),
        click.option("--fix", metavar="case,space", multiple=True,
                     help="Link managers that match only when case or spaces are ignored "
                     "(--fix case,space or --fix case --fix space)."),
        click.option("--map", "mapping", metavar="FIELD=COLUMN,...", default=None,
                     callback=_check_mapping,
                     help="Which column holds what, e.g. id=Emp No,manager=Boss,name=Full name."),
        click.option("--junior", type=click.Path(dir_okay=False), default=None,
                     help="With --preset uk-organogram: the junior-staff file."),
        click.option("--preset", metavar="NAME", default=None,
                     help="A known export format: uk-organogram (detected from the headers "
                     "when left out)."),
        click.option("--snapshot", metavar="DATE", default=None,
                     help="A file holding several snapshots (a column of a few dates): the "
                     "one to read, as any spelling of its date (2015-03, 'March 2015', "
                     "31/03/2015...; default: the latest)."),
        click.option("--sheet", metavar="NAME|N", default=None,
                     help="A workbook (.xlsx) of several sheets: the one to read, by name or "
                     "number from 1 (default: the first with data, said in a note)."),
    ]
    for option in options:
        function = option(function)
    return function


def _check_mapping(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value:
        try:
            api.parse_mapping(value)
        except LadderError as error:
            hint = f" ({error.hint})" if error.hint else ""
            raise click.BadParameter(error.message.removeprefix("--map: ") + hint) from None
    return value





STDOUT = "-"  # '-o -': standard output, for every command that takes -o


def output_option(help: str, *, required: bool = False):
    """``-o/--output FILE``, where ``-`` means standard output: one option for every command
    that writes a file (diff, assess, profile, import, render)."""
    return click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True,
                                                          path_type=Path),
                        default=None, required=required, metavar="FILE|-",
                        help=f"{help} '-' writes to standard output.")


def to_stdout(output: Path | str | None) -> TypeGuard[Path | str]:
    """Whether ``-o`` asked for standard output."""
    return output is not None and str(output) == STDOUT


def write_output(output: Path | str, data: str | bytes) -> None:
    """``data`` written to the file ``output`` (atomic, never through a link: the one way to
    write a file) and 'wrote FILE' said; or, for ``-o -``, to standard output as it is.
    Bytes (PNG, PDF, PPTX, XLSX) to a terminal are refused: they would fill it with noise and
    could work its escape codes."""
    if not to_stdout(output):
        click.echo(f"wrote {api.write_file(output, data)}")
        return
    terminal = sys.stdout.isatty()
    if isinstance(data, bytes):
        if terminal:
            raise LadderError("-o - would write a binary file to the terminal",
                              hint="redirect it (-o - > chart.png), pipe it, or give -o a "
                              "file name")
        click.echo(data, nl=False)  # bytes go to the binary stream as they are
        return
    if terminal:  # a person reads it: names' control characters shown, not obeyed
        echo(data, nl=False)
        return
    click.echo(data, nl=False)  # a pipe or a file gets the bytes a file would hold


def note(text: str) -> None:
    """A remark on stderr; problems passed on as notes keep their own severity word."""
    shown = text if text.startswith(("warning: ", "info: ")) else f"note: {text}"
    click.echo(message_line(shown), err=True)



# the one table of formats decides what --format offers
FORMAT_CHOICE = click.Choice(OUTPUT_FORMATS, case_sensitive=False)


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



