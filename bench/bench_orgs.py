"""Benchmark: org charts from CSV to SVG, ladder against Graphviz dot and a plain-Python floor.

    python -m bench.bench_orgs                 # 1k, 10k, 100k, 1M, the 1,516 sample, the ladder
    python -m bench.bench_orgs --quick         # 10k and 100k, 3 runs: a check in a few minutes
    python -m bench.bench_orgs --sizes 1000 10000

For every org it writes an id/parentId CSV (seeded, see bench/synth.py), then times, each in
its own process so that start-up, reading and writing are counted:

* ``ladder``: ``python -m ladder render export.csv -o x.svg``, the whole command;
* ``floor``: ``python -m bench.floor export.csv x.svg``, the least a plain-Python program does
  to draw the same people (read, index, a linear layout, one card each; see bench/floor.py);
* ``dot``: ``dot -Tsvg`` on a plain DOT file of the same tree (boxes with name and title), the
  way a user would draw it with Graphviz alone; skipped above ``--dot-limit`` people (30,000),
  since dot is quadratic on such trees (92 s at 30k on 2 cores).

Then the small charts, ``--ladder-runs`` runs each: the built-in ladder's ``ladder render -o
x.svg`` as a whole process, beside what it cannot do without (Python's start-up, importing
click, and ``dot`` drawing the ladder's DOT); a 30-person chart with dotted lines and the same
without them (bench/small.py), as whole processes and as draws in one process. Last, the
targets of issue 23, met or missed by how much.

Every figure is printed as the least of its runs with the spread (median and most), beside
the machine's load average while it ran (sampled every second). The ratios (ladder / floor,
dot / ladder) are of programs run in turns in the same run, and are also printed turn by turn.

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
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
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
    cpus: tuple[float, ...] = ()  # every run's CPU seconds (``cpu`` is their minimum)
    walls: tuple[float, ...] = ()  # every run's wall seconds (``seconds``: their minimum)


def spread(values: tuple[float, ...] | list[float], digits: int = 2) -> str:
    """``min (median-max)`` of several runs; one run alone is just its value."""
    if len(values) < 2:
        return f"{values[0]:.{digits}f}" if values else "-"
    ordered = sorted(values)
    return (f"{ordered[0]:.{digits}f} ({statistics.median(ordered):.{digits}f}-"
            f"{ordered[-1]:.{digits}f})")


class LoadWatch:
    """The machine's 1-minute load average, sampled every second while a bench runs."""

    def __init__(self) -> None:
        self.samples: list[float] = [os.getloadavg()[0]]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(1.0):
            self.samples.append(os.getloadavg()[0])

    def mark(self) -> int:
        """The index of the next sample, to read the load of one part of the run later."""
        return len(self.samples)

    def since(self, mark: int) -> str:
        """``min-max`` of the load average since ``mark`` (the last sample if none since)."""
        part = self.samples[mark:] or self.samples[-1:]
        return f"{min(part):.1f}-{max(part):.1f}"

    def stop(self) -> str:
        self._stop.set()
        return self.since(0)


def run_measured(command: list[str], *, timeout: float,
                 cwd: Path = ROOT) -> tuple[float, float, float, int, str]:
    """(wall seconds, CPU seconds, peak MB, exit code, stderr tail) of one child process.

    CPU time is what the numbers are compared by: on a machine shared with other work, wall
    time grows with the load, while the CPU time a single-threaded program needs barely does.
    """
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
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
            timeout: float, repeat: int,
            ratios: list[tuple[float, float]]) -> tuple[Run, Run, Run | None]:
    """(ladder, floor, dot or None above ``dot_limit``) on one export, each the fastest of
    ``repeat`` runs, taken in turns so that a busy spell of the machine hits all three.

    ``ratios`` receives each turn's (ladder / floor, dot / ladder) by CPU time: the ratios
    of programs that ran side by side, under the same load."""
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
        return replace(best, cpu=min(run.cpu for run in found),
                       cpus=tuple(run.cpu for run in found),
                       walls=tuple(run.seconds for run in found))

    dots = [run[2] for run in runs if run[2] is not None]
    ratios.extend((ours.cpu / floor.cpu, theirs.cpu / ours.cpu if theirs else 0.0)
                  for ours, floor, theirs in runs
                  if ours.ok and floor.ok and (theirs is None or theirs.ok))
    return (fastest([run[0] for run in runs]), fastest([run[1] for run in runs]),
            fastest(dots) if dots else None)


def best_of(command: list[str], runs: int, *, cwd: Path = ROOT,
            before: Callable[[], None] | None = None) -> tuple[list[float], list[float]]:
    """Wall and CPU times of ``runs`` runs of one command (the least is the least disturbed);
    ``before`` runs before each (not timed)."""
    walls, cpus = [], []
    for _ in range(runs):
        if before is not None:
            before()
        seconds, cpu, _, code, error = run_measured(command, timeout=600, cwd=cwd)
        if code != 0:
            raise SystemExit(f"{' '.join(command)} failed: {error}")
        walls.append(seconds)
        cpus.append(cpu)
    return walls, cpus


def ladder_render_times(work: Path,
                        runs: int) -> dict[str, tuple[list[float], list[float]]]:
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


def small_chart_times(work: Path, runs: int) -> dict[str, tuple[list[float], list[float]]]:
    """A 30-person chart with dotted lines and the same without (bench/small.py): whole
    ``ladder render`` processes, and draws in one process (a docs build draws many)."""
    dotted, plain = work / "small-dotted.yaml", work / "small-plain.yaml"
    subprocess.run([sys.executable, "-m", "bench.small", "write", str(dotted), str(plain)],
                   cwd=ROOT, check=True)
    rows: dict[str, tuple[list[float], list[float]]] = {}
    for label, config in (("with dotted lines", dotted), ("without", plain)):
        rows[f"30 people {label}: ladder render -o x.svg"] = best_of(
            [sys.executable, "-m", "ladder", "render", str(config), "-o",
             str(work / f"{config.stem}.svg")], runs)
    for label, config in (("with dotted lines", dotted), ("without", plain)):
        # the first draw imports the SVG writer; the ones after it are what a page costs
        output = subprocess.run([sys.executable, "-m", "bench.small", "draw", str(config),
                                 str(runs + 1)], cwd=ROOT, check=True, capture_output=True,
                                text=True).stdout.split()
        rows[f"30 people {label}: ladder.draw in-process, after the first"] = (
            [], [float(value) for value in output[1:]])
    return rows


DOCS_DIAGRAMS = 50


def docs_build_times(work: Path, runs: int) -> dict[str, tuple[list[float], list[float]]]:
    """``mkdocs build`` of a site of 50 diagram blocks (bench/bench_docs.py: ladders and org
    charts, 5 a page) with the diagram cache emptied before each build, and of the same site
    with plain code blocks in their place; in turns, so a busy spell hits both."""
    from bench.bench_docs import build, cache_folder, make_sites

    folder = work / "docs-sites"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sites = make_sites(folder, DOCS_DIAGRAMS)
    diagrams, plain = sites["mkdocs-diagrams"], sites["mkdocs-plain"]
    build("mkdocs", plain)  # warm-up: bytecode, the file cache
    build("mkdocs", diagrams)
    command = [sys.executable, "-m", "mkdocs", "build", "-q"]
    rows: dict[str, tuple[list[float], list[float]]] = {
        f"mkdocs build, {DOCS_DIAGRAMS} diagrams, no cache": ([], []),
        "mkdocs build, the same site without diagrams": ([], []),
    }
    for _ in range(runs):
        for (walls, cpus), root in zip(rows.values(), (diagrams, plain), strict=True):
            wall, cpu = best_of(command, 1, cwd=root, before=lambda root=root: shutil.rmtree(
                cache_folder("mkdocs", root), ignore_errors=True))
            walls += wall
            cpus += cpu
    return rows


def verdict(value: float, limit: float, unit: str, *, at_most: bool = True,
            wall: float | None = None, among: list[float] | None = None) -> str:
    """``met`` or ``missed by N%``, for one target (``wall``: the same by wall-clock time;
    ``among``: the value in each turn of the run, printed as a range)."""
    met = value <= limit if at_most else value >= limit
    also = "" if wall is None else f"; by wall-clock time {wall:,.2f}{unit}"
    if among and len(among) > 1:
        also += f"; turn by turn {min(among):,.2f} to {max(among):,.2f}{unit}"
    if met:
        return f"**met** ({value:,.2f}{unit}; target {limit:g}{unit}{also})"
    off = value / limit - 1 if at_most else 1 - value / limit
    return (f"**missed by {off:.0%}** ({value:,.2f}{unit}; target {limit:g}{unit}{also})")


def timing(run: Run) -> str:
    """``CPU s min (median-max), wall s min`` of a run."""
    return f"{spread(run.cpus or (run.cpu,))} / {run.seconds:.2f}"


def shape(run: Run) -> str:
    if not run.ok or not run.height:
        return run.note or "-"
    ratio = run.width / run.height
    text = f"{run.width:,.0f} x {run.height:,.0f}"
    return text + (f" ({ratio:.1f}:1)" if ratio >= 1 else f" (1:{1 / ratio:.1f})")


QUICK = {"sizes": [10_000, 100_000], "repeat": 3, "ladder_runs": 7, "no_sample": True,
         "docs_runs": 2}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*",
                        default=[1_000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--quick", action="store_true",
                        help="a check in a few minutes: 10k and 100k, 3 runs each, 7 runs "
                        "of the small charts, no sample and no 1M")
    parser.add_argument("--no-sample", action="store_true", help="leave out the 1,516 sample")
    parser.add_argument("--dot-limit", type=int, default=30_000)
    parser.add_argument("--ladder-runs", type=int, default=15,
                        help="runs of the built-in ladder and of the 30-person charts "
                        "(0: skip them)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of each program on each org up to 100,000 people (the "
                        "least counts, the spread is printed); bigger orgs run once")
    parser.add_argument("--docs-runs", type=int, default=3,
                        help="MkDocs builds of a 50-diagram site and of its plain twin (0: "
                        "skip them)")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the CSV and SVG files in this folder")
    args = parser.parse_args(argv)
    if args.quick:
        for name, value in QUICK.items():
            setattr(args, name, value)
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
    load = LoadWatch()
    print(f"{os.cpu_count()} cores; Python {sys.version.split()[0]}; load average "
          f"{os.getloadavg()[0]:.1f}", file=sys.stderr)
    lines = [
        "CPU seconds: min (median-max) of the runs / wall seconds: min.\n",
        "| org | people | runs | load | ladder CPU / wall s | ladder peak MB "
        "| ladder drawing px | floor CPU / wall s | floor peak MB | ladder / floor "
        "| dot CPU / wall s | dot peak MB | dot drawing pt | dot / ladder |",
        "|---|---:|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---|---:|",
    ]
    results: dict[int, tuple[Run, Run, Run | None]] = {}
    turns: dict[int, list[tuple[float, float]]] = {}
    for label, path, people in cases:
        print(f"  {label} ...", file=sys.stderr, flush=True)
        mark = load.mark()
        repeat = args.repeat if people <= 100_000 else 1
        turns[people] = []
        ours, floor, theirs = measure(path, work, args.dot_limit, people, args.timeout,
                                      repeat, turns[people])
        results[people] = (ours, floor, theirs)
        if theirs is None:
            dot_cells = f"skipped | - | (above {args.dot_limit:,}: quadratic) | -"
        else:
            speedup = (f"{theirs.cpu / ours.cpu:.{0 if theirs.cpu >= 10 * ours.cpu else 1}f}x"
                       if theirs.ok and ours.ok else "-")
            dot_cells = (f"{timing(theirs)} | {theirs.peak_mb:.0f} | {shape(theirs)} | "
                         f"{speedup}")
        above = f"{ours.cpu / floor.cpu:.1f}x" if ours.ok and floor.ok else "-"
        lines.append(f"| {label} | {people:,} | {repeat} | {load.since(mark)} | "
                     f"{timing(ours)} | {ours.peak_mb:.0f} | {shape(ours)} | "
                     f"{timing(floor)} | {floor.peak_mb:.0f} | {above} | {dot_cells} |")
    if results:
        print("\n".join(lines))
    times = {people: run[0].cpu for people, run in results.items()}
    if 10_000 in times and 100_000 in times:
        print(f"\n100k / 10k CPU time: {times[100_000] / times[10_000]:.1f} (linear: 10)")
    targets = []
    if 10_000 in results and results[10_000][2] is not None:
        ours, _, theirs = results[10_000]
        targets.append("10,000 people, dot / ladder: "
                       + verdict(theirs.cpu / ours.cpu, 25, "x", at_most=False,
                                 wall=theirs.seconds / ours.seconds,
                                 among=[turn[1] for turn in turns[10_000]]))
    if 100_000 in results:
        ours, floor, _ = results[100_000]
        targets.append("100,000 people, ladder / floor: "
                       + verdict(ours.cpu / floor.cpu, 2.5, "x",
                                 wall=ours.seconds / floor.seconds,
                                 among=[turn[0] for turn in turns[100_000]]))
    if 1_000_000 in results:
        ours = results[1_000_000][0]
        targets.append("1,000,000 people, time: "
                       + verdict(ours.cpu, 15, " s", wall=ours.seconds))
        targets.append("1,000,000 people, peak memory: "
                       + verdict(ours.peak_mb / 1024, 1.5, " GB"))
    if args.ladder_runs:
        print(f"  built-in ladder and 30-person charts, {args.ladder_runs} runs each ...",
              file=sys.stderr, flush=True)
        mark = load.mark()
        parts = ladder_render_times(work, args.ladder_runs)
        parts.update(small_chart_times(work, args.ladder_runs))
        print(f"\nSmall charts, {args.ladder_runs} runs each (load {load.since(mark)}); "
              "CPU s min (median-max), wall s min:\n")
        print("| command | CPU s | wall s |\n|---|---:|---:|")
        for command, (walls, cpus) in parts.items():
            wall_cell = f"{min(walls):.3f}" if walls else "-"
            print(f"| `{command}` | {spread(cpus, 3)} | {wall_cell} |")
        walls, cpus = parts["ladder render -o x.svg"]
        targets.append("built-in ladder render, whole process: "
                       + verdict(min(cpus), 0.1, " s", wall=min(walls)))
        for kind in ("ladder render -o x.svg", "ladder.draw in-process, after the first"):
            with_dotted = min(parts[f"30 people with dotted lines: {kind}"][1])
            without = min(parts[f"30 people without: {kind}"][1])
            targets.append(f"30 people, with dotted lines / without ({kind}): "
                           + verdict(with_dotted / without, 1.5, "x"))
    if args.docs_runs:
        print(f"  MkDocs builds, {args.docs_runs} runs each ...", file=sys.stderr, flush=True)
        mark = load.mark()
        builds = docs_build_times(work, args.docs_runs)
        print(f"\nA docs site, {args.docs_runs} builds each, in turns (load {load.since(mark)}); "
              "CPU s min (median-max), wall s min:\n")
        print("| command | CPU s | wall s |\n|---|---:|---:|")
        for command, (walls, cpus) in builds.items():
            print(f"| `{command}` | {spread(cpus, 2)} | {min(walls):.2f} |")
        (with_walls, with_cpus), (plain_walls, plain_cpus) = builds.values()
        targets.append(f"MkDocs build of {DOCS_DIAGRAMS} diagrams without its cache / the same "
                       "site without diagrams: "
                       + verdict(min(with_cpus) / min(plain_cpus), 2, "x",
                                 wall=min(with_walls) / min(plain_walls),
                                 among=[a / b for a, b in zip(with_cpus, plain_cpus,
                                                              strict=True)]))
    if targets:
        print(f"\nTargets (issue 23), load average {load.stop()} during the run:\n")
        print("\n".join(f"- {target}" for target in targets))
    if not args.keep:
        print(f"(files in {work})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
