"""Word lists the fact finders lean on: places, given names, role and organisation words.

Every list is a file under ``digest/data/`` (:mod:`digest.text.words`). The two large
ones (``places.txt`` and ``given_names.txt``) are read on first use;
``digest/data/build.py`` says where they come from.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Final

from digest.text.calendar import MONTH_NAMES, WEEKDAYS
from digest.text.words import word_list


@cache
def places() -> frozenset[str]:
    """Countries, capitals, large cities, US states, seas and regions, with their short forms.

    A name is also known without its article ("The Netherlands" -> "Netherlands") and by
    its first part ("Bosnia and Herzegovina" -> "Bosnia", "Trinidad and Tobago" ->
    "Trinidad"), as the news writes them.
    """
    names = word_list("places")
    short = {n[4:] for n in names if n.startswith("The ") and n[4:] not in GEO_WORDS}
    short |= {n.split(" and ")[0] for n in names if " and " in n and "," not in n}
    # English copy often drops the marks: "Zurich" for "Zürich", "Malmo" for "Malmö" (not
    # a short name, a given name or a word: "Leon" for "León", "Sale" for "Salé").
    unmarked = {_unmarked(n) for n in names if not n.isascii()}
    short |= {
        n
        for n in unmarked
        if len(n) > 4
        and n not in COMMON_CAPITALISED
        and n.lower() not in lower_words()
        and not is_given_name(n)
    }
    return names | short


def _unmarked(name: str) -> str:
    """A name without its diacritics ("Zürich" -> "Zurich")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@cache
def given_names() -> frozenset[str]:
    """Given names, title case."""
    return word_list("given_names")


def is_given_name(word: str) -> bool:
    """Whether a word is a given name, written with its accents or without: "Sofía" is
    "Sofia", "José" is "Jose" (the list is written without)."""
    if word in given_names():
        return True
    if word.isascii():
        return False
    bare = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return bare in given_names()


@cache
def lower_words() -> frozenset[str]:
    """Words English news writes in lower case (twice or more in the training text of
    CoNLL-2003 and PolNeAR): capitalised, such a word ("Surely", "Aside") may only be opening
    its sentence, and in capitals ("WAS") it is the word shouted, not an acronym."""
    return word_list("facts/gazetteer/lower_words")


GEO_WORDS: Final = word_list("facts/gazetteer/geo_words")
"""Last words of a geographic name ("Caspian Sea", "Rift Valley"); never a place on their own."""

HONORIFICS: Final = word_list("facts/gazetteer/honorifics")
"""Forms of address, without the full stop some styles put after them."""

ROLE_WORDS: Final = word_list("facts/gazetteer/role_words")
"""Capitalised words of a title written before a name ("Defence Minister", "Secretary General")."""

ROLE_NOUNS: Final = word_list("facts/gazetteer/role_nouns")
"""Nouns that make a phrase a role ("Russia's defence minister", "a senior adviser")."""

_ORG_ENTRIES: Final = word_list("facts/gazetteer/org_words")
ORG_WORDS: Final = frozenset(entry for entry in _ORG_ENTRIES if " " not in entry)
"""Words that make a name an organisation ("Ministry", "Party", "Bank", "FC", "SpA")."""
ORG_PHRASES: Final = frozenset(entry for entry in _ORG_ENTRIES if " " in entry)
"""Phrases that make a name holding them an organisation ("Federal Reserve"): their words
alone do not ("Federal Way" is a city)."""

KNOWN_ORGS: Final = word_list("facts/gazetteer/known_orgs")
"""Organisations named without any organisation word, news agencies among them."""

COMMON_WORD_PLACES: Final = word_list("facts/gazetteer/common_word_places")
"""Places whose names are common English words: opening a sentence ("Man’s greed", "Reading
is fun", "Mobile phones") such a word is the word, unless the article also writes it
capitalised inside a sentence ("moved to Reading")."""

CLUB_PREFIXES: Final = word_list("facts/gazetteer/club_prefixes")
"""First words that name a sports club whatever follows: "Dinamo Bucharest", "VfB Stuttgart"."""

CLUB_PREFIXES_BEFORE_PLACE: Final = word_list("facts/gazetteer/club_prefixes_before_place")
"""First words that name a club only before its town: "Real Madrid", "AC Milan",
"Standard Liege" (but "Standard Chartered" is no club)."""

SAY_VERBS: Final = word_list("facts/gazetteer/say_verbs")
"""Verbs of saying that attach a quote to its speaker."""

COMMON_CAPITALISED: Final = (
    word_list("facts/gazetteer/common_capitalised") | frozenset(WEEKDAYS) | frozenset(MONTH_NAMES)
)
"""Capitalised words that start sentences without starting a name."""

DEMONYMS: Final = word_list("facts/gazetteer/demonyms")
"""Adjectives of place and group: part of a role, never a name on their own."""

COUNTRIES: Final = word_list("facts/gazetteer/countries")
"""Countries and the home nations: national sides keep their place names ("France beat Mexico")."""

STATE_ABBREVIATIONS: Final = frozenset(
    form
    for entry in word_list("facts/gazetteer/state_abbreviations")
    for form in (entry, entry.rstrip("."))
)
"""Short forms of the US states ("MO", "N.J.", "Calif."), with and without the last stop:
places only after a town and a comma."""
