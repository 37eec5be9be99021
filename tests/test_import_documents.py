"""Importing the seed article through importers.documents.import_text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claimtrack import queries, reads
from claimtrack.importers.documents import DEADLINE_FOLLOWUP, import_text
from claimtrack.models import Claim, Document

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ukraine-defense-export-offices.txt"
PUBLISHED = dt.date(2025, 11, 3)
HEADINGS = [
    "Ukraine to Launch Defense Production Offices in Berlin and Copenhagen by Year-End",
    "Establishing Export Capitals",
    "Collaborative Efforts in Defense",
    "Scaling Up Air Defense",
    "Germany’s Commitment to Drone Production",
    "Emerging Security Concerns in Europe",
]


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _import(database, text: str):
    with database.transaction() as s:
        return import_text(s, "importer", text, published=PUBLISHED)


def _claims(database) -> list[Claim]:
    with database.read() as s:
        return queries.list_claims(s, reads.ClaimFilter(), limit=None)


def test_the_first_import_stores_the_document_and_its_claims(database, seed_text):
    summary = _import(database, seed_text)
    assert (summary.documents, summary.duplicates) == (1, 0)
    assert summary.claims > 0
    assert len(_claims(database)) == summary.claims


def test_importing_the_same_article_twice_changes_nothing_the_second_time(database, seed_text):
    # given the seed article imported once
    _import(database, seed_text)
    before = len(_claims(database))
    # when it is imported again
    summary = _import(database, seed_text)
    # then the second import is reported as a duplicate and adds nothing
    assert (summary.duplicates, summary.documents, summary.claims) == (1, 0, 0)
    assert summary.followups == 0 and summary.appearances == 0
    assert len(_claims(database)) == before
    with database.read() as s:
        assert s.scalar(select(func.count(Document.id))) == 1


def test_the_offices_claim_gets_a_followup_due_at_its_year_end_deadline(database, seed_text):
    # given the article of 3 November 2025 says the offices open "by the end of the year"
    _import(database, seed_text)
    # when the offices claim is found
    with database.read() as s:
        claim = s.scalar(
            select(Claim).where(Claim.text.startswith("Ukraine will establish defense production"))
        )
        assert claim is not None
        followups = [(f.text, f.due, f.done) for f in claim.followups]
    # then it has an open automatic follow-up due on 31 December 2025 saying what to check
    assert followups == [
        (
            "Check: defense production offices in Berlin and Copenhagen established "
            "(deadline 2025-12-31)",
            dt.date(2025, 12, 31),
            False,
        )
    ]
    assert DEADLINE_FOLLOWUP not in {text for text, _, _ in followups}


def test_no_section_heading_is_stored_as_a_claim(database, seed_text):
    # given the article imported, then no claim is, or begins with, a section heading
    _import(database, seed_text)
    texts = [c.text for c in _claims(database)]
    assert texts
    assert [t for t in texts if any(t.startswith(heading) for heading in HEADINGS)] == []


def test_the_outlets_country_decides_its_dollar_and_its_numeric_dates(database):
    # given the same sentence from a Canadian and from an unknown outlet
    text = "Ottawa will spend $4 billion on housing by 11/12, the minister said.\n"
    other = "Toronto will spend $4 billion on transit by 11/12, the mayor said.\n"
    with database.transaction() as s:
        import_text(s, "importer", text, published=PUBLISHED, url="https://www.cbc.ca/news/h")
        import_text(s, "importer", other, published=PUBLISHED, url="https://news.example.com/h")
    # then the Canadian "$" is CAD and 11/12 is 11 December; elsewhere USD, flagged, and
    # 11/12 read month first (12 November), flagged as the other reading is a date too
    canadian, unknown = sorted(_claims(database), key=lambda claim: claim.id)
    assert [(q.unit, q.ambiguous) for q in canadian.quantities] == [("CAD", False)]
    assert [(q.unit, q.ambiguous) for q in unknown.quantities] == [("USD", True)]
    assert [d.date for d in canadian.dates] == [dt.date(2025, 12, 11)]
    assert [(d.date, d.ambiguous) for d in unknown.dates] == [(dt.date(2025, 11, 12), True)]
