"""Words as story grouping compares them: tokens, stopwords, plurals and possessives.

Grouping, merging quotes and conflicts all read an article's words the same way: lower
case, without the possessive "'s", a plural "-s" dropped, and without the stopwords (words
that say nothing about which event an article reports).
"""

from __future__ import annotations

import functools
import re

from digest.text.calendar import WEEKDAYS
from digest.text.words import word_list

STOPWORDS = word_list("stories/terms/stopwords") | {day.lower() for day in WEEKDAYS}
"""Words that say nothing about which event an article reports."""

_TOKEN = re.compile(r"\d+(?:[-–.,:/]\d+)+|\d{2,}|[^\W\d_]{2,}(?:['’][^\W\d_]+)?")
_POSSESSIVE = re.compile(r"['’]s$")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_DATE_TERM = re.compile(r"\d{4}-\d{2}-\d{2}|(?:1[89]|20)\d\d")


@functools.lru_cache(maxsize=65536)
def term(token: str) -> str | None:
    """A lower-case token as compared: no possessive, plural -s dropped; None for stopwords."""
    token = _POSSESSIVE.sub("", token)
    if token in STOPWORDS:
        return None
    if len(token) > 4 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-3] + "y" if token.endswith("ies") else token[:-1]
    return token


def terms(text: str) -> list[str]:
    """The terms of ``text`` (:func:`term`), in order."""
    return [t for t in map(term, _TOKEN.findall(text.lower())) if t is not None]


@functools.lru_cache(maxsize=65536)
def _group_term(token: str) -> str | None:
    """:func:`term`, and None for dates and years (a dateline's "1996-08-30" ties every report
    of that day, whatever it reports)."""
    return None if _DATE_TERM.fullmatch(token) else term(token)


def group_terms(text: str) -> list[str]:
    """The terms of ``text`` that can tell one happening from another."""
    return [t for t in map(_group_term, _TOKEN.findall(text.lower())) if t is not None]


def quote_words(text: str) -> str:
    """A quote's words, lower case, one space apart: two wordings of a quote compared."""
    return " ".join(WORD.findall(text.lower()))
