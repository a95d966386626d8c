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

    renderer = "cairo" if format in ("png", "pdf") else None
    saved = {key: os.environ.get(key) for key in _FIXED_ENV}
    os.environ.update(_FIXED_ENV)
    try:
        data = graphviz.pipe(engine, format, source.encode("utf-8"), renderer=renderer,
                             neato_no_op=neato_no_op, quiet=True)
    except graphviz.ExecutableNotFound:
        raise RenderError(f"the Graphviz program '{engine}' is not installed",
                          hint=INSTALL_HINT) from None
    except subprocess.CalledProcessError as error:
        detail = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz '{engine}' failed: {detail[-1] if detail else error}",
                          hint="this is a bug in ladder if the input was valid: please "
                          "report it with the input file") from None
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return _reproducible(data, format)


def _reproducible(data: bytes, format: str) -> bytes:
    """Drop what varies from run to run (PDF dates), so diagrams can live in git."""
    if format == "pdf":
        data = re.sub(rb"/CreationDate \(D:[^)]*\)", b"/CreationDate (D:19700101000000Z)", data)
        data = re.sub(rb"/ModDate \(D:[^)]*\)", b"/ModDate (D:19700101000000Z)", data)
    return data
