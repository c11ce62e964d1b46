"""Facts on pages in French, German, Spanish, Italian and Portuguese, and dates that Chinese
and Japanese write with digits.

    dates:   "mardi 5 mai", "5 mai 2015", "5. Mai 2015", "5 de mayo de 2015", "5 maggio",
             "noviembre de 1998", "en mai", "em 2012", "samedi", "hier", "05/05/2015";
             "2017年3月10日", "10月14日", "1985年", "今年"
    numbers: "25 tonnes", "2 209 Français", "28 millions d’habitants", "50 Euro", "12 %",
             "trois députés": a number and the noun after it (German: the first noun)
    places:  the gazetteer's places as written in English or in these languages
             ("Népal", "Italia", "Mailand"), not inside a longer name ("Copa América")

Each language's words are data (``digest/data/facts/languages/<code>/``); how a date resolves
(a day and month with no year, a weekday) follows :mod:`digest.facts.dates`, with no tense
read: the nearest such day, or the one "prochain" or "dernier" points to. People and
organisations are not read in these languages: no rule for them was measured precise
enough, and a wrong name costs more than none.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from typing import Final

from digest.facts.dates import day_month_value, month_value, weekday_value
from digest.facts.money import CURRENCIES
from digest.models import DateFact, Entity, NumberFact
from digest.text.sentences import sentence_spans
from digest.text.words import word_entries, word_list

ABROAD: Final = ("fr", "de", "es", "it", "pt")
"""The languages whose dates, numbers and places this module reads."""
CJK: Final = ("zh", "ja")
"""The languages whose dates written in digits (2017年3月10日) this module reads."""

_CJK_DATE: Final = re.compile(
    r"(?:(?P<year>(?:18|19|20)\d{2})年)?(?P<month>1[0-2]|0?[1-9])月"
    r"(?:(?P<day>3[01]|[12]\d|0?[1-9])[日号])?"
    r"|(?P<yearonly>(?:18|19|20)\d{2})年(?![代度间間])"
    r"|(?P<relative>今年|去年|明年|今天|昨天|明天|今日|昨日|明日)"
)
"""A date in Chinese or Japanese: "2017年3月10日", "10月14日", "1985年" (not "1980年代", a
decade), "今年" (this year)."""
_CJK_SHIFTS: Final = {
    "今年": ("year", 0),
    "去年": ("year", -1),
    "明年": ("year", 1),
    "今天": ("day", 0),
    "今日": ("day", 0),
    "昨天": ("day", -1),
    "昨日": ("day", -1),
    "明天": ("day", 1),
    "明日": ("day", 1),
}
_NUMERIC_DATE: Final = re.compile(
    r"(?<![\d.,/])(?P<day>3[01]|[12]\d|0?[1-9])[./](?P<month>1[0-2]|0?[1-9])[./]"
    r"(?P<year>(?:18|19|20)\d{2})(?![\d.,/])"
)
"""A date written day first, as these languages do: "05/05/2015", "5.5.2015"."""
_NUMBER: Final = re.compile(
    r"(?<![\w.,/:-])(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d{1,3}(?:\.\d{3})+"
    r"(?:,\d+)?|\d+(?:,\d+)?)(?![\d\w]|[.,:/-]\d)"
)
"""A number as these languages write it: spaces or stops between thousands ("2 209",
"5.500"), a decimal comma ("3,7"); not a version, a time, a score or a date ("10.10",
"8:09", "4:1")."""
_WORD: Final = re.compile(r"\s*(?P<word>[^\W\d_][\w’'-]*)\.?")
_ELISION: Final = re.compile(r"\s*(?:d[’']|de\s+|di\s+|von\s+|dos\s+|das\s+)")
_CAPITAL_BEFORE: Final = re.compile(r"(?:^|[^\w])(?P<word>[A-Z][\w.-]*)\s+$")
_CURRENCY_AFTER: Final = re.compile(r"\s*(?P<sign>[€£¥])")
_CURRENCY_WORDS: Final = {"euro": "EUR", "euros": "EUR", "reais": "BRL", "real": "BRL"}
"""Currency names that read the same in these languages (case aside)."""


class _Language:
    """One language's words for dates and numbers, read from its data files once."""

    def __init__(self, code: str) -> None:
        folder = f"facts/languages/{code}"
        self.code = code
        self.months = _numbered(word_entries(f"{folder}/months"))
        self.weekdays = _numbered(word_entries(f"{folder}/weekdays"))
        self.relative = _numbered(word_entries(f"{folder}/relative_days"))
        self.scales = _numbered(word_entries(f"{folder}/scales"))
        self.number_words = _numbered(word_entries(f"{folder}/number_words"))
        self.year_cues = frozenset(w.lower() for w in word_list(f"{folder}/year_cues"))
        self.next_words = word_list(f"{folder}/next_words")
        self.last_words = word_list(f"{folder}/last_words")
        self.percent = word_list(f"{folder}/percent")
        self.stop = frozenset(w.lower() for w in word_list(f"{folder}/stop"))
        self.adjectives = word_list(f"{folder}/adjectives")
        future = word_list(f"{folder}/future")
        self.future_words = frozenset(w for w in future if not w.startswith("-"))
        self.future_endings = tuple(w[1:] for w in future if w.startswith("-"))
        month = _alternation(self.months)
        # A full name is no short form of another ("mai", "Jänner"; not "janv", "Mär").
        full_month = _alternation(
            {
                k: v
                for k, v in self.months.items()
                if not any(o != k and o.startswith(k) for o, n in self.months.items() if n == v)
            }
        )
        weekday = _alternation(self.weekdays)
        day = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:er|º|°)?"
        year = r"(?P<year>(?:18|19|20)\d{2})"
        if code == "de":
            day_month = rf"{day}\.\s*(?P<month>{month})\.?(?:\s+{year})?"
        elif code in ("es", "pt"):
            day_month = rf"{day}\s+de\s+(?P<month>{month})\.?(?:\s+(?:de|del)\s+{year})?"
        else:
            day_month = rf"{day}\s+(?P<month>{month})\.?(?:\s+{year})?"
        link = r"\s+(?:de\s+)?" if code in ("es", "pt") else r"\s+"
        self.date = re.compile(
            rf"(?<![\w-])(?:(?P<weekday_day>{weekday}),?\s+(?:(?:le|el|il|o|den)\s+)?)?"
            rf"{day_month}(?![\w-])"
            rf"|(?<![\w-])(?P<month_year>{full_month}){link}(?P<year2>(?:18|19|20)\d{{2}})(?!\d)"
            rf"|(?<![\w-])(?P<weekday>{weekday})(?![\w-])"
            rf"|(?<![\w-])(?P<bare>{full_month})(?![\w-])"
            rf"|(?<![\w-])(?P<yearonly>(?:18|19|20)\d{{2}})(?![\w,.]\d|\d|\s?%)"
            rf"|(?<![\w-])(?P<relative>{_alternation(self.relative)})(?![\w-])",
            re.IGNORECASE,
        )


def _numbered(entries: tuple[str, ...]) -> dict[str, int]:
    """ "05 mai" -> {"mai": 5}: a data file of numbered words."""
    found: dict[str, int] = {}
    for entry in entries:
        number, word = entry.split(" ", 1)
        found[word] = int(number)
    return found


def _alternation(words: dict[str, int]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _language(code: str) -> _Language:
    return _Language(code)


def places_abroad() -> frozenset[str]:
    """The gazetteer's places as French, German, Spanish, Italian and Portuguese write them
    (generated by ``digest/data/build.py``), read on first use."""
    return word_list("places_abroad")


def _published_day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _word_before(paragraph: str, start: int) -> str:
    words = paragraph[max(0, start - 30) : start].split()
    return words[-1].strip("(«“\"'’").lower() if words else ""


def _word_after(paragraph: str, end: int) -> str:
    match = _WORD.match(paragraph, end)
    return match.group("word") if match else ""


def _lookup(words: dict[str, int], text: str) -> int:
    key = text.rstrip(".")
    for candidate in (key, key.lower(), key.capitalize()):
        if candidate in words:
            return words[candidate]
    return 0


def find_dates_abroad(
    paragraphs: tuple[str, ...], published: str | None, language: str
) -> tuple[DateFact, ...]:
    """The dates of a page in one of ``ABROAD`` or ``CJK``, in reading order; each once."""
    today = _published_day(published)
    found: list[DateFact] = []
    seen: set[tuple[str, str | None]] = set()
    for index, paragraph in enumerate(paragraphs):
        for text, value in _dates_in(paragraph, today, language):
            if (text.lower(), value) not in seen:
                seen.add((text.lower(), value))
                found.append(DateFact(text, value, index))
    return tuple(found)


def _dates_in(paragraph: str, today: date | None, language: str) -> list[tuple[str, str | None]]:
    if language in CJK:
        return [(m.group(0), _cjk_value(m, today)) for m in _CJK_DATE.finditer(paragraph)]
    words = _language(language)
    found: list[tuple[int, str, str | None]] = []
    taken: list[tuple[int, int]] = []
    for match in _NUMERIC_DATE.finditer(paragraph):
        value = _iso(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        if value:
            found.append((match.start(), match.group(0), value))
            taken.append(match.span())
    for match in words.date.finditer(paragraph):
        if any(a <= match.start() < b for a, b in taken):
            continue
        reading = _reading(paragraph, match, words, today)
        if reading is not None:
            found.append((match.start(), *reading))
    return [(text, value) for _, text, value in sorted(found)]


def _reading(
    paragraph: str, match: re.Match[str], words: _Language, today: date | None
) -> tuple[str, str | None] | None:
    """The text and ISO value of one date match, or None when it is no date."""
    text = match.group(0)
    before = _word_before(paragraph, match.start())
    if match.group("month"):
        month = _lookup(words.months, match.group("month"))
        day = int(match.group("day"))
        following = paragraph[match.end() :].lstrip()[:1]
        if text.endswith(".") and (not following or following.isupper()):
            text = text[:-1]  # the stop ends the sentence, not a short month's name
        if match.group("year"):
            return text, _iso(int(match.group("year")), month, day)
        return text, day_month_value(month, day, today) if today else None
    if match.group("month_year"):
        month = _lookup(words.months, match.group("month_year"))
        return text, f"{int(match.group('year2')):04d}-{month:02d}"
    if match.group("weekday"):
        if _capitalised_mid_sentence(paragraph, match) and words.code != "de":
            return None  # a name: "Mardi Gras", "Sábado Gigante"
        after = _word_after(paragraph, match.end())
        relative: str | None = None
        if after in words.next_words or after in words.last_words:
            relative = "next" if after in words.next_words else "last"
        weekday = _lookup(words.weekdays, match.group("weekday")) - 1
        if relative:
            text = f"{text} {after}"
        else:
            # News mostly reports what happened: the last such day, unless the clause
            # looks ahead ("se réunira jeudi", "wird am Montag").
            relative = "next" if _ahead(paragraph, match, words) else "past"
        return text, weekday_value(weekday, today, relative) if today else None
    if match.group("bare"):
        if before not in words.year_cues or (
            words.code != "de" and _capitalised_mid_sentence(paragraph, match)
        ):
            return None  # "en mai" is a date; "Mai" alone may be a name
        month = _lookup(words.months, match.group("bare"))
        return text, _month_abroad(month, today, _ahead(paragraph, match, words))
    if match.group("yearonly"):
        if before not in words.year_cues:
            return None  # a year needs its cue here: "2 209" and "1985 euros" are counts
        return text, match.group("yearonly")
    shift = _lookup(words.relative, match.group("relative"))
    if match.group("relative")[:1].isupper() and not _sentence_start(paragraph, match.start()):
        return None  # "Hoy" in a name, "Morgen" the noun
    return text, (today + timedelta(days=shift)).isoformat() if today else None


def _month_abroad(month: int, today: date | None, ahead: bool) -> str | None:
    """A month's bare name: this month, else the last one, or the next when the clause
    looks ahead ("en abril" in December is last April)."""
    if today is None:
        return None
    if month == today.month:
        return f"{today.year:04d}-{month:02d}"
    year = today.year + (1 if ahead and month < today.month else 0)
    if not ahead and month > today.month:
        year -= 1
    return f"{year:04d}-{month:02d}"


def _ahead(paragraph: str, match: re.Match[str], words: _Language) -> bool:
    """Whether the clause around a date looks ahead: a future tense or auxiliary in it."""
    start = max(paragraph.rfind(mark, 0, match.start()) for mark in ".;!?") + 1
    ends = [paragraph.find(mark, match.end()) for mark in ".;!?"]
    end = min([e for e in ends if e >= 0] or [len(paragraph)])
    for word in re.findall(r"[^\W\d_]+", paragraph[start:end].lower()):
        if word in words.future_words or (len(word) > 4 and word.endswith(words.future_endings)):
            return True
    return False


def _capitalised_mid_sentence(paragraph: str, match: re.Match[str]) -> bool:
    return match.group(0)[:1].isupper() and not _sentence_start(paragraph, match.start())


def _sentence_start(paragraph: str, position: int) -> bool:
    head = paragraph[:position].rstrip()
    return not head or head[-1] in '.!?:;«“"(—–-'


def _cjk_value(match: re.Match[str], today: date | None) -> str | None:
    if match.group("relative"):
        if today is None:
            return None
        unit, shift = _CJK_SHIFTS[match.group("relative")]
        if unit == "year":
            return f"{today.year + shift:04d}"
        return (today + timedelta(days=shift)).isoformat()
    if match.group("yearonly"):
        return match.group("yearonly")
    month = int(match.group("month"))
    if match.group("year"):
        year = int(match.group("year"))
        if match.group("day"):
            return _iso(year, month, int(match.group("day")))
        return f"{year:04d}-{month:02d}"
    if today is None:
        return None
    if match.group("day"):
        return day_month_value(month, int(match.group("day")), today)
    return month_value(month, today)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_numbers_abroad(paragraphs: tuple[str, ...], language: str) -> tuple[NumberFact, ...]:
    """Numbers with what they count on a page in one of ``ABROAD``, in reading order."""
    words = _language(language)
    found: list[NumberFact] = []
    for index, paragraph in enumerate(paragraphs):
        for match in _NUMBER.finditer(paragraph):
            fact = _number(paragraph, match, words)
            if fact is not None:
                found.append(NumberFact(fact[0], fact[1], fact[2], index))
        for word, value in words.number_words.items():
            for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", paragraph):
                fact = _counted(paragraph, match.start(), match.end(), value, words)
                if fact is not None:
                    found.append(NumberFact(fact[0], fact[1], fact[2], index))
    return tuple(sorted(found, key=lambda n: (n.paragraph, _start(paragraphs, n))))


def _start(paragraphs: tuple[str, ...], fact: NumberFact) -> int:
    return paragraphs[fact.paragraph].find(fact.text)


def _value(number: str) -> int | float:
    plain = re.sub(r"[ \u00a0\u202f]", "", number)
    if "," in plain:
        plain = plain.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", plain):
        plain = plain.replace(".", "")
    value = float(plain)
    return int(value) if value.is_integer() else round(value, 6)


def _number(
    paragraph: str, match: re.Match[str], words: _Language
) -> tuple[str, int | float, str] | None:
    """The fact a number in digits gives, or None (a year, a version, a label)."""
    start, end = match.span()
    number = match.group("num")
    value = _value(number)
    if re.fullmatch(r"(?:18|19|20)\d{2}", number):
        return None  # a year: the dates read it
    capital = _CAPITAL_BEFORE.search(paragraph, max(0, start - 30), start)
    if capital and not _sentence_start(paragraph, capital.start("word")):
        return None  # "OS X 10", "Version 5", "Copa 2": part of a name
    sign = CURRENCIES.get(paragraph[start - 1 : start]) if start else None
    if sign and paragraph[start - 1] != "$":
        return paragraph[start - 1 : end], value, sign
    return _counted(paragraph, start, end, value, words)


def _counted(
    paragraph: str, start: int, end: int, value: int | float, words: _Language
) -> tuple[str, int | float, str] | None:
    """What a number counts, read from ``end``: a scale, percent, a currency, a noun."""
    position = end
    word = _WORD.match(paragraph, position)
    if word and _lookup(words.scales, word.group("word")):
        value *= _lookup(words.scales, word.group("word"))
        position = word.end()
        elision = _ELISION.match(paragraph, position)
        if elision:
            position = elision.end()
        word = _WORD.match(paragraph, position)
    elif value == 1:
        return None  # "un", "une": an article as often as a number
    rest = paragraph[position : position + 12]
    for percent in words.percent:
        if rest.lstrip().startswith(percent):
            cut = position + rest.index(percent) + len(percent)
            return paragraph[start:cut], value, "percent"
    if sign := _CURRENCY_AFTER.match(paragraph, position):
        return paragraph[start : sign.end()], value, CURRENCIES[sign.group("sign")]
    if word is None:
        return None
    noun = word.group("word")
    lower = noun.lower()
    if lower in _CURRENCY_WORDS:
        return paragraph[start : word.end("word")], value, _CURRENCY_WORDS[lower]
    if lower in words.adjectives:
        # "24 nuevos países": the noun follows the adjective.
        word = _WORD.match(paragraph, word.end())
        if word is None:
            return None
        noun = word.group("word")
        lower = noun.lower()
    if words.code == "de" and noun.islower():
        # German writes nouns with a capital: the noun follows its adjectives.
        adjective = word
        word = _WORD.match(paragraph, word.end())
        if word is None or adjective.group("word").lower() in words.stop:
            return None
        noun = word.group("word")
        lower = noun.lower()
    if (
        lower in words.stop
        or len(noun) < 2
        or re.match(r"^\w{1,2}[’']", noun)  # "n’ont", "l’État": an elided word
        or noun.isupper()
        or _lookup(words.months, noun)
        or _lookup(words.weekdays, noun)
        or (words.code == "de" and not noun[:1].isupper())
        or (words.code != "de" and noun[:1].isupper() and not noun.endswith("s"))
    ):
        return None
    return paragraph[start : word.end("word")], value, noun if noun[:1].isupper() else lower


def find_places_abroad(paragraphs: tuple[str, ...], places: frozenset[str]) -> tuple[Entity, ...]:
    """The places named on a page in one of ``ABROAD``: capitalised words that are, whole,
    a place of ``places``, by mentions; not a place inside a longer name ("Copa América",
    "Banco de México")."""
    counts: dict[str, list[int]] = {}
    order = 0
    for paragraph in paragraphs:
        starts = {s for s, _ in sentence_spans(paragraph)}
        for match in _CAPITALISED_RUN.finditer(paragraph):
            for at, name in _places_in(match, places):
                if at in starts and " " not in name and not _repeated(paragraphs, name):
                    continue  # a capitalised first word of a sentence
                order += 1
                counts.setdefault(name, []).append(order)
    ranked = sorted(counts.items(), key=lambda item: (-len(item[1]), item[1][0]))
    return tuple(Entity(name, len(orders)) for name, orders in ranked)


_CONNECTORS: Final = word_list("facts/languages/connectors")
"""Small words a place's name holds ("Rio de Janeiro"), or that join two names."""
_CONNECTOR: Final = "|".join(sorted(_CONNECTORS, key=len, reverse=True))
_CAPITALISED_RUN: Final = re.compile(
    r"(?:(?<=\b[lLdD][’'])|(?<=\b[dn]ell[’'])|(?<![\w’'-]))[A-ZÀ-ÝÉ][\w’'-]*"
    rf"(?:\s+(?:(?:{_CONNECTOR})\s+)*"
    r"(?:[A-ZÀ-ÝÉ][\w’'-]*|arabes|unis|unidos|uniti|unidas|árabes))*"
)
"""A run of capitalised words, with the small words names hold ("Costa Rica", "Rio de
Janeiro", "États-Unis", "Émirats arabes unis")."""
_TOKEN: Final = re.compile(r"\S+")


def _places_in(match: re.Match[str], places: frozenset[str]) -> list[tuple[int, str]]:
    """The places in a run of capitalised words, longest first from the left, with where
    each starts ("El Salvador y Venezuela" -> El Salvador, Venezuela)."""
    tokens = [(m.start() + match.start(), m.group(0)) for m in _TOKEN.finditer(match.group(0))]
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(tokens):
        hit = None
        for j in range(min(len(tokens), i + 5), i, -1):
            name = " ".join(t for _, t in tokens[i:j]).rstrip(".,;:")
            name = re.sub(r"^[LlDd][’']", "", name)  # "l’Italie", "d’Irak"
            if name in places and tokens[j - 1][1] not in _CONNECTORS:
                hit = (j, name)
                break
        if hit is None:
            i += 1
            continue
        j, name = hit
        before = tokens[i - 1][1] if i else ""
        after = tokens[j][1] if j < len(tokens) else ""
        inside = (
            before[:1].isupper()  # "Copa América"
            or after[:1].isupper()  # "Resistencia Ancestral Mapuche"
            or (i > 1 and tokens[i - 2][1][:1].isupper() and not found)  # "Banco de México"
        )
        if not inside:
            found.append((tokens[i][0], name))
        i = j
    return found


def _repeated(paragraphs: tuple[str, ...], name: str) -> bool:
    """Whether the article writes ``name`` inside a sentence too, not only opening one."""
    pattern = re.compile(rf"[\w,;] {re.escape(name)}(?![\w’'-])")
    return any(pattern.search(p) for p in paragraphs)
