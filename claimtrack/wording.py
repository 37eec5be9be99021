"""How counts read in status and summary lines: "1 document", "2 documents"."""

from __future__ import annotations


def count(number: int, noun: str, plural: str | None = None) -> str:
    """`number` and the noun, singular for one: count(1, "claim") == "1 claim"."""
    word = noun if number == 1 else (plural or noun + "s")
    return f"{number:,} {word}"
