"""The Sphinx extension on a tiny project built in the test: the directive (reST and MyST)
inlines the diagram, -W fails on a broken block with its location, a changed YAML file
rebuilds the page, LaTeX gets a PDF drawing, and the extension says it is parallel-safe."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

pytest.importorskip("sphinx")
pytestmark = pytest.mark.needs_dot

CONF = 'project = "Handbook"\nextensions = ["ladder.sphinx", "myst_parser"]\n'

INDEX = """\
Handbook
========

.. toctree::

   team

The startup ladder, with a path:

.. ladder:: product
   :variant: startup
   :detail:

An inline ladder, as Mermaid:

.. ladder::
   :format: mermaid

   id: tiny
   name: Tiny ladder
   tracks: [{id: ic, name: IC}]
   roles:
     - {id: a, title: Apprentice, level: 1, track: ic}
     - {id: b, title: Builder, level: 2, track: ic}
   moves: [{from: a, to: b}]
"""

TEAM = """\
# Team

```{ladder} data/startup.yaml
:depth: 2
```
"""

BROKEN = """\
Broken
======

.. ladder::

   company: Tiny
   people:
     - {id: ann, name: Ann}
     - {id: bo, name: Bo, manager: anne}
"""


def make_project(folder: Path, pages: dict[str, str]) -> Path:
    source = folder / "src"
    (source / "data").mkdir(parents=True)
    shutil.copy(REPO / "examples" / "startup.yaml", source / "data" / "startup.yaml")
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    for name, text in pages.items():
        (source / name).write_text(text, encoding="utf-8")
    return source


def build(source: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sphinx", "-q", *args, str(source), str(out)],
                          capture_output=True, text=True, timeout=180)


@pytest.mark.slow
def test_directive_inlines_diagrams_in_rest_and_myst(tmp_path):
    source = make_project(tmp_path, {"index.rst": INDEX, "team.md": TEAM})
    result = build(source, tmp_path / "html", "-W", "-b", "html")
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r"<svg class=\"ladder-diagram", index)) == 1
    assert 'id="role-head-of-product"' in index and "corporate strategy" in index
    assert '<pre class="mermaid"><code>' in index and "Apprentice" in index
    assert '[data-theme="dark"] svg.ladder-diagram' in index  # Furo's switch
    team = (tmp_path / "html" / "team.html").read_text(encoding="utf-8")
    assert 'id="person-priya"' in team and 'id="person-liam"' not in team  # two levels only


@pytest.mark.slow
def test_broken_block_is_a_warning_with_its_location(tmp_path):
    source = make_project(tmp_path, {"index.rst": BROKEN})
    strict = build(source, tmp_path / "strict", "-W", "-b", "html")
    assert strict.returncode != 0
    assert "index.rst:4: WARNING: ladder block at index.rst:4: index.rst:9: person 'bo': " \
           "manager 'anne' does not exist (did you mean 'ann'?)" in strict.stderr
    lenient = build(source, tmp_path / "lenient", "-b", "html")
    assert lenient.returncode == 0
    page = (tmp_path / "lenient" / "index.html").read_text(encoding="utf-8")
    assert "ladder-error" in page and "anne" in page


@pytest.mark.slow
def test_changed_yaml_rebuilds_the_page(tmp_path):
    source = make_project(tmp_path, {"index.rst": INDEX, "team.md": TEAM})
    out = tmp_path / "html"
    assert build(source, out, "-b", "html").returncode == 0
    config = source / "data" / "startup.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("Priya Raman", "Priya Rao"),
                      encoding="utf-8")
    assert build(source, out, "-b", "html").returncode == 0  # incremental: no -E
    team = (out / "team.html").read_text(encoding="utf-8")
    assert "Priya Rao" in team and "Priya Raman" not in team


@pytest.mark.slow
def test_latex_gets_a_pdf_drawing(tmp_path):
    source = make_project(tmp_path, {"index.rst": INDEX, "team.md": TEAM})
    result = build(source, tmp_path / "latex", "-b", "latex")
    assert result.returncode == 0, result.stderr
    tex = next((tmp_path / "latex").glob("*.tex")).read_text(encoding="utf-8")
    names = re.findall(r"\\sphinxincludegraphics\[width=\\linewidth\]\{(ladder-\w+\.pdf)\}", tex)
    assert len(names) == 3
    for name in names:
        assert (tmp_path / "latex" / name).read_bytes().startswith(b"%PDF")


@pytest.mark.slow
def test_parallel_build_and_declared_safety(tmp_path):
    from ladder.sphinx import setup

    class App:
        def __init__(self) -> None:
            self.calls: list[str] = []

        def __getattr__(self, name: str):
            return lambda *args, **kwargs: self.calls.append(name)

    meta = setup(App())
    assert meta["parallel_read_safe"] and meta["parallel_write_safe"]
    source = make_project(tmp_path, {"index.rst": INDEX, "team.md": TEAM})
    result = build(source, tmp_path / "html", "-W", "-j", "2", "-b", "html")
    assert result.returncode == 0, result.stderr
