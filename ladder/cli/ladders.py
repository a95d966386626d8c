"""Questions about a ladder: its variants and its roles, and a built-in ladder as a file."""

from __future__ import annotations

import json
from typing import Any

import click

from ladder import api
from ladder.cli.common import (
    echo,
    ladder_source_option,
    main,
    variant_options,
)
from ladder.text import text_table

LIST_FORMATS = click.Choice(api.ANSWER_FORMATS)


def _format_option(function):
    return click.option("--format", "output_format", type=LIST_FORMATS, default="table",
                        show_default=True, help="A readable table, JSON, or Markdown.")(function)


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    from ladder.escape import markdown_cell  # lazy: --help loads no escape

    return markdown_cell(text)


@main.command()
@ladder_source_option
@_format_option
def variants(ladder_source: str | None, output_format: str) -> None:
    """List the company-size variants of a ladder: name, company size, what it is for."""
    ladder = api.load_ladder(ladder_source)
    rows: list[dict[str, Any]] = []  # JSON rows: text, numbers and lists
    for spec in api.variants(ladder):
        projected = api.ladder_for(ladder, variant=spec.id)
        low, high = spec.headcount
        rows.append({
            "id": spec.id, "name": spec.name, "summary": spec.summary,
            "headcount": {"min": low, "max": high},
            "size": f"{low}+ people" if high is None else f"{low}-{high} people",
            "roles": [r.title for r in sorted(projected, key=lambda r: r.level)],
        })
    if output_format == "json":
        echo(json.dumps(rows, indent=2, ensure_ascii=False), json=True)
    elif output_format == "markdown":
        echo("| variant | company size | roles | for |\n|---|---|---|---|")
        for row in rows:
            echo(f"| `{row['id']}` | {row['size']} | "
                       f"{_md(' → '.join(row['roles']))} | {_md(row['summary'])} |")
    else:
        for line in text_table(None, [(row["id"], row["size"], f"{row['summary']}. Roles: "
                                       f"{' -> '.join(row['roles'])}") for row in rows]):
            echo(line)


@main.command()
@ladder_source_option
@variant_options
@_format_option
def roles(ladder_source: str | None, variant: str | None, headcount: int | None,
          head: str | None, output_format: str) -> None:
    """List a ladder's roles with their level, track, aliases and competencies."""
    ladder = api.ladder_for(ladder_source, variant=variant, headcount=headcount, head=head)
    if output_format == "json":  # the roles of the ladder's own JSON drawing
        roles = json.loads(api.draw(ladder, format="json"))["roles"]
        echo(json.dumps(roles, indent=2, ensure_ascii=False), json=True)
        return
    if output_format == "markdown":
        echo("| role | level | track | also called | competencies |\n|---|---|---|---|---|")
        for role in ladder:
            track = ladder.tracks[role.track].name if role.track in ladder.tracks else role.track
            skills = "<br>".join(_md(c.name) for c in role.competencies)
            echo(f"| {_md(role.title)} | {role.level} | {_md(track)} | "
                       f"{_md(', '.join(role.aliases))} | {skills} |")
        return
    for role in ladder:
        track = ladder.tracks[role.track].name if role.track in ladder.tracks else role.track
        echo(f"{role.title} ({role.id}): level {role.level}, {track}")
        if role.aliases:
            echo(f"  also called: {', '.join(role.aliases)}")
        for competency in role.competencies:
            cited = f"  [{competency.source}]" if competency.source else ""
            echo(f"  - {competency.name}{cited}")
    if ladder.sources:
        echo("")
        for source in ladder.sources.values():
            echo(f"[{source.id}] {source.title}")


@main.command()
@click.argument("name", default="product", metavar="[NAME]")
@click.option("--format", "output_format", type=click.Choice(["yaml", "json"]), default="yaml",
              show_default=True, help="The ladder file as shipped (YAML), or as JSON.")
def show(name: str, output_format: str) -> None:
    """Print a built-in ladder (default: product) as a file to copy and make your own.

    ladder show product > my-ladder.yaml, then edit it and draw it with
    ladder render my-ladder.yaml.
    """
    if output_format == "json":
        click.echo(api.draw(api.load_ladder(name), format="json"), nl=False)
        return
    click.echo(api.builtin_source(name), nl=False)
