"""Writing diagrams to files: the output format from the path, bytes from DOT, one write.

>>> output_format(Path("gallery/startup.png"), None)
'png'
>>> output_format(Path("x"), "svg")
'svg'
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ladder.errors import RenderError, did_you_mean

if TYPE_CHECKING:  # drawing ladders is imported on use: org charts write their SVG alone
    from ladder.model import Ladder
    from ladder.render.ladder_dot import Highlight

LADDER_FORMATS = ("svg", "png", "pdf", "dot")


def output_format(path: Path | None, format: str | None, *,
                  allowed: tuple[str, ...] = LADDER_FORMATS, default: str = "svg") -> str:
    """The format asked for, else the one the path's suffix names, else ``default``."""
    if format:
        chosen = format.lower()
    elif path is not None and path.suffix:
        chosen = path.suffix.lower().lstrip(".")
        if chosen == "gv":
            chosen = "dot"
    else:
        chosen = default
    if chosen not in allowed:
        raise RenderError(
            f"cannot write '{chosen}' files", file=str(path) if path else None,
            hint=did_you_mean(chosen, allowed) or f"choose one of: {', '.join(allowed)}",
        )
    return chosen


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path``, creating folders, with errors as RenderError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as error:
        raise RenderError(f"cannot write the file: {error.strerror or error}",
                          file=str(path)) from None
    return path


def render_ladder(
    ladder: Ladder,
    path: Path,
    *,
    format: str | None = None,
    title: str | None = None,
    detail: bool = False,
    years: bool = True,
    highlight: Highlight | None = None,
) -> Path:
    """Draw ``ladder`` into ``path`` as SVG, PNG, PDF or DOT (from ``format`` or the suffix)."""
    from ladder.render.graphviz_backend import run_graphviz
    from ladder.render.ladder_dot import ladder_dot

    chosen = output_format(path, format)
    source = ladder_dot(ladder, title=title, detail=detail, years=years, highlight=highlight)
    data = source.encode("utf-8") if chosen == "dot" else run_graphviz(source, format=chosen)
    return write_bytes(path, data)
