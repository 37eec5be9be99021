"""Bulk jobs freeze the older objects while they run, and never thaw someone else's."""

from __future__ import annotations

import gc

from claimtrack.collector import older_objects_frozen


def test_the_older_objects_are_frozen_for_the_block_only() -> None:
    gc.unfreeze()
    with older_objects_frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_objects_someone_else_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with older_objects_frozen():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
