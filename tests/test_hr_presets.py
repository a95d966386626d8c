"""The uk-organogram preset on a small file holding every quirk of the format."""

from __future__ import annotations

import pytest
from hr_helpers import DATA, assert_accounted
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.errors import SourceError
from ladder.sources.hr import load_export

SENIOR = DATA / "organogram_senior.csv"
JUNIOR = DATA / "organogram_junior.csv"


@pytest.fixture(scope="module")
def result():
    return load_export(SENIOR, preset="uk-organogram", junior=JUNIOR)


def test_accounting(result):
    assert result.rows == 14 + 6
    assert result.drawn == 17
    assert result.undrawn == [(str(SENIOR), 9), (str(SENIOR), 12), (str(JUNIOR), 3)]
    assert_accounted(result)
    assert result.summary() == (
        "20 rows: 17 drawn, 10 problems (1 case-only manager match: use --fix case; "
        "1 missing manager; 1 duplicate row; 1 repeated post id; 1 job share; "
        "2 eliminated posts; 2 people not in post (post 0); 1 unreadable FTE)")


def test_senior_problems_by_row(result):
    senior = {p.line: p.kind for p in result.problems if p.file == str(SENIOR)}
    assert senior == {8: "job-share", 9: "eliminated-post", 10: "eliminated-post",
                      12: "repeated-post", 13: "not-in-post", 14: "not-in-post",
                      15: "case-only-manager"}
    junior = {p.line: p.kind for p in result.problems if p.file == str(JUNIOR)}
    assert junior == {3: "duplicate-row", 4: "missing-manager", 6: "bad-fte"}


def test_names_vacancies_and_titles(result):
    people = result.org.people
    assert result.org.name == "Department of Examples"
    assert people["TOP"].manager is None  # 'XX' is the top
    assert people["D1"].name == "Not disclosed"
    # Vacant spelt 'Vacant', Vacant' and Vacancy: all vacant posts
    assert all(people[p].vacant and people[p].name == "Vacant" for p in ("D2", "D3", "D4"))
    assert people["D2"].title == "Director B"  # stray quotes dropped
    assert people["c1"].title == "Analysis Lead"  # a line break inside quotes
    assert people["D1"].extra == (("grade", "SCS2"),)  # the 2011 header 'Grade'


def test_job_share_is_one_card(result):
    share = result.org.people["JS1"]
    assert share.name == "Ann Share" and share.shared_with == ("Bob Share",)
    assert share.display_name == "Ann Share & Bob Share"
    assert ("post_fte", "0.5") in share.extra


def test_eliminated_posts(result):
    people = result.org.people
    assert "E1" not in people  # gone, nobody reports to it
    gone = people["E2"]  # gone, but E2R still reports to it
    assert gone.vacant and gone.name == "Eliminated"
    assert people["E2R"].manager == "E2"
    assert people["D1"].name == "Not disclosed"  # the live row of the repeated post


def test_post_zero_and_junior_groups(result):
    people = result.org.people
    assert people["0~13"].manager == "TOP" and people["0~14"].manager == "TOP"
    assert people["0~13"].department is None  # unit 'N/A'
    group = people["junior~2"]
    # the job title is the title (what title matching reads), the grade stays the grade
    assert (group.name, group.title, group.fte, group.manager) == (
        "Policy Adviser", "Policy Adviser", 3.5, "D1")
    assert dict(group.extra)["grade"] == "Grade 7"
    assert people["junior~5"].vacant and people["junior~5"].fte == 1.0
    assert people["junior~6"].fte is None  # FTE 'N/A': reported
    assert people["junior~4"].manager is None  # its senior post does not exist
    # duplicate junior rows are drawn once: FTE is not double counted
    # D1 + the JS1 job share (2) + 3.5 FTE (counted 4) + a vacant group (0)
    assert result.org.headcount("D1") == 1 + 2 + 4 + 0


def test_fix_case_links_the_case_only_post():
    fixed = load_export(SENIOR, junior=JUNIOR, fix="case")  # the preset is found by headers
    assert fixed.preset == "uk-organogram"
    assert fixed.org.people["c1"].manager == "D1"


def test_senior_file_without_junior():
    result = load_export(SENIOR, preset="uk-organogram")
    assert result.rows == 14 and result.drawn == 12
    assert_accounted(result)


def test_preset_errors(tmp_path):
    with pytest.raises(SourceError) as caught:
        load_export(SENIOR, preset="uk-organagram")
    assert str(caught.value) == ("unknown preset 'uk-organagram' "
                                 "(did you mean 'uk-organogram'?)")
    with pytest.raises(SourceError, match="presets: uk-organogram"):
        load_export(SENIOR, preset="zzz")
    with pytest.raises(SourceError, match="this is a senior-staff file, not the junior one"):
        load_export(SENIOR, preset="uk-organogram", junior=SENIOR)
    with pytest.raises(SourceError, match="--junior is for the junior-staff file"):
        load_export(DATA / "cycles.csv", junior=JUNIOR)
    with pytest.raises(SourceError, match="not a UK organogram senior-staff file"):
        load_export(DATA / "cycles.csv", preset="uk-organogram")
    with pytest.raises(SourceError, match="this is a junior-staff file, not the senior one"):
        load_export(JUNIOR, preset="uk-organogram")


HEADER = ('"Post Unique Reference","Name","Grade","Job Title","Unit",'
          '"Reports to Senior Post","FTE"')
posts = st.sampled_from(["P1", "P2", "P3", "p3", "P4", "0", "XX", " P1"])
names = st.sampled_from(["Ann", "Bo", "N/D", "'Vacant'", "Vacancy", "Eliminated'",
                         "'Eliminated'", ""])


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(posts, names, posts), min_size=1, max_size=10),
       st.lists(st.tuples(posts, st.sampled_from(["1", "2.5", "N/A", "0"])), max_size=5),
       st.sampled_from([(), ("case", "space")]))
def test_any_organogram_is_fully_accounted(tmp_path_factory, seniors, juniors, fix):
    folder = tmp_path_factory.mktemp("uk")
    senior = folder / "senior.csv"
    senior.write_text("\n".join([HEADER] + [
        f'"{post}","{name}","SCS1","Deputy Director","Unit","{manager}","1"'
        for post, name, manager in seniors]) + "\n", encoding="utf-8")
    junior = folder / "junior.csv"
    junior.write_text("\n".join(
        ['"Unit","Reporting Senior Post","Grade","Generic Job Title","Number of Posts in FTE"']
        + [f'"Unit","{post}","EO","Officer","{fte}"' for post, fte in juniors]) + "\n",
        encoding="utf-8")
    try:
        result = load_export(senior, preset="uk-organogram",
                             junior=junior if juniors else None, fix=fix)
    except SourceError as error:
        assert "no data rows" in str(error) or "nothing to draw" in str(error)
        return
    assert_accounted(result)
    assert result.rows == len(seniors) + len(juniors)


def test_nothing_to_draw_is_an_error_that_carries_the_problems(tmp_path):
    path = tmp_path / "senior.csv"
    path.write_text(HEADER + '\n"P1","Eliminated","SCS1","Gone","Unit","XX","1"\n',
                    encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_export(path, preset="uk-organogram")
    assert str(caught.value).startswith(
        f"{path}: nothing to draw: 1 row: 0 drawn, 1 problem (1 eliminated post)")
    assert [p.kind for p in caught.value.problems] == ["eliminated-post"]


def test_a_junior_file_alone_says_where_it_goes(tmp_path):
    from ladder.errors import SourceError
    from ladder.sources.hr import load_export

    junior = tmp_path / "junior.csv"
    junior.write_text('"Parent Department","Unit","Reporting Senior Post","Grade",'
                      '"Generic Job Title","Number of Posts in FTE"\n'
                      '"Dept","Unit A","P-1","EO","Officer","2"\n', encoding="utf-8")
    with pytest.raises(SourceError, match="junior-staff file") as caught:
        load_export(junior)
    assert "--junior" in (caught.value.hint or "")
