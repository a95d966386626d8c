"""Every word of a published career framework survives `ladder import`.

The statements of each source are counted here by a reader of this test's own, written apart
from the importers (plain line rules for Markdown, a walk over YAML data), and each must
appear word for word in the imported ladder file: at least 99% of them, per framework. Words
are compared after markup is taken out and spacing evened (the importers drop emphasis markers
and HTML tags, which are not words).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from ladder.cli import main

FRAMEWORKS = {
    # path under shared/data/ladders: how its statements are counted
    "ft-engineering/engineering.yml": "ft",
    "monzo/product.md": "monzo",
    "monzo/engineering/backend.md": "monzo",
    "monzo/design/product-design.md": "markdown",
    "octopus/Product.md": "markdown",
    "kolbis/product-engineers_readme.md": "markdown",
    "postman/career-ladder-for-open-source-contributors.md": "markdown",
    "infracloud": "markdown",
}


def words(text: str) -> str:
    """Text with HTML tags, Markdown emphasis, links and list markers out, spacing evened."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*`]|(?<!\w)_+|_+(?!\w)", "", text)
    text = text.replace("&nbsp;", " ").replace("&amp;", "&")
    text = re.sub(r"^\s*(?:[-+•]|\d+[.)])\s+", "", text)
    text = re.sub(r"\s+([:,.;])", r"\1", text)  # "Core : x" and "Core: x" are the same words
    return " ".join(text.split())


def markdown_statements(text: str) -> list[str]:
    """Headings, bullets, paragraphs and table cells of a Markdown page, front matter,
    code and Hugo shortcodes left out."""
    lines = text.lstrip("\ufeff").splitlines()
    if lines and lines[0].strip() == "---":
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
        lines = lines[end + 1:]
    found: list[str] = []
    paragraph: list[str] = []
    in_code = in_table = table_started = False
    table: list[str] = []

    def flush() -> None:
        if paragraph:
            found.append(" ".join(paragraph))
            paragraph.clear()

    for line in lines:
        stripped = line.strip()
        if stripped.startswith("```"):
            in_code = not in_code
            continue
        if in_code or stripped.startswith("{{"):
            continue
        if "<table" in stripped or in_table:
            in_table = True
            table.append(line)
            if "</table" in stripped:
                in_table = False
                cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", "\n".join(table), re.S)
                found += [c for c in cells if words(c)]
                table.clear()
            continue
        if not stripped.startswith("|"):
            table_started = False
        if not stripped or re.fullmatch(r"([-*_]\s*){3,}", stripped):
            flush()
        elif stripped.startswith("#"):
            flush()
            found.append(stripped.strip("#").strip())
        elif stripped.startswith("|"):
            flush()
            if not table_started:  # the header row names the columns: labels, not statements
                table_started = True
                continue
            cells = [c for c in stripped.strip("|").split("|") if not re.fullmatch(r"[\s:-]*", c)]
            for cell in cells:
                # "Same as L3" refers to another role's cell: the import copies that cell's
                # statements in, so the reference is not itself a statement
                found += [p for p in re.split(r"</?p>|<br\s*/?>", cell)
                          if words(p) and not re.match(r"same as\b", words(p), re.I)]
        elif re.match(r"^\s*(?:[-*+]|\d+[.)])\s+", line):
            flush()
            found.append(stripped)
        elif line[:1].isspace() and found and not paragraph:
            found[-1] += " " + stripped  # a bullet going on
        else:
            paragraph.append(stripped.lstrip("> "))
    flush()
    return [s for s in (words(s) for s in found) if s]


def yaml_strings(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [s for value in data.values() for s in yaml_strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in yaml_strings(value)]
    return [str(data)] if isinstance(data, str) else []


def front_matter_data(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    head = text.split("\n---", 1)[0].removeprefix("---\n")
    return yaml.safe_load(head.replace("-\t", "- "))


def source_statements(path: Path, kind: str) -> list[str]:
    if kind == "ft":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = [level["name"] for level in data["levels"]]
        texts += [theme["name"] for theme in data["themes"]]
        # a competency may be a numbered list in one string: "1. Writes ... 2. Uses ..."
        texts += [piece for text in yaml_strings(data["competencies"])
                  for piece in re.split(r"(?:^|\s)\d+\.\s", text)]
        return [w for w in (words(t) for t in texts) if w and not re.fullmatch(r"[\w-]+", w)]
    if kind == "monzo":
        data = front_matter_data(path)
        topics = list(data["topics"])
        generic = path.parent.parent / "generic.md"
        if not generic.is_file():
            generic = path.parent / "generic.md"
        base = {t["name"]: t for t in front_matter_data(generic)["topics"]}
        texts = []
        for topic in topics:
            merged = [topic] + ([base[topic["name"]]] if not topic.get("title") else [])
            for part in merged:
                for entry in part.get("content") or []:
                    texts += entry.get("criteria") or []
                    for example in entry.get("exampleCriteria") or []:
                        texts += [example["criteria"], *example.get("examples", [])]
        return [words(t) for t in texts if words(t)]
    pages = sorted(path.glob("*.md")) if path.is_dir() else [path]
    return [s for page in pages for s in markdown_statements(page.read_text(encoding="utf-8"))]


def imported_words(path: Path) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return "\n".join(words(s) for s in yaml_strings(data))


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_every_statement_is_kept_word_for_word(shared_dir, tmp_path, name):
    source = shared_dir / "data" / "ladders" / name
    statements = source_statements(source, FRAMEWORKS[name])
    assert len(statements) >= 20, "the reader found too little to count"
    out = tmp_path / "ladder.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    kept = imported_words(out)
    missing = [s for s in statements if s not in kept]
    share = 1 - len(missing) / len(statements)
    assert share >= 0.99, (f"{len(missing)} of {len(statements)} statements lost, e.g.:\n"
                           + "\n".join(missing[:8]))


def test_the_reader_counts_nested_bullets_tables_and_paragraphs():
    text = ("---\ntitle: x\n---\n# Role\n_note_\n\n- one\n  - nested\n\nA para\ngoing on\n\n"
            "<table><tr><td>Tenure</td><td>~2 year</td></tr></table>\n| h | i |\n|---|---|\n"
            "| a | b |\n")
    assert markdown_statements(text) == ["Role", "note", "one", "nested", "A para going on",
                                         "Tenure", "~2 year", "a", "b"]
