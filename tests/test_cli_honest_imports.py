"""Issue 15 point 1: dry runs write nothing, options fit the input, records are never articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli import cli

ARTICLE = (
    "Offices\n\n"
    "The company will open offices in Berlin and Copenhagen by the end of the year, "
    "its chief executive said.\n"
)
RECORDS = '{"text": "Unemployment fell to 4.1% in October", "status": "new"}\n'


def run(db: Path, *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "--user", "alice", *args], input=stdin)


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def counts(db: Path) -> tuple[int, int, int]:
    """Documents, claims and follow-ups in the database."""
    documents = ok(run(db, "documents", "--json")).stdout.splitlines()
    claims = [
        json.loads(line) for line in ok(run(db, "claims", "list", "--json")).stdout.splitlines()
    ]
    due = ok(run(db, "followups", "due", "--by", "2100-01-01", "--json")).stdout.splitlines()
    return len(documents), len(claims), len(due)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "offices.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "t.db"
    ok(run(db, "db", "upgrade"))
    return db


def test_a_dry_run_of_an_article_reports_what_it_would_create_and_writes_nothing(
    db: Path, article: Path
) -> None:
    result = ok(run(db, "import", str(article), "--published", "2025-11-03", "--dry-run"))
    assert result.stdout.strip() == (
        "dry run: 1 document, 1 new claim, 0 repeat appearances, 0 duplicate documents, "
        "1 follow-up created, 0 suggested matches; nothing written"
    )
    assert counts(db) == (0, 0, 0)
    # and the real import then creates just that
    ok(run(db, "import", str(article), "--published", "2025-11-03"))
    assert counts(db) == (1, 1, 1)


def test_a_dry_run_on_a_database_not_created_yet_creates_none(
    tmp_path: Path, article: Path
) -> None:
    missing = tmp_path / "new" / "x.db"
    result = ok(run(missing, "import", str(article), "--dry-run"))
    assert "dry run: 1 document" in result.stdout
    assert not (tmp_path / "new").exists()


def test_records_piped_without_records_option_are_refused_naming_it(db: Path) -> None:
    result = run(db, "import", "-", "--dry-run", stdin=RECORDS)
    assert result.exit_code == 2
    assert "this is claim records (JSON Lines), not an article; read them with --records jsonl" in (
        result.stderr
    )
    result = run(db, "import", "-", stdin=RECORDS)
    assert result.exit_code == 2
    assert counts(db) == (0, 0, 0)


def test_a_csv_of_records_in_a_txt_file_is_refused(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "edited.txt"
    rows = [f"c{n},Unemployment fell to 4.{n}% in October across the region,new" for n in range(9)]
    path.write_text("id,text,status\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = run(db, "import", str(path))
    assert result.exit_code == 2 and "--records csv" in result.stderr
    assert counts(db) == (0, 0, 0)


def test_records_piped_with_the_option_import_as_records(db: Path) -> None:
    ok(run(db, "import", "-", "--records", "jsonl", stdin=RECORDS))
    assert counts(db)[:2] == (0, 1)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--records", "jsonl"], "--records says how to read - (stdin)"),
        (["--skip-invalid"], "--skip-invalid applies to claim records"),
    ],
)
def test_an_option_for_the_other_kind_of_input_is_a_usage_error(
    db: Path, article: Path, args: list[str], message: str
) -> None:
    result = run(db, "import", str(article), *args)
    assert result.exit_code == 2 and message in result.stderr
    assert counts(db) == (0, 0, 0)


def test_published_for_records_only_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text(RECORDS, encoding="utf-8")
    result = run(db, "import", str(path), "--published", "2025-11-03")
    assert result.exit_code == 2 and "--published applies to articles" in result.stderr


def test_an_undated_import_warns_naming_the_document_and_the_fix(db: Path, article: Path) -> None:
    result = ok(run(db, "import", str(article)))
    assert result.stderr.strip() == (
        f"warning: {article}: no publication date; relative dates and deadlines stay "
        "unresolved and get no follow-up (claimtrack documents set 1 --published YYYY-MM-DD)"
    )
    again = ok(run(db, "import", str(article)))
    assert again.stderr == ""  # a duplicate is not a new undated document


def test_a_dated_import_gives_no_warning(db: Path, article: Path) -> None:
    assert ok(run(db, "import", str(article), "--published", "2025-11-03")).stderr == ""
