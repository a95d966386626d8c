"""Card text you can tell apart: cards as wide as their text needs (within limits), titles on
two lines before they are cut, cuts that keep the end that tells units apart, full text in
the tooltip."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET

import pytest

import ladder
from ladder.layout import layout_org
from ladder.layout.cards import NARROWEST, WIDEST, fit_lines, fit_middle, text_width
from ladder.model.org import Department, Org, Person
from ladder.renderers.card_geometry import DETAIL, NAME, TITLE, text_room

SVG = "{http://www.w3.org/2000/svg}"
REGIONS = ["North West", "North East", "South West", "South East", "Yorkshire and Humber",
           "East Midlands", "West Midlands", "London", "Wales", "Scotland"]


def _regional_org(prefix: str, titles: list[str]) -> Org:
    """A head office over one unit per region, the units named ``prefix - <region>``."""
    departments = [Department(f"d{i}", f"{prefix} - {region}") for i, region in
                   enumerate(REGIONS)]
    people = [Person("boss", "Ada Head", title="Director General")]
    people += [Person(f"p{i}", f"Person {i}", title=titles[i % len(titles)], manager="boss",
                      department=f"d{i}") for i in range(len(REGIONS))]
    return Org.build("Regions", people, departments)


def _cards(svg: str) -> list[dict[str, list[str]]]:
    """Each card's texts by class, and its tooltip."""
    found = []
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        if "ladder-card" not in (group.get("class") or ""):
            continue
        texts: dict[str, list[str]] = {"tooltip": [group.findtext(f"{SVG}title") or ""]}
        for text in group.iter(f"{SVG}text"):
            texts.setdefault(text.get("class") or "", []).append(text.text or "")
        found.append(texts)
    return found


@pytest.mark.parametrize("seed", range(3))
def test_a_cut_department_keeps_the_end_that_tells_units_apart(seed):
    rng = random.Random(seed)
    prefix = " - ".join(rng.choice(["Head Office", "National Operations", "Directorate",
                                    "Corporate Services", "Delivery Group"]) for _ in range(3))
    svg = ladder.draw(_regional_org(prefix, ["Head of Unit"]), format="svg")
    departments = [card["department"][0] for card in _cards(svg) if "department" in card]
    assert len(departments) == len(REGIONS)
    assert len(set(departments)) == len(REGIONS)  # no two read the same
    for line, region in zip(departments, REGIONS, strict=True):
        assert line.endswith(region)  # the end is kept ...
        assert line.startswith(prefix.split(" ")[0])  # ... and the start
    room = text_room(layout_org(_regional_org(prefix, ["Head of Unit"])).style.width)
    assert all(text_width(line, DETAIL.size) <= room for line in departments)


def test_cards_widen_for_long_text_within_limits():
    short = _regional_org("Ops", ["Analyst"])
    assert layout_org(short).style.width == NARROWEST
    medium = _regional_org("Ops", ["Deputy Director, Strategic Analysis and Insight"])
    width = layout_org(medium).style.width
    assert NARROWEST < width <= WIDEST
    assert text_width("Deputy Director, Strategic Analysis and Insight", TITLE.size) <= (
        text_room(width))
    huge = _regional_org("Ops", ["Deputy Director " * 12])
    assert layout_org(huge).style.width == WIDEST


def test_long_titles_wrap_onto_two_lines_before_they_are_cut():
    two = ("Assistant Legal Adviser - Head of Northern Ireland, Security and Identity Team "
           "for the Borders and Immigration Directorate")
    fits = "Assistant Legal Adviser - Head of Northern Ireland and Identity Team"
    org = _regional_org("Ops", [fits, two])
    chart = layout_org(org)
    assert chart.style.title_lines == 2 and chart.style.height > 72
    svg = ladder.draw(org, format="svg")
    room = text_room(chart.style.width)
    wrapped = [card for card in _cards(svg) if card["tooltip"][0].startswith("Person")]
    for card in wrapped:
        full = card["tooltip"][0].split("\n")[1]
        lines = card["title"]
        assert all(text_width(line, TITLE.size) <= room for line in lines)
        if full == fits:  # too long for one line, fits on two: whole, nothing cut
            assert len(lines) == 2 and " ".join(lines) == fits
        else:  # too long for two: the start, then the end after an ellipsis
            assert len(lines) == 2 and lines[1].startswith("…")
            assert full.startswith(lines[0]) and full.endswith(lines[1][1:])
    # the PNG and PDF draw the same two lines: Graphviz gets them broken where the SVG is
    dot = ladder.draw(org, format="dot")
    for card in wrapped:
        assert '<BR ALIGN="LEFT"/>'.join(card["title"]) in dot


def test_fitted_text_never_outgrows_its_room_on_generated_names():
    rng = random.Random(7)
    words = ["Head", "of", "National", "Operations", "-", "Border", "Force", "Directorate",
             "Ünïcödé", "Strategy", "&", "Policy", "Ελλάδα", "Москва", "김민준", "北京"]
    for _ in range(120):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 18)))
        room = rng.uniform(120, 300)
        for size, bold in ((NAME.size, True), (TITLE.size, False), (DETAIL.size, False)):
            middle = fit_middle(text, size, room, bold=bold)
            assert text_width(middle, size, bold=bold) <= room, (text, middle)
            lines = fit_lines(text, size, room, 2, bold=bold)
            assert 1 <= len(lines) <= 2
            assert all(text_width(line, size, bold=bold) <= room for line in lines)
            if len(lines) == 2 and not lines[1].startswith("…"):
                assert " ".join(lines) == " ".join(text.split())  # nothing lost, nothing cut
