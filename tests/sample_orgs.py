"""Small orgs for the layout and drawing tests (test-only helpers)."""

from __future__ import annotations

import random
from pathlib import Path

from ladder.model.org import Department, Org, Person

# The shared real-data folder sits beside the checkout (see shared/data/orgs/SOURCES.md).
SHARED = str(Path(__file__).resolve().parents[2] / "shared" / "data" / "orgs")


def acme() -> Org:
    """Every kind of card: vacancy, assistant, dotted line, job share, FTE group, odd text."""
    people = [
        Person("omar", "Omar Haddad", "Chief Product Officer", department="product"),
        Person("pa", "Pat Quinn", "Executive Assistant", manager="omar", assistant=True,
               department="product"),
        Person("open-spm", "", "Senior Product Manager", manager="omar", vacant=True,
               department="product"),
        Person("ana", "Ana Lopez", "Head of Design", manager="omar", department="design",
               shared_with=("Ben Ito",)),
        Person("lee", "Lee Park", "Product Manager", manager="open-spm", dotted=("ana",),
               department="product"),
        Person("kim", "Kim <Kwan> & \"Co\"", "PM, Growth & Ads", manager="open-spm",
               department="product"),
        Person("raj", "Raj Patel 🚀", "Designer", manager="ana", department="design"),
        Person("sue", "Sue O'Neil", "Designer", manager="ana", department="design"),
        Person("tom", "Tom Back\\slash", "Designer", manager="ana", department="design"),
        Person("g1", "Policy team", "", manager="omar", fte=12.5, department="ops"),
    ]
    departments = [Department("product", "Product", "#4c78a8"), Department("design", "Design"),
                   Department("ops", "Operations & Policy")]
    return Org.build("Acme Robotics", people, departments)


def random_org(seed: int, size: int, *, wide: bool = False) -> Org:
    """A seeded random org: spans 3 to 9, some managers with 30+ reports when ``wide``."""
    rng = random.Random(seed)
    people = [Person("p0", "Person 0", "Chief", department="d0")]
    open_managers = [0]
    spans = {0: rng.randint(3, 9)}
    count = {0: 0}
    i = 1
    while i < size:
        m = open_managers[0]
        people.append(Person(f"p{i}", f"Person {i}", f"Title {i % 7}", manager=f"p{m}",
                             department=f"d{(i // 50) % 6}"))
        count[m] += 1
        if count[m] >= spans[m]:
            open_managers.pop(0)
        if rng.random() < 0.3:
            open_managers.append(i)
            spans[i] = rng.randint(30, 60) if wide and rng.random() < 0.05 else rng.randint(3, 9)
            count[i] = 0
        if not open_managers:
            open_managers.append(i)
            spans[i] = 3
            count[i] = 0
        i += 1
    return Org.build(f"Random {seed}", people)
