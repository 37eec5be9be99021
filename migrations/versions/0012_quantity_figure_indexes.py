"""indexes on the figures that match claims

An imported claim's match candidates include every live claim holding one of
its figures: the same low and high, or the same converted value in its
dimension ("5 miles", "8 km"). Without an index the importer read every
quantity for every article, a cost that grew with the database.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_quantities_low_high": ["low", "high"],
    "ix_quantities_dimension_si_low": ["dimension", "si_low"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "quantities", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="quantities")
