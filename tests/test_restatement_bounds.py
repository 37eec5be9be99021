"""Headlines and bullets are matched to body claims with bounded work, whatever the page holds."""

from __future__ import annotations

import datetime as dt

from claimtrack.importers import documents
from claimtrack.importers.documents import RESTATED_AMONG, find_occurrences

PUBLISHED = dt.date(2025, 1, 1)


def count_calls(monkeypatch, name: str) -> list[object]:
    calls: list[object] = []
    real = getattr(documents, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(documents, name, counted)
    return calls


def test_a_restated_bullet_is_still_an_appearance_of_its_body_claim():
    text = (
        "# Drones\n"
        "- Zelensky: Ukraine to make 600 drones a day by December\n\n"
        "President Zelensky said Ukraine will produce 600 drones a day by December.\n"
    )
    occurrences = find_occurrences(text, PUBLISHED, None)
    assert [o.restates for o in occurrences if o.restates is not None] == [0]


def test_lines_naming_one_man_are_compared_with_a_bounded_number_of_claims(monkeypatch):
    lines = 300
    text = "# Title\n" + "".join(
        f"- President Macron said {i} drones were built in 2024.\n" for i in range(lines)
    )
    text += "".join(f"President Macron said {i} drones were built in 2024. " for i in range(lines))
    calls = count_calls(monkeypatch, "is_restatement")
    find_occurrences(text, PUBLISHED, None)
    # every pair would be lines × lines = 90,000 comparisons
    assert 0 < len(calls) <= lines * RESTATED_AMONG


def test_a_bullet_of_a_hundred_numbers_is_not_read_for_figures(monkeypatch):
    text = "# Title\nPresident Macron said 4 drones were built.\n" + "".join(
        f"- Macron {'1-' * 150}1\n" for _ in range(50)
    )
    quantities = count_calls(monkeypatch, "find_quantities")
    dates = count_calls(monkeypatch, "find_dates")
    find_occurrences(text, PUBLISHED, None)
    assert (quantities, dates) == ([], [])
