"""The trash: deleting and restoring claims and documents, and emptying it.

Deleting hides an item and keeps everything attached to it (sources,
follow-ups, notes, appearances) where it is, so restoring is one flag away.
A document takes with it the claims seen nowhere else, and brings exactly
those back when it is restored. Emptying the trash purges what has lain there
long enough: the content goes, the row stays as a tombstone because the
append-only audit trail still points at it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Select, delete, exists, select
from sqlalchemy.orm import Session

from claimtrack.errors import NotFound, WorkflowError
from claimtrack.models import (
    Appearance,
    Claim,
    DateRef,
    Document,
    Event,
    FollowUp,
    Note,
    Quantity,
    Source,
    SuggestedMatch,
    claim_tags,
    utcnow,
)
from claimtrack.queries import fetch, get_claim, in_trash
from claimtrack.service import _record, batched, check_version

__all__ = [
    "TrashEmptied",
    "delete_claim",
    "delete_document",
    "empty_trash",
    "restore_claim",
    "restore_document",
]


@batched
def delete_claim(
    session: Session, actor: str, claim_id: int, *, expected_version: int | None = None
) -> Claim:
    """Move a claim to the trash: it leaves every list, search, report and export."""
    claim = get_claim(session, claim_id)
    check_version(session, claim, expected_version)
    _trash_claim(session, actor, claim, document_id=None)
    return claim


def _trash_claim(session: Session, actor: str, claim: Claim, *, document_id: int | None) -> None:
    claim.deleted_at, claim.deleted_by = utcnow(), actor
    _record(session, claim, actor, "claim.delete", None, {"with_document": document_id})


@batched
def restore_claim(
    session: Session, actor: str, claim_id: int, *, expected_version: int | None = None
) -> Claim:
    """Bring a claim back from the trash with its sources, follow-ups and notes."""
    claim = _trashed(session, Claim, claim_id, "claim")
    check_version(session, claim, expected_version)
    if claim.merged_into_id is not None:  # merged while in the trash cannot happen; be clear
        raise WorkflowError(f"claim {claim_id} was merged into claim {claim.merged_into_id}")
    _untrash_claim(session, actor, claim)
    return claim


def _untrash_claim(session: Session, actor: str, claim: Claim) -> None:
    old = {"deleted_by": claim.deleted_by}
    claim.deleted_at, claim.deleted_by = None, None
    _record(session, claim, actor, "claim.restore", old, None)


@batched
def delete_document(session: Session, actor: str, document_id: int) -> Document:
    """Move a document to the trash, with the claims seen in it and nowhere else."""
    document = fetch(session, Document, document_id, "document")
    if document.deleted_at is not None:
        raise NotFound(in_trash("document", document_id, purged=document.purged_at is not None))
    taken = list(session.scalars(_only_here(document_id)))
    document.deleted_at, document.deleted_by = utcnow(), actor
    for claim in taken:
        _trash_claim(session, actor, claim, document_id=document_id)
    _record(
        session,
        None,
        actor,
        "document.delete",
        None,
        {"title": document.title, "claims": [claim.id for claim in taken]},
        document_id=document_id,
    )
    return document


def _only_here(document_id: int) -> Select[Claim]:
    """Live claims that appear in this document and in no other live one."""
    elsewhere = (
        select(Appearance.id)
        .join(Document, Document.id == Appearance.document_id)
        .where(
            Appearance.claim_id == Claim.id,
            Appearance.document_id != document_id,
            Document.deleted_at.is_(None),
        )
    )
    return (
        select(Claim)
        .where(
            Claim.merged_into_id.is_(None),
            Claim.deleted_at.is_(None),
            exists().where(Appearance.claim_id == Claim.id, Appearance.document_id == document_id),
            ~elsewhere.exists(),
        )
        .order_by(Claim.id)
    )


@batched
def restore_document(session: Session, actor: str, document_id: int) -> Document:
    """Bring a document back, and the claims its deletion took with it."""
    document = _trashed(session, Document, document_id, "document")
    deletion = session.scalar(
        select(Event)
        .where(Event.document_id == document_id, Event.action == "document.delete")
        .order_by(Event.id.desc())
        .limit(1)
    )
    taken = (deletion.new or {}).get("claims", []) if deletion is not None else []
    restored = []
    for claim_id in taken:
        claim = session.get(Claim, claim_id)
        # A claim restored (or purged) on its own since is left as it is.
        if claim is not None and claim.deleted_at is not None and claim.purged_at is None:
            _untrash_claim(session, actor, claim)
            restored.append(claim.id)
    old = {"deleted_by": document.deleted_by}
    document.deleted_at, document.deleted_by = None, None
    _record(
        session,
        None,
        actor,
        "document.restore",
        old,
        {"title": document.title, "claims": restored},
        document_id=document_id,
    )
    return document


Trashable = TypeVar("Trashable", Claim, Document)


def _trashed(session: Session, model: type[Trashable], row_id: int, name: str) -> Trashable:
    row = fetch(session, model, row_id, name)
    if row.deleted_at is None:
        raise WorkflowError(f"{name} {row_id} is not in the trash")
    if row.purged_at is not None:
        raise NotFound(in_trash(name, row_id, purged=True))
    return row


# ---------------------------------------------------------------- emptying


@dataclass(frozen=True, slots=True)
class TrashEmptied:
    """What emptying the trash purged."""

    documents: int
    claims: int


@batched
def empty_trash(
    session: Session, actor: str, older_than: dt.timedelta, *, now: dt.datetime | None = None
) -> TrashEmptied:
    """Purge what has been in the trash longer than `older_than`; nothing comes back after."""
    cutoff = (now or utcnow()) - older_than
    due = Claim.deleted_at.is_not(None) & Claim.purged_at.is_(None) & (Claim.deleted_at <= cutoff)
    claims = list(session.scalars(select(Claim).where(due).order_by(Claim.id)))
    for claim in claims:
        _purge_claim(session, actor, claim)
    stale = (
        Document.deleted_at.is_not(None)
        & Document.purged_at.is_(None)
        & (Document.deleted_at <= cutoff)
    )
    documents = list(session.scalars(select(Document).where(stale).order_by(Document.id)))
    for document in documents:
        _purge_document(session, actor, document)
    return TrashEmptied(len(documents), len(claims))


def _purge_claim(session: Session, actor: str, claim: Claim) -> None:
    for model in (Appearance, Quantity, DateRef, Source, FollowUp, Note):
        session.execute(delete(model).where(model.claim_id == claim.id))
    session.execute(delete(claim_tags).where(claim_tags.c.claim_id == claim.id))
    session.execute(
        delete(SuggestedMatch).where(
            (SuggestedMatch.claim_id == claim.id) | (SuggestedMatch.candidate_id == claim.id)
        )
    )
    session.expire(claim)
    claim.text = ""
    claim.normalized = f"purged:{claim.id}"  # unique among live claims (0009)
    claim.speaker = claim.speaker_role = claim.verdict_summary = None
    claim.purged_at = utcnow()
    _record(session, claim, actor, "claim.purge", None, None)


def _purge_document(session: Session, actor: str, document: Document) -> None:
    session.execute(delete(Appearance).where(Appearance.document_id == document.id))
    session.expire(document)
    document.text = ""
    document.title = "(purged)"
    # The digest is unique: freed, so the same article can be imported afresh.
    document.sha256 = f"purged:{document.id}"
    document.url = document.origin = document.author = None
    document.purged_at = utcnow()
    _record(session, None, actor, "document.purge", None, None, document_id=document.id)
