"""Org numbers: headcount, open positions, layers, span of control and its flags, as
``ladder stats`` writes them (the record's data) and as the record holds them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ladder.analysis.teams import org_stats as stats_record
from ladder.errors import LadderError
from ladder.model.org import Department, Org, Person
from ladder.renderers.results.stats import stats_data, stats_table
from ladder.sources.company import load_company

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def org_stats(org: Org, **thresholds) -> dict:
    """What ``ladder stats --format json`` prints for ``org``."""
    return stats_data(stats_record(org, **thresholds))


def team(manager: str, size: int, prefix: str, **fields) -> list[Person]:
    return [Person(f"{prefix}{i}", f"{prefix.upper()} {i}", manager=manager, **fields)
            for i in range(size)]


def sample() -> Org:
    """ceo -> (pa assistant, cto -> 11 engineers, cfo -> 1 report, cpo -> 3 incl. a vacancy,
    a job share and a group of 4.4 FTE)."""
    people = [
        Person("ceo", "Cee Oh", "CEO", department="lead"),
        Person("pa", "Pat Quinn", "Assistant", manager="ceo", assistant=True, department="lead"),
        Person("cto", "Tess Tech", "CTO", manager="ceo", department="eng"),
        *team("cto", 11, "e", department="eng"),
        Person("cfo", "Fin Ance", "CFO", manager="ceo"),
        Person("acc", "Acc Ount", "Accountant", manager="cfo"),
        Person("cpo", "Pro Duct", "CPO", manager="ceo"),
        Person("open", "", "Product Manager", manager="cpo", vacant=True),
        Person("duo", "Ana", "Leads", manager="cpo", shared_with=("Ben",)),
        Person("ops", "Ops team", "Operations", manager="cpo", fte=4.4),
    ]
    return Org.build("Sample", people, [Department("lead", "Leadership"),
                                        Department("eng", "Engineering", "#54a24b")])


def by_id(stats):
    return {m["id"]: m for m in stats["managers"]}


def test_totals_layers_and_spans():
    stats = org_stats(sample())
    assert stats["entries"] == 20
    assert stats["headcount"] == 1 + 1 + 1 + 11 + 1 + 1 + 1 + 2 + 5  # no vacancy; 4.4 FTE: 5
    assert stats["open_positions"] == 1
    assert stats["layers"] == 3
    # Layers count entries (cards), the assistant included: they add up to the entries.
    assert stats["positions_per_layer"] == [1, 4, 11 + 1 + 3]
    assert sum(stats["positions_per_layer"]) == stats["entries"]
    managers = by_id(stats)
    assert list(managers) == ["ceo", "cto", "cfo", "cpo"]  # top-down, input order
    assert {k: m["direct"] for k, m in managers.items()} == {
        "ceo": 3,  # the assistant is beside the CEO, not a report
        "cto": 11, "cfo": 1,
        "cpo": 2,  # the job share's two people; the vacancy is "open", the group is staff
    }
    assert managers["cpo"]["open"] == 1 and managers["cpo"]["staff"] == 5
    assert stats["staff_in_groups"] == 5
    assert managers["ceo"]["total"] == stats["headcount"] - 1
    assert managers["ceo"]["layer"] == 1 and managers["cpo"]["layer"] == 2
    assert stats["span"] == {"mean": 4.25, "median": 2.5, "max": 11}
    for m in managers.values():  # never more direct reports than people in the team
        assert m["direct"] <= m["total"]
    assert (stats["assistants"], stats["job_shares"], stats["top_level"]) == (1, 1, ["ceo"])


@pytest.mark.parametrize(("narrow", "wide", "flags"), [
    (2, 10, {"cto": "wide", "cfo": "narrow", "cpo": "narrow"}),
    (3, 10, {"ceo": "narrow", "cto": "wide", "cfo": "narrow", "cpo": "narrow"}),  # inclusive
    (2, 11, {"cfo": "narrow", "cpo": "narrow"}),  # wide is "more than"
    (0, 5, {"cto": "wide"}),  # the CPO's group of staff is not a line report
])
def test_flags_follow_the_thresholds(narrow, wide, flags):
    stats = org_stats(sample(), narrow=narrow, wide=wide)
    found = {k: m["flag"] for k, m in by_id(stats).items() if m["flag"]}
    assert found == flags
    assert stats["narrow"] == [k for k, f in flags.items() if f == "narrow"]
    assert stats["wide"] == [k for k, f in flags.items() if f == "wide"]
    assert stats["thresholds"] == {"narrow": narrow, "wide": wide}


@pytest.mark.parametrize(("narrow", "wide"), [(-1, 10), (5, 5), (3, 2)])
def test_thresholds_must_make_sense(narrow, wide):
    with pytest.raises(LadderError, match="a wide span must be more than a narrow one"):
        org_stats(sample(), narrow=narrow, wide=wide)


def test_departments():
    stats = org_stats(sample())
    assert stats["departments"] == [
        {"id": "lead", "name": "Leadership", "headcount": 2, "open_positions": 0},
        {"id": "eng", "name": "Engineering", "headcount": 12, "open_positions": 0},
        # people with no department get a row of their own, so the table adds up
        {"id": None, "name": "(no department)", "headcount": 10, "open_positions": 1},
    ]
    assert sum(d["headcount"] for d in stats["departments"]) == stats["headcount"]


def test_stats_are_plain_json_and_deterministic():
    stats = org_stats(sample())
    assert json.loads(json.dumps(stats)) == stats
    assert json.dumps(org_stats(sample())) == json.dumps(stats)


def test_a_forest_and_a_single_person():
    org = Org.build("Two", [Person("a", "A"), Person("b", "B", manager="a"), Person("c", "C")])
    stats = org_stats(org)
    assert stats["top_level"] == ["a", "c"] and stats["layers"] == 2
    assert stats["positions_per_layer"] == [2, 1]
    one = Org.build("One", [Person("a", "A")])
    alone = org_stats(one)
    assert (alone["managers_count"], alone["span"]["max"], alone["layers"]) == (0, 0, 1)
    assert ["managers", "0"] in [line.split()
                                 for line in stats_table(stats_record(one)).splitlines()]


def test_table_lists_every_manager_with_its_flag():
    text = stats_table(stats_record(sample()))
    lines = text.splitlines()
    assert lines[0] == "Sample"
    assert ["headcount", "24"] in [line.split() for line in lines]
    assert any(line.startswith("  layers") and "(positions per layer: 1, 4, 15)" in line
               for line in lines)
    rows = {line.strip().split("  ")[0]: line for line in lines if "  " in line.strip()}
    assert rows["Tess Tech"].rstrip().endswith("wide")
    assert rows["Fin Ance"].rstrip().endswith("narrow")
    assert not rows["Cee Oh"].rstrip().endswith(("wide", "narrow"))
    # Managers are indented by layer, below the header and its rule.
    header = next(i for i, line in enumerate(lines) if line.startswith("manager"))
    assert lines[header + 2].startswith("Cee Oh")
    assert lines[header + 3].startswith("  Tess Tech")


def test_table_columns_line_up_with_wide_letters():
    org = Org.build("Wide", [Person("a", "王小明", "CEO"), *team("a", 3, "x"),
                             Person("b", "Bo", "CTO", manager="a"), *team("b", 3, "y")])
    lines = stats_table(stats_record(org)).splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("manager"))
    # "王小明" takes six terminal columns; the title column starts at the same place in each row.
    title_at = lines[header].index("title")
    assert lines[header + 2].startswith("王小明" + " " * (title_at - 6) + "CEO")
    assert lines[header + 3].startswith("  Bo" + " " * (title_at - 4) + "CTO")


@pytest.mark.parametrize(("name", "headcount", "open_positions", "layers"), [
    ("startup", 7, 1, 3),
    ("scale-up", 56, 1, 4),
    ("enterprise", 404, 13, 5),  # 18.5 FTE of outsourced support: 19 people, rounded up
])
def test_example_numbers(name, headcount, open_positions, layers):
    stats = org_stats(load_company(EXAMPLES / f"{name}.yaml"))
    assert (stats["headcount"], stats["open_positions"], stats["layers"]) == (
        headcount, open_positions, layers)
