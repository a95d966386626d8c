"""Pure data: ladders, roles, moves, variants, orgs. No I/O and no Graphviz here."""

from ladder.model.ladder import (
    LATERAL,
    MOVE_KINDS,
    PROMOTION,
    Competency,
    Ladder,
    Move,
    Role,
    Source,
    Track,
    VariantSpec,
)
from ladder.model.org import Department, Org, Person

__all__ = [
    "LATERAL", "MOVE_KINDS", "PROMOTION", "Competency", "Department", "Ladder", "Move",
    "Org", "Person", "Role", "Source", "Track", "VariantSpec",
]
