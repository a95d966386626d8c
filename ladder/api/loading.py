"""Loading and checking: a path, a built-in name or text in, a model (Ladder or Org) or its
problems out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ladder.errors import LadderError, Problem, SourceError, did_you_mean, summarised
from ladder.options import ExportOptions, as_keywords, sort_options
from ladder.renderers.files import write_bytes
from ladder.sources.detect import COMPANY, EXPORT, LADDER, source_kind
from ladder.sources.formats import INPUT_FORMATS, TABLE, TEXT_FORMATS
from ladder.text import plural

# Each kind of source imports its own modules when it is drawn: a command-line run that
# charts a CSV should not pay for the ladder and config machinery (it is timed against dot).
if TYPE_CHECKING:
    from ladder.model import Ladder, Org
    from ladder.sources.hr import ImportResult

Note = Callable[[str], None]  # where a remark goes: the CLI prints it on stderr



def load(source: str | Path | None = None, *, text: str | None = None,
         format: str | None = None, on_note: Note | None = None,
         **export_options: Any) -> Ladder | Org:
    """A :class:`~ladder.model.Ladder` or an :class:`~ladder.model.Org` from a source.

    ``source`` is a built-in ladder name (``"product"``; None is the built-in product ladder),
    a ladder or ladder-set file, a company config, or an HR export (CSV, TSV, XLSX). With
    ``text``, the document is that text instead of a file: ``format`` says what it is written
    in (``yaml``, the default, ``toml``, ``json``, ``csv`` or ``tsv``) and ``source``, if given,
    is only the name used in messages and the folder a ladder path in it is resolved against.
    ``export_options`` (``preset``, ``junior``, ``mapping``, ``fix``, ``report``, ``ladder``,
    ``snapshot``) say how to read an HR export; ``on_note`` receives remarks such as its row
    accounting.

    >>> load("product").roles["product-manager"].title
    'Product Manager'
    >>> load("prodcut")
    Traceback (most recent call last):
    ...
    ladder.errors.SourceError: prodcut: no such file or built-in ladder (did you mean 'product'?)
    """
    options = sort_options(export_options, kind="export").export
    if text is not None:
        return _load_text(text, format, name=None if source is None else str(source),
                          on_note=on_note, on_problem=_warnings_to(on_note), export=options)
    if format is not None:
        raise LadderError("option 'format' says what 'text' is written in; a file is read "
                          "by its suffix", hint="leave out format, or pass the document as text")
    name = None if source is None else str(source)
    kind = source_kind(name)
    if kind == LADDER:
        sort_options(export_options, kind="ladder")  # export options are a mistake here
        from ladder.sources.builtin import builtin_names  # lazy: --help loads no model

        # a built-in ladder's warnings are known and documented: validate shows them
        shipped = name is None or name in builtin_names()
        return load_ladder(name, on_warning=None if shipped else _warnings_to(on_note))
    assert name is not None  # no source is the built-in ladder, read above
    if kind == COMPANY:
        sort_options(export_options, kind="org")  # ... and here
        from ladder.sources.company import load_company  # lazy: --help loads no yaml

        return load_company(name, on_warning=_warnings_to(on_note))
    return read_export(name, options, on_note=on_note).org


def _load_text(text: str, format: str | None, *, name: str | None, on_note: Note | None,
               on_problem: Callable[[Problem], None] | None,
               export: ExportOptions) -> Ladder | Org:
    """:func:`load` of a document given as text; warnings go to ``on_problem``."""
    kind = (format or "yaml").lower()
    if kind not in TEXT_FORMATS:
        raise LadderError(f"cannot read text written in {kind!r}",
                          hint=did_you_mean(kind, TEXT_FORMATS) or
                          f"choose one of: {', '.join(TEXT_FORMATS)}")
    shown = name or f"<{kind} text>"
    folder = Path(name).parent if name else Path(".")
    if INPUT_FORMATS[kind].family == TABLE:
        return read_export(shown, export, text=text, on_note=on_note).org
    sort_options(as_keywords(export), kind="org")  # export options are a mistake here
    from ladder.sources.document import parse_document  # lazy: --help loads no yaml

    data = parse_document(text, shown, kind)
    if isinstance(data, dict) and ("people" in data or "company" in data):
        from ladder.sources.company import check_company_data  # lazy: --help loads no yaml

        org, problems = check_company_data(data, shown, folder=folder)
        _raise_errors(problems)
        for problem in problems:
            if problem.severity == "warning" and on_problem:
                on_problem(problem)
        assert org is not None  # built: _raise_errors raised on any error
        return org
    from ladder.sources.ladder_set import (  # lazy: --help loads no yaml
        is_ladder_set,
        parse_ladder_set,
    )
    from ladder.sources.ladders import parse_ladder  # lazy: --help loads no yaml

    if is_ladder_set(data):
        return parse_ladder_set(data, shown, folder=folder)
    return parse_ladder(data, shown, on_warning=on_problem)


def _raise_errors(problems: Sequence[Problem]) -> None:
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        first = errors[0]
        raise SourceError(first.message, file=first.file, line=first.line, hint=first.hint,
                          problems=list(problems))


def _warnings_to(on_note: Note | None) -> Callable[[Problem], None] | None:
    return None if on_note is None else (lambda problem: on_note(str(problem)))


def import_export(
    source: str | Path,
    *,
    text: str | None = None,
    preset: str | None = None,
    junior: str | Path | None = None,
    mapping: Any = None,
    fix: str | Sequence[str] = (),
    ladder: str | None = None,
    report: str | Path | None = None,
    snapshot: str | None = None,
    sheet: str | None = None,
    on_note: Note | None = None,
    match_titles: bool = True,
) -> ImportResult:
    """Read an HR export, match its job titles to the ladder's roles, account for every row.

    ``report`` writes the row accounting as JSON; ``on_note`` receives the one-line summary
    and the job titles no ladder role matched, most frequent first. ``match_titles=False``
    skips matching (a plain chart needs no ladder levels).

    >>> result = import_export("x.csv", text="id,manager,name,title\\n1,,Ada,CPO\\n"
    ...                        "2,1,Bo,Sr. Product Manager\\n2,1,Bo,Sr. Product Manager\\n")
    >>> result.summary()
    '3 rows: 2 drawn, 1 problem (1 duplicate row)'
    >>> [person.role for person in result.org]
    ['chief-product-officer', 'senior-product-manager']
    """
    options = sort_options({"preset": preset, "junior": junior, "mapping": mapping, "fix": fix,
                            "ladder": ladder, "report": report, "snapshot": snapshot,
                            "sheet": sheet},
                           kind="export").export
    return read_export(source, options, text=text, on_note=on_note, match_titles=match_titles)


def read_export(source: str | Path, options: ExportOptions, *, text: str | None = None,
                on_note: Note | None = None, match_titles: bool = True) -> ImportResult:
    """:func:`import_export` with its options already sorted into an ExportOptions."""
    from ladder.sources.hr import load_export  # lazy: --help loads no sources.hr

    result = load_export(source, text=text, preset=options.preset, junior=options.junior,
                         mapping=options.mapping, fix=options.fix, snapshot=options.snapshot,
                         sheet=options.sheet)
    if options.report is not None:
        import json

        # the one way to write a file: atomic, never through a link or into a FIFO
        write_bytes(Path(options.report),
                    json.dumps(result.report(), indent=2, ensure_ascii=False) + "\n")
    if on_note:
        on_note(result.summary())
        for remark in result.notes:
            on_note(remark)
        if result.columns and not {"name", "first_name", "last_name"} & set(result.columns):
            headers = ", ".join(result.columns.values())
            on_note(f"no name column among the ones read ({headers}): cards show each row's "
                    "email, else its title with 'name not published'; name it with option "
                    "'mapping' name=COLUMN")
    if not match_titles:
        return result
    from ladder.model.titles import (  # lazy: --help loads no model.titles
        assign_roles,
        unmatched_titles,
    )
    from ladder.sources.ladder_set import load_any_ladder  # lazy: --help loads no yaml

    roles = load_any_ladder(options.ladder).roles
    result.org = assign_roles(result.org, roles)
    if options.ladder is not None:
        result.org.ladder = options.ladder
    if on_note and options.ladder is not None:  # only about a ladder the user asked for
        unmatched = unmatched_titles(result.org, roles)
        if unmatched:
            from ladder.escape import clip  # lazy: --help loads no escape

            shown = summarised([f"{clip(title, 60)} ({count})" for title, count in unmatched],
                               shown=8)
            count = len(unmatched)
            on_note(f"{plural(count, 'job title')} not in the ladder, so "
                    f"{'its' if count == 1 else 'their'} people have no ladder level: "
                    f"{shown}")
    return result


def load_org(source: str | Path, *, on_note: Note | None = None, match_titles: bool = True,
             **export_options: Any) -> Org:
    """An org from a company config or an HR export; a ladder is an error.

    ``match_titles=False`` leaves an export's job titles unmatched to ladder roles (a chart or
    a count needs no ladder levels).

    >>> load_org("product")
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: 'product' is a ladder, not an org chart (org charts come from \
a company config (people:) or an HR export)
    """
    kind = source_kind(str(source))
    if kind == LADDER:
        raise LadderError(f"'{source}' is a ladder, not an org chart",
                          hint="org charts come from a company config (people:) or an HR export")
    if kind == EXPORT:
        options = sort_options(export_options, kind="export").export
        return read_export(source, options, on_note=on_note, match_titles=match_titles).org
    from ladder.model.org import Org  # lazy: a ladder is read without the org model

    org = load(source, on_note=on_note, **export_options)
    assert isinstance(org, Org)  # a company config: told from a ladder above
    return org


def load_ladder(source: str | Path | Ladder | None = None, *,
                on_warning: Callable[[Problem], None] | None = None) -> Ladder:
    """A ladder (a built-in name, a ladder or ladder-set file, or a Ladder as it is);
    ``on_warning`` receives what is odd but not wrong, such as an alias that is another
    role's title.

    >>> load_ladder().id
    'product'
    """
    from ladder.model import Ladder  # lazy: --help loads no model

    if isinstance(source, Ladder):
        return source
    from ladder.sources.builtin import checked_builtin  # lazy: --help loads no model

    name = None if source is None else str(source)
    checked = checked_builtin(name, on_warning)  # a built-in one: no YAML read, no checks
    if checked is not None:
        return checked
    from ladder.sources.ladder_set import load_any_ladder  # lazy: --help loads no yaml

    return load_any_ladder(name, on_warning=on_warning)


def ladder_for(source: str | Path | Ladder | None = None, *, variant: str | None = None,
               headcount: int | None = None, head: str | None = None) -> Ladder:
    """A ladder as one company-size variant sees it (none given: the whole ladder).

    >>> [role.title for role in ladder_for(variant="startup")]
    ['Product Manager', 'Head of Product']
    """
    from ladder.model.variants import pick_variant, project  # lazy: --help loads no model.variants

    ladder = load_ladder(source)
    if variant and headcount:
        raise LadderError("give option 'variant' or option 'headcount', not both")
    if headcount:
        variant = pick_variant(ladder, headcount).id
    if head and not variant:
        variant = next((v.id for v in ladder.variants.values() if v.head_choices), None)
    return project(ladder, variant, head=head) if variant else ladder




def validate(source: str | Path | None = None, *, text: str | None = None,
             format: str | None = None, **export_options: Any) -> list[Problem]:
    """Every problem of a ladder, company config or HR export: errors, warnings and notes.

    Nothing is raised for a problem in the source itself: each comes back as a
    :class:`~ladder.errors.Problem` with its file and line. An HR export's problems are
    warnings (its chart is drawn anyway, every row accounted for).

    >>> [(p.severity, p.kind) for p in validate("examples/ladders/ft-engineering.yaml")]
    []
    >>> [p.kind for p in validate(text="people: [{id: a, name: Ada, manager: b}]")]
    ['unknown-manager']
    """
    name = None if source is None else str(source)
    kind = source_kind(name) if text is None else None
    if kind == COMPANY:
        from ladder.sources.company import check_company  # lazy: --help loads no yaml

        assert name is not None  # a company config is a file
        return check_company(name)[1]
    try:
        if kind == EXPORT:
            assert name is not None  # an export is a file
            return import_export(name, match_titles=False,
                                 **export_options).located_problems()  # FILE:LINE:
        warnings: list[Problem] = []
        if text is not None:
            options = sort_options(export_options, kind="export").export
            thing = _load_text(text, format, name=name, on_note=None,
                               on_problem=warnings.append, export=options)
        else:
            thing = load_ladder(name, on_warning=warnings.append)
    except SourceError as error:
        if error.problems:
            return list(error.problems)
        return [Problem("error", "unreadable", error.message, file=error.file, line=error.line,
                        hint=error.hint)]
    from ladder.model import Ladder  # lazy: --help loads no model

    if not isinstance(thing, Ladder):
        return warnings
    return warnings + _ladder_problems(thing)


def _ladder_problems(ladder: Ladder) -> list[Problem]:
    """Problems only a projection shows: a variant whose roles do not join up."""
    from ladder.model.variants import project, variant_ids  # lazy: --help loads no model.variants

    problems = []
    for variant_id in variant_ids(ladder):
        try:
            project(ladder, variant_id)
        except LadderError as error:
            problems.append(Problem("error", "variant", error.message, file=error.file,
                                    line=error.line, hint=error.hint))
    return problems
