"""What a number counts or measures, and what it is worth: the units of numbers' facts.

    "1.8 million" -> 1800000 (scale words multiply); "192 opposition lawmakers" -> lawmakers;
    "a 190-country agency" -> countries; "10 to 15 people" -> 10 to 15, people

The counted noun is the first plural noun after a number, past adjectives and noun
modifiers; the unit is that noun with the noun modifiers just before it. A hyphenated
measure ("52-year-old", "a 10-km race") names its unit on the number. A range or choice
("20 to 40 years", "five or six years", "$5-6 billion") is one number with two ends whose
unit the first end shares.

:mod:`digest.facts.numbers` finds the numbers in a text and asks this module what they
count; the vocabularies are word lists under ``digest/data/facts/units/``.
"""

from __future__ import annotations

import re
from typing import Final

from digest.facts.gazetteer import DEMONYMS, places
from digest.facts.money import SINGULAR_CURRENCIES
from digest.text.words import word_list

# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
SCALES: Final = {
    "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
    "mln": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
    "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000, "dozen": 12, "hundred": 100,
}  # fmt: skip
# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
WORD_VALUES: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

_SHORT_UNITS: Final = word_list("facts/units/short_units")
"""Units written short, the same for one and for many ("5 km", "a 10-km race")."""
SINGULAR_UNITS: Final = _SHORT_UNITS | word_list("facts/units/singular_units")
"""Units a number may take in the singular ("5 km", "a 20 mile walk")."""
GLUED_UNITS: Final = word_list("facts/units/glued_units")
"""Units written on the number ("3km", "44.63secs")."""
UNIVERSAL_UNITS: Final = word_list("facts/units/universal_units")
"""Units written the same way in most languages."""


_STOP: Final = word_list("facts/units/stop")
"""Words that end the phrase a number counts: what follows them is not its noun."""
_NOT_PLURAL: Final = word_list("facts/units/not_plural")
_IRREGULAR_PLURALS: Final = word_list("facts/units/irregular_plurals")
"""Nouns that count many without a plural "s" ("two gunmen", "500 billion yen")."""
_NOT_MEN: Final = word_list("facts/units/not_men")
_GROUPS: Final = word_list("facts/units/groups")
"""Capitalised plurals that count people ("39 Republicans")."""
_GROUP_ENDINGS: Final = ("ians", "ans", "ists", "ites", "ers", "ors", "ics", "ats")
_PLURAL_MODIFIERS: Final = word_list("facts/units/plural_modifiers")
"""Plural nouns that also modify the noun after them ("two police officers")."""
_ADJECTIVES: Final = word_list("facts/units/adjectives")
"""Adjectives (and adverbs) that describe what is counted without naming it."""
# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
_ADJECTIVE_ENDINGS: Final = ("al", "ive", "ous", "ful", "ic", "ish", "ian", "ese", "ed", "able",
                      "ible", "less", "est", "ary", "ing", "ly", "ant", "ent")  # fmt: skip
_COMPOUND_SKIP: Final = word_list("facts/units/compound_skip")
"""Words after "N-" that are not a unit of N ("a 10-fold rise", "a three-way race")."""
# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
_IRREGULAR_UNIT_PLURALS: Final = {
    "foot": "feet", "man": "men", "person": "people", "child": "children", "woman": "women",
    "inch": "inches", "percent": "percent",
}  # fmt: skip
TIME_UNITS: Final = word_list("facts/units/time_units")
"""Units of time ("18 months"): a number that counts them after a capitalised word names nothing."""

_NEXT_WORD: Final = re.compile(
    r" +(?P<word>[A-Za-z](?:[\w-]|[’'](?!s\b))*\w)(?P<poss>[’']s\b)?|[ ]+(?P<a>[A-Za-z])\b"
)
_CAPITAL_NEXT: Final = re.compile(r" +[A-Z0-9]")
PERCENTAGE_POINTS: Final = re.compile(r"\s+(?:percentage|basis)\s+points?\b")
"""The unit after a number that counts points of a percentage ("5 percentage points")."""
_COMPOUND: Final = re.compile(r"[-‐](?P<unit>[a-z]+)(?P<old>-olds?)?(?![\w-])")
PERCENT: Final = re.compile(r"\s?(?:%|per ?cent\b|percent\b)")
"""A percent sign or word after a number ("12%", "3 per cent")."""
_RANGE_AFTER: Final = re.compile(
    r"\s*(?:-|–|to|or|and)\s*(?P<currency>[$€£¥])?(?P<num>\d[\d,.]*|[a-z]+)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|m))?\b",
)


def _plural(word: str) -> bool:
    """Whether a word reads as a plural noun ("lawmakers", "people", "gunmen")."""
    lower = word.lower()
    if lower in _IRREGULAR_PLURALS:
        return True
    if lower.endswith("men") and lower not in _NOT_MEN and len(lower) > 3:
        return True
    return (
        len(lower) > 2
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "ous"))
        and lower not in _STOP
        and lower not in _NOT_PLURAL
        and lower.isascii()
    )


def _group(word: str) -> bool:
    """Whether a capitalised plural names a group of people ("Democrats", "Christians")."""
    return (
        word[:-1] in DEMONYMS
        or word in _GROUPS
        or (word[:-1].isupper() and word[-1] == "s")  # "MPs", "NGOs"
        or (word.endswith(_GROUP_ENDINGS) and word not in places())
    )


def _adjective(word: str) -> bool:
    lower = word.lower()
    return (
        lower in _ADJECTIVES
        or "-" in lower
        or (len(lower) > 5 and lower.endswith(_ADJECTIVE_ENDINGS))
        or word[:1].isupper()
    )


def counted_noun(paragraph: str, end: int) -> tuple[str, int] | None:
    """The noun a number counts, read from ``end``: (unit, end of the phrase) or None.

    The phrase runs over adjectives and noun modifiers to the first plural noun ("192
    opposition lawmakers"), or to the last of two when the first also modifies
    ("two police officers"). The unit is that noun with the noun modifiers just before it
    ("three rate hikes" -> "rate hikes"), not the adjectives ("two key figures" -> "figures").
    """
    words: list[str] = []
    position = end
    for _ in range(6):
        match = _NEXT_WORD.match(paragraph, position)
        if not match or match.group("a"):
            return None
        word = match.group("word")
        lower = word.lower()
        if lower in _STOP or lower in WORD_VALUES:
            return None
        if (
            not words
            and (lower in SINGULAR_UNITS or lower in SINGULAR_CURRENCIES)
            and (not word.istitle())
        ):
            return lower, match.end("word")
        if match.group("poss") or (word.isupper() and len(word) > 1 and _plural(word)):
            return None  # "the two men's lawyers"; "4 PHOTOS" is a label
        words.append(word)
        position = match.end()
        if _plural(word):
            after = _NEXT_WORD.match(paragraph, position)
            then = after.group("word") if after else None
            if "-" in word and then and then.lower() not in _STOP:
                continue  # "four plain-clothes NYPD officers"
            if (lower in _PLURAL_MODIFIERS or word[0].isupper()) and then and then.islower():
                if _plural(then):
                    continue  # "two police officers", "three Jones offspring"
                if lower in _PLURAL_MODIFIERS and then not in _STOP and not then.endswith("ed"):
                    return None  # "No 10 media chief"
            if word[0].isupper() and (
                len(words) > 1 or _CAPITAL_NEXT.match(paragraph, position) or not _group(word)
            ):
                return None  # a name: "Black Crows Anima", "1977-78 Arkansas basketball"
            modifiers: list[str] = []
            for modifier in reversed(words[:-1]):
                if _adjective(modifier) or modifier[0].isdigit():
                    break
                modifiers.insert(0, modifier.lower())
            return " ".join([*modifiers, word if word[0].isupper() else lower]), position
    return None


def _pluralise(noun: str) -> str:
    if _plural(noun):
        return noun
    if noun in _IRREGULAR_UNIT_PLURALS:
        return _IRREGULAR_UNIT_PLURALS[noun]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def compound_unit(paragraph: str, end: int) -> tuple[str, int] | None:
    """A hyphenated measure after a number: "-year-old" (years old), "-country" (countries)."""
    match = _COMPOUND.match(paragraph, end)
    if not match:
        return None
    unit = match.group("unit")
    if unit in _COMPOUND_SKIP or len(unit) < 2 or unit in WORD_VALUES:
        return None
    if match.group("old"):
        return f"{_pluralise(unit)} old", match.end()
    return (unit if unit in _SHORT_UNITS else _pluralise(unit)), match.end()


def number_value(number: str, scale: str | None) -> int | float:
    """The value of digits ("1,500", "3.6") times a scale word or letter ("bn"), if any."""
    value = float(number.replace(",", ""))
    if scale:
        value *= SCALES[scale.lower()]
    return tidy(value)


def tidy(value: float) -> int | float:
    """A value as a fact gives it: an int when whole, else rounded to six places."""
    return int(value) if float(value).is_integer() else round(value, 6)


def word_value(word: str) -> int | None:
    """The value of a number written in words ("twenty-five"), or None."""
    parts = word.lower().split("-")
    if parts[0] not in WORD_VALUES:
        return None
    return sum(WORD_VALUES[p] for p in parts)


def range_unit(
    paragraph: str, end: int, money: bool = False
) -> tuple[str | None, str | None, int, int | float] | None:
    """A range or choice after a number ("10 to 15 people", "five or six years",
    "$5-6 billion"): the unit (None after a currency), scale, end and value of its second
    number, whose unit the first shares."""
    match = _RANGE_AFTER.match(paragraph, end)
    if not match:
        return None
    second = match.group("num").rstrip(".,")
    word = None if second[0].isdigit() else word_value(second)
    if word is None and not second[0].isdigit():
        return None
    value = word if word is not None else number_value(second, None)
    scale = match.group("scale")
    if scale:
        value = tidy(value * SCALES[scale.lower()])
    rest = match.end()
    if match.group("currency") or (money and second[0].isdigit()):
        return None, scale, rest, value  # "$5 to $6 billion", "$5-6 billion"
    if points := PERCENTAGE_POINTS.match(paragraph, rest):
        return "percentage points", scale, points.end(), value
    if percent := PERCENT.match(paragraph, rest):
        return "percent", scale, percent.end(), value
    counted = counted_noun(paragraph, rest)
    if counted is None:
        return None
    return counted[0], scale, counted[1], value
