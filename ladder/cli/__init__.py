"""The ``ladder`` command: thin click commands over the Python API.

The group, its error handling and the options several commands share live here; the commands
live beside it by use: ``draw`` (render, validate, demo), ``ladders`` (variants, roles),
``orgs`` (import, schema, stats), ``paths`` (paths, gap, next, succession).

Only :class:`~ladder.errors.LadderError` is caught, printed as one line on stderr with exit
code 1; anything else is a bug and shows its traceback.
"""

from __future__ import annotations

# The commands register themselves on ``main`` when their modules are imported.
from ladder.cli import diff, docs, draw, frameworks, ladders, orgs, paths  # noqa: F401
from ladder.cli.common import main

__all__ = ["main"]
