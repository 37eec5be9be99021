"""one document per content hash, one claim per normalised text per document

Placeholder in the chain; filled in by the work it is named after.
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
