"""Reads through the ORM, and the claim filter every interface shares.

`claims list`, reports and the TUI all narrow claims with the same
`ClaimFilter`, so "status=new, tag=drones" means the same everywhere. The
filter, the listing's order and the reads every command makes at start-up are
in reads.py (Core, no ORM), re-exported here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from claimtrack.errors import NotFound
from claimtrack.models import (
    Appearance,
    Claim,
    Document,
    Event,
    FollowUp,
    SuggestedMatch,
    live_claims,
)
from claimtrack.reads import ClaimFilter, listing

# Every live claim (claim_batches' default narrowing).
EVERY_CLAIM = ClaimFilter()


def list_claims(session: Session, where: ClaimFilter, *, limit: int | None = 50) -> list[Claim]:
    """Claims the filter admits, best score first, with their parts loaded.

    The ORM's form of `claims list`'s page (reads.listed_claims), for code that
    needs the objects.
    """
    statement = listing(session, select(Claim), where, limit=limit).options(
        selectinload(Claim.sources),
        selectinload(Claim.followups),
        selectinload(Claim.tags),
        selectinload(Claim.quantities),
        selectinload(Claim.dates),
    )
    return list(session.scalars(statement))


def claim_batches(
    session: Session,
    narrow: Callable[[Select[Any], str], Select[Any]] = EVERY_CLAIM.apply,
    *,
    size: int = 500,
) -> Iterator[list[Claim]]:
    """Every claim `narrow` admits (unmerged ones by default), by id, `size` at a time.

    Keyset pagination over the primary key with every part of a claim loaded with
    its batch; the session is cleared after each batch, so exports and reports
    of a million claims hold one batch in memory.
    """
    dialect = session.get_bind().dialect.name
    last_id = 0
    while True:
        statement = (
            narrow(select(Claim), dialect)
            .where(Claim.id > last_id)
            .order_by(Claim.id)
            .limit(size)
            .options(
                selectinload(Claim.appearances).selectinload(Appearance.document),
                selectinload(Claim.sources),
                selectinload(Claim.followups),
                selectinload(Claim.tags),
                selectinload(Claim.notes),
                selectinload(Claim.quantities),
                selectinload(Claim.dates),
            )
        )
        batch = list(session.scalars(statement))
        if not batch:
            return
        yield batch
        last_id = batch[-1].id
        session.expunge_all()


Row = TypeVar("Row")


def fetch(session: Session, model: type[Row], row_id: int, name: str) -> Row:
    """The row with this id, or NotFound("no follow-up 7")."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(f"no {name} {row_id}")
    return row


def get_claim(session: Session, claim_id: int) -> Claim:
    """The claim with this id, or NotFound; a merged claim points to its survivor."""
    claim = fetch(session, Claim, claim_id, "claim")
    if claim.merged_into_id is not None:
        raise NotFound(f"claim {claim_id} was merged into claim {claim.merged_into_id}")
    if claim.deleted_at is not None:
        raise NotFound(in_trash("claim", claim_id, purged=claim.purged_at is not None))
    return claim


def in_trash(name: str, row_id: int, *, purged: bool) -> str:
    """Why a claim or document in the trash cannot be used, and how to get it back."""
    if purged:
        return f"{name} {row_id} was deleted and the trash emptied"
    command = "documents" if name == "document" else "claims"
    return f"{name} {row_id} is in the trash (claimtrack {command} restore {row_id})"


def claim_history(session: Session, claim_id: int) -> list[Event]:
    """The claim's audit trail, oldest first."""
    return list(session.scalars(select(Event).where(Event.claim_id == claim_id).order_by(Event.id)))


def due_followups(session: Session, on_or_before: dt.date) -> list[FollowUp]:
    """Open follow-ups due on or before a day, earliest first."""
    statement = (
        select(FollowUp)
        .join(Claim, Claim.id == FollowUp.claim_id)
        .where(FollowUp.done.is_(False), FollowUp.due <= on_or_before, live_claims())
        .order_by(FollowUp.due, FollowUp.id)
    )
    return list(session.scalars(statement))


DOCUMENTS_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """An imported article and how many live claims it holds."""

    id: int
    title: str
    outlet: str | None
    author: str | None
    published: dt.date | None
    url: str | None
    claims: int


def list_documents(
    session: Session, *, limit: int = DOCUMENTS_LIMIT
) -> tuple[list[DocumentRow], int]:
    """The newest `limit` documents with how many live claims each holds, and the total."""
    claims = func.count(func.distinct(Claim.id))
    columns = (
        Document.id,
        Document.title,
        Document.outlet,
        Document.author,
        Document.published,
        Document.url,
    )
    statement = (
        select(*columns, claims)
        .outerjoin(Appearance, Appearance.document_id == Document.id)
        .outerjoin(Claim, and_(Claim.id == Appearance.claim_id, live_claims()))
        .where(Document.deleted_at.is_(None))
        .group_by(*columns)
        .order_by(Document.published.desc().nulls_last(), Document.id.desc())
        .limit(limit)
    )
    rows = [DocumentRow(*row) for row in session.execute(statement)]
    total = len(rows)
    if total == limit:
        total = (
            session.scalar(select(func.count(Document.id)).where(Document.deleted_at.is_(None)))
            or 0
        )
    return rows, total


def own_id_prefix(session: Session) -> str:
    """How an export names claims that have no id of their own: `claimtrack:<db>:<claim id>`.

    `<db>` is derived from the database's first audit event, so it is stable for
    one database (and its copies) and differs between databases: an export's
    ids match claims again only in the database they came from.
    """
    first = session.scalar(select(Event.at).order_by(Event.id).limit(1))
    seed = first.isoformat() if first is not None else "empty"
    return f"claimtrack:{hashlib.sha256(seed.encode()).hexdigest()[:8]}:"


def own_claim_id(prefix: str, external_id: str | None) -> int | None:
    """The claim id an exported `id` names in this database, if it is one of its own."""
    if external_id is None or not external_id.startswith(prefix):
        return None
    rest = external_id[len(prefix) :]
    return int(rest) if rest.isdigit() else None


def document_id_for_text(session: Session, text: str) -> int | None:
    """The document holding exactly this text (its sha256), if one does."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return session.scalar(select(Document.id).where(Document.sha256 == digest))


def similar_claims(session: Session, claim_id: int) -> list[tuple[SuggestedMatch, Claim]]:
    """Suggested matches involving a claim, with the other claim of each pair."""
    pairs = session.scalars(
        select(SuggestedMatch)
        .where(or_(SuggestedMatch.claim_id == claim_id, SuggestedMatch.candidate_id == claim_id))
        .order_by(SuggestedMatch.similarity.desc())
    ).all()
    result = []
    for pair in pairs:
        other_id = pair.candidate_id if pair.claim_id == claim_id else pair.claim_id
        other = session.get(Claim, other_id)
        if other is not None and other.deleted_at is None:
            result.append((pair, other))
    return result
