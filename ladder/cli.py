"""The ``ladder`` command: thin click commands over the Python API.

Only :class:`~ladder.errors.LadderError` is caught, printed as one line on stderr with exit
code 1; anything else is a bug and shows its traceback.
"""

from __future__ import annotations

from pathlib import Path

import click

from ladder import __version__, api
from ladder.errors import LadderError
from ladder.sources.detect import COMPANY, LADDER, source_kind


class LadderGroup(click.Group):
    """Turns a LadderError from any command into one clear line and a non-zero exit."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # click cuts each summary to the room left on an 80-column line; ours say more
        rows = [(name, command.get_short_help_str(limit=100))
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
    click.echo(f"error: {error}", err=True)
    first = (error.message, error.line)
    for problem in error.problems:
        if (problem.message, problem.line) != first:
            click.echo(str(problem), err=True)


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
    """--preset, --junior, --map, --fix, --report: how to read an HR export."""
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
    ]
    for option in options:
        function = option(function)
    return function


def _check_mapping(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value:
        from ladder.sources.hr import parse_mapping

        try:
            parse_mapping(value)
        except LadderError as error:
            hint = f" ({error.hint})" if error.hint else ""
            raise click.BadParameter(error.message.removeprefix("--map: ") + hint) from None
    return value


def plural(count: int, word: str) -> str:
    """The count and the word, plural unless the count is one.

    >>> plural(1, "move"), plural(3, "move")
    ('1 move', '3 moves')
    """
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def note(text: str) -> None:
    """A remark on stderr; problems passed on as notes keep their own severity word."""
    shown = text if text.startswith(("warning: ", "info: ")) else f"note: {text}"
    click.echo(shown, err=True)


# --- career ladders ---------------------------------------------------------------------------

FORMAT_CHOICE = click.Choice(["svg", "png", "pdf", "dot", "json"], case_sensitive=False)


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


@main.command()
@click.argument("source", required=False, metavar="[SOURCE]")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write; its suffix sets the format (default: output/NAME.svg).")
@click.option("-f", "--format", "format_", type=FORMAT_CHOICE, default=None,
              help="Output format (default: from the -o suffix, else svg). json: an org "
              "chart's layout.")
@click.option("--title", default=None, help="Title drawn at the top.")
@variant_options
@click.option("--detail", is_flag=True, help="Ladders: list each role's competencies.")
@click.option("--years/--no-years", default=True, show_default=True,
              help="Ladders: label moves with typical years.")
@click.option("--highlight", metavar="FROM..TO", default=None,
              help="Ladders: emphasise the quickest path from one role to another.")
@click.option("--via", multiple=True, metavar="ROLE", help="With --highlight: paths through ROLE.")
@click.option("--avoid", multiple=True, metavar="ROLE|TRACK",
              help="With --highlight: paths that avoid a role or a whole track.")
@click.option("--root", metavar="ID", default=None, help="Org charts: only this person's part.")
@click.option("--depth", type=click.IntRange(min=1), default=None, metavar="N",
              help="Org charts: this many levels (1 = the top alone).")
@click.option("--align-levels", is_flag=True,
              help="Org charts: rows by ladder level instead of by reporting depth.")
@click.option("--mode", type=click.Choice(["auto", "tree", "compact", "stacked"]),
              default="auto", show_default=True,
              help="Org charts: spread every report (tree), stack leaf reports in columns "
              "(compact), lists below a depth (stacked), or choose per subtree (auto).")
@click.option("--columns", type=click.IntRange(min=1), default=2, show_default=True, metavar="N",
              help="Org charts: columns of stacked leaf reports.")
@click.option("--split", metavar="department|depth:N", default=None,
              help="Org charts: an overview plus one file per department or per subtree.")
@export_options
@ladder_source_option
def render(source: str | None, output: Path | None, format_: str | None, title: str | None,
           **options: object) -> None:
    """Draw SOURCE: a ladder, a company config or an HR export.

    SOURCE is a built-in ladder name or a ladder file (default: the built-in product
    ladder), a company config (YAML/TOML/JSON with people:), or an HR export
    (CSV/TSV/XLSX).
    """
    options["ladder"] = options.pop("ladder_source")
    options["fix"] = ",".join(options["fix"])  # type: ignore[arg-type]
    for path in api.render(source, output, format=format_, title=title, on_note=note,
                           **options):  # type: ignore[arg-type]
        click.echo(f"wrote {path}")


@main.command()
@ladder_source_option
def variants(ladder_source: str | None) -> None:
    """List the company-size variants of a ladder: name, company size, what it is for."""
    from ladder.model.variants import find_variant, project, variant_ids
    from ladder.sources.ladder_set import load_any_ladder

    ladder = load_any_ladder(ladder_source)
    rows = []
    for variant_id in variant_ids(ladder):
        spec = find_variant(ladder, variant_id)
        projected = project(ladder, variant_id)
        low, high = spec.headcount
        size = f"{low}+ people" if high is None else f"{low}-{high} people"
        titles = " -> ".join(r.title for r in sorted(projected, key=lambda r: r.level))
        rows.append((variant_id, size, f"{spec.summary}. Roles: {titles}"))
    width = max(len(r[0]) for r in rows)
    size_width = max(len(r[1]) for r in rows)
    for variant_id, size, text in rows:
        click.echo(f"{variant_id:<{width}}  {size:<{size_width}}  {text}")


@main.command()
@ladder_source_option
@variant_options
def roles(ladder_source: str | None, variant: str | None, headcount: int | None,
          head: str | None) -> None:
    """List a ladder's roles with their level, track, aliases and competencies."""
    ladder = api.ladder_for(ladder_source, variant=variant, headcount=headcount, head=head)
    for role in ladder:
        track = ladder.tracks[role.track].name
        click.echo(f"{role.title} ({role.id}): level {role.level}, {track}")
        if role.aliases:
            click.echo(f"  also called: {', '.join(role.aliases)}")
        for competency in role.competencies:
            source = f"  [{competency.source}]" if competency.source else ""
            click.echo(f"  - {competency.name}{source}")
    if ladder.sources:
        click.echo("")
        for source in ladder.sources.values():
            click.echo(f"[{source.id}] {source.title}")


@main.command()
@click.argument("source")
def validate(source: str) -> None:
    """Check a ladder, a company config or an HR export: print every problem with its line.

    Exits 1 when any problem is an error; warnings and notes do not fail.
    """
    from ladder.model.variants import project, variant_ids
    from ladder.sources.company import check_company
    from ladder.sources.ladder_set import load_any_ladder

    kind = source_kind(source)
    if kind == COMPANY:
        org, problems = check_company(source)
        for problem in problems:
            click.echo(str(problem), err=problem.severity != "info")
        errors = sum(p.severity == "error" for p in problems)
        if errors or org is None:
            raise click.exceptions.Exit(1)
        click.echo(f"{source}: ok: {len(org)} positions, {org.headcount()} people")
        return
    if kind != LADDER:
        # An export's problems are warnings: the chart is drawn anyway, each row accounted for.
        result = api.import_export(source, match_titles=False)
        for problem in result.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{source}: {result.summary()}")
        return
    ladder = load_any_ladder(source)
    for variant_id in variant_ids(ladder):
        project(ladder, variant_id)
    count = len(variant_ids(ladder))
    click.echo(f"{source}: ok: {plural(len(ladder), 'role')}, {plural(len(ladder.moves), 'move')}"
               f", {plural(count, 'variant')}")


# --- HR exports -------------------------------------------------------------------------------


@main.command("import")
@click.argument("export", type=click.Path(dir_okay=False))
@export_options
@ladder_source_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Company config to write (default: print it).")
def import_command(export: str, preset: str | None, junior: str | None, mapping: str | None,
                   fix: tuple[str, ...], report: Path | None, ladder_source: str | None,
                   output: Path | None) -> None:
    """Turn an HR export (CSV, TSV, XLSX) into a company config to edit and keep in git.

    Every row ends up in the config or in the problem report; the summary line says how many.
    """
    from ladder.sources.hr import config_text, write_config

    result = api.import_export(export, preset=preset, junior=junior, mapping=mapping,
                               fix=",".join(fix),
                               ladder=ladder_source, report=report, on_note=note)
    if output is None:
        click.echo(config_text(result.org), nl=False)
    else:
        write_config(result, output)
        click.echo(f"wrote {output}")


# --- the gallery ------------------------------------------------------------------------------

DEMO_SUFFIXES = (".yaml", ".yml", ".toml", ".json", ".csv", ".tsv", ".xlsx")
BIG_ORG = 200  # people: above this the demo also splits the chart into department pages


@main.command()
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True, help="Where to write the gallery.")
@click.option("--examples", "examples_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("examples"), show_default=True,
              help="Folder of example ladders, company configs and HR exports to render too.")
def demo(output_dir: Path, examples_dir: Path) -> None:
    """Render the built-in ladder in every variant, and every example, as SVG and PNG."""
    from ladder.model.variants import variant_ids
    from ladder.sources.ladders import load_ladder

    jobs: list[tuple[str, str | None, dict]] = []
    ladder = load_ladder()
    for variant_id in variant_ids(ladder):
        jobs.append((f"{ladder.id}-{variant_id}", None, {"variant": variant_id}))
    jobs.append((f"{ladder.id}-detail", None, {"detail": True}))
    top = max(ladder, key=lambda role: role.level)
    jobs.append((f"{ladder.id}-path", None, {"highlight": f"{next(iter(ladder)).id}..{top.id}"}))
    if examples_dir.is_dir():
        for path in sorted(examples_dir.rglob("*")):
            if path.suffix.lower() in DEMO_SUFFIXES and path.is_file():
                stem = path.relative_to(examples_dir).with_suffix("").as_posix()
                jobs.append((stem, str(path), {}))
                if source_kind(str(path)) == COMPANY and len(api.load_org(path)) > BIG_ORG:
                    # a big org also gets its department pages, as a user would print them
                    jobs.append((f"pages/{stem}", str(path), {"split": "department"}))
    else:
        click.echo(f"no {examples_dir}/ folder here: rendering the built-in ladder only")
    failed = 0
    for stem, source, options in jobs:
        for format_ in ("svg", "png"):
            try:
                written = api.render(source, output_dir / f"{stem}.{format_}",
                                     on_note=note if format_ == "svg" else None, **options)
            except LadderError as error:
                report_error(error)
                failed += 1
                break
            for path in written:
                click.echo(f"wrote {path}")
    if failed:
        raise click.ClickException(f"{failed} of {len(jobs)} diagrams failed (see above)")

# --- promotion paths, gaps and org-aware moves ---------------------------------------------------

PATH_FORMATS = ("table", "json", "markdown")


def _paths_ladder(source: str | None):
    """A built-in ladder, a ladder file or a ladder-set file (several ladders as one)."""
    from ladder.sources.ladder_set import load_any_ladder

    return load_any_ladder(source)


def _echo_notes(notes) -> None:
    for note in notes:
        click.echo(f"note: {note}", err=True)


@main.command("paths")
@click.argument("start", metavar="FROM")
@click.argument("goal", metavar="TO")
@ladder_source_option
@click.option("--variant", metavar="NAME", help="Company-size variant of the ladder.")
@click.option("--head", metavar="ROLE", help="The single head a variant has (e.g. CPO).")
@click.option("--via", multiple=True, metavar="ROLE", help="Pass this role (repeatable, in order).")
@click.option("--avoid", multiple=True, metavar="ROLE|TRACK",
              help="Keep off a role or a whole track, e.g. --avoid management (repeatable).")
@click.option("--format", "output_format", type=click.Choice(PATH_FORMATS), default="table",
              show_default=True)
def paths_command(start: str, goal: str, ladder_source: str | None, variant: str | None,
                  head: str | None, via: tuple[str, ...], avoid: tuple[str, ...],
                  output_format: str) -> None:
    """Every promotion path from FROM to TO, shortest in typical years first.

    Roles are named by id, title or alias, in any case: ladder paths "junior pm" cpo
    """
    from ladder.analysis import paths as p

    ladder = _paths_ladder(ladder_source)
    ends = p.resolve_endpoints(ladder, start, goal, variant=variant, head=head)
    _echo_notes(ends.notes)
    found = p.find_paths(ends.ladder, ends.start, ends.goal, via=via, avoid=avoid)
    if not found:
        raise p.no_path_error(ends.ladder, ends.start, ends.goal, avoid)
    if output_format == "json":
        click.echo(p.paths_json(ends.start, ends.goal, found), nl=False)
    elif output_format == "markdown":
        click.echo(p.format_paths_markdown(ends.ladder, ends.start, ends.goal, found), nl=False)
    else:
        click.echo(p.format_paths_table(ends.ladder, ends.start, ends.goal, found), nl=False)


@main.command("gap")
@click.argument("role_a", metavar="A")
@click.argument("role_b", metavar="B")
@ladder_source_option
@click.option("--variant", metavar="NAME", help="Company-size variant of the ladder.")
@click.option("--head", metavar="ROLE", help="The single head a variant has (e.g. CPO).")
@click.option("--format", "output_format", type=click.Choice(PATH_FORMATS), default="table",
              show_default=True)
def gap_command(role_a: str, role_b: str, ladder_source: str | None, variant: str | None,
                head: str | None, output_format: str) -> None:
    """The competencies B needs that A lacks, those they share, and A's extras."""
    import json

    from ladder.analysis import paths as p

    ladder = _paths_ladder(ladder_source)
    ends = p.resolve_endpoints(ladder, role_a, role_b, variant=variant, head=head)
    _echo_notes(ends.notes)
    gap = p.competency_gap(ends.ladder, ends.start, ends.goal)
    if output_format == "json":
        click.echo(json.dumps(p.gap_data(gap), indent=2, ensure_ascii=False))
    elif output_format == "markdown":
        click.echo(p.format_gap_markdown(ends.ladder, gap), nl=False)
    else:
        click.echo(p.format_gap_table(ends.ladder, gap), nl=False)


def _org_and_ladder(org_path: str):
    """The company config and the ladder its roles refer to (projected onto its variant)."""
    from pathlib import Path

    from ladder.model.variants import project
    from ladder.sources.company import load_company

    org = load_company(org_path)
    full = _paths_ladder_relative(org.ladder, Path(org_path).parent)
    return org, full, (project(full, org.variant) if org.variant else full)


def _paths_ladder_relative(source: str | None, folder):
    from ladder.sources.ladder_set import load_any_ladder

    return load_any_ladder(source, relative_to=folder)


def _ladder_for(org, full, projected, person_id: str):
    """The variant's ladder, or the full one when this person's role is not in the variant."""
    from ladder.analysis.org_moves import find_person

    person = find_person(org, person_id)
    if person.role and person.role not in projected.roles and person.role in full.roles:
        _echo_notes([f"{person.role} is not in the {projected.variant} variant; using the "
                     "full ladder"])
        return full
    return projected


def org_question(function):
    """--org and --format, shared by the questions asked of a person in a company config."""
    function = click.option("--format", "output_format", type=click.Choice(("table", "json")),
                            default="table", show_default=True,
                            help="A readable answer, or JSON.")(function)
    return click.option("--org", "org_path", required=True, metavar="COMPANY.yaml",
                        help="Company config whose people hold ladder roles.")(function)


def _answer_about(who: str, org_path: str, output_format: str, ask, as_data, as_text) -> None:
    """Load the org and its ladder, ask ``ask(org, ladder, who)``, print the answer."""
    import json

    org, full, projected = _org_and_ladder(org_path)
    answer = ask(org, _ladder_for(org, full, projected, who), who)
    if output_format == "json":
        click.echo(json.dumps(as_data(answer), indent=2, ensure_ascii=False))
    else:
        click.echo(as_text(answer), nl=False)


@main.command("next")
@click.argument("person")
@org_question
def next_command(person: str, org_path: str, output_format: str) -> None:
    """PERSON's role, the roles one move on, and where those are held or open in the org."""
    from ladder.analysis import org_moves as o

    _answer_about(person, org_path, output_format, o.next_moves, o.next_moves_data,
                  o.format_next_moves)


@main.command("succession")
@click.argument("position")
@org_question
def succession_command(position: str, org_path: str, output_format: str) -> None:
    """People one move below POSITION's role, nearest to it in the org chart first."""
    from ladder.analysis import org_moves as o

    _answer_about(position, org_path, output_format, o.succession, o.succession_data,
                  o.format_succession)


# --- company configs: schema and numbers ------------------------------------------------------


@main.command("schema")
@click.argument("kind", type=click.Choice(["company", "ladder"]), default="company")
def schema_command(kind: str) -> None:
    """Print the JSON Schema of a company config (default) or of a ladder file.

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
def stats_command(config: str, narrow: int, wide: int, output_format: str) -> None:
    """Headcount, open positions, layers and span of control of a company config or an HR
    export."""
    import json

    from ladder.analysis.spans import format_stats, org_stats

    if wide <= narrow:
        raise click.BadParameter(f"must be more than --narrow ({narrow})",
                                 param_hint="'--wide'")
    org = api.load_org(config, on_note=note, match_titles=False)
    stats = org_stats(org, narrow=narrow, wide=wide)
    if output_format == "json":
        click.echo(json.dumps(stats, indent=2, ensure_ascii=False))
    else:
        click.echo(format_stats(stats))
