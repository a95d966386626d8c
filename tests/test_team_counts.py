"""One team count: stats, card badges and layout JSON give every manager the same numbers."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder.analysis.teams import TeamCount, org_stats, team_counts
from ladder.api import load_org, render
from ladder.cli import main
from ladder.layout import layout_org
from ladder.model.org import Org, Person
from ladder.renderers.results.stats import COUNT_RULE
from tests.sample_orgs import SHARED

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
# counts as a reader sees them, thousands grouped: "12 direct · 1,340 in team"
BADGE = re.compile(r"^([\d,]+) direct(?: · ([\d,]+) staff)? · ([\d,]+) in team"
                   r"(?: · ([\d,]+) open)?$")

SOURCES = [
    *(str(p.relative_to(ROOT)) for p in sorted((ROOT / "examples").glob("*.yaml"))),
    *(str(p.relative_to(ROOT)) for p in sorted((ROOT / "examples" / "hr").glob("*.csv"))),
    *(f"{SHARED}/{name}" for name in (
        "adventureworks_employee_with_parent.csv", "chinook_employee.csv",
        "d3_org_chart_sample_org.csv", "northwind_employees.csv",
        "oracle_hr_employees_d3orgchart.csv")),
    f"{SHARED}/ukgov_dfe_2011-09-30_senior.csv",
    f"{SHARED}/ukgov_home_office_2012-09-30_senior.csv",
]


def load(source: str) -> Org:
    path = source if source.startswith("/") else str(ROOT / source)
    junior = path.replace("_senior.csv", "_junior.csv")
    if junior != path:  # a UK organogram: its senior posts with their junior staff
        return load_org(path, junior=junior, preset="uk-organogram", match_titles=False)
    return load_org(path, match_titles=False)


def badges(path: Path) -> list[TeamCount | None]:
    """The badge of every card, in drawing order (None: no badge)."""
    root = ET.parse(path).getroot()
    found: list[TeamCount | None] = []
    for group in root.iter(f"{SVG}g"):
        rect = group.find(f"{SVG}rect")
        if rect is None or not rect.get("class", "").startswith("card"):
            continue
        texts = ["".join(t.itertext()) for t in group.iter(f"{SVG}text")]
        matched = [BADGE.match(t) for t in texts if BADGE.match(t)]
        if matched:
            direct, staff, total, open_ = (int((n or "0").replace(",", ""))
                                           for n in matched[0].groups())
            found.append(TeamCount(direct, total, open_, staff))
        else:
            found.append(None)
    return found


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: Path(s).stem)
@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_stats_badges_and_layout_json_agree(tmp_path: Path, source: str) -> None:
    org = load(source)
    stats = org_stats(org)
    from_stats = {m.id: m.team for m in stats.managers}
    svg = tmp_path / "chart.svg"
    render(org, svg)
    chart = layout_org(org)
    from_badges = {pid: badge for pid, badge in zip(chart.ids, badges(svg), strict=True)
                   if badge is not None}
    data = tmp_path / "chart.json"
    render(org, data)
    from_json = {node["id"]: TeamCount(node["team"]["direct"], node["team"]["in_team"],
                                       node["team"]["open"], node["team"].get("staff", 0))
                 for node in json.loads(data.read_text())["nodes"] if "team" in node}
    assert from_stats == from_badges == from_json == team_counts(org) == stats.teams
    assert from_stats  # every source has managers
    # the figures hang together: never more direct reports than people in the team, the
    # top people's teams and themselves are the headcount, and the layers add up
    assert all(c.direct <= c.total for c in from_stats.values())
    tops = org.roots()
    assert sum(p.heads + (from_stats[p.id].total if p.id in from_stats else 0)
               for p in tops) == stats.headcount
    assert sum(stats.positions_per_layer) == stats.entries == len(org)
    assert stats.open_positions == sum(p.vacant for p in org)


def test_the_rule_in_the_legend_and_in_stats(tmp_path: Path) -> None:
    org = load("examples/enterprise.yaml")
    out = tmp_path / "e.svg"
    render(org, out)
    legend = " ".join("".join(t.itertext()) for t in ET.parse(out).getroot().iter(f"{SVG}text")
                      if t.get("class") == "legend-label")
    assert COUNT_RULE in legend  # wrapped over legend rows, but all of it
    result = CliRunner().invoke(main, ["stats", str(ROOT / "examples/enterprise.yaml")])
    assert result.exit_code == 0 and COUNT_RULE in result.output


def test_cli_stats_and_layout_json_agree_on_the_enterprise_example(tmp_path: Path) -> None:
    runner = CliRunner()
    source = str(ROOT / "examples/enterprise.yaml")
    stats = json.loads(runner.invoke(main, ["stats", source, "--format", "json"]).output)
    out = tmp_path / "e.json"
    assert runner.invoke(main, ["render", source, "-o", str(out)]).exit_code == 0
    teams = {n["id"]: n["team"] for n in json.loads(out.read_text())["nodes"] if "team" in n}
    assert {m["id"]: {"direct": m["direct"], "in_team": m["total"], "open": m["open"]}
            | ({"staff": m["staff"]} if m["staff"] else {})
            for m in stats["managers"]} == teams


def test_each_kind_of_card_counts_by_the_rule() -> None:
    org = Org.build("rule", [
        Person("m", "Mia"),
        Person("pa", "Pat", manager="m", assistant=True),  # in the team, not direct
        Person("o", "", "PM", manager="m", vacant=True),  # open, never a person
        Person("js", "Ana", manager="m", shared_with=("Ben",)),  # a job share: two people
        Person("g", "Support", manager="m", fte=7.4),  # an FTE group: 8 staff, rounded up
        Person("x", "Xi", manager="js"),
        Person("ox", "", "Designer", manager="js", vacant=True),
    ])
    counts = team_counts(org)
    assert counts["m"] == TeamCount(direct=2, total=1 + 2 + 8 + 1, open=2, staff=8)
    assert counts["js"] == TeamCount(direct=1, total=1, open=1)
    assert "o" not in counts and "g" not in counts


@pytest.mark.parametrize("fte, people", [(8.5, 9), (7.5, 8), (0.4, 1), (12.0, 12), (2.01, 3)])
def test_an_fte_group_counts_its_fte_rounded_up(fte: float, people: int) -> None:
    # the docs say rounded up: 8.5 FTE is 9 people (round half to even made it 8)
    org = Org.build("g", [Person("m", "Mo"), Person("g", "Staff", manager="m", fte=fte)])
    assert org_stats(org).headcount == 1 + people
    assert team_counts(org)["m"] == TeamCount(direct=0, total=people, open=0, staff=people)


UK_PAIRS = ["ukgov_dfe_2011-09-30", "ukgov_home_office_2012-09-30"]


@pytest.mark.parametrize("stem", UK_PAIRS)
def test_organogram_spans_count_line_reports_not_junior_staff(stem: str) -> None:
    """The junior file's staff groups are staff, reported apart: the spans of the pair are the
    spans of the senior file alone (before: DfE max 133, Home Office max 2640, mean 86)."""
    pair = org_stats(load(f"{SHARED}/{stem}_senior.csv"))
    senior = org_stats(load_org(f"{SHARED}/{stem}_senior.csv", preset="uk-organogram",
                                match_titles=False))
    groups = [p for p in load(f"{SHARED}/{stem}_senior.csv") if p.fte is not None]
    assert groups  # the junior file was read
    assert pair.span == senior.span
    assert pair.wide == senior.wide and pair.span.max <= 12
    for manager in pair.managers:
        alone = senior.teams.get(manager.id)
        assert manager.team.direct == (alone.direct if alone else 0), manager.person.title
    staff = sum(m.team.staff for m in pair.managers)
    assert staff == sum(p.heads for p in groups) > 1000
    assert pair.headcount == senior.headcount + staff


def test_organogram_stats_table_says_staff_apart() -> None:
    stem = f"{SHARED}/ukgov_home_office_2012-09-30"
    result = CliRunner().invoke(main, ["stats", f"{stem}_senior.csv", "--junior",
                                       f"{stem}_junior.csv"])
    assert result.exit_code == 0, result.output
    assert re.search(r"staff in groups +\d{5}", result.output)
    assert "span of control, line reports: mean 3.7, median 3, max 12" in result.output
    assert re.search(r"wide spans \(> 10\) +1\n", result.output)
    data = json.loads(CliRunner().invoke(main, [
        "stats", f"{stem}_senior.csv", "--junior", f"{stem}_junior.csv",
        "--format", "json"]).stdout)
    assert max(m["direct"] for m in data["managers"]) == 12
    assert data["staff_in_groups"] == sum(m["staff"] for m in data["managers"])


@pytest.mark.parametrize("seed", range(12))
def test_counts_of_random_orgs_follow_the_rule_walked_by_hand(seed: int) -> None:
    # every kind of card, in any order of rows: each team counted by walking below its manager
    import random

    rng = random.Random(seed)
    people = []
    for i in range(rng.randint(1, 80)):
        kind = rng.choice(["plain"] * 6 + ["open", "share", "group", "assistant"])
        people.append(Person(
            f"p{i}", f"P{i}", manager=f"p{rng.randrange(i)}" if i and rng.random() > 0.05 else None,
            vacant=kind == "open", shared_with=("Co",) if kind == "share" else (),
            fte=rng.choice([0.4, 2.5, 6.0]) if kind == "group" else None,
            assistant=kind == "assistant"))
    rng.shuffle(people)  # reports before their managers too
    org = Org.build("random", people)

    def below(pid: str) -> list[Person]:
        found = []
        for report in org.reports(pid):
            found += [report, *below(report.id)]
        return found

    expected = {}
    for person in org:
        reports = org.reports(person.id)
        if not reports:
            continue
        everyone = below(person.id)
        expected[person.id] = TeamCount(
            direct=sum(r.heads for r in reports if r.fte is None and not r.assistant),
            total=sum(p.heads for p in everyone), open=sum(p.vacant for p in everyone),
            staff=sum(r.heads for r in reports if r.fte is not None))
    assert team_counts(org) == expected
    assert dict(org_stats(org).teams) == expected
