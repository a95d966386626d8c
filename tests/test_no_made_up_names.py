"""No made-up names: a post without a published name is named by its title, "name not
published", in every view; never by its post reference, a row number or an id the importer
made up (``0~ROW``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder.api import load_org, render
from ladder.cli import main
from ladder.renderers.results.names import card_name, person_label

HEADER = ["Post Unique Reference", "Name", "Grade", "Job Title", "Unit",
          "Reports to Senior Post", "FTE", "Organisation"]
ROWS = [
    ["TOP", "Jane Boss", "SCS4", "Permanent Secretary", "Office", "XX", "1", "Dept"],
    ["CDD003", "", "SCS1", "Deputy Director Skills", "Unit A", "TOP", "1", "Dept"],
    ["MD013", "", "SCS2", "Director Markets", "Unit A", "TOP", "0.5", "Dept"],
    ["MD013", "", "SCS2", "Director Markets", "Unit B", "TOP", "0.5", "Dept"],
    ["0", "", "SCS1", "", "Unit A", "TOP", "1", "Dept"],
    ["KX1", "Kim Known", "SCS1", "Deputy Director Data", "Unit A", "CDD003", "1", "Dept"],
]
REFERENCES = ("CDD003", "MD013", "0~")


def organogram(tmp_path: Path, rows: list[list[str]] = ROWS) -> Path:
    path = tmp_path / "senior.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return path


def test_a_nameless_post_keeps_an_empty_name_and_is_labelled_by_its_title(tmp_path):
    org = load_org(organogram(tmp_path), preset="uk-organogram", match_titles=False)
    post = org.people["CDD003"]
    assert post.name == ""  # the name field holds no reference
    assert person_label(post) == "Deputy Director Skills (name not published)"
    assert card_name(post) == "Name not published"


def test_a_job_share_of_two_nameless_rows_is_one_post_of_two_people(tmp_path):
    org = load_org(organogram(tmp_path), preset="uk-organogram", match_titles=False)
    share = org.people["MD013"]
    assert share.display_name == ""  # before: "MD013 & MD013"
    assert person_label(share) == "Director Markets (2 people, names not published)"
    assert card_name(share) == "2 people, names not published"


def test_post_zero_without_name_or_title_gets_a_clear_label(tmp_path):
    org = load_org(organogram(tmp_path), preset="uk-organogram", match_titles=False)
    (zero,) = [p for p in org if p.id.startswith("0~")]
    assert zero.name == "" and person_label(zero) == "Not in post (name not published)"
    assert person_label(zero.__class__("0~9", "")) == "Post (name not published)"


@pytest.mark.parametrize("suffix", [".svg", ".md", ".mmd"])
def test_no_view_names_a_card_by_its_reference(tmp_path, suffix):
    org = load_org(organogram(tmp_path), preset="uk-organogram", match_titles=False)
    out = tmp_path / f"chart{suffix}"
    render(org, out)
    text = out.read_text(encoding="utf-8")
    assert "name not published" in text.casefold()
    assert "Kim Known" in text
    shown = text.replace('id="', "").casefold()
    for reference in ("MD013 &amp; MD013", "MD013 & MD013", ">CDD003<", "0~"):
        assert reference.casefold() not in shown, (suffix, reference)


def test_stats_name_a_nameless_manager_by_title(tmp_path):
    result = CliRunner().invoke(main, ["stats", str(organogram(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    names = {m["id"]: m["name"] for m in json.loads(result.stdout)["managers"]}
    assert names["CDD003"] == "Deputy Director Skills (name not published)"


def test_a_diff_never_names_by_reference(tmp_path):
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    old_dir.mkdir()
    new_dir.mkdir()
    moved = [row[:] for row in ROWS]
    moved[5][5] = "TOP"  # Kim now reports to the top
    moved[1][3] = "Deputy Director Skills and Data"  # the nameless post is re-titled
    old, new = organogram(old_dir), organogram(new_dir, moved)
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Kim Known" in text
    data = json.loads(text)
    names = json.dumps({k: v for k, v in data.items() if k != "notes"})
    for reference in REFERENCES:
        assert f'"name": "{reference}' not in names, reference


def test_a_plain_export_row_without_name_is_not_named_by_its_id(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("id,name,title,manager\n1,Ada,CEO,\nCDD003,,Analyst,1\n", encoding="utf-8")
    org = load_org(path, match_titles=False)
    assert org.people["CDD003"].name == ""
    assert person_label(org.people["CDD003"]) == "Analyst (name not published)"
