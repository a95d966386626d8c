"""``ladder diff``: what changed between two versions of an org (two files, or two snapshots
of one file): joined, left, moved, changed, spans; as a table, JSON, CSV, or the new chart
with the changes on its cards (SVG, PNG, PDF, DOT, the HTML explorer)."""

from __future__ import annotations

from pathlib import Path

import click

from ladder import api
from ladder.choices import DIFF_VIEWS
from ladder.cli.common import echo, main, note, output_option, to_stdout, write_output
from ladder.errors import LadderError

DRAWN = ("svg", "png", "pdf", "dot", "html")
LISTED = ("table", "json", "csv")


@main.command("diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False), required=False)
@click.option("--snapshot", "snapshots", multiple=True, metavar="DATE",
              help="A snapshot of a file that holds several: give two with one FILE (old, "
              "then new), or one per file with OLD and NEW.")
@click.option("--format", "format_", type=click.Choice(LISTED + DRAWN, case_sensitive=False),
              default=None, help="table (default), json or csv; svg, png, pdf, dot or html draw "
              "the new chart with the changes marked (default: from the -o suffix).")
@output_option("File to write: .svg/.png/.pdf/.dot/.html draw the changes, .json/.csv list "
               "them.")
@click.option("--title", default=None, help="Title of the drawn chart.")
@click.option("--view", type=click.Choice(DIFF_VIEWS), default="all", show_default=True,
              help="Drawn: every card of the new org (all), or the changed cards and the chain "
              "of managers above each (changes).")
@click.option("--root", metavar="ID|NAME", default=None,
              help="Drawn: only this person's part of the new org (an id, or a name).")
@click.option("--depth", type=click.IntRange(min=1), default=None, metavar="N",
              help="Drawn: this many levels (1 = the top alone).")
@click.option("--split", metavar="department|depth:N", default=None,
              help="Drawn: an overview plus one file per department or per subtree, each "
              "page cut until it fits.")
@click.option("--preset", metavar="NAME", default=None,
              help="A known export format: uk-organogram (detected from the headers when "
              "left out).")
@click.option("--junior", multiple=True, type=click.Path(dir_okay=False),
              help="With uk-organogram: the junior-staff file; once per export, OLD's first.")
@click.option("--map", "mapping", metavar="FIELD=COLUMN,...", default=None,
              help="Which column holds what, in both exports.")
@click.option("--fix", metavar="case,space", multiple=True,
              help="Link managers that match only when case or spaces are ignored.")
def diff_command(old: str, new: str | None, snapshots: tuple[str, ...], format_: str | None,
                 output: Path | None, title: str | None, view: str, root: str | None,
                 depth: int | None, split: str | None, preset: str | None,
                 junior: tuple[str, ...], mapping: str | None, fix: tuple[str, ...]) -> None:
    """Compare two versions of an org: who joined, left, moved (old and new manager) or
    changed (title, grade, department, vacancy filled or opened), and whose span changed.

    OLD and NEW are company configs or HR exports; or give one FILE of several snapshots
    and two --snapshot values. People are matched by id, and where ids changed by a name
    unique on both sides (with a note).
    """
    found = api.diff(old, new, snapshots=snapshots, junior=junior, on_note=note,
                     preset=preset, mapping=mapping, fix=",".join(fix))
    labels = found.old, found.new
    sources = [old] if new is None else [old, new]
    chosen = _format(format_, None if to_stdout(output) else output)
    drawing = {"view": view, "root": root, "depth": depth, "split": split}
    summary = f"{labels[0]} -> {labels[1]}: {api.answer_text(found, 'summary').strip()}"
    if chosen in DRAWN:
        if to_stdout(output):
            data = api.draw_diff(found, format=chosen, title=title, on_note=note, view=view,
                                 root=root, depth=depth, split=split)
            note(summary)
            write_output(output, data)
            return
        path = output or Path("output") / f"diff-{Path(sources[-1]).stem}.{chosen}"
        written = api.render_diff(found, path, format=chosen, title=title, on_note=note,
                                  view=view, root=root, depth=depth, split=split)
        note(summary)
        for each in written:
            click.echo(f"wrote {each}")
        return
    asked = [f"--{name}" for name, value in drawing.items() if value not in (None, "all")]
    if asked:
        raise LadderError(f"{', '.join(asked)} {'is' if len(asked) == 1 else 'are'} for a "
                          f"drawn diff, not for --format {chosen}",
                          hint="write .svg, .png, .pdf or .html, or leave "
                          f"{'it' if len(asked) == 1 else 'them'} out")
    text = api.answer_text(found, chosen)
    if output is None:
        echo(text, nl=False, json=chosen == "json")
        return
    note(summary)
    write_output(output, text)


def _format(format_: str | None, output: Path | None) -> str:
    """The format asked for, else the one the -o suffix names, else a table; a suffix that
    says otherwise than --format is refused."""
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    if format_:
        chosen = format_.lower()
        if suffix and suffix != chosen and not (chosen == "table" and suffix == "txt"):
            raise LadderError(f"-o {output} is .{suffix} but --format is {chosen}",
                              hint="leave out --format, or name the file ." + chosen)
        return chosen
    if suffix in LISTED + DRAWN:
        return suffix
    if output is not None and suffix not in ("", "txt"):
        raise LadderError(f"cannot write '.{suffix}' files", file=str(output),
                          hint="use .svg, .png, .pdf, .dot, .html, .json, .csv or .txt")
    return "table"
