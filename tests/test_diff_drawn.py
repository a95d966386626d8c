"""The drawn diff: the new chart with each change on its card, drawn by the org chart's own
path, so ``--view changes``, ``--root``, ``--depth``, ``--split``, PNG pages and the HTML
explorer all work as they do for an org chart; a card for each leaver under the manager they
had; the legend of the marks where a reader starts (the page's top left), however wide the
chart. On generated orgs of random reorgs and on the snapshots export."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CHROMIUM, REPO
from hr_helpers import write_snapshot_export

from ladder.analysis.diff import diff_orgs
from ladder.cli import main
from ladder.model.org import Org, Person
from ladder.renderers.diff_chart import LEFT_PREFIX, changes_only, marked_org
from ladder.renderers.html_viewer import explorer_data
from ladder.renderers.org_cards import MARK_COLOURS

SNAPSHOTS = ("--snapshot", "Sep-10", "--snapshot", "Sep-11")


def random_reorg(seed: int, size: int = 120) -> tuple[Org, Org]:
    """An org and the same org a reorg later: some leave, some join, some move, some change
    title, under random managers (always earlier people, so no cycle)."""
    rng = random.Random(seed)
    old = [Person("p0", "Person 0", "Chief")]
    for i in range(1, size):
        old.append(Person(f"p{i}", f"Person {i}", f"Title {i % 7}",
                          manager=f"p{rng.randrange(i)}"))
    gone = {p.id for p in old[1:] if rng.random() < 0.1}
    new = []
    for person in old:
        if person.id in gone:
            continue
        boss = person.manager
        while boss in gone:  # reports of a leaver go to the leaver's manager
            boss = next(p.manager for p in old if p.id == boss)
        if person.manager and rng.random() < 0.08:  # a move under an earlier person
            number = int(person.id[1:])
            boss = f"p{rng.randrange(number)}"
            while boss in gone:
                boss = next(p.manager for p in old if p.id == boss)
        title = person.title + (" (acting)" if rng.random() < 0.05 else "")
        new.append(Person(person.id, person.name, title, manager=boss))
    for j in range(rng.randrange(3, 9)):
        new.append(Person(f"n{j}", f"Newcomer {j}", "New", manager=rng.choice(new).id))
    return Org.build("old", old), Org.build("new", new)


@pytest.mark.parametrize("seed", range(8))
def test_every_change_is_on_a_card_and_the_view_keeps_their_chains(seed):
    old, new = random_reorg(seed)
    found = diff_orgs(old, new)
    marked = marked_org(found)
    marks = {p.id: p.mark for p in marked if p.mark}
    assert {i.id for i in found.joined} == {k for k, v in marks.items() if v == "joined"}
    assert {i.id for i in found.moved} == {k for k, v in marks.items() if v == "moved"}
    # each leaver has a card, under the new org's counterpart of the manager they had, or
    # under the card of that manager when they left too
    for item in found.left:
        card = marked.people[LEFT_PREFIX + item.id]
        assert card.mark == "left" and card.name == item.person.name
        boss = item.person.manager
        assert card.manager == (LEFT_PREFIX + boss if boss in {i.id for i in found.left}
                                else boss)
    shown = changes_only(marked)
    # the view is the marked cards and every manager above one, nothing else
    wanted = set()
    for pid in marks:
        at = pid
        while at is not None:
            wanted.add(at)
            at = marked.people[at].manager
    assert set(shown.people) == wanted
    assert all(p.manager is None or p.manager in shown.people for p in shown)


def _diff(args: list[str]) -> None:
    result = CliRunner().invoke(main, ["diff", *args])
    assert result.exit_code == 0, result.output
    return result


def _card_ids(svg: str) -> set[str]:
    return set(re.findall(r'<g id="person-([^"]+)" class="ladder-card"', svg))


def test_view_changes_root_and_depth_on_the_command_line(tmp_path):
    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)
    data = json.loads(_diff([str(path), *SNAPSHOTS, "--format", "json"]).stdout)
    changed = {i["id"] for k in ("joined", "moved", "created", "changed") for i in data[k]}
    whole = tmp_path / "whole.svg"
    _diff([str(path), *SNAPSHOTS, "-o", str(whole)])
    view = tmp_path / "view.svg"
    _diff([str(path), *SNAPSHOTS, "-o", str(view), "--view", "changes"])
    all_cards, view_cards = _card_ids(whole.read_text()), _card_ids(view.read_text())
    assert changed <= view_cards < all_cards
    assert "changed cards and the managers above them" in view.read_text()
    # --root by a name, --depth: the part of the new org, its changes marked
    part = tmp_path / "part.svg"
    boss = data["moved"][0]["to_name"]  # by name, as an org chart's --root
    _diff([str(path), *SNAPSHOTS, "-o", str(part), "--root", boss, "--depth", "2"])
    text = part.read_text()
    assert 0 < len(_card_ids(text)) < len(all_cards) and 'class="card-mark"' in text
    # listed formats refuse the drawing options, saying why
    result = CliRunner().invoke(main, ["diff", str(path), *SNAPSHOTS, "--view", "changes"])
    assert result.exit_code == 1
    assert "--view is for a drawn diff, not for --format table" in result.stderr


@pytest.mark.slow  # PNG pages through Graphviz: a few seconds
@pytest.mark.needs_dot
def test_split_pages_and_png(tmp_path):
    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)
    out = tmp_path / "diff.png"
    result = _diff([str(path), *SNAPSHOTS, "-o", str(out), "--split", "depth:2"])
    written = [Path(line[6:]) for line in result.stdout.splitlines()
               if line.startswith("wrote ")]
    assert len(written) > 2 and written[0] == out
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in written)
    svg = tmp_path / "diff.svg"
    result = _diff([str(path), *SNAPSHOTS, "-o", str(svg), "--split", "depth:2"])
    pages = [Path(line[6:]).read_text() for line in result.stdout.splitlines()
             if line.startswith("wrote ")]
    # each page's legend counts the marks that page shows
    for page in pages:
        shown = page.count('class="card-mark"')
        counted = sum(int(n) for n in re.findall(r'class="legend-label"[^>]*>[^<]*: (\d+)<',
                                                  page))
        assert counted == shown


def test_the_legend_stays_top_left_on_a_wide_chart(tmp_path):
    old, new = random_reorg(3, size=600)
    from ladder import api

    svg = api.render_diff(diff_orgs(old, new), tmp_path / "wide.svg", mode="tree")[0]
    text = svg.read_text()
    width = float(re.search(r'<svg [^>]*width="([\d.]+)"', text).group(1))
    assert width > 5000  # a wide chart...
    xs = [float(x) for x in re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="14" height="14" '
                                       r'rx="3" fill="#fff" stroke=', text)]
    assert xs and max(xs) < 1000  # ...and its marks' legend where a reader starts


def test_the_explorer_carries_the_marks(tmp_path):
    old, new = random_reorg(5)
    from ladder import api

    found = diff_orgs(old, new)
    page = api.render_diff(found, tmp_path / "diff.html")[0].read_text()
    assert 'data-action="changes"' in page
    data = json.loads(re.search(r'<script type="application/json" id="lv-data">(.*?)</script>',
                                page, re.S).group(1))
    kinds = [kind for kind, _ in data["marks"]]
    marked = {data["id"][g]: kinds[k] for g, k in data["marked"]}
    assert {i.id for i in found.joined} == {p for p, k in marked.items() if k == "Joined"}
    assert len(marked) == len({p.id for p in marked_org(found) if p.mark})
    assert [colour for _, colour in data["marks"]] == list(MARK_COLOURS.values())
    # an org chart without marks carries none
    from ladder.options import OrgOptions
    from ladder.renderers.drawings import OrgDrawing

    assert "marked" not in explorer_data(OrgDrawing(new, OrgOptions()))


@pytest.mark.slow
@pytest.mark.needs_browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")
def test_the_changes_filter_in_the_browser(tmp_path, browser):
    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)
    out = tmp_path / "diff.html"
    _diff([str(path), *SNAPSHOTS, "-o", str(out)])
    data = json.loads(re.search(r'id="lv-data">(.*?)</script>', out.read_text(), re.S).group(1))
    parent = data["parent"]
    wanted = set()
    for g, _ in data["marked"]:
        while g >= 0 and g not in wanted:
            wanted.add(g)
            g = parent[g]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(out.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'true'", timeout=60_000)
    page.evaluate("window.ladder.animate = false")
    page.click('[data-action="changes"]')
    page.wait_for_timeout(300)
    shown = {row["id"] for row in page.evaluate("window.ladder.layout()")}
    assert shown == {data["id"][g] for g in wanted}
    legend = page.inner_text(".lv-legend")
    assert "Joined: " in legend and "Left: " in legend
    box = page.locator(".lv-legend").bounding_box()
    assert box["x"] < 100 and box["y"] + box["height"] <= 900  # beside the view, in it
    page.click('[data-action="changes"]')  # and back to the whole chart
    page.wait_for_timeout(300)
    assert len(page.evaluate("window.ladder.layout()")) != len(shown) or not errors
    assert errors == []
    page.close()


def test_a_post_under_another_manager_names_the_old_manager():
    old = Org.build("old", posts=True, people=[
        Person("T", "Kim Head", "Chief"), Person("A", "Ann Lee", "Director", manager="T"),
        Person("B", "Bo Park", "Director", manager="T"),
        Person("P", "", "Deputy Director", manager="A")])
    new = Org.build("new", posts=True, people=[*list(old)[:3],
                                               Person("P", "", "Deputy Director", manager="B")])
    card = marked_org(diff_orgs(old, new)).people["P"]
    assert (card.mark, card.note) == ("changed", "Moved from Ann Lee")


def test_a_view_of_no_changes_says_so(tmp_path):
    startup = str(REPO / "examples" / "startup.yaml")
    result = CliRunner().invoke(main, ["diff", startup, startup,
                                       "-o", str(tmp_path / "none.svg"), "--view", "changes"])
    assert result.exit_code == 0
    assert "none.svg: no card changed: the chart is empty" in result.stderr
