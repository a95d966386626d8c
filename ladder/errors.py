"""The errors a user can cause: every one names where the problem is and how to fix it.

The CLI catches :class:`LadderError` only and prints it as one line; anything else is a bug.

>>> str(LadderError("manager 'omarr' does not exist", file="acme.yaml", line=14,
...                 hint="did you mean 'omar'?"))
"acme.yaml:14: manager 'omarr' does not exist (did you mean 'omar'?)"
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ladder.text import one_line


class LadderError(Exception):
    """A problem with the user's input or environment, reported as ``file:line: message (hint)``."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        key: str | None = None,
        hint: str | None = None,
        problems: list[Problem] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.key = key
        self.hint = hint
        self.problems = problems or []

    def __str__(self) -> str:
        where = location(self.file, self.line)
        text = f"{where}: {self.message}" if where else self.message
        return one_line(f"{text} ({self.hint})" if self.hint else text)


class SourceError(LadderError):
    """An input file is missing, unreadable, malformed or inconsistent."""


class RenderError(LadderError):
    """Graphviz is missing or failed, or an output cannot be written."""


@dataclass(frozen=True)
class Problem:
    """One finding about an input: an ``error`` stops the render, a ``warning`` or ``info`` not."""

    severity: str  # "error" | "warning" | "info"
    kind: str  # short machine-readable slug, e.g. "unknown-manager"
    message: str
    file: str | None = None
    line: int | None = None
    id: str | None = None
    hint: str | None = None
    items: tuple[str, ...] = ()  # the whole list a message summarises (written by --report)

    def __str__(self) -> str:
        """``severity: file:line: message (hint)``, the same shape the CLI gives errors."""
        where = location(self.file, self.line)
        text = f"{self.severity}: {where}: {self.message}" if where else (
            f"{self.severity}: {self.message}"
        )
        return one_line(f"{text} ({self.hint})" if self.hint else text)


SHOWN = 10  # items of a list a message names before it says "... and N more"


def summarised(items: Sequence[str], *, joiner: str = ", ", shown: int = SHOWN) -> str:
    """A list for a one-line message: whole when short, else its first items and how many
    more (the whole list belongs in ``Problem.items``, which ``--report`` writes).

    >>> summarised(["a", "b"])
    'a, b'
    >>> summarised([f"p{i}" for i in range(1000)], joiner=" -> ", shown=3)
    'p0 -> p1 -> p2 -> ... and 997 more'
    """
    items = [str(item) for item in items]
    if len(items) <= shown:
        return joiner.join(items)
    return joiner.join(items[:shown]) + f"{joiner}... and {len(items) - shown:,} more"


def location(file: str | None, line: int | None) -> str:
    """``file:line``, ``file`` or ``''``: the prefix of every message."""
    if file and line:
        return f"{file}:{line}"
    return file or (f"line {line}" if line else "")


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest choice, compared without case.

    >>> did_you_mean("omarr", ["omar", "lee"])
    "did you mean 'omar'?"
    >>> did_you_mean("zzz", ["omar"]) is None
    True
    """
    import difflib  # only a mistake needs it

    choices = list(choices)
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(str(word).lower(), list(by_lower), n=1, cutoff=0.6)
    return f"did you mean '{by_lower[close[0]]}'?" if close else None
