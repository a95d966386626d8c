"""The Python API as a library: a docs plugin or a notebook uses it without files."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path

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


def test_draw_takes_an_options_object_and_keywords_win_over_it():
    org = ladder.load(EXAMPLES / "startup.yaml")
    top = [p.id for p in org.roots()]
    shallow = json.loads(ladder.draw(org, options=ladder.OrgOptions(depth=1), format="json"))
    assert [node["id"] for node in shallow["nodes"]] == top
    positional = ladder.draw(org, ladder.OrgOptions(depth=1), format="json")
    assert json.loads(positional) == shallow
    deeper = json.loads(ladder.draw(org, ladder.OrgOptions(depth=1), depth=2, format="json"))
    assert len(deeper["nodes"]) == 1 + len(org.children[top[0]])  # depth=2 won
    whole = ladder.Options(title="Who is who", org=ladder.OrgOptions(root="priya"))
    svg = ladder.draw(org, whole)
    assert "Who is who" in svg and "Liam" in svg and "Ines" not in svg
    ladder_json = json.loads(ladder.draw("product", ladder.LadderOptions(variant="startup"),
                                         format="json"))
    assert [role["title"] for role in ladder_json["roles"]] == ["Product Manager",
                                                                 "Head of Product"]


def test_an_options_object_is_checked_like_keywords():
    with pytest.raises(ladder.LadderError, match="option 'depth' applies to org charts, "
                                                 "not to ladders"):
        ladder.draw("product", ladder.OrgOptions(depth=2))
    with pytest.raises(ladder.LadderError, match="option 'mode' cannot be 'wide'"):
        ladder.draw(ladder.load(EXAMPLES / "startup.yaml"), ladder.OrgOptions(mode="wide"))
    with pytest.raises(ladder.LadderError, match="not dict"):
        ladder.draw("product", {"variant": "startup"})  # type: ignore[arg-type]


@pytest.mark.needs_dot
def test_render_takes_a_loaded_org_or_ladder(tmp_path, monkeypatch):
    org = ladder.load(EXAMPLES / "startup.yaml")
    written = ladder.render(org, tmp_path / "x.png")
    data = written[0].read_bytes()
    assert written == [tmp_path / "x.png"] and data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") > 300  # a real chart, not an error image
    # the same picture as from the file it was loaded from
    from_file = ladder.render(EXAMPLES / "startup.yaml", tmp_path / "y.svg")[0]
    assert ladder.render(org, tmp_path / "z.svg")[0].read_bytes() == from_file.read_bytes()
    monkeypatch.chdir(tmp_path)  # without output: named after the source, in output/
    assert ladder.render(org, options=ladder.OrgOptions(depth=2)) == [
        Path("output/startup.svg")]
    with pytest.raises(ladder.LadderError, match="output is a file name, not options"):
        ladder.render(org, ladder.OrgOptions(depth=2))  # type: ignore[arg-type]
    product = ladder.load("product")
    assert ladder.render(product, format="dot", variant="startup") == [
        Path("output/product-startup.dot")]
    with pytest.raises(ladder.LadderError, match="option 'preset' says how to read an HR "
                                                 "export, but this org is loaded already"):
        ladder.render(org, tmp_path / "x.svg", preset="uk-organogram")
    with pytest.raises(ladder.LadderError, match="cannot draw a value of type dict"):
        ladder.render({"people": []}, tmp_path / "x.svg")  # type: ignore[arg-type]


def tall_chain(folder: Path, length: int = 340) -> Path:
    """A company config of managers one under another: a PNG just over the height limit."""
    people = "".join(f"  - {{id: p{i}, name: P {i}{f', manager: p{i - 1}' if i else ''}}}\n"
                     for i in range(length))
    config = folder / "chain.yaml"
    config.write_text(f"company: Chain\npeople:\n{people}", encoding="utf-8")
    return config


@pytest.mark.needs_dot
@pytest.mark.slow
def test_the_drawn_smaller_note_reaches_on_note(tmp_path):
    notes: list[str] = []
    out = tmp_path / "tall.png"
    ladder.render(tall_chain(tmp_path), out, mode="tree", on_note=notes.append)
    assert len(notes) == 1 and notes[0].startswith("tall.png: ")
    assert "is over the limit" in notes[0] and "drawn at scale 0." in notes[0]
    assert int.from_bytes(out.read_bytes()[20:24], "big") <= 32_767
    drawn: list[str] = []
    ladder.draw(ladder.load(tall_chain(tmp_path)), format="png", mode="tree",
                on_note=drawn.append)
    assert len(drawn) == 1 and "drawn at scale 0." in drawn[0]


def test_answers_are_written_as_the_command_line_prints_them():
    from click.testing import CliRunner

    from ladder.cli import main

    for args, answer in [
        (["paths", "junior pm", "cpo", "--variant", "scale-up"],
         lambda: ladder.paths("junior pm", "cpo", variant="scale-up")),
        (["gap", "Senior PM", "CPO"], lambda: ladder.gap("Senior PM", "CPO")),
        (["next", "liam", "--org", str(EXAMPLES / "startup.yaml")],
         lambda: ladder.next_roles("liam", EXAMPLES / "startup.yaml")),
    ]:
        found = answer()
        variant = ladder.ladder_for(variant="scale-up") if "--variant" in args else None
        for format_ in ("table", "json", "markdown"):
            printed = CliRunner().invoke(main, [*args, "--format", format_])
            assert printed.exit_code == 0, printed.stderr
            assert printed.stdout == ladder.api.answer_text(found, format_, ladder=variant)
    table = ladder.api.answer_text(ladder.paths("pm", "senior pm"))
    assert table.startswith("Product Manager -> Senior Product Manager: 1 path\n")
    with pytest.raises(ladder.LadderError, match="cannot be written as 'csv'"):
        ladder.api.answer_text(ladder.gap("pm", "senior pm"), "csv")


@pytest.mark.needs_dot
def test_the_more_pages_note_reaches_on_note_and_stderr(tmp_path):
    from click.testing import CliRunner

    from ladder.cli import main

    config = tall_chain(tmp_path, 60)  # one subtree too long for an 8:1 page
    notes: list[str] = []
    written = ladder.render(config, tmp_path / "book" / "chain.pdf", mode="tree",
                            split="depth:1", on_note=notes.append)
    assert len(written) > 2 and all(path.read_bytes()[:5] == b"%PDF-" for path in written)
    assert len(notes) == 1 and re.search(r"\d+ more pages? than --split depth:1 makes",
                                         notes[0])
    result = CliRunner().invoke(main, ["render", str(config), "--mode", "tree", "--split",
                                       "depth:1", "-o", str(tmp_path / "cli" / "chain.pdf")])
    assert result.exit_code == 0, result.stderr
    assert f"note: {notes[0]}\n" == result.stderr


def test_the_row_accounting_of_an_export_reaches_on_note_by_render_and_draw(tmp_path):
    export = EXAMPLES / "hr" / "acme-export.csv"
    rendered: list[str] = []
    ladder.render(export, tmp_path / "acme.json", on_note=rendered.append)
    drawn: list[str] = []
    ladder.draw(export, format="json", on_note=drawn.append)
    assert rendered[0] == drawn[0] and rendered[0].startswith("16 rows: 15 drawn, 5 problems")
