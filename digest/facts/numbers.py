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

What a number counts (the counted noun, a hyphenated measure, a range's unit) and what
it is worth are read by :mod:`digest.facts.units`; currencies, and which dollar a bare "$"
is, by :mod:`digest.facts.money`.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Final

from digest.facts.dates import counts_as_number, sentence_start
from digest.facts.money import CODES_BEFORE, CURRENCIES, CURRENCY_WORDS, DOLLAR_ADJECTIVES, dollar
from digest.facts.scan import ascii_twin, plain_text
from digest.facts.units import (
    GLUED_UNITS,
    PERCENT,
    PERCENTAGE_POINTS,
    SCALES,
    TIME_UNITS,
    WORD_VALUES,
    compound_unit,
    counted_noun,
    number_value,
    range_unit,
    tidy,
    word_value,
)
from digest.models import NumberFact
from digest.text.calendar import MONTH_PATTERN, WEEKDAYS
from digest.text.words import word_list

_FRACTIONS: Final = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
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
_RATIO_BEFORE: Final = re.compile(
    r"(?<![\w-])(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine)\s+"
    r"(?P<link>out\s+of|of|in)\s+$",
    re.I,
)


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
        value = number_value(number, None)
        if match.group("frac"):
            value = tidy(value + _FRACTIONS[match.group("frac").strip()])
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
            if paragraph[end : end + 1].isalnum() or glued.lower() not in GLUED_UNITS:
                return None  # "23rd", "1990s", "247Sports", "3D"
        if scale:
            value = tidy(value * SCALES[scale.lower()])
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
                ranged = range_unit(paragraph, end)
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
            if points := PERCENTAGE_POINTS.match(paragraph, match.end("num")):
                unit, text_end = "percentage points", points.end()
        elif currency:
            unit = currency
            ranged = range_unit(paragraph, end, money=True)
            if ranged and ranged[0] is None and (ranged[1] or scale or ranged[3] >= value):
                # "$5 to $6 billion": one amount from $5bn to $6bn; "$5-6 billion" too.
                if ranged[1] and not scale:
                    value = tidy(value * SCALES[ranged[1].lower()])
                upper = ranged[3]
                if scale and not ranged[1]:
                    upper = tidy(upper * SCALES[scale.lower()])
                if upper >= value:  # "raised $64.8m to $45.1m" compares two amounts
                    self.upper, text_end = upper, ranged[2]
        elif glued == "m":
            # "m" is metres ("3,000m victory", "4.88m") unless the article writes money in
            # millions so ("up from 38m"); "1.8m refugees" is a count either way.
            counted = counted_noun(paragraph, end)
            if counted and (self.millions or "." in plain):
                value = tidy(value * 1_000_000)
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
        if named and unit not in TIME_UNITS:
            return None  # "Max 737 flights"; "the General Assembly 18 months ago" is a count
        return paragraph[text_start:text_end].strip(), value, unit

    def unit_after(
        self, paragraph: str, start: int, end: int, value: int | float
    ) -> tuple[str, int, int, int | float] | None:
        """What a bare number counts: (unit, start and end of its text, value), or None."""
        if points := PERCENTAGE_POINTS.match(paragraph, end):
            return "percentage points", start, points.end(), value
        if compound := compound_unit(paragraph, end):
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
            top = int(numerator) if numerator.isdigit() else WORD_VALUES[numerator.lower()]
            link = ratio.group("link").lower()
            if top < value and (link != "of" or value in (10, 100, 1000)):
                # "eight of 10 voters", "one in five adults": a share.
                counted = counted_noun(paragraph, end)
                share = tidy(round(100 * top / value, 1))
                return "percent", ratio.start(), counted[1] if counted else end, share
        counted = counted_noun(paragraph, end)
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
        shared, scale, text_end, upper = range_unit(paragraph, end) or (None, None, end, 0)
        if shared and upper >= value:
            if scale:
                value = tidy(value * SCALES[scale.lower()])
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
        value = 1 if word.lower() in ("a", "one") else word_value(word)
        if value is None:
            return None
        if scale_match:
            value *= SCALES[scale_match.group("scale").lower()]
            end = scale_match.end()
            more = _WORD_SCALE.match(paragraph, end)
            if scale_match.group("scale").lower() == "hundred" and more:
                value *= SCALES[more.group("scale").lower()]  # "two hundred thousand"
                end = more.end()
        if percent := PERCENT.match(paragraph, end):
            if points := PERCENTAGE_POINTS.match(paragraph, end):
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
