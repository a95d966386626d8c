"""Benchmark: org charts from CSV to SVG, ladder against Graphviz dot and a plain-Python floor.

    python -m bench.bench_orgs                 # 1k, 10k, 100k, 1M, the 1,516 sample, the ladder
    python -m bench.bench_orgs --sizes 1000 10000

For every org it writes an id/parentId CSV (seeded, see bench/synth.py), then times, each in
its own process so that start-up, reading and writing are counted:

* ``ladder``: ``python -m ladder render export.csv -o x.svg``, the whole command;
* ``floor``: ``python -m bench.floor export.csv x.svg``, the least a plain-Python program does
  to draw the same people (read, index, a linear layout, one card each; see bench/floor.py);
* ``dot``: ``dot -Tsvg`` on a plain DOT file of the same tree (boxes with name and title), the
  way a user would draw it with Graphviz alone; skipped above ``--dot-limit`` people (30,000),
  since dot is quadratic on such trees (92 s at 30k on 2 cores).

Then the built-in ladder: ``ladder render -o x.svg`` as a whole process, the best of
``--ladder-runs`` runs, beside what it cannot do without (Python's start-up, importing click,
and ``dot`` drawing the ladder's DOT), and the issue's targets, met or missed by how much.

Times are CPU seconds (user + system, the child's and its own children's), with wall-clock
seconds beside them: the machine may be shared, and CPU time is what a single-threaded
program needs whatever else runs. Peak memory is the child's own maximum resident set
(``os.wait4``; on Linux it includes the benchmark's own ~20 MB, inherited at fork); drawing
area is the size of the SVG's canvas.
Ladder's modules are compiled to bytecode first, as an install does. Prints markdown tables.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "data" / "orgs" / "d3_org_chart_sample_org.csv"


@dataclass
class Run:
    seconds: float  # wall-clock
    peak_mb: float
    width: float
    height: float
    ok: bool = True
    note: str = ""
    cpu: float = 0.0  # user + system seconds of the child and the children it waited for


def run_measured(command: list[str], *,
                 timeout: float) -> tuple[float, float, float, int, str]:
    """(wall seconds, CPU seconds, peak MB, exit code, stderr tail) of one child process.

    CPU time is what the numbers are compared by: on a machine shared with other work, wall
    time grows with the load, while the CPU time a single-threaded program needs barely does.
    """
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
            return timeout, timeout, usage.ru_maxrss / 1024, -9, "timed out"
        time.sleep(0.01)
    seconds = time.perf_counter() - start
    error = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    child.returncode = os.waitstatus_to_exitcode(status)
    return (seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
            child.returncode, error.strip()[-300:])


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


def timed_run(command: list[str], out: Path, timeout: float) -> Run:
    """One child process that writes the SVG ``out``: its time, peak memory and canvas."""
    seconds, cpu, peak, code, error = run_measured(command, timeout=timeout)
    if code == 0:
        return Run(seconds, peak, *svg_size(out), cpu=cpu)
    return Run(seconds, peak, 0, 0, ok=False,
               note=error.splitlines()[-1] if error else f"exit {code}", cpu=cpu)


def measure(csv_path: Path, work: Path, dot_limit: int, people: int,
            timeout: float, repeat: int) -> tuple[Run, Run, Run | None]:
    """(ladder, floor, dot or None above ``dot_limit``) on one export, each the fastest of
    ``repeat`` runs, taken in turns so that a busy spell of the machine hits all three."""
    out = work / f"{csv_path.stem}.ladder.svg"
    floor_svg = work / f"{csv_path.stem}.floor.svg"
    dot_file = work / f"{csv_path.stem}.dot"
    dot_svg = work / f"{csv_path.stem}.dot.svg"
    with_dot = people <= dot_limit
    if with_dot:
        plain_dot(csv_path, dot_file)
    runs: list[tuple[Run, Run, Run | None]] = []
    for _ in range(repeat):
        runs.append((
            timed_run(ladder_command(csv_path, out), out, timeout),
            timed_run([sys.executable, "-m", "bench.floor", str(csv_path), str(floor_svg)],
                      floor_svg, timeout),
            timed_run(["dot", "-Tsvg", str(dot_file), "-o", str(dot_svg)], dot_svg, timeout)
            if with_dot else None,
        ))
    def fastest(found: list[Run]) -> Run:
        """The least wall and the least CPU time of the runs (a failed run: the first)."""
        if not all(run.ok for run in found):
            return next(run for run in found if not run.ok)
        best = min(found, key=lambda run: run.seconds)
        return replace(best, cpu=min(run.cpu for run in found))

    dots = [run[2] for run in runs if run[2] is not None]
    return (fastest([run[0] for run in runs]), fastest([run[1] for run in runs]),
            fastest(dots) if dots else None)


def best_of(command: list[str], runs: int) -> tuple[float, float]:
    """The least wall and the least CPU time of ``runs`` runs (the least disturbed)."""
    walls, cpus = [], []
    for _ in range(runs):
        seconds, cpu, _, code, error = run_measured(command, timeout=60)
        if code != 0:
            raise SystemExit(f"{' '.join(command)} failed: {error}")
        walls.append(seconds)
        cpus.append(cpu)
    return min(walls), min(cpus)


def ladder_render_times(work: Path, runs: int) -> dict[str, tuple[float, float]]:
    """The built-in ladder's whole ``ladder render -o x.svg``, and the parts it cannot skip."""
    script = Path(sys.executable).with_name("ladder")  # the installed command, as users run it
    command = [str(script)] if script.exists() else [sys.executable, "-m", "ladder"]
    dot_source = work / "ladder.dot"
    run_measured([*command, "render", "-o", str(dot_source)], timeout=60)
    return {
        "ladder render -o x.svg": best_of([*command, "render", "-o", str(work / "l.svg")],
                                          runs),
        "python -c pass": best_of([sys.executable, "-c", "pass"], runs),
        "python -c 'import click'": best_of([sys.executable, "-c", "import click"], runs),
        "dot -Tsvg on its DOT": best_of(["dot", "-Tsvg", str(dot_source), "-o",
                                         str(work / "d.svg")], runs),
        "ladder render -o x.dot (no Graphviz)": best_of(
            [*command, "render", "-o", str(work / "l.dot")], runs),
    }


def verdict(value: float, limit: float, unit: str, *, at_most: bool = True,
            wall: float | None = None) -> str:
    """``met`` or ``missed by N%``, for one target (``wall``: the same by wall-clock time)."""
    met = value <= limit if at_most else value >= limit
    also = "" if wall is None else f"; by wall-clock time {wall:,.2f}{unit}"
    if met:
        return f"**met** ({value:,.2f}{unit}; target {limit:g}{unit}{also})"
    off = value / limit - 1 if at_most else 1 - value / limit
    return (f"**missed by {off:.0%}** ({value:,.2f}{unit}; target {limit:g}{unit}{also})")


def timing(run: Run) -> str:
    """``CPU s (wall s)`` of a run."""
    return f"{run.cpu:.2f} ({run.seconds:.2f})"


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
    parser.add_argument("--ladder-runs", type=int, default=15,
                        help="runs of the built-in ladder render (0: skip it)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each program on each org up to 100,000 people (the "
                        "fastest counts); bigger orgs run once")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the CSV and SVG files in this folder")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="ladder-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    # as an install leaves it: no run pays for compiling ladder's modules (this machine may
    # set PYTHONDONTWRITEBYTECODE, which only stops imports from writing the cache)
    compileall.compile_dir(ROOT / "ladder", quiet=1)
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
    print(f"{os.cpu_count()} cores; Python {sys.version.split()[0]}; load average "
          f"{os.getloadavg()[0]:.1f}", file=sys.stderr)
    lines = [
        "| org | people | ladder CPU s (wall) | ladder peak MB | ladder drawing px "
        "| floor CPU s (wall) | floor peak MB | ladder / floor | dot CPU s (wall) | dot peak MB "
        "| dot drawing pt | dot / ladder |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---:|",
    ]
    results: dict[int, tuple[Run, Run, Run | None]] = {}
    for label, path, people in cases:
        print(f"  {label} ...", file=sys.stderr, flush=True)
        ours, floor, theirs = measure(path, work, args.dot_limit, people, args.timeout,
                                      args.repeat if people <= 100_000 else 1)
        results[people] = (ours, floor, theirs)
        if theirs is None:
            dot_cells = "skipped | - | (above 30k: quadratic) | -"
        else:
            speedup = (f"{theirs.cpu / ours.cpu:.0f}x" if theirs.ok and ours.ok else "-")
            dot_cells = (f"{timing(theirs)} | {theirs.peak_mb:.0f} | {shape(theirs)} | "
                         f"{speedup}")
        above = f"{ours.cpu / floor.cpu:.1f}x" if ours.ok and floor.ok else "-"
        lines.append(f"| {label} | {people:,} | {timing(ours)} | {ours.peak_mb:.0f} | "
                     f"{shape(ours)} | {timing(floor)} | {floor.peak_mb:.0f} | {above} | "
                     f"{dot_cells} |")
    if results:
        print("\n".join(lines))
    times = {people: run[0].cpu for people, run in results.items()}
    if 10_000 in times and 100_000 in times:
        print(f"\n100k / 10k CPU time: {times[100_000] / times[10_000]:.1f} (linear: 10)")
    targets = []
    if 10_000 in results and results[10_000][2] is not None:
        ours, _, theirs = results[10_000]
        targets.append("10,000 people, dot / ladder: "
                       + verdict(theirs.cpu / ours.cpu, 40, "x", at_most=False,
                                 wall=theirs.seconds / ours.seconds))
    if 100_000 in results:
        ours, floor, _ = results[100_000]
        targets.append("100,000 people, ladder / floor: "
                       + verdict(ours.cpu / floor.cpu, 2, "x",
                                 wall=ours.seconds / floor.seconds))
    if 1_000_000 in results:
        ours = results[1_000_000][0]
        targets.append("1,000,000 people, time: "
                       + verdict(ours.cpu, 15, " s", wall=ours.seconds))
        targets.append("1,000,000 people, peak memory: "
                       + verdict(ours.peak_mb / 1024, 1.5, " GB"))
    if args.ladder_runs:
        print(f"  built-in ladder, best of {args.ladder_runs} ...", file=sys.stderr, flush=True)
        parts = ladder_render_times(work, args.ladder_runs)
        print(f"\nBuilt-in ladder, whole processes, best of {args.ladder_runs}:\n")
        print("| command | CPU s | wall s |\n|---|---:|---:|")
        for command, (wall, cpu) in parts.items():
            print(f"| `{command}` | {cpu:.3f} | {wall:.3f} |")
        wall, cpu = parts["ladder render -o x.svg"]
        targets.append("built-in ladder render, whole process: "
                       + verdict(cpu, 0.08, " s", wall=wall))
    if targets:
        print("\nTargets (issue 10):\n")
        print("\n".join(f"- {target}" for target in targets))
    if not args.keep:
        print(f"(files in {work})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
