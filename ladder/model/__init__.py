"""Pure data: ladders, roles, moves, variants, orgs. No I/O and no Graphviz here.

Each name is imported from its module on first use (:mod:`ladder.lazy`), so drawing a ladder
does not load the org model and charting an export does not load the ladder model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ladder.lazy import lazy_names

if TYPE_CHECKING:  # the names below, for type checkers
    from ladder.model.ladder import *  # noqa: F403
    from ladder.model.org import *  # noqa: F403

_NAMES = {
    "ladder.model.ladder": ("LATERAL", "MOVE_KINDS", "PROMOTION", "Area", "Competency",
                            "Ladder", "Move", "PointScale", "Role", "Source", "Statement",
                            "Track", "VariantSpec"),
    "ladder.model.org": ("Department", "Org", "Person"),
}
__all__ = [name for names in _NAMES.values() for name in names]
__getattr__ = lazy_names(__name__, _NAMES)
