"""Promotion paths, gaps between roles, and moves within an org."""

from __future__ import annotations

import click

from ladder import api
from ladder.cli.common import (
    echo,
    export_options,
    ladder_source_option,
    main,
    note,
)

# --- promotion paths, gaps and org-aware moves ---------------------------------------------------

PATH_FORMATS = api.ANSWER_FORMATS


def variant_choice(function):
    """--variant, --headcount and --head for a question asked of one variant of a ladder."""
    function = click.option("--head", metavar="ROLE",
                            help="The single head a variant has (e.g. CPO).")(function)
    function = click.option(
        "--headcount", type=click.IntRange(min=1), default=None, metavar="N",
        help="Use the variant that fits a company of N people (see 'ladder variants').")(function)
    return click.option("--variant", metavar="NAME",
                        help="Company-size variant of the ladder.")(function)


def path_question(function):
    """What ``paths`` and ``gap`` share: the ladder, its variant, the route and the format."""
    options = [
        click.option("--format", "output_format", type=click.Choice(PATH_FORMATS),
                     default="table", show_default=True),
        click.option("--avoid", multiple=True, metavar="ROLE|TRACK",
                     help="Keep off a role or a whole track, e.g. --avoid management "
                     "(repeatable)."),
        click.option("--via", multiple=True, metavar="ROLE",
                     help="Pass this role (repeatable, in order)."),
        variant_choice,
        ladder_source_option,
    ]
    for option in options:
        function = option(function)
    return function


def _ladder_of(ladder_source: str | None, start: str, goal: str, variant: str | None,
               headcount: int | None, head: str | None):
    """The ladder a question runs on, as the variant has it, with the notes on how the two
    roles were placed in it printed."""
    return api.endpoints(start, goal, ladder=ladder_source, variant=variant,
                         headcount=headcount, head=head, on_note=note)


@main.command("paths")
@click.argument("start", metavar="FROM")
@click.argument("goal", metavar="TO")
@path_question
def paths_command(start: str, goal: str, ladder_source: str | None, variant: str | None,
                  headcount: int | None, head: str | None, via: tuple[str, ...],
                  avoid: tuple[str, ...], output_format: str) -> None:
    """Every promotion path from FROM to TO, shortest in typical years first.

    Roles are named by id, title or alias, in any case: ladder paths "junior pm" cpo. Each
    step lists the competencies first needed there, each once.
    """
    ends = _ladder_of(ladder_source, start, goal, variant, headcount, head)
    found = api.paths(ends.start.id, ends.goal.id, ladder=ends.ladder, via=via, avoid=avoid,
                      on_note=note)
    echo(api.answer_text(found, output_format, ladder=ends.ladder), nl=False,
         json=output_format == "json")


@main.command("gap")
@click.argument("role_a", metavar="A")
@click.argument("role_b", metavar="B")
@path_question
def gap_command(role_a: str, role_b: str, ladder_source: str | None, variant: str | None,
                headcount: int | None, head: str | None, via: tuple[str, ...],
                avoid: tuple[str, ...], output_format: str) -> None:
    """What it takes to get from A to B: the competencies to gain on the quickest path (or the
    one --via names), where each is first needed; then those A and B share, and A's extras.

    The same answer as 'ladder paths A B' gives for that path.
    """
    ends = _ladder_of(ladder_source, role_a, role_b, variant, headcount, head)
    found = api.gap(ends.start.id, ends.goal.id, ladder=ends.ladder, via=via, avoid=avoid,
                    on_note=note)
    echo(api.answer_text(found, output_format, ladder=ends.ladder), nl=False,
         json=output_format == "json")


def org_question(function):
    """--org, --ladder, the export options and --format, shared by the questions asked of a
    person in a company config or an HR export."""
    function = click.option("--format", "output_format", type=click.Choice(PATH_FORMATS),
                            default="table", show_default=True,
                            help="A readable answer, JSON, or Markdown.")(function)
    function = export_options(function)
    function = click.option(
        "--ladder", "ladder_source", metavar="NAME|PATH", default=None,
        help="HR exports: the ladder their job titles are matched to (default: the built-in "
        "product ladder).")(function)
    return click.option("--org", "org_path", required=True, metavar="ORG",
                        help="Company config or HR export (CSV/TSV/XLSX) whose people hold "
                        "ladder roles.")(function)


def _answer_about(who: str, org_path: str, output_format: str, ask,
                  ladder_source: str | None, export: dict) -> None:
    """Ask the API ``ask(who, org_path, ...)`` and print the answer in the format chosen."""
    answer = ask(who, org_path, ladder=ladder_source, on_note=note, **export)
    echo(api.answer_text(answer, output_format), nl=False, json=output_format == "json")


@main.command("next")
@click.argument("person")
@org_question
def next_command(person: str, org_path: str, output_format: str, ladder_source: str | None,
                 **export: object) -> None:
    """PERSON's role, the roles one move on, and where those are held or open in the org."""
    _answer_about(person, org_path, output_format, api.next_roles, ladder_source, export)


@main.command("succession")
@click.argument("position")
@org_question
def succession_command(position: str, org_path: str, output_format: str,
                       ladder_source: str | None, **export: object) -> None:
    """People one move below POSITION's role, nearest to it in the org chart first."""
    _answer_about(position, org_path, output_format, api.succession, ladder_source, export)
