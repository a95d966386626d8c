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
@click.option("--target", metavar="ROLE", default=None,
              help="The role aimed for (id, title or alias): compare with it, not the next "
              "role up (over the file's 'target:').")
@output_option("Also draw a radar of the ratings against the role aimed for: .svg, .png, "
               ".pdf, .dot (as SVG on standard output, the answer then on stderr).")
def assess_command(assessment: str, output_format: str, target: str | None,
                   output: Path | None) -> None:
    """Which role or title a self-assessment meets, and per area what the role aimed for asks.

    ASSESSMENT is a YAML file with person, ladder (a built-in name, a ladder file or a
    framework file, relative to it), target (the role aimed for; default: the next one up),
    manager (who gave the manager's ratings) and ratings: area id or name: a level, a
    milestone, a role or a step of the area's scale, or {rating, manager, evidence}. A points
    framework gives the title its own point thresholds give. 'ladder schema assessment'
    prints the file's schema.
    """
    result = api.assess(assessment, target=target)
    text = api.answer_text(result, "json" if output_format == "json" else "table")
    if to_stdout(output):  # standard output carries the radar alone
        echo(text, nl=False, json=output_format == "json", err=True)
        write_output(output, api.draw_radar(result).decode("utf-8"))
        return
    echo(text, nl=False, json=output_format == "json")
    if output is not None:
        click.echo(f"wrote {api.render_radar(result, output)}", err=True)


@main.command("profile")
@click.argument("role")
@click.option("--ladder", "ladder_source", metavar="NAME|PATH", default=None,
              help="A built-in ladder name or a ladder file (import a framework first).")
@output_option("The radar to write: .svg, .png, .pdf or .dot.", required=True)
def profile_command(role: str, ladder_source: str | None, output: Path) -> None:
    """Draw ROLE's profile radar: on a ladder whose areas have a named scale (each area's
    'milestones', each role naming one step per area), the step the role names on each axis
    against the role below it, on the ladder's fixed rings.
    """
    if to_stdout(output):
        write_output(output, api.draw_profile(role, ladder=ladder_source).decode("utf-8"))
        return
    click.echo(f"wrote {api.render_profile(role, output, ladder=ladder_source)}", err=True)
