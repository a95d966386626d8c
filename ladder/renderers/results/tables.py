"""Aligned text columns for a terminal, as the results' writers lay them out: a table with a
rule under its header, and a listing whose last column is a list packed onto indented lines.
The columns themselves are :func:`ladder.text.text_table`'s (widths in terminal columns)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ladder.text import text_table, wrap


def table(header: Sequence[str], rows: Sequence[Sequence[str]], *,
          right: Collection[int] = ()) -> list[str]:
    """The header, a rule of dashes and the rows, columns two spaces apart; the columns in
    ``right`` aligned right.

    >>> print("\\n".join(table(["name", "n"], [["Ann", "1"], ["王", "22"]], right={1})))
    name   n
    ----  --
    Ann    1
    王    22
    """
    return text_table(header, rows, right=right)


def pack(items: Sequence[str], columns: int) -> list[str]:
    """Comma-separated lines of at most ``columns`` characters, never splitting an item.

    >>> pack(["data", "vision", "budget"], 12)
    ['data,', 'vision,', 'budget']
    >>> pack([], 10)
    ['-']
    """
    return wrap([f"{item}," for item in items[:-1]] + list(items[-1:]), columns) or ["-"]


def listing_table(headers: Sequence[str], rows: Sequence[tuple[Sequence[str], Sequence[str]]],
                  *, columns: int = 48) -> str:
    """Aligned columns whose last one holds a list, packed ``columns`` wide onto indented
    lines; every line indented by two spaces.

    >>> print(listing_table(("#", "gains"), [(("1",), ["a", "b"])], columns=2))
      #  gains
      1  a,
         b
    """
    return "\n".join(text_table(headers, [(*row, pack(items, columns)) for row, items in rows],
                                rule=False, indent="  "))
