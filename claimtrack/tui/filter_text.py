"""The filter bar's language: `status=new kind=quantity tag=drones overdue`."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from claimtrack.reads import ClaimFilter

FIELDS = ("status", "verdict", "kind", "assignee", "tag", "document")


def parse_filter(text: str, current: ClaimFilter, today: dt.date) -> ClaimFilter:
    """A filter from `name=value` words (and `overdue`); keeps the current search text.

    Raises ValueError naming the word it cannot read.
    """
    where = ClaimFilter(search=current.search)
    for word in text.split():
        if word.lower() == "overdue":
            where = replace(where, overdue_on=today)
            continue
        name, sep, value = word.partition("=")
        name = name.lower()
        if not sep or name not in FIELDS or not value:
            raise ValueError(
                f"cannot read {word!r}: use {', '.join(f + '=…' for f in FIELDS)} or overdue"
            )
        if name == "document":
            if not value.isdigit():
                raise ValueError(f"document must be a document id, not {value!r}")
            where = replace(where, document=int(value))
        else:
            where = _with_text(where, name, value.replace(" ", "_"))
    return where


def _with_text(where: ClaimFilter, name: str, value: str) -> ClaimFilter:
    """`where` with its text field `name` (one of FIELDS but document) set to `value`."""
    match name:
        case "status":
            return replace(where, status=value)
        case "verdict":
            return replace(where, verdict=value)
        case "kind":
            return replace(where, kind=value)
        case "assignee":
            return replace(where, assignee=value)
        case "tag":
            return replace(where, tag=value)
    raise ValueError(f"{name!r} is not a text field of the filter")


def filter_text(where: ClaimFilter) -> str:
    """The words `parse_filter` reads back to this filter (without the search)."""
    words = [f"{name}={getattr(where, name)}" for name in FIELDS if getattr(where, name)]
    if where.overdue_on:
        words.append("overdue")
    return " ".join(words)
