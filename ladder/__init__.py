"""ladder: career-ladder diagrams and org charts from plain files, drawn with Graphviz.

The public API, loaded on first use so that ``import ladder`` stays cheap::

    import ladder
    product = ladder.load_ladder()                     # the built-in product ladder
    ladder.render(None, Path("ladder.svg"), variant="startup")
    org = ladder.load_org("examples/enterprise.yaml")  # a company config or an HR export
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_API = {
    "render": "ladder.api",
    "ladder_for": "ladder.api",
    "load_org": "ladder.api",
    "import_export": "ladder.api",
    "load_ladder": "ladder.sources.ladder_set",
    "load_company": "ladder.sources.company",
    "load_export": "ladder.sources.hr",
    "find_paths": "ladder.analysis.paths",
    "LadderError": "ladder.errors",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'ladder' has no attribute {name!r}")
    import importlib

    module = importlib.import_module(_API[name])
    return getattr(module, "load_any_ladder" if name == "load_ladder" else name)
