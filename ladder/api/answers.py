"""Answers as text: what :func:`paths`, :func:`gap`, :func:`next_roles`, :func:`succession`,
:func:`stats`, :func:`assess` and :func:`diff` return, written as a table for a terminal, as
JSON or as Markdown.

The command line prints exactly this; a script that wants the same text calls it too, so the
two never drift apart. Each writer lives with the answer's own module; this is the one table
that finds it.

>>> from ladder.api.questions import gap
>>> print(answer_text(gap("Senior PM", "Director of Product"), "json"))  # doctest: +ELLIPSIS
{
  "from": "senior-product-manager",
  "to": "director-of-product",
...
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ladder.api.loading import load_ladder
from ladder.errors import LadderError, did_you_mean

if TYPE_CHECKING:
    from ladder.model import Ladder

ANSWER_FORMATS = ("table", "json", "markdown")  # what every question can be answered as


def answer_text(answer: Any, format: str = "table", *, ladder: Ladder | None = None) -> str:
    """``answer`` written in ``format`` (``table``, ``json`` or ``markdown``), ending in a
    newline.

    Paths and gaps name roles by id: ``ladder`` is the ladder they were found in (as its
    variant has it), for the roles' titles and what changes per area; it is the built-in
    product ladder when not given.

    >>> from ladder.api.questions import paths
    >>> print(answer_text(paths("PM", "Senior PM"), "markdown").splitlines()[0])
    ## Product Manager to Senior Product Manager
    >>> answer_text(["a list"])
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: cannot write a list as an answer (give what paths, gap, \
next_roles, succession, stats, assess or diff returned)
    """
    chosen = format.lower()
    writers = _writers(answer)
    if writers is None:
        raise LadderError(f"cannot write a {type(answer).__name__} as an answer",
                          hint="give what paths, gap, next_roles, succession, stats, assess "
                          "or diff returned")
    if chosen not in writers:
        raise LadderError(f"this answer cannot be written as {chosen!r}",
                          hint=did_you_mean(chosen, writers) or
                          f"choose one of: {', '.join(writers)}")
    return writers[chosen](answer, ladder)


def _writers(answer: Any) -> dict[str, Any] | None:
    """The writers of ``answer``'s kind, by format; None for something no question returns."""
    from ladder.analysis.assess import Assessment  # lazy: --help loads no networkx
    from ladder.analysis.diff import OrgDiff  # lazy: --help loads no csv
    from ladder.analysis.org_moves import NextMoves, Succession  # lazy: --help loads no networkx
    from ladder.analysis.paths import Gap, Paths  # lazy: --help loads no networkx

    if isinstance(answer, Paths):
        return {"table": _paths_table, "json": _paths_json, "markdown": _paths_markdown}
    if isinstance(answer, Gap):
        return {"table": _gap_table, "json": _gap_json, "markdown": _gap_markdown}
    if isinstance(answer, NextMoves | Succession):
        return {"table": _moves_table, "json": _moves_json, "markdown": _moves_markdown}
    if isinstance(answer, Assessment):
        return {"table": lambda found, _: _assessment_table(found),
                "json": lambda found, _: _json(_assessment_data(found))}
    if isinstance(answer, OrgDiff):
        return {"table": lambda found, _: found.to_table(),
                "json": lambda found, _: found.to_json(),
                "csv": lambda found, _: found.to_csv()}
    if isinstance(answer, dict) and "span" in answer:  # the numbers of stats()
        return {"table": lambda found, _: _stats_table(found),
                "json": lambda found, _: _json(found)}
    return None


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _ladder(ladder: Ladder | None) -> Ladder:
    return load_ladder(ladder)


# --- promotion paths ----------------------------------------------------------------------------


def _ends(found: Any, ladder: Ladder) -> tuple[Any, Any]:
    first = found[0].roles
    return ladder.roles[first[0]], ladder.roles[first[-1]]


def _paths_table(found: Any, ladder: Ladder | None) -> str:
    from ladder.analysis.paths import format_paths_table  # lazy: --help loads no networkx

    chosen = _ladder(ladder)
    return format_paths_table(chosen, *_ends(found, chosen), found) + _per_step(found, chosen)


def _paths_markdown(found: Any, ladder: Ladder | None) -> str:
    from ladder.analysis.paths import format_paths_markdown  # lazy: --help loads no networkx

    chosen = _ladder(ladder)
    return (format_paths_markdown(chosen, *_ends(found, chosen), found)
            + _per_step(found, chosen, markdown=True))


def _paths_json(found: Any, ladder: Ladder | None) -> str:
    from ladder.analysis.paths import paths_json  # lazy: --help loads no networkx

    first = found[0].roles
    return paths_json(first[0], first[-1], found)


def _per_step(found: Any, ladder: Ladder, *, markdown: bool = False) -> str:
    """Per area, along the quickest path (the first): what changes at each step."""
    from ladder.analysis.expectations import (  # lazy: --help loads no analysis.expectations
        has_expectations,
        steps_text,
    )

    if not (has_expectations(ladder) and found[0].steps):
        return ""
    return "\n" + steps_text(ladder, found[0].roles, markdown=markdown)


# --- gaps ---------------------------------------------------------------------------------------


def _areas(gap: Any, ladder: Ladder) -> list[Any]:
    from ladder.analysis import expectations  # lazy: --help loads no analysis

    if not expectations.has_expectations(ladder):
        return []
    return expectations.area_changes(ladder, gap.source, gap.target)


def _gap_table(gap: Any, ladder: Ladder | None) -> str:
    from ladder.analysis.expectations import (
        format_changes,  # lazy: --help loads no analysis.expectations
    )
    from ladder.analysis.paths import format_gap_table  # lazy: --help loads no networkx

    chosen = _ladder(ladder)
    text = format_gap_table(chosen, gap)
    areas = _areas(gap, chosen)
    if areas:
        text += "\nper area (what is new or raised):\n"
        text += "\n".join(format_changes(areas) or ["  (nothing new)"]) + "\n"
    return text


def _gap_markdown(gap: Any, ladder: Ladder | None) -> str:
    from ladder.analysis.expectations import (
        changes_markdown,  # lazy: --help loads no analysis.expectations
    )
    from ladder.analysis.paths import format_gap_markdown  # lazy: --help loads no networkx

    chosen = _ladder(ladder)
    text = format_gap_markdown(chosen, gap)
    areas = _areas(gap, chosen)
    if areas:
        text += "\n".join(["### Per area", "", *changes_markdown(areas, "####")]) + "\n"
    return text


def _gap_json(gap: Any, ladder: Ladder | None) -> str:
    from ladder.analysis.expectations import (
        changes_json,  # lazy: --help loads no analysis.expectations
    )
    from ladder.analysis.paths import gap_data  # lazy: --help loads no networkx

    data = gap_data(gap)
    areas = _areas(gap, _ladder(ladder))
    if areas:
        data["areas"] = changes_json(areas)
    return _json(data)


# --- moves in an org ----------------------------------------------------------------------------


def _moves_table(answer: Any, _ladder: Ladder | None) -> str:
    from ladder.analysis import org_moves  # lazy: --help loads no networkx

    if isinstance(answer, org_moves.NextMoves):
        return org_moves.format_next_moves(answer)
    return org_moves.format_succession(answer)


def _moves_markdown(answer: Any, _ladder: Ladder | None) -> str:
    from ladder.analysis import org_moves  # lazy: --help loads no networkx

    if isinstance(answer, org_moves.NextMoves):
        return org_moves.format_next_moves_markdown(answer)
    return org_moves.format_succession_markdown(answer)


def _moves_json(answer: Any, _ladder: Ladder | None) -> str:
    from ladder.analysis import org_moves  # lazy: --help loads no networkx

    if isinstance(answer, org_moves.NextMoves):
        return _json(org_moves.next_moves_data(answer))
    return _json(org_moves.succession_data(answer))


# --- assessments and org numbers ----------------------------------------------------------------


def _assessment_table(result: Any) -> str:
    from ladder.analysis.assess import format_assessment  # lazy: --help loads no networkx

    return format_assessment(result) + "\n"


def _assessment_data(result: Any) -> dict[str, Any]:
    from ladder.analysis.assess import assessment_json  # lazy: --help loads no networkx

    return assessment_json(result)


def _stats_table(stats: dict[str, Any]) -> str:
    from ladder.analysis.spans import format_stats  # lazy: --help loads no analysis.spans

    return format_stats(stats) + "\n"
