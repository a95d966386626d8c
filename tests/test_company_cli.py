"""`ladder stats` from the command line: tables, JSON, thresholds, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ladder.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "company"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_stats_table():
    result = run("stats", str(ROOT / "examples" / "startup.yaml"))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Fernweh Travel"
    assert ["headcount", "7"] in [line.split() for line in lines]
    assert any("Priya Raman" in line for line in lines)


def test_stats_json_and_thresholds():
    path = str(ROOT / "examples" / "enterprise.yaml")
    result = run("stats", path, "--format", "json", "--narrow", "1", "--wide", "8")
    assert result.exit_code == 0
    stats = json.loads(result.output)
    assert stats["thresholds"] == {"narrow": 1, "wide": 8}
    assert stats["wide"] and all(m["direct"] > 8 for m in stats["managers"]
                                 if m["id"] in stats["wide"])
    assert run("stats", path, "--format", "json").output == run(
        "stats", path, "--format", "json").output  # same input, same bytes


def test_stats_rejects_thresholds_that_do_not_make_sense():
    result = run("stats", str(DATA / "small.yaml"), "--narrow", "5", "--wide", "5")
    assert result.exit_code == 2
    assert "must be more than --narrow (5)" in result.output


def test_a_broken_config_is_one_line_per_problem_and_exit_1():
    result = run("stats", str(DATA / "many-mistakes.yaml"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    first, *rest = result.output.splitlines()
    assert first == (f"error: {DATA / 'many-mistakes.yaml'}:2: config: unknown key 'colour' "
                     "(known keys: $schema, company, ladder, variant, departments, people)")
    assert len(rest) == 5 and rest[1].endswith("manager 'omarr' does not exist "
                                               "(did you mean 'omar'?)")


def test_a_missing_file_is_an_error_not_a_traceback():
    result = run("stats", "no-such-company.yaml")
    assert result.exit_code == 1
    assert result.output == "error: no-such-company.yaml: file not found\n"
