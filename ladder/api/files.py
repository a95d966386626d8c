"""Files in and out besides drawings: a career framework or an HR export turned into a file to
keep, the JSON Schemas, a built-in ladder's own file, a document read as text, and the one way
to write a file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ladder.api.loading import Note, read_export
from ladder.errors import LadderError, did_you_mean
from ladder.options import sort_options
from ladder.renderers.files import write_bytes
from ladder.sources.frameworks import FORMATS as FRAMEWORK_FORMATS
from ladder.text import plural

IMPORT_FORMATS = (*FRAMEWORK_FORMATS, "hr")  # what import_file reads: a framework's shape or hr


def import_file(source: str | Path, *, format: str | None = None, ladder: str | None = None,
                header: bool = True, strict: bool = False, on_note: Note | None = None,
                **export_options: Any) -> str:
    """A career framework as a ladder file, or an HR export as a company config: YAML text to
    edit and keep in git.

    ``format`` is one of :data:`IMPORT_FORMATS`: a framework's shape, or ``hr``, when
    detection from the content cannot tell. ``on_note`` hears what a framework held and each
    statement that could not be placed on a role (with ``strict``, those are an error). An HR
    export is read with ``export_options`` and its job titles matched to ``ladder``; the
    export option ``sheet`` picks a workbook's sheet for a wide framework too;
    ``header`` puts the comment lines that say where the config came from on top.

    >>> text = import_file("examples/hr/acme-export.csv", header=False)
    >>> text.splitlines()[0], "people:" in text
    ('company: acme-export', True)
    """
    from ladder.sources.formats import TABLE, family_of  # lazy: --help loads no sources
    from ladder.sources.frameworks import (  # lazy: --help loads no sources.frameworks
        import_framework,
        ladder_yaml,
    )
    from ladder.sources.frameworks.detect import framework_of  # lazy: --help loads no yaml

    framework = format if format != "hr" else None
    sheet = export_options.get("sheet")
    if format is None:
        framework = framework_of(Path(source), sheet=sheet)
        if framework is None and family_of(source) != TABLE:
            import_framework(source)  # says what was seen and which formats it reads
    if framework is not None:
        draft = import_framework(source, framework, sheet=sheet)
        if on_note:
            found = draft.counts()
            # a points framework says what it asks per area on a scale, on no role
            what = (f"{plural(found.statements, 'statement')} "
                    f"({plural(found.examples, 'example')}, {plural(found.options, 'option')})"
                    if found.statements or not found.milestones else
                    f"{plural(found.milestones, 'milestone')} on the areas' scales "
                    f"({plural(found.signals, 'signal')}, {plural(found.examples, 'example')}),"
                    " roles by points")
            on_note(f"read as {framework}: {plural(found.roles, 'role')} on "
                    f"{plural(found.tracks, 'track')}, {plural(found.areas, 'area')}, {what}")
            if draft.folder_note:
                on_note(draft.folder_note)
            for remark in draft.warnings:
                on_note(f"warning: {remark}")
            for text, line in draft.unplaced:
                on_note(f"{source}:{line or '?'}: not placed on a role: {text[:120]}")
        if strict and draft.unplaced:
            raise LadderError(f"{plural(len(draft.unplaced), 'statement')} could not be "
                              "placed on a role", hint="see the notes above; without option "
                              "'strict' they are listed and the import goes on")
        return ladder_yaml(draft, Path(source).name)
    from ladder.sources.hr.export_config import (  # lazy: --help loads no yaml
        config_text,
        imported_config_text,
    )

    options = sort_options({**export_options, "ladder": ladder}, kind="export").export
    result = read_export(source, options, on_note=on_note)
    return imported_config_text(result) if header else config_text(result.org)


def schema(kind: str = "company") -> dict[str, Any]:
    """The JSON Schema of a company config (``company``), a ladder file (``ladder``) or a
    ladder set (``ladder-set``).

    >>> schema("ladder")["type"], "people" in schema()["properties"]
    ('object', True)
    """
    from ladder.sources.schema import SCHEMAS  # lazy: --help loads no sources.schema

    if kind not in SCHEMAS:
        raise LadderError(f"no schema for {kind!r}", hint=did_you_mean(kind, SCHEMAS) or
                          f"choose one of: {', '.join(SCHEMAS)}")
    return SCHEMAS[kind]()


def builtin_source(name: str = "product") -> str:
    """The YAML file of a built-in ladder as shipped, comments and all: a start for your own.

    >>> builtin_source().startswith("#")
    True
    """
    from ladder.sources.ladders import builtin_text  # lazy: --help loads no yaml

    return builtin_text(name)


def builtin_ladders() -> list[str]:
    """The names of the ladders shipped with ladder (``source: product`` in a docs block).

    >>> "product" in builtin_ladders()
    True
    """
    from ladder.sources.ladders import builtin_names  # lazy: --help loads no yaml

    return builtin_names()


def input_size(path: str | Path) -> int:
    """The size of ``path`` when it is a regular file within the input limit, checked before
    any of it is read; else a SourceError (missing, a folder, a FIFO or device, too big).

    >>> input_size("/dev/zero")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ladder.errors.SourceError: /dev/zero: not a regular file ...
    """
    from ladder.sources.inputs import check_input  # lazy: --help loads no sources.inputs

    return check_input(Path(path))


def parse_document(text: str, name: str, format: str = "yaml") -> Any:
    """``text`` read as every config is (YAML by default; ``toml`` or ``json``): plain data,
    or a SourceError naming ``name`` and the line (alias bombs, deep nesting and tags refused).

    >>> parse_document("source: product\\nvariant: startup\\n", "page.md")
    {'source': 'product', 'variant': 'startup'}
    """
    from ladder.sources.document import parse_document as parse  # lazy: --help loads no yaml

    return parse(text, name, format)


def read_document(path: str | Path) -> Any:
    """A config or ladder file's plain data, read as the loaders read it (size limit, UTF-8,
    the checks of :func:`parse_document`): a file whose text has not changed since it was
    last read is not parsed again (a docs build reads the same data files block after
    block). Treat the result as read-only; a problem is a SourceError naming the file.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "team.yaml").write_text("people: [{id: a, name: Ann}]\\n")
    ...     read_document(Path(folder) / "team.yaml")
    {'people': [{'id': 'a', 'name': 'Ann'}]}
    """
    from ladder.sources.document import read_document as read  # lazy: --help loads no yaml

    return read(path)


def parse_mapping(text: str) -> dict[str, str]:
    """``id=COL,manager=COL,...`` (an HR export's columns by field) as a dict; a mistake is a
    LadderError saying which part.

    >>> parse_mapping("id=Emp No,manager=Boss")
    {'id': 'Emp No', 'manager': 'Boss'}
    """
    from ladder.sources.hr.columns import (
        parse_mapping as parse,  # lazy: --help loads no sources.hr.columns
    )

    return parse(text)


def write_file(path: str | Path, data: str | bytes | Iterable[str], *,
               folder: str | Path | None = None, follow_links: bool = False) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` atomically, creating folders: the one way
    ladder writes a file. Never through a symbolic link unless ``follow_links``; never over a
    FIFO or device; with ``folder``, ``path`` is a name that must stay inside it. The path
    written. ``data`` may be text in pieces (any iterable of strings), each written as it
    comes, so that a big document is never whole in memory.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_file(Path(folder) / "a" / "x.txt", "hello").read_text()
    'hello'
    """
    return write_bytes(path, data, folder=folder, follow_links=follow_links)
