"""Speakers on unseen news sentences: `unseen/speakers.jsonl`, split once into dev and test.

Each sentence is read on its own (no article context), as the cases' speaker
facet reads them: a speaker is right when its name is exactly the label's; a
name where the label has none, or another name, is a false positive; a labelled
speaker not found is a false negative. The kind (person or organisation) and
the role are scored on the speakers found right. `pytest -s` prints the figures
per split and per attribution pattern; CLAIMTRACK_SPEAKER_MISSES=1 also prints
the dev split's misses (never the test split's: it is not tuned on).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from test_cases import Tally

from claimtrack.extract.speakers import find_speaker

SPEAKERS = Path(__file__).parent / "unseen" / "speakers.jsonl"
PATTERNS = {
    "said_after", "said_before", "inverted", "appositive", "according_to", "organisation",
    "title_name", "colon_or_dash", "verb_other", "pronoun", "generic", "subject_only", "none",
    "quote_whole",
}  # fmt: skip


@dataclass
class Figures(Tally):
    """Name P/R/F1 over a set of sentences, and kind and role accuracy on the names found."""

    kinds: Counter[bool] = field(default_factory=Counter)
    roles: Counter[bool] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        kind = self.kinds[True] / max(1, sum(self.kinds.values()))
        role = self.roles[True] / max(1, sum(self.roles.values()))
        return (
            f"{name:<14}{self.tp + self.fn:>5} {self.precision:6.3f} {self.recall:6.3f}"
            f" {self.f1:6.3f}   kind {kind:5.3f}   role {role:5.3f}"
        )


def load(split: str) -> list[dict[str, Any]]:
    rows = [json.loads(raw) for raw in SPEAKERS.read_text("utf-8").splitlines() if raw.strip()]
    return [row for row in rows if row["split"] == split]


def score(rows: list[dict[str, Any]]) -> dict[str, Figures]:
    """Figures over all rows ("all") and per attribution pattern."""
    figures: dict[str, Figures] = {"all": Figures()}
    for row in rows:
        found = find_speaker(row["text"])
        name = found.name if found else None
        right = name is not None and name == row["speaker"]
        for key in ("all", row["pattern"]):
            tally = figures.setdefault(key, Figures())
            tally.add(
                right, name is not None and not right, row["speaker"] is not None and not right
            )
            if right and found is not None:
                tally.kinds[found.kind == row["speaker_kind"]] += 1
                tally.roles[(found.role or None) == row["role"]] += 1
        if not right and (name or row["speaker"]):
            figures["all"].misses.append(
                f"[{row['pattern']}] expected {row['speaker']!r} got {name!r}: {row['text']}"
            )
    return figures


@pytest.fixture(scope="module")
def split_figures() -> dict[str, dict[str, Figures]]:
    figures = {split: score(load(split)) for split in ("dev", "test")}
    print(f"\n{'speakers':<14}{'n':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for split, by_pattern in figures.items():
        print(by_pattern["all"].line(split))
        for pattern in sorted(by_pattern.keys() - {"all"}):
            print(by_pattern[pattern].line(f"  {pattern}"))
    if os.environ.get("CLAIMTRACK_SPEAKER_MISSES"):
        print("\n".join(figures["dev"]["all"].misses))
    return figures


def test_the_speaker_set_is_split_once_and_well_formed() -> None:
    """Split by the source's hash, speakers named in their sentence, both splits sizeable."""
    rows = [json.loads(raw) for raw in SPEAKERS.read_text("utf-8").splitlines() if raw.strip()]
    for row in rows:
        odd = int(hashlib.sha256(row["source"].encode()).hexdigest()[-1], 16) % 2
        assert row["split"] == ("test" if odd else "dev"), row
        assert row["pattern"] in PATTERNS, row
        if row["speaker"] is None:
            assert row["speaker_kind"] is None and row["role"] is None, row
        else:
            assert row["speaker"] in row["text"], row
            assert row["speaker_kind"] in ("person", "organisation"), row
    splits = Counter(row["split"] for row in rows)
    assert min(splits["dev"], splits["test"]) >= 100, splits


# First scored (2026-12-07, before any rule was written from the dev split): name F1
# dev 0.745, test 0.643. After the rules written from the dev split's misses: dev 0.911,
# test 0.698. The floors sit just under those to guard against regression; they certify
# nothing.
FLOORS = {"dev": 0.90, "test": 0.69}


def test_speakers_do_not_regress(split_figures: dict[str, dict[str, Figures]]) -> None:
    for split, floor in FLOORS.items():
        assert split_figures[split]["all"].f1 >= floor, split_figures[split]["all"].line(split)
