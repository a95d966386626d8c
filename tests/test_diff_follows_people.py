"""A diff that follows people across posts: someone on another post at the second date is
"moved" (from post A under X to post B under Y, with the evidence), never "left" on the old
post plus "name changed" on the new one; whoever else held those posts joined or left."""

from __future__ import annotations

import json

from click.testing import CliRunner

from ladder.analysis.diff import diff_orgs
from ladder.cli import main
from ladder.model.org import Org, Person
from ladder.renderers.results.diff import diff_data


def post(pid: str, name: str, title: str, manager: str | None, grade: str = "SCS1",
         unit: str = "u") -> Person:
    return Person(pid, name, title, manager=manager, department=unit,
                  extra=(("grade", grade),))


def orgs() -> tuple[Org, Org]:
    top = [post("TOP", "Jane Boss", "Permanent Secretary", None, "SCS4"),
           post("D1", "Ann Dir", "Director 1", "TOP", "SCS2"),
           post("D2", "Bob Dir", "Director 2", "TOP", "SCS2")]
    old = Org.build("old", posts=True, people=[*top,
                            post("P1", "Cara Lee", "Deputy Director Skills", "D1"),
                            post("P2", "Dan Roe", "Deputy Director Data", "D2"),
                            post("P3", "Fay Gone", "Deputy Director Old", "D2")])
    new = Org.build("new", posts=True, people=[*top,
                            post("P1", "Eve New", "Deputy Director Skills", "D1"),
                            post("P2", "Cara Lee", "Deputy Director Data", "D2"),
                            post("P4", "Fay Gone", "Deputy Director New", "D1")])
    return old, new


def test_a_person_on_another_post_is_moved_with_evidence():
    found = diff_orgs(*orgs())
    moves = {m.person.name: m for m in found.moved}
    cara = moves["Cara Lee"]
    assert (cara.id, cara.from_post.id, cara.was_under.id, cara.now_under.id) == (
        "P2", "P1", "D1", "D2")
    assert cara.evidence == "same name, grade SCS1, unit u"
    fay = moves["Fay Gone"]  # from a post that is gone to one that is new: found by name
    assert (fay.from_post.id, fay.id, fay.was_under.id, fay.now_under.id) == (
        "P3", "P4", "D2", "D1")
    # the posts, apart: P3 removed, P4 created, whoever held them
    assert [i.id for i in found.removed] == ["P3"] and [i.id for i in found.created] == ["P4"]


def test_movers_are_neither_left_nor_renamed_and_the_others_join_or_leave():
    found = diff_orgs(*orgs())
    assert [c for c in found.changed if c.field == "name"] == []  # before: 2 name changes
    assert sorted(i.person.name for i in found.left) == ["Dan Roe"]  # before: Fay Gone left
    assert sorted(i.person.name for i in found.joined) == ["Eve New"]  # before: Fay joined
    counts = found.counts()
    assert (counts["moved"], counts["left"], counts["joined"]) == (2, 1, 1)


def test_the_json_says_where_from_and_why(tmp_path):
    data = diff_data(diff_orgs(*orgs()))
    cara = next(item for item in data["moved"] if item["name"] == "Cara Lee")
    assert cara["from"] == "D1" and cara["to"] == "D2"
    assert cara["note"] == ("from post 'P1' (Deputy Director Skills), the same person: "
                            "same name, grade SCS1, unit u")


def test_organogram_snapshots_on_the_command_line(tmp_path):
    header = ("Post Unique Reference,Name,Grade,Job Title,Unit,Reports to Senior Post,FTE,"
              "Organisation\n")
    old = ["TOP,Jane Boss,SCS4,Perm Sec,Office,XX,1,Dept",
           "P1,Cara Lee,SCS1,Deputy Director Skills,Unit A,TOP,1,Dept",
           "P2,Dan Roe,SCS1,Deputy Director Data,Unit A,TOP,1,Dept"]
    new = [old[0], "P1,Vacant,SCS1,Deputy Director Skills,Unit A,TOP,1,Dept",
           "P2,Cara Lee,SCS1,Deputy Director Data,Unit A,TOP,1,Dept"]
    (tmp_path / "old.csv").write_text(header + "\n".join(old) + "\n", encoding="utf-8")
    (tmp_path / "new.csv").write_text(header + "\n".join(new) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.csv"),
                                       str(tmp_path / "new.csv"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(m["name"], m["id"]) for m in data["moved"]] == [("Cara Lee", "P2")]
    assert [item["name"] for item in data["left"]] == ["Dan Roe"]
    assert not any(c["field"] == "name" for c in data["changed"])


def test_the_headline_says_what_it_counts_and_adds_up_to_the_sections():
    from ladder.renderers.results.diff import diff_table

    old = Org.build("old", [post("TOP", "Jane Boss", "Perm Sec", None, "SCS4"),
                            post("P1", "Cara Lee", "Deputy Director", "TOP")])
    new = Org.build("new", [post("TOP", "Jane Boss", "Perm Sec", None, "SCS4"),
                            post("P1", "Cara Lee", "Director", "TOP", "SCS2")])
    text = diff_table(diff_orgs(old, new, old_label="a", new_label="b"))
    # one post changed in two fields: before, "1 changed" over a section "changed (2)"
    assert text.splitlines()[0] == ("a -> b: people: 0 joined, 0 left, 0 moved; posts: "
                                    "0 created, 0 removed, 1 changed (2 field changes); "
                                    "0 span changes")
    assert "\nchanged (1 (2 field changes))\n" not in text
    assert "\nposts changed (1, 2 field changes)\n" in text


def _export(path, rows, staff_numbers: bool) -> None:
    header = "Post ID,Reports To Post,Name,Job Title,Grade"
    header += ",Staff Number" if staff_numbers else ""
    lines = [header] + [",".join(row if staff_numbers else row[:5]) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _posts_diff(tmp_path, old_rows, new_rows, staff_numbers=True) -> dict:
    _export(tmp_path / "old.csv", old_rows, staff_numbers)
    _export(tmp_path / "new.csv", new_rows, staff_numbers)
    result = CliRunner().invoke(main, [
        "diff", str(tmp_path / "old.csv"), str(tmp_path / "new.csv"), "--format", "json",
        "--map", "id=Post ID,manager=Reports To Post"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


TOP = ("T", "", "Kim Head", "Chief", "G1", "100")


def test_a_person_id_column_follows_people_that_share_a_name(tmp_path):
    # two people called Sam Lee; staff number 7 moves from post A1 to the new post B2,
    # staff number 8 stays on B1: only the staff number tells them apart
    old = [TOP, ("A1", "T", "Sam Lee", "Analyst", "G3", "7"),
           ("B1", "T", "Sam Lee", "Engineer", "G3", "8")]
    new = [TOP, ("A1", "T", "Ola New", "Analyst", "G3", "9"),
           ("B1", "T", "Sam Lee", "Engineer", "G3", "8"),
           ("B2", "B1", "Sam Lee", "Lead Analyst", "G2", "7")]
    data = _posts_diff(tmp_path, old, new)
    assert data["ids"] == "posts"
    assert [(m["id"], m["note"]) for m in data["moved"]] == [
        ("B2", "from post 'A1' (Analyst), the same person: same person id")]
    assert [i["name"] for i in data["joined"]] == ["Ola New"]
    assert data["left"] == [] and [i["id"] for i in data["created"]] == ["B2"]
    # without the column, a name two people share follows nobody: no move is made up
    data = _posts_diff(tmp_path, old, new, staff_numbers=False)
    assert data["moved"] == [] and [i["name"] for i in data["joined"]] == ["Ola New"]


def test_by_name_the_evidence_is_shown(tmp_path):
    old = [TOP, ("A1", "T", "Ann Ray", "Analyst", "G3", "")]
    new = [TOP, ("A2", "T", "Ann Ray", "Senior Analyst", "G3", "")]
    data = _posts_diff(tmp_path, old, new, staff_numbers=False)
    assert [(m["id"], m["note"]) for m in data["moved"]] == [
        ("A2", "from post 'A1' (Analyst), the same person: same name, grade G3")]
    assert [i["id"] for i in data["removed"]] == ["A1"]
    assert [i["id"] for i in data["created"]] == ["A2"]


def test_an_id_whose_case_changed_is_the_same_post_and_a_respelt_holder_the_same_person():
    # real DfE organograms: 'DfE-3014' in March is 'DFE-3014' in September; the permanent
    # secretary's post is held by 'David Bell', then 'Sir David Bell'
    old = Org.build("old", posts=True, people=[
        post("DfE-1001", "David Bell", "Permanent Secretary", None, "SCS4"),
        post("DfE-3014", "N/D", "Deputy Director", "DfE-1001"),
        post("DfE-2001", "Tom Jeffery", "Director General", "DfE-1001", "SCS3"),
        post("DfE-2050", "Anne Jackson", "Director", "DfE-2001", "SCS2")])
    new = Org.build("new", posts=True, people=[
        post("DfE-1001", "Sir David Bell", "Permanent Secretary", None, "SCS4"),
        post("DFE-3014", "N/D", "Deputy Director", "DfE-1001"),
        post("DfE-2001", "Thomas Jeffery", "Director General", "DfE-1001", "SCS3"),
        post("DfE-2050", "Elizabeth Jackson", "Director", "DfE-2001", "SCS2")])
    found = diff_orgs(old, new)
    assert found.recased == {"DFE-3014": "DfE-3014"}
    assert found.created == () and found.removed == ()
    # the same surname and initial on the same post: one person; another initial: two
    assert [i.person.name for i in found.joined] == ["Elizabeth Jackson"]
    assert [i.person.name for i in found.left] == ["Anne Jackson"]
    assert found.moved == ()


def test_an_export_keyed_by_employee_id_follows_its_ids(tmp_path):
    # ids of people: a person under another manager with another title is moved, by id
    (tmp_path / "old.csv").write_text("Employee ID,Manager ID,Name,Title\n1,,Kim,Chief\n"
                                      "2,1,Ann,Lead\n3,2,Bo,Analyst\n", encoding="utf-8")
    (tmp_path / "new.csv").write_text("Employee ID,Manager ID,Name,Title\n1,,Kim,Chief\n"
                                      "2,1,Ann,Lead\n3,1,Bo Park,Senior Analyst\n",
                                      encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.csv"),
                                       str(tmp_path / "new.csv"), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["ids"] == "people"
    assert [(m["id"], m["from"], m["to"]) for m in data["moved"]] == [("3", "2", "1")]
    assert {(c["field"], c["new"]) for c in data["changed"]} == {
        ("name", "Bo Park"), ("title", "Senior Analyst")}
    assert data["joined"] == data["left"] == data["created"] == data["removed"] == []



def test_snapshots_named_in_any_spelling_label_the_diff_as_the_file_names_them(tmp_path):
    from hr_helpers import write_snapshot_export

    from ladder import api
    from ladder.errors import LadderError

    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)  # dated 'Sep-10', 'Mar-11', 'Sep-11'
    found = api.diff(path, snapshots=("2010-09", "September 2011"))
    assert (found.old, found.new) == ("Sep-10", "Sep-11")
    result = CliRunner().invoke(main, ["diff", str(path), "--snapshot", "Mar-11",
                                       "--snapshot", "2011-03"])
    assert result.exit_code != 0
    assert "both name snapshot Mar-11: nothing to compare" in result.output
    assert "Traceback" not in result.output
    try:
        api.diff(path, snapshots=("Q1 2011", "Mar-11"))
    except LadderError as error:
        assert "Mar-11" in str(error)
    else:
        raise AssertionError("two spellings of one snapshot were compared")
