"""Read DOT text that ladder writes into what it means: nodes, edges, clusters, attributes.

Golden DOT files are compared through this, so reordering attributes or re-indenting is not a
change, while a lost role, a move that changed kind or a new label is.
"""

from __future__ import annotations

import re

_ATTRS = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|<.*>(?=[,\]]|$)|[^,\]\s]+)')
_STATEMENT = re.compile(r'^\s*("(?:[^"\\]|\\.)*"|\w+)(?:\s*->\s*("(?:[^"\\]|\\.)*"|\w+))?'
                        r'\s*\[(.*)\];\s*$')


def _unquote(text: str) -> str:
    if text.startswith('"') and text.endswith('"'):
        return re.sub(r"\\(.)", r"\1", text[1:-1])
    return text


def dot_meaning(source: str) -> dict:
    """{"nodes": {id: attrs}, "edges": {"a -> b": attrs}, "clusters": {name: [ids]}}."""
    nodes: dict[str, dict] = {}
    edges: dict[str, dict] = {}
    clusters: dict[str, list[str]] = {}
    current: str | None = None
    for line in source.splitlines():
        opened = re.match(r'\s*subgraph\s+("(?:[^"\\]|\\.)*"|\w+)\s*\{', line)
        if opened:
            current = _unquote(opened.group(1))
            clusters[current] = []
            continue
        if line.strip() == "}":
            current = None
            continue
        found = _STATEMENT.match(line)
        if not found or found.group(1) in ("graph", "node", "edge"):
            continue
        attrs = {key: _unquote(value) for key, value in _ATTRS.findall(found.group(3))}
        source_id = _unquote(found.group(1))
        if found.group(2):
            edges[f"{source_id} -> {_unquote(found.group(2))}"] = attrs
        else:
            nodes[source_id] = attrs
            if current:
                clusters[current].append(source_id)
    return {"nodes": nodes, "edges": edges, "clusters": clusters}
