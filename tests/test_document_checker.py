"""One document checker (ladder/sources/checker.py) for ladder files and company configs: the
same rule for a key the format does not have (an error naming the closest key) and the same
words for a list that is not one, with both key lists read from the schemas."""

from __future__ import annotations

from pathlib import Path

import pytest

import ladder
from ladder.errors import LadderError
from ladder.sources.company import DEPARTMENT_KEYS, PERSON_KEYS, TOP_KEYS, VARIANT_KEYS
from ladder.sources.schema import company_schema, document_keys, ladder_schema

ROOT = Path(__file__).resolve().parent.parent
LADDER = """id: tiny
name: Tiny
tracks: [{id: ic, name: IC}]
roles:
  - {id: a, title: A, level: 1, track: ic}
  - {id: b, title: B, level: 2, track: ic}
moves:
  - {from: a, to: b, kind: promotion, yeras: 2}
"""
COMPANY = """company: Acme
departmnets: []
people:
  - {id: a, name: Ann}
"""


def error_of(text: str) -> LadderError:
    with pytest.raises(LadderError) as caught:
        ladder.load(text=text, format="yaml")
    return caught.value


@pytest.mark.parametrize(("text", "line", "message", "hint"), [
    (LADDER, 8, "moves: entry: unknown key 'yeras'", "did you mean 'years'?"),
    (LADDER.replace("name: Tiny", "nmae: Tiny"), 2, "ladder: unknown key 'nmae'",
     "did you mean 'name'?"),
    (COMPANY, 2, "config: unknown key 'departmnets'", "did you mean 'departments'?"),
], ids=["ladder-list-entry", "ladder-top", "company-top"])
def test_an_unknown_key_is_an_error_with_did_you_mean_in_both_formats(text, line, message, hint):
    error = error_of(text)
    assert (error.line, error.message, error.hint) == (line, message, hint)
    assert {p.severity for p in error.problems if p.kind == "unknown-key"} == {"error"}


def test_a_list_that_is_not_one_reads_alike_in_both_formats():
    ladder_error = error_of("roles: {a: 1}\n")
    company_error = error_of("people: {a: 1}\n")
    assert ladder_error.message == "'roles' must be a list, not a mapping"
    assert company_error.message == "'people' must be a list, not a mapping"
    assert ladder_error.hint == company_error.hint


def test_the_key_lists_are_the_schemas():
    company = company_schema()
    assert TOP_KEYS == tuple(company["properties"])
    assert PERSON_KEYS == tuple(company["$defs"]["person"]["properties"])
    assert DEPARTMENT_KEYS == tuple(company["$defs"]["department"]["properties"])
    assert VARIANT_KEYS == ("id", "head")
    keys = document_keys("ladder")
    schema = ladder_schema()
    assert keys[""] == tuple(schema["properties"])
    assert keys["roles"] == tuple(schema["$defs"]["role"]["properties"])
    assert keys["statement"] == tuple(schema["$defs"]["statement"]["anyOf"][1]["properties"])


def test_extra_person_keys_stay_allowed():
    """The schema lets a person hold further one-value keys (grade, email): not unknown."""
    org = ladder.load(text="people:\n  - {id: a, name: A, grade: 7}\n", format="yaml")
    assert org.people["a"].extra == (("grade", "7"),)


def test_a_ladder_set_follows_the_same_rules_and_has_a_schema(tmp_path):
    import jsonschema

    from ladder.sources.document import read_document
    from ladder.sources.schema import ladder_set_schema

    schema = ladder_set_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    example = ROOT / "examples" / "ladders" / "engineering-to-product.yaml"
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(
        read_document(example))) == []
    broken = tmp_path / "set.yaml"
    broken.write_text("ladders:\n  - {id: product, ladder: product, varaint: startup}\n"
                      "moves: []\n", encoding="utf-8")
    with pytest.raises(LadderError) as caught:
        ladder.load(broken)
    assert (caught.value.line, caught.value.message, caught.value.hint) == (
        2, "ladders: entry: unknown key 'varaint'", "did you mean 'variant'?")
