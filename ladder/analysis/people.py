"""Finding a person in an org by what a user types: an id, or a name in any case and spacing.

Kept apart from the questions that use it (next, succession, paths) so that drawing a chart
from one person down (``--root``) loads no graph library.
"""

from __future__ import annotations

from ladder.errors import LadderError, did_you_mean
from ladder.model.org import Org, Person


def find_person(org: Org, name: str) -> Person:
    """A person or position by id, else by name (without regard to case or spacing; a job
    share by any of its names): what ``--root``, ``next``, ``succession`` and ``paths`` take.

    >>> org = Org.build("x", [Person("u1", "Una O'Brien"), Person("u2", "Una Obi"),
    ...                       Person("d", "Dee", shared_with=("Flo",)), Person("e", "Ed"),
    ...                       Person("e2", "ed")])
    >>> find_person(org, "una  o'brien").id, find_person(org, "Flo").id
    ('u1', 'd')
    >>> find_person(org, "Una O'Brian")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: 'x' has no person or position ... (did you mean 'Una O'Brien'?)
    >>> find_person(org, "ED")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: 2 people are called 'ED': e, e2 ...
    """
    if name in org.people:
        return org.people[name]
    wanted = " ".join(name.split()).casefold()

    def same(text: str) -> bool:
        return " ".join(text.split()).casefold() == wanted

    by_id = [p for p in org if same(p.id)]
    if len(by_id) == 1:
        return by_id[0]
    found = by_id or [p for p in org if any(same(n) for n in (p.name, *p.shared_with) if n)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise LadderError(f"{len(found)} people are called '{name}': "
                          f"{', '.join(p.id for p in found)}", file=org.source,
                          hint="name the person by id")
    choices = [*org.people, *(n for p in org for n in (p.name, *p.shared_with) if n)]
    raise LadderError(f"'{org.name}' has no person or position '{name}'", file=org.source,
                      hint=did_you_mean(name, choices) or "give a person's id or name")
