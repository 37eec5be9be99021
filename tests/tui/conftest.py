"""The TUI runs on its own copy of the demo database per test (built once per session)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimtrack.db import Database
from claimtrack.tui.app import ClaimtrackApp
from claimtrack.tui.preferences import CONFIG_ENV


@pytest.fixture(autouse=True)
def _preferences_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The workbench remembers its theme in a file: here, never in the real user dir."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    return folder


@pytest.fixture
def demo_db(tmp_path: Path, demo_copy: Callable[[Path], Database]) -> Iterator[Database]:
    database = demo_copy(tmp_path / "demo.db")
    yield database
    database.dispose()


@pytest.fixture
def app(demo_db: Database) -> ClaimtrackApp:
    return ClaimtrackApp(demo_db, "alice")
