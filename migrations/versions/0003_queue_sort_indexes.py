"""partial indexes of live claims for sorting and counting the queue

The queue pages a million claims in index order, and every queue query keeps
to live claims (`merged_into_id IS NULL`). An index that holds only live
claims answers that condition itself; with a plain index each of a million
rows costs a lookup in the table to check it (measured: 3.4 s against 0.8 s
for the ordered id list of a million claims on SQLite).

So the two queue indexes of 0001 become partial, and each sortable stored
column gets one ending in the id, so `ORDER BY column, id` walks an index
either way. Counting claims per status scans (status, id) alone.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "merged_into_id IS NULL"

REPLACED = {
    "ix_claims_score": ["score", "id"],
    "ix_claims_status_score": ["status", "score", "id"],
}
ADDED = {
    "ix_claims_status_id": ["status", "id"],
    "ix_claims_kind_id": ["kind", "id"],
    "ix_claims_verdict_id": ["verdict", "id"],
}


def _create(name: str, columns: list[str], *, live: bool) -> None:
    where = {"sqlite_where": sa.text(LIVE), "postgresql_where": sa.text(LIVE)} if live else {}
    op.create_index(name, "claims", columns, unique=False, **where)


def upgrade() -> None:
    for name, columns in REPLACED.items():
        op.drop_index(name, table_name="claims")
        _create(name, columns, live=True)
    for name, columns in ADDED.items():
        _create(name, columns, live=True)


def downgrade() -> None:
    for name in ADDED:
        op.drop_index(name, table_name="claims")
    for name, columns in REPLACED.items():
        op.drop_index(name, table_name="claims")
        _create(name, columns, live=False)
