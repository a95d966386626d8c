"""What changed between two versions of an org: who joined, left, moved or changed, and spans.

People (or posts) are matched by id; where ids changed, by a name that is unique on both
sides, with a note. Group cards an export makes up from its rows (junior staff counted in
FTE, ids such as ``junior~57``) have no identity across files: they count in the spans of
their managers, not as joiners or leavers.

>>> from ladder.model.org import Org, Person
>>> old = Org.build("x", [Person("a", "Ann", "CEO"), Person("b", "Bo", "CTO", manager="a"),
...                       Person("c", "Cy", "Dev", manager="b"), Person("d", "Di", manager="a")])
>>> new = Org.build("x", [Person("a", "Ann", "CEO"), Person("b", "Bo", "VP", manager="a"),
...                       Person("c", "Cy", "Dev", manager="a"), Person("e", "Ed", manager="a")])
>>> found = diff_orgs(old, new)
>>> found.counts()
{'joined': 1, 'left': 1, 'moved': 1, 'changed': 1, 'spans': 2}
>>> [(s["id"], s["old"], s["new"]) for s in found.spans]
[('a', 2, 3), ('b', 1, 0)]
>>> found.moved[0]["id"], found.moved[0]["from"], found.moved[0]["to"]
('c', 'b', 'a')
>>> found.changed[0]["what"]
'title: CTO -> VP'
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from ladder.analysis.spans import org_stats
from ladder.errors import summarised
from ladder.escape import clip
from ladder.model.org import Org, Person

KINDS = ("joined", "left", "moved", "changed", "spans")
# ids an import makes up from row numbers: 'junior~57', 'P1~12', '0~9', 'row-4'
_MADE_UP = re.compile(r".*~\d+|row-\d+")
_UNNAMED = {"", "not disclosed", "n/d", "vacant", "eliminated"}


@dataclass
class OrgDiff:
    """The changes from ``old`` to ``new``; each item is a dict with at least ``id``."""

    old: str
    new: str
    joined: list[dict[str, Any]] = field(default_factory=list)
    left: list[dict[str, Any]] = field(default_factory=list)
    moved: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)  # one item per field
    spans: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # new id -> old id (matched by name)
    new_org: Org | None = field(default=None, repr=False, compare=False)  # to draw the changes

    def counts(self) -> dict[str, int]:
        """How many of each kind (``changed`` counts people, not fields)."""
        return {kind: len({item["id"] for item in getattr(self, kind)}) if kind == "changed"
                else len(getattr(self, kind)) for kind in KINDS}

    def summary(self) -> str:
        """``3 joined, 2 left, 4 moved, 5 changed, 3 span changes``."""
        counts = self.counts()
        return (f"{counts['joined']} joined, {counts['left']} left, {counts['moved']} moved, "
                f"{counts['changed']} changed, {counts['spans']} span "
                f"change{'' if counts['spans'] == 1 else 's'}")

    def data(self) -> dict[str, Any]:
        """Plain data for ``--format json``."""
        return {"old": self.old, "new": self.new, "counts": self.counts(),
                **{kind: getattr(self, kind) for kind in KINDS}, "notes": self.notes}

    def to_json(self) -> str:
        return json.dumps(self.data(), indent=2, ensure_ascii=False) + "\n"

    def rows(self) -> list[dict[str, str]]:
        """One change a row: change, id, name, field, old, new, note (for ``--format csv``)."""
        rows = []
        for item in self.joined:
            rows.append(_row("joined", item, "manager", "", item["manager"] or ""))
        for item in self.left:
            rows.append(_row("left", item, "manager", item["manager"] or "", ""))
        for item in self.moved:
            rows.append(_row("moved", item, "manager", item["from"] or "", item["to"] or ""))
        for item in self.changed:
            rows.append(_row("changed", item, item["field"], item["old"], item["new"]))
        for item in self.spans:
            rows.append(_row("span", item, "direct reports", str(item["old"]),
                             str(item["new"])))
        return rows

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, ["change", "id", "name", "field", "old", "new", "note"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows())
        return out.getvalue()

    def to_table(self) -> str:
        """A readable listing, a section per kind with its count."""
        lines = [f"{self.old} -> {self.new}: {self.summary()}"]
        for note in self.notes:
            lines.append(f"  note: {note}")
        sections = (
            ("joined", self.joined, lambda i: f"{_who(i)}, under {_named(i, 'manager')}"),
            ("left", self.left, lambda i: f"{_who(i)}, was under {_named(i, 'manager')}"),
            ("moved", self.moved,
             lambda i: f"{_who(i)}: from {_named(i, 'from')} to {_named(i, 'to')}"),
            ("changed", self.changed, lambda i: f"{_who(i)}: {i['what']}"),
            ("span changes", self.spans,
             lambda i: f"{_who(i)}: {i['old']} -> {i['new']} direct reports"),
        )
        for title, items, text in sections:
            if not items:
                continue
            lines.append("")
            lines.append(f"{title} ({len(items)})")
            for item in items:
                extra = f"  [{item['note']}]" if item.get("note") else ""
                # a line of a few names, whatever the names hold (changes quote titles)
                lines.append(clip(f"  {clip(item['id'], TABLE_TEXT)}  {text(item)}{extra}",
                                  6 * TABLE_TEXT))
        return "\n".join(lines) + "\n"


def _row(change: str, item: dict[str, Any], field_name: str, old: str, new: str
         ) -> dict[str, str]:
    return {"change": change, "id": item["id"], "name": item["name"], "field": field_name,
            "old": old, "new": new, "note": item.get("note", "")}


TABLE_TEXT = 60  # characters of a name, title or id in the table (json and csv keep them whole)


def _who(item: dict[str, Any]) -> str:
    title, name = item.get("title"), item["name"]
    shown = f"{clip(name, TABLE_TEXT)} ({clip(title, TABLE_TEXT)})" if (
        title and title not in name) else clip(name, TABLE_TEXT)
    return shown


def _named(item: dict[str, Any], key: str) -> str:
    """``Ann Lee (a1)``, or ``nobody`` for a top post."""
    ident = item.get(key)
    if ident is None:
        return "nobody (top)"
    name = clip(item.get(f"{key}_name") or "", TABLE_TEXT)
    ident = clip(ident, TABLE_TEXT)
    return f"{name} ({ident})" if name and name != ident else ident


def label(person: Person) -> str:
    """How the diff names a person or post: the name, or what the post is when unnamed."""
    if person.vacant:
        return "Open: " + (person.title or "position")
    name = person.display_name
    if name.casefold() in _UNNAMED:
        return f"{person.title or person.id} ({name})" if name else (person.title or person.id)
    return name


def _comparable(person: Person) -> bool:
    """Has this card an identity across files? Not a group card whose id an import made up."""
    return not (person.fte is not None and _MADE_UP.fullmatch(person.id))


def _real_name(person: Person) -> str | None:
    name = " ".join(person.display_name.split()).casefold()
    return None if person.vacant or name in _UNNAMED else name


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
    result = OrgDiff(old_label or old.name, new_label or new.name)
    matched, renamed = _match(old, new)
    result.renamed = renamed
    back = {old_id: new_id for new_id, old_id in matched.items()}

    def manager_item(org: Org, manager: str | None, key: str) -> dict[str, Any]:
        person = org.people.get(manager) if manager else None
        return {key: manager, f"{key}_name": label(person) if person else None}

    for person in new:
        if not _comparable(person):
            continue
        base = {"id": person.id, "name": label(person), "title": person.title}
        if person.id not in matched:
            result.joined.append({**base, **manager_item(new, person.manager, "manager")})
            continue
        was = old.people[matched[person.id]]
        note = f"id was '{was.id}' (matched by name)" if person.id in renamed else ""
        if note:
            base["note"] = note
        before = back.get(was.manager) if was.manager else None
        if before != person.manager or (was.manager and was.manager not in back):
            result.moved.append({**base, **manager_item(old, was.manager, "from"),
                                 **manager_item(new, person.manager, "to")})
        for name, old_value, new_value in _changes(old, was, new, person):
            what = (f"{name}: {old_value} -> {new_value}" if name != "vacancy"
                    else f"vacancy {new_value}")
            result.changed.append({**base, "field": name, "old": old_value, "new": new_value,
                                   "what": what})
    for person in old:
        if _comparable(person) and person.id not in back:
            result.left.append({"id": person.id, "name": label(person), "title": person.title,
                                **manager_item(old, person.manager, "manager")})
    spans_old = {m["id"]: m["direct"] for m in org_stats(old)["managers"]}
    spans_new = {m["id"]: m["direct"] for m in org_stats(new)["managers"]}
    for person in new:
        if person.id not in matched:
            continue
        before, after = spans_old.get(matched[person.id], 0), spans_new.get(person.id, 0)
        if before != after:
            result.spans.append({"id": person.id, "name": label(person),
                                 "title": person.title, "old": before, "new": after})
    groups = sum(1 for p in old if not _comparable(p)), sum(1 for p in new if not _comparable(p))
    if any(groups):
        result.notes.append(f"{groups[0]} and {groups[1]} staff groups (cards counted in FTE, "
                            "ids made up from rows) count in their managers' spans, not as "
                            "joined or left")
    if renamed:
        result.notes.append(f"{len(renamed)} matched by name where the id changed: "
                            + summarised([f"'{o}' -> '{n}'" for n, o in renamed.items()]))
    return result


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


# -- the drawn diff: marks and labels on the new chart --------------------------------------


def marked_org(new: Org, diff: OrgDiff) -> Org:
    """The new org with every joined, moved and changed card marked and labelled
    (``Person.mark``, ``Person.note``): what the chart writer shows."""
    marks: dict[str, tuple[str, str]] = {}
    for item in diff.joined:
        marks[item["id"]] = ("joined", "Joined")
    changes: dict[str, list[str]] = {}
    for item in diff.changed:
        changes.setdefault(item["id"], []).append(_change_label(item))
    for pid, texts in changes.items():
        more = f" +{len(texts) - 1}" if len(texts) > 1 else ""
        marks[pid] = ("changed", texts[0] + more)
    for item in diff.moved:
        source = item["from_name"] or item["from"] or "the top"
        text = f"Moved from {source}"
        if item["id"] in changes:
            text += f" +{len(changes[item['id']])}"
        marks[item["id"]] = ("moved", text)
    people = [replace(p, mark=marks[p.id][0], note=marks[p.id][1]) if p.id in marks else p
              for p in new]
    return Org.build(new.name, people, list(new.departments.values()), ladder=new.ladder,
                     variant=new.variant, source=new.source)


def _change_label(item: dict[str, Any]) -> str:
    if item["field"] == "vacancy":
        return f"Vacancy {item['new']}"
    if item["field"] == "name":
        return f"Was {item['old']}"
    if item["field"] == "grade":
        return f"Grade {item['old'] or '?'} → {item['new'] or '?'}"
    return f"{item['field'].capitalize()} was {item['old'] or '(none)'}"
