"""A report's records, built from Core rows a batch at a time, are what the ORM objects say.

`reference_record` below is the plain definition of a report record, written from
the models and serialise's records; reports/data.py builds the same dicts from
tuples because it is the report's inner loop. This test holds the two equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select

from claimtrack import service
from claimtrack.db import Database
from claimtrack.history import describe_change
from claimtrack.models import Appearance, Claim, Event, FollowUp, Note, Source
from claimtrack.reads import ClaimFilter
from claimtrack.reports import data as report_data
from claimtrack.scale import Stance, Verdict
from claimtrack.serialise import (
    HISTORY_LIMIT,
    document_record,
    followup_record,
    iso,
    note_record,
    source_record,
)

TODAY = dt.date(2026, 11, 24)
HOSTILE = "<script>alert(1)</script> & \u2028 'q' \"d\""


@pytest.fixture
def varied(database: Database) -> Database:
    """Claims with none, one and many of each kind of related row."""
    with database.transaction() as session:
        docs = [
            service.add_document(
                session,
                "ana",
                text=f"Body {n}.",
                title=f"Article {n} {HOSTILE}",
                url=f"https://news.example.com/{n}",
                outlet="Daily" if n else None,
                published=dt.date(2026, 11, 1) if n else None,
            )[0]
            for n in range(2)
        ]
        for n in range(7):
            claim = service.add_claim(
                session, "ana", f"Claim {n}: {n} drones {HOSTILE}", kind="quantity"
            )
            for doc in docs[: n % 3]:
                # twice in the same article: the report shows the first place only
                for start in (0, 1):
                    service.add_appearance(
                        session, claim, service.Placement(doc.id, f"s{n}", start, start + 2)
                    )
            for k, stance in enumerate(("refutes", "supports", "refutes", "context")[: n % 5]):
                service.add_source(
                    session,
                    "ana",
                    claim.id,
                    f"https://e.example.org/{n}/{k}",
                    title=None if k == 1 else f"T {HOSTILE}",
                    stance=stance,
                    reliability="partly_credible",
                    excerpt=HOSTILE if k else None,
                )
            if n % 2:
                service.set_verdict(
                    session, "ana", claim.id, "mostly_false", f"S {HOSTILE}", force=True
                )
                service.tag(session, "ana", claim.id, "drones")
                service.tag(session, "ana", claim.id, "air")
            for k in range(n % 3):
                service.add_followup(
                    session, "bo", claim.id, f"check {k}", dt.date(2026, 1 + 10 * k, 1)
                )
            # claim 5 has more history than a report shows
            for k in range(HISTORY_LIMIT + 3 if n == 5 else n % 2):
                service.add_note(session, "bo", claim.id, f"note {k} {HOSTILE}")
    return database


def _without(record: dict[str, Any], *names: str) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key not in names}


def reference_record(
    claim: Claim,
    today: dt.date,
    *,
    tags: Sequence[str],
    appearances: Sequence[Any],
    sources: Sequence[Source],
    followups: Sequence[FollowUp],
    notes: Sequence[Note],
    events: Sequence[Event],
) -> dict[str, Any]:
    """Everything a report shows about one claim, from its ORM objects."""
    verdict = Verdict(claim.verdict) if claim.verdict else None
    evidence = [_without(source_record(s), "id") for s in sources]
    shown = events[-HISTORY_LIMIT:]
    first_in_document: dict[int, Any] = {}
    for appearance in sorted(appearances, key=lambda a: a.id):
        first_in_document.setdefault(appearance.document_id, appearance)
    return {
        "id": claim.id,
        "external_id": claim.external_id,
        "text": claim.text,
        "kind": claim.kind,
        "score": round(claim.score, 4),
        "speaker": claim.speaker,
        "speaker_role": claim.speaker_role,
        "speaker_type": claim.speaker_type,
        "status": claim.status,
        "verdict": claim.verdict,
        "verdict_label": verdict.label if verdict else None,
        "rating": verdict.rating if verdict else None,
        "verdict_summary": claim.verdict_summary,
        "verdict_by": claim.verdict_by,
        "outcome": claim.outcome,
        "assignee": claim.assignee,
        "tags": list(tags),
        "appearances": [
            document_record(a) | {"sentence": a.sentence} for a in first_in_document.values()
        ],
        "sources": evidence,
        "sources_by_stance": {
            stance.value: [s for s in evidence if s["stance"] == stance.value] for stance in Stance
        },
        "followups": [
            _without(followup_record(f), "id", "claim_id")
            | {"overdue": (not f.done) and f.due < today}
            for f in followups
        ],
        "notes": [_without(note_record(n), "id") for n in notes],
        "history": [
            {"at": iso(e.at), "actor": e.actor, "action": e.action, "change": describe_change(e)}
            for e in shown
        ],
        "history_omitted": len(events) - len(shown),
        "created_at": iso(claim.created_at),
        "updated_at": iso(claim.updated_at),
    }


def _expected(session, claim: Claim) -> dict:
    """reference_record from the ORM objects, each kind in the order a report shows it."""
    appearances = [
        SimpleNamespace(
            id=a.id,
            document_id=a.document_id,
            sentence=a.sentence,
            url=a.document.url,
            title=a.document.title,
            published=a.document.published,
            outlet=a.document.outlet,
        )
        for a in session.scalars(
            select(Appearance).where(Appearance.claim_id == claim.id).order_by(Appearance.id)
        )
    ]
    events = session.scalars(
        select(Event).where(Event.claim_id == claim.id).order_by(Event.id)
    ).all()
    return reference_record(
        claim,
        TODAY,
        tags=[t.name for t in claim.tags],
        appearances=appearances,
        sources=sorted(claim.sources, key=lambda s: s.id),
        followups=sorted(claim.followups, key=lambda f: (f.due, f.id)),
        notes=sorted(claim.notes, key=lambda n: n.id),
        events=events,
    )


@pytest.mark.parametrize("batch", [3, 1000])
def test_records_are_report_records(varied, monkeypatch, batch):
    monkeypatch.setattr(report_data, "BATCH", batch)
    with varied.read() as session:
        window = report_data.Window(ClaimFilter())
        records = [r for b in report_data.iter_batches(session, window, TODAY) for r in b]
        claims = session.scalars(select(Claim).order_by(Claim.id)).all()
        assert [r["id"] for r in records] == [c.id for c in claims]
        for record, claim in zip(records, claims, strict=True):
            assert record == _expected(session, claim)
            # the same keys in the same order: the JSON report writes them as they come
            assert list(record) == list(_expected(session, claim))
    assert any(r["history_omitted"] for r in records)
    assert any(len(r["appearances"]) > 1 for r in records)
