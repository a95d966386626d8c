"""The built-in ladder says where each fact comes from, and an ``article`` fact is the article's.

The seed article (``../shared/seed/product-titles-article.txt``) is read here on its own, with a
reader written for this test: its words, lower case, punctuation dropped. A fact the ladder marks
``article`` must be a run of those words; every other fact must be marked, so a drawing can set
the ``practice`` ones apart.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ladder.sources.ladders import read_ladder

PRODUCT = read_ladder("product")


def words(text: str) -> tuple[str, ...]:
    """The words of ``text``: letters and digits, lower case ("company's" -> company, s)."""
    return tuple(re.findall(r"[a-z0-9]+", text.casefold()))


@pytest.fixture
def article(shared_dir: Path) -> str:
    return " " + " ".join(words((shared_dir / "seed" / "product-titles-article.txt")
                                .read_text(encoding="utf-8"))) + " "


def in_article(text: str, article: str) -> bool:
    found = words(text)
    return bool(found) and f" {' '.join(found)} " in article


def facts() -> list[tuple[str, str, str | None]]:
    """(what, text, source id) of every fact of the built-in ladder that is words."""
    found: list[tuple[str, str, str | None]] = []
    for area in PRODUCT.areas.values():
        found.append((f"area {area.id}", area.name, area.source))
        found.append((f"area {area.id} summary", area.summary, area.summary_source))
        found.append((f"area {area.id} group", area.group or "", area.group_source))
    for role in PRODUCT:
        found.append((f"role {role.id}", role.title, role.source))
        found.append((f"role {role.id} summary", role.summary, role.summary_source))
        found += [(f"role {role.id} alias", alias, role.alias_source(alias))
                  for alias in role.aliases]
        found += [(f"role {role.id} competency", c.name, c.source) for c in role.competencies]
        found += [(f"role {role.id} {area}", s.text, s.source)
                  for area, statements in role.expectations for s in statements]
    return found


def test_every_fact_of_the_built_in_ladder_names_its_source() -> None:
    unsourced = [(what, text) for what, text, source in facts() if source is None]
    assert unsourced == []
    numbers = ([(role.id, role.level_source) for role in PRODUCT]
               + [(f"{m.source}->{m.target}", m.years_source) for m in PRODUCT.moves]
               + [(spec.id, spec.source) for spec in PRODUCT.variants.values()])
    assert [what for what, source in numbers if source is None] == []
    assert set(PRODUCT.sources) == {"article", "practice"}


def test_what_is_marked_article_is_in_the_article(article: str) -> None:
    marked = [(what, text) for what, text, source in facts() if source == "article"]
    assert len(marked) > 60  # the four titles, their definitions, lists and remarks
    assert [(what, text) for what, text in marked if not in_article(text, article)] == []


def test_numbers_are_practice_the_article_gives_none(article: str) -> None:
    # the article has no level numbers, years or company sizes: each is ours
    assert {role.level_source for role in PRODUCT} == {"practice"}
    assert {move.years_source for move in PRODUCT.moves} == {"practice"}
    assert {spec.source for spec in PRODUCT.variants.values()} == {"practice"}
    # its one number of years is the post's age ("2 years ago")
    assert re.findall(r" (\d+) years (\w+)", article) == [("2", "ago")]


def test_the_three_groups_are_the_articles_and_the_areas_ours(article: str) -> None:
    groups = {a.group for a in PRODUCT.areas.values() if a.group_source == "article"}
    assert groups == {"technology", "business", "design"}
    assert " works in three main groups technology business and design " in article
    # the article lists skills, not areas: every area and its summary is practice
    assert {a.source for a in PRODUCT.areas.values()} == {"practice"}
    assert {a.summary_source for a in PRODUCT.areas.values()} == {"practice"}


def test_the_four_titles_of_the_article_carry_its_definition(article: str) -> None:
    defined = {role.title: role.summary for role in PRODUCT if role.summary_source == "article"}
    assert set(defined) == {"Product Manager", "Director of Product", "Head of Product",
                            "Chief Product Officer"}
    for title, summary in defined.items():
        assert words(title)[0] in words(summary)[:4]  # "A product manager ...", "Head of ..."
        assert in_article(summary, article)


def test_a_made_up_fact_marked_article_is_caught(article: str) -> None:
    # the checker can fail: a paraphrase is not the article's words
    assert not in_article("UX and UI design", article)
    assert not in_article("Possesses strategic product vision.", article)
    assert in_article("Strategic product vision skills.", article)
