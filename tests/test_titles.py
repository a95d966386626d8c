"""Matching job titles from exports to ladder roles."""

from __future__ import annotations

import pytest

from ladder.model.ladder import Role
from ladder.model.org import Org, Person
from ladder.model.titles import (
    TitleMatcher,
    assign_roles,
    normalise_title,
    unmatched_titles,
)

ROLES = [
    Role("junior-product-manager", "Junior Product Manager", 1, "ic",
         ("Associate Product Manager", "Product Manager I")),
    Role("product-manager", "Product Manager", 2, "ic", ("PM", "Product Manager II")),
    Role("senior-product-manager", "Senior Product Manager", 3, "ic", ("Product Manager III",)),
    Role("director-of-product", "Director of Product", 4, "management", ("Group PM",)),
    Role("chief-product-officer", "Chief Product Officer", 6, "management",
         ("VP of Product", "Head of Product")),
]


@pytest.mark.parametrize("title, role", [
    ("Sr. Product Manager", "senior-product-manager"),
    ("Senior PM", "senior-product-manager"),
    ("SNR product manager", "senior-product-manager"),
    ("Product Manager II", "product-manager"),
    ("Product Manager 2", "product-manager"),
    ("product   manager", "product-manager"),
    ("Product Manager I", "junior-product-manager"),
    ("APM", "junior-product-manager"),
    ("Jr. PM", "junior-product-manager"),
    ("VP Product", "chief-product-officer"),
    ("V.P. of Product", "chief-product-officer"),
    ("CPO", "chief-product-officer"),
    ("Head of Product", "chief-product-officer"),
    ("Director, Product", "director-of-product"),
    ("Product Director", None),  # word order differs and it is not an alias here
    ("Senior Product Manager (Payments)", "senior-product-manager"),
    ("Senior Product Manager - Growth", "senior-product-manager"),
    ("Product Manager IV", "product-manager"),  # unknown level: the role without it
    ("senior-product-manager", "senior-product-manager"),  # the id itself
    ("Software Engineer", None),
    ("", None),
    (None, None),
])
def test_match(title, role):
    assert TitleMatcher(ROLES).match(title) == role


def test_titles_win_over_aliases_and_a_shared_name_is_ambiguous():
    roles = [Role("a", "Lead", 1, "ic", ("Boss",)), Role("b", "Boss", 2, "ic", ("Lead",))]
    assert TitleMatcher(roles).match("boss") == "b" and TitleMatcher(roles).match("lead") == "a"
    twins = [Role("x", "Analyst", 1, "ic"), Role("y", "Analyst", 2, "ic")]
    assert TitleMatcher(twins).match("Analyst") is None  # never a silent pick by file order
    assert [r.id for r in TitleMatcher(twins).find("analyst").candidates] == ["x", "y"]


def test_roles_as_a_mapping():
    assert TitleMatcher({r.id: r for r in ROLES}).match("Senior PM") == "senior-product-manager"


def test_normalise_title():
    assert normalise_title("Sr. Product Mgr") == "senior product manager"
    assert normalise_title("R&D Director") == "r and d director"
    assert normalise_title("Head of the Product team") == "head product team"


def test_unmatched_titles_are_counted():
    titles = ["Chef", "Senior PM", " chef", "Chef", "Baker", None, "Product Manager"]
    people = [Person(str(i), "x", t or "") for i, t in enumerate(titles)]
    assert unmatched_titles(people, ROLES) == [("Chef", 2), ("Baker", 1), ("chef", 1)]


def test_assign_roles_keeps_roles_already_set():
    org = Org.build("Acme", [
        Person("a", "Ann", "Sr. PM"),
        Person("b", "Bo", "Chef", manager="a"),
        Person("c", "Cy", "PM", role="director-of-product", manager="a"),
    ])
    placed = assign_roles(org, ROLES)
    assert [p.role for p in placed] == ["senior-product-manager", None, "director-of-product"]
    assert placed.people["b"].manager == "a"
    assert [p.role for p in org] == [None, None, "director-of-product"]  # org untouched


def test_builtin_ladder_titles():
    ladders = pytest.importorskip("ladder.sources.ladders")
    roles = list(ladders.read_ladder())
    assert TitleMatcher(roles).match("Sr. Product Manager") == "senior-product-manager"
    assert TitleMatcher(roles).match("Senior PM") == "senior-product-manager"
    assert TitleMatcher(roles).match("Product Manager II") == "product-manager"
