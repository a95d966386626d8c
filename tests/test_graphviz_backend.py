"""Running Graphviz: bytes out, or a RenderError that says what to do."""

from __future__ import annotations

import pytest

from ladder.errors import RenderError
from ladder.renderers.graphviz_backend import run_graphviz

pytestmark = pytest.mark.needs_dot
SOURCE = 'digraph { a [label="Ada"]; a -> b }'


def test_each_format_comes_back_as_its_bytes_and_the_same_every_time():
    assert b"Ada" in run_graphviz(SOURCE, format="svg")
    assert run_graphviz(SOURCE, format="png").startswith(b"\x89PNG")
    pdf = run_graphviz(SOURCE, format="pdf")
    assert pdf.startswith(b"%PDF") and pdf == run_graphviz(SOURCE, format="pdf")


def test_a_missing_program_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without Graphviz
    with pytest.raises(RenderError, match="'dot' is not installed") as caught:
        run_graphviz(SOURCE, format="svg")
    assert "apt-get install graphviz" in str(caught.value)


def test_bad_dot_is_reported_with_graphviz_own_words():
    with pytest.raises(RenderError, match="syntax error in line 1"):
        run_graphviz("digraph { a -> }", format="svg")
