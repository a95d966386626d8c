"""The MkDocs plugin on a tiny site built in the test: `plugins: [ladder]` is the whole set-up,
the diagram is inline in the built page (in lists, admonitions and tabs too), a broken block
fails `--strict` naming the page, the block's line and the YAML's line, and the cache skips
unchanged diagrams but not changed ones."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

pytest.importorskip("mkdocs")
pytest.importorskip("pymdownx")
pytestmark = pytest.mark.needs_dot

CONFIG = """\
site_name: Handbook
theme: {name: material}
markdown_extensions:
  - admonition
  - pymdownx.tabbed: {alternate_style: true}
plugins:
  - ladder
"""

PAGE = """\
# People

The product ladder for a startup:

```ladder
source: product
variant: startup
```

1. Our team, in a list:

    ```ladder
    source: ../data/startup.yaml
    root: priya
    ```

!!! note "Explorer"
    ```ladder
    source: data/startup.yaml
    format: html
    height: 400
    ```

=== "Mermaid"

    ```ladder
    source: product
    format: mermaid
    ```
"""

BROKEN = """\
# Broken

Some text.

```ladder
company: Tiny
people:
  - {id: ann, name: Ann}
  - {id: bo, name: Bo, manager: anne}
```
"""


def make_site(folder: Path, pages: dict[str, str]) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "data").mkdir()
    shutil.copy(REPO / "examples" / "startup.yaml", folder / "data" / "startup.yaml")
    (folder / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for name, text in pages.items():
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    return folder


def build(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args],
                          cwd=site, capture_output=True, text=True, timeout=120,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_diagrams_are_inline_in_the_built_page(tmp_path):
    site = make_site(tmp_path, {"index.md": PAGE})
    result = build(site)
    assert result.returncode == 0, result.stderr
    page = (site / "site" / "index.html").read_text(encoding="utf-8")
    svgs = re.findall(r"<svg class=\"ladder-diagram[^>]*>", page)
    assert len(svgs) == 2  # the ladder, and the team inside the list
    assert 'id="role-head-of-product"' in page
    # the list's block drew only Priya's team
    assert 'id="person-priya"' in page and 'id="person-ines"' not in page
    # inlined for the site's theme switch, offline: no <img>, no external script
    assert "prefers-color-scheme" in page and '[data-md-color-scheme="slate"]' in page
    assert "<iframe class=\"ladder-viewer\"" in page and "srcdoc=" in page
    assert '<pre class="mermaid"><code>---' in page
    inside_admonition = page[page.index('class="admonition note"'):]
    assert inside_admonition.index("ladder-viewer") < inside_admonition.index("</div>")
    assert "4 diagrams drawn" in result.stderr


@pytest.mark.slow
def test_a_broken_block_fails_strict_and_shows_an_error_box(tmp_path):
    site = make_site(tmp_path, {"index.md": "# Home\n", "broken.md": BROKEN})
    result = build(site)
    assert result.returncode != 0
    # the page, the block's line (5) and the YAML problem's line in the page (9)
    assert ("ladder block at docs/broken.md:5: docs/broken.md:9: person 'bo': manager "
            "'anne' does not exist (did you mean 'ann'?)") in result.stderr
    lenient = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=site,
                             capture_output=True, text=True, timeout=120)
    assert lenient.returncode == 0
    page = (site / "site" / "broken" / "index.html").read_text(encoding="utf-8")
    assert 'class="admonition failure ladder-error"' in page and "anne" in page


@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_unknown_options_and_missing_files_are_named(tmp_path):
    page = ("# X\n\n```ladder\nsource: product\nvarient: startup\n```\n\n"
            "```ladder\nsource: nowhere.yaml\n```\n\n"
            "```ladder\nsource: product\nsplit: depth:1\n```\n")
    site = make_site(tmp_path, {"index.md": page})
    result = build(site)
    assert "docs/index.md:3: unknown option 'varient' (did you mean 'variant'?)" in result.stderr
    assert "ladder block at docs/index.md:8: nowhere.yaml" in result.stderr
    assert "docs/index.md:12: option 'split' writes several files" in result.stderr


@pytest.mark.slow
def test_the_cache_skips_unchanged_diagrams_and_redraws_changed_ones(tmp_path):
    site = make_site(tmp_path, {"index.md": PAGE})
    assert build(site).returncode == 0
    again = build(site)
    assert "4 diagrams drawn, 4 from the cache" in again.stderr
    config = site / "data" / "startup.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("Priya Raman", "Priya Rao"),
                      encoding="utf-8")
    changed = build(site)
    assert "4 diagrams drawn, 2 from the cache" in changed.stderr  # the two team diagrams
    page = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "Priya Rao" in page and "Priya Raman" not in page
    assert any((site / ".cache" / "ladder").iterdir())


@pytest.mark.slow
def test_no_cache_option(tmp_path):
    site = make_site(tmp_path, {"index.md": PAGE})
    (site / "mkdocs.yml").write_text(CONFIG.replace("  - ladder\n", "  - ladder:\n"
                                                    "      cache: false\n"), encoding="utf-8")
    assert build(site).returncode == 0
    assert "from the cache" not in build(site).stderr
    assert not (site / ".cache").exists()


def test_serve_watches_the_files_diagrams_are_drawn_from(tmp_path, monkeypatch):
    """`mkdocs serve` rebuilds when a ladder or company file outside docs/ changes."""
    from mkdocs.commands.build import build as build_site
    from mkdocs.config import load_config

    site = make_site(tmp_path, {"index.md": PAGE})
    monkeypatch.chdir(site)
    config = load_config(str(site / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    build_site(config)
    plugin = config.plugins["ladder"]

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str, recursive: bool = True) -> None:
            self.watched.append(path)

    server = plugin.on_serve(Server(), config, None)
    assert server.watched == [str((site / "data" / "startup.yaml").resolve())]
