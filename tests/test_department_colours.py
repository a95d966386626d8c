"""Departments you can tell apart (issue 19): up to 20 departments take distinct palette
colours; above that, each division (a department under a top post) a colour of its own and
its units shades of it, listed together."""

from __future__ import annotations

import colorsys

from ladder.model import Org, Person
from ladder.renderers.org_cards import PALETTE, contrast_on_white, department_colours


def divisions_org(divisions: int = 12, units: int = 10) -> Org:
    people = [Person("ceo", "Chief", department="board")]
    for d in range(divisions):
        people.append(Person(f"d{d}", f"Director {d}", manager="ceo", department=f"div{d}"))
        for u in range(units - 1):
            people.append(Person(f"d{d}u{u}", f"Head {d}.{u}", manager=f"d{d}",
                                 department=f"div{d}-unit{u}"))
    return Org.build("big", people)


def hue(colour: str) -> float:
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(red, green, blue)[0]


def lightness(colour: str) -> float:
    return colorsys.rgb_to_hls(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))[1]


def test_a_hundred_and_twenty_units_are_shades_of_twelve_divisions() -> None:
    colours = department_colours(divisions_org())
    assert len(colours) == 121
    assert len(set(colours.values())) == 121  # every unit its own colour
    heads = [colours[f"div{d}"] for d in range(12)]
    assert len(set(heads)) == 12 and set(heads) <= set(PALETTE)
    for d in range(12):  # a unit is a shade of its division: about its hue
        for u in range(9):
            gap = abs(hue(colours[f"div{d}-unit{u}"]) - hue(colours[f"div{d}"]))
            assert min(gap, 1 - gap) < 0.06
            # a stripe that still reads on a white card, and no unit near black
            assert contrast_on_white(colours[f"div{d}-unit{u}"]) >= 1.6
            assert lightness(colours[f"div{d}-unit{u}"]) >= 0.21
    order = list(colours)  # the legend's order: each division, then its units
    start = order.index("div3")
    assert order[start + 1:start + 10] == [f"div3-unit{u}" for u in range(9)]


def test_a_few_departments_keep_the_palette() -> None:
    colours = department_colours(divisions_org(divisions=3, units=2))
    assert list(colours.values()) == list(PALETTE[:7])


def test_the_legend_gives_each_division_rows_of_its_own() -> None:
    from ladder.layout import layout_org
    from ladder.renderers.org_cards import page_frame

    org = divisions_org(divisions=6, units=5)  # 31 units: more than the palette, so shaded
    rows = page_frame(org, layout_org(org)).legend_rows
    division_of = {f"div{d}": d for d in range(6)}
    division_of |= {f"div{d}-unit{u}": d for d in range(6) for u in range(4)}
    seen: list[int] = []
    for row in rows:
        found = {division_of[label] for _, label in row if label in division_of}
        assert len(found) <= 1, row  # a row never mixes two divisions
        seen.extend(found)
    assert sorted(set(seen)) == list(range(6)) and len(rows) >= 6
    assert seen == sorted(seen)  # each division's rows together


def test_a_unit_with_people_reporting_across_is_listed_under_its_heads_division() -> None:
    # organogram-shaped: about 1 in 25 people report to a team leader in another unit, some
    # of them higher up than their own unit's head; the unit still belongs to the division
    # its head hangs under (its name says which: "Data Group - South West 71")
    from bench.split_png import organogram_rows
    from ladder.renderers.org_cards import department_name, divisions

    org = Org.build("gov", [Person(pid, name, title=title, manager=boss or None,
                                   department=unit)
                            for pid, boss, name, title, unit in organogram_rows(5_000)])
    order = list(department_colours(org))
    division = divisions(org, order)
    assert len(order) > 100 and len(set(division.values())) == 12
    wrong = [(department_name(org, dep), department_name(org, division[dep])) for dep in order
             if dep.split(" - ")[0] != division[dep].split(" - ")[0]]
    assert wrong == []  # before: 10 of 112 units under another division
