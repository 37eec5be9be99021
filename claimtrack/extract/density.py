"""How many numbers the extractor reads: a bound on its work that prose never reaches.

The quantity and date readers look back, ahead and around every figure they
try, which costs tens of microseconds a figure: a megabyte of "1-1-1-…" or
"1 1 1 …" held an import for a minute. Two bounds keep any input near the speed
of prose, and no article reaches either (the labelled cases, the unseen set,
the check-worthiness sets and the benchmark corpus read the same without them):

- a sentence holding more than MAX_NUMBERS numbers (digit runs and number
  words) is a table, a dump or an attack, not a claim a reviewer can check: its
  numbers are not read. The densest labelled sentence holds 21.
- each reader (quantities, dates) of a document has a `ReadingBudget`: it
  tries FREE_READINGS figures (a digit, a number word, a month, "today"…)
  plus one per CHARS_PER_READING characters up to the end of the sentence at
  hand. Past it the rest of the sentence is not read, nor are the sentences
  after it until the text has caught up. The densest of the labelled news
  articles holds 54 numbers in 1,800 characters.

So a reader tries at most FREE_READINGS + length / CHARS_PER_READING figures in
a document, whatever it holds.
"""

from __future__ import annotations

import re
from itertools import islice

from claimtrack.extract.numbers import NUMBER_WORDS, VAGUE_PLURALS
from claimtrack.extract.patterns import word_trie

__all__ = [
    "CHARS_PER_READING",
    "FREE_READINGS",
    "MAX_NUMBERS",
    "ReadingBudget",
    "too_many_numbers",
]

MAX_NUMBERS = 100  # numbers a prose sentence may hold
FREE_READINGS = 2000  # figures a reader may try in any document, however short
CHARS_PER_READING = 200  # past those, one more for each this many characters

# Searched in lower-cased text: three times faster than IGNORECASE. A number word
# starts after a non-letter (the look-behind fails fast inside words).
_NUMBER = re.compile(
    rf"\d+|(?<![a-z])(?:{word_trie(NUMBER_WORDS | set(VAGUE_PLURALS) | {'half'})})\b"
)


def too_many_numbers(text: str) -> bool:
    """Whether `text` holds more than MAX_NUMBERS numbers (the scan stops at the first past it)."""
    if len(text) <= 2 * MAX_NUMBERS:  # every number but the last needs a character after it
        return False
    numbers = _NUMBER.finditer(text.lower())
    return next(islice(numbers, MAX_NUMBERS, None), None) is not None


class ReadingBudget:
    """The figures one reader may still try in a document, sentence by sentence in order.

    Before each sentence the caller asks `opens(end)`; the reader then tries at
    most `left` figures of it and reports how many it tried with `spend`.
    """

    __slots__ = ("left", "tried")

    def __init__(self) -> None:
        self.tried = 0
        self.left = FREE_READINGS

    def opens(self, end: int) -> bool:
        """Whether a sentence ending at document offset `end` may be read; sets `left`."""
        self.left = FREE_READINGS + end // CHARS_PER_READING - self.tried
        return self.left > 0

    def spend(self, tried: int) -> None:
        """Count the figures a reader tried in a sentence."""
        self.tried += tried
        self.left -= tried
