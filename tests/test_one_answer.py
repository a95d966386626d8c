"""One function per answer: each small answer (a label, a plural, the years phrase, a
coordinate, a slug, one-line text, a text table, wrapping) is computed in ``ladder/text.py``
and nowhere else, and every output that shows it gives the same words.

The first tests read the package's code and fail on a copy coming back; the others check
what the functions and the outputs that call them say.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

import ladder
from ladder.analysis.teams import org_stats
from ladder.model.org import Org, Person
from ladder.renderers.results.stats import stats_data
from ladder.text import (
    coord,
    one_line,
    person_label,
    plural,
    slug,
    text_table,
    wrap,
    years_phrase,
)

PACKAGE = Path(ladder.__file__).resolve().parent
HOME = PACKAGE / "text.py"
ANSWERS = {"plural", "years_phrase", "person_label", "coord", "slug", "one_line", "text_table",
           "terminal_columns", "pad"}


def modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(PACKAGE.rglob("*.py")) if path != HOME]


def docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def strings(tree: ast.Module) -> list[tuple[int, str]]:
    """Every string literal of the code (f-string pieces too), docstrings left out."""
    skip = docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip]


def test_no_module_defines_an_answer_again():
    copies = [f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: def {node.name}"
              for path, tree in modules() for node in ast.walk(tree)
              if isinstance(node, ast.FunctionDef) and node.name.lstrip("_") in ANSWERS]
    assert copies == [], "call ladder.text instead"


# "s" if n != 1, else "s", "person" if n == 1: a plural written inline
INLINE_PLURAL = re.compile(r"""['"]s['"]\s+if\b|\belse\s+['"]s['"]"""
                           r"""|['"](person|people)['"]\s+if\b""")


def test_no_inline_plural():
    found = [f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
             for path in sorted(PACKAGE.rglob("*.py")) if path != HOME
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if INLINE_PLURAL.search(line)]
    assert found == [], "use ladder.text.plural"


def test_no_vacancy_label_outside_the_label_function():
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {text!r}"
             for path, tree in modules() for line, text in strings(tree)
             if re.search(r"Open[:(]|Open \(|Open position|^ \(open\)", text)]
    assert found == [], "use ladder.text.person_label"


def test_no_years_phrase_written_beside_a_number():
    """``f"{years:g} years"``, ``f"~{years} yr"``: the number and its unit written inline."""
    found = []
    for path, tree in modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for before, after in zip(node.values, node.values[1:], strict=False):
                if isinstance(before, ast.FormattedValue) and isinstance(after, ast.Constant) \
                        and re.match(r"\s*(yrs?|years?)\b", str(after.value)):
                    found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert found == [], "use ladder.text.years_phrase"


def test_no_column_padding_by_hand():
    found = [f"{path.relative_to(PACKAGE.parent)}:{number}"
             for path in sorted(PACKAGE.rglob("*.py")) if path != HOME
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\.[lr]just\(|:[<>]\{", line)]
    assert found == [], "use ladder.text.text_table or pad (they count terminal columns)"


# --- what the answers say ----------------------------------------------------------------


def org() -> Org:
    return Org.build("Acme", [
        Person("ceo", "Ann Lee", "CEO"),
        Person("d1", "Bo", "Head of Design", manager="ceo", shared_with=("Cy",)),
        Person("p7", "", "Designer", manager="d1", vacant=True),
        Person("p8", "", manager="d1", vacant=True),
        Person("ops~1", "", "Admin officers", manager="ceo", fte=12.5),
    ])


LABELS = {"ceo": "Ann Lee", "d1": "Bo & Cy", "p7": "Open: Designer", "p8": "Open: position",
          "ops~1": "Admin officers"}


def test_the_label_of_each_kind_of_card():
    assert {p.id: person_label(p) for p in org()} == LABELS
    assert person_label(org().people["p7"], with_id=True) == "Open: Designer (p7)"
    # no published name: the post's title, never the id as if it were a name
    assert person_label(Person("x", "", "PM"), with_id=True) == "PM (name not published) (x)"


@pytest.mark.parametrize("fmt", ["svg", "mermaid", "markdown", "html"])
def test_every_output_names_each_card_with_the_one_label(fmt):
    text = ladder.draw(org(), format=fmt)
    assert isinstance(text, str)
    for label in LABELS.values():
        ways = {"svg": [label.replace("&", "&amp;")], "markdown": [label.replace("&", "&amp;")],
                "mermaid": [label.replace("&", "#amp;")],
                # the explorer carries names as JSON data
                "html": [json.dumps(label)[1:-1], json.dumps(label)[1:-1].replace("&", "\\u0026")]}
        assert any(shown in text for shown in ways[fmt]), (fmt, label)


def test_stats_and_next_name_cards_as_the_chart_does():
    stats = stats_data(org_stats(org()))
    assert {m["id"]: m["name"] for m in stats["managers"]} == {"ceo": "Ann Lee", "d1": "Bo & Cy"}
    assert json.dumps(stats)  # plain data


def test_plural_and_years():
    assert [plural(n, "open position") for n in (0, 1, 2)] == [
        "0 open positions", "1 open position", "2 open positions"]
    assert plural(2, "person") == "2 people" and plural(3, "case-only manager match") == (
        "3 case-only manager matches")
    assert plural(2, "cycle broken", "cycles broken") == "2 cycles broken"
    assert [years_phrase(y) for y in (1, 2, 2.5, None)] == [
        "1 year", "2 years", "2.5 years", "typical years not given"]
    assert [years_phrase(y, short=True) for y in (1, 2.5)] == ["~1 yr", "~2.5 yrs"]


def test_the_ladder_drawings_say_years_alike():
    product = ladder.load("product")
    dot = ladder.draw(product, format="dot")
    mermaid = ladder.draw(product, format="mermaid")
    markdown = ladder.draw(product, format="markdown")
    for move in product.moves:
        if move.years is not None:
            assert years_phrase(move.years, short=True) in dot
            assert years_phrase(move.years, short=True) in mermaid
            assert f"about {years_phrase(move.years)}" in markdown


def test_coordinates_slugs_and_one_line():
    assert [coord(v) for v in (0, 12.0, 12.25, 12.04, -0.01, 1e6)] == [
        "0", "12", "12.2", "12", "0", "1000000"]
    taken: set[str] = set()
    assert [slug(name, taken) for name in ("R&D", "r-d", "Équipe", "")] == [
        "r-d", "r-d-2", "equipe", "item"]
    assert one_line("a\r\nb\u2028c\n\n d") == "a b c d"
    assert one_line("name  with  spaces") == "name  with  spaces"  # kept: it is data
    assert one_line("t\x1b[2J\x07", drop_controls=True) == "t[2J"


def test_tables_and_wrapping_count_terminal_columns():
    lines = text_table(["name", "n"], [["山田太郎", "1"], ["Ann", "22"]], right={1})
    assert lines == ["name       n", "--------  --", "山田太郎   1", "Ann       22"]
    assert wrap("aa bb cc", 5) == ["aa bb", "cc"]
    assert wrap("averyveryverylongword x", 5) == ["averyveryverylongword", "x"]
    assert wrap("a b", 100, measure=lambda text: 60 * len(text)) == ["a", "b"]
