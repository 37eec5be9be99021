"""Unexpected errors: one line for the user, the traceback in a log file.

A bug must never put a traceback (or the input that caused it) on a
reviewer's terminal; it goes to `crash.log` in the user log directory
(platformdirs), and the line says where.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from pathlib import Path

import platformdirs

from claimtrack.config import APP_NAME

LOG_ENV = "CLAIMTRACK_LOG_DIR"  # tests and sandboxes point it elsewhere
LOG_NAME = "crash.log"
KEEP_BYTES = 1_000_000  # the log is cut back to its newest half past this


def log_path() -> Path:
    """Where unexpected errors are logged."""
    folder = os.environ.get(LOG_ENV) or platformdirs.user_log_dir(APP_NAME, appauthor=False)
    return Path(folder) / LOG_NAME


def record(error: BaseException, command: list[str]) -> Path | None:
    """Append the traceback of `error` to the log; the log's path, or None if unwritable."""
    path = log_path()
    entry = (
        f"--- {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')} "
        f"claimtrack {' '.join(command)}\n" + "".join(traceback.format_exception(error))
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > KEEP_BYTES:
            kept = path.read_bytes()[-KEEP_BYTES // 2 :]
            path.write_bytes(kept)
        with path.open("a", encoding="utf-8", errors="backslashreplace") as log:
            log.write(entry)
    except OSError:
        return None
    return path


def unexpected_line(error: BaseException, logged: Path | None) -> str:
    """The one line shown for a bug: what it was, --debug, and where the log is."""
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    what = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    where = f"; logged in {logged}" if logged else ""
    return f"unexpected error ({what}); run with --debug for details{where}"
