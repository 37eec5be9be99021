"""The learned check-worthiness model: a logistic regression read from a small JSON file.

`scripts/train_checkworthy.py` fits it (scikit-learn, training only) on the
ClaimBuster debate sentences and claimtrack's own labelled news sentences, and
writes `checkworthy_model.json` beside this module. Inference here is plain
Python: a sentence's terms (its distinct words and word pairs, first word and
length), the hand-made features of `score.py` and every pair of them are looked
up in weight tables, summed, and mapped to a probability by the Platt
calibration fitted on the domain ("news" or "debate").

Each domain has its own tables: the trainer fits shared weights and a copy of
every feature per domain ("frustratingly easy domain adaptation", Daumé 2007)
and writes, per domain, their sum. So a cue can count for more in news than in
debates (a dated commitment by a named actor is a news claim; ClaimBuster
rarely marks a promise), and scoring is one look-up per term either way.

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
from itertools import chain, combinations, pairwise, repeat

__all__ = ["DomainWeights", "Explanation", "Model", "load_model", "sentence_terms"]

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
# A key of `DomainWeights.terms`: a word, or a pair of neighbouring words.
Term = str | tuple[str, str]
# The model file's layout; a file of another format is refused, not misread.
FORMAT = 2


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


def training_features(terms: Sequence[str], fired: Iterable[str]) -> dict[str, float]:
    """The sparse feature vector of one sentence as the trainer sees it (by name, all binary).

    Binary because a sentence that repeats a word is no more a claim for it;
    pairs of hand-made features because they mean more together ("commitment"
    with "deadline") than each does alone. `Model.margin` reads the same.
    """
    features: dict[str, float] = dict.fromkeys([f"w {term}" for term in terms], 1.0)
    features.update((f"b {first} {second}", 1.0) for first, second in word_pairs(terms))
    if terms:
        features[f"f {terms[0]}"] = 1.0
    features[f"l {length_bin(terms)}"] = 1.0
    named = feature_set(fired)
    features.update((f"h {name}", 1.0) for name in named)
    features.update((f"p {first} {second}", 1.0) for first, second in combinations(named, 2))
    return features


def word_pairs(terms: Sequence[str]) -> Iterator[tuple[str, str]]:
    """Neighbouring words, the sentence's start and end included."""
    return pairwise([START, *terms, END])


def distinct_terms(terms: Sequence[str]) -> dict[Term, None]:
    """The sentence's words and word pairs, each once, in sentence order: a dict, not a
    set, so a margin summed over them is the same to the last bit whatever the hash seed."""
    return dict.fromkeys(chain(terms, word_pairs(terms)))


def feature_set(fired: Iterable[str]) -> list[str]:
    """The hand-made features that fired, each once, sorted: the order of their pairs."""
    return sorted(set(fired))


def length_bin(terms: Sequence[str]) -> int:
    """The sentence's length in steps of five words, up to 40 (short lines are rarely claims)."""
    return min(len(terms) // 5, 8)


@dataclass(frozen=True, slots=True)
class DomainWeights:
    """One domain's weights: shared and domain-specific ones summed by the trainer."""

    terms: dict[Term, float]  # a word, or a pair of neighbouring words
    firsts: dict[str, float]
    lengths: dict[int, float]
    features: dict[str, float]
    feature_pairs: dict[tuple[str, str], float]  # two hand-made features, sorted
    bias: float


@dataclass(frozen=True, slots=True)
class Model:
    """Weights per domain, with each domain's Platt calibration and claim threshold."""

    domains: dict[str, DomainWeights]
    calibration: dict[str, tuple[float, float]]  # per domain (scale, shift): Platt scaling
    thresholds: dict[str, float]  # per domain: a claim from this probability on

    def margin(self, terms: list[str], fired: Iterable[str], domain: str = "news") -> float:
        """The raw linear score. map() with dict.get keeps the lookups in C."""
        weights = self.domains[domain]
        total = weights.bias + weights.lengths.get(length_bin(terms), 0.0)
        named = feature_set(fired)
        total += sum(map(weights.features.get, named, _ZEROS))
        total += sum(map(weights.feature_pairs.get, combinations(named, 2), _ZEROS))
        if terms:
            total += weights.firsts.get(terms[0], 0.0)
            # One table holds words (str keys) and word pairs (tuple keys).
            total += sum(map(weights.terms.get, distinct_terms(terms), _ZEROS))
        return total

    def probability(self, margin: float, domain: str = "news") -> float:
        """The calibrated probability that a sentence with this margin is check-worthy."""
        scale, shift = self.calibration[domain]
        z = scale * margin + shift
        if z < -35.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def explain(
        self, terms: list[str], fired: Iterable[str], domain: str = "news"
    ) -> dict[str, float]:
        """The hand-made features that fired, the pairs of them the model weighs, and the
        strongest terms, by their weights in `domain`.

        Pairs are listed as `"pair:commitment+deadline"`, terms as
        `"term:plans to"`; `#` stands for a number, `<s>` and `</s>` for the
        sentence's start and end. Weights are on the margin's scale, so they
        add up: with the bias, length and first-word weights and the weaker
        terms left out, they make the margin.
        """
        weights = self.domains[domain]
        explained = {name: weights.features.get(name, 0.0) for name in fired}
        for pair in combinations(feature_set(fired), 2):
            if weight := weights.feature_pairs.get(pair):
                explained["pair:" + "+".join(pair)] = weight
        table = weights.terms
        weighted = [(weight, term) for term in distinct_terms(terms) if (weight := table.get(term))]
        for weight, term in heapq.nlargest(EXPLAINED_TERMS, weighted, key=_strength):
            explained["term:" + _term_text(term)] = weight
        return explained


def _term_text(term: Term) -> str:
    return term if isinstance(term, str) else " ".join(term)


class Explanation(Mapping[str, float]):
    """`Model.explain` computed on first read: most sentences' reasons are never read.

    Reads like the dict it stands for (equality included), so callers need not know.
    """

    __slots__ = ("_domain", "_fired", "_model", "_reasons", "_terms")

    def __init__(
        self, model: Model, terms: list[str], fired: list[str], domain: str = "news"
    ) -> None:
        self._model, self._terms, self._fired, self._domain = model, terms, fired, domain
        self._reasons: dict[str, float] | None = None

    def _read(self) -> dict[str, float]:
        if self._reasons is None:
            self._reasons = self._model.explain(self._terms, self._fired, self._domain)
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
    if raw.get("format") != FORMAT:
        raise ValueError(f"check-worthiness model of format {raw.get('format')}, not {FORMAT}")
    domains = raw["domains"]
    assert isinstance(domains, dict)
    return Model(
        domains={name: _domain_weights(tables) for name, tables in domains.items()},
        calibration={
            domain: (float(platt["scale"]), float(platt["shift"]))
            for domain, platt in raw["calibration"].items()  # type: ignore[attr-defined]
        },
        thresholds={k: float(v) for k, v in raw["thresholds"].items()},  # type: ignore[attr-defined]
    )


def _domain_weights(tables: dict[str, object]) -> DomainWeights:
    """One domain's tables; a pair's key is its two parts joined by a space."""
    words, pairs = tables["words"], tables["pairs"]
    firsts, lengths = tables["firsts"], tables["lengths"]
    features, feature_pairs = tables["features"], tables["feature_pairs"]
    assert isinstance(words, dict) and isinstance(pairs, dict)
    assert isinstance(firsts, dict) and isinstance(lengths, dict)
    assert isinstance(features, dict) and isinstance(feature_pairs, dict)
    terms: dict[Term, float] = dict(words)
    terms.update((_pair(key), weight) for key, weight in pairs.items())
    return DomainWeights(
        terms=terms,
        firsts=dict(firsts),
        lengths={int(bin_): weight for bin_, weight in lengths.items()},
        features=dict(features),
        feature_pairs={_pair(key): weight for key, weight in feature_pairs.items()},
        bias=float(tables["bias"]),  # type: ignore[arg-type]
    )


def _pair(key: str) -> tuple[str, str]:
    first, second = key.split(" ")
    return first, second
