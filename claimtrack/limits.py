"""How much input claimtrack accepts, and how a team or one run changes it.

Every limit is checked before the work it guards starts, so hostile input
(a 50 MB article, a YAML "billion laughs", a record nested 100,000 deep, a
gzip bomb) is refused with one line instead of holding an import or memory.

Where a limit comes from, strongest first:

- `claimtrack --limit NAME=VALUE …` for one run (repeatable);
- the team setting `limit.NAME` (`claimtrack settings limit.article_mb 20`);
- the default below.

Pure: nothing here knows the database; the CLI reads the team settings and
calls `configure`. Code that enforces a limit reads `current()`.
"""

from __future__ import annotations

import contextvars
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from typing import Any

from claimtrack.errors import InvalidInput

MB = 1_000_000
SETTING_PREFIX = "limit."


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits in force. Sizes in MB (10^6 bytes), times in seconds."""

    article_mb: float = 5.0  # one article file, stdin or page text
    record_line_mb: float = 1.0  # one JSON Lines line or CSV row
    field_chars: int = 100_000  # one text field of a record (text, summary, excerpt)
    json_depth: int = 20  # nesting of a record or a CSV cell holding JSON
    number_digits: int = 40  # digits in one number of a record (ids, quantities)
    yaml_aliases: int = 50  # aliases (*ref) in front matter, the "billion laughs" guard
    front_matter_kb: float = 64.0  # front matter of a Markdown article
    sentence_chars: int = 20_000  # an article's longest run without a sentence end or line break
    fetch_mb: float = 10.0  # a fetched page, counted after decompression
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0  # the longest silence while reading a page
    fetch_total_s: float = 60.0  # a whole fetch, redirects included
    redirects: int = 5
    rrule_count: int = 1000  # occurrences in a follow-up's recurrence COUNT
    rrule_years: int = 20  # how far a recurrence's UNTIL may be after its start

    @property
    def article_bytes(self) -> int:
        return int(self.article_mb * MB)

    @property
    def record_line_bytes(self) -> int:
        return int(self.record_line_mb * MB)

    @property
    def front_matter_bytes(self) -> int:
        return int(self.front_matter_kb * 1000)

    @property
    def fetch_bytes(self) -> int:
        return int(self.fetch_mb * MB)


DEFAULTS = Limits()
NAMES = tuple(f.name for f in fields(Limits))
# Team settings the service accepts (`limit.article_mb`, …), each shown as its default while unset.
SETTING_DEFAULTS: dict[str, str | None] = {
    SETTING_PREFIX + name: f"{getattr(DEFAULTS, name):g}" for name in NAMES
}

_CURRENT: contextvars.ContextVar[Limits] = contextvars.ContextVar(
    "claimtrack_limits", default=DEFAULTS
)


def current() -> Limits:
    """The limits in force for this run."""
    return _CURRENT.get()


def parse_value(name: str, text: str) -> float | int:
    """A limit's value from text: a positive finite number (a whole one for counts)."""
    if name not in NAMES:
        raise InvalidInput(f"unknown limit {name!r}; limits: {', '.join(NAMES)}")
    kind = type(getattr(DEFAULTS, name))
    try:
        value = kind(text.strip())
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise InvalidInput(f"limit {name} must be {what}, not {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise InvalidInput(f"limit {name} must be above 0, not {text!r}")
    return value


def parse_assignment(text: str) -> tuple[str, float | int]:
    """`NAME=VALUE` as given to `--limit`."""
    name, equals, value = text.partition("=")
    if not equals:
        raise InvalidInput(f"--limit takes NAME=VALUE, not {text!r} (limits: {', '.join(NAMES)})")
    return name.strip(), parse_value(name.strip(), value)


def from_settings(settings: Mapping[str, str | None], base: Limits = DEFAULTS) -> Limits:
    """`base` with the team's `limit.*` settings applied (unknown or unset keys ignored)."""
    changes = {
        key.removeprefix(SETTING_PREFIX): parse_value(key.removeprefix(SETTING_PREFIX), value)
        for key, value in settings.items()
        if key.startswith(SETTING_PREFIX) and key.removeprefix(SETTING_PREFIX) in NAMES and value
    }
    return overridden(base, changes)


def overridden(base: Limits, values: Mapping[str, float | int]) -> Limits:
    """`base` with some limits changed (values already checked by `parse_value`)."""
    changes: dict[str, Any] = dict(values)
    return replace(base, **changes)


def configure(limits: Limits) -> None:
    """Make `limits` the ones in force for the rest of this run."""
    _CURRENT.set(limits)


@contextmanager
def using(limits: Limits) -> Iterator[Limits]:
    """`limits` in force inside the block only (tests, one import)."""
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


def too_large(what: str, size: int, limit: int, name: str) -> str:
    """The one line that refuses an input past a size limit, naming the limit to raise."""
    return f"{what} is {size:,} bytes, over the limit of {limit:,} (--limit {name}=…)"
