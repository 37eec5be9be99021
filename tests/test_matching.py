"""The same figure in another unit is the same figure: matching on SI values."""

from __future__ import annotations

from claimtrack import queries, service
from claimtrack.db import Database
from claimtrack.extract.types import Quantity
from claimtrack.matching import same_figure, shares_figure


def length(low: float, unit: str, metres: float | None) -> Quantity:
    return Quantity(low, low, unit, None, f"{low:g} {unit}", 0, 1, False, "length", metres, metres)


MILES_5 = length(5, "mile", 8046.72)
KM_8 = length(8, "km", 8000.0)
KM_5 = length(5, "km", 5000.0)


def test_five_miles_and_eight_km_are_one_figure_and_five_km_is_not() -> None:
    assert same_figure(MILES_5, KM_8) and same_figure(KM_8, MILES_5)
    assert not same_figure(MILES_5, KM_5)


def test_figures_without_si_values_compare_as_written() -> None:
    drones = Quantity(600, 800, "drones", "day", "600-800 drones", 0, 1)
    assert same_figure(drones, Quantity(600, 800, "interceptor drones", None, "x", 0, 1))
    # another dimension with the same SI number is not the same figure
    assert not same_figure(
        KM_8, Quantity(8, 8, "kg", None, "8 kg", 0, 1, False, "mass", 8000, 8000)
    )
    assert shares_figure([KM_5, KM_8], [MILES_5])
    assert not shares_figure([KM_5], [MILES_5])


def test_a_claim_in_miles_is_suggested_as_a_match_of_one_in_km(database: Database) -> None:
    """The candidate query finds the converted figure; another figure is not suggested."""
    with database.transaction() as s:
        first = service.add_claim(
            s, "ana", "The new bypass will be 5 miles long.", quantities=[MILES_5]
        ).id
        service.add_claim(s, "ana", "The new bypass will be 5 km long.", quantities=[KM_5])
        other = service.add_claim(s, "ana", "The new bypass will be 8 km long.", quantities=[KM_8])
        assert service.suggest_matches(s, "ana", other) == 1
        other_id = other.id
    with database.read() as s:
        [(_, candidate)] = queries.similar_claims(s, other_id)
        assert candidate.id == first
