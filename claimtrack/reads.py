"""Reads in SQLAlchemy Core, without the ORM: the claim filter, the claims list, the limits.

`claims list` starts at Core's cost (issue 17): it imports neither
`sqlalchemy.orm` nor the models, which together cost more CPU than sqlite-utils'
whole run. The filter and the listing's order are written here once, over a
claims table given by the caller: tables.claims for a Core read, the models'
table (the default) for the ORM's queries in queries.py, the queue, the bulk
selection and the publisher. So "status=new, tag=drones" means the same
everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVarTuple

from sqlalchemy import Connection, FromClause, Row, Select, exists, func, select

from claimtrack import limits, tables
from claimtrack.search import many_notes_match, matches

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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
        self,
        statement: Select[*Columns],
        dialect: str,
        *,
        many_in_notes: bool = False,
        claims: FromClause | None = None,
    ) -> Select[*Columns]:
        """Narrow a SELECT over `claims` to the claims this filter admits.

        `claims` is the table the statement reads: the models' one unless given
        (tables.claims for a read without the ORM). `many_in_notes`: see
        `search.many_notes_match`.
        """
        claims = tables.given_or_models_claims(claims)
        statement = statement.where(tables.live(claims))
        for name in ("status", "verdict", "kind", "assignee"):
            if value := getattr(self, name):
                statement = statement.where(claims.c[name] == value)
        if self.tag:
            claim_tags, tags = tables.claim_tags, tables.tags
            statement = statement.where(
                exists().where(
                    claim_tags.c.claim_id == claims.c.id,
                    claim_tags.c.tag_id == tags.c.id,
                    tags.c.name == self.tag.lower(),
                )
            )
        if self.document:
            appearances = tables.appearances
            statement = statement.where(
                exists().where(
                    appearances.c.claim_id == claims.c.id,
                    appearances.c.document_id == self.document,
                )
            )
        if self.search:
            statement = statement.where(
                matches(self.search, dialect, many_in_notes=many_in_notes, claims=claims)
            )
        if self.overdue_on:
            followups = tables.followups
            statement = statement.where(
                exists().where(
                    followups.c.claim_id == claims.c.id,
                    followups.c.done.is_(False),
                    followups.c.due < self.overdue_on,
                )
            )
        return statement


def listing(
    bind: Connection | Session,
    statement: Select[*Columns],
    where: ClaimFilter,
    *,
    limit: int | None,
    claims: FromClause | None = None,
) -> Select[*Columns]:
    """`statement` narrowed to what `where` admits, best score first: the claims list's page.

    `claims` as for `ClaimFilter.apply`.
    """
    dialect = _dialect(bind)
    # PostgreSQL: the form of the notes' half of a search depends on how many match.
    many_in_notes = (
        dialect == "postgresql"
        and where.search is not None
        and many_notes_match(bind, where.search)
    )
    claims = tables.given_or_models_claims(claims)
    statement = where.apply(statement, dialect, many_in_notes=many_in_notes, claims=claims)
    return statement.order_by(claims.c.score.desc(), claims.c.id).limit(limit)


@dataclass(frozen=True, slots=True)
class ListedClaim:
    """A claim as `claims list` shows it: its row, and what it counts of its parts."""

    claim: Row[Any]
    tags: Sequence[str]
    sources: int
    next_due: dt.date | None  # the earliest open follow-up's
    deadline: dt.date | None  # the earliest resolved deadline the claim sets


def listed_claims(
    connection: Connection, where: ClaimFilter, *, limit: int = 50
) -> list[ListedClaim]:
    """Claims the filter admits, best score first, as `claims list` shows them.

    Three statements: the page, then its claims' tags and their counted parts
    (by id, so nothing is computed for claims off the page).
    """
    claims = tables.claims
    page = connection.execute(
        listing(connection, select(claims), where, limit=limit, claims=claims)
    )
    rows = page.all()
    ids = [row.id for row in rows]
    if not ids:
        return []
    claim_tags, tags = tables.claim_tags, tables.tags
    names: dict[int, list[str]] = {}
    for claim_id, name in connection.execute(
        select(claim_tags.c.claim_id, tags.c.name)
        .where(claim_tags.c.tag_id == tags.c.id, claim_tags.c.claim_id.in_(ids))
        .order_by(tags.c.name)
    ):
        names.setdefault(claim_id, []).append(name)
    sources, followups, dates = tables.sources, tables.followups, tables.date_refs
    parts = select(
        claims.c.id,
        select(func.count(sources.c.id)).where(sources.c.claim_id == claims.c.id).scalar_subquery(),
        select(func.min(followups.c.due))
        .where(followups.c.claim_id == claims.c.id, followups.c.done.is_(False))
        .scalar_subquery(),
        select(func.min(dates.c.date))
        .where(
            dates.c.claim_id == claims.c.id,
            dates.c.role == "deadline",
            dates.c.date.is_not(None),
        )
        .scalar_subquery(),
    ).where(claims.c.id.in_(ids))
    counted = {claim_id: rest for claim_id, *rest in connection.execute(parts)}
    return [ListedClaim(row, names.get(row.id, []), *counted[row.id]) for row in rows]


def count_claims(bind: Connection | Session, where: ClaimFilter) -> int:
    """How many claims the filter admits."""
    claims = tables.claims
    statement = where.apply(select(func.count()).select_from(claims), _dialect(bind), claims=claims)
    return bind.scalar(statement) or 0


def limit_settings(bind: Connection | Session) -> dict[str, str]:
    """The team's `limit.*` settings that are set (see claimtrack/limits.py).

    Every command reads them on opening the database, so they are read here,
    without the ORM, and not through the service, which loads the extractor.
    """
    settings = tables.settings
    rows = bind.execute(
        select(settings.c.key, settings.c.value).where(
            settings.c.key.startswith(limits.SETTING_PREFIX)
        )
    )
    return {key: value for key, value in rows}


def _dialect(bind: Connection | Session) -> str:
    """The dialect's name, from a Core connection or an ORM session."""
    if isinstance(bind, Connection):
        return bind.dialect.name
    return bind.get_bind().dialect.name
