"""Aligned text columns for a terminal: widths counted in terminal columns (wide East Asian
letters take two), and a last column of list items packed onto indented lines."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence


def width(text: str) -> int:
    """Columns the text takes in a terminal: wide East Asian letters take two.

    >>> width("王小明"), width("Ann")
    (6, 3)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else
               0 if unicodedata.combining(ch) else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """``text`` and spaces up to ``columns`` terminal columns."""
    return text + " " * (columns - width(text))


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
    widths = [max(width(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def cells(row: Sequence[str]) -> str:
        return "  ".join(
            cell.rjust(widths[i] - width(cell) + len(cell)) if i in right
            else pad(cell, widths[i]) for i, cell in enumerate(row)
        )

    return [cells(header), cells(["-" * w for w in widths]), *(cells(row) for row in rows)]


def pack(items: Sequence[str], columns: int) -> list[str]:
    """Comma-separated lines of at most ``columns`` characters, never splitting an item.

    >>> pack(["data", "vision", "budget"], 12)
    ['data,', 'vision,', 'budget']
    >>> pack([], 10)
    ['-']
    """
    lines: list[str] = []
    for index, item in enumerate(items):
        text = item + ("," if index < len(items) - 1 else "")
        if lines and len(lines[-1]) + 1 + len(text) <= columns:
            lines[-1] += " " + text
        else:
            lines.append(text)
    return lines or ["-"]


def listing_table(headers: Sequence[str], rows: Sequence[tuple[Sequence[str], Sequence[str]]],
                  *, columns: int = 48) -> str:
    """Aligned columns whose last one holds a list, packed ``columns`` wide onto indented
    lines; every line indented by two spaces.

    >>> print(listing_table(("#", "gains"), [(("1",), ["a", "b"])], columns=2))
      #  gains
      1  a,
         b
    """
    cells = [headers[:-1], *(row for row, _items in rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(len(headers) - 1)]
    lines = []
    for row, last in [(headers[:-1], [headers[-1]]),
                      *((r, pack(items, columns)) for r, items in rows)]:
        head = "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
        lines.append(f"  {head}  {last[0]}".rstrip())
        lines.extend(f"  {' ' * len(head)}  {more}" for more in last[1:])
    return "\n".join(lines)
