"""Issue 9: one answer to "which role is this?" and "what does it take?" in every command.

The same titles go through a company config, an HR import, ``paths``, ``gap`` and ``next``
and must name the same role everywhere; ``gap`` and ``paths`` must agree on the built-in
ladder for every pair of roles in every variant.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder.analysis.paths import competency_gap, find_paths, resolve_endpoints
from ladder.cli import main
from ladder.errors import LadderError
from ladder.model.titles import TitleMatcher, stand_in
from ladder.model.variants import project, variant_ids
from ladder.sources.company import check_company, check_company_data
from ladder.sources.document import parse_document
from ladder.sources.ladders import read_ladder

JUNIOR, PM, SENIOR = "junior-product-manager", "product-manager", "senior-product-manager"
PRINCIPAL, DIRECTOR = "principal-product-manager", "director-of-product"
HEAD, CPO = "head-of-product", "chief-product-officer"

# (title as people write it, the role it names; None: no single role)
TITLES = [
    ("Junior Product Manager", JUNIOR),
    ("junior pm", JUNIOR),
    ("Jr. PM", JUNIOR),
    ("APM", JUNIOR),
    ("Product Manager I", JUNIOR),
    ("Product Manager", PM),
    ("PM", PM),
    ("product-manager", PM),  # the id
    ("Product Manager 2", PM),  # a level as a number
    ("Product Manager II", PM),
    ("Product Owner", PM),
    ("Senior Product Manager", SENIOR),
    ("Sr. Product Manager", SENIOR),
    ("SR PM", SENIOR),
    ("senior-pm", SENIOR),  # a slug of the alias Senior PM
    ("Senior Product Manager (Payments)", SENIOR),  # a qualifier
    ("Senior Product Manager - Growth", SENIOR),
    ("Product Manager III", SENIOR),
    ("Principal PM", PRINCIPAL),
    ("Staff Product Manager", PRINCIPAL),
    ("Director of Product", DIRECTOR),
    ("Director, Product", DIRECTOR),
    ("Product Director", DIRECTOR),
    ("Head of Product", HEAD),  # a role's own title beats the CPO's alias of that name
    ("head of  product", HEAD),
    ("V.P. of Product", CPO),
    ("VP Product", CPO),
    ("vice-president-of-product", CPO),
    ("CPO", CPO),
    ("Chief Product Officer", CPO),
    ("Product Head", CPO),  # the article: a CPO may go by Head of Product or Product Head
    ("Product Lead", None),  # no role
]
IDS = [title for title, _ in TITLES]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def config_role(title: str, variant: str | None = None) -> tuple[str | None, list]:
    """The role a one-person company config gives ``title``, and its problems."""
    text = (f"variant: {variant}\n" if variant else "") + (
        f"people:\n  - {{id: a, name: A, role: {json.dumps(title)}}}\n")
    org, problems = check_company_data(parse_document(text, "acme.yaml"), "acme.yaml")
    return (None if org is None else org.people["a"].role), problems


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    """An HR export with one person per title of the table."""
    path = tmp_path_factory.mktemp("hr") / "people.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Employee ID", "Name", "Job Title", "Manager ID"])
        writer.writerow(["E-0", "Top", "Chief Executive Officer", ""])
        for index, title in enumerate(IDS, start=1):
            writer.writerow([f"E-{index}", f"Person {index}", title, "E-0"])
    return path


def path_end(result, key: str) -> str | None:
    """The role id a paths/gap JSON answer names at ``key``, or None when the command
    refused (an unknown or ambiguous name is an error, exit 1)."""
    if result.exit_code != 0:
        assert result.exit_code == 1 and result.stderr.startswith("error: "), result.output
        return None
    return json.loads(result.stdout)[key]


@pytest.mark.parametrize(("title", "role"), TITLES, ids=IDS)
def test_a_title_names_the_same_role_in_every_command(export, title, role):
    # a company config's role:
    assert config_role(title)[0] == role
    # an HR import: the job title of person E-n, seen through `ladder next`
    number = IDS.index(title) + 1
    result = run("next", f"E-{number}", "--org", str(export), "--format", "json")
    assert (json.loads(result.stdout)["role"] if result.exit_code == 0 else None) == role
    if role is None:
        assert f"'E-{number}' has no ladder role" in result.stderr
    # paths and gap, with the title at the end that leaves a path to ask for
    if role == JUNIOR:
        args, key = (title, "cpo"), "from"
    else:
        args, key = ("junior-product-manager", title), "to"
    assert path_end(run("paths", *args, "--format", "json"), key) == role
    assert path_end(run("gap", *args, "--format", "json"), key) == role


SHARED = Path(__file__).parent / "data" / "ladders" / "shared-alias.yaml"


def test_an_ambiguous_title_says_which_roles_it_could_be(tmp_path):
    config = tmp_path / "acme.yaml"
    config.write_text(f"ladder: {SHARED}\npeople:\n  - {{id: a, name: A, role: Team Lead}}\n")
    [problem] = check_company(config)[1]
    assert problem.kind == "ambiguous-role"
    assert "could be any of staff-engineer, engineering-manager" in problem.message
    result = run("paths", "Engineer", "Team Lead", "--ladder", str(SHARED))
    assert "could be any of staff-engineer, engineering-manager" in result.stderr


def test_did_you_mean_never_offers_an_ambiguous_name():
    """It once offered a name that two roles share, a name that is itself refused."""
    result = run("paths", "Engineer", "Team Leed", "--ladder", str(SHARED))
    assert result.exit_code == 1 and "Team Lead" not in result.stderr
    product = read_ladder()
    matcher = TitleMatcher(product)
    for typo in ("Product Lead", "Product Heads", "Prodct Head", "Head of Prodct", "Senir PM",
                 "Director Prodct", "VP of Prodct", "Principle PM"):
        with pytest.raises(LadderError) as caught:
            matcher.place(typo)
        hint = caught.value.hint or ""
        if hint.startswith("did you mean"):
            offered = hint.split("'")[1]
            assert matcher.find(offered).role is not None, (typo, offered)


# In a variant: the variant's roles first, then the stand-in for a role it drops.
VARIANT_TITLES = [
    ("startup", "Senior PM", PM),
    ("startup", "senior-pm", PM),
    ("startup", "Principal PM", PM),
    ("startup", "Junior PM", PM),  # nothing below it on its track: the nearest above
    ("startup", "Head of Product", HEAD),  # the head it keeps by default
    ("scale-up", "Head of Product", CPO),  # the role is dropped; the CPO goes by its name
    ("scale-up", "Principal PM", SENIOR),
    ("scale-up", "Director, Product", DIRECTOR),
    ("scale-up", "Product Head", CPO),
]


@pytest.mark.parametrize(("variant", "title", "role"), VARIANT_TITLES)
def test_a_title_in_a_variant_names_the_same_role_in_a_config_and_in_paths(variant, title,
                                                                           role):
    placed, problems = config_role(title, variant)
    assert placed == role
    # the title at the end of a path that leaves something to ask: from it up, or up to it
    product = read_ladder()
    if product.roles[role].level < max(r.level for r in project(product, variant)):
        ends = resolve_endpoints(product, title, "cpo", variant=variant)
        assert ends.start.id == role
    else:
        ends = resolve_endpoints(product, "pm", title, variant=variant)
        assert ends.goal.id == role
    moved = TitleMatcher(project(read_ladder(), variant), full=read_ladder()).find(title)
    if moved.note:  # what paths notes, the config warns about, in the same words
        assert moved.note in ends.notes
        assert [p.message for p in problems] == [f"person 'a': {moved.note}"]
        assert problems[0].severity == "warning"
    else:
        assert problems == []


def test_stand_in_is_at_or_below_on_the_track_else_the_nearest_above():
    product = read_ladder()
    scale_up = ["product-manager", SENIOR, DIRECTOR, CPO]
    assert stand_in(product, PRINCIPAL, scale_up) == SENIOR
    assert stand_in(product, HEAD, scale_up) == DIRECTOR
    assert stand_in(product, JUNIOR, scale_up) == PM
    assert stand_in(product, DIRECTOR, [PM]) is None  # no management role kept at all


# --- gap and paths: one meaning of "what it takes" ----------------------------------------


def _pairs():
    product = read_ladder()
    titles = [role.title for role in product]
    for variant in [None, *variant_ids(product)]:
        for start in titles:
            for goal in titles:
                yield variant, start, goal


def _answer(function, *args, **kwargs):
    try:
        return function(*args, **kwargs), None
    except LadderError as error:
        return None, str(error)


def _with_below(ladder, role_id: str) -> list:
    """The role's competencies after those of every role a chain of promotions leads from
    (lowest level first), found by a walk of this test's own."""
    below, waiting = set(), [role_id]
    while waiting:
        into = waiting.pop()
        for move in ladder.moves:
            if move.kind == "promotion" and move.target == into and move.source not in below:
                below.add(move.source)
                waiting.append(move.source)
    order = list(ladder.roles)
    chain = sorted(below - {role_id}, key=lambda r: (ladder.roles[r].level, order.index(r)))
    return [c for r in [*chain, role_id] for c in ladder.roles[r].competencies]


@pytest.mark.parametrize("variant", [None, *variant_ids(read_ladder())])
def test_gap_and_paths_agree_for_every_pair_of_roles(variant):
    product = read_ladder()
    answered = refused = 0
    for start in product:
        for goal in product:
            ends, error = _answer(resolve_endpoints, product, start.title, goal.title,
                                  variant=variant)
            if ends is None:
                # both commands resolve their ends this one way: the same refusal for both
                assert "are both" in error or "no role" in error or "stands in" in error, error
                refused += 1
                continue
            paths, path_error = _answer(find_paths, ends.ladder, ends.start, ends.goal)
            gap, gap_error = _answer(competency_gap, ends.ladder, ends.start, ends.goal)
            if not paths:
                # no path: gap refuses with the same reason (the built-in ladder is one graph)
                assert gap is None and gap_error is not None
                refused += 1
                continue
            quickest = paths[0]
            assert gap.path == quickest
            # the meaning, worked out here on its own: every competency of the roles on the
            # way that the start does not have, once, at the first step that needs it; the
            # ladder is cumulative, so a role has and asks what the roles below it ask
            assert ends.ladder.cumulative
            have = {c.name.casefold() for c in _with_below(ends.ladder, ends.start.id)}
            expected = []
            for role_id in quickest.roles[1:]:
                for competency in _with_below(ends.ladder, role_id):
                    if competency.name.casefold() not in have:
                        have.add(competency.name.casefold())
                        expected.append(competency.name)
            assert list(gap.needed) == expected
            assert [g for step in quickest.steps for g in step.gained] == expected
            answered += 1
    assert answered and answered + refused == len(product) ** 2


def test_gap_senior_pm_to_cpo_lists_what_paths_gains_on_the_way():
    """Issue 9: gap listed only the CPO's five while paths gained nineteen."""
    gap = json.loads(run("gap", "Senior PM", "CPO", "--format", "json").stdout)
    paths = json.loads(run("paths", "Senior PM", "CPO", "--format", "json").stdout)
    quickest = [g for step in paths["paths"][0]["steps"] for g in step["gained"]]
    assert gap["needed"] == quickest and len(quickest) == 19
    assert gap["path"] == ["senior-product-manager", "director-of-product", "head-of-product",
                           "chief-product-officer"]


def test_gap_via_follows_the_other_path():
    quick = json.loads(run("gap", "Senior PM", "CPO", "--format", "json").stdout)
    other = json.loads(run("gap", "Senior PM", "CPO", "--via", "principal pm",
                           "--format", "json").stdout)
    assert other["path"][1] == "principal-product-manager"
    assert "influence without authority" in other["needed"]
    assert "influence without authority" not in quick["needed"]
    assert "data analysis" not in other["needed"]  # a Senior PM has it already


def test_gap_table_groups_what_to_learn_by_the_step_that_needs_it():
    result = run("gap", "Senior PM", "Head of Product")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == ("Senior Product Manager -> Head of Product, by Senior Product Manager -> "
                        "Director of Product -> Head of Product (5 years)")
    assert lines[2].startswith("to gain (14 competencies, where first needed; 20 statements in "
                               "7 areas; Senior Product Manager does not have them)")
    assert lines[3:6] == ["  competencies:", "    Director of Product:",
                          "      - market research"]
    assert "    Head of Product:" in lines


# --- variants: two ends that become one role ----------------------------------------------


def test_paths_in_a_startup_from_senior_pm_to_cpo_starts_from_pm():
    """It said "Chief Product Officer is already Chief Product Officer: nothing to do"."""
    result = run("paths", "Senior PM", "CPO", "--variant", "startup")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Product Manager -> Chief Product Officer: 1 path")
    assert "nothing to do" not in result.stdout
    assert ("note: Senior Product Manager is not a role in the Startup variant: it counts as "
            "Product Manager there") in result.stderr
    gap = run("gap", "Senior PM", "CPO", "--variant", "startup", "--format", "json")
    assert json.loads(gap.stdout)["path"] == ["product-manager", "chief-product-officer"]


@pytest.mark.parametrize("command", ["paths", "gap"])
def test_two_ends_that_become_one_role_are_an_error_that_says_why(command):
    result = run(command, "Senior PM", "PM", "--variant", "startup")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "error: <built-in product>: 'Senior PM' and 'PM' are both Product Manager in the "
        "Startup variant, so there is no path between them: Senior Product Manager is not a "
        "role in the Startup variant")
    result = run(command, "pm", "Product Manager")
    assert result.exit_code == 1 and "are both Product Manager" in result.stderr


def test_render_highlight_in_a_startup_draws_pm_to_cpo(tmp_path):
    """It titled the chart "Chief Product Officer to Chief Product Officer, about 0 years"."""
    out = tmp_path / "path.dot"
    result = run("render", "--highlight", "senior pm..cpo", "--variant", "startup",
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Product Manager to Chief Product Officer, about 10.5 years" in text
    assert "Chief Product Officer to Chief Product Officer" not in text
    result = run("render", "--highlight", "senior pm..pm", "--variant", "startup",
                 "-o", str(out))
    assert result.exit_code == 1 and "are both Product Manager" in result.stderr


@pytest.mark.parametrize("command", ["paths", "gap"])
def test_headcount_picks_the_variant(command):
    by_size = run(command, "Senior PM", "CPO", "--headcount", "20", "--format", "json")
    by_name = run(command, "Senior PM", "CPO", "--variant", "startup", "--format", "json")
    assert by_size.exit_code == 0, by_size.output
    assert by_size.stdout == by_name.stdout
    both = run(command, "pm", "cpo", "--headcount", "20", "--variant", "startup")
    assert both.exit_code == 1 and "not both" in both.stderr


# --- ladder files that say one name twice --------------------------------------------------

CLASHING = """\
id: tiny
roles:
  - {id: analyst, title: Analyst, level: 1, aliases: [Lead, Expert]}
  - {id: lead, title: Lead, level: 2, aliases: [Expert]}
moves:
  - {from: analyst, to: lead}
variants:
  - {id: small, headcount: [1, 60], roles: [analyst]}
  - {id: big, headcount: [50, null]}
"""


def test_validate_warns_of_clashing_names_and_overlapping_headcounts(tmp_path):
    path = tmp_path / "tiny.yaml"
    path.write_text(CLASHING, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: {path}:3: role 'analyst': alias 'Lead' is the title of role 'lead': the name "
        "means that role, and means 'analyst' only in a variant without it",
        f"warning: {path}:4: role 'lead': alias 'Expert' is also an alias of role 'analyst': it "
        "names neither role, and is refused as ambiguous",
        f"warning: {path}:9: variant 'big': headcount 50 and up overlaps variant 'small' (1-60) "
        "(--headcount picks 'small' for those sizes; make the ranges meet without overlapping)",
    ]
    # and the rules the warnings describe are the ones the matcher follows
    tiny = read_ladder(str(path))
    assert TitleMatcher(tiny).match("Lead") == "lead"
    assert TitleMatcher(tiny).match("Expert") is None
    small = project(tiny, "small")
    assert TitleMatcher(small, full=tiny).match("Lead") == "analyst"


def test_the_builtin_ladder_warns_of_the_articles_double_names():
    result = run("validate", "product")
    assert result.exit_code == 0
    assert "alias 'Head of Product' is the title of role 'head-of-product'" in result.stderr


# --- next and succession on HR exports, in every format ------------------------------------

ACME = Path(__file__).resolve().parent.parent / "examples" / "hr" / "acme-export.csv"


def test_next_and_succession_read_hr_exports():
    result = run("next", "E-003", "--org", str(ACME), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["role"] == SENIOR  # "Sr. Product Manager"
    assert [move["role"] for move in data["moves"]] == [PRINCIPAL, DIRECTOR]
    result = run("succession", "E-003", "--org", str(ACME))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("  Sam Rivera (E-004), Product Manager: "
                                                    "promotion")


def test_next_and_succession_in_markdown():
    result = run("next", "E-004", "--org", str(ACME), "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("## Sam Rivera (E-004): Product Manager\n")
    assert "| Senior Product Manager | promotion | 2.5 | - | Lee Park (E-003) |" in result.stdout
    result = run("succession", "E-003", "--org", str(ACME), "--format", "markdown")
    # the export gives Sam's manager in another case (E-003 vs e-003): no --fix, no link
    assert "| Sam Rivera (E-004) | Product Manager | promotion | another part of the org |" \
        in result.stdout


def test_export_options_are_refused_on_a_company_config():
    config = Path(__file__).resolve().parent.parent / "examples" / "scale-up.yaml"
    result = run("next", "hao-liu", "--org", str(config), "--fix", "case")
    assert result.exit_code == 1
    assert "--fix applies to HR exports, not to company configs" in result.stderr


def test_gap_in_markdown_names_the_path_and_groups_by_step():
    result = run("gap", "pm", "Head of Product", "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:5] == ["## From Product Manager to Head of Product", "",
                         "By Product Manager -> Senior Product Manager -> Director of Product -> "
                         "Head of Product (7.5 years).", "", "### To gain"]
    assert "- Director of Product:" in lines and "  - data analysis" not in lines[
        lines.index("- Director of Product:"):]  # a Senior PM step gained it already
