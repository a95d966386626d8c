"""Running Graphviz: bytes out, or a RenderError that says what to do; one long-lived Graphviz
for a process that draws many, with the bytes of a run of its own."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import ladder
import ladder.api
from ladder.errors import RenderError
from ladder.renderers import graphviz_backend
from ladder.renderers.graphviz_backend import run_graphviz

pytestmark = pytest.mark.needs_dot
SOURCE = 'digraph { a [label="Ada"]; a -> b }'
NAMED = 'digraph ada { a [label="Ada"]; a -> b }'


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


# --- one long-lived Graphviz per process (docs builds, scripts drawing in a loop) -------------

LADDERS = [{"variant": "startup"}, {"variant": "scale-up"}, {"variant": "enterprise"}, {},
           {"detail": True}, {"highlight": "junior-product-manager..chief-product-officer"}]


@pytest.fixture
def fresh():
    """No long-lived Graphviz yet: the next drawing of each command is a run of its own."""
    graphviz_backend._close_streams()
    graphviz_backend._runs.clear()
    many = graphviz_backend._many
    graphviz_backend._many = False  # a docs test before may have said it draws many
    yield
    graphviz_backend._close_streams()
    graphviz_backend._runs.clear()
    graphviz_backend._many = many


def _alone(source: str) -> bytes:
    """``source`` drawn as the first drawing of a process: by a Graphviz run of its own."""
    graphviz_backend._close_streams()
    graphviz_backend._runs.clear()
    return run_graphviz(source, format="svg")


def _stream_pid() -> int:
    (stream,) = graphviz_backend._streams.values()
    return stream.process.pid


def test_drawings_after_the_first_come_from_one_process_with_the_same_bytes(fresh):
    sources = [ladder.draw("product", format="dot", **options) for options in LADDERS]
    alone = [_alone(source) for source in sources]
    order = [*range(len(sources))] * 3
    random.Random(7).shuffle(order)  # what came before must not matter
    drawn = [run_graphviz(sources[i], format="svg") for i in order]
    assert drawn == [alone[i] for i in order]
    pid = _stream_pid()
    assert [run_graphviz(s, format="svg") for s in sources] == alone and _stream_pid() == pid
    # the lanes in the order the DOT declares them, as a run of its own writes them here
    svg = alone[3].decode()
    assert svg.index("<title>cluster_ic</title>") < svg.index("<title>cluster_management")


def test_a_docs_build_starts_the_long_lived_graphviz_on_its_first_drawing(fresh, tmp_path,
                                                                           monkeypatch):
    from ladder.docs.core import draw_block, read_block

    block = read_block("source: product\nvariant: startup", page="p.md", line=1,
                       folders=[tmp_path])
    with monkeypatch.context() as unsaid:  # as if the build had not said it draws many
        unsaid.setattr(ladder.api, "expect_many_drawings", lambda: None)
        alone = draw_block(block)  # a process's first drawing: a run of its own
    assert not graphviz_backend._streams
    graphviz_backend._runs.clear()
    assert draw_block(block) == alone  # drawn by the long-lived Graphviz, the same bytes
    assert graphviz_backend._many and graphviz_backend._streams
    source = ladder.draw("product", format="dot", variant="enterprise")
    assert run_graphviz(source, format="svg") == _alone(source)


def test_pinned_org_dot_after_its_comment_line_goes_to_the_long_lived_graphviz(fresh):
    # an org chart's DOT opens with a comment saying how to draw it again (neato -n2): what a
    # notebook displays through ladder.to_graphviz, chart after chart
    source = ladder.draw("examples/startup.yaml", format="dot")
    assert source.startswith("// ")
    pinned = {"format": "svg", "engine": "neato", "neato_no_op": 2}
    graphviz_backend._close_streams()
    graphviz_backend._runs.clear()
    alone = run_graphviz(source, **pinned)
    graphviz_backend._runs.clear()
    graphviz_backend._many = True
    assert run_graphviz(source, **pinned) == alone
    assert graphviz_backend._streams  # drawn by the stream, not a run of its own


def test_the_api_draws_the_same_svg_in_a_loop(fresh):
    first = [ladder.draw("product", **options) for options in LADDERS]
    assert graphviz_backend._streams  # the loop above already drew through the stream
    assert [ladder.draw("product", **options) for options in LADDERS] == first


def test_a_graph_the_stream_cannot_draw_is_reported_as_a_run_of_its_own_reports_it(fresh):
    good = ladder.draw("product", format="dot")
    alone = _alone(good)
    run_graphviz(good, format="svg")  # the stream is running now
    pid = _stream_pid()
    # in the stream dot counts lines from its first graph and goes on after a bad label
    with pytest.raises(RenderError, match="syntax error in line 1 "):
        run_graphviz("digraph bad { a -> }", format="svg")
    with pytest.raises(RenderError, match="in label of node a"):
        run_graphviz('digraph bad { a [label=<<b>x</i>>] }', format="svg")
    assert run_graphviz(good, format="svg") == alone  # a new process after the syntax error
    assert _stream_pid() != pid


def test_a_graph_left_open_does_not_stall_the_stream(fresh, monkeypatch):
    """An open string or comment swallows the end mark: dot waits for more, using no CPU."""
    monkeypatch.setattr(graphviz_backend, "STALLED", 0.3)
    run_graphviz(NAMED, format="svg")
    run_graphviz(NAMED, format="svg")  # the stream is running now
    for bad in ('digraph open { a [label="abc] }', "digraph open { a /* b }"):
        with pytest.raises(RenderError, match="failed"):
            run_graphviz(bad, format="svg")
    assert run_graphviz(NAMED, format="svg") == _alone(NAMED)


def test_a_graph_graphviz_warns_about_is_drawn_as_a_run_of_its_own_draws_it(fresh):
    warned = 'digraph w { a [shape=nosuchshape] }'
    alone = _alone(warned)
    assert b"<polygon" in alone  # drawn as a box, with a warning on stderr
    run_graphviz(NAMED, format="svg")
    assert run_graphviz(warned, format="svg") == alone
    assert run_graphviz(NAMED, format="svg") == _alone(NAMED)


@pytest.mark.parametrize("source", [
    SOURCE,  # unnamed: dot numbers its title by a count that runs on from graph to graph
    'digraph g { a [style=filled, fillcolor="red:blue"] }',  # so are the gradients' ids
])
def test_what_dot_numbers_across_graphs_comes_out_as_in_a_run_of_its_own(fresh, source):
    alone = _alone(source)
    run_graphviz(NAMED, format="svg")
    assert [run_graphviz(source, format="svg") for _ in range(3)] == [alone] * 3


def test_threads_drawing_at_once_each_get_their_own_drawing(fresh):
    sources = [ladder.draw("product", format="dot", **options) for options in LADDERS]
    alone = [_alone(source) for source in sources]
    with ThreadPoolExecutor(4) as pool:
        drawn = list(pool.map(lambda s: run_graphviz(s, format="svg"), sources * 4))
    assert drawn == alone * 4


def test_a_forked_child_draws_with_its_own_graphviz(fresh):
    alone = _alone(NAMED)
    run_graphviz(NAMED, format="svg")
    pid = _stream_pid()
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # the child: never the parent's process, and its drawing right
        try:
            ok = run_graphviz(NAMED, format="svg") == alone and (
                not graphviz_backend._streams or _stream_pid() != pid)
            os.write(writer, b"ok" if ok else b"wrong")
        finally:
            os._exit(0)
    os.close(writer)
    os.waitpid(child, 0)
    assert os.read(reader, 10) == b"ok"
    os.close(reader)
    assert run_graphviz(NAMED, format="svg") == alone and _stream_pid() == pid


def test_the_long_lived_graphviz_ends_with_the_process_even_with_a_forked_child_alive():
    script = ("import os, time\n"
              "from ladder.renderers import graphviz_backend as g\n"
              "for _ in range(3): g.run_graphviz('digraph x { a }', format='svg')\n"
              "(s,) = g._streams.values(); print(s.process.pid, flush=True)\n"
              "if os.fork() == 0: os.close(1); os.close(2); time.sleep(20); os._exit(0)\n")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    assert time.monotonic() - started < 15  # did not wait for the child
    status = Path(f"/proc/{done.stdout.strip()}/status")
    for _ in range(50):  # ended: gone, or a zombie until something reaps it
        if not status.exists() or re.search(r"State:\s+Z", status.read_text()):
            break
        time.sleep(0.1)
    else:
        raise AssertionError("Graphviz still runs after the process that started it ended")


def test_the_fontconfig_file_is_written_once_to_the_cache_folder_and_checked(monkeypatch,
                                                                           tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    graphviz_backend._fonts_conf_file.cache_clear()
    try:
        first = graphviz_backend._fonts_conf_file()
        assert first.parent == tmp_path / "ladder"
        assert first.read_text(encoding="utf-8") == graphviz_backend.fonts_conf()
        stamp = first.stat().st_mtime_ns
        graphviz_backend._fonts_conf_file.cache_clear()  # a later run: the same file, unwritten
        assert graphviz_backend._fonts_conf_file() == first and first.stat().st_mtime_ns == stamp
        first.write_text("<fontconfig/>", encoding="utf-8")  # changed: written again
        graphviz_backend._fonts_conf_file.cache_clear()
        assert graphviz_backend._fonts_conf_file().read_text(encoding="utf-8") == \
            graphviz_backend.fonts_conf()
        (tmp_path / "file").write_text("", encoding="utf-8")  # no cache folder to be had
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
        graphviz_backend._fonts_conf_file.cache_clear()
        private = graphviz_backend._fonts_conf_file()
        assert private.parent.name.startswith("ladder-fonts-")
        assert private.read_text(encoding="utf-8") == graphviz_backend.fonts_conf()
    finally:
        graphviz_backend._fonts_conf_file.cache_clear()
