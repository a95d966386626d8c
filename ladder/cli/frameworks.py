"""Career frameworks: the self-assessment against a ladder's areas."""

from __future__ import annotations

from pathlib import Path

import click

from ladder import api
from ladder.cli.common import echo, main, output_option, to_stdout, write_output


@main.command("assess")
@click.argument("assessment", type=click.Path(dir_okay=False, exists=True))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A readable answer, or JSON (title, per-area gaps).")
@output_option("Also draw a radar of the ratings against the next role: .svg, .png, .pdf, "
               ".dot (as SVG on standard output, the answer then on stderr).")
def assess_command(assessment: str, output_format: str, output: Path | None) -> None:
    """Which role or title a self-assessment meets, and per area what the next one asks.

    ASSESSMENT is a YAML file with person, ladder (a built-in name, a ladder file or a
    framework file, relative to it) and ratings (area id or name: level or milestone). A
    points framework gives the title its own point thresholds give.
    """
    result = api.assess(assessment)
    text = api.answer_text(result, "json" if output_format == "json" else "table")
    if to_stdout(output):  # standard output carries the radar alone
        echo(text, nl=False, json=output_format == "json", err=True)
        write_output(output, api.draw_radar(result).decode("utf-8"))
        return
    echo(text, nl=False, json=output_format == "json")
    if output is not None:
        click.echo(f"wrote {api.render_radar(result, output)}", err=True)
