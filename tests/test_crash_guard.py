"""A bug reached from the command line: one line naming --debug, the traceback in a log."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimtrack import reads
from claimtrack.cli import cli


def _database(tmp_path) -> str:
    path = str(tmp_path / "a.db")
    assert CliRunner().invoke(cli, ["--db", path, "db", "upgrade"]).exit_code == 0
    return path


def _broken(*args, **kwargs):
    raise RuntimeError("boom \x1b[2J from a bug")


def test_an_unexpected_error_is_one_line_and_is_logged(tmp_path, monkeypatch):
    # Given: a bug under `claims list`, and the log folder moved to tmp_path
    monkeypatch.setenv("CLAIMTRACK_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setattr(reads, "listed_claims", _broken)
    # When
    result = CliRunner().invoke(cli, ["--db", _database(tmp_path), "claims", "list"])
    # Then
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert "RuntimeError" in line and "run with --debug for details" in line
    assert str(tmp_path / "log" / "crash.log") in line and "\x1b" not in line
    logged = (tmp_path / "log" / "crash.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and "_broken" in logged


def test_debug_shows_the_traceback_instead(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setattr(reads, "listed_claims", _broken)
    result = CliRunner().invoke(cli, ["--db", _database(tmp_path), "--debug", "claims", "list"])
    assert isinstance(result.exception, RuntimeError)
    assert not (tmp_path / "log").exists()


@pytest.mark.parametrize("value", ["article_mb", "article_mb=0", "nosuch=1", "json_depth=x"])
def test_a_bad_limit_is_one_line(tmp_path, value):
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "a.db"), "--limit", value, "documents"]
    )
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
