"""Promotion paths on the built-in product ladder: what a PM asking "how do I get there?" sees."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from ladder.analysis.paths import (
    competency_gap,
    find_paths,
    gained,
    highlight_steps,
    plan_highlight,
    resolve_endpoints,
    resolve_role,
)
from ladder.errors import LadderError
from ladder.model.variants import variant_ids
from ladder.renderers.results.paths import format_paths_markdown, format_paths_table, paths_json
from ladder.sources.ladders import read_ladder

# The seed article's list for a Chief Product Officer ("be strong leaders and supervisors, be
# capable of understanding and interpreting data, possess strategic product vision skills,
# understand marketing and publicity, be sensitive to customers and users"), in its words
# (tests/test_builtin_sources.py checks them against the article).
CPO_FROM_ARTICLE = (
    "strong leaders and supervisors",
    "understanding and interpreting data",
    "strategic product vision",
    "marketing and publicity",
    "sensitive to customers and users",
)
# The article's Director of Product skills that a Senior PM does not list.
DIRECTOR_FROM_ARTICLE = (
    "market research", "product research", "competitor research",
    "technical product development", "computer programming", "web development",
    "technical writing",
    "understanding of user experience (UX) and user interface (UI) design",
)


@pytest.fixture(scope="module")
def product():
    return read_ladder("product")


@pytest.mark.parametrize("variant", variant_ids(read_ladder("product")))
def test_junior_pm_to_cpo_in_every_variant(product, variant):
    ends = resolve_endpoints(product, "Junior PM", "CPO", variant=variant)
    paths = find_paths(ends.ladder, ends.start, ends.goal)
    assert paths, f"no path in the {variant} variant"
    assert ends.goal.id == "chief-product-officer"
    # the quickest path passes no role that asks for a CPO's competencies before the CPO
    assert paths[0].steps[-1].gained == CPO_FROM_ARTICLE
    for path in paths:
        assert path.roles[-1] == "chief-product-officer"
        assert set(CPO_FROM_ARTICLE) <= {g for step in path.steps for g in step.gained}
        # every role on the path is one the variant has
        assert set(path.roles) <= set(ends.ladder.roles)
    assert [p.years for p in paths] == sorted(p.years for p in paths)


def test_variants_make_the_path_shorter(product):
    steps = {}
    for variant in ("startup", "scale-up", "enterprise"):
        ends = resolve_endpoints(product, "junior-pm", "cpo", variant=variant)
        steps[variant] = len(find_paths(ends.ladder, ends.start, ends.goal)[0].steps)
    assert steps == {"startup": 1, "scale-up": 3, "enterprise": 5}


def test_startup_maps_junior_pm_up_to_pm_and_says_so(product):
    ends = resolve_endpoints(product, "junior-pm", "cpo", variant="startup")
    assert ends.start.id == "product-manager"
    assert ("Junior Product Manager is not a role in the Startup variant: it counts as Product "
            "Manager there, the nearest role above its level on the Individual contributor "
            "track") in ends.notes


def test_startup_with_another_head_goes_to_that_head(product):
    ends = resolve_endpoints(product, "pm", "cpo", variant="startup", head="head-of-product")
    assert ends.goal.id == "head-of-product"
    assert any("Chief Product Officer is not a role in the Startup variant: it counts as Head "
               "of Product there, the nearest role at or below its level" in note
               for note in ends.notes)


def test_full_ladder_paths_sorted_by_years_then_steps(product):
    paths = find_paths(product, "junior-product-manager", "chief-product-officer")
    assert [(p.years, len(p.steps)) for p in paths] == [(12.0, 5), (13.0, 6)]
    first = paths[0]
    assert first.roles == ("junior-product-manager", "product-manager",
                           "senior-product-manager", "director-of-product", "head-of-product",
                           "chief-product-officer")
    assert first.steps[2].gained == DIRECTOR_FROM_ARTICLE
    assert first.steps[2].kind == "promotion" and first.steps[2].years == 3.0
    assert paths[1].steps[3].kind == "lateral"  # Principal PM -> Director of Product


def test_gained_are_new_on_the_way_each_named_once_where_first_needed(product):
    for path in find_paths(product, "junior-product-manager", "chief-product-officer"):
        had = {c.name for c in product.roles[path.start].competencies}
        for step in path.steps:
            needs = [c.name for c in product.roles[step.target].competencies]
            assert step.gained == tuple(n for n in needs if n not in had)
            had |= set(needs)
        every = [g for step in path.steps for g in step.gained]
        assert len(every) == len(set(every))


def test_data_analysis_is_not_gained_twice_on_the_way_past_principal(product):
    """Issue 9: Senior PM -> Principal -> Director listed "data analysis" as gained, though a
    Senior PM has it."""
    [_, through_principal] = find_paths(product, "Senior PM", "CPO")
    assert through_principal.roles[1] == "principal-product-manager"
    every = [g for step in through_principal.steps for g in step.gained]
    assert "data analysis" not in every
    assert every.count("market research") == 1  # Principal's, not again at Director


def test_ic_only_path_avoids_management(product):
    every = find_paths(product, "junior-pm", "principal-pm")
    ic_only = find_paths(product, "junior-pm", "principal-pm", avoid=["management"])
    assert len(every) == 2 and len(ic_only) == 1
    management = {r.id for r in product if r.track == "management"}
    assert management and not management & set(ic_only[0].roles)
    assert any(management & set(p.roles) for p in every)


@pytest.mark.parametrize("avoid", ["management", "Management", "director-of-product",
                                   "Director of Product"])
def test_avoid_takes_a_track_or_a_role(product, avoid):
    paths = find_paths(product, "senior pm", "principal pm", avoid=[avoid])
    assert [p.roles for p in paths] == [("senior-product-manager", "principal-product-manager")]


def test_avoid_unknown_name_is_an_error_with_a_hint(product):
    with pytest.raises(LadderError, match="neither a track nor a role") as caught:
        find_paths(product, "pm", "senior pm", avoid=["managment"])
    assert "did you mean 'management'?" in str(caught.value)


def test_via_forces_a_role_in_order(product):
    paths = find_paths(product, "junior-pm", "cpo", via=["principal pm"])
    assert len(paths) == 1 and "principal-product-manager" in paths[0].roles
    assert not find_paths(product, "junior-pm", "cpo", via=["head-of-product", "director"
                                                              " of product"])


@pytest.mark.parametrize(("name", "role_id"), [
    ("junior-pm", "junior-product-manager"),
    ("JUNIOR pm", "junior-product-manager"),
    ("  Associate   Product Manager ", "junior-product-manager"),
    ("VP of Product", "chief-product-officer"),
    ("Head of Product", "head-of-product"),  # the title beats the CPO's alias
    ("senior_product_manager", "senior-product-manager"),
])
def test_roles_by_id_title_or_alias(product, name, role_id):
    assert resolve_role(product, name).id == role_id


def test_ambiguous_alias_is_an_error():
    from pathlib import Path

    shared = read_ladder(Path(__file__).parent / "data" / "ladders" / "shared-alias.yaml")
    with pytest.raises(LadderError, match="could be any of staff-engineer, engineering-manager"):
        resolve_role(shared, "team lead")


def test_the_articles_other_names_of_a_cpo_name_the_cpo(product):
    assert resolve_role(product, "product head").id == "chief-product-officer"


def test_unknown_role_suggests_the_nearest_name(product):
    with pytest.raises(LadderError) as caught:
        resolve_role(product, "Seniour PM")
    assert "has no role 'Seniour PM'" in str(caught.value)
    assert "did you mean 'Senior PM'?" in str(caught.value)


def test_role_missing_from_every_variant_name_is_still_suggested(product):
    with pytest.raises(LadderError, match="did you mean"):
        resolve_endpoints(product, "junior pn", "cpo", variant="startup")


PATHS_SCHEMA = {
    "type": "object",
    "required": ["from", "to", "paths"],
    "additionalProperties": False,
    "properties": {
        "from": {"type": "string"},
        "to": {"type": "string"},
        "paths": {"type": "array", "items": {
            "type": "object",
            "required": ["years", "steps"],
            "additionalProperties": False,
            "properties": {
                "years": {"type": ["number", "null"]},
                "years_range": {"type": "array", "items": {"type": "number"}},
                "steps": {"type": "array", "items": {
                    "type": "object",
                    "required": ["from", "to", "kind", "years", "gained"],
                    "additionalProperties": False,
                    "properties": {
                        "from": {"type": "string"}, "to": {"type": "string"},
                        "kind": {"enum": ["promotion", "lateral"]},
                        "years": {"type": ["number", "null"]},
                        "gained": {"type": "array", "items": {"type": "string"}},
                        "years_range": {"type": "array", "items": {"type": "number"}},
                        "areas": {"type": "array", "items": {
                            "type": "object", "required": ["area", "change", "added"]}},
                    },
                }},
            },
        }},
    },
}


def test_json_has_the_issue_shape(product):
    start, goal = resolve_role(product, "junior pm"), resolve_role(product, "cpo")
    data = json.loads(paths_json(start, goal, find_paths(product, start, goal)))
    jsonschema.validate(data, PATHS_SCHEMA)
    assert data["from"] == "junior-product-manager" and data["to"] == "chief-product-officer"
    assert [p["years"] for p in data["paths"]] == [12, 13]
    first = data["paths"][0]["steps"][0]
    # a ladder with areas: what each step adds per area
    assert {a["area"]: a["change"] for a in first.pop("areas")} == {
        "strategy": "new", "technology": "new", "delivery": "raised", "users": "raised",
        "leadership": "raised"}
    assert first == {
        "from": "junior-product-manager", "to": "product-manager", "kind": "promotion",
        "years": 1.5, "gained": ["corporate strategy", "design expertise",
                                 "consumer demands", "user needs",
                                 "technology, business and design",
                                 "making a product as efficient as possible"],
    }
    # a path's years are the sum of its steps'
    for path in data["paths"]:
        assert path["years"] == sum(step["years"] for step in path["steps"])


def test_output_is_the_same_bytes_every_time(product):
    def run():
        start, goal = resolve_role(product, "junior pm"), resolve_role(product, "cpo")
        paths = find_paths(product, start, goal)
        return (paths_json(start, goal, paths), format_paths_table(product, start, goal, paths),
                format_paths_markdown(product, start, goal, paths))

    assert run() == run()


def test_table_and_markdown_name_every_step(product):
    start, goal = resolve_role(product, "junior pm"), resolve_role(product, "cpo")
    paths = find_paths(product, start, goal)
    table = format_paths_table(product, start, goal, paths)
    assert table.startswith("Junior Product Manager -> Chief Product Officer: 2 paths\n")
    assert "Path 1: 12 years, 5 steps" in table and "Path 2: 13 years, 6 steps" in table
    markdown = format_paths_markdown(product, start, goal, paths)
    assert markdown.count("| Head of Product | Chief Product Officer | promotion | *3* |") == 2
    # a competency with a comma stays one competency in the Markdown table
    assert "technology, business and design" in markdown


def test_markdown_escapes_pipes():
    ladder = read_ladder("product")
    pm = resolve_role(ladder, "pm")
    odd = type(pm)(**{**pm.__dict__, "title": "PM | Growth"})
    spm = resolve_role(ladder, "senior pm")
    text = format_paths_markdown(ladder, odd, spm, find_paths(ladder, pm, spm))
    assert "PM \\| Growth" in text


def test_same_role_is_an_error_that_says_so(product):
    with pytest.raises(LadderError, match="'pm' and 'Product Manager' are both Product "
                       "Manager, so there is no path between them"):
        find_paths(product, "pm", "Product Manager")


def test_gap_between_senior_pm_and_director(product):
    # the product ladder is cumulative: the Director asks what the Senior PM did, so nothing
    # of the Senior PM's is "extra"; "shared" is what the Director lists that they have
    gap = competency_gap(product, "Senior PM", "Director of Product")
    assert gap.needed == DIRECTOR_FROM_ARTICLE
    assert gap.shared == ("data analysis",)
    assert gap.extra == ()
    # read level by level (cumulative: false), the Director lists only its own
    flat = dataclasses.replace(product, cumulative=False)
    gap = competency_gap(flat, "Senior PM", "Director of Product")
    assert gap.needed == DIRECTOR_FROM_ARTICLE
    assert gap.shared == ("data analysis",)
    assert gap.extra == ("product strategy for an area", "mentoring product managers",
                         "stakeholder management")


def test_a_former_senior_pm_is_not_told_to_learn_what_the_senior_pm_asked(product):
    # Principal PM -> Director is a lateral move; the Director lists "data analysis", which
    # the Principal PM does not list but, as a former Senior PM, already has
    principal, director = (product.roles[r] for r in ("principal-product-manager",
                                                      "director-of-product"))
    assert "data analysis" not in gained(principal, director, product)
    assert "data analysis" in gained(principal, director)  # read level by level


def test_highlight_steps_numbers_each_move(product):
    paths = find_paths(product, "junior-pm", "cpo")
    marks = highlight_steps(product, paths)
    assert marks.start == "junior-product-manager"
    assert marks.goal == "chief-product-officer"
    assert set(marks.nodes) == set(product.roles)  # both paths together touch every role
    assert marks.edges[("junior-product-manager", "product-manager")] == (1,)
    # step 4 on the direct path, step 5 after the detour through Principal PM
    assert marks.edges[("director-of-product", "head-of-product")] == (4, 5)
    assert ("director-of-product", "principal-product-manager") not in marks.edges
    assert marks.paths == tuple(path.roles for path in paths)


def test_plan_highlight_parses_from_to(product):
    marks = plan_highlight(product, "senior pm..head of product", avoid=["principal pm"]).marks
    assert list(marks.edges) == [("senior-product-manager", "director-of-product"),
                                 ("director-of-product", "head-of-product")]
    with pytest.raises(LadderError, match="no path from Chief Product Officer"):
        plan_highlight(product, "cpo..pm")


def test_too_many_paths_gives_the_quickest_with_a_note_not_a_hang(product, monkeypatch):
    import ladder.analysis.paths as module

    every = find_paths(product, "junior-pm", "cpo")
    assert len(every) == 2 and not every.cut and every.note() is None
    monkeypatch.setattr(module, "MAX_PATHS", 1)
    monkeypatch.setattr(module, "QUICKEST", 1)
    quickest = find_paths(product, "junior-pm", "cpo")
    # found lazily, in the order the full enumeration gives them
    assert quickest.cut and [p.roles for p in quickest] == [every[0].roles]
    assert "too many paths to list them all (more than 1, or more than 1,000,000 steps to " \
        "find them): the 1 quickest are listed" in quickest.note()


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_a_dense_lattice_of_moves_gives_its_quickest_paths():
    import ladder.analysis.paths as module

    # 4 roles a level, each moving to every role of the next: 4**12 = 16.7 million paths, which
    # listing in full would take hours
    lattice = read_ladder(str(Path(__file__).parent / "hostile" / "corpus" / "ladder"
                              / "dense-lattice.yaml"))
    found = find_paths(lattice, "r0-0", "r13-3")
    assert found.cut and len(found) == module.QUICKEST
    assert [p.years for p in found] == [13.0] * module.QUICKEST
    assert all(p.roles[0] == "r0-0" and p.roles[-1] == "r13-3" for p in found)


def test_plan_highlight_in_a_variant_draws_the_projection(product):
    from ladder.analysis.paths import plan_highlight

    plan = plan_highlight(product, "junior pm..cpo", variant="startup")
    assert set(plan.ladder.roles) == {"product-manager", "chief-product-officer"}
    assert plan.marks.edges == {("product-manager", "chief-product-officer"): (1,)}
    assert len(plan.notes) == 2
    with pytest.raises(LadderError, match="takes FROM..TO"):
        plan_highlight(product, "pm..")
