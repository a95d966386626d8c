"""JSON Schemas (draft 2020-12) of the company config and of the ladder file, as Python data.

``ladder schema company`` prints the first so editors (VS Code with the YAML extension, any
JSON-Schema-aware editor) complete keys and flag wrong types while one types. The loaders stay
the judge: they check what a schema cannot (a manager who does not exist, a reporting cycle, a
role not in the ladder) and give line numbers; the schemas only describe the shape.

They declare draft 2020-12 but use only keywords that mean the same in draft-07, because the
VS Code YAML extension validates with draft-07 (its newer-draft support is partial).

>>> schema = company_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> sorted(schema["properties"])
['$schema', 'company', 'departments', 'ladder', 'people', 'variant']
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ladder.escape import COLOUR_PATTERN
from ladder.model.ladder import MOVE_KINDS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_PREFIX = "urn:ladder:schema:"  # a name for the schema, not an address to fetch

_TEXT = {"type": "string", "minLength": 1}
# Ids must be text in the file: YAML reads 007 as 7 and `yes` as true, so numbers are refused.
_ID = {"type": "string", "minLength": 1, "pattern": r"\S"}
_COLOUR = {
    "type": "string", "pattern": f"^({COLOUR_PATTERN})$",
    "description": 'A colour: "#rrggbb", "#rgb", or a name Graphviz and SVG both know ("teal").',
    "examples": ["#4c78a8"],
}
# Typical years in words, as ``text.read_years`` reads them: "2-3", "2 to 3 years", "~1.5 yrs"
_YEARS_RANGE = (r"^\s*~?\s*\d+(\.\d+)?\s*((-|–|—|[Tt][Oo])\s*\d+(\.\d+)?)?\s*\+?\s*"
                r"([Yy]ears?|[Yy]rs?|YEARS?|YRS?)?\s*$")
# What a person's extra keys may hold: one value, shown on the card (grade, email, ...).
_SCALAR = {"type": ["string", "number", "boolean", "null"]}


def company_schema() -> dict[str, Any]:
    """The JSON Schema of a company config (YAML, TOML or JSON)."""
    person = {
        "type": "object",
        "description": (
            "A person, an open position (vacant: true), a job share or co-heads (names: [...]), "
            "or a group of staff drawn as one card (fte: ...). Keys other than the ones below "
            "hold one value each (grade, email, ...) and are kept as extra information."
        ),
        "properties": {
            "id": {**_ID, "description": "Unique, stable id that manager: and dotted: refer to."},
            "name": {**_TEXT, "description": "Full name; may be left out for a vacancy."},
            "names": {
                "type": "array", "items": _TEXT, "minItems": 1,
                "description": "Several people holding one position: a job share or co-heads.",
            },
            "role": {
                **_TEXT,
                "description": (
                    "A role of the company's ladder: its id (senior-product-manager), title "
                    "(Senior Product Manager) or an alias (Senior PM), in any case. Must match. "
                    "For a title outside the ladder (CEO, engineers, sales...), write title: "
                    "and leave role: out."
                ),
            },
            "title": {
                **_TEXT,
                "description": (
                    "Display title. With role:, it replaces the role's title on the card; "
                    "without role:, it is free text and is not matched to the ladder."
                ),
            },
            "manager": {
                "anyOf": [_ID, {"type": "null"}],
                "description": "Id of the solid-line manager; left out or null: top of the chart.",
            },
            "department": {**_ID, "description": "A department's id (or name)."},
            "location": _TEXT,
            "note": {**_TEXT, "description": "A remark shown on the card."},
            "vacant": {"type": "boolean", "description": "An open position, counted apart."},
            "assistant": {
                "type": "boolean",
                "description": "Drawn beside the manager rather than as a report.",
            },
            "dotted": {
                "anyOf": [_ID, {"type": "array", "items": _ID, "uniqueItems": True}],
                "description": "Ids of dotted-line managers (a matrix org).",
            },
            "fte": {
                "type": "number", "exclusiveMinimum": 0,
                "description": "Full-time equivalents a group card stands for, e.g. 12.5.",
            },
        },
        "required": ["id"],
        "additionalProperties": _SCALAR,
        "allOf": [
            {"not": {"required": ["name", "names"]}},
            {
                # Anyone not marked vacant needs a name.
                "if": {"not": {"required": ["vacant"], "properties": {"vacant": {"const": True}}}},
                "then": {"anyOf": [{"required": ["name"]}, {"required": ["names"]}]},
            },
        ],
    }
    department = {
        "type": "object",
        "properties": {
            "id": _ID,
            "name": {**_TEXT, "description": "Shown in the legend; defaults to the id."},
            "colour": _COLOUR,
            "color": _COLOUR,
        },
        "required": ["id"],
        "additionalProperties": False,
    }
    schema = {
        "$schema": DRAFT,
        "$id": f"{ID_PREFIX}company",
        "title": "ladder company config",
        "description": "People, who they report to, and how their roles map onto a career ladder.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            "company": {**_TEXT, "description": "The organisation's name (default: file name)."},
            "ladder": {
                **_TEXT, "default": "product",
                "description": "A built-in ladder name (product) or a path to a ladder file, "
                               "relative to this config.",
            },
            "variant": {
                "description": (
                    "A company-size variant of the ladder (startup, scale-up, enterprise, full), "
                    "or {id, head} to choose the one head role a variant keeps."
                ),
                "anyOf": [
                    _ID,
                    {
                        "type": "object",
                        "properties": {"id": _ID, "head": _TEXT},
                        "required": ["id"],
                        "additionalProperties": False,
                    },
                ],
            },
            "departments": {"type": "array", "items": {"$ref": "#/$defs/department"}},
            "people": {"type": "array", "items": {"$ref": "#/$defs/person"}, "minItems": 1},
        },
        "required": ["people"],
        "additionalProperties": False,
        "$defs": {"department": department, "person": person},
    }
    return schema


def ladder_schema() -> dict[str, Any]:
    """The JSON Schema of a ladder file, like the built-in ``product.yaml``."""
    competency = {
        "anyOf": [
            _TEXT,
            {
                "type": "object",
                "properties": {"name": _TEXT, "source": _ID},
                "required": ["name"],
                "additionalProperties": False,
            },
        ],
    }
    statement = {
        "anyOf": [
            _TEXT,
            {
                "type": "object",
                "properties": {
                    "text": _TEXT,
                    "examples": {"type": "array", "items": _TEXT,
                                 "description": "How the statement shows in practice."},
                    "signals": {"type": "array", "items": _TEXT,
                                "description": "What to look for."},
                    "options": {"type": "array", "items": _TEXT,
                                "description": "Any one of these meets the statement."},
                    "source": _ID,
                },
                "required": ["text"],
                "additionalProperties": False,
            },
        ],
    }
    area = {
        "type": "object",
        "description": "A competency area: a row of the levels-by-areas matrix.",
        "properties": {
            "id": _ID,
            "name": _TEXT,
            "colour": _COLOUR,
            "color": _COLOUR,
            "group": {**_TEXT, "description": "Areas of one group are drawn together."},
            "summary": {"type": "string"},
            "source": _ID,
            "summary_source": {**_ID, "description": "Id of the source of the summary."},
            "group_source": {**_ID, "description": "Id of the source of the group's name."},
            "milestones": {
                "type": "array", "items": {"$ref": "#/$defs/statement"},
                "description": "A points framework's own scale for this area: milestone 1, "
                               "2, ... (0 is 'not yet').",
            },
        },
        "required": ["id"],
        "additionalProperties": False,
    }
    role = {
        "type": "object",
        "properties": {
            "id": {**_ID, "description": "Stable slug, e.g. senior-product-manager."},
            "title": _TEXT,
            "aliases": {"type": "array", "items": competency,
                        "description": "Other titles the role goes by (VP of Product, CPO): "
                                       "text, or {name, source}."},
            "level": {"type": "integer", "description": "1 = entry; higher is more senior."},
            "level_source": {**_ID, "description": "Id of the source of the level."},
            "summary_source": {**_ID, "description": "Id of the source of the summary."},
            "track": {**_ID, "description": "A track id (default: one track for all)."},
            "source": {**_ID, "description": "Id of the source the role comes from."},
            "summary": {"type": "string"},
            "competencies": {"type": "array", "items": competency},
            "expectations": {
                "type": "object",
                "description": "Area id: what the role asks for in that area.",
                "additionalProperties": {
                    "anyOf": [_TEXT, {"type": "array", "items": {"$ref": "#/$defs/statement"}}],
                },
            },
        },
        "required": ["id", "level"],
        "additionalProperties": False,
    }
    move = _move(_ID)
    move["properties"]["years_source"] = {**_ID, "description": "Id of the source of the "
                                                                "move's typical years."}
    variant = {
        "type": "object",
        "properties": {
            "id": _ID,
            "name": _TEXT,
            "summary": {"type": "string"},
            "headcount": {
                "type": "array", "minItems": 2, "maxItems": 2,
                "items": {"type": ["integer", "null"]},
                "description": "[low, high] company sizes it fits; high null: no limit.",
            },
            "roles": {"type": "array", "items": _ID,
                      "description": "Role ids kept, apart from the head (empty: all)."},
            "head": {**_ID, "description": "Default role id of the single top role."},
            "head_choices": {"type": "array", "items": _ID},
            "source": {**_ID, "description": "Id of the source of the variant and its "
                                             "headcount band."},
            "titles": {
                "type": "object", "additionalProperties": _TEXT,
                "description": "role id: the title this company size gives it.",
            },
        },
        "required": ["id"],
        "additionalProperties": False,
    }
    return {
        "$schema": DRAFT,
        "$id": f"{ID_PREFIX}ladder",
        "title": "ladder career ladder",
        "description": "Roles, tracks, the moves between them, and company-size variants.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            "id": _ID,
            "name": _TEXT,
            "summary": {"type": "string"},
            "sources": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": _ID, "title": _TEXT, "url": _TEXT, "licence": _TEXT,
                        "practice": {"type": "boolean", "description": (
                            "Its facts are your own (common practice), not a published "
                            "source's: drawings set them in italics.")},
                    },
                    "required": ["id"],
                    "additionalProperties": False,
                },
            },
            "tracks": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"id": _ID, "name": _TEXT, "colour": _COLOUR,
                                   "color": _COLOUR},
                    "required": ["id"],
                    "additionalProperties": False,
                },
            },
            "areas": {"type": "array", "items": {"$ref": "#/$defs/area"}},
            "roles": {"type": "array", "items": {"$ref": "#/$defs/role"}, "minItems": 1},
            "moves": {"type": "array", "items": {"$ref": "#/$defs/move"}},
            "variants": {"type": "array", "items": {"$ref": "#/$defs/variant"}},
            "cumulative": {
                "type": "boolean",
                "description": "Each level includes what the levels before it ask: a role asks "
                               "for its own statements and those of every role promoted into it.",
            },
            "points": {
                "type": "object",
                "description": "A points framework: milestones per area add up to a title.",
                "properties": {
                    "milestones": {"type": "array", "items": {"type": "integer"},
                                   "description": "Points for milestone 0, 1, 2, ..."},
                    "titles": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"points": {"type": "integer", "minimum": 0},
                                           "role": _ID},
                            "required": ["points", "role"],
                            "additionalProperties": False,
                        },
                    },
                },
                "required": ["milestones", "titles"],
                "additionalProperties": False,
            },
        },
        "required": ["roles"],
        "additionalProperties": False,
        "$defs": {"role": role, "move": move, "variant": variant, "area": area,
                  "statement": statement},
    }


def _move(end: dict[str, Any]) -> dict[str, Any]:
    """A move between two roles, each end written as ``end`` says."""
    return {
        "type": "object",
        "properties": {
            "from": end,
            "to": end,
            "kind": {"enum": list(MOVE_KINDS), "default": MOVE_KINDS[0]},
            "years": {"anyOf": [{"type": "number", "minimum": 0},
                                {"type": "string", "pattern": _YEARS_RANGE}],
                      "description": "Typical years: a number, or a range such as '2-3 years'."},
        },
        "required": ["from", "to"],
        "additionalProperties": False,
    }


def ladder_set_schema() -> dict[str, Any]:
    """The JSON Schema of a ladder-set file: several ladders drawn as one, with the moves
    between them (``examples/ladders/engineering-to-product.yaml``)."""
    member = {
        "type": "object",
        "properties": {
            "id": {**_ID, "description": "The ladder's name in this set: moves say 'id:role'."},
            "ladder": {**_TEXT, "description": "A built-in ladder name or a ladder file, "
                                               "relative to this file."},
            "variant": {**_ID, "description": "Only the roles of this company-size variant."},
            "head": {**_TEXT, "description": "The one head role the variant keeps."},
        },
        "required": ["id", "ladder"],
        "additionalProperties": False,
    }
    move = _move({**_TEXT, "pattern": "^[^:]+:.+$",
                  "description": "ladder-id:role (id or title)."})
    return {
        "$schema": DRAFT,
        "$id": f"{ID_PREFIX}ladder-set",
        "title": "ladder set",
        "description": "Several career ladders drawn as one, with the moves between them.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            "id": _ID,
            "name": _TEXT,
            "summary": {"type": "string"},
            "ladders": {"type": "array", "items": {"$ref": "#/$defs/member"}, "minItems": 1},
            "moves": {"type": "array", "items": {"$ref": "#/$defs/move"}},
        },
        "required": ["ladders"],
        "additionalProperties": False,
        "$defs": {"member": member, "move": move},
    }


def assessment_schema() -> dict[str, Any]:
    """The JSON Schema of a self-assessment (``ladder assess``): who, against which ladder,
    the role aimed for, and a rating per area, each with the manager's and the evidence."""
    score = {"anyOf": [{"type": "integer", "minimum": 0},
                       {**_TEXT, "description": "A role (its level counts) or a named step of "
                                                "the area's scale."}]}
    evidence = {"anyOf": [_TEXT, {"type": "array", "items": _TEXT}],
                "description": "What shows the rating: a text or a list of texts."}
    rating = {
        "anyOf": [
            score,
            {
                "type": "object",
                "properties": {
                    "rating": {**score, "description": "The person's own rating."},
                    "self": {**score, "description": "The same as 'rating'."},
                    "manager": {**score, "description": "The manager's rating, beside it."},
                    "evidence": evidence,
                },
                "additionalProperties": False,
            },
        ],
    }
    return {
        "$schema": DRAFT,
        "$id": f"{ID_PREFIX}assessment",
        "title": "ladder self-assessment",
        "description": "Ratings per area of a ladder, answered by 'ladder assess'.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string"},
            "person": _TEXT,
            "ladder": {**_TEXT, "description": "A built-in ladder, a ladder file or a "
                                               "framework file, relative to this file."},
            "target": {**_TEXT, "description": "The role aimed for (id, title or alias); "
                                               "default: the next role up."},
            "manager": {**_TEXT, "description": "Who gave the manager's ratings."},
            "ratings": {
                "type": "object", "minProperties": 1,
                "description": "Area id or name: a rating.",
                "additionalProperties": {"$ref": "#/$defs/rating"},
            },
        },
        "required": ["ratings"],
        "additionalProperties": False,
        "$defs": {"rating": rating},
    }


SCHEMAS = {"company": company_schema, "ladder": ladder_schema, "ladder-set": ladder_set_schema,
           "assessment": assessment_schema}


@cache
def document_keys(kind: str) -> dict[str, tuple[str, ...]]:
    """The keys each part of a document (a :data:`SCHEMAS` kind) may have, read from its
    schema (the one description of each format, which the checkers and editors both read):
    ``""`` for the top level, a list's key for its entries (``"people"``), a definition's
    name for it (``"statement"``).

    >>> keys = document_keys("company")
    >>> keys["departments"], keys["variant"]
    (('id', 'name', 'colour', 'color'), ('id', 'head'))
    >>> document_keys("ladder")["statement"]
    ('text', 'examples', 'signals', 'options', 'source')
    """
    schema = SCHEMAS[kind]()
    definitions = schema.get("$defs", {})

    def keys_of(spec: Any) -> tuple[str, ...] | None:
        if isinstance(spec, dict) and "$ref" in spec:
            spec = definitions[spec["$ref"].rsplit("/", 1)[-1]]
        if not isinstance(spec, dict):
            return None
        if "properties" in spec:
            return tuple(spec["properties"])
        for option in spec.get("anyOf", ()):  # text, or a mapping of these keys
            found = keys_of(option)
            if found:
                return found
        return None

    known = {"": tuple(schema["properties"])}
    for key, spec in schema["properties"].items():
        found = keys_of(spec.get("items", spec))
        if found:
            known[key] = found
    for name, spec in definitions.items():
        found = keys_of(spec)
        if found:
            known.setdefault(name, found)
    return known
