"""`ladder diff`: the changes between two Home Office years (the real 2012 file and a copy
changed the way a reorg changes it) and between two snapshots of one generated file, checked
against a diff of the raw rows computed here, independently of ladder."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hr_helpers import write_snapshot_export

from ladder.analysis.diff import diff_orgs
from ladder.cli import main
from ladder.model.org import Org, Person
from ladder.renderers.results.diff import notes

SENIOR = "ukgov_home_office_2012-09-30_senior.csv"
JUNIOR = "ukgov_home_office_2012-09-30_junior.csv"
ID, MANAGER, NAME = "Post Unique Reference", "Reports to Senior Post", "Name"
TITLE, GRADE, UNIT = "Job Title", "Grade (or equivalent)", "Unit"


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _vacant(name: str) -> bool:
    return "vacan" in name.casefold()


def _named(name: str) -> str | None:
    """The holder a row names, or None (vacant, not disclosed, eliminated, empty)."""
    key = " ".join(name.strip(" '").split()).casefold()
    if not key or "vacan" in key or "eliminat" in key or key in ("n/d", "not disclosed"):
        return None
    return key


def raw_changes(old: list[dict[str, str]], new: list[dict[str, str]]) -> dict[str, set]:
    """The changes between two lists of senior rows, from the rows alone. Posts: ids on one
    side only; fields of posts whose id is on one row in each (job shares, repeated and
    eliminated posts are left alone: the test changes none of them). People: named holders,
    each on one row, found on one side only (joined, left) or on another post or under
    another post (moved); a post whose holder is nobody named changes its manager as a post."""
    def single(rows):
        counts = Counter(r[ID] for r in rows)
        return {r[ID]: r for r in rows if counts[r[ID]] == 1
                and "eliminat" not in r[NAME].casefold()}

    def live_ids(rows):
        return {r[ID] for r in rows if "eliminat" not in r[NAME].casefold()}

    def holders(rows):
        counts = Counter(_named(r[NAME]) for r in rows)
        return {_named(r[NAME]): r for r in rows
                if _named(r[NAME]) and counts[_named(r[NAME])] == 1}

    before, after = single(old), single(new)
    both = before.keys() & after.keys()
    was, now = holders(old), holders(new)
    found = {
        "joined": {now[k][ID] for k in now.keys() - was.keys()},
        "left": {was[k][ID] for k in was.keys() - now.keys()},
        "moved": {now[k][ID] for k in now.keys() & was.keys()
                  if (now[k][ID], now[k][MANAGER]) != (was[k][ID], was[k][MANAGER])},
        "created": live_ids(new) - live_ids(old),
        "removed": live_ids(old) - live_ids(new),
        "manager": {i for i in both if before[i][MANAGER] != after[i][MANAGER]
                    and _named(after[i][NAME]) not in now},
    }
    for field, column in (("title", TITLE), ("grade", GRADE), ("department", UNIT)):
        found[field] = {i for i in both if before[i][column].strip(" '")
                        != after[i][column].strip(" '")}
    found["vacancy"] = {i for i in both
                        if _vacant(before[i][NAME]) != _vacant(after[i][NAME])}
    return found


def reported(data: dict) -> dict[str, set]:
    found = {kind: {item["id"] for item in data[kind]}
             for kind in ("joined", "left", "moved", "created", "removed")}
    for field in ("title", "grade", "department", "vacancy", "manager"):
        found[field] = {item["id"] for item in data["changed"] if item["field"] == field}
    return found


def next_year(orgs: Path, folder: Path) -> tuple[Path, Path]:
    """A copy of the 2012 Home Office files changed as a year of reorgs would: posts go and
    come, some move, titles, grades, units and vacancies change."""
    headers, rows = _read(orgs / SENIOR)
    _, junior = _read(orgs / JUNIOR)
    counts = Counter(r[ID] for r in rows)
    managers = {r[MANAGER] for r in rows} | {r["Reporting Senior Post"] for r in junior}
    single = [r for r in rows if counts[r[ID]] == 1 and r[ID] != "0"
              and not re.search("eliminat", r[NAME], re.I)]
    leaves = [r for r in single if r[ID] not in managers and r[MANAGER] in counts]
    named = [r for r in single if not _vacant(r[NAME]) and r[ID] not in [x[ID] for x in
                                                                           leaves[:8]]]
    gone = {r[ID] for r in leaves[:3]}
    for row, target in zip(leaves[3:6], leaves[6:9], strict=True):  # leaves: no cycle
        row[MANAGER] = target[MANAGER] if target[MANAGER] != row[MANAGER] else "XX"
    named[0][TITLE] += " (acting)"
    named[1][TITLE] = "Director of Change"
    named[2][GRADE] = "SCS2" if named[2][GRADE] != "SCS2" else "SCS3"
    named[3][UNIT] = next(r[UNIT] for r in rows if r[UNIT] and r[UNIT] != named[3][UNIT])
    filled = next(r for r in single if _vacant(r[NAME]))
    filled[NAME] = "Alex Example"
    named[4][NAME] = "Vacant"
    kept = [r for r in rows if r[ID] not in gone]
    for number, boss in enumerate(named[5:7], 1):
        kept.append({**boss, ID: f"NEW-{number}", NAME: f"Sam New {number}",
                     TITLE: "Head of Delivery", MANAGER: boss[ID]})
    senior = folder / "ukgov_home_office_2013-03-31_senior.csv"
    with senior.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, headers)
        writer.writeheader()
        writer.writerows(kept)
    return senior, orgs / JUNIOR


def _diff_json(*args: str) -> dict:
    result = CliRunner().invoke(main, ["diff", *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_home_office_year_to_year(shared_dir, tmp_path):
    orgs = shared_dir / "data" / "orgs"
    senior, junior = next_year(orgs, tmp_path)
    data = _diff_json(str(orgs / SENIOR), str(senior), "--junior", str(orgs / JUNIOR),
                      "--junior", str(junior))
    _, old_rows = _read(orgs / SENIOR)
    _, new_rows = _read(senior)
    expected = raw_changes(old_rows, new_rows)
    assert reported(data) == expected
    assert [len(expected[k]) for k in ("created", "removed", "manager")] == [2, 3, 3]
    assert len(expected["joined"]) == 3  # two on new posts, one on a vacancy filled
    assert all(expected[k] for k in ("title", "grade", "department", "vacancy"))
    assert data["counts"]["created"] == 2 and data["counts"]["removed"] == 3
    assert data["ids"] == "posts"
    # a post moved under another names the old and the new manager
    move = next(item for item in data["changed"] if item["field"] == "manager")
    assert move["old"] == {r[ID]: r[MANAGER] for r in old_rows}[move["id"]]
    assert move["new"] == {r[ID]: r[MANAGER] for r in new_rows}[move["id"]]
    # spans (people, by the one team count) change only where posts came, went or moved,
    # or a post under the manager was filled or fell vacant
    managers = {r[ID]: r[MANAGER] for r in old_rows} | {r[ID]: r[MANAGER] for r in new_rows}
    touched = ({managers[i] for i in expected["created"] | expected["removed"]}
               | {m["old"] for m in data["changed"] if m["field"] == "manager"}
               | {m["new"] for m in data["changed"] if m["field"] == "manager"}
               | {r[MANAGER] for r in new_rows if r[ID] in expected["vacancy"]})
    assert data["spans"] and {s["id"] for s in data["spans"]} <= touched


def test_two_snapshots_of_one_file(tmp_path):
    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)
    _, rows = _read(path)
    for old, new in (("Sep-10", "Mar-11"), ("Mar-11", "Sep-11"), ("Sep-10", "Sep-11")):
        data = _diff_json(str(path), "--snapshot", old, "--snapshot", new)
        expected = raw_changes(
            [r for r in rows if r["Date"] == old and r["Senior/Junior"] == "Senior"],
            [r for r in rows if r["Date"] == new and r["Senior/Junior"] == "Senior"])
        assert reported(data) == expected, (old, new)
        assert expected["created"] and expected["removed"]
        assert expected["joined"] and expected["left"]
        assert (data["old"], data["new"]) == (old, new)


def test_same_input_same_bytes_in_every_format(tmp_path):
    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)
    for suffix in ("json", "csv", "txt", "svg", "dot"):
        outputs = []
        for run in (1, 2):
            out = tmp_path / f"diff{run}.{suffix}"
            result = CliRunner().invoke(main, ["diff", str(path), "--snapshot", "Sep-10",
                                               "--snapshot", "Sep-11", "-o", str(out)])
            assert result.exit_code == 0, result.stderr
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1], suffix


def test_csv_has_one_change_a_row(tmp_path):
    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)
    result = CliRunner().invoke(main, ["diff", str(path), "--snapshot", "Sep-10",
                                       "--snapshot", "Mar-11", "--format", "csv"])
    rows = list(csv.DictReader(result.stdout.splitlines()))
    data = _diff_json(str(path), "--snapshot", "Sep-10", "--snapshot", "Mar-11")
    assert len(rows) == sum(len(data[k]) for k in ("joined", "left", "moved", "created",
                                                    "removed", "changed", "spans"))
    moved = next(r for r in rows if r["change"] == "moved")
    assert (moved["id"], moved["old"], moved["new"]) == ("DD312", "D31", "D11")


def test_the_table_lists_counts_and_sections(tmp_path):
    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)
    result = CliRunner().invoke(main, ["diff", str(path), "--snapshot", "Sep-10",
                                       "--snapshot", "Mar-11"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("Sep-10 -> Mar-11: people: 2 joined, 2 left, 1 moved; posts: 1 created, "
                        "1 removed, 5 changed; 4 span changes")
    # each count of the headline is the count of its section
    for section, count in (("people joined", 2), ("people who left", 2), ("people moved", 1),
                           ("posts created", 1), ("posts removed", 1), ("posts changed", 5)):
        assert f"{section} ({count})" in lines
    assert "  DD312  Deputy 312 (Deputy Director 3.1.2): from Dir 31 (D31) to Dir 11 (D11)" \
        in lines
    assert "  DD133  Filled 1 (Deputy Director 1.3.3): vacancy filled" in lines


@pytest.mark.slow  # a PNG through Graphviz too: about two seconds
@pytest.mark.needs_dot
def test_the_drawn_diff_marks_cards_and_places_leavers(tmp_path):
    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)
    svg = tmp_path / "diff.svg"
    result = CliRunner().invoke(main, ["diff", str(path), "--snapshot", "Sep-10",
                                       "--snapshot", "Mar-11", "-o", str(svg)])
    assert result.exit_code == 0, result.stderr
    text = svg.read_text(encoding="utf-8")
    data = _diff_json(str(path), "--snapshot", "Sep-10", "--snapshot", "Mar-11")
    # every card that joined, moved, was created or changed; a card for each who left and
    # each post removed
    on_cards = {i["id"] for k in ("joined", "moved", "created", "changed") for i in data[k]}
    gone = {i["id"] for k in ("left", "removed") for i in data[k]}
    assert text.count('class="card-mark"') == len(on_cards) + len(gone) == 9
    assert "Moved from Dir 31" in text and ">Joined<" in text and ">Joined · new post<" in text
    assert ">Left<" in text and "Deputy 111" in text
    # the legend of the marks is the page's own, above the chart's top left corner
    counts = data["counts"]
    for label in (f"Joined: {counts['joined']}",
                  f"Moved (from whom: on the card): {counts['moved']}",
                  f"Left (where they were): {counts['left']}"):
        x = float(re.search(r'<text class="legend-label" x="([\d.]+)" y="[\d.]+">'
                            + re.escape(label), text).group(1))
        assert x < 700, label
    png = tmp_path / "diff.png"
    result = CliRunner().invoke(main, ["diff", str(path), "--snapshot", "Sep-10",
                                       "--snapshot", "Mar-11", "-o", str(png)])
    assert result.exit_code == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_ids_that_changed_are_matched_by_name():
    old = Org.build("x", [Person("1", "Ann Lee", "CEO"), Person("2", "Bo Park", "CTO", "", "1"),
                          Person("3", "Not disclosed", "Dev", manager="2")])
    new = Org.build("x", [Person("A", "Ann Lee", "CEO"), Person("B", "Bo Park", "CTO",
                                                                manager="A"),
                          Person("C", "Not disclosed", "Dev", manager="B")])
    found = diff_orgs(old, new, posts=False)  # ids of people, changed from one file to the next
    assert found.renamed == {"A": "1", "B": "2"}
    assert found.moved == () and found.changed == ()  # the same people, the same manager
    # an undisclosed name is no identity: that post came and went
    assert [i.id for i in found.joined] == ["C"] and [i.id for i in found.left] == ["3"]
    assert "2 matched by name where the id changed: '1' -> 'A', '2' -> 'B'" in notes(found)


def test_diff_usage_errors(tmp_path):
    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)
    result = CliRunner().invoke(main, ["diff", str(path)])
    assert result.exit_code == 1 and "one file needs two snapshots to compare" in result.stderr
    result = CliRunner().invoke(main, ["diff", str(path), "--snapshot", "Sep-10",
                                       "--snapshot", "Sep-10"])
    assert result.exit_code == 1 and "given twice" in result.stderr
    result = CliRunner().invoke(main, ["diff", str(path), "--snapshot", "Sep-10",
                                       "--snapshot", "Mar-11", "-o", str(tmp_path / "x.json"),
                                       "--format", "csv"])
    assert result.exit_code == 1 and "is .json but --format is csv" in result.stderr


def test_configs_diff_and_the_label_beats_a_dotted_line_note(tmp_path):
    from conftest import REPO

    out = tmp_path / "diff.svg"
    result = CliRunner().invoke(main, ["diff", str(REPO / "examples" / "scale-up.yaml"),
                                       str(REPO / "examples" / "startup.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    # Mateo has a dotted-line manager; the card says where he moved from all the same
    assert ">Moved from Tyler Washington +2</text>" in text
    data = _diff_json(str(REPO / "examples" / "scale-up.yaml"),
                      str(REPO / "examples" / "startup.yaml"))
    assert f"Left (where they were): {data['counts']['left']}<" in text
    assert f"Post removed (where it was): {data['counts']['removed']}<" in text
