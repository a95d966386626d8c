"""The Python API as a library: a docs plugin or a notebook uses it without files."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil

import pytest
from conftest import REPO

import ladder

EXAMPLES = REPO / "examples"


def test_no_name_is_both_a_function_and_a_subpackage():
    subpackages = {info.name for info in pkgutil.iter_modules(ladder.__path__)
                   if not info.name.startswith("_")}
    for name in ladder.__all__:
        assert name not in subpackages, name
    for module in subpackages:  # importing every room of the package changes nothing
        importlib.import_module(f"ladder.{module}")
    assert callable(ladder.render) and callable(ladder.draw) and callable(ladder.load)


def test_every_public_function_has_a_docstring_with_an_example():
    for name in ladder.__all__:
        value = getattr(ladder, name)
        if inspect.isfunction(value):
            assert value.__doc__ and ">>>" in value.__doc__, name


@pytest.mark.needs_dot
def test_render_takes_str_paths_and_returns_what_it_wrote(tmp_path):
    written = ladder.render(str(EXAMPLES / "startup.yaml"), str(tmp_path / "org.png"))
    assert written == [tmp_path / "org.png"] and written[0].read_bytes()[:4] == b"\x89PNG"
    pages = ladder.render(str(EXAMPLES / "enterprise.yaml"), tmp_path / "pages" / "org.svg",
                          split="department")
    assert len(pages) > 5 and all(page.exists() for page in pages)


def test_load_reads_text_in_every_format_it_names():
    yaml_org = ladder.load(text="people:\n  - {id: a, name: Ada}\n  - {id: b, name: Bo, "
                                "manager: a}\n")
    json_org = ladder.load(text=json.dumps({"people": [{"id": "a", "name": "Ada"},
                                                       {"id": "b", "name": "Bo",
                                                        "manager": "a"}]}), format="json")
    csv_org = ladder.load(text="id,manager,name\na,,Ada\nb,a,Bo\n", format="csv")
    for org in (yaml_org, json_org, csv_org):
        assert isinstance(org, ladder.Org) and org.people["b"].manager == "a"
    own = ladder.load(text="id: d\nname: Design\nroles:\n  - {id: x, title: X, level: 1, "
                           "track: ic}\n")
    assert isinstance(own, ladder.Ladder) and own.roles["x"].title == "X"


def test_problems_name_the_text_and_the_line():
    with pytest.raises(ladder.LadderError) as caught:
        ladder.load("team.yaml", text="people:\n  - {id: a, name: A, manager: omarr}\n"
                                      "  - {id: omar, name: Omar}\n")
    assert str(caught.value) == ("team.yaml:2: person 'a': manager 'omarr' does not exist "
                                 "(did you mean 'omar'?)")


@pytest.mark.needs_dot
def test_draw_gives_text_or_bytes_by_format():
    org = ladder.load(EXAMPLES / "startup.yaml")
    assert isinstance(ladder.draw(org), str) and isinstance(ladder.draw(org, format="png"),
                                                           bytes)
    layout = json.loads(ladder.draw(org, format="json", root="priya"))
    assert {node["id"] for node in layout["nodes"]} >= {"priya", "liam"}
    assert "ines" not in {node["id"] for node in layout["nodes"]}
    with pytest.raises(ladder.LadderError, match="option 'split' writes several files"):
        ladder.draw(org, split="department")


def test_questions_answer_as_data():
    quickest = ladder.paths("Junior PM", "CPO", variant="scale-up")[0]
    gap = ladder.gap("Junior PM", "CPO", variant="scale-up")
    gained = [name for step in quickest.steps for name in step.gained]
    assert sorted(gap.needed) == sorted(gained)  # one meaning of "what it takes"
    moves = ladder.next_roles("liam", EXAMPLES / "startup.yaml")
    assert moves.role.id == "product-manager"
    heirs = ladder.succession("priya", EXAMPLES / "startup.yaml")
    assert heirs.candidates and all(c.person.id != "priya" for c in heirs.candidates)
    changes = ladder.diff(EXAMPLES / "startup.yaml", EXAMPLES / "scale-up.yaml")
    assert changes.counts()["joined"] == len(changes.joined) > 0


def test_validate_returns_problems_instead_of_raising():
    problems = ladder.validate(text="people:\n  - {id: a, name: A, manager: a}\n")
    assert [p.severity for p in problems] == ["error"] and problems[0].line == 2
    assert ladder.validate(EXAMPLES / "startup.yaml") == []
