"""``ladder diff`` on two real snapshots of one government organogram: the Department for
Education's senior posts in March and in September 2011.

``tests/data/hr/ukgov_dfe_2011-03-31_senior_columns.csv`` is DERIVED from
datagovuk/organograms (``data/dgu/csv-from-triplestore/department_of_education-2011-03-31-
senior.csv``, Open Government Licence): the rows as published, with the columns a chart reads
(post, name, grade, title, department, organisation, unit, manager, FTE); the long job
descriptions and contact columns left out. September is ``../shared``'s file, as published.

Between the two dates the department wrote most post references in another case
(``DfE-3014``, then ``DFE-3014``), renamed every unit (``ESD Curriculum and Behaviour Group``,
then ``Curriculum and Behaviour Group``), spelt some names apart (``Tom Jeffery``, then
``Thomas Jeffery``), and reorganised one directorate general away.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from ladder.cli import main

MARCH = Path(__file__).parent / "data" / "hr" / "ukgov_dfe_2011-03-31_senior_columns.csv"


def _september(shared_dir: Path) -> str:
    return str(shared_dir / "data" / "orgs" / "ukgov_dfe_2011-09-30_senior.csv")


def _json(shared_dir: Path) -> dict:
    result = CliRunner().invoke(main, ["diff", str(MARCH), _september(shared_dir), "--fix",
                                       "case", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_same_posts_and_people_are_found_across_a_real_reorg(shared_dir):
    data = _json(shared_dir)
    assert data["ids"] == "posts"
    # post references whose case alone changed are the same posts: few are created or removed
    recased = next(n for n in data["notes"] if "only the id's case changed" in n)
    assert int(recased.split()[0]) >= 40
    assert data["counts"]["created"] < 20 and data["counts"]["removed"] < 20
    names = {kind: {item["name"] for item in data[kind]} for kind in ("joined", "left")}
    # the same person, spelt apart on the same post, neither left nor joined
    for spelt in ("Tom Jeffery", "Jon Coles", "David Bell", "Tim Wright"):
        assert spelt not in names["left"]
    for spelt in ("Thomas Jeffery", "Jonathan Coles", "Sir David Bell", "Timothy Wright"):
        assert spelt not in names["joined"]
    # the directorate general that went: its head left, its directors moved, each with
    # their new manager
    assert "Sue Higgins" in names["left"]
    moved = {item["name"]: item for item in data["moved"]}
    assert moved["Carole Willis"]["from_name"] == "Sue Higgins"
    assert moved["Carole Willis"]["to_name"] == "Jonathan Coles"
    assert moved["Timothy Wright"]["from_name"] == "Sue Higgins"
    # no post's holder is made up: the unnamed ones change as posts
    assert all(item["name"] for kind in ("joined", "left", "moved") for item in data[kind])


def test_the_headline_adds_up_and_the_changes_view_is_drawn(shared_dir, tmp_path):
    data = _json(shared_dir)
    result = CliRunner().invoke(main, ["diff", str(MARCH), _september(shared_dir), "--fix",
                                       "case"])
    headline = result.stdout.splitlines()[0]
    for kind in ("joined", "left", "moved", "created", "removed", "changed"):
        assert f"{data['counts'][kind]} {kind}" in headline
    out = tmp_path / "changes.svg"
    result = CliRunner().invoke(main, ["diff", str(MARCH), _september(shared_dir), "--fix",
                                       "case", "-o", str(out), "--view", "changes"])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    assert ">Left</text>" in svg and "Moved from Sue Higgins" in svg
    legend = dict(re.findall(r'class="legend-label"[^>]*>([^<]*): (\d+)<', svg))
    assert int(legend["Left (where they were)"]) == data["counts"]["left"]
    assert int(legend["Joined"]) == data["counts"]["joined"]
