"""Company-size variants: a ladder projected onto the roles one company actually has.

A variant is computed from the full ladder, never kept as a copy: dropped roles disappear and a
move that ran through them becomes one move between the kept roles, its years added up.

>>> from ladder.sources.ladders import read_ladder
>>> startup = project(read_ladder(), "startup", head="chief-product-officer")
>>> [(m.source, m.target) for m in startup.moves]
[('product-manager', 'chief-product-officer')]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ladder.errors import LadderError, did_you_mean
from ladder.model.ladder import FULL, FULL_VARIANT, LATERAL, PROMOTION, Ladder, Move, VariantSpec
from ladder.model.titles import TitleMatcher


def variant_ids(ladder: Ladder) -> list[str]:
    """The ladder's own variants, then ``full`` if it does not define one keeping every role."""
    ids = list(ladder.variants)
    if not any(not spec.roles and spec.head is None for spec in ladder.variants.values()):
        ids.append(FULL)
    return ids


def find_variant(ladder: Ladder, variant_id: str) -> VariantSpec:
    if variant_id in ladder.variants:
        return ladder.variants[variant_id]
    if variant_id == FULL:
        return FULL_VARIANT
    raise LadderError(
        f"ladder '{ladder.id}' has no variant '{variant_id}'",
        hint=did_you_mean(variant_id, variant_ids(ladder))
        or f"variants: {', '.join(variant_ids(ladder))}",
    )


def pick_variant(ladder: Ladder, headcount: int) -> VariantSpec:
    """The variant whose headcount range holds ``headcount`` (the full ladder if none does)."""
    if headcount < 1:
        raise LadderError(f"headcount must be at least 1, not {headcount}")
    for spec in ladder.variants.values():
        low, high = spec.headcount
        if low <= headcount and (high is None or headcount <= high):
            return spec
    return find_variant(ladder, FULL)


def project(ladder: Ladder, variant_id: str, *, head: str | None = None) -> Ladder:
    """The ladder as a company of the variant's size has it.

    ``head`` picks the single top role among the variant's ``head_choices`` (by id, title or
    alias), for a startup whose one product head may be a CPO, a Head or a Director of Product.
    """
    spec = find_variant(ladder, variant_id)
    chosen = spec.head
    if head is not None:
        if not spec.head_choices:
            raise LadderError(f"variant '{spec.id}' has no head to choose", file=ladder.file)
        chosen = _choose_head(ladder, spec, head)
    keep = list(spec.roles) if (spec.roles or chosen) else list(ladder.roles)
    if chosen and chosen not in keep:
        keep.append(chosen)
    kept = set(keep)
    titles = dict(spec.titles)
    roles = {
        role_id: replace(role, title=titles.get(role_id, role.title))
        for role_id, role in ladder.roles.items() if role_id in kept
    }
    return Ladder.build(
        id=ladder.id, name=ladder.name, summary=spec.summary or ladder.summary,
        tracks=dict(ladder.tracks), roles=roles, moves=_contract(ladder, kept),
        variants=dict(ladder.variants), sources=dict(ladder.sources), file=ladder.file,
        variant=spec.id, areas=dict(ladder.areas), points=ladder.points,
        cumulative=ladder.cumulative,
    )


def _choose_head(ladder: Ladder, spec: VariantSpec, wanted: str) -> str:
    # names are matched by the one title matcher, among the head choices alone
    found = TitleMatcher([ladder.roles[r] for r in spec.head_choices]).find(wanted)
    if found.role is not None:
        return found.role.id
    choices = [ladder.roles[r].title for r in spec.head_choices]
    raise LadderError(
        f"variant '{spec.id}' cannot have '{wanted}' as its head",
        hint=(f"'{wanted}' could be any of {', '.join(r.id for r in found.candidates)}"
              if found.candidates else None)
        or did_you_mean(wanted, [*spec.head_choices, *choices])
        or f"choose one of: {', '.join(spec.head_choices)}",
    )


def _contract(ladder: Ladder, kept: set[str]) -> list[Move]:
    """Moves between kept roles, walking through dropped ones (shortest in years wins)."""
    best: dict[tuple[str, str], Move] = {}
    order: list[tuple[str, str]] = []
    rank = {source_id: index for index, source_id in enumerate(ladder.sources)}
    for start in ladder.roles:
        if start not in kept:
            continue
        # Depth-first through dropped roles; ladders are small, so plain search is enough.
        # (role, years so far as (low, high): a range adds up as a range, promoted on the
        # way, roles seen, the moves' least sure source)
        stack: list[tuple[str, tuple[float, float] | None, bool, frozenset[str], str | None]] = [
            (start, (0.0, 0.0), False, frozenset([start]), None)
        ]
        while stack:
            node, years, promoted, seen, cited = stack.pop()
            for edge in ladder.moves_from(node):
                target = edge.target
                if target in seen:
                    continue
                span = edge.years_span
                total = None if years is None or span is None else (
                    years[0] + span[0], years[1] + span[1])
                is_promotion = promoted or edge.kind == PROMOTION
                # moves joined into one are as sure as the least sure of them: the source the
                # ladder lists last (its first is the primary one)
                source = max((s for s in (cited, edge.years_source) if s), default=None,
                             key=lambda s: rank.get(s, len(rank)))
                if target in kept:
                    key = (start, target)
                    move = Move.taking(start, target, PROMOTION if is_promotion else LATERAL,
                                       total, years_source=source)
                    if key not in best:
                        order.append(key)
                        best[key] = move
                    elif _shorter(move, best[key]):
                        best[key] = move
                else:
                    stack.append((target, total, is_promotion, seen | {target}, source))
    return [best[key] for key in sorted(order, key=_move_order(ladder))]


def _shorter(move: Move, other: Move) -> bool:
    if other.years is None:
        return move.years is not None
    return move.years is not None and move.years < other.years


def _move_order(ladder: Ladder) -> Callable[[tuple[str, str]], tuple[int, int]]:
    position = {role_id: index for index, role_id in enumerate(ladder.roles)}
    return lambda key: (position[key[0]], position[key[1]])
