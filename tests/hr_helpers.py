"""Shared helpers for the HR export tests."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

DATA = Path(__file__).parent / "data" / "hr"
# CI checks out shared/ beside the repository: <repo>/../shared/data/orgs
ORGS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "orgs"


def assert_accounted(result) -> None:
    """Every row is drawn or named in a problem, the counts add up, and the org is a forest
    whose managers all exist (what Org.build assumes)."""
    named = {(p.file, p.line) for p in result.problems}
    assert all(row in named for row in result.undrawn), [
        row for row in result.undrawn if row not in named]
    assert result.rows == result.drawn + len(result.undrawn)
    report = result.report()
    assert report["rows"] == result.rows and report["drawn"] == result.drawn
    assert all(set(p) - {"items"} == {"row", "line", "id", "kind", "message"}
               for p in report["problems"])
    org = result.org
    assert all(p.manager in org.people for p in org if p.manager is not None)
    assert nx.is_forest(org.graph)
    assert len(org.people) == len(list(org))


def kinds(result) -> dict[int, list[str]]:
    """{row: [kinds]} of the problems of a result."""
    found: dict[int, list[str]] = {}
    for problem in result.problems:
        found.setdefault(problem.line, []).append(problem.kind)
    return found


# -- a generated UK organogram with several snapshots in one file ----------------------------

SNAPSHOT_HEADER = ["Date", "Senior/Junior", "Post Unique Reference", "Name",
                   "Grade (or equivalent)", "Job Title", "Unit", "Reports to Senior Post",
                   "FTE", "Organisation"]
SNAPSHOT_DATES = ["Sep-10", "Mar-11", "Sep-11"]


def snapshot_posts(count: int = 3) -> list[dict[str, dict[str, str]]]:
    """Senior posts of ``count`` half-yearly snapshots of one made-up department, as
    {post id: row fields}: the department changes a little each time (a post goes, a post is
    new, a post moves to another director, a title, a grade, a vacancy...)."""
    posts: dict[str, dict[str, str]] = {
        "PS": {"name": "Jane Boss", "grade": "SCS4", "title": "Permanent Secretary",
               "unit": "Office", "manager": "XX"}}
    for g in range(1, 4):
        posts[f"DG{g}"] = {"name": f"Dee Gee {g}", "grade": "SCS3",
                           "title": f"Director General {g}", "unit": f"Group {g}",
                           "manager": "PS"}
        for d in range(1, 4):
            posts[f"D{g}{d}"] = {"name": f"Dir {g}{d}", "grade": "SCS2",
                                 "title": f"Director {g}.{d}", "unit": f"Group {g}",
                                 "manager": f"DG{g}"}
            for p in range(1, 4):
                posts[f"DD{g}{d}{p}"] = {
                    "name": "Vacant" if (g + d + p) % 7 == 0 else f"Deputy {g}{d}{p}",
                    "grade": "SCS1", "title": f"Deputy Director {g}.{d}.{p}",
                    "unit": f"Group {g}", "manager": f"D{g}{d}"}
    snapshots = [{k: dict(v) for k, v in posts.items()}]
    for k in range(1, count):
        posts = {key: dict(value) for key, value in snapshots[-1].items()}
        posts.pop(f"DD{k}1{k}")  # a post goes
        posts[f"NEW{k}"] = {"name": f"Newcomer {k}", "grade": "SCS1",  # a post is new
                            "title": "Head of Change", "unit": "Group 2", "manager": f"D2{k}"}
        posts[f"DD3{k}2"]["manager"] = f"D1{k}"  # a post moves
        posts[f"DD2{k}3"]["title"] += " (Digital)"  # a title
        posts[f"D3{k}"]["grade"] = "SCS3"  # a grade
        vacant = next(key for key, value in posts.items() if value["name"] == "Vacant")
        posts[vacant]["name"] = f"Filled {k}"  # a vacancy filled
        posts[f"DD12{k + 1}"]["name"] = "Vacant"  # a vacancy opened
        posts[f"DD22{k}"]["unit"] = "Group 1"  # a department
        snapshots.append(posts)
    return snapshots


def write_snapshot_export(path: Path, count: int = 3) -> list[dict[str, dict[str, str]]]:
    """Write the snapshots of :func:`snapshot_posts` as one CSV (senior and junior rows, a
    ``Date`` and a ``Senior/Junior`` column, oldest snapshot last, and a title with a line
    break inside quotes) and return them."""
    import csv

    snapshots = snapshot_posts(count)
    rows = [SNAPSHOT_HEADER]
    for date, posts in reversed(list(zip(SNAPSHOT_DATES, snapshots, strict=False))):
        for post, f in posts.items():
            title = f["title"].replace("Director General 1", "Director General\n1")
            rows.append([date, "Senior", post, f["name"], f["grade"], title, f["unit"],
                         f["manager"], "1", "Department of Snapshots"])
        for post, f in posts.items():
            if post.startswith("DD"):
                rows.append([date, "Junior", "", "", "Grade 7", "Policy Adviser", f["unit"],
                             post, "2.5", "Department of Snapshots"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return snapshots
