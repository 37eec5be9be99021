"""The TUI runs on a fresh demo database per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.db import Database
from claimtrack.demo import build_demo
from claimtrack.tui.app import ClaimtrackApp


@pytest.fixture
def demo_db(tmp_path: Path) -> Database:
    return build_demo(tmp_path / "demo.db")


@pytest.fixture
def app(demo_db: Database) -> ClaimtrackApp:
    return ClaimtrackApp(demo_db, "alice")
