"""Org charts through the command line: company configs and HR exports, every format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from ladder.cli import main
from ladder.sources.company import load_company

EXAMPLES = REPO / "examples"


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("name", ["startup", "scale-up", "enterprise"])
def test_every_person_of_an_example_is_in_the_svg(tmp_path, name):
    target = tmp_path / f"{name}.svg"
    result = run("render", EXAMPLES / f"{name}.yaml", "-o", target)
    assert result.exit_code == 0, result.stderr
    svg = target.read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", svg).replace("&amp;", "&").replace("&quot;", '"')
    for person in load_company(EXAMPLES / f"{name}.yaml"):
        if not person.vacant:
            for holder in (person.name, *person.shared_with):
                assert holder in text, holder


@pytest.mark.needs_dot
@pytest.mark.parametrize("suffix, magic", [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_bitmap_and_pdf_of_a_company(tmp_path, suffix, magic):
    target = tmp_path / f"chart.{suffix}"
    assert run("render", EXAMPLES / "startup.yaml", "-o", target).exit_code == 0
    assert target.read_bytes().startswith(magic)


def test_same_input_same_bytes(tmp_path):
    for name in ("a", "b"):
        assert run("render", EXAMPLES / "enterprise.yaml", "-o", tmp_path / f"{name}.svg",
                   ).exit_code == 0
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_layout_json_of_an_export(tmp_path):
    target = tmp_path / "layout.json"
    result = run("render", EXAMPLES / "hr" / "acme-export.csv", "-o", target,
                 "--report", tmp_path / "problems.json")
    assert result.exit_code == 0, result.stderr
    assert "16 rows: 15 drawn, 5 problems" in result.stderr
    layout = json.loads(target.read_text())
    assert len(layout["nodes"]) == 15
    assert set(layout["nodes"][0]) == {"id", "x", "y", "width", "height", "team"}  # a manager
    assert set(layout["nodes"][0]["team"]) == {"direct", "in_team", "open"}
    assert all(set(edge) == {"source", "target", "points"} for edge in layout["edges"])
    report = json.loads((tmp_path / "problems.json").read_text())
    assert report["rows"] == 16 and report["drawn"] == 15


def test_fix_links_the_case_and_space_matches(tmp_path):
    target = tmp_path / "layout.json"
    result = run("render", EXAMPLES / "hr" / "acme-export.csv", "-o", target,
                 "--fix", "case,space")
    assert result.exit_code == 0, result.stderr
    edges = {(e["source"], e["target"]) for e in json.loads(target.read_text())["edges"]}
    assert ("E-003", "E-004") in edges and ("E-003", "E-005") in edges


@pytest.mark.parametrize("args, message", [
    (["--variant", "startup"], "--variant applies to ladders, not to org charts"),
    (["--root", "priyaa"], "did you mean 'priya'?"),
    (["-o", "x.gif"], "cannot write 'gif' files"),
])
def test_org_mistakes_are_one_line(tmp_path, args, message):
    result = run("render", EXAMPLES / "startup.yaml", *args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_root_and_depth_cut_the_chart(tmp_path):
    target = tmp_path / "cut.json"
    result = run("render", EXAMPLES / "enterprise.yaml", "--root", "meera-kapoor",
                 "--depth", "2", "-o", target)
    assert result.exit_code == 0, result.stderr
    ids = {node["id"] for node in json.loads(target.read_text())["nodes"]}
    assert "meera-kapoor" in ids and "haruto-saito" in ids
    assert "margarethe-overgaard" not in ids


def test_rows_drawn_as_roots_say_why_on_their_card(tmp_path):
    target = tmp_path / "acme.svg"
    assert run("render", EXAMPLES / "hr" / "acme-export.csv", "-o", target).exit_code == 0
    svg = target.read_text(encoding="utf-8")
    assert "Manager &#x27;E-099&#x27; not found" in svg or "Manager 'E-099' not found" in svg
    assert "Manager &#x27;e-003&#x27; not found as written" in svg or (
        "Manager 'e-003' not found as written" in svg)


def test_align_levels_keeps_levels_apart_under_a_ceo_without_a_role(tmp_path):
    config = tmp_path / "co.yaml"
    config.write_text(
        "company: T\nladder: product\npeople:\n"
        "  - {id: ceo, name: Ceo, title: CEO}\n"
        "  - {id: cpo, name: Cpo, role: CPO, manager: ceo}\n"
        "  - {id: dir, name: Dir, role: Director of Product, manager: cpo}\n"
        "  - {id: spm, name: Spm, role: Senior PM, manager: dir}\n"
        "  - {id: pm, name: Pm, role: PM, manager: dir}\n"
        "  - {id: pm2, name: Pm2, role: PM, manager: spm}\n", encoding="utf-8")
    target = tmp_path / "layout.json"
    assert run("render", config, "--align-levels", "-o", target).exit_code == 0
    y = {node["id"]: node["y"] for node in json.loads(target.read_text())["nodes"]}
    assert y["ceo"] < y["cpo"] < y["dir"] < y["spm"] < y["pm"] == y["pm2"]


def test_a_company_config_can_use_a_ladder_set(tmp_path):
    config = tmp_path / "two.yaml"
    config.write_text(
        f"company: Two Ladders\nladder: {EXAMPLES / 'ladders' / 'engineering-to-product.yaml'}\n"
        "people:\n"
        "  - {id: cto, name: Ana, role: 'engineering:tech-director'}\n"
        "  - {id: eng, name: Ben, role: Senior Engineer 1, manager: cto}\n"
        "  - {id: pm, name: Cy, role: 'product:product-manager', manager: cto}\n",
        encoding="utf-8")
    assert run("validate", config).exit_code == 0
    result = run("next", "eng", "--org", config)
    assert result.exit_code == 0, result.stderr
    # an engineer's moves cross into the product ladder where the set declares a move
    assert "-> Product Manager (lateral, typically 1 year)" in result.output


@pytest.mark.needs_dot
@pytest.mark.slow  # kept out of the fast loop (-m 'not slow' under 90 s)
def test_a_png_drawn_smaller_says_so_on_stderr(tmp_path):
    people = "".join(f"  - {{id: p{i}, name: P {i}{f', manager: p{i - 1}' if i else ''}}}\n"
                     for i in range(340))  # one card wide, just over a PNG's 32,767 px
    config = tmp_path / "chain.yaml"
    config.write_text(f"company: Chain\npeople:\n{people}", encoding="utf-8")
    target = tmp_path / "tall.png"
    result = run("render", config, "--mode", "tree", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert re.search(r"^note: tall\.png: .* is over the limit .*: drawn at scale 0\.\d+$",
                     result.stderr, re.M), result.stderr
    assert result.stdout == f"wrote {target}\n"
    assert int.from_bytes(target.read_bytes()[20:24], "big") <= 32_767


def _long_chain(folder: Path, length: int) -> Path:
    people = "".join(f"  - {{id: p{i}, name: P {i}{f', manager: p{i - 1}' if i else ''}}}\n"
                     for i in range(length))
    config = folder / "chain.yaml"
    config.write_text(f"company: Chain\npeople:\n{people}", encoding="utf-8")
    return config


def test_a_png_too_big_to_read_is_refused_with_the_command_that_pages_it(tmp_path,
                                                                        monkeypatch):
    monkeypatch.chdir(tmp_path)
    _long_chain(tmp_path, 700)  # one card wide, 73,000 px tall: under half size to fit
    result = run("render", "chain.yaml", "--mode", "tree", "-o", "tall.png")
    assert result.exit_code == 1 and not (tmp_path / "tall.png").exists()
    assert "drawn smaller it would be unreadable" in result.stderr
    assert "ladder render chain.yaml -o tall.png --split depth:3" in result.stderr


@pytest.mark.needs_dot
@pytest.mark.slow  # draws 15 PNG pages
def test_the_paging_command_of_the_refusal_draws_pages_that_fit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _long_chain(tmp_path, 700)
    refused = run("render", "chain.yaml", "--mode", "tree", "-o", "tall.png").stderr
    command = re.search(r"ladder render (.*?);", refused).group(1).split()
    result = run("render", *command, "--mode", "tree")
    assert result.exit_code == 0, result.stderr
    pages = sorted(tmp_path.glob("tall*.png"))
    assert len(pages) > 2
    for page in pages:
        assert int.from_bytes(page.read_bytes()[20:24], "big") <= 32_767
