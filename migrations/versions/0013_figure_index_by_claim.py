"""the figure index ordered by claim

An imported claim's match candidates are, for each of its figures, the live
claims holding that figure with the lowest ids. With the claim id in the
index, that is a walk of the first entries of one figure, in claim order,
however many claims hold the figure ("3", "2025"): the importer read every
one of them before, a cost that grew with the database.

The (low, high) index it replaces is its prefix: every query it served, this
one serves.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_quantities_figure_claim", "quantities", ["low", "high", "claim_id"])
    op.drop_index("ix_quantities_low_high", table_name="quantities")


def downgrade() -> None:
    op.create_index("ix_quantities_low_high", "quantities", ["low", "high"])
    op.drop_index("ix_quantities_figure_claim", table_name="quantities")
