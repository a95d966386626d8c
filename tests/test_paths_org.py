"""Org-aware exploration: where a person can go next, who could step into a position."""

from __future__ import annotations

import json
import sys
import types

import pytest
from click.testing import CliRunner

from ladder.analysis.org_moves import (
    find_person,
    next_moves,
    org_distances,
    succession,
)
from ladder.cli import main
from ladder.errors import LadderError
from ladder.model.org import Org, Person
from ladder.model.variants import project
from ladder.renderers.results.moves import format_next_moves, format_succession
from ladder.sources.ladders import read_ladder


@pytest.fixture(scope="module")
def product():
    return read_ladder("product")


def acme() -> Org:
    """A small product org: two Senior PMs, an open Director post, a second tree."""
    return Org.build("Acme", [
        Person("omar", "Omar Haddad", role="chief-product-officer"),
        Person("hop", "Hana Obi", role="head-of-product", manager="omar"),
        Person("open-dir", "", role="director-of-product", manager="hop", vacant=True),
        Person("ana", "Ana Lopez", role="senior-product-manager", manager="hop"),
        Person("pri", "Priya Rao", role="principal-product-manager", manager="omar"),
        Person("kim", "Kim Ito", role="senior-product-manager", manager="open-dir"),
        Person("lee", "Lee Park", role="product-manager", manager="ana"),
        Person("open-pm", "", role="product-manager", manager="ana", vacant=True),
        Person("pa", "Pat Quinn", title="Executive Assistant", manager="omar", assistant=True),
        Person("zoe", "Zoe Berg", role="senior-product-manager"),  # a second root: far away
    ], source="acme.yaml")


def test_next_moves_for_a_senior_pm(product):
    moves = next_moves(acme(), product, "ana")
    assert moves.role.id == "senior-product-manager"
    options = {o.role.id: o for o in moves.options}
    assert list(options) == ["principal-product-manager", "director-of-product"]
    assert [p.id for p in options["principal-product-manager"].holders] == ["pri"]
    assert options["principal-product-manager"].openings == ()
    assert [p.id for p in options["director-of-product"].openings] == ["open-dir"]
    assert options["director-of-product"].kind == "promotion"
    assert options["director-of-product"].years == 3.0
    assert "market research" in options["director-of-product"].gained


def test_next_moves_lists_holders_nearest_first(product):
    moves = next_moves(acme(), product, "lee")
    (option,) = moves.options
    assert option.role.id == "senior-product-manager"
    # Ana manages Lee (1 line), Kim is 3 lines away, Zoe in another tree comes last
    assert [p.id for p in option.holders] == ["ana", "kim", "zoe"]


def test_next_moves_by_name_and_text(product):
    text = format_next_moves(next_moves(acme(), product, "ana lopez"))
    assert text.splitlines()[0] == "Ana Lopez (ana): Senior Product Manager"
    assert "open here: Open: position (open-dir)" in text  # the one label, with the id
    assert "held here by: Priya Rao (pri)" in text


def test_top_role_has_no_next_move(product):
    text = format_next_moves(next_moves(acme(), product, "omar"))
    assert "no move leads on from this role" in text


def test_succession_for_the_open_director_post(product):
    plan = succession(acme(), product, "open-dir")
    assert plan.role.id == "director-of-product"
    found = [(c.person.id, c.kind, c.distance) for c in plan.candidates]
    # Kim reports to the post (1), Ana is its peer (2), Priya is further (3); Zoe's tree: None.
    assert found == [("kim", "promotion", 1), ("ana", "promotion", 2), ("pri", "lateral", 3),
                     ("zoe", "promotion", None)]
    text = format_succession(plan)
    assert "Kim Ito (kim), Senior Product Manager: promotion, 1 reporting line away" in text
    assert "another part of the org" in text


def test_succession_ties_keep_input_order(product):
    org = Org.build("Ties", [
        Person("boss", "Boss", role="director-of-product"),
        Person("b", "B", role="senior-product-manager", manager="boss"),
        Person("a", "A", role="senior-product-manager", manager="boss"),
    ])
    assert [c.person.id for c in succession(org, product, "boss").candidates] == ["b", "a"]


def test_succession_skips_vacancies_and_the_holder(product):
    plan = succession(acme(), product, "ana")  # who could be a Senior PM: PMs, not open posts
    assert [c.person.id for c in plan.candidates] == ["lee"]


def test_distances_follow_reporting_lines_both_ways():
    distance = org_distances(acme(), "kim")
    assert distance["open-dir"] == 1 and distance["hop"] == 2 and distance["lee"] == 4
    assert "zoe" not in distance


def test_unknown_person_gets_a_suggestion(product):
    with pytest.raises(LadderError, match="did you mean 'ana'"):
        next_moves(acme(), product, "anna")


def test_person_without_a_role_is_an_error(product):
    with pytest.raises(LadderError, match="'pa' has no ladder role") as caught:
        next_moves(acme(), product, "pa")
    assert "Executive Assistant" in str(caught.value)
    assert str(caught.value).startswith("acme.yaml: ")


def test_role_not_in_the_variant_is_an_error(product):
    startup = project(product, "startup")
    with pytest.raises(LadderError, match="startup variant"):
        next_moves(acme(), startup, "ana")


def test_find_person_prefers_ids():
    org = acme()
    assert find_person(org, "kim").id == "kim"
    assert find_person(org, "KIM ITO").id == "kim"


def test_cli_next_and_succession_with_a_company_loader(monkeypatch, tmp_path):
    """The commands' wiring on an org built in the test, handed over in place of the loader."""
    config = tmp_path / "acme.yaml"
    config.write_text("company: Acme\n", encoding="utf-8")
    org = acme()
    org.ladder, org.variant = "product", "scale-up"
    fake = types.ModuleType("ladder.sources.company")
    fake.load_company = lambda path, **options: org
    monkeypatch.setitem(sys.modules, "ladder.sources.company", fake)
    runner = CliRunner()
    result = runner.invoke(main, ["next", "lee", "--org", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["moves"][0]["holders"] == ["ana", "kim", "zoe"]
    # Priya's role is not in the scale-up variant: the full ladder is used, and said so
    result = runner.invoke(main, ["next", "pri", "--org", str(config)])
    assert result.exit_code == 0, result.output
    assert "not in the scale-up variant" in result.stderr
    result = runner.invoke(main, ["succession", "open-dir", "--org", str(config)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("  Kim Ito (kim), Senior Product Manager")
    result = runner.invoke(main, ["succession", "open-dr", "--org", str(config)])
    assert result.exit_code == 1 and "did you mean 'open-dir'?" in result.stderr
