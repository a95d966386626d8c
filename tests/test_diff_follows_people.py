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
