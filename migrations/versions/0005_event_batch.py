"""events.batch: the events one action wrote, so they are undone together

A bulk change writes one event per claim, and ruling a verdict on a new claim
also moves its status; `claimtrack undo` takes such a group back as a whole.
Events already stored keep NULL: each is its own group, as it was.

Added in place (ALTER TABLE … ADD COLUMN): the events table is append-only by
trigger, and a rebuild would drop those triggers.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("events", sa.Column("batch", sa.String(length=32), nullable=True))
    op.create_index(op.f("ix_events_batch"), "events", ["batch"])


def downgrade() -> None:
    op.drop_index(op.f("ix_events_batch"), table_name="events")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE events DROP COLUMN batch")
        return
    op.drop_column("events", "batch")
