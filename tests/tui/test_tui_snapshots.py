"""The look of the queue, compared as an SVG screenshot (pytest-textual-snapshot).

Regenerate after an intended change with `pytest tests/tui --snapshot-update`.
"""

from __future__ import annotations

from textual.pilot import Pilot

from claimtrack.tui.app import ClaimtrackApp


async def _queue_loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_queue_snapshot(app: ClaimtrackApp, snap_compare) -> None:  # type: ignore[no-untyped-def]
    # the second row marked, the cursor on the third
    assert snap_compare(
        app, press=["j", "space"], terminal_size=(140, 24), run_before=_queue_loaded
    )
