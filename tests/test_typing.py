"""mypy finds no error in the package, under the settings in pyproject.toml ([tool.mypy]).

The package ships ``py.typed``, so users' type checkers read these annotations: a wrong one is
a bug they meet, not only ours. Running mypy here puts it in the test command, and so in CI.
"""

from __future__ import annotations

import ast
import importlib
import tomllib
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow  # the whole package: ~20 s of CPU from a cold cache (CI), ~2 s warm
def test_mypy_finds_no_error_in_the_package() -> None:
    report, errors, status = api.run([
        "--config-file", str(ROOT / "pyproject.toml"),
        # the cache beside the project, not in whatever folder pytest was started from
        "--cache-dir", str(ROOT / ".mypy_cache"),
        str(ROOT / "ladder"),
    ])
    assert status == 0 and errors == "", f"mypy found errors:\n{report}{errors}"
    assert report.startswith("Success: no issues found"), report


def test_the_package_ships_its_py_typed_marker() -> None:
    # PEP 561: without the marker in the installed package, type checkers ignore our hints
    assert (ROOT / "ladder" / "py.typed").is_file()
    with open(ROOT / "pyproject.toml", "rb") as file:
        package_data = tomllib.load(file)["tool"]["setuptools"]["package-data"]
    assert "py.typed" in package_data["ladder"]


def test_every_top_level_name_is_typed_for_type_checkers() -> None:
    # ``import ladder`` loads its API on first use through a module __getattr__, which a type
    # checker reads as Any: each public name is imported under TYPE_CHECKING too, so that
    # ``ladder.draw(...)`` in a user's script is checked. A name added to one list only fails.
    import ladder

    source = (ROOT / "ladder" / "__init__.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    typed: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom), ast.unparse(statement)
                for alias in statement.names:
                    assert alias.asname == alias.name, f"import {alias.name} as {alias.name}"
                    typed.add(alias.name)
                    # the checker's name is the one the run time hands out
                    assert getattr(ladder, alias.name) is getattr(
                        importlib.import_module(statement.module or ""), alias.name)
    public = set(ladder.__all__) - {"__version__"}
    assert not public - typed, (f"import {sorted(public - typed)} under TYPE_CHECKING in "
                                "ladder/__init__.py too (`from MODULE import NAME as NAME`)")
    assert not typed - public, f"{sorted(typed - public)} typed but not in ladder._API"
