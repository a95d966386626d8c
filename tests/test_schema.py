"""The JSON Schemas that `ladder schema` prints: valid, in step with the loaders, and every
example and built-in file passes them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from ladder.cli import main
from ladder.sources.company import DEPARTMENT_KEYS, PERSON_KEYS, TOP_KEYS, check_company
from ladder.sources.document import read_document
from ladder.sources.schema import company_schema, ladder_schema

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "company"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def printed_schema(kind: str) -> dict:
    """The schema exactly as a user gets it from the command line."""
    result = CliRunner().invoke(main, ["schema", kind])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(printed_schema(kind))


@pytest.mark.parametrize("schema", [company_schema(), ladder_schema()], ids=["company", "ladder"])
def test_schemas_are_valid_draft_2020_12(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_prints_the_company_schema_by_default():
    result = CliRunner().invoke(main, ["schema"])
    assert json.loads(result.output) == company_schema()
    assert CliRunner().invoke(main, ["schema", "roles"]).exit_code == 2


def test_the_company_schema_names_the_keys_the_loader_knows():
    schema = company_schema()
    assert set(schema["properties"]) == set(TOP_KEYS)
    assert set(schema["$defs"]["person"]["properties"]) == set(PERSON_KEYS)
    assert set(schema["$defs"]["department"]["properties"]) == set(DEPARTMENT_KEYS)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_validate_against_the_printed_schema(path):
    assert len(EXAMPLES) >= 3
    errors = list(validator("company").iter_errors(read_document(path)))
    assert errors == []


@pytest.mark.parametrize("name", ["small.yaml", "small.toml", "small.json", "forest.yaml"])
def test_good_fixtures_validate(name):
    assert list(validator("company").iter_errors(read_document(DATA / name))) == []


@pytest.mark.parametrize("name", ["wrong-types.yaml", "unknown-key.yaml", "missing-name.yaml"])
def test_shape_mistakes_fail_the_schema_as_they_fail_the_loader(name):
    org, _ = check_company(DATA / name)
    assert org is None
    assert list(validator("company").iter_errors(read_document(DATA / name)))


@pytest.mark.parametrize(("person", "valid"), [
    ({"id": "a", "name": "A"}, True),
    ({"id": "a", "vacant": True, "role": "pm"}, True),  # a vacancy needs no name
    ({"id": "a", "names": ["A", "B"]}, True),
    ({"id": "a", "name": "A", "grade": "SCS1", "fte": 2.5, "dotted": "b"}, True),
    ({"id": "a"}, False),  # no name and not vacant
    ({"id": "a", "vacant": False}, False),
    ({"id": 7, "name": "A"}, False),  # ids are text
    ({"id": "a", "name": "A", "names": ["B"]}, False),
    ({"id": "a", "name": "A", "vacant": "yes"}, False),
    ({"id": "a", "name": "A", "fte": 0}, False),
    ({"id": "a", "name": "A", "extra": {"nested": 1}}, False),  # extra keys hold one value
])
def test_person_shapes(person, valid):
    config = {"company": "Acme", "people": [person]}
    assert validator("company").is_valid(config) is valid


def test_variant_may_be_a_name_or_an_id_with_a_head():
    check = validator("company")
    people = [{"id": "a", "name": "A"}]
    assert check.is_valid({"variant": "startup", "people": people})
    assert check.is_valid({"variant": {"id": "startup", "head": "cpo"}, "people": people})
    assert not check.is_valid({"variant": {"head": "cpo"}, "people": people})
    assert not check.is_valid({"variant": "startup"})  # people are required


def test_builtin_ladder_validates_against_the_ladder_schema():
    ladder = read_document(ROOT / "ladder" / "builtin" / "product.yaml")
    assert list(validator("ladder").iter_errors(ladder)) == []


def test_ladder_schema_catches_a_misspelt_key_and_a_bad_move_kind():
    check = validator("ladder")
    good = {"roles": [{"id": "pm", "level": 1}], "moves": [{"from": "pm", "to": "pm"}]}
    assert check.is_valid(good)
    assert not check.is_valid({"roles": [{"id": "pm", "levle": 1}]})
    assert not check.is_valid({**good, "moves": [{"from": "pm", "to": "pm", "kind": "jump"}]})


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_draft_07_validators_read_the_schema_the_same_way(path):
    """Editors (the VS Code YAML extension) validate with draft-07: the schema must not rely
    on newer keywords, so a draft-07 validator accepts and rejects the same documents."""
    for kind in ("company", "ladder"):
        jsonschema.Draft7Validator.check_schema(printed_schema(kind))
    old = jsonschema.Draft7Validator(printed_schema("company"))
    assert old.is_valid(read_document(path))
    for name in ("wrong-types.yaml", "unknown-key.yaml", "missing-name.yaml"):
        assert not old.is_valid(read_document(DATA / name))


def test_ladder_schema_takes_ranges_of_years_and_cumulative():
    check = validator("ladder")
    ladder = {"cumulative": True, "roles": [{"id": "a", "level": 1}, {"id": "b", "level": 2}],
              "moves": [{"from": "a", "to": "b", "years": "2-3 years"}]}
    assert check.is_valid(ladder)
    for years in ("2 to 3", "~1.5 yrs", 2.5):
        assert check.is_valid({**ladder, "moves": [{"from": "a", "to": "b", "years": years}]})
    assert not check.is_valid({**ladder, "moves": [{"from": "a", "to": "b", "years": "soon"}]})
    assert not check.is_valid({**ladder, "cumulative": "yes"})
    profiles = read_document(ROOT / "examples" / "ladders" / "engineering-profiles.yaml")
    assert list(check.iter_errors(profiles)) == []


def test_the_assessment_schema_takes_the_examples_and_refuses_a_misspelt_key():
    schema = printed_schema("assessment")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft7Validator.check_schema(schema)
    check = jsonschema.Draft202012Validator(schema)
    for name in ("sam.yaml", "kim.yaml"):
        assert list(check.iter_errors(read_document(ROOT / "examples" / "frameworks" / name))) == []
    assert not check.is_valid({"lader": "product", "ratings": {"data": 1}})
    assert not check.is_valid({"ratings": {"data": {"rating": 1, "evidance": "x"}}})
    assert check.is_valid({"target": "CPO", "manager": "Lee",
                           "ratings": {"data": {"self": 2, "manager": 3, "evidence": ["a"]}}})
