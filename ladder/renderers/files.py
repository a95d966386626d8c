"""Writing diagrams to files: the output format from the path, bytes from DOT, one write.

>>> output_format(Path("gallery/startup.png"), None)
'png'
>>> output_format(Path("x"), "svg")
'svg'
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ladder.errors import RenderError, did_you_mean


@dataclass(frozen=True)
class Format:
    """One output format: its file suffixes and the function that draws each kind of thing.

    ``ladder`` and ``org`` name ``module:function`` taking ``(drawing, format)`` (see
    :mod:`ladder.renderers.drawers`); they are imported on use, so a CSV chart does not pay for
    the ladder machinery. None: the format does not apply to that kind.
    """

    name: str
    suffixes: tuple[str, ...]
    ladder: str | None
    org: str | None
    summary: str

    def drawer(self, kind: str) -> Callable[..., str | bytes]:
        target = self.ladder if kind == "ladder" else self.org
        if target is None:
            raise RenderError(f"cannot draw {KINDS[kind]} as {self.name}",
                              hint=f"{KINDS[kind]} are drawn as: {', '.join(formats_for(kind))}")
        module, _, function = target.partition(":")
        return getattr(import_module(module), function)


KINDS = {"ladder": "ladders", "org": "org charts"}
_DRAWERS = "ladder.renderers.drawers"
# The one table of output formats: the CLI's --format choice, the -o suffix check and the API
# all read it. A new format is a module of draw functions plus one row here.
FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("svg", (".svg",), f"{_DRAWERS}:ladder_graphviz", f"{_DRAWERS}:org_chart",
           "vector drawing for the web and docs"),
    Format("png", (".png",), f"{_DRAWERS}:ladder_graphviz", f"{_DRAWERS}:org_chart",
           "bitmap for slides and chat"),
    Format("pdf", (".pdf",), f"{_DRAWERS}:ladder_graphviz", f"{_DRAWERS}:org_chart",
           "print"),
    Format("dot", (".dot", ".gv"), f"{_DRAWERS}:ladder_graphviz",
           f"{_DRAWERS}:org_chart", "Graphviz source (org charts: with pinned positions)"),
    Format("json", (".json",), f"{_DRAWERS}:ladder_json", f"{_DRAWERS}:org_chart",
           "ladders: roles, moves and variants; org charts: the layout"),
    Format("mermaid", (".mmd", ".mermaid"), "ladder.renderers.mermaid:ladder_mermaid",
           "ladder.renderers.mermaid:org_mermaid", "Mermaid flowchart for GitHub, GitLab, MkDocs"),
    Format("markdown", (".md",), "ladder.renderers.markdown:ladder_markdown",
           "ladder.renderers.markdown:org_markdown",
           "ladders: a table of roles; org charts: an outline (the text alternative)"),
    Format("html", (".html", ".htm"), "ladder.renderers.html_viewer:ladder_html",
           "ladder.renderers.html_viewer:org_html",
           "one offline page to explore: pan, zoom, search, collapse"),
    Format("pptx", (".pptx",), None, "ladder.renderers.org_pptx:org_pptx",
           "org charts: a PowerPoint deck of editable shapes, a slide per team"),
    Format("csv", (".csv",), f"{_DRAWERS}:ladder_matrix", None,
           "ladders: the matrix, a row per area and a column per level, for spreadsheets"),
    Format("xlsx", (".xlsx",), f"{_DRAWERS}:ladder_matrix", None,
           "ladders: the matrix as a spreadsheet (header frozen, text wrapped)"),
)}
LADDER_FORMATS = tuple(name for name, f in FORMATS.items() if f.ladder)


def formats_for(kind: str | None = None) -> tuple[str, ...]:
    """Names of the formats that draw ``kind`` (``"ladder"`` or ``"org"``; None: any)."""
    return tuple(name for name, f in FORMATS.items()
                 if kind is None or (f.ladder if kind == "ladder" else f.org))


def format_of_suffix(path: Path) -> str | None:
    """The format a file name's suffix names, or None (no suffix, or one no format has)."""
    suffix = path.suffix.lower()
    return next((f.name for f in FORMATS.values() if suffix in f.suffixes), None)


def output_format(path: Path | None, format: str | None, *,
                  allowed: tuple[str, ...] = LADDER_FORMATS, default: str = "svg") -> str:
    """The format asked for, else the one the path's suffix names, else ``default``.

    A suffix that names another format than the one asked for is a mistake, not a choice:

    >>> output_format(Path("x.svg"), "png")
    Traceback (most recent call last):
    ...
    ladder.errors.RenderError: x.svg: the file name says svg but the format asked for is png \
(name the file x.png, or leave out the format)
    """
    from_suffix = format_of_suffix(path) if path is not None else None
    if format:
        chosen = format.lower()
        if path is not None and from_suffix and from_suffix != chosen:
            raise RenderError(
                f"the file name says {from_suffix} but the format asked for is {chosen}",
                file=str(path), hint=f"name the file {path.with_suffix('.' + chosen).name}, "
                "or leave out the format")
    elif path is not None and path.suffix:
        chosen = from_suffix or path.suffix.lower().lstrip(".")
    else:
        chosen = default
    if chosen not in allowed:
        raise RenderError(
            f"cannot write '{chosen}' files", file=str(path) if path else None,
            hint=did_you_mean(chosen, allowed) or f"choose one of: {', '.join(allowed)}",
        )
    return chosen


def write_bytes(path: str | Path, data: bytes | str | Iterable[str], *,
                folder: str | Path | None = None, follow_links: bool = False,
                first: Callable[[], bytes] | None = None) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` atomically, creating folders.

    ``data`` may also be text in pieces, each written as it comes (a big chart is never whole
    in memory); ``first``, called after the last piece, gives the file's first bytes as they
    are to be, as long as what was written there first (a header that depends on the whole).

    The bytes go to a temporary file in the same folder, renamed over ``path`` only once they
    are all written, so a failed run never leaves half a file or destroys the previous good
    one; the temporary file is removed on SIGINT and SIGTERM too. A symbolic link is never
    written through (it could point anywhere) unless ``follow_links``; a FIFO or a device is
    refused (a FIFO blocked a report forever, and replacing one is no better). With
    ``folder``, ``path`` is a name inside it: an absolute path, a ``..`` or a link on the way
    that leads out of it is refused. Errors are :class:`RenderError` with the fix.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = write_bytes(Path(folder) / "a" / "x.txt", "hello")
    ...     written.read_text(), sorted(p.name for p in written.parent.iterdir())
    ('hello', ['x.txt'])
    >>> write_bytes("../x.svg", "", folder="out")
    Traceback (most recent call last):
    ...
    ladder.errors.RenderError: ../x.svg: is outside the folder 'out' (give a file name inside it)
    """
    path = Path(path)
    if folder is not None:
        path = _inside(path, Path(folder), follow_links=follow_links)
    _check_target(path, follow_links=follow_links)
    temporary = None
    try:
        with _removed_on_signal():
            path.parent.mkdir(parents=True, exist_ok=True)
            # named before it is made, so that a signal between the two finds it to remove
            # (with mkstemp, SIGINT just after it returned left the file behind)
            temporary = path.parent / f".{path.name[:40]}.{os.urandom(6).hex()}.tmp"
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(handle, "wb") as stream:
                if isinstance(data, str):  # encoded a piece at a time: a big chart is 100s of MB
                    for start in range(0, len(data), _CHUNK):
                        stream.write(data[start:start + _CHUNK].encode("utf-8"))
                elif isinstance(data, bytes):
                    stream.write(data)
                else:
                    for piece in data:
                        stream.write(piece.encode("utf-8"))
                    if first is not None:
                        stream.seek(0)
                        stream.write(first())
            os.chmod(temporary, 0o666 & ~_umask())  # made private while written; outputs are not
            os.replace(temporary, path)
            temporary = None
    except OSError as error:
        raise RenderError(f"cannot write the file: {error.strerror or error}", file=str(path),
                          hint=_hint(error)) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):  # never made, or its folder gone: nothing left
                temporary.unlink()
    return path


def _hint(error: OSError) -> str:
    import errno

    if error.errno == errno.ENAMETOOLONG:
        return "use a shorter file name"
    return "check that the folder exists and you may write to it"


def _check_target(path: Path, *, follow_links: bool) -> None:
    """A RenderError unless ``path`` is free or a regular file ladder may replace."""
    import stat

    try:
        if path.is_symlink() and not follow_links:
            raise RenderError("is a symbolic link: ladder does not write through links",
                              file=str(path), hint="remove the link, or write to another name")
        mode = path.stat().st_mode if path.exists() else None
    except OSError as error:  # a name too long for the file system, a loop of links ...
        raise RenderError(f"cannot write the file: {error.strerror or error}", file=str(path),
                          hint=_hint(error)) from None
    if mode is None or stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise RenderError("is a folder, not a file", file=str(path),
                          hint="name a file, e.g. " + str(path / "chart.svg"))
    raise RenderError("is not a regular file (a pipe, socket or device)", file=str(path),
                      hint="name a regular file; '-o -' writes to standard output")


def _inside(path: Path, folder: Path, *, follow_links: bool) -> Path:
    """``folder / path``, when that stays in ``folder`` (no absolute path, no ``..``, and,
    unless ``follow_links``, no symbolic link between the folder and the file)."""
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise RenderError(f"is outside the folder '{folder}'", file=str(path),
                          hint="give a file name inside it")
    target = folder / path
    if not follow_links:
        step = folder
        for part in path.parts[:-1]:
            step = step / part
            if step.is_symlink():
                raise RenderError(f"'{step}' is a symbolic link: ladder does not write "
                                  "through links", file=str(target),
                                  hint="remove the link, or write to another folder")
    if not target.resolve().is_relative_to(folder.resolve()):
        raise RenderError(f"is outside the folder '{folder}'", file=str(path),
                          hint="give a file name inside it")
    return target


class _Stopped(BaseException):
    """SIGTERM, raised so that the temporary file is removed on the way out."""


@contextmanager
def _removed_on_signal() -> Iterator[None]:
    """While a file is written, SIGTERM unwinds (removing the temporary file, then ending the
    process as SIGTERM would); SIGINT does already (KeyboardInterrupt)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield  # another thread, or a program that handles SIGTERM itself
        return

    def stop(number: int, frame: object) -> None:
        raise _Stopped

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    except _Stopped:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise SystemExit(128 + signal.SIGTERM) from None
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


_CHUNK = 1 << 22  # characters of text encoded at a time


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
