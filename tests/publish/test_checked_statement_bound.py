"""Reading a claim for the already-checked matcher is bounded: a wall of numbers is not read."""

from __future__ import annotations

from claimtrack import checked


def test_a_claim_of_thousands_of_numbers_has_no_figures_read(monkeypatch):
    calls: list[str] = []
    real = checked.find_quantities
    monkeypatch.setattr(checked, "find_quantities", lambda text: calls.append(text) or real(text))
    wall = checked.statement("1-" * 50_000)
    prose = checked.statement("Unemployment fell to 3.5% in 2024, the ministry said.")
    assert wall.figures == ()
    assert [q.text for q in prose.figures] == ["3.5%"]
    assert len(calls) == 1  # only the prose was read
