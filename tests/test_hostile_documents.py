"""Hostile and broken YAML, TOML and JSON: a one-line error with the place, never a traceback,
never a machine brought down by a few lines of text."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ladder.api
from ladder.errors import LadderError, SourceError
from ladder.sources.document import parse_document

BOMB = "\n".join(
    [f"l0: &l0 [{', '.join(['lol'] * 9)}]"]
    + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
    + ["people: *l8"]
)

CASES = {
    "alias bomb": (BOMB, "yaml", "aliases repeat parts of the file too many times"),
    "recursive alias": ("a: &a\n  b: *a\n", "yaml", "refers to the list or mapping it is in"),
    "python tag": ('x: !!python/object/apply:os.system ["echo hi"]\n', "yaml",
                   "values cannot be read"),
    "custom scalar tag": ("x: !secret abc\n", "yaml", "values cannot be read"),
    "binary": ("x: !!binary aGVsbG8=\n", "yaml", "values cannot be read"),
    "huge integer": ("level: " + "9" * 5000 + "\n", "yaml", "cannot read the number"),
    "nan": ("years: .nan\n", "yaml", "is not a number ladder can use"),
    "infinity": ("years: -.inf\n", "yaml", "is not a number ladder can use"),
    "deep JSON": ("[" * 5000 + "]" * 5000, "json", "nested more than"),
    "deep TOML": ("a = " + "[" * 5000 + "]" * 5000, "toml", "nested more than"),
    "deep flow YAML": ("a: " + "[" * 5000 + "]" * 5000, "yaml", "nested more than"),
    "deep block YAML": ("".join("  " * i + "k:\n" for i in range(300)), "yaml",
                        "nested more than"),
    "duplicate key": ("a: 1\na: 2\n", "yaml", "key 'a' is given twice"),
    "merge of a list": ("a: &a [1]\nb: {<<: *a}\n", "yaml", "'<<' merges mappings only"),
}


@pytest.mark.parametrize("name", CASES)
def test_a_hostile_document_is_one_clear_error(name):
    text, kind, message = CASES[name]
    with pytest.raises(SourceError) as caught:
        parse_document(text, f"bad.{kind}", kind)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"bad.{kind}")
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 300


def test_merge_keys_and_anchors_work_as_yaml_says():
    data = parse_document("base: &b {team: core, level: 2}\nx: {<<: *b, level: 3}\n", "ok.yaml")
    assert data["x"] == {"team": "core", "level": 3}
    assert parse_document("d: 2024-03-31\n", "ok.yaml")["d"] == "2024-03-31"


def test_special_files_and_size_are_refused(tmp_path, monkeypatch):
    link = tmp_path / "zero.yaml"
    os.symlink("/dev/zero", link)
    with pytest.raises(SourceError, match="not a regular file"):
        ladder.api.load(link)
    big = tmp_path / "big.yaml"
    big.write_text("x: " + "a" * (2 * 2**20))
    monkeypatch.setenv("LADDER_MAX_INPUT_MB", "1")
    with pytest.raises(SourceError, match="LADDER_MAX_INPUT_MB"):
        ladder.api.load(big)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!<>,#'\"\n\t 1.") + ["\\"]),
               max_size=80),
       st.sampled_from(["yaml", "json", "toml"]))
def test_any_text_parses_or_raises_a_ladder_error(text, kind):
    try:
        parse_document(text, "fuzz", kind)
    except LadderError:
        pass


TOKENS = ["id", "name", "people", "roles", "manager", "title", "level", "moves", "from", "to",
          ":", " ", "\n", "- ", "[", "]", "{", "}", ",", "&a", "*a", "!x", "1", "a", "b", "  "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join))
def test_any_document_loads_or_raises_a_ladder_error(text):
    try:
        ladder.api.load(text=text)
    except LadderError:
        pass


KEYS = ["id", "name", "people", "roles", "manager", "title", "level", "moves", "from", "to",
        "track", "tracks", "variants", "competencies", "dotted", "vacant", "fte", "names",
        "aliases", "years", "kind", "headcount", "head", "department", "departments", "ladder",
        "variant", "company", "role", "assistant", "colour", "sources", "source", "summary",
        "ladders", "cross", "note", "areas", "expectations"]
SCALARS = st.sampled_from([None, 0, -1, 1, 2.5, True, "", "a", "pm", "ada", "#fff", 10**30,
                           "javascript:x", "product-manager", "startup", "1..2"])
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(KEYS), inner, max_size=4), max_leaves=12)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), VALUES, min_size=1, max_size=6))
def test_any_shape_of_config_or_ladder_loads_or_raises_a_ladder_error(document):
    import json

    text = json.dumps(document)
    try:
        ladder.api.load(text=text, format="json")
    except LadderError:
        pass
    assert all(isinstance(p.message, str) for p in ladder.api.validate(text=text,
                                                                        format="json"))
