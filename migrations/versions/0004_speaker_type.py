"""claims.speaker_type: whether the speaker is a person or an organisation

The extractor now types each speaker ("Moscow", "the Health Ministry" speak
as organisations), and ClaimReview's author is an Organization or a Person
accordingly. The column is nullable and held to the two values by a CHECK.

Claims already stored keep NULL (unknown): the type is read from the article
around a speaker, which the table does not hold, and a guess from the name
alone could call an organisation a person. A NULL speaker type is written as a
Person in ClaimReview, as every speaker was before.

The column is added in place (ALTER TABLE … ADD COLUMN with its CHECK), not by
rebuilding the table: on SQLite a rebuild would drop the full-text triggers
that 0002 put on claims.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ck_claims_speaker_type_valid"
CONDITION = "speaker_type IS NULL OR speaker_type IN ('person', 'organisation')"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a constraint only with its column.
        op.execute(
            f"ALTER TABLE claims ADD COLUMN speaker_type VARCHAR(20) "
            f"CONSTRAINT {NAME} CHECK ({CONDITION})"
        )
        return
    op.add_column("claims", sa.Column("speaker_type", sa.String(length=20), nullable=True))
    op.create_check_constraint(op.f(NAME), "claims", CONDITION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE claims DROP COLUMN speaker_type")
        return
    op.drop_constraint(op.f(NAME), "claims", type_="check")
    op.drop_column("claims", "speaker_type")
