"""Org data: HR exports to configs, the config schema, org numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ladder import api
from ladder.cli.common import (
    echo,
    export_options,
    ladder_source_option,
    main,
    note,
    output_option,
    write_output,
)

# --- HR exports -------------------------------------------------------------------------------


@main.command("import")
@click.argument("export", type=click.Path())
@export_options
@ladder_source_option
@output_option("Company config or ladder file to write, with comment lines saying where it "
               "came from (default: print the config alone).")
@click.option("--from", "from_format", default=None,
              type=click.Choice(api.IMPORT_FORMATS),
              help="The shape when detection cannot tell: a career framework ("
              + ", ".join(api.IMPORT_FORMATS[:-1]) + ") or an HR export (hr).")
@click.option("--strict", is_flag=True,
              help="A framework statement the import cannot place on a role is an error.")
def import_command(export: str, preset: str | None, junior: str | None, mapping: str | None,
                   fix: tuple[str, ...], report: Path | None, snapshot: str | None,
                   sheet: str | None, ladder_source: str | None, output: Path | None,
                   from_format: str | None, strict: bool) -> None:
    """Turn an HR export (CSV, TSV, XLSX) into a company config, or a career framework (FT
    job family, Monzo Markdown, wide CSV/XLSX, snowflake JSON, a Markdown handbook, a file
    with a heading per role, a folder with a page per role, or a folder holding one of
    these files beside its licence and readme) into a ladder file, to edit and keep in git.

    Every row of an export ends up in the config or in the problem report; the summary line
    says how many.
    """
    # a config written to a file says where it came from; printed, it is the config alone
    text = api.import_file(export, format=from_format, ladder=ladder_source,
                           header=output is not None, strict=strict, on_note=note,
                           preset=preset, junior=junior, mapping=mapping, fix=",".join(fix),
                           snapshot=snapshot, sheet=sheet, report=report)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text)


# --- company configs: schema and numbers ------------------------------------------------------


@main.command("schema")
@click.argument("kind", type=click.Choice(["company", "ladder", "ladder-set", "assessment"]),
                default="company")
def schema_command(kind: str) -> None:
    """Print the JSON Schema of a company config (default), a ladder file, a ladder set or a
    self-assessment.

    Save it and point your editor at it, e.g. `ladder schema > company.schema.json` and the
    first line `# yaml-language-server: $schema=company.schema.json` in the YAML file.
    """
    import json

    click.echo(json.dumps(api.schema(kind), indent=2, ensure_ascii=False))


@main.command("stats")
@click.argument("config", type=click.Path(dir_okay=False, path_type=str))
@click.option("--narrow", type=click.IntRange(min=0), default=2, show_default=True, metavar="N",
              help="Flag managers with this many direct reports or fewer.")
@click.option("--wide", type=click.IntRange(min=1), default=10, show_default=True, metavar="N",
              help="Flag managers with more direct reports than this.")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]),
              default="table", show_default=True, help="A readable table, or JSON.")
@export_options
def stats_command(config: str, narrow: int, wide: int, output_format: str,
                  **export: Any) -> None:  # Any: click's, typed by the options
    """Headcount, open positions, layers and span of control of a company config or an HR
    export."""
    if wide <= narrow:
        raise click.BadParameter(f"must be more than --narrow ({narrow})",
                                 param_hint="'--wide'")
    export["fix"] = ",".join(export["fix"])
    stats = api.stats(config, narrow=narrow, wide=wide, on_note=note, **export)
    echo(api.answer_text(stats, output_format), nl=False, json=output_format == "json")
