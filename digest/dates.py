"""Dates as news pages write them: month names and :func:`parse_date`."""

from __future__ import annotations

import re
from datetime import datetime

MONTHS: dict[str, int] = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
"""Month names and abbreviations, lower case, mapped to the month number."""

_DATE_DMY_NUM = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DATE_MDY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DATE_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b")


def parse_date(text: str) -> str | None:
    """An ISO date from common written forms ("8 October 2015", "Oct. 8, 2015", "08/10/2015")."""
    if match := _DATE_ISO.search(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DATE_MDY.search(text):
        month = MONTHS.get(match.group(1).lower(), 0)
        day, year = int(match.group(2)), int(match.group(3))
    elif match := _DATE_DMY.search(text):
        month = MONTHS.get(match.group(2).lower(), 0)
        day, year = int(match.group(1)), int(match.group(3))
    elif match := _DATE_DMY_NUM.search(text):
        # Day first, as most of the world (and every outlet that writes 08/10/2015) does,
        # unless the first number cannot be a month day order.
        first, second, year = (int(g) for g in match.groups())
        day, month = (first, second) if second <= 12 else (second, first)
    else:
        return None
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None
