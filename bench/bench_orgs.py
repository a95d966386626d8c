"""Benchmark: org charts from CSV to SVG, ladder against Graphviz dot, on the same orgs.

    python -m bench.bench_orgs                 # 1k, 10k, 100k, 1M and the 1,516-person sample
    python -m bench.bench_orgs --sizes 1000 10000

For every org it writes an id/parentId CSV (seeded, see bench/synth.py), then times, each in
its own process so that start-up, reading and writing are counted:

* ``ladder``: ``python -m ladder render export.csv -o x.svg``, the whole command;
* ``dot``: ``dot -Tsvg`` on a plain DOT file of the same tree (boxes with name and title), the
  way a user would draw it with Graphviz alone; skipped above ``--dot-limit`` people (30,000),
  since dot is quadratic on such trees (92 s at 30k on 2 cores).

Peak memory is the child's own maximum resident set (``os.wait4``; on Linux it includes the
benchmark's own ~20 MB, inherited at fork); drawing area is the size of the SVG's canvas.
Prints a markdown table.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "data" / "orgs" / "d3_org_chart_sample_org.csv"


@dataclass
class Run:
    seconds: float
    peak_mb: float
    width: float
    height: float
    ok: bool = True
    note: str = ""


def run_measured(command: list[str], *, timeout: float) -> tuple[float, float, int, str]:
    """(wall seconds, peak MB of the child, exit code, stderr tail) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            return timeout, usage.ru_maxrss / 1024, -9, "timed out"
        time.sleep(0.01)
    seconds = time.perf_counter() - start
    error = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    child.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, child.returncode, error.strip()[-300:]


def svg_size(path: Path) -> tuple[float, float]:
    """Canvas width and height of an SVG, in its own units (px, or pt for Graphviz)."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        head = handle.read(4096)
    match = re.search(r'<svg[^>]*?width="([\d.]+)(?:pt|px)?"[^>]*?height="([\d.]+)(?:pt|px)?"',
                      head, re.S)
    return (float(match.group(1)), float(match.group(2))) if match else (0.0, 0.0)


def plain_dot(csv_path: Path, dot_path: Path) -> int:
    """The org as a plain DOT tree (what a user gives dot alone); returns the people count."""
    count = 0
    with open(csv_path, newline="", encoding="utf-8") as source, \
            open(dot_path, "w", encoding="utf-8") as out:
        rows = csv.reader(source)
        header = next(rows)
        pid, parent = header.index("id"), header.index("parentId")
        name = header.index("name")
        title = header.index("position") if "position" in header else header.index(
            "positionName")
        out.write("digraph org {\n  node [shape=box, style=rounded, fontname=Helvetica];\n"
                  "  edge [arrowhead=none];\n")
        for row in rows:
            count += 1
            label = f"{row[name].strip()}\\n{row[title].strip()}".replace('"', "'")
            out.write(f'  "{row[pid]}" [label="{label}"];\n')
            if row[parent].strip():
                out.write(f'  "{row[parent].strip()}" -> "{row[pid]}";\n')
        out.write("}\n")
    return count


def ladder_command(csv_path: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "ladder", "render", str(csv_path), "-o", str(out)]


def measure(csv_path: Path, work: Path, dot_limit: int, people: int,
            timeout: float) -> tuple[Run, Run | None]:
    out = work / f"{csv_path.stem}.ladder.svg"
    seconds, peak, code, error = run_measured(ladder_command(csv_path, out),
                                              timeout=timeout)
    ours = Run(seconds, peak, *svg_size(out)) if code == 0 else Run(
        seconds, peak, 0, 0, ok=False, note=error.splitlines()[-1] if error else f"exit {code}")
    if people > dot_limit:
        return ours, None
    dot_file = work / f"{csv_path.stem}.dot"
    plain_dot(csv_path, dot_file)
    dot_svg = work / f"{csv_path.stem}.dot.svg"
    seconds, peak, code, error = run_measured(["dot", "-Tsvg", str(dot_file), "-o",
                                               str(dot_svg)], timeout=timeout)
    theirs = Run(seconds, peak, *svg_size(dot_svg)) if code == 0 else Run(
        seconds, peak, 0, 0, ok=False, note=error or f"exit {code}")
    return ours, theirs


def shape(run: Run) -> str:
    if not run.ok or not run.height:
        return run.note or "-"
    ratio = run.width / run.height
    text = f"{run.width:,.0f} x {run.height:,.0f}"
    return text + (f" ({ratio:.1f}:1)" if ratio >= 1 else f" (1:{1 / ratio:.1f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*",
                        default=[1_000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--no-sample", action="store_true", help="leave out the 1,516 sample")
    parser.add_argument("--dot-limit", type=int, default=30_000)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the CSV and SVG files in this folder")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="ladder-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    cases: list[tuple[str, Path, int]] = []
    if not args.no_sample and SAMPLE.exists():
        cases.append(("d3 sample", SAMPLE, 1516))
    for size in args.sizes:
        # In a child process: a forked child's peak memory starts from its parent's, so the
        # parent must stay small for the peaks measured below to be the renderers' own.
        path = work / f"synthetic-{size}.csv"
        subprocess.run([sys.executable, "-m", "bench.synth", str(size), str(path),
                        str(args.seed)], cwd=ROOT, check=True)
        cases.append((f"synthetic {size:,}", path, size))
    print(f"{os.cpu_count()} cores; Python {sys.version.split()[0]}",
          file=sys.stderr)
    lines = [
        "| org | people | ladder s | ladder peak MB | ladder drawing px | dot s | dot peak MB "
        "| dot drawing pt | dot / ladder |",
        "|---|---:|---:|---:|---|---:|---:|---|---:|",
    ]
    times: dict[int, float] = {}
    for label, path, people in cases:
        print(f"  {label} ...", file=sys.stderr, flush=True)
        ours, theirs = measure(path, work, args.dot_limit, people, args.timeout)
        times[people] = ours.seconds
        if theirs is None:
            dot_cells = "skipped | - | (above 30k: quadratic) | -"
        else:
            speedup = (f"{theirs.seconds / ours.seconds:.0f}x"
                       if theirs.ok and ours.ok else "-")
            dot_cells = (f"{theirs.seconds:.2f} | {theirs.peak_mb:.0f} | {shape(theirs)} | "
                         f"{speedup}")
        lines.append(f"| {label} | {people:,} | {ours.seconds:.2f} | {ours.peak_mb:.0f} | "
                     f"{shape(ours)} | {dot_cells} |")
    print("\n".join(lines))
    if 10_000 in times and 100_000 in times:
        print(f"\n100k / 10k time: {times[100_000] / times[10_000]:.1f} (linear: 10)")
    if not args.keep:
        print(f"(files in {work})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
