"""Records import at scale: one validation per record, a fixed number of statements
per batch, claim ids reserved inside the write transaction."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from claimtrack.db import open_database
from claimtrack.importers import records
from claimtrack.importers.records import import_records
from claimtrack.models import Claim, Event, FollowUp, Quantity, Source


def _record(n: int, prefix: str = "r", document: str | None = None) -> dict[str, object]:
    """A record like an export's: structure given, one source, one follow-up, two tags."""
    return {
        "id": f"{prefix}-{n}",
        "text": f"The ministry will deliver {100 + n} armoured vehicles per month (report {prefix}{n}).",
        "kind": "commitment",
        "score": 0.5,
        "speaker": "officials",
        "status": "in_progress",
        "tags": ["defence", "vehicles"],
        "quantities": [{"low": 100 + n, "high": 100 + n, "unit": "vehicles", "text": "…"}],
        "dates": [{"text": "by 2027", "date": "2027-12-31", "role": "deadline"}],
        "document": {"url": f"https://news.example.com/{document or prefix}", "title": "Vehicles"},
        "sources": [{"url": f"https://stats.example.gov/{prefix}/{n}", "stance": "context"}],
        "followups": [{"text": "Check the figures", "due": "2027-12-31"}],
    }


def _lines(count: int, prefix: str = "r", document: str | None = None) -> list[str]:
    return [json.dumps(_record(n, prefix, document)) + "\n" for n in range(count)]


@pytest.fixture
def fresh_url(database_url: str) -> Iterator[str]:
    """database_url, upgraded, with no engine left open (each importer opens its own)."""
    open_database(database_url).dispose()
    yield database_url


def test_the_statements_of_an_import_do_not_grow_with_its_records(database, sql_sent):
    # Given: the tags and the article the records name already stored
    assert import_records(database, "ana", _lines(1, prefix="w")).inserted == 1

    # When: 20 records are imported, then 200 (one batch each)
    with sql_sent(database) as sent:
        assert import_records(database, "ana", _lines(20, prefix="a", document="w")).inserted == 20
    few = len(sent)
    with sql_sent(database) as sent:
        assert (
            import_records(database, "ana", _lines(200, prefix="b", document="w")).inserted == 200
        )
    many = len(sent)

    # Then: as many statements for both, so none runs once per record
    assert many == few, (few, many)
    assert few < 30, sent


def test_statements_grow_with_batches_not_records(database, monkeypatch, sql_sent):
    monkeypatch.setattr(records, "BATCH", 50)
    with sql_sent(database) as sent:
        assert import_records(database, "ana", _lines(50)).inserted == 50
    one_batch = len(sent)
    with sql_sent(database) as sent:
        assert import_records(database, "ana", _lines(200, prefix="s")).inserted == 200
    assert len(sent) <= 4 * one_batch


def test_each_record_is_validated_once(database, monkeypatch):
    checked: list[int] = []
    validate = records.validate

    def counting(value, line):
        checked.append(line)
        return validate(value, line)

    monkeypatch.setattr(records, "validate", counting)
    monkeypatch.setattr(records, "BATCH", 7)
    summary = import_records(database, "ana", _lines(30))
    assert summary.inserted == 30
    assert sorted(checked) == list(range(1, 31))


def test_a_bad_record_after_written_batches_leaves_nothing(database, monkeypatch):
    # Given: batches of 5, and a bad record on line 12 of 20
    monkeypatch.setattr(records, "BATCH", 5)
    lines = _lines(20)
    lines[11] = json.dumps({"text": "Bad score", "score": 7}) + "\n"

    # When
    summary = import_records(database, "ana", lines, name="in.jsonl")

    # Then: one error naming the line; the two batches already sent are rolled back
    assert summary.errors == ["in.jsonl:12: score must be a number from 0 to 1"]
    assert not summary.written and summary.invalid == 1
    with database.read() as session:
        assert session.scalars(select(Claim.id)).all() == []
        assert session.scalars(select(Event.id)).all() == []


def test_a_short_bad_file_never_touches_the_database(database, sql_sent):
    lines = [*_lines(3), "{not json\n"]
    with sql_sent(database) as sent:
        summary = import_records(database, "ana", lines, name="in.jsonl")
    assert summary.errors == [
        "in.jsonl:4: invalid JSON (Expecting property name enclosed in double quotes at column 2)"
    ]
    assert sent == []


def test_new_claims_take_ascending_ids_after_the_newest(database):
    assert import_records(database, "ana", _lines(3, prefix="a")).inserted == 3
    assert import_records(database, "ana", _lines(4, prefix="b")).inserted == 4
    with database.read() as session:
        rows = session.execute(select(Claim.id, Claim.external_id).order_by(Claim.id)).all()
        ids = [claim_id for claim_id, _ in rows]
        assert [external for _, external in rows] == [
            *(f"a-{n}" for n in range(3)),
            *(f"b-{n}" for n in range(4)),
        ]
        assert ids == list(range(ids[0], ids[0] + 7))


def test_two_importers_at_once_never_share_an_id(fresh_url, monkeypatch):
    # Given: two importers, each with its own engine, in batches of 10
    monkeypatch.setattr(records, "BATCH", 10)
    errors: list[BaseException] = []
    summaries = {}

    def run(prefix: str) -> None:
        database = open_database(fresh_url)
        try:
            summaries[prefix] = import_records(database, prefix, _lines(60, prefix=prefix))
        except BaseException as error:  # reported by the test below
            errors.append(error)
        finally:
            database.dispose()

    # When: both run at once
    threads = [threading.Thread(target=run, args=(prefix,)) for prefix in ("x", "y")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # Then: every claim is stored once, with its own children and event
    assert not errors, errors
    assert all(summary.inserted == 60 for summary in summaries.values()), summaries
    database = open_database(fresh_url)
    try:
        with database.read() as session:
            claims = dict(session.execute(select(Claim.id, Claim.external_id)).all())
            assert len(claims) == 120
            for claim_id, url in session.execute(select(Source.claim_id, Source.url)):
                prefix, number = claims[claim_id].split("-")
                assert url == f"https://stats.example.gov/{prefix}/{number}"
            for claim_id, low in session.execute(select(Quantity.claim_id, Quantity.low)):
                assert low == 100 + int(claims[claim_id].split("-")[1])
            imports = select(Event.claim_id, Event.actor).where(Event.action == "import")
            audited = session.execute(imports).all()
            assert sorted(claim_id for claim_id, _ in audited) == sorted(claims)
            assert all(claims[claim_id].startswith(actor) for claim_id, actor in audited)
            assert session.query(FollowUp).count() == 120
    finally:
        database.dispose()
