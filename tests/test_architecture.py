"""The package's rooms form a DAG in pipeline order, read from the code itself.

base (errors, escaping, text helpers) < model < sources < analysis < layout < renderers
< api (the public functions and their options) < cli and docs (the command and the doc plugins).

Every ``import`` of a ladder module counts, those inside functions too: an import inside a
function is there to keep start-up lean, never to hide a cycle. Imports under
``if TYPE_CHECKING:`` are for annotations only and are not followed at run time, so they do
not count.
"""

from __future__ import annotations

import ast
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ladder"

# The rooms in pipeline order; a module may import only from its own room or a lower one.
LAYERS = ("base", "model", "sources", "analysis", "layout", "renderers", "api", "front")
ROOM_OF_TOP_NAME = {
    "__init__": "base", "errors": "base", "escape": "base", "text": "base", "lazy": "base",
    "choices": "base",
    "builtin": "base", "model": "model", "sources": "sources", "analysis": "analysis",
    "layout": "layout", "renderers": "renderers", "options": "api", "api": "api",
    "cli": "front", "docs": "front", "sphinx": "front", "__main__": "front",
}


@dataclass(frozen=True)
class Import:
    importer: str  # dotted module name
    imported: str
    line: int
    in_function: bool
    last_line: int = 0  # where the statement ends (a long import wraps)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = PACKAGE.parent / name.replace(".", "/")
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def nearest_module(name: str) -> str | None:
    """``ladder.model.ladder.Role`` -> ``ladder.model.ladder``: the module a name lives in."""
    while name and not is_module(name):
        name = name.rpartition(".")[0]
    return name or None


def type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    return skipped


def imports_of(path: Path) -> Iterator[Import]:
    importer = module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skipped = type_checking_nodes(tree)
    in_function = {id(inner) for node in ast.walk(tree)
                   if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                   for inner in ast.walk(node)}
    package = importer.split(".") if path.name == "__init__.py" else importer.split(".")[:-1]
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[:len(package) - node.level + 1], *filter(None, [base])])
            names = [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            target = nearest_module(name) if name.startswith("ladder") else None
            if target and target != importer:
                yield Import(importer, target, node.lineno, id(node) in in_function,
                             node.end_lineno or node.lineno)


@cache  # every test reads the same tree: parse it once
def all_imports() -> list[Import]:
    return [found for path in sorted(PACKAGE.rglob("*.py")) for found in imports_of(path)]


def room(module: str) -> str:
    parts = module.split(".")
    return ROOM_OF_TOP_NAME[parts[1] if len(parts) > 1 else "__init__"]


def test_every_module_has_a_room():
    homeless = sorted({module_name(path) for path in PACKAGE.rglob("*.py")
                       if (module_name(path).split(".") + ["__init__"])[1]
                       not in ROOM_OF_TOP_NAME})
    assert homeless == [], "give these modules a room in ROOM_OF_TOP_NAME"


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_the_import_reader_sees_imports_inside_functions():
    found = all_imports()
    assert any(item.in_function for item in found)
    assert len({item.importer for item in found}) > 50


def test_no_import_runs_against_the_pipeline():
    against = [f"{item.importer}:{item.line} imports {item.imported} "
               f"({room(item.importer)} may not use {room(item.imported)})"
               for item in all_imports()
               if LAYERS.index(room(item.imported)) > LAYERS.index(room(item.importer))]
    assert against == []


def test_the_packages_form_a_dag():
    """Packages (ladder.sources.hr counts on its own) never import each other in a loop."""
    graph = nx.DiGraph()
    for item in all_imports():
        owner = (item.importer if is_package(item.importer)
                 else item.importer.rpartition(".")[0])
        target = (item.imported if is_package(item.imported)
                  else item.imported.rpartition(".")[0])
        if owner != target and not owner.startswith(target + ".") \
                and not target.startswith(owner + "."):
            graph.add_edge(owner, target)
    assert list(nx.simple_cycles(graph)) == []


def is_package(module: str) -> bool:
    return (PACKAGE.parent / module.replace(".", "/") / "__init__.py").is_file()


def test_no_two_modules_import_each_other_in_a_loop():
    graph = nx.DiGraph((item.importer, item.imported) for item in all_imports())
    assert sorted(sorted(cycle) for cycle in nx.simple_cycles(graph)) == []


# Analysis answers with typed records; writing them for a reader (text tables, Markdown, JSON,
# CSV) is the renderers' job. These modules and names are the writer's tools.
WRITER_MODULES = ("json", "csv", "io", "ladder.escape", "ladder.renderers")
WRITER_NAMES = ("format_", "to_json", "to_csv", "to_table", "to_markdown")
WRITER_SUFFIXES = ("_markdown", "_json", "_csv", "_table", "_data", "_text")


def formatting_in(source: str) -> list[str]:
    """The writer imports and writer functions in a module's source, with their lines."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names = [node.module]
        found += [f"{node.lineno}: imports {name}" for name in names
                  if any(name == m or name.startswith(m + ".") for m in WRITER_MODULES)]
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and (
                node.name.lstrip("_").startswith(WRITER_NAMES)
                or node.name.endswith(WRITER_SUFFIXES)):
            found.append(f"{node.lineno}: defines {node.name}")
    return found


def test_the_formatting_check_finds_a_writer():
    source = ("from ladder.escape import markdown_cell\nimport json\n"
              "def format_gap(gap):\n    return ''\ndef gap_data(gap):\n    return {}\n")
    assert formatting_in(source) == ["1: imports ladder.escape", "2: imports json",
                                     "3: defines format_gap", "5: defines gap_data"]
    assert formatting_in("from ladder.model.org import Org\ndef org_stats(org): ...\n") == []


def test_analysis_formats_nothing():
    found = [f"{path.relative_to(PACKAGE.parent)}:{where}"
             for path in sorted((PACKAGE / "analysis").rglob("*.py"))
             for where in formatting_in(path.read_text(encoding="utf-8"))]
    assert found == [], "move these writers to ladder/renderers/results/"


# What the command line and the docs plugins may import of ladder: the public API, its options
# and errors, and the base (escaping, text helpers); never the sources or renderers behind it.
PUBLIC = ("ladder", "ladder.api", "ladder.options", "ladder.errors")
FRONT = ("ladder.cli", "ladder.docs", "ladder.sphinx", "ladder.__main__")


def past_the_api(imports: list[Import]) -> list[str]:
    """The imports by the CLI or the docs plugins of anything but the public API and the base."""
    return [f"{item.importer}:{item.line} imports {item.imported}" for item in imports
            if item.importer.startswith(FRONT) and not item.imported.startswith(FRONT)
            and item.imported not in PUBLIC and room(item.imported) != "base"]


def test_the_cli_and_the_docs_plugins_use_only_the_public_api():
    found = all_imports()
    front = {item.importer for item in found if item.importer.startswith(FRONT)}
    assert {"ladder.cli.draw", "ladder.cli.paths", "ladder.docs.core"} <= front
    assert past_the_api(found) == []


def test_reaching_past_the_api_is_caught():
    reaching = [Import("ladder.cli.draw", "ladder.sources.detect", 3, False),
                Import("ladder.docs.core", "ladder.renderers.theme", 9, True),
                Import("ladder.cli.paths", "ladder.api", 5, False),
                Import("ladder.cli.paths", "ladder.escape", 6, True),
                Import("ladder.cli.paths", "ladder.cli.common", 7, False)]
    assert past_the_api(reaching) == [
        "ladder.cli.draw:3 imports ladder.sources.detect",
        "ladder.docs.core:9 imports ladder.renderers.theme"]


def comment_lines(path: Path) -> set[int]:
    with path.open("rb") as source:
        return {token.start[0] for token in tokenize.tokenize(source.readline)
                if token.type == tokenize.COMMENT}


def test_every_import_inside_a_function_says_why():
    """An import of a ladder module stays inside a function only to keep a start-up path lean
    (tests/test_imports.py), and says which on its lines; any other goes to the module's top."""
    silent: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        commented = comment_lines(path)
        silent |= {f"{item.importer}:{item.line} imports {item.imported}"
                   for item in imports_of(path) if item.in_function
                   and commented.isdisjoint(range(item.line, item.last_line + 1))}
    assert sorted(silent) == [], "move these to the top of their module, or give the reason"


def test_annotations_do_not_run_against_the_pipeline_either():
    """An import under ``if TYPE_CHECKING:`` runs no code, but a renderer typed by the API's
    options still depends on the API: the types a room names come from its own room or a
    lower one. The package's face (``ladder/__init__.py``) re-exports the API lazily and
    names its types for type checkers: it stands above everything."""
    against = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        if importer == "ladder":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for_types = type_checking_nodes(tree)
        for node in ast.walk(tree):
            if id(node) not in for_types or not isinstance(node, ast.ImportFrom):
                continue
            target = nearest_module(node.module or "") if (node.module or "").startswith(
                "ladder") else None
            if target and LAYERS.index(room(target)) > LAYERS.index(room(importer)):
                against.append(f"{importer}:{node.lineno} names types of {target}")
    assert against == []
