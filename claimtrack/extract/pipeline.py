"""From article text to claims: split, extract structure, score, classify.

`extract_claims` walks the sentences in document order, carrying one
`SpeakerContext` so a later "Zelensky" or "He" resolves to the full name seen
earlier. Every span it returns (claim, quantity, date, speaker) is an offset
into the original `text`, so `text[start:end]` is the reported surface.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata

from claimtrack.extract.dates import find_dates
from claimtrack.extract.quantities import find_quantities
from claimtrack.extract.score import DEFAULT_THRESHOLD, classify_kind, score_sentence
from claimtrack.extract.segment import split_sentences
from claimtrack.extract.speakers import SpeakerContext, find_speaker
from claimtrack.extract.types import ExtractedClaim, Quantity, Sentence

__all__ = ["extract_claims", "normalise_claim_text"]


def extract_claims(
    text: str,
    published: dt.date | None = None,
    *,
    include_all: bool = False,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[ExtractedClaim]:
    """The check-worthy claims of an article in document order (every sentence with `include_all`).

    Headings are never claims; with `include_all` they come back with
    `is_heading=True` and score 0 so a caller can still show them.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    context = SpeakerContext()
    claims: list[ExtractedClaim] = []
    for sentence in split_sentences(text):
        claim = _analyse(sentence, published, context)
        if include_all or (not claim.is_heading and claim.score >= threshold):
            claims.append(claim)
    return claims


def _analyse(
    sentence: Sentence, published: dt.date | None, context: SpeakerContext
) -> ExtractedClaim:
    """One sentence's structure, score and kind, with document offsets."""
    quantities = tuple(_shift(q, sentence.start) for q in find_quantities(sentence.text))
    dates = tuple(find_dates(sentence.text, published, offset=sentence.start))
    # A heading names a topic, not who said it; keep it out of the speaker context.
    speaker = (
        None
        if sentence.is_heading
        else find_speaker(sentence.text, offset=sentence.start, context=context)
    )
    score, features = score_sentence(
        sentence.text,
        quantities=quantities,
        dates=dates,
        speaker=speaker,
        is_heading=sentence.is_heading,
    )
    kind = classify_kind(
        sentence.text, quantities=quantities, dates=dates, speaker=speaker, features=features
    )
    return ExtractedClaim(
        text=sentence.text,
        start=sentence.start,
        end=sentence.end,
        kind=kind,
        score=score,
        speaker=speaker,
        quantities=quantities,
        dates=dates,
        features=features,
        is_heading=sentence.is_heading,
    )


def _shift(quantity: Quantity, offset: int) -> Quantity:
    """The quantity with its span moved from sentence to document offsets."""
    return dataclasses.replace(quantity, start=quantity.start + offset, end=quantity.end + offset)


_QUOTES = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
    }
)
_SPACE = re.compile(r"\s+")
_TRAILING = ".,;:!?…'\" -"


def normalise_claim_text(text: str) -> str:
    """A matching key for a claim: lower-case, plain quotes and dashes, single spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    collapsed = _SPACE.sub(" ", folded).strip()
    return collapsed.rstrip(_TRAILING).lstrip(" ")
