"""The ``ladder`` command: thin click commands over the Python API.

The group, its error handling and the options several commands share live in ``common``; the
commands live beside it by use: ``draw`` (render, validate, demo), ``ladders`` (variants, roles,
show), ``orgs`` (import, schema, stats), ``paths`` (paths, gap, next, succession), ``diff``,
``frameworks`` (assess, profile) and ``docs`` (readme-snippet). A run imports only the module
of the command it runs.

Only :class:`~ladder.errors.LadderError` is caught, printed as one line on stderr with exit
code 1; anything else is a bug and shows its traceback.
"""

from __future__ import annotations

# The commands register themselves on ``main`` when their modules are imported, which
# ``main`` does for the one command it runs (ladder.cli.common.COMMANDS).
from ladder.cli.common import main

__all__ = ["main"]
