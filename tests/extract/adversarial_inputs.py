"""Adversarial texts for the extractor, one builder per shape: `build(n)` gives about n characters.

Shared by the step-counting tests (test_adversarial_work.py), the timing in
benchmarks/extract_speed.py and the hostile corpus (tests/hostile/generate.py,
which reads the `ADVERSARIAL` literal: the runs without a sentence end, which
the importer refuses whole), so all read the same set. Each shape is one a
pasted page or an attacker can send: runs of figures with every separator the
quantity and date readers look at, words that anchor a reading, names and
speech verbs for the speaker finder, and the same runs broken into sentences,
every 10,000 characters (under the import's sentence limit) and every few
hundred (under the extractor's per-sentence bound on numbers), and words the
date and quantity readers stop at (months, "today", "½").
"""

from __future__ import annotations

from collections.abc import Callable


def _lines(body: str, every: int) -> Callable[[int], str]:
    """`body` repeated into lines of `every` characters, each closed by a full stop."""
    line = (body * (every // len(body) + 1))[: every - 2].rstrip(" ") + ".\n"
    return lambda n: (line * (n // len(line) + 1))[:n]


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "no punctuation (words)": lambda n: (
        "the two hundred drones and people between over about thousands of million " * (n // 70 + 1)
    )[:n],
    "digits only": lambda n: "7" * n,
    "1,1,1,…": lambda n: "1," * (n // 2),
    "1 1 1 …": lambda n: "1 " * (n // 2),
    "1-1-1-…": lambda n: "1-" * (n // 2),
    "111,111,…": lambda n: "111," * (n // 4),
    "1.1.1.…": lambda n: "1." * (n // 2),
    "$$$…": lambda n: "$" * n,
    "hundreds of hundreds of…": lambda n: "hundreds of " * (n // 12),
    "one letter": lambda n: "x" * n,
    "one line, no spaces, mixed": lambda n: ("600-800drones$2bn€3m%" * (n // 21 + 1))[:n],
    "capitalised run, no punctuation": lambda n: (
        "President Volodymyr Zelensky Minister Katherina Reiche Said " * (n // 60 + 1)
    )[:n],
    "said said said…": lambda n: ("Zelensky said " * (n // 14 + 1))[:n],
    "in May 3 2025 in May 3 2025…": lambda n: ("in May 3 2025 " * (n // 14 + 1))[:n],
}
# The same runs cut into sentences, which no limit of the importer refuses.
SENTENCES: dict[str, Callable[[int], str]] = {
    "1-1-1-…, a sentence every 10k": _lines("1-", 10_000),
    "1 1 1 …, a sentence every 10k": _lines("1 ", 10_000),
    "mixed, a sentence every 10k": _lines("600-800drones$2bn€3m%", 10_000),
    "in May 3 2025…, a sentence every 10k": _lines("in May 3 2025 ", 10_000),
    "1-1-1-…, a sentence every 200": _lines("1-", 200),
    "1 1 1 …, a sentence every 200": _lines("1 ", 200),
    "1.1.1.…, a sentence every 200": _lines("1.", 200),
    "mixed, a sentence every 200": _lines("600-800drones$2bn€3m%", 200),
    "years, a sentence every 500": _lines("2025 ", 500),
    "in May 3 2025…, a sentence every 200": _lines("in May 3 2025 ", 200),
    "months, a sentence every 10k": _lines("May ", 10_000),
    "today, a sentence every 10k": _lines("today ", 10_000),
    "vulgar fractions, a sentence every 10k": _lines("½", 10_000),
}
ALL_ADVERSARIAL = {**ADVERSARIAL, **SENTENCES}
