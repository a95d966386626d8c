"""Seeded synthetic orgs for the benchmark, written as id/parentId CSV files.

Shape: spans of 3 to 9 reports per manager, about 1 in 40 managers with a very wide span
(30 to 120 reports, as in call centres or stores), managers filled breadth-first, so depth
grows with log(size): 8 levels for 10,000 people, 11 for 1,000,000.
"""

from __future__ import annotations

import csv
import random
from collections import deque
from pathlib import Path

FIRST = ("Ada", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivo", "Jun",
         "Kemal", "Lea", "Mira", "Nils", "Ola", "Priya", "Quinn", "Rosa", "Sami", "Tariq")
LAST = ("Okafor", "Lindqvist", "Haddad", "Nakamura", "Silva", "Novak", "Dubois", "Kowalski",
        "Mensah", "Rossi", "Park", "Iyer", "Moreau", "Jensen", "Costa", "Ahmed")
TITLES = ("Engineer", "Analyst", "Designer", "Account Executive", "Support Specialist",
          "Product Manager", "Data Scientist", "Recruiter", "Accountant", "Operations Lead")
AREAS = ("Engineering", "Sales", "Support", "Product", "Finance", "People", "Operations",
         "Marketing")


def synthetic_rows(size: int, seed: int = 1) -> list[tuple[str, str, str, str, str]]:
    """(id, parentId, name, title, department) rows, the root first."""
    rng = random.Random(seed)
    rows = [("E0", "", "Ada Okafor", "Chief Executive Officer", "Executive")]
    queue: deque[tuple[int, int, str]] = deque()  # (manager, reports left, area)
    queue.append((0, rng.randint(5, 9), "Executive"))
    made = 1
    while made < size:
        manager, left, area = queue.popleft()
        for _ in range(left):
            if made >= size:
                break
            pid = made
            made += 1
            own_area = AREAS[(pid - 1) % len(AREAS)] if manager == 0 else area
            name = f"{FIRST[rng.randrange(len(FIRST))]} {LAST[rng.randrange(len(LAST))]}"
            title = TITLES[rng.randrange(len(TITLES))]
            rows.append((f"E{pid}", f"E{manager}", name, title, own_area))
            if manager == 0 or rng.random() < 0.3:  # the executives and 30% of the others
                span = rng.randint(30, 120) if rng.random() < 0.025 else rng.randint(3, 9)
                queue.append((pid, span, own_area))
        if not queue and made < size:
            queue.append((made - 1, rng.randint(3, 9), area))
    return rows


def write_synthetic_csv(path: Path, size: int, seed: int = 1) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(("id", "parentId", "name", "position", "department_name"))
        out.writerows(synthetic_rows(size, seed))
    return path


if __name__ == "__main__":  # python -m bench.synth SIZE PATH [SEED]
    import sys

    write_synthetic_csv(Path(sys.argv[2]), int(sys.argv[1]),
                        int(sys.argv[3]) if len(sys.argv) > 3 else 1)
