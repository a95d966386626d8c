"""A docs build reads the same few data files page after page: read_document parses each once
while its text stays the same, and again as soon as it changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladder.sources import document


def test_each_file_parsed_once_until_it_changes(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = document.parse_document

    def counted(text: str, name: str, kind: str = "yaml") -> object:
        parsed.append(Path(name).name)
        return real(text, name, kind)

    monkeypatch.setattr(document, "parse_document", counted)
    monkeypatch.setattr(document, "_LAST", {})
    files = [tmp_path / f"f{n}.yaml" for n in range(3)]
    for number, path in enumerate(files):
        path.write_text(f"company: C{number}\n", encoding="utf-8")
    for _ in range(4):  # page after page, in turns
        assert [document.read_document(p)["company"] for p in files] == ["C0", "C1", "C2"]
    assert parsed == ["f0.yaml", "f1.yaml", "f2.yaml"]
    files[1].write_text("company: changed\n", encoding="utf-8")
    assert document.read_document(files[1])["company"] == "changed"
    assert parsed[-1] == "f1.yaml" and len(parsed) == 4


def test_errors_are_kept_too_and_big_files_not_beside_others(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "_LAST", {})
    monkeypatch.setattr(document, "_SMALL", 100)
    broken = tmp_path / "broken.yaml"
    broken.write_text("a: [1,\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(document.SourceError, match="not valid YAML"):
            document.read_document(broken)
    big, small = tmp_path / "big.yaml", tmp_path / "small.yaml"
    big.write_text("people:\n" + "  - x\n" * 50, encoding="utf-8")
    small.write_text("a: 1\n", encoding="utf-8")
    document.read_document(big)
    document.read_document(small)  # the big one goes: only the last may be big
    assert [key[0] for key in document._LAST] == [str(broken), str(small)]
