"""A folder given to `ladder import`: a folder of role pages, or a folder holding a framework
file beside its licence, readme and pictures (read as that file, the rest named as skipped), or
several frameworks (a clear error naming them). Every folder of shared/data/ladders, and
generated folders of each shape."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import REPO

from ladder.cli import main
from ladder.errors import SourceError
from ladder.sources.frameworks import framework_of, import_framework, ladder_yaml

LADDERS = ("data", "ladders")
FRAMEWORKS = REPO / "examples" / "frameworks"
# each published folder and the file it stands for (None: a folder of role pages)
FOLDERS = {
    "postman": ("career-ladder-for-open-source-contributors.md", "headings"),
    "monzo": ("product.md", "monzo"),
    "kolbis": ("product-engineers_readme.md", "markdown"),
    "octopus": ("Product.md", "markdown"),
    "ft-engineering": ("engineering.yml", "ft"),
    "infracloud": (None, "pages"),
    "monzo/engineering": ("backend.md", "monzo"),  # the base one folder up is merged
    "monzo/design": ("product-design.md", "markdown"),
}


def _body(text: str) -> str:
    """A ladder file without its comment header (which says where it was read from)."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


def test_every_published_folder_is_listed(shared_dir):
    folder = shared_dir.joinpath(*LADDERS)
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_dir()) == \
        sorted(FOLDERS)


@pytest.mark.parametrize("name", FOLDERS)
def test_a_published_folder_imports_as_its_framework_file(shared_dir, name):
    folder = shared_dir.joinpath(*LADDERS, name)
    file, shape = FOLDERS[name]
    assert framework_of(folder) == shape
    draft = import_framework(folder)
    assert draft.roles and any(role.get("expectations") for role in draft.roles)
    if file is None:  # role pages: what is not a page is named
        assert draft.folder_note == f"read the role pages of {name}/; skipped: LICENSE (licence)"
        return
    alone = import_framework(folder / file)
    assert _body(ladder_yaml(draft, name)) == _body(ladder_yaml(alone, file))  # same ladder
    assert draft.folder_note.startswith(
        f"read {file}, the one framework in {name.split('/')[-1]}/")
    assert "LICENSE (licence)" in draft.folder_note or "/" in name  # beside or above
    assert draft.notes[0].startswith(f"Read {file}")  # and the file's header says so


def test_monzos_folder_keeps_its_generic_base_aside_and_names_what_it_skipped(shared_dir):
    note = import_framework(shared_dir.joinpath(*LADDERS, "monzo")).folder_note
    assert "generic.md (the generic base, merged into a topic with no title)" in note
    assert "design/ (sub-folder, not read)" in note and "engineering/ (sub-folder" in note


def test_a_monzo_framework_beside_its_base_in_a_folder_merges_the_base(shared_dir, tmp_path):
    monzo = shared_dir.joinpath(*LADDERS, "monzo")
    shutil.copy(monzo / "generic.md", tmp_path / "generic.md")
    shutil.copy(monzo / "engineering" / "backend.md", tmp_path / "backend.md")
    draft = import_framework(tmp_path)
    assert draft.folder_note.startswith("read backend.md")
    assert "generic" in [source["id"] for source in draft.sources]
    generic = [s for role in draft.roles for listed in role["expectations"].values()
               for s in listed if isinstance(s, dict) and s.get("source") == "generic"]
    assert generic  # the base's criteria are among the levels' statements


def test_ft_folder_skips_its_picture_and_schema(shared_dir):
    note = import_framework(shared_dir.joinpath(*LADDERS, "ft-engineering")).folder_note
    assert "engineering-roles.png (image)" in note
    assert "job-family.schema.json (no framework shape)" in note


def test_a_generated_folder_with_one_sheet_a_readme_and_a_logo(tmp_path):
    shutil.copy(FRAMEWORKS / "data-science.csv", tmp_path / "ladder.csv")
    (tmp_path / "README.md").write_text("# Our ladder\n\n- read the sheet\n- ask HR\n")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "NOTICE.txt").write_text("no framework here\n")
    (tmp_path / ".hidden.md").write_text("# x\n")
    draft = import_framework(tmp_path)
    assert draft.folder_note == (f"read ladder.csv, the one framework in {tmp_path.name}/; "
                                 "skipped: .hidden.md (hidden), logo.png (image), NOTICE.txt "
                                 "(about the repository), README.md (about the repository)")
    assert [r["title"] for r in draft.roles][:2] == ["Associate Data Scientist",
                                                     "Data Scientist"]


def test_a_generated_folder_of_two_frameworks_names_both(tmp_path):
    shutil.copy(FRAMEWORKS / "data-science.csv", tmp_path / "data.csv")
    shutil.copy(FRAMEWORKS / "design.md", tmp_path / "design.md")
    (tmp_path / "LICENSE").write_text("MIT License\n")
    assert framework_of(tmp_path) is None
    with pytest.raises(SourceError) as caught:
        import_framework(tmp_path)
    assert caught.value.message == ("a folder with 2 frameworks: data.csv (wide), "
                                    "design.md (monzo)")
    assert str(tmp_path / "data.csv") in caught.value.hint


def test_a_generated_folder_with_nothing_to_read_says_what_it_skipped(tmp_path):
    (tmp_path / "LICENSE").write_text("MIT License\n")
    (tmp_path / "chart.png").write_bytes(b"\x89PNG")
    (tmp_path / "sub").mkdir()
    with pytest.raises(SourceError) as caught:
        import_framework(tmp_path)
    assert "no framework file; skipped: chart.png (image), LICENSE (licence), sub/ " \
           "(sub-folder, not read)" in caught.value.message


def test_generic_base_alone_in_its_folder_is_the_framework(tmp_path):
    shutil.copy(FRAMEWORKS / "design.md", tmp_path / "generic.md")
    assert framework_of(tmp_path) == "monzo"
    assert import_framework(tmp_path).folder_note.startswith("read generic.md")


def _role_page(title: str, weight: int) -> str:
    return (f"---\ntitle: {title}\nweight: {weight}\n---\n\n## Delivery\n\n"
            f"- Ships {title.lower()} work\n- Reviews code\n")


def test_a_generated_folder_of_role_pages_with_a_readme_stays_role_pages(tmp_path):
    for weight, title in enumerate(["Engineer", "Senior Engineer", "Staff Engineer"]):
        (tmp_path / f"{title.lower().replace(' ', '-')}.md").write_text(
            _role_page(title, weight))
    (tmp_path / "README.md").write_text("# Career ladder\n\n- how to read it\n- who owns it\n")
    (tmp_path / "diagram.png").write_bytes(b"\x89PNG")
    (tmp_path / "levels.csv").write_text("a,b\n1,2\n")
    (tmp_path / "old").mkdir()
    assert framework_of(tmp_path) == "pages"
    draft = import_framework(tmp_path)
    assert [r["title"] for r in draft.roles] == ["Engineer", "Senior Engineer", "Staff Engineer"]
    assert draft.summary == "how to read it who owns it"  # the README: the ladder's intro
    assert draft.folder_note == (f"read the role pages of {tmp_path.name}/; skipped: "
                                 "diagram.png (image), levels.csv (not a Markdown page), old/ "
                                 "(sub-folder, not read)")


def test_a_generated_folder_of_two_handbooks_is_two_frameworks_not_two_roles(tmp_path):
    handbook = ("# Product Manager\n\n## Delivery\n\n- Ships\n- Measures\n\n"
                "# Senior Product Manager\n\n## Delivery\n\n- Leads\n- Plans\n")
    (tmp_path / "product.md").write_text(handbook)
    (tmp_path / "design.md").write_text(handbook.replace("Product", "Design"))
    shapes = {framework_of(tmp_path / "product.md"), framework_of(tmp_path / "design.md")}
    assert None not in shapes
    with pytest.raises(SourceError, match="a folder with 2 frameworks: design.md"):
        import_framework(tmp_path)


def test_a_big_folder_of_role_pages_is_told_and_read_in_linear_time(tmp_path, monkeypatch):
    """Telling a folder of role pages from a folder of handbooks looks at a page only until
    the answer is sure (just over half of them), and the promotions are chained with a
    look-up per role, not a walk back through every role before it."""
    from ladder.sources.frameworks import detect

    for level in range(41):
        (tmp_path / f"role-{level:02d}.md").write_text(_role_page(f"Engineer {level}", level))
    looked_at: list[str] = []
    real = detect.framework_of
    monkeypatch.setattr(detect, "framework_of",
                        lambda path, **kw: looked_at.append(path.name) or real(path, **kw))
    assert detect.framework_of(tmp_path) == "pages"
    assert looked_at[1:] == [f"role-{level:02d}.md" for level in range(21)]  # 21 of 41
    draft = import_framework(tmp_path)
    assert [(m["from"], m["to"]) for m in draft.moves] == [
        (draft.roles[level]["id"], draft.roles[level + 1]["id"]) for level in range(40)]
    # half of them handbooks of their own: not one ladder, however the pages are ordered
    for level in range(0, 41, 2):
        (tmp_path / f"role-{level:02d}.md").write_text(
            f"# Product Manager {level}\n\n- Ships\n- Measures\n\n"
            f"# Senior Product Manager {level}\n\n- Leads\n- Plans\n")
    assert real(tmp_path) is None


def test_from_names_the_shape_of_a_folders_one_unrecognised_file(tmp_path):
    shutil.copy(FRAMEWORKS / "data-science.csv", tmp_path / "sheet.csv")
    (tmp_path / "LICENSE").write_text("MIT License\n")
    draft = import_framework(tmp_path, "wide")
    assert draft.folder_note.startswith("read sheet.csv")


def test_cli_prints_which_file_of_the_folder_it_read(shared_dir, tmp_path):
    out = tmp_path / "ft.yaml"
    result = CliRunner().invoke(main, ["import", str(shared_dir.joinpath(*LADDERS,
                                                                         "ft-engineering")),
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "note: read engineering.yml, the one framework in ft-engineering/; skipped: " \
           "engineering-roles.png (image), LICENSE (licence), job-family.schema.json (no " \
           "framework shape)\n" in result.output
    assert out.read_text().startswith("# Imported by 'ladder import' from ft-engineering.\n"
                                      "# Read engineering.yml")


def test_a_file_too_big_to_read_is_skipped_and_said(tmp_path, monkeypatch):
    shutil.copy(FRAMEWORKS / "data-science.csv", tmp_path / "ladder.csv")
    (tmp_path / "huge.md").write_text("# x\n" + "- y\n" * 300_000)  # over 1 MB
    monkeypatch.setenv("LADDER_MAX_INPUT_MB", "1")
    note = import_framework(tmp_path).folder_note
    assert "huge.md (cannot be read: larger than the 1 MB ladder reads)" in note


def test_a_hugo_index_page_is_the_intro_and_a_readme_beside_it_is_named(tmp_path):
    for weight, title in enumerate(["Engineer", "Senior Engineer"]):
        (tmp_path / f"{weight}.md").write_text(_role_page(title, weight))
    (tmp_path / "_index.md").write_text("---\ntitle: Engineering\n---\n\nThe ladder.\n")
    (tmp_path / "README.md").write_text("# Repo\n\nHow to build the site.\n")
    draft = import_framework(tmp_path)
    assert draft.name == "Engineering" and draft.summary == "The ladder."
    assert draft.folder_note.endswith("skipped: README.md (a second index page)")
