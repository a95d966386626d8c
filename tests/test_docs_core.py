"""Reading a docs block: where sources are found, what goes to load and what to draw, and
which page line a problem is on."""

from __future__ import annotations

import pytest
from conftest import REPO

from ladder.docs.core import BlockError, DiagramCache, draw_block, read_block

pytestmark = pytest.mark.needs_dot


def test_source_is_found_beside_the_page_then_at_the_root(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "team.yaml").write_text("people: [{id: a, name: Ann}]\n")
    block = read_block("source: team.yaml", page="docs/p.md", line=3,
                       folders=[tmp_path / "docs", REPO])
    assert block.source == str(tmp_path / "docs" / "team.yaml")
    block = read_block("source: examples/startup.yaml", page="docs/p.md", line=3,
                       folders=[tmp_path / "docs", REPO])
    assert block.source == str(REPO / "examples" / "startup.yaml")
    assert block.options == {"theme": "auto", "transparent": True}  # a page's defaults


def test_an_export_block_reads_with_its_options_and_draws_the_rest():
    block = read_block("source: examples/hr/acme-export.csv\nfix: case\ndepth: 2\n"
                       "view: static", page="p.md", line=1, folders=[REPO])
    html, files = draw_block(block)  # static: an SVG even when wider than the column
    assert html.startswith('<figure class="ladder-figure ladder-readable"') and files
    assert "<svg" in html


def test_a_document_block_names_page_lines(tmp_path):
    body = "format: svg\ndocument: |\n  people:\n    - {id: a, name: Ann}\n" \
           "    - {id: b, name: Bo, manager: x}\n"
    # the fence on line 10, "document: |" on 12, Bo on 15
    block = read_block(body, page="docs/p.md", line=10, folders=[tmp_path])
    with pytest.raises(BlockError, match=r"at docs/p.md:10: docs/p.md:15: person 'b'"):
        draw_block(block)


@pytest.mark.parametrize("body, message", [
    ("source: product\nformat: png", "format 'png' cannot be shown in a page"),
    ("source: product\nvarient: x", "did you mean 'variant'"),
    ("- a list", "should hold 'source:'"),
    ("source: [unclosed", "not valid YAML"),
])
def test_block_mistakes_are_said(body, message):
    with pytest.raises(BlockError, match=message):
        read_block(body, page="p.md", line=1, folders=[REPO])


def test_cache_misses_when_a_read_file_changes(tmp_path):
    config = tmp_path / "team.yaml"
    config.write_text("people: [{id: a, name: Ann}]\n")
    cache = DiagramCache(tmp_path / "cache")
    block = read_block("source: team.yaml", page="p.md", line=1, folders=[tmp_path])
    first, _ = draw_block(block, cache)
    assert draw_block(block, cache)[0] == first and cache.hits == 1
    config.write_text("people: [{id: a, name: Anna}]\n")
    block = read_block("source: team.yaml", page="p.md", line=1, folders=[tmp_path])
    assert "Anna" in draw_block(block, cache)[0] and cache.hits == 1


LADDER = """id: small
name: Small
tracks: [{id: ic, name: Individual contributor}]
roles:
  - {id: engineer, title: Engineer, level: 1, track: ic}
  - {id: lead, title: Lead Engineer, level: 2, track: ic}
moves: [{from: engineer, to: lead, kind: promotion, years: 3}]
"""


def test_a_config_is_loaded_once_per_build_and_again_when_it_or_its_ladder_changes(tmp_path):
    from ladder.docs.core import forget_loaded, load_block

    forget_loaded()
    (tmp_path / "small.yaml").write_text(LADDER)
    config = tmp_path / "team.yaml"
    config.write_text("ladder: small.yaml\npeople:\n  - {id: a, name: Ann, role: lead}\n")
    first = read_block("source: team.yaml\ntitle: One", page="p.md", line=1,
                       folders=[tmp_path], bases=[tmp_path])
    second = read_block("source: team.yaml\ntitle: Two\ntheme: dark", page="p.md", line=9,
                        folders=[tmp_path], bases=[tmp_path])
    org = load_block(first)
    assert load_block(second) is org  # drawing options do not change what is loaded
    drawn = draw_block(second)[0]
    assert "Lead Engineer" in drawn and draw_block(second)[0] == drawn
    forget_loaded()  # a new build: loaded again, drawn the same
    assert load_block(first) is not org and draw_block(second)[0] == drawn
    config.write_text("ladder: small.yaml\npeople:\n  - {id: a, name: Anna, role: lead}\n")
    assert "Anna" in draw_block(first)[0]  # the config edited: read again
    # the ladder it names edited: the role gone, so the config is wrong now
    (tmp_path / "small.yaml").write_text(LADDER.replace("lead, title: Lead Engineer",
                                                        "senior, title: Senior Engineer")
                                         .replace("to: lead", "to: senior"))
    with pytest.raises(BlockError, match="lead"):
        draw_block(first)


@pytest.mark.parametrize("options", [
    {}, {"depth": 2}, {"mode": "compact"}, {"mode": "tree"}, {"root": "second"},
    {"align_levels": True, "title": "A title long enough to wrap the legend, maybe"},
])
@pytest.mark.parametrize("source", ["startup.yaml", "scale-up.yaml", "enterprise.yaml"])
def test_a_charts_width_from_its_layout_is_its_drawings_width(source, options):
    import ladder
    from ladder.api import org_chart_width
    from ladder.docs.core import PAGE_DEFAULTS, svg_width

    org = ladder.load(REPO / "examples" / source)
    if "root" in options:  # the second person's part of the chart
        options = {**options, "root": list(org.people.values())[1].id}
    drawn = ladder.draw(org, format="svg", **PAGE_DEFAULTS, **options)
    assert org_chart_width(org, **PAGE_DEFAULTS, **options) == svg_width(str(drawn))


@pytest.mark.parametrize(("view", "formats"), [("auto", ["html"]), ("explorer", ["html"]),
                                               ("static", ["svg"])])
def test_a_wide_chart_is_written_only_as_what_the_page_shows(monkeypatch, view, formats):
    import ladder

    asked: list[str] = []
    draw = ladder.draw
    monkeypatch.setattr(ladder, "draw", lambda *a, **k: asked.append(k["format"]) or draw(*a, **k))
    block = read_block(f"source: examples/enterprise.yaml\nview: {view}", page="p.md", line=1,
                       folders=[REPO])
    html, _ = draw_block(block)
    assert asked == formats
    assert ("<iframe" in html) == (formats == ["html"])
