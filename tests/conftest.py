"""Shared fixtures: where the test data lives, and a skip for tests that need Graphviz."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
DATA = TESTS / "data"
# CI and developers keep ../shared beside the clone: the real org charts and ladders live there.
SHARED = REPO.parent / "shared"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("dot"):
        return
    skip = pytest.mark.skip(reason="the Graphviz 'dot' executable is not installed "
                            "(./run.sh test installs it)")
    for item in items:
        if "needs_dot" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not there: clone the repo beside shared/")
    return SHARED
