"""fact checks from ClaimReview, already-checked matches, claims.claim_reviewed

`fact_checks` holds published fact-checks read from ClaimReview (a desk's own
archive and its partners'), one per review URL. `checked_matches` links a new
claim to the fact check, or to the desk's own concluded claim, that already
checked it. `claims.claim_reviewed` is the reviewer-editable short statement a
published ClaimReview names; NULL (every claim stored before) means "derived
from the text", so existing rows need no value.

When a verdict was concluded is read from the audit trail (the status event
to `concluded`), which every door already writes, so it needs no column.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: the claims table keeps its search triggers on SQLite.
    op.add_column("claims", sa.Column("claim_reviewed", sa.Text(), nullable=True))
    op.create_table(
        "fact_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("claim_reviewed", sa.Text(), nullable=False),
        sa.Column("claimant", sa.String(length=300), nullable=True),
        sa.Column("rating", sa.String(length=200), nullable=True),
        sa.Column("rating_value", sa.Float(), nullable=True),
        sa.Column("best_rating", sa.Float(), nullable=True),
        sa.Column("worst_rating", sa.Float(), nullable=True),
        sa.Column("organisation", sa.String(length=300), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("origin", sa.String(length=2000), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact_checks")),
        sa.UniqueConstraint("url", name=op.f("uq_fact_checks_url")),
    )
    op.create_table(
        "checked_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("fact_check_id", sa.Integer(), nullable=True),
        sa.Column("checked_claim_id", sa.Integer(), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(fact_check_id IS NULL) <> (checked_claim_id IS NULL)",
            name=op.f("ck_checked_matches_one_target"),
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_checked_matches_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["checked_claim_id"],
            ["claims.id"],
            name=op.f("fk_checked_matches_checked_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["fact_check_id"],
            ["fact_checks.id"],
            name=op.f("fk_checked_matches_fact_check_id_fact_checks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checked_matches")),
        sa.UniqueConstraint("claim_id", "checked_claim_id", name="uq_checked_claim"),
        sa.UniqueConstraint("claim_id", "fact_check_id", name="uq_checked_fact_check"),
    )
    for column in ("claim_id", "fact_check_id", "checked_claim_id"):
        op.create_index(
            op.f(f"ix_checked_matches_{column}"), "checked_matches", [column], unique=False
        )


def downgrade() -> None:
    for column in ("claim_id", "fact_check_id", "checked_claim_id"):
        op.drop_index(op.f(f"ix_checked_matches_{column}"), table_name="checked_matches")
    op.drop_table("checked_matches")
    op.drop_table("fact_checks")
    if op.get_bind().dialect.name == "sqlite":
        # Native DROP COLUMN (SQLite 3.35+): rebuilding the table would lose its search triggers.
        op.execute("ALTER TABLE claims DROP COLUMN claim_reviewed")
        return
    op.drop_column("claims", "claim_reviewed")
