"""fact checks from ClaimReview and the claim_reviewed field

Placeholder in the chain; filled in by the work it is named after.
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
