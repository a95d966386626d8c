"""The org explorer (``--format html``) in headless Chromium: how long it takes to open, to
lay out and draw again after a click, and to pan, at 1k, 10k and 100k people.

    python -m bench.bench_explorer [--sizes 1000 10000 100000] [--repeat 5]

Each size is a seeded synthetic org (``bench/synth.py``) drawn by ``ladder render -f html``.
Columns, each the median of ``--repeat`` runs in the same page (times in ms):

- ``file``: the page's size, and bytes per person;
- ``open``: from navigation to the first screen drawn (``window.ladder.ready``);
- ``click``: one close, then one open, of a manager's team with about ``--visible`` (2,000)
  cards showing: lay out again and draw (no animation);
- ``pan``: one pan step drawn with about 10,000 cards showing, fitted on the screen;
- ``open all``: every team opened, laid out and drawn (100% of the people).

Needs Playwright and Debian's chromium (``/usr/bin/chromium``). Not a test: it prints a table.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.synth import write_synthetic_csv

CHROMIUM = "/usr/bin/chromium"
REPO = Path(__file__).resolve().parent.parent

# In the page: open levels until about `visible` cards show, then time a close and an open of
# the manager with the most reports on the deepest open level.
CLICK = """async ([visible, repeat]) => {
  const L = window.ladder; L.animate = false;
  let level = 1;
  while (level < 40) { await L.openLevels(level + 1);
    if (L.layout().length >= visible) break; level++; }
  const shown = L.layout().length;
  const ids = new Set(L.layout().map(c => c.id));
  const lines = L.lines();
  const count = new Map();
  lines.forEach(l => count.set(l.source, (count.get(l.source) || 0) + 1));
  const leaves = L.layout().map(c => c.id).filter(id => !count.has(id));
  // a shown manager whose team is closed: the leaves of the layout that have a team
  const times = [];
  for (let i = 0; i < repeat; i++) {
    for (const id of leaves.slice(i * 7)) {
      let t = performance.now(); await L.expand(id); const opened = L.layout().length;
      if (opened === shown) continue;
      const open = performance.now() - t;
      t = performance.now(); await L.collapse(id); const close = performance.now() - t;
      times.push([open, close, opened]); break;
    }
  }
  return {shown, times};
}"""

PAN = """async ([visible, repeat]) => {
  const L = window.ladder; L.animate = false;
  let level = 1;
  while (level < 40) { await L.openLevels(level + 1);
    if (L.layout().length >= visible) break; level++; }
  await L.fit();
  const times = [];
  for (let i = 0; i < repeat * 4; i++) {
    const t = performance.now(); await L.pan(i % 2 ? 40 : -40, 0);
    times.push(performance.now() - t);
  }
  return {shown: L.layout().length, times};
}"""

OPEN_ALL = """async () => {
  const L = window.ladder; L.animate = false;
  const t = performance.now(); await L.openAll(); return performance.now() - t;
}"""


def page_file(folder: Path, size: int) -> Path:
    csv = write_synthetic_csv(folder / f"org-{size}.csv", size)
    html = folder / f"org-{size}.html"
    subprocess.run([sys.executable, "-m", "ladder", "render", str(csv), "-f", "html",
                    "-o", str(html)], check=True, capture_output=True, cwd=REPO)
    return html


def measure(browser, html: Path, repeat: int, visible: int) -> dict[str, float]:
    opens = []
    for _ in range(repeat):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(html.as_uri())
        page.wait_for_function("document.body.dataset.ready === 'true'", timeout=120_000)
        opens.append(page.evaluate("performance.now()"))
        page.close()
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(html.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'true'", timeout=120_000)
    click = page.evaluate(CLICK, [visible, repeat])
    pan = page.evaluate(PAN, [10_000, repeat])
    every = page.evaluate(OPEN_ALL)
    page.close()
    return {
        "open": statistics.median(opens),
        "shown": click["shown"],
        # nan: the whole org shows before `visible` cards do, no team is left to open
        "click_open": statistics.median(t[0] for t in click["times"]) if click["times"]
        else float("nan"),
        "click_close": statistics.median(t[1] for t in click["times"]) if click["times"]
        else float("nan"),
        "pan_shown": pan["shown"],
        "pan": statistics.median(pan["times"]),
        "pan_worst": max(pan["times"]),
        "open_all": every,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--visible", type=int, default=2000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"{'people':>8} {'file':>12} {'open':>7} {'shown':>6} {'open+':>7} {'close':>7} "
          f"{'pan at':>7} {'pan':>6} {'worst':>6} {'open all':>9}   (ms)")
    with tempfile.TemporaryDirectory() as temp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        for size in args.sizes:
            html = page_file(Path(temp), size)
            found = measure(browser, html, args.repeat, args.visible)
            kb = html.stat().st_size
            print(f"{size:>8} {kb / 1e6:>6.1f} MB {kb / size:>3.0f}B {found['open']:>7.0f} "
                  f"{found['shown']:>6} {found['click_open']:>7.1f} {found['click_close']:>7.1f} "
                  f"{found['pan_shown']:>7} {found['pan']:>6.1f} {found['pan_worst']:>6.1f} "
                  f"{found['open_all']:>9.0f}", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
