"""`ladder validate` on company configs: every problem listed, exit code by severity."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import REPO

from ladder.cli import main


def test_validate_lists_every_problem_of_a_company(data_dir):
    path = data_dir / "company" / "many-mistakes.yaml"
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) >= 5
    assert all(line.startswith(("error: ", "warning: ", "info: ")) and f"{path}:" in line
               for line in lines)
    assert "did you mean 'omar'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_accepts_the_examples():
    for name in ("startup", "scale-up", "enterprise"):
        result = CliRunner().invoke(main, ["validate", str(REPO / "examples" / f"{name}.yaml")])
        assert result.exit_code == 0, result.output
        assert "ok:" in result.output
