"""Write docs/screenshots/report.html and report.png: the demo's HTML report,
rendered by headless Chromium (Debian's `chromium` package).

    python scripts/report_screenshot.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from claimtrack.demo import build_demo
from claimtrack.reads import ClaimFilter
from claimtrack.reports import write_report

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
TODAY = dt.date(2025, 11, 24)  # fixed, so the picture only changes when the report does


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("headless Chromium is needed: apt-get install chromium", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    page = OUT / "report.html"
    with tempfile.TemporaryDirectory() as tmp:
        demo = build_demo(Path(tmp) / "demo.db")
        try:
            with demo.read() as session, page.open("w", encoding="utf-8") as out:
                write_report(session, ClaimFilter(), "html", out, today=TODAY)
        finally:
            demo.dispose()
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1000,1400",
            f"--screenshot={OUT / 'report.png'}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    print(f"wrote {page} and {OUT / 'report.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
