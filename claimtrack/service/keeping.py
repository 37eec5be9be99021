"""What a merge keeps: the better wording and speaker of two claims, and no twin follow-ups.

Two reports of one claim often differ in quality: one names the speaker
("Zelensky said…"), the other has a pronoun ("He added that…") and no speaker.
The survivor of a merge is the older claim, not the better one, so its text
and speaker are taken from whichever claim reads better, unless the reviewer
chose. A follow-up the survivor already has (the same day and words, or a
deadline follow-up for the same day) is not moved over a second time.
"""

from __future__ import annotations

import re
from typing import Literal

from sqlalchemy.orm import Session

from claimtrack.errors import InvalidInput
from claimtrack.models import Claim, FollowUp

Keep = Literal["auto", "survivor", "merged"]
KEEP_CHOICES: tuple[Keep, ...] = ("auto", "survivor", "merged")

_PRONOUN_START = re.compile(
    r"^\s*(?:he|she|they|it|this|that|these|those|his|her|their)\b", re.IGNORECASE
)
_PRONOUN_SPEAKER = re.compile(r"^(?:he|she|they|it|we|i)$", re.IGNORECASE)


def _text_quality(text: str) -> tuple[int, int]:
    """Higher is better: no pronoun to open with, then more words (up to a sentence's worth)."""
    return (0 if _PRONOUN_START.match(text) else 1, min(len(text.split()), 40))


def _speaker_quality(claim: Claim) -> tuple[int, int, int]:
    speaker = (claim.speaker or "").strip()
    named = bool(speaker) and not _PRONOUN_SPEAKER.match(speaker)
    return (int(named), int(claim.speaker_type is not None), len(speaker.split()))


def _pick(choice: str, survivor_better: bool) -> bool:
    """True to keep the survivor's value."""
    if choice not in KEEP_CHOICES:
        raise InvalidInput(f"keep {choice!r}: choose from {', '.join(KEEP_CHOICES)}")
    if choice == "auto":
        return survivor_better
    return choice == "survivor"


def kept_wording(
    survivor: Claim, merged: Claim, *, text: str = "auto", speaker: str = "auto"
) -> dict[str, str | None]:
    """The changes to make to the survivor (for `edit_claim`): text, speaker and its type."""
    changes: dict[str, str | None] = {}
    survivor_text = _text_quality(survivor.text) >= _text_quality(merged.text)
    if not _pick(text, survivor_text) and merged.text != survivor.text:
        changes["text"] = merged.text
    survivor_speaker = _speaker_quality(survivor) >= _speaker_quality(merged)
    if not _pick(speaker, survivor_speaker) and (
        (merged.speaker, merged.speaker_type) != (survivor.speaker, survivor.speaker_type)
    ):
        changes["speaker"] = merged.speaker or ""
        changes["speaker_type"] = merged.speaker_type or ""
    return changes


def twin_followups(session: Session, survivor: Claim, merged: Claim) -> list[FollowUp]:
    """The merged claim's follow-ups the survivor already has: they are dropped, not moved."""
    from claimtrack.service.deadlines import is_deadline_followup

    have = {(f.due, f.text, f.done) for f in survivor.followups}
    deadline_days = {f.due for f in survivor.followups if is_deadline_followup(f.text)}
    twins = []
    for followup in merged.followups:
        same = (followup.due, followup.text, followup.done) in have
        same_deadline = is_deadline_followup(followup.text) and followup.due in deadline_days
        if same or (same_deadline and not followup.done):
            twins.append(followup)
    return twins
