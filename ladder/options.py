"""The options of a drawing, one typed object per kind, named as the CLI's flags without dashes.

The API takes options as one of these objects, as keyword arguments
(``ladder.draw(org, root="omar", depth=2)``), or both (the keywords win over the object's
fields), and sorts them into an :class:`Options` once, so a misspelt or misplaced option is a
clear error instead of being ignored. Messages name options as ``option 'align_levels'``; the
command line shows the same message with the flag (``--align-levels``), see :func:`as_flags`.

>>> sort_options({"variant": "startup", "detail": True}, kind="ladder").ladder.variant
'startup'
>>> sort_options({"root": "omar"}, kind="ladder")
Traceback (most recent call last):
...
ladder.errors.LadderError: option 'root' applies to org charts, not to ladders
>>> sort_options({"colums": 3}, kind="org")
Traceback (most recent call last):
...
ladder.errors.LadderError: unknown option 'colums' (did you mean 'columns'?)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from ladder.choices import MODES, THEMES, VIEWS
from ladder.errors import LadderError, did_you_mean
from ladder.renderers.files import formats_for

# What each choice may be: the same tuples the command line offers (see ladder.choices).
OUTPUT_FORMATS = formats_for()  # names from the one table of output formats
__all__ = ["MODES", "OUTPUT_FORMATS", "THEMES", "VIEWS", "ExportOptions", "LadderOptions",
           "Options", "OrgOptions", "as_keywords", "sort_options"]


@dataclass(frozen=True, kw_only=True)
class LadderOptions:
    """How to draw a career ladder."""

    variant: str | None = None  # a company-size variant, e.g. "startup"
    headcount: int | None = None  # ... or the variant that fits a company of this size
    head: str | None = None  # the single head a variant has (e.g. "cpo")
    detail: bool = False  # list each role's competencies on its card
    years: bool = True  # label moves with typical years
    highlight: str | None = None  # "FROM..TO": emphasise the quickest path
    via: tuple[str, ...] = ()  # with highlight: paths through these roles, in order
    avoid: tuple[str, ...] = ()  # with highlight: paths that keep off these roles or tracks
    view: str = "graph"  # "graph" of roles and moves, or "matrix" of levels by areas
    role: str | None = None  # matrix: highlight this role's column
    level: int | None = None  # matrix: highlight the columns of this level
    compare: tuple[str, ...] = ()  # matrix: only what changes from one role to another
    examples: bool = False  # matrix: the statements' examples and signals too
    track: tuple[str, ...] = ()  # matrix: only the columns of these tracks (ids or names)
    area: tuple[str, ...] = ()  # matrix: only the rows of these areas (ids or names)
    paper: str | None = None  # matrix as PDF: pages of this paper size, headers on each
    landscape: bool = False  # with paper: the sheets turned

    def check(self) -> None:
        if self.view not in VIEWS:
            raise LadderError(f"option 'view' cannot be {self.view!r}",
                              hint=f"choose one of: {', '.join(VIEWS)}")
        matrix_only = [name for name, value in (("role", self.role), ("level", self.level),
                                                ("compare", self.compare),
                                                ("examples", self.examples),
                                                ("track", self.track), ("area", self.area),
                                                ("paper", self.paper))
                       if value not in (None, (), False)]
        if matrix_only and self.view != "matrix":
            raise LadderError(f"{name_options(matrix_only)} "
                              f"{'fits' if len(matrix_only) == 1 else 'fit'} the matrix view",
                              hint="add option 'view' matrix")
        if self.compare and len(self.compare) != 2:
            raise LadderError("option 'compare' takes two roles, e.g. compare=('pm', 'cpo')")
        graph_only = [name for name, value in (("detail", self.detail),
                                               ("years", not self.years),
                                               ("highlight", self.highlight), ("via", self.via),
                                               ("avoid", self.avoid)) if value]
        if graph_only and self.view == "matrix":
            raise LadderError(f"{name_options(graph_only)} "
                              f"{'fits' if len(graph_only) == 1 else 'fit'} the graph view",
                              hint="leave out option 'view', or use compare with the matrix")
        if self.landscape and not self.paper:
            raise LadderError("option 'landscape' turns the sheets of a printed matrix",
                              hint="add --paper a4 (or letter, a3, ...)")
        if self.variant and self.headcount:
            raise LadderError("give option 'variant' or option 'headcount', not both")
        if self.headcount is not None and self.headcount < 1:
            raise LadderError(f"option 'headcount' must be 1 or more, not {self.headcount}")
        if (self.via or self.avoid) and not self.highlight:
            raise LadderError("options 'via' and 'avoid' choose among the paths of option "
                              "'highlight'",
                              hint="add option 'highlight' FROM..TO, or use paths()")


@dataclass(frozen=True, kw_only=True)
class OrgOptions:
    """How to draw an org chart."""

    root: str | None = None  # only this person's part of the org
    depth: int | None = None  # this many levels (1 = the top alone)
    align_levels: bool = False  # rows by ladder level instead of by reporting depth
    mode: str = "auto"  # auto, tree, compact or stacked (see the README)
    columns: int = 2  # columns of stacked leaf reports
    split: str | None = None  # "department" or "depth:N": an overview plus pages
    scale: float = 1.0  # PNG pixels per chart pixel (0.5: a quarter of the pixels)
    paper: str | None = None  # PDF: a book of pages of this paper size (a4, letter, ...)
    landscape: bool = False  # with paper: the sheets turned

    def check(self) -> None:
        if self.mode not in MODES:
            raise LadderError(f"option 'mode' cannot be {self.mode!r}",
                              hint=did_you_mean(self.mode, MODES) or
                              f"choose one of: {', '.join(MODES)}")
        if self.columns < 1:
            raise LadderError(f"option 'columns' must be 1 or more, not {self.columns}")
        if not self.scale > 0:
            raise LadderError(f"option 'scale' must be more than 0, not {self.scale:g}")
        if self.depth is not None and self.depth < 1:
            raise LadderError(f"option 'depth' must be 1 or more, not {self.depth}")
        if self.paper and self.split:
            raise LadderError("options 'paper' and 'split' both cut the chart into pages",
                              hint="choose one: --paper makes one PDF book, --split a file "
                                   "per page")
        if self.landscape and not self.paper:
            raise LadderError("option 'landscape' turns the sheets of a book",
                              hint="add --paper a4 (or letter, a3, ...)")


@dataclass(frozen=True, kw_only=True)
class ExportOptions:
    """How to read an HR export (CSV, TSV, XLSX)."""

    preset: str | None = None  # a known export format, e.g. "uk-organogram"
    junior: str | Path | None = None  # with the UK preset: the junior-staff file
    mapping: str | Mapping[str, str] | None = None  # "id=Emp No,manager=Boss" or a dict
    fix: tuple[str, ...] = ()  # "case", "space": link managers found only ignoring those
    report: str | Path | None = None  # write the row accounting as JSON here
    ladder: str | None = None  # the ladder whose roles job titles are matched to
    snapshot: str | None = None  # a file of several snapshots: which one (default: latest)
    sheet: str | None = None  # a workbook's sheet, by name or number (default: first with data)


@dataclass(frozen=True, kw_only=True)
class Options:
    """Everything a drawing can be asked for, sorted by what it applies to."""

    title: str | None = None  # the title drawn at the top (default: from the source)
    theme: str = "light"  # SVG and HTML colours: light, dark, or auto (the reader's setting)
    transparent: bool = False  # SVG and HTML: no page background, the page's own shows
    ladder: LadderOptions = field(default_factory=LadderOptions)
    org: OrgOptions = field(default_factory=OrgOptions)
    export: ExportOptions = field(default_factory=ExportOptions)


_GROUPS = {"ladder": LadderOptions, "org": OrgOptions, "export": ExportOptions}
_OWNER = {f.name: group for group, kind in _GROUPS.items() for f in fields(kind)}
# paper and landscape print a ladder's matrix and an org chart alike: they go to the group of
# the drawing asked for (the table above names the org's, which also takes HR exports)
_SHARED = {"paper", "landscape"}
_OWNER["ladder_source"] = "export"  # the CLI's name for the export's ladder
_TUPLES = {"via", "avoid", "fix", "compare", "track", "area"}
_APPLIES = {"ladder": "ladders", "org": "org charts", "export": "HR exports"}
_HINTS = {
    "ladder": "a company config names its ladder in 'ladder:'",
    "variant": "a company config names its ladder variant in 'variant:'",
    "fix": "a company config names each manager by its exact id: correct the id in the file",
}


def sort_options(given: Mapping[str, Any], *, kind: str) -> Options:
    """Sort keyword options into an :class:`Options` for a drawing of ``kind``.

    ``kind`` is ``"ladder"``, ``"org"`` (a company config) or ``"export"`` (an HR export,
    which takes org and export options). Options left at their default are never a mistake,
    so a script can pass the same dictionary for every kind of source.
    """
    allowed = {"ladder": {"ladder"}, "org": {"org"}, "export": {"org", "export"}}[kind]
    values: dict[str, dict[str, Any]] = {group: {} for group in _GROUPS}
    misplaced: dict[str, list[str]] = {}
    title = None
    look: dict[str, Any] = {}  # theme and transparent: how any drawing looks
    for name, value in given.items():
        if name == "title":
            title = value
            continue
        if name in ("theme", "transparent"):
            if value is not None:
                look[name] = value
            continue
        group = "ladder" if name in _SHARED and kind == "ladder" else _OWNER.get(name)
        if group is None:
            raise LadderError(f"unknown option {name!r}",
                              hint=did_you_mean(name, [*_OWNER, "title", "theme", "transparent"]))
        if name == "ladder_source":
            name = "ladder"
        if name in _TUPLES:
            value = _as_tuple(value)
        default = next(f for f in fields(_GROUPS[group]) if f.name == name).default
        if group not in allowed:
            if not (value == default or value is None or value == ()):
                misplaced.setdefault(group, []).append(name)
            continue
        values[group][name] = value
    for group, names in misplaced.items():
        drawn = ("ladders" if kind == "ladder" else
                 "company configs" if group == "export" else "org charts")
        hint = _HINTS.get(names[0]) if len(names) == 1 else None
        if hint is None and group == "export":
            hint = f"{'it tells' if len(names) == 1 else 'they tell'} how to read a CSV, TSV " \
                   "or XLSX export"
        verb = "applies" if len(names) == 1 else "apply"
        raise LadderError(f"{name_options(names)} {verb} to {_APPLIES[group]}, not to {drawn}",
                          hint=hint)
    if "theme" in look:
        from ladder.renderers.theme import check_theme  # lazy: --help loads no hashlib

        check_theme(look["theme"])
    options = Options(title=title, **look, **{group: _GROUPS[group](**vals)
                                      for group, vals in values.items()})
    options.ladder.check()
    options.org.check()
    return options


OptionsObject = Options | LadderOptions | OrgOptions | ExportOptions


def as_keywords(options: OptionsObject | None) -> dict[str, Any]:
    """The options an object sets (its fields away from their defaults) as keyword arguments.

    The API merges them with the keywords of the call (which win) and sorts the result with
    :func:`sort_options`, so an object and keywords are checked by the same rules.

    >>> as_keywords(OrgOptions(depth=2))
    {'depth': 2}
    >>> as_keywords(Options(title="Team", org=OrgOptions(mode="tree")))
    {'title': 'Team', 'mode': 'tree'}
    >>> as_keywords({"depth": 2})
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: options should be an Options, LadderOptions, OrgOptions or \
ExportOptions, not dict (keyword options go as keywords: depth=2)
    """
    if options is None:
        return {}
    if not isinstance(options, Options | LadderOptions | OrgOptions | ExportOptions):
        raise LadderError(f"options should be an Options, LadderOptions, OrgOptions or "
                          f"ExportOptions, not {type(options).__name__}",
                          hint="keyword options go as keywords: depth=2")
    if isinstance(options, Options):
        found = {name: getattr(options, name) for name in ("title", "theme", "transparent")
                 if getattr(options, name) != _DEFAULTS[name]}
        for group in (options.ladder, options.org, options.export):
            found.update(as_keywords(group))
        return found
    # every field of the three groups has a plain default (no factory)
    return {f.name: getattr(options, f.name) for f in fields(options)
            if getattr(options, f.name) != f.default}


_DEFAULTS = {f.name: f.default for f in fields(Options) if f.default is not MISSING}


def _as_tuple(value: Any) -> tuple[str, ...]:
    """``"a,b"``, ``["a", "b"]`` or None as a tuple of non-empty strings."""
    if value is None:
        return ()
    if isinstance(value, str):
        items: Sequence[Any] = value.split(",")
    elif isinstance(value, list | tuple):
        items = value
    else:
        raise LadderError(f"expected a list of names, not {value!r}")
    return tuple(text for item in items if (text := str(item).strip()))


_FLAG = {"mapping": "map", "years": "no-years", "ladder_source": "ladder"}


def name_options(names: Sequence[str]) -> str:
    """``option 'a'``, ``options 'a' and 'b'``, ``options 'a', 'b' and 'c'``.

    >>> name_options(["mapping", "snapshot"])
    "options 'mapping' and 'snapshot'"
    """
    quoted = [f"'{name}'" for name in names]
    if len(quoted) == 1:
        return f"option {quoted[0]}"
    return f"options {', '.join(quoted[:-1])} and {quoted[-1]}"


def as_flags(message: str) -> str:
    """A message about options as the command line says it: with flags.

    >>> as_flags("option 'align_levels' applies to org charts, not to ladders")
    '--align-levels applies to org charts, not to ladders'
    >>> as_flags("options 'via' and 'avoid' choose among the paths of option 'highlight'")
    '--via and --avoid choose among the paths of --highlight'
    >>> as_flags("options 'mapping', 'fix' and 'snapshot' apply to HR exports")
    '--map, --fix and --snapshot apply to HR exports'
    """
    def flag(name: str) -> str:
        return "--" + _FLAG.get(name, name).replace("_", "-")

    def swap(match: re.Match[str]) -> str:
        return re.sub(r"'([a-z_]+)'", lambda m: flag(m.group(1)), match.group(1))

    return _OPTION_LIST.sub(swap, message)


# "option 'a'" or "options 'a', 'b' and 'c'": the phrases the API uses for its options
_OPTION_LIST = re.compile(r"\boptions? ('[a-z_]+'(?:(?:, | and )'[a-z_]+')*)")
