"""The MkDocs plugin: ``plugins: [ladder]`` in ``mkdocs.yml`` is the whole set-up.

It registers a ``ladder`` custom fence with ``pymdownx.superfences`` (adding the extension when
the site has not), so a ```` ```ladder ```` block works anywhere a fence does: in lists,
admonitions and content tabs. Each block is drawn in this process at build time and inlined
(SVG that follows the site's light/dark switch, Mermaid text, or the offline explorer); a
cache under ``.cache/ladder`` beside ``mkdocs.yml`` skips blocks whose inputs and options did
not change; ``mkdocs serve`` watches every file a block was drawn from. A block that cannot be
drawn shows an error box in the page and is logged as a warning, so ``mkdocs build --strict``
fails, naming the page, the block's line and the YAML's file:line.

Plugin options (all optional)::

    plugins:
      - ladder:
          cache: true          # false: draw every block on every build
          cache_dir: .cache/ladder
          restrict_base_path: true   # blocks read files under the project root only
          base_path: []        # more folders blocks may read (relative to mkdocs.yml)

A block's ``source:``, an HR export's ``ladder:`` and a company document's ``ladder:`` must lie
in the project (links resolved); an absolute path or a ``..`` that leaves it fails the build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, get_plugin_logger

from ladder.docs.core import (
    BlockError,
    DiagramCache,
    draw_block,
    error_box,
    forget_loaded,
    read_block,
)
from ladder.errors import LadderError

log = get_plugin_logger(__name__)
FENCE_NAME = "ladder"
MAX_HEADER_VALUE = 1_000  # characters of one fence-header value
_OPENING = re.compile(r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,})\s*\{?\s*\.?ladder\b")


class LadderPluginConfig(Config):
    cache = config_options.Type(bool, default=True)
    cache_dir = config_options.Type(str, default=".cache/ladder")
    restrict_base_path = config_options.Type(bool, default=True)
    base_path = config_options.Type(list, default=[])


class LadderPlugin(BasePlugin[LadderPluginConfig]):
    """Draws ```` ```ladder ```` blocks into the pages at build time."""

    def __init__(self) -> None:
        self.page: Any = None
        self.lines: dict[str, list[int]] = {}
        self.watched: set[Path] = set()
        self.cache: DiagramCache | None = None
        self.root = Path(".")
        self.docs_dir = Path(".")
        self.drawn = 0
        self.failed = 0
        self.bases: list[Path] | None = None

    # --- set-up ----------------------------------------------------------------------------

    def on_config(self, config: Any) -> Any:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.docs_dir = Path(config.docs_dir).resolve()
        if self.config.restrict_base_path:
            extra = [Path(folder) for folder in self.config.base_path]
            self.bases = [self.root, self.docs_dir,
                          *(folder if folder.is_absolute() else self.root / folder
                            for folder in extra)]
        else:
            self.bases = None
        if self.config.cache:
            folder = Path(self.config.cache_dir)
            self.cache = DiagramCache(folder if folder.is_absolute() else self.root / folder)
        extensions = config.markdown_extensions
        if "pymdownx.superfences" not in extensions:
            extensions.append("pymdownx.superfences")
        settings = config.mdx_configs.setdefault("pymdownx.superfences", {})
        fences = [fence for fence in settings.get("custom_fences", [])
                  if fence.get("name") != FENCE_NAME]
        fences.append({"name": FENCE_NAME, "class": "ladder", "format": self._format,
                       "validator": _validator})
        settings["custom_fences"] = fences
        return config

    def on_pre_build(self, config: Any) -> None:
        forget_loaded()  # ``mkdocs serve`` rebuilds in this process: read edited files again

    # --- each page -------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        """Note where each ladder block starts, so a message can name its line."""
        self.page = page
        self.lines = _block_lines(markdown)
        return markdown

    def _format(self, src: str, language: str, class_name: str, options: dict, md: Any,
                **kwargs: Any) -> str:
        page = self.page
        shown = page.file.src_uri if page is not None else "?"
        folder = Path(page.file.abs_src_path).parent if page is not None else self.docs_dir
        queue = self.lines.get(_normal(src))
        line = queue.pop(0) if queue else None
        try:
            header_error = options.get("ladder_error")
            if header_error:
                raise BlockError(f"the fence's header: {header_error}",
                                 file=f"{Path(self.docs_dir.name) / shown}", line=line)
            block = read_block(src, page=f"{Path(self.docs_dir.name) / shown}", line=line,
                               folders=[folder, self.docs_dir, self.root],
                               header=options.get("ladder", {}), bases=self.bases)
            fragment, used = draw_block(block, self.cache, on_note=log.info)
        except LadderError as error:
            self.failed += 1
            if not isinstance(error, BlockError):
                error = BlockError(f"ladder block at {shown}:{line}: {error}")
            log.warning(str(error))
            return error_box(error)
        except Exception as error:  # noqa: BLE001 - superfences would swallow it silently
            # A bug, not bad input: said as an error (the build fails, strict or not) rather
            # than a block that vanishes from the page without a word.
            self.failed += 1
            log.error(f"ladder block at {shown}:{line}: internal error "
                      f"{type(error).__name__}: {error}")
            return error_box(BlockError(f"internal error at {shown}:{line}: "
                                        f"{type(error).__name__}"))
        self.drawn += 1
        self.watched.update(path.resolve() for path in used)
        return fragment

    # --- after the build -------------------------------------------------------------------

    def on_post_build(self, config: Any) -> None:
        if self.drawn or self.failed:
            cached = f", {self.cache.hits} from the cache" if self.cache else ""
            log.info(f"{self.drawn} diagrams drawn{cached}"
                     + (f", {self.failed} could not be drawn" if self.failed else ""))

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """``mkdocs serve`` rebuilds when a ladder or company file a page draws changes."""
        for path in sorted(self.watched):
            if not path.is_relative_to(self.docs_dir):  # the docs folder is watched already
                server.watch(str(path), recursive=False)
        return server


def _validator(language: str, inputs: dict, options: dict, attrs: dict, md: Any) -> bool:
    """Header options (```` ```ladder format="html" ````) pass on to the block; a value that
    cannot be read is kept as an error the block reports (returning False would show the
    block as a plain code block, and the build would pass)."""
    values = {}
    for key, value in inputs.items():
        try:
            values[key] = _value(value)
        except LadderError as error:
            options["ladder_error"] = f"option '{key}': {error.message}"
    options["ladder"] = values
    return True


def _value(text: str) -> Any:
    """A header value as YAML reads it (``true``, ``2``, ``startup``), with the limits every
    config is read with: aliases, nesting and tags (a YAML bomb took 31 s and 2 GB)."""
    from ladder.api import parse_document  # lazy: the MkDocs plugin loads no api

    if len(text) > MAX_HEADER_VALUE:
        raise LadderError(f"longer than {MAX_HEADER_VALUE} characters")
    try:
        return parse_document(text, "fence header")
    except LadderError as error:
        if error.message.startswith("not valid"):
            return text  # not YAML (``title="A: b"``): the text as written
        raise  # a limit: aliases, nesting, tags


def _normal(body: str) -> str:
    return "\n".join(line.strip() for line in body.strip().splitlines())


def _block_lines(markdown: str) -> dict[str, list[int]]:
    """Each ladder block's body (indentation dropped) -> the lines its fences open on."""
    found: dict[str, list[int]] = {}
    lines = markdown.splitlines()
    number = 0
    while number < len(lines):
        match = _OPENING.match(lines[number])
        if not match:
            number += 1
            continue
        fence = match.group("fence")
        start = number
        body = []
        number += 1
        while number < len(lines) and not lines[number].strip().lstrip(">").strip() \
                .startswith(fence):
            body.append(lines[number].lstrip(" \t>"))
            number += 1
        found.setdefault(_normal("\n".join(body)), []).append(start + 1)
        number += 1
    return found
