"""Promotion paths, gaps between roles, and moves within an org."""

from __future__ import annotations

from pathlib import Path

import click

from ladder.cli import (
    ladder_source_option,
    main,
    note,
)

# --- promotion paths, gaps and org-aware moves ---------------------------------------------------

PATH_FORMATS = ("table", "json", "markdown")


def _paths_ladder(source: str | None):
    """A built-in ladder, a ladder file or a ladder-set file (several ladders as one)."""
    from ladder.sources.ladder_set import load_any_ladder

    return load_any_ladder(source)


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
    for remark in ends.notes:
        note(remark)
    found = p.find_paths(ends.ladder, ends.start, ends.goal, via=via, avoid=avoid)
    if not found:
        raise p.no_path_error(ends.ladder, ends.start, ends.goal, avoid)
    if output_format == "json":
        click.echo(p.paths_json(ends.start, ends.goal, found), nl=False)
    elif output_format == "markdown":
        click.echo(p.format_paths_markdown(ends.ladder, ends.start, ends.goal, found), nl=False)
    else:
        click.echo(p.format_paths_table(ends.ladder, ends.start, ends.goal, found), nl=False)
    from ladder.analysis.expectations import has_expectations, steps_text

    if output_format != "json" and has_expectations(ends.ladder) and found[0].steps:
        # per area, along the quickest path (the first): "what changes at the next level"
        click.echo("\n" + steps_text(ends.ladder, found[0].roles,
                                      markdown=output_format == "markdown"), nl=False)


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
    for remark in ends.notes:
        note(remark)
    gap = p.competency_gap(ends.ladder, ends.start, ends.goal)
    from ladder.analysis import expectations as e

    areas = (e.area_changes(ends.ladder, ends.start.id, ends.goal.id)
             if e.has_expectations(ends.ladder) else [])
    if output_format == "json":
        data = p.gap_data(gap)
        if areas:
            data["areas"] = e.changes_json(areas)
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif output_format == "markdown":
        click.echo(p.format_gap_markdown(ends.ladder, gap), nl=False)
        if areas:
            click.echo("\n".join(["### Per area", "", *e.changes_markdown(areas, "####")]))
    else:
        click.echo(p.format_gap_table(ends.ladder, gap), nl=False)
        if areas:
            click.echo("\nper area (what is new or raised):")
            click.echo("\n".join(e.format_changes(areas) or ["  (nothing new)"]))


def _org_and_ladder(org_path: str):
    """The company config and the ladder its roles refer to (projected onto its variant)."""

    from ladder.model.variants import project
    from ladder.sources.company import load_company
    from ladder.sources.ladder_set import load_any_ladder

    org = load_company(org_path)
    full = load_any_ladder(org.ladder, relative_to=Path(org_path).parent)
    return org, full, (project(full, org.variant) if org.variant else full)


def _ladder_for(org, full, projected, person_id: str):
    """The variant's ladder, or the full one when this person's role is not in the variant."""
    from ladder.analysis.org_moves import find_person

    person = find_person(org, person_id)
    if person.role and person.role not in projected.roles and person.role in full.roles:
        note(f"{person.role} is not in the {projected.variant} variant; using the full ladder")
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


