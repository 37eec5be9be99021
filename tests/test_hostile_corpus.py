"""Every hostile input of tests/hostile/ through `claimtrack import`: one line, exit 1, nothing written.

Each case runs the CLI on a database that already holds a claim, then checks:
the exit code; exactly one line on stderr, holding the case's reason; no
traceback; every table's rows unchanged; and the time, counted as figures the
extractor parsed (`quantities._parse` calls), never in seconds: a refused
input is refused before the extractor starts, so that count is zero. The
few inputs that are cleaned rather than refused (NUL bytes, terminal escapes)
are stored, with none of their control characters. Record cases also run on
PostgreSQL (`-m postgres`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile.generate import CASES, Case, write
from hostile.server import HostileServer, hostile_server
from sqlalchemy import func, select

from claimtrack.cli import cli
from claimtrack.db import open_database
from claimtrack.extract import quantities
from claimtrack.models import Appearance, Base, Claim, Document

CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SEED = {"id": "seed-1", "text": "Ukraine will produce 600 interceptor drones per day."}


def _params() -> list[object]:
    params: list[object] = []
    for case in CASES:
        params.append(pytest.param(case, "sqlite", id=f"{case.name}-sqlite"))
        if case.kind in ("records", "csv"):
            params.append(
                pytest.param(
                    case, "postgresql", id=f"{case.name}-postgresql", marks=pytest.mark.postgres
                )
            )
    return params


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        yield running


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the figures the extractor parses while the test runs."""
    counted = [0]
    parse = quantities._parse

    def counting(*args, **kwargs):
        counted[0] += 1
        return parse(*args, **kwargs)

    monkeypatch.setattr(quantities, "_parse", counting)
    return counted


def _rows(url: str) -> dict[str, int]:
    """How many rows each table holds."""
    database = open_database(url)
    try:
        with database.read() as session:
            return {
                table.name: session.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables
            }
    finally:
        database.dispose()


def _invoke(url: str, *args: str):
    return CliRunner().invoke(cli, ["--db", url, "--user", "ana", *args])


def test_the_corpus_covers_at_least_sixty_inputs_of_every_kind():
    kinds = {kind: sum(case.kind == kind for case in CASES) for kind in ("article", "records")}
    kinds |= {kind: sum(case.kind == kind for case in CASES) for kind in ("csv", "url")}
    assert len(CASES) >= 60 and min(kinds.values()) >= 10, kinds
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize(("case", "database_url"), _params(), indirect=["database_url"])
def test_hostile_input_is_one_line_and_leaves_the_database_unchanged(
    case: Case,
    database_url: str,
    tmp_path: Path,
    server: HostileServer,
    steps: list[int],
    monkeypatch: pytest.MonkeyPatch,
):
    # Given: a database holding one claim, and the hostile input
    monkeypatch.setenv("CLAIMTRACK_LOG_DIR", str(tmp_path / "log"))
    seed = tmp_path / "seed.jsonl"
    seed.write_text(json.dumps(SEED) + "\n", encoding="utf-8")
    assert _invoke(database_url, "import", str(seed)).exit_code == 0
    before = _rows(database_url)
    if case.kind == "url":
        target = server.base + case.url if case.url.startswith("/") else case.url
        size = 0
    else:
        target = str(write(case, tmp_path))
        size = Path(target).stat().st_size
    steps[0] = 0

    # When: it is imported
    result = _invoke(database_url, *case.args, "import", target)

    # Then
    output = result.output + result.stderr
    assert "Traceback" not in output and "unexpected error" not in output, output[:2000]
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    if case.expect == "stored":
        # An article without a date is stored with a warning saying so (issue 15).
        undated = [line for line in lines if "no publication date" in line]
        assert result.exit_code == 0 and lines == undated, output[:2000]
        _assert_stored_without_controls(database_url, before)
        assert steps[0] <= size  # linear: never more figures than bytes
        return
    assert result.exit_code == 1, output[:2000]
    assert len(lines) == 1, lines[:5]
    assert len(lines[0]) < 400 and case.reason in lines[0], lines[0]
    assert steps[0] == 0, "refused only after the extractor had started"
    assert _rows(database_url) == before


def _assert_stored_without_controls(url: str, before: dict[str, int]) -> None:
    database = open_database(url)
    try:
        with database.read() as session:
            documents = session.scalars(select(Document).order_by(Document.id)).all()
            claims = session.scalars(select(Claim)).all()
            article = documents[-1]
            placed = session.scalars(
                select(Appearance).where(Appearance.document_id == article.id)
            ).all()
            assert len(documents) == before["documents"] + 1 and placed
            for document in documents:
                for value in (document.text, document.title, document.author, document.outlet):
                    assert value is None or not CONTROLS.search(value.replace("\n", "")), value
            for claim in claims:
                assert not CONTROLS.search(claim.text), claim.text
            for appearance in placed:  # offsets index the stored, cleaned text
                assert article.text[appearance.start : appearance.end] == appearance.sentence
    finally:
        database.dispose()
