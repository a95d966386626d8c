"""The org explorer in Debian's chromium (Playwright): what a reader of ``--format html`` sees.

It opens offline (no request leaves the page) on the top of the org with readable cards; a
series of opens and closes never makes cards overlap or a connector cross a card; the clicked
card stays put; search opens the path to a person and centres them, and a search with no match
clears the old highlight; a deep link opens at a person; close-all then fit shows the top card
at a sensible size; names are text, never markup. On the UK organogram pair from
``../shared/data/orgs`` and on a generated 100,000-person org.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import CHROMIUM, REPO
from sample_orgs import SHARED
from test_docs_svg import NASTY, nasty_org

import ladder
from ladder.layout.cards import fit_text
from ladder.model import Org
from ladder.renderers.card_geometry import NAME, text_room

SENIOR = Path(SHARED) / "ukgov_home_office_2012-09-30_senior.csv"
JUNIOR = Path(SHARED) / "ukgov_home_office_2012-09-30_junior.csv"
MIN_TEXT = 10  # CSS px: the smallest card text on screen, the rule

pytestmark = [
    pytest.mark.slow,  # a browser per module: each test takes seconds
    pytest.mark.needs_browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed"),
]


class Explorer:
    """The explorer page, refusing every request and recording errors."""

    def __init__(self, browser, path: Path, *, hash: str = "", width: int = 1200) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 800})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error"
                     else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

        def refuse(route):
            self.requests.append(route.request.url)
            route.abort()

        self.page.route("**/*", lambda route: route.continue_()
                        if route.request.url.startswith("file:") else refuse(route))
        self.page.goto(path.as_uri() + hash)
        self.page.wait_for_function("document.body.dataset.ready === 'true'", timeout=60_000)

    def call(self, script: str):
        return self.page.evaluate(f"(async () => {{ return {script}; }})()")

    def cards(self) -> list[dict]:
        return self.call("window.ladder.cards()")

    def stage(self) -> dict:
        return self.page.evaluate("(() => { const r = document.querySelector('.lv-stage')"
                                  ".getBoundingClientRect(); return {x: r.x, y: r.y, "
                                  "width: r.width, height: r.height}; })()")

    def smallest_text(self) -> float:
        """The smallest font size of the card text drawn now, in screen pixels."""
        return self.page.evaluate("""(() => {
            const sizes = [...document.querySelectorAll('.lv-card *')]
              .filter(e => e.textContent.trim())
              .map(e => parseFloat(getComputedStyle(e).fontSize) * window.ladder.zoom());
            return Math.min(...sizes);
        })()""")

    def clean(self) -> bool:
        return self.errors == [] and self.requests == []


def write(tmp_path: Path, thing, name: str, **options) -> Path:
    path = tmp_path / f"{name}.html"
    path.write_text(ladder.draw(thing, format="html", **options), encoding="utf-8")
    return path


def overlapping(boxes: list[tuple[float, float, float, float]]) -> list[tuple[int, int]]:
    """Pairs of boxes (x, y, width, height) whose insides overlap (sweep along x)."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][0])
    found, active = [], []
    for i in order:
        x, y, w, h = boxes[i]
        active = [j for j in active if boxes[j][0] + boxes[j][2] > x + 0.5]
        for j in active:
            if boxes[j][1] < y + h - 0.5 and y < boxes[j][1] + boxes[j][3] - 0.5:
                found.append((j, i))
        active.append(i)
    return found


def crossings(layout: list[dict], lines: list[dict], width: float, height: float) -> list:
    """Connector segments that pass through a card other than the two they join."""
    cell = 300.0
    grid: dict[tuple[int, int], list[dict]] = {}
    for card in layout:
        for gx in range(int(card["x"] // cell), int((card["x"] + width) // cell) + 1):
            for gy in range(int(card["y"] // cell), int((card["y"] + height) // cell) + 1):
                grid.setdefault((gx, gy), []).append(card)
    bad = []
    for line in lines:
        ends = {line["source"], line["target"]}
        for (x1, y1), (x2, y2) in zip(line["points"], line["points"][1:], strict=False):
            left, right, top, bottom = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
            near = {id(c): c for gx in range(int(left // cell), int(right // cell) + 1)
                    for gy in range(int(top // cell), int(bottom // cell) + 1)
                    for c in grid.get((gx, gy), [])}
            for card in near.values():
                if card["id"] in ends:
                    continue
                if (left < card["x"] + width - 0.5 and card["x"] + 0.5 < right + 1e-9
                        and top < card["y"] + height - 0.5 and card["y"] + 0.5 < bottom + 1e-9):
                    bad.append((line["target"], card["id"]))
    return bad


def check_drawing(view: Explorer) -> None:
    layout = view.call("window.ladder.layout()")
    boxes = [(c["x"], c["y"], 240.0, 72.0) for c in layout]
    assert overlapping(boxes) == []
    assert crossings(layout, view.call("window.ladder.lines()"), 240.0, 72.0) == []
    drawn = view.cards()
    assert overlapping([(c["x"], c["y"], c["width"], c["height"]) for c in drawn]) == []


@pytest.fixture(scope="module")
def organogram(tmp_path_factory) -> tuple[Org, Path]:
    if not SENIOR.is_file():
        pytest.skip("the shared UK organogram is missing")
    org = ladder.load(str(SENIOR), preset="uk-organogram", junior=str(JUNIOR))
    return org, write(tmp_path_factory.mktemp("uk"), org, "home-office")


@pytest.fixture(scope="module")
def huge(tmp_path_factory) -> Path:
    from bench.synth import write_synthetic_csv

    folder = tmp_path_factory.mktemp("huge")
    csv = write_synthetic_csv(folder / "org.csv", 100_000)
    return write(folder, ladder.load(str(csv)), "huge")


def test_first_screen_is_the_top_of_the_org_readable_and_offline(browser, organogram):
    org, path = organogram
    view = Explorer(browser, path)
    drawn = view.cards()
    assert len(drawn) > 3
    roots = [p.id for p in org.people.values() if not p.manager]
    assert roots[0] in {c["id"] for c in drawn}
    assert view.smallest_text() >= MIN_TEXT
    check_drawing(view)
    # every drawn card shows people of the top levels only, each manager with its toggle
    toggles = view.page.locator(".lv-card .lv-toggle")
    assert toggles.count() > 0
    text = toggles.first.text_content()
    assert text.split()[-1] in ("report", "reports") and any(ch.isdigit() for ch in text)
    assert view.clean()


def test_opens_and_closes_keep_cards_apart_and_the_clicked_card_in_place(browser, organogram):
    org, path = organogram
    view = Explorer(browser, path)
    rng = random.Random(5)
    for step in range(12):
        shown = {c["id"] for c in view.call("window.ladder.layout()")}
        managers = sorted(pid for pid in shown if any(True for _ in org.reports(pid)))
        pick = rng.choice(managers)
        card = view.page.locator(f'.lv-card[data-id="{pick}"]')
        if card.count() == 0:  # off screen: bring it into view first
            view.call(f"window.ladder.reveal({pick!r})")
        before = view.page.locator(f'.lv-card[data-id="{pick}"]').bounding_box()
        view.page.locator(f'.lv-card[data-id="{pick}"] .lv-toggle').click()
        view.call("window.ladder.ready")
        view.page.wait_for_timeout(350)  # the animation
        after = view.page.locator(f'.lv-card[data-id="{pick}"]').bounding_box()
        assert abs(after["x"] - before["x"]) <= 1 and abs(after["y"] - before["y"]) <= 1, step
        check_drawing(view)
    assert view.clean()


def test_search_opens_the_path_and_centres_and_no_match_clears(browser, organogram):
    org, path = organogram
    view = Explorer(browser, path)
    deepest = max(org.people.values(), key=lambda p: (len(list(_chain(org, p.id))), p.id))
    name = deepest.name or deepest.id
    found = view.call(f"window.ladder.search({name.upper()!r})")
    assert found[0] == deepest.id or org.people[found[0]].name == deepest.name
    view.page.fill(".lv-search input", name)
    view.page.keyboard.press("ArrowDown")
    view.page.keyboard.press("ArrowUp")
    view.page.keyboard.press("Enter")
    view.page.wait_for_selector(".lv-card.lv-found")
    target = view.page.evaluate("document.querySelector('.lv-card.lv-found').dataset.id")
    box = view.page.locator(".lv-card.lv-found").bounding_box()
    stage = view.stage()
    assert abs(box["x"] + box["width"] / 2 - (stage["x"] + stage["width"] / 2)) < 2
    assert abs(box["y"] + box["height"] / 2 - (stage["y"] + stage["height"] / 2)) < 2
    crumbs = view.page.locator(".lv-crumbs button").all_text_contents()
    assert len(crumbs) == len(list(_chain(org, target))) + 1
    view.page.fill(".lv-search input", "zzz-nobody-qqq")
    assert "No one matches" in view.page.locator(".lv-results").text_content()
    view.page.wait_for_timeout(100)
    assert view.page.locator(".lv-card.lv-found").count() == 0
    check_drawing(view)
    assert view.clean()


def _chain(org: Org, pid: str):
    person = org.people[pid]
    while person.manager:
        person = org.people[person.manager]
        yield person.id


def test_search_ignores_case_and_accents(browser, tmp_path):
    org = ladder.load(str(REPO / "examples" / "enterprise.yaml"))
    view = Explorer(browser, write(tmp_path, org, "ent"))
    assert view.call("window.ladder.search('ETIENNE moreau')")[0] == "etienne-moreau"
    assert "zofia-dvorak" in view.call("window.ladder.search('dvorak')")
    assert view.call("window.ladder.search('Chief People')")[0] == "zofia-dvorak"


def test_deep_link_opens_at_the_person(browser, organogram):
    org, path = organogram
    deep = sorted((p for p in org.people.values() if len(list(_chain(org, p.id))) >= 3),
                  key=lambda p: p.id)[0]
    view = Explorer(browser, path, hash="#" + deep.id)
    card = view.page.locator(f'.lv-card[data-id="{deep.id}"]')
    assert card.is_visible()
    box, stage = card.bounding_box(), view.stage()
    assert abs(box["x"] + box["width"] / 2 - (stage["x"] + stage["width"] / 2)) < 2
    assert view.clean()


def test_close_all_then_fit_shows_the_top_card(browser, organogram):
    org, path = organogram
    view = Explorer(browser, path)
    view.call("window.ladder.openLevels(4)")
    view.page.click("[data-action=close-all]")
    view.page.click("[data-action=fit]")
    view.page.wait_for_timeout(100)
    drawn, stage = view.cards(), view.stage()
    assert len(drawn) == len([p for p in org.people.values() if not p.manager])
    top = drawn[0]
    assert 0.1 * stage["width"] <= top["width"] <= 0.6 * stage["width"]
    assert stage["x"] <= top["x"] and top["x"] + top["width"] <= stage["x"] + stage["width"]
    assert view.smallest_text() >= MIN_TEXT


def test_focus_shows_the_chain_and_the_team(browser, tmp_path):
    org = ladder.load(str(REPO / "examples" / "enterprise.yaml"))
    view = Explorer(browser, write(tmp_path, org, "ent"))
    view.call("window.ladder.focus('logan-brooks')")
    shown = {c["id"] for c in view.call("window.ladder.layout()")}
    team = {p.id for p in org.reports("logan-brooks")}
    assert shown == {"logan-brooks", *_chain(org, "logan-brooks"), *team}
    view.call("window.ladder.unfocus()")
    assert len(view.call("window.ladder.layout()")) > len(shown)


def test_names_are_text_and_exports_hold_the_view(browser, tmp_path):
    view = Explorer(browser, write(tmp_path, nasty_org(), "nasty"))
    # the card shows the name fitted as the SVG's card does; the tooltip has it whole
    card = view.page.locator(".lv-card").first
    shown = card.locator(".lv-name").text_content()
    assert shown == fit_text(NASTY, NAME.size, text_room(240), bold=True) and shown != NASTY
    assert card.get_attribute("title").startswith(NASTY + "\n")
    assert view.page.evaluate("document.querySelectorAll('script').length") == 2
    svg = view.call("window.ladder.exportSvg()")
    assert svg.startswith("<svg") and "&lt;script&gt;" in svg and "<script>" not in svg
    assert view.call("window.ladder.exportPng()").startswith("data:image/png;base64,")
    assert view.clean()


def test_dark_theme_and_a_100k_org(browser, huge):
    view = Explorer(browser, huge)
    assert view.smallest_text() >= MIN_TEXT
    check_drawing(view)
    view.page.click("[data-action=theme]")  # light -> dark
    assert view.page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert view.call("window.ladder.search('E99999')")[0] == "E99999"
    view.call("window.ladder.reveal('E99999')")
    assert "E99999" in {c["id"] for c in view.cards()}
    view.call("window.ladder.openAll()")
    assert len(view.call("window.ladder.layout()")) == 100_000
    view.call("window.ladder.closeAll()")
    view.call("window.ladder.fit()")
    assert len(view.cards()) == 1
    assert view.clean()


def test_keyboard_moves_between_cards_and_opens_teams(browser, tmp_path):
    org = ladder.load(str(REPO / "examples" / "enterprise.yaml"))
    view = Explorer(browser, write(tmp_path, org, "ent"))
    page = view.page
    page.locator('.lv-card[data-id="margarethe-overgaard"]').focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(100)
    first = [p.id for p in org.reports("margarethe-overgaard")][0]
    assert page.evaluate("document.activeElement.dataset.id") == first
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(100)
    second = page.evaluate("document.activeElement.dataset.id")
    assert second != first and org.people[second].manager == "margarethe-overgaard"
    page.keyboard.press("ArrowUp")
    page.wait_for_timeout(100)
    assert page.evaluate("document.activeElement.dataset.id") == "margarethe-overgaard"
    page.keyboard.press("Enter")  # closes the CEO's team
    page.wait_for_timeout(400)
    assert {c["id"] for c in view.call("window.ladder.layout()")} == {"margarethe-overgaard"}
    assert view.clean()
