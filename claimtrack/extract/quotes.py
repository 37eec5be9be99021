"""A quotation standing alone takes its speaker from the sentence next to it.

News writes quotations that name nobody in their own sentence:

    Kowal said: “We will not retreat. We will fight for every metre.”
    “We will not retreat.” That was the message from Defence Minister Anna Kowal.
    “We will fight,” Kowal said. “We will win.”

A sentence that is wholly a direct quotation, with no speaker of its own, gets
(in this order) the speaker of the sentence before it when that one introduces
it (ends on a colon, or leaves the quotation open); else the speaker of the
next sentence when that one only attributes ("Kowal said.", "That was the
message from X") or closes the quotation this one opened; else the speaker of
the sentence before it in the same paragraph when that one was a quotation too
(the same speaker continuing). Anything else stays unattributed.

The speaker keeps its name, role and kind; its `start`/`end` are None, since the
mention lies in another sentence than the claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimtrack.extract.speakers import attributes_alone
from claimtrack.extract.types import Sentence, Speaker

__all__ = ["attribute_quotes"]

_ANY_QUOTE = re.compile(r"[“”\"«»„‘]")
_OPENERS = ("“", '"', "«", "„", "‘")
# The first closing mark inside a quotation; a ’ closes only after punctuation
# (elsewhere it is an apostrophe: "Ukraine’s").
_CLOSING = re.compile(r"[”»\"]|(?<=[.,!?…])’")


@dataclass(frozen=True, slots=True)
class _Quoting:
    """How a sentence stands to quotation marks."""

    whole: bool  # the sentence is nothing but (part of) a quotation
    leaves_open: bool  # a quotation runs on into the next sentence
    has_quote: bool


_PLAIN = _Quoting(whole=False, leaves_open=False, has_quote=False)


def attribute_quotes(
    sentences: Sequence[Sentence], speakers: Sequence[Speaker | None]
) -> list[Speaker | None]:
    """`speakers` with each unattributed whole quotation given its neighbour's speaker."""
    quoting = _quoting(sentences)
    result = list(speakers)
    for index, state in enumerate(quoting):
        if state.whole and result[index] is None and not sentences[index].is_heading:
            found = _neighbour(sentences, quoting, result, index)
            if found is not None:
                result[index] = Speaker(found.name, found.role, None, None, found.kind)
    return result


def _quoting(sentences: Sequence[Sentence]) -> list[_Quoting]:
    """Each sentence's quotation state, carrying an open quotation from one to the next."""
    states: list[_Quoting] = []
    open_before = False
    for sentence in sentences:
        text = sentence.text.strip()
        if sentence.is_heading or not text:
            open_before = False
            states.append(_PLAIN)
            continue
        if not open_before and not _ANY_QUOTE.search(text):
            states.append(_PLAIN)  # the common case: one scan, no quotation
            continue
        state = _Quoting(_is_whole(text, open_before), _leaves_open(text, open_before), True)
        states.append(state)
        open_before = state.leaves_open
    return states


def _is_whole(text: str, open_before: bool) -> bool:
    """Whether the text is only quotation: it opens (or continues) one and closes at its end."""
    if open_before:
        body = text
    elif text.startswith(_OPENERS):
        body = text[1:]
    else:
        return False
    closing = _CLOSING.search(body)
    return closing is None or closing.end() == len(body)


def _leaves_open(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the text."""
    straight = text.count('"')
    curly = text.count("“") + text.count("«") + text.count("„")
    curly -= text.count("”") + text.count("»")
    if text.startswith("‘") and not _CLOSING.search(text, 1):
        curly += 1
    if straight % 2:
        return not open_before
    if curly:
        return curly > 0
    return open_before


def _neighbour(
    sentences: Sequence[Sentence],
    quoting: Sequence[_Quoting],
    speakers: Sequence[Speaker | None],
    index: int,
) -> Speaker | None:
    """The speaker of the sentence that introduces, attributes or continues quotation `index`."""
    previous = speakers[index - 1] if index > 0 else None
    if previous is not None and (
        quoting[index - 1].leaves_open or sentences[index - 1].text.rstrip().endswith(":")
    ):
        return previous  # Kowal said: “… / Kowal was blunt:
    following = index + 1
    if following < len(sentences) and speakers[following] is not None:
        closes = quoting[index].leaves_open and not quoting[following].whole
        if closes or attributes_alone(sentences[following].text):
            return speakers[following]  # “…” Kowal said. / “… ”… Kowal said.
    same_paragraph = index > 0 and sentences[index - 1].paragraph == sentences[index].paragraph
    if previous is not None and same_paragraph and quoting[index - 1].has_quote:
        return previous  # “…,” Kowal said. “…”
    return None
