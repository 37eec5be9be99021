"""Hand a piece of text to the reviewer's own editor ($VISUAL or $EDITOR) and read it back."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from textual.app import App, SuspendNotSupported

Run = Callable[[list[str]], int]


def editor_command() -> list[str]:
    """The editor the reviewer chose ($VISUAL, then $EDITOR), else vi, as argv."""
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    return shlex.split(chosen)


def _run(argv: list[str]) -> int:
    return subprocess.run(argv, check=False).returncode


def edit_in_editor(app: App[object], text: str, *, run: Run = _run) -> str | None:
    """The text after the reviewer edited it in their editor; None if that could not happen.

    The workbench is suspended while the editor has the terminal. A failed or
    missing editor, or a terminal that cannot suspend (a test, a browser),
    is a notification and None: the text in the form stays as it was.
    """
    handle, name = tempfile.mkstemp(prefix="claimtrack-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        try:
            with app.suspend():
                code = run([*editor_command(), str(path)])
        except SuspendNotSupported:
            app.notify("this terminal cannot hand off to an editor", severity="warning")
            return None
        except OSError as error:
            app.notify(f"cannot start the editor: {error}", severity="error", markup=False)
            return None
        if code != 0:
            app.notify(f"the editor exited with {code}; text unchanged", severity="warning")
            return None
        return path.read_text(encoding="utf-8").rstrip("\n")
    finally:
        path.unlink(missing_ok=True)
