"""In a real browser (Debian's chromium through Playwright): the offline HTML explorer works
(no console errors, no network, search reveals a person, a toggle closes a team, a role shows
its paths and competencies), and the real Mermaid library draws every node of the Mermaid
export. `./run.sh test` installs chromium and mermaid; elsewhere these tests are skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CHROMIUM, REPO
from test_docs_svg import NASTY, nasty_org
from test_docs_text import mermaid_nodes

import ladder

MERMAID = Path(os.environ.get("LADDER_MERMAID_JS", REPO / ".cache" / "npm" / "node_modules" /
                              "mermaid" / "dist" / "mermaid.min.js"))

pytestmark = [
    pytest.mark.slow,  # a browser per module: each test takes seconds
    pytest.mark.needs_browser,
    pytest.mark.needs_dot,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="chromium is not installed (./run.sh test installs it)"),
]


class Page:
    """A page that records console errors and refuses every request to the network."""

    def __init__(self, browser, *, dark: bool = False) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 800},
                                     color_scheme="dark" if dark else "light")
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error"
                     else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

        def refuse(route):
            self.requests.append(route.request.url)
            route.abort()

        self.page.route("http*://**", refuse)

    def open(self, path: Path) -> Page:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self


def explorer(tmp_path: Path, thing, name: str, **options) -> Path:
    path = tmp_path / f"{name}.html"
    path.write_text(ladder.draw(thing, format="html", **options), encoding="utf-8")
    return path


@pytest.mark.slow
def test_org_explorer_searches_and_collapses(browser, tmp_path):
    """The org explorer (more in test_explorer_page.py): search ignores case and accents and
    opens the path to the one found; a manager's toggle closes its team, which leaves the
    page; dotted lines are drawn while both their cards show."""
    org = ladder.load(str(REPO / "examples" / "enterprise.yaml"))
    view = Page(browser).open(explorer(tmp_path, org, "org"))
    page = view.page
    page.wait_for_function("document.body.dataset.ready === 'true'")
    assert page.locator(".lv-status").text_content().startswith(f"{len(org)} people")
    page.fill(".lv-search input", "omar hadd")
    assert page.locator(".lv-results li").first.text_content().startswith("Omar Haddad")
    page.keyboard.press("Enter")
    page.wait_for_selector(".lv-card.lv-found")
    assert page.evaluate("document.querySelector('.lv-found').dataset.id") == "omar-haddad"
    manager = org.people["omar-haddad"].manager
    toggle = page.locator(f'.lv-card[data-id="{manager}"] .lv-toggle')
    reports = len(list(org.reports(manager)))
    assert toggle.text_content() == f"− {reports} reports"
    toggle.click()
    page.wait_for_timeout(400)
    assert page.locator('.lv-card[data-id="omar-haddad"]').count() == 0
    assert toggle.text_content() == f"+ {reports} reports"
    assert toggle.get_attribute("aria-expanded") == "false"
    shown = {c["id"] for c in page.evaluate("window.ladder.layout()")}
    assert "omar-haddad" not in shown and manager in shown
    page.click("[data-action=fit]")
    page.click("[data-action=in]")
    page.mouse.wheel(0, 200)
    assert view.errors == [] and view.requests == []


def test_ladder_explorer_shows_a_roles_paths_and_competencies(browser, tmp_path):
    text = """\
id: two
name: Two tracks
tracks: [{id: ic, name: IC}, {id: ops, name: Ops}]
roles:
  - {id: a, title: Analyst, level: 1, track: ic, competencies: [SQL, curiosity]}
  - {id: b, title: Builder, level: 2, track: ic}
  - {id: c, title: Clerk, level: 1, track: ops}
  - {id: d, title: Director, level: 2, track: ops}
moves: [{from: a, to: b}, {from: c, to: d}]
"""
    view = Page(browser).open(explorer(tmp_path, ladder.load(text=text), "ladder",
                                       detail=True))
    page = view.page
    page.locator("#role-a").click()
    panel = page.locator(".lv-panel")
    assert panel.is_visible()
    assert "SQL" in panel.text_content() and "Leads to" in panel.text_content()
    assert "Builder" in panel.text_content() and "Director" not in panel.text_content()
    dimmed = page.evaluate("[...document.querySelectorAll('.lv-dim')].map(e => e.id).sort()")
    assert dimmed == ["move-c--d", "role-c", "role-d"]
    page.locator("#role-a").click()  # again: clear
    assert panel.is_hidden()
    assert view.errors == [] and view.requests == []


def test_ladder_explorer_panel_shows_summaries_statements_and_practice(browser, tmp_path):
    """The article's definition quoted and upright, our facts in italics with the legend; an
    imported framework's role (statements per area, no competencies) lists its statements."""
    product = ladder.load("product")
    view = Page(browser).open(explorer(tmp_path, product, "product"))
    page = view.page
    page.locator("#role-product-manager").click()
    panel = page.locator(".lv-panel")
    summary = panel.locator(".lv-summary")
    assert summary.text_content() == f"\u201c{product.roles['product-manager'].summary}\u201d"
    assert "lv-practice" not in (summary.get_attribute("class") or "")
    practice = panel.locator(".lv-practice").all_text_contents()
    assert "Level 2" in practice and "Product Owner" in practice
    assert "corporate strategy" not in practice
    assert practice[-1] == "Italics: Common industry practice (not in the article)"
    page.locator("#role-senior-product-manager").click()
    assert "lv-practice" in (panel.locator(".lv-summary").get_attribute("class") or "")
    text = """\
id: imported
name: Imported
areas: [{id: craft, name: Craft}, {id: people, name: People}]
roles:
  - id: dev
    title: Developer
    level: 1
    summary: Builds the product.
    expectations:
      craft: [Writes tested code., {text: "Shares work", options: [a talk, a post]}]
      people: [Helps others.]
"""
    view = Page(browser).open(explorer(tmp_path, ladder.load(text=text), "imported"))
    view.page.locator("#role-dev").click()
    panel = view.page.locator(".lv-panel")
    assert panel.locator(".lv-summary").text_content() == "Builds the product."
    assert panel.locator("h3").all_text_contents()[:2] == ["Craft", "People"]
    assert panel.locator("li").all_text_contents()[:5] == [
        "Writes tested code.", "Shares work", "one of: a talk", "one of: a post",
        "Helps others."]
    assert view.errors == [] and view.requests == []


def test_ladder_explorer_shows_the_quickest_path_and_gap_of_two_roles(browser, tmp_path):
    """A role, then a shift-click on another: the answers of `ladder paths` and `ladder gap`."""
    from ladder.analysis.paths import competency_gap

    product = ladder.load("product")
    gap = competency_gap(product, "junior-product-manager", "director-of-product")
    view = Page(browser).open(explorer(tmp_path, product, "product"))
    page = view.page
    page.locator("#role-junior-product-manager").click()
    page.locator("#role-director-of-product").click(modifiers=["Shift"])
    route = page.locator(".lv-route")
    steps = route.locator("ol li").all_text_contents()
    assert steps == [product.roles[r].title for r in gap.path.roles]
    assert route.locator("ul li").all_text_contents() == list(gap.needed)
    assert page.locator(".lv-panel select").input_value() == "role-director-of-product"
    assert page.locator("#role-head-of-product.lv-dim").count() == 1
    assert view.errors == [] and view.requests == []


def test_mermaid_export_is_drawn_by_mermaid(browser):
    if not MERMAID.is_file():
        pytest.skip(f"{MERMAID} is missing (./run.sh test installs mermaid from npm)")
    cases = [ladder.draw("product", format="mermaid", detail=True),
             ladder.draw(nasty_org(), format="mermaid"),
             ladder.draw(str(REPO / "examples" / "scale-up.yaml"), format="mermaid")]
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content("<!DOCTYPE html><html><body></body></html>")
    page.add_script_tag(path=str(MERMAID))
    page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
    for number, text in enumerate(cases):
        drawn = page.evaluate("""async ([id, text]) => {
            const {svg} = await mermaid.render(id, text);
            const holder = document.createElement('div');
            holder.innerHTML = svg;
            document.body.appendChild(holder);
            return [...holder.querySelectorAll('g.node')].map(
                node => [node.id, node.textContent]);
        }""", [f"diagram{number}", text])
        expected = {name for name in mermaid_nodes(text) if not name.startswith("track_")}
        ids = {node_id for node_id, _ in drawn}
        for name in expected:
            assert any(f"-{name}-" in node_id for node_id in ids), name
        assert len(drawn) == len(expected) > 3
        if number == 1:  # the name came through as text, not markup
            labels = " ".join(label for _, label in drawn)
            assert NASTY in labels
            assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert errors == []


def test_mermaid_draws_practice_in_italics_with_its_note(browser):
    if not MERMAID.is_file():
        pytest.skip(f"{MERMAID} is missing (./run.sh test installs mermaid from npm)")
    product = ladder.load("product")
    page = browser.new_page()
    page.set_content("<!DOCTYPE html><html><body></body></html>")
    page.add_script_tag(path=str(MERMAID))
    page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
    italic = page.evaluate("""async (text) => {
        const {svg} = await mermaid.render('practice', text);
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        document.body.appendChild(holder);
        return [...holder.querySelectorAll('i')].map(node => node.textContent);
    }""", ladder.draw(product, format="mermaid"))
    practice_titles = [r.title for r in product if product.secondary(r.source)]
    assert practice_titles and all(title in italic for title in practice_titles)
    assert "italics" in italic and "~1.5 yrs" in italic  # the note's word, a practice year
    assert not any(r.title in italic for r in product if not product.secondary(r.source))


@pytest.mark.slow
def test_mkdocs_page_in_light_and_dark(browser, tmp_path):
    """The inlined SVG follows Material's switch: its card colours change with the scheme."""
    from test_docs_mkdocs import PAGE, build, make_site

    site = make_site(tmp_path, {"index.md": PAGE})
    assert build(site).returncode == 0
    fills = {}
    for scheme in ("default", "slate"):
        view = Page(browser).open(site / "site" / "index.html")
        view.page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        fills[scheme] = view.page.evaluate(
            "getComputedStyle(document.querySelector('#person-priya rect')).fill")
        # the explorer in its iframe follows the same switch
        frame = view.page.frame_locator("iframe.ladder-viewer")
        frame.locator(".lv-status").wait_for()
        inner = frame.locator("html").get_attribute("data-theme")
        assert inner == ("dark" if scheme == "slate" else "light")
        view.page.screenshot(path=str(tmp_path / f"mkdocs-{scheme}.png"), full_page=True)
        # the theme's web fonts are refused here; the diagrams ask for nothing
        assert all("fonts.g" in url for url in view.requests), view.requests
    assert fills["default"] == "rgb(255, 255, 255)"
    assert fills["slate"] != fills["default"]
