"""The Python API in a few calls: load a source, draw it. The CLI is a thin layer over these.

>>> from pathlib import Path
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     written = render(None, Path(folder) / "ladder.dot", variant="startup")
...     "Head of Product" in written[0].read_text()
True
"""

from __future__ import annotations

from pathlib import Path

from ladder.errors import LadderError
from ladder.model import Ladder
from ladder.model.variants import pick_variant, project
from ladder.render.files import output_format, render_ladder
from ladder.sources.detect import LADDER, source_kind
from ladder.sources.ladders import load_ladder


def ladder_for(source: str | None = None, *, variant: str | None = None,
               headcount: int | None = None, head: str | None = None) -> Ladder:
    """A ladder (built-in name or file; default the product ladder) as one variant sees it."""
    ladder = load_ladder(source)
    if variant and headcount:
        raise LadderError("give a variant or a headcount, not both")
    if headcount:
        variant = pick_variant(ladder, headcount).id
    if head and not variant:
        variant = next((v.id for v in ladder.variants.values() if v.head_choices), None)
    return project(ladder, variant, head=head) if variant else ladder


def render(
    source: str | Path | None,
    output: Path | None = None,
    *,
    format: str | None = None,
    variant: str | None = None,
    headcount: int | None = None,
    head: str | None = None,
    title: str | None = None,
    detail: bool = False,
    years: bool = True,
    output_dir: Path = Path("output"),
) -> list[Path]:
    """Draw a ladder, company config or HR export; returns the files written.

    Without ``output`` the file goes to ``output_dir`` named after the source.
    """
    text = None if source is None else str(source)
    kind = source_kind(text)
    if kind != LADDER:
        raise LadderError(f"'{text}' is a {kind} file: org charts are not available yet")
    ladder = ladder_for(text, variant=variant, headcount=headcount, head=head)
    chosen = output_format(output, format)
    stem = ladder.id + (f"-{ladder.variant}" if ladder.variant else "")
    path = output or output_dir / f"{stem}.{chosen}"
    return [render_ladder(ladder, path, format=chosen, title=title, detail=detail, years=years)]
