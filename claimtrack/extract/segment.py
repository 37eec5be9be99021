"""Split article text into sentences, headings and bullets with document offsets.

The splitter works line by line, then inside each logical paragraph looks for
sentence-final punctuation followed by whitespace. Every regex here is a flat
character-class scan, so the cost stays linear on adversarial input.

Rules, in order of precedence:

- YAML front matter (a first line of ``---`` up to the next ``---``) is skipped.
- A line starting ``- ``, ``* ``, ``• `` or ``1. `` / ``1) `` is a bullet; the
  marker is not part of the sentence text.
- A line that does not end in terminal punctuation continues on the next line
  (hard-wrapped text) when that line starts in lower case, or when the line
  itself cannot be a heading (too long, or ending on "and", "of", "the"…).
- A short logical paragraph (≤ 12 words, or a title-cased line of ≤ 25 words,
  or a first line of ≤ 30 words) without terminal punctuation is a heading and
  is never merged with its neighbours. A short line ending in ":" ("Key
  points:") is a lead-in and counts as a heading too.
- A period ends a sentence unless it belongs to an abbreviation (``Dr.``,
  ``No. 5``, ``Jan. 3``, ``e.g.``), an initial (``J. R. R.``), or the next word
  starts in lower case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimtrack.extract.boilerplate import ends_with_photo_credit
from claimtrack.extract.types import Sentence

__all__ = ["document_title", "split_sentences"]

_BULLET = re.compile(r"[ \t]*(?:[-*•▪◦‣–—]|\d{1,2}[.)])[ \t]+(?=\S)")
_MD_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]+(?=\S)")
# A candidate boundary: terminal punctuation, optional closing quotes/brackets
# (group 1), then the whitespace up to the next sentence's first character.
# No nested quantifiers, so the scan is linear. Every branch starts with its
# own literal so `re` skips to the next of those four characters in C instead
# of trying a match at every position; the branches are `[.!?]+|…` spelled out.
_BOUNDARY = re.compile(r"((?:\.[.!?]*|![.!?]*|\?[.!?]*|…)[\"'”’»)\]]*)\s+")
_WORD = re.compile(r"\S+")
# What ends the word before a period: whitespace or an opening quote or bracket.
_WORD_BEFORE_DELIMITER = re.compile(r"[\s(\"“‘']")
_TERMINAL = tuple(".!?…;")
_CLOSERS = "\"'”’»)]"

# Never end a sentence: a title or a name-like word always follows.
_TITLES = frozenset(
    ["mr", "mrs", "ms", "mx", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
     "maj", "rev", "hon", "pres", "supt", "insp", "gov", "sen", "rep", "st", "mt", "ft", "messrs",
     "brig", "cpl", "pvt"]
)  # fmt: skip
# End a sentence only when no digit follows ("No. 5", "Jan. 3", "p. 12").
_BEFORE_NUMBER = frozenset(
    ["no", "nos", "nr", "art", "fig", "figs", "vol", "vols", "p", "pp", "ch", "sec", "para", "op",
     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)  # fmt: skip
# Mid-sentence abbreviations that never end a sentence by themselves.
_NEVER_FINAL = frozenset(["e.g", "i.e", "vs", "cf", "approx", "ca", "viz", "al"])
# After a dotted acronym ("U.S.") a new sentence starts only with one of these.
_SENTENCE_STARTERS = frozenset(
    ["the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "this", "that", "these",
     "those", "there", "but", "and", "so", "yet", "in", "on", "at", "for", "as", "after", "before",
     "when", "while", "if", "however", "meanwhile", "his", "her", "their", "our", "some", "many",
     "most", "officials", "then", "now", "still"]
)  # fmt: skip

# A heading does not end on a word that needs a continuation.
_DANGLING = frozenset(
    ["a", "an", "the", "of", "to", "and", "or", "but", "in", "on", "for", "with", "at", "from",
     "by"]
)  # fmt: skip
_MAX_HEADING_WORDS = 12
_MAX_TITLECASE_HEADING_WORDS = 25
_MAX_TITLE_WORDS = 30


@dataclass(frozen=True, slots=True)
class _Block:
    """A logical paragraph: one line, or several hard-wrapped lines."""

    start: int
    end: int
    is_bullet: bool
    is_heading: bool


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences, headings and bullets with absolute offsets."""
    sentences: list[Sentence] = []
    for paragraph, block in enumerate(_blocks(text)):
        if block.is_heading:
            sentences.append(
                Sentence(
                    text[block.start : block.end], block.start, block.end, True, False, paragraph
                )
            )
            continue
        for start, end in _sentence_spans(text, block.start, block.end):
            sentences.append(
                Sentence(text[start:end], start, end, False, block.is_bullet, paragraph)
            )
    return sentences


def document_title(text: str) -> str | None:
    """The article's title: front-matter `title:`, else its first line if it is short."""
    body_start, front_title = _front_matter(text)
    if front_title:
        return front_title
    for line_start, line_end in _lines(text, body_start):
        start, end = _strip(text, line_start, line_end)
        if start == end:
            continue
        heading = _MD_HEADING.match(text, start, end)
        if heading:
            start = heading.end()
        line = text[start:end]
        return line if len(line.split()) <= _MAX_TITLE_WORDS else None
    return None


def _front_matter(text: str) -> tuple[int, str | None]:
    """Where the body starts after YAML front matter, and the front matter's title."""
    if not text.startswith("---"):
        return 0, None
    first = text.find("\n")
    if first < 0 or text[:first].strip() != "---":
        return 0, None
    title: str | None = None
    position = first + 1
    while position < len(text):
        newline = text.find("\n", position)
        line_end = len(text) if newline < 0 else newline
        line = text[position:line_end].strip()
        if line in ("---", "..."):
            return line_end + 1 if newline >= 0 else line_end, title
        if line.lower().startswith("title:") and title is None:
            title = line[6:].strip().strip("\"'") or None
        position = line_end + 1
    return 0, None  # an unterminated block is not front matter


def _lines(text: str, start: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line from `start`, without the newline."""
    position = start
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        if newline < 0:
            yield position, length
            return
        yield position, newline
        position = newline + 1


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _blocks(text: str) -> Iterator[_Block]:
    """Logical paragraphs: bullets, headings and (possibly hard-wrapped) prose."""
    body_start, _ = _front_matter(text)
    pending: tuple[int, int] | None = None  # prose waiting for a continuation
    is_first = True
    for raw_start, raw_end in _lines(text, body_start):
        start, end = _strip(text, raw_start, raw_end)
        if start == end:
            if pending:
                yield _prose_block(text, *pending, is_first)
                is_first = False
                pending = None
            continue
        bullet = _BULLET.match(text, start, end)
        if pending and not bullet and _continues(text, pending, start, is_first):
            pending = (pending[0], end)  # hard-wrapped continuation
            if text[end - 1] in _TERMINAL or text[end - 1] in _CLOSERS:
                yield _prose_block(text, *pending, is_first)
                is_first = False
                pending = None
            continue
        if pending:
            yield _prose_block(text, *pending, is_first)
            is_first = False
            pending = None
        if bullet:
            yield _Block(bullet.end(), end, True, False)
            is_first = False
            continue
        heading = _MD_HEADING.match(text, start, end)
        if heading:
            yield _Block(heading.end(), end, False, True)
            is_first = False
            continue
        if text[end - 1] in _TERMINAL or text[end - 1] in _CLOSERS:
            yield _prose_block(text, start, end, is_first)
            is_first = False
        else:
            pending = (start, end)
    if pending:
        yield _prose_block(text, *pending, is_first)


def _continues(text: str, pending: tuple[int, int], start: int, is_first: bool) -> bool:
    """Whether the line at `start` continues the unfinished prose line `pending`.

    A lower-case start always continues; otherwise only a line too long to be
    a heading runs on ("…announced by President" / "Volodymyr Zelensky…"),
    unless it ends on a photo credit: a caption is complete without a full stop.
    """
    if text[start].islower():
        return True
    line = text[pending[0] : pending[1]]
    return not _looks_like_heading(line, is_first) and not ends_with_photo_credit(line)


def _prose_block(text: str, start: int, end: int, is_first: bool) -> _Block:
    """A non-bullet paragraph, marked as a heading when it reads like one."""
    return _Block(start, end, False, _looks_like_heading(text[start:end], is_first))


def _looks_like_heading(line: str, is_first: bool) -> bool:
    """Short and without closing punctuation: a headline or section heading."""
    stripped = line.rstrip(_CLOSERS)
    if not stripped or stripped[-1] in _TERMINAL or "\n" in line:
        return False  # a line ending in ":" ("Key points:") is a lead-in, read as a heading
    words = line.split()
    if words[-1] in _DANGLING:
        return False  # "…offices in Berlin and" is prose cut by a line wrap
    if len(words) <= _MAX_HEADING_WORDS:
        return True
    if is_first and len(words) <= _MAX_TITLE_WORDS:
        return True
    capitalised = sum(1 for word in words if word[0].isupper() or not word[0].isalpha())
    return len(words) <= _MAX_TITLECASE_HEADING_WORDS and capitalised >= 0.6 * len(words)


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence inside the paragraph text[start:end].

    A paragraph is stripped and a boundary ends on punctuation and takes the
    whitespace after it, so every span is already stripped and non-empty.
    """
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        punct_end = match.end(1)
        if _ends_sentence(text, match.start(), punct_end, end):
            yield sentence_start, punct_end
            sentence_start = match.end()
    yield sentence_start, end


def _ends_sentence(text: str, punct_start: int, punct_end: int, limit: int) -> bool:
    """Whether the punctuation at text[punct_start:punct_end] closes a sentence."""
    following = _next_word(text, punct_end, limit)
    if not following:
        return True
    first = following[0]
    if first.islower():
        return False  # "the U.S. economy", "etc. and", "... and then"
    if text[punct_start] != "." or text.startswith("...", punct_start):
        return True
    word = _word_before(text, punct_start)
    key = word.lower()
    if key in _TITLES or key in _NEVER_FINAL:
        return False
    if key in _BEFORE_NUMBER:
        return not first.isdigit()
    if len(word) == 1 and word.isalpha() and word.isupper():
        # An initial ("J. R. R. Tolkien") unless a sentence plainly starts next ("Plan B. The…").
        return following.strip(_CLOSERS + "“‘«(").lower() in _SENTENCE_STARTERS
    if "." in word and all(part.isalpha() and len(part) <= 2 for part in word.split(".")):
        # A dotted acronym ("U.S.", "a.m."): a new sentence only if a common
        # sentence opener follows, else "U.S. President" stays together.
        return following.strip(_CLOSERS + "“‘«(").lower() in _SENTENCE_STARTERS
    return True


def _word_before(text: str, position: int) -> str:
    """The run of non-space characters ending at `position`, capped for linearity."""
    # One C split of the last 24 characters rather than a Python step per character.
    return _WORD_BEFORE_DELIMITER.split(text[max(0, position - 24) : position])[-1]


def _next_word(text: str, position: int, limit: int) -> str:
    """The next whitespace-delimited word after `position`, before `limit`."""
    match = _WORD.search(text, position, min(limit, position + 200))
    if not match:
        return ""
    word = match.group()
    # An opening quote or bracket before the word does not hide its case.
    return word.lstrip("\"'“‘«([") or word
