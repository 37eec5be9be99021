"""Where the database is and who the reviewer is.

Precedence, as DESIGN.md fixes it: `--db` beats `CLAIMTRACK_DB`, which beats a
default file in the user data directory; `--user` beats `CLAIMTRACK_USER`,
which beats the operating-system user.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "CLAIMTRACK_DB"
USER_ENV = "CLAIMTRACK_USER"
APP_NAME = "claimtrack"


def default_database_path() -> Path:
    """The default SQLite file in the user's data directory."""
    import platformdirs  # imported here, like getpass below: `--help` needs neither

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "claimtrack.db"


def database_url(db: str | None = None, *, create_dirs: bool = True) -> str:
    """Resolve `--db` (a path or an SQLAlchemy URL) to an SQLAlchemy URL.

    `create_dirs=False` leaves a missing folder missing: a command that only
    reads must not create one for a mistyped path.
    """
    chosen = db or os.environ.get(DB_ENV) or str(default_database_path())
    return as_url(chosen, create_dirs=create_dirs)


def missing_sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL when it does not exist yet; None otherwise (servers too)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == prefix + ":memory:":
        return None
    path = Path(url[len(prefix) :].split("?", 1)[0])
    return None if path.exists() else path


# URLs as libpq, psql and hosting providers write them, and the driver claimtrack installs
# with the `postgres` extra (psycopg 3): SQLAlchemy alone would look for psycopg2.
_POSTGRES_SCHEMES = ("postgres://", "postgresql://")
POSTGRES_DRIVER_URL = "postgresql+psycopg://"


def as_url(path_or_url: str, *, create_dirs: bool = True) -> str:
    """Turn a file path into an SQLite URL; a PostgreSQL URL gets the psycopg driver."""
    if path_or_url.startswith(_POSTGRES_SCHEMES):
        return POSTGRES_DRIVER_URL + path_or_url.split("://", 1)[1]
    if "://" in path_or_url:
        return path_or_url
    path = Path(path_or_url).expanduser()
    if create_dirs:
        path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}"


def current_user(user: str | None = None) -> str:
    """The reviewer's name recorded in audit events."""
    if user:
        return user
    if env := os.environ.get(USER_ENV):
        return env
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in some containers
        return "unknown"
