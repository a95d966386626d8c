"""Career frameworks: the self-assessment against a ladder's areas."""

from __future__ import annotations

from pathlib import Path

import click

from ladder import api
from ladder.cli.common import echo, main


@main.command("assess")
@click.argument("assessment", type=click.Path(dir_okay=False, exists=True))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A readable answer, or JSON (title, per-area gaps).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also draw a radar of the ratings against the next role: .svg, .png, .pdf.")
def assess_command(assessment: str, output_format: str, output: Path | None) -> None:
    """Which role or title a self-assessment meets, and per area what the next one asks.

    ASSESSMENT is a YAML file with person, ladder (a built-in name, a ladder file or a
    framework file, relative to it) and ratings (area id or name: level or milestone). A
    points framework gives the title its own point thresholds give.
    """
    result = api.assess(assessment)
    text = api.answer_text(result, "json" if output_format == "json" else "table")
    echo(text, nl=False, json=output_format == "json")
    if output is not None:
        api.render_radar(result, output)
        click.echo(f"wrote {output}", err=True)
