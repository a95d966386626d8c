"""Synthetic orgs with very wide spans, for the layout tests (test-only helpers).

``organogram_pair`` writes a UK-organogram-shaped export (a senior-staff file and a junior-staff
file, the columns of ``data/orgs/ukgov_*``) with one head post over 2,000 direct reports, a few
hundred of whom manage teams of their own: the shape of the real organogram in issue 10 (about
7,000 rows, one post with 2,147 direct reports). Seeded, so the same call writes the same files.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from ladder.model.org import Org, Person

SENIOR_HEADERS = (
    "Post Unique Reference", "Name", "Grade (or equivalent)", "Job Title", "Job/Team Function",
    "Parent Department", "Organisation", "Unit", "Reports to Senior Post", "FTE",
)
JUNIOR_HEADERS = (
    "Parent Department", "Organisation", "Unit", "Reporting Senior Post", "Grade",
    "Generic Job Title", "Number of Posts in FTE",
)
UNITS = ("Operations - Work Services North", "Operations - Work Services South",
         "Operations - Work Services East", "Policy Group", "Digital", "Finance", "Estates",
         "People and Capability", "Legal", "Communications")
TITLES = ("Work Coach", "Case Manager", "Policy Adviser", "Team Leader", "Analyst",
          "Project Manager", "Operations Manager", "Service Designer")


def organogram_rows(
    reports: int = 2000, managers: int = 300, seed: int = 10
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """(senior rows, junior rows): a head over ``reports`` posts, ``managers`` of them with teams.

    Each managing post has 2 to 12 senior posts under it (a few of those with 1 to 4 of their
    own); about one post in five has junior staff (1 to 3 grades, FTE 1 to 40) under it.
    """
    rng = random.Random(seed)
    senior: list[tuple[str, ...]] = []
    junior: list[tuple[str, ...]] = []
    department, organisation = "Department for Work", "Department for Work"

    def post(ref: str, boss: str, title: str, unit: str) -> None:
        name = "N/D" if rng.random() < 0.3 else f"Person {ref}"
        grade = rng.choice(("SCS1", "SCS2", "G6", "G7"))
        senior.append((ref, name, grade, title, "", department, organisation, unit, boss, "1"))
        if rng.random() < 0.2:
            for _ in range(rng.randint(1, 3)):
                junior.append((department, organisation, unit, ref,
                               rng.choice(("EO", "HEO", "AO")), rng.choice(TITLES),
                               str(rng.randint(1, 40))))

    post("P0", "XX", "Director General", "Operations")
    chosen = set(rng.sample(range(1, reports + 1), managers))
    made = reports + 1
    for number in range(1, reports + 1):
        unit = UNITS[number % len(UNITS)]
        post(f"P{number}", "P0", rng.choice(TITLES), unit)
    for number in sorted(chosen):
        for _ in range(rng.randint(2, 12)):
            ref = f"P{made}"
            made += 1
            post(ref, f"P{number}", rng.choice(TITLES), UNITS[number % len(UNITS)])
            if rng.random() < 0.1:
                for _ in range(rng.randint(1, 4)):
                    post(f"P{made}", ref, rng.choice(TITLES), UNITS[number % len(UNITS)])
                    made += 1
    return senior, junior


def organogram_pair(folder: Path, **shape: int) -> tuple[Path, Path]:
    """Write ``wide_senior.csv`` and ``wide_junior.csv`` into ``folder``; returns their paths."""
    senior_rows, junior_rows = organogram_rows(**shape)
    senior_path, junior_path = folder / "wide_senior.csv", folder / "wide_junior.csv"
    for path, headers, rows in ((senior_path, SENIOR_HEADERS, senior_rows),
                                (junior_path, JUNIOR_HEADERS, junior_rows)):
        with open(path, "w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle, quoting=csv.QUOTE_ALL)
            out.writerow(headers)
            out.writerows(rows)
    return senior_path, junior_path


def one_wide_manager(span: int, *, managers: int = 0, team: int = 3) -> Org:
    """A head with ``span`` direct reports; the first ``managers`` of them lead ``team`` each."""
    people = [Person("head", "Head")]
    for i in range(span):
        people.append(Person(f"r{i}", f"Report {i}", manager="head"))
        if i < managers:
            people += [Person(f"r{i}t{j}", f"Team {i}.{j}", manager=f"r{i}") for j in range(team)]
    return Org.build(f"span {span}", people)
