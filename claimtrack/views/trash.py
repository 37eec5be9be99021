"""The trash as `trash list` and the workbench show it: deleted documents and claims."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.models import Claim, Document, Event

TRASH_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class TrashItem:
    """A deleted document or claim that can still be restored."""

    kind: str  # "document" or "claim"
    id: int
    deleted_at: dt.datetime
    deleted_by: str | None
    title: str  # a document's title, a claim's text

    def record(self) -> dict[str, Any]:
        return asdict(self)


def list_trash(session: Session, *, limit: int = TRASH_LIMIT) -> list[TrashItem]:
    """What can be restored, most recently deleted first (purged items are gone)."""
    documents = session.execute(
        select(Document.id, Document.deleted_at, Document.deleted_by, Document.title)
        .where(Document.deleted_at.is_not(None), Document.purged_at.is_(None))
        .order_by(Document.deleted_at.desc())
        .limit(limit)
    )
    claims = session.execute(
        select(Claim.id, Claim.deleted_at, Claim.deleted_by, Claim.text)
        .where(Claim.deleted_at.is_not(None), Claim.purged_at.is_(None))
        .order_by(Claim.deleted_at.desc())
        .limit(limit)
    )
    items = [
        TrashItem(kind, row_id, at, by, title)
        for kind, rows in (("document", documents), ("claim", claims))
        for row_id, at, by, title in rows
        if at is not None  # always so: the query asks for deleted rows
    ]
    items.sort(key=lambda item: (item.deleted_at, item.kind == "document"), reverse=True)
    return items[:limit]


def _last(session: Session, document_id: int, action: str) -> list[int]:
    event = session.scalar(
        select(Event)
        .where(Event.document_id == document_id, Event.action == action)
        .order_by(Event.id.desc())
        .limit(1)
    )
    return list((event.new or {}).get("claims", [])) if event is not None else []


def claims_deleted_with(session: Session, document_id: int) -> list[int]:
    """The claims the document's last deletion took to the trash."""
    return _last(session, document_id, "document.delete")


def claims_restored_with(session: Session, document_id: int) -> list[int]:
    """The claims the document's last restoring brought back."""
    return _last(session, document_id, "document.restore")
