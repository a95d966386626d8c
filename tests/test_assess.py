"""ladder assess: the title a snowflake-style framework's own thresholds give, computed here
from the raw JSON; the highest role met on a role ladder; per-area gaps; mistakes with lines."""

from __future__ import annotations

import dataclasses
import itertools
import json

import pytest
from click.testing import CliRunner
from conftest import REPO

from ladder.analysis.assess import assess, load_assessment
from ladder.cli import main
from ladder.errors import SourceError
from ladder.sources.frameworks import load_framework_ladder
from ladder.sources.ladders import read_ladder

FRAMEWORKS = REPO / "examples" / "frameworks"


def expected_titles(raw: dict, ratings: dict[str, int]) -> tuple[int, list[str]]:
    """Independently of ladder: add up the JSON's milestone points, take its titles."""
    points = sum(raw["milestonePoints"][m] for m in ratings.values())
    reached = [t["minPoints"] for t in raw["titles"] if t["minPoints"] <= points]
    return points, [t["title"] for t in raw["titles"] if t["minPoints"] == max(reached)]


@pytest.fixture(scope="module")
def snowflake(request):

    path = FRAMEWORKS / "platform-snowflake.json"
    return json.loads(path.read_text()), load_framework_ladder(path)


def test_every_combination_of_milestones_gives_the_frameworks_own_title(snowflake):
    raw, ladder = snowflake
    tracks = [(t["id"].lower(), len(t["milestones"])) for t in raw["tracks"]]
    for combo in itertools.product(*(range(top + 1) for _, top in tracks)):
        ratings = {track: m for (track, _), m in zip(tracks, combo, strict=True)}
        points, titles = expected_titles(raw, ratings)
        result = assess(ladder, ratings)
        assert result.points == points
        assert [r.title for r in result.roles] == titles, ratings


def test_cli_on_the_example_assessment(data_dir, snowflake):
    raw, _ = snowflake
    result = CliRunner().invoke(main, ["assess", str(FRAMEWORKS / "sam.yaml"),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    points, titles = expected_titles(raw, {"reliability": 3, "infrastructure": 2,
                                           "mentorship": 2, "collaboration": 1})
    assert (data["points"], data["title"]) == (points, titles[0])
    assert data["next_points"] == 14
    gap = {a["area"]: a["gap"] for a in data["areas"]}
    assert gap["reliability"] == ["Sets the reliability strategy of the platform."]


def test_role_ladder_gives_the_highest_role_whose_every_area_is_met():
    product = read_ladder("product")
    senior = {"strategy": 3, "data": 3, "leadership": 3, "users": 3, "delivery": 3,
              "technology": 2}
    result = assess(product, senior)
    assert [r.id for r in result.roles] == ["senior-product-manager"]
    assert [r.id for r in result.next_roles] == ["principal-product-manager",
                                                 "director-of-product"]
    gaps = {a.area.id: [s.text for s in a.statements] for a in result.areas}
    assert gaps["market"] == ["Researches the market to find and size opportunities."]
    # one area short of the Senior PM's: Product Manager, which asks no data
    assert assess(product, {**senior, "data": 2}).title == "Product Manager"
    # the product ladder is cumulative: the Senior PM asks the Product Manager's technology
    # (at level 2, where it was last raised), so rating it 0 meets neither
    without = {k: v for k, v in senior.items() if k != "technology"}
    assert assess(product, without).title == "Junior Product Manager"
    # read level by level, each role is judged on its own areas: the Senior PM asks no
    # technology, so rating it 0 still meets the Senior PM (though not the Product Manager)
    flat = dataclasses.replace(product, cumulative=False)
    assert assess(flat, without).title == "Senior Product Manager"


def test_ratings_name_areas_in_any_case_and_roles_by_name(tmp_path):
    path = tmp_path / "ana.yaml"
    path.write_text("person: Ana\nladder: product\nratings:\n  STRATEGY: 2\n"
                    "  users and design: Product Manager\n  Delivery: 2\n  technology: 2\n"
                    "  leadership: pm\n")
    result = load_assessment(path)
    assert result.title == "Product Manager"
    assert result.ratings["users"] == 2


@pytest.mark.parametrize("ratings, line, message, hint", [
    ("  dta: 3\n", 4, "no area 'dta' in the ladder", "did you mean 'data'?"),
    ("  data: 9\n", 4, "expected a level (or a role) from 0 to 6, found 9", None),
    ("  data: 2\n  Data: 3\n", 5, "area 'Data' is rated twice", None),
])
def test_mistakes_name_the_line(tmp_path, ratings, line, message, hint):
    path = tmp_path / "a.yaml"
    path.write_text("person: A\nladder: product\nratings:\n" + ratings)
    with pytest.raises(SourceError) as caught:
        load_assessment(path)
    assert (caught.value.file, caught.value.line) == (str(path), line)
    assert message in caught.value.message
    if hint:
        assert caught.value.hint == hint


@pytest.mark.needs_dot
def test_radar_shows_every_area(tmp_path, data_dir):
    out = tmp_path / "radar.svg"
    result = CliRunner().invoke(main, ["assess", str(FRAMEWORKS / "sam.yaml"),
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    svg = out.read_text()
    for name in ("Reliability", "Infrastructure", "Mentorship", "Collaboration"):
        assert f">{name}</text>" in svg
    assert svg.count("<polygon") == 4 + 2  # four rings, the ratings and the next milestones
    png = tmp_path / "radar.png"
    result = CliRunner().invoke(main, ["assess", str(FRAMEWORKS / "sam.yaml"),
                                       "-o", str(png)])
    assert result.exit_code == 0 and png.read_bytes().startswith(b"\x89PNG")
