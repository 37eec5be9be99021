"""full-text search and an append-only audit trail

On SQLite: FTS5 indexes over claim text and speaker, and over notes, kept in
sync by triggers (the application never has to remember to update them).
On every backend: the events table refuses UPDATE and DELETE, so the audit
trail is append-only whichever program writes to the database.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    # External-content FTS5 tables: the text lives once, in claims and notes.
    """CREATE VIRTUAL TABLE claims_fts USING fts5(
        text, speaker, content='claims', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
    END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, text, speaker)
        VALUES ('delete', old.id, old.text, old.speaker);
    END""",
    # Only a change of the indexed columns touches the index, not every status change.
    """CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, speaker ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, text, speaker)
        VALUES ('delete', old.id, old.text, old.speaker);
        INSERT INTO claims_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
    END""",
    """CREATE VIRTUAL TABLE notes_fts USING fts5(
        text, content='notes', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER notes_fts_update AFTER UPDATE OF text ON notes BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO notes_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    # Index whatever the database already holds.
    "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
    "INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')",
    """CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
    END""",
    """CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
    END""",
]

SQLITE_DOWN = [
    "DROP TRIGGER events_no_delete",
    "DROP TRIGGER events_no_update",
    "DROP TRIGGER notes_fts_update",
    "DROP TRIGGER notes_fts_delete",
    "DROP TRIGGER notes_fts_insert",
    "DROP TABLE notes_fts",
    "DROP TRIGGER claims_fts_update",
    "DROP TRIGGER claims_fts_delete",
    "DROP TRIGGER claims_fts_insert",
    "DROP TABLE claims_fts",
]

POSTGRES_UP = [
    """CREATE FUNCTION claimtrack_events_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'the audit trail is append-only';
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION claimtrack_events_append_only()""",
]

POSTGRES_DOWN = [
    "DROP TRIGGER events_append_only ON events",
    "DROP FUNCTION claimtrack_events_append_only()",
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_UP)
    elif dialect == "postgresql":
        _run(POSTGRES_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(POSTGRES_DOWN)
