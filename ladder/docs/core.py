"""What the MkDocs plugin and the Sphinx extension share: read a diagram block, draw it, cache it.

A block (a ```` ```ladder ```` fence in MkDocs, a ``.. ladder::`` directive in Sphinx) names a
source or holds a document, plus the options of ``render``::

    source: examples/startup.yaml   # relative to the page, else to the site root; or "product"
    variant: startup                # ... any drawing option: head, highlight, root, depth ...
    format: svg                     # svg (default), mermaid or html (the offline explorer)
    view: auto                      # org charts: auto (default), explorer or static
    junior: junior.csv              # HR exports: every reading option of render (preset ...)

or ``document: |`` followed by an inline ladder or company document, or no ``source:`` and no
``document:`` at all: then the whole block is the document and options come from the block's
header (MkDocs: ```` ```ladder format="html" ````; Sphinx: the directive's fields).

Drawing goes through the public API (:func:`ladder.load`, :func:`ladder.draw`) in this
process; a :class:`DiagramCache` keyed by the inputs' bytes and the options skips unchanged
diagrams. A problem is a :class:`BlockError` that names the page, the block's line and, when
the problem is in the YAML, its file and line.

Org charts stay readable in a page: a drawing is never scaled down into the text column (its
smallest text, the team badge, is 10 px). ``view: auto`` shows one that fits the column as an
SVG and a wider one as the explorer (an iframe of ``height``, opening on the levels that fit);
``view: static`` shows the SVG at its own size in a box that scrolls sideways; ``view:
explorer`` always shows the explorer. The build log says which view a wide chart got and why
(:func:`draw_block`'s ``on_note``).
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ladder
from ladder.errors import LadderError, SourceError, did_you_mean
from ladder.escape import css_length, is_css_length

FORMATS = ("svg", "mermaid", "html")
# Keys of a block that are not drawing options.
BLOCK_KEYS = ("source", "document", "format", "height", "view")
DRAW_OPTIONS = ("title", "theme", "transparent", "variant", "headcount", "head", "detail",
                "years", "highlight", "via", "avoid", "root", "depth", "align_levels", "mode",
                "columns", "preset", "junior", "mapping", "fix", "ladder", "snapshot", "sheet")
# Options that say how to read an HR export: they go to load, the others to draw.
READ_OPTIONS = ("preset", "junior", "mapping", "fix", "ladder", "snapshot", "sheet")
PATH_OPTIONS = ("junior",)  # read options naming a file: found as 'source:' is
VIEWS = ("auto", "explorer", "static")  # how an org chart is shown in a page
LADDER_VIEWS = ("graph", "matrix")  # a ladder's views: passed on to draw
# The text column of MkDocs Material in a 1,280 px wide window is 688 CSS px (measured in
# Chromium; Furo's is wider): an org chart no wider than this is shown as it is. The smallest
# org chart drawing is 688 px wide too (renderers/card_geometry.py: 640 px plus margins).
COLUMN_WIDTH = 688
# Inlined in a docs page the diagram follows the site's theme and sits on its background.
PAGE_DEFAULTS = {"theme": "auto", "transparent": True}
CACHE_VERSION = "2"

# What each option must be: a wrong type is a located error that fails a strict build, never
# a TypeError deep in the drawing that the fence extension swallows (the block vanished).
TEXT_OPTIONS = ("title", "theme", "variant", "head", "highlight", "root", "mode", "preset",
                "ladder", "junior", "snapshot", "sheet")
FLAG_OPTIONS = ("transparent", "detail", "years", "align_levels")
COUNT_OPTIONS = {"headcount": (1, 10_000_000), "depth": (1, 1_000), "columns": (1, 100)}
NAME_LIST_OPTIONS = ("via", "avoid", "fix")  # a name, or a list of names
MAX_OPTION_TEXT = 1_000  # characters of one option's text


class BlockError(LadderError):
    """A diagram block that cannot be drawn: where the block is, and what is wrong."""


@dataclass(frozen=True)
class Block:
    """One diagram block, read: what to draw, how, and where it came from."""

    page: str  # the page's path, for messages
    line: int | None  # the block's first line in the page
    format: str = "svg"
    source: str | None = None  # a file path (resolved) or a built-in ladder name
    text: str | None = None  # an inline document instead
    text_line: int | None = None  # the page line of the inline document's first line
    options: dict[str, Any] = field(default_factory=dict)
    height: str = "640px"
    folder: Path = Path(".")  # the page's folder: an inline document's paths start there
    view: str = "auto"  # org charts: auto, explorer or static (see the module's docstring)

    def files(self) -> list[Path]:
        """The files the drawing reads directly (a page rebuilds when one changes)."""
        named = [self.source, *(self.options.get(key) for key in PATH_OPTIONS)]
        return [Path(name) for name in named if isinstance(name, str) and Path(name).is_file()]


def read_block(body: str, *, page: str, line: int | None, folders: list[Path],
               header: Mapping[str, Any] | None = None,
               bases: Sequence[Path] | None = None) -> Block:
    """The block's YAML ``body`` read into a :class:`Block`.

    ``folders``: where a relative ``source:`` is looked for, in order (the page's folder, then
    the site root). ``header``: options given outside the body (fence header, directive
    fields); the body's own win. ``bases``: the folders a file may be read from (the docs
    project; links resolved first); a path outside them, or an absolute one, is refused.
    ``None`` reads any file (a site that turned ``restrict_base_path`` off).
    """
    from ladder.api import parse_document  # lazy: the MkDocs plugin loads no api

    try:
        # read as every config is (alias bombs, deep nesting and tags refused), not safe_load
        data = parse_document(body, page) if body.strip() else {}
    except SourceError as error:
        at = _page_line(line, error.line) if error.line is not None else line
        message = error.message.removeprefix("not valid YAML: ")
        raise BlockError(f"the block is not valid YAML: {message}", file=page, line=at,
                         hint=error.hint) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise BlockError("the block should hold 'source:' and options, or a ladder or company "
                         "document", file=page, line=line)
    given = dict(header or {})
    if {"source", "document"} & (set(data) | set(given)):
        given.update(data)
        text, text_line = given.pop("document", None), None
        if text is not None:
            if not isinstance(text, str):
                raise BlockError("'document:' holds the document as text: write 'document: |' "
                                 "and indent it below", file=page, line=line)
            text_line = _page_line(line, _key_line(body, "document") + 1)
    else:  # the whole body is the document
        text, text_line = body, _page_line(line, 1)
    source = given.pop("source", None)
    format_ = str(given.pop("format", "svg")).lower()
    if format_ not in FORMATS:
        raise BlockError(f"format {format_!r} cannot be shown in a page", file=page, line=line,
                         hint=did_you_mean(format_, FORMATS) or f"use one of: {', '.join(FORMATS)}")
    view = str(given.pop("view", "auto")).lower()
    ladder_view = None
    if view in LADDER_VIEWS:  # a ladder's own view (render's --view): a drawing option
        ladder_view, view = view, "auto"
    elif view not in VIEWS:
        choices = (*VIEWS, *LADDER_VIEWS)
        raise BlockError(f"view {view!r} is not a way to show a diagram", file=page, line=line,
                         hint=did_you_mean(view, choices) or f"use one of: {', '.join(choices)}")
    raw_height = given.pop("height", "640px")
    if not is_css_length(raw_height):
        # it reaches the iframe's style attribute: a quote there once added an onload handler
        raise BlockError(f"option 'height' must be a number with a unit, not {raw_height!r}",
                         file=page, line=line, hint="write e.g. 640, 640px, 40em or 80vh")
    height = css_length(raw_height)
    if given.get("split"):
        raise BlockError("option 'split' writes several files: a page shows one diagram",
                         file=page, line=line, hint="use root and depth to show a part")
    unknown = [key for key in given if key not in DRAW_OPTIONS]
    if unknown:
        raise BlockError(f"unknown option {unknown[0]!r}", file=page, line=line,
                         hint=did_you_mean(unknown[0], [*DRAW_OPTIONS, *BLOCK_KEYS]))
    for key, value in given.items():
        given[key] = check_option(key, value, page=page, line=line)
    if source is not None and text is not None:
        raise BlockError("give 'source:' or a document, not both", file=page, line=line)
    if source is None and text is None:
        raise BlockError("the block names no diagram", file=page, line=line,
                         hint="add 'source: product' or a path to a ladder or company file")
    resolved = None
    if source is not None:
        if not isinstance(source, str) or not source.strip():
            raise BlockError("'source:' names a ladder or company file, or a built-in ladder",
                             file=page, line=line, hint="e.g. 'source: product'")
        resolved = _resolve(source, folders, bases=bases, page=page, line=line)
    if isinstance(given.get("ladder"), str):  # an HR export's ladder: a file too, read the same
        given["ladder"] = _resolve(given["ladder"], folders, bases=bases, page=page, line=line)
    if resolved is not None and Path(resolved).exists():
        _check_size(resolved, page=page, line=line)
    for key in PATH_OPTIONS:  # files the reading takes (a junior-staff file): found the same
        if given.get(key) is not None:
            given[key] = _resolve(str(given[key]), folders, bases=bases, page=page, line=line)
    _check_linked_ladder(resolved, text, folders[0] if folders else Path("."), bases=bases,
                         page=page, line=line, ladder=given.get("ladder"))
    if ladder_view is not None:
        given["view"] = ladder_view
    return Block(page=page, line=line, format=format_, source=resolved, text=text,
                 text_line=text_line, options={**PAGE_DEFAULTS, **given}, height=height,
                 folder=folders[0] if folders else Path("."), view=view)


def _where(page: str, line: int | None) -> str:
    return f"{page}:{line}" if line else page


def _page_line(block_line: int | None, body_line: int) -> int | None:
    """The page line of the block body's ``body_line`` (1-based; the fence line is before)."""
    return None if block_line is None else block_line + body_line


def _key_line(body: str, key: str) -> int:
    for number, text in enumerate(body.splitlines(), start=1):
        if text.startswith(f"{key}:"):
            return number
    return 1


def _resolve(source: str, folders: list[Path], *, bases: Sequence[Path] | None, page: str,
             line: int | None) -> str:
    """A relative path found in the first folder that has it, checked to lie in ``bases``
    (links resolved); else a built-in ladder's name; else a located error."""
    from ladder.api import builtin_ladders  # lazy: the MkDocs plugin loads no api

    path = Path(source)
    if path.is_absolute():
        if bases is not None:
            raise BlockError(f"'{source}' is an absolute path: a block reads files of the docs "
                             "project only", file=page, line=line,
                             hint="give the path relative to the page or the docs folder")
        candidates = [path]
    else:
        candidates = [folder / path for folder in folders]
    found = next((candidate for candidate in candidates if candidate.exists()), None)
    if found is None:
        if len(path.parts) == 1 and not path.suffix and not path.is_absolute():
            return source  # a built-in ladder, or a name the loader says is unknown, with a hint
        # said as the loader says a missing file, from the block (never looked up from the
        # build's working folder, which may be anywhere)
        raise BlockError(f"ladder block at {_where(page, line)}: {source}: file not found",
                         hint=did_you_mean(source, builtin_ladders()) or
                         "paths are relative to the page, then to the docs folder")
    confine(found, bases, page=page, line=line, what=source)
    return str(found)


def confine(path: Path, bases: Sequence[Path] | None, *, page: str, line: int | None,
            what: str) -> None:
    """A located error unless ``path``, its links resolved, lies inside one of ``bases``:
    on a CI that builds pull requests, a block must not draw the runner's files into a page."""
    if bases is None:
        return
    real = path.resolve()
    if any(real.is_relative_to(base.resolve()) for base in bases):
        return
    raise BlockError(f"'{what}' is outside the docs project", file=page, line=line,
                     hint="keep diagram sources inside the project (MkDocs: add a folder to the "
                          "plugin's base_path; Sphinx: to ladder_base_path in conf.py)")


def _check_size(path: str, *, page: str, line: int | None) -> None:
    """The file's size checked before any of it is read (a 4 GB sparse file was read whole)."""
    from ladder.api import input_size  # lazy: the MkDocs plugin loads no api

    try:
        input_size(path)
    except LadderError as error:
        raise BlockError(error.message, file=page, line=line, hint=error.hint) from None


def _check_linked_ladder(source: str | None, text: str | None, folder: Path, *,
                         bases: Sequence[Path] | None, page: str, line: int | None,
                         ladder: str | None = None) -> None:
    """The files a block's document names must lie in the docs project too: a company's
    ``ladder:``, a ladder set's ``ladders: - ladder:`` (and those of a ladder set a company
    or an HR export's ``ladder`` names), checked before the loader reads them (its error
    messages would quote the file's lines)."""
    from ladder.api import parse_document  # lazy: the MkDocs plugin loads no api

    if bases is None:
        return
    todo: list[tuple[Any, Path]] = []  # (a document's data, the folder its paths start from)
    if text is not None:
        try:
            todo.append((parse_document(text, page), folder))
        except LadderError:
            pass  # the loader says what is wrong, with the document's lines
    for path in (source, ladder):
        if path is not None and (data := _document_data(Path(path))) is not None:
            todo.append((data, Path(path).parent))
    seen: set[Path] = set()
    while todo:
        data, start = todo.pop()
        for linked in _linked_ladders(data):
            target = Path(linked)
            if target.is_absolute():
                raise BlockError(f"the ladder '{linked}' is an absolute path: a block reads "
                                 "files of the docs project only", file=page, line=line,
                                 hint="give the ladder file relative to the file that names "
                                 "it")
            confine(start / target, bases, page=page, line=line, what=linked)
            real = (start / target).resolve()
            if real not in seen and len(seen) < MAX_LINKED:  # a set naming a set: followed
                seen.add(real)
                if (found := _document_data(start / target)) is not None:
                    todo.append((found, (start / target).parent))


MAX_LINKED = 100  # files followed from one block: ladder sets name a few ladders each


def _linked_ladders(data: Any) -> list[str]:
    """The ladder files a parsed document names: a company's ``ladder:``, a ladder set's
    members; built-in ladders left out."""
    from ladder.api import builtin_ladders  # lazy: the MkDocs plugin loads no api

    if not isinstance(data, dict):
        return []
    found = [data.get("ladder")]
    if isinstance(data.get("ladders"), list):
        found += [entry.get("ladder") for entry in data["ladders"] if isinstance(entry, dict)]
    return [name for name in found if isinstance(name, str) and name
            and name not in builtin_ladders()]


def _document_data(path: Path) -> Any:
    """A config or ladder file's parsed data, when it is one within the size limit; else
    None (the loader reports what is wrong with it)."""
    from ladder.api import input_format, read_document  # lazy: no api for MkDocs

    found = input_format(path)
    if found is None or found.family != "document":
        return None
    try:
        # size checked before reading; parsed once while the text is unchanged, and the
        # loader then reads the same parse (25 ms a block for a 1,000-line config)
        return read_document(path)
    except (LadderError, OSError):
        return None


def check_option(key: str, value: Any, *, page: str, line: int | None) -> Any:
    """``value`` when it has the type and range option ``key`` takes (a number given as a
    name, ``variant: 2024``, as text), else a located BlockError."""
    def wrong(should: str) -> BlockError:
        shown = repr(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return BlockError(f"option '{key}' must be {should}, not {shown}", file=page, line=line)

    if key in FLAG_OPTIONS:
        if not isinstance(value, bool):
            raise wrong("true or false")
    elif key in COUNT_OPTIONS:
        low, high = COUNT_OPTIONS[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise wrong(f"a whole number from {low} to {high:,}")
    elif key in TEXT_OPTIONS:
        if isinstance(value, bool) or not isinstance(value, (str, int)) or \
                len(str(value)) > MAX_OPTION_TEXT:
            raise wrong("a name or a short text")
        return str(value)
    elif key in NAME_LIST_OPTIONS:
        items = value if isinstance(value, list) else [value]
        if not items or not all(isinstance(item, str) and 0 < len(item) <= MAX_OPTION_TEXT
                                for item in items):
            raise wrong("a name or a list of names")
    elif key == "mapping":
        fine = isinstance(value, str) or (
            isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str)
                                            for k, v in value.items()))
        if not fine:
            raise wrong("'id=COLUMN,manager=COLUMN' or a mapping of field to column")
    return value


# --- drawing ------------------------------------------------------------------------------------


def draw_block(block: Block, cache: DiagramCache | None = None,
               on_note: Callable[[str], None] | None = None) -> tuple[str, list[Path]]:
    """The block as HTML for the page, and the files it was drawn from; ``on_note`` hears
    what the build log should say (how a wide org chart is shown, and why), cached or not."""
    key = None
    if cache is not None:
        key = cache.key(block)
        hit = cache.get(key)
        if hit is not None:
            for note in cache.notes:
                if on_note:
                    on_note(note)
            return hit
    notes: list[str] = []
    fragment, files = _draw(block, notes.append)
    for note in notes:
        if on_note:
            on_note(note)
    if cache is not None and key is not None:
        cache.put(key, fragment, files, notes)
    return fragment, files


def svg_width(svg: str) -> float:
    """The width in CSS px that the drawing's root ``<svg>`` asks for (0 when it says none).

    >>> svg_width('<svg class="x" width="978" height="556">')
    978.0
    """
    import re

    found = re.search(r'<svg\b[^>]*?\swidth="([0-9.]+)(?:px)?"', svg)
    return float(found.group(1)) if found else 0.0


def choose_view(view: str, width: float, column: float = COLUMN_WIDTH) -> tuple[str, str]:
    """(explorer or static, why) for an org chart ``width`` px wide in a ``column``.

    >>> choose_view("auto", 600)[0], choose_view("auto", 2400)[0], choose_view("static", 2400)
    ('static', 'explorer', ('static', 'view: static; it scrolls sideways at its own size'))
    """
    if view == "explorer":
        return "explorer", "view: explorer"
    fits = width <= column
    if view == "static":
        return "static", ("view: static; it fits the column" if fits else
                          "view: static; it scrolls sideways at its own size")
    if fits:
        return "static", f"it fits the {column:.0f} px column"
    return "explorer", (f"{width:.0f} px is wider than the {column:.0f} px column: scaled "
                        f"down, its text would be {10 * column / width:.1f} px")


def _draw(block: Block, note: Callable[[str], None]) -> tuple[str, list[Path]]:
    try:
        thing = load_block(block)
        files = _drawn_from(block, thing)
        if not hasattr(thing, "people"):  # a ladder: Graphviz draws it
            # a build draws many: one long-lived Graphviz from the first drawing on
            from ladder.api import expect_many_drawings  # lazy: the MkDocs plugin loads no api

            expect_many_drawings()
        if block.format == "svg":
            from ladder.api import inline_svg, org_chart_width  # lazy: MkDocs loads no api

            def drawn() -> str:
                return inline_svg(str(ladder.draw(thing, format="svg", **draw_options(block))))

            if not hasattr(thing, "people"):  # a ladder: Graphviz sizes it for a column
                return f'<figure class="ladder-figure">{drawn()}</figure>', files
            # measured from the layout unless the drawing is wanted anyway: a chart shown as
            # the explorer is never written as SVG (which cost more than the explorer page)
            svg = drawn() if block.view == "static" else None
            width = svg_width(svg) if svg else org_chart_width(thing, **draw_options(block))
            view, why = choose_view(block.view, width)
            if width > COLUMN_WIDTH or block.view != "auto":  # worth a line in the build log
                shown = "the explorer" if view == "explorer" else "a drawing at its own size"
                note(f"{_where(block.page, block.line)}: org chart '{thing.name}' "
                     f"({width:.0f} px wide) shown as {shown}: {why}")
            if view == "static":  # never scaled down: it scrolls sideways when wider
                svg = (svg or drawn()).replace('style="max-width:100%;height:auto"',
                                  f'style="max-width:none;width:{width:g}px;height:auto"', 1)
                return ('<figure class="ladder-figure ladder-readable" style="overflow-x:auto;'
                        f'max-width:100%;margin:1em 0">{svg}</figure>', files)
            # else: too wide for the column, so on as the explorer
        elif block.format == "mermaid":
            text = ladder.draw(thing, format="mermaid",
                               **draw_options(block, drop=("theme", "transparent")))
            # as superfences writes a mermaid fence: the site's own Mermaid (Material's) draws it
            return f'<pre class="mermaid"><code>{html.escape(str(text))}</code></pre>', files
        from ladder.api import html_iframe  # lazy: the MkDocs plugin loads no api

        page = ladder.draw(thing, format="html", **{**draw_options(block), "transparent": False})
        title = getattr(thing, "name", "diagram")
        return html_iframe(str(page), title=str(title), height=block.height), files
    except BlockError:
        raise
    except LadderError as error:
        raise _located(block, error) from None


def load_block(block: Block) -> Any:
    """The ladder or org a block draws (errors as the loader gives them). A ladder or company
    file is loaded once while it and the ladder file it names are unchanged (see
    :func:`forget_loaded`); treat what comes back as read-only."""
    reading = {k: v for k, v in block.options.items() if k in READ_OPTIONS}
    if block.text is not None:
        return ladder.load(_inline_name(block), text=block.text, **reading)
    from ladder.api import input_format  # lazy: the MkDocs plugin loads no api

    source = block.source
    found = input_format(source) if source else None
    if source is None or found is None or found.family != "document":  # built-in, HR export
        return ladder.load(source, **reading)
    key = (source, json.dumps(reading, sort_keys=True, default=str))
    kept = _LOADED.get(key)
    if kept is not None and kept[0] == _stamps(kept[1]):
        return kept[2]
    thing = ladder.load(source, **reading)
    files = _drawn_from(block, thing)
    _LOADED.pop(key, None)
    while len(_LOADED) >= _KEEP_LOADED:
        del _LOADED[next(iter(_LOADED))]  # the oldest
    _LOADED[key] = (_stamps(files), files, thing)
    return thing


# Ladder and company files loaded, by path and reading options: (the stamps of the files it
# was drawn from, those files, the ladder or org). A docs site draws the same few data files
# block after block, and checking a company config (each title matched against its ladder)
# took 25 ms a block. Stamps catch an edited file; the plugins also forget all at the start
# of each build, for the files a ladder set names (not stamped).
_LOADED: dict[tuple[str, str], tuple[list[tuple[int, int] | None], list[Path], Any]] = {}
_KEEP_LOADED = 16


def forget_loaded() -> None:
    """Load every file again from now on (a new build: ``mkdocs serve`` after an edit)."""
    _LOADED.clear()


def _stamps(files: list[Path]) -> list[tuple[int, int] | None]:
    """Each file's modification time and size (None: gone)."""
    found: list[tuple[int, int] | None] = []
    for path in files:
        try:
            status = path.stat()
            found.append((status.st_mtime_ns, status.st_size))
        except OSError:
            found.append(None)
    return found


def _drawn_from(block: Block, thing: Any) -> list[Path]:
    """The files a block's drawing comes from: its own, and a company config's ladder file."""
    files = block.files()
    linked = getattr(thing, "ladder", None)  # a company config's ladder file
    if isinstance(linked, str):
        base = Path(block.source).parent if block.source else block.folder
        for candidate in (base / linked, Path(linked)):
            if candidate.is_file():
                files.append(candidate)
                break
    return files


def draw_options(block: Block, *, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """The block's options for ``ladder.draw`` (without the ones ``load`` took)."""
    return {k: v for k, v in block.options.items() if k not in READ_OPTIONS + drop}


def _inline_name(block: Block) -> str:
    """The name an inline document goes by: beside the page, so relative paths in it work."""
    return str(block.folder / (Path(block.page).stem + ".inline.yaml"))


def _located(block: Block, error: LadderError) -> BlockError:
    """The error said from the page: the block's line, and the YAML's file:line."""
    file, line = error.file, error.line
    if block.text is not None and file == _inline_name(block):
        # an inline document: its lines are the page's lines
        file = block.page
        if line is not None and block.text_line is not None:
            line = block.text_line + line - 1
    inner = LadderError(error.message, file=file, line=line, hint=error.hint)
    block_at = _where(block.page, block.line)
    return BlockError(f"ladder block at {block_at}: {inner}", hint=None)


def error_box(error: LadderError) -> str:
    """What a page shows where a block could not be drawn (the build also reports it)."""
    return ('<div class="admonition failure ladder-error" role="alert">'
            '<p class="admonition-title">ladder: this diagram could not be drawn</p>'
            f"<p>{html.escape(str(error))}</p></div>")


# --- the cache ------------------------------------------------------------------------------------


class DiagramCache:
    """Drawn blocks on disk, keyed by the inputs' bytes and the options.

    An entry remembers the files it was drawn from and their hashes, so a change to any of
    them (a company config's ladder too) draws the block again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self.notes: list[str] = []  # the build-log notes of the last hit

    def key(self, block: Block) -> str:
        digest = hashlib.sha256()
        parts = {"v": CACHE_VERSION, "ladder": ladder.__version__, "format": block.format,
                 "view": block.view,
                 "options": block.options, "height": block.height, "source": block.source,
                 "text": block.text, "text_line": block.text_line, "page": block.page}
        digest.update(json.dumps(parts, sort_keys=True, default=str).encode("utf-8"))
        for path in block.files():
            digest.update(_file_hash(path).encode("ascii"))
        return digest.hexdigest()[:32]

    def get(self, key: str) -> tuple[str, list[Path]] | None:
        path = self.folder / f"{key}.json"
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        files = [Path(name) for name in entry["files"]]
        if any(_file_hash(file) != digest for file, digest in zip(files, entry["hashes"],
                                                                   strict=True)):
            return None
        self.hits += 1
        self.notes = list(entry.get("notes", []))
        return entry["html"], files

    def put(self, key: str, fragment: str, files: list[Path],
            notes: list[str] | None = None) -> None:
        entry = {"html": fragment, "files": [str(f) for f in files],
                 "hashes": [_file_hash(f) for f in files], "notes": notes or []}
        from ladder.api import write_file  # lazy: the MkDocs plugin loads no api

        # the one way to write a file: atomic (parallel builds share the cache), inside the
        # cache folder, never through a link
        try:
            write_file(f"{key}.json", json.dumps(entry), folder=self.folder)
        except LadderError:
            pass  # a cache that cannot be written only costs time


def _file_hash(path: Path) -> str:
    """The file's digest, read in pieces and only when it is a regular file within the input
    limit (the cache key is computed before the loader's own checks)."""
    from ladder.api import input_size  # lazy: the MkDocs plugin loads no api

    try:
        input_size(path)
        digest = hashlib.sha256()
        with open(path, "rb") as stream:
            for piece in iter(lambda: stream.read(1 << 20), b""):
                digest.update(piece)
        return digest.hexdigest()
    except (OSError, LadderError):
        return "missing"
