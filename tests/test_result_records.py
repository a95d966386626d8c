"""Answers are typed records, written by the renderers: what users read is what they read before.

The golden files in ``tests/golden/results/`` are what the commands printed at commit 8c395da,
before the answers became records (when analysis wrote its own JSON). Each is compared by
meaning (parsed JSON, CSV rows) with the command's output now, and with the record the Python
API returns, written by its writer. Rule for regenerating them (``python -m
tests.test_result_records --regen``): only when an output is meant to change; the commit says
which output and why.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import ladder
from ladder.analysis.diff import Changed, Moved, diff_orgs
from ladder.analysis.expectations import step_changes
from ladder.analysis.paths import plan_highlight
from ladder.cli import main
from ladder.model.org import Org, Person
from ladder.renderers.results.assess import assessment_data
from ladder.renderers.results.diff import diff_csv, diff_data, diff_table
from ladder.renderers.results.moves import next_moves_data, succession_data
from ladder.renderers.results.paths import changes_data, gap_data, paths_data
from ladder.renderers.results.stats import stats_data

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "results"
EXAMPLES = REPO / "examples"
SNAPSHOTS = str(EXAMPLES / "hr" / "organogram-snapshots.csv")
FT_AREAS = str(EXAMPLES / "ladders" / "ft-engineering-areas.yaml")
STARTUP = str(EXAMPLES / "startup.yaml")


def _gap(start: str, goal: str, **where: Any) -> dict[str, Any]:
    """``ladder gap --format json``: the gap's data, and per area when the ladder has areas."""
    from ladder.analysis.expectations import area_changes, has_expectations

    ends = ladder.endpoints(start, goal, **where)
    data = gap_data(ladder.gap(start, goal, **where), ends.ladder)
    if has_expectations(ends.ladder):
        data["areas"] = changes_data(area_changes(ends.ladder, ends.start.id, ends.goal.id))
    return data


# golden file, the command's arguments, the same answer from the API written by its writer
CASES: list[tuple[str, list[str], Callable[[], Any]]] = [
    ("stats-startup.json", ["stats", STARTUP, "--format", "json"],
     lambda: stats_data(ladder.stats(STARTUP))),
    ("stats-oracle-hr.json", ["stats", str(EXAMPLES / "hr" / "oracle-hr.csv"), "--format",
                              "json"],
     lambda: stats_data(ladder.stats(EXAMPLES / "hr" / "oracle-hr.csv"))),
    ("stats-enterprise-narrow-1-wide-4.json",
     ["stats", str(EXAMPLES / "enterprise.yaml"), "--narrow", "1", "--wide", "4", "--format",
      "json"],
     lambda: stats_data(ladder.stats(EXAMPLES / "enterprise.yaml", narrow=1, wide=4))),
    ("diff-snapshots.json", ["diff", SNAPSHOTS, "--snapshot", "Sep-10", "--snapshot", "Sep-11",
                             "--format", "json"],
     lambda: diff_data(ladder.diff(SNAPSHOTS, snapshots=("Sep-10", "Sep-11")))),
    ("diff-snapshots.csv", ["diff", SNAPSHOTS, "--snapshot", "Sep-10", "--snapshot", "Sep-11",
                            "--format", "csv"],
     lambda: diff_csv(ladder.diff(SNAPSHOTS, snapshots=("Sep-10", "Sep-11")))),
    ("diff-startup-scale-up.json", ["diff", STARTUP, str(EXAMPLES / "scale-up.yaml"),
                                    "--format", "json"],
     lambda: diff_data(ladder.diff(STARTUP, EXAMPLES / "scale-up.yaml"))),
    ("paths-junior-pm-cpo.json", ["paths", "junior pm", "cpo", "--format", "json"],
     lambda: paths_data("junior-product-manager", "chief-product-officer",
                        ladder.paths("junior pm", "cpo"),
                        ladder.endpoints("junior pm", "cpo").ladder)),
    ("paths-startup.json", ["paths", "senior pm", "cpo", "--variant", "startup", "--format",
                            "json"],
     lambda: paths_data("product-manager", "chief-product-officer",
                        ladder.paths("senior pm", "cpo", variant="startup"),
                        ladder.endpoints("senior pm", "cpo", variant="startup").ladder)),
    ("gap-ft-areas.json", ["gap", "engineer", "principal-ic", "--ladder", FT_AREAS, "--format",
                           "json"],
     lambda: _gap("engineer", "principal-ic", ladder=FT_AREAS)),
    ("gap-startup.json", ["gap", "senior pm", "cpo", "--variant", "startup", "--format",
                          "json"],
     lambda: _gap("senior pm", "cpo", variant="startup")),
    ("next-liam.json", ["next", "liam", "--org", STARTUP, "--format", "json"],
     lambda: next_moves_data(ladder.next_roles("liam", STARTUP))),
    ("next-agnieszka.json", ["next", "agnieszka-wojcik", "--org",
                             str(EXAMPLES / "enterprise.yaml"), "--format", "json"],
     lambda: next_moves_data(ladder.next_roles("agnieszka-wojcik",
                                               EXAMPLES / "enterprise.yaml"))),
    ("succession-priya.json", ["succession", "priya", "--org", STARTUP, "--format", "json"],
     lambda: succession_data(ladder.succession("priya", STARTUP))),
    ("succession-meera.json", ["succession", "meera-kapoor", "--org",
                               str(EXAMPLES / "enterprise.yaml"), "--format", "json"],
     lambda: succession_data(ladder.succession("meera-kapoor", EXAMPLES / "enterprise.yaml"))),
    ("assess-sam.json", ["assess", str(EXAMPLES / "frameworks" / "sam.yaml"), "--format",
                         "json"],
     lambda: assessment_data(ladder.assess(EXAMPLES / "frameworks" / "sam.yaml"))),
]


def meaning(name: str, text: str) -> Any:
    """Parsed JSON, or the CSV's rows as dicts: what a reader's program sees."""
    if name.endswith(".csv"):
        return list(csv.DictReader(io.StringIO(text)))
    return json.loads(text)


def run(args: list[str]) -> str:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(("name", "args"), [case[:2] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_the_command_prints_what_users_got_before(name: str, args: list[str]) -> None:
    golden = meaning(name, (GOLDEN / name).read_text(encoding="utf-8"))
    assert meaning(name, run(args)) == golden


@pytest.mark.parametrize(("name", "answer"), [(case[0], case[2]) for case in CASES],
                         ids=[case[0] for case in CASES])
def test_the_api_record_writes_the_same(name: str, answer: Callable[[], Any]) -> None:
    golden = meaning(name, (GOLDEN / name).read_text(encoding="utf-8"))
    written = answer()
    # the writer's data goes through JSON as the command prints it (tuples become lists)
    found = meaning(name, written) if isinstance(written, str) else json.loads(
        json.dumps(written))
    assert found == golden


# the command, and the same answer from the API with the ladder its roles belong to
TEXT_CASES: list[tuple[list[str], Callable[[], Any], Callable[[], Any]]] = [
    (["paths", "engineer", "principal-ic", "--ladder", FT_AREAS],  # per-area changes too
     lambda: ladder.paths("engineer", "principal-ic", ladder=FT_AREAS),
     lambda: ladder.load(FT_AREAS)),
    (["paths", "senior pm", "cpo", "--variant", "startup"],
     lambda: ladder.paths("senior pm", "cpo", variant="startup"),
     lambda: ladder.endpoints("senior pm", "cpo", variant="startup").ladder),
    (["gap", "engineer", "principal-ic", "--ladder", FT_AREAS],
     lambda: ladder.gap("engineer", "principal-ic", ladder=FT_AREAS),
     lambda: ladder.load(FT_AREAS)),
    (["gap", "junior pm", "cpo"], lambda: ladder.gap("junior pm", "cpo"), lambda: None),
    (["next", "liam", "--org", STARTUP], lambda: ladder.next_roles("liam", STARTUP),
     lambda: None),
    (["succession", "meera-kapoor", "--org", str(EXAMPLES / "enterprise.yaml")],
     lambda: ladder.succession("meera-kapoor", EXAMPLES / "enterprise.yaml"), lambda: None),
]


@pytest.mark.parametrize("output_format", ["table", "markdown", "json"])
@pytest.mark.parametrize(("args", "answer", "roles_of"), TEXT_CASES,
                         ids=[" ".join(case[0][:3]) for case in TEXT_CASES])
def test_answer_text_is_what_the_command_prints(args: list[str], answer: Callable[[], Any],
                                                roles_of: Callable[[], Any],
                                                output_format: str) -> None:
    printed = run([*args, "--format", output_format])
    assert printed.strip()
    assert ladder.answer_text(answer(), output_format, ladder=roles_of()) == printed


def test_answer_text_of_stats_diff_and_assess_is_what_the_commands_print() -> None:
    enterprise = EXAMPLES / "enterprise.yaml"
    assert ladder.answer_text(ladder.stats(enterprise)) == run(["stats", str(enterprise)])
    changes = ladder.diff(SNAPSHOTS, snapshots=("Sep-10", "Sep-11"))
    assert ladder.answer_text(changes) == run(["diff", SNAPSHOTS, "--snapshot", "Sep-10",
                                               "--snapshot", "Sep-11"])
    sam = EXAMPLES / "frameworks" / "sam.yaml"
    assert ladder.answer_text(ladder.assess(sam)) == run(["assess", str(sam)])
    assert ladder.answer_text(changes, "summary") == (
        "people: 4 joined, 4 left, 1 moved; posts: 2 created, 2 removed, 9 changed; "
        "4 span changes\n")
    with pytest.raises(ladder.LadderError, match="cannot be written as 'markdown'"):
        ladder.answer_text(changes, "markdown")


def test_every_answer_is_a_frozen_record() -> None:
    product = ladder.load("product")
    records = [
        ladder.stats(STARTUP),
        ladder.stats(STARTUP).managers[0],
        ladder.stats(STARTUP).departments[0] if ladder.stats(STARTUP).departments else None,
        ladder.diff(SNAPSHOTS, snapshots=("Sep-10", "Sep-11")),
        *ladder.diff(SNAPSHOTS, snapshots=("Sep-10", "Sep-11")).moved[:1],
        ladder.paths("pm", "cpo"),
        ladder.paths("pm", "cpo")[0],
        ladder.gap("pm", "cpo"),
        plan_highlight(product, "pm..cpo").marks,
        plan_highlight(product, "pm..cpo"),
        *step_changes(ladder.load(FT_AREAS), ["engineer", "senior-1"]),
        ladder.next_roles("liam", STARTUP),
        ladder.succession("priya", STARTUP),
        ladder.assess(EXAMPLES / "frameworks" / "sam.yaml"),
    ]
    for record in filter(None, records):
        assert dataclasses.is_dataclass(record), type(record)
        field = dataclasses.fields(record)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, field, None)


def test_a_person_matched_by_name_carries_the_old_id_into_every_writer() -> None:
    old = Org.build("x", [Person("1", "Ann Lee", "CEO"), Person("2", "Bo Park", "CTO"),
                          Person("3", "Cy", "Dev", manager="1")])
    new = Org.build("x", [Person("A", "Ann Lee", "CEO"), Person("B", "Bo Park", "VP"),
                          Person("3", "Cy", "Dev", manager="B")])
    found = diff_orgs(old, new, old_label="v1", new_label="v2")
    assert found.moved == (Moved(new.people["3"], old.people["1"], new.people["B"]),)
    assert found.changed == (Changed(new.people["B"], "title", "CTO", "VP", old_id="2"),)
    data = diff_data(found)
    assert data["moved"] == [{"id": "3", "name": "Cy", "title": "Dev", "from": "1",
                              "from_name": "Ann Lee", "to": "B", "to_name": "Bo Park"}]
    assert data["changed"] == [{"id": "B", "name": "Bo Park", "title": "VP",
                                "note": "id was '2' (matched by name)", "field": "title",
                                "old": "CTO", "new": "VP", "what": "title: CTO -> VP"}]
    assert data["notes"] == ["2 matched by name where the id changed: '1' -> 'A', '2' -> 'B'"]
    rows = list(csv.DictReader(io.StringIO(diff_csv(found))))
    assert [(r["change"], r["id"], r["note"]) for r in rows] == [
        ("moved", "3", ""), ("changed", "B", "id was '2' (matched by name)"),
        ("span", "A", ""), ("span", "B", "")]
    assert "  B  Bo Park (VP): title: CTO -> VP  [id was '2' (matched by name)]" in \
        diff_table(found).splitlines()


def test_stats_is_public_and_takes_an_org_or_a_file() -> None:
    assert "stats" in ladder.__all__ and "stats" in ladder.api.__all__
    org = ladder.load_org(STARTUP)
    assert ladder.stats(org) == ladder.stats(STARTUP)
    with pytest.raises(ladder.LadderError, match="option 'preset' reads a file"):
        ladder.stats(org, preset="uk-organogram")
    with pytest.raises(ladder.LadderError, match="a wide span must be more than a narrow one"):
        ladder.stats(org, narrow=4, wide=4)


def test_a_diagrams_description_counts_as_stats_does() -> None:
    from ladder.renderers.views import describe
    from ladder.text import plural

    for source in (STARTUP, EXAMPLES / "enterprise.yaml", EXAMPLES / "hr" / "oracle-hr.csv"):
        org = ladder.load_org(source, match_titles=False)
        numbers = ladder.stats(org)
        said = describe(org)
        assert f"{plural(numbers.entries, 'position')}, " \
               f"{plural(numbers.headcount, 'person')}" in said
        assert (plural(numbers.open_positions, "open position") in said) == bool(
            numbers.open_positions)


def regenerate() -> None:
    """Write each golden file from the command's output now (see the rule above)."""
    for name, args, _answer in CASES:
        (GOLDEN / name).write_text(run(args), encoding="utf-8")
        print(f"wrote {GOLDEN / name}")


if __name__ == "__main__" and "--regen" in sys.argv:
    regenerate()
