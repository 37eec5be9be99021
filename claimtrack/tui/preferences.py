"""The workbench's remembered choices (the theme), in a small TOML file in the user config dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from claimtrack.config import APP_NAME

CONFIG_ENV = "CLAIMTRACK_CONFIG_DIR"  # another place for the file (tests point it at tmp_path)


def preferences_path() -> Path:
    """Where the workbench keeps its choices: $CLAIMTRACK_CONFIG_DIR, else the user config dir."""
    folder = os.environ.get(CONFIG_ENV) or platformdirs.user_config_dir(APP_NAME, appauthor=False)
    return Path(folder) / "workbench.toml"


def load_theme(path: Path | None = None) -> str | None:
    """The theme chosen last time, if any; an unreadable file is no choice."""
    path = path or preferences_path()
    try:
        content = path.read_bytes()
    except OSError:
        return None
    import tomllib  # only when there is a file to read: start-up skips it otherwise

    try:
        theme = tomllib.loads(content.decode("utf-8")).get("theme")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return theme if isinstance(theme, str) else None


def save_theme(theme: str, path: Path | None = None) -> bool:
    """Remember the theme for next time; False if the file could not be written."""
    path = path or preferences_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A theme name is a plain identifier; quote it as TOML would any string.
        escaped = theme.replace("\\", "\\\\").replace('"', '\\"')
        path.write_text(f'theme = "{escaped}"\n', encoding="utf-8")
    except OSError:
        return False
    return True
