"""THROWAWAY, bench/test only: read an id/parentId CSV into an Org.

The real HR-export reader (ladder.sources.hr) belongs to another developer and does the
validation, presets and problem reports; this one only knows the columns of the d3-org-chart
samples and the synthetic files that bench/bench_orgs.py writes, and trusts its input.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ladder.model.org import Department, Org, Person


def _column(header: list[str], *names: str) -> int:
    for name in names:
        if name in header:
            return header.index(name)
    return -1


def read_csv_org(path: str | Path) -> Org:
    """People from ``id``/``parentId`` columns; name, title, department from common names."""
    people: list[Person] = []
    departments: dict[str, Department] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        pid, parent = _column(header, "id"), _column(header, "parentId")
        first, last = _column(header, "name"), _column(header, "lastName")
        title = _column(header, "position", "positionName", "title")
        area = _column(header, "department_name", "area", "department")
        vacant = _column(header, "vacant")
        width = len(header)
        for number, row in enumerate(rows, start=2):
            row += [""] * (width - len(row))
            department = row[area].strip() if area >= 0 else ""
            if department and department not in departments:
                departments[department] = Department(department, department)
            name = row[first].strip() if first >= 0 else ""
            if last >= 0 and row[last].strip():
                name = f"{name} {row[last].strip()}"
            people.append(Person(
                id=row[pid].strip(),
                name=name,
                title=row[title].strip() if title >= 0 else "",
                manager=row[parent].strip() or None,
                department=department or None,
                vacant=vacant >= 0 and row[vacant].strip() == "1",
                line=number,
            ))
    return Org.build(Path(path).stem, people, list(departments.values()), source=str(path))
