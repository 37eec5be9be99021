"""Checks that keep poison out of the database: control characters, lone
surrogates, over-long runs of text, YAML that expands without end.

Each check either cleans the input in a way that keeps it the same text
(line endings, invisible controls) or raises `ValueError` with the reason,
which the importer turns into its own one-line error.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from claimtrack import limits

# C0 controls other than tab and newline, DEL, and C1 controls: never text.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` without NUL and other controls, line endings as `\\n`.

    Applied to an article before anything else reads it, so the stored text
    is this text and every offset the extractor gives indexes it.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)  # only from \\ud800 escapes: not a character
    return _CONTROLS.sub("", text)


def clean_field(value: str) -> str:
    """A one-line metadata field (title, author): controls become spaces."""
    return " ".join(_CONTROLS.sub(" ", _SURROGATE.sub("\ufffd", value)).split())


def lone_surrogate(value: str) -> int | None:
    """The column (1-based) of the first lone surrogate in `value`, if any."""
    found = _SURROGATE.search(value)
    return found.start() + 1 if found else None


_RUN = re.compile(r"[^.!?\n]+")


def check_sentences(text: str) -> None:
    """Refuse text holding a run past `sentence_chars` without a sentence end or line break.

    No article has one; a megabyte of `1-1-1-…` or of unpunctuated words is
    one "sentence" the extractor would read as a whole, at length.
    """
    limit = limits.current().sentence_chars
    # Each run is matched once, greedily, so the check is linear in the text.
    found = next((run for run in _RUN.finditer(text) if run.end() - run.start() > limit), None)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise ValueError(
            f"line {line}: more than {limit:,} characters without a sentence end or line break"
            " (--limit sentence_chars=…)"
        )


def load_front_matter(header: str) -> Any:
    """YAML front matter through `safe_load`, with its size and aliases bounded first."""
    bounds = limits.current()
    size = len(header.encode("utf-8", errors="surrogatepass"))
    if size > bounds.front_matter_bytes:
        raise ValueError(
            f"front matter is {size:,} bytes, over the limit of {bounds.front_matter_bytes:,}"
            " (--limit front_matter_kb=…)"
        )
    aliases = 0
    for token in yaml.scan(header, Loader=yaml.SafeLoader):
        if isinstance(token, yaml.AliasToken):
            aliases += 1
            if aliases > bounds.yaml_aliases:
                line = token.start_mark.line + 2  # the header starts on the file's line 2
                raise ValueError(
                    f"line {line}: front matter uses more than {bounds.yaml_aliases} YAML"
                    " aliases (--limit yaml_aliases=…)"
                )
    return yaml.safe_load(header)
