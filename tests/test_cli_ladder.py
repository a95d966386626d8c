"""The ladder commands as a user types them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ladder import __version__
from ladder.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_version_and_help():
    assert __version__ in run("--version").output
    for command in ("render", "variants", "roles", "validate", "demo"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_variants_one_line_each_name_first():
    lines = run("variants").output.splitlines()
    assert [line.split()[0] for line in lines] == ["startup", "scale-up", "enterprise"]
    assert "single" in lines[0] or "one product head" in lines[0]


def test_roles_lists_competencies_with_sources():
    output = run("roles", "--variant", "startup", "--head", "cpo").output
    assert "Chief Product Officer  [article] (chief-product-officer)" in output
    assert "- strategic product vision  [article]" in output
    assert "(director-of-product)" not in output


@pytest.mark.needs_dot
@pytest.mark.parametrize("variant", ["startup", "scale-up", "enterprise"])
@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_render_variant_to_file(tmp_path, variant, suffix):
    target = tmp_path / f"x.{suffix}"
    result = run("render", "--variant", variant, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 1000
    assert f"wrote {target}" in result.output


def test_render_headcount_picks_variant(tmp_path):
    target = tmp_path / "x.dot"
    assert run("render", "--headcount", "8", "-o", str(target)).exit_code == 0
    assert "Head of Product" in target.read_text() and "Senior Product" not in target.read_text()


@pytest.mark.parametrize("args, message", [
    (["render", "--variant", "startpu"], "did you mean 'startup'?"),
    (["render", "-o", "x.jpg"], "cannot write 'jpg' files"),
    (["render", "--variant", "startup", "--head", "ceo"], "cannot have 'ceo' as its head"),
    (["render", "no-such-file.yaml"], "file not found"),
    (["roles", "--ladder", "prodcut"], "did you mean 'product'?"),
])
def test_mistakes_give_one_clear_line(args, message):
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.needs_dot
@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_demo_renders_every_variant_and_example(tmp_path):
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "design.yaml").write_text(
        "id: design\nroles:\n  - {id: a, title: Designer, level: 1}\n"
        "  - {id: b, title: Lead Designer, level: 2}\nmoves:\n  - {from: a, to: b}\n")
    out = tmp_path / "out"
    result = run("demo", "--output-dir", str(out), "--examples", str(examples))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    for variant in ("startup", "scale-up", "enterprise"):
        assert f"product-{variant}.svg" in names and f"product-{variant}.png" in names
    assert "design.svg" in names and "design.png" in names


@pytest.mark.needs_dot
def test_render_highlight_draws_the_quickest_path(tmp_path):
    target = tmp_path / "path.svg"
    result = run("render", "--highlight", "junior pm..cpo", "-o", str(target))
    assert result.exit_code == 0, result.output
    svg = target.read_text()
    assert "Junior Product Manager to Chief Product Officer, about 12 years" in svg
    assert "(5)" in svg and "(6)" not in svg
    assert "quickest of 2 paths" in result.stderr


def test_render_highlight_in_a_variant_and_mistakes(tmp_path):
    target = tmp_path / "path.dot"
    result = run("render", "--highlight", "junior pm..cpo", "--variant", "startup",
                 "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "note: Junior Product Manager is not a role in the Startup variant" in result.stderr
    assert "(1)" in target.read_text()
    result = run("render", "--highlight", "junior pm..ceo", "-o", str(target))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "ceo" in result.stderr.lower()
