"""Already checked: the fact checks and concluded claims a claim matched, as plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased

from claimtrack.models import CheckedMatch, Claim, FactCheck, live_claims
from claimtrack.scale import Verdict


@dataclass(frozen=True, slots=True)
class CheckedBy:
    """Who already checked a claim: an organisation's fact check, or a claim of ours."""

    claim_id: int
    similarity: float
    organisation: str
    rating: str | None
    url: str | None
    claim_reviewed: str
    reviewed_on: dt.date | None = None
    fact_check_id: int | None = None
    checked_claim_id: int | None = None

    def describe(self) -> str:
        """One line: `Full Fact · False · https://… — "claim"`."""
        parts = [self.organisation, self.rating or "unrated"]
        if self.url:
            parts.append(self.url)
        return " · ".join(parts) + f" — “{self.claim_reviewed}”"

    def to_json(self) -> dict[str, Any]:
        record = asdict(self)
        record["reviewed_on"] = self.reviewed_on.isoformat() if self.reviewed_on else None
        return record


OUR_DESK = "this desk"


def checked_by(session: Session, claim_ids: list[int]) -> list[CheckedBy]:
    """The matches of these claims, best first per claim."""
    if not claim_ids:
        return []
    rows: list[CheckedBy] = []
    for match, fact in session.execute(
        select(CheckedMatch, FactCheck)
        .join(FactCheck, FactCheck.id == CheckedMatch.fact_check_id)
        .where(CheckedMatch.claim_id.in_(claim_ids))
    ):
        rows.append(
            CheckedBy(
                claim_id=match.claim_id,
                similarity=match.similarity,
                organisation=fact.organisation or "unknown organisation",
                rating=fact.rating,
                url=fact.url,
                claim_reviewed=fact.claim_reviewed,
                reviewed_on=fact.reviewed_on,
                fact_check_id=fact.id,
            )
        )
    ours = aliased(Claim)
    for match, claim in session.execute(
        select(CheckedMatch, ours)
        .join(ours, ours.id == CheckedMatch.checked_claim_id)
        .where(CheckedMatch.claim_id.in_(claim_ids))
    ):
        rows.append(
            CheckedBy(
                claim_id=match.claim_id,
                similarity=match.similarity,
                organisation=OUR_DESK,
                rating=Verdict(claim.verdict).label if claim.verdict else None,
                url=None,
                claim_reviewed=claim.claim_reviewed or claim.text,
                checked_claim_id=claim.id,
            )
        )
    return sorted(rows, key=lambda r: (r.claim_id, -r.similarity))


def is_checked() -> Any:
    """An EXISTS clause over Claim: the claim has been found already checked."""
    return exists().where(CheckedMatch.claim_id == Claim.id)


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    """A claim found already checked, with who checked it."""

    id: int
    text: str
    status: str
    matches: tuple[CheckedBy, ...]


def checked_claims(session: Session, *, limit: int) -> tuple[list[CheckedClaim], int]:
    """Live claims found already checked, newest first, and how many there are."""
    statement = select(Claim).where(live_claims(), is_checked())
    total = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    claims = list(session.scalars(statement.order_by(Claim.id.desc()).limit(limit)))
    matches = checked_by(session, [c.id for c in claims])
    return [
        CheckedClaim(c.id, c.text, c.status, tuple(m for m in matches if m.claim_id == c.id))
        for c in claims
    ], total
