"""Driving the app in tests: run it headless and wait for its database workers."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from claimtrack.tui.app import ClaimtrackApp
from claimtrack.tui.screens.queue import SEARCH_DELAY


def drive(app: ClaimtrackApp, steps: Callable[[Pilot[None]], Awaitable[None]]) -> None:
    async def main() -> None:
        async with app.run_test(size=(140, 40)) as pilot:
            await settle_search(pilot)
            await steps(pilot)

    asyncio.run(main())


async def settle(pilot: Pilot[None]) -> None:
    """Let the workers reading the database finish and the screen repaint."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def settle_search(pilot: Pilot[None]) -> None:
    """As `settle`, after the pause the search box waits for typing to stop."""
    await pilot.pause(SEARCH_DELAY * 2)
    await settle(pilot)
