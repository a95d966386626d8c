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
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import tempfile
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
FALLBACK_FOLDERS = (
    "/usr/share/fonts/truetype/dejavu",
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
    Graphviz runs through the ``graphviz`` package, which finds the executable and maps its
    failures; importing it costs about 10 ms, paid only by drawings Graphviz makes.
    """
    if format not in FORMATS:
        raise RenderError(f"Graphviz cannot write '{format}' here",
                          hint=f"choose one of: {', '.join(FORMATS)}")
    import graphviz  # here, not at the top: SVG org charts are written without Graphviz
    from graphviz.backend import dot_command, execute  # lazy: with graphviz, as above

    renderer = "cairo" if format in ("png", "pdf") else None
    try:
        # graphviz.pipe takes no environment; its two steps do, with the same error mapping
        command = dot_command.command(engine, format, renderer=renderer,
                                      neato_no_op=neato_no_op)
        data = execute.run_check(command, input=source.encode("utf-8"), capture_output=True,
                                 quiet=True, env=graphviz_env()).stdout
    except graphviz.ExecutableNotFound:
        raise RenderError(f"the Graphviz program '{engine}' is not installed",
                          hint=INSTALL_HINT) from None
    except subprocess.CalledProcessError as error:
        detail = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz '{engine}' failed: {detail[-1] if detail else error}",
                          hint="this is a bug in ladder if the input was valid: please "
                          "report it with the input file") from None
    return _reproducible(data, format)


def graphviz_env() -> dict[str, str]:
    """The environment Graphviz runs in: ours, with its own fontconfig file and locale.

    Only the Graphviz process gets it; ``os.environ`` is left as it is.
    """
    env = {key: value for key, value in os.environ.items() if key not in _DROPPED_ENV}
    env.update(_FIXED_ENV)
    env["FONTCONFIG_FILE"] = str(_fonts_conf_file())
    return env


def fonts_conf(folders: tuple[str, ...] | None = None) -> str:
    """The fontconfig file Graphviz reads: the shipped face's folder and the fallback folders
    that exist, every family asked for replaced by the shipped face then the fallbacks, and
    rendering settings that do not depend on the machine's own configuration.

    >>> conf = fonts_conf(("/nowhere",))
    >>> "<dir>/nowhere</dir>" in conf, "<string>Liberation Sans</string>" in conf
    (True, True)
    """
    if folders is None:
        folders = tuple(f for f in FALLBACK_FOLDERS if Path(f).is_dir())
    dirs = "".join(f"  <dir>{xml_text(str(d))}</dir>\n" for d in (str(FONT_FOLDER), *folders))
    families = "".join(f"<string>{xml_text(f)}</string>" for f in (FAMILY, *FALLBACK_FAMILIES))
    rejected = "".join(f"<glob>{xml_text(glob)}</glob>" for glob in REJECTED_FILES)
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<!-- written by ladder for Graphviz: its fonts and nothing else of the machine -->\n"
        "<fontconfig>\n"
        f"{dirs}"
        '  <cachedir prefix="xdg">fontconfig</cachedir>\n'
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
def _fonts_conf_file() -> Path:
    """:func:`fonts_conf` in a private temporary folder of this process (only its user may
    enter it), written by the one writer and removed at exit."""
    folder = tempfile.mkdtemp(prefix="ladder-fonts-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return write_bytes("fonts.conf", fonts_conf(), folder=folder)


def _reproducible(data: bytes, format: str) -> bytes:
    """Drop what varies from run to run (PDF dates), so diagrams can live in git."""
    if format == "pdf":
        data = re.sub(rb"/CreationDate \(D:[^)]*\)", b"/CreationDate (D:19700101000000Z)", data)
        data = re.sub(rb"/ModDate \(D:[^)]*\)", b"/ModDate (D:19700101000000Z)", data)
    return data
