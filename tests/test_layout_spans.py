"""Any span keeps the page's shape: wide teams are packed in blocks and bands, in every mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.layout import layout_org
from ladder.layout.chart import BANDED, BANDED_STACK, CONTINUED
from ladder.model.org import Org, Person
from ladder.renderers.layout_json import layout_data
from ladder.sources.hr import load_export
from tests.layout_checks import overlapping_cards, shape, solid_problems
from tests.sample_orgs import SHARED
from tests.test_layout import off_centre
from tests.wide_orgs import one_wide_manager, organogram_pair

MODES = ("auto", "tree", "compact", "stacked")


def wide_org(span: int, teams: list[int]) -> Org:
    """A head with ``span`` reports; the first ``len(teams)`` of them lead teams that big."""
    people = [Person("head", "Head")]
    people += [Person(f"r{i}", f"Report {i}", manager="head") for i in range(span)]
    for i, team in enumerate(teams[:span]):
        people += [Person(f"r{i}t{j}", f"Team {i}.{j}", manager=f"r{i}") for j in range(team)]
    return Org.build(f"span {span}", people)


# A head with up to 5,000 reports, some leading teams (a few of those teams wide too).
SPANS = st.integers(1, 5000)
TEAMS = st.lists(st.sampled_from((1, 2, 3, 5, 8, 13, 40)), max_size=300)


def check_chart(org: Org, mode: str) -> dict:
    chart = layout_org(org, mode=mode, stack_depth=2)
    data = layout_data(chart)
    assert overlapping_cards(data) == []
    continued = {(chart.ids[chart.manager[p]], chart.ids[p]) for p in range(len(chart))
                 if chart.edge_kind[p] == CONTINUED}
    assert solid_problems(data, continued) == []
    assert off_centre(chart) == []
    return data


@pytest.mark.slow
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(span=SPANS, teams=TEAMS, mode=st.sampled_from(MODES))
def test_any_span_keeps_the_page_shape(span: int, teams: list[int], mode: str) -> None:
    org = wide_org(span, teams)
    data = check_chart(org, mode)
    ratio, coverage = shape(data)
    if len(org.people) > 200:  # a handful of cards makes any shape it likes
        # auto keeps the page within 4:1..1:4 with cards covering a fifth of it; the other
        # modes draw what they are asked, but a wide span never makes a ribbon.
        limit = 4 if mode == "auto" else 6
        assert 1 / limit <= ratio <= limit, (mode, ratio)
        if mode == "auto":
            assert coverage >= 0.2, (mode, coverage)


@pytest.mark.parametrize("mode", MODES)
def test_a_manager_of_5000_leaves_gets_a_square_block(mode: str) -> None:
    chart = layout_org(one_wide_manager(5000), mode=mode)
    ratio = chart.width / chart.height
    assert 1 / 1.5 <= ratio <= 1.5
    assert len(chart) * chart.style.width * chart.style.height / (
        chart.width * chart.height) >= 0.25


@pytest.mark.slow
def test_300_team_leads_wrap_into_bands_down_a_trunk() -> None:
    org = one_wide_manager(2000, managers=300, team=5)
    chart = layout_org(org, mode="tree")
    head = chart.ids.index("head")
    bands = chart.bands[head]
    assert len(bands) >= 3
    # Each band hangs below the one above, its bus in the gutter above its first row.
    buses = [bus for _, bus in bands]
    assert buses == sorted(buses)
    later = {chart.band_of[p] for p in range(len(chart)) if chart.edge_kind[p] in (
        BANDED, BANDED_STACK)}
    assert later == set(range(2, len(bands) + 2))
    data = check_chart(org, "tree")
    assert 1 / 4 <= shape(data)[0] <= 4


@pytest.fixture(scope="module")
def organogram(tmp_path_factory: pytest.TempPathFactory) -> Org:
    senior, junior = organogram_pair(tmp_path_factory.mktemp("organogram"))
    return load_export(senior, junior=junior, preset="uk-organogram").org


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
def test_the_2000_span_organogram_keeps_its_shape(organogram: Org, mode: str) -> None:
    head = max(organogram.people.values(), key=lambda p: 0 if p.manager else 1)
    assert sum(1 for p in organogram.people.values() if p.manager == head.id) >= 2000
    data = check_chart(organogram, mode)
    ratio, coverage = shape(data)
    assert 1 / 4 <= ratio <= 4, ratio
    if mode in ("auto", "compact"):
        assert coverage >= 0.2, coverage


def real_exports() -> list[tuple[str, str | None]]:
    files = sorted(p.name for p in Path(SHARED).glob("*.csv"))
    pairs = [(f, f.replace("_senior", "_junior")) for f in files if "_senior" in f]
    return [(f, None) for f in files if "ukgov" not in f] + pairs


@pytest.mark.parametrize(("export", "junior"), real_exports())
def test_real_exports_fit_the_page_in_auto_mode(export: str, junior: str | None) -> None:
    org = load_export(f"{SHARED}/{export}",
                      junior=f"{SHARED}/{junior}" if junior else None).org
    data = check_chart(org, "auto")
    ratio, coverage = shape(data)
    assert 1 / 4 <= ratio <= 4
    if len(org.people) > 50:
        assert coverage >= 0.2


@pytest.mark.slow
def test_the_cli_draws_the_synthetic_export_as_one_square_svg(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ladder.cli import main

    senior, junior = organogram_pair(tmp_path)
    out = tmp_path / "wide.json"
    result = CliRunner().invoke(main, ["render", str(senior), "--junior", str(junior),
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    ratio, coverage = shape(data)
    assert len(data["nodes"]) > 6000
    assert 1 / 4 <= ratio <= 4 and coverage >= 0.2
