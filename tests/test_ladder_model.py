"""The built-in product ladder and its company-size variants, as a user relies on them."""

from __future__ import annotations

import networkx as nx
import pytest

from ladder.errors import LadderError
from ladder.model import LATERAL, PROMOTION
from ladder.model.variants import pick_variant, project, variant_ids
from ladder.sources.ladders import read_ladder

SEED_TITLES = ["Product Manager", "Head of Product", "Director of Product", "Chief Product Officer"]


@pytest.fixture(scope="module")
def product():
    return read_ladder()


def test_progression_from_junior_pm_to_cpo(product):
    titles = [r.title for r in product]
    for title in ["Junior Product Manager", "Senior Product Manager", *SEED_TITLES]:
        assert title in titles
    path = nx.shortest_path(product.graph, "junior-product-manager", "chief-product-officer")
    assert [product.roles[r].level for r in path] == sorted(product.roles[r].level for r in path)


def test_ic_and_management_tracks(product):
    tracks = {role.id: role.track for role in product}
    assert tracks["principal-product-manager"] == "ic"
    assert tracks["director-of-product"] == "management"
    kinds = {(m.source, m.target): m.kind for m in product.moves}
    assert kinds[("principal-product-manager", "director-of-product")] == LATERAL
    assert kinds[("senior-product-manager", "director-of-product")] == PROMOTION


def test_competencies_come_from_the_article(product):
    cpo = product.roles["chief-product-officer"]
    names = {c.name for c in cpo.competencies}
    assert "strategic product vision" in names
    assert all(c.source == "article" for c in cpo.competencies)
    director = {c.name for c in product.roles["director-of-product"].competencies}
    assert {"market research", "competitor research", "technical writing"} <= director
    head = {c.name for c in product.roles["head-of-product"].competencies}
    assert {"marketing strategies", "strategic thinking", "flexibility"} <= head
    # What the article does not say is marked as practice, not passed off as the article's.
    assert {c.source for c in product.roles["senior-product-manager"].competencies} == {
        "practice"}


def test_cpo_may_go_by_vp_or_head_of_product(product):
    aliases = product.roles["chief-product-officer"].aliases
    assert "VP of Product" in aliases and "Head of Product" in aliases


@pytest.mark.parametrize("variant", ["startup", "scale-up", "enterprise"])
def test_every_variant_is_one_connected_ladder(product, variant):
    projected = project(product, variant)
    (entry,) = projected.entry_roles()
    top = max(projected, key=lambda role: role.level)
    for role in projected:
        assert nx.has_path(projected.graph, entry.id, role.id)
        assert nx.has_path(projected.graph, role.id, top.id)


def test_variants_drop_titles_as_the_article_says(product):
    counts = {v: len(project(product, v)) for v in variant_ids(product)}
    assert counts["startup"] < counts["scale-up"] < counts["enterprise"] == len(product)
    startup = project(product, "startup")
    assert [r.title for r in startup] == ["Product Manager", "Head of Product"]


@pytest.mark.parametrize("head, title", [
    ("cpo", "Chief Product Officer"),
    ("Head of Product", "Head of Product"),
    ("director-of-product", "Director of Product"),
])
def test_the_startup_head_title_is_chosen_by_the_user(product, head, title):
    startup = project(product, "startup", head=head)
    assert [r.title for r in startup.top_roles()] == [title]
    assert startup.roles[startup.top_roles()[0].id].title == title
    (move,) = startup.moves
    assert move.source == "product-manager" and move.kind == PROMOTION
    assert move.years and move.years > 0


def test_years_add_up_through_dropped_roles(product):
    startup = project(product, "startup", head="director-of-product")
    (move,) = startup.moves
    assert move.years == 2.5 + 3  # PM -> Senior PM -> Director, the shortest way


def test_projection_leaves_the_ladder_alone(product):
    before = (list(product.roles), list(product.moves))
    project(product, "startup")
    assert (list(product.roles), list(product.moves)) == before


@pytest.mark.parametrize("headcount, variant", [(8, "startup"), (50, "startup"),
                                                (60, "scale-up"), (400, "enterprise"),
                                                (100_000, "enterprise")])
def test_headcount_picks_a_variant(product, headcount, variant):
    assert pick_variant(product, headcount).id == variant


def test_unknown_variant_and_head_get_suggestions(product):
    with pytest.raises(LadderError, match="did you mean 'startup'"):
        project(product, "startpu")
    with pytest.raises(LadderError, match="cannot have 'Chief Engineer'"):
        project(product, "startup", head="Chief Engineer")


def test_iteration_order_is_the_files_order(product):
    assert [r.id for r in product][:3] == [
        "junior-product-manager", "product-manager", "senior-product-manager"]


def test_roles_and_moves_are_values(product):
    """Equal by their fields, hashable, unchangeable, and copied with changes by replace()."""
    import dataclasses
    import pickle

    role = product.roles["senior-product-manager"]
    twin = dataclasses.replace(role)
    assert twin == role and twin is not role and hash(twin) == hash(role)
    renamed = dataclasses.replace(role, title="Senior PM")
    assert renamed != role and renamed.title == "Senior PM" and role.title != "Senior PM"
    assert len({role, twin, renamed}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        role.title = "Lead PM"  # type: ignore[misc]
    move = product.moves[0]
    assert move != role and move == pickle.loads(pickle.dumps(move))
    assert repr(move).startswith(f"Move(source='{move.source}', target='{move.target}', ")
    assert [f.name for f in dataclasses.fields(move)][:3] == ["source", "target", "kind"]
