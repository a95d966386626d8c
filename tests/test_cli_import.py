"""`ladder import`: an HR export becomes a company config that validates and keeps every row."""

from __future__ import annotations

import json

from click.testing import CliRunner

from ladder.cli import main


def test_import_writes_a_config_that_validates(shared_dir, tmp_path):
    export = shared_dir / "data" / "orgs" / "oracle_hr_employees_d3orgchart.csv"
    config, report = tmp_path / "oracle.yaml", tmp_path / "problems.json"
    result = CliRunner().invoke(main, ["import", str(export), "-o", str(config),
                                       "--report", str(report)])
    assert result.exit_code == 0, result.stderr
    assert "note: 107 rows: 107 drawn, 0 problems" in result.stderr
    # no ladder asked for: no note about the built-in one's titles
    assert "not in the ladder" not in result.stderr
    accounting = json.loads(report.read_text())
    assert accounting == {"rows": 107, "drawn": 107, "problems": []}
    checked = CliRunner().invoke(main, ["validate", str(config)])
    assert checked.exit_code == 0, checked.stderr
    assert "ok: 107 positions" in checked.output
    asked = CliRunner().invoke(main, ["import", str(export), "--ladder", "product",
                                      "-o", str(tmp_path / "with-ladder.yaml")])
    assert "19 job titles not in the ladder" in asked.stderr


def test_import_uk_organogram_accounts_for_every_row(shared_dir, tmp_path):
    orgs = shared_dir / "data" / "orgs"
    report = tmp_path / "problems.json"
    result = CliRunner().invoke(main, [
        "import", str(orgs / "ukgov_dfe_2011-09-30_senior.csv"),
        "--junior", str(orgs / "ukgov_dfe_2011-09-30_junior.csv"), "--report", str(report),
        "-o", str(tmp_path / "dfe.yaml")])
    assert result.exit_code == 0, result.stderr
    assert "8 case-only manager matches: use --fix case" in result.stderr
    accounting = json.loads(report.read_text())
    assert accounting["rows"] == 492
    assert sum(p["kind"] == "case-only-manager" for p in accounting["problems"]) == 8


def test_bad_map_is_a_usage_error_with_a_hint(data_dir):
    result = CliRunner().invoke(main, ["import", "x.csv", "--map", "idd=EmployeeId"])
    assert result.exit_code == 2
    assert "did you mean 'id'?" in result.stderr
