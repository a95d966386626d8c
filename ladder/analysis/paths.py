"""Promotion paths: from one role to another, how long it usually takes, what must be learnt.

Every function here is pure: ladders in, typed records out (their writers are in
:mod:`ladder.renderers.results.paths`).

>>> from ladder.sources.ladders import read_ladder
>>> product = read_ladder("product")
>>> start, goal = resolve_role(product, "Junior PM"), resolve_role(product, "cpo")
>>> [(p.years, len(p.steps)) for p in find_paths(product, start, goal)]
[(12.0, 5), (13.0, 6)]
>>> find_paths(product, start, goal)[0].steps[-1].gained[1:3]
('understanding and interpreting data', 'strategic product vision')
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, overload

from ladder.analysis.expectations import (
    AreaChange,
    area_changes,
    has_expectations,
    move_gains,
    required,
    to_gain,
    with_lower,
)
from ladder.errors import LadderError, did_you_mean
from ladder.model.ladder import Competency, Ladder, Role, Statement, Track
from ladder.model.titles import TitleMatcher, resolve_role
from ladder.model.variants import find_variant, pick_variant, project
from ladder.text import Years

# --------------------------------------------------------------------------- naming roles


def _norm(text: str) -> str:
    """Compare competency and track names without case, extra spaces, or hyphens."""
    return " ".join(str(text).replace("-", " ").replace("_", " ").split()).casefold()


def _local(track_id: str) -> str:
    """The part of a combined ladder's id after its ladder (``engineering:ic`` -> ``ic``)."""
    return track_id.rpartition(":")[2]


def _tracks_named(ladder: Ladder, name: str) -> list[Track]:
    wanted = _norm(name)
    return [t for t in ladder.tracks.values()
            if wanted in (_norm(t.id), _norm(_local(t.id)), _norm(t.name))]


def avoided_roles(ladder: Ladder, avoid: Iterable[str]) -> set[str]:
    """Role ids to keep off: each name is a track (id or name) or a role (id, title, alias).

    A track name matches in every ladder of a combined ladder, so ``management`` avoids the
    management track of each.

    >>> from ladder.sources.ladders import read_ladder
    >>> sorted(avoided_roles(read_ladder("product"), ["management"]))
    ['chief-product-officer', 'director-of-product', 'head-of-product']
    """
    found: set[str] = set()
    for name in avoid:
        tracks = _tracks_named(ladder, name)
        if tracks:
            ids = {t.id for t in tracks}
            found.update(r.id for r in ladder if r.track in ids)
            continue
        matcher = TitleMatcher(ladder)
        match = matcher.find(name)
        if match.role is None and not match.candidates:
            # ids last: did_you_mean keeps the last of names that differ only in case
            choices = [*matcher.suggestions(), *(t.name for t in ladder.tracks.values()),
                       *ladder.tracks]
            raise LadderError(
                f"cannot avoid '{name}': it is neither a track nor a role of ladder "
                f"'{ladder.id}'", file=ladder.file,
                hint=did_you_mean(name, choices) or f"tracks: {', '.join(ladder.tracks)}",
            )
        role = matcher.place(name).role
        assert role is not None  # place raises when the name names no single role
        found.add(role.id)
    return found


# --------------------------------------------------------------------------- paths

# Ladders are small, but lateral moves both ways between two tracks multiply simple paths, and
# a dense lattice of moves has exponentially many: past this many, the paths are not all
# listed but the quickest ones are found lazily (Yen's algorithm), and a note says so.
MAX_PATHS = 10_000
QUICKEST = 20  # paths given when there are more than MAX_PATHS
UNKNOWN_YEARS = 1_000.0  # the weight of a move with no typical years: after every known one


@dataclass(frozen=True)
class Step:
    """One move on a path, and the competencies the next role needs that this one does not list;
    on a ladder with areas, also what changes per area (new or raised statements)."""

    source: str
    target: str
    kind: str
    years: float | None
    gained: tuple[str, ...] = ()
    years_range: tuple[float, float] | None = None  # "2-3 years": years is its middle
    areas: tuple[AreaChange, ...] = ()  # per area, what is new or raised at this move

    @property
    def typical_years(self) -> Years:
        return self.years_range or self.years

    @property
    def added(self) -> int:
        """How many statements this move adds, over its areas."""
        return sum(len(change.added) for change in self.areas)


@dataclass(frozen=True)
class Path:
    start: str
    steps: tuple[Step, ...] = ()

    @property
    def roles(self) -> tuple[str, ...]:
        return (self.start, *(step.target for step in self.steps))

    @property
    def years(self) -> float | None:
        """Typical years in all (the middle of any range); None when any step does not say."""
        total = 0.0
        for step in self.steps:
            if step.years is None:
                return None
            total += step.years
        return total

    @property
    def typical_years(self) -> Years:
        """Typical years in all as a number, or a range when a step gives one; None when any
        step does not say."""
        if self.years is None or not any(step.years_range for step in self.steps):
            return self.years
        spans = [step.years_range or (step.years or 0.0, step.years or 0.0)
                 for step in self.steps]
        return (sum(low for low, _ in spans), sum(high for _, high in spans))


@dataclass(frozen=True)
class Paths(Sequence[Path]):
    """The paths found, quickest first; ``cut`` is set when only the quickest of very many
    are listed (their number was past ``MAX_PATHS``, or finding them past ``MAX_STEPS``). A
    sequence: index, iterate, count it."""

    items: tuple[Path, ...] = ()
    cut: bool = False

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Path, ...]: ...
    def __getitem__(self, index: int | slice) -> Path | tuple[Path, ...]:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def note(self) -> str | None:
        """What to tell the user when the list is cut, else None."""
        if not self.cut:
            return None
        return (f"too many paths to list them all (more than {MAX_PATHS:,}, or more than "
                f"{MAX_STEPS:,} steps to find them): the {len(self)} quickest are listed "
                "(narrow them with --via or --avoid)")


def role_competencies(ladder: Ladder | None, role: Role) -> tuple[Competency, ...]:
    """The role's competencies; on a cumulative ladder with those of the roles below it
    (lowest first, each name once): a former Senior PM already has what the Senior PM asks.

    >>> from ladder.sources.ladders import read_ladder
    >>> product = read_ladder("product")
    >>> principal = product.roles["principal-product-manager"]
    >>> "data analysis" in [c.name for c in role_competencies(product, principal)]
    True
    """
    if ladder is None or not ladder.cumulative:
        return role.competencies
    found: dict[str, Competency] = {}
    for each in with_lower(ladder, role):
        for competency in each.competencies:
            found.setdefault(_norm(competency.name), competency)
    return tuple(found.values())


def gains_along(roles: Sequence[Role], ladder: Ladder | None = None) -> list[tuple[str, ...]]:
    """What each move along ``roles`` asks to learn: the competencies of the role moved into
    that neither the first role nor an earlier step already has, each named once, at the
    first step that needs it. This is "what it takes"; ``paths``, ``gap``, ``next`` and
    ``succession`` all answer with it. On a cumulative ``ladder`` a role has, and asks for,
    the competencies of the roles below it too (:func:`role_competencies`).

    >>> from ladder.model.ladder import Competency, Role
    >>> def role(*names):
    ...     return Role("x", "X", 1, "ic", competencies=tuple(Competency(n) for n in names))
    >>> gains_along([role("data"), role("vision"), role("data", "vision", "budget")])
    [('vision',), ('budget',)]
    """
    return _gains(roles, lambda role: _keyed(role_competencies(ladder, role)))


def _keyed(competencies: Iterable[Competency]) -> tuple[tuple[str, str], ...]:
    """(the name as compared, the name) of each competency."""
    return tuple((_norm(c.name), c.name) for c in competencies)


def _gains(roles: Sequence[Role],
           competencies: Callable[[Role], tuple[tuple[str, str], ...]]
           ) -> list[tuple[str, ...]]:
    """:func:`gains_along`, with each role's competencies as ``competencies`` gives them
    (:func:`_keyed`)."""
    have = {key for key, _ in competencies(roles[0])} if roles else set()
    steps = []
    for role in roles[1:]:
        new = []
        for key, name in competencies(role):
            if key not in have:
                have.add(key)
                new.append(name)
        steps.append(tuple(new))
    return steps


def gained(before: Role, after: Role, ladder: Ladder | None = None) -> tuple[str, ...]:
    """Competencies ``after`` needs that ``before`` does not list: one move of
    :func:`gains_along` (on ``ladder``, when it is cumulative)."""
    return gains_along([before, after], ladder)[0]


def find_paths(
    ladder: Ladder,
    start: str | Role,
    goal: str | Role,
    *,
    via: Sequence[str | Role] = (),
    avoid: Iterable[str] = (),
) -> Paths:
    """Every simple path from ``start`` to ``goal``, shortest in typical years first.

    Ties go to fewer steps, then to the ladder's own role order. ``via`` roles must be passed
    in the order given; ``avoid`` takes role names or tracks (see :func:`avoided_roles`).
    Paths whose years are unknown come after those whose years are known.

    >>> from ladder.sources.ladders import read_ladder
    >>> product = read_ladder("product")
    >>> ic_only = find_paths(product, "junior-product-manager", "principal-product-manager",
    ...                      avoid=["management"])
    >>> [p.roles[-2:] for p in ic_only]
    [('senior-product-manager', 'principal-product-manager')]
    >>> find_paths(product, "pm", "cpo", avoid=["management"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: ...: the goal 'Chief Product Officer' is among the roles to avoid ...
    """
    first, last = resolve_role(ladder, start), resolve_role(ladder, goal)
    stops = [resolve_role(ladder, name).id for name in via]
    avoided = avoided_roles(ladder, avoid)
    for label, role in (("start", first), ("goal", last), *(("via role", ladder.roles[s])
                                                            for s in stops)):
        if role.id in avoided:
            track = ladder.tracks.get(role.track)
            raise LadderError(
                f"the {label} '{role.title}' is among the roles to avoid", file=ladder.file,
                hint=f"it is on the {track.name if track else role.track} track"
                if role.track in {t.id for name in avoid for t in _tracks_named(ladder, name)}
                else None,
            )
    if first.id == last.id:
        raise same_role_error(first, start, goal, file=ladder.file)
    # the moves between roles not avoided, in the ladder's order (its graph's, without networkx:
    # importing it cost a docs build with a highlighted path 60 ms)
    after = {role: [move.target for move in ladder.moves_from(role) if move.target not in avoided]
             for role in ladder.roles if role not in avoided}
    position = {role_id: index for index, role_id in enumerate(ladder.roles)}
    found: list[Path] = []
    cut = False
    steps = _Steps(ladder)
    for count, nodes in enumerate(_simple_paths(after, first.id, last.id), start=1):
        if nodes is None or count > MAX_PATHS:  # too many to list, or to look for
            found, cut = _quickest(steps, avoided, first.id, last.id, stops), True
            break
        if _visits_in_order(nodes, stops):
            found.append(steps.path(nodes))
    found.sort(key=lambda p: (p.years is None, p.years or 0.0, len(p.steps),
                              [position[r] for r in p.roles]))
    return Paths(tuple(found), cut)


def _simple_paths(after: Mapping[str, list[str]], start: str,
                  goal: str) -> Iterator[list[str] | None]:
    """Every path from ``start`` to ``goal`` along ``after`` (role -> the roles its moves lead
    to) that visits no role twice, depth first, through the roles that lie between them only
    (a lattice of dead ends beside the route was searched whole before, and hung); None, then
    no more, once MAX_STEPS roles have been stepped on (moves back and forth can make the
    search long even then)."""
    before: dict[str, list[str]] = {}
    for source, targets in after.items():
        for target in targets:
            before.setdefault(target, []).append(source)
    between = (_reachable(after, start) & _reachable(before, goal)) | {start, goal}
    route, on_route = [start], {start}
    stack = [iter([n for n in after.get(start, ()) if n in between])]
    steps = 0
    while stack:
        role = next(stack[-1], None)
        if role is None:
            stack.pop()
            on_route.discard(route.pop())
            continue
        if role in on_route:
            continue
        steps += 1
        if steps > MAX_STEPS:
            yield None
            return
        if role == goal:
            yield [*route, goal]
            continue
        route.append(role)
        on_route.add(role)
        stack.append(iter([n for n in after.get(role, ()) if n in between]))


def _reachable(after: Mapping[str, Iterable[str]], start: str) -> set[str]:
    """The roles reached from ``start`` by one or more steps along ``after``.

    >>> sorted(_reachable({"a": ["b"], "b": ["c", "a"]}, "b"))
    ['a', 'b', 'c']
    """
    found: set[str] = set()
    todo = [start]
    while todo:
        for target in after.get(todo.pop(), ()):
            if target not in found:
                found.add(target)
                todo.append(target)
    return found


def _reaches(ladder: Ladder, start: str, goal: str) -> bool:
    """Whether moves lead from role ``start`` to role ``goal`` (a role reaches itself)."""
    after = {role: [move.target for move in ladder.moves_from(role)] for role in ladder.roles}
    return start == goal or goal in _reachable(after, start)


MAX_STEPS = 1_000_000  # roles stepped on while listing paths: about a second


def _quickest(steps: _Steps, avoided: set[str], start: str, goal: str,
              stops: list[str]) -> list[Path]:
    """The QUICKEST quickest paths, found in order without listing the others: a move weighs
    its typical years (unknown: after all known), plus a little per step (fewer steps first).
    At most MAX_PATHS candidates are looked at, for --via filters that few pass."""
    import networkx as nx  # lazy: only ladders with too many paths to list need it

    allowed = nx.subgraph_view(steps.ladder.graph, filter_node=lambda node: node not in avoided)

    def weight(source: str, target: str, data: Any) -> float:  # the edge attributes
        years = data.get("years")
        return (UNKNOWN_YEARS if years is None else float(years)) + 1e-6

    found: list[Path] = []
    candidates = nx.shortest_simple_paths(allowed, start, goal, weight=weight)
    for nodes in itertools.islice(candidates, MAX_PATHS):
        if _visits_in_order(nodes, stops):
            found.append(steps.path(nodes))
            if len(found) == QUICKEST:
                break
    return found


def _visits_in_order(nodes: list[str], stops: list[str]) -> bool:
    at = 0
    for stop in stops:
        try:
            at = nodes.index(stop, at) + 1
        except ValueError:
            return False
    return True


class _Steps:
    """What the paths of one question share, worked out once: each role's competencies
    (with those below it, on a cumulative ladder) and each move's changes per area. A
    lattice of moves has thousands of paths over a few dozen moves."""

    def __init__(self, ladder: Ladder) -> None:
        self.ladder = ladder
        self.per_area = has_expectations(ladder)
        self._competencies: dict[str, tuple[tuple[str, str], ...]] = {}
        self._asks: dict[str, dict[str, tuple[Statement, ...]]] = {}
        self._changes: dict[tuple[str, str], tuple[AreaChange, ...]] = {}

    def competencies(self, role: Role) -> tuple[tuple[str, str], ...]:
        if role.id not in self._competencies:
            self._competencies[role.id] = _keyed(role_competencies(self.ladder, role))
        return self._competencies[role.id]

    def asks(self, role: Role) -> dict[str, tuple[Statement, ...]]:
        if role.id not in self._asks:
            self._asks[role.id] = required(self.ladder, role)
        return self._asks[role.id]

    def changes(self, source: str, target: str) -> tuple[AreaChange, ...]:
        if not self.per_area:
            return ()
        if (source, target) not in self._changes:
            self._changes[source, target] = move_gains(self.ladder, source, target,
                                                       asks=self.asks)
        return self._changes[source, target]

    def path(self, nodes: list[str]) -> Path:
        ladder = self.ladder
        gains = _gains([ladder.roles[node] for node in nodes], self.competencies)
        steps = []
        for (source, target), gain in zip(itertools.pairwise(nodes), gains, strict=True):
            move = ladder.move_between(source, target)
            assert move is not None  # a path follows the ladder's moves
            steps.append(Step(source, target, move.kind, move.years, gain, move.years_range,
                              self.changes(source, target)))
        return Path(nodes[0], tuple(steps))


def same_role_error(role: Role, start: str | Role, goal: str | Role, *, file: str | None = None,
                    notes: Sequence[str] = (), variant: str | None = None) -> LadderError:
    """The error for a path or gap whose two ends are one role, saying how they became one."""
    names = [n.title if isinstance(n, Role) else n for n in (start, goal)]
    where = f" in the {variant} variant" if variant else ""
    why = f": {'; '.join(notes)}" if notes else ""
    return LadderError(
        f"'{names[0]}' and '{names[1]}' are both {role.title}{where}, so there is no path "
        f"between them{why}", file=file,
        hint="ask in a variant that keeps both roles, or in the full ladder" if variant
        else "name two different roles")


# --------------------------------------------------------------------------- variants


@dataclass(frozen=True)
class Endpoints:
    """The ladder a path query runs on, the two roles, and notes on how names were mapped."""

    ladder: Ladder
    start: Role
    goal: Role
    notes: tuple[str, ...] = ()


def resolve_endpoints(
    ladder: Ladder,
    start: str,
    goal: str,
    *,
    variant: str | None = None,
    head: str | None = None,
    headcount: int | None = None,
) -> Endpoints:
    """Project ``ladder`` onto ``variant`` (or the variant for ``headcount`` people) and find
    the two roles in it, by the one title matcher.

    A name of a role the variant drops goes to the kept role standing in for it (see
    :func:`ladder.model.variants.stand_in`) and ``notes`` says so. A goal that is one of the
    variant's choices of head becomes the head, unless ``head`` says otherwise: in a startup
    the one product head may be called CPO. Two ends that become one role are an error.

    >>> from ladder.sources.ladders import read_ladder
    >>> ends = resolve_endpoints(read_ladder(), "Senior PM", "CPO", variant="startup")
    >>> ends.start.id, ends.goal.id
    ('product-manager', 'chief-product-officer')
    >>> print(ends.notes[1])  # doctest: +NORMALIZE_WHITESPACE
    Senior Product Manager is not a role in the Startup variant: it counts as Product Manager
    there, the nearest role at or below its level on the Individual contributor track
    >>> resolve_endpoints(read_ladder(), "Sr PM", "pm", variant="startup")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: ...: 'Sr PM' and 'pm' are both Product Manager in the Startup ...
    """
    if headcount is not None:
        if variant is not None:
            raise LadderError("give a variant or a headcount, not both")
        variant = pick_variant(ladder, headcount).id
    if variant is None:
        if head is not None:
            raise LadderError("a head can only be chosen with a variant",
                              hint="add --variant startup or another variant")
        matcher = TitleMatcher(ladder)
        first, last = matcher.place(start).role, matcher.place(goal).role
        assert first is not None and last is not None
        if first.id == last.id:
            raise same_role_error(first, start, goal, file=ladder.file)
        return Endpoints(ladder, first, last)
    spec = find_variant(ladder, variant)
    notes: list[str] = []
    projected = project(ladder, variant, head=head)
    # a goal no kept role goes by, that the variant could have as its head, becomes the head
    found = TitleMatcher(projected, full=ladder).find(goal)
    wanted = found.dropped if found.role is None or found.stand_in else None
    if head is None and wanted is not None and wanted.id in spec.head_choices:
        projected = project(ladder, variant, head=wanted.id)
        notes.append(f"the {spec.name} variant has one head; taking {wanted.title} as that "
                     "head")
    matcher = TitleMatcher(projected, full=ladder)
    ends = [matcher.place(start), matcher.place(goal)]
    notes += [end.note for end in ends if end.note]
    first, last = ends[0].role, ends[1].role
    assert first is not None and last is not None
    if first.id == last.id:
        raise same_role_error(first, start, goal, file=ladder.file, variant=spec.name,
                              notes=notes)
    return Endpoints(projected, first, last, tuple(dict.fromkeys(notes)))


# --------------------------------------------------------------------------- gaps


@dataclass(frozen=True)
class Gap:
    """What it takes to get from role ``source`` to role ``target``, along ``path``."""

    source: str
    target: str
    needed: tuple[str, ...] = ()  # to gain on the way: each once, in the order first needed
    shared: tuple[str, ...] = ()  # target lists, source already has (target's wording)
    extra: tuple[str, ...] = ()  # source lists, target does not
    path: Path | None = None  # the path followed: the quickest, or the one through ``via``;
    # None when no move links the two roles, and the gap compares them as they stand
    areas: tuple[AreaChange, ...] = ()  # per area, source to target (ladders with areas)

    @property
    def to_gain(self) -> tuple[AreaChange, ...]:
        """The areas where the target asks something the source does not."""
        return to_gain(self.areas)

    @property
    def statements(self) -> int:
        """How many statements there are to gain, over the areas."""
        return sum(len(c.added) for c in self.to_gain)


def competency_gap(ladder: Ladder, a: str | Role, b: str | Role, *,
                   via: Sequence[str | Role] = (), avoid: Iterable[str] = ()) -> Gap:
    """What it takes to get from ``a`` to ``b``: the quickest path's gains (or the quickest
    through ``via``), so ``gap`` and ``paths`` give one answer; plus what the two ends share
    and what ``a`` lists that ``b`` does not.

    >>> from ladder.sources.ladders import read_ladder
    >>> gap = competency_gap(read_ladder(), "Senior PM", "Director of Product")
    >>> gap.shared
    ('data analysis',)
    >>> len(gap.needed), len(gap.extra), gap.statements  # cumulative: the Director asks
    (8, 0, 11)
    >>> len(competency_gap(read_ladder(), "Senior PM", "CPO").needed)  # Director's, Head's, CPO's
    19
    """
    first, second = resolve_role(ladder, a), resolve_role(ladder, b)
    paths = find_paths(ladder, first, second, via=via, avoid=avoid)
    unrelated = not (_reaches(ladder, first.id, second.id) or _reaches(ladder, second.id, first.id))
    if not paths and (via or list(avoid) or not unrelated):
        raise no_path_error(ladder, first, second, avoid)
    # no move links the two at all (two tracks side by side): compare them as they stand
    path = paths[0] if paths else None
    has, needs = role_competencies(ladder, first), role_competencies(ladder, second)
    have = {_norm(c.name) for c in has}
    need = {_norm(c.name) for c in needs}
    return Gap(
        first.id, second.id,
        needed=tuple(name for step in path.steps for name in step.gained) if path
        else gained(first, second, ladder),
        # what B itself lists that A has (on a cumulative ladder, A's own or from below):
        # the roles below both are shared by both, and saying so tells nothing
        shared=tuple(c.name for c in second.competencies if _norm(c.name) in have),
        extra=tuple(c.name for c in has if _norm(c.name) not in need),
        path=path,
        areas=tuple(area_changes(ladder, first.id, second.id))
        if has_expectations(ladder) else (),
    )


# --------------------------------------------------------------------------- for the diagram


@dataclass(frozen=True)
class PathMarks:
    """What the ladder diagram emphasises for some paths: their roles and numbered moves.

    ``nodes`` are role ids in the order the paths first reach them; ``edges`` maps each
    ``(from, to)`` move on a path to the step numbers it has on the paths (1 = first move), so
    a move that is step 3 on one path and step 4 on another is labelled "3, 4". ``start`` and
    ``goal`` are the ends (None when there is no path); ``paths`` lists each path's role ids,
    shortest first, for a diagram that draws only the best path or each in its own colour.
    Roles and moves not named here are the ones to fade.
    """

    nodes: tuple[str, ...]
    edges: Mapping[tuple[str, str], tuple[int, ...]]
    start: str | None
    goal: str | None
    paths: tuple[tuple[str, ...], ...]


def highlight_steps(ladder: Ladder, paths: Sequence[Path]) -> PathMarks:
    """The marks of ``paths`` on the ladder diagram (see :class:`PathMarks`).

    >>> from ladder.sources.ladders import read_ladder
    >>> product = read_ladder()
    >>> marks = highlight_steps(product, find_paths(product, "senior-pm", "head-of-product"))
    >>> marks.edges[("director-of-product", "head-of-product")]
    (2, 3)
    >>> marks.nodes[0], marks.start, marks.goal
    ('senior-product-manager', 'senior-product-manager', 'head-of-product')
    """
    nodes: list[str] = []
    edges: dict[tuple[str, str], set[int]] = {}
    for path in paths:
        for role_id in path.roles:
            if role_id not in nodes:
                nodes.append(role_id)
        for number, step in enumerate(path.steps, start=1):
            edges.setdefault((step.source, step.target), set()).add(number)
    missing = [r for r in nodes if r not in ladder.roles]
    if missing:
        raise LadderError(f"paths name roles the ladder does not have: {', '.join(missing)}")
    return PathMarks(
        nodes=tuple(nodes),
        edges={key: tuple(sorted(numbers)) for key, numbers in edges.items()},
        start=paths[0].start if paths else None,
        goal=paths[0].roles[-1] if paths else None,
        paths=tuple(path.roles for path in paths),
    )


@dataclass(frozen=True)
class HighlightPlan:
    """What ``ladder render --highlight`` draws: the ladder, the marks on it, notes to print."""

    ladder: Ladder  # draw this one: with a variant, the projection the paths run on
    marks: PathMarks
    notes: tuple[str, ...] = ()


def plan_highlight(ladder: Ladder, spec: str, *, variant: str | None = None,
                   head: str | None = None, via: Sequence[str] = (),
                   avoid: Iterable[str] = ()) -> HighlightPlan:
    """Parse ``--highlight FROM..TO`` and find its paths, as ``ladder paths`` would.

    ``ladder`` is the full ladder; with ``variant`` (and ``head``) the roles are placed in
    that variant the way :func:`resolve_endpoints` does, and ``HighlightPlan.ladder`` is the
    projection to draw (its head may be the one the goal asked for).

    >>> from ladder.sources.ladders import read_ladder
    >>> plan = plan_highlight(read_ladder(), "junior pm..cpo", variant="scale-up")
    >>> plan.ladder.variant, plan.marks.start, len(plan.notes)
    ('scale-up', 'product-manager', 1)
    >>> plan_highlight(read_ladder(), "pm")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: option 'highlight' takes FROM..TO, not 'pm' (for example ...)
    """
    start, dots, goal = spec.partition("..")
    if not dots or not start.strip() or not goal.strip():
        ids = list(ladder.roles)
        example = f"{ids[0]}..{ids[-1]}" if ids else "junior..senior"
        raise LadderError(f"option 'highlight' takes FROM..TO, not '{spec}'",
                          hint=f"for example {example}")
    ends = resolve_endpoints(ladder, start.strip(), goal.strip(), variant=variant, head=head)
    paths = find_paths(ends.ladder, ends.start, ends.goal, via=via, avoid=avoid)
    if not paths:
        raise no_path_error(ends.ladder, ends.start, ends.goal, avoid)
    cut = paths.note()
    notes = (*ends.notes, cut) if cut else ends.notes
    return HighlightPlan(ends.ladder, highlight_steps(ends.ladder, paths), notes)


def no_path_error(ladder: Ladder, start: Role, goal: Role,
                  avoid: Iterable[str] = ()) -> LadderError:
    """The error to raise when :func:`find_paths` finds nothing, with a hint why."""
    if _reaches(ladder, goal.id, start.id) and not _reaches(ladder, start.id, goal.id):
        hint = f"{goal.title} is below {start.title}: swap FROM and TO"
    elif list(avoid) or _reaches(ladder, start.id, goal.id):
        hint = "every path passes a role you avoid, or misses a --via role"
    else:
        hint = "no move in the ladder leads there"
    return LadderError(f"no path from {start.title} to {goal.title}", file=ladder.file,
                       hint=hint)


def gap_steps(gap: Gap) -> list[Step]:
    """The steps of the gap's path that add something to learn (one step when no path)."""
    if gap.path is None:
        return [Step(gap.source, gap.target, "", None, gap.needed)] if gap.needed else []
    return [step for step in gap.path.steps if step.gained]
