"""The calendar's words and dates as news pages write them.

Month and weekday names and their short forms are defined here once, for everything that
reads dates (:func:`parse_date`, the date facts, bylines, sentence splitting, names);
:func:`parse_date` and :func:`parse_date_time` read a written date.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final

MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The months' names, January first."""

# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
MONTH_ABBREVIATIONS: Final = (
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)  # fmt: skip
"""The months' short forms as news writes them, with or without a stop ("Sept. 11"); May,
short already, has none."""

WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The weekdays' names, Monday first (``date.weekday()`` order)."""

MONTH_PATTERN: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:tember|t)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
"""A regular expression for a month's name or short form, capitalised, without its stop."""

MONTH_PREFIXES: Final = tuple(name[:3].lower() for name in MONTH_NAMES)
"""The first three letters of each month's name, lower case: what every spelling starts with."""

MONTHS: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{short.lower(): MONTH_PREFIXES.index(short[:3].lower()) + 1 for short in MONTH_ABBREVIATIONS},
}
"""Month names and abbreviations, lower case, mapped to the month number."""

_DATE_DMY_NUM = re.compile(
    r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b|\b(\d{1,2})-(\d{1,2})-((?:19|20)\d{2})\b"
)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DATE_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
"""Chinese, Japanese and Korean dates: 2016年10月14日, 2016년 10월 14일."""
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
_DATE_MDY = re.compile(
    r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?"
    # A clock and a zone may stand between day and year ("Mon Aug 03 12:45:00 EDT 2015",
    # as Java and Unix date print).
    rf"(?:\s+{_CLOCK}(?:\s+[A-Z]{{2,5}})?)?\s+(\d{{4}})\b",
    re.I,
)
_DATE_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b", re.I)
_TIME_OF_DAY = re.compile(
    r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)(?:\s*([ap])\.?\s?m\b\.?)?", re.I
)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """An ISO date from common written forms ("8 October 2015", "Oct. 8, 2015", "08/10/2015",
    "2016年10月14日").

    The forms are tried in order (ISO, CJK, month first, day first, numbers), each at every place
    it occurs, so "Chapter 3, 2015 ... Oct. 8, 2015" gives the date, not the chapter.
    """
    for pattern in (_DATE_ISO, _DATE_CJK):
        for match in pattern.finditer(text):
            if found := _valid(*(int(g) for g in match.groups())):
                return found
    for match in _DATE_MDY.finditer(text):
        month = MONTHS.get(match.group(1).lower(), 0)
        if month and (found := _valid(int(match.group(3)), month, int(match.group(2)))):
            return found
    for match in _DATE_DMY.finditer(text):
        month = MONTHS.get(match.group(2).lower(), 0)
        if month and (found := _valid(int(match.group(3)), month, int(match.group(1)))):
            return found
    for match in _DATE_DMY_NUM.finditer(text):
        # Day first, as most of the world (and every outlet that writes 08/10/2015) does,
        # unless the first number cannot be a month day order.
        first, second, year = (int(g) for g in match.groups() if g is not None)
        day, month = (first, second) if second <= 12 else (second, first)
        if found := _valid(year, month, day):
            return found
    return None


def parse_date_time(text: str) -> datetime | None:
    """The date and the clock time a short text writes, as a naive datetime (local time).

    "Thursday, December 22, 2016, 06:47 PM" -> 2016-12-22 18:47; "2016-12-19 19:08:44" ->
    2016-12-19 19:08:44. None when the text has no date or no time of day.
    """
    day = parse_date(text)
    clock = _TIME_OF_DAY.search(text)
    if day is None or clock is None:
        return None
    hour, minute = int(clock.group(1)), int(clock.group(2))
    second = int(clock.group(3) or 0)
    if meridiem := (clock.group(4) or "").lower():
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, second=second)
