"""Full-text search over claim text, speaker and notes.

SQLite: FTS5 tables kept in sync by triggers (migration 0002), matched by
rowid so the planner never sorts by rank over a common word. Elsewhere: a
portable case-insensitive LIKE over the same fields.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, column, exists, or_, select, table, true

from claimtrack.models import Claim, Note

WORD = re.compile(r"\w+", re.UNICODE)

claims_fts = table("claims_fts", column("rowid"), column("claims_fts"))
notes_fts = table("notes_fts", column("rowid"), column("notes_fts"))


def fts_query(text: str) -> str | None:
    """User text as an FTS5 query: every word must match, as a prefix; syntax is inert."""
    words = WORD.findall(text)
    return " ".join(f'"{word}"*' for word in words) if words else None


def matches(text: str, dialect: str) -> ColumnElement[bool]:
    """A WHERE condition on Claim: the claim, its speaker or one of its notes matches `text`."""
    if dialect == "sqlite":
        query = fts_query(text)
        if query is None:
            return true()
        in_claims = select(claims_fts.c.rowid).where(claims_fts.c.claims_fts.op("MATCH")(query))
        in_notes = select(Note.claim_id).where(
            Note.id.in_(select(notes_fts.c.rowid).where(notes_fts.c.notes_fts.op("MATCH")(query)))
        )
        return or_(Claim.id.in_(in_claims), Claim.id.in_(in_notes))
    conditions = []
    for word in WORD.findall(text):
        pattern = f"%{word}%"
        conditions.append(
            or_(
                Claim.text.ilike(pattern),
                Claim.speaker.ilike(pattern),
                exists().where(Note.claim_id == Claim.id, Note.text.ilike(pattern)),
            )
        )
    return true() if not conditions else conditions[0] if len(conditions) == 1 else _all(conditions)


def _all(conditions: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    from sqlalchemy import and_

    return and_(*conditions)
