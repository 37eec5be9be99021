"""The tables as Core reads them, without the ORM (issue 17: start-up).

`sqlalchemy.orm` and the declarative models (models.py) cost more CPU to import
than sqlite-utils' whole run; a command that only lists claims needs neither.
These are lightweight Core descriptions (`sqlalchemy.table`) of the columns such
reads use, with the types that convert their values as the models' do (a
timestamp comes back timezone-aware, a date as a date). They describe, they do
not define: the schema is models.py and the migrations, and
tests/test_reads.py holds every column here to the model's column of the same
name and type.

`live(claims)` is the one spelling of "neither merged away nor in the trash";
models.live_claims() is it over the models' claims table.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Float,
    FromClause,
    Integer,
    String,
    Text,
    TypeDecorator,
    and_,
    column,
    table,
)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored as UTC and always read back timezone-aware.

    SQLite keeps no time zone; without this, values would come back naive.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; claimtrack stores UTC-aware times")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


claims = table(
    "claims",
    column("id", Integer),
    column("text", Text),
    column("normalized", Text),
    column("kind", String),
    column("score", Float),
    column("speaker", String),
    column("status", String),
    column("verdict", String),
    column("verdict_summary", Text),
    column("outcome", String),
    column("assignee", String),
    column("version", Integer),
    column("created_at", UTCDateTime),
    column("updated_at", UTCDateTime),
    column("merged_into_id", Integer),
    column("deleted_at", UTCDateTime),
)
tags = table("tags", column("id", Integer), column("name", String))
claim_tags = table("claim_tags", column("claim_id", Integer), column("tag_id", Integer))
appearances = table("appearances", column("claim_id", Integer), column("document_id", Integer))
sources = table("sources", column("id", Integer), column("claim_id", Integer))
followups = table(
    "followups", column("claim_id", Integer), column("due", Date), column("done", Boolean)
)
date_refs = table(
    "date_refs", column("claim_id", Integer), column("date", Date), column("role", String)
)
notes = table("notes", column("id", Integer), column("claim_id", Integer), column("text", Text))
settings = table("settings", column("key", String), column("value", String))
events = table("events", column("id", Integer))
checked_matches = table("checked_matches", column("claim_id", Integer))

# Every description above, for the test that holds them to the models.
ALL = (
    claims,
    tags,
    claim_tags,
    appearances,
    sources,
    followups,
    date_refs,
    notes,
    settings,
    events,
    checked_matches,
)


def live(claims: FromClause) -> ColumnElement[bool]:
    """Claims neither merged away nor in the trash: what every list, count and export shows.

    `claims` is this module's table or the models' one. Spelled as the queue's
    partial indexes are (models.LIVE), so SQLite can use them.
    """
    return and_(claims.c.merged_into_id.is_(None), claims.c.deleted_at.is_(None))


def given_or_models_claims(claims: FromClause | None) -> FromClause:
    """`claims` if given, else the models' claims table (loading the ORM only then).

    The claim filter and search narrow either table: this module's for a read
    without the ORM, the models' one for a statement over `select(Claim)`.
    """
    if claims is not None:
        return claims
    from claimtrack.models import Claim

    return Claim.__table__
