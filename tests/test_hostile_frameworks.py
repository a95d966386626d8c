"""Issue 22's bounds and type checks of the framework importers, each reproduced: every field of
every framework format given a value of the wrong type ends in one located LadderError (or in
a ladder that holds no Python repr of it), never a traceback; roles, areas, headings, pages and
statements past what a career ladder holds are refused quickly; ``paths`` on a ladder built to
have a huge number of paths (or dead ends beside the route) answers at once."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from ladder import api
from ladder.errors import LadderError
from ladder.sources.frameworks.draft import (
    MAX_AREAS,
    MAX_HEADINGS,
    MAX_LEVELS,
    MAX_ROLES,
    MAX_STATEMENTS,
)

WRONG = [5, -1, 1e308, True, None, "", [], ["a", 2], {}, {"a": 1}, [{"a": [1]}]]
REPRS = ("['a', 2]", "{'a': 1}", "[{'a'", "True")  # a value written as Python writes it

FT = {"name": "Engineering", "summary": "The job family.",
      "levels": [{"id": "engineer-1", "name": "Engineer 1"},
                 {"id": "engineer-2", "name": "Engineer 2"}],
      "themes": [{"id": "delivery", "name": "Delivery", "summary": "Ships."}],
      "competencies": [{"level": "engineer-1", "theme": "delivery", "summary": "Ships a change.",
                        "proficiency": "Working"},
                       {"level": "engineer-2", "theme": "delivery", "summary": "Ships a feature."}]}
SNOWFLAKE = {"name": "Platform", "summary": "Points.",
             "source": {"title": "Ours", "url": "https://example.org", "licence": "MIT"},
             "categories": [{"id": "A", "name": "Building"}],
             "tracks": [{"id": "CODE", "name": "Code", "category": "A", "description": "Writes.",
                         "milestones": [{"summary": "Writes code.", "signals": ["Tests"],
                                         "examples": ["A fix"]},
                                        {"summary": "Reviews code."}]}],
             "milestonePoints": [0, 1, 3],
             "titles": [{"title": "Engineer", "minPoints": 0},
                        {"title": "Senior", "minPoints": 2, "track": "main"}]}
MONZO = {"title": "Design", "levels": 2,
         "topics": [{"name": "craft", "title": "Craft",
                     "content": [{"level": 1, "criteria": ["Draws flows."],
                                  "exampleCriteria": [{"criteria": "Owns a flow",
                                                       "examples": ["The sign-up flow"]}]},
                                 {"level": 2, "criteria": ["Sets the bar."]}]}]}
HANDBOOK = {"title": "Product ladder"}  # front matter of a Markdown handbook

FORMATS: dict[str, tuple[dict, str, Callable[[Any], str]]] = {
    "ft": (FT, "ft.yml", lambda data: yaml.safe_dump(data, sort_keys=False)),
    "snowflake": (SNOWFLAKE, "snowflake.json", json.dumps),
    "monzo": (MONZO, "monzo.md",
              lambda data: "---\n" + yaml.safe_dump(data, sort_keys=False) + "---\n"),
    "markdown": (HANDBOOK, "handbook.md",
                 lambda data: "---\n" + yaml.safe_dump(data) + "---\n# Ladder\n"
                 "## L1 Product Manager\n### Craft\n- Writes specs\n"
                 "## L2 Senior Product Manager\n### Craft\n- Sets direction\n"),
    "headings": (HANDBOOK, "headings.md",
                 lambda data: "---\n" + yaml.safe_dump(data) + "---\n# Ladder\n"
                 "## Contributor\n- Opens issues\n- Fixes bugs\n"
                 "## Maintainer\n- Reviews changes\n- Cuts releases\n"),
}


def fields(data: Any, at: tuple = ()) -> Iterator[tuple]:
    """The path to every value of a document, the document itself first."""
    yield at
    if isinstance(data, dict):
        for key, value in data.items():
            yield from fields(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from fields(value, (*at, index))


def replaced(data: Any, at: tuple, value: Any) -> Any:
    if not at:
        return value
    data = copy.deepcopy(data)
    node = data
    for key in at[:-1]:
        node = node[key]
    node[at[-1]] = value
    return data


def test_the_documents_import_as_they_are(tmp_path):
    for name, (data, file_name, write) in FORMATS.items():
        path = tmp_path / file_name
        path.write_text(write(data), encoding="utf-8")
        assert "roles:" in api.import_file(path, format=name), name


@pytest.mark.slow  # about a thousand imports
@pytest.mark.parametrize("name", list(FORMATS))
def test_every_field_of_every_format_is_type_checked(tmp_path, name):
    data, file_name, write = FORMATS[name]
    path = tmp_path / file_name
    bad = []
    for at in fields(data):
        for value in WRONG:
            path.write_text(write(replaced(data, at, value)), encoding="utf-8")
            try:
                text = api.import_file(path, format=name)
            except LadderError as error:
                if error.file != str(path):
                    bad.append((at, value, f"error names {error.file!r}"))
                continue
            except Exception as error:  # noqa: BLE001 - the finding: a traceback
                bad.append((at, value, f"{type(error).__name__}: {error}"))
                continue
            shown = [r for r in REPRS if r in text and r not in write(data)]
            if shown:
                bad.append((at, value, f"written as {shown[0]}"))
    assert bad == []


@pytest.mark.parametrize(("name", "at", "value", "says"), [
    ("snowflake", ("milestonePoints",), 5, "'milestonePoints' must be a list of points"),
    ("snowflake", ("source", "licence"), ["MIT"], "source licence must be a text, not a list"),
    ("snowflake", ("tracks", 0, "name"), {"a": 1}, "track 'CODE' name must be a text, not a "
     "mapping"),
    ("snowflake", ("titles", 1, "track"), ["x"], "title 'Senior' track must be a text"),
    ("monzo", ("topics", 0, "content", 0, "exampleCriteria", 0, "examples"), 5, None),
    ("monzo", ("topics", 0, "content", 0, "criteria", 0), ["x"], "a criterion must be a text"),
    ("monzo", ("title",), ["Design"], "'title' must be a text, not a list"),
    ("ft", ("competencies", 0, "proficiency"), {"level": 3}, "proficiency must be a text"),
    ("ft", ("themes", 0, "summary"), ["x"], "theme 'delivery' summary must be a text"),
    ("headings", ("title",), ["x"], "front matter 'title' must be a text, not a list"),
])
def test_a_wrong_type_is_one_located_error(tmp_path, name, at, value, says):
    data, file_name, write = FORMATS[name]
    path = tmp_path / file_name
    path.write_text(write(replaced(data, at, value)), encoding="utf-8")
    if says is None:  # a number where a list of examples goes: the number, as text
        assert "- '5'" in api.import_file(path, format=name)
        return
    with pytest.raises(LadderError) as caught:
        api.import_file(path, format=name)
    assert says in caught.value.message
    assert caught.value.file == str(path)
    if name not in ("headings",):  # front matter has no line numbers of its own
        assert caught.value.line is not None


# --- bounds -------------------------------------------------------------------------------------


def refused(path: Path, says: str, **options: Any) -> LadderError:
    started = time.perf_counter()
    with pytest.raises(LadderError) as caught:
        api.import_file(path, **options)
    assert time.perf_counter() - started < 20  # refused early: no hang first
    assert says in caught.value.message, caught.value.message
    return caught.value


def test_ft_levels_past_the_limit(tmp_path):
    data = copy.deepcopy(FT)
    data["levels"] = [{"id": f"engineer-{n}", "name": f"Engineer {n}"}
                      for n in range(MAX_LEVELS + 1)]
    path = tmp_path / "ft.yml"
    path.write_text(yaml.safe_dump(data))
    error = refused(path, f"'levels' lists 101: a ladder has at most {MAX_LEVELS} levels")
    assert error.line == path.read_text().splitlines().index("levels:") + 1


def test_snowflake_titles_past_the_limit(tmp_path):
    data = copy.deepcopy(SNOWFLAKE)
    data["titles"] = [{"title": f"T{n}", "minPoints": n} for n in range(MAX_ROLES + 1)]
    path = tmp_path / "snowflake.json"
    path.write_text(json.dumps(data, indent=1))
    refused(path, f"'titles' lists {MAX_ROLES + 1:,}: a ladder has at most {MAX_ROLES:,} roles")


@pytest.mark.slow  # builds a file of 20,000 headings
def test_a_file_of_role_headings_past_the_limit(tmp_path):
    path = tmp_path / "roles.md"
    path.write_text("# Ladder\n" + "".join(f"## Engineer {n}\n- Does {n}\n- Reviews\n"
                                           for n in range(20_000)))
    refused(path, f"20,001 headings: a ladder file has at most {MAX_HEADINGS:,}",
            format="headings")


@pytest.mark.slow  # 5,001 files
def test_a_folder_of_more_pages_than_roles(tmp_path):
    folder = tmp_path / "ladder"
    folder.mkdir()
    for n in range(MAX_ROLES + 1):
        (folder / f"role-{n:04}.md").write_text(f"# Role {n}\n- Does {n}\n- Reviews\n")
    refused(folder, f"a folder of {MAX_ROLES + 1:,} Markdown pages: a career ladder has at "
            f"most {MAX_ROLES:,} roles", format="pages")


def test_more_areas_than_a_ladder_has(tmp_path):
    path = tmp_path / "roles.md"
    areas = "".join(f"### Area {n}\n- Does {n}\n" for n in range(MAX_AREAS + 1))
    path.write_text(f"# Ladder\n## Engineer\n{areas}## Senior\n- Leads\n- Reviews\n")
    refused(path, f"more than {MAX_AREAS:,} areas: a career ladder has fewer",
            format="headings")
    sheet = tmp_path / "wide.csv"
    sheet.write_text("Area,Competency,Junior,Senior\n" + "".join(
        f"Craft,Skill {n},Does {n},Leads {n}\n" for n in range(MAX_AREAS + 1)))
    refused(sheet, f"1,001 areas: a career ladder has at most {MAX_AREAS:,}", format="wide")


@pytest.mark.slow  # a sheet of 2 MB
def test_more_statements_than_a_ladder_has(tmp_path):
    sheet = tmp_path / "wide.csv"
    levels = [f"L{n}" for n in range(MAX_LEVELS)]
    cell = '"One thing\nAnother thing"'
    sheet.write_text("Area,Competency," + ",".join(levels) + "\n" + "".join(
        f"Craft,Skill {n}," + ",".join([cell] * len(levels)) + "\n" for n in range(600)))
    refused(sheet, f"120,000 statements: a career ladder has at most {MAX_STATEMENTS:,}",
            format="wide")


# --- paths on a ladder of very many paths ----------------------------------------------------


def lattice(tmp_path: Path, *, dead_ends: bool) -> Path:
    """14 levels of 4 roles, each moving to every role of the next level (4**13 paths); with
    ``dead_ends``, the goal is one move from the start and the lattice hangs beside it."""
    top = 2 if dead_ends else 17
    roles = ["  - {id: start, title: Start, level: 1}",
             f"  - {{id: goal, title: Goal, level: {top}}}"]
    moves = ["  - {from: start, to: goal, years: 1}"] if dead_ends else []
    for level in range(14):
        roles += [f"  - {{id: r{level}-{n}, title: R {level} {n}, level: {level + 3}}}"
                  for n in range(4)]
        moves += [f"  - {{from: r{level}-{a}, to: r{level + 1}-{b}, years: 1}}"
                  for a in range(4) for b in range(4) if level < 13]
    moves += [f"  - {{from: start, to: r0-{n}, years: 1}}" for n in range(4)]
    if not dead_ends:
        moves += [f"  - {{from: r13-{n}, to: goal, years: 1}}" for n in range(4)]
    path = tmp_path / "lattice.yaml"
    path.write_text("id: lattice\nname: Lattice\nroles:\n" + "\n".join(roles) + "\nmoves:\n"
                    + "\n".join(moves) + "\n")
    return path


def test_dead_ends_beside_the_route_are_not_searched(tmp_path):
    """The lattice beside a one-move route was searched whole (it never reached the goal, so
    the 10,000-path limit never came): a hang; now only roles between the two are walked."""
    started = time.perf_counter()
    found = api.paths("start", "goal", ladder=str(lattice(tmp_path, dead_ends=True)))
    assert time.perf_counter() - started < 5
    assert [path.roles for path in found] == [("start", "goal")]
    assert not found.cut


@pytest.mark.slow  # lists 10,000 paths, then finds the 20 quickest
def test_a_lattice_of_paths_gives_the_quickest_at_once(tmp_path):
    started = time.perf_counter()
    found = api.paths("start", "goal", ladder=str(lattice(tmp_path, dead_ends=False)))
    assert time.perf_counter() - started < 30
    assert found.cut and len(found) == 20
    assert "too many paths to list them all" in found.note()


# --- a mesh of dotted lines ---------------------------------------------------------------------


@pytest.mark.slow  # routes 1,200 dotted lines
def test_a_mesh_of_dotted_lines_is_routed_in_seconds():
    """150 people with 8 dotted-line managers each: the router walked every zone's list of
    dotted lines for each step of each search (about a minute here, minutes for 200 people);
    it gathers them once per search now, with the same routes."""
    people = []
    for n in range(150):
        dotted = sorted({f"p{(n * 7 + k * 13) % 150}" for k in range(1, 9)} - {f"p{n}"})
        manager = f", manager: p{(n - 1) // 6}" if n else ""
        people.append(f"  - {{id: p{n}, name: P {n}{manager}, dotted: [{', '.join(dotted)}]}}")
    org = api.load(text="company: Mesh\npeople:\n" + "\n".join(people) + "\n", format="yaml")
    started = time.perf_counter()
    layout = json.loads(api.draw(org, format="json"))
    assert time.perf_counter() - started < 30
    assert len(layout["dotted"]) == sum(len(p.dotted) for p in org.people.values())
