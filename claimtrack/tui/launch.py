"""The garbage collector while the workbench starts: paused until the first rows are drawn.

Loading Textual, SQLAlchemy and the app sets off about 170 collections before
the first frame, 30 ms of CPU at a million claims (issue 17), and finds next to
no garbage: start-up builds modules, classes and caches that live as long as
the process. `claimtrack` pauses the collector before it loads them; the queue
resumes it once its first rows are on the screen (or their load failed),
freezing what start-up built so later collections skip it.

Nothing here imports anything heavy: it runs before the rest loads.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collector() -> None:
    """Stop collecting garbage until `resume_collector` (a no-op if already stopped)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """Collect again if `pause_collector` stopped it; what start-up built is frozen first."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()  # the modules and caches of start-up: never garbage, never scanned again
        gc.enable()
