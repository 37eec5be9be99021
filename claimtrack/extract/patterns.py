"""Regex building blocks shared by the extractors.

Python's `re` tries the branches of an alternation one after another at every
position; a word list written as a prefix trie tries one branch per character
instead, so a scan over many cue words costs about as much as a scan for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["word_trie"]


def word_trie(words: Iterable[str]) -> str:
    """A regex matching exactly `words`, factored by prefix; a space matches any whitespace run."""
    return _trie(set(words)).replace("\\ ", r"\s+")


def _trie(words: set[str]) -> str:
    """The prefix-factored alternation of `words` (literal characters, escaped)."""
    branches: dict[str, set[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], set()).add(word[1:])
    alternatives = [re.escape(head) + _trie(tails) for head, tails in sorted(branches.items())]
    if not alternatives:
        return ""
    if len(alternatives) == 1 and "" not in words:
        return alternatives[0]
    single = len(alternatives) == 1 and len(alternatives[0]) == 1
    group = alternatives[0] if single else "(?:" + "|".join(alternatives) + ")"
    return group + "?" if "" in words else group
