"""Key facts of an article: people with roles, organisations, places, dates, numbers, quotes.

    paragraphs -> names (people / organizations / places, teams in results) -> quotes
    (speakers read from attributions, "he" and "she" resolved by ``pronouns.py`` against
    the people found) ; dates ; numbers -> Facts

English first. On other languages only what is found reliably is returned: numbers in
units that read the same everywhere (%, currencies, km); names, roles, quotes and dates need
English cues and are left empty rather than guessed.
"""

from __future__ import annotations

from digest.facts.dates import find_dates
from digest.facts.money import CURRENCY_CODES
from digest.facts.names import DEFAULT_KNOBS, NameFinder, NameKnobs
from digest.facts.numbers import UNIVERSAL_UNITS, find_numbers
from digest.facts.quotes import find_quotes
from digest.models import Facts


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
        language: ISO 639-1 code; names and quotes are read only in English.
        knobs: how the names finder leans on its learned tagger (benchmarks vary it).
    """
    numbers = find_numbers(paragraphs, language=language)
    if language not in (None, "en"):
        # What a number counts is read with English grammar; elsewhere only the units
        # that read the same in every language are kept (%, currencies, km, kg ...).
        numbers = tuple(n for n in numbers if n.unit in UNIVERSAL_UNITS or n.unit in CURRENCY_CODES)
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
