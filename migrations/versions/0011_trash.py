"""a trash for documents and claims

`deleted_at` and `deleted_by` put a document or a claim in the trash (hidden
from lists, search, the queue, reports and exports, until restored);
`purged_at` marks one whose trash was emptied: its content is gone, its row
stays because the append-only audit trail still points at it.

A claim in the trash is no longer live, so the queue's partial indexes (0003)
now hold claims that are neither merged nor deleted.

Columns are added in place (ALTER TABLE … ADD COLUMN): rebuilding the claims
table on SQLite would drop its full-text triggers.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MERGED_ONLY = "merged_into_id IS NULL"
LIVE = "merged_into_id IS NULL AND deleted_at IS NULL"
QUEUE_INDEXES = {
    "ix_claims_status_score": ["status", "score", "id"],
    "ix_claims_score": ["score", "id"],
    "ix_claims_status_id": ["status", "id"],
    "ix_claims_kind_id": ["kind", "id"],
    "ix_claims_verdict_id": ["verdict", "id"],
}
TRASH_COLUMNS = ("deleted_at", "deleted_by", "purged_at")


def _columns() -> list[sa.Column[object]]:
    return [
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=100), nullable=True),
        sa.Column("purged_at", sa.DateTime(timezone=True), nullable=True),
    ]


def _queue_indexes(condition: str) -> None:
    for name, columns in QUEUE_INDEXES.items():
        op.drop_index(name, table_name="claims")
        where = sa.text(condition)
        op.create_index(name, "claims", columns, sqlite_where=where, postgresql_where=where)


def upgrade() -> None:
    for table in ("documents", "claims"):
        for column in _columns():
            op.add_column(table, column)
    op.create_index(op.f("ix_claims_deleted_at"), "claims", ["deleted_at"])
    _queue_indexes(LIVE)


def downgrade() -> None:
    # Trashed items reappear: the older schema has no way to hide them.
    _queue_indexes(MERGED_ONLY)
    op.drop_index(op.f("ix_claims_deleted_at"), table_name="claims")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in ("claims", "documents"):
        for name in TRASH_COLUMNS:
            if sqlite:
                op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
            else:
                op.drop_column(table, name)
