"""Speed and accuracy of claim and quantity extraction against quantulum3, in one run.

Run by hand, never by CI:

    python benchmarks/extract_speed.py            # ≥ 1 MB corpus
    python benchmarks/extract_speed.py --quick    # ~200 KB, smaller quantulum3 sample
    python benchmarks/extract_speed.py --adversarial-only   # the adversarial inputs alone

It builds a deterministic corpus of news-like articles from the seed article
and the labelled case sentences (numbers re-drawn so the text is not one block
repeated), times `extract_claims` and `find_quantities` on it (single process),
times quantulum3 on a sample of the same sentences, scores both extractors on
the labelled quantity cases, and times `extract_claims` on 1 MB of each
adversarial input (tests/extract/adversarial_inputs.py) in CPU seconds, against
the 0.5 MB/s target of issue 17 and with the growth from half the size.
Every figure is printed against the baseline measured in the same run. Times
are CPU seconds (`time.process_time`): the machine is shared, and wall-clock
time would count the other processes' work as ours.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimtrack.extract import extract_claims  # noqa: E402
from claimtrack.extract.checkworthy import load_model  # noqa: E402
from claimtrack.extract.quantities import find_quantities  # noqa: E402
from claimtrack.extract.score import sentence_signals  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "extract"))
from adversarial_inputs import ALL_ADVERSARIAL  # noqa: E402

SEED_ARTICLE = ROOT / "seeds" / "ukraine-defense-export-offices.txt"
CASES_DIR = ROOT / "tests" / "extract" / "cases"
PUBLISHED = dt.date(2025, 11, 3)
MB = 1_000_000
# The code before issue 12's quantity and date work: timed in the same run, from
# `git archive` of this commit, on the same corpus (`--previous` picks another).
PREVIOUS_REF = "135d387"
UNSEEN = ROOT / "tests" / "extract" / "unseen" / "quantities_dates.jsonl"
Key = tuple[float | None, float | None, str | None, str | None]

_DIGIT_RUN = re.compile(r"\d+")
_PERIODS = {"second", "minute", "hour", "day", "week", "month", "quarter", "year"}
# quantulum3 unit names → the ISO codes and symbols the labels use.
_QUANTULUM_UNITS = {
    "dollar": "USD",
    "united states dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "yen": "JPY",
    "japanese yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "swiss franc": "CHF",
    "indian rupee": "INR",
    "russian ruble": "RUB",
    "ukrainian hryvnia": "UAH",
    "percentage": "%",
    "percentage point": "pp",
    "degree celsius": "°C",
    "dimensionless": None,
}


@dataclass(frozen=True)
class Corpus:
    """Articles of news-like text and the sentences they were built from."""

    articles: list[str]
    sentences: list[str]

    @property
    def size(self) -> int:
        """Size in bytes (UTF-8)."""
        return sum(len(article.encode()) for article in self.articles)


# --- corpus --------------------------------------------------------------------


def load_cases() -> list[dict[str, Any]]:
    """The labelled cases, all domains."""
    cases: list[dict[str, Any]] = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                cases.append(json.loads(line))
    return cases


def load_unseen(split: str) -> list[dict[str, Any]]:
    """One split of the unseen quantity and date set (empty when it is absent)."""
    if not UNSEEN.exists():
        return []
    rows = [json.loads(line) for line in UNSEEN.read_text("utf-8").splitlines() if line.strip()]
    return [row for row in rows if row["split"] == split]


def template_sentences(cases: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Sentences to vary (seed body lines and case texts) and headings from the seed."""
    sentences = [case["text"] for case in cases]
    headings: list[str] = []
    for line in SEED_ARTICLE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line[-1] in '.!?”"':
            sentences.extend(s for s in re.split(r"(?<=[.!?])\s+", line) if s)
        elif not line.startswith("-"):
            headings.append(line)
    return sentences, headings


def redraw_numbers(sentence: str, rng: random.Random) -> str:
    """The sentence with each digit run re-drawn at the same length (years stay plausible)."""

    def redraw(match: re.Match[str]) -> str:
        digits = match.group()
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(rng.randint(1990, 2035))
        if len(digits) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return _DIGIT_RUN.sub(redraw, sentence)


def build_corpus(size: int, seed: int) -> Corpus:
    """Deterministic articles (heading + paragraphs of varied sentences) totalling ≥ `size` bytes."""
    rng = random.Random(seed)
    templates, headings = template_sentences(load_cases())
    articles: list[str] = []
    sentences: list[str] = []
    total = 0
    while total < size:
        parts = [rng.choice(headings)]
        for _ in range(rng.randint(3, 6)):
            paragraph = [
                redraw_numbers(rng.choice(templates), rng) for _ in range(rng.randint(2, 5))
            ]
            sentences.extend(paragraph)
            parts.append(" ".join(paragraph))
        article = "\n".join(parts) + "\n"
        articles.append(article)
        total += len(article.encode())
    return Corpus(articles, sentences)


# --- timing --------------------------------------------------------------------


def timed(run: Callable[[], object]) -> float:
    """CPU seconds of one call: the machine is shared, and other work must not count."""
    started = time.process_time()
    run()
    return time.process_time() - started


def best_of(runs: int, run: Callable[[], object]) -> float:
    """The fastest of `runs` calls (less noise from a busy machine)."""
    return min(timed(run) for _ in range(runs))


def quantulum_parser() -> Callable[[str], list[Any]] | None:
    """quantulum3's `parser.parse`, warmed up, or None if it is not installed."""
    try:
        from quantulum3 import classifier, parser
    except ImportError:
        return None
    warnings.filterwarnings("ignore")
    # Its pickled classifier does not load under the scikit-learn our [train]
    # extra pins, and a plain `pip install quantulum3` (no scikit-learn) runs
    # without it: the dictionary disambiguation, every run alike.
    classifier.USE_CLF = False
    parser.parse("It costs $5 and weighs 3 kg.")  # loads its classifier outside the timing
    return parser.parse


def throughput(label: str, size: int, sentences: int, seconds: float) -> tuple[float, float]:
    """Print and return MB/s and sentences/s."""
    mb_s = size / MB / seconds
    s_s = sentences / seconds
    print(f"  {label:32s} {seconds:8.3f} s  {mb_s:8.3f} MB/s  {s_s:10.0f} sentences/s")
    return mb_s, s_s


def time_corpus(corpus: Corpus, runs: int) -> dict[str, float]:
    """Time both extractors on the corpus and quantulum3 on a sample; print the ratios."""
    extract, name = (lambda text: extract_claims(text, published=PUBLISHED)), "extract_claims"
    size, count = corpus.size, len(corpus.sentences)
    print(f"corpus: {len(corpus.articles)} articles, {count} sentences, {size / MB:.2f} MB")
    found = sum(len(find_quantities(a)) for a in corpus.articles)
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    print(
        f"  {found / (size / 1000):.1f} quantities per KB (the seed article has"
        f" {len(find_quantities(seed)) / (len(seed.encode()) / 1000):.1f}): the labelled"
        " sentences make the corpus number-dense, the hard case for find_quantities"
    )
    extract(corpus.articles[0])  # warm caches and lazy imports
    full = best_of(runs, lambda: [extract(a) for a in corpus.articles])
    alone = best_of(runs, lambda: [find_quantities(a) for a in corpus.articles])
    print("throughput (single process):")
    full_mb, full_s = throughput(name, size, count, full)
    model = time_model(corpus, runs)
    print(
        f"  of which the model's scoring    {model:8.3f} s  ({model / full:.1%} of extract_claims)"
    )
    alone_mb, alone_s = throughput("find_quantities", size, count, alone)
    return {"full_mb": full_mb, "full_s": full_s, "alone_mb": alone_mb, "alone_s": alone_s}


def compare_previous(corpus: Corpus, runs: int, ref: str) -> None:
    """The previous code's throughput on the same corpus, beside this code's.

    Both are timed the same way, each in a fresh process, taking turns: timing this
    code in the warm benchmark process and the previous one in a new process read
    this code 6-12 % slower than an interleaved A/B of separate processes did.
    """
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref, "claimtrack"],
            capture_output=True,
            check=False,
        )
        if archive.returncode != 0:
            print(f"  previous code ({ref}) unavailable: {archive.stderr.decode().strip()}")
            return
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        articles = Path(folder) / "articles.json"
        articles.write_text(json.dumps(corpus.articles), encoding="utf-8")
        best: dict[str, dict[str, float]] = {}
        for _ in range(PREVIOUS_ROUNDS):
            for side, code in (("now", str(ROOT)), ("before", folder)):
                seconds = _time_code(code, articles, runs)
                if seconds is None:
                    print(f"  previous code ({ref}) failed to run")
                    return
                mine = best.setdefault(side, seconds)
                for key, value in seconds.items():
                    mine[key] = min(mine[key], value)
    size = corpus.size / MB
    print(
        f"against the previous code ({ref}, same corpus, same run; each in fresh"
        f" processes, {PREVIOUS_ROUNDS} turns each, the best):"
    )
    for label, key in (("extract_claims", "full"), ("find_quantities", "alone")):
        now, before = size / best["now"][key], size / best["before"][key]
        print(
            f"  {label:16s} now {now:6.2f} MB/s   before {before:6.2f} MB/s   ×{now / before:.2f}"
        )


# Turns of each code in `compare_previous`, alternating: a busy spell of the
# machine then falls on both sides rather than on one.
PREVIOUS_ROUNDS = 2

_TIMER = """
import json, sys, time, datetime as dt
sys.path.insert(0, sys.argv[1])
import claimtrack
assert claimtrack.__file__.startswith(sys.argv[1]), claimtrack.__file__
from claimtrack.extract import extract_claims
from claimtrack.extract.quantities import find_quantities
articles = json.load(open(sys.argv[2], encoding="utf-8"))
runs, published = int(sys.argv[3]), dt.date.fromisoformat(sys.argv[4])
def best(run):
    run(articles[0])
    times = []
    for _ in range(runs):
        start = time.process_time()
        for article in articles:
            run(article)
        times.append(time.process_time() - start)
    return min(times)
full = best(lambda text: extract_claims(text, published=published))
alone = best(find_quantities)
print(json.dumps({"full": full, "alone": alone}))
"""


def _time_code(code: str, articles: Path, runs: int) -> dict[str, float] | None:
    """CPU seconds the claimtrack package under `code` takes on the articles, in a new process."""
    import subprocess

    command = [sys.executable, "-c", _TIMER, code, str(articles), str(runs), PUBLISHED.isoformat()]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(f"  {code}: {result.stderr.strip().splitlines()[-1:]}")
        return None
    return {key: float(value) for key, value in json.loads(result.stdout).items()}


def time_model(corpus: Corpus, runs: int) -> float:
    """Seconds the learned model takes to score every sentence (signals read beforehand)."""
    model = load_model()
    signals = [sentence_signals(sentence) for sentence in corpus.sentences]

    def score_all() -> None:
        for fired, terms in signals:
            model.probability(model.margin(terms, fired))

    return best_of(runs, score_all)


def time_quantulum(corpus: Corpus, sample_size: int, seed: int) -> tuple[float, float] | None:
    """quantulum3 on a random sample of the corpus sentences: MB/s and sentences/s."""
    parse = quantulum_parser()
    if parse is None:
        print("  quantulum3 is not installed (pip install quantulum3): no baseline")
        return None
    sample = random.Random(seed).sample(corpus.sentences, min(sample_size, len(corpus.sentences)))
    sample_bytes = sum(len(s.encode()) + 1 for s in sample)
    # Best of two, like our own timings: noise from a busy machine must not flatter us.
    seconds = best_of(2, lambda: [parse(s) for s in sample])
    print(f"  quantulum3 sample: {len(sample)} sentences, {sample_bytes / 1000:.1f} KB")
    mb_s, s_s = throughput("quantulum3.parser.parse", sample_bytes, len(sample), seconds)
    print(f"  quantulum3 on the whole corpus, extrapolated: {corpus.size / MB / mb_s:.1f} s")
    return mb_s, s_s


def time_prose(parse: Callable[[str], list[Any]] | None, repeats: int) -> None:
    """find_quantities against quantulum3 on the seed article's own sentences (sparse figures)."""
    if parse is None:
        return
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n", seed) if s.strip()]
    size = sum(len(s.encode()) + 1 for s in sentences) * repeats
    ours = best_of(3, lambda: [find_quantities(s) for _ in range(repeats) for s in sentences])
    theirs = timed(lambda: [parse(s) for s in sentences])
    print(f"seed-article prose only ({len(sentences)} sentences, figures sparse):")
    ours_mb = size / MB / ours
    theirs_mb = size / repeats / MB / theirs
    print(
        f"  find_quantities {ours_mb:.2f} MB/s, quantulum3 {theirs_mb:.3f} MB/s:"
        f" {ours_mb / theirs_mb:.0f}×"
    )


# --- accuracy ------------------------------------------------------------------


def _close(a: float | None, b: float | None) -> bool:
    """Equal numbers within 1e-9 relative tolerance, or both None."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9)


def _matches(got: Key, want: Key, strict: bool) -> bool:
    """Whether two quantity keys agree (strict: unit and per too)."""
    values = _close(got[0], want[0]) and _close(got[1], want[1])
    return values and (not strict or got[2:] == want[2:])


def score(pairs: Iterable[tuple[list[Key], list[Key]]], strict: bool) -> tuple[float, float, float]:
    """Precision, recall and F1 of predicted against labelled keys, sentence by sentence."""
    tp = fp = fn = 0
    for predicted, labelled in pairs:
        remaining = list(labelled)
        for key in predicted:
            hit = next((i for i, want in enumerate(remaining) if _matches(key, want, strict)), None)
            if hit is None:
                fp += 1
            else:
                remaining.pop(hit)
                tp += 1
        fn += len(remaining)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def label_key(quantity: dict[str, Any]) -> Key:
    """The scored key of a labelled quantity (unit lower-cased)."""
    unit = quantity["unit"].lower() if quantity["unit"] else None
    return quantity["low"], quantity["high"], unit, quantity["per"]


def our_keys(text: str) -> list[Key]:
    """Keys of what `find_quantities` reads."""
    return [
        (q.low, q.high, q.unit.lower() if q.unit else None, q.per) for q in find_quantities(text)
    ]


def quantulum_key(quantity: Any) -> Key:
    """A quantulum3 quantity mapped to the label scheme: value ± uncertainty, ISO/%/pp, per."""
    value = float(quantity.value)
    spread = float(quantity.uncertainty or 0)
    low, high = (value - spread, value + spread) if spread else (value, value)
    dimensions = quantity.unit.original_dimensions or quantity.unit.dimensions or []
    per = None
    bases = []
    for dimension in dimensions:
        base = str(dimension.get("base", ""))
        if dimension.get("power", 1) == -1 and base in _PERIODS:
            per = base
        else:
            bases.append(base)
    name = " ".join(bases) if bases else quantity.unit.name
    code = getattr(quantity.unit, "currency_code", None)
    if code:
        unit: str | None = code
    elif (
        bases
        and bases[0] in _QUANTULUM_UNITS
        and quantity.unit.entity.name
        in (
            "currency",
            "unknown",
        )
    ):
        unit = _QUANTULUM_UNITS[bases[0]]
    else:
        unit = _QUANTULUM_UNITS.get(name, name)
    return low, high, unit.lower() if unit else None, per


def accuracy(cases: list[dict[str, Any]]) -> None:
    """Score find_quantities and quantulum3 on the labelled quantity cases; print both."""
    labelled = [[label_key(q) for q in case["quantities"]] for case in cases]
    ours = [our_keys(case["text"]) for case in cases]
    rows = [("find_quantities", ours)]
    parse = quantulum_parser()
    if parse is not None:
        rows.append(("quantulum3", [[quantulum_key(q) for q in parse(c["text"])] for c in cases]))
    print(f"accuracy on {len(cases)} labelled sentences, {sum(map(len, labelled))} quantities:")
    print(f"  {'':18s} {'strict (low, high, unit, per)':>32s}   {'values only (low, high)':>26s}")
    results = {}
    for name, predicted in rows:
        strict = score(zip(predicted, labelled, strict=True), strict=True)
        loose = score(zip(predicted, labelled, strict=True), strict=False)
        results[name] = (strict, loose)
        print(
            f"  {name:18s}   P {strict[0]:.3f} R {strict[1]:.3f} F1 {strict[2]:.3f}"
            f"      P {loose[0]:.3f} R {loose[1]:.3f} F1 {loose[2]:.3f}"
        )
    if "quantulum3" in results:
        ours_f1, theirs_f1 = results["find_quantities"][0][2], results["quantulum3"][0][2]
        ours_v, theirs_v = results["find_quantities"][1][2], results["quantulum3"][1][2]
        print(
            f"  F1 ratio (ours / quantulum3): strict {ours_f1 / max(theirs_f1, 1e-9):.2f}×,"
            f" values only {ours_v / max(theirs_v, 1e-9):.2f}×"
        )
        print(
            "target higher accuracy than quantulum3: "
            f"{'met' if ours_f1 > theirs_f1 and ours_v > theirs_v else 'NOT met'}"
        )


# --- adversarial -----------------------------------------------------------------

ADVERSARIAL_TARGET_MB_S = 0.5  # issue 17: ≤ 2 s per MB on every input, CPU time


def adversarial(size: int) -> bool:
    """extract_claims on each adversarial input at size/2 and size: CPU seconds, the growth
    (linear means ×2.0) and MB/s at `size` against the target. True when every input meets it."""
    half = size // 2
    print(
        f"adversarial inputs (tests/extract/adversarial_inputs.py), extract_claims with"
        f" include_all, CPU seconds at {half / MB:.2f} MB and {size / MB:.2f} MB:"
    )
    print(f"  {'':40s} {'half':>6s} {'full':>6s} {'growth':>7s} {'MB/s':>7s}   target")
    slow: list[str] = []
    for name, build in ALL_ADVERSARIAL.items():
        small_text, large_text = build(half), build(size)
        # include_all: an unpunctuated line is a heading, which the default path
        # skips; every stage must still read it here.
        small = timed(lambda t=small_text: extract_all(t))
        large = timed(lambda t=large_text: extract_all(t))
        mb_s = len(large_text.encode()) / MB / max(large, 1e-6)
        met = mb_s >= ADVERSARIAL_TARGET_MB_S
        if not met:
            slow.append(name)
        print(
            f"  {name:40s} {small:6.2f} {large:6.2f} ×{large / max(small, 1e-6):5.1f}"
            f" {mb_s:7.2f}   ≥ {ADVERSARIAL_TARGET_MB_S} MB/s {'met' if met else 'NOT met'}"
        )
    print(
        f"target ≥ {ADVERSARIAL_TARGET_MB_S} MB/s on every adversarial input: "
        + ("met" if not slow else f"NOT met ({', '.join(slow)})")
    )
    return not slow


def extract_all(text: str) -> object:
    """Every sentence through every stage, as the adversarial timing needs."""
    return extract_claims(text, published=PUBLISHED, include_all=True)


# --- main --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, time, score, and print everything as ratios to quantulum3."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="~200 KB corpus, small samples")
    parser.add_argument("--size-mb", type=float, default=None, help="corpus size (default 1.05)")
    parser.add_argument("--sample", type=int, default=None, help="quantulum3 sample (sentences)")
    parser.add_argument("--seed", type=int, default=20251103, help="random seed for the corpus")
    parser.add_argument("--previous", default=PREVIOUS_REF, help="git ref of the code to compare")
    parser.add_argument(
        "--adversarial-only", action="store_true", help="only the adversarial inputs (1 MB each)"
    )
    args = parser.parse_args(argv)
    if args.adversarial_only:
        return 0 if adversarial(size=MB) else 1
    size = int((args.size_mb or (0.2 if args.quick else 1.05)) * MB)
    sample = args.sample or (200 if args.quick else 1000)
    runs = 1 if args.quick else 3

    corpus = build_corpus(size, args.seed)
    speeds = time_corpus(corpus, runs)
    compare_previous(corpus, runs, args.previous)
    baseline = time_quantulum(corpus, sample, args.seed)
    if baseline is not None:
        base_mb, base_s = baseline
        print("speed against quantulum3 (same run):")
        for label, key in (("extract_claims", "full"), ("find_quantities", "alone")):
            print(
                f"  {label:16s} {speeds[key + '_mb'] / base_mb:8.1f}× quantulum3 (MB/s)"
                f"  {speeds[key + '_s'] / base_s:8.1f}× (sentences/s)"
            )
    time_prose(quantulum_parser(), 1 if args.quick else 20)
    print(
        f"target ≥ 1 MB/s: extract_claims {speeds['full_mb']:.2f} MB/s "
        f"({'met' if speeds['full_mb'] >= 1 else 'NOT met'})"
    )
    if baseline is not None:
        ratio = speeds["alone_mb"] / baseline[0]
        print(
            f"target ≥ 50× quantulum3: find_quantities {ratio:.1f}× "
            f"({'met' if ratio >= 50 else 'NOT met'})"
        )
    print(
        f"target ≥ 4 MB/s: find_quantities {speeds['alone_mb']:.2f} MB/s "
        f"({'met' if speeds['alone_mb'] >= 4 else 'NOT met'})"
    )
    print("--- the labelled development cases (tests/extract/cases)")
    accuracy(load_cases())
    unseen = load_unseen("test")
    if unseen:
        print("--- the unseen test split (tests/extract/unseen, never tuned on)")
        accuracy(unseen)
    adversarial(size // 5 if args.quick else MB)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
