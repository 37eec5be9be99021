"""The schema: SQLAlchemy 2.x typed declarative models.

The schema changes only through an Alembic revision in `migrations/versions/`;
`tests/test_migrations.py` fails when these models and the migrations disagree.
Enumerated fields carry CHECK constraints so the database itself refuses a bad
value, whichever program wrote it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, get_args

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from claimtrack.extract.types import Precision
from claimtrack.scale import Kind, Outcome, Reliability, SpeakerType, Stance, Status, Verdict
from claimtrack.tables import UTCDateTime as UTCDateTime  # defined with the Core tables
from claimtrack.tables import live


def utcnow() -> dt.datetime:
    """The current time, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)


def one_of(
    column: str, enum: type[StrEnum] | Iterable[str], *, nullable: bool = False
) -> CheckConstraint:
    """A CHECK constraint holding `column` to the members of `enum` (or to those strings)."""
    values = ", ".join(f"'{value}'" for value in enum)
    condition = f"{column} IN ({values})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=f"{column}_valid")


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so migrations can name constraints."""

    metadata = MetaData(naming_convention=NAMING)

    if TYPE_CHECKING:
        # Every model here maps one Table (DeclarativeBase only promises a FromClause),
        # so Core insert()/update() accept Model.__table__.
        __table__: ClassVar[Table]


class Document(Base):
    """An article claims were found in. Its text's sha256 makes re-imports a no-op."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000), index=True)
    outlet: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    origin: Mapped[str | None] = mapped_column(String(2000))  # file path or URL it came from
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The trash (migration 0011): deleted documents are hidden until restored;
    # emptying the trash purges them (their text goes, their audit trail stays).
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    deleted_by: Mapped[str | None] = mapped_column(String(100))
    purged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    appearances: Mapped[list[Appearance]] = relationship(back_populates="document")


claim_tags = Table(
    "claim_tags",
    Base.metadata,
    Column("claim_id", ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Tag(Base):
    """A reviewer's label for grouping claims ("elections-2026", "drones")."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


# Live claims: neither merged away nor in the trash (migrations 0003 and 0011).
LIVE = "merged_into_id IS NULL AND deleted_at IS NULL"
LIVE_ONLY: dict[str, Any] = {
    "sqlite_where": sql_text(LIVE),
    "postgresql_where": sql_text(LIVE),
}


# The claims whose normalised text is unique: records imported with an id are keyed by it.
UNIQUE_TEXT_AMONG = "merged_into_id IS NULL AND external_id IS NULL"


class Claim(Base):
    """One checkable statement, however many articles repeat it."""

    __tablename__ = "claims"
    __table_args__ = (
        one_of("status", Status),
        one_of("kind", Kind),
        one_of("verdict", Verdict, nullable=True),
        one_of("speaker_type", SpeakerType, nullable=True),
        one_of("outcome", Outcome, nullable=True),
        CheckConstraint("score >= 0 AND score <= 1", name="score_range"),
        CheckConstraint("version >= 1", name="version_positive"),
        # The review queue: claims of a status, best first, paged by (score, id);
        # sorted by another column; counted per status. Partial: live claims only,
        # so the queue's "not merged" needs no lookup in the table (migration 0003).
        Index("ix_claims_status_score", "status", "score", "id", **LIVE_ONLY),
        Index("ix_claims_score", "score", "id", **LIVE_ONLY),
        Index("ix_claims_status_id", "status", "id", **LIVE_ONLY),
        Index("ix_claims_kind_id", "kind", "id", **LIVE_ONLY),
        Index("ix_claims_verdict_id", "verdict", "id", **LIVE_ONLY),
        # One claim per normalised text (`service.same_claim`), enforced by the database
        # so parallel importers cannot both store it (migration 0009).
        Index(
            "uq_claims_normalized_live",
            "normalized",
            unique=True,
            sqlite_where=sql_text(UNIQUE_TEXT_AMONG),
            postgresql_where=sql_text(UNIQUE_TEXT_AMONG),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    normalized: Mapped[str] = mapped_column(Text, index=True)  # for exact-duplicate matching
    kind: Mapped[str] = mapped_column(String(20), default=Kind.OTHER.value)
    score: Mapped[float] = mapped_column(Float, default=0.5)
    speaker: Mapped[str | None] = mapped_column(String(300), index=True)
    speaker_role: Mapped[str | None] = mapped_column(String(300))
    # "person" or "organisation"; None when unknown (claims stored before 0004, hand-typed speakers).
    speaker_type: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default=Status.NEW.value)
    verdict: Mapped[str | None] = mapped_column(String(20))
    verdict_summary: Mapped[str | None] = mapped_column(Text)
    verdict_by: Mapped[str | None] = mapped_column(String(100))
    outcome: Mapped[str | None] = mapped_column(String(20))
    # The short statement a published ClaimReview names (None: derived from the text).
    claim_reviewed: Mapped[str | None] = mapped_column(Text)
    assignee: Mapped[str | None] = mapped_column(String(100), index=True)
    external_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The trash (migration 0011), as for documents.
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    deleted_by: Mapped[str | None] = mapped_column(String(100))
    purged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    # SQLAlchemy adds "AND version = :old" to every UPDATE and raises on a miss:
    # the last line of defence against a concurrent overwrite. Unannotated, as SQLAlchemy
    # declares it: its declarative base types __mapper_args__ as an instance attribute,
    # which a ClassVar may not override (mypy), hence the noqa for ruff's ClassVar rule.
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    appearances: Mapped[list[Appearance]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="Appearance.id"
    )
    quantities: Mapped[list[Quantity]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="Quantity.id"
    )
    dates: Mapped[list[DateRef]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="DateRef.id"
    )
    sources: Mapped[list[Source]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="Source.id"
    )
    followups: Mapped[list[FollowUp]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="FollowUp.due"
    )
    notes: Mapped[list[Note]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="Note.id"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=claim_tags, order_by="Tag.name")

    @property
    def deadline(self) -> dt.date | None:
        """The earliest resolved deadline the claim sets."""
        days = [d.date for d in self.dates if d.role == "deadline" and d.date]
        return min(days) if days else None


def live_claims() -> ColumnElement[bool]:
    """Claims neither merged away nor in the trash: what every list, count and export shows.

    Spelled as the queue's partial indexes are (LIVE), so SQLite can use them.
    """
    return live(Claim.__table__)


class Appearance(Base):
    """Where a claim was seen: a document, the sentence, its character offsets."""

    __tablename__ = "appearances"
    __table_args__ = (
        UniqueConstraint("claim_id", "document_id", "start_offset", name="uq_appearance_place"),
        CheckConstraint("start_offset >= 0 AND end_offset >= start_offset", name="offsets"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    sentence: Mapped[str] = mapped_column(Text)
    # "end" is reserved in SQL, so the columns carry a suffix.
    start: Mapped[int] = mapped_column("start_offset", Integer)
    end: Mapped[int] = mapped_column("end_offset", Integer)

    claim: Mapped[Claim] = relationship(back_populates="appearances")
    document: Mapped[Document] = relationship(back_populates="appearances")


class Quantity(Base):
    """A figure a claim states: low and high (equal for one value), unit, rate period."""

    __tablename__ = "quantities"
    __table_args__ = (
        CheckConstraint("low IS NULL OR high IS NULL OR low <= high", name="range_order"),
        Index("ix_quantities_unit_per", "unit", "per"),
        # Match candidates: the same figure, in claim order (migration 0013), or the same
        # converted value (migration 0012).
        Index("ix_quantities_figure_claim", "low", "high", "claim_id"),
        Index("ix_quantities_dimension_si_low", "dimension", "si_low"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(200))
    per: Mapped[str | None] = mapped_column(String(20))
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(String(500))
    # What the unit measures, and the bounds in its SI base unit where it converts.
    dimension: Mapped[str | None] = mapped_column(String(20))
    si_low: Mapped[float | None] = mapped_column(Float)
    si_high: Mapped[float | None] = mapped_column(Float)
    # The unit was read by default ("$" as USD), not from the text.
    ambiguous: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    claim: Mapped[Claim] = relationship(back_populates="quantities")


class DateRef(Base):
    """A date a claim mentions, or a deadline it sets."""

    __tablename__ = "date_refs"
    __table_args__ = (
        CheckConstraint("role IN ('deadline', 'mentioned')", name="role_valid"),
        one_of("precision", get_args(Precision)),
        Index("ix_date_refs_role_date", "role", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(300))
    date: Mapped[dt.date | None] = mapped_column(Date)
    role: Mapped[str] = mapped_column(String(20))
    precision: Mapped[str] = mapped_column(String(10))
    year_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    # The period, first and last day inclusive (a quarter, a season, a range).
    first_day: Mapped[dt.date | None] = mapped_column(Date)
    last_day: Mapped[dt.date | None] = mapped_column(Date)
    # A numeric day and month that read either way ("03/04").
    ambiguous: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    claim: Mapped[Claim] = relationship(back_populates="dates")


class Source(Base):
    """A piece of evidence for or against a claim."""

    __tablename__ = "sources"
    __table_args__ = (one_of("stance", Stance), one_of("reliability", Reliability))

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(500))
    publisher: Mapped[str | None] = mapped_column(String(300))
    stance: Mapped[str] = mapped_column(String(20), default=Stance.CONTEXT.value)
    reliability: Mapped[str] = mapped_column(String(20), default=Reliability.UNKNOWN.value)
    excerpt: Mapped[str | None] = mapped_column(Text)
    accessed: Mapped[dt.date | None] = mapped_column(Date)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="sources")


class FollowUp(Base):
    """Something to check again later, optionally recurring (an RFC 5545 RRULE)."""

    __tablename__ = "followups"
    __table_args__ = (
        # The agenda: open follow-ups by due date.
        Index("ix_followups_done_due", "done", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[dt.date] = mapped_column(Date)
    rrule: Mapped[str | None] = mapped_column(String(500))
    assignee: Mapped[str | None] = mapped_column(String(100))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    done_by: Mapped[str | None] = mapped_column(String(100))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="followups")


class Note(Base):
    """A reviewer's free-text note on a claim."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="notes")


class SuggestedMatch(Base):
    """A near-duplicate pair for a reviewer to confirm (merge) or reject."""

    __tablename__ = "suggested_matches"
    __table_args__ = (
        UniqueConstraint("claim_id", "candidate_id", name="uq_match_pair"),
        CheckConstraint("claim_id <> candidate_id", name="distinct_pair"),
        CheckConstraint("state IN ('suggested', 'confirmed', 'rejected')", name="state_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    similarity: Mapped[float] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(20), default="suggested")
    decided_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class FactCheck(Base):
    """A published fact-check (ours or another organisation's), read from ClaimReview."""

    __tablename__ = "fact_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)  # what deduplicates imports
    claim_reviewed: Mapped[str] = mapped_column(Text)
    claimant: Mapped[str | None] = mapped_column(String(300))
    rating: Mapped[str | None] = mapped_column(String(200))  # the rating's alternateName
    rating_value: Mapped[float | None] = mapped_column(Float)
    best_rating: Mapped[float | None] = mapped_column(Float)
    worst_rating: Mapped[float | None] = mapped_column(Float)
    organisation: Mapped[str | None] = mapped_column(String(300))
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date)
    origin: Mapped[str | None] = mapped_column(String(2000))  # the file or page it came from
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class CheckedMatch(Base):
    """A claim found to be already checked: by a fact check, or by a concluded claim of ours."""

    __tablename__ = "checked_matches"
    __table_args__ = (
        CheckConstraint("(fact_check_id IS NULL) <> (checked_claim_id IS NULL)", name="one_target"),
        UniqueConstraint("claim_id", "fact_check_id", name="uq_checked_fact_check"),
        UniqueConstraint("claim_id", "checked_claim_id", name="uq_checked_claim"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    fact_check_id: Mapped[int | None] = mapped_column(
        ForeignKey("fact_checks.id", ondelete="CASCADE"), index=True
    )
    checked_claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    similarity: Mapped[float] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Setting(Base):
    """A team-wide setting kept in the shared database (e.g. second-reviewer rule)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(String(1000))


class Event(Base):
    """One entry of the append-only audit trail: who changed what, from what to what."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_claim_id_id", "claim_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    old: Mapped[Any] = mapped_column(JSON, nullable=True)
    new: Mapped[Any] = mapped_column(JSON, nullable=True)
    claim_version: Mapped[int | None] = mapped_column(Integer)  # the version after the change
    undoes_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    # The events one action wrote (a bulk change, a verdict with its status
    # move) share a batch: they are undone together.
    batch: Mapped[str | None] = mapped_column(String(32), index=True)
