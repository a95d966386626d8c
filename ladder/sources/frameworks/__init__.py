"""Career frameworks as companies publish them, read into ladder's own format.

One module per format; each turns a file into a :class:`Draft` (the ladder document as plain
data, with the source's words, levels, titles and areas), which is checked by the ladder loader
itself, so what ``ladder import`` writes always validates. Formats are told apart by content
(:func:`framework_of`); ``--from`` names one when that cannot tell.

=========== ====================================================================================
``ft``       FT-style job-family YAML/JSON: ``levels``, ``themes``, ``competencies`` per level
             and theme (Financial-Times/engineering-progression)
``monzo``    Markdown with YAML front matter: ``levels: N`` and ``topics`` with ``criteria``
             per level (monzo/progression-framework)
``wide``     CSV or XLSX with one column per level: area (or category), competency,
             description, then a column per level named in the header
``snowflake`` JSON: categories, tracks with milestones (summary, signals, examples), and point
             thresholds to titles (Medium's snowflake)
``markdown`` a Markdown handbook: a heading per role, its areas as sub-headings with bullets
             or as two-column tables (OctopusDeploy/People, kolbis/Career-Paths)
=========== ====================================================================================
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from ladder.errors import SourceError, did_you_mean
from ladder.sources.frameworks import detect
from ladder.sources.frameworks.draft import Draft, check_bounds
from ladder.text import wrap

if TYPE_CHECKING:
    from ladder.model import Ladder

# format -> the module and function that read it (imported when used: each pulls its own parsers)
READERS = {
    "ft": ("ft", "read"), "monzo": ("monzo", "read"), "wide": ("wide", "read"),
    "snowflake": ("snowflake", "read"), "markdown": ("markdown", "read"),
    "headings": ("pages", "read_headings"), "pages": ("pages", "read_folder"),
}
FORMATS = tuple(READERS)
DESCRIPTIONS = {
    "ft": "FT job family (levels, themes, competencies)",
    "monzo": "Monzo Markdown (front matter with levels and topics)",
    "wide": "wide CSV/XLSX (area, competency, description, a column per level)",
    "snowflake": "snowflake JSON (tracks with milestones, titles by points)",
    "markdown": "Markdown handbook (a heading per role, areas as sub-headings or tables)",
    "headings": "Markdown with a heading per role and its statements (bullets or paragraphs) "
                "under it",
    "pages": "a folder of Markdown pages, one per role (front matter title and weight)",
}


def framework_of(path: str | Path) -> str | None:
    """Which framework format a file is in, by its content; None when it is none of them
    (for a CSV/XLSX: an HR export)."""
    return detect.framework_of(Path(path))


def import_framework(path: str | Path, format: str | None = None, *,
                     sheet: str | None = None) -> Draft:
    """Read a framework file or folder (format detected when not given) into a checked
    :class:`Draft`; ``sheet``: a workbook's sheet (a wide framework), by name or number."""
    path = Path(path)
    if not path.exists():
        raise SourceError("file not found", file=str(path))
    chosen = format or detect.framework_of(path, sheet=sheet)
    if chosen is None and path.is_dir():
        detect.folder_framework(path)  # says which frameworks a folder of several holds
    if chosen is None:
        raise SourceError(
            f"not a career framework this tool reads: {detect.what_was_seen(path)}",
            file=str(path), hint="expected one of: " + "; ".join(
                f"{name}: {text}" for name, text in DESCRIPTIONS.items()),
        )
    if chosen not in FORMATS:
        raise SourceError(f"unknown framework format '{chosen}'", file=str(path),
                          hint=did_you_mean(chosen, FORMATS) or
                          f"formats: {', '.join(FORMATS)}")
    read_from = path
    skipped: tuple[str, ...] = ()
    if path.is_dir() and chosen != "pages":
        # a folder holding a framework file (and its licence, readme, pictures): that file
        read_from, chosen, files = detect.folder_framework(path, format)
        skipped = files.skipped
    module_name, function = READERS[chosen]
    module = importlib.import_module(f"ladder.sources.frameworks.{module_name}")
    if sheet is not None and chosen != "wide":
        raise SourceError(f"option 'sheet' chooses a sheet of a workbook, and a {chosen} "
                          "framework is none", file=str(path), hint="leave out option 'sheet'")
    reader = getattr(module, function)
    draft: Draft = reader(read_from, sheet) if sheet is not None else reader(read_from)
    if path.is_dir() and chosen == "pages":
        skipped = tuple(detect.pages_skipped(path))
        if skipped:
            draft.folder_note = f"read the role pages of {path.name}/; skipped: " + ", ".join(
                skipped)
    elif read_from != path:
        draft.folder_note = (f"read {read_from.name}, the one framework in {path.name}/"
                             + (f"; skipped: {', '.join(skipped)}" if skipped else ""))
    if draft.folder_note:  # the written file's header says it too
        draft.notes.insert(0, draft.folder_note[:1].upper() + draft.folder_note[1:] + ".")
    check_bounds(draft, str(read_from))
    check(draft, str(read_from))
    return draft


def check(draft: Draft, file: str) -> Ladder:
    """Run the ladder loader on the draft: an importer bug shows as a clear error, not a
    file that fails later."""
    from ladder.sources.ladders import parse_ladder  # lazy: --help loads no yaml

    return parse_ladder(draft.document(), file)


def load_framework_ladder(path: str | Path) -> Ladder:
    """A framework file read straight into a :class:`Ladder` (no ladder file written)."""
    return check(import_framework(path), str(path))


def ladder_yaml(draft: Draft, origin: str) -> str:
    """The draft as a ladder YAML file, with a header saying where it came from."""
    import yaml

    header = [f"Imported by 'ladder import' from {origin}.",
              *draft.notes,
              "Check the levels, tracks and moves: the source's words are kept as they are."]
    lines = []
    for note in header:
        lines.extend(_comment(note))
    body = yaml.safe_dump(draft.document(), sort_keys=False, allow_unicode=True, width=100,
                          default_flow_style=False)
    return "\n".join(lines) + "\n" + body


def _comment(text: str, width: int = 96) -> list[str]:
    return [f"# {line}".rstrip() for line in wrap(text, width) or [""]]
