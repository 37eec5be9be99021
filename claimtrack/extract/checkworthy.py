"""The learned check-worthiness model: a logistic regression read from a small JSON file.

`scripts/train_checkworthy.py` fits it (scikit-learn, training only) on the
ClaimBuster debate sentences and claimtrack's own labelled news sentences, and
writes `checkworthy_model.json` beside this module. Inference here is plain
Python: a sentence's terms (its words, word pairs, first word and length) and the
hand-made features of `score.py` are looked up in weight tables, summed, and
mapped to a probability by the Platt calibration fitted on news.

The terms are built the same way in training and at run time by `sentence_terms`,
so the two can never drift apart.
"""

from __future__ import annotations

import heapq
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import chain, pairwise, repeat

__all__ = ["Explanation", "Model", "load_model", "sentence_terms"]

MODEL_FILE = "checkworthy_model.json"
# The stand-in for a word with a digit ("600", "2025", "F-16"): numbers are
# many and sparse, what matters is that there is one. The character never
# occurs inside a token.
NUMBER = "#"
_DIGIT_WORD = re.compile(r"(?<![^ ])[^ \d]*\d[^ ]*")
_ANY_DIGIT = re.compile(r"\d")
START, END = "<s>", "</s>"
_ZEROS = repeat(0.0)  # the default for map(dict.get, keys, _ZEROS); endless, so shareable
# How many of the strongest terms `Model.explain` lists.
EXPLAINED_TERMS = 6
# A key of `Model.terms`: a word, or a pair of neighbouring words.
Term = str | tuple[str, str]


def sentence_terms(lowered: str, words: list[str] | None = None) -> list[str]:
    """The sentence's words, lower-cased, each word with a digit replaced by `NUMBER`.

    `lowered` is the sentence's tokens lower-cased and joined by single spaces;
    `words` is the same split on spaces, when the caller has it (score.py does).
    """
    if not lowered:
        return []
    if _ANY_DIGIT.search(lowered) is not None:
        return _DIGIT_WORD.sub(NUMBER, lowered).split(" ")
    return words if words is not None else lowered.split(" ")


def training_features(terms: Sequence[str], fired: Iterable[str], domain: str) -> dict[str, float]:
    """The sparse feature vector of one sentence as the trainer sees it (counts, by name)."""
    features: dict[str, float] = {}
    for term in terms:
        key = f"w {term}"
        features[key] = features.get(key, 0.0) + 1.0
    for first, second in pairwise([START, *terms, END]):
        key = f"b {first} {second}"
        features[key] = features.get(key, 0.0) + 1.0
    if terms:
        features[f"f {terms[0]}"] = 1.0
    features[f"l {length_bin(terms)}"] = 1.0
    for name in fired:
        features[f"h {name}"] = 1.0
    features[f"d {domain}"] = 1.0
    return features


def length_bin(terms: Sequence[str]) -> int:
    """The sentence's length in steps of five words, up to 40 (short lines are rarely claims)."""
    return min(len(terms) // 5, 8)


@dataclass(frozen=True, slots=True)
class Model:
    """Weights by term, word pair, first word, length and hand-made feature; bias, calibration."""

    terms: dict[Term, float]  # a word, or a pair of neighbouring words
    firsts: dict[str, float]
    lengths: dict[int, float]
    features: dict[str, float]
    domains: dict[str, float]
    bias: float
    calibration: dict[str, tuple[float, float]]  # per domain (scale, shift): Platt scaling
    thresholds: dict[str, float]  # per domain: a claim from this probability on

    def margin(self, terms: list[str], fired: Iterable[str], domain: str = "news") -> float:
        """The raw linear score. map() with dict.get keeps the lookups in C."""
        total = self.bias + self.domains.get(domain, 0.0)
        total += self.lengths.get(length_bin(terms), 0.0)
        total += sum(map(self.features.get, fired, _ZEROS))
        if terms:
            total += self.firsts.get(terms[0], 0.0)
            # One table holds words (str keys) and word pairs (tuple keys): one pass.
            pairs = pairwise([START, *terms, END])
            keys: Iterator[Term] = chain(terms, pairs)
            total += sum(map(self.terms.get, keys, _ZEROS))
        return total

    def probability(self, margin: float, domain: str = "news") -> float:
        """The calibrated probability that a sentence with this margin is check-worthy."""
        scale, shift = self.calibration[domain]
        z = scale * margin + shift
        if z < -35.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def explain(self, terms: list[str], fired: Iterable[str]) -> dict[str, float]:
        """The hand-made features that fired and the strongest terms, by their weights.

        Terms are listed as `"term:plans to"`; `#` stands for a number, `<s>`
        and `</s>` for the sentence's start and end. Weights are on the
        margin's scale, so they add up.
        """
        explained = {name: self.features.get(name, 0.0) for name in fired}
        table = self.terms
        keys: Iterator[Term] = chain(terms, pairwise([START, *terms, END]))
        weighted = [(weight, term) for term in keys if (weight := table.get(term))]
        for weight, term in heapq.nlargest(EXPLAINED_TERMS, weighted, key=_strength):
            explained["term:" + (term if isinstance(term, str) else " ".join(term))] = weight
        return explained


class Explanation(Mapping[str, float]):
    """`Model.explain` computed on first read: most sentences' reasons are never read.

    Reads like the dict it stands for (equality included), so callers need not know.
    """

    __slots__ = ("_fired", "_model", "_reasons", "_terms")

    def __init__(self, model: Model, terms: list[str], fired: list[str]) -> None:
        self._model, self._terms, self._fired = model, terms, fired
        self._reasons: dict[str, float] | None = None

    def _read(self) -> dict[str, float]:
        if self._reasons is None:
            self._reasons = self._model.explain(self._terms, self._fired)
        return self._reasons

    def __getitem__(self, name: str) -> float:
        return self._read()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())

    def __repr__(self) -> str:
        return repr(self._read())


def _strength(item: tuple[float, object]) -> float:
    return abs(item[0])


@cache
def load_model() -> Model:
    """The shipped model, read once on first use (not at import: start-up stays fast)."""
    raw = json.loads(resources.files(__package__).joinpath(MODEL_FILE).read_text("utf-8"))
    return model_from_json(raw)


def model_from_json(raw: dict[str, object]) -> Model:
    """A Model from the trainer's JSON object."""
    weights = raw["weights"]
    assert isinstance(weights, dict)
    terms: dict[str | tuple[str, str], float] = dict(weights["words"])
    terms.update((tuple(pair.split(" ")), w) for pair, w in weights["pairs"].items())
    return Model(
        terms=terms,
        firsts=dict(weights["firsts"]),
        lengths={int(bin_): w for bin_, w in weights["lengths"].items()},
        features=dict(weights["features"]),
        domains=dict(weights["domains"]),
        bias=float(raw["bias"]),  # type: ignore[arg-type]
        calibration={
            domain: (float(platt["scale"]), float(platt["shift"]))
            for domain, platt in raw["calibration"].items()  # type: ignore[attr-defined]
        },
        thresholds={k: float(v) for k, v in raw["thresholds"].items()},  # type: ignore[attr-defined]
    )
