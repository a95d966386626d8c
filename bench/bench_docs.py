"""What 50 diagrams cost a docs build: MkDocs and Sphinx, with and without the diagram cache,
against the same site with plain code blocks in their place.

    python -m bench.bench_docs [--diagrams 50] [--repeat 3]

Each build runs as the user would run it (``mkdocs build``, ``sphinx-build -E``), in a fresh
process, in a temporary folder; the table gives the median wall time of ``--repeat`` builds and
the cost per diagram over the plain site. ``uncached`` empties the diagram cache before each
build; ``cached`` keeps it from the build before (nothing changed, so every diagram is a hit).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PER_PAGE = 5


def blocks(count: int) -> list[str]:
    """``count`` different diagram blocks: ladders in each variant and org charts, with and
    without options, each with its own title so no two are the same diagram."""
    ladders = [("product", "variant: startup"), ("product", "variant: enterprise"),
               ("product", "detail: true"),
               ("product", "highlight: junior-product-manager..chief-product-officer"),
               ("product", "variant: scale-up")]
    orgs = [("startup.yaml", ""), ("scale-up.yaml", ""), ("enterprise.yaml", "depth: 2"),
            ("enterprise.yaml", "depth: 3"), ("scale-up.yaml", "mode: compact")]
    out = []
    for number in range(count):
        source, option = (ladders if number % 2 == 0 else orgs)[(number // 2) % 5]
        if source.endswith(".yaml"):
            source = f"data/{source}"
        lines = [f"source: {source}", f"title: Diagram {number + 1}"]
        if option:
            lines.append(option)
        out.append("\n".join(lines))
    return out


def make_sites(folder: Path, count: int) -> dict[str, Path]:
    """The MkDocs and Sphinx sites, each with diagrams and as a plain twin."""
    sites = {}
    data = REPO / "examples"
    for tool in ("mkdocs", "sphinx"):
        for plain in (False, True):
            root = folder / f"{tool}-{'plain' if plain else 'diagrams'}"
            docs = root / ("docs" if tool == "mkdocs" else "src")
            (docs / "data").mkdir(parents=True)
            for name in ("startup.yaml", "scale-up.yaml", "enterprise.yaml"):
                shutil.copy(data / name, docs / "data" / name)
            pages = [blocks(count)[start:start + PER_PAGE]
                     for start in range(0, count, PER_PAGE)]
            for number, page in enumerate(pages, start=1):
                parts = [f"Page {number}\n{'=' * 12}\n" if tool == "sphinx"
                         else f"# Page {number}\n"]
                for block in page:
                    parts.append("Some text before the diagram.\n")
                    if plain:
                        parts.append(f"```yaml\n{block}\n```\n" if tool == "mkdocs" else
                                     ".. code-block:: yaml\n\n" + _indent(block) + "\n")
                    elif tool == "mkdocs":
                        parts.append(f"```ladder\n{block}\n```\n")
                    else:
                        parts.append(_directive(block))
                suffix = ".md" if tool == "mkdocs" else ".rst"
                (docs / f"page{number}{suffix}").write_text("\n".join(parts), encoding="utf-8")
            names = [f"page{n}" for n in range(1, len(pages) + 1)]
            if tool == "mkdocs":
                (docs / "index.md").write_text("# Home\n", encoding="utf-8")
                plugins = "" if plain else "plugins:\n  - ladder\n"
                extra = "markdown_extensions:\n  - pymdownx.superfences\n" if plain else ""
                (root / "mkdocs.yml").write_text(
                    f"site_name: Bench\ntheme: {{name: material}}\n{extra}{plugins}",
                    encoding="utf-8")
            else:
                extensions = '[]' if plain else '["ladder.sphinx"]'
                (docs / "conf.py").write_text(f'project = "Bench"\nextensions = {extensions}\n',
                                              encoding="utf-8")
                toc = "\n".join(f"   {name}" for name in names)
                (docs / "index.rst").write_text(f"Home\n====\n\n.. toctree::\n\n{toc}\n",
                                                encoding="utf-8")
            sites[f"{tool}-{'plain' if plain else 'diagrams'}"] = root
    return sites


def _indent(text: str) -> str:
    return "\n".join("   " + line for line in text.splitlines())


def _directive(block: str) -> str:
    """A block as a Sphinx directive: source as the argument, the rest as fields."""
    lines = block.splitlines()
    source = lines[0].split(": ", 1)[1]
    fields = [f"   :{key}: {value}" for key, value in (line.split(": ", 1) for line in lines[1:])]
    return f".. ladder:: {source}\n" + "\n".join(fields) + "\n"


def build(tool: str, root: Path) -> float:
    if tool == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "-q"]
    else:
        command = [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "html", "src", "out"]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=root, capture_output=True, text=True)
    took = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{tool} build failed in {root}:\n{result.stderr}")
    return took


def cache_folder(tool: str, root: Path) -> Path:
    return root / ".cache" / "ladder" if tool == "mkdocs" else root / "out" / ".doctrees" / \
        "ladder-cache"


def in_process(root: Path, count: int) -> tuple[float, float]:
    """Seconds per block drawn by the plugins' own code in this process: uncached, cached."""
    from ladder.docs.core import DiagramCache, draw_block, read_block

    docs = root / "docs"
    read = [read_block(text, page="bench.md", line=1, folders=[docs])
            for text in blocks(count)]
    cache = DiagramCache(root / ".cache" / "in-process")
    timings = []
    for use in (None, cache, cache):  # drawn, drawn and stored, read back
        start = time.perf_counter()
        for block in read:
            draw_block(block, use)
        timings.append((time.perf_counter() - start) / count)
    return timings[0], timings[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--diagrams", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sites = make_sites(Path(folder), args.diagrams)
        print(f"{args.diagrams} diagrams on {-(-args.diagrams // PER_PAGE)} pages; "
              f"median of {args.repeat} builds each\n")
        print(f"{'tool':8} {'plain site':>11} {'uncached':>10} {'cached':>9} "
              f"{'per diagram uncached':>21} {'cached':>8}")
        for tool in ("mkdocs", "sphinx"):
            root = sites[f"{tool}-diagrams"]
            build(tool, sites[f"{tool}-plain"])  # warm-up: bytecode, the OS's file cache
            build(tool, root)
            plains, uncached, cached = [], [], []
            for _ in range(args.repeat):  # interleaved, so a busy moment hits all three
                plains.append(build(tool, sites[f"{tool}-plain"]))
                shutil.rmtree(cache_folder(tool, root), ignore_errors=True)
                uncached.append(build(tool, root))
                cached.append(build(tool, root))
            plain, cold, warm = (statistics.median(times)
                                 for times in (plains, uncached, cached))
            print(f"{tool:8} {plain:10.2f}s {cold:9.2f}s {warm:8.2f}s "
                  f"{(cold - plain) / args.diagrams * 1000:18.1f} ms "
                  f"{(warm - plain) / args.diagrams * 1000:5.1f} ms")
        cold, warm = in_process(sites["mkdocs-diagrams"], args.diagrams)
        print(f"\nin process (the plugins' drawing code alone): {cold * 1000:.1f} ms per "
              f"diagram uncached, {warm * 1000:.2f} ms cached")


if __name__ == "__main__":
    main()
