"""People by name: ``--root`` (and the questions, through the same look-up) take a person's
name as well as an id, with did-you-mean over names and a clear message when two share it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder.api import load_org
from ladder.cli import main
from ladder.errors import LadderError
from ladder.renderers.org_chart import cut

EXPORT = """id,name,title,manager
1,Ada Top,CEO,
2,Una O'Brien,Director,1
3,Bo Below,Analyst,2
4,Cy Side,Director,1
5,Dee Two,Analyst,4
6,Dee Two,Analyst,4
"""


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(EXPORT, encoding="utf-8")
    return path


def test_root_by_name_draws_that_persons_team(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "una.json"
    result = CliRunner().invoke(main, ["render", str(export), "--root", "Una O'Brien",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(n["id"] for n in json.loads(out.read_text())["nodes"]) == ["2", "3"]


def test_root_by_id_still_works_and_names_ignore_case_and_spaces(export: Path) -> None:
    org = load_org(export, match_titles=False)
    assert list(cut(org, "4").people) == ["4", "5", "6"]
    assert list(cut(org, "  una   o'BRIEN ").people) == ["2", "3"]


def test_a_misspelt_name_gets_did_you_mean(export: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(export), "--root", "Una OBrien",
                                       "-o", str(tmp_path / "x.svg")])
    assert result.exit_code != 0
    assert "--root: 'people' has no person or position 'Una OBrien'" in result.output
    assert "did you mean 'Una O'Brien'?" in result.output
    assert "Traceback" not in result.output


def test_two_people_of_one_name_are_told_apart(export: Path) -> None:
    org = load_org(export, match_titles=False)
    with pytest.raises(LadderError, match=r"option 'root': 2 people are called 'Dee Two': 5, 6"):
        cut(org, "Dee Two")
