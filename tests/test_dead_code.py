"""No dead code: every function and constant in ``ladder/`` has a caller outside the tests.

Vulture runs on ``ladder/`` alone, so a name that only a test calls is reported too: such a
test checks a path no user runs. The few names a framework calls (vulture cannot see it) are
in tests/vulture_allow.py, each with its reason.
"""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache

from conftest import REPO
from vulture_allow import DECORATORS, NAMES

from ladder.renderers.files import FORMATS
from ladder.sources.frameworks import READERS

# vulture's lines: "ladder/cli/x.py:12: unused function 'name' (60% confidence)", or
# "ladder/x.py:9: unreachable code after 'return' (100% confidence)" (keyed by what it says)
_LINE = re.compile(r"^(?P<where>\S+:\d+): (?:unused \w+ '(?P<name>[^']+)'|(?P<what>.+?) \()")


def _named_in_tables() -> set[str]:
    """The functions the output-format table names as ``module:function`` text, and the
    framework readers as ``(module, function)``: imported on use, called by the table."""
    drawers = {target.partition(":")[2] for f in FORMATS.values()
               for target in (f.ladder, f.org) if target}
    return drawers | {function for _, function in READERS.values()}


@cache
def _unused() -> dict[str, tuple[str, ...]]:
    """Name -> the places in ladder/ where vulture finds it unused (one run for both tests)."""
    command = [sys.executable, "-m", "vulture", "ladder",
               "--ignore-decorators", ",".join(DECORATORS)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    assert "No module named vulture" not in result.stderr, (
        "vulture is missing: pip install -e '.[dev]' (./run.sh test does)")
    assert result.returncode in (0, 3), result.stderr  # 3: it found unused code
    found: dict[str, tuple[str, ...]] = {}
    for line in result.stdout.splitlines():
        match = _LINE.match(line)
        assert match, f"a line of vulture's output this test cannot read: {line}"
        name = match["name"] or match["what"]
        found[name] = (*found.get(name, ()), match["where"])
    return found


def test_every_function_and_constant_has_a_caller_outside_the_tests():
    allowed = set(NAMES) | _named_in_tables()
    found = {name: where for name, where in _unused().items() if name not in allowed}
    assert not found, (
        "no caller in ladder/ (delete it with its tests, or call it where the feature is "
        "reached; a name a framework calls goes in tests/vulture_allow.py with why):\n"
        + "\n".join(f"  {name}: {', '.join(where)}" for name, where in sorted(found.items())))


def test_every_allowed_name_is_still_needed():
    # an entry whose code is gone, or that now has a caller, would only hide a new dead name
    stale = sorted(set(NAMES) - set(_unused()))
    assert not stale, f"in tests/vulture_allow.py but not reported by vulture: {stale}"
