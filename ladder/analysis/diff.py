"""What changed between two versions of an org: who joined, left, moved or changed, and spans.

People (or posts) are matched by id; where ids changed, by a name that is unique on both
sides (the record keeps the old id). Group cards an export makes up from its rows (junior
staff counted in FTE, ids such as ``junior~57``) have no identity across files: they count in
the spans of their managers, not as joiners or leavers. The answer is a record of records;
:mod:`ladder.renderers.results.diff` writes it as a table, JSON or CSV, and
:mod:`ladder.renderers.diff_chart` draws it.

>>> from ladder.model.org import Org, Person
>>> old = Org.build("x", [Person("a", "Ann", "CEO"), Person("b", "Bo", "CTO", manager="a"),
...                       Person("c", "Cy", "Dev", manager="b"), Person("d", "Di", manager="a")])
>>> new = Org.build("x", [Person("a", "Ann", "CEO"), Person("b", "Bo", "VP", manager="a"),
...                       Person("c", "Cy", "Dev", manager="a"), Person("e", "Ed", manager="a")])
>>> found = diff_orgs(old, new)
>>> found.counts()
{'joined': 1, 'left': 1, 'moved': 1, 'changed': 1, 'spans': 2}
>>> [(s.id, s.old, s.new) for s in found.spans]
[('a', 2, 3), ('b', 1, 0)]
>>> found.moved[0].id, found.moved[0].was_under.id, found.moved[0].now_under.id
('c', 'b', 'a')
>>> found.changed[0].field, found.changed[0].old, found.changed[0].new
('title', 'CTO', 'VP')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ladder.analysis.teams import org_stats
from ladder.model.org import Org, Person
from ladder.text import UNNAMED

KINDS = ("joined", "left", "moved", "changed", "spans")
FIELDS = ("vacancy", "name", "title", "grade", "department")  # what a change may be of


@dataclass(frozen=True)
class Joined:
    """Someone in the new org only, and their manager there (None: at the top)."""

    person: Person
    manager: Person | None

    @property
    def id(self) -> str:
        return self.person.id


@dataclass(frozen=True)
class Left:
    """Someone in the old org only (as the old org had them), and their manager there."""

    person: Person
    manager: Person | None

    @property
    def id(self) -> str:
        return self.person.id


@dataclass(frozen=True)
class Moved:
    """Someone whose manager changed: the old manager (old org) and the new one (new org);
    ``old_id`` is their id in the old org when it changed (matched by name). A person who
    moved from one post to another that both exist (``from_post``, the old post) is moved
    too, with the ``evidence`` that it is the same person."""

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
    """One field of a person or post that changed (one of :data:`FIELDS`).

    A vacancy change has ``old`` "open" or "filled" and ``new`` "opened" or "filled".
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

    Items follow the new org's order; leavers the old org's. ``staff_groups`` counts the
    group cards of each side that count in spans only.
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

    def counts(self) -> dict[str, int]:
        """How many of each kind (``changed`` counts people, not fields)."""
        return {kind: len({item.id for item in self.changed}) if kind == "changed"
                else len(getattr(self, kind)) for kind in KINDS}


def _comparable(person: Person) -> bool:
    """Has this card an identity across files? Not a group card whose id an import made up."""
    return not (person.fte is not None and person.id_made_up)


def _real_name(person: Person) -> str | None:
    name = " ".join(person.display_name.split()).casefold()
    return None if person.vacant or name in UNNAMED else name


def _match(old: Org, new: Org) -> tuple[dict[str, str], dict[str, str]]:
    """{new id: old id} for every person found on both sides, and the ones found by name."""
    matched = {pid: pid for pid, p in new.people.items()
               if pid in old.people and _comparable(p) and _comparable(old.people[pid])}
    taken = set(matched.values())
    spare_old = [p for p in old if p.id not in taken and _comparable(p)]
    spare_new = [p for p in new if p.id not in matched and _comparable(p)]
    old_names = Counter(_real_name(p) for p in spare_old)
    new_names = Counter(_real_name(p) for p in spare_new)
    by_name = {_real_name(p): p.id for p in spare_old}
    renamed = {}
    for person in spare_new:
        name = _real_name(person)
        if name and old_names[name] == 1 and new_names[name] == 1:
            matched[person.id] = by_name[name]
            renamed[person.id] = by_name[name]
    return matched, renamed


def _post_movers(old: Org, new: Org, matched: Mapping[str, str]
                 ) -> dict[str, tuple[Person, str]]:
    """{new post id: (old post, evidence)} for each person found, by a name unique on both
    sides, on a post other than the one they held (a post matched to another, or new).
    The grade or unit, when it is the same on both, is named as further evidence."""
    def unique(org: Org) -> dict[str, Person]:
        seen = Counter(_real_name(p) for p in org if _comparable(p))
        return {name: p for p in org if _comparable(p) and (name := _real_name(p))
                and seen[name] == 1}

    before, after = unique(old), unique(new)
    movers = {}
    for name, now in after.items():
        was = before.get(name)
        if was is None or matched.get(now.id) == was.id:
            continue
        if now.id not in matched and was.id not in matched.values():
            continue  # matched by name already (an id changed): not a move of posts
        evidence = ["same name"]
        if _grade(was) and _grade(was) == _grade(now):
            evidence.append(f"grade {_grade(now)}")
        if was.department and was.department == now.department:
            evidence.append(f"unit {now.department}")
        movers[now.id] = (was, ", ".join(evidence))
    return movers


def _grade(person: Person) -> str:
    return dict(person.extra).get("grade", "")


def _department(org: Org, person: Person) -> str:
    if not person.department:
        return ""
    known = org.departments.get(person.department)
    return known.name if known else person.department


def diff_orgs(old: Org, new: Org, *, old_label: str | None = None,
              new_label: str | None = None) -> OrgDiff:
    """The changes from ``old`` to ``new`` (deterministic: new org order, leavers in old
    order)."""
    matched, renamed = _match(old, new)
    back = {old_id: new_id for new_id, old_id in matched.items()}

    def manager(org: Org, manager_id: str | None) -> Person | None:
        return org.people.get(manager_id) if manager_id else None

    movers = _post_movers(old, new, matched)  # new post id -> (old post, evidence)
    moved_names = {_real_name(post) for post, _ in movers.values()}
    old_names = {_real_name(p) for p in old} - {None}
    new_names = {_real_name(p) for p in new} - {None}
    handed_over: list[Left] = []  # people gone from a post that someone moved into
    joined, moved, changed = [], [], []
    for person in new:
        if not _comparable(person):
            continue
        if person.id in movers:  # the same person on another post: moved, not joined
            post, evidence = movers[person.id]
            moved.append(Moved(person, manager(old, post.manager), manager(new, person.manager),
                               from_post=post, evidence=evidence))
            if person.id not in matched:
                continue
        elif person.id not in matched:
            joined.append(Joined(person, manager(new, person.manager)))
            continue
        was = old.people[matched[person.id]]
        old_id = was.id if person.id in renamed else None
        before = back.get(was.manager) if was.manager else None
        if person.id not in movers and (
                before != person.manager or (was.manager and was.manager not in back)):
            moved.append(Moved(person, manager(old, was.manager),
                               manager(new, person.manager), old_id))
        changes = _changes(old, was, new, person)
        if any(f == "name" for f, _, _ in changes) and (
                {_real_name(was), _real_name(person)} & moved_names):
            # the post changed hands because someone moved: the moves say so; whoever else
            # held it joined or left the org (not "name changed")
            changes = [c for c in changes if c[0] != "name"]
            if _real_name(person) not in old_names:
                joined.append(Joined(person, manager(new, person.manager)))
            if _real_name(was) not in new_names:
                handed_over.append(Left(was, manager(old, was.manager)))
        changed += [Changed(person, name, old_value, new_value, old_id)
                    for name, old_value, new_value in changes]
    moved_from = {post.id for post, _ in movers.values()}
    left = [Left(person, manager(old, person.manager)) for person in old
            if _comparable(person) and person.id not in back and person.id not in moved_from]
    left += handed_over
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
    return OrgDiff(
        old_label or old.name, new_label or new.name, tuple(joined), tuple(left),
        tuple(moved), tuple(changed), tuple(spans), renamed,
        staff_groups=(sum(1 for p in old if not _comparable(p)),
                      sum(1 for p in new if not _comparable(p))),
        new_org=new, old_org=old,
    )


def _changes(old: Org, was: Person, new: Org, now: Person) -> list[tuple[str, str, str]]:
    """(field, old, new) for each field of a post or person that changed."""
    found = []
    if was.vacant != now.vacant:
        found.append(("vacancy", "open" if was.vacant else "filled",
                      "opened" if now.vacant else "filled"))
    elif not now.vacant and _real_name(was) != _real_name(now) and _real_name(was) \
            and _real_name(now):
        found.append(("name", was.display_name, now.display_name))
    if was.title != now.title:
        found.append(("title", was.title, now.title))
    if _grade(was) != _grade(now):
        found.append(("grade", _grade(was), _grade(now)))
    if _department(old, was) != _department(new, now):
        found.append(("department", _department(old, was), _department(new, now)))
    return found
