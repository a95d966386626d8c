"""Importing career frameworks: the real ones in shared/data/ladders and the example files
written in the other published shapes; each imports, validates and draws; broken files say
where and what."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import REPO

from ladder.cli import main
from ladder.errors import SourceError
from ladder.sources.document import read_document
from ladder.sources.frameworks import framework_of, import_framework, load_framework_ladder
from ladder.sources.ladders import read_ladder

FRAMEWORKS = REPO / "examples" / "frameworks"

REAL = {
    "ft-engineering/engineering.yml": "ft",
    "monzo/product.md": "monzo",
    "octopus/Product.md": "markdown",
    "kolbis/product-engineers_readme.md": "markdown",
    "monzo/engineering/backend.md": "monzo",
    "monzo/design/product-design.md": "markdown",
    "postman/career-ladder-for-open-source-contributors.md": "headings",
    "infracloud": "pages",
}
OURS = {"data-science.csv": "wide", "platform-snowflake.json": "snowflake", "design.md": "monzo"}


def _said(role, area: str) -> tuple:
    """The role's statements in one area, as the importer stored them (none: ``()``)."""
    return dict(role.expectations).get(area, ())

@pytest.mark.parametrize("name, kind", [*REAL.items(), *OURS.items()])
def test_each_format_is_told_by_its_content(shared_dir, data_dir, name, kind):
    path = (FRAMEWORKS / name) if name in OURS else (
        shared_dir / "data" / "ladders" / name)
    assert framework_of(path) == kind


def test_hr_exports_and_other_files_are_not_frameworks(data_dir):
    assert framework_of("examples/hr/acme-export.csv") is None
    assert framework_of("examples/startup.yaml") is None
    assert framework_of("README.md") is None


@pytest.mark.parametrize("name", [*REAL, *OURS])
def test_import_writes_a_ladder_that_validates_and_draws(shared_dir, data_dir, tmp_path, name):
    path = (FRAMEWORKS / name) if name in OURS else (
        shared_dir / "data" / "ladders" / name)
    out = tmp_path / "ladder.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("# Imported by 'ladder import'")
    result = runner.invoke(main, ["validate", str(out)])
    assert result.exit_code == 0 and ": ok:" in result.output, result.output
    ladder = read_ladder(out)
    assert ladder.areas and len(ladder) >= 3
    assert ladder.sources["source"].licence in ("MIT", "Apache-2.0", "CC-BY-4.0")
    for view in ("graph", "matrix"):
        result = runner.invoke(main, ["render", str(out), "--view", view, "-o",
                                      str(tmp_path / f"{view}.svg")])
        assert result.exit_code == 0, result.output


def test_ft_keeps_levels_themes_words_and_the_split_into_tracks(shared_dir):
    ladder = load_framework_ladder(shared_dir / "data/ladders/ft-engineering/engineering.yml")
    assert [r.title for r in ladder][:3] == ["Junior Engineer", "Engineer", "Senior Engineer 1"]
    assert ladder.roles["senior-2-ic"].level == ladder.roles["senior-2-pm"].level == 4
    assert ladder.roles["senior-2-pm"].track == "management"
    assert ladder.roles["tech-director"].track == "management"  # after a manager level
    assert {(m.source, m.target) for m in ladder.moves} >= {
        ("senior-1", "senior-2-ic"), ("senior-1", "senior-2-pm"),
        ("principal-pm", "tech-director")}
    assert len(ladder.areas) == 9
    junior = ladder.roles["junior"]
    assert _said(junior, "planning-organising")[0].text.startswith(
        "Aware of how the team delivers")
    assert len(_said(junior, "technical")) == 2  # "1. ... 2. ..." are two statements
    assert "Technical: Foundational" in [c.name for c in junior.competencies]


def test_monzo_levels_topics_and_criteria(shared_dir):
    ladder = load_framework_ladder(shared_dir / "data/ladders/monzo/product.md")
    assert [r.title for r in ladder] == ["Level 1", "Level 2", "Level 3", "Level 4"]
    assert ladder.areas["problem-solving"].name == "Problem solving"  # emoji dropped
    assert _said(ladder.roles["level-4"], "execution")[0].text == (
        "Creates frameworks that aid decision making and prioritisation.")


def test_kolbis_tables_levels_tracks_and_same_as(shared_dir):
    ladder = load_framework_ladder(
        shared_dir / "data/ladders/kolbis/product-engineers_readme.md")
    assert ladder.name == "Product Engineers"
    assert [(r.level, r.track) for r in ladder] == [(3, "ic"), (4, "ic"), (5, "management"),
                                                    (6, "management")]
    l3, l4 = ladder.roles["l3-ic-product-owner"], ladder.roles["l4-ic-product-owner"]
    assert _said(l4, "culture") == _said(l3, "culture")  # "Same as L3"
    # L6 names the area "You and your Team": the same row as the others' longer name
    team = "leadership-collaboration-you-and-your-team"
    assert _said(ladder.roles["l6-em-head-of-product"], team)[0].text.startswith(
        "You’re an inspiring leader")


def test_octopus_sections_line_up_by_position_with_bullets_as_examples(shared_dir):
    ladder = load_framework_ladder(shared_dir / "data/ladders/octopus/Product.md")
    first = _said(ladder.roles["product-manager"], "theme-1")[0]
    assert first.text == "I discover the needs and problems that matter most to our customer"
    assert first.examples[0].startswith("I discuss with customers, regularly")
    assert ladder.roles["director-of-product"].summary.startswith("I own the storyboard")


def test_wide_sheet_level_names_from_the_header(data_dir):
    ladder = load_framework_ladder(FRAMEWORKS / "data-science.csv")
    assert ladder.name == "Data science career framework"  # the title line above the header
    assert [r.title for r in ladder] == ["Associate Data Scientist", "Data Scientist",
                                         "Senior Data Scientist", "Lead Data Scientist"]
    assert ladder.areas["statistics"].group == "Craft"
    assert [s.text for s in _said(ladder.roles["data-scientist"], "statistics")] == [
        "Chooses the method that fits the question and the data",
        "Checks assumptions before trusting a result"]
    assert _said(ladder.roles["associate-data-scientist"], "mentoring") == ()


def test_wide_xlsx_reads_like_the_csv(data_dir, tmp_path):
    import csv

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    with open(FRAMEWORKS / "data-science.csv", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    book.save(tmp_path / "data-science.xlsx")
    assert framework_of(tmp_path / "data-science.xlsx") == "wide"
    from_xlsx = load_framework_ladder(tmp_path / "data-science.xlsx")
    from_csv = load_framework_ladder(FRAMEWORKS / "data-science.csv")
    assert [r.expectations for r in from_xlsx] == [r.expectations for r in from_csv]


def test_snowflake_tracks_milestones_and_thresholds(data_dir):
    path = FRAMEWORKS / "platform-snowflake.json"
    raw = json.loads(path.read_text())
    ladder = load_framework_ladder(path)
    assert ladder.points.milestone_points == tuple(raw["milestonePoints"])
    assert [(least, ladder.roles[role].title) for least, role in ladder.points.thresholds] == [
        (t["minPoints"], t["title"]) for t in raw["titles"]]
    reliability = ladder.areas["reliability"]
    assert reliability.group == "Building"
    assert reliability.milestones[1].signals == ("Defines service-level objectives",
                                                 "Removes noisy alerts")
    lead = ladder.roles["platform-team-lead"]
    assert lead.level == ladder.roles["senior-platform-engineer"].level
    assert lead.track != ladder.roles["senior-platform-engineer"].track


BROKEN = [
    # file name, content, line, words of the message
    ("ft.yml", "name: X\nsummary: s\nlevels:\n  - {id: a, name: A}\nthemes:\n"
     "  - {id: t, name: T}\ncompetencies:\n  - {id: c, level: a, theme: tt, summary: s, "
     "proficiency: Awareness}\n", 8, "theme 'tt' is not in 'themes'"),
    ("monzo.md", "---\nlevels: 2\ntopics:\n  - name: a\n    title: A\n    content:\n"
     "      - level: 0\n        criteria: [x]\n---\n", 7, "expected 'level' from 1 to 2"),
    ("wide.csv", "Area,Competency,Description,L1,L2\nCraft,Testing,d,a,b\nCraft,testing,d,c,e\n",
     3, "competency 'testing' is given twice"),
    ("snow.json", '{"tracks": [{"id": "A", "milestones": [\n  {"summary": "s"},\n  {"signals":'
     ' []}\n]}], "titles": [{"title": "E", "minPoints": 0}]}\n', 3,
     "milestone 2: expected 'summary'"),
    ("hand.md", "# Senior Engineer\n\n## Craft\n\n| Area | Statements |\n|---|---|\n| Craft |\n"
     "\n# Staff Engineer\n\n## Craft\n\n- x\n", 7, "expected two cells"),
]


@pytest.mark.parametrize("name, content, line, message", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_framework_files_name_file_line_and_what_was_expected(tmp_path, name, content,
                                                                     line, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(SourceError) as caught:
        import_framework(path)
    assert caught.value.file == str(path)
    assert caught.value.line == line
    assert message in caught.value.message


def test_a_file_that_is_no_framework_names_the_formats_and_what_was_seen(tmp_path):
    path = tmp_path / "thing.json"
    path.write_text('{"colour": "blue", "size": 3}')
    result = CliRunner().invoke(main, ["import", str(path)])
    assert result.exit_code == 1
    assert "a JSON mapping with the keys colour, size" in result.output
    for name in ("ft:", "monzo:", "wide:", "snowflake:", "markdown:"):
        assert name in result.output


def test_from_names_the_format(tmp_path, data_dir):
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(FRAMEWORKS / "design.md"),
                                  "--from", "monzo"])
    assert result.exit_code == 0 and "name: Product Design Framework" in result.output
    result = runner.invoke(main, ["import", "examples/hr/acme-export.csv", "--from", "hr"])
    assert result.exit_code == 0 and "people:" in result.output


@pytest.mark.parametrize("name", [*REAL, *OURS])
def test_imported_documents_follow_the_ladder_schema(shared_dir, name):
    jsonschema = pytest.importorskip("jsonschema")
    from ladder.sources.schema import ladder_schema

    path = (FRAMEWORKS / name) if name in OURS else (shared_dir / "data" / "ladders" / name)
    document = json.loads(json.dumps(import_framework(path).document()))
    assert list(jsonschema.Draft202012Validator(ladder_schema()).iter_errors(document)) == []


def test_the_ft_file_is_what_its_own_schema_describes(shared_dir):
    """The FT importer reads the shape the FT's JSON Schema defines: the file validates."""
    jsonschema = pytest.importorskip("jsonschema")
    folder = shared_dir / "data" / "ladders" / "ft-engineering"
    schema = json.loads((folder / "job-family.schema.json").read_text())
    data = read_document(folder / "engineering.yml")
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(
        json.loads(json.dumps(data)))) == []


def test_the_same_file_imports_to_the_same_bytes(shared_dir):
    from ladder.sources.frameworks import ladder_yaml

    path = shared_dir / "data" / "ladders" / "kolbis" / "product-engineers_readme.md"
    assert ladder_yaml(import_framework(path), path.name) == ladder_yaml(
        import_framework(path), path.name)


LADDERS = "data/ladders"


def test_monzo_example_criteria_keep_their_examples(shared_dir):
    ladder = load_framework_ladder(shared_dir / LADDERS / "monzo/engineering/backend.md")
    statements = _said(ladder.roles["level-2"], "communication")
    reviews = next(s for s in statements if s.text.startswith("Provides helpful and actionable"))
    assert reviews.examples == ("Take a look at the levelling up your code reviews talk for "
                                "some ideas",)


def test_monzo_topics_without_a_title_take_the_generic_base_beside_or_above(shared_dir):
    ladder = load_framework_ladder(shared_dir / LADDERS / "monzo/engineering/backend.md")
    assert ladder.areas["communication"].name == "Communication"  # the generic topic's title
    first = _said(ladder.roles["level-1"], "communication")
    assert [s.text for s in first[:2]] == ["Actively communicates what they are working on",
                                           "Seeks out feedback"]  # generic criteria first
    assert first[0].source == "generic" and ladder.sources["generic"].licence == "MIT"
    assert ladder.areas["leadership"].source == "source"  # a titled topic is the file's own


def test_monzo_front_matter_is_read_as_leniently_as_monzo_reads_it(tmp_path):
    path = tmp_path / "tabs.md"
    path.write_text("---\nlevels: 2\ntopics:\n  - name: craft\n    title: Craft\n"
                    "    content:\n      - level: 1\n        criteria:\n"
                    "          -\tWrites tests\n      - level: 2\n        criteria:\n"
                    "          -\tReviews tests\n---\n", encoding="utf-8")
    ladder = load_framework_ladder(path)
    assert _said(ladder.roles["level-2"], "craft")[0].text == "Reviews tests"


def test_words_past_the_declared_levels_are_listed_and_strict_refuses_them(tmp_path):
    path = tmp_path / "extra.md"
    path.write_text("---\nlevels: 2\ntopics:\n  - name: a\n    title: A\n    content:\n"
                    "      - level: 1\n        criteria: [x1]\n      - level: 2\n"
                    "        criteria: [x2]\n      - level: 3\n        criteria: [lost?]\n"
                    "---\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{path}:11: not placed on a role: topic 'a' level 3 (the file has 2 levels): " \
        "lost?" in result.output
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out), "--strict"])
    assert result.exit_code == 1
    assert "1 statement could not be placed on a role" in result.output


def test_a_heading_per_role_with_experience_lines(shared_dir, tmp_path):
    source = shared_dir / LADDERS / "postman/career-ladder-for-open-source-contributors.md"
    out = tmp_path / "postman.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "read as headings: 6 roles on 1 track, 1 area," in result.output
    ladder = read_ladder(out)
    titles = [r.title for r in ladder]
    assert titles[:3] == ["Open Source Contributor I", "Open Source Contributor II",
                          "Senior Open Source Contributor"]
    senior = ladder.roles["senior-open-source-contributor"]
    assert senior.summary.startswith("At this point, a person is mastering")  # italic note
    first = ladder.roles["open-source-contributor-i"]
    assert "minimum of 2 years" in first.summary
    assert _said(first, "expectations")[0].text.startswith("Vocal champion")
    move = next(m for m in ladder.moves if m.source == first.id)
    assert move.years == 2  # 2 years of experience to 4


def test_a_folder_of_role_pages(shared_dir):
    ladder = load_framework_ladder(shared_dir / LADDERS / "infracloud")
    assert ladder.name == "Engineering"
    assert [r.title for r in ladder] == ["Associate Engineer", "Engineer", "Senior Engineer",
                                         "Staff Engineer", "Principal Engineer"]  # by weight
    assert ladder.areas["management"].group == "Functional Competencies"
    assert ladder.areas["core-competencies"].group is None
    senior = ladder.roles["senior-engineer"]
    choice = next(s for s in _said(senior, "organization-building") if s.options)
    assert "any one of the following" in choice.text and len(choice.options) == 3
    assert "Approximate Tenure in this role" in senior.summary
    assert "Broad Indicators:" in senior.summary
    principal = ladder.roles["principal-engineer"]
    assert any(s.examples and s.examples[0].startswith("For example")
               for listed in (_said(principal, a) for a in ladder.areas) for s in listed)
    move = next(m for m in ladder.moves if m.source == "associate-engineer")
    assert move.years == 1  # "~1 year" in the associate's tenure
    # "~2-3 year" in the senior engineer's: a range, read as one
    move = next(m for m in ladder.moves if m.source == "senior-engineer")
    assert (move.years, move.years_range) == (2.5, (2.0, 3.0))


def test_front_matter_names_a_handbook_and_is_not_its_summary(shared_dir):
    ladder = load_framework_ladder(shared_dir / LADDERS / "monzo/design/product-design.md")
    assert ladder.name == "Product Design Framework"
    assert "sidebarTitle" not in ladder.summary


def test_detail_shows_summaries_and_each_areas_expectations_of_an_imported_ladder(shared_dir):
    from ladder.renderers.ladder_dot import ladder_dot

    ladder = load_framework_ladder(shared_dir / LADDERS / "infracloud")
    plain, detail = ladder_dot(ladder), ladder_dot(ladder, detail=True)
    assert plain != detail
    assert "Organization Building" in detail and "Organization Building" not in plain
    assert "You own tasks independently and can execute" in detail  # a statement, wrapped
    assert "Broad Indicators: As a broad range" in detail  # the role's summary
    assert "(+9)" in detail  # Senior Engineer's core competencies: 10 statements, 1 shown
