"""Claim extraction: sentences, quantities, dates, speakers, check-worthiness.

Pure domain code (no I/O, no database). The entry point is `extract_claims`.
"""

# Submodules load on first use (PEP 562): the models import only `types`, and a
# command that never extracts should not pay for the extractor's patterns and model.
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimtrack.extract.dates import find_dates
    from claimtrack.extract.pipeline import (
        extract_claims,
        marked_sentences,
        normalise_claim_text,
        score_standalone,
    )
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

_HOMES = {
    "find_dates": "claimtrack.extract.dates",
    "extract_claims": "claimtrack.extract.pipeline",
    "marked_sentences": "claimtrack.extract.pipeline",
    "normalise_claim_text": "claimtrack.extract.pipeline",
    "score_standalone": "claimtrack.extract.pipeline",
    "find_quantities": "claimtrack.extract.quantities",
    "CheckWorthiness": "claimtrack.extract.score",
    "claim_threshold": "claimtrack.extract.score",
    "classify_kind": "claimtrack.extract.score",
    "score_sentence": "claimtrack.extract.score",
    "document_title": "claimtrack.extract.segment",
    "split_sentences": "claimtrack.extract.segment",
    "SpeakerContext": "claimtrack.extract.speakers",
    "find_speaker": "claimtrack.extract.speakers",
    "ClaimKind": "claimtrack.extract.types",
    "DateMention": "claimtrack.extract.types",
    "DateRole": "claimtrack.extract.types",
    "ExtractedClaim": "claimtrack.extract.types",
    "Per": "claimtrack.extract.types",
    "Precision": "claimtrack.extract.types",
    "Quantity": "claimtrack.extract.types",
    "Sentence": "claimtrack.extract.types",
    "Speaker": "claimtrack.extract.types",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(home), name)


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
    "marked_sentences",
    "normalise_claim_text",
    "score_sentence",
    "score_standalone",
    "split_sentences",
]
