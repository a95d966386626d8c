"""Dotted lines (issue 9): each on its own track, inside the canvas, clear of solid connectors
and cards, with the arrowhead at the dotted-line manager; checked on the layout JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.cli import main
from ladder.layout import layout_org
from ladder.layout.dotted import GAP
from ladder.model.org import Org, Person
from ladder.renderers.layout_json import layout_data
from tests.layout_checks import dotted_problems, solid_problems
from tests.test_layout import MODES, orgs, orgs_with_dotted_lines
from tests.test_layout_spans import wide_org

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MODES_BY_NAME = ("auto", "tree", "compact", "stacked")


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org=orgs_with_dotted_lines(), which=st.sampled_from(MODES))
def test_random_dotted_lines_keep_their_own_tracks(org: Org, which: tuple[str, int]) -> None:
    mode, columns = which
    data = layout_data(layout_org(org, mode=mode, columns=columns, stack_depth=2))
    assert dotted_problems(data, GAP) == []


@st.composite
def orgs_crowded_with_dotted_lines(draw: st.DrawFn) -> Org:
    """Random forests where most people have one to three dotted-line managers, many of them
    rows apart, so lines crowd every gutter, port and channel."""
    org = draw(orgs())
    ids = list(org.people)
    people = []
    for person in org.people.values():
        picks: list[str] = []
        if len(ids) > 1 and draw(st.integers(0, 3)):
            picks = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
        people.append(Person(person.id, person.name, manager=person.manager,
                             assistant=person.assistant, vacant=person.vacant,
                             dotted=tuple(m for m in picks if m != person.id)))
    return Org.build(org.name, people)


@pytest.mark.slow
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org=orgs_crowded_with_dotted_lines(), which=st.sampled_from(MODES))
def test_crowded_dotted_lines_each_keep_a_track_and_end_on_a_card_edge(
        org: Org, which: tuple[str, int]) -> None:
    """Never two lines on one track or channel where their runs overlap; both ends on a card
    edge (never in the gap between two cards); the head at the dotted-line manager."""
    mode, columns = which
    chart = layout_org(org, mode=mode, columns=columns, stack_depth=2)
    data = layout_data(chart)
    assert dotted_problems(data, GAP) == []
    w, h = chart.style.width, chart.style.height
    for (source, target), route in zip(chart.dotted, chart.dotted_routes, strict=True):
        for end, card in ((route[0], source), (route[-1], target)):
            x, y = end
            assert chart.x[card] < x < chart.x[card] + w, (source, target, end)
            assert y in (chart.y[card], chart.y[card] + h), (source, target, end)


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(span=st.integers(20, 1500), teams=st.lists(st.sampled_from((1, 3, 8, 30)), max_size=200),
       links=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)), max_size=80),
       mode=st.sampled_from(MODES_BY_NAME))
def test_dotted_lines_across_a_wide_span_in_bands(span: int, teams: list[int],
                                                  links: list[tuple[int, int]], mode: str) -> None:
    org = wide_org(span, teams)
    people = list(org.people.values())
    dotted: dict[str, list[str]] = {}
    for a, b in links:
        person, boss = people[a % len(people)], people[b % len(people)]
        if person.id != boss.id and boss.id not in dotted.get(person.id, []):
            dotted.setdefault(person.id, []).append(boss.id)
    org = Org.build(org.name, [Person(p.id, p.name, manager=p.manager,
                                      dotted=tuple(dotted.get(p.id, ()))) for p in people])
    data = layout_data(layout_org(org, mode=mode, stack_depth=2))
    assert dotted_problems(data, GAP) == []


def layout_of(tmp_path: Path, name: str) -> dict:
    out = tmp_path / f"{name}.json"
    result = CliRunner().invoke(main, ["render", str(EXAMPLES / f"{name}.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "lines"), [("enterprise", 30), ("scale-up", None)])
def test_the_examples_dotted_lines_in_the_layout_json(tmp_path: Path, name: str,
                                                      lines: int | None) -> None:
    data = layout_of(tmp_path, name)
    if lines is not None:
        assert len(data["dotted"]) == lines
    assert data["dotted"], "the example has dotted-line managers"
    assert dotted_problems(data, GAP) == []
    assert solid_problems(data) == []
    assert all(edge["head"] == "source" for edge in data["dotted"])


def test_a_dotted_line_between_two_cards_of_a_one_row_chart_stays_on_the_canvas() -> None:
    org = Org.build("pair", [Person("a", "A"), Person("b", "B", dotted=("a",))])
    data = layout_data(layout_org(org))
    assert dotted_problems(data, GAP) == []
    assert data["height"] > 72  # the canvas grew a gutter to hold the line below the row
