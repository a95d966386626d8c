"""The one table of answer writers: any record a question returns, written in a format.

:func:`write_answer` finds the writer by the answer's kind, so the command line, the API and
scripts print one text for one answer. Each kind offers the formats of
:data:`ANSWER_FORMATS` it makes sense in (a diff is also CSV, and a one-line summary; an
assessment and the org's numbers have no Markdown).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ladder.analysis.assess import Assessment
from ladder.analysis.diff import OrgDiff
from ladder.analysis.org_moves import NextMoves, Succession
from ladder.analysis.paths import Gap, Paths
from ladder.analysis.teams import OrgStats
from ladder.errors import LadderError, did_you_mean
from ladder.model.ladder import Ladder
from ladder.renderers.results import assess, diff, moves, paths, stats

ANSWER_FORMATS = ("table", "json", "markdown")  # what most answers can be written as
Writer = Callable[[Any, "Ladder | None"], str]


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _ladder(ladder: Ladder | None) -> Ladder:
    """The ladder the roles of a path or gap belong to: the built-in product ladder unless
    given."""
    if ladder is not None:
        return ladder
    from ladder.sources.ladders import read_ladder  # lazy: an org's answers load no YAML

    return read_ladder()


def _ends(found: Paths, ladder: Ladder) -> tuple[Any, Any]:
    first = found[0].roles
    return ladder.roles[first[0]], ladder.roles[first[-1]]


def _paths_table(found: Paths, given: Ladder | None) -> str:
    ladder = _ladder(given)
    return paths.format_paths_table(ladder, *_ends(found, ladder), found, per_step=True)


def _paths_markdown(found: Paths, given: Ladder | None) -> str:
    ladder = _ladder(given)
    return paths.format_paths_markdown(ladder, *_ends(found, ladder), found, per_step=True)


def _gap_table(gap: Gap, given: Ladder | None) -> str:
    return paths.format_gap_table(_ladder(given), gap)


def _gap_markdown(gap: Gap, given: Ladder | None) -> str:
    return paths.format_gap_markdown(_ladder(given), gap)


def _gap_json(gap: Gap, given: Ladder | None) -> str:
    return _json(paths.gap_data(gap, _ladder(given)))


# kind of answer -> format -> writer(answer, ladder the answer's role ids belong to)
WRITERS: tuple[tuple[type, dict[str, Writer]], ...] = (
    (Paths, {
        "table": _paths_table,
        "json": lambda found, given: paths.paths_json(found[0].roles[0], found[0].roles[-1],
                                                      found, _ladder(given)),
        "markdown": _paths_markdown,
    }),
    (Gap, {"table": _gap_table, "json": _gap_json, "markdown": _gap_markdown}),
    (NextMoves, {
        "table": lambda answer, _: moves.format_next_moves(answer),
        "json": lambda answer, _: _json(moves.next_moves_data(answer)),
        "markdown": lambda answer, _: moves.format_next_moves_markdown(answer),
    }),
    (Succession, {
        "table": lambda answer, _: moves.format_succession(answer),
        "json": lambda answer, _: _json(moves.succession_data(answer)),
        "markdown": lambda answer, _: moves.format_succession_markdown(answer),
    }),
    (Assessment, {
        "table": lambda answer, _: assess.format_assessment(answer) + "\n",
        "json": lambda answer, _: _json(assess.assessment_data(answer)),
    }),
    (OrgDiff, {
        "table": lambda answer, _: diff.diff_table(answer),
        "json": lambda answer, _: diff.diff_json(answer),
        "csv": lambda answer, _: diff.diff_csv(answer),
        "summary": lambda answer, _: diff.summary(answer) + "\n",  # the line a note gives
    }),
    (OrgStats, {
        "table": lambda answer, _: stats.stats_table(answer) + "\n",
        "json": lambda answer, _: _json(stats.stats_data(answer)),
    }),
)


def writers_of(answer: object) -> dict[str, Writer] | None:
    """The writers of ``answer``'s kind by format; None for something no question returns."""
    return next((found for kind, found in WRITERS if isinstance(answer, kind)), None)


def write_answer(answer: object, format: str = "table", *,  # noqa: A002 - the CLI's --format
                 ladder: Ladder | None = None) -> str:
    """``answer`` written in ``format``, ending in a newline: what the command prints.

    Paths and gaps name roles by id: ``ladder`` is the ladder they were found in (as its
    variant has it), for the titles and what changes per area; the built-in product ladder
    when not given.

    >>> from ladder.analysis.paths import competency_gap
    >>> from ladder.sources.ladders import read_ladder
    >>> print(write_answer(competency_gap(read_ladder(), "pm", "senior pm"), "json"))
    ... # doctest: +ELLIPSIS
    {
      "from": "product-manager",
      "to": "senior-product-manager",
    ...
    >>> write_answer(["a list"])
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: cannot write a list as an answer (give what a question returned: \
paths, gap, next_roles, succession, stats, assess or diff)
    """
    found = writers_of(answer)
    if found is None:
        raise LadderError(f"cannot write a {type(answer).__name__} as an answer",
                          hint="give what a question returned: paths, gap, next_roles, "
                          "succession, stats, assess or diff")
    chosen = format.lower()
    if chosen not in found:
        raise LadderError(f"this answer cannot be written as {chosen!r}",
                          hint=did_you_mean(chosen, found) or f"choose one of: "
                          f"{', '.join(found)}")
    return found[chosen](answer, ladder)
