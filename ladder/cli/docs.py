"""Commands for docs writers: the light and dark pictures for a README."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any

import click

from ladder import api
from ladder.cli.common import main, note, variant_options


@main.command("readme-snippet")
@click.argument("source", required=False, metavar="[SOURCE]")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("docs/img"), show_default=True,
              help="Where to write NAME-light.svg and NAME-dark.svg.")
@click.option("--name", default=None, help="File name stem (default: from the source).")
@click.option("--title", default=None, help="Title drawn at the top.")
@variant_options
@click.option("--detail", is_flag=True, help="Ladders: list each role's competencies.")
@click.option("--highlight", metavar="FROM..TO", default=None,
              help="Ladders: emphasise the quickest path from one role to another.")
@click.option("--root", metavar="ID|NAME", default=None,
              help="Org charts: only this person's part (an id, or a name).")
@click.option("--depth", type=click.IntRange(min=1), default=None, metavar="N",
              help="Org charts: this many levels (1 = the top alone).")
def readme_snippet(source: str | None, output_dir: Path, name: str | None,
                   **options: Any) -> None:
    """Write SOURCE as a light and a dark SVG and print the <picture> block for a README.

    GitHub shows the dark file to readers in dark mode and the light one otherwise; the alt
    text says what the diagram shows, for screen readers.
    """
    thing = api.load(source, on_note=note)
    drawn = {key: value for key, value in options.items() if value not in (None, False)}
    stem = name or (Path(source).stem if source else getattr(thing, "id", "ladder"))
    if not name and options.get("variant"):
        stem += f"-{options['variant']}"
    files = {}
    for theme in ("light", "dark"):
        svg = api.draw(thing, format="svg", theme=theme, on_note=note, **drawn)
        # the name stays inside --output-dir: '../x' or an absolute --name is refused
        files[theme] = api.write_file(f"{stem}-{theme}.svg", svg, folder=output_dir)
        path = files[theme]
        click.echo(f"wrote {path}", err=True)
    # the alt text is the drawing's own description: what this variant or part shows
    found = re.search(r"<desc[^>]*>(.*?)</desc>", str(svg), re.S)
    alt = html.escape(html.unescape(found.group(1)) if found else "", quote=True)

    def link(path: Path) -> str:  # a README links relative to where it is: the current folder
        return html.escape(Path(os.path.relpath(path)).as_posix(), quote=True)

    click.echo("<picture>\n"
               f'  <source media="(prefers-color-scheme: dark)" srcset="{link(files["dark"])}">\n'
               f'  <img alt="{alt}" src="{link(files["light"])}">\n'
               "</picture>")
