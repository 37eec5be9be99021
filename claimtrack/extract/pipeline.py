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
from collections.abc import Sequence

from claimtrack.extract.boilerplate import mark_boilerplate, sentence_reason
from claimtrack.extract.dates import find_dates
from claimtrack.extract.density import ReadingBudget, too_many_numbers
from claimtrack.extract.locale import DocumentLocale
from claimtrack.extract.quantities import find_quantities
from claimtrack.extract.quotes import attribute_quotes
from claimtrack.extract.score import (
    NEVER_A_CLAIM_WEIGHT,
    CheckWorthiness,
    claim_threshold,
    classify_kind,
    explain,
    probability,
    score_sentence,
    sentence_signals,
)
from claimtrack.extract.segment import split_sentences
from claimtrack.extract.speakers import SpeakerContext, find_speaker
from claimtrack.extract.types import DateMention, ExtractedClaim, Quantity, Sentence, Speaker

__all__ = ["extract_claims", "marked_sentences", "normalise_claim_text", "score_standalone"]


def marked_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, headings, bullets and boilerplate marked."""
    return mark_boilerplate(split_sentences(text))


def extract_claims(
    text: str,
    published: dt.date | None = None,
    *,
    include_all: bool = False,
    threshold: float | None = None,
    locale: DocumentLocale | None = None,
    sentences: Sequence[Sentence] | None = None,
) -> list[ExtractedClaim]:
    """The check-worthy claims of an article in document order (every sentence with `include_all`).

    Headings and boilerplate (references, captions, recipes…) are never
    claims; with `include_all` they come back with score 0 (a heading with
    `is_heading=True`, boilerplate with a `boilerplate:<reason>` feature) so a
    caller can still show them. `locale` (from the article's address, see
    `locale_of`) says what a bare "$" is and how "11/20" orders day and month.
    `sentences`: `text` already split and marked (`marked_sentences`), for a caller
    that read them too.
    """
    locale = locale or DocumentLocale()
    if isinstance(published, dt.datetime):
        published = published.date()
    sentences = list(sentences) if sentences is not None else marked_sentences(text)
    if not include_all:
        # Headings and boilerplate are never returned, and no stage reads one
        # for another sentence (the speaker context skips them), so none needs
        # to see them.
        sentences = [s for s in sentences if not (s.is_heading or s.is_boilerplate)]
    # Each stage runs over all sentences before the next starts: one stage's
    # code and tables stay hot in the CPU caches (about 10% faster than
    # interleaving the stages sentence by sentence).
    dollar, date_locale = locale.dollar, locale.date_locale
    # Numbers are read only within the bounds of density.py, which prose never reaches.
    prose = [not too_many_numbers(sentence.text) for sentence in sentences]
    budget = ReadingBudget()
    quantities = [
        _quantities(sentence, dollar, budget) if read and budget.opens(sentence.end) else ()
        for sentence, read in zip(sentences, prose, strict=True)
    ]
    budget = ReadingBudget()
    dates = [
        tuple(find_dates(s.text, published, offset=s.start, locale=date_locale, budget=budget))
        if read and budget.opens(s.end)
        else ()
        for s, read in zip(sentences, prose, strict=True)
    ]
    speakers = _speakers(sentences)
    cutoff = None if include_all else claim_threshold() if threshold is None else threshold
    claims: list[ExtractedClaim] = []
    for sentence, found, mentions, speaker in zip(
        sentences, quantities, dates, speakers, strict=True
    ):
        claim = _claim(sentence, found, mentions, speaker, cutoff)
        if claim is not None:
            claims.append(claim)
    return claims


def _quantities(
    sentence: Sentence, dollar: str | None, budget: ReadingBudget
) -> tuple[Quantity, ...]:
    """The sentence's quantities with document offsets, a bare "$" read as `dollar`."""
    found = find_quantities(sentence.text, dollar=dollar, budget=budget)
    offset = sentence.start
    if not found or not offset:
        return tuple(found)
    return tuple([_shift(quantity, offset) for quantity in found])


def _speakers(sentences: list[Sentence]) -> list[Speaker | None]:
    """Each sentence's speaker, in document order through one shared context.

    A sentence that is wholly a quotation then takes the speaker of the
    sentence that introduces, attributes or continues it (`quotes`); that
    speaker's start/end are None, its mention being in the other sentence.
    """
    context = SpeakerContext()
    # A heading names a topic, not who said it, and a byline or a reference
    # names people who say nothing here: keep both out of the speaker context.
    found = [
        None
        if sentence.is_heading or sentence.is_boilerplate
        else find_speaker(sentence.text, offset=sentence.start, context=context)
        for sentence in sentences
    ]
    return attribute_quotes(sentences, found)


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
    if sentence.is_boilerplate:
        return None if cutoff is not None else _boilerplate(sentence, quantities, dates)
    signals = sentence_signals(sentence.text, quantities, dates, speaker, sentence.is_heading)
    score = probability(signals)
    if cutoff is not None and score < cutoff:
        return None
    kind = classify_kind(
        sentence.text, quantities=quantities, dates=dates, speaker=speaker, features=signals.fired
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
        explain(signals),
        sentence.is_heading,
    )


def _boilerplate(
    sentence: Sentence, quantities: tuple[Quantity, ...], dates: tuple[DateMention, ...]
) -> ExtractedClaim:
    """A boilerplate sentence shown like a heading: score 0, and the reason as its feature."""
    features = {f"boilerplate:{sentence.boilerplate}": NEVER_A_CLAIM_WEIGHT}
    if sentence.is_heading:
        features["heading"] = NEVER_A_CLAIM_WEIGHT
    return ExtractedClaim(
        sentence.text,
        sentence.start,
        sentence.end,
        "other",
        0.0,
        None,
        quantities,
        dates,
        features,
        sentence.is_heading,
    )


def score_standalone(text: str, domain: str = "news") -> CheckWorthiness:
    """Score one sentence on its own, with no article around it.

    How the labelled sets are scored, in training and in their tests: the
    sentence is never split or taken for a heading, and its speaker is found
    without context (a pronoun stays unresolved). A boilerplate line scores 0,
    as it would in an article.
    """
    reason = sentence_reason(text)
    if reason is not None:
        return CheckWorthiness(0.0, {f"boilerplate:{reason}": NEVER_A_CLAIM_WEIGHT})
    read = not too_many_numbers(text)
    return score_sentence(
        text,
        quantities=find_quantities(text) if read else (),
        dates=find_dates(text, None) if read else (),
        speaker=find_speaker(text),
        domain=domain,
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
        quantity.dimension,
        quantity.si_low,
        quantity.si_high,
        quantity.ambiguous,
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
