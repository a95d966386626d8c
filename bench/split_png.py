"""Split PNG pages: how long ``ladder render export.csv -o x.png --split department`` takes.

    python -m bench.split_png                      # 5,400 and 12,000 people, 3 runs each
    python -m bench.split_png --sizes 5400 --runs 1 --keep out/split
    python -m bench.split_png write 5400 org.csv   # only write the generated export

The orgs are generated in the shape of a government organogram (seeded; ``organogram_rows``):
divisions under a top post, units nested two or three deep in each (a unit's head reports to
the head of the unit above, in another department), teams of 3 to 12 under team leaders, and
about 1 person in 25 reporting to a manager in another unit. About 45 people a unit, so the
5,400-person org has about 120 departments and the 12,000-person one about 270: a page each.

Each run is the whole command in its own process; CPU time counts the Graphviz processes it
waited for (``os.wait4``), wall time is beside it. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from pathlib import Path

from bench.bench_orgs import LoadWatch, run_measured, spread
from bench.synth import FIRST, LAST, TITLES

UNIT_WORDS = ("Operations", "Policy", "Digital", "Finance", "Estates", "Customer Services",
              "Compliance", "Strategy", "Legal", "Data", "Workforce", "Security")
PLACES = ("North East", "North West", "Midlands", "South West", "London", "Scotland",
          "Wales", "Yorkshire", "East", "South East")


def organogram_rows(size: int, seed: int = 1) -> list[tuple[str, str, str, str, str]]:
    """(id, parentId, name, title, unit) rows of an organogram-shaped org, the top post first."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, str, str, str]] = []

    def person(manager: str, title: str, unit: str) -> str:
        pid = f"P{len(rows)}"
        name = f"{FIRST[rng.randrange(len(FIRST))]} {LAST[rng.randrange(len(LAST))]}"
        rows.append((pid, manager, name, title, unit))
        return pid

    top = person("", "Permanent Secretary", "Office of the Permanent Secretary")
    units = max(1, size // 45)
    heads: list[tuple[str, str]] = []  # (head id, unit name) of every unit made so far
    divisions = max(2, min(12, units // 10))
    for d in range(divisions):
        name = f"{UNIT_WORDS[d % len(UNIT_WORDS)]} Group"
        heads.append((person(top, "Director General", name), name))
    while len(heads) < units:  # a unit under a random earlier unit: nested 2 or 3 deep
        above, above_name = heads[rng.randrange(len(heads))]
        name = f"{above_name.split(' - ')[0]} - {PLACES[rng.randrange(len(PLACES))]} " \
               f"{len(heads)}"
        heads.append((person(above, "Deputy Director", name), name))
    leaders: list[tuple[str, str]] = []
    while len(rows) < size:
        head, unit = heads[rng.randrange(len(heads))]
        leader = person(head, "Team Leader", unit)
        leaders.append((leader, unit))
        for _ in range(rng.randint(3, 12)):
            if len(rows) >= size:
                break
            manager, home = leader, unit
            if rng.random() < 0.04 and leaders:  # reports to a leader in another unit
                manager, _ = leaders[rng.randrange(len(leaders))]
            person(manager, TITLES[rng.randrange(len(TITLES))], home)
    return rows


def write_organogram_csv(path: Path, size: int, seed: int = 1) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(("id", "parentId", "name", "position", "department_name"))
        out.writerows(organogram_rows(size, seed))
    return path


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["write"]:
        write_organogram_csv(Path(args[2]), int(args[1]))
        return 0
    parser = argparse.ArgumentParser(prog="python -m bench.split_png")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5400, 12000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="keep the pages here")
    options = parser.parse_args(args)
    watch = LoadWatch()
    print("| org | people | pages | runs | load | CPU s min (median-max) | wall s min |")
    print("|---|---:|---:|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        work = options.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        for size in options.sizes:
            export = write_organogram_csv(work / f"organogram-{size}.csv", size)
            out_dir = work / f"pages-{size}"
            cpu, wall, pages = [], [], 0
            mark = watch.mark()
            for _ in range(options.runs):
                if out_dir.exists():
                    for old in out_dir.iterdir():
                        old.unlink()
                out_dir.mkdir(exist_ok=True)
                command = [sys.executable, "-m", "ladder", "render", str(export),
                           "-o", str(out_dir / "org.png"), "--split", "department"]
                seconds, used, _, code, error = run_measured(command, timeout=600)
                if code != 0:
                    raise SystemExit(f"ladder failed on {size:,} people: {error}")
                cpu.append(used)
                wall.append(seconds)
                pages = len(list(out_dir.glob("*.png")))
            print(f"| organogram {size:,} | {size:,} | {pages:,} | {options.runs} | "
                  f"{watch.since(mark)} | {spread(cpu)} | {min(wall):.2f} |", flush=True)
    watch.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
