"""Each built-in ladder is read and checked ahead of time (ladder/sources/builtin.py): the
cache shipped beside its YAML must be what reading the YAML gives now, and a stale or broken
cache must never be used."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from ladder.sources import builtin, ladders
from ladder.sources.builtin_cache import cache_bytes
from ladder.sources.document import read_document
from ladder.sources.ladders import parse_ladder, read_ladder

REGENERATE = "python -m ladder.sources.builtin_cache"


@pytest.mark.parametrize("name", builtin.builtin_names())
def test_the_cache_is_the_yaml_read_now(name: str) -> None:
    assert builtin.cache_path(name).exists(), f"no cache for {name}: run {REGENERATE}"
    assert builtin.cache_path(name).read_bytes() == cache_bytes(name), (
        f"the cache of the built-in ladder {name} is stale: run {REGENERATE}")
    fresh = parse_ladder(read_document(builtin.BUILTIN_FOLDER / f"{name}.yaml"),
                         f"<built-in {name}>")
    cached = builtin.checked_builtin(name)
    assert cached == fresh and cached is not None and len(cached.roles) > 3


def _use_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(builtin, "BUILTIN_FOLDER", folder)
    monkeypatch.setattr(ladders, "BUILTIN_FOLDER", folder)


def test_a_stale_cache_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another YAML (an edit not followed by the regeneration): the YAML is read."""
    folder = tmp_path / "builtin"
    folder.mkdir()
    text = (builtin.BUILTIN_FOLDER / "product.yaml").read_text(encoding="utf-8")
    (folder / "product.yaml").write_text(text.replace("Head of Product", "Chief Product"),
                                         encoding="utf-8")
    (folder / "product.checked.pickle").write_bytes(builtin.cache_path("product").read_bytes())
    _use_folder(monkeypatch, folder)
    assert builtin.checked_builtin("product") is None
    titles = {role.title for role in read_ladder("product")}
    assert "Chief Product" in titles and "Head of Product" not in titles


def test_a_broken_cache_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "builtin"
    folder.mkdir()
    (folder / "product.yaml").write_bytes((builtin.BUILTIN_FOLDER / "product.yaml").read_bytes())
    _use_folder(monkeypatch, folder)
    for junk in (b"", b"not a pickle", pickle.dumps(("x", "y", []))):
        (folder / "product.checked.pickle").write_bytes(junk)
        assert builtin.checked_builtin("product") is None
        assert read_ladder("product").id == "product"
    assert builtin.checked_builtin("no-such-ladder") is None


def test_drawing_the_built_in_ladder_reads_no_yaml() -> None:
    code = ("import sys, ladder.api; ladder.api.load(None); "
            "print('yaml' in sys.modules, 'ladder.sources.document' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]
