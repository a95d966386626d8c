"""What the text and docs formats share: reading drawing options, titles, plain-words summaries.

The Mermaid, Markdown and HTML writers take ``(thing, options)`` like every format; ``options``
is the API's options object (or a plain mapping in tests), read through :func:`option`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ladder.text import person_label, plural, published_names

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # in typing from Python 3.13; only checkers read it

    from ladder.model import Ladder, Org


def option(options: object, name: str, default: Any = None) -> Any:
    """``options.name`` (or ``options[name]``), else ``default`` when missing or None.

    >>> option({"detail": True}, "detail"), option(None, "theme", "light")
    (True, 'light')
    """
    if options is None:
        return default
    value = options.get(name) if isinstance(options, Mapping) else getattr(options, name, None)
    return default if value is None else value


def is_ladder(thing: object) -> TypeIs[Ladder]:
    """True for a ladder, False for an org (the two things the API draws)."""
    import sys

    # no Ladder exists unless its module was imported: an org chart need not import it
    module = sys.modules.get("ladder.model.ladder")
    return module is not None and isinstance(thing, module.Ladder)


def heading(thing: Ladder | Org, options: object = None) -> str:
    """The diagram's title: the one asked for, else the ladder's (with its variant) or the
    company's name."""
    given = option(options, "title")
    if given:
        return str(given)
    if is_ladder(thing):
        from ladder.renderers.ladder_dot import (
            default_title,  # lazy: an org chart loads no ladder model
        )

        return default_title(thing)
    return thing.name


def describe(thing: Ladder | Org) -> str:
    """One or two sentences that say what the diagram shows: a diagram's ``<desc>``.

    >>> from ladder.model.org import Org, Person
    >>> describe(Org.build("Acme", [Person("a", "Ada", "CEO"), Person("b", "Bo", manager="a")]))
    'Org chart of Acme: 2 positions, 2 people. At the top: Ada (CEO).'
    """
    if is_ladder(thing):
        return _describe_ladder(thing)
    return _describe_org(thing)


def _describe_ladder(ladder: Ladder) -> str:
    from ladder.model import LATERAL  # lazy: an org chart loads no ladder model

    tracks = ladder.used_tracks()
    promotions = sum(move.kind != LATERAL for move in ladder.moves)
    laterals = len(ladder.moves) - promotions
    levels = ladder.levels()
    span = f"levels {levels[0]} to {levels[-1]}" if len(levels) > 1 else f"level {levels[0]}" \
        if levels else "no levels"
    text = (f"Career ladder {heading(ladder)}: {plural(len(ladder), 'role')} on "
            f"{plural(len(tracks), 'track')} ({', '.join(t.name for t in tracks)}), {span}, "
            f"{plural(promotions, 'promotion')}")
    if laterals:
        text += f" and {plural(laterals, 'lateral move')}"
    tops = [role.title for role in ladder.top_roles()]
    return text + (f". Top: {', '.join(tops)}." if tops else ".")


def _describe_org(org: Org) -> str:
    from ladder.analysis.teams import org_totals  # here: a ladder's drawing needs no Org

    totals = org_totals(org)  # the numbers of ladder stats, by the same count
    parts = [plural(totals.entries, "position"), plural(totals.headcount, "person")]
    if totals.open_positions:
        parts.append(plural(totals.open_positions, "open position"))
    departments = sum(1 for key in totals.by_department if key)
    if departments:
        parts.append(plural(departments, "department"))
    roots = org.roots()
    # the label names an unnamed post by its title already
    tops = ", ".join(f"{label} ({p.title})" if p.title and not p.vacant and published_names(p)
                     else label for p in roots[:3] for label in (person_label(p),))
    more = f" and {len(roots) - 3} more" if len(roots) > 3 else ""
    top = f" At the top: {tops}{more}." if roots else ""
    return f"Org chart of {org.name}: {', '.join(parts)}.{top}"
