"""`claimtrack import --claimreview`: pages, feeds and files into the fact_checks table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from claimtrack.cli import cli
from claimtrack.db import open_database
from claimtrack.importers.claimreview import read_source
from claimtrack.models import Event, FactCheck

INPUTS = Path(__file__).parent / "claimreview_inputs"
PAGE = INPUTS / "two-reviews-and-a-broken-block.html"
FEED = INPUTS / "datacommons-feed.json"
ARRAY = INPUTS / "markup-tool-array.json"


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), "--user", "ana", *args])


def _fact_checks(db: Path) -> dict[str, FactCheck]:
    database = open_database(f"sqlite:///{db}")
    try:
        with database.read() as session:
            rows = session.scalars(select(FactCheck)).all()
            session.expunge_all()
            return {row.url: row for row in rows}
    finally:
        database.dispose()


def test_a_page_with_two_reviews_and_a_malformed_block(tmp_path):
    # given a page with a WebPage block, two ClaimReviews and a block that is not JSON
    db = tmp_path / "a.db"
    # when
    result = run(db, "import", "--claimreview", str(PAGE))
    # then the broken block is one error line naming the page and block, and exit is 1
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"{PAGE}: block 3: not JSON")
    # and both reviews are stored, with what they say
    assert "2 fact checks added" in result.stdout
    stored = _fact_checks(db)
    assert set(stored) == {
        "https://factcheck.example.net/2025/unemployment",
        "https://factcheck.example.net/2025/homes",
    }
    jobs = stored["https://factcheck.example.net/2025/unemployment"]
    assert (jobs.rating, jobs.rating_value, jobs.best_rating, jobs.worst_rating) == (
        "Mostly false",
        2.0,
        5.0,
        1.0,
    )
    assert (jobs.organisation, jobs.claimant) == ("Example Fact Check", "Jane Minister")
    assert jobs.reviewed_on == dt.date(2025, 10, 2)
    assert stored["https://factcheck.example.net/2025/homes"].reviewed_on == dt.date(2025, 9, 14)


def test_a_data_feed_and_a_markup_tool_array_deduplicate_by_url(tmp_path):
    db = tmp_path / "a.db"
    feed = run(db, "import", "--claimreview", str(FEED))
    # The review with no URL is one error line; the two others are stored.
    assert feed.exit_code == 1
    assert feed.stderr.strip().splitlines() == [f"{FEED}: review 3: no http(s) url"]
    assert "2 fact checks added" in feed.stdout
    # The array repeats the measles review (reworded): updated in place, not duplicated.
    array = run(db, "import", "--claimreview", str(ARRAY))
    assert array.exit_code == 0, array.output
    assert "1 fact check added, 1 updated, 0 unchanged" in array.stdout
    stored = _fact_checks(db)
    assert len(stored) == 3
    measles = stored["https://checks.example.org/measles-2023"]
    assert measles.claim_reviewed.endswith("compared with 2022.")
    assert measles.claimant is None  # the array's copy names none
    # Importing the same file again changes nothing.
    again = run(db, "import", "--claimreview", str(ARRAY))
    assert "0 fact checks added, 0 updated, 2 unchanged" in again.stdout


def test_a_folder_is_read_whole_and_the_import_is_audited(tmp_path):
    db = tmp_path / "a.db"
    result = run(db, "import", "--claimreview", str(INPUTS))
    assert result.exit_code == 1  # the broken block and the review with no URL
    assert len(result.stderr.strip().splitlines()) == 2
    assert len(_fact_checks(db)) == 5
    database = open_database(f"sqlite:///{db}")
    try:
        with database.read() as session:
            imports = session.scalar(select(func.count()).where(Event.action == "factcheck.import"))
    finally:
        database.dispose()
    assert imports == 3


def test_a_missing_file_is_one_line_and_nothing_is_written(tmp_path):
    db = tmp_path / "a.db"
    result = run(db, "import", "--claimreview", str(tmp_path / "nope.json"))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"{tmp_path / 'nope.json'}: no such file"]


def test_reading_keeps_the_last_copy_of_a_url():
    reading = read_source(str(ARRAY))
    assert list(reading.reviews) == [
        "https://checks.example.org/measles-2023",
        "https://checks.example.org/coffee",
    ]
    assert reading.errors == []


def test_a_dry_run_counts_what_it_would_store_and_writes_nothing(tmp_path):
    db = tmp_path / "a.db"
    # on a database that does not exist yet: none is created
    first = run(db, "import", "--claimreview", "--dry-run", str(FEED))
    assert first.exit_code == 1  # the feed's review without a URL is still reported
    assert f"{FEED}: 2 fact checks would be added, 0 would be updated, 0 unchanged" in first.stdout
    assert "dry run: nothing written" in first.stdout
    assert not db.exists()
    # on a database holding the feed: the array's counts, and nothing changes
    assert run(db, "import", "--claimreview", str(FEED)).exit_code == 1
    before = {url: row.claim_reviewed for url, row in _fact_checks(db).items()}
    dry = run(db, "import", "--claimreview", "--dry-run", str(ARRAY))
    assert dry.exit_code == 0, dry.output
    assert "1 fact check would be added, 1 would be updated, 0 unchanged" in dry.stdout
    assert {url: row.claim_reviewed for url, row in _fact_checks(db).items()} == before
    database = open_database(f"sqlite:///{db}")
    try:
        with database.read() as session:
            assert session.scalar(select(func.count()).select_from(Event)) == 1  # the real import
    finally:
        database.dispose()


def test_options_for_articles_or_records_are_usage_errors(tmp_path):
    db = tmp_path / "a.db"
    for option in (["--published", "2025-01-01"], ["--skip-invalid"], ["--jobs", "2"]):
        result = run(db, "import", "--claimreview", *option, str(FEED))
        assert result.exit_code == 2
        assert f"{option[0]} does not apply to --claimreview" in result.stderr
    assert not db.exists()
