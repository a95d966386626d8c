"""The org chart's SVG handed to the file in pieces is the SVG drawn whole, byte for byte.

``ladder render x.csv -o x.svg`` streams the document (ladder.renderers.theme.FinishedPieces:
the colours from the writer, the id fingerprinted from the end and written into the start
last); ``ladder.draw`` and the split pages finish the whole string (finish_svg). Both must
give the same bytes for every shape of chart: small ones whose head is the whole document,
big ones whose end is many pieces away, cards of every kind and colour.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ladder.api import draw, render
from ladder.model.org import Department, Org, Person
from ladder.renderers.drawers import org_svg_document
from ladder.renderers.drawings import OrgDrawing
from ladder.renderers.files import write_bytes
from ladder.renderers.org_cards import MARK_COLOURS


def _org(size: int, seed: int) -> Org:
    rng = random.Random(seed)
    departments = [Department("eng", "Engineering & R&D", "#336699"), Department("ops", "Ops"),
                   Department("odd", "Odd colour", "#ABC")]
    people = [Person("p0", "Ada <Chief>", "CEO", department="eng")]
    for number in range(1, size):
        manager = f"p{rng.randrange(max(1, number // 3), number)}" if number > 3 else "p0"
        kind = rng.random()
        people.append(Person(
            f"p{number}", "" if kind < 0.05 else f"Person {number} \"Ø\" {'x' * (number % 40)}",
            title=rng.choice(["Engineer", "Lead — платформа", "", "Analyst & Co"]),
            manager=manager, department=rng.choice([None, "eng", "ops", "odd", "sales"]),
            vacant=kind < 0.05, fte=3.5 if 0.05 <= kind < 0.08 else None,
            dotted=(f"p{rng.randrange(number)}",) if 0.08 <= kind < 0.08 + 2 / size else (),
            mark=rng.choice(sorted(MARK_COLOURS)) if 0.12 <= kind < 0.2 else "",
            note="moved in" if 0.12 <= kind < 0.2 else ""))
    return Org.build(f"Org {size}", people, departments)


@pytest.mark.parametrize(("size", "seed"), [(1, 1), (7, 2), (60, 3), (900, 4),
                                          pytest.param(5000, 5, marks=pytest.mark.slow)])
@pytest.mark.parametrize("theme", ["light", "auto"])
def test_pieces_are_the_whole_document(tmp_path: Path, size: int, seed: int,
                                       theme: str) -> None:
    org = _org(size, seed)
    whole = draw(org, format="svg", theme=theme)
    written = render(org, tmp_path / "x.svg", theme=theme)[0]
    assert written.read_bytes() == whole.encode("utf-8")
    assert whole.count('class="ladder-card"') == size
    assert '<desc id="ladder-' in whole and 'ladder-0000000000' not in whole


@pytest.mark.slow
def test_each_piece_handed_on_before_the_next_is_made(tmp_path: Path) -> None:
    """The file gets the cards as they are written: no piece holds the whole chart."""
    from ladder.api.drawing import _org_drawing  # the drawing render makes
    from ladder.options import sort_options

    org = _org(5000, 6)
    drawing: OrgDrawing = _org_drawing(org, sort_options({}, kind="org"))
    document = org_svg_document(drawing)
    sizes = [len(piece) for piece in document]
    assert len(sizes) > 5 and max(sizes) < sum(sizes) / 2
    again = org_svg_document(drawing)
    path = write_bytes(tmp_path / "x.svg", again, first=again.first_bytes)
    assert path.read_text(encoding="utf-8") == draw(org, format="svg")
    with pytest.raises(RuntimeError):
        list(again)  # its pieces are gone: a document is handed on once
