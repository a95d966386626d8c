"""PDF books on paper (issue 19): every name as text, no page larger than the paper, a bookmark
per page of the tree, links between pages both ways, the same bytes for the same org."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.split_png import organogram_rows
from bench.synth import synthetic_rows
from ladder.analysis.teams import team_counts
from ladder.cli import main
from ladder.errors import RenderError
from ladder.model import Org, Person
from ladder.renderers.book import PAPERS, book, paper_size, plan_book
from ladder.renderers.org_cards import department_colours
from tests.sample_orgs import random_org

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.needs_dot


def synthetic(size: int) -> Org:
    return Org.build("Synthetic", [
        Person(pid, name, title=title, manager=boss or None, department=dep)
        for pid, boss, name, title, dep in synthetic_rows(size, 2)])


@pytest.fixture(scope="module")
def a4_book() -> tuple[Org, bytes]:
    org = synthetic(250)
    return org, book(org, paper="a4", landscape=True)


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_every_page_is_a4_and_every_name_is_text(a4_book: tuple[Org, bytes]) -> None:
    org, data = a4_book
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 3
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == (
            PAPERS["a4"][1], PAPERS["a4"][0])
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                              check=True).stdout.decode("utf-8")
    else:
        text = "\n".join(page.extract_text() for page in reader.pages)
    assert all(p.name in text for p in org.people.values())
    assert "page 2 of" in text


@pytest.mark.slow  # about 25 s: 5,000 people on some 500 pages
def test_a_book_of_5000_people_on_a4_has_every_name_and_a_bookmark_per_department(
        tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    org = Org.build("Department of Examples", [
        Person(pid, name, title=title, manager=boss or None, department=unit)
        for pid, boss, name, title, unit in organogram_rows(5_000, 3)])
    path = tmp_path / "book.pdf"
    path.write_bytes(book(org, paper="a4"))
    reader = pypdf.PdfReader(str(path))
    a4 = PAPERS["a4"]
    for page in reader.pages:  # no page larger than A4 (portrait, as asked)
        assert float(page.mediabox.width) <= a4[0] + 0.01
        assert float(page.mediabox.height) <= a4[1] + 0.01
    def text_of(first: int = 1, last: int = len(reader.pages)) -> str:
        return subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), str(path), "-"],
                              capture_output=True, check=True, text=True).stdout

    text = text_of()
    # every name as text, as often as people have it (context cards repeat some on later
    # pages, so at least as often)
    wanted = Counter(p.name for p in org.people.values())
    missing = {name: n for name, n in wanted.items() if text.count(name) < n}
    assert not missing
    assert f"page {len(reader.pages)} of {len(reader.pages)}" in text_of(len(reader.pages))
    # the outline: the tree of pages, then an entry per department at its head's page
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in top] == ["Department of Examples (page 1)", "Departments"]
    index = reader.outline[-1]
    departments = {p.department for p in org.people.values()}
    assert len(departments) > 100
    assert [item.title.rsplit(" (page ", 1)[0] for item in index] == list(dict.fromkeys(
        d for d in department_colours(org) if d in departments))
    page_text = {}
    for item in index:
        number = reader.get_destination_page_number(item)
        if number not in page_text:
            page_text[number] = text_of(number + 1, number + 1)
        name = item.title.rsplit(" (page ", 1)[0]
        assert name in page_text[number], (name, number)  # its head's card is on that page
        assert item.title.endswith(f"(page {number + 1})")


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_bookmarks_follow_the_tree_and_links_go_both_ways(a4_book: tuple[Org, bytes]) -> None:
    _, data = a4_book
    reader = pypdf.PdfReader(io.BytesIO(data))
    outline = reader.outline
    assert len(outline) >= 1 and isinstance(outline[1], list)  # teams nested under the top
    pages = len(reader.pages)
    links = {}
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots", []) or []:
            item = annotation.get_object()
            if item.get("/Subtype") == "/Link" and "/Dest" in item:
                goal = reader.get_page_number(item["/Dest"][0].get_object())
                links.setdefault(number, set()).add(goal)
    assert 0 in links and all(0 <= goal < pages for goals in links.values() for goal in goals)
    team = min(links[0])
    assert 0 in links.get(team, set())  # the team's page links back to its manager's


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_the_same_org_gives_the_same_bytes(a4_book: tuple[Org, bytes]) -> None:
    org, data = a4_book
    assert book(org, paper="a4", landscape=True) == data


def test_unknown_paper_is_a_clear_error() -> None:
    with pytest.raises(RenderError, match="unknown paper size 'a44'"):
        paper_size("a44")


def test_the_cli_makes_a_book(tmp_path: Path) -> None:
    source = tmp_path / "org.csv"
    source.write_text("id,parentId,name,position\nE0,,Ada Okafor,CEO\nE1,E0,Ben Silva,CTO\n",
                      encoding="utf-8")
    out = tmp_path / "org.pdf"
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(out), "--paper",
                                       "letter"])
    assert result.exit_code == 0, result.output
    page = pypdf.PdfReader(str(out)).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (612.0, 792.0)


@pytest.mark.parametrize(("extra", "message"), [
    (["--paper", "a4", "-f", "png"], "--paper makes a PDF book, not a png file"),
    (["--paper", "a4", "--split", "department"], "paper and --split both cut"),
    (["--landscape"], "landscape turns the sheets"),
])
def test_paper_with_what_it_cannot_do_is_a_clear_error(tmp_path: Path, extra: list[str],
                                                       message: str) -> None:
    source = tmp_path / "org.csv"
    source.write_text("id,parentId,name\nE0,,Ada\nE1,E0,Ben\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(tmp_path / "o.pdf"),
                                       *extra] if "-f" not in extra else
                                ["render", str(source), "-o", str(tmp_path / "o.png"), *extra])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow  # a few seconds a case: 600 people planned page by page
@pytest.mark.parametrize("org", [synthetic(600), random_org(3, 600, wide=True)],
                         ids=["synthetic", "random-wide"])
def test_pages_are_filled_not_a_sheet_per_small_team(org: Org) -> None:
    # a team wider than the sheet is listed in columns as tall as the sheet, and small teams
    # of one manager share a page: before, 600 people took 95 A4 pages (6.3 a page)
    pages = plan_book(org, paper_size("a4"), counts=team_counts(org))
    assert {pid for page in pages for pid in page.members} == set(org.people)  # everyone
    assert len(org.people) / len(pages) >= 8
    for page in pages:  # each page is one tree: its tops hang under one chain
        assert page.org is not None
        assert len(page.org.roots()) == 1, page.name
