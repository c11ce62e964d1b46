"""Numbers with what they count or measure: "26 missiles", "1,500 km", "$3.6bn", "12%".

Money keeps its currency as the unit, percentages get ``percent``, and scale words
(million, bn, thousand) multiply the value. Years, times of day, ordinals and phone-like
digit strings are not numbers of anything and are left out.
"""

from __future__ import annotations

import re

from digest.models import NumberFact

_SCALES = {
    "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "billion": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000,
}
_CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "C$": "CAD", "A$": "AUD"}
_CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "roubles": "RUB", "rubles": "RUB"}
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "dozens": None, "hundreds": None, "thousands": None, "millions": None,
}
_UNIT_ABBREVIATIONS = frozenset(
    "km kilometres kilometers miles mile m metres meters cm mm kg kilograms tonnes tons lb pounds mph km/h "
    "kmh ft feet acres hectares sq gb mb tb ghz mhz mw gw kw kwh degrees °c °f".split()
)
UNIVERSAL_UNITS = frozenset({"percent", "km", "m", "cm", "mm", "kg", "mph", "km/h", "kmh", "gb", "mb", "tb", "ghz", "mhz", "mw", "gw", "kw", "kwh", "°c", "°f"})
"""Units written the same way in most languages."""

CURRENCY_CODES = frozenset(_CURRENCIES.values()) | frozenset(_CURRENCY_WORDS.values())
"""ISO codes of the currencies digest reads."""

_SKIP_WORDS = frozenset(
    "of the a an to in on at for and or per than more less about nearly almost around some over under up "
    "its their his her our years-old".split()
)
_ADJECTIVE_HINT = re.compile(r"^(?:[A-Z][a-z]+|\w+(?:ed|ive|al|ous|ful|ish|ic|ian|ese|er|est)|new|old|other|more|major|small|large|big|local|young|senior)$")

_NUMBER = re.compile(
    r"""(?<![\w.,/:-])
    (?P<currency>US\$|C\$|A\$|[$€£¥₹₽])?\s?
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|mln|tn|[mbk])\b)?
    (?P<percent>\s?(?:%|per\ ?cent\b|percent\b))?
    (?![\w]*:\d)""",
    re.X,
)
_WORD_NUMBER = re.compile(r"\b(?P<word>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s+(?P<rest>\w)", re.I)
_NEXT_WORDS = re.compile(r"[\w’'/°-]+")


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    """The counted noun after a number: skip adjectives ("Syrian refugees"), stop at stop words."""
    words = list(_NEXT_WORDS.finditer(text, end, min(len(text), end + 60)))
    if not words or text[end : words[0].start()].strip(" ") not in ("", "-"):
        return None, end
    skipped = 0
    for index, match in enumerate(words[:3]):
        word = match.group(0)
        lower = word.lower()
        if lower in _UNIT_ABBREVIATIONS:
            return lower, match.end()
        if lower in _SKIP_WORDS or word[0].isdigit():
            return None, end
        if skipped < 2 and _ADJECTIVE_HINT.match(word) and index + 1 < len(words):
            nxt = words[index + 1].group(0)
            if nxt[0].islower() and nxt.lower() not in _SKIP_WORDS:
                skipped += 1
                continue
        if word[0].isupper():
            return None, end
        return lower.strip("’'"), match.end()
    return None, end


def _value(number: str, scale: str | None) -> int | float:
    value = float(number.replace(",", ""))
    if scale:
        value *= _SCALES[scale.lower()]
    return int(value) if value.is_integer() else value


def find_numbers(paragraphs: tuple[str, ...]) -> tuple[NumberFact, ...]:
    """Every counted or measured number in the body, in reading order."""
    found: list[NumberFact] = []
    for index, paragraph in enumerate(paragraphs):
        for match in _NUMBER.finditer(paragraph):
            number, scale, currency = match.group("num"), match.group("scale"), match.group("currency")
            plain = number.replace(",", "")
            if scale and scale in "mbk" and not currency:
                continue  # "5 m" is metres, "3 b" nothing: scale letters only after a currency
            if not currency and not scale and not match.group("percent") and "." not in plain and len(plain) == 4 and 1800 <= int(plain) <= 2100:
                continue  # a year
            value = _value(number, scale)
            end = match.end()
            if match.group("percent"):
                unit: str | None = "percent"
            elif currency:
                unit = _CURRENCIES[currency]
            else:
                unit, end = _unit_after(paragraph, end)
                if unit in _CURRENCY_WORDS:
                    unit = _CURRENCY_WORDS[unit]
                if unit is None or paragraph[match.end() : match.end() + 1] in (":", "/"):
                    continue
            text = paragraph[match.start() : end].strip()
            if unit and unit not in text.lower() and unit not in CURRENCY_CODES and unit != "percent":
                text = f"{paragraph[match.start() : match.end()].strip()} {unit}"
            found.append(NumberFact(text, value, unit, index))
        for match in _WORD_NUMBER.finditer(paragraph):
            value = _WORD_NUMBERS[match.group("word").lower()]
            unit, end = _unit_after(paragraph, match.end("word"))
            if value is None or unit is None:
                continue
            found.append(NumberFact(paragraph[match.start() : end], value, unit, index))
    found.sort(key=lambda n: n.paragraph)
    return tuple(found)
