"""Org charts in a docs page stay readable: never scaled down into the text column.

``view: auto`` shows an org chart that fits the column as an SVG and a wider one as the
explorer; ``view: static`` keeps the SVG at its own size in a box that scrolls sideways; the
build log says which view a wide chart got and why; a UK organogram pair is embedded with
``preset:`` and ``junior:``. In Chromium at 1,280 px wide, no card text on a built MkDocs
page (the 60-person example, the organogram pair) is smaller than 10 CSS px.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, REPO
from sample_orgs import SHARED

from ladder.docs.core import COLUMN_WIDTH, BlockError, choose_view, draw_block, read_block

SENIOR = Path(SHARED) / "ukgov_dfe_2011-09-30_senior.csv"
JUNIOR = Path(SHARED) / "ukgov_dfe_2011-09-30_junior.csv"


def block(body: str, folder: Path = REPO):
    return read_block(body, page="docs/team.md", line=3, folders=[folder])


def test_a_chart_that_fits_stays_an_svg_and_a_wide_one_becomes_the_explorer():
    notes: list[str] = []
    small = "document: |\n  company: Two\n  people:\n    - {id: a, name: Ann}\n" \
            "    - {id: b, name: Bo, manager: a}\n"
    fragment, _ = draw_block(block(small), on_note=notes.append)
    assert fragment.startswith('<figure class="ladder-figure ladder-readable"') and notes == []
    wide, _ = draw_block(block("source: examples/scale-up.yaml"), on_note=notes.append)
    assert wide.startswith('<iframe class="ladder-viewer"')
    assert len(notes) == 1 and "docs/team.md:3" in notes[0] and "explorer" in notes[0]
    assert re.search(r"its text would be \d+\.\d px", notes[0])


def test_static_view_keeps_the_drawing_at_its_own_size():
    notes: list[str] = []
    fragment, _ = draw_block(block("source: examples/scale-up.yaml\nview: static"),
                             on_note=notes.append)
    assert "overflow-x:auto" in fragment and "max-width:100%;height:auto" not in fragment
    width = float(re.search(r'<svg\b[^>]*?\swidth="([0-9.]+)"', fragment).group(1))
    assert f"max-width:none;width:{width:g}px" in fragment and width > COLUMN_WIDTH
    assert "scrolls sideways" in notes[0]


def test_view_is_checked_and_choose_view_says_why():
    with pytest.raises(BlockError, match="view 'explore'") as caught:
        block("source: examples/startup.yaml\nview: explore")
    assert "explorer" in str(caught.value.hint)
    assert choose_view("explorer", 100) == ("explorer", "view: explorer")
    matrix = block("source: product\nview: matrix")  # a ladder's own view goes on to draw
    assert matrix.view == "auto" and matrix.options["view"] == "matrix"
    assert "<svg" in draw_block(matrix)[0]
    assert choose_view("auto", COLUMN_WIDTH)[0] == "static"
    assert choose_view("auto", COLUMN_WIDTH + 1)[0] == "explorer"


@pytest.mark.skipif(not SENIOR.is_file(), reason="the shared UK organogram is missing")
def test_an_organogram_pair_is_embedded_with_junior(tmp_path):
    shutil.copy(SENIOR, tmp_path / "senior.csv")
    shutil.copy(JUNIOR, tmp_path / "junior.csv")
    read = block("source: senior.csv\npreset: uk-organogram\njunior: junior.csv\n"
                 "format: html", tmp_path)
    assert read.options["junior"] == str(tmp_path / "junior.csv")
    assert Path(read.options["junior"]) in read.files()  # the page redraws when it changes
    fragment, files = draw_block(read)
    assert "ladder-viewer" in fragment and len(files) == 2
    with JUNIOR.open(encoding="utf-8", newline="") as handle:
        titles = {row["Generic Job Title"] for row in csv.DictReader(handle)}
    assert "Finance Support Officer" in titles and "Finance Support Officer" in fragment


CONFIG = """\
site_name: Handbook
theme: {name: material}
plugins:
  - ladder
"""

PAGE = """\
# Teams

The founders:

```ladder
company: Two
people:
  - {id: ann, name: Ann Example, title: Founder}
  - {id: bo, name: Bo Example, title: Co-founder, manager: ann}
```

The small team:

```ladder
source: ../data/startup.yaml
```

The whole scale-up:

```ladder
source: ../data/scale-up.yaml
```

The Department for Education, senior and junior staff:

```ladder
source: ../data/senior.csv
preset: uk-organogram
junior: ../data/junior.csv
height: 600
```
"""


@pytest.mark.needs_browser
@pytest.mark.needs_dot
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")
@pytest.mark.skipif(not SENIOR.is_file(), reason="the shared UK organogram is missing")
@pytest.mark.slow
def test_mkdocs_page_keeps_card_text_readable_at_1280_px(tmp_path):
    pytest.importorskip("mkdocs")
    sync_api = pytest.importorskip("playwright.sync_api")
    site = tmp_path / "site"
    (site / "docs").mkdir(parents=True)
    (site / "data").mkdir()
    for name in ("startup.yaml", "scale-up.yaml"):
        shutil.copy(REPO / "examples" / name, site / "data" / name)
    shutil.copy(SENIOR, site / "data" / "senior.csv")
    shutil.copy(JUNIOR, site / "data" / "junior.csv")
    (site / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (site / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
                            capture_output=True, text=True, timeout=300,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
                                 "PYTHONPATH": str(REPO)})  # this checkout's ladder
    assert result.returncode == 0, result.stderr
    log = result.stderr
    assert "docs/index.md:20: org chart 'Kanaal Logistics'" in log and "explorer" in log
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("http*://**", lambda route: route.abort())
        page.goto((site / "site" / "index.html").as_uri())
        frames = page.locator("iframe.ladder-viewer")
        assert frames.count() == 3
        smallest = []
        for index in range(3):
            frames.nth(index).scroll_into_view_if_needed()
            inner = page.frame_locator("iframe.ladder-viewer").nth(index)
            inner.locator("body[data-ready=true]").wait_for(timeout=30_000)
            smallest.append(inner.locator("body").evaluate("""() => Math.min(
                ...[...document.querySelectorAll('.lv-card *')].filter(e => e.textContent.trim())
                .map(e => parseFloat(getComputedStyle(e).fontSize) * window.ladder.zoom()))"""))
        # and the SVG inlined in the page itself (the founders): its text at the drawn scale
        assert page.locator("svg.ladder-org").count() == 1
        svg_text = page.evaluate("""() => Math.min(Infinity, ...[...document.querySelectorAll(
            'svg.ladder-org text')].filter(t => t.getBoundingClientRect().height > 0)
            .map(t => parseFloat(getComputedStyle(t).fontSize) *
                 t.ownerSVGElement.getBoundingClientRect().width /
                 t.ownerSVGElement.viewBox.baseVal.width))""")
        page.screenshot(path=str(tmp_path / "mkdocs.png"), full_page=True)
        browser.close()
    assert min(smallest) >= 10, smallest
    assert svg_text >= 10


@pytest.mark.needs_dot
@pytest.mark.skipif(not SENIOR.is_file(), reason="the shared UK organogram is missing")
@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_sphinx_directive_takes_view_and_junior(tmp_path):
    pytest.importorskip("sphinx")
    source = tmp_path / "src"
    (source / "data").mkdir(parents=True)
    shutil.copy(REPO / "examples" / "scale-up.yaml", source / "data" / "scale-up.yaml")
    shutil.copy(SENIOR, source / "data" / "senior.csv")
    shutil.copy(JUNIOR, source / "data" / "junior.csv")
    (source / "conf.py").write_text('project = "H"\nextensions = ["ladder.sphinx"]\n')
    (source / "index.rst").write_text(
        "Teams\n=====\n\n.. ladder:: data/scale-up.yaml\n   :view: static\n\n"
        ".. ladder:: data/senior.csv\n   :preset: uk-organogram\n   :junior: data/junior.csv\n",
        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-b", "html", str(source),
                             str(tmp_path / "html")], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert "ladder-readable" in page and "overflow-x:auto" in page  # view: static
    assert page.count('class="ladder-viewer"') == 1  # the organogram pair: too wide, explorer
    assert "Finance Support Officer" in page  # a junior post
    assert "shown as the explorer" in result.stdout + result.stderr
