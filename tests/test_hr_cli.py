"""The HR options on every command that reads an export: --snapshot on render, import and
stats; stats reads exports as render does; export-only options on a config are refused."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hr_helpers import DATA, write_snapshot_export

from ladder.cli import main
from ladder.sources.hr.problems import JUNIOR_LABEL

EXAMPLES = "examples/startup.yaml"


def test_render_lists_the_snapshots_and_draws_one(tmp_path):
    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)
    out = tmp_path / "chart.svg"
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert ("note: organogram.csv holds 3 snapshots in column 'Date': Sep-10 (67 rows), "
            "Mar-11 (66 rows), Sep-11 (65 rows); drawn: 'Sep-11' (the latest)") in result.stderr
    assert "note: snapshot 'Sep-11' of 3: 65 rows: 65 drawn, 0 problems" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.count(">Permanent Secretary</text>") == 1  # one top post, not one a snapshot
    assert "Newcomer 2" in text and "Deputy 111" not in text  # Sep-11's posts only


def test_import_and_stats_take_a_snapshot(tmp_path):
    path = tmp_path / "organogram.csv"
    write_snapshot_export(path)
    report = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["import", str(path), "--snapshot", "Sep-10",
                                       "--report", str(report)])
    assert result.exit_code == 0, result.stderr
    assert "Newcomer" not in result.stdout and "Deputy 111" in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["snapshot"] == "Sep-10" and data["rows"] == 67
    assert [s["rows"] for s in data["snapshots"]] == [67, 66, 65]
    stats = CliRunner().invoke(main, ["stats", str(path), "--snapshot", "Mar-11",
                                      "--format", "json"])
    assert stats.exit_code == 0, stats.stderr
    assert json.loads(stats.stdout)["entries"] == 66


def test_stats_reads_the_junior_file(shared_dir):
    orgs = shared_dir / "data" / "orgs"
    senior = str(orgs / "ukgov_home_office_2012-09-30_senior.csv")
    alone = CliRunner().invoke(main, ["stats", senior, "--format", "json"])
    both = CliRunner().invoke(main, ["stats", senior, "--junior",
                                     str(orgs / "ukgov_home_office_2012-09-30_junior.csv"),
                                     "--format", "json"])
    assert alone.exit_code == 0 and both.exit_code == 0, both.stderr
    # the junior staff (thousands of FTE) count once read
    assert json.loads(both.stdout)["headcount"] > 10 * json.loads(alone.stdout)["headcount"]


def test_export_options_on_a_company_config_are_refused():
    for command in (["render", EXAMPLES, "-o", "/dev/null"], ["stats", EXAMPLES]):
        result = CliRunner().invoke(main, [*command, "--fix", "case"])
        assert result.exit_code == 1
        assert ("--fix applies to HR exports, not to company configs (a company config names each "
                "manager by its exact id: correct the id in the file)") in result.stderr
    result = CliRunner().invoke(main, ["stats", EXAMPLES, "--map", "id=X", "--snapshot", "A"])
    assert result.exit_code == 1
    assert "--map and --snapshot apply to HR exports, not to company configs" in result.stderr


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_title_notes_name_junior_job_titles_not_grades(shared_dir, tmp_path):
    orgs = shared_dir / "data" / "orgs"
    result = CliRunner().invoke(main, [
        "import", str(orgs / "ukgov_home_office_2012-09-30_senior.csv"), "--junior",
        str(orgs / "ukgov_home_office_2012-09-30_junior.csv"), "--ladder", "product",
        "-o", str(tmp_path / "h.yaml")])
    assert result.exit_code == 0, result.stderr
    note = next(line for line in result.stderr.splitlines() if "not in the ladder" in line)
    assert "Policy Adviser (114)" in note  # generic job titles, counted over the groups
    assert "EO (GEO)" not in note and "SCS1" not in note  # not grades


def test_validate_prints_the_file_line_and_the_row_in_words(tmp_path):
    """Row 1 is the header, so without values spanning lines row N is line N; after a quoted
    line break they differ, and FILE:LINE: is the line an editor jumps to."""
    plain = tmp_path / "plain.csv"
    plain.write_text("id,name,title,manager\n1,Ada,CEO,\n2,Bo,PM,9\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(plain)])
    assert f"warning: {plain}:3: manager '9' does not exist" in result.stderr
    broken = tmp_path / "broken.csv"
    broken.write_text('id,name,title,manager\n1,Ada,CEO,\n2,"Bo\nBrown",PM,1\n3,Cy,PM,9\n',
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(broken)])
    assert f"warning: {broken}:5: row 4: manager '9' does not exist" in result.stderr
    lines = broken.read_text(encoding="utf-8").splitlines()
    assert lines[5 - 1].startswith("3,Cy")  # the line it names is the row's line


def _record_lines(path) -> dict[int, int]:
    """{spreadsheet row: line where it starts}, read with the csv module on its own."""
    import csv

    starts, start = {}, 1
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        for row, _ in enumerate(reader, 1):
            starts[row] = start
            start = reader.line_num + 1
    return starts


def test_validate_locates_every_kind_of_problem(tmp_path):
    """Each kind of export problem, below a record that spans lines: FILE:LINE: is the line
    where the row starts, and the message names the spreadsheet row once, in words."""
    from ladder.api import validate

    generic = tmp_path / "messy.csv"
    generic.write_text(
        'id,name,manager,title,as of\n1,Ann,,"Chief\nExecutive",Mar-15\n2,Bo,1,Dev,Mar-15\n'
        "3,Cy,99,Dev,Mar-15\n4,Di,4,Dev,Mar-15\n5,Ed,6,Dev,Mar-15\n6,Fi,5,Dev,Mar-15\n"
        "2,Bob,1,Dev,Mar-15\n,Gi,1,Dev,Mar-15\n8,,1,Dev,Mar-15\n9,Hu,1,Dev,Mar-15,extra\n"
        "10,Io,NULL,Dev,Mar-15\nid,name,manager,title,as of\n3,Cy,99,Dev,Mar-15\n"
        "12,Ka,1 ,Dev,Mar-15\nA1,Li,1,Dev,Mar-15\n13,Mo,a1,Dev,Mar-15\n14,No,1,Dev,\n"
        + "".join(f"{i},P{i},{'' if i == 1 else 1},Dev,Sep-14\n" for i in range(1, 9)),
        encoding="utf-8")
    senior = tmp_path / "senior.csv"
    senior.write_text((DATA / "organogram_senior.csv").read_text(encoding="utf-8").replace(
        '"Permanent Secretary"', '"Permanent\nSecretary"'), encoding="utf-8")
    junior = tmp_path / "junior.csv"
    lines = (DATA / "organogram_junior.csv").read_text(encoding="utf-8").splitlines(True)
    lines.insert(1, lines[1].replace('"Policy Adviser"', '"Analyst\nLead"'))
    junior.write_text("".join(lines), encoding="utf-8")
    found = [*validate(generic), *validate(generic, fix="space"),
             *validate(senior, junior=str(junior))]
    assert {p.kind for p in found} == {
        "missing-manager", "case-only-manager", "space-only-manager", "manager-fixed",
        "self-report", "cycle", "several-roots", "duplicate-row", "duplicate-id", "missing-id",
        "missing-name", "extra-fields", "repeated-post", "job-share", "eliminated-post",
        "not-in-post", "no-snapshot", "repeated-header", "bad-fte"}
    starts = {path.name: _record_lines(path) for path in (generic, senior, junior)}
    rows = {path.name: {v: k for k, v in starts[path.name].items()}
            for path in (generic, senior, junior)}
    for problem in found:
        name = problem.file.rsplit("/", 1)[-1]
        row = rows[name][problem.line]  # the line is where a row starts
        assert row != problem.line or row <= 2, problem  # below the line break: they differ
        message = problem.message.removeprefix(JUNIOR_LABEL)
        assert message.startswith((f"row {row}: ", f"row {row} ")), problem
        assert not message.startswith(f"row {row}: row {row}"), problem  # said once
