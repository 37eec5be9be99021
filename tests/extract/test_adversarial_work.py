"""Adversarial text costs the extractor linear work, and per character no more than news does.

Every input of adversarial_inputs.py (the set benchmarks/extract_speed.py times)
runs through `extract_claims` with `include_all`, so every stage reads it. The
work is counted, never timed, so a busy machine cannot sway the result:

- work_meter's counts (Python lines run, regex characters scanned, lengths
  returned) for twice the input grow at most about twice;
- past the figures any document may read first, the lines run per character
  stay under what the seed news article costs: a reader doing linear but heavy
  work per figure ("1-1-1-…" once took a minute per megabyte) fails here, not
  only a quadratic one;
- the quantity and date readers are entered at most the bound density.py sets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from adversarial_inputs import ALL_ADVERSARIAL as ADVERSARIAL
from work_meter import growth, work

from claimtrack.extract import dates, density, extract_claims, quantities

SEED = Path(__file__).resolve().parents[2] / "seeds" / "ukraine-defense-export-offices.txt"
PUBLISHED = dt.date(2025, 11, 3)


def _extract(text: str) -> object:
    return extract_claims(text, published=PUBLISHED, include_all=True)


@pytest.fixture(scope="module")
def prose_lines_per_char() -> float:
    """Python lines the extractor runs per character of the seed news article."""
    text = SEED.read_text(encoding="utf-8")
    _extract(text)  # warm caches, as `growth` does
    return work(lambda: _extract(text))["lines"] / len(text)


@pytest.mark.slow
@pytest.mark.parametrize("name", ADVERSARIAL)
def test_twice_the_input_costs_at_most_about_twice_the_work(name: str) -> None:
    # given 10 KB and 20 KB of the input / when extracted / then every count grows ≤ 2.2×
    build = ADVERSARIAL[name]
    ratios = growth(lambda n: _extract(build(n)), 10_000, factor=2)
    assert max(ratios.values()) <= 2.2, ratios


@pytest.mark.slow
@pytest.mark.parametrize("name", ADVERSARIAL)
def test_each_character_past_the_free_readings_costs_no_more_than_news(
    name: str, prose_lines_per_char: float
) -> None:
    # given 100 KB and 200 KB of the input / when extracted / then the second 100 KB ran
    # fewer lines per character than a news article does (density.py lets any document
    # try a fixed number of figures first: they are paid for in the first 100 KB)
    build = ADVERSARIAL[name]
    small = work(lambda: _extract(build(100_000)))["lines"]
    large = work(lambda: _extract(build(200_000)))["lines"]
    assert (large - small) / 100_000 <= prose_lines_per_char, (
        (large - small) / 100_000,
        prose_lines_per_char,
    )


class _Calls:
    """Counts the calls to a module function while it is swapped in."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.count = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.count += 1
        return self.function(*args, **kwargs)


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, _Calls]]:
    """The quantity parses and date readings made, by reader."""
    counted = {"quantities": _Calls(quantities._parse), "dates": _Calls(dates._find)}
    monkeypatch.setattr(quantities, "_parse", counted["quantities"])
    monkeypatch.setattr(dates, "_find", counted["dates"])
    yield counted


@pytest.mark.slow
@pytest.mark.parametrize("name", ADVERSARIAL)
def test_each_reader_tries_at_most_the_budgeted_figures(
    name: str, readings: dict[str, _Calls]
) -> None:
    # given 200 KB of the input / when extracted / then neither the quantity nor the
    # date reader tried more figures than density.py allows a document of that length
    text = ADVERSARIAL[name](200_000)
    _extract(text)
    bound = density.FREE_READINGS + len(text) // density.CHARS_PER_READING
    assert {reader: calls.count for reader, calls in readings.items()} == {
        reader: min(calls.count, bound) for reader, calls in readings.items()
    }


def test_a_sentence_with_more_numbers_than_prose_holds_has_none_read() -> None:
    # given a sentence of 101 figures, and one of 100 / when extracted / then only the
    # second has its quantities read
    many = "Ratings " + " ".join(["7"] * 101) + "."
    fewer = "Ratings " + " ".join(["7"] * 100) + "."
    assert density.too_many_numbers(many) and not density.too_many_numbers(fewer)
    assert [claim.quantities for claim in extract_claims(many, include_all=True)] == [()]
    assert extract_claims(fewer, include_all=True)[0].quantities


def test_a_document_past_its_reading_budget_reads_again_once_the_text_catches_up() -> None:
    # given a budget that has tried its free allowance / then a sentence ending soon after
    # is not read, and one ending far enough on may try what the text has earned since
    budget = density.ReadingBudget()
    assert budget.opens(0) and budget.left == density.FREE_READINGS
    budget.spend(density.FREE_READINGS)
    assert not budget.opens(density.CHARS_PER_READING - 1)
    assert budget.opens(3 * density.CHARS_PER_READING) and budget.left == 3


def test_a_reader_stops_within_a_sentence_when_the_budget_runs_out() -> None:
    # given one sentence of 5,000 month names (no number: the per-sentence bound does
    # not see it) / when its dates are read on a budget of 10 / then 10 are tried
    budget = density.ReadingBudget()
    budget.left = 10
    found = dates.find_dates("May " * 5000, PUBLISHED, budget=budget)
    assert budget.tried == 10 and len(found) <= 10
    budget = density.ReadingBudget()
    budget.left = 10
    assert len(quantities.find_quantities("½ " * 5000, budget=budget)) <= 10
    assert budget.tried == 10


def test_a_bare_letter_sign_looks_for_its_twin_within_a_sentences_reach() -> None:
    # given 10 KB and 20 KB of bare letter signs ("P1", "R2"), none a sum / when their
    # quantities are read directly, with no budget / then the work grows about twice: each
    # sign searches only its neighbourhood for the same sign written before a sum
    def build(n: int) -> str:
        return ("the P1 team and the R2 unit " * (n // 28 + 1))[:n]

    ratios = growth(lambda n: quantities.find_quantities(build(n)), 10_000, factor=2)
    assert max(ratios.values()) <= 2.2, ratios


@pytest.mark.parametrize("body", ["1.", "1-", "1 ", "1,", "12.3."])
def test_a_chain_of_numbers_opens_almost_no_date_candidate(body: str) -> None:
    # given a line of one short number repeated / when the date scanner's gate reads it /
    # then it lets through at most the chain's last link: a failed attempt at every
    # number costs the whole alternation's backtracking, which no work count sees
    # ("1.1.1.…" lines ran at 0.3 MB/s before the dotted form looked past its dot)
    gate = re.compile(rf"(?=[0-9A-Za-z])\b{dates._DATE_GATE}")
    assert len(gate.findall(body * 100)) <= 2


@pytest.mark.parametrize(
    "text",
    ["until 20.11. the office", "on 03.11.2025", "15-26 December", "from 15 to 26 December 2023"],
)
def test_the_gate_still_opens_the_numeric_forms(text: str) -> None:
    gate = re.compile(rf"(?=[0-9A-Za-z])\b{dates._DATE_GATE}")
    assert gate.search(text) is not None
    assert dates.find_dates(text, PUBLISHED)
