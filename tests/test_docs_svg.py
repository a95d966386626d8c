"""SVG fit for docs, for ladders and org charts alike: reproducible, accessible, themable, with
card ids from the data, scoped styles and names that survive any text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import REPO

import ladder
from ladder.model.org import Department, Org, Person
from ladder.renderers.theme import dark_colour, finish_svg, inline_svg

SVG = "{http://www.w3.org/2000/svg}"
NASTY = 'Zoë "Zed" <script>alert(1)</script> & Co #1 `x`'


def nasty_org() -> Org:
    return Org.build("R&D <Lab>", [
        Person("boss", NASTY, "CEO & founder", department="rd"),
        Person("b/2", "Bo", "CTO", manager="boss", department="rd"),
        Person("c", "Cy", "Engineer", manager="b/2"),
        Person("open", "", "Designer", manager="boss", vacant=True),
    ], [Department("rd", "R&D", "#4c78a8")])


def drawings() -> list[tuple[str, str]]:
    return [
        ("ladder", ladder.draw("product", format="svg", detail=True)),
        ("org", ladder.draw(nasty_org(), format="svg")),
        ("company", ladder.draw(str(REPO / "examples" / "startup.yaml"), format="svg")),
    ]


@pytest.fixture(scope="module")
def svgs() -> list[tuple[str, str]]:
    return drawings()


@pytest.mark.needs_dot
def test_same_bytes_every_run(svgs):
    assert drawings() == svgs


@pytest.mark.needs_dot
def test_svg_is_an_accessible_image_that_fits_the_column(svgs):
    for _, svg in svgs:
        root = ET.fromstring(svg.encode("utf-8"))
        assert root.get("role") == "img"
        title_id, desc_id = root.get("aria-labelledby").split()
        texts = {element.get("id"): "".join(element.itertext()) for element in root.iter()
                 if element.get("id") in (title_id, desc_id)}
        assert texts[title_id] and len(texts[desc_id]) > 20
        assert root.get("viewBox") and "max-width:100%" in root.get("style")
        assert "foreignObject" not in svg and "<!--" not in svg and "DOCTYPE" not in svg


@pytest.mark.needs_dot
def test_every_card_has_a_stable_id_from_the_data(svgs):
    product = ladder.load("product")
    ladder_svg = dict(svgs)["ladder"]
    for role in product:
        assert f'id="role-{role.id}"' in ladder_svg
    org_svg = dict(svgs)["org"]
    ids = re.findall(r'<g id="(person-[^"]+)" class="ladder-card"', org_svg)
    assert ids == ["person-boss", "person-b-2", "person-c", "person-open"]
    # one id per element in the whole document
    all_ids = re.findall(r'\bid="([^"]+)"', org_svg + ladder_svg)
    assert len(all_ids) == len(set(all_ids))


@pytest.mark.needs_dot
def test_names_are_escaped_and_shown_as_text(svgs):
    svg = dict(svgs)["org"]
    root = ET.fromstring(svg.encode("utf-8"))  # well-formed despite the name
    shown = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "Zoë" in shown and "<script>" not in svg
    title = next(root.iter(f"{SVG}title")).text
    assert title == "R&D <Lab>"


@pytest.mark.needs_dot
def test_styles_are_scoped_to_the_diagram(svgs):
    """Inlined in a page, the org chart's short class rules (.n, .t) must not restyle the
    page's own elements (e.g. Pygments' .n in code blocks)."""
    for _, svg in svgs:
        for css in re.findall(r"<style>(.*?)</style>", svg, re.S):
            for rule in re.findall(r"(?:^|})([^{}@]+)\{", css):
                for selector in rule.split(","):
                    assert selector.strip().startswith(("svg.ladder-diagram", "[data-")), selector


@pytest.mark.needs_dot
def test_themes_light_dark_auto():
    light = ladder.draw("product", format="svg", theme="light")
    dark = ladder.draw("product", format="svg", theme="dark")
    auto = ladder.draw("product", format="svg", theme="auto")
    # the drawing is the same; only the colour values differ
    strip = re.compile(r"<style>.*?</style>", re.S)
    assert strip.sub("", light) == strip.sub("", dark) == strip.sub("", auto)
    assert "--ladder-c-3b6ea8:#3b6ea8" in light
    assert f"--ladder-c-3b6ea8:{dark_colour('#3b6ea8')}" in dark
    assert "prefers-color-scheme" not in light + dark
    assert "@media (prefers-color-scheme: dark)" in auto
    for switch in ('[data-md-color-scheme="slate"]', '[data-theme="dark"]',
                   '[data-md-color-scheme="default"]', '[data-theme="light"]'):
        assert switch in auto
    # every colour drawn is routed through a custom property
    for colour in set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', strip.sub("", light))):
        assert f'[fill="{colour}"]' in light or f'[stroke="{colour}"]' in light


@pytest.mark.needs_dot
def test_transparent_background_option():
    org = nasty_org()
    solid = ladder.draw(org, format="svg")
    clear = ladder.draw(org, format="svg", transparent=True)
    assert 'class="ladder-paper"' in solid
    assert "--ladder-paper:transparent" in clear and "--ladder-paper:transparent" not in solid
    with pytest.raises(ladder.LadderError, match="did you mean 'dark'"):
        ladder.draw(org, format="svg", theme="drak")


def test_one_font_stack_for_both_kinds():
    graphviz_like = ('<svg width="10pt" height="10pt" viewBox="0 0 10 10">'
                     '<g id="graph0" class="graph"><title>g</title>'
                     '<polygon fill="white" stroke="transparent" points="0,0"/>'
                     '<text font-family="DejaVu Sans">a</text></g></svg>')
    writer_like = ('<svg width="10" height="10" viewBox="0 0 10 10" font-family="Helvetica">'
                   '<rect width="100%" height="100%" fill="#fafbfc"/><text>b</text></svg>')
    stacks = []
    for svg in (graphviz_like, writer_like):
        out = finish_svg(svg, title="t", description="d")
        stacks.append(re.search(r"svg\.ladder-diagram text\{font-family:([^}]*)\}", out)[1])
        assert 'class="ladder-paper"' in out
    assert stacks[0] == stacks[1] and stacks[0].endswith("sans-serif")


def test_inline_svg_drops_the_prolog_only():
    out = finish_svg('<svg viewBox="0 0 1 1"></svg>', title="t", description="d")
    assert out.startswith("<?xml") and inline_svg(out).startswith("<svg ")


@pytest.mark.needs_dot
def test_readme_snippet_writes_light_and_dark_and_prints_the_picture(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from ladder.cli import main

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["readme-snippet", "--variant", "startup"])
    assert result.exit_code == 0, result.output
    light, dark = (tmp_path / "docs" / "img" / f"product-startup-{t}.svg"
                   for t in ("light", "dark"))
    assert "--ladder-c-ffffff:#ffffff" in light.read_text(encoding="utf-8")
    assert f"--ladder-c-ffffff:{dark_colour('#ffffff')}" in dark.read_text(encoding="utf-8")
    picture = result.stdout
    assert picture.startswith("<picture>\n") and picture.rstrip().endswith("</picture>")
    assert ('<source media="(prefers-color-scheme: dark)" '
            'srcset="docs/img/product-startup-dark.svg">') in picture
    assert 'src="docs/img/product-startup-light.svg"' in picture
    assert 'alt="Career ladder Product management: Startup: 2 roles' in picture
