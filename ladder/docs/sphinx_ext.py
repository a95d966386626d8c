"""The Sphinx extension: ``extensions = ["ladder.sphinx"]``, then ``.. ladder:: PATH``.

The directive takes the options of ``render`` as fields (``:variant: startup``,
``:highlight: pm..cpo``, ``:detail:``, ``:root: omar``, ``:depth: 2``, ``:theme: auto``,
``:format: svg|mermaid|html`` ...), or, without a path, an inline ladder or company document
as its content; MyST writes the same as ```` ```{ladder} PATH ````. HTML builders get the
diagram inlined (SVG that follows Furo's and the reader's light/dark setting, Mermaid text, or
the offline explorer in an iframe); LaTeX gets a PDF drawing, other builders the diagram's
text description. ``env.note_dependency`` rebuilds a page when its YAML changes; a problem is
a warning with the page and line (``sphinx-build -W`` fails) and an error box in the page.
The extension keeps no state between documents, so it is parallel-safe.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import ladder
from ladder.docs.core import (
    DRAW_OPTIONS,
    Block,
    DiagramCache,
    draw_block,
    draw_options,
    error_box,
    forget_loaded,
    load_block,
    read_block,
)
from ladder.errors import LadderError

log = logging.getLogger(__name__)


class ladder_diagram(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes so
    """A drawn block: its HTML, and what other builders need to draw it their way."""


def _flag(argument: str | None) -> bool:
    """``:detail:`` alone is true; ``:years: false`` is false."""
    if argument is None or not argument.strip():
        return True
    return argument.strip().lower() not in ("false", "no", "0", "off")


_FLAGS = ("detail", "years", "transparent", "align_levels")
_NUMBERS = ("depth", "columns", "headcount")


class LadderDirective(SphinxDirective):
    """``.. ladder:: [PATH]`` with the drawing options as fields, or a document as content."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        **{name: directives.unchanged for name in DRAW_OPTIONS},
        **{name: _flag for name in _FLAGS},
        **{name: directives.nonnegative_int for name in _NUMBERS},
        "format": lambda text: directives.choice(text, ("svg", "mermaid", "html")),
        "height": directives.unchanged,  # checked as a CSS length by read_block
        "view": lambda text: directives.choice(text, ("auto", "explorer", "static", "graph",
                                                       "matrix")),
        "split": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        page = self.env.doc2path(self.env.docname)
        shown = str(Path(page).relative_to(self.env.srcdir)) if Path(page).is_relative_to(
            self.env.srcdir) else str(page)
        header = dict(self.options)
        if self.arguments:
            header["source"] = self.arguments[0]
        body = "\n".join(self.content)
        if self.arguments and body.strip():
            return self._problem(LadderError("give a path or a document as content, not both",
                                             file=shown, line=self.lineno))
        if not self.arguments:
            # the content is the document; its first line is the one after the options
            header.setdefault("document", body)
            body = ""
        try:
            block = read_block(body, page=shown, line=self.lineno,
                               folders=[Path(page).parent, Path(self.env.srcdir),
                                        Path(self.env.srcdir).parent],
                               header=header, bases=_bases(self.env))
            if block.text is not None:
                block = _at_content(block, self.content_offset + 1)
            fragment, used = draw_block(block, _cache(self.env), on_note=log.info)
        except LadderError as error:
            return self._problem(error)
        for path in used:
            self.env.note_dependency(str(path.resolve()))
        node = ladder_diagram()
        node["html"] = fragment
        node["block"] = block
        self.set_source_info(node)
        return [node]

    def _problem(self, error: LadderError) -> list[nodes.Node]:
        log.warning(str(error), location=(self.env.docname, self.lineno), type="ladder")
        return [nodes.raw("", error_box(error), format="html")]


def _at_content(block: Block, first_line: int) -> Block:
    """The inline document's lines are the page's lines from ``first_line`` on."""
    from dataclasses import replace

    return replace(block, text_line=first_line)


def _bases(env: Any) -> list[Path] | None:
    """The folders a block may read: the source folder and the project above it, plus
    ``ladder_base_path``; None when ``ladder_restrict_base_path = False``."""
    if not env.config.ladder_restrict_base_path:
        return None
    srcdir = Path(env.srcdir)
    extra = [Path(folder) for folder in env.config.ladder_base_path]
    return [srcdir, srcdir.parent,
            *(folder if folder.is_absolute() else Path(env.app.confdir) / folder
              for folder in extra)]


def _cache(env: Any) -> DiagramCache | None:
    if not env.config.ladder_cache:
        return None
    return DiagramCache(Path(env.app.doctreedir) / "ladder-cache")


# --- how each builder shows a drawn block --------------------------------------------------------


def visit_html(translator: Any, node: ladder_diagram) -> None:
    translator.body.append(node["html"])
    raise nodes.SkipNode


def visit_latex(translator: Any, node: ladder_diagram) -> None:
    """A PDF drawing beside the LaTeX file (LaTeX scales it to the text width)."""
    import hashlib

    block: Block = node["block"]
    options = draw_options(block, drop=("theme", "transparent"))
    try:
        thing = load_block(block)
        data = ladder.draw(thing, format="pdf", **options)
    except LadderError as error:
        log.warning(str(error), location=node, type="ladder")
        raise nodes.SkipNode from None
    assert isinstance(data, bytes)  # a PDF comes back as bytes
    name = "ladder-" + hashlib.sha256(data).hexdigest()[:16] + ".pdf"
    # the one way to write a file: atomic, inside the output folder, never through a link
    ladder.api.write_file(name, data, folder=translator.builder.outdir)
    translator.body.append(
        f"\n\\begin{{center}}\\sphinxincludegraphics[width=\\linewidth]{{{name}}}"
        "\\end{center}\n")
    raise nodes.SkipNode


def visit_text(translator: Any, node: ladder_diagram) -> None:
    """Builders without pictures get what the diagram shows in words."""
    import re

    match = re.search(r"<desc[^>]*>(.*?)</desc>", node["html"], re.S)
    text = match.group(1) if match else "[diagram]"
    import html

    translator.add_text(html.unescape(text))
    raise nodes.SkipNode


def setup(app: Any) -> dict[str, Any]:
    """Register the directive (``ladder``), its node, and the settings: ``ladder_cache``,
    ``ladder_restrict_base_path`` (blocks read files of the project only) and
    ``ladder_base_path`` (more folders they may read)."""
    app.add_config_value("ladder_cache", True, "env")
    app.add_config_value("ladder_restrict_base_path", True, "env")
    app.add_config_value("ladder_base_path", [], "env")
    app.add_node(ladder_diagram, html=(visit_html, None), latex=(visit_latex, None),
                 text=(visit_text, None), man=(visit_text, None), texinfo=(visit_text, None))
    app.add_directive("ladder", LadderDirective)
    # a build in a process that built before (sphinx-autobuild) reads edited files again
    app.connect("builder-inited", lambda app: forget_loaded())
    return {"version": ladder.__version__, "parallel_read_safe": True,
            "parallel_write_safe": True}
