"""Every `ladder ...` command the README shows runs as written, on the shipped examples."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from click.testing import CliRunner
from conftest import REPO

from ladder.cli import main

# Commands that need files a reader brings along, not ones the repo ships.
NEEDS_USER_FILES = ("design.yaml", "acme.yaml", "docs/", "people.xlsx", "senior.csv")


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = re.split(r"\s#\s", line)[0].strip()
            if line.startswith("ladder ") and not any(f in line for f in NEEDS_USER_FILES):
                commands.append(line)
    return commands


@pytest.mark.needs_dot
@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs(command, tmp_path, monkeypatch):
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    words = shlex.split(command.split(">")[0])[1:]
    result = CliRunner().invoke(main, words)
    assert result.exit_code == 0, f"{command}\n{result.output}\n{result.stderr}"


def test_the_readme_shows_enough_commands_to_check():
    assert len(readme_commands()) >= 25


def readme_python_examples() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return "\n".join(block for block in re.findall(r"```python\n(.*?)```", text, re.S)
                     if ">>>" in block)


@pytest.mark.needs_dot
def test_the_readme_python_section_runs_as_written(monkeypatch):
    import doctest

    monkeypatch.chdir(REPO)
    examples = readme_python_examples()
    assert examples.count(">>>") >= 8
    test = doctest.DocTestParser().get_doctest(examples, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
