"""Geometry checks on a layout as its JSON gives it (``ladder render -f json``), for the tests.

Each check returns a list of what is wrong (empty: all good), so a failing test says what.
They index cards by row and use sorted edges, so charts of thousands of cards check quickly.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

EPSILON = 1e-6


class Cards:
    """The cards of a layout, by row, for quick 'what is near this segment' questions."""

    def __init__(self, data: dict) -> None:
        self.box = {n["id"]: (n["x"], n["y"], n["width"], n["height"]) for n in data["nodes"]}
        self.rows: dict[float, list[tuple[float, str]]] = defaultdict(list)
        for pid, (x, y, _, _) in self.box.items():
            self.rows[y].append((x, pid))
        for row in self.rows.values():
            row.sort()
        self.lefts = {y: [x for x, _ in row] for y, row in self.rows.items()}
        self.ys = sorted(self.rows)
        first = data["nodes"][0] if data["nodes"] else {"width": 0, "height": 0}
        self.width, self.height = first["width"], first["height"]

    def near(self, x1: float, y1: float, x2: float, y2: float, margin: float) -> list[str]:
        """Cards whose box grown by ``margin`` the axis-parallel segment runs inside of (touching
        the grown box's outline does not count)."""
        left, right, top, bottom = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
        e, m, w, h = EPSILON, margin, self.width, self.height
        found = []
        first = bisect.bisect_right(self.ys, top - h - m)
        for y in self.ys[first:bisect.bisect_left(self.ys, bottom + m)]:
            lefts = self.lefts[y]
            if top == bottom:
                if not y - m + e < top < y + h + m - e:
                    continue
            elif not (top < y + h + m - e and y - m + e < bottom):
                continue
            # cards with x - m < right and x + w + m > left (strictly, for a vertical run at x)
            start = bisect.bisect_right(lefts, left - w - m + e)
            for i in range(start, len(lefts)):
                x = lefts[i]
                if x - m + e >= right:
                    break
                found.append(self.rows[y][i][1])
        return found


def segments(points: list) -> list[tuple[float, float, float, float]]:
    return [(a[0], a[1], b[0], b[1]) for a, b in zip(points, points[1:], strict=False)]


def on_edge(point: list, box: tuple[float, float, float, float]) -> bool:
    """Is the point on the outline of the box?"""
    x, y = point
    bx, by, bw, bh = box
    within_x = bx - EPSILON <= x <= bx + bw + EPSILON
    within_y = by - EPSILON <= y <= by + bh + EPSILON
    return (within_x and (abs(y - by) < EPSILON or abs(y - by - bh) < EPSILON)) or (
        within_y and (abs(x - bx) < EPSILON or abs(x - bx - bw) < EPSILON))


def solid_problems(data: dict, continued: set[tuple[str, str]] = frozenset()) -> list[str]:
    """Elbow connectors from each manager's card to each report's card, crossing no card;
    ``continued``: (manager, report) of lists that run on in the next column, whose line
    starts at that column's top instead of at the manager."""
    cards = Cards(data)
    problems = []
    for edge in data["edges"]:
        points = edge["points"]
        for x1, y1, x2, y2 in segments(points):
            if x1 != x2 and y1 != y2:
                problems.append(f"{edge['source']}->{edge['target']}: a diagonal run")
            hit = [c for c in cards.near(x1, y1, x2, y2, 0.0)
                   if c not in (edge["source"], edge["target"])]
            if hit:
                problems.append(f"{edge['source']}->{edge['target']} crosses {hit}")
        if (edge["source"], edge["target"]) not in continued and not on_edge(
                points[0], cards.box[edge["source"]]):
            problems.append(f"{edge['source']}->{edge['target']}: does not start at the manager")
        if not on_edge(points[-1], cards.box[edge["target"]]):
            problems.append(f"{edge['source']}->{edge['target']}: does not end at the report")
    return problems


def dotted_problems(data: dict, gap: float) -> list[str]:
    """Each dotted line on its own track, inside the canvas, ``gap`` clear of cards and solid
    lines, from the dotted-line manager (with the arrowhead) to the person."""
    cards = Cards(data)
    problems = []
    width, height = data["width"], data["height"]
    solid: dict[str, dict[float, list[tuple[float, float]]]] = {
        "y": defaultdict(list), "x": defaultdict(list)}
    for edge in data["edges"]:
        for x1, y1, x2, y2 in segments(edge["points"]):
            if y1 == y2:
                solid["y"][y1].append((min(x1, x2), max(x1, x2)))
            else:
                solid["x"][x1].append((min(y1, y2), max(y1, y2)))
    seen: dict[str, list[tuple[float, float, float, str]]] = {"y": [], "x": []}
    for edge in data["dotted"]:
        name = f"{edge['source']}..>{edge['target']}"
        points = edge["points"]
        if edge.get("head") != "source":
            problems.append(f"{name}: no arrowhead at the dotted-line manager")
        if not on_edge(points[0], cards.box[edge["source"]]):
            problems.append(f"{name}: does not start at the dotted-line manager")
        if not on_edge(points[-1], cards.box[edge["target"]]):
            problems.append(f"{name}: does not end at the person")
        for x, y in points:
            if not (0 <= x <= width and 0 <= y <= height):
                problems.append(f"{name}: ({x}, {y}) is outside the {width} x {height} canvas")
        runs = segments(points)
        for number, (x1, y1, x2, y2) in enumerate(runs):
            if x1 != x2 and y1 != y2:
                problems.append(f"{name}: a diagonal run")
                continue
            own = set()
            if number == 0:
                own.add(edge["source"])
            if number == len(runs) - 1:
                own.add(edge["target"])
            hit = [c for c in cards.near(x1, y1, x2, y2, gap - 0.01) if c not in own]
            if hit:
                problems.append(f"{name}: within {gap} px of cards {hit}")
            # across runs are kept by their y, down runs by their x
            axis, at, low, high = (("y", y1, min(x1, x2), max(x1, x2)) if y1 == y2 else
                                   ("x", x1, min(y1, y2), max(y1, y2)))
            problems += _run_problems(name, axis, at, low, high, solid[axis], gap, seen[axis])
    return problems


def _run_problems(name: str, axis: str, at: float, low: float, high: float,
                  solid: dict[float, list[tuple[float, float]]], gap: float,
                  seen: list[tuple[float, float, float, str]]) -> list[str]:
    """A dotted run at ``axis`` = ``at`` from ``low`` to ``high``: no solid run alongside it
    within ``gap``, no dotted run already on its track; then it is marked as seen."""
    problems = []
    for line in solid:
        if abs(line - at) < gap - 0.01 and any(a < high and low < b for a, b in solid[line]):
            problems.append(f"{name}: runs along a solid line at {axis}={line}")
    for line, a, b, other in seen:
        if line == at and a <= high and low <= b:
            problems.append(f"{name}: shares the track {axis}={line} with {other}")
    seen.append((at, low, high, name))
    return problems


def overlapping_cards(data: dict) -> list[tuple[str, str]]:
    """Pairs of cards that overlap (touching edges do not count); cards share one size."""
    cards = Cards(data)
    found = []
    ys = sorted(cards.rows)
    for i, y in enumerate(ys):
        for other_y in ys[i:]:
            if other_y >= y + cards.height - EPSILON:
                break
            same = other_y == y
            for x, pid in cards.rows[y]:
                lefts = cards.lefts[other_y]
                j = bisect.bisect_right(lefts, x - cards.width + EPSILON)
                while j < len(lefts) and lefts[j] < x + cards.width - EPSILON:
                    other = cards.rows[other_y][j][1]
                    if other != pid and (not same or pid < other):
                        found.append((pid, other))
                    j += 1
    return found


def shape(data: dict) -> tuple[float, float]:
    """(width / height, share of the drawing the cards cover)."""
    nodes = data["nodes"]
    area = sum(n["width"] * n["height"] for n in nodes)
    return data["width"] / data["height"], area / (data["width"] * data["height"])
