"""ladder assess: the title a snowflake-style framework's own thresholds give, computed here
from the raw JSON; the highest role met on a role ladder; per-area gaps; mistakes with lines."""

from __future__ import annotations

import dataclasses
import itertools
import json

import pytest
from click.testing import CliRunner
from conftest import REPO, SHARED

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


# --------------------------------------------------------------------------- the question asked

PROFILES = REPO / "examples" / "ladders" / "engineering-profiles.yaml"


def write(tmp_path, text: str, name: str = "a.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


ANA = """\
person: Ana
ladder: product
target: Director of Product
ratings:
  strategy: 3
  data: {rating: 3, manager: 2, evidence: ["Built the funnel dashboard", "R&D <review>"]}
  leadership: 3
  users: 3
  delivery: 3
  technology: 2
"""


def test_the_target_sets_what_the_answer_compares_with(tmp_path):
    product = read_ladder("product")
    path = write(tmp_path, ANA)
    result = load_assessment(path)
    assert result.title == "Senior Product Manager"
    assert (result.target.id, result.target_given) == ("director-of-product", True)
    # the Director raises technology to level 4 and asks market research, which the next
    # role up by default (the Principal PM, first in the ladder's moves) words otherwise
    wanted = {a.area.id: a.wanted for a in result.areas}
    assert wanted["market"] == 4 and wanted["strategy"] == 3  # strategy: the Senior PM's
    gap = {a.area.id: [s.text for s in a.statements] for a in result.areas}
    assert gap["market"] == [s.text for s in dict(
        product.roles["director-of-product"].expectations)["market"]]
    # --target wins over the file's, by title, alias or id in any case
    other = load_assessment(path, target="principal pm")
    assert other.target.id == "principal-product-manager"
    assert {a.area.id: [s.text for s in a.statements] for a in other.areas}["market"] == [
        "Researches the market to find and size opportunities."]
    # without a target: the next role up, and the answer says it is the next one
    plain = load_assessment(write(tmp_path, ANA.replace("target: Director of Product\n", ""),
                                  "b.yaml"))
    assert (plain.target.id, plain.target_given) == ("principal-product-manager", False)
    text = CliRunner().invoke(main, ["assess", str(path)]).output
    assert "target: Director of Product (level 4) asks, per area:" in text
    assert "  Market and commercial: not rated, asks 4\n    + Market research." in text


def test_a_target_on_a_points_framework_is_its_threshold(tmp_path):
    path = write(tmp_path, "ladder: " + str(FRAMEWORKS / "platform-snowflake.json")
                 + "\ntarget: Staff Platform Engineer\nratings: {reliability: 3}\n")
    result = load_assessment(path)
    assert (result.target.title, result.next_points) == ("Staff Platform Engineer", 26)
    text = CliRunner().invoke(main, ["assess", str(path)]).output
    assert f"target: Staff Platform Engineer at 26 points ({26 - result.points} to go)" in text


@pytest.mark.parametrize("text, line, message, hint", [
    ("person: A\nlader: product\nratings: {data: 1}\n", 2, "assessment: unknown key 'lader'",
     "did you mean 'ladder'?"),
    ("person: A\ntarget: Direktor of Product\nratings: {data: 1}\n", 2,
     "target: ladder 'product' has no role 'Direktor of Product'", "did you mean"),
    ("ratings:\n  data: 1\n  users: {rating: 2, evidance: x}\n", 3,
     "rating of 'Users and design': unknown key 'evidance'", "did you mean 'evidence'?"),
    ("ratings:\n  data: {manager: 2}\n", 2, "the person's own rating is missing", "add"),
    ("ratings:\n  data: {rating: 2, self: 3}\n", 2, "give 'rating' or 'self', not both",
     None),
    ("ratings:\n  data: {rating: 2, manager: 8}\n", 2,
     "manager's rating of 'Data and research': expected a level", None),
    ("ratings:\n  data: {rating: 2, evidence: {a: b}}\n", 2, "evidence for 'Data and research'",
     None),
])
def test_mistakes_in_the_new_keys_name_the_line(tmp_path, text, line, message, hint):
    path = write(tmp_path, text)
    with pytest.raises(SourceError) as caught:
        load_assessment(path)
    assert (caught.value.file, caught.value.line) == (str(path), line)
    assert message in caught.value.message
    if hint:
        assert hint in caught.value.hint


def test_an_unknown_target_on_the_command_line_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["assess", str(write(tmp_path, ANA)), "--target",
                                       "Senoir PM"])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "--target" in result.output and "did you mean 'Senior PM'?" in result.output


def test_evidence_and_the_managers_ratings_are_kept_in_every_format(tmp_path):
    path = write(tmp_path, ANA.replace("ratings:", "manager: Lee\nratings:"))
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["assess", str(path), "--format", "json"]).output)
    areas = {a["area"]: a for a in data["areas"]}
    assert areas["data"]["evidence"] == ["Built the funnel dashboard", "R&D <review>"]
    assert areas["data"]["manager"] == 2 and "manager" not in areas["users"]
    # by Lee's ratings data is 2: below the Senior PM's 3, so the Product Manager
    assert data["manager"] == {"name": "Lee", "roles": ["product-manager"]}
    text = runner.invoke(main, ["assess", str(path)]).output
    assert "  Data and research: rated 3, manager 2, asks 4\n" in text
    assert "    evidence: Built the funnel dashboard\n    evidence: R&D <review>\n" in text
    assert "by Lee's ratings (the person's own where none): Product Manager" in text
    svg = tmp_path / "r.svg"
    assert runner.invoke(main, ["assess", str(path), "-o", str(svg)]).exit_code == 0
    drawn = svg.read_text()
    assert ">R&amp;D &lt;review&gt;</text>" in drawn and ">Evidence</text>" in drawn
    assert ">Lee&#x27;s ratings" in drawn or ">Lee's ratings" in drawn


def _svg_lines(svg: str) -> list[tuple[str, str, str, bool]]:
    """(tag, points, stroke, dashed) of each polygon and polyline."""
    import re

    return [(m[1], m[2], m[3], "dasharray" in m[0])
            for m in re.finditer(r'<(polygon|polyline) points="([^"]*)" fill="[^"]*" '
                                 r'stroke="([^"]*)"[^>]*>', svg)]


def test_the_radar_has_the_same_rings_for_everyone_and_a_true_legend(tmp_path):
    from ladder.renderers.page import page_svg
    from ladder.renderers.radar import RING, radar_page

    product = read_ladder("product")
    low = page_svg(radar_page(assess(product, {"users": 1})))
    high = page_svg(radar_page(assess(product, {a: 4 for a in product.areas},
                                      target=product.roles["chief-product-officer"])))
    rings = [[(tag, points) for tag, points, stroke, _ in _svg_lines(svg) if stroke == RING
              and tag == "polygon"] for svg in (low, high)]
    assert len(rings[0]) == max(product.levels()) == 6
    # the same six rings, apart from where the page centres them
    assert [len(p.split()) for _, p in rings[0]] == [len(p.split()) for _, p in rings[1]]
    for svg in (low, high):
        assert "filled" not in svg
        shapes = [(stroke, dashed) for tag, _, stroke, dashed in _svg_lines(svg)
                  if tag == "polygon" and stroke != RING]
        swatches = {(stroke, dashed) for tag, points, stroke, dashed in _svg_lines(svg)
                    if tag == "polyline" and len(points.split()) == 2 and stroke != RING}
        assert shapes and set(shapes) <= swatches  # each outline drawn in the legend as it is


def test_the_rings_stay_bounded_on_a_ladder_fifty_million_levels_high(tmp_path):
    import time

    from ladder.renderers.page import page_svg
    from ladder.renderers.radar import RING, radar_page
    from ladder.sources.document import parse_document
    from ladder.sources.ladders import parse_ladder

    ladder = parse_ladder(parse_document("""\
areas: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]
roles:
  - {id: x, level: 1, expectations: {a: [Writes.], b: [Reviews.]}}
  - {id: y, level: 50000000, expectations: {a: [Leads.], c: [Decides.]}}
moves: [{from: x, to: y}]
""", "tall.yaml"), "tall.yaml")
    started = time.perf_counter()
    svg = page_svg(radar_page(assess(ladder, {"a": 3, "b": 1})))
    assert time.perf_counter() - started < 1.0
    rings = [points for tag, points, stroke, _ in _svg_lines(svg)
             if stroke == RING and tag == "polygon"]
    assert 5 <= len(rings) <= 11
    assert ">50,000,000</text>" in svg and "a ring every 5,000,000" in svg


def test_a_profile_ladder_rates_by_named_steps_and_compares_with_the_targets_profile(tmp_path):
    from ladder.analysis.assess import role_profile

    ladder = read_ladder(str(PROFILES))
    assert role_profile(ladder, ladder.roles["staff-engineer"]) == {
        "craft": 4, "systems": 4, "people": 3, "process": 4, "reach": 3}
    path = write(tmp_path, f"ladder: {PROFILES}\ntarget: Staff Engineer\nratings:\n"
                 "  craft: Masters\n  systems: evolves\n  people: 3\n  process: Adjusts\n"
                 "  reach: {rating: Several teams}\n")
    result = load_assessment(path)
    assert result.title == "Staff Engineer" and all(a.met for a in result.areas)
    # one step short on one axis: the Senior Engineer (Staff asks Evolves, 4, in systems)
    lower = load_assessment(write(tmp_path, path.read_text().replace("evolves", "Owns"),
                                  "b.yaml"))
    assert lower.title == "Senior Engineer"
    systems = next(a for a in lower.areas if a.area.id == "systems")
    assert (systems.rating, systems.wanted) == (3, 4)
    assert [s.text for s in systems.statements] == [
        "Evolves: leads the evolution of several systems."]
    with pytest.raises(SourceError) as caught:
        load_assessment(write(tmp_path, path.read_text().replace("Several teams", "Sevral teams"),
                              "c.yaml"))
    assert caught.value.line == 8
    assert "rating of 'Reach': 'Sevral teams' is neither a step of its scale nor a role" in (
        caught.value.message)
    assert caught.value.hint == "did you mean 'Several teams'?"


def test_kims_example_assessment_answers_against_her_target():
    result = CliRunner().invoke(main, ["assess", str(FRAMEWORKS / "kim.yaml")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Kim: Engineer II\ntarget: Staff Engineer (level 4)")
    assert "  Systems: rated 3 (Owns), manager 2 (Designs), asks 4 (Evolves)\n" in result.output


@pytest.mark.needs_dot
def test_a_profile_radar_per_role(tmp_path):
    runner = CliRunner()
    out = tmp_path / "staff.svg"
    result = runner.invoke(main, ["profile", "staff engineer", "--ladder", str(PROFILES),
                                  "-o", str(out)])
    assert result.exit_code == 0, result.output
    svg = out.read_text()
    for text in ("Staff Engineer (level 4)", "Senior Engineer, the role below", "Evolves",
                 "Several teams", ">Craft</text>"):
        assert text in svg
    png = tmp_path / "staff.png"
    assert runner.invoke(main, ["profile", "Staff Engineer", "--ladder", str(PROFILES), "-o",
                                str(png)]).exit_code == 0
    assert png.read_bytes().startswith(b"\x89PNG")
    result = runner.invoke(main, ["profile", "cpo", "-o", str(tmp_path / "x.svg")])
    assert result.exit_code != 0 and "has no profile to draw" in result.output


def test_an_imported_framework_is_assessed_against_a_target(tmp_path):
    # the Monzo product framework as imported into examples/ladders: levels without names
    ladder = read_ladder("examples/ladders/monzo-product.yaml")
    areas = list(ladder.areas.values())
    top = max(ladder, key=lambda r: r.level)
    ratings = "\n".join(f"  {a.name}: 2" for a in areas)
    path = write(tmp_path, f"ladder: {REPO / 'examples/ladders/monzo-product.yaml'}\n"
                 f"target: {top.title}\nratings:\n{ratings}\n")
    result = load_assessment(path)
    assert result.target == top and result.target_given
    assert {a.wanted for a in result.areas if a.wanted} == {top.level}
    assert all(a.statements for a in result.areas if not a.met)


def test_an_imported_ft_framework_is_assessed_against_a_role_on_the_other_track(tmp_path):
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not there: clone the repo beside shared/")
    ladder_file = tmp_path / "ft.yaml"
    result = CliRunner().invoke(main, ["import", str(SHARED / "data" / "ladders" /
                                                     "ft-engineering" / "engineering.yml"),
                                       "-o", str(ladder_file)])
    assert result.exit_code == 0, result.output
    ladder = read_ladder(str(ladder_file))
    ratings = "\n".join(f"  {area.name}: 3" for area in ladder.areas.values())
    path = write(tmp_path, f"person: Ana\nladder: ft.yaml\ntarget: senior-2-pm\nratings:\n"
                 f"{ratings}\n")
    found = load_assessment(path)
    assert found.title == "Senior Engineer 1"
    assert found.target.title == "Senior Engineer 2 (People Manager)"
    # the IC role one step up is the next role; the target is the people manager's
    assert "senior-2-ic" in [r.id for r in found.next_roles]
    own = dict(ladder.roles["senior-2-pm"].expectations)
    for item in found.areas:
        assert item.wanted == 4
        assert [s.text for s in item.statements] == [s.text for s in own[item.area.id]]


def _asked_here(ladder, role_id: str) -> dict[str, int]:
    """Independently: area -> the level a role asks there. Its own areas at its level; on a
    cumulative ladder also each area of a role a chain of promotions leads from, at the level
    of the highest such role (or its own) that states it."""
    chain = {role_id}
    if ladder.cumulative:
        waiting = [role_id]
        while waiting:
            into = waiting.pop()
            for move in ladder.moves:
                if move.kind == "promotion" and move.target == into and move.source not in chain:
                    chain.add(move.source)
                    waiting.append(move.source)
    asked: dict[str, int] = {}
    for each in chain:
        role = ladder.roles[each]
        for area, said in role.expectations:
            if said:
                asked[area] = max(asked.get(area, 0), role.level)
    return asked


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("cumulative", [False, True])
def test_the_title_on_generated_ladders_is_the_highest_role_every_area_meets(seed, cumulative):
    import random

    from ladder.sources.document import parse_document
    from ladder.sources.ladders import parse_ladder

    rng = random.Random(seed)
    areas = [f"a{i}" for i in range(rng.randint(2, 5))]
    lines = [f"cumulative: {str(cumulative).lower()}",
             "areas: [" + ", ".join(f"{{id: {a}}}" for a in areas) + "]", "roles:"]
    levels = rng.randint(3, 5)
    for level in range(1, levels + 1):
        for track in ("ic", "mgmt") if level > 2 else ("ic",):
            said = {a: f"[Does {a} at {level} {track}.]" for a in areas if rng.random() < 0.6}
            said = said or {areas[0]: "[Does it.]"}
            shown = ", ".join(f"{a}: {s}" for a, s in said.items())
            lines.append(f"  - {{id: {track}{level}, level: {level}, track: {track}, "
                         f"expectations: {{{shown}}}}}")
    moves = [(f"ic{n}", f"ic{n + 1}") for n in range(1, levels)]
    moves += [(f"mgmt{n}", f"mgmt{n + 1}") for n in range(3, levels)] + [("ic2", "mgmt3")]
    lines.append("moves: [" + ", ".join(f"{{from: {a}, to: {b}}}" for a, b in moves) + "]")
    ladder = parse_ladder(parse_document("\n".join(lines) + "\n", "g.yaml"), "g.yaml")
    for _ in range(20):
        ratings = {a: rng.randint(0, levels) for a in areas if rng.random() < 0.9}
        met = [r for r in ladder if all(ratings.get(a, 0) >= level for a, level
                                        in _asked_here(ladder, r.id).items())]
        top = max((r.level for r in met), default=None)
        expected = sorted(r.id for r in met if r.level == top)
        result = assess(ladder, ratings)
        assert sorted(r.id for r in result.roles) == expected, (ratings, lines)
        aim = result.target
        if aim is not None:
            asked = _asked_here(ladder, aim.id)
            assert {a.area.id: a.wanted for a in result.areas if a.wanted} == asked


def test_the_radar_names_a_scales_steps_but_not_statements():
    from ladder.renderers.page import page_svg
    from ladder.renderers.radar import radar_page

    # a profile ladder's steps are names: each is written on its ring, the first axis too
    kim = page_svg(radar_page(load_assessment(FRAMEWORKS / "kim.yaml")))
    for step in ("Uses", "Invents", "Several teams", "Own work"):
        assert f">{step}</text>" in kim
    # a snowflake milestone is a statement: none is written on the rings
    sam = page_svg(radar_page(load_assessment(FRAMEWORKS / "sam.yaml")))
    assert "Sets the reliability strategy" not in sam
    assert "Senior Platform Engineer or Platform Team Lead, 14 points" in sam
