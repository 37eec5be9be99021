"""Cut article text around a claim's sentence and split it into paragraphs. Pure: no I/O."""

from __future__ import annotations

from dataclasses import dataclass

REACH = 240  # characters of context either side of the sentence


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of article text and the spans in it to highlight (offsets into `text`)."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()
    heading: str | None = None
    current: tuple[int, int] | None = None  # the span the reader is on, drawn stronger
    cut_before: bool = False
    cut_after: bool = False


def locate(text: str, sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the sentence is: its stored offsets if they still slice it, else its first match."""
    if 0 <= start <= end <= len(text) and text[start:end] == sentence:
        return start, end
    found = text.find(sentence) if sentence else -1
    return (found, found + len(sentence)) if found >= 0 else None


def around(
    text: str,
    sentence: str,
    start: int,
    end: int,
    *,
    reach: int = REACH,
    heading: str | None = None,
) -> Passage:
    """The sentence inside the article text around it, cut at word boundaries."""
    place = locate(text, sentence, start, end)
    if place is None:
        # The offsets no longer fit the text: show the sentence on its own.
        return Passage(sentence, ((0, len(sentence)),), heading)
    start, end = place
    left = max(0, start - reach)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else start
    right = min(len(text), end + reach)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else end
    return Passage(
        text[left:right],
        ((start - left, end - left),),
        heading,
        cut_before=left > 0,
        cut_after=right < len(text),
    )


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each non-blank line of an article."""
    spans = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def clip(spans: list[tuple[int, int]], start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The parts of `spans` inside [start, end), relative to `start`."""
    return tuple(
        (max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start
    )
