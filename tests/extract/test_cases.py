"""The extractor measured against the labelled cases in tests/extract/cases/*.jsonl.

Each facet is scored per sentence and summed over the corpus: quantities on
(low, high, per, unit), dates on (date, role), the speaker's exact name,
check-worthiness as a binary label, the kind as accuracy. The table (all cases
and each domain) prints with `pytest -s` and is part of every failure message;
set CLAIMTRACK_CASES_MISSES=1 to also print every miss. Labelling conventions:
tests/extract/cases/README.md.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import pytest

from claimtrack.extract import (
    claim_threshold,
    extract_claims,
    find_dates,
    find_quantities,
)
from claimtrack.extract.speakers import find_speaker
from claimtrack.extract.types import Precision

CASES_DIR = Path(__file__).parent / "cases"
DOMAINS = ("defence", "economy", "health", "elections", "climate", "sport")
PERS = {"second", "minute", "hour", "day", "week", "month", "quarter", "year", None}
KINDS = {
    "quantity",
    "commitment",
    "prediction",
    "causation",
    "rule",
    "attribution",
    "event",
    "comparison",
    "opinion",
    "other",
}
QUANTITY_F1_FLOOR = 0.90
DATE_F1_FLOOR = 0.90
CHECKWORTHY_F1_FLOOR = 0.85


@dataclass(frozen=True)
class Case:
    """One labelled sentence."""

    domain: str
    line: int
    text: str
    published: dt.date | None
    quantities: tuple[dict[str, Any], ...]
    dates: tuple[dict[str, Any], ...]
    speaker: str | None
    checkworthy: bool
    kind: str


@dataclass
class Tally:
    """True positives, false positives and false negatives of one facet."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Accumulate one sentence's counts."""
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        """Share of predictions that were right (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of labels that were found (1.0 when there was nothing to find)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Per-facet tallies for the whole corpus and for each domain, plus the misses."""

    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)
    kind_right: Counter[str] = field(default_factory=Counter)
    kind_total: Counter[str] = field(default_factory=Counter)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def tally(self, facet: str, domain: str) -> Tally:
        """The tally of `facet` for `domain` ("all" for the corpus)."""
        return self.tallies.setdefault((facet, domain), Tally())

    def add(self, facet: str, domain: str, counts: tuple[int, int, int]) -> None:
        """Count one sentence for its domain and for the corpus."""
        self.tally(facet, domain).add(*counts)
        self.tally(facet, "all").add(*counts)

    def miss(self, facet: str, case: Case, detail: str) -> None:
        """Remember a disagreement so it can be printed."""
        self.misses.setdefault(facet, []).append(f"{case.domain}:{case.line}: {detail}")

    def kind_accuracy(self, domain: str = "all") -> float:
        """Share of sentences whose kind matched the label."""
        total = self.kind_total[domain]
        return self.kind_right[domain] / total if total else 1.0

    def table(self) -> str:
        """The per-facet table: P/R/F1 over all cases, then F1 per domain."""
        columns = ("all", *DOMAINS)
        header = f"{'facet':<13}{'P':>6}{'R':>6}{'F1':>6} | " + " ".join(
            f"{d[:8]:>8}" for d in columns
        )
        lines = [header, "-" * len(header)]
        for facet in ("quantities", "dates", "speaker", "checkworthy"):
            total = self.tally(facet, "all")
            per_domain = " ".join(f"{self.tally(facet, d).f1:>8.3f}" for d in columns)
            lines.append(
                f"{facet:<13}{total.precision:>6.3f}{total.recall:>6.3f}{total.f1:>6.3f} | "
                + per_domain
            )
        per_domain = " ".join(f"{self.kind_accuracy(d):>8.3f}" for d in columns)
        lines.append(f"{'kind (acc)':<13}{'':>6}{'':>6}{self.kind_accuracy():>6.3f} | {per_domain}")
        lines.append(f"cases: {self.kind_total['all']}  (domain columns: F1, kind: accuracy)")
        return "\n".join(lines)


def load_cases() -> list[Case]:
    """Every labelled sentence, in file order."""
    cases: list[Case] = []
    for domain in DOMAINS:
        path = CASES_DIR / f"{domain}.jsonl"
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if raw.strip():
                cases.append(_case(domain, number, json.loads(raw)))
    return cases


def _case(domain: str, line: int, record: dict[str, Any]) -> Case:
    """A Case from one JSON record."""
    published = record["published"]
    return Case(
        domain=domain,
        line=line,
        text=record["text"],
        published=dt.date.fromisoformat(published) if published else None,
        quantities=tuple(record["quantities"]),
        dates=tuple(record["dates"]),
        speaker=record["speaker"],
        checkworthy=record["checkworthy"],
        kind=record["kind"],
    )


def _same_number(a: float | None, b: float | None) -> bool:
    """Equal numbers (relative tolerance 1e-9), or both absent."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _same_quantity(expected: dict[str, Any], found: Any) -> bool:
    """A found Quantity matches a label on low, high, per and lower-cased unit."""
    unit = found.unit.lower() if found.unit else None
    wanted_unit = expected["unit"].lower() if expected["unit"] else None
    return (
        _same_number(expected["low"], found.low)
        and _same_number(expected["high"], found.high)
        and expected["per"] == found.per
        and wanted_unit == unit
    )


def _same_date(expected: dict[str, Any], found: Any) -> bool:
    """A found DateMention matches a label on the resolved date and the role."""
    date = found.date.isoformat() if found.date else None
    return expected["date"] == date and expected["role"] == found.role


def _match(
    expected: Iterable[dict[str, Any]],
    found: Iterable[Any],
    same: Callable[[dict[str, Any], Any], bool],
) -> tuple[int, int, int, list[dict[str, Any]], list[Any]]:
    """Greedy one-to-one matching: (tp, fp, fn, unmatched labels, unmatched findings)."""
    remaining = list(found)
    missed: list[dict[str, Any]] = []
    for label in expected:
        hit = next((item for item in remaining if same(label, item)), None)
        if hit is None:
            missed.append(label)
        else:
            remaining.remove(hit)
    tp = len(list(expected)) - len(missed)
    return tp, len(remaining), len(missed), missed, remaining


def _describe_quantity(q: Any) -> str:
    """A short readable form of a found Quantity."""
    return f"({q.low}, {q.high}, {q.unit!r}, {q.per}) from {q.text!r}"


def _score_quantities(report: Report, case: Case) -> None:
    """Compare find_quantities with the labels of one case."""
    found = find_quantities(case.text)
    tp, fp, fn, missed, extra = _match(case.quantities, found, _same_quantity)
    report.add("quantities", case.domain, (tp, fp, fn))
    if missed or extra:
        wanted = [(m["low"], m["high"], m["unit"], m["per"]) for m in missed]
        report.miss(
            "quantities",
            case,
            f"missed {wanted} extra {[_describe_quantity(q) for q in extra]} in {case.text!r}",
        )


def _score_dates(report: Report, case: Case) -> None:
    """Compare find_dates with the labels of one case."""
    found = find_dates(case.text, case.published)
    tp, fp, fn, missed, extra = _match(case.dates, found, _same_date)
    report.add("dates", case.domain, (tp, fp, fn))
    if missed or extra:
        wanted = [(m["text"], m["date"], m["role"]) for m in missed]
        got = [(d.text, d.date.isoformat() if d.date else None, d.role) for d in extra]
        report.miss(
            "dates",
            case,
            f"missed {wanted} extra {got} (published {case.published}) in {case.text!r}",
        )


def _score_speaker(report: Report, case: Case) -> None:
    """Compare find_speaker (no article context) with the label of one case."""
    found = find_speaker(case.text)
    name = found.name if found else None
    right = name is not None and name == case.speaker
    tp = int(right)
    fp = int(name is not None and not right)
    fn = int(case.speaker is not None and not right)
    report.add("speaker", case.domain, (tp, fp, fn))
    if not right and (name or case.speaker):
        report.miss("speaker", case, f"expected {case.speaker!r} got {name!r} in {case.text!r}")


def _score_claim(report: Report, case: Case) -> None:
    """Check-worthiness and kind from extract_claims over the one-sentence text."""
    claims = [c for c in extract_claims(case.text, case.published, include_all=True)]
    best = max(claims, key=lambda c: c.score, default=None)
    predicted = any(not c.is_heading and c.score >= claim_threshold() for c in claims)
    counts = (
        int(predicted and case.checkworthy),
        int(predicted and not case.checkworthy),
        int(case.checkworthy and not predicted),
    )
    report.add("checkworthy", case.domain, counts)
    if predicted != case.checkworthy:
        why = {k: round(v, 2) for k, v in best.features.items()} if best else {}
        score = round(best.score, 2) if best else None
        report.miss(
            "checkworthy",
            case,
            f"expected {case.checkworthy} score {score} {why} in {case.text!r}",
        )
    kind = best.kind if best else "other"
    for domain in (case.domain, "all"):
        report.kind_total[domain] += 1
        report.kind_right[domain] += int(kind == case.kind)
    if kind != case.kind:
        report.miss("kind", case, f"expected {case.kind} got {kind} in {case.text!r}")


def build_report(cases: list[Case]) -> Report:
    """Run every extractor over every case and tally the results."""
    report = Report()
    for case in cases:
        _score_quantities(report, case)
        _score_dates(report, case)
        _score_speaker(report, case)
        _score_claim(report, case)
    return report


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    """The labelled corpus."""
    return load_cases()


@pytest.fixture(scope="module")
def report(cases: list[Case]) -> Report:
    """The scored corpus, printed once (visible with `pytest -s`)."""
    result = build_report(cases)
    print("\n" + result.table())
    if os.environ.get("CLAIMTRACK_CASES_MISSES"):
        for facet, misses in result.misses.items():
            print(f"\n{facet}: {len(misses)} misses")
            print("\n".join(f"  {m}" for m in misses))
    return result


def _message(report: Report, facet: str) -> str:
    """A failure message: the table and the first misses of the facet."""
    misses = report.misses.get(facet, [])
    shown = "\n".join(f"  {m}" for m in misses[:25])
    return f"\n{report.table()}\n\n{facet} misses ({len(misses)}):\n{shown}"


def test_cases_are_well_formed(cases: list[Case]) -> None:
    """At least 200 sentences, 30 per domain, every label within the documented vocabulary."""
    per_domain = Counter(case.domain for case in cases)
    assert len(cases) >= 200
    assert all(per_domain[d] >= 30 for d in DOMAINS), per_domain
    for case in cases:
        assert case.kind in KINDS, case
        assert isinstance(case.checkworthy, bool), case
        for q in case.quantities:
            assert set(q) == {"low", "high", "unit", "per"}, case
            assert q["low"] is not None or q["high"] is not None, case
            if q["low"] is not None and q["high"] is not None:
                assert q["low"] <= q["high"], case
            assert q["per"] in PERS, case
        for d in case.dates:
            assert set(d) == {"text", "date", "role", "precision"}, case
            assert d["text"] in case.text, case
            assert d["role"] in {"deadline", "mentioned"}, case
            assert d["precision"] in get_args(Precision), case
            if d["date"] is not None:
                dt.date.fromisoformat(d["date"])
        if case.speaker is not None:
            assert case.speaker in case.text, case


def test_cases_are_unique(cases: list[Case]) -> None:
    """No sentence is labelled twice (a duplicate would weigh double)."""
    counts = Counter(case.text for case in cases)
    assert [text for text, n in counts.items() if n > 1] == []


def test_quantities_f1(report: Report) -> None:
    """find_quantities reaches the agreed F1 on the labelled quantities."""
    f1 = report.tally("quantities", "all").f1
    assert f1 >= QUANTITY_F1_FLOOR, _message(report, "quantities")


def test_dates_f1(report: Report) -> None:
    """find_dates reaches the agreed F1 on the labelled dates and roles."""
    f1 = report.tally("dates", "all").f1
    assert f1 >= DATE_F1_FLOOR, _message(report, "dates")


def test_checkworthiness_f1(report: Report) -> None:
    """The check-worthiness decision reaches the agreed F1."""
    f1 = report.tally("checkworthy", "all").f1
    assert f1 >= CHECKWORTHY_F1_FLOOR, _message(report, "checkworthy")


# --- the unseen set of issue 12: old cases, new dev split, new test split ------------

UNSEEN = Path(__file__).parent / "unseen" / "quantities_dates.jsonl"
# A second development batch, written after the dev split had been tuned on (README there).
FRESH_DEV = Path(__file__).parent / "unseen" / "dev_fresh.jsonl"
# A third, written after the second had been tuned on (README there).
FRESH_DEV_2 = Path(__file__).parent / "unseen" / "dev_fresh2.jsonl"
# A fourth, written after the third had been tuned on (README there).
FRESH_DEV_3 = Path(__file__).parent / "unseen" / "dev_fresh3.jsonl"
# A fifth, written after the fourth had been tuned on (README there).
FRESH_DEV_4 = Path(__file__).parent / "unseen" / "dev_fresh4.jsonl"
# A sixth, written after the fifth had been tuned on, and tuned on a session later (README there).
FRESH_DEV_5 = Path(__file__).parent / "unseen" / "dev_fresh5.jsonl"
# A seventh, in two halves by labeller: the first tuned on, the second not (README there).
FRESH_DEV_6 = Path(__file__).parent / "unseen" / "dev_fresh6.jsonl"
FRESH_DEV_7 = Path(__file__).parent / "unseen" / "dev_fresh7.jsonl"
# An eighth, in two halves by labeller, written and scored once after the session's rules
# were done: not tuned on (README there).
FRESH_DEV_8 = Path(__file__).parent / "unseen" / "dev_fresh8.jsonl"
# A ninth, in two halves by labeller, written while the session's rules were being written
# from the eighth and scored once when they were done: not tuned on (README there).
FRESH_DEV_9 = Path(__file__).parent / "unseen" / "dev_fresh9.jsonl"
# A tenth, in two halves by labeller, written while the rules were being written from the
# ninth and scored once when they were done: not tuned on (README there).
FRESH_DEV_10 = Path(__file__).parent / "unseen" / "dev_fresh10.jsonl"
# An eleventh and a twelfth, labelled by reading while the rules were being written from
# the tenth, and scored once when they were done: not tuned on (README there).
FRESH_DEV_11 = Path(__file__).parent / "unseen" / "dev_fresh11.jsonl"
FRESH_DEV_12 = Path(__file__).parent / "unseen" / "dev_fresh12.jsonl"
FRESH_DEV_13 = Path(__file__).parent / "unseen" / "dev_fresh13.jsonl"
# A fourteenth, labelled by reading while the rules were being written from the thirteenth,
# scored once before any rule was written from it, then tuned on (README there).
FRESH_DEV_14 = Path(__file__).parent / "unseen" / "dev_fresh14.jsonl"
# A fifteenth, labelled by reading while the rules were being written from the fourteenth,
# scored once when they were done, then tuned on (README there).
FRESH_DEV_15 = Path(__file__).parent / "unseen" / "dev_fresh15.jsonl"
# A sixteenth, labelled by reading while the rules were being written from the fifteenth,
# scored once when they were done: not tuned on (README there).
FRESH_DEV_16 = Path(__file__).parent / "unseen" / "dev_fresh16.jsonl"
# A seventeenth, labelled by reading while the rules were being written from the sixteenth,
# scored once when they were done, then tuned on (README there).
FRESH_DEV_17 = Path(__file__).parent / "unseen" / "dev_fresh17.jsonl"
# An eighteenth, labelled by reading while the rules were being written from the
# seventeenth, scored once when they were done: not tuned on (README there).
FRESH_DEV_18 = Path(__file__).parent / "unseen" / "dev_fresh18.jsonl"
# A nineteenth, labelled by reading while the rules were being written from the eighteenth,
# scored once when they were done: not tuned on (README there).
FRESH_DEV_19 = Path(__file__).parent / "unseen" / "dev_fresh19.jsonl"
# A twentieth, labelled by reading while the rules were being written from the nineteenth,
# scored once when they were done, then tuned on (README there).
FRESH_DEV_20 = Path(__file__).parent / "unseen" / "dev_fresh20.jsonl"
# A twenty-first, labelled by reading while the rules were being written from the twentieth,
# scored once when they were done, then tuned on (README there).
FRESH_DEV_21 = Path(__file__).parent / "unseen" / "dev_fresh21.jsonl"
# A twenty-second, labelled by reading while the rules were being written from the
# twenty-first, scored once when they were done: not tuned on (README there).
FRESH_DEV_22 = Path(__file__).parent / "unseen" / "dev_fresh22.jsonl"
# A twenty-third, labelled by reading while rules were written from the twenty-second; tuned
# on since the first 2026-12-08 session.
FRESH_DEV_23 = Path(__file__).parent / "unseen" / "dev_fresh23.jsonl"
# A twenty-fourth, labelled by reading while rules were written from the twenty-third; tuned
# on since the second 2026-12-08 session.
FRESH_DEV_24 = Path(__file__).parent / "unseen" / "dev_fresh24.jsonl"
# A twenty-fifth, labelled by reading while rules were written from the twenty-fourth; not
# tuned on.
FRESH_DEV_25 = Path(__file__).parent / "unseen" / "dev_fresh25.jsonl"
# Fractions are labelled to four places (0.6667 for two thirds).
UNSEEN_TOLERANCE = 1e-3


@dataclass(frozen=True)
class Labelled:
    """A sentence with its quantity and date labels, from either set."""

    text: str
    published: dt.date | None
    quantities: tuple[dict[str, Any], ...]
    dates: tuple[dict[str, Any], ...]


def load_unseen(split: str, path: Path = UNSEEN) -> list[Labelled]:
    """The `dev` or `test` split of tests/extract/unseen (its README says how it was split)."""
    if not path.exists():
        return []
    rows = [json.loads(raw) for raw in path.read_text("utf-8").splitlines() if raw.strip()]
    return [
        Labelled(
            row["text"],
            dt.date.fromisoformat(row["published"]) if row.get("published") else None,
            tuple(row["quantities"]),
            tuple(row["dates"]),
        )
        for row in rows
        if row["split"] == split
    ]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=UNSEEN_TOLERANCE, abs_tol=1e-9)


def _same_values(expected: dict[str, Any], found: Any) -> bool:
    return _close(expected["low"], found.low) and _close(expected["high"], found.high)


def _same_strictly(expected: dict[str, Any], found: Any) -> bool:
    unit = found.unit.lower() if found.unit else None
    wanted = expected["unit"].lower() if expected["unit"] else None
    return _same_values(expected, found) and expected["per"] == found.per and wanted == unit


def facet_figures(sentences: Iterable[Labelled]) -> dict[str, Tally]:
    """Quantities on values alone and strictly (with unit and rate), and dates, over a set."""
    tallies = {"values": Tally(), "strict": Tally(), "dates": Tally()}
    for sentence in sentences:
        found = find_quantities(sentence.text)
        tallies["values"].add(*_match(sentence.quantities, found, _same_values)[:3])
        tallies["strict"].add(*_match(sentence.quantities, found, _same_strictly)[:3])
        mentions = find_dates(sentence.text, sentence.published)
        tallies["dates"].add(*_match(sentence.dates, mentions, _same_date)[:3])
    return tallies


def facet_table(rows: dict[str, dict[str, Tally]]) -> str:
    """One line per set: P/R/F1 of each facet."""
    header = f"{'set':<16}" + "".join(
        f"{name + ' P/R/F1':>24}" for name in next(iter(rows.values()))
    )
    lines = [header, "-" * len(header)]
    for name, tallies in rows.items():
        cells = "".join(
            f"{f'{t.precision:.3f} {t.recall:.3f} {t.f1:.3f}':>24}" for t in tallies.values()
        )
        lines.append(f"{name:<16}{cells}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def split_figures(cases: list[Case]) -> dict[str, dict[str, Tally]]:
    """Per-facet figures for the old cases and each split of the unseen set, printed."""
    old = [Labelled(c.text, c.published, c.quantities, c.dates) for c in cases]
    rows = {
        "old cases": facet_figures(old),
        "unseen dev": facet_figures(load_unseen("dev")),
        "fresh dev": facet_figures(load_unseen("dev", FRESH_DEV)),
        "fresh dev 2": facet_figures(load_unseen("dev", FRESH_DEV_2)),
        "fresh dev 3": facet_figures(load_unseen("dev", FRESH_DEV_3)),
        "fresh dev 4": facet_figures(load_unseen("dev", FRESH_DEV_4)),
        "fresh dev 5": facet_figures(load_unseen("dev", FRESH_DEV_5)),
        "fresh dev 6": facet_figures(load_unseen("dev", FRESH_DEV_6)),
        "fresh dev 7": facet_figures(load_unseen("dev", FRESH_DEV_7)),
        "fresh dev 8": facet_figures(load_unseen("dev", FRESH_DEV_8)),
        "fresh dev 9": facet_figures(load_unseen("dev", FRESH_DEV_9)),
        "fresh dev 10": facet_figures(load_unseen("dev", FRESH_DEV_10)),
        "fresh dev 11": facet_figures(load_unseen("dev", FRESH_DEV_11)),
        "fresh dev 12": facet_figures(load_unseen("dev", FRESH_DEV_12)),
        "fresh dev 13": facet_figures(load_unseen("dev", FRESH_DEV_13)),
        "fresh dev 14": facet_figures(load_unseen("dev", FRESH_DEV_14)),
        "fresh dev 15": facet_figures(load_unseen("dev", FRESH_DEV_15)),
        "fresh dev 16": facet_figures(load_unseen("dev", FRESH_DEV_16)),
        "fresh dev 17": facet_figures(load_unseen("dev", FRESH_DEV_17)),
        "fresh dev 18": facet_figures(load_unseen("dev", FRESH_DEV_18)),
        "fresh dev 19": facet_figures(load_unseen("dev", FRESH_DEV_19)),
        "fresh dev 20": facet_figures(load_unseen("dev", FRESH_DEV_20)),
        "fresh dev 21": facet_figures(load_unseen("dev", FRESH_DEV_21)),
        "fresh dev 22": facet_figures(load_unseen("dev", FRESH_DEV_22)),
        "fresh dev 23": facet_figures(load_unseen("dev", FRESH_DEV_23)),
        "fresh dev 24": facet_figures(load_unseen("dev", FRESH_DEV_24)),
        "fresh dev 25": facet_figures(load_unseen("dev", FRESH_DEV_25)),
        "unseen test": facet_figures(load_unseen("test")),
    }
    print("\n" + facet_table(rows))
    return rows


def test_the_unseen_set_is_large_split_once_and_well_formed() -> None:
    """At least 500 sentences; the split follows the source's hash; labels use the vocabulary."""
    import hashlib

    rows = [json.loads(raw) for raw in UNSEEN.read_text("utf-8").splitlines() if raw.strip()]
    assert len(rows) >= 500
    for row in rows:
        odd = int(hashlib.sha256(row["source"].encode()).hexdigest()[-1], 16) % 2
        assert row["split"] == ("test" if odd else "dev"), row
        for q in row["quantities"]:
            assert {"low", "high", "unit", "per"} <= set(q), row
        for d in row["dates"]:
            assert d["role"] in {"deadline", "mentioned"} and d["text"] in row["text"], row
    splits = Counter(row["split"] for row in rows)
    assert min(splits["dev"], splits["test"]) >= 200, splits
    # no source document has sentences on both sides
    sides: dict[str, set[str]] = {}
    for row in rows:
        sides.setdefault(row["source"], set()).add(row["split"])
    assert all(len(s) == 1 for s in sides.values())


# Issue 12 asks 0.90 (values), 0.85 (strict) and 0.85 (dates) on the test split.
# Today's figures are below that bar (values 0.893, strict 0.810, dates 0.822 at the
# end of the second 2026-12-08 session); these floors sit just under them to guard against
# regression and do not certify the bar.
UNSEEN_TEST_FLOORS = {"values": 0.89, "strict": 0.805, "dates": 0.82}


def test_unseen_test_split_figures(split_figures: dict[str, dict[str, Tally]]) -> None:
    """Printed with -s for the old cases and each split; the test split holds its floors."""
    test = split_figures["unseen test"]
    table = facet_table(split_figures)
    for facet, floor in UNSEEN_TEST_FLOORS.items():
        assert test[facet].f1 >= floor, f"{facet}\n{table}"


# Regression floors for the development sets, just under their figures when set
# (2026-12-06: unseen dev 0.922 / 0.890 / 0.876, fresh dev 0.962 / 0.956 / 0.913; the fresh
# batch scored 0.902 / 0.839 / 0.845 before any rule was written from it. 2026-12-06, later:
# fresh dev 2 scored 0.890 / 0.821 / 0.763 before any rule was written from it. 2026-12-06,
# evening: fresh dev 3 scored 0.844 / 0.771 / 0.807 before any rule was written from it, and
# later fresh dev 4 0.905 / 0.837 / 0.815; fresh dev 5, not tuned on, 0.912 / 0.764 / 0.817.
# Next session: fresh dev 6 scored 0.907 / 0.843 / 0.834 before any rule was written from it,
# and fresh dev 7, not tuned on, 0.941 / 0.848 / 0.843 with the rules of both sessions.
# 2026-12-07: fresh dev 7's misses were read for the date rules of that day, so it is tuned
# on now; fresh dev 8, not tuned on, scored 0.945 / 0.866 / 0.822 at the day's start and
# 0.945 / 0.866 / 0.830 after its rules. Later that day: fresh dev 8's misses were read for
# the next rules, so it is tuned on now; fresh dev 9, not tuned on, scored 0.937 / 0.883 /
# 0.812 with the code before those rules and 0.937 / 0.883 / 0.816 after them. Next session:
# fresh dev 9's misses were read for that session's rules, so it is tuned on now; fresh dev
# 10, not tuned on, scored 0.881 / 0.806 / 0.769 with the code before those rules and
# 0.881 / 0.809 / 0.767 after them). Fifth session that day: fresh dev 10's misses were
# read for that session's rules (0.919 / 0.849 / 0.792 after them), so it is tuned on now;
# fresh dev 11 and 12, not tuned on, scored 0.894 / 0.819 / 0.734 and 0.917 / 0.883 / 0.786
# with those rules in place. Sixth session that day: the misses of fresh dev 11 and 12 were
# read for that session's rules (0.917 / 0.844 / 0.744 and 0.919 / 0.885 / 0.797 after
# them), so both are tuned on now; fresh dev 13, labelled meanwhile and not tuned on,
# scored 0.951 / 0.910 / 0.791 with the code before those rules and 0.951 / 0.910 / 0.816
# after them. Seventh session that day: fresh dev 13's misses were read for that session's
# first rules (0.967 / 0.932 / 0.863 after them); fresh dev 14, labelled meanwhile, scored
# 0.922 / 0.887 / 0.762 with the code before the session and 0.922 / 0.887 / 0.763 with
# those rules, before its own misses were read for the session's last rules (0.929 /
# 0.894 / 0.789 after them), so both are tuned on now; fresh dev 15, labelled meanwhile and
# not tuned on, scored 0.846 / 0.785 / 0.767 with the code before the session and 0.850 /
# 0.787 / 0.771 after it. Eighth session that day: fresh dev 15's misses were read for
# that session's rules (0.907 / 0.844 / 0.807 after them), so it is tuned on now; fresh dev
# 16, labelled meanwhile and not tuned on, scored 0.847 / 0.788 / 0.775 with the code
# before the session and 0.851 / 0.792 / 0.775 after batch 15's rules; its own misses were
# then read for the session's last rules (0.897 / 0.836 / 0.829 after them), so it is tuned
# on now; fresh dev 17, labelled meanwhile and not tuned on, scored 0.900 / 0.840 / 0.744
# with the code before the session, 0.906 / 0.843 / 0.744 after batch 15's rules and
# 0.909 / 0.846 / 0.749 after batch 16's. Ninth session that day: fresh dev 17's misses
# were read for that session's rules (0.930 / 0.881 / 0.824 after them, with the session's
# rate-adjective and unit rules read off the older sets), so it is tuned on now; fresh dev
# 18, labelled meanwhile and not tuned on, scored 0.854 / 0.799 / 0.784 with the code
# before the session and 0.855 / 0.805 / 0.802 after it. Tenth session that day: fresh dev
# 18's misses were read for that session's rules (0.893 / 0.858 / 0.817 after them), so it
# is tuned on now; fresh dev 19, labelled meanwhile and not tuned on, scored 0.927 / 0.885 /
# 0.802 with the code before the session and 0.926 / 0.886 / 0.802 after it. Eleventh
# session: fresh dev 19's misses were read for that session's rules (0.944 / 0.922 / 0.824
# after them), so it is tuned on now; fresh dev 20, labelled meanwhile and not tuned on,
# scored 0.923 / 0.895 / 0.799 with the code before the session and 0.923 / 0.895 / 0.801
# after it. Twelfth session: fresh dev 20's misses were read for that session's rules
# (0.953 / 0.932 / 0.825 after them), so it is tuned on now; fresh dev 21, labelled
# meanwhile and not tuned on, scored 0.935 / 0.854 / 0.767 with the code before the session
# and 0.935 / 0.854 / 0.770 after it. Thirteenth session: fresh dev 21's misses were read for
# that session's rules (0.945 / 0.885 / 0.811 after them), so it is tuned on now; fresh dev
# 22, labelled meanwhile and not tuned on, scored 0.898 / 0.863 / 0.862 with the code before
# the session and 0.900 / 0.865 / 0.862 after it. Fourteenth session: fresh dev 22's misses
# were read for that session's rules (0.948 / 0.923 / 0.878 after them), so it is tuned on now;
# fresh dev 23, labelled meanwhile and not tuned on, scored 0.926 / 0.877 / 0.729 with the code
# before the session and 0.926 / 0.877 / 0.733 after it. First 2026-12-08 session: fresh dev
# 23's misses were read for that session's rules (0.940 / 0.896 / 0.763 after them), so it is
# tuned on now; fresh dev 24, labelled meanwhile and not tuned on, scored 0.903 / 0.864 /
# 0.804 with the code before the session and the same after it.
DEV_FLOORS = {
    "unseen dev": {"values": 0.915, "strict": 0.885, "dates": 0.87},
    "fresh dev": {"values": 0.955, "strict": 0.95, "dates": 0.905},
    "fresh dev 2": {"values": 0.925, "strict": 0.87, "dates": 0.805},
    "fresh dev 3": {"values": 0.945, "strict": 0.885, "dates": 0.825},
    "fresh dev 4": {"values": 0.92, "strict": 0.85, "dates": 0.81},
    "fresh dev 5": {"values": 0.935, "strict": 0.805, "dates": 0.86},
    "fresh dev 6": {"values": 0.925, "strict": 0.875, "dates": 0.87},
    "fresh dev 7": {"values": 0.94, "strict": 0.845, "dates": 0.86},
    "fresh dev 8": {"values": 0.955, "strict": 0.875, "dates": 0.895},
    "fresh dev 9": {"values": 0.94, "strict": 0.91, "dates": 0.87},
    "fresh dev 10": {"values": 0.91, "strict": 0.84, "dates": 0.795},
    "fresh dev 11": {"values": 0.91, "strict": 0.835, "dates": 0.74},
    "fresh dev 12": {"values": 0.91, "strict": 0.875, "dates": 0.785},
    "fresh dev 13": {"values": 0.96, "strict": 0.925, "dates": 0.855},
    "fresh dev 14": {"values": 0.92, "strict": 0.885, "dates": 0.78},
    "fresh dev 15": {"values": 0.90, "strict": 0.835, "dates": 0.80},
    "fresh dev 16": {"values": 0.89, "strict": 0.83, "dates": 0.82},
    "fresh dev 17": {"values": 0.925, "strict": 0.875, "dates": 0.82},
    "fresh dev 18": {"values": 0.89, "strict": 0.855, "dates": 0.815},
    "fresh dev 19": {"values": 0.94, "strict": 0.915, "dates": 0.82},
    "fresh dev 20": {"values": 0.95, "strict": 0.93, "dates": 0.82},
    "fresh dev 21": {"values": 0.94, "strict": 0.88, "dates": 0.805},
    "fresh dev 22": {"values": 0.945, "strict": 0.92, "dates": 0.875},
    "fresh dev 23": {"values": 0.935, "strict": 0.89, "dates": 0.76},
    "fresh dev 24": {"values": 0.925, "strict": 0.895, "dates": 0.83},
    "fresh dev 25": {"values": 0.91, "strict": 0.82, "dates": 0.80},
}


def test_dev_sets_hold_their_floors(split_figures: dict[str, dict[str, Tally]]) -> None:
    """The tuned dev split and the fresh dev batch do not regress."""
    table = facet_table(split_figures)
    for name, floors in DEV_FLOORS.items():
        for facet, floor in floors.items():
            assert split_figures[name][facet].f1 >= floor, f"{name} {facet}\n{table}"


FRESH_BATCHES = [
    FRESH_DEV, FRESH_DEV_2, FRESH_DEV_3, FRESH_DEV_4, FRESH_DEV_5, FRESH_DEV_6, FRESH_DEV_7,
    FRESH_DEV_8, FRESH_DEV_9, FRESH_DEV_10, FRESH_DEV_11, FRESH_DEV_12, FRESH_DEV_13,
    FRESH_DEV_14, FRESH_DEV_15, FRESH_DEV_16, FRESH_DEV_17, FRESH_DEV_18, FRESH_DEV_19,
    FRESH_DEV_20, FRESH_DEV_21, FRESH_DEV_22, FRESH_DEV_23, FRESH_DEV_24, FRESH_DEV_25,
]  # fmt: skip


@pytest.mark.parametrize(
    "batch",
    FRESH_BATCHES,
    ids=[
        "fresh",
        "fresh-2",
        "fresh-3",
        "fresh-4",
        "fresh-5",
        "fresh-6",
        "fresh-7",
        "fresh-8",
        "fresh-9",
        "fresh-10",
        "fresh-11",
        "fresh-12",
        "fresh-13",
        "fresh-14",
        "fresh-15",
        "fresh-16",
        "fresh-17",
        "fresh-18",
        "fresh-19",
        "fresh-20",
        "fresh-21",
        "fresh-22",
        "fresh-23",
        "fresh-24",
        "fresh-25",
    ],
)
def test_the_fresh_dev_batches_are_well_formed(batch: Path) -> None:
    """At least 150 dev sentences from sources no earlier set uses, labels in vocabulary."""
    rows = [json.loads(raw) for raw in batch.read_text("utf-8").splitlines() if raw.strip()]
    assert len(rows) >= 150
    earlier = [UNSEEN, *FRESH_BATCHES[: FRESH_BATCHES.index(batch)]]
    for path in earlier:
        other = [json.loads(raw) for raw in path.read_text("utf-8").splitlines() if raw.strip()]
        assert not {row["source"] for row in rows} & {row["source"] for row in other}
        assert not {row["text"] for row in rows} & {row["text"] for row in other}
    for row in rows:
        assert row["split"] == "dev" and row["source"].startswith("http") and row["licence"], row
        for q in row["quantities"]:
            assert set(q) == {"low", "high", "unit", "per"}, row
            assert q["low"] is not None or q["high"] is not None, row
            assert q["per"] in PERS, row
        for d in row["dates"]:
            assert d["role"] in {"deadline", "mentioned"} and d["text"] in row["text"], row
            assert d["precision"] in get_args(Precision), row
