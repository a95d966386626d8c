"""Card text you can tell apart: cards as wide as their text needs (within limits), titles on
two lines before they are cut, cuts that keep the end that tells units apart, full text in
the tooltip."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from pathlib import Path

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


def _long_titled_org(seed: int, size: int) -> Org:
    rng = random.Random(seed)
    words = ["Deputy", "Director", "Strategy", "Border", "Operations", "Policy", "Head", "of",
             "National", "Regional", "Assurance", "Programme", "Delivery", "Unit", "-"]
    people = [Person("p0", "Chief Executive", title="Permanent Secretary")]
    for i in range(1, size):
        title = " ".join(rng.choice(words) for _ in range(rng.randint(2, 14)))
        people.append(Person(f"p{i}", f"Person {i}", title=title,
                             manager=f"p{rng.randrange(i // 3, i)}"))
    return Org.build("Generated", people)


@pytest.mark.parametrize(("seed", "size"), [(1, 40), (2, 300), (3, 900)])
def test_wider_cards_never_spread_the_chart_more_than_they_grow(seed, size):
    from ladder.layout.cards import CardStyle

    org = _long_titled_org(seed, size)
    chart, usual = layout_org(org), layout_org(org, style=CardStyle())
    style = chart.style
    growth = style.width * style.height / (CardStyle().width * CardStyle().height)
    assert chart.width * chart.height <= usual.width * usual.height * growth * 1.15
    if size == 40:  # a small team with long titles: wider, taller cards and no spreading out
        assert style.width > NARROWEST and style.title_lines == 2


@pytest.mark.slow  # reads an organogram with its junior staff: about 2 s
def test_a_chart_that_wider_cards_would_spread_out_keeps_the_usual_cards():
    from sample_orgs import SHARED

    from ladder.layout.cards import CardStyle, card_style_for

    senior = Path(SHARED) / "ukgov_home_office_2012-09-30_senior.csv"
    if not senior.is_file():
        pytest.skip("needs the Home Office organogram in ../shared")
    org = ladder.load(str(senior), junior=str(senior).replace("senior", "junior"))
    wanted = card_style_for(org)
    assert wanted.width > NARROWEST  # its text asks for wider cards ...
    spread = layout_org(org, style=wanted)
    usual = layout_org(org, style=CardStyle())
    assert spread.width * spread.height > 1.8 * usual.width * usual.height  # ... 70 -> 123 Mpx
    assert layout_org(org).style == CardStyle()  # so it keeps the usual ones


def test_the_svg_says_on_each_card_what_the_other_writers_draw():
    """The SVG writes each card from its face (shared by cards alike but for the name) and its
    name; the pinned-DOT and PNG writers from whole cards: both say the same, card by card,
    whatever the card is (a vacancy, a staff group, a job share, a dotted line, a diff's mark,
    a split page's label or context card, a name that needs escaping or cutting)."""
    import html

    from ladder.analysis.teams import team_counts
    from ladder.renderers.org_cards import PageText, cards, dotted_notes
    from ladder.renderers.org_svg import org_svg
    from ladder.renderers.results.stats import badge_text
    from ladder.text import card_label

    long_name = "Maximiliana Wolfeschlegelsteinhausenbergerdorff-Smythe"
    people = [Person("ceo", "Ada <Boss> & Co", title="Chief Executive Officer",
                     department="d0"),
              Person("pa", "Pat", title="Assistant", manager="ceo", assistant=True),
              Person("open", "", title="Designer", manager="ceo", vacant=True,
                     department="d1", location="Leeds"),
              Person("staff", "Admin officers", title="Admin", manager="ceo", fte=12.5,
                     extra=(("grade", "EO"),)),
              Person("pm", "Pia", title="PM", manager="ceo", department="d1"),  # a leaf
              Person("share", "Ana", title="PM", manager="ceo", shared_with=("Bo",),
                     department="d1"),  # ... and a manager alike but for the count
              Person("np", "", title="Deputy Director", manager="ceo", department="d2"),
              Person("dot", "Dee", title="PM", manager="share", dotted=("ceo",),
                     department="d1"),
              Person("moved", "Mo", title="PM", manager="share", mark="moved",
                     note="from Ada", department="d1"),
              Person("long", long_name, title="Senior " * 12 + "Engineer", manager="share",
                     department="d2")]
    people += [Person(f"e{i}", f"Eve {i % 3}", title="Engineer", manager="np",
                      department=f"d{i % 3}") for i in range(12)]
    departments = [Department(f"d{i}", name) for i, name in enumerate(
        ["Office of the CEO", "Product & Design", "Engineering - North West Region"])]
    org = Org.build("Mixed", people, departments)
    chart = layout_org(org)
    counts, notes = team_counts(org), dotted_notes(org)
    for labels, context in (({}, frozenset()),
                            ({"e3": "see page 2", "np": "p. 4"}, frozenset({"e3"}))):
        text = PageText(counts=counts, notes=notes, labels=labels, context=context)
        drawn = _cards(org_svg(org, chart, text))
        wanted = cards(org, chart, counts, labels, notes, context)
        assert len(drawn) == len(wanted) == len(people)
        for card, texts in zip(wanted, drawn, strict=True):
            name, second, third = (html.unescape(line) for line in card.lines)
            assert texts["tooltip"] == [card.tooltip]
            assert texts["name-open" if card.vacant else "name"] == [name]
            assert texts.get("title", []) == (second.split("\n") if second else [])
            assert texts.get("note" if card.note else "department", []) == (
                [third] if third else [])
            assert texts.get("badge-text", []) == ([html.unescape(card.badge)]
                                                   if card.badge else [])
        for person, texts in zip(org.people.values(), drawn, strict=True):
            # each card its own name, title and count, though many share a face
            assert texts["tooltip"][0].split("\n")[0] == card_label(person)
            count = counts.get(person.id)
            assert texts.get("badge-text", []) == (
                [badge_text(count)] if count and person.id not in context else [])
            if person.id.startswith("e"):
                assert texts["title"] == ["Engineer"]
    svg = org_svg(org, chart, PageText(counts=counts, notes=notes))
    assert "Ada &lt;Boss&gt; &amp; Co" in svg and "<Boss>" not in svg
    assert _cards(svg)[0]["tooltip"][0].startswith("Ada <Boss> & Co\nChief Executive Officer")
