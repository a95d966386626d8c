"""The plain-Python floor: what drawing an org chart costs with no checks and no layout craft.

    python -m bench.floor export.csv chart.svg

It does what ``ladder render export.csv -o chart.svg`` must do at the least, in the simplest
way plain Python allows, so that the benchmark can say how far ladder is above that floor:

1. read the CSV (``csv`` module; columns ``id``, ``parentId``, ``name``, ``position``,
   ``department_name``, as bench/synth.py writes them, or the d3 sample's names);
2. index it: person number by id, the reports of each person, the size of each team;
3. a simple linear layout: leaves left to right in depth-first order, each manager centred
   over its first and last report, one row per level (no compaction, no stacking: a chart
   as wide as dot's);
4. one SVG card per person with the same text as ladder's cards (name, title, department,
   and for managers "N direct · M in team"), the same text escaping, and one elbow
   connector per report.

No validation (duplicate ids, cycles, missing managers), no department colours, no fitting
of long names: those are what ladder adds above the floor.
"""

from __future__ import annotations

import csv
import gc
import sys

CARD_WIDTH, CARD_HEIGHT, GAP, ROW = 240, 72, 20, 104


def escape(text: str) -> str:
    """XML text escaping, as every card's text needs."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _column(header: list[str], names: tuple[str, ...]) -> int:
    """The index of the first of ``names`` in the header (synthetic or d3 sample columns)."""
    return next(header.index(name) for name in names if name in header)


def draw(csv_path: str, svg_path: str) -> int:
    """Write the floor's SVG of the export at ``csv_path``; returns the number of people."""
    with open(csv_path, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        columns = [_column(header, names) for names in
                   (("id",), ("parentId",), ("name",), ("position", "positionName"),
                    ("department_name", "area"))]
        people = [[row[i].strip() for i in columns] for row in rows]
    number = {person[0]: index for index, person in enumerate(people)}
    reports: list[list[int]] = [[] for _ in people]
    roots = []
    for index, person in enumerate(people):
        manager = number.get(person[1])
        (roots if manager is None else reports[manager]).append(index)

    # depth-first order (iterative), then team sizes bottom-up and x positions
    order: list[int] = []
    depth = [0] * len(people)
    stack = list(reversed(roots))
    while stack:
        index = stack.pop()
        order.append(index)
        for report in reversed(reports[index]):
            depth[report] = depth[index] + 1
            stack.append(report)
    team = [1] * len(people)
    x = [0.0] * len(people)
    leaves = 0
    for index in order:  # leaves in depth-first order
        if not reports[index]:
            x[index] = leaves * (CARD_WIDTH + GAP)
            leaves += 1
    for index in reversed(order):  # managers after all their reports
        if reports[index]:
            team[index] = 1 + sum(team[r] for r in reports[index])
            x[index] = (x[reports[index][0]] + x[reports[index][-1]]) / 2

    width = leaves * (CARD_WIDTH + GAP)
    height = (max(depth) + 1) * ROW
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif">\n']
    for index in order:
        pid, _, name, title, department = people[index]
        left, top = x[index], depth[index] * ROW
        card = (f'<g transform="translate({left:g},{top})"><rect width="{CARD_WIDTH}" '
                f'height="{CARD_HEIGHT}" rx="6" fill="#fff" stroke="#c9ced6"/>'
                f'<text x="14" y="22">{escape(name)}</text>'
                f'<text x="14" y="40">{escape(title)}</text>'
                f'<text x="14" y="57">{escape(department)}</text>')
        if reports[index]:
            card += (f'<text x="120" y="76">{len(reports[index]):,} direct · '
                     f'{team[index] - 1:,} in team</text>')
        out.append(card + "</g>\n")
        middle = left + CARD_WIDTH / 2
        for report in reports[index]:
            out.append(f'<path d="M{middle:g} {top + CARD_HEIGHT}V{top + ROW - 16}'
                       f'H{x[report] + CARD_WIDTH / 2:g}V{top + ROW}"/>\n')
    out.append("</svg>\n")
    with open(svg_path, "w", encoding="utf-8") as handle:
        handle.write("".join(out))
    return len(people)


if __name__ == "__main__":
    # as ladder does: no cycle collections over a million long-lived rows (a floor should
    # not be slowed by what one line avoids)
    gc.disable()
    draw(sys.argv[1], sys.argv[2])
