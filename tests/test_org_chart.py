"""Drawing: SVG text and escaping, cards of every kind, DOT for neato, PNG and its limits."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ladder.analysis.teams import TeamCount, team_counts
from ladder.api import render
from ladder.errors import LadderError, RenderError
from ladder.layout import layout_org
from ladder.model.org import Org, Person
from ladder.renderers.org_dot import org_dot
from ladder.renderers.org_svg import org_svg
from ladder.renderers.results.stats import badge_text
from tests.sample_orgs import SHARED, acme

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()  # also proves the file is well-formed XML
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def svg_tooltips(path: Path) -> list[str]:
    return [t.text or "" for t in ET.parse(path).getroot().iter(f"{SVG}title")]


def test_every_name_is_text_and_odd_characters_are_escaped(tmp_path: Path) -> None:
    out = tmp_path / "acme.svg"
    assert render(acme(), out) == [out]
    texts = svg_texts(out)
    for name in ("Omar Haddad", "Pat Quinn", "Ana Lopez & Ben Ito", 'Kim <Kwan> & "Co"',
                 "Raj Patel 🚀", "Sue O'Neil", "Tom Back\\slash"):
        assert name in texts
    raw = out.read_text(encoding="utf-8")
    assert "Kim &lt;Kwan&gt; &amp; &quot;Co&quot;" in raw
    assert "Acme Robotics" in texts  # the title, at the top
    assert texts.index("Acme Robotics") == 0


def test_cards_show_what_an_org_chart_reader_expects(tmp_path: Path) -> None:
    out = tmp_path / "acme.svg"
    render(acme(), out)
    texts = svg_texts(out)
    raw = out.read_text(encoding="utf-8")
    assert "Open: Senior Product Manager" in texts  # a vacancy says what is open
    assert raw.count('class="card-open"') == 1  # ... and is drawn dashed
    assert "12.5 FTE" in texts  # a group of staff
    # direct and total headcount on the CEO's card; the open position is said apart
    # direct: the job share's two people (the assistant sits beside, the open position is
    # said apart, the group's 12.5 FTE are 13 staff); in team: everyone below
    assert "2 direct · 13 staff · 21 in team · 1 open" in texts
    assert {"Product", "Design", "Operations & Policy"} <= set(texts)  # legend
    assert 'class="dotted-line"' in raw  # the dotted-line manager as a dashed connector
    tips = svg_tooltips(out)
    assert any(t.startswith("Omar Haddad\nChief Product Officer") for t in tips)


def test_long_text_is_cut_on_the_card_but_whole_in_the_tooltip(tmp_path: Path) -> None:
    long_title = "Senior Vice President of Worldwide Strategic Partnerships and Alliances"
    org = Org.build("x", [Person("a", "Ada", long_title)])
    out = tmp_path / "x.svg"
    render(org, out)
    assert long_title not in svg_texts(out)
    assert any(long_title in t for t in svg_tooltips(out))


@pytest.mark.slow
def test_same_input_same_bytes(tmp_path: Path) -> None:
    for suffix in ("svg", "dot", "json"):
        first, second = tmp_path / f"a.{suffix}", tmp_path / f"b.{suffix}"
        render(acme(), first)
        render(acme(), second)
        assert first.read_bytes() == second.read_bytes()


def test_root_and_depth_cut_the_chart_but_keep_true_totals(tmp_path: Path) -> None:
    out = tmp_path / "cut.json"
    render(acme(), out, root="omar", depth=2)
    ids = {n["id"] for n in json.loads(out.read_text())["nodes"]}
    assert ids == {"omar", "pa", "open-spm", "ana", "g1"}
    svg = tmp_path / "cut.svg"
    render(acme(), svg, root="ana")
    assert "3 direct · 3 in team" in svg_texts(svg)
    with pytest.raises(RenderError, match="did you mean 'omar'"):
        render(acme(), tmp_path / "x.svg", root="omarr")


def test_unknown_format_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="cannot write 'gif' files"):
        render(acme(), tmp_path / "x.gif")


def test_align_levels_needs_levels_and_uses_them(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="levels"):
        render(Org.build("x", [Person("a", "A")]), tmp_path / "x.svg", align_levels=True)
    # roles of the built-in product ladder: CPO level 6, senior PM 4, PM 3
    people = [Person("a", "A", role="chief-product-officer"),
              Person("b", "B", role="product-manager", manager="a"),
              Person("c", "C", role="senior-product-manager", manager="a"),
              Person("d", "D", role="product-manager", manager="c")]
    out = tmp_path / "aligned.json"
    render(Org.build("x", people), out, align_levels=True)
    y = {n["id"]: n["y"] for n in json.loads(out.read_text())["nodes"]}
    assert y["b"] == y["d"] > y["c"] > y["a"]


def test_team_counts_count_people_not_vacancies() -> None:
    counts = team_counts(acme())
    assert counts["open-spm"] == TeamCount(2, 2, 0)
    assert counts["ana"] == TeamCount(3, 3, 0)
    # in team: assistant 1, vacancy 0, job share 2, its 3 designers, the vacancy's 2, group
    # 13 (12.5 FTE rounded up), who are staff, not direct reports
    assert counts["omar"] == TeamCount(2, 21, 1, staff=13)


def wide_team(size: int) -> Org:
    return Org.build("wide", [Person("boss", "Boss")] + [
        Person(f"r{i}", f"R {i}", manager="boss") for i in range(size)])


def chain(length: int) -> Org:
    """Managers one under the other: a chart one card wide and very tall."""
    return Org.build("chain", [Person("p0", "P 0")] + [
        Person(f"p{i}", f"P {i}", manager=f"p{i - 1}") for i in range(1, length)])


@pytest.mark.slow
def test_too_big_for_one_png_says_so_and_suggests_split(tmp_path: Path) -> None:
    # A wide span now packs into a square block, so it takes many people to pass the limit.
    people = [Person("boss", "Boss")] + [
        Person(f"r{i}", f"R {i}", manager="boss") for i in range(20_000)
    ]
    with pytest.raises(RenderError, match="--split"):
        render(Org.build("wide", people), tmp_path / "wide.png", mode="tree")
    assert not (tmp_path / "wide.png").exists()


@pytest.mark.slow
@pytest.mark.needs_dot
def test_a_png_a_little_too_big_is_drawn_smaller_with_a_note(tmp_path: Path) -> None:
    from ladder.renderers.org_write import page_size

    # a chain of 340 managers: one card wide, about 35,500 px tall, over 32,767
    org = chain(340)
    _, height = page_size(layout_org(org, mode="tree"), org)
    assert height > 32_767
    notes: list[str] = []
    out = tmp_path / "tall.png"
    render(org, out, mode="tree", on_note=notes.append)
    drawn = int.from_bytes(out.read_bytes()[20:24], "big")
    assert drawn <= 32_767 and drawn >= height * 0.75
    assert len(notes) == 1 and "drawn at scale 0." in notes[0]
    scale = float(notes[0].rsplit("drawn at scale ", 1)[1].split()[0])
    assert abs(scale - drawn / height) < 0.01  # the scale it says is the one it drew at
    # the command line says it on stderr, the same words
    from click.testing import CliRunner

    from ladder.cli import main

    source = tmp_path / "chain.csv"
    source.write_text("id,parentId,name\n" + "".join(
        f"{p.id},{p.manager or ''},{p.name}\n" for p in org.people.values()), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(source), "--mode", "tree",
                                       "-o", str(tmp_path / "cli.png")])
    assert result.exit_code == 0, result.stderr
    assert "drawn at scale 0." in result.stderr and "over the limit" in result.stderr
    assert (tmp_path / "cli.png").read_bytes() == out.read_bytes()


@pytest.mark.needs_dot
def test_a_pdf_page_stays_within_what_readers_open(tmp_path: Path) -> None:
    import re

    notes: list[str] = []
    out = tmp_path / "tall.pdf"
    render(chain(160), out, mode="tree", on_note=notes.append)  # about 16,700 pt tall
    box = re.search(rb"MediaBox\s*\[\s*0 0 (\d+) (\d+)", out.read_bytes())
    assert box is not None and 14_000 <= int(box.group(2)) <= 14_400
    assert len(notes) == 1 and "14,400 pt" in notes[0]


@pytest.mark.slow
@pytest.mark.needs_dot
def test_scale_draws_the_png_with_that_many_pixels_per_chart_pixel(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ladder.cli import main
    from ladder.renderers.org_write import page_size

    org = acme()
    width, height = page_size(layout_org(org), org)
    out = tmp_path / "half.png"
    render(org, out, scale=0.5)
    data = out.read_bytes()
    assert abs(int.from_bytes(data[16:20], "big") - width / 2) <= 1
    assert abs(int.from_bytes(data[20:24], "big") - height / 2) <= 1
    with pytest.raises(LadderError, match="option 'scale' must be more than 0"):
        render(org, out, scale=0)
    example = Path(__file__).resolve().parent.parent / "examples/hr/acme-export.csv"
    result = CliRunner().invoke(main, ["render", str(example), "--scale", "2",
                                       "-o", str(tmp_path / "double.png")])
    assert result.exit_code == 0, result.output
    assert int.from_bytes((tmp_path / "double.png").read_bytes()[16:20], "big") > 2 * 640


@pytest.mark.needs_dot
def test_png_is_a_png_of_the_page_size(tmp_path: Path) -> None:
    out = tmp_path / "acme.png"
    render(acme(), out)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    from ladder.renderers.org_write import page_size

    org = acme()
    expected = page_size(layout_org(org), org)
    assert abs(width - expected[0]) <= 1 and abs(height - expected[1]) <= 1


@pytest.mark.slow
@pytest.mark.needs_dot
def test_pdf_and_pinned_dot_draw_without_moving_anything(tmp_path: Path) -> None:
    out = tmp_path / "acme.pdf"
    render(acme(), out)
    assert out.read_bytes()[:5] == b"%PDF-"
    org = acme()
    chart = layout_org(org)
    dot = org_dot(org, chart)
    done = subprocess.run([shutil.which("neato") or "neato", "-n2", "-Tjson"],
                          input=dot.encode(), capture_output=True, check=True)
    drawn = {o["name"]: o["pos"] for o in json.loads(done.stdout)["objects"]}
    assert len([n for n in drawn if n.startswith("n")]) == len(org)
    for i in range(len(chart)):  # every card where the layout put it
        x, y = (float(v) for v in drawn[f"n{i}"].split(","))
        assert x == pytest.approx(chart.x[i] + chart.style.width / 2 + 24, abs=0.5)


def test_dot_text_escapes_labels_and_pins_positions() -> None:
    org = acme()
    dot = org_dot(org, layout_org(org))
    assert "Kim &lt;Kwan&gt; &amp; &quot;Co&quot;" in dot
    assert 'tooltip="Tom Back\\\\slash' in dot  # a backslash inside a DOT string
    assert dot.count(" -> ") == 9 + 1  # solid lines, plus one dotted
    assert "style=dashed" in dot


def test_real_export_renders(tmp_path: Path) -> None:
    from ladder.sources.hr import load_export

    org = load_export(f"{SHARED}/oracle_hr_employees_d3orgchart.csv").org
    out = tmp_path / "oracle.svg"
    render(org, out)
    texts = set(svg_texts(out))
    assert all(p.name in texts for p in org.people.values())
    chart = layout_org(org)
    assert len(chart) == 107


def test_svg_of_a_chart_is_made_in_one_pass() -> None:
    org = acme()
    chart = layout_org(org)
    assert org_svg(org, chart).count("<svg") == 1


def test_fast_connectors_follow_the_layout_routes() -> None:
    from ladder.renderers.org_svg import connector_path as _connector
    from ladder.renderers.org_svg import polyline_path as _path
    from tests.sample_orgs import random_org

    for org in (acme(), random_org(2, 300, wide=True)):
        for mode in ("tree", "compact", "stacked", "auto"):
            chart = layout_org(org, mode=mode)
            for p in range(len(chart)):
                if chart.manager[p] >= 0:
                    assert _connector(chart, p) == _path(chart.route(p))


def test_bad_mode_or_columns_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(LadderError, match="option 'mode' cannot be 'wide'"):
        render(acme(), tmp_path / "x.svg", mode="wide")
    with pytest.raises(LadderError, match="option 'columns' must be 1 or more"):
        render(acme(), tmp_path / "x.svg", columns=0)


def test_an_empty_org_is_an_empty_page(tmp_path: Path) -> None:
    out = tmp_path / "empty.svg"
    render(Org.build("Nobody yet", []), out)
    assert svg_texts(out) == ["Nobody yet"]


def test_badge_says_direct_team_and_open_apart(tmp_path: Path) -> None:
    people = [Person("m", "Mia", "Manager"), Person("a", "Al", "PM", manager="m"),
              Person("b", "Bea", "PM", manager="m"),
              Person("o", "", "Product Manager", manager="m", vacant=True)]
    org = Org.build("team", people)
    assert team_counts(org) == {"m": TeamCount(2, 2, 1)}
    out = tmp_path / "team.svg"
    render(org, out)
    assert "2 direct · 2 in team · 1 open" in svg_texts(out)
    assert "3 direct · 2 in team · 1 open" not in svg_texts(out)  # never more direct than team
    assert any("2 direct reports, 2 people in the team, 1 open position" in t
               for t in svg_tooltips(out))
    assert badge_text(TeamCount(5, 55, 0)) == "5 direct · 55 in team"


def test_a_dotted_line_is_named_on_the_card_and_drawn_light(tmp_path: Path) -> None:
    out = tmp_path / "acme.svg"
    render(acme(), out)
    texts = svg_texts(out)
    assert "Dotted line to Ana Lopez & Ben Ito" in texts  # Lee's dotted-line manager
    raw = out.read_text(encoding="utf-8")
    assert 'class="note"' in raw
    assert ".dotted-line{fill:none;stroke:var(--ladder-c-8f73c7);stroke-width:1;" in raw
    root = ET.parse(out).getroot()
    dotted = [p for p in root.iter(f"{SVG}path") if p.get("class") == "dotted-line"]
    assert len(dotted) == 1 and "L" not in dotted[0].get("d")  # across and down only
    tips = svg_tooltips(out)
    assert any(t.startswith("Lee Park\nProduct Manager\nProduct\nDotted line to Ana") for t in tips)


def test_card_text_is_cut_only_when_it_does_not_fit() -> None:
    from ladder.layout.cards import fit_text, text_width

    # Helvetica/Arial widths: 209 px at 12 px fits the 216 px of a card (was cut at ", ")
    assert fit_text("Senior Software Engineer, Infrastructure", 12, 216) == (
        "Senior Software Engineer, Infrastructure")
    assert text_width("Open: Senior Product Manager", 13, bold=True) <= 216
    assert text_width("Senior Software Engineer", 12) == pytest.approx(136.7, abs=1)
    assert fit_text("Chief\tOperating\nOfficer", 12, 216) == "Chief Operating Officer"
    cut = fit_text("Head of Worldwide Strategic Partnerships and Alliances", 12, 216)
    assert cut.endswith("…") and text_width(cut, 12) <= 216


def test_a_dozen_departments_get_a_dozen_colours() -> None:
    from ladder.renderers.org_cards import department_colours

    people = [Person(f"p{i}", f"P {i}", department=f"dep{i}") for i in range(12)]
    colours = department_colours(Org.build("many", people))
    assert len(set(colours.values())) == 12


def test_a_department_without_colour_never_borrows_another_ones() -> None:
    from ladder.api import load_org
    from ladder.renderers.org_cards import department_colours

    colours = department_colours(load_org("examples/scale-up.yaml"))
    assert colours["customer-success"] != colours["design"]  # design's own is palette #6
    assert len(set(colours.values())) == len(colours)


def test_a_long_run_says_its_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ladder.renderers import drawers

    steps: list[str] = []
    render(acme(), tmp_path / "small.svg", progress=steps.append)
    assert steps == []  # a small chart is over before anyone would wait
    monkeypatch.setattr(drawers, "LONG_RUN", 10)
    render(acme(), tmp_path / "acme.svg", progress=steps.append)
    assert steps == [f"laying out {len(acme())} people", "drawing acme.svg", "done"]
