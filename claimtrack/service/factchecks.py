"""Fact checks in, and claims flagged as already checked.

`add_fact_checks` stores reviews read from ClaimReview (`importers/claimreview.py`),
one row per review URL: a review seen again is updated in place, never
duplicated. `flag_already_checked` matches new claims against those fact
checks and the desk's own concluded claims (`claimtrack/checked.py`) and
stores each match, audited. `set_claim_reviewed` edits the short statement a
published ClaimReview names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from claimtrack.checked import Statement, already_checked, statement
from claimtrack.models import CheckedMatch, Claim, FactCheck, live_claims
from claimtrack.scale import Status
from claimtrack.service import _record, check_version, get_claim

# Statements are read once per text for the life of the process: a desk's
# archive of fact checks is matched against every import.
_STATEMENTS = 50_000


@dataclass(frozen=True, slots=True)
class FactCheckData:
    """One review as read from ClaimReview, ready to store."""

    url: str
    claim_reviewed: str
    claimant: str | None = None
    rating: str | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    organisation: str | None = None
    reviewed_on: dt.date | None = None


@dataclass
class FactCheckCounts:
    """What an import of fact checks did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0


_FIELDS = (
    "claim_reviewed",
    "claimant",
    "rating",
    "rating_value",
    "best_rating",
    "worst_rating",
    "organisation",
    "reviewed_on",
)


def add_fact_checks(
    session: Session, actor: str, reviews: Iterable[FactCheckData], *, origin: str
) -> FactCheckCounts:
    """Store reviews, deduplicated by URL (a later copy updates the stored one); audited."""
    counts = FactCheckCounts()
    for review in reviews:
        row = session.scalar(select(FactCheck).where(FactCheck.url == review.url))
        values = {name: getattr(review, name) for name in _FIELDS}
        if row is None:
            session.add(FactCheck(url=review.url, origin=origin, **values))
            counts.added += 1
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            row.origin = origin
            counts.updated += 1
        else:
            counts.unchanged += 1
        session.flush()
    if counts.added or counts.updated:
        _record(
            session,
            None,
            actor,
            "factcheck.import",
            None,
            {"from": origin, "added": counts.added, "updated": counts.updated},
        )
    return counts


@lru_cache(maxsize=_STATEMENTS)
def _statement(text: str, speaker: str | None) -> Statement:
    return statement(text, speaker)


def _best(new: Statement, pool: Sequence[tuple[int, Statement]]) -> tuple[int, float] | None:
    best: tuple[int, float] | None = None
    for target, checked in pool:
        score = already_checked(new, checked)
        if score is not None and (best is None or score > best[1]):
            best = (target, score)
    return best


def _concluded() -> list[ColumnElement[bool]]:
    return [Claim.status == Status.CONCLUDED.value, Claim.verdict.is_not(None), live_claims()]


# Is there anything to match new claims against? One cheap statement, asked before each
# article's claims are matched: most databases an import writes to hold no fact check yet.
_ANYTHING_CHECKED = select(literal(1)).where(
    or_(select(FactCheck.id).exists(), select(Claim.id).where(*_concluded()).exists())
)


def flag_already_checked(session: Session, actor: str, claim_ids: Sequence[int]) -> int:
    """Match new claims against fact checks and concluded claims; returns how many matched.

    Each claim keeps its best fact check and its best concluded claim of ours.
    """
    if not claim_ids:
        return 0
    if session.connection().execute(_ANYTHING_CHECKED).first() is None:
        return 0
    new_ids = set(claim_ids)
    fact_checks = [
        (row.id, _statement(row.claim_reviewed, row.claimant))
        for row in session.execute(
            select(FactCheck.id, FactCheck.claim_reviewed, FactCheck.claimant)
        )
    ]
    concluded = [
        (row.id, _statement(row.claim_reviewed or row.text, row.speaker))
        for row in session.execute(
            select(Claim.id, Claim.text, Claim.claim_reviewed, Claim.speaker).where(*_concluded())
        )
        if row.id not in new_ids
    ]
    if not fact_checks and not concluded:
        return 0
    flagged = 0
    for claim_id in claim_ids:
        claim = session.get(Claim, claim_id)
        if claim is None:
            continue
        new = _statement(claim.text, claim.speaker)
        found = False
        for pool, column in ((fact_checks, "fact_check_id"), (concluded, "checked_claim_id")):
            best = _best(new, pool)
            if best is None:
                continue
            target, score = best
            match = CheckedMatch(claim_id=claim.id, similarity=score, **{column: target})
            session.add(match)
            session.flush()
            _record(
                session,
                claim,
                actor,
                "checked",
                None,
                {column.removesuffix("_id"): target, "similarity": score},
                bump=False,
            )
            found = True
        flagged += found
    return flagged


def set_claim_reviewed(
    session: Session,
    actor: str,
    claim_id: int,
    text: str,
    *,
    expected_version: int | None = None,
) -> Claim:
    """Set the short statement a published ClaimReview names ("" returns to the default)."""
    claim = get_claim(session, claim_id)
    check_version(session, claim, expected_version)
    new = " ".join(text.split()) or None
    if new != claim.claim_reviewed:
        old, claim.claim_reviewed = claim.claim_reviewed, new
        _record(session, claim, actor, "claim_reviewed", old, new)
    return claim
