"""What changed between two versions of an org: people who joined, left or moved; posts
created, removed or changed; and spans.

Cards are matched by id (never by an id the import made up from a row); where ids changed,
in an org whose ids name people, by a name unique on both sides (the record keeps the old
id). People are followed apart from posts: in an org whose ids name posts (an organogram: a
post keeps its reference while holders come and go), a person is found by a person-id column
(``person_id``: a staff number, an employee id) or an email where the export has one, else by
a name unique on each side, with the grade and unit as further evidence; the evidence is kept.
A post whose holder's name is not published follows no person: it changes as a post only.
Group cards an export makes up from its rows (junior staff counted in FTE) have no identity
across files: they count in the spans of their managers, in no section.

The answer is a record of records; :mod:`ladder.renderers.results.diff` writes it as a table,
JSON or CSV, and :mod:`ladder.renderers.diff_chart` draws it.

>>> from ladder.model.org import Org, Person
>>> old = Org.build("x", [Person("a", "Ann", "CEO"), Person("b", "Bo", "CTO", manager="a"),
...                       Person("c", "Cy", "Dev", manager="b"), Person("d", "Di", manager="a")])
>>> new = Org.build("x", [Person("a", "Ann", "CEO"), Person("b", "Bo", "VP", manager="a"),
...                       Person("c", "Cy", "Dev", manager="a"), Person("e", "Ed", manager="a")])
>>> found = diff_orgs(old, new)
>>> found.counts()
{'joined': 1, 'left': 1, 'moved': 1, 'created': 0, 'removed': 0, 'changed': 1, 'spans': 2}
>>> [(s.id, s.old, s.new) for s in found.spans]
[('a', 2, 3), ('b', 1, 0)]
>>> found.moved[0].id, found.moved[0].was_under.id, found.moved[0].now_under.id
('c', 'b', 'a')
>>> found.changed[0].field, found.changed[0].old, found.changed[0].new
('title', 'CTO', 'VP')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from ladder.analysis.teams import org_stats
from ladder.model.org import Org, Person
from ladder.text import UNNAMED

PEOPLE_KINDS = ("joined", "left", "moved")  # about people
POST_KINDS = ("created", "removed", "changed")  # about posts (cards)
KINDS = (*PEOPLE_KINDS, *POST_KINDS, "spans")
# what a post change may be of; "name" only where ids name people (a person renamed),
# "manager" only for a post that follows no person (vacant, name not published)
FIELDS = ("vacancy", "name", "title", "grade", "department", "manager")
PERSON_KEYS = ("person_id", "email")  # Person.extra fields that name a person, best first


@dataclass(frozen=True)
class _OneSide:
    """Someone (or a post) found in one org only, and the manager there (None: at the top)."""

    person: Person
    manager: Person | None

    @property
    def id(self) -> str:
        return self.person.id


@dataclass(frozen=True)
class Joined(_OneSide):
    """Someone (or, in ``created``, a post) in the new org only, and the manager there."""


@dataclass(frozen=True)
class Left(_OneSide):
    """Someone (or, in ``removed``, a post) in the old org only (as the old org had them),
    and the manager there."""


@dataclass(frozen=True)
class Moved:
    """Someone under another manager or on another post: the old manager (old org) and the
    new one (new org); ``old_id`` is their id in the old org when it changed (matched by
    name). ``from_post`` is the post they held in the old org when it is another post, with
    the ``evidence`` that it is the same person."""

    person: Person
    was_under: Person | None
    now_under: Person | None
    old_id: str | None = None
    from_post: Person | None = None  # the post they held in the old org, when it differs
    evidence: str = ""  # why it is the same person: "same name, grade SCS1"

    @property
    def id(self) -> str:
        return self.person.id


@dataclass(frozen=True)
class Changed:
    """One field of a post that changed (one of :data:`FIELDS`).

    A vacancy change has ``old`` "open" or "filled" and ``new`` "opened" or "filled"; a
    manager change the old and the new manager's ids.
    """

    person: Person
    field: str
    old: str
    new: str
    old_id: str | None = None

    @property
    def id(self) -> str:
        return self.person.id


@dataclass(frozen=True)
class SpanChange:
    """A manager whose direct reports (counted as :mod:`ladder.analysis.teams` counts)
    changed in number."""

    person: Person
    old: int
    new: int

    @property
    def id(self) -> str:
        return self.person.id


@dataclass(frozen=True)
class OrgDiff:
    """The changes from ``old`` to ``new`` (the two labels: file names or snapshots).

    People: ``joined``, ``left``, ``moved``; posts: ``created``, ``removed``, ``changed`` (one
    item per field); ``spans``. Items follow the new org's order; leavers and removed posts
    the old org's. ``posts``: the ids name posts (people are followed apart from them);
    ``staff_groups`` counts the group cards of each side that count in spans only;
    ``unnamed`` the posts whose holders follow no person (names not published).
    """

    old: str
    new: str
    joined: tuple[Joined, ...] = ()
    left: tuple[Left, ...] = ()
    moved: tuple[Moved, ...] = ()
    changed: tuple[Changed, ...] = ()  # one item per field
    spans: tuple[SpanChange, ...] = ()
    renamed: Mapping[str, str] = field(default_factory=dict)  # new id -> old id (by name)
    staff_groups: tuple[int, int] = (0, 0)  # (old, new)
    new_org: Org | None = field(default=None, repr=False, compare=False)  # to draw the changes
    old_org: Org | None = field(default=None, repr=False, compare=False)  # where leavers were
    created: tuple[Joined, ...] = ()
    removed: tuple[Left, ...] = ()
    posts: bool = False
    unnamed: tuple[int, int] = (0, 0)  # (old, new)
    recased: Mapping[str, str] = field(default_factory=dict)  # new id -> old id (case only)

    def counts(self) -> dict[str, int]:
        """How many of each kind (``changed`` counts posts, not fields)."""
        return {kind: len({item.id for item in self.changed}) if kind == "changed"
                else len(getattr(self, kind)) for kind in KINDS}


def _comparable(person: Person) -> bool:
    """Has this card an identity across files? Not a group card whose id an import made up."""
    return not (person.fte is not None and person.id_made_up)


def _real_name(person: Person) -> str | None:
    name = " ".join(person.display_name.split()).casefold()
    return None if person.vacant or name in UNNAMED else name


def _person_key(person: Person) -> tuple[str, str] | None:
    """What names the holder of a card across files: a person-id column or an email, else
    the published name; None for a vacancy or a post whose holder is not named."""
    if person.vacant:
        return None
    extra = dict(person.extra)
    for key in PERSON_KEYS:
        value = " ".join(extra.get(key, "").split()).casefold()
        if value and value not in UNNAMED:
            return key, value
    name = _real_name(person)
    return ("name", name) if name else None


def _match(old: Org, new: Org, *,
           by_name: bool) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """{new id: old id} for every card found on both sides, the ones found by name, and the
    ones whose id changed case only (``DfE-3014`` then ``DFE-3014``, as exports do)."""
    matched = {pid: pid for pid, p in new.people.items()
               if pid in old.people and not p.id_made_up and _comparable(p)
               and not old.people[pid].id_made_up}
    recased = _recased(old, new, matched)
    matched.update(recased)
    if not by_name:
        return matched, {}, recased
    taken = set(matched.values())
    spare_old = [p for p in old if p.id not in taken and _comparable(p)]
    spare_new = [p for p in new if p.id not in matched and _comparable(p)]
    old_names = Counter(_real_name(p) for p in spare_old)
    new_names = Counter(_real_name(p) for p in spare_new)
    old_ids = {_real_name(p): p.id for p in spare_old}
    renamed = {}
    for person in spare_new:
        name = _real_name(person)
        if name and old_names[name] == 1 and new_names[name] == 1:
            matched[person.id] = old_ids[name]
            renamed[person.id] = old_ids[name]
    return matched, renamed, recased


def _recased(old: Org, new: Org, matched: Mapping[str, str]) -> dict[str, str]:
    """{new id: old id} for cards found on neither side by id whose ids are the same when
    case and spaces are ignored (and no other card's is)."""
    def spare(org: Org, taken: Collection[str]) -> dict[str, str]:
        found = [(" ".join(p.id.split()).casefold(), p.id) for p in org
                 if p.id not in taken and not p.id_made_up and _comparable(p)]
        seen = Counter(key for key, _ in found)
        return {key: pid for key, pid in found if seen[key] == 1}

    before, after = spare(old, set(matched.values())), spare(new, set(matched))
    return {after[key]: before[key] for key in after if key in before}


_HONORIFICS = frozenset({"sir", "dame", "dr", "mr", "mrs", "ms", "miss", "prof", "professor",
                         "lord", "lady", "rt", "hon", "the"})


def _same_name(one: str, other: str) -> bool:
    """Could two spellings name one person: the same surname and first names of the same
    initial, titles left out (``Tom Jeffery`` and ``Thomas Jeffery``, ``David Bell`` and
    ``Sir David Bell``)? Only asked of the holders of one post at two dates.

    >>> _same_name("Tom Jeffery", "Thomas Jeffery"), _same_name("Anne Jackson", "Liz Jackson")
    (True, False)
    """
    def words(name: str) -> list[str]:
        return [w for w in re.sub(r"[^\w\s-]", " ", name.casefold()).split()
                if w not in _HONORIFICS]

    a, b = words(one), words(other)
    return len(a) >= 2 and len(b) >= 2 and a[-1] == b[-1] and a[0][0] == b[0][0]


def _holders(org: Org) -> dict[tuple[str, str], Person]:
    """{person key: card} for each person who holds exactly one card of ``org``."""
    keyed = [(key, p) for p in org if _comparable(p) and (key := _person_key(p))]
    seen = Counter(key for key, _ in keyed)
    return {key: p for key, p in keyed if seen[key] == 1}


def _respelt(before: Mapping[tuple[str, str], Person], after: Mapping[tuple[str, str], Person],
             matched: Mapping[str, str]) -> dict[tuple[str, str], tuple[str, str]]:
    """{new key: old key} for a post held at both dates by names spelt apart that may be one
    person's (:func:`_same_name`), neither found elsewhere: not a leaver and a joiner."""
    holder = {p.id: key for key, p in before.items()}
    found = {}
    for key, now in after.items():
        old_key = holder.get(matched.get(now.id, ""))
        if (old_key is not None and key not in before and old_key not in after
                and key[0] == old_key[0] == "name" and _same_name(key[1], old_key[1])):
            found[key] = old_key
    return found


def _evidence(key: tuple[str, str], was: Person, now: Person) -> str:
    """Why two cards hold the same person: the key, and a grade or unit both have."""
    found = {"person_id": ["same person id"], "email": ["same email"]}.get(key[0], ["same name"])
    if _grade(was) and _grade(was) == _grade(now):
        found.append(f"grade {_grade(now)}")
    if was.department and was.department == now.department:
        found.append(f"unit {now.department}")
    return ", ".join(found)


def _grade(person: Person) -> str:
    return dict(person.extra).get("grade", "")


def _department(org: Org, person: Person) -> str:
    if not person.department:
        return ""
    known = org.departments.get(person.department)
    return known.name if known else person.department


def diff_orgs(old: Org, new: Org, *, old_label: str | None = None,
              new_label: str | None = None, posts: bool | None = None) -> OrgDiff:
    """The changes from ``old`` to ``new`` (deterministic: new org order, leavers in old
    order). ``posts``: whether the ids name posts (default: as either org says, see
    :attr:`ladder.model.org.Org.posts`: an organogram's, or an export's whose id column names
    posts or positions)."""
    if posts is None:
        posts = old.posts or new.posts
    matched, renamed, recased = _match(old, new, by_name=not posts)
    back = {old_id: new_id for new_id, old_id in matched.items()}

    def manager(org: Org, manager_id: str | None) -> Person | None:
        return org.people.get(manager_id) if manager_id else None

    def same_manager(was: Person, now: Person) -> bool:
        before = back.get(was.manager) if was.manager else None
        return before == now.manager and not (was.manager and was.manager not in back)

    joined: list[Joined] = []
    left: list[Left] = []
    moved: list[Moved] = []
    if posts:  # people are followed by their key, apart from the posts
        before, after = _holders(old), _holders(new)
        respelt = _respelt(before, after, matched)
        for key, now in after.items():
            was = before.get(key) or before.get(respelt.get(key, ("", "")))
            if was is None:
                joined.append(Joined(now, manager(new, now.manager)))
            elif matched.get(now.id) != was.id:
                moved.append(Moved(now, manager(old, was.manager), manager(new, now.manager),
                                   from_post=was, evidence=_evidence(key, was, now)))
            elif not same_manager(was, now):
                moved.append(Moved(now, manager(old, was.manager), manager(new, now.manager)))
        kept = set(respelt.values())
        left = [Left(was, manager(old, was.manager)) for key, was in before.items()
                if key not in after and key not in kept]
        followed = {p.id for p in after.values()}
    else:  # a card is a person: found by id, or by name where the id changed
        for person in new:
            if not _comparable(person):
                continue
            if person.id not in matched:
                if not person.vacant:
                    joined.append(Joined(person, manager(new, person.manager)))
                continue
            was = old.people[matched[person.id]]
            if not person.vacant and not was.vacant and not same_manager(was, person):
                old_id = was.id if person.id in renamed else None
                moved.append(Moved(person, manager(old, was.manager),
                                   manager(new, person.manager), old_id))
        left = [Left(p, manager(old, p.manager)) for p in old
                if _comparable(p) and p.id not in back and not p.vacant]
        followed = {p.id for p in new if not p.vacant}
    order = {pid: number for number, pid in enumerate(old.people)}
    left.sort(key=lambda item: order[item.id])

    # a card whose id the import made up (a row not in post, an id used twice) is no post
    # another file could hold: it is neither created nor removed
    created = [Joined(p, manager(new, p.manager)) for p in new
               if _comparable(p) and not p.id_made_up and p.id not in matched
               and (posts or p.vacant)]
    removed = [Left(p, manager(old, p.manager)) for p in old
               if _comparable(p) and not p.id_made_up and p.id not in back
               and (posts or p.vacant)]
    changed = []
    for person in new:
        if person.id not in matched:
            continue
        was = old.people[matched[person.id]]
        old_id = was.id if person.id in renamed else None
        changes = _changes(old, was, new, person, posts=posts)
        if person.id not in followed and not same_manager(was, person):
            changes.append(("manager", was.manager or "", person.manager or ""))
        changed += [Changed(person, name, old_value, new_value, old_id)
                    for name, old_value, new_value in changes]
    spans_old, spans_new = org_stats(old).teams, org_stats(new).teams
    spans = []
    for person in new:
        if person.id not in matched:
            continue
        count_before, count_after = spans_old.get(matched[person.id]), spans_new.get(person.id)
        before_direct = count_before.direct if count_before else 0
        after_direct = count_after.direct if count_after else 0
        if before_direct != after_direct:
            spans.append(SpanChange(person, before_direct, after_direct))

    def unnamed(org: Org) -> int:
        return sum(1 for p in org if _comparable(p) and not p.vacant and _person_key(p) is None)

    return OrgDiff(
        old_label or old.name, new_label or new.name, tuple(joined), tuple(left),
        tuple(moved), tuple(changed), tuple(spans), renamed,
        staff_groups=(sum(1 for p in old if not _comparable(p)),
                      sum(1 for p in new if not _comparable(p))),
        new_org=new, old_org=old, created=tuple(created), removed=tuple(removed),
        posts=posts, unnamed=(unnamed(old), unnamed(new)) if posts else (0, 0),
        recased=recased,
    )


def _changes(old: Org, was: Person, new: Org, now: Person, *,
             posts: bool) -> list[tuple[str, str, str]]:
    """(field, old, new) for each field of a post that changed; the name only where the ids
    name people (where they name posts, a new name is a new holder: the people say so)."""
    found = []
    if was.vacant != now.vacant:
        found.append(("vacancy", "open" if was.vacant else "filled",
                      "opened" if now.vacant else "filled"))
    elif not posts and not now.vacant and _real_name(was) != _real_name(now) \
            and _real_name(was) and _real_name(now):
        found.append(("name", was.display_name, now.display_name))
    if was.title != now.title:
        found.append(("title", was.title, now.title))
    if _grade(was) != _grade(now):
        found.append(("grade", _grade(was), _grade(now)))
    if _department(old, was) != _department(new, now):
        found.append(("department", _department(old, was), _department(new, now)))
    return found
