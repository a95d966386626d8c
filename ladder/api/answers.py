"""Answers as text: what :func:`~ladder.api.questions.paths`, ``gap``, ``next_roles``,
``succession``, ``stats``, ``assess`` and ``diff`` return, written as the command line prints
it (a table for a terminal, JSON or Markdown; a diff also as CSV).

The records come from :mod:`ladder.analysis`; their writers and the one table that finds them
are :mod:`ladder.renderers.results`.

>>> from ladder.api.questions import stats
>>> print(answer_text(stats("examples/startup.yaml"), "json"))  # doctest: +ELLIPSIS
{
  "company": "...",
  "entries": 8,
...
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ladder.model import Ladder

ANSWER_FORMATS = ("table", "json", "markdown")  # what every question can be answered as


def answer_text(answer: object, format: str = "table", *,  # noqa: A002 - the CLI's --format
                ladder: Ladder | None = None) -> str:
    """``answer`` written in ``format``, ending in a newline.

    Paths and gaps name roles by id: ``ladder`` is the ladder they were found in (as its
    variant has it, :func:`~ladder.api.questions.endpoints` gives it), for the roles' titles
    and what changes per area; the built-in product ladder when not given.

    >>> from ladder.api.questions import paths
    >>> print(answer_text(paths("PM", "Senior PM"), "markdown").splitlines()[0])
    ## Product Manager to Senior Product Manager
    """
    from ladder.renderers.results.answers import write_answer  # lazy: --help loads no networkx

    return write_answer(answer, format, ladder=ladder)
