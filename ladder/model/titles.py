"""The one title matcher: which ladder role a name means, for every command that takes one.

Company configs (``role:``), HR imports (job titles), ``paths``, ``gap``, ``next``,
``succession``, ``render --highlight`` and a variant's ``--head`` all ask :class:`TitleMatcher`,
so a name means the same role everywhere.

Names are compared in a normal form: no case or punctuation, common abbreviations spelt out
(``Sr.`` -> senior, ``PM`` -> product manager, ``V.P.`` -> vice president), small words dropped
(``VP of Product`` = ``VP Product``, ``Director, Product`` = ``Director of Product``), slugs read
as words (``senior-pm``) and levels as roman numerals (``Product Manager 2`` =
``Product Manager II``).

>>> normalise_title("Sr. Product Manager"), normalise_title("senior-pm")
('senior product manager', 'senior product manager')
>>> normalise_title("V.P. of Product & Design"), normalise_title("Product Manager 2")
('vice president product and design', 'product manager ii')

The rules, in order: a role's id beats its title, a title beats an alias (the article's CPO
"may also go by Head of Product", but Head of Product is a role of its own), and a name two
roles share at the same rank is ambiguous: an error that lists both, never a silent pick. In a
company-size variant the name is first looked for among the roles the variant keeps; a name of
a role it drops goes to the kept role that stands in for it
(:func:`ladder.model.variants.stand_in`), with a note saying so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ladder.errors import LadderError, did_you_mean
from ladder.model.ladder import FULL_VARIANT, Ladder

if TYPE_CHECKING:
    from ladder.model.ladder import Role

ABBREVIATIONS = {
    "sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior",
    "pm": "product manager", "apm": "associate product manager",
    "gpm": "group product manager", "tpm": "technical product manager",
    "mgr": "manager", "mngr": "manager", "dir": "director", "assoc": "associate",
    "vp": "vice president", "svp": "senior vice president",
    "evp": "executive vice president", "avp": "assistant vice president",
    "prod": "product", "mgmt": "management", "eng": "engineering",
    "cpo": "chief product officer", "cto": "chief technology officer",
    "ceo": "chief executive officer", "coo": "chief operating officer",
    "cfo": "chief financial officer", "cmo": "chief marketing officer",
    "cio": "chief information officer",
}
SMALL_WORDS = {"of", "the", "for", "a", "an", "in", "to"}
LEVELS = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v", "6": "vi"}
ROMAN = set(LEVELS.values())
# Ranks of a match, strongest first; a name found at one rank is never looked up further down.
TIERS = ("id", "local id", "title", "alias")
# Ids are slugs the ladder's author chose: compared as written, without reading "pm" in
# "principal-pm" as product manager (in an engineering ladder it is a people manager).
ID_TIERS = ("id", "local id")


def normalise_title(text: str) -> str:
    """``text`` in the normal form names are compared in (see the module doc).

    >>> normalise_title("  Head of  Product "), normalise_title("Director, Product")
    ('head product', 'director product')
    >>> normalise_title("senior_product_manager")
    'senior product manager'
    """
    text = str(text).casefold().replace("&", " and ").replace("+", " and ")
    # dotted initials are one word: "V.P." is "vp"
    text = re.sub(r"\b(?:\w\.){2,}", lambda m: m.group(0).replace(".", "") + " ", text)
    out: list[str] = []
    for word in re.split(r"[\W_]+", text):
        if not word or word in SMALL_WORDS:
            continue
        out.extend(ABBREVIATIONS.get(word, word).split())
    if len(out) > 1 and out[-1] in LEVELS:
        out[-1] = LEVELS[out[-1]]
    return " ".join(out)


def _plain(text: str) -> str:
    """An id compared without case or separators: ``Senior_PM`` is ``senior-pm``."""
    return " ".join(w for w in re.split(r"[\W_]+", str(text).casefold()) if w)


def _tries(title: str) -> list[str]:
    """Normal forms to try, most exact first: as written, without a qualifier such as
    ``(Payments)`` or ``- Growth``, then without a trailing level (``II``)."""
    tries = [normalise_title(title)]
    core = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", title)
    core = re.split(r",| - | – | — |\||:|/", core)[0]
    tries.append(normalise_title(core))
    for text in list(tries):
        words = text.split()
        if len(words) > 1 and words[-1] in ROMAN:
            tries.append(" ".join(words[:-1]))
    return list(dict.fromkeys(t for t in tries if t))


def _local(role_id: str) -> str:
    """The part of a combined ladder's id after its ladder (``engineering:senior-1``)."""
    return role_id.rpartition(":")[2]


@dataclass(frozen=True)
class Match:
    """What a name means on a ladder.

    ``role`` is the one role it names (None when it names none or several); ``candidates``
    the roles it could equally be when ambiguous; ``rank`` which of :data:`TIERS` matched;
    ``dropped`` the full ladder's role a variant does not keep, when the name named that
    (``stand_in``: and ``role`` is the kept role standing in for it, not one going by the name);
    ``note`` a sentence for the user when the name went to a role other than the obvious one.
    """

    name: str
    role: Role | None = None
    candidates: tuple[Role, ...] = ()
    rank: str = ""
    dropped: Role | None = None
    note: str | None = None
    stand_in: bool = False  # ``role`` stands in for ``dropped``, which the variant drops


class TitleMatcher:
    """Matches names to the roles of a ladder (or of any roles given); build once, match many.

    ``full`` is the unprojected ladder when ``roles`` is a variant's projection: its titles
    for roles the variant renames count as aliases, and a name of a role the variant drops
    goes to the kept role standing in for it.

    >>> from ladder.sources.ladders import read_ladder
    >>> from ladder.model.variants import project
    >>> product = read_ladder()
    >>> TitleMatcher(product).find("Head of Product").role.id  # the title beats the CPO's alias
    'head-of-product'
    >>> startup = TitleMatcher(project(product, "startup"), full=product)
    >>> found = startup.find("senior-pm")
    >>> found.role.id, found.dropped.id
    ('product-manager', 'senior-product-manager')
    >>> print(found.note)  # doctest: +NORMALIZE_WHITESPACE
    Senior Product Manager is not a role in the Startup variant: it counts as Product Manager
    there, the nearest role at or below its level on the Individual contributor track
    """

    def __init__(self, roles: Ladder | Iterable[Role] | Mapping[str, Role], *,
                 full: Ladder | None = None) -> None:
        self.ladder = roles if isinstance(roles, Ladder) else None
        if isinstance(roles, Ladder):
            roles = list(roles)
        elif isinstance(roles, Mapping):
            roles = list(roles.values())
        self.roles: dict[str, Role] = {role.id: role for role in roles}
        self.full = full if full is not None and full is not self.ladder else None
        self.tables: dict[str, dict[str, list[str]]] = {tier: {} for tier in TIERS}
        for role in self.roles.values():
            names = {"id": [role.id], "local id": [_local(role.id)] if ":" in role.id else [],
                     "title": [role.title], "alias": list(role.aliases)}
            if self.full is not None and role.id in self.full.roles:
                names["alias"].append(self.full.roles[role.id].title)  # before a rename
            for tier, given in names.items():
                for name in given:
                    key = _plain(name) if tier in ID_TIERS else normalise_title(name)
                    holders = self.tables[tier].setdefault(key, [])
                    if role.id not in holders:
                        holders.append(role.id)
        self._full_matcher: TitleMatcher | None = None
        self._found: dict[str, Match] = {}

    # -- matching ---------------------------------------------------------------------------

    def find(self, name: str | None) -> Match:
        """What ``name`` means here; never raises (see :meth:`place` for the errors)."""
        text = " ".join(str(name or "").split())
        if text not in self._found:  # an export repeats a few titles many thousand times
            self._found[text] = self._find(text)
        return self._found[text]

    def _find(self, text: str) -> Match:
        if not text:
            return Match(text)
        found = self._find_here(text)
        if found.role is None and not found.candidates:
            found = self._within_ladder(text) or found
        if found.role is None and not found.candidates and self.full is not None:
            return self._in_full_ladder(text)
        if found.role is not None and self.full is not None and found.rank == "alias":
            # a title of a role the variant drops, kept here as another role's alias: say so
            meant = self.full_matcher.find(text).role
            if meant is not None and meant.id != found.role.id and meant.id not in self.roles:
                found = replace(found, dropped=meant, note=(
                    f"{meant.title} is not a role in the {self._variant_name()} variant: the "
                    f"name goes to {found.role.title}, which goes by it there"))
        return found

    def match(self, name: str | None) -> str | None:
        """The id of the one role ``name`` means, or None (unknown or ambiguous)."""
        return getattr(self.find(name).role, "id", None)

    def place(self, name: str | Role, *, what: str = "role") -> Match:
        """:meth:`find`, raising a :class:`LadderError` that says why when ``name`` names no
        single role: unknown (with the nearest unambiguous name as a hint), ambiguous (with
        the candidates), or dropped by a variant with no role to stand in for it."""
        if not isinstance(name, str):  # a Role: its id here (a variant may have renamed it)
            name = name.id
        found = self.find(name)
        if found.role is not None:
            return found
        file = self.ladder.file if self.ladder is not None else None
        if found.candidates:
            raise LadderError(
                f"'{name}' could be any of {', '.join(r.id for r in found.candidates)}",
                file=file, hint="name the role by its id or its title: "
                + ", ".join(f"{r.id} ({r.title})" for r in found.candidates))
        if found.dropped is not None:
            role = found.dropped
            raise LadderError(
                f"{role.title} is not a role in the {self._variant_name()} variant, and no role "
                f"of it stands in for it on the {self._track_name(role.track)} track",
                file=file, hint=f"its roles: {', '.join(r.title for r in self.roles.values())}")
        where = "the roles given"
        if self.ladder is not None:
            where = f"ladder '{self.ladder.id}'" + (
                f" ({self.ladder.variant} variant)" if self.ladder.variant else "")
        names = self.suggestions()
        raise LadderError(
            f"{where} has no {what} '{name}'", file=file,
            hint=did_you_mean(name, names) or f"its roles: {', '.join(self.roles)}")

    def suggestions(self) -> list[str]:
        """Every name that means exactly one role, here or (for a variant) in the full ladder:
        what a did-you-mean may offer. Ambiguous names are left out."""
        matchers = [self] + ([self.full_matcher] if self.full is not None else [])
        names: list[str] = []
        for matcher in matchers:
            for role in matcher.roles.values():
                for name in (role.id, *role.aliases, role.title):
                    if name not in names and self.find(name).role is not None:
                        names.append(name)
        return names

    # -- the steps of find ------------------------------------------------------------------

    @property
    def full_matcher(self) -> TitleMatcher:
        if self._full_matcher is None:
            assert self.full is not None
            self._full_matcher = TitleMatcher(self.full)
        return self._full_matcher

    def _find_here(self, text: str) -> Match:
        lookups = [(tier, _plain(text)) for tier in ID_TIERS]
        lookups += [(tier, attempt) for attempt in _tries(text) for tier in TIERS
                    if tier not in ID_TIERS]
        for tier, key in lookups:
            holders = self.tables[tier].get(key)
            if holders and len(holders) == 1:
                return Match(text, self.roles[holders[0]], rank=tier)
            if holders:
                return Match(text, candidates=tuple(self.roles[h] for h in holders), rank=tier)
        return Match(text)

    def _within_ladder(self, text: str) -> Match | None:
        """``product:cpo``: a name within one ladder of a combined ladder."""
        key, sep, rest = text.partition(":")
        within = [r for r in self.roles.values() if r.id.startswith(f"{key.strip()}:")]
        if not sep or not within:
            return None
        found = TitleMatcher(within)._find_here(rest.strip())
        return replace(found, name=text) if found.role or found.candidates else None

    def _in_full_ladder(self, text: str) -> Match:
        """A name only the full ladder knows: the role of the variant standing in for it."""
        assert self.full is not None
        meant = self.full_matcher.find(text)
        if meant.role is None:
            return Match(text, candidates=meant.candidates, rank=meant.rank)
        dropped = meant.role
        kept = stand_in(self.full, dropped.id, self.roles)
        if kept is None:
            return Match(text, rank=meant.rank, dropped=dropped)
        role = self.roles[kept]
        side = "at or below" if role.level <= dropped.level else "above"
        return Match(text, role, rank=meant.rank, dropped=dropped, stand_in=True, note=(
            f"{dropped.title} is not a role in the {self._variant_name()} variant: it counts "
            f"as {role.title} there, the nearest role {side} its level on the "
            f"{self._track_name(dropped.track)} track"))

    def _variant_name(self) -> str:
        variant = self.ladder.variant if self.ladder is not None else None
        if variant is None or self.full is None:
            return str(variant)
        return self.full.variants.get(variant, FULL_VARIANT).name

    def _track_name(self, track_id: str) -> str:
        ladder = self.full or self.ladder
        track = ladder.tracks.get(track_id) if ladder is not None else None
        return track.name if track is not None else track_id


def resolve_role(ladder: Ladder, name: str | Role) -> Role:
    """The role of ``ladder`` called ``name`` (id, title or alias; see the module doc).

    >>> from ladder.sources.ladders import read_ladder
    >>> product = read_ladder("product")
    >>> resolve_role(product, "V.P. of Product").id, resolve_role(product, "Director, Product").id
    ('chief-product-officer', 'director-of-product')
    >>> resolve_role(product, "Senior PN")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: ...: ... has no role 'Senior PN' (did you mean 'Senior PM'?)
    """
    role = TitleMatcher(ladder).place(name).role
    assert role is not None  # place raises when the name names no single role
    return role


def unmatched_titles(
    titles: Iterable[Any], roles: Ladder | Iterable[Any] | Mapping[str, Any]
) -> list[tuple[str, int]]:
    """Titles (strings, or people with ``.title``) that name no single role, with how often
    each occurs: most frequent first, then alphabetical. Empty titles are not counted.

    >>> from ladder.model.ladder import Role
    >>> roles = [Role("product-manager", "Product Manager", 2, "ic")]
    >>> unmatched_titles(["PM", "Chef", "Chef", "Baker", ""], roles)
    [('Chef', 2), ('Baker', 1)]
    """
    matcher = TitleMatcher(roles)
    counts: Counter[str] = Counter()
    for item in titles:
        title = item if isinstance(item, str) else getattr(item, "title", "")
        title = " ".join((title or "").split())
        if title and matcher.match(title) is None:
            counts[title] += 1
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def assign_roles(org: Any, roles: Ladder | Iterable[Any] | Mapping[str, Any]) -> Any:
    """A copy of ``org`` whose people without a role get the role their title names."""
    from ladder.model.org import Org  # lazy: drawing a ladder loads no org model

    matcher = TitleMatcher(roles)
    people = []
    for person in org:
        role = None if person.role is not None else matcher.match(person.title)
        people.append(person if role is None else replace(person, role=role))
    return Org.build(org.name, people, list(org.departments.values()), ladder=org.ladder,
                     variant=org.variant, source=org.source)


def name_clashes(roles: Iterable[Role]) -> list[tuple[Role, str]]:
    """Names in a ladder that do not mean what they say, each with the role that gives it and
    a sentence: an alias that is another role's title (the title wins, so the alias only counts
    in a variant without that role) and an alias two roles share (ambiguous: it names
    neither). For ``ladder validate``.

    >>> from ladder.model.ladder import Role
    >>> roles = [Role("head", "Head of Product", 5, "m", ("Product Head",)),
    ...          Role("cpo", "Chief Product Officer", 6, "m", ("Head of Product", "Product Head"))]
    >>> for role, text in name_clashes(roles):  # doctest: +NORMALIZE_WHITESPACE
    ...     print(role.id, "|", text)
    cpo | alias 'Head of Product' is the title of role 'head': the name means that role, and
          means 'cpo' only in a variant without it
    cpo | alias 'Product Head' is also an alias of role 'head': it names neither role, and is
          refused as ambiguous
    """
    roles = list(roles)
    titles: dict[str, Role] = {}
    for role in roles:
        titles.setdefault(normalise_title(role.title), role)
    aliases: dict[str, Role] = {}
    found = []
    for role in roles:
        for alias in dict.fromkeys(role.aliases):
            key = normalise_title(alias)
            owner = titles.get(key)
            if owner is not None and owner.id != role.id:
                found.append((role, f"alias '{alias}' is the title of role '{owner.id}': the "
                              f"name means that role, and means '{role.id}' only in a variant "
                              "without it"))
                continue
            first = aliases.setdefault(key, role)
            if first.id != role.id and owner is None:
                found.append((role, f"alias '{alias}' is also an alias of role '{first.id}': "
                              "it names neither role, and is refused as ambiguous"))
    return found


def stand_in(ladder: Ladder, role_id: str, kept: Iterable[str]) -> str | None:
    """The kept role that stands in for ``role_id`` when a variant drops it, or None.

    On the dropped role's track: the highest kept role at or below its level (a startup's
    Senior PM is a PM); when there is none, the lowest kept role above it (a startup hires its
    Junior PMs as PMs). Ties go to the role fewer moves away, then to ladder order.

    >>> from ladder.sources.ladders import read_ladder
    >>> product = read_ladder()
    >>> kept = ["product-manager", "chief-product-officer"]
    >>> [stand_in(product, r, kept) for r in ("senior-product-manager",
    ...                                       "junior-product-manager", "head-of-product")]
    ['product-manager', 'product-manager', 'chief-product-officer']
    """
    import networkx as nx  # drawing a ladder loads no networkx; only a dropped role needs it

    role = ladder.roles[role_id]
    kept = set(kept)
    position = {r: i for i, r in enumerate(ladder.roles)}
    same_track = [r for r in ladder if r.id in kept and r.track == role.track]
    below = [r for r in same_track if r.level <= role.level]
    above = [r for r in same_track if r.level > role.level]
    if not below and not above:
        return None
    moves = nx.single_source_shortest_path_length(ladder.graph.to_undirected(as_view=True),
                                                  role_id)
    far = len(ladder.roles) + 1  # not connected: after every connected role
    if below:
        best = min(below, key=lambda r: (-r.level, moves.get(r.id, far), position[r.id]))
    else:
        best = min(above, key=lambda r: (r.level, moves.get(r.id, far), position[r.id]))
    return best.id
