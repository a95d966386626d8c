"""The drawn reorg diff: the new org chart with each change on its card.

A diff is drawn by the org chart's own path (layout, SVG, pinned DOT for PNG and PDF, split
pages, the HTML explorer): :func:`marked_org` turns the diff into an org whose cards carry a
mark and a label (``Person.mark``, ``Person.note``), with a card for each leaver under the
counterpart of the manager they had, and :func:`changes_only` keeps the changed cards with the
chain above each for context (``--view changes``). The legend of the marks is the page's own
legend, above the chart's top left corner (see :func:`ladder.renderers.org_cards.legend`),
so it sits where a reader starts, however wide the chart.
"""

from __future__ import annotations

from dataclasses import replace

from ladder.analysis.diff import Changed, OrgDiff
from ladder.model.org import Org, Person
from ladder.text import person_label

LEFT_PREFIX = "left:"  # id of the card standing for a leaver: never an id of the new org


def marked_org(diff: OrgDiff) -> Org:
    """The new org of ``diff`` with every joined, moved, created and changed card marked and
    labelled, and a card for each leaver (mark ``left``) and removed post (``removed``) under
    the new org's counterpart of their old manager (at the top when no manager above them
    is left)."""
    new = diff.new_org
    if new is None:  # pragma: no cover - diff_orgs always keeps it
        raise ValueError("the diff holds no new org")
    marks: dict[str, tuple[str, str]] = {}
    for created in diff.created:
        marks[created.id] = ("created", "New post")
    for joined in diff.joined:
        marks[joined.id] = ("joined", "Joined · new post" if joined.id in marks else "Joined")
    changes: dict[str, list[str]] = {}
    for changed in diff.changed:
        changes.setdefault(changed.id, []).append(change_label(changed, diff.old_org))
    for pid, texts in changes.items():
        if pid not in marks:
            more = f" +{len(texts) - 1}" if len(texts) > 1 else ""
            marks[pid] = ("changed", texts[0] + more)
    for moved in diff.moved:
        source = person_label(moved.was_under) if moved.was_under else "the top"
        text = f"Moved from {source}"
        if moved.id in changes:
            text += f" +{len(changes[moved.id])}"
        marks[moved.id] = ("moved", text)
    people = [replace(p, mark=marks[p.id][0], note=marks[p.id][1]) if p.id in marks else p
              for p in new]
    people += _leavers(diff, new)
    return Org.build(new.name, people, list(new.departments.values()), ladder=new.ladder,
                     variant=new.variant, source=new.source)


def _leavers(diff: OrgDiff, new: Org) -> list[Person]:
    """A card per leaver, under their old manager: that manager's counterpart in the new org,
    or the card of that manager when they left too (a team that went stays a team)."""
    old = diff.old_org
    back = {old_id: new_id for new_id, old_id in diff.renamed.items()}
    taken = set(new.people)
    cards_of: dict[str, str] = {}  # old id of a leaver or a removed post -> its card's id
    gone = [(item, "left", "Left") for item in diff.left]
    gone += [(item, "removed", "Post removed") for item in diff.removed
             if item.id not in {left.id for left in diff.left}]
    ids = []
    for item, _, _ in gone:
        pid, number = LEFT_PREFIX + item.id, 2
        while pid in taken:  # the same id left twice (a job share's rows): one card each
            pid, number = f"{LEFT_PREFIX}{item.id}~{number}", number + 1
        taken.add(pid)
        ids.append(pid)
        cards_of.setdefault(item.id, pid)

    def counterpart(manager_id: str | None) -> str | None:
        seen: set[str] = set()
        while manager_id is not None and manager_id not in seen:
            seen.add(manager_id)
            if manager_id in cards_of:
                return cards_of[manager_id]
            found = back.get(manager_id, manager_id)
            if found in new.people:
                return found
            above = old.people.get(manager_id) if old is not None else None
            manager_id = above.manager if above is not None else None
        return None

    cards = []
    for (item, mark, note), pid in zip(gone, ids, strict=True):
        person = item.person
        department = person.department if person.department in new.departments else None
        cards.append(Person(
            pid, person.name, person.title, manager=counterpart(person.manager),
            department=department, vacant=person.vacant, shared_with=person.shared_with,
            extra=person.extra, mark=mark, note=note, id_made_up=True))
    return cards


def changes_only(org: Org) -> Org:
    """The marked cards of ``org`` and the chain of managers above each (``--view changes``);
    dotted lines between cards kept."""
    keep: set[str] = set()
    for person in org:
        if not person.mark:
            continue
        at: str | None = person.id
        while at is not None and at not in keep:
            keep.add(at)
            at = org.people[at].manager
    people = [replace(p, dotted=tuple(d for d in p.dotted if d in keep))
              for p in org if p.id in keep]
    return Org.build(org.name, people, list(org.departments.values()), ladder=org.ladder,
                     variant=org.variant, source=org.source)


def change_label(item: Changed, old: Org | None = None) -> str:
    """What a changed card says: ``Grade SCS1 → SCS2``, ``Title was Director``, ``Moved from
    Ann Lee`` (a post under another manager, named as the old org names them)."""
    if item.field == "manager":
        was = old.people.get(item.old) if old is not None and item.old else None
        return f"Moved from {person_label(was) if was else item.old or 'the top'}"
    if item.field == "vacancy":
        return f"Vacancy {item.new}"
    if item.field == "name":
        return f"Was {item.old}"
    if item.field == "grade":
        return f"Grade {item.old or '?'} → {item.new or '?'}"
    return f"{item.field.capitalize()} was {item.old or '(none)'}"


def diff_title(diff: OrgDiff, view: str) -> str:
    """The drawn diff's heading: the org, the two versions, and the view."""
    name = diff.new_org.name if diff.new_org is not None else diff.new
    shown = " (changed cards and the managers above them)" if view == "changes" else ""
    return f"{name}: {diff.old} → {diff.new}{shown}"
