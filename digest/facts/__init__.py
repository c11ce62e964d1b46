"""Key facts of an article: people with roles, organisations, places, dates, numbers, quotes.

    paragraphs -> names (people / organizations / places, teams in results) -> quotes
    (speakers read from attributions by ``attribution.py``, "he" and "she" resolved by
    ``pronouns.py`` against the people found) ; dates ; numbers -> Facts

English first. On French, German, Spanish, Italian and Portuguese pages ``languages.py``
reads dates, numbers with what they count and places from the gazetteer; on Chinese and
Japanese pages the dates written in digits. Elsewhere only what is found reliably is
returned: numbers in units that read the same everywhere (%, currencies, km). People,
roles and quotes need English cues and are left empty rather than guessed.
"""

from __future__ import annotations

from digest.facts.confirm import DEFAULT_KNOBS, NameKnobs
from digest.facts.dates import find_dates
from digest.facts.gazetteer import places
from digest.facts.languages import (
    ABROAD,
    CJK,
    find_dates_abroad,
    find_numbers_abroad,
    find_places_abroad,
    places_abroad,
)
from digest.facts.money import CURRENCY_CODES
from digest.facts.names import NameFinder
from digest.facts.numbers import find_numbers
from digest.facts.quotes import find_quotes
from digest.facts.units import UNIVERSAL_UNITS
from digest.models import Facts, NumberFact


def extract_facts(
    paragraphs: tuple[str, ...],
    *,
    title: str = "",
    published: str | None = None,
    language: str | None = None,
    knobs: NameKnobs = DEFAULT_KNOBS,
) -> Facts:
    """The key facts of an article body.

    Args:
        paragraphs: the body, one string per paragraph.
        title: the headline: the places it names are places of the article.
        published: ISO publication date, to resolve "Thursday" and "yesterday".
        language: ISO 639-1 code; names and quotes are read only in English, dates,
            numbers and places in the languages of ``languages.ABROAD`` too.
        knobs: how the names finder leans on its learned tagger (benchmarks vary it).
    """
    numbers = find_numbers(paragraphs, language=language)
    code = (language or "en").lower()[:2]
    if code != "en":
        # What a number counts is read with English grammar; elsewhere only the units
        # that read the same in every language are kept (%, currencies, km, kg ...), and
        # the languages ``languages.py`` knows read their own.
        numbers = tuple(n for n in numbers if n.unit in UNIVERSAL_UNITS or n.unit in CURRENCY_CODES)
        if code in ABROAD:
            return Facts(
                places=find_places_abroad(paragraphs, places() | places_abroad()),
                dates=find_dates_abroad(paragraphs, published, code),
                numbers=_merged(numbers, find_numbers_abroad(paragraphs, code), paragraphs),
            )
        if code in CJK:
            return Facts(dates=find_dates_abroad(paragraphs, published, code), numbers=numbers)
        return Facts(numbers=numbers)
    names = NameFinder(paragraphs, knobs, title)
    return Facts(
        people=names.person_list(),
        organizations=names.org_list(),
        places=names.place_list(),
        dates=find_dates(paragraphs, published),
        numbers=numbers,
        quotes=find_quotes(
            paragraphs, names.person_spans, {p.name: p.role for p in names.people}, names.resolve
        ),
    )


def _merged(
    universal: tuple[NumberFact, ...], own: tuple[NumberFact, ...], paragraphs: tuple[str, ...]
) -> tuple[NumberFact, ...]:
    """The numbers a language's own reader found, and those read in any language (%, km,
    currencies) where it found none: each number once, in reading order."""
    kept = list(own)
    for fact in universal:
        text = paragraphs[fact.paragraph]
        at = text.find(fact.text)
        if not any(
            o.paragraph == fact.paragraph and _overlap(text, at, len(fact.text), o.text)
            for o in own
        ):
            kept.append(fact)
    return tuple(sorted(kept, key=lambda n: (n.paragraph, paragraphs[n.paragraph].find(n.text))))


def _overlap(text: str, at: int, size: int, other: str) -> bool:
    start = text.find(other)
    return start >= 0 and at >= 0 and start < at + size and at < start + len(other)
