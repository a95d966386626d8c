"""What a run imports: each kind of drawing loads only the machinery it uses.

A command-line run pays for every module it imports: networkx alone takes longer than the rest
of drawing the built-in ladder bar Graphviz, and YAML and the config code are a tenth of a
small chart's time. Speed itself is measured in bench/, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXPORT = ROOT / "tests" / "data" / "hr" / "cycles.csv"


def modules_after(tmp_path: Path, call: str) -> set[str]:
    """The top-level packages and ladder modules a fresh interpreter has after ``call``."""
    script = (f"import sys, json\nfrom pathlib import Path\nfrom ladder import api\n{call}\n"
              "print(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                          text=True, check=True, env={"PYTHONPATH": str(ROOT)})
    names = json.loads(done.stdout.splitlines()[-1])
    return {name for name in names if "." not in name or name.startswith("ladder.")}


def test_drawing_a_ladder_needs_no_networkx(tmp_path):
    loaded = modules_after(tmp_path, "api.render(None, Path('x.dot'), variant='startup')\n"
                                     "api.render(None, Path('y.dot'), detail=True)\n"
                                     "api.render(None, Path('z.dot'), highlight='pm..cpo')")
    assert "networkx" not in loaded  # nor for a highlighted path
    assert "Product Manager to Chief Product Officer" in (tmp_path / "z.dot").read_text()
    assert "ladder.model.org" not in loaded and "ladder.layout" not in loaded
    assert "Head of Product" in (tmp_path / "x.dot").read_text()


@pytest.mark.parametrize("output", ["chart.svg", "chart.json"])
def test_charting_an_export_needs_no_yaml_networkx_or_config_code(tmp_path, output):
    loaded = modules_after(tmp_path, f"api.render({str(EXPORT)!r}, Path({output!r}))")
    unwanted = {"networkx", "yaml", "graphviz", "openpyxl", "zipfile", "tomllib",
                "ladder.model.ladder", "ladder.sources.company", "ladder.sources.document",
                "ladder.sources.hr.export_config"}
    assert loaded & unwanted == set()
    assert (tmp_path / output).stat().st_size > 0


@pytest.mark.needs_dot
def test_a_command_imports_its_own_module_only_and_graphviz_runs_without_its_package(
        tmp_path):
    loaded = modules_after(tmp_path, "from ladder.cli import main\n"
                                     "main(['render', '-o', 'x.svg'], standalone_mode=False)")
    commands = {name for name in loaded if name.startswith("ladder.cli.")}
    assert commands == {"ladder.cli.common", "ladder.cli.draw"}
    assert {"graphviz", "tempfile", "shutil", "secrets"} & loaded == set()
    if sys.implementation.name == "cpython":  # its own SHA-1 rather than OpenSSL's
        assert "hashlib" not in loaded
    assert "Head of Product" in (tmp_path / "x.svg").read_text()


def test_every_command_is_in_the_table_that_loads_it():
    from click.testing import CliRunner

    from ladder.cli import main
    from ladder.cli.common import COMMANDS

    listed = CliRunner().invoke(main, ["--help"]).output
    assert all(f"  {name} " in listed for name in COMMANDS)
    for module in set(COMMANDS.values()):  # loaded: each registers what the table says
        __import__(f"ladder.cli.{module}")
    assert {name: command.callback.__module__.rsplit(".", 1)[1]
            for name, command in main.commands.items()} == COMMANDS
    typo = CliRunner().invoke(main, ["varients"])
    assert typo.exit_code == 2 and "Did you mean 'variants'?" in typo.output


@pytest.mark.needs_dot
def test_only_to_graphviz_imports_the_graphviz_package(tmp_path):
    # ``import ladder``, its names and draw() leave the package out (10-20 ms of a run);
    # to_graphviz, which returns one of its Source objects, is the one way in
    plain = modules_after(tmp_path, "import ladder\nassert 'to_graphviz' in dir(ladder)\n"
                                    "svg = ladder.draw('product')\nladder.to_graphviz")
    assert "graphviz" not in plain and "ladder.api.graphviz_source" not in plain
    bridged = modules_after(tmp_path, "import ladder\n"
                                      "assert ladder.to_graphviz('product').pipe(format='svg')")
    assert {"graphviz", "ladder.api.graphviz_source"} <= bridged
