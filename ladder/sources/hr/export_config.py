"""Write an org back as a company config (the agreed YAML format), for ``ladder import``.

Loading the written file gives the same org: same ids, names, titles, managers, departments,
vacancies, job shares, group cards and extra fields. The YAML is deterministic (input order,
no timestamps) and every string that YAML would read as something else is quoted.

>>> from ladder.model.org import Org, Person
>>> org = Org.build("Acme", [Person("007", "Ann", "CEO"), Person("b", "yes", manager="007")])
>>> print(config_text(org), end="")
company: Acme
people:
- id: '007'
  name: Ann
  title: CEO
- id: b
  name: 'yes'
  manager: '007'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ladder.errors import LadderError
from ladder.model.org import Org
from ladder.sources.company import PERSON_KEYS as RESERVED  # extra fields may not take these


def config_data(org: Org) -> dict[str, Any]:
    """The company config of ``org`` as plain data, keys in the documented order."""
    data: dict[str, Any] = {"company": org.name}
    if org.ladder:
        data["ladder"] = org.ladder
    if org.variant:
        data["variant"] = org.variant
    if org.departments:
        data["departments"] = [
            {"id": d.id, "name": d.name, **({"colour": d.colour} if d.colour else {})}
            for d in org.departments.values()
        ]
    people = []
    for person in org:
        item: dict[str, Any] = {"id": person.id}
        if person.shared_with:
            item["names"] = [person.name, *person.shared_with]
        elif person.name or not person.vacant:
            item["name"] = person.name
        if person.role:
            item["role"] = person.role
        if person.title or person.role:
            item["title"] = person.title
        if person.manager is not None:
            item["manager"] = person.manager
        if person.department:
            item["department"] = person.department
        if person.location:
            item["location"] = person.location
        if person.vacant:
            item["vacant"] = True
        if person.assistant:
            item["assistant"] = True
        if person.dotted:
            item["dotted"] = list(person.dotted)
        if person.fte is not None:
            item["fte"] = person.fte
        if person.note:
            item["note"] = person.note
        for key, value in person.extra:
            if key in RESERVED or key in item:
                raise LadderError(f"person '{person.id}': extra field '{key}' clashes with a "
                                  "config key", hint="rename the extra field")
            item[key] = value
        people.append(item)
    data["people"] = people
    return data


@cache
def _dumper() -> type:
    """The YAML dumper class, made on first use: charting an export needs no YAML."""
    import yaml

    class Dumper(yaml.SafeDumper):
        """Block style, no aliases (the same list twice must be written twice)."""

        def ignore_aliases(self, data: Any) -> bool:
            return True

    return Dumper


def config_text(org: Org, *, comment: str | None = None) -> str:
    """The company config YAML of ``org``; ``comment`` lines go on top."""
    import yaml

    text = yaml.dump(config_data(org), Dumper=_dumper(), sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=10_000)
    if comment:
        top = "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines())
        text = top + text
    return text


def imported_config_text(result: Any) -> str:
    """The company config of an imported export (an :class:`ImportResult`), headed by
    comment lines that say which files it came from and what the import found."""
    sources = ", ".join(Path(f).name for f in result.files)
    return config_text(result.org, comment=f"Written by `ladder import` from {sources}\n"
                       f"{result.summary()}\nEdit freely: this file is now the source of the "
                       "chart.")
