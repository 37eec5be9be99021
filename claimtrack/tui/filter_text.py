"""The filter bar's language: `status=new kind=quantity tag=drones overdue`."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from claimtrack.queries import ClaimFilter

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
            where = replace(where, **{name: value.replace(" ", "_")})
    return where


def filter_text(where: ClaimFilter) -> str:
    """The words `parse_filter` reads back to this filter (without the search)."""
    words = [f"{name}={getattr(where, name)}" for name in FIELDS if getattr(where, name)]
    if where.overdue_on:
        words.append("overdue")
    return " ".join(words)
