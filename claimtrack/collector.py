"""Bulk jobs and the garbage collector: the objects older than the job are left alone.

A records import or a report allocates millions of small containers, which
sets off full collections; each walks every object of the process, the loaded
modules and SQLAlchemy's caches included (7 % of an import's CPU, a sixth of a
report's). Frozen (`gc.freeze`), the older objects are skipped; the job's own
cycles are still collected, so memory stays flat.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def older_objects_frozen() -> Iterator[None]:
    """Freeze the objects that exist now while the block runs, and thaw them after.

    Skipped if something else has frozen objects: `gc.unfreeze` would thaw those too.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
