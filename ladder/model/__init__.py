"""Pure data: ladders, roles, moves, variants, orgs. No I/O and no Graphviz here."""

from ladder.model.ladder import (
    LATERAL,
    MOVE_KINDS,
    PROMOTION,
    Area,
    Competency,
    Ladder,
    Move,
    PointScale,
    Role,
    Source,
    Statement,
    Track,
    VariantSpec,
)
from ladder.model.org import Department, Org, Person

__all__ = [
    "LATERAL", "MOVE_KINDS", "PROMOTION", "Area", "Competency", "Department", "Ladder", "Move",
    "Org", "Person", "PointScale", "Role", "Source", "Statement", "Track", "VariantSpec",
]
