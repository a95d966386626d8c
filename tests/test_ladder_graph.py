"""A ladder's networkx graph is built only when asked for, and answers as the moves do."""

from __future__ import annotations

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from ladder.model.ladder import LATERAL, PROMOTION, Ladder, Move, Role, promotion_cycle
from ladder.sources.ladders import read_ladder

NAMES = "abcdef"
moves_lists = st.lists(st.builds(Move, st.sampled_from(NAMES), st.sampled_from(NAMES),
                                 st.sampled_from([PROMOTION, LATERAL]),
                                 st.sampled_from([None, 1.0, 2.5])), max_size=14)


@given(moves_lists)
def test_promotion_cycle_is_a_real_circle_exactly_when_networkx_finds_one(moves):
    graph = nx.DiGraph([(m.source, m.target) for m in moves if m.kind == PROMOTION])
    cycle = promotion_cycle(moves)
    assert (cycle is not None) == (not nx.is_directed_acyclic_graph(graph))
    if cycle:
        assert all(m.kind == PROMOTION and m in moves for m in cycle)
        # each move starts where the last one ended, and the last leads back to the first
        assert all(a.target == b.source for a, b in zip(cycle, cycle[1:] + cycle[:1], strict=True))


@given(moves_lists)
def test_moves_between_roles_agree_with_the_graph(moves):
    roles = {name: Role(name, name.upper(), 1, "t") for name in NAMES}
    ladder = Ladder.build(id="x", name="X", roles=roles, moves=moves)
    for source in NAMES:
        assert [m.target for m in ladder.moves_from(source)] == list(
            ladder.graph.successors(source))
        for target in NAMES:
            move = ladder.move_between(source, target)
            edge = ladder.graph.get_edge_data(source, target)
            assert (move is None) == (edge is None)
            if move is not None:
                assert (move.kind, move.years) == (edge["kind"], edge["years"])


def test_the_product_ladder_graph_has_every_role_and_move():
    product = read_ladder()
    assert list(product.graph.nodes) == list(product.roles)
    assert {(m.source, m.target) for m in product.moves} == set(product.graph.edges)

