"""The limits of claim records (claimtrack/limits.py), applied as they are read.

A record line is read at most `record_line_mb` into memory; JSON is parsed
with its numbers checked as they are met (digits, finite) and its nesting
bounded; every string of a parsed record is checked for length and for what
no database stores (lone surrogates, NUL). Each refusal is a `ValueError`
with the reason, which the records importer reports as `file:line: reason`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from claimtrack import limits
from claimtrack.importers.guard import lone_surrogate

READ = 65_536


@dataclass(frozen=True, slots=True)
class LineTooLong:
    """A line past the size limit, skipped unread: only its size is kept."""

    size: int

    def reason(self) -> str:
        limit = limits.current().record_line_bytes
        return (
            f"the line is {self.size:,} bytes, over the limit of {limit:,}"
            " (--limit record_line_mb=…)"
        )


def bounded_lines(handle: IO[bytes]) -> Iterator[bytes | LineTooLong]:
    """The lines of `handle`; one longer than the limit becomes a `LineTooLong`."""
    limit = limits.current().record_line_bytes
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or (line.endswith(b"\n") and len(line) == limit + 1):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):  # skip the rest of the line, a piece at a time
            line = handle.readline(READ)
            if not line:
                break
            size += len(line)
        yield LineTooLong(size)


def _number_checker(kind: type[int] | type[float]) -> Any:
    def parse(text: str) -> int | float:
        limit = limits.current().number_digits
        # Counted only when it could matter: never more digits than characters.
        digits = sum(c.isdigit() for c in text) if len(text) > limit else 0
        if digits > limit:
            raise ValueError(
                f"a number of {digits:,} digits, over the limit of {limit} (--limit number_digits=…)"
            )
        value = kind(text)
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"the number {text[:20]} is out of range")
        return value

    return parse


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a record may hold")


_parse_int = _number_checker(int)
_parse_float = _number_checker(float)
# One decoder for every line (json.loads with hooks would build one per call).
_DECODER = json.JSONDecoder(
    parse_int=_parse_int, parse_float=_parse_float, parse_constant=_no_constant
)


def load_json(text: str) -> Any:
    """JSON with bounded numbers and nesting; ValueError (not JSONDecodeError) says why."""
    try:
        if text.startswith("\ufeff"):  # as json.loads says it
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        value = _DECODER.decode(text)
    except RecursionError:
        value = None
        _too_deep()
    depth = limits.current().json_depth
    # No deeper than the brackets it opens: most records need no walk.
    if text.count("[") + text.count("{") > depth and _deeper_than(value, depth):
        _too_deep()
    return value


def _too_deep() -> None:
    depth = limits.current().json_depth
    raise ValueError(f"JSON nested more than {depth} deep (--limit json_depth=…)")


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether `value` nests lists or objects more than `limit` deep (iterative)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def strings_need_checking(text: str) -> bool:
    """Whether a string parsed from `text` (JSON, or CSV cells) could break `check_strings`.

    A parsed string is never longer than the text it came from, and only a NUL
    or a \\u escape puts a NUL or a lone surrogate into it (the text itself was
    decoded as UTF-8), so most records need no walk over their strings.
    """
    return len(text) > limits.current().field_chars or "\\u" in text or "\x00" in text


def check_strings(value: Any, where: str = "") -> None:
    """Every string of a parsed record (keys too): not too long, no lone surrogate, no NUL."""
    limit = limits.current().field_chars
    stack: list[tuple[Any, str]] = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            _check_string(item, path or "a value", limit)
        elif isinstance(item, dict):
            for key, child in item.items():
                named = f"{path}.{key}" if path else str(key)
                _check_string(str(key), f"a field name in {path or 'the record'}", limit)
                stack.append((child, named[:80]))
        elif isinstance(item, list):
            stack.extend((child, f"{path}[{n}]") for n, child in enumerate(item, 1))


def _check_string(text: str, path: str, limit: int) -> None:
    if len(text) > limit:
        raise ValueError(
            f"{path} is {len(text):,} characters, over the limit of {limit:,}"
            " (--limit field_chars=…)"
        )
    column = lone_surrogate(text)
    if column is not None:
        raise ValueError(f"{path} is not valid Unicode (a lone surrogate at character {column})")
    if "\x00" in text:
        raise ValueError(f"{path} holds a NUL character (at character {text.index(chr(0)) + 1})")
