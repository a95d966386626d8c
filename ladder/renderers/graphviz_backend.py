"""The one module that runs Graphviz: DOT source in, SVG/PNG/PDF bytes out.

Failures become :class:`~ladder.errors.RenderError` with a hint, never a raw traceback.
"""

from __future__ import annotations

import os
import re
import subprocess

from ladder.errors import RenderError

FORMATS = ("svg", "png", "pdf")
INSTALL_HINT = "install Graphviz: 'apt-get install graphviz' (Debian/Ubuntu) or see graphviz.org"

# Cairo stamps PDFs with the time of rendering; a fixed epoch keeps the bytes reproducible.
_FIXED_ENV = {"SOURCE_DATE_EPOCH": "0"}


def has_graphviz() -> bool:
    """True when the ``dot`` executable is on PATH."""
    import shutil  # only here: it brings the archive modules along (1 ms of every run)

    return shutil.which("dot") is not None


def run_graphviz(source: str, *, format: str, engine: str = "dot",
                 neato_no_op: int | None = None) -> bytes:
    """Lay out and draw DOT ``source`` with ``engine``, returning the file's bytes.

    ``neato_no_op=2`` (with ``engine="neato"``) keeps the positions given in the DOT source.
    The executable is run directly, as the ``graphviz`` package would run it: importing that
    package costs about 10 ms of CPU, an eighth of drawing the built-in ladder.
    """
    if format not in FORMATS:
        raise RenderError(f"Graphviz cannot write '{format}' here",
                          hint=f"choose one of: {', '.join(FORMATS)}")
    # bitmaps and PDFs through the cairo renderer, as before (the same bytes)
    command = [engine, f"-T{format}:cairo" if format in ("png", "pdf") else f"-T{format}"]
    if neato_no_op is not None:
        command.append(f"-n{neato_no_op}")
    try:
        done = subprocess.run(command, input=source.encode("utf-8"), capture_output=True,
                              env={**os.environ, **_FIXED_ENV}, check=False)
    except FileNotFoundError:
        raise RenderError(f"the Graphviz program '{engine}' is not installed",
                          hint=INSTALL_HINT) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz '{engine}' failed: "
                          f"{detail[-1] if detail else f'exit code {done.returncode}'}",
                          hint="this is a bug in ladder if the input was valid: please "
                          "report it with the input file")
    return _reproducible(done.stdout, format)


def _reproducible(data: bytes, format: str) -> bytes:
    """Drop what varies from run to run (PDF dates), so diagrams can live in git."""
    if format == "pdf":
        data = re.sub(rb"/CreationDate \(D:[^)]*\)", b"/CreationDate (D:19700101000000Z)", data)
        data = re.sub(rb"/ModDate \(D:[^)]*\)", b"/ModDate (D:19700101000000Z)", data)
    return data
