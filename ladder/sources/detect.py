"""What a SOURCE argument is: a built-in ladder, a ladder file, a company config or an HR export."""

from __future__ import annotations

from pathlib import Path

from ladder.errors import SourceError, did_you_mean

LADDER, COMPANY, EXPORT = "ladder", "company", "export"
EXPORT_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx")


def source_kind(source: str | None) -> str:
    """``ladder``, ``company`` or ``export``; a config file is told apart by its keys."""
    if source is not None and Path(source).suffix.lower() in EXPORT_SUFFIXES:
        # Told first, without the ladder and YAML/TOML machinery (a CSV chart is timed
        # against dot); no built-in ladder is named like a file with a suffix.
        return EXPORT
    from ladder.sources.document import SUFFIXES, read_document  # lazy: an HR export loads no YAML
    from ladder.sources.ladders import builtin_names  # lazy: an HR export loads no YAML

    if source is None or source in builtin_names():
        return LADDER
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        data = read_document(path)
        if isinstance(data, dict) and ("people" in data or "company" in data):
            return COMPANY
        if isinstance(data, dict) and not data:  # neither: say so, not "'roles' is missing"
            raise SourceError("the file is empty (or holds only comments)", file=source,
                              hint="a ladder file has roles: and moves:, a company config "
                              "people: (see 'ladder show' and 'ladder schema')")
        return LADDER
    if not path.exists():
        raise SourceError("no such file or built-in ladder", file=source,
                          hint=did_you_mean(source, builtin_names()) or
                          f"built-in ladders: {', '.join(builtin_names())}")
    raise SourceError(
        f"cannot tell what kind of file '{path.name}' is", file=source,
        hint="use .yaml/.toml/.json for ladders and company configs, "
        ".csv/.tsv/.xlsx for HR exports",
    )
