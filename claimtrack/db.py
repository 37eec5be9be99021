"""Engine, sessions and schema upgrades.

SQLite is opened in WAL mode with foreign keys on and a busy timeout. Write
transactions start with `BEGIN IMMEDIATE`, so two writers queue instead of
both reading an old version and one failing with "database is locked"; the
second then sees the first one's change and gets a clean `Conflict`. A writer
that waits longer than the busy timeout gets `DatabaseBusy`, a ClaimtrackError
every interface shows as a notice, with nothing written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from claimtrack.errors import ClaimtrackError, DatabaseBusy, SchemaTooNew
from claimtrack.team import INSUFFICIENT_PRIVILEGE, PermissionDenied

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
# The newest revision in migrations/versions (a test keeps the two equal). Opening a
# database compares its stamp with this, so Alembic (a third of start-up's imports) is
# loaded only when a schema must change.
HEAD_REVISION = "0013"


def migrations_path() -> Path:
    """The Alembic script directory, shipped inside the package as claimtrack.migrations."""
    import claimtrack.migrations

    return Path(claimtrack.migrations.__file__).parent


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config built in code, bound to `connection` when given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision in the migration scripts (HEAD_REVISION, read from them)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "migrations/versions holds no revision"
    return head


# SQLite's page cache per connection, in KiB.
CACHE_KIB = 32_000


def _install_sqlite_hooks(engine: Engine) -> None:
    """Pragmas per connection, and our own BEGIN so writes can be IMMEDIATE."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Take transaction control away from pysqlite; the "begin" hook issues BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        # More page cache than the default 2 MB: an article import reads the figure,
        # name and full-text indexes again for every article.
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("sqlite_immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class _SQLiteCompiler(SQLiteCompiler):
    """SQLite's compiler, rendering a table hint after the table's name.

    SQLAlchemy renders table hints for MySQL-style dialects only; SQLite's
    `INDEXED BY name` takes the same place, so `select(...).with_hint(Claim,
    "INDEXED BY ix", "sqlite")` becomes `FROM claims INDEXED BY ix`.
    """

    def get_from_hint_text(self, table: Any, text: str | None) -> str | None:
        return text


POSTGRES_INSTALL = 'pip install "claimtrack[postgres]"'
# Rows ANALYZE samples per index: enough for the planner's choices, milliseconds to read.
ANALYSIS_ROWS = 1000


def create_db_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`, with claimtrack's SQLite settings where it is SQLite."""
    try:
        engine = create_engine(url, **kwargs)
    except ImportError as error:
        # SQLAlchemy imports the driver here: a missing one is an install step, not a bug.
        driver = error.name or "the database driver"
        hint = POSTGRES_INSTALL if url.startswith("postgres") else f"pip install {driver}"
        raise ClaimtrackError(f"{driver} is not installed; run: {hint}") from None
    if engine.dialect.name == "sqlite":
        engine.dialect.statement_compiler = _SQLiteCompiler
        _install_sqlite_hooks(engine)
    return engine


@dataclass
class Database:
    """One database: its engine and a session factory for reads and for writes.

    The session factories (and with them `sqlalchemy.orm`) are made on first use:
    a command that reads through Core (`engine.connect()`) starts without the ORM
    (issue 17).
    """

    url: str
    engine: Engine = field(init=False)

    def __post_init__(self) -> None:
        self.engine = create_db_engine(self.url)

    @cached_property
    def _reads(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def _writes(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        writer = self.engine.execution_options(sqlite_immediate=True)
        return sessionmaker(writer, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: commits on success, rolls back on any error.

        SQLite still busy after the busy timeout (another program holds the
        write lock) is rolled back and raised as `DatabaseBusy`.
        """
        try:
            with self._writes.begin() as session:
                yield session
        except OperationalError as error:
            if _is_sqlite_busy(error):
                raise DatabaseBusy() from error
            raise
        except DBAPIError as error:
            # A GRANT or a row rule of the team's roles (migration 0008) refused the write.
            if getattr(error.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
                raise PermissionDenied(str(error.orig).splitlines()[0]) from None
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end)."""
        with self._reads() as session:
            yield session

    def current_revision(self) -> str | None:
        """The schema revision stamped in the database, None for an empty one."""
        # Read without Alembic, as its MigrationContext would (one row, or none).
        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to `revision` (refuses a schema newer than this code)."""
        from alembic import command

        self._refuse_unknown_revision()
        self._run_migration(command.upgrade, revision)
        self.refresh_statistics()

    def downgrade(self, revision: str) -> None:
        """Step the schema back to `revision` (for tests and emergencies)."""
        from alembic import command

        self._run_migration(command.downgrade, revision)

    def ensure_current(self) -> None:
        """Upgrade-on-open: bring an older schema up to date, refuse a newer one."""
        if self.current_revision() != HEAD_REVISION:
            self.upgrade()

    def backup(self, destination: Path) -> None:
        """Copy a live SQLite database with SQLite's online backup API."""
        if not self.is_sqlite:
            raise ClaimtrackError("db backup copies SQLite files; use pg_dump for PostgreSQL")
        destination = destination.expanduser().resolve()
        if destination.exists():
            raise ClaimtrackError(f"{destination}: already exists; choose a new file")
        if not destination.parent.is_dir():
            raise ClaimtrackError(f"{destination.parent}: no such folder")
        # Written beside the destination and renamed when complete, so a failed
        # backup never leaves a file that looks like a good copy.
        partial = destination.with_name(f".{destination.name}.partial")
        source = sqlite3.connect(make_url(self.url).database or ":memory:")
        try:
            target = sqlite3.connect(partial)
            try:
                with target:
                    source.backup(target)
            finally:
                target.close()
            partial.replace(destination)
        except sqlite3.Error as error:
            raise ClaimtrackError(f"{destination}: backup failed: {error}") from None
        finally:
            source.close()
            partial.unlink(missing_ok=True)

    def dispose(self) -> None:
        self.engine.dispose()

    def refresh_statistics(self) -> None:
        """Give SQLite's query planner fresh statistics (ANALYZE, sampling each index).

        Without them SQLite sorts every claim for the queue's first page instead of
        walking an index: seconds at a million claims. Sampled, it takes about
        35 ms there. Run after the commands that add many rows (imports, the
        demo, `db upgrade`); PostgreSQL's autovacuum keeps its own statistics.
        """
        if not self.is_sqlite:
            return
        with self.engine.begin() as connection:
            connection.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_ROWS}")
            connection.exec_driver_sql("ANALYZE")

    def _refuse_unknown_revision(self) -> None:
        current = self.current_revision()
        if current is None:
            return
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(alembic_config())
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise SchemaTooNew(
                f"{self.url}: database schema {current} is newer than this claimtrack "
                f"knows (newest: {head_revision()}); upgrade claimtrack to open it"
            )

    def _run_migration(self, step: Any, revision: str) -> None:
        with self.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None  # a live connection always has its driver connection
            if self.is_sqlite:
                # Batch migrations copy and drop tables; with foreign keys on, the
                # drop would cascade into child rows. The pragma is a no-op inside
                # a transaction, so it goes to the driver before Alembic begins one.
                raw.execute("PRAGMA foreign_keys = OFF")
            try:
                with connection.begin():
                    step(alembic_config(connection), revision)
                    if self.is_sqlite:
                        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                        if broken:
                            raise ClaimtrackError(
                                f"migration would leave dangling references: {broken[:5]}"
                            )
            finally:
                if self.is_sqlite:
                    raw.execute("PRAGMA foreign_keys = ON")


def _is_sqlite_busy(error: OperationalError) -> bool:
    """Whether SQLite gave up waiting for a lock ("database is locked")."""
    original = error.orig
    if not isinstance(original, sqlite3.OperationalError):
        return False
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_BUSY  # extended codes keep it in the low byte
    return "database is locked" in str(original)


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Open the database at `url`, upgrading its schema unless `migrate` is False."""
    database = Database(url)
    if migrate:
        database.ensure_current()
    return database
