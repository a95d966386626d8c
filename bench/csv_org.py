"""THROWAWAY, bench/test only: read an id/parentId CSV into an Org.

The real HR-export reader (ladder.sources.hr) belongs to another developer and does the
validation, presets and problem reports; this one only knows the columns of the d3-org-chart
samples and the synthetic files that bench/bench_orgs.py writes, and trusts its input.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ladder.model.org import Department, Org, Person


def _first(row: dict[str, str], *names: str) -> str:
    for name in names:
        value = row.get(name)
        if value:
            return value.strip()
    return ""


def read_csv_org(path: str | Path) -> Org:
    """People from ``id``/``parentId`` columns; name, title, department from common names."""
    people: list[Person] = []
    departments: dict[str, Department] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            pid = _first(row, "id")
            manager = _first(row, "parentId") or None
            first = _first(row, "name")
            last = _first(row, "lastName")
            department = _first(row, "department_name", "area", "department") or None
            if department and department not in departments:
                departments[department] = Department(department, department)
            people.append(Person(
                id=pid,
                name=f"{first} {last}".strip(),
                title=_first(row, "position", "positionName", "title"),
                manager=manager,
                department=department,
                vacant=_first(row, "vacant") == "1",
                line=number,
            ))
    return Org.build(Path(path).stem, people, list(departments.values()), source=str(path))
