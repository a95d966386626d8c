"""The page planner on random trees: it ends, every page fits, and nobody is lost."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.layout.chart import OrgLayout, layout_org
from ladder.model.org import Org, Person
from ladder.renderers.pages import CONTEXT, MORE, Page, Planner


@st.composite
def forests(draw: st.DrawFn) -> Org:
    """Up to 120 people, some managers with wide teams, a few roots, departments."""
    size = draw(st.integers(1, 120))
    people = []
    for i in range(size):
        manager = None
        if i and draw(st.integers(0, 14)):
            wide = draw(st.booleans())  # half report to one of the first three: wide spans
            manager = f"p{draw(st.integers(0, min(i - 1, 2) if wide else i - 1))}"
        people.append(Person(f"p{i}", f"P {i}", manager=manager,
                             department=f"d{draw(st.integers(0, 3))}"))
    return Org.build("random", people)


def limited(side: float):
    """A measure that lets a page be at most ``side`` px either way (the layout's own size)."""
    def measure(page: Org) -> tuple[OrgLayout, float]:
        chart = layout_org(page, mode="tree")
        return chart, side / max(chart.width, chart.height, 1.0)
    return measure


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(org=forests(), side=st.sampled_from([600.0, 1500.0, 4000.0]),
       by_department=st.booleans())
def test_planned_pages_fit_and_hold_everyone(org: Org, side: float,
                                             by_department: bool) -> None:
    planner = Planner(org, limited(side))
    if by_department:
        groups: dict[str, list[str]] = {}
        for person in org.people.values():
            groups.setdefault(person.department or "", []).append(person.id)
        for dep, members in groups.items():
            planner.add(Page(dep, members, dep))
    else:
        planner.add(Page("all", list(org.people), "all"))
    pages = planner.fit_all()
    drawn: dict[str, int] = {}
    for page in pages:
        assert page.org is not None and page.chart is not None
        own = [pid for pid in page.org.people if not pid.startswith((CONTEXT, MORE))]
        assert own == page.members  # the page draws its members, no one else
        # it fits, or it cannot be cut any further: one person and the cards around them
        fits = side / max(page.chart.width, page.chart.height, 1.0) >= 1
        assert fits or len(page.members) <= 2
        for pid in own:
            drawn[pid] = drawn.get(pid, 0) + 1
        for target in page.links.values():  # a card that leads on leads to a page with it
            assert set(page.members) & set(target.members)
    assert set(drawn) == set(org.people)
