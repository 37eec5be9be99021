"""Rebuild claimtrack's check-worthiness model: `python scripts/train_checkworthy.py`.

Trains a logistic regression (scikit-learn, `pip install -e ".[train]"`) over
the features claimtrack.extract.checkworthy defines, on

- the ClaimBuster sentences of the US presidential debates 1960–2016
  (utaresearch/claimbuster-spotter, data/two_class/kfold_25ncs.json: 2,764
  check-worthy factual sentences, 6,910 others; CC BY 4.0, Arslan et al.,
  ICWSM 2020), 90% for training and a stratified 10% held back for testing;
- claimtrack's own labelled news sentences (tests/extract/checkworthy/news.jsonl),
  whose `dev` split adapts the model to news and calibrates it and whose
  `test` split is only ever scored.

The features are binary: the sentence's distinct words and word pairs, its
first word and length, the hand-made features of score.py and every pair of
them. Each also gets a copy per domain ("debate" or "news") at half its value
("frustratingly easy domain adaptation", Daumé 2007): the two sets share what
they agree on, and each domain learns where it differs. The file holds, per
domain, the shared weight plus half the domain's copy, so inference does one
look-up per term. Each domain's probability is calibrated on its own
out-of-fold margins (Platt scaling), and its threshold is the one with the best
out-of-fold F1. Everything is seeded, so a rebuild writes the same file; it
ends by printing P/R/F1 on both test splits.

`--claimbuster-json FILE_OR_URL` rebuilds tests/extract/checkworthy/claimbuster.jsonl.gz
from the upstream file (its split is seeded too).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import sys
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from claimtrack.extract.checkworthy import FORMAT, MODEL_FILE, load_model, training_features
from claimtrack.extract.dates import find_dates
from claimtrack.extract.pipeline import score_standalone
from claimtrack.extract.quantities import find_quantities
from claimtrack.extract.score import claim_threshold, sentence_signals
from claimtrack.extract.speakers import find_speaker

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "extract" / "checkworthy"
CLAIMBUSTER = DATA / "claimbuster.jsonl.gz"
NEWS = DATA / "news.jsonl"
OUTPUT = REPO / "claimtrack" / "extract" / MODEL_FILE
UPSTREAM = (
    "https://raw.githubusercontent.com/utaresearch/claimbuster-spotter/master/"
    "data/two_class/kfold_25ncs.json"
)
SPLIT_SEED = 2026
HELD_BACK = 0.10
# Chosen by 5-fold cross-validation on the training data only (README of the data).
C = 0.25
NEWS_WEIGHT = 2.0  # a news sentence counts as two debate sentences
MIN_COUNT = 2  # a feature seen in one training sentence only gets no weight
DOMAIN_COPY = 0.5  # the value of a feature's per-domain copy (the shared one is 1)
DOMAINS = ("debate", "news")
FOLDS = 5
DECIMALS = 4


@dataclass(frozen=True)
class Example:
    text: str
    label: int
    domain: str
    split: str
    group: str  # the article (news) or sentence (debates): folds never split one


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claimbuster-json", help="rebuild the ClaimBuster file from this")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--no-report", action="store_true", help="skip scoring the test splits")
    args = parser.parse_args(argv)
    if args.claimbuster_json:
        write_claimbuster(args.claimbuster_json)
    examples = load_examples()
    model = train(examples)
    text = json.dumps(model, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode()) / 1e6:.2f} MB)")
    if not args.no_report and args.output == OUTPUT:
        report(model, examples)
    return 0


def write_claimbuster(source: str) -> None:
    """The upstream sentences with a seeded, stratified 10% held back, as gzipped JSON Lines."""
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=60) as response:
            rows = json.load(response)
    else:
        rows = json.loads(Path(source).read_text(encoding="utf-8"))
    rows = sorted(rows, key=lambda row: row["sentence_id"])
    # A sentence said twice (21 are) stays on one side, so no test sentence is trained on.
    label_of: dict[str, int] = {}
    for row in rows:
        label_of.setdefault(row["text"], row["label"])
    held_texts: set[str] = set()
    rng = random.Random(SPLIT_SEED)
    for label in (0, 1):
        texts = [text for text, first in label_of.items() if first == label]
        rng.shuffle(texts)
        held_texts.update(texts[: round(len(texts) * HELD_BACK)])
    held = {row["sentence_id"] for row in rows if row["text"] in held_texts}
    lines = [
        json.dumps(
            {
                "id": row["sentence_id"],
                "text": row["text"],
                "label": row["label"],
                "split": "heldout" if row["sentence_id"] in held else "train",
            },
            ensure_ascii=False,
        )
        for row in rows
    ]
    buffer = io.BytesIO()
    # mtime=0 and no file name: the same sentences give the same bytes.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    CLAIMBUSTER.write_bytes(buffer.getvalue())
    print(f"wrote {CLAIMBUSTER.relative_to(REPO)}: {len(rows)} sentences, {len(held)} held back")


def load_examples() -> list[Example]:
    """Both labelled sets, in file order."""
    examples = []
    with gzip.open(CLAIMBUSTER, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            examples.append(
                Example(row["text"], row["label"], "debate", row["split"], f"cb{row['id']}")
            )
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        examples.append(
            Example(row["text"], int(row["checkworthy"]), "news", row["split"], row["doc"])
        )
    return examples


def features_of(example: Example) -> dict[str, float]:
    """The sentence scored on its own, as pipeline.score_standalone does, with its domain's copies."""
    text = example.text
    fired, terms = sentence_signals(
        text, find_quantities(text), find_dates(text, None), find_speaker(text)
    )
    shared = training_features(terms, fired)
    features = dict(shared)
    features.update((f"{example.domain}:{name}", DOMAIN_COPY) for name in shared)
    features[f"d {example.domain}"] = 1.0
    return features


def fit(rows: list[dict[str, float]], labels: np.ndarray, weights: np.ndarray):
    """Vectorise (terms seen at least MIN_COUNT times) and fit the regression."""
    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    kept = [{k: v for k, v in row.items() if counts[k] >= MIN_COUNT} for row in rows]
    vectoriser = DictVectorizer()
    matrix = _int32(vectoriser.fit_transform(kept))
    regression = LogisticRegression(
        C=C, solver="liblinear", class_weight="balanced", random_state=0, max_iter=1000
    )
    regression.fit(matrix, labels, sample_weight=weights)
    return vectoriser, regression


def _int32(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    """liblinear takes 32-bit indices only."""
    matrix = sparse.csr_matrix(matrix)
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    return matrix


def margins(vectoriser: DictVectorizer, regression: LogisticRegression, rows) -> np.ndarray:
    return regression.decision_function(_int32(vectoriser.transform(rows)))


def train(examples: list[Example]) -> dict[str, object]:
    """Fit on the debate training split and news dev; calibrate each domain out of fold."""
    training = [e for e in examples if e.split in ("train", "dev")]
    rows = [features_of(e) for e in training]
    labels = np.array([e.label for e in training])
    weights = np.array([NEWS_WEIGHT if e.domain == "news" else 1.0 for e in training])
    # Out-of-fold margins for every training sentence; a news article stays in one fold.
    out_of_fold = np.zeros(len(training))
    groups = [e.group for e in training]
    for fold_train, fold_test in GroupKFold(FOLDS).split(rows, groups=groups):
        vectoriser, regression = fit(
            [rows[i] for i in fold_train], labels[fold_train], weights[fold_train]
        )
        out_of_fold[fold_test] = margins(vectoriser, regression, [rows[i] for i in fold_test])
    calibration: dict[str, dict[str, float]] = {}
    dev: dict[str, dict[str, float]] = {}
    thresholds: dict[str, float] = {}
    for domain in DOMAINS:
        chosen = np.array([e.domain == domain for e in training])
        platt = LogisticRegression(C=1e6, solver="lbfgs").fit(
            out_of_fold[chosen].reshape(-1, 1), labels[chosen]
        )
        scale, shift = float(platt.coef_[0][0]), float(platt.intercept_[0])
        calibration[domain] = {"scale": round(scale, DECIMALS), "shift": round(shift, DECIMALS)}
        calibrated = 1 / (1 + np.exp(-(scale * out_of_fold[chosen] + shift)))
        thresholds[domain] = _best_threshold(labels[chosen], calibrated)
        dev[domain] = _figures(labels[chosen], calibrated >= thresholds[domain])
    vectoriser, regression = fit(rows, labels, weights)
    model = _serialise(vectoriser, regression, calibration)
    model["thresholds"] = thresholds
    model["out_of_fold"] = dev
    return model


def _serialise(
    vectoriser, regression, calibration: dict[str, dict[str, float]]
) -> dict[str, object]:
    """Per domain, every feature's shared weight plus DOMAIN_COPY times its domain copy's."""
    learned = dict(zip(vectoriser.feature_names_, regression.coef_[0], strict=True))
    table_of = {
        "w": "words",
        "b": "pairs",
        "f": "firsts",
        "l": "lengths",
        "h": "features",
        "p": "feature_pairs",
    }
    bias = float(regression.intercept_[0])
    domains: dict[str, dict[str, object]] = {}
    for domain in DOMAINS:
        tables: dict[str, dict[str, float]] = {table: {} for table in table_of.values()}
        names = {name.removeprefix(f"{domain}:") for name in learned}
        for name in sorted(names):
            family, _, key = name.partition(" ")
            if family not in table_of:
                continue  # a domain feature or another domain's copy
            weight = learned.get(name, 0.0) + DOMAIN_COPY * learned.get(f"{domain}:{name}", 0.0)
            rounded = round(float(weight), DECIMALS)
            if rounded:
                tables[table_of[family]][key] = rounded
        domain_bias = round(bias + float(learned.get(f"d {domain}", 0.0)), DECIMALS)
        domains[domain] = {"bias": domain_bias, **tables}
    return {
        "format": FORMAT,
        "trained_on": "ClaimBuster 1960-2016 (train split) + claimtrack news (dev split)",
        "hyperparameters": {
            "C": C,
            "news_weight": NEWS_WEIGHT,
            "min_count": MIN_COUNT,
            "domain_copy": DOMAIN_COPY,
        },
        "calibration": calibration,
        "domains": domains,
    }


def _figures(labels: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    tp = int(np.sum(predicted & (labels == 1)))
    fp = int(np.sum(predicted & (labels == 0)))
    fn = int(np.sum(~predicted & (labels == 1)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "n": len(labels),
    }


def _best_threshold(labels: np.ndarray, probabilities: np.ndarray) -> float:
    """The threshold with the best out-of-fold F1, on a coarse grid so it does not overfit."""
    candidates = [t / 100 for t in range(20, 81, 5)]
    return max(candidates, key=lambda t: _figures(labels, probabilities >= t)["f1"])


def report(raw: dict[str, object], examples: list[Example]) -> None:
    """P/R/F1 of the written model on the two test splits, scored as the tests score them."""
    print(f"training sets, out of fold: {raw['out_of_fold']} at thresholds {raw['thresholds']}")
    load_model.cache_clear()  # score the file just written
    for split, domain in (("test", "news"), ("heldout", "debate")):
        chosen = [e for e in examples if e.split == split]
        labels = np.array([e.label for e in chosen])
        scores = np.array([score_standalone(e.text, domain).score for e in chosen])
        print(f"{split} ({domain}): {_figures(labels, scores >= claim_threshold(domain))}")


if __name__ == "__main__":
    sys.exit(main())
