"""Layout geometry on random trees: what a reader of the chart relies on."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.layout import CardStyle, layout_org
from ladder.layout.chart import ASSIST, CONTINUED, LIST, SPREAD, STACK
from ladder.layout.tidy import tidy_x
from ladder.model.org import Org, Person
from ladder.renderers.layout_json import layout_json
from tests.sample_orgs import SHARED, acme, random_org


@st.composite
def orgs(draw: st.DrawFn) -> Org:
    """Random forests: each person's manager is an earlier person (or nobody)."""
    size = draw(st.integers(1, 70))
    people = []
    for i in range(size):
        manager = None
        if i and draw(st.integers(0, 9)):  # about one in ten is a root
            manager = f"p{draw(st.integers(0, i - 1))}"
        people.append(Person(
            f"p{i}", f"Person {i}", manager=manager,
            assistant=manager is not None and draw(st.integers(0, 11)) == 0,
            vacant=draw(st.integers(0, 9)) == 0,
        ))
    return Org.build("random", people)


def off_centre(chart) -> list[str]:
    """Managers not centred over their reports' anchors: card centres, stack spines, the
    first trunk of a span in bands, or the first and last spine of a wrapped list."""
    w = chart.style.width
    anchors: dict[int, list[float]] = {}
    for p in range(len(chart)):
        kind = chart.edge_kind[p]
        if chart.manager[p] >= 0 and kind in (SPREAD, STACK):
            anchors.setdefault(chart.manager[p], []).append(
                chart.x[p] + w / 2 if kind == SPREAD else chart.edge_via[p])
    wrong = []
    for m, xs in anchors.items():
        if m in chart.bands:
            xs.append(chart.bands[m][0][0])
        if m in chart.spines:  # a wrapped list: its first level hangs from the spines
            assert set(xs) <= set(chart.spines[m])
            xs = [chart.spines[m][0], chart.spines[m][-1]]
        if abs(chart.x[m] + w / 2 - (min(xs) + max(xs)) / 2) > 1e-6:
            wrong.append(chart.ids[m])
    return wrong


def overlaps(chart) -> list[tuple[str, str]]:
    """Pairs of cards that overlap (touching edges do not count)."""
    boxes = sorted(chart.boxes(), key=lambda b: (b.y, b.x))
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b.y >= a.y + a.height:
                break
            if a.x < b.x + b.width - 1e-6 and b.x < a.x + a.width - 1e-6:
                found.append((a.id, b.id))
    return found


MODES = [("tree", 2), ("compact", 1), ("compact", 2), ("compact", 3), ("stacked", 2),
         ("auto", 2)]


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org=orgs(), which=st.sampled_from(MODES))
def test_random_trees_are_laid_out_as_org_charts(org: Org, which: tuple[str, int]) -> None:
    mode, columns = which
    chart = layout_org(org, mode=mode, columns=columns, stack_depth=2)
    w, h = chart.style.width, chart.style.height
    # every person placed, once, in input order
    assert chart.ids == list(org.people)
    assert overlaps(chart) == []
    index = {pid: i for i, pid in enumerate(chart.ids)}
    indent = chart.style.indent
    for p, person in enumerate(org.people.values()):
        if person.manager is None:
            continue
        m = index[person.manager]
        kind = chart.edge_kind[p]
        if kind == ASSIST:  # beside the manager, on its right
            assert chart.y[p] == chart.y[m] and chart.x[p] >= chart.x[m] + w
        elif kind == LIST:  # indented one step under its manager, in the same column ...
            step = 0 if len(org.reports(person.manager)) == 1 else indent  # ... a sole report
            assert chart.x[p] == pytest.approx(chart.x[m] + step)  # right under it
            assert chart.y[p] >= chart.y[m] + h
        elif kind == CONTINUED:  # a long list went on in the next column
            assert chart.x[p] > chart.x[m] + w
        else:  # every other report is below its manager, connectors between
            assert chart.y[p] >= chart.y[m] + h + chart.style.level_gap - 1e-6
    assert off_centre(chart) == []
    # same input, same bytes
    again = layout_org(org, mode=mode, columns=columns, stack_depth=2)
    assert layout_json(again) == layout_json(chart)


def test_dotted_lines_never_change_the_tree() -> None:
    org = random_org(3, 200)
    people = list(org.people.values())
    with_dotted = [
        Person(p.id, p.name, p.title, manager=p.manager, department=p.department,
               dotted=(people[(i * 7) % len(people)].id,) if i % 5 == 0 else ())
        for i, p in enumerate(people)
    ]
    plain = layout_org(org)
    matrix = layout_org(Org.build(org.name, with_dotted))
    assert (plain.x, plain.y) == (matrix.x, matrix.y)
    assert len(matrix.dotted_edges()) == sum(1 for i in range(len(people)) if i % 5 == 0)


def test_compact_stacks_leaves_in_columns_on_a_spine() -> None:
    people = [Person("boss", "Boss")] + [
        Person(f"r{i}", f"Report {i}", manager="boss") for i in range(8)
    ]
    chart = layout_org(Org.build("team", people), mode="compact", columns=2)
    boss_centre = chart.x[0] + chart.style.width / 2
    assert {chart.edge_via[p] for p in range(1, 9)} == {boss_centre}  # one spine, under boss
    assert len({chart.y[p] for p in range(1, 9)}) == 4  # 8 leaves, 2 columns, 4 rows
    left = [p for p in range(1, 9) if chart.x[p] < boss_centre]
    assert len(left) == 4
    assert chart.width <= 2 * chart.style.width + 2 * chart.style.spine_gap


def test_tree_mode_spreads_and_centres() -> None:
    people = [Person("a", "A"), Person("b", "B", manager="a"), Person("c", "C", manager="a"),
              Person("d", "D", manager="a")]
    chart = layout_org(Org.build("t", people), mode="tree")
    assert chart.y[1] == chart.y[2] == chart.y[3]
    assert chart.x[0] == chart.x[2]  # centred over the middle one of three equal cards


def test_align_levels_puts_people_of_one_level_on_one_row() -> None:
    people = [
        Person("ceo", "Ceo", role="exec"),
        Person("vp", "Vp", role="vp", manager="ceo"),
        Person("dir", "Dir", role="director", manager="vp"),
        Person("dir2", "Dir2", role="director", manager="ceo"),  # skips a level
        Person("ic", "Ic", role="ic", manager="dir2"),
    ]
    levels = {"ceo": 9, "vp": 8, "dir": 7, "dir2": 7, "ic": 3}
    chart = layout_org(Org.build("t", people), mode="compact", align_levels=levels)
    y = dict(zip(chart.ids, chart.y, strict=True))
    assert y["dir"] == y["dir2"] > y["vp"] > y["ceo"]
    assert y["ic"] > y["dir2"]
    assert overlaps(chart) == []



def test_align_levels_opens_no_empty_rows_for_a_level_out_of_order() -> None:
    """A report of a more senior level than its manager, or unlevelled managers between two
    levels, cannot be put on its level's row by moving every row down: the chart used to try,
    round after round (a 304-person chart opened 640 empty rows above its CEO)."""
    people = [Person("ceo", "Ceo"), Person("x", "X", manager="ceo"),
              Person("y", "Y", manager="x"), Person("vp", "Vp", manager="y"),
              *(Person(f"e{i}", f"E{i}", manager="vp") for i in range(30))]
    levels = {"ceo": 9, "vp": 8, **{f"e{i}": 1 for i in range(30)}}
    chart = layout_org(Org.build("t", people), mode="compact", align_levels=levels)
    y = dict(zip(chart.ids, chart.y, strict=True))
    pitch = chart.style.pitch
    assert [y[i] / pitch for i in ("ceo", "x", "y", "vp")] == [0, 1, 2, 3]  # each right below
    assert min(y[f"e{i}"] for i in range(30)) == 4 * pitch  # their stack starts right below
    chain = [Person(f"c{i}", f"C{i}", manager=f"c{i - 1}" if i else None) for i in range(300)]
    chart = layout_org(Org.build("t", chain), align_levels={f"c{i}": i % 7 for i in range(300)})
    assert chart.rows < 300 + 7  # it was 45,000 rows, most of them empty

def test_sample_of_1516_fits_a_screen_or_poster_shape() -> None:
    from ladder.sources.hr import load_export

    org = load_export(f"{SHARED}/d3_org_chart_sample_org.csv").org
    chart = layout_org(org)
    ratio = chart.width / chart.height
    coverage = len(chart) * chart.style.width * chart.style.height / (chart.width * chart.height)
    assert 1 / 4 <= ratio <= 4
    assert coverage >= 0.25
    assert overlaps(chart) == []


def test_layout_json_has_the_documented_shape() -> None:
    data = json.loads(layout_json(layout_org(acme())))
    assert set(data) == {"units", "width", "height", "nodes", "edges", "dotted"}
    assert data["units"] == "px"
    assert set(data["nodes"][0]) == {"id", "x", "y", "width", "height"}
    assert set(data["edges"][0]) == {"source", "target", "points"}
    assert {(e["source"], e["target"]) for e in data["dotted"]} == {("ana", "lee")}
    assert len(data["nodes"]) == 10 and len(data["edges"]) == 9


def test_tidy_handles_a_deep_chain_without_recursion() -> None:
    count = 50_000
    children = [[i + 1] for i in range(count - 1)] + [[]]
    xs = tidy_x(children, [1.0] * count, [1.0] * count, sibling_gap=1, cousin_gap=2)
    assert set(xs) == {0.0}


def test_cards_have_one_size() -> None:
    style = CardStyle(width=200, height=60)
    chart = layout_org(acme(), style=style)
    assert {(b.width, b.height) for b in chart.boxes()} == {(200, 60)}


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(org=orgs(), data=st.data())
def test_random_levels_keep_rows_and_tree(org: Org, data: st.DataObject) -> None:
    """With --align-levels: people of one level share a row where their line allows."""
    levels = {pid: data.draw(st.integers(1, 5)) for pid in org.people
              if data.draw(st.booleans())}
    chart = layout_org(org, mode="compact", align_levels=levels)
    assert chart.ids == list(org.people)
    assert overlaps(chart) == []
    index = {pid: i for i, pid in enumerate(chart.ids)}
    h = chart.style.height
    for p, person in enumerate(org.people.values()):
        if person.manager is not None and chart.edge_kind[p] != ASSIST:
            assert chart.y[p] >= chart.y[index[person.manager]] + h
    # a more senior level is never drawn below a less senior one placed freely (roots)
    roots = [p for p, person in enumerate(org.people.values())
             if person.manager is None and person.id in levels]
    for a in roots:
        for b in roots:
            if levels[chart.ids[a]] > levels[chart.ids[b]]:
                assert chart.y[a] < chart.y[b]


@st.composite
def orgs_with_dotted_lines(draw: st.DrawFn) -> Org:
    """Random forests where about one person in four has a dotted-line manager (or two)."""
    org = draw(orgs())
    people = list(org.people.values())
    ids = [p.id for p in people]
    changed = []
    for p in people:
        dotted: tuple[str, ...] = ()
        if len(ids) > 1 and draw(st.integers(0, 3)) == 0:
            picks = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
            dotted = tuple(m for m in picks if m != p.id)
        changed.append(Person(p.id, p.name, manager=p.manager, assistant=p.assistant,
                              vacant=p.vacant, dotted=dotted))
    return Org.build(org.name, changed)


def crossings(chart, points) -> list[str]:
    """Cards whose inside a route passes through (touching a card's edge does not count)."""
    w, h = chart.style.width, chart.style.height
    hits = []
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        assert x1 == x2 or y1 == y2, "dotted connectors run across and down only"
        for p in range(len(chart)):
            bx, by = chart.x[p], chart.y[p]
            inside_x = min(x1, x2) < bx + w - 1e-6 and max(x1, x2) > bx + 1e-6
            inside_y = min(y1, y2) < by + h - 1e-6 and max(y1, y2) > by + 1e-6
            if x1 == x2:
                inside_x = bx + 1e-6 < x1 < bx + w - 1e-6
            else:
                inside_y = by + 1e-6 < y1 < by + h - 1e-6
            if inside_x and inside_y:
                hits.append(chart.ids[p])
    return hits


def check_dotted_routes(chart) -> None:
    w, h = chart.style.width, chart.style.height
    for (s, t), points in zip(chart.dotted, chart.dotted_routes, strict=True):
        points = list(points)
        assert crossings(chart, points) == [], (chart.ids[s], chart.ids[t], points)
        if s == t:
            continue
        for (x, y), end in ((points[0], s), (points[-1], t)):  # starts and ends on its cards
            assert chart.x[end] <= x <= chart.x[end] + w
            assert y in (chart.y[end], chart.y[end] + h)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org=orgs_with_dotted_lines(), which=st.sampled_from(MODES))
def test_dotted_connectors_never_cross_a_card(org: Org, which: tuple[str, int]) -> None:
    mode, columns = which
    chart = layout_org(org, mode=mode, columns=columns, stack_depth=2)
    check_dotted_routes(chart)


def test_auto_mode_spreads_managers_side_by_side_when_the_shape_allows() -> None:
    from ladder.api import load_org

    org = load_org("examples/scale-up.yaml")
    chart = layout_org(org)
    at = {pid: (x, y) for pid, x, y in zip(chart.ids, chart.x, chart.y, strict=True)}
    # Ewa's two directors, and Élodie's two sales managers, each on one row side by side
    for first, second in (("tyler-washington", "priya-chatterjee"),
                          ("ingrid-aberg", "marcus-robinson")):
        assert at[first][1] == at[second][1]
        assert abs(at[first][0] - at[second][0]) >= chart.style.width
    ratio = chart.width / chart.height
    coverage = len(chart) * chart.style.width * chart.style.height / (chart.width * chart.height)
    assert 1 / 4 <= ratio <= 4 and coverage >= 0.25
    assert overlaps(chart) == []


def test_wrapped_lists_start_each_column_with_a_report_of_the_listed_manager() -> None:
    people = [Person("ceo", "Ceo"), Person("vp", "Vp", manager="ceo")]
    for m in range(3):
        people.append(Person(f"m{m}", f"Manager {m}", manager="vp"))
        people += [Person(f"m{m}r{i}", f"Report {m}.{i}", manager=f"m{m}") for i in range(5)]
    chart = layout_org(Org.build("t", people), mode="stacked", stack_depth=2, column_rows=8)
    assert CONTINUED not in chart.edge_kind  # no line that starts from nowhere
    index = {pid: i for i, pid in enumerate(chart.ids)}
    managers = [index[f"m{m}"] for m in range(3)]
    assert len({chart.x[m] for m in managers}) == 3  # three columns, each headed by a manager
    assert {chart.y[m] for m in managers} == {chart.y[index["vp"]] + chart.style.pitch}
