"""Mermaid and Markdown exports: every role, person and move is there, names survive any text,
and a chart too big for Mermaid is refused with a way out."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import REPO
from test_docs_svg import NASTY, nasty_org

import ladder
from ladder.cli import main
from ladder.model.org import Org, Person
from ladder.renderers.mermaid import MAX_EDGES


def mermaid_nodes(text: str) -> dict[str, str]:
    """Node and subgraph ids with their labels."""
    return dict(re.findall(r'^\s+(?:subgraph )?(\w+)\["(.*)"\]$', text, re.M))


def test_mermaid_ladder_has_every_role_track_and_move():
    product = ladder.load("product")
    text = ladder.draw(product, format="mermaid")
    assert text.splitlines()[3] == "flowchart LR"
    nodes = mermaid_nodes(text)
    roles = {name: label for name, label in nodes.items() if name.startswith("role_")}
    shown = {re.sub(r"</?i>", "", label) for label in roles.values()}  # practice: italics
    assert sorted(shown) == sorted(role.title for role in product)
    assert [n for n in nodes if n.startswith("track_")] == ["track_0", "track_1"]
    arrows = re.findall(r"^\s+(role_\w+) (-->|-\.->)(?:\|[^|]*\|)? (role_\w+)$", text, re.M)
    assert len(arrows) == len(product.moves)
    laterals = [a for a in arrows if a[1] == "-.->"]
    assert len(laterals) == sum(m.kind == "lateral" for m in product.moves)


def test_mermaid_ladder_follows_the_variant_and_highlight():
    text = ladder.draw("product", format="mermaid", variant="startup")
    nodes = mermaid_nodes(text)
    assert nodes.pop("note_practice").startswith("<i>italics</i>: ")  # years are practice
    assert sorted(nodes.values()) == ["Head of Product",
                                                    "Individual contributor",
                                                    "Management", "Product Manager"]
    marked = ladder.draw("product", format="mermaid",
                         highlight="junior-product-manager..senior-product-manager")
    assert '|"(1)  <i>~1.5 yrs</i>"|' in marked and '|"(2)  <i>~2.5 yrs</i>"|' in marked
    assert "style role_chief_product_officer stroke:#c9ccd1" in marked  # faded


def test_mermaid_ladder_sets_practice_in_italics_with_a_note():
    product = ladder.load("product")
    text = ladder.draw(product, format="mermaid")
    nodes = mermaid_nodes(text)
    for role in product:
        practice = product.secondary(role.source)
        label = nodes[f"role_{role.id.replace('-', '_')}"]
        assert label == (f"<i>{role.title}</i>" if practice else role.title)
    assert any(product.secondary(r.source) for r in product)  # the test marks something
    assert any(not product.secondary(r.source) for r in product)  # and leaves the article's
    years = [m for m in product.moves if m.years is not None]
    assert all(product.secondary(m.years_source) for m in years)
    assert text.count("<i>~") == len(years)  # every practice year in italics
    assert nodes["note_practice"] == ("<i>italics</i>: "
                                      + product.sources["practice"].title)
    assert "style note_practice stroke:none" in text
    # without years nor practice titles drawn, the note names only what is drawn
    plain = ladder.draw(product, format="mermaid", years=False)
    assert "<i>~" not in plain


def test_mermaid_ladder_of_one_source_has_no_italics_or_note():
    text = ladder.draw(ladder.load(text=(
        "id: x\nname: X\nroles:\n  - {id: a, title: A, level: 1}\n"
        "  - {id: b, title: B, level: 2}\nmoves: [{from: a, to: b, years: 2}]\n"),
        format="yaml"), format="mermaid")
    assert "<i>" not in text and "note_practice" not in text


def test_mermaid_practice_marks_escape_the_words_they_wrap():
    hostile = ladder.load(text=(
        "id: x\nname: X\nsources:\n  - {id: ours, title: 'Ours <b>\"%%{init}%%', "
        "practice: true}\n"
        "roles:\n  - {id: a, title: '<script>x</script>', level: 1, source: ours,\n"
        "     competencies: [{name: 'C <i>', source: ours}]}\n"
        "  - {id: b, title: B, level: 2}\n"
        "moves: [{from: a, to: b, years: 2, years_source: ours}]\n"), format="yaml")
    text = ladder.draw(hostile, format="mermaid", detail=True)
    nodes = mermaid_nodes(text)
    assert nodes["role_a"].startswith("<i>#lt;script#gt;x#lt;/script#gt;</i>")
    assert "• <i>C #lt;i#gt;</i>" in nodes["role_a"]
    assert nodes["note_practice"] == "<i>italics</i>: Ours #lt;b#gt;#quot;#37;#37;{init}#37;#37;"
    assert "%%" not in text and "<script" not in text
    assert '-->|"<i>~2 yrs</i>"| role_b' in text


def test_mermaid_org_escapes_names_and_keeps_every_person():
    org = nasty_org()
    text = ladder.draw(org, format="mermaid")
    nodes = mermaid_nodes(text)
    assert set(nodes) == {"p_boss", "p_b_2", "p_c", "p_open"}
    label = nodes["p_boss"]
    assert '"' not in label and "<script" not in label and "`" not in label
    assert label.startswith("Zoë #quot;Zed#quot; #lt;script#gt;")
    assert "p_boss --> p_b_2" in text and "p_b_2 --> p_c" in text
    assert "class p_open open" in text
    assert 'title: "R&D <Lab>"' in text


def test_mermaid_refuses_what_it_cannot_draw():
    people = [Person("p0", "Top")] + [Person(f"p{i}", f"P{i}", manager="p0")
                                      for i in range(1, MAX_EDGES + 2)]
    with pytest.raises(ladder.LadderError, match="Mermaid draws at most 500.*--depth"):
        ladder.draw(Org.build("Big", people), format="mermaid")
    assert "p0 --> p_p1" not in ladder.draw(Org.build("Big", people), format="mermaid",
                                            depth=1)


def test_markdown_ladder_table_has_a_row_per_role():
    product = ladder.load("product")
    text = ladder.draw(product, format="markdown")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == len(product) + 1  # the header row
    levels = [int(row.split("|")[1]) for row in rows[1:]]
    assert levels == sorted(levels)
    pm = next(row for row in rows if "| Product Manager |" in row)
    assert "corporate strategy<br>design expertise" in pm
    assert text.count("(promotion") + text.count("(lateral move") == len(product.moves)


def test_markdown_org_is_an_outline_in_reporting_order():
    text = ladder.draw(nasty_org(), format="markdown")
    outline = [line for line in text.splitlines() if line.lstrip().startswith("- ")]
    depths = [(len(line) - len(line.lstrip())) // 2 for line in outline]
    assert depths == [0, 1, 2, 1]
    assert "<script>" not in text and "\\<script\\>" in text
    assert outline[3].strip() == "- *Open: Designer*"
    assert NASTY.split()[0] in outline[0]


@pytest.mark.parametrize("fmt, suffix", [("mermaid", ".mmd"), ("markdown", ".md"),
                                         ("html", ".html")])
def test_cli_writes_each_text_format(tmp_path, fmt, suffix):
    target = tmp_path / f"team{suffix}"
    result = CliRunner().invoke(main, ["render", str(REPO / "examples" / "startup.yaml"),
                                       "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Priya Raman" in text
    if fmt == "html":
        assert "<script" in text and "http://" not in text.replace(
            "http://www.w3.org/", "")  # nothing fetched from the network
