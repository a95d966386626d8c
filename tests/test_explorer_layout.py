"""The explorer lays its cards out in the page (``viewer/layout.js``) with the rules of the
Python layout: on a fully opened org, every card and every solid connector lands within 1 px
of ``ladder.layout.layout_org`` (what ``--format json`` writes), in ``tree`` and ``compact``
mode, on the examples, a real HR export, and generated orgs with wide spans and bands.

Where the page differs by design, the tests below say how: ``auto`` and ``stacked`` are drawn
as ``compact``; a closed manager is a spread card (never stacked with the leaves). Dotted lines
are routed as the SVG routes them (the same rules, ported to the page).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import CHROMIUM, REPO
from sample_orgs import SHARED, acme, random_org

import ladder
from ladder.layout import layout_org
from ladder.layout.cards import CardStyle
from ladder.model import Org, Person

pytestmark = [
    pytest.mark.slow,  # a browser per module: each test takes seconds
    pytest.mark.needs_browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed"),
]

def page_style(org: Org, mode: str) -> CardStyle:
    """The cards the page draws: the static chart's, as wide as their text unless that spreads
    the chart out (``explorer_data``)."""
    return layout_org(org, mode=mode).style


def wide_org() -> Org:
    """A CEO with 40 managers (bands), one of them with 300 leaf reports (many stacks)."""
    people = [Person("ceo", "Chief")]
    for m in range(40):
        people.append(Person(f"m{m}", f"Manager {m}", "Lead", manager="ceo"))
        for r in range(300 if m == 7 else m % 5 + (3 if m % 3 else 0)):
            people.append(Person(f"m{m}r{r}", f"Report {m}.{r}", "Agent", manager=f"m{m}"))
    people.append(Person("pa", "Assistant", "Assistant", manager="ceo", assistant=True))
    return Org.build("Wide", people)


def orgs() -> list[tuple[str, Org]]:
    found = [(path.stem, ladder.load(str(path))) for path in sorted(
        (REPO / "examples").glob("*.yaml"))]
    found.append(("acme", acme()))
    export = Path(SHARED) / "ukgov_dfe_2011-09-30_senior.csv"
    if export.is_file():
        found.append(("dfe", ladder.load(str(export), preset="uk-organogram",
                                         junior=str(export).replace("senior", "junior"))))
    found.append(("random-wide", random_org(7, 1500, wide=True)))
    found.append(("wide", wide_org()))
    return found


ORGS = orgs()


def page_layout(browser, tmp_path: Path, org: Org, mode: str):
    path = tmp_path / "org.html"
    path.write_text(ladder.draw(org, format="html", mode=mode), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'true'")
    page.evaluate("window.ladder.animate = false; window.ladder.openAll()")
    cards = page.evaluate("window.ladder.layout()")
    lines = page.evaluate("window.ladder.lines()")
    page.close()
    assert errors == []
    return cards, lines


@pytest.mark.parametrize("mode", ["tree", "compact"])
@pytest.mark.parametrize(("name", "org"), ORGS, ids=[name for name, _ in ORGS])
def test_page_layout_matches_python_layout(browser, tmp_path, name, org, mode):
    chart = layout_org(org, mode=mode, style=page_style(org, mode))
    cards, lines = page_layout(browser, tmp_path, org, mode)
    assert len(cards) == len(org)  # fully opened: everybody shows
    expected = {box.id: (box.x, box.y) for box in chart.boxes()}
    worst = max(max(abs(card["x"] - expected[card["id"]][0]),
                    abs(card["y"] - expected[card["id"]][1])) for card in cards)
    assert worst <= 1.0, f"{name} {mode}: a card is {worst:.1f} px from the Python layout"
    routes = {(edge.source, edge.target): edge.points for edge in chart.edges()}
    assert len(lines) == len(routes)
    for line in lines:
        want = routes[line["source"], line["target"]]
        assert len(line["points"]) == len(want), (name, line["target"])
        assert all(abs(a - b) <= 1.0 for got, wanted in zip(line["points"], want, strict=True)
                   for a, b in zip(got, wanted, strict=True)), (name, line["target"])


def test_by_design_auto_and_stacked_are_drawn_compact(browser, tmp_path):
    """``auto`` may list subtrees (the plan search, for static pages); the page opens teams
    one at a time instead, so it lays out ``auto`` and ``stacked`` as ``compact``."""
    org = random_org(3, 900, wide=True)
    for mode in ("auto", "stacked"):
        compact = {box.id: (box.x, box.y) for box in layout_org(
            org, mode="compact", style=page_style(org, mode)).boxes()}
        cards, _ = page_layout(browser, tmp_path, org, mode)
        assert len(cards) == len(compact)
        assert all(abs(card["x"] - compact[card["id"]][0]) <= 1e-6
                   and card["y"] == compact[card["id"]][1] for card in cards)


def test_by_design_a_closed_manager_is_a_spread_card(browser, tmp_path):
    """With a team closed, its manager keeps a card of its own under its manager (it is not
    stacked with the leaf reports), and the cards close ranks around it."""
    org = Org.build("t", [Person("a", "A"), *[Person(f"l{i}", f"L{i}", manager="a")
                                              for i in range(5)],
                          Person("m", "M", manager="a"), Person("x", "X", manager="m")])
    path = tmp_path / "t.html"
    path.write_text(ladder.draw(org, format="html", mode="compact"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'true'")
    page.evaluate("window.ladder.animate = false; window.ladder.openAll()")
    opened = {c["id"]: (c["x"], c["y"]) for c in page.evaluate("window.ladder.layout()")}
    page.evaluate("window.ladder.collapse('m')")
    closed = {c["id"]: (c["x"], c["y"]) for c in page.evaluate("window.ladder.layout()")}
    page.close()
    assert "x" in opened and "x" not in closed
    assert closed["m"][1] == opened["m"][1]  # still a row of its own, under the manager
    leaves = [closed[f"l{i}"] for i in range(5)]
    assert all(y > closed["m"][1] - 1 for _, y in leaves)
    spines = {x for x, _ in leaves}
    assert closed["m"][0] not in spines  # not one of the stack's columns


def dense_dotted_org(seed: int) -> Org:
    """A random forest where about half the people have one or two dotted-line managers."""
    rng = random.Random(seed)
    size = rng.randrange(5, 60)
    people = [Person("p0", "P0")]
    for i in range(1, size):
        boss = rng.randrange(max(0, i - rng.choice((1, 3, 10, i))), i)
        people.append(Person(f"p{i}", f"P{i}", manager=f"p{boss}"))
    ids = [p.id for p in people]
    dotted = []
    for person in people:
        picks: tuple[str, ...] = ()
        if rng.random() < 0.5:
            picks = tuple(sorted({m for m in rng.sample(ids, min(len(ids), rng.randrange(1, 3)))
                                  if m != person.id}))
        dotted.append(Person(person.id, person.name, manager=person.manager, dotted=picks))
    return Org.build("dense", dotted)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("mode", ["tree", "compact"])
def test_dotted_lines_are_routed_as_the_svg_routes_them(browser, tmp_path, seed, mode):
    """The page routes each dotted line as ``ladder.layout.dotted`` does (its own port, track
    and channel, both ends on a card edge, the head at the dotted-line manager): on an opened
    org its routes are the layout JSON's; closing a team drops the lines it hid."""
    org = dense_dotted_org(seed)
    expected = layout_org(org, mode=mode)
    path = tmp_path / "dense.html"
    path.write_text(ladder.draw(org, format="html", mode=mode), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'true'")
    page.evaluate("window.ladder.animate = false; window.ladder.openAll()")
    lines = page.evaluate("window.ladder.dotted()")
    wanted = expected.dotted_edges()
    assert [(line["source"], line["target"]) for line in lines] == [
        (edge.source, edge.target) for edge in wanted]
    for line, edge in zip(lines, wanted, strict=True):
        assert line["head"] == "source"
        assert len(line["points"]) == len(edge.points)
        assert all(abs(a - b) < 1e-6 for p, q in zip(line["points"], edge.points, strict=True)
                   for a, b in zip(p, q, strict=True))
    page.evaluate("window.ladder.openLevels(2)")
    shown = {card["id"] for card in page.evaluate("window.ladder.layout()")}
    lines = page.evaluate("window.ladder.dotted()")
    assert all(line["source"] in shown and line["target"] in shown for line in lines)
    assert len(lines) == sum(1 for edge in wanted
                             if edge.source in shown and edge.target in shown)
    page.close()
