"""The HR options on every command that reads an export: --snapshot on render, import and
stats; stats reads exports as render does; export-only options on a config are refused."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hr_helpers import write_snapshot_export

from ladder.cli import main

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
