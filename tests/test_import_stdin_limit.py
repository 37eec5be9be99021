"""`claimtrack import -`: stdin is read only up to the article limit, then refused in one line."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import cli

LIMIT_BYTES = 1_000  # --limit article_mb=0.001


def _import_stdin(db: Path, stream: io.BytesIO):
    return CliRunner().invoke(
        cli,
        ["--db", str(db), "--user", "ana", "--limit", "article_mb=0.001", "import", "-"],
        input=stream,
    )


def test_stdin_past_the_article_limit_is_read_no_further_and_refused_in_one_line(tmp_path):
    # 10 MB waiting on stdin: reading it whole first would hold all of it in memory.
    stdin = io.BytesIO(b"The ministry said 4,000 homes were built in 2024. " * 200_000)
    result = _import_stdin(tmp_path / "a.db", stdin)
    assert result.exit_code == 1, result.output
    assert stdin.tell() == LIMIT_BYTES + 1  # one byte past the limit says it is too large
    assert result.stderr.splitlines() == [
        "-: larger than the article limit of 1,000 bytes (--limit article_mb=…)"
    ]
    assert "Traceback" not in result.output
    documents = CliRunner().invoke(cli, ["--db", str(tmp_path / "a.db"), "documents", "--json"])
    assert documents.exit_code == 0 and documents.stdout.strip() == ""


def test_stdin_within_the_article_limit_is_imported(tmp_path):
    text = (
        b"Homes\nThe ministry said 4,000 homes were built in 2024, up from 3,100 a year before.\n"
    )
    stdin = io.BytesIO(text)
    result = _import_stdin(tmp_path / "a.db", stdin)
    assert result.exit_code == 0, result.output
    assert stdin.tell() == len(text)


def test_extract_reads_stdin_no_further_than_the_article_limit():
    stdin = io.BytesIO(b"The ministry said 4,000 homes were built in 2024. " * 200_000)
    result = CliRunner().invoke(
        cli, ["--limit", "article_mb=0.001", "extract", "--json", "-"], input=stdin
    )
    assert result.exit_code == 1, result.output
    assert stdin.tell() == LIMIT_BYTES + 1
    assert result.stderr.splitlines() == [
        "Error: -: larger than the article limit of 1,000 bytes (--limit article_mb=…)"
    ]
    assert result.stdout == ""
