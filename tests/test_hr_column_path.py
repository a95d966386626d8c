"""Clean exports are read column by column (``resolve_columns``), the others row by row
(``resolve``): both ways must give the same org and the same account of every row.

Each export is loaded twice, once with the column path refused, and the results compared
whole: people (every field), departments, problems (every field, in order), the counts, the
rows not drawn and the lines. Generated exports give the column path its problems: missing,
case-only and space-only managers (with and without ``--fix``), self-reports, cycles, extra
roots, NULL managers, missing names, emails and grades, titles with stray spaces, records
spanning lines.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest

import ladder.sources.hr.load as load_module
from ladder.errors import SourceError
from ladder.model.org import Org
from ladder.sources.hr import load_export
from tests.hr_helpers import DATA, ORGS, assert_accounted

SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx"}
EXPORTS = sorted(p for folder in (DATA, ORGS, Path(__file__).parent / "hostile")
                 if folder.is_dir() for p in folder.rglob("*") if p.suffix in SUFFIXES)


def _both(monkeypatch: pytest.MonkeyPatch, path: Path, **options) -> tuple[object, object]:
    """(the result as loaded, the result with the column path refused); an error, if the
    load fails, in their place."""

    def load() -> object:
        try:
            return load_export(path, **options)
        except SourceError as error:
            return str(error)

    columns_taken = []
    real = load_module._clean_columns

    def watched(*args, **kwargs):
        found = real(*args, **kwargs)
        columns_taken.append(found is not None)
        return found

    monkeypatch.setattr(load_module, "_clean_columns", watched)
    first = load()
    monkeypatch.setattr(load_module, "_clean_columns", lambda *args, **kwargs: None)
    second = load()
    monkeypatch.setattr(load_module, "_clean_columns", real)
    return first, second, any(columns_taken)


def _same(first, second) -> None:
    if isinstance(first, str) or isinstance(second, str):
        assert first == second
        return
    assert list(first.org.people.values()) == list(second.org.people.values())
    assert first.org.departments == second.org.departments
    assert first.org.posts == second.org.posts and first.org.name == second.org.name
    assert first.problems == second.problems
    assert (first.rows, first.drawn, first.undrawn, first.lines, first.columns, first.notes) \
        == (second.rows, second.drawn, second.undrawn, second.lines, second.columns,
            second.notes)
    assert_accounted(first)
    # the forest the import handed the org is the one the org makes of its people
    assert first.org.numbering() == Org.build("again", list(first.org)).numbering()


def test_the_corpus_takes_both_paths() -> None:
    assert len(EXPORTS) > 30


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.name)
def test_every_export_reads_the_same_both_ways(monkeypatch: pytest.MonkeyPatch,
                                               path: Path) -> None:
    first, second, _ = _both(monkeypatch, path)
    _same(first, second)


def _messy_export(seed: int) -> str:
    """An export with unique, tidy ids (so the column path takes it) and every problem that
    leaves the ids alone; blank rows and repeated headers between the rows."""
    rng = random.Random(seed)
    size = rng.randint(5, 60)
    ids = [f"E{i}" for i in range(size)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=rng.choice(["\n", "\r\n"]))
    writer.writerow(["id", "manager", "name", "title", "department", "email", "grade"])
    above = [ids[rng.randrange(i)] if i else "" for i in range(size)]
    for _ in range(rng.randint(0, 2)):  # a circle of managers, of two rows or more
        circle = rng.sample(range(1, size), rng.randint(2, min(4, size - 1)))
        for at, to in zip(circle, circle[1:] + circle[:1], strict=True):
            above[at] = ids[to]
    for i, pid in enumerate(ids):
        manager = above[i]
        roll = rng.random()
        if roll < 0.05:
            manager = rng.choice(["", "NULL", "n/a", " - "])  # another root
        elif roll < 0.1:
            manager = manager.lower()  # case only
        elif roll < 0.15:
            manager = f" {manager} "  # spaces only
        elif roll < 0.18:
            manager = f" {manager.lower()}"  # both
        elif roll < 0.22:
            manager = f"X{rng.randrange(size)}"  # missing
        elif roll < 0.25:
            manager = pid  # itself
        elif roll < 0.3 and i > 2:
            manager = ids[rng.randrange(i, size)]  # later: a cycle, maybe
        elif roll < 0.32:
            manager = f"{rng.randrange(size)}.0"  # decimals
        name = rng.choice(["Ann Lee", " Bo  Chan ", "", "Cy\nDay", "Di Eze"])
        title = rng.choice(["Engineer", " Engineer", "Lead  Dev", "", "Tête\tde liste"])
        department = rng.choice(["Sales", " Sales ", "", "R&D", "sales"])
        email = rng.choice(["", f"{pid.lower()}@x.org", f" {pid}@x.org"])
        grade = rng.choice(["", "G7", " G7 "])
        writer.writerow([pid, manager, name, title, department, email, grade])
        if rng.random() < 0.05:  # a blank line, a blank row, or the header again
            writer.writerow(rng.choice([[], ["", " ", ""], ["ID", "Manager", "name", "title",
                                                            "department", "email", "grade"]]))
    return out.getvalue()


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("fix", [(), ("case", "space")])
def test_messy_clean_id_exports_read_the_same_both_ways(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seed: int, fix: tuple[str, ...]
) -> None:
    path = tmp_path / "export.csv"
    path.write_text(_messy_export(seed), encoding="utf-8", newline="")
    first, second, taken = _both(monkeypatch, path, fix=fix)
    assert taken  # the column path read it
    _same(first, second)


def test_a_clean_export_takes_the_column_path(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    path = tmp_path / "org.csv"
    path.write_text("id,manager,name\n1,,Ann\n2,1,Bo\n3,2,Cy\n", encoding="utf-8")
    first, second, taken = _both(monkeypatch, path)
    assert taken
    _same(first, second)
    assert [(p.id, p.manager) for p in first.org] == [("1", None), ("2", "1"), ("3", "2")]


@pytest.mark.parametrize("seed", range(20))
def test_names_tidied_together_match_names_tidied_one_by_one(seed: int) -> None:
    # every kind of white space str.split() knows, where a name can hold it
    rng = random.Random(seed)
    spaces = [" ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u1680",
              "\u2003", "\u2028", "\u2029", "\u202f", "\u3000", "\u200b"]
    cells = ["".join(rng.choice([*spaces, "A", "b", "é", "-"]) for _ in range(rng.randint(0, 6)))
             for _ in range(rng.randint(1, 30))]
    clean = [load_module._text(cell) for cell in cells]
    assert load_module._tidy_all(cells) == clean
    assert load_module._tidy_all(clean) == clean
