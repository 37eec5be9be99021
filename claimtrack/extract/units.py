"""Units of measure and currency codes, read from the committed `units.json`.

The table is built from pint's and pycountry's registries by
`scripts/build_units.py`; at run time only this module reads it, once, on the
first lookup (plain `json`, no pint or pycountry import).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "UnitEntry",
    "currency_codes",
    "lookup",
    "lookup_name",
    "lookup_symbol",
    "to_si",
    "unit_starts",
]

_PATH = Path(__file__).with_name("units.json")


class UnitEntry(NamedTuple):
    """A unit of measure: its spelling as a unit label, what it measures, how it converts.

    `unit` is the spelling to report: a name singularised ("kilometres" →
    "kilometre"), a symbol as written ("km"). A value in the unit is
    `value * factor + offset` in the SI base unit of `dimension`.
    """

    unit: str
    dimension: str
    factor: float
    offset: float


class _Table(NamedTuple):
    names: dict[str, UnitEntry]  # lower-cased spellings
    symbols: dict[str, UnitEntry]  # case-sensitive: "MW" is not "mW"
    currencies: frozenset[str]
    starts: frozenset[str]  # the first word of every spelling, lower-cased


@cache
def _table() -> _Table:
    """The parsed JSON, built once per process."""
    data = json.loads(_PATH.read_text(encoding="utf-8"))
    names = {key: UnitEntry(*value) for key, value in data["names"].items()}
    symbols = {key: UnitEntry(*value) for key, value in data["symbols"].items()}
    starts = frozenset(key.split(" ")[0].lower() for key in [*names, *symbols])
    return _Table(names, symbols, frozenset(data["currencies"]), starts)


def lookup_symbol(text: str) -> UnitEntry | None:
    """The unit whose symbol is `text` exactly ("km", "TeV", "sq ft"), or None."""
    return _table().symbols.get(text)


def lookup_name(text: str) -> UnitEntry | None:
    """The unit named `text` in any case ("Metres", "square feet"), or None."""
    return _table().names.get(text.lower())


def lookup(text: str) -> UnitEntry | None:
    """The unit `text` spells, as a symbol first (case matters), then as a name."""
    table = _table()
    return table.symbols.get(text) or table.names.get(text.lower())


def unit_starts() -> frozenset[str]:
    """The lower-cased first word of every unit spelling: a set test before any lookup."""
    return _table().starts


def currency_codes() -> frozenset[str]:
    """The ISO 4217 codes of current currencies (without X-codes and English words)."""
    return _table().currencies


def to_si(value: float | None, entry: UnitEntry) -> float | None:
    """`value` in the SI base unit of the entry's dimension (None stays None)."""
    if value is None:
        return None
    return value * entry.factor + entry.offset
