"""The queue's first page, read in a thread of its own while the workbench starts.

Nothing here imports Textual: `claimtrack` starts this read before it imports
Textual, so the first page is read while Textual loads and the app sets up
its screen, not after (issue 17). The queue shows it as its first load when
the filter and the sort are still the defaults.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future

from claimtrack.db import Database
from claimtrack.reads import ClaimFilter
from claimtrack.views.queue import QueueSnapshot, QueueSort, load_snapshot

FIRST_PAGE = 200  # ids read before the first paint; the rest follow in the background

FirstPage = Future[QueueSnapshot | None]


def prefetch(database: Database) -> FirstPage:
    """Start reading the unfiltered queue's first page, best score first; its future."""
    future: FirstPage = Future()

    def read() -> None:
        try:
            future.set_result(load_snapshot(database, ClaimFilter(), QueueSort(), limit=FIRST_PAGE))
        except BaseException as error:  # handed to whoever waits, who reports it
            future.set_exception(error)

    threading.Thread(target=read, name="queue-first-page", daemon=True).start()
    return future
