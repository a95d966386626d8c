"""Issue 22's unbounded framework imports, each reproduced: a 90-byte Monzo file that declares
100,000 levels, a handbook of 200,000 headings and a snowflake file whose ``milestonePoints``
is a number each end in one clear error, quickly, never a hang or a traceback."""

from __future__ import annotations

import json
import time

import pytest

from ladder import api
from ladder.errors import LadderError

MONZO = ("---\ntitle: X\nlevels: 100000\ntopics:\n  - name: craft\n    title: Craft\n"
         "    content:\n      - level: 1\n        criteria: [Does]\n---\n")


def imported(path, **options):
    started = time.perf_counter()
    with pytest.raises(LadderError) as caught:
        api.import_file(path, **options)
    assert time.perf_counter() - started < 10  # a hang before: the limit comes first
    return caught.value


def test_monzo_levels_past_the_limit(tmp_path):
    path = tmp_path / "levels.md"
    path.write_text(MONZO)
    error = imported(path)
    assert error.message == "'levels' is 100000: a ladder has at most 100 levels"
    assert error.line == 3


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_a_handbook_of_200000_headings(tmp_path):
    path = tmp_path / "handbook.md"
    path.write_text("# Ladder\n" + "".join(f"## L{n} Engineer\n### Craft\n- x\n"
                                          for n in range(100_000)))
    error = imported(path)  # detected as a handbook, then refused by its size
    assert "200,001 headings: a handbook ladder has at most 5,000" in error.message


@pytest.mark.slow  # 5,000 headings, read twice
def test_a_handbook_under_the_limit_still_reads_in_linear_time(tmp_path):
    path = tmp_path / "handbook.md"
    path.write_text("# Ladder\n" + "".join(f"## L{n} Engineer\n### Craft\n- Does {n}\n"
                                          for n in range(1, 2_000)))
    started = time.perf_counter()
    text = api.import_file(path, format="markdown")
    assert time.perf_counter() - started < 20
    assert "Does 1999" in text


@pytest.mark.parametrize("points", [5, "0,1,2", [0, "x"], {"a": 1}, [True, 1]])
def test_snowflake_milestone_points_must_be_a_list_of_numbers(tmp_path, points):
    data = {"categories": [{"id": "A", "name": "A"}], "tracks": [
        {"id": "code", "name": "Code", "category": "A", "milestones": [
            {"summary": "Writes"}, {"summary": "Reviews"}]}],
        "titles": [{"title": "Junior", "minPoints": 0}, {"title": "Senior", "minPoints": 1}],
        "milestonePoints": points}
    path = tmp_path / "snow.json"
    path.write_text(json.dumps(data, indent=1))
    error = imported(path, format="snowflake")
    assert "'milestonePoints' must be a list of points" in error.message
