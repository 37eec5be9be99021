"""Set-based bulk writes: one change over many claims in a few SQL statements.

The single-claim functions of `service` load each claim, change it and flush;
over a million claims that takes hours. These do the same change with
`INSERT … SELECT` and `UPDATE … FROM`: the claims to change are picked once
into a temporary table (id, old value, old version), updated together, and
given one audit event each with the same action and payload as the
single-claim function writes, so a claim's history reads the same whichever
way it was changed. Everything runs in the caller's transaction.

A selection is either explicit ids (the reviewer's marks) or a whole
`ClaimFilter` ("every claim the queue shows"), so marking a million rows
never needs a million ids in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ColumnElement,
    Integer,
    MetaData,
    Select,
    SQLColumnExpression,
    String,
    Table,
    and_,
    bindparam,
    cast,
    exists,
    func,
    insert,
    literal,
    null,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from claimtrack.errors import ClaimtrackError, InvalidInput
from claimtrack.models import Claim, Event, Tag, UTCDateTime, claim_tags, live_claims, utcnow
from claimtrack.reads import ClaimFilter, Columns
from claimtrack.scale import Kind, Outcome, Status, can_transition
from claimtrack.service import SECOND_REVIEWER, batch, choice, setting
from claimtrack.wording import count

claims = Claim.__table__
events = Event.__table__


@dataclass(frozen=True, slots=True)
class Selection:
    """The claims a bulk change applies to: explicit ids, or all a filter admits.

    `excluded` lets a reviewer mark everything and then unmark a few rows.
    Merged claims are never selected (they live on in their survivor).
    """

    ids: frozenset[int] | None = None
    where: ClaimFilter | None = None
    excluded: frozenset[int] = frozenset()

    @classmethod
    def of(cls, ids: Iterable[int]) -> Selection:
        """Exactly these claims."""
        return cls(ids=frozenset(ids))

    @classmethod
    def matching(cls, where: ClaimFilter, excluding: Iterable[int] = ()) -> Selection:
        """Every claim `where` admits, less `excluding`."""
        return cls(where=where, excluded=frozenset(excluding))

    def narrow(self, statement: Select[*Columns], dialect: str) -> Select[*Columns]:
        """Restrict a SELECT over claims to this selection."""
        if self.where is not None:
            statement = self.where.apply(statement, dialect)
        else:
            statement = statement.where(live_claims())
        if self.ids is not None:
            statement = statement.where(Claim.id.in_(_inline_ids("selected", self.ids)))
        if self.excluded:
            statement = statement.where(Claim.id.not_in(_inline_ids("excluded", self.excluded)))
        return statement


def _inline_ids(name: str, ids: Collection[int]) -> Any:
    # Rendered into the SQL text rather than bound one parameter per id: SQLite
    # allows 32,766 parameters and psycopg 65,535, a marked set may hold more.
    return bindparam(name, sorted(ids), expanding=True, literal_execute=True)


@dataclass(frozen=True, slots=True)
class BulkResult:
    """What a bulk change did: claims changed (one event each), already so, refused."""

    selected: int
    changed: int
    unchanged: int
    skipped: int  # the workflow does not allow the change for these claims
    # One of the change's events (None if nothing changed): `service.undo` of it
    # takes the whole bulk change back.
    event_id: int | None = field(default=None, compare=False)

    def describe(self, done: str) -> str:
        """`dismissed 1,200 claims · 3 skipped (workflow) · 5 already so`."""
        parts = [f"{done}: {count(self.changed, 'claim')}"]
        if self.skipped:
            parts.append(f"{self.skipped:,} skipped (the workflow does not allow it)")
        if self.unchanged:
            parts.append(f"{self.unchanged:,} already so")
        return " · ".join(parts)


class BulkConflict(ClaimtrackError):
    """Another writer changed some of the selected claims during the bulk change."""


# ---------------------------------------------------------------- the changes


def set_status(session: Session, actor: str, selection: Selection, status: str) -> BulkResult:
    """Move the selected claims to `status`; claims the workflow forbids it for are skipped.

    Like `service.set_status`: concluding needs a verdict (or an outcome) and,
    when the team requires it, a reviewer other than the verdict's proposer.
    """
    new = choice(Status, status)
    allowed = [old.value for old in Status if can_transition(old, new)]
    eligible: list[ColumnElement[bool]] = [Claim.status.in_(allowed)]
    if new == Status.CONCLUDED:
        eligible += _can_conclude(session, actor)
    dialect = session.get_bind().dialect.name
    per_status = dict(
        session.execute(
            selection.narrow(select(Claim.status, func.count(Claim.id)), dialect).group_by(
                Claim.status
            )
        ).all()
    )
    changed, event_id = _change(
        session,
        actor,
        selection,
        action="status",
        eligible=eligible,
        old=Claim.status,
        new=new.value,
        values={"status": new.value},
    )
    selected = sum(per_status.values())
    unchanged = per_status.get(new.value, 0)
    return BulkResult(selected, changed, unchanged, selected - changed - unchanged, event_id)


def dismiss(session: Session, actor: str, selection: Selection) -> BulkResult:
    """Mark the selected claims not worth checking (status dismissed)."""
    return set_status(session, actor, selection, Status.DISMISSED)


def assign(session: Session, actor: str, selection: Selection, assignee: str | None) -> BulkResult:
    """Give the selected claims to a reviewer (None or blank to unassign)."""
    new = (assignee or "").strip() or None
    differs = (
        Claim.assignee.is_not(None)
        if new is None
        else or_(Claim.assignee.is_(None), Claim.assignee != new)
    )
    selected = _count(session, selection)
    changed, event_id = _change(
        session,
        actor,
        selection,
        action="assign",
        eligible=[differs],
        old=Claim.assignee,
        new=new,
        values={"assignee": new},
    )
    return BulkResult(selected, changed, selected - changed, 0, event_id)


def tag(session: Session, actor: str, selection: Selection, name: str) -> BulkResult:
    """Label the selected claims; the tag is created on first use."""
    name = " ".join((name or "").split()).lower()
    if not name:
        raise InvalidInput("tag must not be empty")
    existing = session.scalar(select(Tag).where(Tag.name == name))
    untagged: ColumnElement[bool] = true()
    if existing is not None:
        untagged = ~exists().where(
            claim_tags.c.claim_id == Claim.id, claim_tags.c.tag_id == existing.id
        )

    def attach(connection: Connection, targets: Table) -> None:
        label = existing
        if label is None:
            label = Tag(name=name)
            session.add(label)
            session.flush()
        connection.execute(
            insert(claim_tags).from_select(
                ["claim_id", "tag_id"],
                select(targets.c.claim_id, literal(label.id, Integer)),
            )
        )

    selected = _count(session, selection)
    changed, event_id = _change(
        session,
        actor,
        selection,
        action="tag",
        eligible=[untagged],
        old=None,
        new=name,
        values={},
        also=attach,
    )
    return BulkResult(selected, changed, selected - changed, 0, event_id)


# ---------------------------------------------------------------- the machinery


def _can_conclude(session: Session, actor: str) -> list[ColumnElement[bool]]:
    """SQL for `service._check_can_conclude`: `scale.is_rated`, and a second reviewer if required."""
    outcome_kinds = [kind.value for kind in Kind if kind.has_outcome]
    rated = or_(
        Claim.verdict.is_not(None),
        and_(
            Claim.kind.in_(outcome_kinds),
            Claim.outcome.is_not(None),
            Claim.outcome != Outcome.NOT_YET_RATED.value,
        ),
    )
    conditions: list[ColumnElement[bool]] = [rated]
    if setting(session, SECOND_REVIEWER) == "true":
        conditions.append(or_(Claim.verdict_by.is_(None), Claim.verdict_by != actor))
    return conditions


def _count(session: Session, selection: Selection) -> int:
    dialect = session.get_bind().dialect.name
    return session.scalar(selection.narrow(select(func.count(Claim.id)), dialect)) or 0


def _targets_table() -> Table:
    """The claims one bulk change picked: id, the value it replaces, the version it had."""
    return Table(
        "claimtrack_bulk_targets",
        MetaData(),
        Column("claim_id", Integer, primary_key=True, autoincrement=False),
        Column("old_value", String, nullable=True),
        Column("old_version", Integer, nullable=False),
        prefixes=["TEMPORARY"],
    )


def _as_json(value: ColumnElement[Any], dialect: str) -> ColumnElement[Any]:
    """A text column as the JSON the ORM writes for it (NULL becomes JSON null)."""
    if dialect == "postgresql":
        return func.coalesce(func.to_json(value), cast(literal("null"), JSON))
    return func.json_quote(value)


def _change(
    session: Session,
    actor: str,
    selection: Selection,
    *,
    action: str,
    eligible: list[ColumnElement[bool]],
    old: SQLColumnExpression[Any] | None,
    new: Any,
    values: dict[str, Any],
    also: Callable[[Connection, Table], None] | None = None,
) -> tuple[int, int | None]:
    """Pick, update and audit the eligible claims of `selection`: how many changed, one event."""
    session.flush()  # the ORM's pending changes first, so the SQL below sees them
    connection = session.connection()
    dialect = connection.dialect.name
    targets = _targets_table()
    targets.create(connection)
    picked = selection.narrow(
        select(Claim.id, old if old is not None else null(), Claim.version), dialect
    ).where(*eligible)
    connection.execute(
        insert(targets).from_select(["claim_id", "old_value", "old_version"], picked)
    )
    # Counted, not taken from rowcount: psycopg reports -1 for INSERT … SELECT here.
    changed = connection.scalar(select(func.count()).select_from(targets)) or 0
    event_id = None
    if changed:
        now = utcnow()
        # The version check catches a writer that slipped in since the pick
        # (possible on PostgreSQL; SQLite's BEGIN IMMEDIATE already rules it out).
        # IN, not UPDATE … FROM: SQLite plans the join as a scan of every claim.
        old_version = (
            select(targets.c.old_version).where(targets.c.claim_id == claims.c.id).scalar_subquery()
        )
        updated = connection.execute(
            update(claims)
            .where(claims.c.id.in_(select(targets.c.claim_id)), claims.c.version == old_version)
            .values(version=claims.c.version + 1, updated_at=now, **values)
        ).rowcount
        if updated != changed:
            raise BulkConflict(
                f"{changed - updated:,} of the {changed:,} claims changed while they were "
                "being updated; nothing was written, reload and try again"
            )
        if also is not None:
            also(connection, targets)
        old_json = _as_json(targets.c.old_value, dialect) if old is not None else None
        with batch() as group:  # one bulk change, one batch: undone as a whole
            connection.execute(
                insert(events).from_select(
                    ["claim_id", "actor", "action", "old", "new", "claim_version", "at", "batch"],
                    select(
                        targets.c.claim_id,
                        literal(actor, String),
                        literal(action, String),
                        old_json if old_json is not None else literal(None, events.c.old.type),
                        literal(new, events.c.new.type),
                        targets.c.old_version + 1,
                        literal(now, UTCDateTime()),
                        literal(group, String),
                    ).order_by(targets.c.claim_id),
                )
            )
            event_id = connection.scalar(
                select(func.max(events.c.id)).where(events.c.batch == group)
            )
    targets.drop(connection)
    # Claims the session had loaded are stale now: reload them on next access.
    session.expire_all()
    return changed, event_id
