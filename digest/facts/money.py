"""Money: currency signs, codes and words, and which dollar a bare "$" stands for.

A bare "$" is the US dollar unless the article is set in another dollar country: it names
Canada and its places (or Australia's, New Zealand's, Hong Kong's, Singapore's) at least
twice as often as the United States, and at least twice; then it is that country's dollar.
In Spanish and Portuguese "$" is as often a peso, so a bare "$" there is left out.
"""

from __future__ import annotations

import re
from typing import Final

from digest.facts.scan import first_letter
from digest.text.words import word_entries, word_list

# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
CURRENCIES: Final = {
    "US$": "USD", "C$": "CAD", "CA$": "CAD", "Can$": "CAD", "A$": "AUD", "AU$": "AUD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "€": "EUR",
    "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB",
}  # fmt: skip
"""Currency signs and the ISO code each stands for (a bare "$" is :func:`dollar`'s)."""
CODES_BEFORE: Final = word_list("facts/money/codes_before")
"""ISO codes written before an amount ("USD 5 million")."""
# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
CURRENCY_WORDS: Final = {
    "euros": "EUR", "euro": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupees": "INR", "rupee": "INR", "roubles": "RUB", "rouble": "RUB", "rubles": "RUB",
    "ruble": "RUB", "sterling": "GBP",
}  # fmt: skip
"""Currencies written as words after the amount ("5 million euros")."""
# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
DOLLAR_ADJECTIVES: Final = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
    "singapore": "SGD", "hong": "HKD", "taiwan": "TWD",
}  # fmt: skip
"""Words before "dollars" that say whose ("Canadian dollars")."""
SINGULAR_CURRENCIES: Final = word_list("facts/money/singular_currencies")
"""Currencies a number may take in the singular, before what it buys ("a 40 million euro
bridge"); "pound" is left out: "a 5 pound bag" weighs."""

# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
CURRENCY_CODES: Final = frozenset(CURRENCIES.values()) | frozenset(CURRENCY_WORDS.values()) | {
    "USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "CNY", "CHF",
}  # fmt: skip
"""ISO codes of the currencies digest reads."""


def _places(name: str, end: str = r"\b") -> re.Pattern[str]:
    """A pattern for the places of the word list ``name``, opening on a set of letters (which
    a long text is scanned for quickly)."""
    places = [re.escape(place) for place in word_entries(name)]
    return re.compile(first_letter(places, end))


_DOLLAR_CUES: Final = {
    "CAD": _places("facts/money/dollar_places_cad", end=r"(?!\w)"),
    "AUD": _places("facts/money/dollar_places_aud"),
    "NZD": _places("facts/money/dollar_places_nzd"),
    "HKD": _places("facts/money/dollar_places_hkd"),
    "SGD": _places("facts/money/dollar_places_sgd"),
}
"""Places that set an article in a dollar country other than the United States."""
_US_CUES: Final = _places("facts/money/us_places", end=r"(?!\w)")
"""Places that set an article in the United States."""


def dollar(paragraphs: tuple[str, ...], language: str | None) -> str | None:
    """The currency a bare "$" stands for in this article, or None when it is unclear."""
    if language in ("es", "pt"):
        return None
    text = "\n".join(paragraphs)
    if "$" not in text and "dollar" not in text:
        return "USD"
    counts = {code: len(cue.findall(text)) for code, cue in _DOLLAR_CUES.items()}
    code, count = max(counts.items(), key=lambda item: item[1])
    if count >= 2 and count >= 2 * len(_US_CUES.findall(text)):
        return code
    return "USD"
