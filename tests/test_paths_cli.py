"""The paths, gap, next and succession commands as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "ladders"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_paths_table():
    result = run("paths", "Junior PM", "cpo")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Junior Product Manager -> Chief Product Officer: 2 paths")
    assert "strategic product vision" in result.stdout


def test_paths_json_is_the_issue_shape():
    result = run("paths", "junior-pm", "cpo", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["from", "to", "paths"]
    assert list(data["paths"][0]) == ["years", "steps"]
    # the issue's keys, where each fact comes from, then (a ladder with areas) what the step
    # adds per area
    step = data["paths"][0]["steps"][0]
    assert list(step) == ["from", "to", "kind", "years", "gained", "years_source",
                          "gained_sources", "areas"]
    # the built-in ladder's typical years are common practice, not the article's
    assert step["years_source"] == "practice"
    assert set(step["gained_sources"]) == set(step["gained"])


def test_paths_markdown():
    result = run("paths", "pm", "senior pm", "--format", "markdown")
    assert result.exit_code == 0, result.output
    # practice facts (the years, competencies the article does not list) in italics, and said
    assert ("| 1 | Product Manager | Senior Product Manager | promotion | *2.5* | "
            "*product strategy for an area*") in result.stdout
    assert "*Italics*: Common industry practice \\(not in the article\\)." in result.stdout


def test_avoid_management_keeps_to_the_ic_track():
    result = run("paths", "junior-pm", "principal-pm", "--avoid", "management",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    roles = {step["to"] for path in json.loads(result.stdout)["paths"] for step in path["steps"]}
    assert roles == {"product-manager", "senior-product-manager", "principal-product-manager"}


def test_via():
    result = run("paths", "junior-pm", "cpo", "--via", "Principal PM", "--format", "json")
    paths = json.loads(result.stdout)["paths"]
    assert len(paths) == 1 and paths[0]["years"] == 13


@pytest.mark.parametrize("variant", ["startup", "scale-up", "enterprise"])
def test_variant_paths_reach_cpo(variant):
    result = run("paths", "junior-pm", "cpo", "--variant", variant, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["to"] == "chief-product-officer"
    assert data["paths"][0]["steps"][-1]["gained"][2] == "strategic product vision"


def test_startup_explains_the_mapping_on_stderr():
    result = run("paths", "junior-pm", "cpo", "--variant", "startup", "--format", "json")
    assert "note: Junior Product Manager is not a role in the Startup variant" in result.stderr
    assert json.loads(result.stdout)["from"] == "product-manager"  # stdout stays clean JSON


@pytest.mark.parametrize(("args", "message"), [
    (("paths", "junior pn", "cpo"), "has no role 'junior pn' (did you mean 'Junior PM'?)"),
    (("paths", "pm", "cpo", "--avoid", "management"), "the goal 'Chief Product Officer' is "
                                                      "among the roles to avoid"),
    (("paths", "cpo", "pm"), "swap FROM and TO"),
    (("paths", "pm", "cpo", "--variant", "statup"), "did you mean 'startup'?"),
    (("paths", "pm", "cpo", "--ladder", "no-such-ladder.yaml"), "no ladder file"),
    (("gap", "pm", "sneior pm"), "did you mean 'Senior PM'?"),
])
def test_mistakes_give_one_line_and_exit_1(args, message):
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.output and result.stdout == ""


def test_gap_command():
    result = run("gap", "senior pm", "director of product", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["needed"]) == 8 and data["extra"] == []
    # the built-in ladder is cumulative: the Director asks what the Senior PM asked
    assert data["shared"] == ["data analysis"]
    assert data["statements"] == sum(len(a["added"]) for a in data["areas"]) == 11


def test_paths_on_a_real_ladder_file():
    result = run("paths", "junior engineer", "cto", "--ladder",
                 str(EXAMPLES / "ft-engineering.yaml"), "--avoid", "principal-ic")
    assert result.exit_code == 0, result.output
    assert "Technology Director" in result.stdout
    assert "typical years not given" in result.stdout


def test_paths_across_ladders():
    result = run("paths", "engineering:senior-1", "product:cpo", "--ladder",
                 str(EXAMPLES / "engineering-to-product.yaml"), "--format", "json")
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout)["paths"][0]
    assert first["steps"][0].pop("areas")  # the product ladder's areas, new at the move
    sources = first["steps"][0].pop("gained_sources")
    assert set(sources.values()) == {"product:article"}  # the article lists these
    assert "years_source" not in first["steps"][0]  # the set gives this move no years source
    assert first["steps"][0] == {
        "from": "engineering:senior-1", "to": "product:product-manager", "kind": "lateral",
        "years": 1.0, "gained": [
            "corporate strategy", "design expertise", "consumer demands", "user needs",
            "technology, business and design", "making a product as efficient as possible"],
    }


COMPANY = """\
company: Acme Robotics
ladder: product
departments:
  - {id: product, name: Product}
people:
  - {id: omar, name: Omar Haddad, role: chief-product-officer, department: product}
  - {id: open-dir, vacant: true, role: director-of-product, manager: omar, department: product}
  - {id: ana, name: Ana Lopez, role: senior-product-manager, manager: omar}
  - {id: lee, name: Lee Park, role: product-manager, manager: ana}
  - {id: kim, name: Kim Ito, role: senior-product-manager, manager: open-dir}
"""

def test_next_and_succession_commands(tmp_path):
    config = tmp_path / "acme.yaml"
    config.write_text(COMPANY, encoding="utf-8")
    result = run("next", "ana", "--org", str(config), "--format", "json")
    assert result.exit_code == 0, result.output
    moves = {m["role"]: m for m in json.loads(result.stdout)["moves"]}
    assert moves["director-of-product"]["openings"] == ["open-dir"]
    result = run("succession", "open-dir", "--org", str(config), "--format", "json")
    assert result.exit_code == 0, result.output
    # Kim reports to the open position itself: nearest; Ana is two lines away.
    assert [c["person"] for c in json.loads(result.stdout)["candidates"]] == ["kim", "ana"]
    result = run("next", "anna", "--org", str(config))
    assert result.exit_code == 1 and "did you mean" in result.stderr
