"""A career ladder: roles, tracks, the moves between them, and company-size variants.

Pure data. ``Ladder.graph`` is a ``networkx.DiGraph`` whose nodes are role ids and whose edges
are moves with ``kind`` ("promotion" or "lateral") and ``years`` (typical years, or None).
Iteration follows input order, so the same file always gives the same drawing.

The graph is built on first use: loading and drawing a ladder asks only which move joins two
roles (:meth:`Ladder.moves_from`, :meth:`Ladder.move_between`) and whether promotions go round
(:func:`promotion_cycle`), which plain dicts answer; importing networkx alone takes longer than
the rest of ``ladder render`` apart from Graphviz.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

PROMOTION = "promotion"
LATERAL = "lateral"
MOVE_KINDS = (PROMOTION, LATERAL)


@dataclass(frozen=True)
class Competency:
    """A competency a role lists, by name."""

    name: str
    source: str | None = None  # where the fact comes from: a source id of the ladder


@dataclass(frozen=True)
class Statement:
    """One thing a role is expected to do in an area, in the framework's own words."""

    text: str
    examples: tuple[str, ...] = ()  # how it shows in practice (snowflake "examples")
    signals: tuple[str, ...] = ()  # what to look for (snowflake "signals")
    source: str | None = None  # a source id of the ladder
    options: tuple[str, ...] = ()  # "any one of the following": one of these meets it


@dataclass(frozen=True)
class Area:
    """A competency area: a row of the levels-by-areas matrix (FT "theme", Monzo "topic")."""

    id: str
    name: str
    colour: str | None = None
    group: str | None = None  # e.g. the article's technology, business and design
    summary: str = ""
    source: str | None = None  # of the area itself (its name)
    # A points framework (snowflake) grades each area on its own scale: milestone 1, 2, ...
    # (milestone 0 is "not yet"); each milestone is one Statement (summary, signals, examples).
    milestones: tuple[Statement, ...] = ()
    line: int | None = None
    summary_source: str | None = None  # where the summary comes from
    group_source: str | None = None  # where the group's name comes from


@dataclass(frozen=True)
class PointScale:
    """How a points framework turns per-area milestones into a title.

    ``milestone_points[m]`` is what milestone ``m`` in any area is worth (index 0: none);
    ``thresholds`` are ``(least total points, role id)`` from the lowest up.
    """

    milestone_points: tuple[int, ...]
    thresholds: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Track:
    """A track of the ladder (individual contributor, management), with its colour."""

    id: str
    name: str
    colour: str | None = None


@dataclass(frozen=True)
class Role:
    """One role of the ladder: its title, level, track and what it asks for."""

    id: str  # stable slug, e.g. "senior-product-manager"
    title: str
    level: int  # 1 = entry; higher is more senior
    track: str  # Track id
    aliases: tuple[str, ...] = ()
    competencies: tuple[Competency, ...] = ()
    summary: str = ""
    source: str | None = None  # source id for the role itself
    line: int | None = None  # where it is defined, for messages
    # What the role asks for per area, in the ladder's area order: (area id, statements).
    expectations: tuple[tuple[str, tuple[Statement, ...]], ...] = ()
    # Where the other facts come from (source ids, None: not said): the level, the summary,
    # and each alias as (alias, source id).
    level_source: str | None = None
    summary_source: str | None = None
    alias_sources: tuple[tuple[str, str], ...] = ()

    def alias_source(self, alias: str) -> str | None:
        """The source id of one of the role's aliases, or None."""
        return dict(self.alias_sources).get(alias)

    def names(self) -> tuple[str, ...]:
        """Every name the role goes by: id, title, aliases."""
        return (self.id, self.title, *self.aliases)


@dataclass(frozen=True)
class Move:
    """A move from one role to another: a promotion or a lateral move, with typical years."""

    source: str
    target: str
    kind: str = PROMOTION
    years: float | None = None  # typical years; of a range, its middle (to sort and add up)
    line: int | None = None
    years_source: str | None = None  # where the move's typical years come from (a source id)
    years_range: tuple[float, float] | None = None  # "2-3 years" as given: (2.0, 3.0)

    @classmethod
    def taking(cls, source: str, target: str, kind: str, years: tuple[float, float] | None,
               line: int | None = None, years_source: str | None = None) -> Move:
        """A move whose typical years are (low, high) as read (``text.read_years``), or None.

        >>> Move.taking("a", "b", PROMOTION, (2.0, 3.0)).years
        2.5
        >>> Move.taking("a", "b", PROMOTION, (2.0, 2.0)).years_range is None
        True
        """
        if years is None:
            return cls(source, target, kind, None, line, years_source)
        low, high = years
        return cls(source, target, kind, (low + high) / 2, line, years_source,
                   (low, high) if low != high else None)

    @property
    def typical_years(self) -> float | tuple[float, float] | None:
        """The years as the source gives them, a number or a range (``text.years_phrase``)."""
        return self.years_range or self.years

    @property
    def years_span(self) -> tuple[float, float] | None:
        """The years as (low, high), a number as (n, n): what adds up along a path."""
        if self.years_range is not None:
            return self.years_range
        return None if self.years is None else (self.years, self.years)


def _adjacency(moves: list[Move]) -> dict[str, dict[str, Move]]:
    """source -> target -> the move between them, as a graph of the moves has it.

    Targets keep the order of their first move; a later move between the same two roles
    replaces the earlier one (as ``DiGraph.add_edge`` replaces an edge's attributes).
    """
    found: dict[str, dict[str, Move]] = {}
    for move in moves:
        found.setdefault(move.source, {})[move.target] = move
    return found


def promotion_cycle(moves: list[Move]) -> list[Move] | None:
    """The moves of a circle of promotions (a ladder must not have one), or None.

    A depth-first walk from each role in the order the moves name them, so the same file
    always reports the same circle, starting where the walk first entered it.

    >>> [m.source for m in promotion_cycle([Move("a", "b"), Move("b", "a")])]
    ['a', 'b']
    >>> promotion_cycle([Move("a", "b"), Move("b", "a", kind=LATERAL)]) is None
    True
    """
    promotions = [move for move in moves if move.kind == PROMOTION]
    after = _adjacency(promotions)
    starts = dict.fromkeys(role for move in promotions for role in (move.source, move.target))
    done: set[str] = set()
    for start in starts:
        if start in done:
            continue
        # the walk's path: (role, the move that led to it, the moves still to try from it)
        path: list[tuple[str, Move | None, Iterator[Move]]] = [
            (start, None, iter(after.get(start, {}).values()))]
        on_path = {start}
        while path:
            move = next(path[-1][2], None)
            if move is None:
                role = path.pop()[0]
                on_path.discard(role)
                done.add(role)
            elif move.target in on_path:
                entered = next(i for i, step in enumerate(path) if step[0] == move.target)
                # only the walk's start has no move, and it lies before ``entered + 1``
                return [step for _, step, _ in path[entered + 1:] if step is not None] + [move]
            elif move.target not in done:
                path.append((move.target, move, iter(after.get(move.target, {}).values())))
                on_path.add(move.target)
    return None


def describe_cycle(cycle: list[Move]) -> str:
    """``a -> b -> c -> a``."""
    return " -> ".join([m.source for m in cycle] + [cycle[0].source])


@dataclass(frozen=True)
class VariantSpec:
    """How a company of some size uses the ladder: which roles it keeps, what it calls them."""

    id: str
    name: str
    summary: str = ""
    roles: tuple[str, ...] = ()  # role ids kept, apart from the head (empty: every role)
    head: str | None = None  # default role id of the single top role, if the variant has one
    head_choices: tuple[str, ...] = ()  # role ids the user may pick as that head
    titles: tuple[tuple[str, str], ...] = ()  # (role id, title the company uses)
    headcount: tuple[int, int | None] = (1, None)  # company sizes it fits, inclusive
    line: int | None = None
    source: str | None = None  # where the variant and its headcount band come from


FULL = "full"  # every ladder has this variant: all of its roles
FULL_VARIANT = VariantSpec(FULL, "Full ladder", "every role of the ladder")


@dataclass(frozen=True)
class Source:
    """Where a ladder's facts come from: a published source, or the author's own practice."""

    id: str
    title: str
    url: str | None = None
    licence: str | None = None
    # its facts are the ladder author's own, not a published source's (the built-in ladder's
    # "common industry practice"): every view sets them apart (italics, a source column)
    practice: bool = False


@dataclass
class Ladder:
    """A career ladder: its tracks, roles, moves, variants, sources and areas (see the module's
    docstring)."""

    id: str
    name: str
    summary: str = ""
    tracks: dict[str, Track] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    moves: list[Move] = field(default_factory=list)
    variants: dict[str, VariantSpec] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    points: PointScale | None = None
    # Each level includes what the levels before it ask (most frameworks say so): a role asks
    # for its own statements and those of every role promoted into it, step by step.
    cumulative: bool = False
    file: str | None = None
    variant: str | None = None  # set on a projection: the VariantSpec id it came from
    # Derived from roles and moves on first use (see the module's docstring); a ladder is
    # treated as a value once built, so they are never rebuilt.
    _after: dict[str, dict[str, Move]] | None = field(default=None, init=False, repr=False,
                                                      compare=False)
    _graph: nx.DiGraph[str] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def build(cls, **fields: Any) -> Ladder:  # Any: handed to the dataclass __init__ as given
        """Make a ladder from checked roles and moves."""
        return cls(**fields)

    @property
    def graph(self) -> nx.DiGraph[str]:
        """Roles and moves as a networkx graph (edge attributes ``kind``, ``years``,
        ``years_range``)."""
        if self._graph is None:
            import networkx as nx

            graph: nx.DiGraph[str] = nx.DiGraph()
            graph.add_nodes_from(self.roles)
            for source, targets in self._moves_after().items():
                for target, move in targets.items():
                    graph.add_edge(source, target, kind=move.kind, years=move.years,
                                   years_range=move.years_range)
            self._graph = graph
        return self._graph

    def _moves_after(self) -> dict[str, dict[str, Move]]:
        if self._after is None:
            self._after = _adjacency(self.moves)
        return self._after

    def moves_from(self, role_id: str) -> list[Move]:
        """The move from ``role_id`` to each role it leads to (the graph's out-edges, in order)."""
        return list(self._moves_after().get(role_id, {}).values())

    def move_between(self, source: str, target: str) -> Move | None:
        """The move from ``source`` to ``target`` (the graph's edge between them), or None."""
        return self._moves_after().get(source, {}).get(target)

    def __iter__(self) -> Iterator[Role]:
        return iter(self.roles.values())

    def __len__(self) -> int:
        return len(self.roles)

    def levels(self) -> list[int]:
        return sorted({r.level for r in self.roles.values()})

    def entry_roles(self) -> list[Role]:
        """Roles no promotion leads into."""
        return [r for r in self if not any(m.target == r.id and m.kind == PROMOTION
                                           for m in self.moves)]

    def top_roles(self) -> list[Role]:
        """Roles no promotion leads out of."""
        return [r for r in self if not any(m.source == r.id and m.kind == PROMOTION
                                           for m in self.moves)]

    def secondary(self, source: str | None) -> bool:
        """Whether a fact from ``source`` is drawn set apart (in italics): its source is marked
        ``practice`` (the built-in ladder's common practice, beside the seed article). A fact
        with no source, or from a published source, is not."""
        found = self.sources.get(source) if source is not None else None
        return found is not None and found.practice

    def used_tracks(self) -> list[Track]:
        """Tracks that have roles, in track order; a track named by a role alone comes last."""
        used = list(dict.fromkeys(r.track for r in self))
        known = [t for t in self.tracks.values() if t.id in used]
        return known + [Track(t, t) for t in used if t not in self.tracks]
