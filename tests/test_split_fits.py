"""A split always ends, and every page fits: a government-sized export as PNG pages.

The export is shaped like a real organogram (one head with 2,000 direct reports, a few hundred
of whom lead teams). Pages are planned and measured without drawing them all; one is drawn.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ladder.analysis.teams import team_counts
from ladder.api import load_org, render
from ladder.errors import RenderError
from ladder.model.org import Org, Person
from ladder.renderers import limits
from ladder.renderers.org_cards import dotted_notes
from ladder.renderers.org_write import page_size, write_chart
from ladder.renderers.pages import CONTEXT, MORE
from ladder.renderers.split import COMPANY, UNIT, page_files, plan_split
from tests.gov_synth import write_government_csv


@cache
def government(folder: str) -> Org:
    path = write_government_csv(Path(folder) / "organogram.csv")
    return load_org(path, match_titles=False)


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Org:
    return government(str(tmp_path_factory.mktemp("gov")))


def planned(org: Org, how: str, fmt: str = "png"):
    counts = team_counts(org)
    plans = plan_split(org, fmt=fmt, how=how, counts=counts)
    return page_files(plans, org, Path("/out/gov.png"), fmt=fmt, title=None, counts=counts,
                      notes=dotted_notes(org))


def test_the_export_has_the_shape_of_the_real_one(org: Org) -> None:
    head = org.roots()
    assert len(head) == 1 and len(org.children[head[0].id]) == 2000
    leading = [r for r in org.children[head[0].id] if org.children[r]]
    assert 200 <= len(leading) <= 400
    # one page of it would be far over any bitmap limit
    with pytest.raises(RenderError, match="--split"):
        render(org, Path("/nonexistent/gov.png"))


@pytest.mark.slow
@pytest.mark.parametrize("how", ["department", "depth:1", "depth:2", "depth:3", "depth:4"])
def test_every_page_fits_and_everyone_is_drawn(org: Org, how: str) -> None:
    pages = planned(org, how)
    files = {path.name for _, path, _ in pages}
    own_cards: dict[str, int] = {}
    first_slice = {page.key: page for page, _, _ in pages}
    for page, path, text in pages:
        width, height = page_size(page.chart, page.org, text)
        assert limits.fits(width, height, "png"), (path.name, width, height)
        # ... and is no ribbon: at most 8:1 either way
        assert max(width, height) <= limits.MAX_ASPECT * min(width, height), path.name
        assert set(text.links.values()) <= files  # every card that leads on leads somewhere
        repeated = None
        if page.part and page.part[0] > 1:
            first = first_slice[page.key.rsplit("-", 1)[0]]
            repeated = page.members[0] if page.members[0] in first.members else None
        for pid in page.org.people:  # (a wide team's head heads each of its slices)
            if not pid.startswith((CONTEXT, MORE)) and pid != repeated:
                own_cards[pid] = own_cards.get(pid, 0) + 1
        # a page whose top reports to someone shows that manager above it, leading back
        for pid in page.org.people:
            if pid.startswith(CONTEXT):
                assert text.labels[pid].startswith("↑ manager on page ")
                assert text.links[pid] in files and text.links[pid] != path.name
        if page.next_slice is not None:
            assert page.org.people[MORE + page.key].name.startswith("Continued on page ")
            assert text.links[MORE + page.key] in files
    if how == "department":
        assert own_cards.pop(COMPANY) == 1
        units = {pid for pid in own_cards if pid.startswith(UNIT)}
        assert len(units) == len({p.department for p in org.people.values()})
        for pid in units:
            own_cards.pop(pid)
    assert set(own_cards) == set(org.people)  # everybody is on a page ...
    # ... once, or twice when their card leads to their team's page
    assert all(1 <= seen <= 2 for seen in own_cards.values())
    assert len(pages) > 2  # the one big team was cut to fit


def test_overview_cards_that_share_a_prefix_say_what_tells_them_apart(org: Org) -> None:
    page, _, text = planned(org, "department")[0]
    names = [page.org.people[pid].name for pid in page.org.people if pid.startswith(UNIT)]
    # the units' names share long prefixes, so cut to fit a card they would read the same
    assert sum(d.name.startswith("Operations - Work Services - ")
               for d in org.departments.values()) == 11
    from ladder.renderers.org_cards import cards

    drawn = cards(page.org, page.chart, {}, text.labels)
    first_lines = [card.lines[0] for card, pid in zip(drawn, page.chart.ids, strict=True)
                   if pid.startswith(UNIT)]
    assert len(set(first_lines)) == len(first_lines) == len(names)


@pytest.mark.slow
@pytest.mark.needs_dot
def test_one_page_drawn_is_a_png_of_its_planned_size(org: Org, tmp_path: Path) -> None:
    pages = planned(org, "depth:2")
    page, path, text = min(pages[1:], key=lambda entry: len(entry[0].org))
    out = tmp_path / path.name
    write_chart(page.org, page.chart, out, fmt="png", text=text, split=True)
    data = out.read_bytes()
    width, height = page_size(page.chart, page.org, text)
    assert data[:4] == b"\x89PNG"
    assert abs(int.from_bytes(data[16:20], "big") - width) <= 1
    assert abs(int.from_bytes(data[20:24], "big") - height) <= 1


@pytest.mark.slow
def test_a_wide_team_is_sliced_with_continued_cards(tmp_path: Path) -> None:
    # 6,000 reports (packed in a block) cannot fit one PNG: slices, each leading on
    org = Org.build("wide", [Person("boss", "Boss", manager="ceo"), Person("ceo", "Ceo")][::-1]
                    + [Person(f"r{i}", f"R {i}", manager="boss") for i in range(6000)])
    counts = team_counts(org)
    plans = plan_split(org, fmt="png", how="depth:1", counts=counts, mode="tree")
    pages = page_files(plans, org, tmp_path / "w.png", fmt="png", title=None, counts=counts,
                       notes={})
    slices = [(page, text) for page, _, text in pages if page.part is not None]
    assert len(slices) >= 3
    assert [page.part[0] for page, _ in slices] == list(range(1, len(slices) + 1))
    numbers = {id(page): n for n, (page, _, _) in enumerate(pages, 1)}
    for (page, text), (after, _) in zip(slices, slices[1:], strict=False):
        assert page.org.people[MORE + page.key].name == f"Continued on page {numbers[id(after)]}"
        assert MORE + page.key in text.context  # drawn as a card that leads, not a person
    for page, text in slices:  # the boss heads every slice, under the CEO's context card,
        assert "boss" in page.members and CONTEXT + "ceo" in page.org.people
        # which leads back to the page whose card led here
        assert text.links[CONTEXT + "ceo"] == "w-ceo.png"
    seen = [pid for page, _ in slices for pid in page.members if pid.startswith("r")]
    assert sorted(seen) == sorted(f"r{i}" for i in range(6000))  # each report once, in order
