"""The fixed choices of a drawing, each one tuple defined once.

They sit in the base of the package so that every room reads the same tuple: the layout checks
its ``mode``, the theme module its ``theme``, :mod:`ladder.options` checks all of them and the
command line offers exactly these as ``--mode``, ``--theme`` and ``--view`` (``ladder diff``'s
``--view``: :data:`DIFF_VIEWS`). (The output formats
are the one table of :mod:`ladder.renderers.files`, offered through :mod:`ladder.options`.)

>>> MODES[0], THEMES[0], VIEWS[0]
('auto', 'light', 'graph')
"""

from __future__ import annotations

MODES = ("auto", "tree", "compact", "stacked")  # how an org chart places reports
THEMES = ("light", "dark", "auto")  # SVG and HTML colours; auto follows the reader's setting
VIEWS = ("graph", "matrix")  # a ladder as roles and moves, or as levels by competency areas
# a drawn diff: every card of the new org, or the changed ones with the managers above them
DIFF_VIEWS = ("all", "changes")

__all__ = ["DIFF_VIEWS", "MODES", "THEMES", "VIEWS"]
