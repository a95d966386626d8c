"""Match job titles from HR exports to ladder roles, through titles and aliases.

Titles are compared in a normal form: no case or punctuation, common abbreviations spelt out
(``Sr.`` -> senior, ``PM`` -> product manager, ``VP`` -> vice president), small words dropped
(``VP of Product`` = ``VP Product``) and levels as roman numerals (``Product Manager 2`` =
``Product Manager II``).

>>> normalise_title("Sr. Product Manager"), normalise_title("Senior PM")
('senior product manager', 'senior product manager')
>>> normalise_title("VP of Product & Design"), normalise_title("Product Manager 2")
('vice president product and design', 'product manager ii')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

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


def normalise_title(text: str) -> str:
    """``text`` in the normal form titles are compared in (see the module doc).

    >>> normalise_title("  Head of  Product "), normalise_title("senior-product-manager")
    ('head product', 'senior product manager')
    """
    text = text.casefold().replace("&", " and ").replace("+", " and ")
    # dotted initials are one word: "V.P." is "vp"
    text = re.sub(r"\b(?:\w\.){2,}", lambda m: m.group(0).replace(".", "") + " ", text)
    words = re.sub(r"[^\w]+", " ", text).split()
    out: list[str] = []
    for word in words:
        if word in SMALL_WORDS:
            continue
        out.extend(ABBREVIATIONS.get(word, word).split())
    if out and out[-1] in LEVELS and len(out) > 1:
        out[-1] = LEVELS[out[-1]]
    return " ".join(out)


def _variants(title: str) -> list[str]:
    """Normal forms to try, most exact first: as written, without a qualifier such as
    ``(Payments)`` or ``, Growth``, then without a trailing level (``II``)."""
    tries = [normalise_title(title)]
    core = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", title)
    core = re.split(r",| - | – | — |\||:|/", core)[0]
    tries.append(normalise_title(core))
    for text in list(tries):
        words = text.split()
        if len(words) > 1 and words[-1] in ROMAN:
            tries.append(" ".join(words[:-1]))
    seen: list[str] = []
    for text in tries:
        if text and text not in seen:
            seen.append(text)
    return seen


class TitleMatcher:
    """Matches titles to the roles given; build once, match many."""

    def __init__(self, roles: Iterable[Any] | Mapping[str, Any]) -> None:
        if isinstance(roles, Mapping):
            roles = roles.values()
        self.by_title: dict[str, str] = {}
        self.by_alias: dict[str, str] = {}
        for role in roles:
            # the first role to claim a name keeps it: deterministic in ladder order
            self.by_title.setdefault(normalise_title(role.title), role.id)
            for name in (*getattr(role, "aliases", ()), role.id):
                self.by_alias.setdefault(normalise_title(name), role.id)

    def match(self, title: str | None) -> str | None:
        if not title or not title.strip():
            return None
        for text in _variants(title):
            for table in (self.by_title, self.by_alias):
                if text in table:
                    return table[text]
        return None


def match_title(title: str | None, roles: Iterable[Any] | Mapping[str, Any]) -> str | None:
    """The id of the role whose title, alias or id ``title`` names, or None.

    ``roles``: objects with ``.id``, ``.title`` and ``.aliases`` (e.g. a Ladder's roles).

    >>> from ladder.model.ladder import Role
    >>> roles = [Role("product-manager", "Product Manager", 2, "ic", ("PM", "Product Manager II")),
    ...          Role("senior-product-manager", "Senior Product Manager", 3, "ic")]
    >>> [match_title(t, roles) for t in ["Sr. Product Manager", "Senior PM",
    ...                                  "Product Manager II", "Product Manager (Payments)",
    ...                                  "Chef"]]
    ['senior-product-manager', 'senior-product-manager', 'product-manager', 'product-manager', None]
    """
    return TitleMatcher(roles).match(title)


def unmatched_titles(
    titles: Iterable[Any], roles: Iterable[Any] | Mapping[str, Any]
) -> list[tuple[str, int]]:
    """Titles (strings, or people with ``.title``) no role matches, with how often each
    occurs: most frequent first, then alphabetical. Empty titles are not counted.

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


def assign_roles(org: Any, roles: Iterable[Any] | Mapping[str, Any]) -> Any:
    """A copy of ``org`` whose people without a role get the role their title matches."""
    from ladder.model.org import Org

    matcher = TitleMatcher(roles)
    people = [
        p if p.role is not None or matcher.match(p.title) is None
        else replace(p, role=matcher.match(p.title))
        for p in org
    ]
    return Org.build(org.name, people, list(org.departments.values()), ladder=org.ladder,
                     variant=org.variant, source=org.source)
