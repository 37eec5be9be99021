"""What the workbench loads before its first rows (issue 17, the queue).

The queue's first paint needs Textual, the read side (in SQLAlchemy Core) and
the queue's own widgets; the ORM and the models, the service, the extractor,
matching, the migrations, the claim screen and every dialog load when first
used. The command runs as a reviewer starts it (`claimtrack --db …`), the app
headless, in a fresh interpreter whose sys.modules is read the moment the
first row is drawn.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from claimtrack.db import Database

# Not needed to draw the queue's first rows.
NOT_BEFORE_FIRST_ROWS = {
    "claimtrack.service",
    "claimtrack.extract.pipeline",
    "claimtrack.extract.quantities",
    "claimtrack.extract.dates",
    "claimtrack.matching",
    "rapidfuzz",
    "alembic",
    "jinja2",
    "claimtrack.tui.screens.claim",
    "claimtrack.tui.screens.help",
    "claimtrack.tui.screens.choice",
    "claimtrack.tui.screens.confirm",
    "claimtrack.tui.screens.text_prompt",
    "claimtrack.tui.filter_text",
    "textual.widgets._data_table",
    # The queue reads through Core: the ORM and the models load with the first claim opened.
    "sqlalchemy.orm",
    "claimtrack.models",
}

FIRST_ROWS = """
import asyncio, json, sys
from textual.app import App
from claimtrack import cli
from claimtrack.tui.app import ClaimtrackApp
from claimtrack.tui.widgets.claim_list import ClaimList

drawn = ClaimList.render_line
seen = []

def render_line(self, y):
    if y == 1 and not seen and self.rows.row(self.scroll_offset.y) is not None:
        seen.append(sorted(sys.modules))
    return drawn(self, y)

ClaimList.render_line = render_line

async def drive(pilot):
    for _ in range(500):
        if seen:
            break
        await asyncio.sleep(0.01)
    await pilot.press("q")

# `claimtrack --db URL --user alice`, as a reviewer starts it, with the app headless.
ClaimtrackApp.run = lambda app, **_: App.run(app, headless=True, size=(140, 40), auto_pilot=drive)
sys.argv = ["claimtrack", "--db", sys.argv[1], "--user", "alice"]
try:
    cli.main()
except SystemExit as stop:
    if stop.code:
        raise
print(json.dumps(seen[0] if seen else None))
"""


def test_the_first_rows_wait_for_no_service_extractor_or_dialog(
    tmp_path: Path, demo_copy: Callable[[Path], Database]
) -> None:
    database = demo_copy(tmp_path / "demo.db")
    url = database.url
    database.dispose()
    done = subprocess.run(
        [sys.executable, "-c", FIRST_ROWS, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded is not None, "the first row was never drawn"
    assert "claimtrack.tui.screens.queue" in loaded
    early = {
        name
        for name in loaded
        for unwanted in NOT_BEFORE_FIRST_ROWS
        if name == unwanted or name.startswith(unwanted + ".")
    }
    assert early == set()
