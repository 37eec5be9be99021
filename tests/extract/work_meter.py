"""A deterministic measure of how much work an extractor does, for linearity tests.

Wall time on a shared CI machine says little: a test that asserts seconds
fails when the machine is busy and passes a quadratic loop when it is idle.
`work(call)` instead counts what the call does, the same on every run:

- lines: every line of Python executed in the claimtrack package (`sys.settrace`);
- scanned: every character a compiled regex of claimtrack.extract had to
  advance over: the window of a `finditer`, `findall`, `split` or `sub`; the
  stretch from the start position to the end of the match (or of the window
  when there is none) for a `search`; the matched length, or one step, for a
  `match` or `fullmatch`;
- returned: the length of every distinct string, list or tuple a claimtrack
  function returns (or yields), which is where C work on long strings shows:
  a helper that slices "the text before this date" without a bound copies
  more of the text for every date.

All three are lower bounds on the real cost, so one that grows faster than the
input is a real sign of superlinear work. What they cannot see is C work whose
result is never returned: regex backtracking inside one match attempt, or
`find`, `count`, `in` and slices used inside one function on long strings.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import claimtrack
import claimtrack.extract

_PACKAGE = str(Path(claimtrack.__file__).parent) + os.sep
_MAX = sys.maxsize


class _Meter:
    def __init__(self) -> None:
        self.lines = 0
        self.scanned = 0
        # each sequence returned, by identity (held, so no id is reused): a value handed
        # back again, as a cache does, costs nothing new and is counted once
        self.returned: dict[int, str | list[Any] | tuple[Any, ...]] = {}

    def trace(self, frame: FrameType, event: str, _arg: Any) -> Any:
        """The global tracer: follow only frames running claimtrack code."""
        if frame.f_code.co_filename.startswith(_PACKAGE):
            return self.line
        return None

    def line(self, _frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            self.lines += 1
        elif event == "return" and isinstance(arg, str | list | tuple):
            self.returned.setdefault(id(arg), arg)
        return self.line


def _window(string: Any, pos: int, endpos: int) -> tuple[int, int]:
    """The (start, end) a regex call really looks at, clamped like `re` clamps them."""
    length = len(string)
    start = min(max(pos, 0), length)
    return start, max(start, min(endpos, length))


class _CountingPattern:
    """A compiled pattern that adds the characters each call advances over to a meter."""

    def __init__(self, pattern: re.Pattern[str], meter: _Meter) -> None:
        self._pattern = pattern
        self._meter = meter

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def search(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match[str] | None:
        start, end = _window(string, pos, endpos)
        found = self._pattern.search(string, pos, endpos)
        self._meter.scanned += (found.end() if found else end) - start
        return found

    def match(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match[str] | None:
        found = self._pattern.match(string, pos, endpos)
        self._meter.scanned += max(found.end() - found.start(), 1) if found else 1
        return found

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _MAX) -> re.Match[str] | None:
        found = self._pattern.fullmatch(string, pos, endpos)
        self._meter.scanned += max(found.end() - found.start(), 1) if found else 1
        return found

    def finditer(self, string: str, pos: int = 0, endpos: int = _MAX) -> Iterator[re.Match[str]]:
        start, end = _window(string, pos, endpos)
        reached = start
        for found in self._pattern.finditer(string, pos, endpos):
            self._meter.scanned += found.end() - reached
            reached = found.end()
            yield found
        self._meter.scanned += end - reached

    def findall(self, string: str, pos: int = 0, endpos: int = _MAX) -> list[Any]:
        start, end = _window(string, pos, endpos)
        self._meter.scanned += end - start
        return self._pattern.findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        self._meter.scanned += len(string)
        return self._pattern.split(string, maxsplit)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        self._meter.scanned += len(string)
        return self._pattern.sub(repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        self._meter.scanned += len(string)
        return self._pattern.subn(repl, string, count)


def _extract_modules() -> list[ModuleType]:
    package = claimtrack.extract
    names = [info.name for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}.")]
    return [package, *(importlib.import_module(name) for name in names)]


@contextmanager
def _counting_patterns(meter: _Meter) -> Iterator[None]:
    """Swap every module-level compiled regex of claimtrack.extract for a counting one.

    Patterns kept elsewhere (in a dict, a class, a default argument) stay uncounted.
    """
    swapped: list[tuple[ModuleType, str, re.Pattern[str]]] = []
    try:
        for module in _extract_modules():
            for name, value in list(vars(module).items()):
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    swapped.append((module, name, value))
                    setattr(module, name, _CountingPattern(value, meter))
        yield
    finally:
        for module, name, value in swapped:
            setattr(module, name, value)


def work(call: Callable[[], object]) -> dict[str, int]:
    """Python lines run in claimtrack, characters its regexes advanced over and the
    length of the sequences its functions returned, for `call()`."""
    meter = _Meter()
    previous = sys.gettrace()
    with _counting_patterns(meter):
        sys.settrace(meter.trace)
        try:
            call()
        finally:
            sys.settrace(previous)
    returned = sum(len(value) for value in meter.returned.values())
    return {"lines": meter.lines, "scanned": meter.scanned, "returned": returned}


def growth(run: Callable[[int], object], size: int, factor: int = 4) -> dict[str, float]:
    """How many times more work of each kind `run(factor * size)` does than `run(size)`.

    Linear work grows about `factor` times, quadratic work `factor**2` times. Each
    count gets one unit per input character added, so a count that is small beside
    the input (a fixed handful of lines) reads as linear rather than as a ratio of
    two small numbers. At factor 4 and a bound of 6, a quadratic part goes unseen
    only while it is under a fifth of (the rest of its count + `size`) at `size`.
    A warm-up run first fills any cache, so the two measured runs start alike.
    """
    run(size // 10 or 1)
    small = work(lambda: run(size))
    large = work(lambda: run(factor * size))
    return {kind: round((large[kind] + factor * size) / (small[kind] + size), 2) for kind in small}
