"""Issue 22's findings on the docs plugins, each reproduced: a fence's or directive's height
cannot break out of the iframe's style, a block reads only the docs project (no absolute path,
no '..' out, no link out, no company ``ladder:`` out), a wrong-typed option is a located error
(never a block that vanishes while ``--strict`` passes), a file's size is checked before it is
read, and the fence header is read with ladder's own YAML limits."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.docs.core import BlockError, read_block
from ladder.errors import LadderError
from ladder.escape import css_length, is_css_length

BREAKOUT = '1px" onload="alert(document.domain)" x="'


def block(body: str, tmp_path: Path, **kwargs):
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    return read_block(body, page="docs/index.md", line=3, folders=[docs, tmp_path],
                      bases=[tmp_path], **kwargs)


# --- (1) injection -----------------------------------------------------------------------------


@pytest.mark.parametrize("height", [BREAKOUT, "100px;background:url(x)", "1e9px", "expression(1)",
                                    "640px\n;color:red", True, [1], {"a": 1}])
def test_a_height_that_is_not_a_css_length_is_a_located_error(tmp_path, height):
    with pytest.raises(BlockError) as caught:
        block("source: product\nformat: html\n", tmp_path, header={"height": height})
    assert caught.value.file == "docs/index.md" and caught.value.line == 3
    assert "option 'height' must be a number with a unit" in caught.value.message


@pytest.mark.parametrize(("height", "shown"), [(400, "400px"), ("400", "400px"),
                                               ("80vh", "80vh"), ("12.5em", "12.5em")])
def test_good_heights_are_kept(tmp_path, height, shown):
    assert block("source: product\n", tmp_path, header={"height": height}).height == shown


def test_the_iframe_refuses_a_raw_height_whoever_calls_it():
    from ladder.api import html_iframe

    with pytest.raises(ValueError):
        html_iframe("<p>x</p>", title="t", height=BREAKOUT)
    assert 'style="width:100%;height:80vh;' in html_iframe("<p>x</p>", title="t", height="80vh")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.booleans(), st.none()))
def test_whatever_height_is_given_only_a_length_reaches_the_style(value):
    if is_css_length(value):
        assert all(c.isalnum() or c in ".%" for c in css_length(value))
    else:
        with pytest.raises(ValueError):
            css_length(value)


# --- (2) reading outside the project -----------------------------------------------------------


@pytest.fixture
def outside(tmp_path):
    """A ladder file beside the project, not in it."""
    secret = tmp_path / "secret.yaml"
    secret.write_text((REPO / "ladder" / "builtin" / "product.yaml").read_text())
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    return project, secret


@pytest.mark.parametrize("source", ["../secret.yaml", "../../secret.yaml", "ABSOLUTE",
                                    "docs/../../secret.yaml"])
def test_a_source_outside_the_project_is_refused(outside, source):
    project, secret = outside
    source = str(secret) if source == "ABSOLUTE" else source
    with pytest.raises(BlockError) as caught:
        read_block(f"source: {source}\n", page="docs/index.md", line=7,
                   folders=[project / "docs", project], bases=[project])
    assert caught.value.line == 7
    assert "outside the docs project" in caught.value.message or \
        "absolute path" in caught.value.message


def test_a_link_out_of_the_project_is_refused(outside):
    project, secret = outside
    (project / "docs" / "team.yaml").symlink_to(secret)
    with pytest.raises(BlockError, match="outside the docs project"):
        read_block("source: team.yaml\n", page="docs/index.md", line=1,
                   folders=[project / "docs", project], bases=[project])


def test_an_inline_companys_ladder_outside_the_project_is_refused(outside):
    project, secret = outside
    for ladder in ("../../secret.yaml", str(secret)):
        document = f"company: X\nladder: {ladder}\npeople:\n  - {{id: a, name: A}}\n"
        with pytest.raises(BlockError, match="outside the docs project|absolute path"):
            read_block(document, page="docs/index.md", line=1,
                       folders=[project / "docs", project], bases=[project])


def test_a_company_files_ladder_outside_the_project_is_refused(outside):
    project, _ = outside
    (project / "docs" / "org.yaml").write_text(
        "company: X\nladder: ../../secret.yaml\npeople:\n  - {id: a, name: A}\n")
    with pytest.raises(BlockError, match="outside the docs project"):
        read_block("source: org.yaml\n", page="docs/index.md", line=1,
                   folders=[project / "docs", project], bases=[project])


SET = ("id: both\nladders:\n  - {{id: product, ladder: product}}\n"
       "  - {{id: eng, ladder: {member}}}\n")


def read_in(project: Path, body: str, **header):
    return read_block(body, page="docs/index.md", line=4, folders=[project / "docs", project],
                      bases=[project], header=header or None)


@pytest.mark.parametrize("member", ["../../secret.yaml", "sub/../../../secret.yaml", "ABSOLUTE",
                                    "link.yaml"])
def test_a_ladder_sets_members_are_confined_like_a_companys_ladder(outside, member):
    """A ladder set's ``ladders: - ladder:`` is a file the block reads: as a block's source,
    inline, as a company's ``ladder:`` or an HR export's ``ladder``, it must lie in the project."""
    project, secret = outside
    (project / "docs" / "link.yaml").symlink_to(secret)
    member = str(secret) if member == "ABSOLUTE" else member
    (project / "docs" / "set.yaml").write_text(SET.format(member=member))
    (project / "docs" / "org.yaml").write_text(
        "company: X\nladder: set.yaml\npeople:\n  - {id: a, name: A}\n")
    (project / "docs" / "export.csv").write_text("id,name,manager\na,A,\n")
    ways = {"source": lambda: read_in(project, "source: set.yaml\n"),
            "inline": lambda: read_in(project, SET.format(member=member)),
            "company": lambda: read_in(project, "source: org.yaml\n"),
            "export": lambda: read_in(project, "source: export.csv\nladder: set.yaml\n")}
    for way, reading in ways.items():
        with pytest.raises(BlockError) as caught:
            reading()
        assert re.search("outside the docs project|absolute path", caught.value.message), way
        assert caught.value.line == 4 and caught.value.file == "docs/index.md", way


def test_a_ladder_set_inside_the_project_still_reads(outside):
    project, secret = outside
    (project / "ladders").mkdir()
    (project / "ladders" / "eng.yaml").write_text(secret.read_text())
    (project / "docs" / "set.yaml").write_text(SET.format(member="../ladders/eng.yaml"))
    found = read_in(project, "source: set.yaml\n")
    assert Path(found.source).name == "set.yaml"
    from ladder.docs.core import load_block

    combined = load_block(found)
    assert {role.split(":")[0] for role in combined.roles} == {"product", "eng"}


def test_a_ladder_set_naming_itself_is_followed_once(outside):
    project, _ = outside
    (project / "docs" / "set.yaml").write_text(SET.format(member="set.yaml"))
    read_in(project, "source: set.yaml\n")  # no loop: the loader reports what it makes of it


def test_files_inside_the_project_and_built_in_ladders_still_draw(outside):
    project, secret = outside
    (project / "data").mkdir()
    (project / "data" / "ladder.yaml").write_text(secret.read_text())
    found = read_block("source: ../data/ladder.yaml\n", page="docs/index.md", line=1,
                       folders=[project / "docs", project], bases=[project])
    assert Path(found.source).resolve() == (project / "data" / "ladder.yaml").resolve()
    assert read_block("source: product\n", page="docs/index.md", line=1,
                      folders=[project / "docs"], bases=[project]).source == "product"
    # a site that turned the restriction off reads where it is told
    free = read_block(f"source: {secret}\n", page="docs/index.md", line=1,
                      folders=[project / "docs"], bases=None)
    assert free.source == str(secret)


# --- (4) errors swallowed ----------------------------------------------------------------------


@pytest.mark.parametrize(("option", "value"), [
    ("variant", ["x"]), ("root", ["a"]), ("headcount", "1e308"), ("headcount", 10**12),
    ("depth", True), ("detail", "yes please"), ("via", [1, 2]), ("mapping", [1]),
    ("columns", 0), ("title", {"a": 1})])
def test_a_wrong_typed_option_is_a_located_error(tmp_path, option, value):
    with pytest.raises(BlockError) as caught:
        block("source: product\n", tmp_path, header={option: value})
    assert caught.value.message.startswith(f"option '{option}' must be")
    assert caught.value.line == 3


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["variant", "headcount", "highlight", "root", "depth", "detail",
                        "years", "via", "avoid", "columns", "mode", "title", "height",
                        "format", "theme"]),
       st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                 st.lists(st.one_of(st.integers(), st.text(max_size=5)), max_size=3),
                 st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)))
def test_every_option_value_reads_or_is_a_located_ladder_error(option, value):
    """The property behind the fence's swallowed errors: reading a block never raises
    anything but a LadderError, and what it keeps has the type the drawing takes."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        try:
            found = block("source: product\n", Path(folder), header={option: value})
        except LadderError as error:
            assert error.file == "docs/index.md" or "block" in str(error)
            return
    kept = found.options.get(option)
    if option in ("variant", "highlight", "root", "mode", "title", "theme") and \
            kept is not None:
        assert isinstance(kept, str)
    if option in ("headcount", "depth", "columns") and kept is not None:
        assert isinstance(kept, int) and not isinstance(kept, bool)


def test_a_source_bigger_than_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("LADDER_MAX_INPUT_MB", "1")
    docs = tmp_path / "docs"
    docs.mkdir()
    big = docs / "huge.yaml"
    with open(big, "wb") as stream:  # sparse: 4 GB on paper, nothing on the disk
        stream.truncate(4 * 2**30)
    with pytest.raises(BlockError, match="larger than the 1 MB"):
        read_block("source: huge.yaml\n", page="docs/index.md", line=2, folders=[docs],
                   bases=[tmp_path])


def test_the_cache_key_does_not_read_a_huge_file(tmp_path, monkeypatch):
    from ladder.docs.core import _file_hash

    monkeypatch.setenv("LADDER_MAX_INPUT_MB", "1")
    big = tmp_path / "huge.yaml"
    with open(big, "wb") as stream:
        stream.truncate(4 * 2**30)
    assert _file_hash(big) == "missing"
    assert _file_hash(Path("/dev/zero")) == "missing"  # a device is never read


BOMB = "[" + ",".join(["&a [x,x,x,x,x,x,x,x,x]"] + [
    f"&{chr(98 + n)} [" + ",".join([f"*{chr(97 + n)}"] * 9) + "]" for n in range(8)]) + "]"


def test_a_yaml_bomb_in_the_fence_header_is_refused_quickly():
    import time

    from ladder.docs.mkdocs_plugin import _validator

    options: dict = {}
    started = time.perf_counter()
    assert _validator("ladder", {"variant": BOMB}, options, {}, None) is True
    assert time.perf_counter() - started < 2
    assert "aliases" in options["ladder_error"]


# --- whole builds: the strict build fails, naming the block ------------------------------------

pytest.importorskip("mkdocs")
pytest.importorskip("pymdownx")

SITE_PAGE = """\
# Hostile

```ladder
source: product
format: html
height: '1px" onload="alert(1)" x="'
```

```ladder
source: ../../secret.yaml
```

```ladder
source: product
variant: [x]
```

```ladder {height="1px&quot; onload=&quot;alert(2)"}
source: product
format: html
```
"""


def mkdocs_build(site: Path) -> subprocess.CompletedProcess[str]:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
                          capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.needs_dot
def test_a_strict_mkdocs_build_fails_on_every_hostile_block(tmp_path):
    (tmp_path / "secret.yaml").write_text("company: Secret\npeople:\n  - {id: s, name: Sx9}\n")
    site = tmp_path / "a" / "site"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text("site_name: S\nplugins:\n  - ladder:\n      cache: false\n")
    (site / "docs" / "index.md").write_text(SITE_PAGE)
    result = mkdocs_build(site)
    assert result.returncode != 0
    log = result.stderr
    assert "option 'height' must be a number with a unit" in log
    assert "outside the docs project" in log
    assert "option 'variant' must be a name or a short text" in log
    assert log.count("WARNING") >= 4, log  # the header's height too
    page = (site / "site" / "index.html").read_text()
    assert page.count("ladder-error") == 4 and "<iframe" not in page and "Sx9" not in page


@pytest.mark.needs_dot
@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_a_strict_sphinx_build_fails_on_a_hostile_directive(tmp_path):
    pytest.importorskip("sphinx")
    (tmp_path / "secret.yaml").write_text("company: Secret\npeople:\n  - {id: s, name: Sx9}\n")
    source = tmp_path / "a" / "src"
    source.mkdir(parents=True)
    (source / "conf.py").write_text("extensions = ['ladder.sphinx']\n")
    (source / "index.rst").write_text(
        "Home\n====\n\n.. ladder:: product\n   :format: html\n"
        "   :height: 1px\" onload=\"alert(1)\n\n.. ladder:: ../../secret.yaml\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going",
                             "-b", "html", str(source), str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=180, env=env)
    assert result.returncode != 0
    assert "option 'height' must be a number with a unit" in result.stderr
    assert "outside the docs project" in result.stderr
    page = (tmp_path / "out" / "index.html").read_text()
    assert "Sx9" not in page and 'onload="alert' not in page
