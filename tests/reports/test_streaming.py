"""Reports stream: peak memory does not grow with the number of claims."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import tracemalloc

import pytest
from sqlalchemy import insert

from claimtrack.db import open_database
from claimtrack.models import Claim, Event, Source
from claimtrack.reads import ClaimFilter
from claimtrack.reports import data as report_data
from claimtrack.reports import write_report

NOW = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


class _Sink(io.TextIOBase):
    """Counts what is written and keeps nothing, so only the writer's memory is measured."""

    size = 0

    def write(self, text: str) -> int:
        self.size += len(text)
        return len(text)


def _fill(database, start: int, count: int) -> None:
    # Bulk rows straight into the tables: this test measures the reader, not the service.
    claims = [
        {
            "id": i,
            "text": f"Claim {i}: the ministry said {i} drones were built in a day " + "x" * 200,
            "normalized": f"claim {i}",
            "kind": "quantity",
            "score": 0.5,
            "status": "concluded",
            "verdict": "false",
            "verdict_summary": "Not so. " * 20,
            "created_at": NOW,
            "updated_at": NOW,
            "version": 1,
        }
        for i in range(start, start + count)
    ]
    sources = [
        {
            "claim_id": i,
            "url": f"https://e.example.org/{i}",
            "title": "t",
            "stance": "refutes",
            "reliability": "credible",
            "added_by": "t",
            "added_at": NOW,
        }
        for i in range(start, start + count)
    ]
    events = [
        {"claim_id": i, "actor": "t", "action": "status", "old": "new", "new": "x", "at": NOW}
        for i in range(start, start + count)
    ]
    with database.transaction() as session:
        session.execute(insert(Claim), claims)
        session.execute(insert(Source), sources)
        session.execute(insert(Event), events)


def _peak(database, fmt: str) -> int:
    sink = _Sink()
    tracemalloc.start()
    try:
        with database.read() as session:
            write_report(session, ClaimFilter(), fmt, sink)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", ["html", "json", "csv"])
def test_memory_stays_flat(tmp_path, monkeypatch, fmt):
    monkeypatch.setattr(report_data, "BATCH", 100)
    database = open_database(f"sqlite:///{tmp_path / 'big.db'}")
    try:
        _fill(database, 1, 400)
        small = _peak(database, fmt)
        _fill(database, 401, 1600)
        large = _peak(database, fmt)
    finally:
        database.dispose()
    # Five times the claims may not cost anywhere near five times the memory.
    assert large < small * 1.6, (small, large)


def test_html_renders_in_headless_chromium(tmp_path, demo_copy):
    browser = next(
        (shutil.which(n) for n in ("chromium", "chromium-browser", "chrome") if shutil.which(n)),
        None,
    )
    if browser is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    demo = demo_copy(tmp_path / "demo.db")
    page = tmp_path / "report.html"
    try:
        with demo.read() as session, page.open("w", encoding="utf-8") as out:
            write_report(session, ClaimFilter(), "html", out)
    finally:
        demo.dispose()
    run = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert 'class="claim"' in run.stdout
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console
