"""Custom ladder files: every format loads, every kind of mistake names its file and line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ladder.cli import main
from ladder.errors import SourceError
from ladder.sources.ladders import read_ladder


@pytest.mark.parametrize("name", ["good.yaml", "good.toml", "good.json"])
def test_formats_load(data_dir, name):
    ladder = read_ladder(data_dir / "ladders" / name)
    assert ladder.id == "design"
    assert ladder.roles["designer"].title == "Designer"
    assert ladder.graph.has_edge("designer", ladder.moves[0].target)


MISTAKES = [
    # file, line, words in the message, words in the hint
    ("unknown-role.yaml", 7, "move to 'senior-desginer': no such role",
     "did you mean 'senior-designer'?"),
    ("duplicate-id.yaml", 4, "role 'designer' is defined twice", "first defined on line 3"),
    ("cycle.yaml", 7, "promotions go round in a circle: a -> b -> c -> a", "more senior"),
    ("variant-missing-role.yaml", 9, "names 'leed', which is not a role", "did you mean 'lead'?"),
    ("unknown-track.yaml", 6, "track 'icc' is not defined", "did you mean 'ic'?"),
    ("bad-level.yaml", 3, "'level' must be a whole number", None),
    ("bad-kind.yaml", 6, "move kind 'promotoin'", "did you mean 'promotion'?"),
    ("bad-json.json", 5, "not valid JSON", None),
    ("bad-toml.toml", 5, "not valid TOML", None),
    ("promotion-down.yaml", 6, "promotion from 'lead' (level 3) to 'junior' (level 1) goes down",
     "make it kind: lateral"),
    ("bad-yaml.yaml", 4, "not valid YAML", "needs its closing"),
]


@pytest.mark.parametrize("name, line, message, hint", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_names_file_line_and_hint(data_dir, name, line, message, hint):
    path = data_dir / "ladders" / name
    with pytest.raises(SourceError) as caught:
        read_ladder(path)
    error = caught.value
    assert error.file == str(path)
    assert error.line == line
    assert message in error.message
    if hint:
        assert hint in (error.hint or "")


@pytest.mark.parametrize("name", [m[0] for m in MISTAKES])
def test_cli_validate_prints_one_line_and_fails(data_dir, name):
    path = data_dir / "ladders" / name
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}:")
    assert "Traceback" not in result.output + result.stderr


def test_validate_reports_ok(data_dir):
    result = CliRunner().invoke(main, ["validate", str(data_dir / "ladders" / "good.yaml")])
    assert result.exit_code == 0, result.output
    assert "ok: 4 roles, 3 moves" in result.output


def test_missing_file_and_unknown_builtin(tmp_path):
    with pytest.raises(SourceError, match="no ladder file or built-in ladder"):
        read_ladder("prodcut")
    result = CliRunner().invoke(main, ["render", "--ladder-file-that-is-not-there"])
    assert result.exit_code == 2  # click's usage error, not a traceback
