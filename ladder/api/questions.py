"""Questions: org numbers, promotion paths, gaps, next roles, succession, diffs and
assessments, answered as typed records (their writers are in :mod:`ladder.renderers.results`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ladder.api.loading import Note, load_ladder, load_org, read_export
from ladder.errors import LadderError
from ladder.options import sort_options
from ladder.sources.detect import EXPORT, source_kind

# Each kind of source imports its own modules when it is drawn: a command-line run that
# charts a CSV should not pay for the ladder and config machinery (it is timed against dot).
if TYPE_CHECKING:
    from ladder.analysis.assess import Assessment
    from ladder.analysis.diff import OrgDiff
    from ladder.analysis.org_moves import NextMoves, Succession
    from ladder.analysis.paths import Endpoints, Gap, Paths
    from ladder.analysis.teams import OrgStats
    from ladder.model import Ladder, Org, VariantSpec


def stats(org: str | Path | Org, *, narrow: int = 2, wide: int = 10,
          on_note: Note | None = None, **export_options: Any) -> OrgStats:
    """The org's numbers: headcount, open positions, layers, each manager's team (the badges
    of the chart and the ``team`` of its layout JSON) and span of control, flagged when
    ``narrow`` or fewer direct reports, or more than ``wide``.

    ``org`` is an Org, a company config or an HR export (read with ``export_options``; its job
    titles are not matched to a ladder unless ``match_titles=True``).

    >>> numbers = stats("examples/startup.yaml")
    >>> numbers.headcount, numbers.open_positions, numbers.layers
    (7, 1, 3)
    >>> numbers.teams[numbers.top_level[0]].total == numbers.headcount - 1
    True
    """
    from ladder.analysis.teams import org_stats  # lazy: --help loads no analysis.teams
    from ladder.model import Org as OrgType  # lazy: --help loads no model

    if not isinstance(org, OrgType):
        export_options.setdefault("match_titles", False)  # counting needs no ladder levels
        org = load_org(org, on_note=on_note, **export_options)
    elif export_options:
        raise LadderError(f"option '{next(iter(export_options))}' reads a file; an Org is "
                          "read already", hint="leave it out, or pass the file")
    return org_stats(org, narrow=narrow, wide=wide)


def paths(start: str, goal: str, *, ladder: str | Path | Ladder | None = None,
          variant: str | None = None, headcount: int | None = None, head: str | None = None,
          via: Sequence[str] = (), avoid: Sequence[str] = (),
          on_note: Note | None = None) -> Paths:
    """Every promotion path from ``start`` to ``goal`` (roles by id, title or alias), quickest
    first; each has ``steps`` with the kind of move, typical years and competencies gained.

    >>> best = paths("Junior PM", "CPO")[0]
    >>> best.roles[0], best.roles[-1], best.years
    ('junior-product-manager', 'chief-product-officer', 12.0)
    """
    from ladder.analysis.paths import find_paths, no_path_error  # lazy: --help loads no networkx

    ends = endpoints(start, goal, ladder=ladder, variant=variant, headcount=headcount,
                     head=head, on_note=on_note)
    found = find_paths(ends.ladder, ends.start, ends.goal, via=via, avoid=avoid)
    if not found:
        raise no_path_error(ends.ladder, ends.start, ends.goal, avoid)
    if on_note and (remark := found.note()):
        on_note(remark)  # only the quickest of very many are listed
    return found


def gap(start: str, goal: str, *, ladder: str | Path | Ladder | None = None,
        variant: str | None = None, headcount: int | None = None, head: str | None = None,
        via: Sequence[str] = (), avoid: Sequence[str] = (),
        on_note: Note | None = None) -> Gap:
    """What it takes to get from ``start`` to ``goal``: the competencies to gain on the
    quickest path (or the quickest through ``via``), as :func:`paths` lists them; what the two
    share, and ``start``'s extras.

    >>> "sensitive to customers and users" in gap("Director of Product", "CPO").needed
    True
    >>> gap("Senior PM", "CPO").needed == tuple(
    ...     g for step in paths("Senior PM", "CPO")[0].steps for g in step.gained)
    True
    """
    from ladder.analysis.paths import competency_gap  # lazy: --help loads no networkx

    ends = endpoints(start, goal, ladder=ladder, variant=variant, headcount=headcount,
                     head=head, on_note=on_note)
    found = competency_gap(ends.ladder, ends.start, ends.goal, via=via, avoid=avoid)
    if found.path is None and on_note:
        on_note(f"no move links {ends.start.title} and {ends.goal.title} in the ladder: the "
                "two roles are compared as they stand")
    return found


def endpoints(start: str, goal: str, *, ladder: str | Path | Ladder | None = None,
              variant: str | None = None, headcount: int | None = None,
              head: str | None = None, on_note: Note | None = None) -> Endpoints:
    """The ladder a path question runs on (as its variant has it) and its two roles, found by
    the one title matcher; ``on_note`` hears how names were placed in the variant.

    >>> ends = endpoints("Senior PM", "CPO", variant="startup")
    >>> ends.start.id, ends.goal.id
    ('product-manager', 'chief-product-officer')
    """
    from ladder.analysis.paths import resolve_endpoints  # lazy: --help loads no networkx

    ends = resolve_endpoints(load_ladder(ladder), start, goal, variant=variant, head=head,
                             headcount=headcount)
    for remark in ends.notes:
        if on_note:
            on_note(remark)
    return ends


def next_roles(person: str, org: str | Path | Org, *,
               ladder: str | Path | Ladder | None = None, on_note: Note | None = None,
               **export_options: Any) -> NextMoves:
    """``person``'s role, the roles one move on, and who holds them or where they are open.

    ``org`` is an Org, a company config or an HR export (read with ``export_options``, its
    job titles matched to ``ladder``, by default the built-in product ladder).

    >>> [option.role.id for option in next_roles("liam", "examples/startup.yaml").options]
    ['head-of-product']
    """
    from ladder.analysis.org_moves import next_moves  # lazy: --help loads no networkx

    chart, roles = _org_ladder(org, ladder, person, on_note, export_options)
    return next_moves(chart, roles, chart_person(chart, person).id)


def succession(position: str, org: str | Path | Org, *,
               ladder: str | Path | Ladder | None = None, on_note: Note | None = None,
               **export_options: Any) -> Succession:
    """People one move below ``position``'s role, nearest to it in the org chart first
    (``org``, ``ladder`` and ``export_options`` as for :func:`next_roles`).

    >>> [c.person.id for c in succession("priya", "examples/startup.yaml").candidates][:2]
    ['liam', 'aiko']
    """
    from ladder.analysis.org_moves import succession as successors  # lazy: --help loads no networkx

    chart, roles = _org_ladder(org, ladder, position, on_note, export_options)
    return successors(chart, roles, chart_person(chart, position).id)


def variants(ladder: str | Path | Ladder | None = None) -> list[VariantSpec]:
    """The company-size variants of a ladder, ``full`` (every role) included when the ladder
    defines no such variant itself.

    >>> [variant.id for variant in variants()]
    ['startup', 'scale-up', 'enterprise']
    """
    from ladder.model.variants import (  # lazy: --help loads no model.variants
        find_variant,
        variant_ids,
    )

    chosen = load_ladder(ladder)
    return [find_variant(chosen, variant_id) for variant_id in variant_ids(chosen)]


def chart_person(org: Org, name: str) -> Any:
    """A person or position of ``org`` by id, else by name, in any case."""
    from ladder.analysis.people import find_person  # lazy: --help loads no org model

    return find_person(org, name)


def _org_ladder(org: str | Path | Org, ladder: Any, who: str, on_note: Note | None,
                export_options: dict[str, Any]) -> tuple[Org, Ladder]:
    """The org, and the ladder its roles refer to as its variant sees it (the full ladder
    when the person's role is one the variant drops)."""
    from ladder.model import Org as OrgType  # lazy: --help loads no model
    from ladder.model.variants import project  # lazy: --help loads no model.variants
    from ladder.sources.ladder_set import load_any_ladder  # lazy: --help loads no yaml

    export = not isinstance(org, OrgType) and source_kind(str(org)) == EXPORT
    if isinstance(org, OrgType):
        chart = org
    elif export and (ladder is None or isinstance(ladder, str | Path)):
        chart = load_org(org, on_note=on_note, ladder=None if ladder is None else str(ladder),
                         **export_options)
    elif export:  # a Ladder object: its roles are matched here
        from ladder.model.titles import assign_roles  # lazy: --help loads no model.titles

        chart = assign_roles(load_org(org, on_note=on_note, match_titles=False,
                                      **export_options), ladder.roles)
    else:
        # a config names its own ladder; export options are a mistake, said as for render
        sort_options({**export_options, "ladder": ladder}, kind="org")
        chart = load_org(org, on_note=on_note)
    if ladder is not None:
        full = load_ladder(ladder)
    else:
        folder = Path(chart.source).parent if chart.source else None
        full = load_any_ladder(chart.ladder, relative_to=folder)
    projected = project(full, chart.variant) if chart.variant else full
    person = chart_person(chart, who)
    if person.role and person.role not in projected.roles and person.role in full.roles:
        if on_note:
            on_note(f"{person.role} is not in the {projected.variant} variant; "
                    "using the full ladder")
        return chart, full
    return chart, projected


def diff(old: str | Path | Org, new: str | Path | Org | None = None, *,
         snapshots: Sequence[str] = (), junior: Sequence[str | Path | None] = (),
         on_note: Note | None = None, **export_options: Any) -> OrgDiff:
    """What changed from ``old`` to ``new``: who joined, left, moved or changed, and spans.

    ``old`` and ``new`` are Orgs, company configs or HR exports; or give one file of several
    snapshots and two ``snapshots`` (old, then new). ``junior`` gives a UK organogram's
    junior-staff file per export, ``old``'s first; other ``export_options`` apply to both.

    >>> changes = diff("examples/startup.yaml", "examples/scale-up.yaml")
    >>> len(changes.joined) > 40, changes.counts()["left"] > 0
    (True, True)
    """
    from ladder.analysis.diff import diff_orgs  # lazy: --help loads no csv
    from ladder.model import Org as OrgType  # lazy: --help loads no model

    sources, picked = _diff_sources(old, new, snapshots)
    if len(junior) > 2 or (len(junior) == 2 and new is None):
        raise LadderError("option 'junior': give one junior-staff file per export, old's first",
                          hint=f"{len(sources)} export(s), {len(junior)} junior files")
    juniors = [*junior, None, None][:2]
    if new is None:
        juniors[1] = juniors[0]
    orgs, labels = [], []
    for source, snapshot, junior_file in zip(sources, picked, juniors, strict=True):
        if isinstance(source, OrgType):
            orgs.append(source)
            labels.append(source.name)
            continue
        given = {**export_options, "junior": junior_file, "snapshot": snapshot}
        given = {k: v for k, v in given.items() if v}
        if source_kind(str(source)) != EXPORT:
            orgs.append(load_org(source, on_note=on_note, match_titles=False, **given))
            labels.append(Path(source).name)
            continue
        # the snapshot as the file names it, whatever spelling picked it ('2015-03' -> 'Mar-15')
        result = read_export(source, sort_options(given, kind="export").export,
                             on_note=on_note, match_titles=False)
        orgs.append(result.org)
        labels.append(result.snapshot or Path(source).name)
    if new is None and labels[0] == labels[1]:
        raise LadderError(f"--snapshot {snapshots[0]} and --snapshot {snapshots[1]} both name "
                          f"snapshot {labels[0]}: nothing to compare", file=str(old),
                          hint="give the older snapshot first, then the newer one")
    return diff_orgs(orgs[0], orgs[1], old_label=labels[0], new_label=labels[1])


def _diff_sources(old: Any, new: Any, snapshots: Sequence[str]) -> tuple[list, list]:
    """The two sources and the snapshot of each (None: the file's only or latest one)."""
    if new is None:
        if len(snapshots) != 2:
            raise LadderError("one file needs two snapshots to compare (old, then new)",
                              file=str(old), hint="or give two files: old and new")
        if snapshots[0] == snapshots[1]:
            raise LadderError(f"snapshot {snapshots[0]} is given twice: nothing to compare",
                              file=str(old))
        return [old, old], list(snapshots)
    if len(snapshots) not in (0, 2):
        raise LadderError("with an old and a new file, give a snapshot for each or none",
                          hint="e.g. snapshots=('Mar-11', 'Sep-11')")
    return [old, new], list(snapshots) if snapshots else [None, None]


def assess(assessment: str | Path, *, target: str | None = None) -> Assessment:
    """Which role or title a self-assessment meets, and per area what the role aimed for (the
    next one up, unless ``target`` or the file's ``target:`` names one) asks.

    ``assessment`` is a YAML file with ``person``, ``ladder``, ``target`` and ``ratings``
    (see docs/frameworks.md; ``ladder schema assessment`` prints its schema).

    >>> result = assess("examples/frameworks/sam.yaml")
    >>> result.person, bool(result.title)
    ('Sam', True)
    >>> found = assess("examples/frameworks/sam.yaml", target="staff platform engineer")
    >>> found.target.title, found.next_points
    ('Staff Platform Engineer', 26)
    """
    from ladder.analysis.assess import load_assessment  # lazy: --help loads no networkx

    return load_assessment(assessment, target=target)
