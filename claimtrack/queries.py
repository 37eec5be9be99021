"""Reads: the claim filter every interface shares, and stable JSON records.

`claims list`, reports and the TUI all narrow claims with the same
`ClaimFilter`, so "status=new, tag=drones" means the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar, TypeVarTuple

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from claimtrack import limits
from claimtrack.errors import NotFound
from claimtrack.models import (
    Appearance,
    Claim,
    Document,
    Event,
    FollowUp,
    Setting,
    SuggestedMatch,
    Tag,
    claim_tags,
    live_claims,
)
from claimtrack.search import many_notes_match, matches

# The columns a SELECT returns, kept through a filter's narrowing.
Columns = TypeVarTuple("Columns")


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims to show; every field is optional and they combine with AND."""

    status: str | None = None
    verdict: str | None = None
    kind: str | None = None
    assignee: str | None = None
    tag: str | None = None
    document: int | None = None
    search: str | None = None
    overdue_on: dt.date | None = None  # only claims with an open follow-up due before this day

    def describe(self) -> str:
        """`status=new · tag=drones` for status bars and report headers."""
        parts = [f"{name}={value}" for name, value in self._set_fields()]
        return " · ".join(parts)

    def _set_fields(self) -> list[tuple[str, Any]]:
        names = ("status", "verdict", "kind", "assignee", "tag", "document", "search")
        fields = [(name, getattr(self, name)) for name in names if getattr(self, name)]
        if self.overdue_on:
            fields.append(("overdue", "yes"))
        return fields

    def apply(
        self, statement: Select[*Columns], dialect: str, *, many_in_notes: bool = False
    ) -> Select[*Columns]:
        """Narrow a SELECT over Claim to the claims this filter admits (`many_in_notes`:
        see `search.many_notes_match`)."""
        statement = statement.where(live_claims())
        for name in ("status", "verdict", "kind", "assignee"):
            if value := getattr(self, name):
                statement = statement.where(getattr(Claim, name) == value)
        if self.tag:
            statement = statement.where(
                exists().where(
                    claim_tags.c.claim_id == Claim.id,
                    claim_tags.c.tag_id == Tag.id,
                    Tag.name == self.tag.lower(),
                )
            )
        if self.document:
            statement = statement.where(
                exists().where(
                    Appearance.claim_id == Claim.id, Appearance.document_id == self.document
                )
            )
        if self.search:
            statement = statement.where(matches(self.search, dialect, many_in_notes=many_in_notes))
        if self.overdue_on:
            statement = statement.where(
                exists().where(
                    FollowUp.claim_id == Claim.id,
                    FollowUp.done.is_(False),
                    FollowUp.due < self.overdue_on,
                )
            )
        return statement


def list_claims(session: Session, where: ClaimFilter, *, limit: int | None = 50) -> list[Claim]:
    """Claims the filter admits, best score first, with their parts loaded."""
    dialect = session.get_bind().dialect.name
    # PostgreSQL: the form of the notes' half of a search depends on how many match.
    many_in_notes = (
        dialect == "postgresql"
        and where.search is not None
        and many_notes_match(session, where.search)
    )
    statement = where.apply(select(Claim), dialect, many_in_notes=many_in_notes)
    statement = (
        statement.order_by(Claim.score.desc(), Claim.id)
        .limit(limit)
        .options(
            selectinload(Claim.sources),
            selectinload(Claim.followups),
            selectinload(Claim.tags),
            selectinload(Claim.quantities),
            selectinload(Claim.dates),
        )
    )
    return list(session.scalars(statement))


def claim_batches(
    session: Session,
    narrow: Callable[[Select[Any], str], Select[Any]] = ClaimFilter().apply,
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


def count_claims(session: Session, where: ClaimFilter) -> int:
    """How many claims the filter admits."""
    statement = where.apply(select(func.count(Claim.id)), session.get_bind().dialect.name)
    return session.scalar(statement) or 0


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


def limit_settings(session: Session) -> dict[str, str]:
    """The team's `limit.*` settings that are set (see claimtrack/limits.py).

    Every command reads them on opening the database, so they are read here, on
    the read side, and not through the service, which loads the extractor.
    """
    rows = session.execute(
        select(Setting.key, Setting.value).where(Setting.key.startswith(limits.SETTING_PREFIX))
    )
    return {key: value for key, value in rows}


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
