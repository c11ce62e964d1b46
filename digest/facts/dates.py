"""Dates the article mentions, resolved to ISO 8601 where the article allows.

Full dates ("October 3, 2015", "3 October 2015", "2015-10-03"), months with a year ("May
2015") and years ("in 2009", "the 2016 election") resolve on their own. A day and month
without a year ("Jan. 3"), a month after a preposition ("in June", "since September",
"last December"), a weekday ("on Thursday"), "yesterday" and "today" resolve against the
publication date when it is known, and stay ``None`` otherwise.

Which Thursday, or which year's January, is read from the tense around it: a past-tense
clause ("said late Thursday", "since fleeing Berlin Monday", "reached in February") takes
the last one, a future one ("would come back to it on Wednesday", "is scheduled to begin
Jan. 3") the next one, and a clause with neither the nearest (for a weekday, one of the
last four days or the next two: news mostly reports what happened). A weekday in the past may
be the day after the publication date's, since that date is often given in UTC while the
story is written where it is already the next day.

Names that hold a date word are not dates: "USA TODAY", "Today's Paper", "the Sunday
Business section", "GMTV's Sunday programme", "Black Friday"; nor is "today" in a clause
with no past or future ("signals used today": nowadays), a year-like number that counts or
measures ("about 2000 people", "1800 x 1920 pixels"), or a weekday that is no particular
day ("on a Sunday afternoon") or names the full date after it ("Thursday, October 13").
"The Sept. 11 attacks" are those of 2001.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final, Literal

from digest.facts.scan import ascii_twin, plain_text
from digest.models import DateFact
from digest.text.calendar import MONTH_NAMES, MONTH_PATTERN, MONTHS, WEEKDAYS
from digest.text.sentences import ABBREVIATIONS, sentence_spans
from digest.text.words import word_list

_MONTH: Final = rf"(?P<month>{MONTH_PATTERN})\.?"
_FULL_MONTH: Final = "|".join(MONTH_NAMES)
_YEAR: Final = r"(?:18|19|20)\d{2}"
_DATE: Final = re.compile(
    # At a word's start, a quick look ahead (a digit, a capital, "yesterday", "today" ...)
    # leaves most words at once, before any of the forms below is tried.
    rf"""\b(?=[\dA-Z]|y(?i:esterday)|t(?i:o(?:day|morrow|night)|his\ morning)|l(?i:ast\ night))
    (?:
      (?P<iso>{_YEAR})-(?P<mnum>\d{{2}})-(?P<iday>\d{{2}})(?!\d)
    | {_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s?[:%])(?:,?\s+(?P<year>{_YEAR})\b)?
    | (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH_PATTERN})\b
      (?:\.?,?\s+(?P<year2>{_YEAR})\b)?
    | (?P<month3>{MONTH_PATTERN})\.?\s+(?P<year3>{_YEAR})\b
    | (?P<bare>{_FULL_MONTH})\b
    | (?P<weekday>{"|".join(WEEKDAYS)})\b
    | (?P<relative>(?i:yesterday|today|tomorrow|tonight|last\ night|this\ morning))\b
    | (?P<decade>(?:18|19|20)\d0)(?:s|['’]s)\b
    | (?P<yearonly>{_YEAR})(?![\w%$£€'’]|[.,]\d|\s?per\ ?cent|\s?percent)
    )""",
    re.X,
)
_MONTH_CUES: Final = word_list("facts/dates/month_cues")
"""Words before a month's bare name that make it a date ("in June", "since September")."""
_YEAR_CUES: Final = _MONTH_CUES | {"the", "and", "or", "between", "around", "circa", "c."}
_EVENT_DAYS: Final = word_list("facts/dates/event_days")
_CAPITAL_WORD: Final = re.compile(r"\s+[A-Z][a-z]")
_PLURAL_AFTER: Final = re.compile(r"\s+(?:[a-z]+s|people|men|women|children)\b(?!['’])")
_DIGIT_AFTER: Final = re.compile(r"\s+\d")
_DIMENSION_AFTER: Final = re.compile(r"\s*(?:[x×*]|by)\s*\d")
_DIMENSION_BEFORE: Final = re.compile(r"\d\s*(?:[x×*]|by)\s*$")
_DATE_ASCII: Final = ascii_twin(_DATE)
"""``_DATE`` for ``plain_text``: the same dates, found quicker."""
_DATE_AFTER: Final = re.compile(
    rf",?\s+(?:in\s+|the\s+)?(?:{MONTH_PATTERN}\.?\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN})"
)
_RANGE_LINK: Final = re.compile(r"\s*(?:and|to|through|until|till|-|–)\s*")
_SEPTEMBER_11: Final = re.compile(
    r"Sept?(?:ember|\.)?\s+11(?:th)?,?\s+(?:terror(?:ist)?\s+)?attacks?\b"
)
_YEAR_AFTER: Final = re.compile(r",?\s+(?P<which>last|this|next)\s+year\b")
_CLAUSE_MARK: Final = re.compile(r"[.!?;](?=\s)")
_NEXT_WORD: Final = re.compile(r"\s+([\w’']+)")
_LAST_WORD: Final = re.compile(r"([\w.]+)$")
_NAME_WORDS: Final = word_list("facts/dates/name_words")
"""Words that make a weekday beside them part of a name ("Saturday Night Live")."""
_NAMED_AFTER_MONTH: Final = re.compile(r"\s+(?:for|on|against|of|to)\s+(?:the\s+)?[A-Z]")
"""A month that opens a name: "the March for Our Lives", "the March on Washington"."""
_WORK_WORDS: Final = word_list("facts/dates/work_words")
_YEAR_NOUNS: Final = word_list("facts/dates/year_nouns")
_COPYRIGHT: Final = re.compile(r"(?:©|\([cC]\)|\b[Cc]opyright)\s*(?:\d{4}\s*[-–]\s*)?$")
_QUOTATION: Final = re.compile(r"“[^“”]*”?|\"[^\"]*\"?")
_WEEKDAY_NAMES: Final = "|".join(WEEKDAYS)
_SHIFTS: Final = {"yesterday": -1, "tomorrow": 1, "last night": -1}
"""Days from the day the text speaks from ("last night" is the night before it)."""
_SPOKEN_ON: Final = re.compile(
    r"\b(?:said|says|told|added|wrote|asked|appeared|spoke|speaking|saying|interviewed)\b"
    rf"(?:\s+[\w’'.-]+){{0,4}}?\s+(?:on\s+|late\s+|early\s+)?(?P<day>{_WEEKDAY_NAMES})\b"
)
"""The day a quote was spoken, when its sentence or the one before says it: "…,” she said
Tuesday", "Dean appeared on MSNBC on Tuesday. He then said, “…”"."""
_CLAUSE_END: Final = re.compile(r"[.!?;“”\"—–(]")
_WORDS: Final = re.compile(r"[A-Za-z’']+")
_SENTENCE_LEAD: Final = frozenset(".!?:;\"“”‘'([—–|•")

_FUTURE: Final = word_list("facts/dates/future")
"""Words that point a clause ahead: the date they govern is the next one."""
_PAST: Final = word_list("facts/dates/past")
"""Past-tense words that are not ``-ed`` forms: the date they govern is the last one."""
_CUE_WINDOW: Final = 10
"""How many words either side of a date are read for its tense."""
_CLAUSE_WORDS: Final = word_list("facts/dates/clause_words")
"""Words that open another clause: its verb does not govern the date before it."""
_SPAN_END: Final = frozenset({"until", "till", "through", "to", "by"})
"""Words before a date that make it the end of a span."""
_SPAN_SKIP: Final = word_list("facts/dates/span_skip")
_FUTURE_BEFORE_TO: Final = frozenset({"set", "due", "going", "about"})
"""Words that look ahead only before "to": "set to dock", not "set the record straight"."""
_INDEFINITE: Final = word_list("facts/dates/indefinite")
"""Words before a weekday that make it no date of its own: "on a Sunday afternoon"."""
_NOT_ED: Final = word_list("facts/dates/not_ed")
_FUTURE_ED: Final = frozenset({"scheduled", "expected", "planned", "slated"})


def _published_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _day_ahead(published: str | None) -> bool:
    """Whether the story may be dated a day before where it was written: its time is given
    in UTC, late enough that the next day has begun east of Greenwich. A date given without
    a time, or with the writer's own offset, is the writer's day."""
    if not published or len(published) < 13 or published[10] not in "T ":
        return False
    utc = published.endswith(("Z", "+00:00", "+0000")) or len(published) <= 19
    return utc and published[11:13].isdigit() and int(published[11:13]) >= 12


def _clause_start(head: str) -> int:
    """Where the clause that ``head`` ends in starts: after its last ".", "!", "?" or ";"
    that ends a sentence, not the stop of "p.m.", "Mr." or an initial."""
    for mark in reversed(list(_CLAUSE_MARK.finditer(head))):
        if mark.group(0) == ".":
            word = _LAST_WORD.search(head, 0, mark.start())
            last = word.group(1).lower().replace(".", "") if word else ""
            if len(last) <= 1 or last in ("am", "pm") or last in ABBREVIATIONS:
                continue
        return mark.end()
    return 0


def _tense(paragraph: str, start: int, end: int) -> int:
    """-1 when the clause around ``start:end`` is in the past, 1 when it looks ahead, else 0.

    The nearest cue among the few words before the date decides, as its verb usually
    governs the date ("if the motion didn't pass they would come back to it on
    Wednesday"); when they give none, the nearest few after it ("On Monday, the group
    filed ..."). The end of a span ("through 5 August", "until Friday") is not read as
    past, and a move "to July" looks ahead.
    """
    head = paragraph[max(0, start - 120) : start]
    before: list[str] = _WORDS.findall(head[_clause_start(head) :])[-_CUE_WINDOW:]
    tense = _tense_of(before[::-1], reverse=True)
    if not tense:
        tail = paragraph[end : end + 120]
        stop = _CLAUSE_END.search(tail)
        after: list[str] = _WORDS.findall(tail[: stop.start()] if stop else tail)[:_CUE_WINDOW]
        cut = next((i for i, w in enumerate(after) if w.lower() in _CLAUSE_WORDS), len(after))
        tense = _tense_of(after[:cut])
    last = next((w.lower() for w in reversed(before) if w.lower() not in _SPAN_SKIP), "")
    if last in _SPAN_END:
        if tense < 0:
            return 0
        return 1 if last == "to" else tense
    return tense


def _tense_of(words: list[str], reverse: bool = False) -> int:
    """The tense the first cue of ``words`` gives (``reverse``: words run backwards).

    A passive after "be" ("will be certified", "to be sentenced") is no past: the modal
    or verb before it decides, and it looks ahead when none does.
    """
    passive = False
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in _FUTURE or lower.endswith("'ll"):
            return 1
        if lower in _FUTURE_BEFORE_TO:
            at = i - 1 if reverse else i + 1
            if 0 <= at < len(words) and words[at].lower() == "to":
                return 1  # "set to dock", "due to begin", "going to vote"
            continue
        if lower in _PAST:
            return -1
        if lower.endswith("ed") and len(lower) > 4 and lower not in _NOT_ED:
            if lower in _FUTURE_ED:
                return 1
            near = words[i + 1 : i + 3] if reverse else words[max(0, i - 2) : i]
            if any(w.lower() in ("be", "being") for w in near):
                passive = True
                continue
            return -1
    return 1 if passive else 0


def _pick(candidates: list[int], target: int, tense: int, slack: int, near: int = 0) -> int:
    """The candidate (an ordinal day or month index) that the tense points to from target.

    Past: the last one on or before ``target + slack``; future: the first on or after
    ``target - slack``; otherwise the nearest, the earlier one on a tie. With ``near``, the
    tense yields when its choice lies over three times ``near`` away and another within
    ``near``: a year-less "January 20" in late December is next month's, whatever the
    verb's tense, as a day ten months back would be written with its year.
    """
    nearest = min(candidates, key=lambda c: (abs(c - target), c > target))
    chosen = nearest
    if tense < 0:
        before = [c for c in candidates if c <= target + slack]
        chosen = max(before) if before else nearest
    elif tense > 0:
        after = [c for c in candidates if c >= target - slack]
        chosen = min(after) if after else nearest
    if near and abs(chosen - target) > 3 * near and abs(nearest - target) <= near:
        return nearest
    return chosen


def _day_month(month: int, day: int, today: date, tense: int, slack: int) -> str | None:
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day).toordinal())
        except ValueError:
            continue
    if not candidates:
        return None
    chosen = _pick(candidates, today.toordinal(), tense, slack, 90)
    return date.fromordinal(chosen).isoformat()


def _month(month: int, today: date, tense: int, relative: str | None) -> str:
    target = today.year * 12 + today.month - 1
    candidates = [year * 12 + month - 1 for year in (today.year - 1, today.year, today.year + 1)]
    if relative == "last":
        chosen = max(c for c in candidates if c < target)
    elif relative == "next":
        chosen = min(c for c in candidates if c > target)
    elif relative == "this":
        chosen = today.year * 12 + month - 1
    else:
        chosen = _pick(candidates, target, tense, 0)
    return f"{chosen // 12:04d}-{chosen % 12 + 1:02d}"


def _weekday(name: str, today: date, tense: int, relative: str | None, slack: int) -> str:
    target = WEEKDAYS.index(name)
    delta = (target - today.weekday()) % 7  # 0..6 days ahead
    if relative == "last":
        delta = delta - 7 if delta else -7
    elif relative == "next":
        delta = delta or 7
    elif tense < 0:
        # News writes "on Monday" for this week's Monday; a day ahead is the same day
        # where the story was written, when its date is given in UTC (``_day_ahead``).
        delta = delta if delta <= slack else delta - 7
    elif tense == 0 and delta > 2:
        # No tense: news mostly reports what happened, so the last four days and the
        # next two are read.
        delta -= 7
    return (today + timedelta(days=delta)).isoformat()


def day_month_value(month: int, day: int, today: date) -> str | None:
    """The ISO date of a day and month with no year and no tense read: the nearest."""
    return _day_month(month, day, today, 0, 0)


def month_value(month: int, today: date) -> str:
    """The ISO month of a month's bare name with no tense read: the nearest."""
    return _month(month, today, 0, None)


def weekday_value(weekday: int, today: date, relative: str | None = None) -> str:
    """The ISO date of a weekday (0 Monday ... 6 Sunday): the ``relative`` one ("last",
    "next"; "past": this week's, on or before ``today``), or with no tense read one of the
    last four days or the next two."""
    if relative == "past":
        return _weekday(WEEKDAYS[weekday], today, -1, None, 0)
    return _weekday(WEEKDAYS[weekday], today, 0, relative, 0)


def _word_before(paragraph: str, start: int) -> tuple[str, int]:
    """The word just before ``start`` and where it starts ("" and ``start`` if none)."""
    base = max(0, start - 30)
    # Read back from ``start``: spaces and hyphens, then the word (letters, digits, _ ’ ' .).
    end = start
    while end > base and (paragraph[end - 1].isspace() or paragraph[end - 1] == "-"):
        end -= 1
    begin = end
    while begin > base and (paragraph[begin - 1].isalnum() or paragraph[begin - 1] in "_’'."):
        begin -= 1
    return (paragraph[begin:end], begin) if begin < end else ("", start)


def sentence_start(text: str, position: int) -> bool:
    """Whether ``position`` opens a sentence, a heading or a list item of ``text``."""
    i = position - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _SENTENCE_LEAD


def counts_as_number(paragraph: str, start: int, end: int) -> bool:
    """Whether a year-like number at paragraph[start:end] counts what follows it ("about
    2000 people", "the 1800 houses"), rather than naming a year ("in 2009", "the 2016
    elections", "restate 2000 and 2003 results"). ``numbers.py`` asks it too: one answer."""
    plural = _PLURAL_AFTER.match(paragraph, end)
    if not plural:
        return False
    before = _word_before(paragraph, start)[0].lower()
    if before not in _YEAR_CUES:
        return True
    noun = plural.group(0).split()[0].lower()
    return before == "the" and noun not in _YEAR_NOUNS and not _DIGIT_AFTER.match(paragraph, end)


def _a_title(paragraph: str, start: int, end: int, before: str) -> bool:
    """Whether a year is a work's title ("the film 1917", "“1989”") or a copyright line's
    year ("© 2023", "Copyright 2019-2023")."""
    if before.lower() in _WORK_WORDS:
        return True
    if paragraph[start - 1 : start] in "“\"‘'" and start and paragraph[end : end + 1] in "”\"’'":
        return True
    return _COPYRIGHT.search(paragraph, max(0, start - 20), start) is not None


def _not_a_date(paragraph: str, match: re.Match[str]) -> bool:
    """Whether a date-like word is part of a name, a title or a count, not a date."""
    start, end = match.span()
    groups = match.groupdict()
    before, before_start = _word_before(paragraph, start)
    if groups["relative"]:
        word = groups["relative"]
        # "USA TODAY", "Today's Paper", "the Today programme".
        if word.isupper() or paragraph[end : end + 2] in ("’s", "'s") and word[0].isupper():
            return True
        if word[0].isupper() and not sentence_start(paragraph, start):
            return True
        # "Today" in a present-tense clause is nowadays ("signals used today", "still
        # exists today"); a past or future clause makes it the day ("announced today").
        return word.lower() == "today" and not _tense(paragraph, start, end)
    if groups["weekday"]:
        if before in _EVENT_DAYS or before.endswith(("’s", "'s")):
            return True  # "Black Friday", "GMTV's Sunday programme"
        if _DATE_AFTER.match(paragraph, end):
            return True  # "Thursday, October 13": the full date follows
        if before.lower() in _INDEFINITE:
            return True  # "on a Sunday afternoon", "my Friday mornings", "the following Monday"
        after = _CAPITAL_WORD.match(paragraph, end)
        if after is not None and _word_after(paragraph, end) in _NAME_WORDS:
            return True  # "Saturday Night Live", "Sunday Times"
        if before == "on" and _word_before(paragraph, before_start)[0] in _NAME_WORDS:
            return True  # "the Mail on Sunday"
        return before.lower() == "the" and after is not None  # "the Sunday Business section"
    if groups["bare"]:
        # "in June", "since September"; "June Carter", "the March on Washington" are not.
        cue = before.lower().rstrip(".")
        if cue not in _MONTH_CUES and not paragraph[:start].endswith("mid-"):
            return True
        if _NAMED_AFTER_MONTH.match(paragraph, end):
            return True  # "in March for Our Lives"
        # "October of that year" names no year digest can tell.
        return bool(_CAPITAL_WORD.match(paragraph, end) or paragraph.startswith(" of ", end))
    if groups["decade"]:
        return True  # "the 2000s", "the 1990's": a decade, not the year 2000
    if groups["yearonly"]:
        head = paragraph[max(0, start - 2) : start]
        if head[-1:] in ("$", "£", "€", "#", "-", "/", ".", ",") or head[-1:].isdigit():
            return True
        if before[:1].isupper() and not sentence_start(paragraph, before_start):
            # "Boeing 2707", "Euro 2016"; a month or weekday before it is a date.
            return before.rstrip(".") not in WEEKDAYS and before.rstrip(".").lower() not in MONTHS
        if counts_as_number(paragraph, start, end):
            return True  # "about 2000 people", "the 1800 houses"
        if _DIGIT_AFTER.match(paragraph, end):
            return True  # a table row: "2034 70"
        if _DIMENSION_AFTER.match(paragraph, end) or _DIMENSION_BEFORE.search(
            paragraph, max(0, start - 12), start
        ):
            return True  # a size: "1800 x 1920 per eye", "2048 * 1080 pixels"
        if _a_title(paragraph, start, end, before):
            return True  # "the film 1917", "© 2023"
    return False


def _inside(position: int, quotes: list[re.Match[str]]) -> bool:
    return any(q.start() < position < q.end() for q in quotes)


def _word_after(paragraph: str, end: int) -> str:
    match = _NEXT_WORD.match(paragraph, end)
    return match.group(1) if match else ""


class _Resolver:
    """Resolves the dates of one article against its publication date."""

    def __init__(self, published: str | None) -> None:
        self.today = _published_day(published)
        self.slack = 1 if _day_ahead(published) else 0
        """Days a past date may lie after the publication date (see ``_day_ahead``)."""
        self.previous = ""
        """The paragraph before the one being read (where a quote's day may be said)."""

    def value(self, paragraph: str, match: re.Match[str]) -> str | None:
        """The ISO value of a date found in ``paragraph``, or None."""
        groups = match.groupdict()
        today = self.today
        if groups["iso"]:
            return _checked(int(groups["iso"]), int(groups["mnum"]), int(groups["iday"]))
        if groups["yearonly"]:
            return groups["yearonly"]
        if groups["month3"]:
            return f"{int(groups['year3']):04d}-{_month_number(groups['month3']):02d}"
        if groups["relative"]:
            anchor = self.spoken(paragraph, match.start())
            if anchor is False or today is None:
                return None  # a "today" in a quote no attribution dates
            word = groups["relative"].lower()
            # "last night" is the night before the day the text speaks from.
            shift = _SHIFTS.get(" ".join(word.split()), 0)
            return ((anchor or today) + timedelta(days=shift)).isoformat()
        if today is None and not (groups["year"] or groups["year2"]):
            return None
        if groups["day"] or groups["day2"]:
            month = _month_number(groups["month"] or groups["month2"])
            day = int(groups["day"] or groups["day2"])
            year = groups["year"] or groups["year2"]
            if year:
                return _checked(int(year), month, day)
            if _SEPTEMBER_11.match(paragraph, match.start()):
                return "2001-09-11"  # "the Sept. 11 attacks" name the day they happened
            assert today is not None
            end = self.range_end(paragraph, match)
            if end is not None:
                # "between January 1 and September 26": the start is the last such day
                # before the end.
                for year in (end.year, end.year - 1):
                    start = _checked(year, month, day)
                    if start is not None and start <= end.isoformat():
                        return start
            tense = _tense(paragraph, *match.span())
            return _day_month(month, day, today, tense, self.slack)
        assert today is not None
        relative = _word_before(paragraph, match.start())[0].lower()
        relative_word = relative if relative in ("last", "next", "this") else None
        if groups["bare"]:
            month = _month_number(groups["bare"])
            if year_after := _YEAR_AFTER.match(paragraph, match.end()):
                # "in October last year"
                shift = {"last": -1, "this": 0, "next": 1}[year_after.group("which")]
                return f"{today.year + shift:04d}-{month:02d}"
            return _month(month, today, _tense(paragraph, *match.span()), relative_word)
        tense = _tense(paragraph, *match.span())
        return _weekday(groups["weekday"], today, tense, relative_word, self.slack)

    def spoken(self, paragraph: str, position: int) -> date | Literal[False] | None:
        """For a word inside a quotation, the day its speaker spoke: the day the
        attribution gives ("…,” she said Tuesday), else False (not known); None when the
        word is narration, which is dated by the publication date."""
        quotes = list(_QUOTATION.finditer(paragraph))
        quote = next((q for q in quotes if q.start() < position < q.end()), None)
        if quote is None:
            return None
        if self.today is None:
            return False
        sentences = [(s, e) for s, e in sentence_spans(paragraph) if not _inside(s, quotes)]
        own = max((k for k, (s, _) in enumerate(sentences) if s <= quote.start()), default=0)
        start, end = sentences[own] if sentences else (0, len(paragraph))
        end = max(end, quote.end())
        narration = _QUOTATION.sub(" ", paragraph[start:end])
        earlier = paragraph[sentences[own - 1][0] : start] if own else self.previous[-300:]
        for text in (narration, _QUOTATION.sub(" ", earlier)):
            if day := _SPOKEN_ON.search(text):
                value = _weekday(day.group("day"), self.today, -1, None, self.slack)
                return date.fromisoformat(value)
        return False

    def range_end(self, paragraph: str, match: re.Match[str]) -> date | None:
        """The day that closes a range a date opens ("between January 1 and September 26")."""
        if _word_before(paragraph, match.start())[0].lower() not in ("between", "from"):
            return None
        link = _RANGE_LINK.match(paragraph, match.end())
        end = _DATE.match(paragraph, link.end()) if link else None
        if end is None or not (end.group("day") or end.group("day2")):
            return None
        value = self.value(paragraph, end)
        return date.fromisoformat(value) if value else None


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(paragraphs: tuple[str, ...], published: str | None) -> tuple[DateFact, ...]:
    """Dates in the body, in reading order; each text and value once."""
    resolver = _Resolver(published)
    found: list[DateFact] = []
    seen: set[tuple[str, str | None]] = set()
    for index, paragraph in enumerate(paragraphs):
        for match in (_DATE_ASCII if plain_text(paragraph) else _DATE).finditer(paragraph):
            if _not_a_date(paragraph, match):
                continue
            value = resolver.value(paragraph, match)
            text = match.group(0)
            if match.group("bare") or match.group("weekday"):
                relative = _word_before(paragraph, match.start())[0]
                if relative.lower() in ("last", "next", "this"):
                    text = f"{relative} {text}"
            key = (text.lower(), value)
            if key in seen:
                continue
            seen.add(key)
            found.append(DateFact(text, value, index))
        resolver.previous = paragraph
    return tuple(found)
