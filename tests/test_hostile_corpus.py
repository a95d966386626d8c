"""The bad-input corpus (tests/hostile/): every case through every command and format it
applies to, each ending in a drawing that holds its text literally or in one clear error line.

The cases and their expected outcomes are written by tests/hostile/make_corpus.py and checked
in. A drawing's outputs are checked for what a reader's browser, Markdown renderer or terminal
would obey: no script, no event handler, no foreign link, no markup from a name, no raw control
characters; generated DOT is run through ``dot`` for a sample.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder.cli import main
from tests.hostile import make_corpus
from tests.hostile.checks import (
    check_csv,
    check_html,
    check_markdown,
    check_mermaid,
    check_svg,
)

CORPUS = Path(__file__).parent / "hostile" / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text())
DRAWN_FORMATS = ("svg", "dot", "json", "mermaid", "markdown", "html")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(*args: str) -> object:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)


def commands(path: Path, kind: str, out: Path) -> list[tuple[str, list[str]]]:
    """(label, CLI arguments) for every command that reads this kind of file."""
    checks = [("validate", ["validate", path])] if kind != "framework" else []
    if kind in ("company", "hr", "xlsx"):
        checks.append(("stats", ["stats", path]))
        checks.append(("stats json", ["stats", "--format", "json", path]))
    if kind in ("hr", "xlsx", "framework"):
        checks.append(("import", ["import", path, "-o", out / "imported.yaml"]))
    if kind in ("company", "hr", "xlsx"):  # against a good org: what joined, left, moved
        base = CORPUS / "company" / "toml-good.toml"
        checks.append(("diff", ["diff", base, path]))
        checks.append(("diff json", ["diff", base, path, "--format", "json"]))
        checks.append(("diff csv", ["diff", base, path, "--format", "csv"]))
        checks.append(("diff svg", ["diff", base, path, "-o", out / "diff.svg"]))
    if kind != "framework":
        checks += [(fmt, ["render", path, "-o", out / f"out.{fmt}"]) for fmt in DRAWN_FORMATS]
    return checks


def ladder_questions(path: Path) -> list[tuple[str, list[str]]]:
    """paths and gap, in every format, from the ladder's first role to its last."""
    import ladder.api

    ids = list(ladder.api.load(path).roles)
    checks = []
    for fmt in ("table", "json", "markdown"):
        checks.append((f"paths {fmt}", ["paths", ids[0], ids[-1], "--ladder", path,
                                        "--format", fmt]))
        checks.append((f"gap {fmt}", ["gap", ids[0], ids[-1], "--ladder", path,
                                      "--format", fmt]))
    checks.append(("roles", ["roles", "--ladder", path]))
    return checks


def test_the_corpus_is_big_and_varied():
    kinds: dict[str, int] = {}
    for spec in EXPECTED.values():
        kinds[spec["kind"]] = kinds.get(spec["kind"], 0) + 1
    assert sum(kinds.values()) >= 200
    assert set(kinds) == {"ladder", "company", "hr", "xlsx", "framework"}
    assert {Path(p).suffix for p in EXPECTED} >= {".yaml", ".toml", ".json", ".csv", ".tsv",
                                                  ".xlsx", ".md"}


def test_the_checked_in_corpus_is_what_the_script_writes(tmp_path):
    expected = make_corpus.write(tmp_path, xlsx=False)
    assert expected == EXPECTED
    for path, spec in expected.items():
        if spec["kind"] != "xlsx":
            assert (tmp_path / path).read_bytes() == (CORPUS / path).read_bytes(), path


# The cases of a thousand people and more, and the dense lattice of moves, take over 5 s each
# (every command and format on each): marked slow, so `-m "not slow"` keeps the small ones.
SLOW_CASES = {"company/deep-3000.yaml", "company/wide-5000.yaml", "company/job-share-3000.yaml",
              "company/cycle-1000.yaml", "company/name-over-limit.yaml", "hr/wide-5000.csv",
              "hr/deep-3000.csv", "hr/cycle-1000.csv", "ladder/dense-lattice.yaml",
              "company/mermaid-text-490.yaml", "ladder/paths-dead-ends.yaml"}


def by_size(cases) -> list:
    """The cases to parametrize with, the slow ones marked."""
    assert SLOW_CASES <= EXPECTED.keys(), SLOW_CASES - EXPECTED.keys()  # none renamed away
    return [pytest.param(case, marks=pytest.mark.slow) if case in SLOW_CASES else case
            for case in cases]


@pytest.mark.parametrize("case", by_size(p for p, s in EXPECTED.items() if s["outcome"] == "error"))
def test_a_broken_file_is_one_clear_error_in_every_command(case, tmp_path):
    spec = EXPECTED[case]
    path = CORPUS / case
    for label, args in commands(path, spec["kind"], tmp_path):
        result = run(*args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            label, result.exception)
        assert result.exit_code == 1, (label, result.exit_code, result.output)
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert errors, (label, result.stderr)
        first = errors[0]
        assert first.startswith(f"error: {path}"), (label, first)
        if spec["line"]:
            assert first.startswith(f"error: {path}:{spec['line']}:"), (label, first)
        if spec["says"]:
            assert spec["says"] in first, (label, first)
        for line in result.output.splitlines():
            assert len(line) < 1000 and not CONTROL.search(line), (label, line[:200])
        assert not (tmp_path / "out.svg").exists()


DRAWING_CASES = [p for p, s in EXPECTED.items() if s["outcome"] == "drawing"]
DRAWINGS = by_size(DRAWING_CASES)


def check_commands(case: str, out: Path, only: set[str] | None = None) -> None:
    """Every command that reads the case's kind (or those labelled ``only``) draws it or
    refuses it in one clear line, printing nothing a terminal would act on."""
    spec = EXPECTED[case]
    for label, args in commands(CORPUS / case, spec["kind"], out):
        if only is not None and label not in only:
            continue
        result = run(*args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            label, repr(result.exception))
        if label in spec["refuses"]:  # a format too small for it: one clear line
            assert result.exit_code == 1 and spec["refuses"][label] in result.stderr, (
                label, result.output)
            continue
        assert result.exit_code == 0, (label, result.output[-2000:])
        for line in result.output.splitlines():
            assert not CONTROL.search(line), (label, line[:200])
            # a message or a table row fits a terminal; JSON and CSV are data: long names stay
            assert len(line) < 1000 or "json" in label or "csv" in label, (label, line[:200])
        if label == "validate" and spec["says"]:
            assert spec["says"] in result.output, result.output
        if label == "diff csv":
            check_csv(result.stdout)


@pytest.mark.parametrize("case", DRAWINGS)
def test_a_messy_file_validates_and_draws_as_svg(case, tmp_path):
    """The quick loop's share of the test below: every file, two commands."""
    check_commands(case, tmp_path, only={"validate", "svg"})


@pytest.mark.slow  # every command and format on each file
@pytest.mark.parametrize("case", DRAWINGS)
def test_a_messy_file_is_drawn_with_its_text_as_written(case, tmp_path):
    spec = EXPECTED[case]
    path = CORPUS / case
    check_commands(case, tmp_path)
    questions = []
    if spec["kind"] == "ladder":
        questions = ladder_questions(path)
    elif spec["kind"] == "company" and case.startswith("company/name-"):
        # lee is a product manager under the hostile boss: next moves and who could succeed
        questions = [(f"{command} {fmt}", [command, who, "--org", path, "--format", fmt])
                     for command, who in (("next", "lee"), ("succession", "lee"))
                     for fmt in ("table", "json", "markdown")]
    if questions:
        for label, args in questions:
            result = run(*args)
            assert result.exit_code == 0, (label, result.output[-1000:])
            assert not CONTROL.search(result.stdout), label
            if label.endswith("markdown"):
                check_markdown(result.stdout)
            if label.endswith("json"):
                json.loads(result.stdout)
    if spec["kind"] == "framework":
        drawn = run("render", tmp_path / "imported.yaml", "-o", tmp_path / "out.svg")
        assert drawn.exit_code == 0, drawn.output
        check_svg((tmp_path / "out.svg").read_text())
        # what an import carries along reaches the matrix and the per-area answers as text
        matrix = run("render", tmp_path / "imported.yaml", "--view", "matrix", "-o",
                     tmp_path / "matrix.md")
        assert matrix.exit_code == 0, matrix.output
        check_markdown((tmp_path / "matrix.md").read_text())
        mermaid = run("render", tmp_path / "imported.yaml", "-o", tmp_path / "out.mmd")
        assert mermaid.exit_code == 0, mermaid.output
        body = (tmp_path / "out.mmd").read_text().split("\n---\n", 1)[-1]
        assert "%%" not in body and "<script" not in body  # a link's text in a label is text
        for label, args in ladder_questions(tmp_path / "imported.yaml"):
            if label.endswith("markdown"):
                answer = run(*args)
                assert answer.exit_code == 0, (label, answer.output[-500:])
                check_markdown(answer.stdout)
        return
    name = Path(case).stem.removeprefix("name-")
    svg = (tmp_path / "out.svg").read_text()
    if (tmp_path / "diff.svg").exists():
        check_svg((tmp_path / "diff.svg").read_text())
    check_svg(svg)
    check_html((tmp_path / "out.html").read_text())
    check_markdown((tmp_path / "out.markdown").read_text())
    json.loads((tmp_path / "out.json").read_text(),
               parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    if "mermaid" not in spec["refuses"]:
        check_mermaid((tmp_path / "out.mermaid").read_text())
    if name in LITERAL:
        assert LITERAL[name] in svg, (name, LITERAL[name])
    # Graphviz reads every DOT ladder writes (a sample: dot is a process each)
    # (small files only: dot is quadratic on big orgs, and the sample is about names)
    if shutil.which("dot") and DRAWING_CASES.index(case) % 6 == 0 and path.stat().st_size < 50_000:
        dot = subprocess.run(["dot", "-Tsvg", "-o", "/dev/null", tmp_path / "out.dot"],
                             capture_output=True, text=True, timeout=120)
        assert dot.returncode == 0, dot.stderr


# What must appear in the SVG, as escaped XML, for a name that tries to be something else
LITERAL = {
    "script": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "dot-escapes": r"\N \G \L \E",
    "entities": "&amp;amp; &amp;lt;b&amp;gt;",
    "bold-tag": "&lt;b&gt;bold&lt;/b&gt;",
    "svg-onload": "onload=alert(1)&gt;",
    "backslashes": "C:\\new\\table",
    "cjk": "山田 太郎",
}


@pytest.mark.parametrize("kind", ["link to /dev/zero", "fifo", "folder"])
@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".xlsx", ".yaml", ".json", ".toml", ".md"])
def test_a_special_file_is_refused_at_once(kind, suffix, tmp_path):
    path = tmp_path / f"input{suffix}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        os.symlink("/dev/zero", path)
    commands_ = [["validate", path], ["import", path], ["render", path, "-o", tmp_path / "o.svg"]]
    for args in commands_:
        result = run(*args)  # reading a fifo or /dev/zero would never return
        # ladder's own error, or click's usage error for an argument that takes files only
        assert (result.exit_code == 1 and result.stderr.startswith(f"error: {path}")) or (
            result.exit_code == 2 and f"'{path}' is a directory" in result.stderr), (
            args, result.output)
        assert "Traceback" not in result.output


@pytest.mark.needs_dot
@pytest.mark.parametrize("case", ["ladder/name-over-limit.yaml", "company/name-emoji.yaml",
                                  "hr/name-rtl.csv", "xlsx/names.xlsx"])
def test_a_sample_rasterises(case, tmp_path):
    result = run("render", CORPUS / case, "-o", tmp_path / "out.png")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("body, says", [
    ("\n".join([f"l0: &l0 [{', '.join(['lol'] * 9)}]"]
               + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
               + ["source: *l8"]), "too many times"),
    ("a: &a\n  b: *a\n", "refers to"),
    ("source: " + "[" * 3000 + "]" * 3000, "nested more than"),
    ("source: !!python/object/apply:os.system [echo hi]", "values cannot be read"),
])
def test_a_docs_block_is_read_as_carefully_as_a_file(body, says):
    from ladder.docs.core import BlockError, read_block

    with pytest.raises(BlockError) as caught:
        read_block(body, page="docs/org.md", line=10, folders=[Path(".")])
    assert says in str(caught.value) and str(caught.value).startswith("docs/org.md:1")


def test_split_pages_named_from_data_stay_in_the_output_folder(tmp_path):
    config = tmp_path / "split.yaml"
    config.write_text("""company: Split
departments:
  - {id: "../../evil", name: "../../escape"}
  - {id: "/etc/x", name: "/etc/passwd"}
people:
  - {id: boss, name: Boss}
  - {id: a, name: A, manager: boss, department: "../../evil"}
  - {id: a2, name: A2, manager: a, department: "../../evil"}
  - {id: b, name: B, manager: boss, department: "/etc/x"}
  - {id: b2, name: B2, manager: b, department: "/etc/x"}
""")
    out = tmp_path / "deep" / "out"
    out.mkdir(parents=True)
    result = run("render", config, "--split", "department", "-o", out / "org.svg")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert len(written) >= 3 and all(name.startswith("org") for name in written), written
    # nothing beside the output folder or above it
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "split.yaml"]
