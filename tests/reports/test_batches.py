"""Reports read and write a batch at a time: statements and writes grow with batches, not claims."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from urllib.parse import urlparse

import pytest
from sqlalchemy import insert

from claimtrack.db import Database
from claimtrack.models import (
    Appearance,
    Claim,
    Document,
    Event,
    FollowUp,
    Note,
    Source,
    Tag,
    claim_tags,
)
from claimtrack.reads import ClaimFilter
from claimtrack.reports import data as report_data
from claimtrack.reports import write_report

NOW = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 24)
BATCH = 10
# The summary's aggregate queries, read once whatever the number of claims.
SUMMARY_STATEMENTS = 4
# Per batch: the claims, then tags, appearances, sources, follow-ups, notes and events.
STATEMENTS_PER_BATCH = 7


def _fill(database: Database, count: int) -> None:
    """`count` claims, each with every kind of related row a report shows."""
    ids = range(1, count + 1)
    with database.transaction() as session:
        session.execute(
            insert(Document),
            [
                {
                    "id": 1,
                    "title": "Article",
                    "url": "https://news.example.com/a",
                    "text": "Body.",
                    "sha256": "0" * 64,
                    "imported_at": NOW,
                }
            ],
        )
        session.execute(insert(Tag), [{"id": 1, "name": "drones"}])
        session.execute(
            insert(Claim),
            [
                {
                    "id": i,
                    "text": f"Claim {i}: {i} drones a day",
                    "normalized": f"claim {i}",
                    "kind": "quantity",
                    "score": 0.5,
                    "status": "concluded" if i % 2 else "new",
                    "verdict": "false" if i % 2 else None,
                    "created_at": NOW,
                    "updated_at": NOW,
                    "version": 1,
                }
                for i in ids
            ],
        )
        session.execute(insert(claim_tags), [{"claim_id": i, "tag_id": 1} for i in ids])
        session.execute(
            insert(Appearance),
            [
                {"claim_id": i, "document_id": 1, "sentence": f"s{i}", "start": 0, "end": 2}
                for i in ids
            ],
        )
        session.execute(
            insert(Source),
            [
                {
                    "claim_id": i,
                    "url": f"https://e.example.org/{i}",
                    "stance": "refutes",
                    "reliability": "credible",
                    "added_by": "t",
                    "added_at": NOW,
                }
                for i in ids
            ],
        )
        session.execute(
            insert(FollowUp),
            [
                {
                    "claim_id": i,
                    "text": f"check {i}",
                    "due": dt.date(2026, 1, 1),
                    "created_by": "t",
                    "created_at": NOW,
                }
                for i in ids
            ],
        )
        session.execute(
            insert(Note),
            [{"claim_id": i, "author": "t", "text": f"note {i}", "created_at": NOW} for i in ids],
        )
        session.execute(
            insert(Event),
            [
                {
                    "claim_id": i,
                    "actor": "t",
                    "action": "status",
                    "old": "new",
                    "new": "x",
                    "at": NOW,
                }
                for i in ids
            ],
        )


class _CountingSink(io.StringIO):
    """Keeps what is written and counts the `write` calls."""

    writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


ALL = ClaimFilter()


def _report(database: Database, fmt: str, where: ClaimFilter = ALL) -> _CountingSink:
    sink = _CountingSink()
    with database.read() as session:
        write_report(session, where, fmt, sink, today=TODAY)
    return sink


@pytest.mark.parametrize("count", [25, 50])
@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_statements_grow_with_batches_not_claims(database, monkeypatch, count, fmt, sql_sent):
    # given claims with every kind of related row, read BATCH at a time
    monkeypatch.setattr(report_data, "BATCH", BATCH)
    _fill(database, count)
    # when a report of all of them is written
    with sql_sent(database) as statements:
        _report(database, fmt)
    # then each batch costs a fixed number of statements, and one more finds no claims
    batches = math.ceil(count / BATCH)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == SUMMARY_STATEMENTS + STATEMENTS_PER_BATCH * batches + 1, selects


def test_csv_reads_neither_notes_nor_history(database, monkeypatch, sql_sent):
    monkeypatch.setattr(report_data, "BATCH", BATCH)
    _fill(database, 30)
    with sql_sent(database) as statements:
        _report(database, "csv")
    assert not [s for s in statements if "FROM notes" in s or "FROM events" in s]
    # CSV has no summary: per batch, the claims and four kinds of related rows
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == (STATEMENTS_PER_BATCH - 2) * 3 + 1, selects


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
def test_one_write_per_batch(database, monkeypatch, fmt):
    # given 45 claims read 10 at a time: 5 batches
    monkeypatch.setattr(report_data, "BATCH", BATCH)
    _fill(database, 45)
    # when
    sink = _report(database, fmt)
    # then the head, one write per batch, and the end
    assert sink.writes <= 5 + 2, sink.writes
    assert sink.getvalue().count("Claim 45: 45 drones a day") >= 1


def test_a_filtered_batch_reads_only_its_own_related_rows(database, monkeypatch):
    # given every other claim concluded, so a batch's ids are not a run of consecutive ids
    monkeypatch.setattr(report_data, "BATCH", BATCH)
    _fill(database, 40)
    # when only the concluded claims are reported
    report = json.loads(_report(database, "json", ClaimFilter(status="concluded")).getvalue())
    # then each carries its own rows and no one else's
    claims = report["claims"]
    assert [c["id"] for c in claims] == list(range(1, 41, 2))
    for claim in claims:
        number = claim["id"]
        assert [s["url"] for s in claim["sources"]] == [f"https://e.example.org/{number}"]
        assert [f["text"] for f in claim["followups"]] == [f"check {number}"]
        assert [n["text"] for n in claim["notes"]] == [f"note {number}"]
        assert [a["sentence"] for a in claim["appearances"]] == [f"s{number}"]
        assert claim["tags"] == ["drones"] and len(claim["history"]) == 1


def _by_urlparse(url: str | None) -> bool:
    if not url:
        return False
    parsed = urlparse(url.strip())
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://e.org/a",
        "HTTP://E.ORG",
        " https://space.example.com/x ",
        "http://",
        "https:///nohost",
        "https://?q",
        "https://#f",
        "javascript:alert(1)",
        "ftp://files.example.org/x",
        "not a url",
        "http:/one-slash",
        "http://\thost/",
        "http://ho\nst/",
        "https://[::1]/x",
        "https://bücher.example/",
        "\x01https://e.org",
        "https://e.org/p a t h?(x)",
    ],
)
def test_web_url_agrees_with_urlparse(url):
    try:
        expected = _by_urlparse(url)
    except ValueError:
        with pytest.raises(ValueError):
            report_data.is_web_url(url)
        return
    assert report_data.is_web_url(url) is expected
