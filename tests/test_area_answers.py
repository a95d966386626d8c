"""`ladder paths` and `ladder gap` on ladders with areas: the answer per area, a headline that
counts what the sections list, `cumulative: true`, and typical years as ranges.

Counted here from the printed text, apart from the writers: each `+ ` line under "per area"
is one statement to gain, each area heading one area; on a real imported framework (InfraCloud,
a folder of role pages) and on generated ladders of several shapes.
"""

from __future__ import annotations

import json
import random
import re

import pytest
from click.testing import CliRunner
from conftest import SHARED

from ladder.analysis.expectations import DROPPED, area_changes
from ladder.analysis.paths import competency_gap, find_paths
from ladder.cli import main
from ladder.errors import SourceError
from ladder.sources.document import parse_document
from ladder.sources.ladders import parse_ladder, read_ladder
from ladder.text import years_phrase


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def counted_gap(text: str) -> tuple[int, int, int, int]:
    """(statements, areas) the headline gives, and those the per-area section lists."""
    head = re.search(r"to gain \((?:[^;]*; )?(\d+) statements? in (\d+) areas?", text)
    assert head, text
    section = text.split("per area (what is new or raised):\n", 1)[1].split("\n\n", 1)[0]
    listed = sum(1 for line in section.splitlines() if line.lstrip().startswith("+ "))
    areas = sum(1 for line in section.splitlines() if re.match(r"^    \S.*\((new|raised)\):$",
                                                               line))
    return int(head[1]), int(head[2]), listed, areas


def counted_paths(text: str) -> list[tuple[int, int, int]]:
    """Per path: the headline's new statements, and the sum of the table's ``Area +N``."""
    found = []
    for block in text.split("\n\nPath ")[1:]:
        head = re.match(r"\d+: [^\n]*?, (\d+) new statements? in (\d+) areas?", block)
        assert head, block
        table = block.split("What changes at each step", 1)[0]
        added = sum(int(n) for n in re.findall(r" \+(\d+)\b", table))
        found.append((int(head[1]), int(head[2]), added))
    return found


@pytest.fixture(scope="module")
def infracloud(tmp_path_factory):
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not there: clone the repo beside shared/")
    out = tmp_path_factory.mktemp("imported") / "infracloud.yaml"
    run("import", str(SHARED / "data" / "ladders" / "infracloud"), "-o", str(out))
    return out


def test_gap_on_an_imported_framework_counts_what_it_lists(infracloud):
    text = run("gap", "associate engineer", "senior engineer", "--ladder", str(infracloud))
    statements, areas, listed, headings = counted_gap(text)
    assert statements == listed > 0 and areas == headings > 0
    assert "to gain (0" not in text
    # the JSON gives the same count and the same statements
    data = json.loads(run("gap", "associate engineer", "senior engineer", "--ladder",
                          str(infracloud), "--format", "json"))
    assert data["statements"] == statements
    assert sum(len(a["added"]) for a in data["areas"] if a["change"] != "dropped") == listed


def test_paths_on_an_imported_framework_count_what_each_step_adds(infracloud):
    text = run("paths", "associate engineer", "principal engineer", "--ladder",
               str(infracloud))
    assert "new statements per area" in text
    for statements, _areas, added in counted_paths(text):
        assert statements == added > 0
    data = json.loads(run("paths", "associate engineer", "principal engineer", "--ladder",
                          str(infracloud), "--format", "json"))
    steps = data["paths"][0]["steps"]
    assert all(step["areas"] for step in steps)
    markdown = run("paths", "associate engineer", "senior engineer", "--ladder",
                   str(infracloud), "--format", "markdown")
    assert "| New statements per area |" in markdown


def generated(seed: int, *, cumulative: bool) -> str:
    """A ladder of 3-5 roles on one track and 2-6 areas; each role states 0-3 statements per
    area, some repeated from the role below (as frameworks restate what carries over)."""
    rng = random.Random(seed)
    areas = [f"a{i}" for i in range(rng.randint(2, 6))]
    lines = [f"cumulative: {str(cumulative).lower()}",
             "areas: [" + ", ".join(f"{{id: {a}, name: Area {a}}}" for a in areas) + "]",
             "roles:"]
    before: dict[str, list[str]] = {}
    count = rng.randint(3, 5)
    for level in range(1, count + 1):
        said: dict[str, list[str]] = {}
        for area in areas:
            kept = [s for s in before.get(area, []) if rng.random() < 0.4]
            new = [f"Does {area} thing {level}.{n}." for n in range(rng.randint(0, 3))]
            if kept or new:
                said[area] = kept + new
        before = said
        shown = ", ".join(f"{a}: [{', '.join(s)}]" for a, s in said.items())
        lines.append(f"  - {{id: r{level}, level: {level}, expectations: {{{shown}}}}}")
    lines.append("moves: [" + ", ".join(f"{{from: r{n}, to: r{n + 1}, years: {n}}}"
                                        for n in range(1, count)) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("cumulative", [False, True])
def test_the_headline_counts_what_the_sections_list_on_generated_ladders(tmp_path, seed,
                                                                         cumulative):
    path = tmp_path / "g.yaml"
    path.write_text(generated(seed, cumulative=cumulative))
    ladder = read_ladder(str(path))
    last = max(ladder, key=lambda r: r.level).id
    text = run("gap", "r1", last, "--ladder", str(path))
    gap = competency_gap(ladder, "r1", last)
    if gap.to_gain:
        assert counted_gap(text)[:2] == counted_gap(text)[2:]
    else:
        assert "to gain (0 statements in 0 areas" in text and "(nothing new)" in text
    if cumulative:  # what the lower levels asked is never "no longer asked"
        assert all(c.kind != DROPPED for c in gap.areas)
        assert "does not ask for" not in text
    paths_text = run("paths", "r1", last, "--ladder", str(path))
    for statements, _areas, added in counted_paths(paths_text):
        assert statements == added


CUMULATIVE = """\
cumulative: {flag}
areas: [{{id: strategy, name: Strategy}}, {{id: people, name: People}}]
roles:
  - {{id: senior, title: Senior PM, level: 3, expectations: {{strategy: [Sets strategy.]}}}}
  - {{id: director, title: Director, level: 4, expectations: {{people: [Leads PMs.]}}}}
moves: [{{from: senior, to: director, years: 3}}]
"""


def test_cumulative_keeps_what_the_level_below_asked(tmp_path):
    for flag in ("true", "false"):
        path = tmp_path / f"{flag}.yaml"
        path.write_text(CUMULATIVE.format(flag=flag))
        ladder = read_ladder(str(path))
        kinds = {c.area.id: c.kind for c in area_changes(ladder, "senior", "director")}
        text = run("gap", "senior", "director", "--ladder", str(path))
        if flag == "true":
            assert kinds == {"people": "new"}
            assert "Strategy" not in text
        else:
            assert kinds == {"strategy": "dropped", "people": "new"}
            assert "areas Director does not ask for (Senior PM does):\n  - Strategy" in text
    with pytest.raises(SourceError, match="'cumulative' must be true or false"):
        parse_ladder(parse_document(CUMULATIVE.format(flag="yes please"), "c.yaml"), "c.yaml")


def test_the_builtin_ladder_is_cumulative_so_the_director_keeps_strategy():
    product = read_ladder("product")
    assert product.cumulative
    changes = area_changes(product, "senior-product-manager", "director-of-product")
    assert "strategy" not in {c.area.id for c in changes if c.kind == DROPPED}
    assert not [c for c in changes if c.kind == DROPPED]


RANGES = """\
roles:
  - {id: a, title: Analyst, level: 1}
  - {id: b, title: Senior Analyst, level: 2}
  - {id: c, title: Lead, level: 3}
  - {id: d, title: Shortcut, level: 2}
moves:
  - {from: a, to: b, years: "2-3 years"}
  - {from: b, to: c, years: 1.5}
  - {from: a, to: d}
  - {from: d, to: c, years: 0}
"""


def test_years_as_ranges_in_every_view_and_unknown_years_last(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(RANGES)
    ladder = read_ladder(str(path))
    move = ladder.move_between("a", "b")
    assert (move.years, move.years_range) == (2.5, (2.0, 3.0))
    paths = find_paths(ladder, "a", "c")
    # the path through the shortcut takes 0 known years but one move says nothing: last
    assert [p.roles for p in paths] == [("a", "b", "c"), ("a", "d", "c")]
    assert paths[0].typical_years == (3.5, 4.5) and paths[1].years is None
    text = run("paths", "analyst", "lead", "--ladder", str(path))
    assert "Path 1: 3.5-4.5 years, 2 steps" in text
    assert re.search(r"Analyst\s+Senior Analyst\s+promotion\s+2-3\s", text)
    assert "Path 2: typical years not given" in text
    data = json.loads(run("paths", "analyst", "lead", "--ladder", str(path), "--format",
                          "json"))
    assert data["paths"][0]["years"] == 4.0 and data["paths"][0]["years_range"] == [3.5, 4.5]
    assert data["paths"][0]["steps"][0]["years_range"] == [2.0, 3.0]
    assert "by Analyst -> Senior Analyst -> Lead (3.5-4.5 years)" in run(
        "gap", "analyst", "lead", "--ladder", str(path))
    dot = run("render", str(path), "--format", "dot", "-o", "-")
    assert "~2-3 yrs" in dot
    assert "~2-3 yrs" in run("render", str(path), "--format", "mermaid", "-o", "-")
    assert years_phrase((2.0, 3.0)) == "2-3 years"


@pytest.mark.parametrize("years, ok", [
    ('"2 to 3"', True), ('"~1.5 yrs"', True), ("[2, 3]", False), ('"soon"', False),
    ('"3-2 years"', False), ("-1", False), ("true", False)])
def test_years_a_file_may_give(years, ok):
    text = RANGES.replace('years: "2-3 years"', f"years: {years}")
    if ok:
        assert parse_ladder(parse_document(text, "r.yaml"), "r.yaml").move_between("a", "b")
        return
    with pytest.raises(SourceError) as caught:
        parse_ladder(parse_document(text, "r.yaml"), "r.yaml")
    assert "move years must be a number of years or a range such as '2-3 years'" in str(
        caught.value)
    assert ":7:" in str(caught.value)


def test_a_ladder_set_takes_ranges_and_is_cumulative_when_every_ladder_is(tmp_path):
    from ladder.sources.ladder_set import load_any_ladder

    (tmp_path / "design.yaml").write_text(
        "cumulative: true\nroles:\n  - {id: designer, level: 1}\n"
        "  - {id: senior-designer, level: 2}\n"
        "moves: [{from: designer, to: senior-designer, years: 2}]\n")
    path = tmp_path / "set.yaml"
    path.write_text("ladders:\n  - {id: design, ladder: design.yaml}\n"
                    "  - {id: product, ladder: product}\n"
                    "moves:\n  - {from: 'design:senior-designer', to: 'product:product-manager',"
                    " kind: lateral, years: '1-2 years'}\n")
    joined = load_any_ladder(str(path))
    assert joined.cumulative  # both ladders are
    move = joined.move_between("design:senior-designer", "product:product-manager")
    assert move.years_range == (1.0, 2.0)
    text = run("paths", "design:designer", "product:senior-pm", "--ladder", str(path))
    assert "Path 1: 5.5-6.5 years, 3 steps" in text
    path.write_text(path.read_text().replace("'1-2 years'", "'a while'"))
    with pytest.raises(SourceError, match="range such as '2-3 years'"):
        load_any_ladder(str(path))


def test_each_roles_asks_are_worked_out_once_per_question_not_once_per_path(monkeypatch):
    import ladder.analysis.paths as module

    levels, width = 5, 3
    lines = ["cumulative: true", "areas: [{id: a}, {id: b}]", "roles:"]
    for level in range(levels):
        for n in range(width):
            lines.append(f"  - {{id: r{level}-{n}, level: {level + 1}, competencies: [c{level}{n}],"
                         f" expectations: {{a: [A {level}.{n}.], b: [B {level}.{n}.]}}}}")
    lines.append("moves: [" + ", ".join(
        f"{{from: r{level}-{a}, to: r{level + 1}-{b}}}" for level in range(levels - 1)
        for a in range(width) for b in range(width)) + "]")
    lattice = parse_ladder(parse_document("\n".join(lines) + "\n", "l.yaml"), "l.yaml")
    calls: list[str] = []
    real = module.required

    def counted(ladder, role):
        calls.append(role.id)
        return real(ladder, role)

    monkeypatch.setattr(module, "required", counted)
    paths = find_paths(lattice, "r0-0", f"r{levels - 1}-0")
    assert len(paths) == width ** (levels - 2)
    assert sorted(calls) == sorted(set(calls))  # once a role, over 27 paths
    # and the answer is the one asked role by role: the top role's statements first needed at
    # the last step
    assert [len(step.areas) for step in paths[0].steps] == [2] * (levels - 1)


def test_next_and_succession_on_an_imported_framework_list_the_statements_to_learn(
        infracloud, tmp_path):
    """An imported ladder's roles list no competencies: what a move asks to learn is the
    statements new or raised per area, the same answer ``gap`` gives for that move."""
    org = tmp_path / "org.yaml"
    org.write_text(f"company: Infra\nladder: {infracloud}\npeople:\n"
                   "  - {id: ana, name: Ana, role: senior-engineer}\n"
                   "  - {id: cy, name: Cy, role: engineer, manager: ana}\n", encoding="utf-8")
    gap = competency_gap(read_ladder(infracloud), "engineer", "senior engineer")
    wanted = [(c.area.name, [s.text for s in c.added]) for c in gap.to_gain]
    assert sum(len(texts) for _, texts in wanted) == gap.statements > 0

    def listed(text: str) -> list[tuple[str, list[str]]]:
        found: list[tuple[str, list[str]]] = []
        for line in text.split("to learn, per area:\n", 1)[1].splitlines():
            if (head := re.match(r"^       (\S.*) \((new|raised)\):$", line)):
                found.append((head[1], []))
            elif line.startswith("         + "):
                found[-1][1].append(line.removeprefix("         + "))
        return found

    assert listed(run("next", "cy", "--org", str(org))) == wanted
    assert listed(run("succession", "ana", "--org", str(org))) == wanted
    data = json.loads(run("next", "cy", "--org", str(org), "--format", "json"))
    move = data["moves"][0]
    assert move["gained"] == [] and [(a["name"], a["added"]) for a in move["areas"]] == wanted
    markdown = run("succession", "ana", "--org", str(org), "--format", "markdown")
    cell = ", ".join(f"{name} +{len(texts)}" for name, texts in wanted)
    assert f"| {cell} |" in markdown and "### To learn: Cy (cy)" in markdown
    assert f"#### {wanted[0][0]} (raised)" in markdown


def test_paths_and_gap_mark_practice_statements_and_areas():
    """On the built-in ladder, per-area answers set the common-practice facts apart as the
    rest of the answer does: a star in the terminal, italics in Markdown, one legend."""
    text = run("paths", "pm", "senior pm")
    assert "  Leadership and collaboration* (raised):\n" in text
    assert "    + Mentors other product managers.*\n" in text
    assert text.count("* Common industry practice") == 1 and text.rstrip().endswith(
        "* Common industry practice (not in the article)")
    gap = run("gap", "senior pm", "director of product")
    assert "      + Market research.\n" in gap  # the article's words: as they are
    markdown = run("paths", "pm", "senior pm", "--format", "markdown")
    assert "#### *Leadership and collaboration* (raised)" in markdown
    assert "- *Mentors other product managers.*" in markdown
    assert markdown.count("*Italics*: Common industry practice") == 1
