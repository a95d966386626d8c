"""Company configs: every kind of mistake reported with its line and hint; good configs loaded."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.errors import SourceError
from ladder.model.titles import resolve_role
from ladder.sources.company import (
    check_company,
    check_company_data,
    company_ladder,
    load_company,
)
from ladder.sources.document import parse_document
from ladder.sources.ladders import read_ladder

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "company"
EXAMPLES = ROOT / "examples"


def check_text(text: str, name: str = "acme.yaml", **kwargs):
    return check_company_data(parse_document(text, name), name, **kwargs)


def errors(problems):
    return [p for p in problems if p.severity == "error"]


# One fixture per kind of mistake: (file, kind, line, message, hint).
MISTAKES = [
    ("unknown-manager.yaml", "unknown-manager", 4,
     "person 'lee': manager 'omarr' does not exist", "did you mean 'omar'?"),
    ("duplicate-id.yaml", "duplicate-id", 5,
     "person id 'lee' is used twice", "first used on line 4; ids must be unique"),
    ("cycle.yaml", "cycle", 6, "reporting cycle: ana -> cy -> ben -> ana",
     "each reports to the next; one of them needs a manager outside the circle, "
     "or manager: null"),
    ("self-report.yaml", "self-report", 6, "person 'lee' reports to themselves",
     "name someone else as manager, or manager: null for the top"),
    ("unknown-role.yaml", "unknown-role", 7,
     "person 'lee': role 'Senior Prodct Manager' is not in the product ladder",
     "did you mean 'Senior Product Manager'?"),
    ("unknown-department.yaml", "unknown-department", 9,
     "person 'sam': department 'enginering' is not listed under 'departments'",
     "did you mean 'engineering'?"),
    ("dotted-missing.yaml", "unknown-dotted", 5,
     "person 'lee': dotted-line manager 'samm' does not exist", "did you mean 'sam'?"),
    ("missing-name.yaml", "missing-name", 5, "person 'lee': 'name' is missing",
     "give a name, or mark an open position with vacant: true"),
    ("unknown-key.yaml", "unknown-key", 3, "config: unknown key 'departmnets'",
     "did you mean 'departments'?"),
    ("unknown-variant.yaml", "unknown-variant", 3, "ladder 'product' has no variant 'scaleup'",
     "did you mean 'scale-up'?"),
    ("unknown-ladder.yaml", "unknown-ladder", 2,
     "no ladder file or built-in ladder called 'prodcut'", "did you mean 'product'?"),
]


@pytest.mark.parametrize(("name", "kind", "line", "message", "hint"), MISTAKES,
                         ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_reported_with_line_and_hint(name, kind, line, message, hint):
    path = DATA / name
    org, problems = check_company(path)
    assert org is None
    [problem] = errors(problems)
    assert (problem.kind, problem.line, problem.message, problem.hint) == (
        kind, line, message, hint)
    assert problem.file == str(path)
    # load_company raises the same as one line: file:line: message (hint)
    with pytest.raises(SourceError) as raised:
        load_company(path)
    assert str(raised.value) == f"{path}:{line}: {message} ({hint})"


def test_wrong_types_are_all_reported_with_how_to_fix_them():
    org, problems = check_company(DATA / "wrong-types.yaml")
    assert org is None
    found = [(p.line, p.message, p.hint) for p in problems]
    assert found == [
        (4, "person on line 4: 'id' must be text, not a number 7", 'put it in quotes: id: "7"'),
        (5, "person 'sam': 'vacant' must be true or false, not 'no'",
         "write vacant: true or vacant: false, without quotes"),
        (6, "person 'team': 'fte' must be a number above 0, not -3",
         "the full-time equivalent staff this card stands for, e.g. fte: 12.5"),
        (7, "person 'kim': 'dotted' must be a list of person ids",
         "e.g. dotted: [sam]; quote ids that look like numbers"),
    ]


def test_every_mistake_in_a_file_is_collected_in_line_order():
    org, problems = check_company(DATA / "many-mistakes.yaml")
    assert org is None
    assert [(p.kind, p.line) for p in errors(problems)] == [
        ("unknown-key", 2), ("unknown-role", 4), ("unknown-manager", 5), ("duplicate-id", 6),
        ("missing-name", 7), ("self-report", 7),
    ]
    with pytest.raises(SourceError) as raised:
        load_company(DATA / "many-mistakes.yaml")
    assert raised.value.line == 2
    assert raised.value.problems == problems


def test_a_repeated_id_does_not_hide_the_mistakes_of_its_second_row():
    # the second 'lee' is an error, and so is each of its own mistakes: fixing the id must
    # not reveal new ones
    text = ("company: Acme\ndepartments: [{id: eng, name: Engineering}]\npeople:\n"
            "  - {id: omar, name: Omar}\n"
            "  - {id: lee, name: Lee Park, manager: omar}\n"
            "  - id: lee\n    name: Lee Chang\n    manager: omarr\n    department: engg\n"
            "    dotted: [samm]\n    fte: -1\n")
    org, problems = check_text(text)
    assert org is None
    assert [(p.kind, p.line, p.message, p.hint) for p in errors(problems)] == [
        ("duplicate-id", 6, "person id 'lee' is used twice",
         "first used on line 5; ids must be unique"),
        ("unknown-manager", 8, "person 'lee': manager 'omarr' does not exist",
         "did you mean 'omar'?"),
        ("unknown-department", 9, "person 'lee': department 'engg' is not listed under "
         "'departments'", "did you mean 'eng'?"),
        ("unknown-dotted", 10, "person 'lee': dotted-line manager 'samm' does not exist", None),
        ("bad-type", 11, "person 'lee': 'fte' must be a number above 0, not -1",
         "the full-time equivalent staff this card stands for, e.g. fte: 12.5"),
    ]
    # a repeated department too
    org, problems = check_text(text.replace("[{id: eng, name: Engineering}]",
                                            "[{id: eng, name: Engineering}, {id: eng, "
                                            "colour: '#zz0000'}]"))
    assert [(p.kind, p.line, p.message) for p in errors(problems)][:2] == [
        ("duplicate-id", 2, "department 'eng' is defined twice"),
        ("bad-value", 2, "department 'eng': colour '#zz0000' is not a colour")]
    # a repeated row without mistakes of its own: the one error
    org, problems = check_text(text.replace("manager: omarr", "manager: omar")
                               .replace("engg", "eng").replace("[samm]", "[omar]")
                               .replace("fte: -1", "fte: 1"))
    assert [(p.kind, p.line) for p in errors(problems)] == [("duplicate-id", 6)]


def test_a_forest_loads_and_is_reported_as_information():
    org, problems = check_company(DATA / "forest.yaml")
    assert [p.id for p in org.roots()] == ["omar", "ana"]
    [info] = problems
    assert (info.severity, info.kind, info.line) == ("info", "several-roots", 4)
    assert info.message == "2 people are at the top, drawn side by side: omar, ana"


def test_people_cut_loose_by_a_mistake_are_not_counted_as_extra_roots():
    _, problems = check_company(DATA / "unknown-manager.yaml")
    assert [p.kind for p in problems] == ["unknown-manager"]


def test_small_config_fields():
    org = load_company(DATA / "small.yaml")
    assert (org.name, org.ladder, org.variant) == ("Small & Co", "product", "startup")
    assert org.departments["rnd"].name == "R&D"
    assert org.departments["product"].colour == "#4c78a8"
    people = org.people
    # "VP of Product" is an alias of the CPO, the head this startup chose.
    assert (people["omar"].role, people["omar"].title) == (
        "chief-product-officer", "Chief Product Officer")
    assert (people["lee"].role, people["lee"].manager, people["lee"].dotted) == (
        "product-manager", "omar", ("zoe",))
    assert people["lee"].name == "Lee O'Park"
    assert people["open-pm"].vacant and people["open-pm"].title == "Product Manager"
    assert people["open-pm"].name == ""
    duo = people["duo"]
    assert (duo.name, duo.shared_with, duo.role, duo.title) == (
        "Ana López", ("Ben Ito",), None, "Research Leads")
    assert duo.display_name == "Ana López & Ben Ito"
    assert people["zoe"].assistant and people["zoe"].name == "Zoë Ångström"
    assert (people["group"].fte, people["group"].extra) == (4.5, (("grade", "L3"),))
    assert people["lee"].line == 9
    # The vacancy is not counted; the group counts as its FTE (rounding is the model's call).
    assert org.headcount() - org.headcount("group") == 1 + 1 + 2 + 1
    assert [p.id for p in org.reports("omar")] == ["lee", "open-pm", "duo", "zoe"]


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_toml_and_json_load_to_the_same_org_as_yaml(suffix):
    def without_lines(org):
        return [replace(p, line=None) for p in org]

    from_yaml = load_company(DATA / "small.yaml")
    other = load_company(DATA / f"small{suffix}")
    assert without_lines(other) == without_lines(from_yaml)
    assert other.departments == from_yaml.departments
    assert (other.name, other.ladder, other.variant) == (
        from_yaml.name, from_yaml.ladder, from_yaml.variant)
    assert list(other.graph.edges) == list(from_yaml.graph.edges)


def test_json_keeps_line_numbers_for_messages(tmp_path):
    path = tmp_path / "acme.json"
    path.write_text('{"people": [\n  {"id": "a", "name": "A"},\n  {"id": "b", "name": "B",'
                    ' "manager": "aa"}\n]}\n')
    _, problems = check_company(path)
    assert [(p.kind, p.line, p.hint) for p in problems] == [
        ("unknown-manager", 3, "did you mean 'a'?")]


def test_toml_mistakes_are_reported_with_their_line(tmp_path):
    path = tmp_path / "acme.toml"
    path.write_text('[[people]]\nid = "a"\nname = "A"\n\n[[people]]\nid = "b"\nname = "B"\n'
                    'manager = "zz"\n')
    _, problems = check_company(path)
    assert [(p.kind, p.line) for p in problems] == [("unknown-manager", 8)]
    assert str(problems[0]).startswith(f"error: {path}:8: person 'b': manager 'zz'")


def test_a_file_that_cannot_be_parsed_is_one_problem_with_its_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("company: Acme\npeople:\n  - {id: a, name: [unclosed\n")
    org, [problem] = check_company(path)
    assert org is None and problem.severity == "error" and problem.line == 4
    _, [missing] = check_company(tmp_path / "nope.yaml")
    assert missing.message == "file not found"


def test_title_without_role_is_free_text_and_not_matched():
    org, problems = check_text("people:\n  - {id: a, name: A, title: Product Manager}\n"
                               "  - {id: b, name: B, title: Staff Wizard, manager: a}\n")
    # A title that names a ladder role is left alone, with a note on how to link it.
    assert [(p.severity, p.kind, p.line, p.message, p.hint) for p in problems] == [
        ("info", "title-not-linked", 2, "person 'a': title 'Product Manager' is not linked to "
         "the ladder", "add role: product-manager to place it on the ladder")]
    assert [(p.role, p.title) for p in org] == [(None, "Product Manager"), (None, "Staff Wizard")]
    assert org.name == "acme"  # no company: the file's name
    assert org.ladder == "product"


@pytest.mark.parametrize(("text", "role_id"), [
    ("senior pm", "senior-product-manager"),
    ("SENIOR-PRODUCT-MANAGER", "senior-product-manager"),
    ("  Senior   Product Manager ", "senior-product-manager"),
    ("Head of Product", "head-of-product"),  # a title wins over the CPO's alias
    ("vp of product", "chief-product-officer"),
    ("APM", "junior-product-manager"),
])
def test_match_role_by_id_title_or_alias_in_any_case(text, role_id):
    assert resolve_role(read_ladder("product"), text).id == role_id


def test_in_a_scale_up_head_of_product_is_the_cpo_and_it_says_so():
    org, problems = check_text("variant: scale-up\npeople:\n  - {id: a, name: A, role: Head of"
                               " Product}\n")
    assert org.people["a"].role == "chief-product-officer"
    [problem] = problems
    assert (problem.severity, problem.kind, problem.line) == ("warning", "role-not-in-variant", 3)
    assert problem.message == ("person 'a': Head of Product is not a role in the Scale-up "
                               "variant: the name goes to Chief Product Officer, which goes by "
                               "it there")


def test_a_role_the_variant_drops_becomes_its_stand_in_with_a_warning():
    """Senior PM in a startup is a PM: placed, and said so (it was an error once)."""
    org, problems = check_company(DATA / "role-not-in-variant.yaml")
    assert org.people["lee"].role == "product-manager"
    [problem] = problems
    assert (problem.severity, problem.kind, problem.line) == ("warning", "role-not-in-variant", 6)
    assert "Senior Product Manager is not a role in the Startup variant: it counts as Product " \
        "Manager there" in problem.message
    assert problem.hint == "write role: product-manager to say so, or choose another variant"


def test_an_ambiguous_role_is_an_error_naming_both(tmp_path):
    shared = Path(__file__).parent / "data" / "ladders" / "shared-alias.yaml"
    config = tmp_path / "acme.yaml"
    config.write_text(f"ladder: {shared}\npeople:\n  - {{id: a, name: A, role: Team Lead}}\n")
    org, problems = check_company(config)
    assert org is None
    [problem] = problems
    assert (problem.kind, problem.line) == ("ambiguous-role", 3)
    assert problem.message == ("person 'a': role 'Team Lead' could be any of "
                               "staff-engineer, engineering-manager")


def test_variant_head_can_be_chosen_and_a_wrong_head_is_reported():
    org, _ = check_text("variant: {id: startup, head: cpo}\npeople:\n"
                        "  - {id: a, name: A, role: CPO}\n")
    assert org.people["a"].role == "chief-product-officer"
    assert [r.id for r in company_ladder(org)] == ["product-manager", "chief-product-officer"]
    _, problems = check_text("variant:\n  id: startup\n  head: janitor\npeople:\n"
                             "  - {id: a, name: A}\n")
    [problem] = problems
    assert (problem.kind, problem.line) == ("unknown-variant", 1)
    assert problem.message == "variant 'startup' cannot have 'janitor' as its head"


def test_a_ladder_path_is_read_relative_to_the_config(tmp_path):
    (tmp_path / "ladders").mkdir()
    shutil.copy(ROOT / "ladder" / "builtin" / "product.yaml", tmp_path / "ladders" / "ours.yaml")
    config = tmp_path / "acme.yaml"
    config.write_text("ladder: ladders/ours.yaml\npeople:\n  - {id: a, name: A, role: Senior PM}\n")
    org = load_company(config)
    assert org.people["a"].role == "senior-product-manager"
    assert org.ladder == "ladders/ours.yaml"
    assert company_ladder(org).file == str(tmp_path / "ladders" / "ours.yaml")


def test_mistakes_in_the_ladder_file_are_reported_too(tmp_path):
    (tmp_path / "ours.yaml").write_text("roles:\n  - {id: pm, level: 1}\n  - {id: pm, level: 2}\n")
    config = tmp_path / "acme.yaml"
    config.write_text("company: Acme\nladder: ours.yaml\npeople:\n  - {id: a, name: A}\n")
    _, problems = check_company(config)
    assert [(p.file, p.line, p.message) for p in problems] == [
        (str(config), 2, "ladder 'ours.yaml' has 1 mistake"),
        (str(tmp_path / "ours.yaml"), 3, "role 'pm' is defined twice")]
    assert problems[0].hint == f"see {tmp_path / 'ours.yaml'}"


def test_departments_match_by_id_or_name_and_may_be_left_out():
    org, _ = check_company(DATA / "unknown-department.yaml")
    assert org is None  # only sam is wrong: "r&d" is the name of rnd
    org, problems = check_text("people:\n  - {id: a, name: A, department: Sales}\n")
    assert problems == [] and org.people["a"].department == "Sales"


def test_bad_colour_and_department_mistakes():
    _, problems = check_text(
        "departments:\n  - {id: a, colour: '#12345'}\n  - {id: a}\n  - {name: X}\n"
        "  - {id: b, colouur: red}\npeople:\n  - {id: p, name: P}\n")
    assert [(p.kind, p.line) for p in problems] == [
        ("bad-value", 2), ("duplicate-id", 3), ("missing-key", 4), ("unknown-key", 5)]
    assert problems[4 - 1].hint == "did you mean 'colour'?"


def test_extra_keys_are_kept_and_near_misses_warned():
    org, problems = check_text("people:\n  - {id: a, name: A}\n"
                               "  - {id: b, name: B, manger: a, email: b@x.org, grade: 7}\n")
    warning, info = problems  # b is at the top: a near miss is not a manager
    assert (warning.severity, warning.line, warning.hint) == (
        "warning", 3, "did you mean 'manager'?")
    assert info.kind == "several-roots"
    assert org.people["b"].extra == (("manger", "a"), ("email", "b@x.org"), ("grade", "7"))
    _, problems = check_text("people:\n  - {id: a, name: A, dotted_lines: [b]}\n")
    assert [(p.severity, p.kind) for p in problems] == [("error", "unknown-key")]


@pytest.mark.parametrize(("text", "kind", "message"), [
    ("- a\n- b\n", "bad-type", "a company config must be a mapping with 'company' and 'people', "
     "not a list"),
    ("company: Acme\n", "missing-key", "'people' is missing"),
    ("people: []\n", "missing-key", "'people' is empty"),
    ("people:\n", "missing-key", "'people' is empty"),
    ("people: {a: 1}\n", "bad-type", "'people' must be a list, not a mapping"),
    ("people:\n  - just text\n", "bad-type",
     "people: entry 1 must be a mapping of keys, not text"),
    ("people:\n  - {name: A}\n", "missing-key", "person on line 2: 'id' is missing"),
    ("people:\n  - {id: a, name: A, names: [B, C]}\n", "bad-value",
     "person 'a': give 'name' or 'names', not both"),
    ("people:\n  - {id: a, names: []}\n", "bad-type", "person 'a': 'names' must be a list of "
     "names"),
    ("people:\n  - {id: a, name: ''}\n", "missing-name", "person 'a': 'name' is empty"),
    ("people:\n  - {id: a, name: A, dotted: [a]}\n", "self-report",
     "person 'a' has a dotted line to themselves"),
    ("company: 12\npeople:\n  - {id: a, name: A}\n", "bad-type",
     "config: 'company' must be text, not a number"),
])
def test_shape_mistakes(text, kind, message):
    org, problems = check_text(text)
    assert org is None
    assert [(p.kind, p.message) for p in errors(problems)] == [(kind, message)]


def test_warnings_do_not_stop_loading():
    org, problems = check_text(
        "people:\n  - {id: a, name: A}\n  - {id: b, name: B, manager: a, dotted: [a]}\n"
        "  - {id: pa, name: P, assistant: true}\n  - {id: v, vacant: true, manager: a}\n")
    assert org is not None
    assert [(p.severity, p.kind) for p in problems] == [
        ("warning", "dotted-is-manager"), ("warning", "lone-assistant"), ("warning", "no-title"),
        ("info", "several-roots")]
    assert org.people["b"].dotted == ()


def test_several_cycles_each_reported_once_from_their_first_person():
    _, problems = check_text(
        "people:\n  - {id: x, name: X, manager: y}\n  - {id: y, name: Y, manager: x}\n"
        "  - {id: t, name: T, manager: x}\n  - {id: p, name: P, manager: r}\n"
        "  - {id: q, name: Q, manager: p}\n  - {id: r, name: R, manager: q}\n")
    assert [(p.message, p.line) for p in problems] == [
        ("reporting cycle: x -> y -> x", 2), ("reporting cycle: p -> r -> q -> p", 5)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=-1, max_value=7), min_size=1, max_size=8))
@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_any_manager_links_give_a_forest_or_a_reported_mistake(managers):
    """Whatever links people have, the result is a valid forest or the mistakes are named."""
    lines = ["people:"]
    for index, manager in enumerate(managers):
        link = f", manager: p{manager}" if manager >= 0 else ""
        lines.append(f"  - {{id: p{index}, name: P{index}{link}}}")
    org, problems = check_text("\n".join(lines) + "\n")
    graph = nx.DiGraph((f"p{m}", f"p{i}") for i, m in enumerate(managers) if m >= 0)
    has_cycle = not nx.is_directed_acyclic_graph(graph)
    unknown = any(m >= len(managers) for m in managers)
    if org is None:
        kinds = {p.kind for p in errors(problems)}
        assert kinds <= {"cycle", "self-report", "unknown-manager"} and kinds
        assert ("cycle" in kinds or "self-report" in kinds) == has_cycle
        assert ("unknown-manager" in kinds) == unknown
    else:
        assert not has_cycle and not unknown
        assert nx.is_forest(org.graph.to_undirected()) and len(org) == len(managers)


# -- the examples ---------------------------------------------------------------------------

def load_example(name):
    org, problems = check_company(EXAMPLES / f"{name}.yaml")
    assert errors(problems) == [] and [p for p in problems if p.severity == "warning"] == []
    return org


def product_titles(org):
    ladder = company_ladder(org)
    return {ladder.roles[p.role].title for p in org if p.role}


def test_startup_has_one_product_head_over_the_pms():
    org = load_example("startup")
    assert 6 <= len(org) <= 10 and org.variant == "startup"
    heads = [p for p in org if p.role == "head-of-product"]
    assert len(heads) == 1
    pms = [p for p in org if p.role == "product-manager"]
    assert pms and all(p.manager == heads[0].id for p in pms)
    assert product_titles(org) == {"Head of Product", "Product Manager"}


def test_scale_up_has_two_product_leadership_titles():
    org = load_example("scale-up")
    assert 50 <= len(org) <= 70 and org.variant == "scale-up"
    leaders = {p.role for p in org if p.role in ("chief-product-officer", "director-of-product")}
    assert leaders == {"chief-product-officer", "director-of-product"}
    assert product_titles(org) == {"Chief Product Officer", "Director of Product",
                                   "Senior Product Manager", "Product Manager"}
    assert len(org.departments) >= 4


def test_enterprise_has_the_full_ladder_and_every_feature():
    org = load_example("enterprise")
    assert 350 <= org.headcount() <= 450 and org.variant == "enterprise"
    assert {p.role for p in org if p.role} == set(read_ladder("product").roles)
    assert len(org.departments) >= 5
    assert all(d.colour for d in org.departments.values())
    assert any(d.name == "R&D" for d in org.departments.values())
    assert sum(p.vacant for p in org) >= 5
    assert len(org.dotted_lines()) >= 5
    assert any(p.assistant for p in org)
    assert any(p.shared_with for p in org)
    assert any(p.fte for p in org)
    names = [p.display_name for p in org]
    assert any("'" in n for n in names) and any('"' in n for n in names)
    assert any(not n.isascii() for n in names)
    assert len(org.roots()) == 1


def test_the_example_generator_is_reproducible(tmp_path):
    shutil.copy(EXAMPLES / "make_examples.py", tmp_path)
    subprocess.run([sys.executable, str(tmp_path / "make_examples.py")], check=True)
    for name in ("scale-up.yaml", "enterprise.yaml"):
        assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes(), name


def test_a_post_whose_name_is_not_published_keeps_an_empty_name_and_its_title(tmp_path):
    import ladder

    path = tmp_path / "org.yaml"
    path.write_text("company: X\npeople:\n  - {id: a, name: Ann, title: CEO}\n"
                    "  - {id: cdd3, name: '', title: Deputy Director, manager: a}\n"
                    "  - {id: b, name: '', manager: a}\n", encoding="utf-8")
    with pytest.raises(ladder.LadderError, match="person 'b'.*'name' is empty"):
        ladder.load(path)
    path.write_text(path.read_text().replace("  - {id: b, name: '', manager: a}\n", ""))
    org = ladder.load(path)
    assert org.people["cdd3"].name == ""
    assert "**Name not published**, Deputy Director" in ladder.draw(org, format="markdown")


def test_a_department_colour_must_be_a_real_colour():
    text = ("company: Acme\ndepartments: [{id: eng, name: Engineering, colour: blu}, "
            "{id: ops, colour: Teal}]\npeople: [{id: omar, name: Omar, department: eng}]\n")
    _, problems = check_text(text)
    assert [(p.kind, p.line, p.message) for p in errors(problems)] == [
        ("bad-value", 2, "department 'eng': colour 'blu' is not a colour")]
    org, problems = check_text(text.replace("colour: blu", "colour: '#4c78a8'"))
    assert errors(problems) == [] and org is not None
    assert (org.departments["eng"].colour, org.departments["ops"].colour) == ("#4c78a8", "Teal")
