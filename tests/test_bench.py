"""The benchmark's helpers: seeded orgs and the DOT it hands to Graphviz (not timings)."""

from __future__ import annotations

from pathlib import Path

from bench.bench_orgs import LoadWatch, Run, plain_dot, shape, spread, svg_size, verdict
from bench.synth import synthetic_rows, write_synthetic_csv
from ladder.sources.hr import load_export


def test_synthetic_orgs_are_seeded_trees_of_the_asked_size() -> None:
    rows = synthetic_rows(2000, seed=7)
    assert rows == synthetic_rows(2000, seed=7)
    assert rows != synthetic_rows(2000, seed=8)
    assert len(rows) == 2000 and len({r[0] for r in rows}) == 2000
    seen = set()
    for pid, parent, *_ in rows:  # every manager comes before the report: a tree
        assert parent == "" or parent in seen
        seen.add(pid)
    spans: dict[str, int] = {}
    for _, parent, *_ in rows:
        spans[parent] = spans.get(parent, 0) + 1
    assert max(spans.values()) >= 30  # some very wide spans


def test_plain_dot_and_the_hr_reader_see_the_same_org(tmp_path: Path) -> None:
    csv_path = write_synthetic_csv(tmp_path / "org.csv", 300, seed=3)
    dot_path = tmp_path / "org.dot"
    assert plain_dot(csv_path, dot_path) == 300
    assert dot_path.read_text().count(" -> ") == 299
    result = load_export(csv_path)
    assert (result.rows, result.drawn, result.problems) == (300, 300, [])


def test_svg_size_and_shape(tmp_path: Path) -> None:
    svg = tmp_path / "x.svg"
    svg.write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
                   'width="300pt" height="100pt" viewBox="0 0 300 100"></svg>')
    assert svg_size(svg) == (300.0, 100.0)
    assert shape(Run(1.0, 1.0, 300.0, 100.0)) == "300 x 100 (3.0:1)"


def test_the_floor_draws_every_person_with_the_cards_text(tmp_path: Path) -> None:
    from bench.floor import draw

    csv_path = write_synthetic_csv(tmp_path / "org.csv", 500, seed=5)
    csv_path.write_text(csv_path.read_text().replace("Ada Okafor", "Ada <&> Okafor", 1))
    svg = tmp_path / "floor.svg"
    assert draw(str(csv_path), str(svg)) == 500
    text = svg.read_text()
    assert text.count("<g transform=") == 500 and text.count("<path ") == 499
    assert "Ada &lt;&amp;&gt; Okafor" in text and "Chief Executive Officer" in text
    assert "direct · 499 in team" in text  # the root's badge counts everybody below it
    width, height = svg_size(svg)
    assert width > height > 0  # a linear layout: as wide as the leaves


def test_figures_come_with_their_spread_and_targets_with_their_margin() -> None:
    assert spread([0.30, 0.10, 0.20, 0.90]) == "0.10 (0.25-0.90)"  # min (median-max)
    assert spread([0.1234], 3) == "0.123"  # one run: no spread to show
    assert verdict(3.0, 2.5, "x", among=[3.0, 3.4]).startswith("**missed by 20%** (3.00x")
    assert "turn by turn 3.00 to 3.40x" in verdict(3.0, 2.5, "x", among=[3.0, 3.4])
    assert verdict(30.0, 25, "x", at_most=False).startswith("**met** (30.00x")
    watch = LoadWatch()
    low, high = (float(part) for part in watch.stop().split("-"))
    assert 0 <= low <= high


def test_the_small_pair_differs_only_by_its_dotted_lines(tmp_path: Path) -> None:
    import ladder
    from bench.small import PEOPLE, company

    dotted, plain = tmp_path / "dotted.yaml", tmp_path / "plain.yaml"
    dotted.write_text(company(dotted=True))
    plain.write_text(company(dotted=False))
    with_lines, without = ladder.load(dotted), ladder.load(plain)
    assert len(with_lines.people) == len(without.people) == PEOPLE
    assert sum(len(person.dotted) for person in with_lines.people.values()) == 8
    assert not any(person.dotted for person in without.people.values())
    assert [p.manager for p in with_lines.people.values()] == [
        p.manager for p in without.people.values()]
