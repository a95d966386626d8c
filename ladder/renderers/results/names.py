"""How every chart, table and export names a card: the one label of a person, open position,
job share or staff group.

An export's placeholder is not a name: a post with no published name (an empty cell, ``N/D``,
"Not disclosed") is named by what the data does say, its title, with "name not published";
never by its post reference or an id the importer made up (``CDD003``, ``0~41``), which mean
nothing to a reader and would read as a person in a diff.
"""

from __future__ import annotations

from ladder.analysis.diff import UNNAMED
from ladder.model.org import Person


def published_names(person: Person) -> list[str]:
    """The names of the people holding the card, placeholders left out.

    >>> published_names(Person("p", "Ana", shared_with=("Not disclosed",)))
    ['Ana']
    """
    return [n for n in (person.name, *person.shared_with) if n.strip().casefold() not in UNNAMED]


def card_name(person: Person) -> str:
    """The first line of a card (its title goes on the next): the names, or for a post whose
    names are not published, that it is not and how many people hold it.

    >>> card_name(Person("CDD003", "", "Deputy Director"))
    'Name not published'
    >>> card_name(Person("MD013", "", "Director", shared_with=("",)))
    '2 people, names not published'
    >>> card_name(Person("d1", "Ana", shared_with=("Bo",)))
    'Ana & Bo'
    """
    names = published_names(person)
    if names:
        return " & ".join(names)
    people = 1 + len(person.shared_with)
    return f"{people} people, names not published" if people > 1 else "Name not published"


def person_label(person: Person) -> str:
    """A card named on one line, for tables, notes, diffs and exports.

    >>> person_label(Person("p1", "", "Analyst", vacant=True))
    'Open: Analyst'
    >>> person_label(Person("CDD003", "", "Deputy Director")), person_label(Person("0~41", ""))
    ('Deputy Director (name not published)', 'Post (name not published)')
    >>> person_label(Person("MD013", "N/D", "Director", shared_with=("N/D",)))
    'Director (2 people, names not published)'
    >>> person_label(Person("junior~4", "", "Admin officers", fte=12.5))
    'Admin officers'
    >>> person_label(Person("ana", "Ana Lopez", "PM"))
    'Ana Lopez'
    """
    if person.vacant:
        return "Open: " + (person.title or person.name or "position")
    if person.fte is not None:  # a staff group is named by what its staff do
        return person.display_name or person.title or "Staff group"
    names = published_names(person)
    if names:
        return " & ".join(names)
    phrase = card_name(person)
    return f"{person.title or 'Post'} ({phrase[0].lower()}{phrase[1:]})"


__all__ = ["card_name", "person_label", "published_names"]
