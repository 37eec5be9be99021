"""one document per content hash, one claim per normalised text

Several importers may write to one PostgreSQL database at once. Each checks
whether a document or a claim is already there before storing it, but two of
them can check at the same moment; the database itself must then refuse the
second copy. `documents.sha256` is unique since 0001. This adds the claims'
counterpart: one live claim per normalised text among claims without an
external id (`service.same_claim`'s rule; records with an id are keyed by it).
Importers insert with `ON CONFLICT DO NOTHING` and take the winner.

A database holding data may already have such duplicates (a claim typed by
hand twice, say). Each group is merged into its oldest claim as
`claimtrack claims merge` would: appearances, sources, follow-ups, notes and
tags move, and each merge leaves its two audit events. Downgrading drops the
index; the merges stay, as merges made by a reviewer would.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "uq_claims_normalized_live"
UNIQUE_AMONG = "merged_into_id IS NULL AND external_id IS NULL"
ACTOR = "claimtrack (migration 0009)"


def upgrade() -> None:
    _merge_duplicates(op.get_bind())
    where = sa.text(UNIQUE_AMONG)
    op.create_index(
        INDEX, "claims", ["normalized"], unique=True, sqlite_where=where, postgresql_where=where
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="claims")


def _merge_duplicates(connection: sa.Connection) -> None:
    """Fold every later claim of a duplicate group into the group's oldest claim."""
    groups = connection.execute(
        sa.text(
            f"SELECT normalized, min(id) FROM claims WHERE {UNIQUE_AMONG} "
            "GROUP BY normalized HAVING count(*) > 1"
        )
    ).all()
    for normalized, survivor in groups:
        later = connection.scalars(
            sa.text(
                f"SELECT id FROM claims WHERE {UNIQUE_AMONG} AND normalized = :normalized "
                "AND id <> :survivor ORDER BY id"
            ),
            {"normalized": normalized, "survivor": survivor},
        ).all()
        for merged in later:
            _merge(connection, survivor, merged)


def _merge(connection: sa.Connection, survivor: int, merged: int) -> None:
    ids = {"survivor": survivor, "merged": merged}
    run = connection.execute
    # An appearance the survivor already has at the same place is the same sighting.
    run(
        sa.text(
            "DELETE FROM appearances WHERE claim_id = :merged AND EXISTS (SELECT 1 FROM "
            "appearances AS kept WHERE kept.claim_id = :survivor "
            "AND kept.document_id = appearances.document_id "
            "AND kept.start_offset = appearances.start_offset)"
        ),
        ids,
    )
    for table in ("appearances", "sources", "followups", "notes"):
        run(sa.text(f"UPDATE {table} SET claim_id = :survivor WHERE claim_id = :merged"), ids)
    run(
        sa.text(
            "INSERT INTO claim_tags (claim_id, tag_id) SELECT :survivor, tag_id FROM claim_tags "
            "WHERE claim_id = :merged AND tag_id NOT IN "
            "(SELECT tag_id FROM claim_tags WHERE claim_id = :survivor)"
        ),
        ids,
    )
    run(sa.text("DELETE FROM claim_tags WHERE claim_id = :merged"), ids)
    now = dt.datetime.now(dt.UTC)
    text = connection.scalar(sa.text("SELECT text FROM claims WHERE id = :merged"), ids)
    stamp = sa.DateTime(timezone=True)
    for claim_id, action, new in (
        (merged, "merged", {"into": survivor}),
        (survivor, "merge", {"from": merged, "text": text}),
    ):
        version = connection.scalar(
            sa.text(
                "UPDATE claims SET version = version + 1, updated_at = :now"
                + (", merged_into_id = :into" if action == "merged" else "")
                + " WHERE id = :id RETURNING version"
            ).bindparams(sa.bindparam("now", type_=stamp)),
            {"now": now, "id": claim_id, "into": survivor},
        )
        run(
            sa.text(
                "INSERT INTO events (claim_id, at, actor, action, old, new, claim_version) "
                "VALUES (:claim_id, :at, :actor, :action, :old, :new, :version)"
            ).bindparams(
                sa.bindparam("at", type_=stamp),
                sa.bindparam("old", type_=sa.JSON()),
                sa.bindparam("new", type_=sa.JSON()),
            ),
            {
                "claim_id": claim_id,
                "at": now,
                "actor": ACTOR,
                "action": action,
                "old": None,
                "new": new,
                "version": version,
            },
        )
