"""The explorer lays its cards out in the page (``viewer/layout.js``) with the rules of the
Python layout: on a fully opened org, every card and every solid connector lands within 1 px
of ``ladder.layout.layout_org`` (what ``--format json`` writes), in ``tree`` and ``compact``
mode, on the examples, a real HR export, and generated orgs with wide spans and bands.

Where the page differs by design, the tests below say how: ``auto`` and ``stacked`` are drawn
as ``compact``; a closed manager is a spread card (never stacked with the leaves); dotted lines
are plain elbows between their two cards, not routed around everything.
"""

from __future__ import annotations

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

# the explorer's cards keep one size (viewer.css): a static chart's widen with their text
EXPLORER = CardStyle()


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
    chart = layout_org(org, mode=mode, style=EXPLORER)
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
    compact = {box.id: (box.x, box.y)
               for box in layout_org(org, mode="compact", style=EXPLORER).boxes()}
    for mode in ("auto", "stacked"):
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


def test_by_design_dotted_lines_are_plain_elbows_between_their_cards(browser, tmp_path):
    """The Python layout routes a dotted line around every card and line; the page draws it
    as an elbow from the dotted-line manager's card to the person's, while both show."""
    org = acme()
    path = tmp_path / "acme.html"
    path.write_text(ladder.draw(org, format="html", mode="tree"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'true'")
    page.evaluate("window.ladder.animate = false; window.ladder.openAll()")
    cards = {c["id"]: c for c in page.evaluate("window.ladder.layout()")}
    lines = page.evaluate("window.ladder.dotted()")
    assert [(line["source"], line["target"]) for line in lines] == [("ana", "lee")]
    points = lines[0]["points"]
    start, end = points[0], points[-1]
    ana, lee = cards["ana"], cards["lee"]
    assert ana["x"] <= start[0] <= ana["x"] + 240 and start[1] in (ana["y"], ana["y"] + 72)
    assert lee["x"] <= end[0] <= lee["x"] + 240 and end[1] in (lee["y"], lee["y"] + 72)
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in zip(points, points[1:], strict=False))
    page.evaluate("window.ladder.collapse('open-spm')")  # Lee's manager: Lee leaves the page
    assert page.evaluate("window.ladder.dotted()") == []
    page.close()
