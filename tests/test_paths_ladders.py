"""Paths on real, published ladders (examples/ladders/) and across several ladders."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladder.analysis.paths import competency_gap, find_paths, resolve_role
from ladder.errors import LadderError, SourceError
from ladder.model.ladder import Move
from ladder.model.ladder_set import combine_ladders
from ladder.sources.document import parse_document
from ladder.sources.ladder_set import load_any_ladder, parse_ladder_set
from ladder.sources.ladders import read_ladder

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "ladders"


@pytest.mark.parametrize("name", ["ft-engineering", "octopus-product"])
def test_example_ladders_load_and_keep_their_licence(name):
    ladder = read_ladder(EXAMPLES / f"{name}.yaml")
    assert len(ladder) >= 5
    licence = (EXAMPLES / f"{name}.LICENSE").read_text(encoding="utf-8")
    header = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8").split("\nid:")[0]
    assert f"{name}.LICENSE" in header and "github.com" in header
    assert ("MIT License" in licence) if name == "ft-engineering" else (
        "Apache License" in licence)


def test_ft_junior_to_cto_goes_through_the_manager_track():
    ft = read_ladder(EXAMPLES / "ft-engineering.yaml")
    paths = find_paths(ft, "junior engineer", "cto")
    assert [len(p.steps) for p in paths] == [6, 7]
    assert paths[0].roles == ("junior", "engineer", "senior-1", "senior-2-pm", "principal-pm",
                              "tech-director", "cto")
    assert all(p.years is None for p in paths)  # the FT publishes no typical years
    # competencies gained are the themes whose expected proficiency rises
    assert paths[0].steps[0].gained == (
        "Planning and Organising: Foundational", "Independent Working: Foundational",
        "Problem Solving & Decision Making: Foundational", "Team Work: Foundational",
        "Curiosity & Learning: Foundational",
    )


def test_ft_ic_path_to_principal_avoids_people_managers():
    ft = read_ladder(EXAMPLES / "ft-engineering.yaml")
    every = find_paths(ft, "junior", "principal engineer ic")
    ic_only = find_paths(ft, "junior", "principal engineer ic", avoid=["management"])
    assert len(every) == 2
    assert [p.roles for p in ic_only] == [("junior", "engineer", "senior-1", "senior-2-ic",
                                           "principal-ic")]
    with pytest.raises(LadderError, match="among the roles to avoid"):
        find_paths(ft, "junior", "cto", avoid=["People manager"])


def test_ft_gap_between_the_two_principal_roles():
    ft = read_ladder(EXAMPLES / "ft-engineering.yaml")
    gap = competency_gap(ft, "principal-ic", "principal-pm")
    assert "Leadership of Self and Others: Expert" in gap.needed
    assert "Technical: Expert" in gap.extra
    assert "Business Impact: Practitioner" in gap.shared


def test_octopus_pm_to_director():
    octopus = read_ladder(EXAMPLES / "octopus-product.yaml")
    paths = find_paths(octopus, "PM", "Director of Product")
    assert [p.roles for p in paths] == [
        ("product-manager", "senior-product-manager", "director-of-product"),
        ("product-manager", "senior-product-manager", "principal-product-manager",
         "director-of-product"),
    ]
    assert paths[0].steps[-1].gained[0] == (
        "maintain a view of trends that can help and hinder our ambitions")
    # Product Operations is a side step: it never leads towards Director
    assert find_paths(octopus, "product ops", "director of product")[0].steps[0].target == (
        "product-manager")


def _ladder_key(role_id: str) -> str:
    """The ladder a combined role id belongs to: ``engineering`` of ``engineering:junior``."""
    return role_id.partition(":")[0]


def test_cross_ladder_path_from_engineer_to_cpo():
    both = load_any_ladder(EXAMPLES / "engineering-to-product.yaml")
    paths = find_paths(both, "engineering:junior", "product:cpo")
    assert paths, "no path from engineering into product"
    crossing = paths[0].steps[3]
    assert _ladder_key(crossing.source) == "engineering"
    assert _ladder_key(crossing.target) == "product"
    assert crossing.kind == "lateral" and crossing.years == 1.0
    # every path crosses exactly once, at one of the declared moves
    declared = {(m.source, m.target) for m in both.moves if
                _ladder_key(m.source) != _ladder_key(m.target)}
    for path in paths:
        crossings = [(s.source, s.target) for s in path.steps
                     if _ladder_key(s.source) != _ladder_key(s.target)]
        assert len(crossings) == 1 and crossings[0] in declared
    # the IC-only route: no manager track in either ladder
    ic_only = find_paths(both, "junior", "principal product manager", avoid=["management"])
    assert ic_only and all("management" not in both.roles[r].track
                           for p in ic_only for r in p.roles)


def test_load_any_ladder_tells_sets_from_ladders():
    assert load_any_ladder("product").id == "product"
    assert load_any_ladder(EXAMPLES / "octopus-product.yaml").id == "octopus-product"
    assert load_any_ladder("engineering-to-product.yaml", relative_to=EXAMPLES).id == (
        "engineering-to-product")


def test_combined_ids_tracks_and_sources_are_namespaced():
    both = load_any_ladder(EXAMPLES / "engineering-to-product.yaml")
    cpo = both.roles["product:chief-product-officer"]
    assert cpo.track == "product:management"
    assert cpo.competencies[0].source == "product:article"
    assert both.tracks["engineering:management"].name == (
        "Engineering (Financial Times): People manager")
    assert resolve_role(both, "senior engineer").id == "engineering:senior-1"


def set_file(text: str) -> str:
    return f"ladders:\n  - {{id: engineering, ladder: ft-engineering.yaml}}\n" \
           f"  - {{id: product, ladder: product}}\n{text}"


@pytest.mark.parametrize(("moves", "message", "line"), [
    ("moves:\n  - {from: 'engineering:senior-1', to: 'prodct:pm'}\n",
     "no ladder 'prodct' in this set (did you mean 'product'?)", 5),
    ("moves:\n  - {from: 'engineering:senior-1', to: 'product:pn'}\n",
     "move to 'product:pn'", 5),
    ("moves:\n  - {from: 'engineering:senior-1', to: 'product:pm', kind: sideways}\n",
     "move kind 'sideways'", 5),
    ("moves:\n  - {from: 'engineering:senior-1', to: 'product:pm'}\n"
     "  - {from: 'product:pm', to: 'engineering:senior-1'}\n",
     "promotions go round in a circle", 5),
])
def test_bad_ladder_sets_name_the_line(moves, message, line):
    data = parse_document(set_file(moves), "set.yaml")
    with pytest.raises(SourceError) as caught:
        parse_ladder_set(data, "set.yaml", folder=EXAMPLES)
    assert message in str(caught.value)
    assert caught.value.line == line and caught.value.file == "set.yaml"


def test_a_missing_member_ladder_is_reported_on_its_line():
    data = parse_document(
        "ladders:\n  - {id: a, ladder: product}\n  - {id: b, ladder: nope.yaml}\n", "set.yaml")
    with pytest.raises(SourceError, match="ladder 'b': .*no ladder file") as caught:
        parse_ladder_set(data, "set.yaml", folder=EXAMPLES)
    assert caught.value.line == 3


def test_combine_ladders_checks_cross_moves():
    product = read_ladder("product")
    with pytest.raises(LadderError, match="no role 'product:cpo'"):
        combine_ladders({"product": product}, [Move("product:product-manager", "product:cpo")])
    with pytest.raises(LadderError, match="must be non-empty and have no ':'"):
        combine_ladders({"a:b": product})
