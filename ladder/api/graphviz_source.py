"""A ``graphviz.Source`` that Graphviz draws as ladder does: :func:`ladder.to_graphviz` returns it.

The ``graphviz`` package runs the executables with the process's own environment and offers no
way to pass another (``graphviz.backend.execute`` hands ``subprocess`` no ``env``), so a plain
``graphviz.Source`` of ladder's DOT would draw with the machine's fonts, not the face ladder
ships: other text widths in cards sized for ours, other PNG bytes. This subclass keeps the
package's whole interface (``.source``, ``.pipe()``, ``.render()``, ``.view()``, ``.save()``,
inline display in Jupyter through ``_repr_mimebundle_``) and routes its three calls of the
executables (the hooks the package itself names for mocking) through
:func:`ladder.renderers.graphviz_backend.run_graphviz`, which carries ladder's fontconfig file,
locale and fixed PDF date: the bytes of ``ladder.draw`` in the same format, the same
``RenderError`` when Graphviz fails.

What that costs: the formats ladder draws (svg, png, pdf, xdot; PNG and PDF by cairo, as
ladder's own files), no other renderer or formatter, and Graphviz's warnings unsaid.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import graphviz

from ladder.errors import RenderError
from ladder.renderers.files import write_bytes
from ladder.renderers.graphviz_backend import run_graphviz

CAIRO_FORMATS = ("png", "pdf")  # drawn by cairo, as ladder's own PNG and PDF files are


class GraphvizSource(graphviz.Source):
    """DOT source as ``graphviz.Source`` holds it, drawn with ladder's fonts and environment.

    ``neato_no_op`` is the ``-n`` flag every drawing with the ``neato`` engine gets unless a
    call gives its own: ``2`` for DOT whose positions are all pinned (an org chart), so that a
    notebook's display (which passes no flags) draws the picture instead of laying it out anew.
    """

    def __init__(self, source: str, *, neato_no_op: int | None = None, **keywords: Any) -> None:
        super().__init__(source, **keywords)
        self.neato_no_op = neato_no_op

    def _copy_kwargs(self, **keywords: Any) -> dict[str, Any]:
        """What ``.copy()`` makes the copy with: the flag too."""
        copied: dict[str, Any] = super()._copy_kwargs(neato_no_op=self.neato_no_op, **keywords)
        return copied

    def _drawn(self, source: str, engine: str, format: str, renderer: str | None,
               formatter: str | None, neato_no_op: int | bool | None) -> bytes:
        """``source`` drawn in ``format`` by ladder's run of Graphviz."""
        if renderer not in (None, "cairo") or formatter not in (None, "cairo") or (
                renderer is not None and format not in CAIRO_FORMATS):
            asked = ":".join(part for part in (format, renderer, formatter) if part)
            raise RenderError(f"ladder draws '{format}' with Graphviz's renderer of its own "
                              f"choice, not '{asked}'",
                              hint="leave out renderer and formatter (PNG and PDF are drawn "
                                   "by cairo)")
        if neato_no_op is None and engine == "neato":
            neato_no_op = self.neato_no_op
        return run_graphviz(source, format=format, engine=engine,
                            neato_no_op=int(neato_no_op) if neato_no_op else None)

    # --- the package's hooks that run Graphviz (graphviz.backend.mixins) ---------------------

    def _pipe_lines(self, engine: str, format: str, input_lines: Iterator[str], *,
                    input_encoding: str, renderer: str | None = None,
                    formatter: str | None = None, neato_no_op: int | bool | None = None,
                    quiet: bool = False) -> bytes:
        """``.pipe()`` that returns bytes."""
        return self._drawn("".join(input_lines), engine, format, renderer, formatter,
                           neato_no_op)

    def _pipe_lines_string(self, engine: str, format: str, input_lines: Iterator[str], *,
                           encoding: str, renderer: str | None = None,
                           formatter: str | None = None, neato_no_op: int | bool | None = None,
                           quiet: bool = False) -> str:
        """``.pipe(encoding=...)``, and so the SVG a notebook shows."""
        return self._drawn("".join(input_lines), engine, format, renderer, formatter,
                           neato_no_op).decode(encoding)

    def _render(self, engine: str, format: str | None, filepath: str | os.PathLike[str],
                renderer: str | None = None, formatter: str | None = None,
                neato_no_op: int | bool | None = None, quiet: bool = False, *,
                outfile: str | os.PathLike[str] | None = None,
                raise_if_result_exists: bool = False,
                overwrite_filepath: bool = False) -> str:
        """``.render()`` and ``.view()``: the file beside the saved source (``NAME.gv.svg``)
        or ``outfile``, named as the package names it; its path."""
        from graphviz.backend import rendering  # the package's own naming of the file

        saved = Path(filepath)
        if outfile is None:
            if format is None:
                raise graphviz.RequiredArgumentError("format: required without outfile")
            target = Path(rendering.get_outfile(saved, format=format, renderer=renderer,
                                                formatter=formatter))
        else:
            target = Path(outfile)
            format = rendering.get_format(target, format=format)
            if not overwrite_filepath and target.resolve() == saved.resolve():
                raise ValueError(f"outfile {target.name!r} would overwrite the source "
                                 "(pass overwrite_source=True to allow it)")
        if raise_if_result_exists and target.exists():
            raise graphviz.FileExistsError(f"output file exists: {os.fspath(target)!r}")
        assert format is not None  # found from outfile's suffix above, or given
        source = saved.read_text(encoding=self.encoding)
        write_bytes(target, self._drawn(source, engine, format, renderer, formatter,
                                        neato_no_op))
        return os.fspath(target)
