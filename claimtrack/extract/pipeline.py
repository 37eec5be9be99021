"""From article text to claims: split, extract structure, score, classify.

`extract_claims` runs each stage over the sentences in document order; the
speaker stage carries one `SpeakerContext`, so a later "Zelensky" or "He"
resolves to the full name seen earlier. Every span it returns (claim,
quantity, date, speaker) is an offset into the original `text`, so
`text[start:end]` is the reported surface.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from claimtrack.extract.dates import find_dates
from claimtrack.extract.quantities import find_quantities
from claimtrack.extract.score import DEFAULT_THRESHOLD, classify_kind, score_sentence
from claimtrack.extract.segment import split_sentences
from claimtrack.extract.speakers import SpeakerContext, find_speaker
from claimtrack.extract.types import DateMention, ExtractedClaim, Quantity, Sentence, Speaker

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
    sentences = split_sentences(text)
    if not include_all:
        # Headings are never returned, and no stage reads one for another
        # sentence (the speaker context skips them), so none needs to see them.
        sentences = [sentence for sentence in sentences if not sentence.is_heading]
    # Each stage runs over all sentences before the next starts: one stage's
    # code and tables stay hot in the CPU caches (about 10% faster than
    # interleaving the stages sentence by sentence).
    quantities = [_quantities(sentence) for sentence in sentences]
    dates = [tuple(find_dates(s.text, published, offset=s.start)) for s in sentences]
    speakers = _speakers(sentences)
    cutoff = None if include_all else threshold
    claims: list[ExtractedClaim] = []
    for sentence, found, mentions, speaker in zip(
        sentences, quantities, dates, speakers, strict=True
    ):
        claim = _claim(sentence, found, mentions, speaker, cutoff)
        if claim is not None:
            claims.append(claim)
    return claims


def _quantities(sentence: Sentence) -> tuple[Quantity, ...]:
    """The sentence's quantities with document offsets."""
    found = find_quantities(sentence.text)
    offset = sentence.start
    if not found or not offset:
        return tuple(found)
    return tuple([_shift(quantity, offset) for quantity in found])


def _speakers(sentences: list[Sentence]) -> list[Speaker | None]:
    """Each sentence's speaker, in document order through one shared context."""
    context = SpeakerContext()
    # A heading names a topic, not who said it; keep it out of the speaker context.
    return [
        None
        if sentence.is_heading
        else find_speaker(sentence.text, offset=sentence.start, context=context)
        for sentence in sentences
    ]


def _claim(
    sentence: Sentence,
    quantities: tuple[Quantity, ...],
    dates: tuple[DateMention, ...],
    speaker: Speaker | None,
    cutoff: float | None = None,
) -> ExtractedClaim | None:
    """One sentence's structure, score and kind, with document offsets.

    None when the score is below `cutoff`: a claim nobody sees needs no kind.
    """
    score, features = score_sentence(
        sentence.text,
        quantities=quantities,
        dates=dates,
        speaker=speaker,
        is_heading=sentence.is_heading,
    )
    if cutoff is not None and score < cutoff:
        return None
    kind = classify_kind(
        sentence.text, quantities=quantities, dates=dates, speaker=speaker, features=features
    )
    # Positional: keyword arguments cost a quarter more to pass, per sentence.
    return ExtractedClaim(
        sentence.text,
        sentence.start,
        sentence.end,
        kind,
        score,
        speaker,
        quantities,
        dates,
        features,
        sentence.is_heading,
    )


def _shift(quantity: Quantity, offset: int) -> Quantity:
    """The quantity with its span moved from sentence to document offsets.

    Built directly, with positional arguments: `dataclasses.replace` costs
    three times as much, keyword arguments a quarter more, per quantity.
    """
    return Quantity(
        quantity.low,
        quantity.high,
        quantity.unit,
        quantity.per,
        quantity.text,
        quantity.start + offset,
        quantity.end + offset,
        quantity.approximate,
    )


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
