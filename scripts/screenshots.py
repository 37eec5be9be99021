"""Write the README's screenshots: docs/screenshots/*.svg from the demo database.

    python scripts/screenshots.py              # into docs/screenshots/
    python scripts/screenshots.py --out DIR

Deterministic: the demo is built in a temporary folder with the clock frozen
(every timestamp the service writes comes from a fake clock that ticks a few
seconds per call from a fixed moment), the app's "today" is fixed, and each
screen is captured headless at a fixed terminal size. Running it twice writes
the same files.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import inspect
import sys
import tempfile
import types
from collections.abc import Awaitable, Callable, Iterator
from contextlib import chdir, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402
from textual.pilot import Pilot  # noqa: E402

import claimtrack.models  # noqa: E402
from claimtrack.db import Database, open_database  # noqa: E402
from claimtrack.demo import build_demo  # noqa: E402
from claimtrack.models import Claim  # noqa: E402
from claimtrack.tui.app import ClaimtrackApp  # noqa: E402

SIZE = (140, 40)
START = dt.datetime(2025, 11, 4, 9, 0, tzinfo=dt.UTC)
TODAY = dt.date(2025, 12, 29)
TICK = dt.timedelta(seconds=7)
OUT = ROOT / "docs" / "screenshots"

Steps = Callable[[Pilot[None]], Awaitable[None]]


@contextmanager
def frozen_clock() -> Iterator[None]:
    """Make `claimtrack.models.utcnow` (every stored timestamp) tick from START."""
    moment = [START]

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:  # type: ignore[override]
            moment[0] += TICK
            return moment[0].astimezone(tz) if tz else moment[0].replace(tzinfo=None)

    shim = types.SimpleNamespace(**{**vars(dt), "datetime": Clock})
    real = claimtrack.models.dt
    claimtrack.models.dt = shim  # type: ignore[assignment]
    try:
        yield
    finally:
        claimtrack.models.dt = real


def make_app(database: Database) -> ClaimtrackApp:
    """The app with "today" fixed where the app lets it be fixed."""
    if "today" in inspect.signature(ClaimtrackApp).parameters:
        return ClaimtrackApp(database, "alice", today=TODAY)  # type: ignore[call-arg]
    return ClaimtrackApp(database, "alice")


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def capture(database: Database, steps: Steps) -> str:
    """The SVG of the screen after `steps`, at SIZE."""
    svg = ""

    async def run() -> None:
        nonlocal svg
        app = make_app(database)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await steps(pilot)
            await settle(pilot)
            svg = app.export_screenshot(title="claimtrack")

    asyncio.run(run())
    return svg


def richest_claim(database: Database) -> int:
    """The demo's claim about interceptor drones: sources, follow-ups, notes, history."""
    with database.read() as session:
        statement = select(Claim.id).where(Claim.text.like("%interceptor drones%"))
        return session.scalars(statement).first() or 1


def has_binding(binding_id: str) -> bool:
    return any(getattr(b, "id", None) == binding_id for b in ClaimtrackApp.BINDINGS)


def shots(database: Database) -> dict[str, Steps]:
    claim_id = richest_claim(database)

    async def queue(pilot: Pilot[None]) -> None:
        await pilot.press("j", "space", "j", "space", "j")

    async def claim(pilot: Pilot[None]) -> None:
        await pilot.press("colon", *str(claim_id), "enter")

    async def agenda(pilot: Pilot[None]) -> None:
        await pilot.press("A")

    found: dict[str, Steps] = {"queue": queue, "claim": claim}
    if has_binding("app.followups"):
        found["agenda"] = agenda
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    args.out = args.out.resolve()
    with tempfile.TemporaryDirectory() as folder, chdir(folder), frozen_clock():
        build_demo(Path("demo.db")).dispose()
        database = open_database("sqlite:///demo.db")  # relative: the header reads "demo.db"
        try:
            for name, steps in shots(database).items():
                path = args.out / f"{name}.svg"
                path.write_text(capture(database, steps), encoding="utf-8")
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        finally:
            database.dispose()


if __name__ == "__main__":
    main()
