"""``ladder diff`` as a table, JSON data or CSV: the writers of
:class:`~ladder.analysis.diff.OrgDiff`.

Every item is written with its ``id``, the ``name`` :func:`label` gives and its ``title``;
JSON keeps the data whole, the table cuts long names to :data:`TABLE_TEXT` characters.

>>> from ladder.analysis.diff import diff_orgs
>>> from ladder.model.org import Org, Person
>>> old = Org.build("x", [Person("a", "Ann", "CEO"), Person("b", "Bo", "CTO", manager="a")])
>>> new = Org.build("x", [Person("a", "Ann", "CEO"), Person("b", "Bo", "VP", manager="a")])
>>> print(diff_table(diff_orgs(old, new, old_label="v1", new_label="v2")), end="")
v1 -> v2: people: 0 joined, 0 left, 0 moved; posts: 0 created, 0 removed, 1 changed; 0 span changes
<BLANKLINE>
posts changed (1)
  b  Bo (VP): title: CTO -> VP
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

from ladder.analysis.diff import KINDS, Changed, Joined, Left, Moved, OrgDiff, SpanChange
from ladder.errors import summarised
from ladder.escape import clip, spreadsheet_cell
from ladder.model.org import Person
from ladder.text import person_label, plural

CSV_COLUMNS = ("change", "id", "name", "field", "old", "new", "note")
TABLE_TEXT = 60  # characters of a name, title or id in the table (json and csv keep them whole)


def summary(diff: OrgDiff) -> str:
    """``people: 3 joined, 2 left, 4 moved; posts: 1 created, 0 removed, 5 changed (7 field
    changes); 3 span changes``: people and posts apart, each counted once (a post with two
    fields changed is one changed, and says so), so the headline adds up to the sections."""
    counts = diff.counts()
    return (f"people: {counts['joined']} joined, {counts['left']} left, "
            f"{counts['moved']} moved; posts: {counts['created']} created, "
            f"{counts['removed']} removed, {counts['changed']} changed{_fields(diff)}; "
            f"{plural(counts['spans'], 'span change')}")


def _fields(diff: OrgDiff) -> str:
    """`` (7 field changes)`` when the changed posts have more changes than posts."""
    posts, fields = diff.counts()["changed"], len(diff.changed)
    return f" ({fields} field changes)" if fields != posts else ""


def notes(diff: OrgDiff) -> list[str]:
    """What the reader should know about how people were matched."""
    found = []
    if any(diff.staff_groups):
        old, new = diff.staff_groups
        found.append(f"{old} and {new} staff groups (cards counted in FTE, ids made up from "
                     "rows) count as their managers' staff, in no section")
    if any(diff.unnamed):
        old, new = diff.unnamed
        found.append(f"{old} and {new} posts' holders are not named: they change as posts, "
                     "not as people joining, leaving or moving")
    if diff.recased:
        found.append(f"{len(diff.recased)} matched where only the id's case changed: "
                     + summarised([f"'{o}' -> '{n}'" for n, o in diff.recased.items()]))
    if diff.renamed:
        found.append(f"{len(diff.renamed)} matched by name where the id changed: "
                     + summarised([f"'{o}' -> '{n}'" for n, o in diff.renamed.items()]))
    return found


def change_text(item: Changed) -> str:
    """``title: CTO -> VP``, or ``vacancy filled``."""
    if item.field == "vacancy":
        return f"vacancy {item.new}"
    if item.field == "manager":
        return f"reports to: {item.old or 'nobody (top)'} -> {item.new or 'nobody (top)'}"
    return f"{item.field}: {item.old} -> {item.new}"


def _renamed_note(old_id: str | None) -> dict[str, str]:
    return {"note": f"id was '{old_id}' (matched by name)"} if old_id else {}


def _note(item: Any) -> dict[str, str]:
    """The note of an item: how a person was followed to another post, or a changed id."""
    post = getattr(item, "from_post", None)
    if post is not None:
        what = post.title or "untitled"
        return {"note": f"from post '{post.id}' ({what}), the same person: {item.evidence}"}
    return _renamed_note(getattr(item, "old_id", None))


def _manager(key: str, person: Person | None) -> dict[str, str | None]:
    return {key: person.id if person else None,
            f"{key}_name": person_label(person) if person else None}


def item_data(item: Joined | Left | Moved | Changed | SpanChange) -> dict[str, Any]:
    """One item as JSON data: ``id``, ``name``, ``title``, then what the kind has."""
    data: dict[str, Any] = {"id": item.id, "name": person_label(item.person),
                            "title": item.person.title}
    if isinstance(item, Joined | Left):
        return data | _manager("manager", item.manager)
    if isinstance(item, Moved):
        return (data | _note(item) | _manager("from", item.was_under)
                | _manager("to", item.now_under))
    if isinstance(item, Changed):
        return data | _renamed_note(item.old_id) | {
            "field": item.field, "old": item.old, "new": item.new, "what": change_text(item)}
    return data | {"old": item.old, "new": item.new}


def diff_data(diff: OrgDiff) -> dict[str, Any]:
    """Plain data for ``--format json``: the labels, the counts, each kind's items, notes."""
    return {"old": diff.old, "new": diff.new, "ids": "posts" if diff.posts else "people",
            "counts": diff.counts(),
            **{kind: [item_data(item) for item in getattr(diff, kind)] for kind in KINDS},
            "notes": notes(diff)}


def diff_json(diff: OrgDiff) -> str:
    """:func:`diff_data` as indented JSON text ending in a newline."""
    return json.dumps(diff_data(diff), indent=2, ensure_ascii=False) + "\n"


def diff_rows(diff: OrgDiff) -> Iterator[dict[str, str]]:
    """One change a row: change, id, name, field, old, new, note (for ``--format csv``)."""
    def row(change: str, item: Any, field: str, old: str, new: str) -> dict[str, str]:
        note = _note(item).get("note", "")
        return {"change": change, "id": item.id, "name": person_label(item.person), "field": field,
                "old": old, "new": new, "note": note}

    for joined in diff.joined:
        yield row("joined", joined, "manager", "", joined.manager.id if joined.manager else "")
    for left in diff.left:
        yield row("left", left, "manager", left.manager.id if left.manager else "", "")
    for moved in diff.moved:
        yield row("moved", moved, "manager", moved.was_under.id if moved.was_under else "",
                  moved.now_under.id if moved.now_under else "")
    for created in diff.created:
        yield row("created", created, "manager", "",
                  created.manager.id if created.manager else "")
    for removed in diff.removed:
        yield row("removed", removed, "manager", removed.manager.id if removed.manager else "",
                  "")
    for changed in diff.changed:
        yield row("changed", changed, changed.field, changed.old, changed.new)
    for span in diff.spans:
        yield row("span", span, "direct reports", str(span.old), str(span.new))


def diff_csv(diff: OrgDiff) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    # names and titles are data: a cell never runs as a spreadsheet formula
    writer.writerows({key: spreadsheet_cell(value) for key, value in row.items()}
                     for row in diff_rows(diff))
    return out.getvalue()


def _who(person: Person) -> str:
    name, title = person_label(person), person.title
    if title and title not in name:
        return f"{clip(name, TABLE_TEXT)} ({clip(title, TABLE_TEXT)})"
    return clip(name, TABLE_TEXT)


def _named(person: Person | None) -> str:
    """``Ann Lee (a1)``, or ``nobody (top)`` for a top post."""
    if person is None:
        return "nobody (top)"
    name, ident = clip(person_label(person), TABLE_TEXT), clip(person.id, TABLE_TEXT)
    return f"{name} ({ident})" if name and name != ident else ident


def diff_table(diff: OrgDiff) -> str:
    """A readable listing, a section per kind with its count."""
    lines = [f"{diff.old} -> {diff.new}: {summary(diff)}"]
    lines += [f"  note: {note}" for note in notes(diff)]
    sections: tuple[tuple[str, tuple[Any, ...], Callable[[Any], str]], ...] = (
        ("people joined", diff.joined, lambda i: f"{_who(i.person)}, under {_named(i.manager)}"),
        ("people who left", diff.left,
         lambda i: f"{_who(i.person)}, was under {_named(i.manager)}"),
        ("people moved", diff.moved, lambda i: f"{_who(i.person)}: from {_named(i.was_under)} "
                                               f"to {_named(i.now_under)}"),
        ("posts created", diff.created,
         lambda i: f"{_who(i.person)}, under {_named(i.manager)}"),
        ("posts removed", diff.removed,
         lambda i: f"{_who(i.person)}, was under {_named(i.manager)}"),
        ("posts changed", diff.changed, lambda i: f"{_who(i.person)}: {change_text(i)}"),
        ("span changes", diff.spans,
         lambda i: f"{_who(i.person)}: {i.old} -> {i.new} direct reports"),
    )
    for title, items, text in sections:
        if not items:
            continue
        if title == "posts changed":  # the count of the headline, then what the lines are
            fields = _fields(diff).replace(" (", ", ").rstrip(")")
            lines += ["", f"posts changed ({diff.counts()['changed']}{fields})"]
        else:
            lines += ["", f"{title} ({len(items)})"]
        for item in items:
            note = _note(item).get("note")
            extra = f"  [{note}]" if note else ""
            # a line of a few names, whatever the names hold (changes quote titles)
            lines.append(clip(f"  {clip(item.id, TABLE_TEXT)}  {text(item)}{extra}",
                              6 * TABLE_TEXT))
    return "\n".join(lines) + "\n"
