"""Issue 22's findings on writing, each reproduced: ``--report`` and ``import -o`` never write
through a symbolic link or block on a FIFO, ``readme-snippet --name`` stays inside
``--output-dir``, a name too long for the file system is a clear error, and SIGTERM during a
write leaves no temporary file behind."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from ladder.api import write_file
from ladder.cli import main
from ladder.errors import LadderError

EXPORT = REPO / "examples" / "hr" / "acme-export.csv"
COMPANY = REPO / "examples" / "startup.yaml"


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def cli(tmp_path: Path, *args: object, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process: a FIFO would block a test run in this one."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "ladder", *map(str, args)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture
def victim(tmp_path):
    """A file outside the output folder, and a link to it inside."""
    secret = tmp_path / "victim.txt"
    secret.write_text("keep me\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").symlink_to(secret)
    (out / "company.yaml").symlink_to(secret)
    return out, secret


@pytest.mark.parametrize("command", [
    ["validate", EXPORT], ["validate", COMPANY], ["stats", EXPORT],
    ["import", EXPORT, "-o", "{out}/fresh.yaml"]])
def test_report_never_writes_through_a_symbolic_link(victim, command):
    out, secret = victim
    args = [str(a).format(out=out) for a in command]
    result = CliRunner().invoke(main, [*args, "--report", str(out / "report.json")])
    assert secret.read_text() == "keep me\n"
    assert result.exit_code != 0
    assert "is a symbolic link: ladder does not write through links" in result.output
    assert "Traceback" not in result.output


def test_import_output_never_writes_through_a_symbolic_link(victim):
    out, secret = victim
    result = CliRunner().invoke(main, ["import", str(EXPORT), "-o", str(out / "company.yaml")])
    assert result.exit_code != 0 and secret.read_text() == "keep me\n"
    assert "symbolic link" in result.output


@pytest.mark.parametrize("command", [["validate", COMPANY], ["import", EXPORT, "-o", "x.yaml"],
                                     ["render", COMPANY, "-o", "fifo.svg"]])
def test_a_fifo_is_refused_not_waited_on(tmp_path, command):
    target = "fifo.svg" if command[0] == "render" else "fifo.json"
    os.mkfifo(tmp_path / target)
    args = list(command) if command[0] == "render" else [*command, "--report", target]
    result = cli(tmp_path, *args, timeout=60)
    assert result.returncode != 0
    assert "is not a regular file (a pipe, socket or device)" in result.stderr
    assert (tmp_path / target).is_fifo()  # left as it was, not replaced


@pytest.mark.parametrize("name", ["../../escaped", "ABSOLUTE", "sub/../../escaped"])
def test_readme_snippet_name_stays_in_the_output_dir(tmp_path, name):
    name = str(tmp_path / "abs" / "escaped") if name == "ABSOLUTE" else name
    out = tmp_path / "a" / "b" / "img"
    result = CliRunner().invoke(main, ["readme-snippet", "product", "--output-dir", str(out),
                                       "--name", name])
    assert result.exit_code != 0
    assert "is outside the folder" in result.output
    written = [p for p in tmp_path.rglob("*.svg")]
    assert written == []


def test_readme_snippet_does_not_follow_a_linked_subfolder(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "img"
    out.mkdir()
    (out / "sub").symlink_to(elsewhere)
    result = CliRunner().invoke(main, ["readme-snippet", "product", "--output-dir", str(out),
                                       "--name", "sub/x"])
    assert result.exit_code != 0 and "symbolic link" in result.output
    assert list(elsewhere.iterdir()) == []


def test_readme_snippet_with_a_plain_name_still_writes(tmp_path):
    result = run("readme-snippet", "product", "--output-dir", tmp_path / "img", "--name", "pl")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "img").iterdir()) == ["pl-dark.svg",
                                                                     "pl-light.svg"]


def test_a_name_too_long_for_the_file_system_is_a_clear_error(tmp_path):
    with pytest.raises(LadderError, match="File name too long") as caught:
        write_file(tmp_path / ("x" * 300 + ".svg"), "<svg/>")
    assert caught.value.hint == "use a shorter file name"
    result = CliRunner().invoke(main, ["render", "product", "-o",
                                       str(tmp_path / ("y" * 300 + ".svg"))])
    assert result.exit_code != 0 and "File name too long" in result.output
    assert not isinstance(result.exception, OSError)


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path):
    script = textwrap.dedent(f"""
        import os, signal
        from ladder.renderers import files

        real = os.replace
        def stopped(*args):
            os.kill(os.getpid(), signal.SIGTERM)  # arrives mid-write, before the rename
            real(*args)
        files.os.replace = stopped
        files.write_bytes({str(tmp_path / 'chart.svg')!r}, "<svg/>" * 1000)
        print("not reached")
        """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 128 + 15 and "not reached" not in result.stdout
    assert list(tmp_path.iterdir()) == []  # neither the chart nor a hidden .tmp


# --- '-o -' is standard output for every command that takes -o --------------------------------

STARTUP, SCALE_UP = REPO / "examples" / "startup.yaml", REPO / "examples" / "scale-up.yaml"
SAM = REPO / "examples" / "frameworks" / "sam.yaml"
PROFILES = REPO / "examples" / "ladders" / "engineering-profiles.yaml"


@pytest.mark.parametrize(("args", "starts"), [
    (["diff", STARTUP, SCALE_UP], "startup.yaml -> scale-up.yaml: "),
    (["diff", STARTUP, SCALE_UP, "--format", "csv"], "change,id,name,field,old,new,note"),
    (["diff", STARTUP, SCALE_UP, "--format", "json"], "{"),
    (["diff", STARTUP, SCALE_UP, "--format", "dot"], "// Every position is pinned"),
    (["diff", STARTUP, SCALE_UP, "--format", "svg"], "<?xml"),
    (["assess", SAM], "<svg"),
    (["profile", "principal-engineer", "--ladder", PROFILES], "<svg"),
    (["diff", STARTUP, SCALE_UP, "--format", "html"], "<!DOCTYPE html>"),
    (["import", EXPORT], "# Written by `ladder import` from acme-export.csv"),
    (["render", "product", "--format", "mermaid"], "---\ntitle: Product management"),
])
def test_dash_is_standard_output_for_every_command(tmp_path, monkeypatch, args, starts):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*map(str, args), "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.lstrip().startswith(starts), result.stdout[:200]
    assert not (tmp_path / "-").exists()  # never a file named '-'
    assert "wrote" not in result.stdout


def test_assess_to_standard_output_keeps_the_answer_on_stderr(tmp_path):
    result = CliRunner().invoke(main, ["assess", str(SAM), "-o", "-"])
    assert result.stdout.strip().endswith("</svg>")
    assert "Sam: Platform Engineer II" in result.stderr


@pytest.mark.slow  # four processes, two of them drawing with Graphviz
@pytest.mark.parametrize("args", [["render", "product", "-f", "png"],
                                  ["diff", STARTUP, SCALE_UP, "--format", "pdf"]])
def test_a_binary_file_to_a_terminal_is_refused(tmp_path, args):
    """On a terminal (a pseudo-terminal here) a PNG or PDF is refused with the fix; through a
    pipe the same command writes the bytes."""
    import pty

    main_end, terminal = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    try:
        done = subprocess.run([sys.executable, "-m", "ladder", *map(str, args), "-o", "-"],
                              cwd=tmp_path, stdout=terminal, stderr=subprocess.PIPE,
                              text=True, timeout=120, env=env)
    finally:
        os.close(terminal)
        os.close(main_end)
    assert done.returncode == 1
    assert "error: -o - would write a binary file to the terminal" in done.stderr
    assert "(redirect it (-o - > chart.png), pipe it, or give -o a file name)" in done.stderr
    piped = subprocess.run([sys.executable, "-m", "ladder", *map(str, args), "-o", "-"],
                           cwd=tmp_path, capture_output=True, timeout=120, env=env)
    assert piped.returncode == 0
    assert piped.stdout[:4] in (b"\x89PNG", b"%PDF")


# --- a write killed from outside, mid-way -------------------------------------------------------

WRITER = """
import sys
from ladder.api import write_file
write_file(sys.argv[1], "x" * int(sys.argv[2]))
print("not reached")
"""


def killed_mid_write(tmp_path: Path, signal_number: int) -> subprocess.CompletedProcess:
    """A process writing 300 MB over a file that holds 'old', sent ``signal_number`` once its
    temporary file is there: the write is under way."""
    import time

    target = tmp_path / "chart.svg"
    target.write_text("old")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for size in (300_000_000, 1_000_000_000):  # bigger if the first ended before the signal
        process = subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(size)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env=env)
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".chart.svg.*.tmp")) and process.poll() is None and \
                time.monotonic() < deadline:
            time.sleep(0.001)
        process.send_signal(signal_number)
        out, err = process.communicate(timeout=120)
        if "not reached" not in out:
            return subprocess.CompletedProcess(process.args, process.returncode, out, err)
        target.write_text("old")
    pytest.fail("the write ended before the signal came")


@pytest.mark.slow  # writes up to 300 MB
@pytest.mark.parametrize("name", ["SIGTERM", "SIGINT"])
def test_a_write_killed_mid_way_leaves_the_old_file_and_no_temporary(tmp_path, name):
    import signal

    number = getattr(signal, name)
    done = killed_mid_write(tmp_path, number)
    assert done.returncode in (-number, 128 + number), (done.returncode, done.stderr[-500:])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.svg"]  # no hidden .tmp
    assert (tmp_path / "chart.svg").read_text() == "old"


@pytest.mark.slow  # writes up to 300 MB
def test_sigkill_mid_write_never_leaves_half_a_file(tmp_path):
    """SIGKILL cannot be caught: its temporary file may stay, but the file asked for is the old
    one whole, never 0 bytes (import -o once wrote in place)."""
    import signal

    done = killed_mid_write(tmp_path, signal.SIGKILL)
    assert done.returncode == -signal.SIGKILL
    assert (tmp_path / "chart.svg").read_text() == "old"


# --- every command that writes: the same refusals ------------------------------------------------

WRITERS = {  # command -> its arguments, TARGET where the file it writes goes
    "render -o": ["render", "product", "-o", "TARGET"],
    "diff -o csv": ["diff", STARTUP, SCALE_UP, "--format", "csv", "-o", "TARGET"],
    "diff -o svg": ["diff", STARTUP, SCALE_UP, "--format", "svg", "-o", "TARGET"],
    "assess -o": ["assess", SAM, "-o", "TARGET"],
    "profile -o": ["profile", "principal-engineer", "--ladder", PROFILES, "-o", "TARGET"],
    "import -o": ["import", EXPORT, "-o", "TARGET"],
    "import --report": ["import", EXPORT, "--report", "TARGET"],
    "validate --report": ["validate", COMPANY, "--report", "TARGET"],
    "stats --report": ["stats", EXPORT, "--report", "TARGET"],
}
SUFFIX = {"diff -o csv": ".csv", "import -o": ".yaml"}


def target_for(kind: str, tmp_path: Path, command: str) -> tuple[str, str]:
    """(the path to give, what the error must say) for a hostile target."""
    suffix = SUFFIX.get(command, ".json" if "report" in command else ".svg")
    if kind == "fifo":
        os.mkfifo(tmp_path / f"fifo{suffix}")
        return str(tmp_path / f"fifo{suffix}"), "is not a regular file (a pipe, socket or device)"
    if kind == "device":
        return "/dev/null", "is not a regular file (a pipe, socket or device)"
    if kind == "link":
        (tmp_path / "victim.txt").write_text("keep me\n")
        (tmp_path / f"link{suffix}").symlink_to(tmp_path / "victim.txt")
        return str(tmp_path / f"link{suffix}"), "is a symbolic link: ladder does not write"
    if kind == "long name":
        return str(tmp_path / ("n" * 300 + suffix)), "File name too long (use a shorter file name)"
    folder = tmp_path / ("d" * 300) / "e"  # a folder name too long on the way
    return str(folder / f"x{suffix}"), "File name too long (use a shorter file name)"


@pytest.mark.slow  # 40 processes
@pytest.mark.parametrize("kind", ["fifo", "device", "link", "long name", "long folder"])
@pytest.mark.parametrize("command", list(WRITERS))
def test_every_writer_refuses_the_same_targets_clearly(tmp_path, command, kind):
    target, says = target_for(kind, tmp_path, command)
    args = [target if a == "TARGET" else a for a in WRITERS[command]]
    result = cli(tmp_path, *args, timeout=120)
    assert result.returncode == 1, (result.returncode, result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and says in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    if kind == "link":
        assert (tmp_path / "victim.txt").read_text() == "keep me\n"
    if kind == "fifo":
        assert Path(target).is_fifo()
    assert not list(tmp_path.rglob("*.tmp"))


def test_readme_snippet_with_a_name_too_long_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["readme-snippet", "product", "--output-dir",
                                       str(tmp_path), "--name", "n" * 300])
    assert result.exit_code == 1 and not isinstance(result.exception, OSError)
    assert "File name too long (use a shorter file name)" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_docs_cache_is_written_as_every_file_is(tmp_path):
    """The MkDocs and Sphinx cache goes through the one writer: never through a link."""
    from ladder.docs.core import DiagramCache

    (tmp_path / "victim.json").write_text("keep me")
    cache = DiagramCache(tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "k.json").symlink_to(tmp_path / "victim.json")
    cache.put("k", "<svg/>", [])  # refused quietly: a cache that cannot be written costs time
    assert (tmp_path / "victim.json").read_text() == "keep me"
    cache.put("fresh", "<svg/>", [])
    assert cache.get("fresh") == ("<svg/>", [])
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["fresh.json", "k.json"]


def test_every_file_ladder_writes_goes_through_the_one_writer():
    """No other write in the package: open(..., 'w'), write_text, write_bytes on a path,
    shutil copies, os.replace, mkstemp: only ladder/renderers/files.py writes files."""
    import re

    pattern = re.compile(r"open\([^)]*['\"][wax]b?['\"]|\.write_text\(|Path\([^)]*\)\.write_bytes"
                         r"|shutil\.(copy|move)|os\.(replace|rename)\(|mkstemp|\.save\(['\"]")
    found = [f"{path.relative_to(REPO)}:{number}"
             for path in sorted((REPO / "ladder").rglob("*.py"))
             if path.name != "files.py" or path.parent.name != "renderers"
             for number, line in enumerate(path.read_text().splitlines(), 1)
             if pattern.search(line)]
    assert found == []


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_just_after_the_temporary_file_is_made_removes_it(tmp_path, name):
    """The narrowest window: the signal comes as the temporary file has just been made, before
    its name is kept anywhere (with mkstemp, SIGINT there left the file behind)."""
    script = textwrap.dedent(f"""
        import os, signal
        from ladder.renderers import files

        real = os.open
        def opened(*args, **kwargs):
            handle = real(*args, **kwargs)
            if str(args[0]).endswith(".tmp"):
                os.kill(os.getpid(), signal.{name})
            return handle
        files.os.open = opened
        files.write_bytes({str(tmp_path / 'chart.svg')!r}, "<svg/>")
        print("not reached")
        """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert "not reached" not in result.stdout and result.returncode != 0
    assert list(tmp_path.iterdir()) == []
