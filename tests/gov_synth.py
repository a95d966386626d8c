"""A synthetic export shaped like a big government organogram (not in ../shared/).

One head with ``direct`` direct reports, of which ``managers`` lead teams (most small, a few of
hundreds, some with sub-teams), in units whose names share long prefixes, as real organograms'
units do ("Operations - Work Services - North East"). Seeded: the same arguments give the same
rows.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

REGIONS = ("North East", "North West", "Yorkshire", "East Midlands", "West Midlands", "East",
           "London", "South East", "South West", "Wales", "Scotland")
AREAS = ("Operations - Work Services", "Operations - Benefit Delivery", "Policy - Strategy",
         "Digital - Platforms", "Finance - Commercial")
TITLES = ("Case Manager", "Work Coach", "Policy Adviser", "Team Leader", "Analyst",
          "Delivery Manager", "Executive Officer", "Administrative Officer")


def government_rows(direct: int = 2000, managers: int = 300, seed: int = 7) -> list[tuple]:
    """(id, parentId, name, title, unit) rows: the head first, then posts top-down."""
    rng = random.Random(seed)
    units = [f"{area} - {region}" for area in AREAS for region in REGIONS]
    rows: list[tuple] = [("P0", "", "Permanent Secretary", "Permanent Secretary",
                          "Office of the Permanent Secretary")]
    leads = set(rng.sample(range(1, direct + 1), managers))
    queue: list[tuple[str, int, str]] = []
    for i in range(1, direct + 1):
        unit = units[(i * 7) % len(units)]
        pid = f"P{i}"
        name = "N/D" if i % 5 == 0 else f"Post holder {i}"  # undisclosed names, as in real ones
        rows.append((pid, "P0", name, TITLES[i % len(TITLES)], unit))
        if i in leads:
            size = rng.choice((3, 5, 8, 12, 20, 40)) if rng.random() > 0.02 else 250
            queue.append((pid, size, unit))
    count = len(rows)
    while queue:
        manager, size, unit = queue.pop(0)
        for _ in range(size):
            pid = f"P{count}"
            count += 1
            rows.append((pid, manager, f"Post holder {count}", TITLES[count % len(TITLES)], unit))
            if size < 100 and rng.random() < 0.05:
                queue.append((pid, rng.choice((2, 4, 6)), unit))
    return rows


def write_government_csv(path: Path, **shape: int) -> Path:
    """Write :func:`government_rows` as an id/parentId export."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(("id", "parentId", "name", "position", "department_name"))
        out.writerows(government_rows(**shape))
    return path
