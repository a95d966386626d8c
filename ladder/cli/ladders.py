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
    """List a ladder's roles: level, track, other names, summary, and what each asks for
    (its competencies, or an imported framework's statements per area), each fact with its
    source when the ladder names one ([article], [practice])."""
    ladder = api.ladder_for(ladder_source, variant=variant, headcount=headcount, head=head)
    data = json.loads(api.draw(ladder, format="json"))  # the ladder's own JSON drawing
    if output_format == "json":
        echo(json.dumps(data["roles"], indent=2, ensure_ascii=False), json=True)
        return
    tracks = {track["id"]: track["name"] for track in data["tracks"]}
    # a fact's source is said when the ladder has several (the built-in: article, practice)
    sourced = len(data["sources"]) > 1

    def cited(source: str | None, *, markdown: bool = False) -> str:
        if not source or not sourced:
            return ""
        return f" ({_md(source)})" if markdown else f"  [{source}]"

    def asked(role: dict[str, Any]) -> list[tuple[str, str, str | None]]:
        """(area name, text, source) of what the role asks: its competencies (no area), else
        an imported framework's statements per area, each followed by its options."""
        if role["competencies"]:
            return [("", c["name"], c["source"]) for c in role["competencies"]]
        return [(area["name"], text, s["source"]) for area in role["expectations"]
                for s in area["statements"]
                for text in [s["text"], *(f"one of: {o}" for o in s.get("options", []))]]

    if output_format == "markdown":
        echo("| role | level | track | also called | summary | asks for |"
             + (" source |\n|---|---|---|---|---|---|---|" if sourced else
                "\n|---|---|---|---|---|---|"))
        for role in data["roles"]:
            names = ", ".join(_md(a) + cited(role["alias_sources"].get(a), markdown=True)
                              for a in role["aliases"])
            skills = "<br>".join((f"**{_md(area)}**: " if area else "") + _md(text)
                                 + cited(source, markdown=True)
                                 for area, text, source in asked(role))
            facts = ", ".join(f"{what}: {_md(role[key])}" for what, key in (
                ("role", "source"), ("level", "level_source"), ("summary", "summary_source"))
                if role[key])
            echo(f"| {_md(role['title'])} | {role['level']} | "
                 f"{_md(tracks.get(role['track'], role['track']))} | {names} | "
                 f"{_md(role['summary'])} | {skills} |" + (f" {facts} |" if sourced else ""))
        return
    for role in data["roles"]:
        echo(f"{role['title']}{cited(role['source'])} ({role['id']}): level {role['level']}"
             f"{cited(role['level_source'])}, {tracks.get(role['track'], role['track'])}")
        if role["summary"]:
            echo(f"  {role['summary']}{cited(role['summary_source'])}")
        if role["aliases"]:
            echo("  also called: " + ", ".join(a + cited(role["alias_sources"].get(a))
                                               for a in role["aliases"]))
        heading = ""
        for area, text, source in asked(role):
            if area and area != heading:
                heading = area
                echo(f"  {area}:")
            echo(f"  {'  ' if area else ''}- {text}{cited(source)}")
    if ladder.sources:
        echo("")
        for listed in ladder.sources.values():
            echo(f"[{listed.id}] {listed.title}")


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
