"""Where output goes and in which format: stdout, suffix checks, safe writes, text exports."""

from __future__ import annotations

import json
import os

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

from ladder.cli import main

EXAMPLES = REPO / "examples"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.needs_dot
def test_dash_writes_the_drawing_to_stdout_and_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    svg = run("render", "-o", "-")
    assert svg.exit_code == 0, svg.output
    assert svg.stdout.lstrip().startswith("<?xml") and "Junior Product" in svg.stdout
    layout = run("render", str(EXAMPLES / "startup.yaml"), "-o", "-", "--format", "json")
    nodes = {node["id"] for node in json.loads(layout.stdout)["nodes"]}
    assert {"ines", "priya", "liam"} <= nodes
    png = CliRunner().invoke(main, ["render", "-o", "-", "-f", "png"])
    assert png.stdout_bytes[:4] == b"\x89PNG"
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def test_a_suffix_that_contradicts_the_format_is_refused(tmp_path):
    result = run("render", "-o", str(tmp_path / "x.svg"), "--format", "png")
    assert result.exit_code == 1
    assert "the file name says svg but the format asked for is png" in result.stderr
    assert not (tmp_path / "x.svg").exists()


def test_ladders_export_json_with_roles_moves_and_variants(tmp_path):
    out = tmp_path / "ladder.json"
    result = run("render", "--variant", "scale-up", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["variant"] == "scale-up"
    titles = [role["title"] for role in data["roles"]]
    assert titles[0] == "Product Manager" and "Junior Product Manager" not in titles
    assert all({"from", "to", "kind", "years"} <= set(move) for move in data["moves"])
    assert set(data["variants"]) == {"startup", "scale-up", "enterprise"}


@pytest.mark.parametrize("command", [["roles"], ["variants"]])
def test_lists_come_as_table_json_and_markdown(command):
    table = run(*command)
    as_json = json.loads(run(*command, "--format", "json").stdout)
    markdown = run(*command, "--format", "markdown").stdout
    assert table.exit_code == 0 and as_json
    first = as_json[0]
    name = first["title"] if command == ["roles"] else first["id"]
    assert name in table.stdout and name in markdown
    assert markdown.splitlines()[1].startswith("|---")


def test_show_prints_a_built_in_ladder_that_loads_back(tmp_path):
    text = run("show", "product").stdout
    assert text.startswith("#")  # the shipped file, comments and all
    copy = tmp_path / "mine.yaml"
    copy.write_text(text)
    assert run("validate", str(copy)).exit_code == 0
    assert yaml.safe_load(text)["id"] == json.loads(run("show", "--format", "json").stdout)["id"]
    assert "did you mean 'product'" in run("show", "prodcut").stderr


def test_a_failed_render_keeps_the_previous_good_file(tmp_path):
    good = tmp_path / "org.json"
    assert run("render", str(EXAMPLES / "startup.yaml"), "-o", str(good)).exit_code == 0
    before = good.read_bytes()
    failed = run("render", str(EXAMPLES / "startup.yaml"), "-o", str(good), "--root", "nobody")
    assert failed.exit_code == 1
    assert good.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["org.json"]  # no temporary left behind


def test_an_output_that_is_a_symlink_is_not_written_through(tmp_path):
    outside = tmp_path / "outside.svg"
    outside.write_text("keep me")
    link = tmp_path / "out" / "chart.svg"
    link.parent.mkdir()
    os.symlink(outside, link)
    result = run("render", str(EXAMPLES / "startup.yaml"), "-o", str(link))
    assert result.exit_code == 1 and "symbolic link" in result.stderr
    assert outside.read_text() == "keep me"


def test_messages_name_flags_on_the_command_line_and_options_in_python():
    import ladder.api
    import ladder.errors

    result = run("render", "--root", "omar")
    assert result.stderr.startswith("error: --root applies to org charts")
    with pytest.raises(ladder.errors.LadderError, match="option 'root' applies to org charts"):
        ladder.api.draw("product", root="omar")


def test_control_characters_in_names_are_shown_not_obeyed(tmp_path):
    config = tmp_path / "ansi.yaml"
    config.write_text('people:\n  - {id: a, name: "A\\e]0;owned\\a"}\n'
                      '  - {id: b, name: B, manager: "a\\e[2J"}\n')
    result = run("validate", str(config))
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr


def test_a_theme_asked_of_a_bitmap_is_refused_not_ignored(tmp_path):
    result = run("render", "--theme", "dark", "-o", str(tmp_path / "x.png"))
    assert result.exit_code == 1
    assert "--theme applies to SVG and HTML, not to png" in result.stderr
    assert not (tmp_path / "x.png").exists()
    assert run("render", "--theme", "dark", "-o", str(tmp_path / "x.svg")).exit_code == 0
