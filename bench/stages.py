"""Where the time of one chart goes: each step of ``ladder render export.csv -o x.svg``.

    python -m bench.stages export.csv [--repeat 3]

Runs the steps the command runs, in one process, with the cycle collector held back as the
command holds it, and prints the least CPU time of each step over the repeats (the machine is
shared: CPU time barely moves with its load, wall time does). Start-up is measured apart, as
fresh processes.
"""

from __future__ import annotations

import argparse
import gc
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_up() -> float:
    """CPU seconds for a fresh interpreter to import what a CSV chart imports."""
    code = ("import ladder.cli, ladder.api, ladder.sources.hr.load, ladder.renderers.org_chart")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def _megabytes() -> tuple[float, float]:
    """(resident now, peak so far) of this process, in MB (Linux)."""
    with open("/proc/self/statm") as handle:
        resident = int(handle.read().split()[1]) * resource.getpagesize()
    return resident / 2**20, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def steps(csv_path: Path, out: Path) -> dict[str, tuple[float, float, float]]:
    """(CPU seconds, MB resident after, MB peak so far) of each step of drawing ``csv_path``."""
    from ladder.analysis.teams import team_counts
    from ladder.layout import layout_org
    from ladder.renderers.files import write_bytes
    from ladder.renderers.org_cards import PageText, dotted_notes
    from ladder.renderers.org_svg import org_svg_pieces
    from ladder.renderers.theme import FinishedPieces
    from ladder.sources.hr import load_export

    times: dict[str, tuple[float, float, float]] = {}
    clock = time.process_time()

    def step(name: str) -> None:
        nonlocal clock
        now = time.process_time()
        times[name] = (now - clock, *_megabytes())
        clock = time.process_time()

    gc.disable()
    try:
        org = load_export(csv_path).org
        step("read the CSV and check every row")
        counts, notes = team_counts(org), dotted_notes(org)
        step("team counts")
        chart = layout_org(org)
        step("layout")
        colours, pieces = org_svg_pieces(org, chart, PageText(counts=counts, notes=notes))
        step("card texts")
        # as the command writes it: each piece finished, encoded and written as it comes
        document = FinishedPieces(pieces, colours, title=org.name, description=org.name,
                                  kind="org")
        write_bytes(out, document, first=document.first_bytes)
        step("SVG written in pieces")
    finally:
        gc.enable()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    start = min(start_up() for _ in range(3))
    best: dict[str, tuple[float, float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.repeat):
            for name, measured in steps(args.csv, Path(folder) / "x.svg").items():
                # memory from the first run (later ones reuse what it left); CPU: the least
                seconds = min(measured[0], best[name][0]) if name in best else measured[0]
                best[name] = (seconds, *best.get(name, measured)[1:])
    print("| step | CPU s | MB resident after | MB peak so far |\n|---|---:|---:|---:|")
    print(f"| start Python, import | {start:.3f} | | |")
    for name, (seconds, resident, peak) in best.items():
        print(f"| {name} | {seconds:.3f} | {resident:,.0f} | {peak:,.0f} |")
    print(f"| total | {start + sum(m[0] for m in best.values()):.3f} | | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
