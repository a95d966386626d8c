"""The docs site, built as a reader gets it: ``mkdocs build --strict`` with ladder's own plugin.

The site (mkdocs.yml and docs/ at the repo root) draws its diagrams from examples/ at build
time. Built here into a temporary folder, each page must hold one drawn diagram per ``ladder``
block, with the names of the example it draws as text in it; every link and image of every
page must resolve; and the map of the folders in docs/development.md must match the tree.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from doc_pages import REPO, Block, read_page

import ladder

pytest.importorskip("mkdocs")
pytest.importorskip("material")
# building the whole site takes 5 s of CPU and more: left out of the fast loop (-m "not slow")
pytestmark = [pytest.mark.needs_dot, pytest.mark.slow]

DOCS = REPO / "docs"
DIAGRAM = re.compile(r'(?P<svg><svg class="ladder-diagram.*?</svg>)'
                     r'|<iframe class="ladder-viewer"[^>]*?srcdoc="(?P<srcdoc>[^"]*)"'
                     r'|<pre class="mermaid"><code>(?P<mermaid>.*?)</code></pre>', re.S)


@dataclass
class Site:
    root: Path  # the copy the site was built from
    html: Path  # the built site
    log: str
    returncode: int

    def page(self, markdown: Path) -> str:
        """The built HTML of a docs page (``use_directory_urls``: x.md -> x/index.html)."""
        relative = markdown.relative_to(DOCS).with_suffix("")
        built = self.html / ("index.html" if relative.name == "index"
                             else relative / "index.html")
        return built.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("docs-site")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("docs", "examples"):
        shutil.copytree(REPO / folder, root / folder)
    # this checkout's ladder, not whichever one the environment installed
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                             "--site-dir", str(root / "site")], cwd=root, env=env,
                            capture_output=True, text=True, timeout=600)
    return Site(root, root / "site", result.stderr + result.stdout, result.returncode)


def ladder_blocks(markdown: Path) -> list[Block]:
    """The page's ``ladder`` blocks in order (those shown inside a longer fence, as examples
    of the syntax, are text and are not drawn)."""
    return [block for block in read_page(markdown).blocks if block.lang == "ladder"]


def block_format(block: Block) -> str:
    return str((yaml.safe_load(block.body) or {}).get("format", "svg"))


def test_the_site_builds_strictly(site: Site):
    assert site.returncode == 0, site.log
    assert "WARNING" not in site.log, site.log
    blocks = sum(len(ladder_blocks(page)) for page in DOCS.rglob("*.md"))
    assert blocks >= 10
    assert f"ladder: {blocks} diagrams drawn" in site.log


def names_drawn(block: Block) -> list[str]:
    """Names the diagram of a block must show, read from its source through the API: every
    role of a ladder as the block's variant has it; the top of an org chart (the block's root)
    and the people under it."""
    options = yaml.safe_load(block.body)
    source = options.get("source")
    if source is None:
        thing = ladder.load(text=options["document"])
    else:
        thing = ladder.load(source if source == "product" else REPO / source)
    if isinstance(thing, ladder.Ladder):
        projected = ladder.ladder_for(thing, variant=options.get("variant"),
                                      head=options.get("head"))
        return [role.title for role in projected]
    org = thing
    root = options.get("root") or (org.roots()[0].id if options.get("depth") else None)
    if root:
        org = org.subtree(root, options.get("depth"))
    top = org.roots()
    below = [person for boss in top for person in org.reports(boss.id)]
    return [person.name for person in [*top, *below] if not person.vacant]


def svg_words(svg: str) -> str:
    return " ".join(" ".join(ElementTree.fromstring(svg).itertext()).split())


def drawings(page: str) -> list[tuple[str, str]]:
    """The diagrams of a built page in order, as (kind, the text they show): an inline SVG's
    words, the explorer's page (an iframe's srcdoc, unescaped), or Mermaid source."""
    found = []
    for match in DIAGRAM.finditer(page):
        if match.group("svg"):
            found.append(("svg", svg_words(match.group("svg"))))
        elif match.group("srcdoc") is not None:
            found.append(("html", html.unescape(match.group("srcdoc"))))
        else:
            found.append(("mermaid", html.unescape(match.group("mermaid"))))
    return found


@pytest.mark.parametrize("markdown", sorted(DOCS.rglob("*.md")),
                         ids=lambda path: path.relative_to(REPO).as_posix())
def test_each_page_holds_the_diagrams_drawn_from_the_examples(site: Site, markdown: Path):
    blocks = ladder_blocks(markdown)
    drawn = drawings(site.page(markdown))
    assert len(drawn) == len(blocks), [kind for kind, _ in drawn]
    for block, (kind, text) in zip(blocks, drawn, strict=True):
        wanted = block_format(block)
        # a wide org chart may be shown as the explorer rather than squeezed into the column
        assert kind == wanted or (wanted, kind) == ("svg", "html"), block.where
        if kind == "mermaid":
            continue
        names = names_drawn(block)
        assert names, block.where
        missing = [name for name in names if " ".join(name.split()) not in text]
        assert not missing, f"{block.where}: the drawing lacks {missing}"


def test_the_home_page_draws_the_built_in_ladder_with_a_variant(site: Site):
    ((kind, text),) = drawings(site.page(DOCS / "index.md"))
    assert kind == "svg" and "Product management: Scale-up" in text
    # a promotion path and an org chart from a company config are drawn on their pages
    kind, text = drawings(site.page(DOCS / "paths.md"))[0]
    assert kind == "svg"
    assert "Junior Product Manager to Chief Product Officer, about 12 years" in text
    kind, text = drawings(site.page(DOCS / "org-charts.md"))[0]
    assert "Fernweh Travel" in text and "Priya Raman" in text


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            if (name == "href" and tag in ("a", "link")) or (name == "src" and tag in (
                    "img", "script")):
                self.links.append(value)


def _read(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_link_and_image_resolves(site: Site):
    assert site.returncode == 0, site.log
    pages = {path: _read(path) for path in site.html.rglob("*.html")}
    broken = []
    for path, parsed in pages.items():
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue  # the theme's own links out; the pages make none
            if not parts.path:
                target = path
            elif parts.path.startswith("/"):  # 404.html links from the site's root
                target = site.html / unquote(parts.path).lstrip("/")
            else:
                target = (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(site.html)}: {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _read(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{path.relative_to(site.html)}: {link} (no such anchor)")
    assert not broken, "\n".join(broken)
    assert len(pages) >= 11


def test_the_map_of_the_folders_matches_the_tree():
    """docs/development.md names every module under ladder/ in its package's entry, and names
    no module that is not there (in ladder/, tests/ or bench/)."""
    page = read_page(DOCS / "development.md")
    (tree,) = [block.body for block in page.blocks if block.lang == "text"
               and block.body.startswith("ladder/")]
    entries = _map_entries(tree)
    problems = []
    for path in sorted((REPO / "ladder").rglob("*.py")):
        if path.name in ("__init__.py", "__main__.py"):
            continue
        package = path.parent.relative_to(REPO).as_posix() + "/"
        if package not in entries:
            problems.append(f"no entry for the package {package}")
        elif not re.search(rf"\b{re.escape(path.name)}\b", entries[package]):
            problems.append(f"the entry of {package} does not name {path.name}")
    named = set(re.findall(r"\b([a-z_]+\.py)\b", tree))
    real = {path.name for folder in ("ladder", "tests", "bench")
            for path in (REPO / folder).rglob("*.py")}
    problems += [f"names {name}, which is no module" for name in sorted(named - real)]
    problems += [f"an entry for {package}, which is no package" for package in entries
                 if not (REPO / package).is_dir()]
    assert not problems, "docs/development.md's map: " + "; ".join(dict.fromkeys(problems))


def _map_entries(tree: str) -> dict[str, str]:
    """The map's text by folder: 'ladder/sources/hr/' -> what its entry says. A folder's entry
    is its line and the lines under it, up to the next entry at its depth or above."""
    entries: dict[str, str] = {}
    stack: list[tuple[int, str]] = []  # (indent, folder) of the entries we are inside
    for line in tree.splitlines():
        found = re.match(r"^( *)([a-z_]+/|[a-z_]+\.py)\s", line + " ")
        if found and (not stack or len(found.group(1)) <= stack[-1][0] + 2):
            indent, name = len(found.group(1)), found.group(2)
            while stack and stack[-1][0] >= indent:
                stack.pop()
            parent = stack[-1][1] if stack else ""
            if name.endswith("/"):
                stack.append((indent, parent + name))
                entries.setdefault(parent + name, "")
            else:  # a module of its own line, in the folder above
                entries[parent] = entries.get(parent, "") + " " + name
            line = line[found.end(2):]
        if stack:
            entries[stack[-1][1]] += " " + line
    return entries
