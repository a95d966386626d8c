"""The draft every framework importer fills: the ladder document as plain data, with the
source's words, and the small helpers the importers share (ids, names, the source entry)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LICENCE_FILES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "COPYING")


@dataclass
class Draft:
    """A ladder document being built from a framework file (plain data, as the YAML holds)."""

    id: str
    name: str
    summary: str = ""
    sources: list[dict[str, Any]] = field(default_factory=list)
    tracks: list[dict[str, Any]] = field(default_factory=list)
    areas: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    moves: list[dict[str, Any]] = field(default_factory=list)
    points: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)  # what the import decided, for the reader

    def document(self) -> dict[str, Any]:
        """The ladder file's content, keys in the order a reader expects."""
        data: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.summary:
            data["summary"] = self.summary
        for key in ("sources", "tracks", "areas", "roles", "moves"):
            value = getattr(self, key)
            if value:
                data[key] = value
        if self.points:
            data["points"] = self.points
        return data


def plain_name(text: str) -> str:
    """A heading without leading emoji or symbols: "🧠 Problem solving" -> "Problem solving"."""
    return re.sub(r"^[^\w(]+", "", " ".join(str(text).split())).strip() or str(text).strip()


def licence_beside(path: Path) -> str | None:
    """The licence of a file, read from a LICENSE file in its folder (SPDX id when known)."""
    for name in LICENCE_FILES:
        candidate = path.parent / name
        if candidate.is_file():
            head = " ".join(candidate.read_text(encoding="utf-8", errors="replace")[:400].split())
            if head.startswith("MIT License"):
                return "MIT"
            if "Apache License" in head and "Version 2.0" in head:
                return "Apache-2.0"
            return f"see {name} beside {path.name}"
    return None


def source_entry(path: Path, title: str, *, url: str | None = None) -> dict[str, Any]:
    """The ``sources`` entry naming the file a ladder was imported from, with its licence."""
    entry: dict[str, Any] = {"id": "source", "title": title}
    if url:
        entry["url"] = url
    licence = licence_beside(path)
    if licence:
        entry["licence"] = licence
    return entry


def chain_moves(draft: Draft) -> None:
    """Promotions from each role to the next level up: in its own track where it has one,
    else from the nearest lower role (a shared trunk below a split into tracks)."""
    roles = draft.roles
    for index, role in enumerate(roles):
        lower = [r for r in roles[:index] if r["level"] < role["level"]]
        same = [r for r in lower if r["track"] == role["track"]]
        before = (same or lower)
        if before:
            top = max(r["level"] for r in before)
            for previous in [r for r in before if r["level"] == top][-1:]:
                draft.moves.append({"from": previous["id"], "to": role["id"],
                                    "kind": "promotion"})
