"""Org data: HR exports to configs, the config schema, org numbers."""

from __future__ import annotations

from pathlib import Path

import click

from ladder import api
from ladder.cli.common import (
    echo,
    export_options,
    ladder_source_option,
    main,
    note,
)
from ladder.errors import LadderError
from ladder.sources.frameworks import FORMATS as FRAMEWORK_FORMATS
from ladder.text import plural

# --- HR exports -------------------------------------------------------------------------------


@main.command("import")
@click.argument("export", type=click.Path())
@export_options
@ladder_source_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Company config or ladder file to write (default: print it).")
@click.option("--from", "from_format", default=None,
              type=click.Choice([*FRAMEWORK_FORMATS, "hr"]),
              help="The shape when detection cannot tell: a career framework ("
              + ", ".join(FRAMEWORK_FORMATS) + ") or an HR export (hr).")
@click.option("--strict", is_flag=True,
              help="A framework statement the import cannot place on a role is an error.")
def import_command(export: str, preset: str | None, junior: str | None, mapping: str | None,
                   fix: tuple[str, ...], report: Path | None, snapshot: str | None,
                   ladder_source: str | None, output: Path | None,
                   from_format: str | None, strict: bool) -> None:
    """Turn an HR export (CSV, TSV, XLSX) into a company config, or a career framework (FT
    job family, Monzo Markdown, wide CSV/XLSX, snowflake JSON, a Markdown handbook, a file
    with a heading per role, a folder with a page per role) into a ladder file, to edit and
    keep in git.

    Every row of an export ends up in the config or in the problem report; the summary line
    says how many.
    """
    from ladder.sources.formats import TABLE, family_of
    from ladder.sources.frameworks import import_framework, ladder_yaml
    from ladder.sources.frameworks.detect import framework_of

    framework = from_format if from_format != "hr" else None
    if from_format is None:
        framework = framework_of(Path(export))
        if framework is None and family_of(export) != TABLE:
            import_framework(export)  # says what was seen and which formats it reads
    if framework is not None:
        draft = import_framework(export, framework)
        found = draft.counts()
        note(f"read as {framework}: {plural(found.roles, 'role')} on "
             f"{plural(found.tracks, 'track')}, {plural(found.areas, 'area')}, "
             f"{plural(found.statements, 'statement')} ({plural(found.examples, 'example')}, "
             f"{plural(found.options, 'option')})")
        for text, line in draft.unplaced:
            note(f"{export}:{line or '?'}: not placed on a role: {text[:120]}")
        if strict and draft.unplaced:
            raise LadderError(f"{plural(len(draft.unplaced), 'statement')} could not be "
                              "placed on a role", hint="see the notes above; without --strict "
                              "they are listed and the import goes on")
        text = ladder_yaml(draft, Path(export).name)
        if output is None:
            click.echo(text, nl=False)
        else:
            from ladder.renderers.files import write_bytes

            write_bytes(output, text.encode("utf-8"))
            click.echo(f"wrote {output}")
        return
    from ladder.sources.hr import config_text, write_config

    result = api.import_export(export, preset=preset, junior=junior, mapping=mapping,
                               fix=",".join(fix), snapshot=snapshot,
                               ladder=ladder_source, report=report, on_note=note)
    if output is None:
        click.echo(config_text(result.org), nl=False)
    else:
        write_config(result, output)
        click.echo(f"wrote {output}")


# --- company configs: schema and numbers ------------------------------------------------------


@main.command("schema")
@click.argument("kind", type=click.Choice(["company", "ladder", "ladder-set"]),
                default="company")
def schema_command(kind: str) -> None:
    """Print the JSON Schema of a company config (default), a ladder file or a ladder set.

    Save it and point your editor at it, e.g. `ladder schema > company.schema.json` and the
    first line `# yaml-language-server: $schema=company.schema.json` in the YAML file.
    """
    import json

    from ladder.sources.schema import SCHEMAS

    click.echo(json.dumps(SCHEMAS[kind](), indent=2, ensure_ascii=False))


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
                  **export: object) -> None:
    """Headcount, open positions, layers and span of control of a company config or an HR
    export."""
    import json

    from ladder.analysis.spans import format_stats, org_stats

    if wide <= narrow:
        raise click.BadParameter(f"must be more than --narrow ({narrow})",
                                 param_hint="'--wide'")
    export["fix"] = ",".join(export["fix"])  # type: ignore[arg-type]
    org = api.load_org(config, on_note=note, match_titles=False, **export)
    stats = org_stats(org, narrow=narrow, wide=wide)
    if output_format == "json":
        echo(json.dumps(stats, indent=2, ensure_ascii=False), json=True)
    else:
        echo(format_stats(stats))
