"""Driving the app in tests: run it headless and wait for its database workers."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual import events
from textual.pilot import Pilot

from claimtrack.tui.app import ClaimtrackApp
from claimtrack.tui.screens.queue import SEARCH_DELAY, QueueScreen


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
    """As `settle`, after the pause the search box waits for, when a search is typed."""
    for _ in range(20):  # a bound, should the timer never fire
        screen = pilot.app.screen
        if not (isinstance(screen, QueueScreen) and screen.search_pending):
            break
        await pilot.pause(SEARCH_DELAY)
    await settle(pilot)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Enter `text` into the focused field as one paste.

    Keys that act (open a dialog, move focus, submit) are pressed one by one;
    the words typed into a field arrive as one event, as a paste does. Textual's
    pilot waits about 40 ms after every key, which for the suite's few hundred
    typed characters was a tenth of its run time.
    """
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
