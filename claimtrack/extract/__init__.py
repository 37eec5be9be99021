"""Claim extraction: sentences, quantities, dates, speakers, check-worthiness.

Pure domain code (no I/O, no database). The entry point is `extract_claims`.
"""

from claimtrack.extract.dates import find_dates
from claimtrack.extract.pipeline import extract_claims, normalise_claim_text, score_standalone
from claimtrack.extract.quantities import find_quantities
from claimtrack.extract.score import (
    CheckWorthiness,
    claim_threshold,
    classify_kind,
    score_sentence,
)
from claimtrack.extract.segment import document_title, split_sentences
from claimtrack.extract.speakers import SpeakerContext, find_speaker
from claimtrack.extract.types import (
    ClaimKind,
    DateMention,
    DateRole,
    ExtractedClaim,
    Per,
    Precision,
    Quantity,
    Sentence,
    Speaker,
)

__all__ = [
    "CheckWorthiness",
    "ClaimKind",
    "DateMention",
    "DateRole",
    "ExtractedClaim",
    "Per",
    "Precision",
    "Quantity",
    "Sentence",
    "Speaker",
    "SpeakerContext",
    "claim_threshold",
    "classify_kind",
    "document_title",
    "extract_claims",
    "find_dates",
    "find_quantities",
    "find_speaker",
    "normalise_claim_text",
    "score_sentence",
    "score_standalone",
    "split_sentences",
]
