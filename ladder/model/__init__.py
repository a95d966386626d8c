"""Pure data: ladders, roles, moves, variants, orgs. No I/O and no Graphviz here.

Each name is imported from its module on first use, so drawing a ladder does not load the
org model and charting an export does not load the ladder model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below, for type checkers
    from ladder.model.ladder import *  # noqa: F403
    from ladder.model.org import *  # noqa: F403

_MODULES = {
    **dict.fromkeys(("LATERAL", "MOVE_KINDS", "PROMOTION", "Competency", "Ladder", "Move",
                     "Role", "Source", "Track", "VariantSpec"), "ladder.model.ladder"),
    **dict.fromkeys(("Department", "Org", "Person"), "ladder.model.org"),
}
__all__ = list(_MODULES)


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module 'ladder.model' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_MODULES[name]), name)
