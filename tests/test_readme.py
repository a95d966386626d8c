"""Every command the README and the docs/ pages show runs, and prints what the page says it does.

Each page runs in its own folder holding a copy of examples/, its commands in page order (so a
page may validate what it imported above), through the CLI's click group in this process (the
README's commands also as ``python -m ladder`` processes). The output is
compared with the page (``...`` for any text); each written file is checked for its type, and
the text ones for what the page's ``<!-- check FILE: ... -->`` comments name. The Python
examples run as doctests. tests/doc_pages.py reads the pages; docs/development.md tells authors
the rules.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
import traceback
from fnmatch import fnmatch
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from doc_pages import (
    REPO,
    SHELL_LANGS,
    TEXT_SUFFIXES,
    Command,
    Page,
    check_file_type,
    console_commands,
    output_matches,
    pages,
    readable_text,
)

from ladder.cli import main


def all_commands() -> dict[str, click.Command]:
    """Every command of ``ladder``, each module loaded (a run loads only the one it needs, so
    ``main.commands`` holds only those loaded so far)."""
    with click.Context(main) as ctx:
        found = {name: main.get_command(ctx, name) for name in main.list_commands(ctx)}
    return {name: command for name, command in found.items() if command is not None}

PAGES = pages()
RUNNABLE = [page for page in PAGES if page.commands() or page.checks()]
DOCTESTED = [page for page in PAGES if page.doctest_source()]


def _files(folder: Path) -> dict[Path, tuple[int, int]]:
    return {path: (path.stat().st_mtime_ns, path.stat().st_size)
            for path in folder.rglob("*") if path.is_file()}


def _run(command: Command, folder: Path) -> list[str]:
    """Run one command in ``folder``; the problems found, each naming the page and line."""
    words, redirect = command.words()
    result = CliRunner().invoke(main, words, prog_name="ladder")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(result.exception))
        return [f"{command.where}: $ {command.text}\n  crashed:\n{trace}"]
    shown = result.output
    if redirect is not None:
        (folder / redirect).write_bytes(result.stdout_bytes)
        shown = result.stderr
    problems = []
    if command.should_fail != (result.exit_code != 0):
        wanted = "fail" if command.should_fail else "succeed"
        problems.append(f"{command.where}: $ {command.text}\n  should {wanted}, "
                        f"exit code {result.exit_code}:\n{shown}")
    if not output_matches(command.expected, shown):
        problems.append(f"{command.where}: $ {command.text}\n  the page shows:\n"
                        f"{command.expected}  it printed:\n{shown}")
    return problems


@pytest.mark.needs_dot
@pytest.mark.parametrize("page", RUNNABLE, ids=[page.name for page in RUNNABLE])
@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_every_command_prints_what_the_page_shows(page: Page, tmp_path, monkeypatch):
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    problems: list[str] = []
    written: dict[str, str] = {}  # file -> the command that wrote it
    for block in page.blocks:
        if block.title:  # a file the reader brings, shown in full
            target = tmp_path / block.title
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.body, encoding="utf-8")
        if block.lang != "console":
            continue
        for command in console_commands(block):
            before = _files(tmp_path)
            problems += _run(command, tmp_path)
            for path, stamp in _files(tmp_path).items():
                if before.get(path) != stamp:
                    name = path.relative_to(tmp_path).as_posix()
                    written[name] = command.where
                    wrong = check_file_type(path)
                    if wrong:
                        problems.append(f"{command.where}: {name} {wrong}")
    checks = page.checks()
    for pattern, texts in checks.items():
        # a pattern (pages/org-*.svg) checks every file of a split that it matches
        names = sorted(name for name in written if fnmatch(name, pattern))
        if not names and (tmp_path / pattern).is_file():
            names = [pattern]
        if not names:
            problems.append(f"{page.name}: checks {pattern}, which no command wrote")
        if not texts:
            problems.append(f"{page.name}: the check of {pattern} names nothing to look for")
        for name in names:
            content = readable_text(tmp_path / name)
            problems += [f"{page.name}: {name} (written at {written.get(name)}) lacks {text!r}"
                         for text in texts if text not in content]
    for name, where in written.items():
        if Path(name).suffix in TEXT_SUFFIXES and not any(fnmatch(name, pattern)
                                                          for pattern in checks):
            problems.append(f"{where}: writes {name}: add <!-- check {name}: \"...\" --> "
                            "naming what it must hold")
    assert not problems, "\n\n".join(problems)


@pytest.mark.needs_dot
@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_the_front_page_commands_print_the_same_through_python_m_ladder(tmp_path):
    """The pages run through click's test runner (fast: one interpreter); the README's
    commands also run as a reader runs them, as processes, to show the two print the same."""
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get(
        "PYTHONPATH", "")]), "PYTHONUNBUFFERED": "1"}  # stdout and stderr in the order written
    commands = [page for page in PAGES if page.name == "README.md"][0].commands()
    assert len(commands) >= 3
    for command in commands:
        words, redirect = command.words()
        assert redirect is None
        result = subprocess.run([sys.executable, "-m", "ladder", *words], cwd=tmp_path,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, timeout=120)
        assert output_matches(command.expected, result.stdout), (command.where, result.stdout)
        assert (result.returncode != 0) == command.should_fail


@pytest.mark.needs_dot
@pytest.mark.parametrize("page", DOCTESTED, ids=[page.name for page in DOCTESTED])
def test_the_python_examples_run_as_written(page: Page, tmp_path, monkeypatch):
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    test = doctest.DocTestParser().get_doctest(page.doctest_source(), {}, page.name,
                                               page.name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    output: list[str] = []
    runner.run(test, out=output.append)
    assert runner.summarize(verbose=False).failed == 0, "".join(output)


def test_no_command_goes_unchecked():
    """A ``ladder`` line in a plain shell block would run in no test: it must be a console
    block with its output; a console block runs nothing but ``ladder``."""
    problems = []
    for page in PAGES:
        for block in page.blocks:
            if block.lang in SHELL_LANGS:
                problems += [f"{block.where}: {line.strip()!r} belongs in a console block"
                             for line in block.body.splitlines()
                             if line.strip().startswith(("ladder ", "$ ladder"))]
            if block.lang == "console":
                problems += [f"{command.where}: only ladder commands run: {command.text!r}"
                             for command in console_commands(block)
                             if not command.text.startswith("ladder")]
    assert not problems, "\n".join(problems)


def test_every_command_of_the_cli_is_shown_running():
    shown = {command.words()[0][0] for page in PAGES for command in page.commands()
             if command.words()[0]}
    assert sorted(set(all_commands()) - shown) == []
    assert sum(len(page.commands()) for page in PAGES) >= 60


def test_the_cli_reference_names_every_option_of_every_command():
    """docs/cli.md has a section per command naming each option: a new option without a
    line there fails here, and so does a line for an option that is gone."""
    reference = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    sections = dict(_sections(reference))
    problems = []
    for name, command in sorted(all_commands().items()):
        section = sections.get(f"ladder {name}")
        if section is None:
            problems.append(f"no '## ladder {name}' section")
            continue
        coded = {word for span in re.findall(r"`([^`]+)`", section)
                 for word in re.split(r"[^\w-]+", span)}
        for param in command.params:
            if isinstance(param, click.Option):
                flag = max(param.opts, key=len)
                if f"`{flag}" not in section:
                    problems.append(f"ladder {name}: {flag} is not described")
                if isinstance(param.type, click.Choice):  # every value it takes, in code
                    problems += [f"ladder {name} {flag}: {choice!r} is not named"
                                 for choice in param.type.choices if str(choice) not in coded]
        real = {opt for param in command.params for opt in param.opts} | {"--help"}
        problems += [f"ladder {name}: {flag} is described but not an option"
                     for flag in sorted(set(re.findall(r"`(--?[a-z][\w-]*)", section)))
                     if flag not in real]
    assert sorted(set(sections) - {f"ladder {name}" for name in all_commands()}
                  - {"Common options"}) == []
    assert not problems, "\n".join(problems)


def _sections(text: str) -> list[tuple[str, str]]:
    """A page's ``## `` sections, their fenced blocks left out (a command's output may hold
    Markdown headings of its own)."""
    text = re.sub(r"^(`{3,}).*?^\1\s*$", "", text, flags=re.M | re.S)
    parts = []
    for chunk in text.split("\n## ")[1:]:
        heading, _, body = chunk.partition("\n")
        parts.append((heading.strip().strip("`"), body))
    return parts


def test_the_readme_is_a_front_page():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 200
    # the two set-up commands come first, before anything else to run
    (page,) = [page for page in PAGES if page.name == "README.md"]
    first = next(block for block in page.blocks if block.lang in SHELL_LANGS)
    assert first.line < 20
    assert [line.split("#")[0].strip() for line in first.body.splitlines()] == [
        "./run.sh demo", "./run.sh test"]
    assert './run.sh test -m "not slow"' in readme
    # the gallery shows what `./run.sh demo` writes
    for image in re.findall(r"\]\((output/[^)]+\.png)\)", readme):
        assert (REPO / image).is_file(), image
