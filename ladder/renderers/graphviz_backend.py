"""The one module that runs Graphviz: DOT source in, SVG/PNG/PDF bytes out.

Failures become :class:`~ladder.errors.RenderError` with a hint, never a raw traceback.

Graphviz finds its fonts through fontconfig, which on its own reads every font of the machine
and the user's ``~/.fonts``: installing a font package changed which face drew "Helvetica",
and so the PNG's bytes. Here Graphviz gets a fontconfig file of its own (:func:`fonts_conf`,
through ``FONTCONFIG_FILE`` in its environment only): the face shipped in ``ladder/fonts/``
for every font name, then the fallback folders of :data:`FALLBACK_FOLDERS` for the scripts it
lacks (Hangul, CJK, Arabic...), in a fixed order, with fixed rendering settings. The same DOT
then gives the same bytes on every machine that has the same fallback packages, and Latin,
Greek and Cyrillic text the same bytes everywhere.

A process that draws many SVGs (a docs build) keeps one ``dot`` for them (:class:`_Stream`),
with the bytes a run of its own gives; a command-line run draws once, with a run of its own.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import select
import subprocess
import sys
import threading
import zlib
from bisect import bisect_right
from functools import cache
from pathlib import Path

from ladder.errors import RenderError
from ladder.escape import xml_text
from ladder.layout.fonts import FAMILY, FONT_FOLDER
from ladder.renderers.files import write_bytes

FORMATS = ("svg", "png", "pdf", "xdot")
INSTALL_HINT = "install Graphviz: 'apt-get install graphviz' (Debian/Ubuntu) or see graphviz.org"

# Where the fallback faces live, tried in this order; folders a machine lacks are skipped.
# Debian/Ubuntu: fonts-dejavu-core (Arabic, Hebrew, Armenian, Georgian, symbols),
# fonts-wqy-microhei (Hangul, CJK, kana) and fonts-noto-core (Devanagari, Thai, Bengali,
# Tamil, Ethiopic and the other scripts), which run.sh installs; then macOS's own fonts.
_DEJAVU = "/usr/share/fonts/truetype/dejavu"
FALLBACK_FOLDERS = (
    _DEJAVU,
    "/usr/share/fonts/truetype/wqy",
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/truetype/ancient-scripts",  # Symbola: emoji and symbols, in outline
    "/System/Library/Fonts",
)
# Faces in those folders never used: Noto's serif, looped, monospaced and display designs, so
# a script's fallback is its plain sans face whatever order the folder lists them in.
REJECTED_FILES = ("*/NotoSerif*", "*/NotoLooped*", "*/NotoSansMono*", "*/NotoSansDisplay*",
                  "*/NotoRashi*", "*/NotoNastaliq*", "*/NotoKufi*", "*/NotoNaskh*",
                  # colour bitmaps: Cairo draws them blank and 1.3 em wide in Graphviz
                  "*/NotoColorEmoji*", "*/Apple Color Emoji*")
# Family names asked for, in order, after the shipped face: fontconfig sorts by them first,
# and Pango draws each character with the first face in that order that has it.
# Text made only of these characters is drawn by the shipped face or DejaVu Sans, the first
# fallback (both faces of each have them all: tests/test_fonts.py reads the files): Graphviz
# then gets a fontconfig file with the DejaVu folder alone, whose caches load in 14 ms where
# every fallback folder's take 19 ms of each run, with the same bytes out. Other text gets
# every fallback folder.
_SHIPPED_OR_DEJAVU = (
    (0x20, 0x7E), (0xA0, 0x377), (0x38E, 0x3A1), (0x3A3, 0x525),  # Latin, Greek, Cyrillic
    (0x2000, 0x2064), (0x2074, 0x208E), (0x20A0, 0x20B5),  # punctuation, super/subscripts, money
    (0x2150, 0x2185), (0x2190, 0x2311), (0x2500, 0x269C),  # number forms, arrows, math, shapes
)
_STARTS = [start for start, _ in _SHIPPED_OR_DEJAVU]
FALLBACK_FAMILIES = ("DejaVu Sans", "WenQuanYi Micro Hei", "Apple SD Gothic Neo",
                     "PingFang SC", "Geeza Pro")

# Cairo stamps PDFs with the time of rendering; a fixed epoch keeps the bytes reproducible.
# Pango orders fallback faces by the locale's language: one locale for every run.
_FIXED_ENV = {"SOURCE_DATE_EPOCH": "0", "LC_ALL": "C.UTF-8", "LANGUAGE": "en"}
# fontconfig variables that would point it elsewhere than our file
_DROPPED_ENV = ("FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "PANGO_LANGUAGE")


def run_graphviz(source: str, *, format: str, engine: str = "dot",
                 neato_no_op: int | None = None) -> bytes:
    """Lay out and draw DOT ``source`` with ``engine``, returning the file's bytes.

    ``neato_no_op=2`` (with ``engine="neato"``) keeps the positions given in the DOT source.
    A process that draws SVG with the same command a second time keeps one Graphviz process
    for the rest of its life (:class:`_Stream`): a docs build or a script drawing in a loop
    pays Graphviz's start-up (15 ms of the 17 a ladder takes) once. The bytes are the same as
    a run of its own; anything Graphviz says on stderr sends the drawing to a run of its own,
    which reports it as ever.
    """
    if format not in FORMATS:
        raise RenderError(f"Graphviz cannot write '{format}' here",
                          hint=f"choose one of: {', '.join(FORMATS)}")
    renderer = ":cairo" if format in ("png", "pdf") else ""
    command = ("dot", f"-K{engine}", f"-T{format}{renderer}",
               *([f"-n{neato_no_op}"] if neato_no_op is not None else []))
    env = graphviz_env(source)
    data = _streamed(command, source, env) if format in STREAMED else None
    if data is None:
        data = _run_once(command, source, engine, env)
        if format == "svg":
            data = _clusters_in_order(data) or data
    return _reproducible(data, format)


def _run_once(command: tuple[str, ...], source: str, engine: str,
              env: dict[str, str]) -> bytes:
    """One Graphviz process for one drawing; its failure as a RenderError.

    The executable runs through :mod:`subprocess` rather than the ``graphviz`` package: the
    package's part here was the command line and the mapping of two failures, and importing
    it cost 10 ms of every ``ladder render`` (a tenth of the built-in ladder's whole run);
    nor does it offer a long-lived process (:class:`_Stream`).
    """
    try:
        done = subprocess.run(command, input=source.encode("utf-8"), capture_output=True,
                              env=env, check=False)
    except FileNotFoundError:
        raise RenderError(f"the Graphviz program '{engine}' is not installed",
                          hint=INSTALL_HINT) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz '{engine}' failed: "
                          f"{detail[-1] if detail else f'exit status {done.returncode}'}",
                          hint="this is a bug in ladder if the input was valid: please "
                          "report it with the input file") from None
    return done.stdout  # its warnings are left unsaid, as the graphviz package's quiet=True did


# A cluster as dot writes it: its group, then lines of shapes and text, no group inside.
_CLUSTER = re.compile(rb'<g id="clust(\d+)" class="cluster">\n(?:(?!<g[ >]|</g>)[^\n]*\n)*</g>\n')


def _clusters_in_order(svg: bytes) -> bytes | None:
    """``svg`` with its clusters (the tracks' lanes) in the order the DOT declares them; None
    when a cluster is drawn in a shape this does not know (a link around it).

    dot writes clusters in the order of their names' addresses in its memory: the same in
    every run of its own, but not in a process that drew other graphs before.

    >>> lane = lambda n: b'<g id="clust%d" class="cluster">\\n<title>%d</title>\\n</g>\\n' % (n, n)
    >>> _clusters_in_order(b"<g>\\n" + lane(2) + lane(1)) == b"<g>\\n" + lane(1) + lane(2)
    True
    """
    found = list(_CLUSTER.finditer(svg))
    if len(found) != svg.count(b'class="cluster"'):
        return None
    if not found:
        return svg
    ordered = iter(m.group(0) for m in sorted(found, key=lambda m: int(m.group(1))))
    return _CLUSTER.sub(lambda _: next(ordered), svg)


# --- one Graphviz process for many drawings --------------------------------------------------

# Formats a long-lived process draws: an SVG document's end is found in the stream. (PNG and
# PDF would need their own framing; docs pages and scripts in a loop draw SVG.) Linux only:
# it watches Graphviz's CPU time in /proc, reads stderr with os.pread and follows forks.
STREAMED = ("svg",) if sys.platform == "linux" else ()
STALLED = 2.0  # seconds without output or CPU time: Graphviz waits for more of the graph
# Drawn after each graph, it marks where the graph's drawing ends; its name is found in the
# stream as an SVG comment, which no drawing's text can hold (a '<' in text is escaped).
_END_NAME = b"ladder_end_of_drawing"
_END_GRAPH = b"\ndigraph " + _END_NAME + b" {}\n"
_END_TITLE = b"<!-- Title: " + _END_NAME + b" "
# dot numbers an unnamed graph (its title) by a count that runs on from graph to graph;
# comment lines may come first (an org chart's DOT says how to draw it again)
_NAMED_GRAPH = re.compile(r"(?:\s*//[^\n]*\n)*\s*(?:strict\s+)?(?:di)?graph\s+(?!\{)\S",
                          re.IGNORECASE)
# and its gradients' ids likewise: a drawing with one is drawn again on its own
_GRADIENT = re.compile(rb"<(?:linear|radial)Gradient ")
_lock = threading.Lock()
_streams: dict[tuple[str, ...], _Stream] = {}  # by command and fontconfig file
_runs: dict[tuple[str, ...], int] = {}  # drawings made so far, likewise
_many = False  # the process said it draws many: the stream starts on the first drawing


def expect_many_drawings() -> None:
    """Say that this process will draw many SVGs (a docs build): its first drawing already
    starts the long-lived Graphviz, instead of a run of its own followed by the stream's
    start on the second (a start-up of ``dot`` paid twice). The bytes are the same."""
    global _many
    _many = True



def _streamed(command: tuple[str, ...], source: str, env: dict[str, str]) -> bytes | None:
    """``source`` drawn by this process's long-lived Graphviz for ``command`` (started on the
    command's second drawing, or its first after :func:`expect_many_drawings`); None when it
    should run on its own: the first drawing (a command-line run draws once), another thread
    is drawing, or Graphviz said anything."""
    if not _lock.acquire(blocking=False):
        return None  # another thread has the stream: a run of its own does not wait
    try:
        key = (*command, env["FONTCONFIG_FILE"])  # other fonts: another process
        _runs[key] = _runs.get(key, 0) + 1
        if (_runs[key] == 1 and not _many) or not _NAMED_GRAPH.match(source):
            return None
        stream = _streams.get(key)
        if stream is None or not stream.alive():
            try:
                stream = _streams[key] = _Stream(command, env)
            except OSError:
                return None  # not installed: the run of its own says so
        try:
            return stream.draw(source.encode("utf-8"))
        except BaseException as error:  # also ^C halfway through: its output is not all read
            stream.close()  # a syntax error ends Graphviz's reading: a new one next time
            del _streams[key]
            if isinstance(error, OSError | _StreamBroken):
                return None
            raise
    finally:
        _lock.release()


class _StreamBroken(Exception):
    """The long-lived Graphviz ended, or said something about a drawing."""


class _Stream:
    """One Graphviz process reading graph after graph from its stdin and writing each drawing
    to its stdout; its stderr goes to an unnamed file (a pipe could fill up and stall it)."""

    def __init__(self, command: tuple[str, ...], env: dict[str, str]) -> None:
        import tempfile  # lazy: a command-line run draws once, with no stream

        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.errors, env=env)
        self.owner = os.getpid()
        self.said = 0  # bytes of stderr read so far

    def alive(self) -> bool:
        """Still running, and this process's own (a forked child starts its own)."""
        return self.owner == os.getpid() and self.process.poll() is None

    def draw(self, source: bytes) -> bytes:
        """The drawing of ``source``, as a run of its own makes it."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(source + _END_GRAPH)
        self.process.stdin.flush()
        out = bytearray()
        reader = self.process.stdout.fileno()
        busy = self.cpu_time()
        while True:
            if not select.select([reader], [], [], STALLED)[0]:
                # A graph that leaves a string, a comment or a label open swallows the end
                # mark and has dot wait for the rest: a run of its own gets the end of file.
                now = self.cpu_time()
                if now is None or now == busy:
                    raise _StreamBroken("Graphviz waits for more of the graph")
                busy = now  # still at work on a big graph
                continue
            chunk = os.read(reader, 1 << 16)
            if not chunk:
                raise _StreamBroken("Graphviz ended")
            out += chunk
            if out.endswith(b"</svg>\n") and (  # the end mark's drawing is 600 bytes long
                    mark := out.rfind(_END_TITLE, max(len(out) - 4096, 0))) >= 0:
                break
        said = os.pread(self.errors.fileno(), 1 << 16, self.said)
        self.said += len(said)
        if any(not line.startswith(b"Fontconfig ") for line in said.splitlines()):
            raise _StreamBroken(said.decode("utf-8", "replace"))  # not about fonts: the graph's
        drawing = bytes(out[: out.rfind(b"<?xml", 0, mark)])
        # After its first graph dot names each drawing's group as the page of a larger one.
        drawing = drawing.replace(b'<g id="page0,1_graph0" class="graph"',
                                  b'<g id="graph0" class="graph"', 1)
        ordered = _clusters_in_order(drawing) if drawing else None
        if ordered is None or _GRADIENT.search(drawing):
            raise _StreamBroken("a drawing this cannot check")
        return ordered

    def cpu_time(self) -> int | None:
        """Graphviz's CPU time so far, in clock ticks (None: not known)."""
        try:
            with open(f"/proc/{self.process.pid}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            return int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15
        except (OSError, IndexError, ValueError):
            return None

    def close(self) -> None:
        """Stop Graphviz (it has nothing left to draw) and let go of its pipes."""
        if self.owner == os.getpid():
            for pipe in (self.process.stdin, self.process.stdout):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()
            try:
                self.process.wait(timeout=1)
            except subprocess.TimeoutExpired:  # its stdin still open in a forked child
                self.process.kill()
                self.process.wait()
        self.errors.close()


def _close_streams() -> None:
    with _lock:
        for stream in _streams.values():
            stream.close()
        _streams.clear()


def _forget_streams() -> None:
    """In a forked child: the parent's Graphviz processes are not ours to write to; closing
    our copies of their pipes lets them end when the parent closes its own."""
    global _lock
    for stream in _streams.values():
        for pipe in (stream.process.stdin, stream.process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
    _streams.clear()
    _runs.clear()
    _lock = threading.Lock()  # a thread of the parent may have held it when it forked


atexit.register(_close_streams)
if STREAMED:
    os.register_at_fork(after_in_child=_forget_streams)


def graphviz_env(source: str | None = None) -> dict[str, str]:
    """The environment Graphviz runs in: ours, with its own fontconfig file and locale.

    ``source``: the DOT to draw, whose characters say which fallback folders the file names
    (all of them when it is not given). Only the Graphviz process gets it; ``os.environ`` is
    left as it is.
    """
    env = {key: value for key, value in os.environ.items() if key not in _DROPPED_ENV}
    env.update(_FIXED_ENV)
    env["FONTCONFIG_FILE"] = str(_fonts_conf_file(_fallbacks_for(source)))
    return env


def _fallbacks_for(source: str | None) -> tuple[str, ...]:
    """The fallback folders Graphviz needs for ``source``: DejaVu's alone when the shipped face
    and DejaVu Sans have every character of it, else every folder the machine has.

    >>> folders = _installed_fallbacks()
    >>> _fallbacks_for("digraph { a [label='Ünïcode → ok'] }") == (
    ...     (_DEJAVU,) if _DEJAVU in folders else folders)
    True
    >>> _fallbacks_for("digraph { a [label='김민준'] }") == folders
    True
    """
    folders = _installed_fallbacks()
    if source is None or _DEJAVU not in folders:
        return folders
    for character in set(source):
        code = ord(character)
        if 0x20 <= code <= 0x7E or code in (9, 10, 13):  # ASCII: the shipped face's
            continue
        at = bisect_right(_STARTS, code) - 1
        if at < 0 or code > _SHIPPED_OR_DEJAVU[at][1]:
            return folders
    return (_DEJAVU,)


@cache
def _installed_fallbacks() -> tuple[str, ...]:
    """The folders of :data:`FALLBACK_FOLDERS` this machine has, in their order."""
    return tuple(folder for folder in FALLBACK_FOLDERS if Path(folder).is_dir())


def fonts_conf(folders: tuple[str, ...] | None = None) -> str:
    """The fontconfig file Graphviz reads: the shipped face's folder and the fallback folders
    that exist, every family asked for replaced by the shipped face then the fallbacks, and
    rendering settings that do not depend on the machine's own configuration.

    >>> conf = fonts_conf(("/nowhere",))
    >>> "<dir>/nowhere</dir>" in conf, "<string>Liberation Sans</string>" in conf
    (True, True)
    """
    if folders is None:
        folders = _installed_fallbacks()
    dirs = "".join(f"  <dir>{xml_text(str(d))}</dir>\n" for d in (str(FONT_FOLDER), *folders))
    families = "".join(f"<string>{xml_text(f)}</string>" for f in (FAMILY, *FALLBACK_FAMILIES))
    rejected = "".join(f"<glob>{xml_text(glob)}</glob>" for glob in REJECTED_FILES)
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<!-- written by ladder for Graphviz: its fonts and nothing else of the machine -->\n"
        "<fontconfig>\n"
        f"{dirs}"
        '  <cachedir prefix="xdg">fontconfig</cachedir>\n'
        # the system's cache of the fallback folders, made when their packages were installed:
        # read too, so a user cache that cannot be written does not mean scanning hundreds of
        # fonts on every run (20 ms of each, measured); the user's is written, being first
        "  <cachedir>/var/cache/fontconfig</cachedir>\n"
        f"  <selectfont><rejectfont>{rejected}</rejectfont></selectfont>\n"
        # whatever family a drawing names (Helvetica, Arial, sans-serif), the same faces
        '  <match target="pattern"><edit name="family" mode="assign_replace" '
        f'binding="strong">{families}</edit></match>\n'
        # italics the shipped files lack: slanted regular, as fontconfig's own rule does
        '  <match target="font"><test name="slant" compare="eq"><const>roman</const></test>'
        '<test target="pattern" name="slant" compare="not_eq"><const>roman</const></test>'
        '<edit name="matrix" mode="assign"><times><name>matrix</name><matrix>'
        "<double>1</double><double>0.2</double><double>0</double><double>1</double>"
        "</matrix></times></edit>"
        '<edit name="slant" mode="assign"><const>oblique</const></edit></match>\n'
        # and bold for fallback faces with no bold (WenQuanYi): emboldened regular
        '  <match target="font"><test name="weight" compare="less_eq"><const>medium</const>'
        '</test><test target="pattern" name="weight" compare="more_eq"><const>bold</const>'
        '</test><edit name="embolden" mode="assign"><bool>true</bool></edit>'
        '<edit name="weight" mode="assign"><const>bold</const></edit></match>\n'
        # one way of drawing glyphs, whatever the machine's desktop settings
        '  <match target="font">'
        '<edit name="antialias" mode="assign"><bool>true</bool></edit>'
        '<edit name="hinting" mode="assign"><bool>true</bool></edit>'
        '<edit name="hintstyle" mode="assign"><const>hintslight</const></edit>'
        '<edit name="rgba" mode="assign"><const>none</const></edit>'
        '<edit name="lcdfilter" mode="assign"><const>lcddefault</const></edit>'
        '<edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>'
        "</match>\n"
        "</fontconfig>\n"
    )


@cache
def _fonts_conf_file(folders: tuple[str, ...] | None = None) -> Path:
    """:func:`fonts_conf` as a file: written once to the user's cache folder under a name of
    its content's checksum and read by every run after (a file of each run's own cost the
    imports of tempfile and shutil and two writes of every ``ladder render``); in a private
    temporary folder, removed at exit, where the cache folder cannot be written."""
    data = fonts_conf(folders).encode("utf-8")
    name = f"fonts-{zlib.crc32(data):08x}.conf"
    try:
        cache_home = os.environ.get("XDG_CACHE_HOME", "")
        folder = (Path(cache_home) if os.path.isabs(cache_home)
                  else Path.home() / ".cache") / "ladder"
        path = folder / name
        try:
            if path.read_bytes() == data:
                return path
        except OSError:
            pass
        return write_bytes(name, data, folder=folder)  # atomic: a run reading it sees it whole
    except (RenderError, OSError, RuntimeError):  # RuntimeError: no home folder
        import shutil  # lazy: only without a cache folder
        import tempfile  # lazy: as shutil

        private = tempfile.mkdtemp(prefix="ladder-fonts-")
        atexit.register(shutil.rmtree, private, ignore_errors=True)
        return write_bytes(name, data, folder=private)


def _reproducible(data: bytes, format: str) -> bytes:
    """Drop what varies from run to run (PDF dates), so diagrams can live in git."""
    if format == "pdf":
        data = re.sub(rb"/CreationDate \(D:[^)]*\)", b"/CreationDate (D:19700101000000Z)", data)
        data = re.sub(rb"/ModDate \(D:[^)]*\)", b"/ModDate (D:19700101000000Z)", data)
    return data
