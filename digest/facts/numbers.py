"""Numbers with what they count or measure: "26 missiles", "1,500 km", "$3.6bn", "12%".

    a number (digits, or a word: "two", "twenty-five") -> its value (scale words multiply:
    "1.8 million", "$3.6bn", "two dozen") -> what it counts -> NumberFact

What a number counts is read in this order:

- a sign or word around it: percent ("12%", "3 per cent", "5 percentage points"), a
  currency ("$", "£", "C$", "euros"), a unit written on it ("3km", "44.63secs");
- a hyphenated measure: "52-year-old" (years old), "a 190-country agency" (countries);
- an age: "aged 5", "Yoon, 63," (years old); a share: "eight of 10 voters" (80 percent);
- else the counted noun: the first plural noun after it, past adjectives and noun
  modifiers ("192 opposition lawmakers" counts lawmakers, "three rate hikes" rate hikes).

A number with no counted noun is left out rather than given a guessed unit: "nine deep",
"300 injured during". So is what only looks like a number: years, times of day, ordinals
("23rd Street"), days of dates ("Nov. 8 election"), scores and records ("22-4"), model and
route names ("Boeing 757", "Interstate 10", "Falcon 9") and labels ("No. 1").

Currencies, and which dollar a bare "$" is, are read by :mod:`digest.facts.money`.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Final

from digest.facts.dates import counts_as_number, sentence_start
from digest.facts.gazetteer import DEMONYMS, places
from digest.facts.money import (
    CODES_BEFORE,
    CURRENCIES,
    CURRENCY_WORDS,
    DOLLAR_ADJECTIVES,
    SINGULAR_CURRENCIES,
    dollar,
)
from digest.facts.scan import ascii_twin, plain_text
from digest.models import NumberFact
from digest.text.calendar import MONTH_PATTERN, WEEKDAYS
from digest.text.words import word_list

# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
_SCALES: Final = {
    "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
    "mln": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
    "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000, "dozen": 12, "hundred": 100,
}  # fmt: skip
# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
_WORD_VALUES: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_FRACTIONS: Final = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}

_SHORT_UNITS: Final = word_list("facts/numbers/short_units")
"""Units written short, the same for one and for many ("5 km", "a 10-km race")."""
SINGULAR_UNITS: Final = _SHORT_UNITS | word_list("facts/numbers/singular_units")
"""Units a number may take in the singular ("5 km", "a 20 mile walk")."""
_GLUED_UNITS: Final = word_list("facts/numbers/glued_units")
"""Units written on the number ("3km", "44.63secs")."""
UNIVERSAL_UNITS: Final = word_list("facts/numbers/universal_units")
"""Units written the same way in most languages."""


_STOP: Final = word_list("facts/numbers/stop")
"""Words that end the phrase a number counts: what follows them is not its noun."""
_NOT_PLURAL: Final = word_list("facts/numbers/not_plural")
_IRREGULAR_PLURALS: Final = word_list("facts/numbers/irregular_plurals")
"""Nouns that count many without a plural "s" ("two gunmen", "500 billion yen")."""
_NOT_MEN: Final = word_list("facts/numbers/not_men")
_GROUPS: Final = word_list("facts/numbers/groups")
"""Capitalised plurals that count people ("39 Republicans")."""
_GROUP_ENDINGS: Final = ("ians", "ans", "ists", "ites", "ers", "ors", "ics", "ats")
_PLURAL_MODIFIERS: Final = word_list("facts/numbers/plural_modifiers")
"""Plural nouns that also modify the noun after them ("two police officers")."""
_ADJECTIVES: Final = word_list("facts/numbers/adjectives")
"""Adjectives (and adverbs) that describe what is counted without naming it."""
# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
_ADJECTIVE_ENDINGS: Final = ("al", "ive", "ous", "ful", "ic", "ish", "ian", "ese", "ed", "able",
                      "ible", "less", "est", "ary", "ing", "ly", "ant", "ent")  # fmt: skip
_COMPOUND_SKIP: Final = word_list("facts/numbers/compound_skip")
"""Words after "N-" that are not a unit of N ("a 10-fold rise", "a three-way race")."""
# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
_IRREGULAR_UNIT_PLURALS: Final = {
    "foot": "feet", "man": "men", "person": "people", "child": "children", "woman": "women",
    "inch": "inches", "percent": "percent",
}  # fmt: skip
_TIME_UNITS: Final = word_list("facts/numbers/time_units")
_LABELS: Final = word_list("facts/numbers/labels")
"""Abbreviations that number what follows them: "No. 1", "Art. 5"."""

_NUMBER: Final = re.compile(
    r"""(?=[\dUCANHSR$€£¥₹₽])(?<![\w.,/:#$£€¥-])(?<!\d[–—])
    (?P<currency>US\$|C\$|CA\$|Can\$|A\$|AU\$|NZ\$|HK\$|S\$|NT\$|R\$|[$€£¥₹₽])?\s?
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?P<frac>\s?[½¼¾⅓⅔])?
    (?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|mln|tn|[mbk])(?![\w-]))?
    (?P<percent>\s?(?:%|per\ ?cent\b|percent\b))?""",
    re.X,
)
_UNITS: Final = "(?:one|two|three|four|five|six|seven|eight|nine)"
_WORD_NUMBER: Final = re.compile(
    # The character before the word (a space, mostly) opens the pattern, as a set of
    # characters: the scan for one is fast, and stops far less often than at every letter
    # a number word may start with. The lookbehinds after the word's first letter read, in
    # any case, the rest of the word it begins ("ſ" is an "s" to a case-blind pattern).
    r"[^\w-](?P<word>[tfsenoaTFSENOAſ](?i:"
    rf"(?<=t)(?:(?:wenty|hirty)(?:-{_UNITS})?|wo|hree|en|welve|hirteen)"
    rf"|(?<=f)(?:(?:orty|ifty)(?:-{_UNITS})?|our|ive|ourteen|ifteen)"
    rf"|(?<=s)(?:(?:ixty|eventy)(?:-{_UNITS})?|ix|even|ixteen|eventeen)"
    rf"|(?<=e)(?:ighty(?:-{_UNITS})?|ight|leven|ighteen)"
    rf"|(?<=n)(?:inety(?:-{_UNITS})?|ine|ineteen)"
    r"|(?<=o)ne(?=\s+(?:hundred|thousand|million|billion|dozen)(?![\w-]))"
    r"|(?<=a)(?=\s+dozen(?![\w-]))"
    r"))(?=[\s-])"
)
"""A number written as a word ("two", "twenty-five", "one" before a scale: "one million",
"a" before "dozen"), after a character that is no part of a word: it is looked for in the
text after a space (``_word_numbers``)."""
_NUMBER_ASCII: Final = ascii_twin(_NUMBER)
_WORD_NUMBER_ASCII: Final = ascii_twin(_WORD_NUMBER)
"""``_NUMBER`` and ``_WORD_NUMBER`` for ``plain_text``: the same numbers, found quicker."""
_WORD_SCALE: Final = re.compile(
    r"\s+(?P<scale>hundred|thousand|million|billion|dozen)(?![\w-])", re.I
)
_NEXT_WORD: Final = re.compile(
    r" +(?P<word>[A-Za-z](?:[\w-]|[’'](?!s\b))*\w)(?P<poss>[’']s\b)?|[ ]+(?P<a>[A-Za-z])\b"
)
_CAPITAL_NEXT: Final = re.compile(r" +[A-Z0-9]")
_PERCENTAGE_POINTS: Final = re.compile(r"\s+(?:percentage|basis)\s+points?\b")
_COMPOUND: Final = re.compile(r"[-‐](?P<unit>[a-z]+)(?P<old>-olds?)?(?![\w-])")
_YEAR_OLD: Final = re.compile(r" +(?:year-olds?|years?-old|years? old)\b")
_TIME: Final = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b)", re.I)
_MONTH_BEFORE: Final = re.compile(rf"\b{MONTH_PATTERN}\.?\s+$")
_MONTH_AFTER: Final = re.compile(rf"\s+(?:of\s+)?{MONTH_PATTERN}\b")
_CAPITAL_BEFORE: Final = re.compile(r"(?<![\w’'.&-])(?P<word>(?!I\s)[A-Z][\w’'.&-]*)\s+$")
_AGE_BEFORE: Final = re.compile(r"\bag(?:ed?|es)\s+$", re.I)
_APPOSITION: Final = re.compile(r"(?<![\w’'.-])(?P<name>[A-Z][\w’'.-]*[a-z.]),\s+$")
_CODE_BEFORE: Final = re.compile(r"\b([A-Z]{3})\s+$")
_LETTERS: Final = re.compile(r"[^\W\d_]+")
_DIGIT: Final = re.compile(r"\d")
_MONEY_IN_MILLIONS: Final = re.compile(
    # The first character opens the pattern, as a set of characters, which a text is scanned
    # for quickly; a lookbehind then tells the amount after a currency sign from the other.
    r"[$€£¥\d](?:(?<=[$€£¥])\s?\d[\d.,]*m\b"
    r"|(?<=\d)[\d.,]*m\s+(?:euros|dollars|pounds|yen|yuan|rupees)\b)"
)
_PERCENT: Final = re.compile(r"\s?(?:%|per ?cent\b|percent\b)")
_RATIO_BEFORE: Final = re.compile(
    r"(?<![\w-])(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine)\s+"
    r"(?P<link>out\s+of|of|in)\s+$",
    re.I,
)
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


def _counted(paragraph: str, end: int) -> tuple[str, int] | None:
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
        if lower in _STOP or lower in _WORD_VALUES:
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


def _compound(paragraph: str, end: int) -> tuple[str, int] | None:
    """A hyphenated measure after a number: "-year-old" (years old), "-country" (countries)."""
    match = _COMPOUND.match(paragraph, end)
    if not match:
        return None
    unit = match.group("unit")
    if unit in _COMPOUND_SKIP or len(unit) < 2 or unit in _WORD_VALUES:
        return None
    if match.group("old"):
        return f"{_pluralise(unit)} old", match.end()
    return (unit if unit in _SHORT_UNITS else _pluralise(unit)), match.end()


def _named(paragraph: str, start: int) -> bool:
    """A capitalised word just before a number makes it part of a name: "Boeing 757",
    "Interstate 10", "Falcon 9", "No. 1"; not a sentence's first word ("About 300")."""
    match = _CAPITAL_BEFORE.search(paragraph, max(0, start - 40), start)
    if not match:
        return False
    word = match.group("word")
    if word.split("-")[-1].rstrip(".") in _LABELS:
        return True  # "No. 1", "Ex-No 10"
    if word.endswith("."):
        return False  # a full stop ends the sentence before the number
    if word in WEEKDAYS or re.fullmatch(MONTH_PATTERN, word):
        return False
    return not sentence_start(paragraph, match.start())


def _value(number: str, scale: str | None) -> int | float:
    value = float(number.replace(",", ""))
    if scale:
        value *= _SCALES[scale.lower()]
    return _tidy(value)


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)


def _word_value(word: str) -> int | None:
    parts = word.lower().split("-")
    if parts[0] not in _WORD_VALUES:
        return None
    return sum(_WORD_VALUES[p] for p in parts)


def _range_unit(
    paragraph: str, end: int, money: bool = False
) -> tuple[str | None, str | None, int, int | float] | None:
    """A range or choice after a number ("10 to 15 people", "five or six years",
    "$5-6 billion"): the unit (None after a currency), scale, end and value of its second
    number, whose unit the first shares."""
    match = _RANGE_AFTER.match(paragraph, end)
    if not match:
        return None
    second = match.group("num").rstrip(".,")
    word = None if second[0].isdigit() else _word_value(second)
    if word is None and not second[0].isdigit():
        return None
    value = word if word is not None else _value(second, None)
    scale = match.group("scale")
    if scale:
        value = _tidy(value * _SCALES[scale.lower()])
    rest = match.end()
    if match.group("currency") or (money and second[0].isdigit()):
        return None, scale, rest, value  # "$5 to $6 billion", "$5-6 billion"
    if points := _PERCENTAGE_POINTS.match(paragraph, rest):
        return "percentage points", scale, points.end(), value
    if percent := _PERCENT.match(paragraph, rest):
        return "percent", scale, percent.end(), value
    counted = _counted(paragraph, rest)
    if counted is None:
        return None
    return counted[0], scale, counted[1], value


_Reading = tuple[str, int | float, str]
"""A number's text, value and unit, as ``NumberFact`` gives them."""
_PER: Final = re.compile(r"\s+per\s+$")
"""What makes the number after it a rate's denominator: "12 cases per 100,000 people"."""


class _Reader:
    """Reads the numbers of one article."""

    def __init__(self, paragraphs: tuple[str, ...], language: str | None) -> None:
        self.paragraphs = paragraphs
        self.language = language
        self.upper: int | float | None = None
        """The other end of the range the last number read opens ("20 to 40 years": 40)."""

    @cached_property
    def dollar(self) -> str | None:
        """The currency a bare "$" stands for in this article (read when one is met)."""
        return dollar(self.paragraphs, self.language)

    @cached_property
    def millions(self) -> bool:
        """The article writes money in "m" ("£53m"), so a bare "38m" is millions too."""
        return any(_MONEY_IN_MILLIONS.search(p) for p in self.paragraphs)

    def digits(self, paragraph: str, match: re.Match[str]) -> _Reading | None:
        """The fact a number written in digits gives, or None."""
        start, end = match.start(), match.end()
        number, scale, symbol = match.group("num"), match.group("scale"), match.group("currency")
        percent = match.group("percent")
        plain = number.replace(",", "")
        currency = (self.dollar if symbol == "$" else CURRENCIES[symbol]) if symbol else None
        if symbol and currency is None:
            return None
        code = None if symbol else _CODE_BEFORE.search(paragraph, max(0, start - 5), start)
        if code and code.group(1) in CODES_BEFORE:
            currency = code.group(1).replace("RMB", "CNY")
            start = code.start()
        value = _value(number, None)
        if match.group("frac"):
            value = _tidy(value + _FRACTIONS[match.group("frac").strip()])
        glued = ""
        if scale and scale in "mbk" and not currency:
            # A lone letter scales money ("£600m"); on a bare number "m" is metres, and
            # "2k projectors", "i7 4790k" name things.
            if paragraph[match.start("scale") - 1] == " " or scale != "m":
                return None
            glued, end, scale = scale, match.start("scale") + 1, None
        elif paragraph[end : end + 1].isalpha() and not percent:
            word = _LETTERS.match(paragraph, end)
            assert word is not None
            glued, end = word.group(0), word.end()
            if paragraph[end : end + 1].isalnum() or glued.lower() not in _GLUED_UNITS:
                return None  # "23rd", "1990s", "247Sports", "3D"
        if scale:
            value = _tidy(value * _SCALES[scale.lower()])
        self.upper = None
        if not currency and not percent and not scale and not glued:
            if (
                plain == number
                and "." not in plain
                and 1800 <= int(plain) <= 2100
                and not counts_as_number(paragraph, start, end)
            ):
                return None  # a year: dates.py reads it ("the 1800 houses" is a count)
            nxt = paragraph[end : end + 1]
            if nxt in (":", "/") or _TIME.match(paragraph, end):
                return None  # "9:30", "3/4", "12 p.m."
            if nxt and nxt in "-‐–" and paragraph[end + 1 : end + 2].isdigit():
                ranged = _range_unit(paragraph, end)
                if ranged is None or ranged[0] is None:
                    return None  # a score, record or model: "22-4", "1-2-3", "747-200B"
            if _MONTH_BEFORE.search(paragraph, max(0, start - 12), start) or _MONTH_AFTER.match(
                paragraph, end
            ):
                return None  # the day of a date: "Nov. 8", "20 November"
        named = not currency and not percent and "." not in plain and _named(paragraph, start)
        text_start, text_end = start, end
        unit: str | None
        if percent:
            unit = "percent"
            if points := _PERCENTAGE_POINTS.match(paragraph, match.end("num")):
                unit, text_end = "percentage points", points.end()
        elif currency:
            unit = currency
            ranged = _range_unit(paragraph, end, money=True)
            if ranged and ranged[0] is None and (ranged[1] or scale or ranged[3] >= value):
                # "$5 to $6 billion": one amount from $5bn to $6bn; "$5-6 billion" too.
                if ranged[1] and not scale:
                    value = _tidy(value * _SCALES[ranged[1].lower()])
                upper = ranged[3]
                if scale and not ranged[1]:
                    upper = _tidy(upper * _SCALES[scale.lower()])
                if upper >= value:  # "raised $64.8m to $45.1m" compares two amounts
                    self.upper, text_end = upper, ranged[2]
        elif glued == "m":
            # "m" is metres ("3,000m victory", "4.88m") unless the article writes money in
            # millions so ("up from 38m"); "1.8m refugees" is a count either way.
            counted = _counted(paragraph, end)
            if counted and (self.millions or "." in plain):
                value = _tidy(value * 1_000_000)
                unit, text_end = counted
                unit = self.currency_word(unit, paragraph, text_end) or unit
            elif self.millions:
                return None
            else:
                unit = "m"
        elif glued:
            unit = glued.lower()
        else:
            found = self.unit_after(paragraph, start, end, value)
            if found is None:
                return None
            unit, text_start, text_end, value = found
        if named and unit not in _TIME_UNITS:
            return None  # "Max 737 flights"; "the General Assembly 18 months ago" is a count
        return paragraph[text_start:text_end].strip(), value, unit

    def unit_after(
        self, paragraph: str, start: int, end: int, value: int | float
    ) -> tuple[str, int, int, int | float] | None:
        """What a bare number counts: (unit, start and end of its text, value), or None."""
        if points := _PERCENTAGE_POINTS.match(paragraph, end):
            return "percentage points", start, points.end(), value
        if compound := _compound(paragraph, end):
            # "a 500-euro fine" is money; "a 100-dollar bill" of no known country is none.
            currency = self.currency_word(compound[0], paragraph, compound[1])
            if currency == "":
                return None
            return currency or compound[0], start, compound[1], value
        if old := _YEAR_OLD.match(paragraph, end):
            return "years old", start, old.end(), value
        ratio = _RATIO_BEFORE.search(paragraph, max(0, start - 20), start)
        if ratio:
            numerator = ratio.group("n")
            top = int(numerator) if numerator.isdigit() else _WORD_VALUES[numerator.lower()]
            link = ratio.group("link").lower()
            if top < value and (link != "of" or value in (10, 100, 1000)):
                # "eight of 10 voters", "one in five adults": a share.
                counted = _counted(paragraph, end)
                share = _tidy(round(100 * top / value, 1))
                return "percent", ratio.start(), counted[1] if counted else end, share
        counted = _counted(paragraph, end)
        if counted is not None:
            unit, text_end = counted
            currency = self.currency_word(unit, paragraph, text_end)
            if currency == "":
                return None
            if currency:
                unit = currency
                if unit == "GBP" and paragraph.startswith(" sterling", text_end):
                    text_end += len(" sterling")
            return unit, start, text_end, value
        shared, scale, text_end, upper = _range_unit(paragraph, end) or (None, None, end, 0)
        if shared and upper >= value:
            if scale:
                value = _tidy(value * _SCALES[scale.lower()])
            self.upper = upper  # "20 to 40 years", "six to seven minutes"
            return shared, start, text_end, value
        if not (isinstance(value, int) and 0 < value <= 120):
            return None
        if age := _AGE_BEFORE.search(paragraph, max(0, start - 8), start):
            return "years old", age.start(), end, value  # "until age 5"
        apposition = _APPOSITION.search(paragraph, max(0, start - 40), start)
        if apposition and paragraph[end : end + 1] == ",":
            # "Yoon, 63, a former chief prosecutor": the age set off after a name.
            word = apposition.group("name").rstrip(".")
            if word not in WEEKDAYS and not re.fullmatch(MONTH_PATTERN, word):
                return "years old", apposition.start(), end, value
        return None

    def currency_word(self, unit: str, paragraph: str, end: int) -> str | None:
        """The currency a counted noun names ("euros", "Canadian dollars"); "" when it is a
        dollar of no known country, None when it is no currency."""
        words = unit.lower().split()
        if words[-1] in ("dollars", "dollar"):
            if len(words) > 1 and words[-2] in DOLLAR_ADJECTIVES:
                return DOLLAR_ADJECTIVES[words[-2]]
            return self.dollar or ""
        if words[-1] == "pounds":
            return "GBP" if paragraph.startswith(" sterling", end) else None
        return CURRENCY_WORDS.get(words[-1])

    def words(self, paragraph: str, word: str, start: int, end: int) -> _Reading | None:
        """The fact a number written in words gives ("two dozen people"), or None."""
        self.upper = None
        if word[0].isupper() and not sentence_start(paragraph, start):
            return None  # a name: "Ninety Mile Beach", "the Big Ten"
        scale_match = _WORD_SCALE.match(paragraph, end)
        # "a" and "one" are read only before a scale word ("a dozen people", "one million
        # tons"): alone, "one" is a pronoun as often as a number.
        value = 1 if word.lower() in ("a", "one") else _word_value(word)
        if value is None:
            return None
        if scale_match:
            value *= _SCALES[scale_match.group("scale").lower()]
            end = scale_match.end()
            more = _WORD_SCALE.match(paragraph, end)
            if scale_match.group("scale").lower() == "hundred" and more:
                value *= _SCALES[more.group("scale").lower()]  # "two hundred thousand"
                end = more.end()
        if percent := _PERCENT.match(paragraph, end):
            if points := _PERCENTAGE_POINTS.match(paragraph, end):
                return paragraph[start : points.end()], value, "percentage points"
            return paragraph[start : percent.end()], value, "percent"
        found = self.unit_after(paragraph, start, end, value)
        if found is None:
            return None
        unit, text_start, text_end, found_value = found
        return paragraph[text_start:text_end], found_value, unit


def _word_numbers(paragraph: str, plain: bool) -> list[tuple[str, int, int]]:
    """Each number written as a word in the paragraph: the word, its start and end."""
    # The space put first stands for the start of the paragraph: no word goes on before it.
    text = " " + paragraph
    return [
        (match.group("word"), match.start("word") - 1, match.end() - 1)
        for match in (_WORD_NUMBER_ASCII if plain else _WORD_NUMBER).finditer(text)
    ]


def find_numbers(
    paragraphs: tuple[str, ...], *, language: str | None = None
) -> tuple[NumberFact, ...]:
    """Every counted or measured number in the body, in reading order.

    Args:
        paragraphs: the body, one string per paragraph.
        language: ISO 639-1 code; a bare "$" is left out in Spanish and Portuguese.
    """
    reader = _Reader(paragraphs, language)
    found: list[NumberFact] = []
    for index, paragraph in enumerate(paragraphs):
        items: list[_Item] = []
        plain = plain_text(paragraph)
        digits = _DIGIT.search(paragraph) is not None
        for match in (_NUMBER_ASCII if plain else _NUMBER).finditer(paragraph) if digits else ():
            fact = reader.digits(paragraph, match)
            if fact is not None:
                items.append(_Item(paragraph, match.start(), fact, reader.upper))
        for word, start, end in _word_numbers(paragraph, plain):
            fact = reader.words(paragraph, word, start, end)
            if fact is not None:
                items.append(_Item(paragraph, start, fact, reader.upper))
        items.sort(key=lambda item: item.start)
        found.extend(
            NumberFact(item.text, item.value, item.unit, index, item.upper)
            for item in _ranges_and_rates(paragraph, items)
        )
    return tuple(found)


class _Item:
    """A number read in a paragraph, with where its text lies (a plain class, as ``Run``)."""

    __slots__ = ("start", "end", "text", "value", "unit", "upper")

    def __init__(
        self, paragraph: str, start: int, fact: _Reading, upper: int | float | None
    ) -> None:
        self.text, self.value, self.unit = fact
        found = paragraph.find(self.text, max(0, start - 8))
        self.start = found if found >= 0 else start
        self.end = self.start + len(self.text)
        self.upper = upper


def _ranges_and_rates(paragraph: str, items: list[_Item]) -> list[_Item]:
    """One fact for a range ("20 to 40 years", not also "40 years"); a rate's denominator
    joins its numerator ("12 cases per 100,000 people") and is no count of its own."""
    kept: list[_Item] = []
    for item in items:
        if kept and item.start < kept[-1].end:
            continue  # the second end of a range already read
        if _PER.search(paragraph, max(0, item.start - 8), item.start):
            last = kept[-1] if kept else None
            if (
                last is not None
                and not paragraph[last.end : item.start].strip(" ").replace("per", "").strip()
            ):
                last.text = paragraph[last.start : item.end]
                last.unit = f"{last.unit} per {item.text}"
                last.end = item.end
            continue  # "per 100,000 people" counts no people
        kept.append(item)
    return kept
