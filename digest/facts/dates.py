"""Dates the article mentions, resolved to ISO 8601 where the article allows.

Full dates ("October 3, 2015", "3 October 2015", "2015-10-03") resolve on their own;
a day and month without a year, a weekday ("on Thursday"), "yesterday" and "today"
resolve against the publication date when it is known, and stay ``None`` otherwise.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from digest.dates import MONTHS
from digest.models import DateFact

_WEEKDAYS = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<year>(?:19|20)\d{{2}})\b"),
    re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    re.compile(r"\b(?P<relative>yesterday|today|tomorrow|last night|this morning)\b", re.I),
    re.compile(r"\b(?:in|since|by|until|from|of|early|late|mid-?)\s+(?P<yearonly>(?:19|20)\d{2})\b"),
)


def _published_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _resolve(match: re.Match[str], today: date | None) -> str | None:
    groups = match.groupdict()
    if groups.get("yearonly"):
        return groups["yearonly"]
    if groups.get("relative"):
        if today is None:
            return None
        shift = {"yesterday": -1, "tomorrow": 1}.get(groups["relative"].lower(), 0)
        return (today + timedelta(days=shift)).isoformat()
    if groups.get("weekday"):
        if today is None:
            return None
        # News writes "on Thursday" for the most recent Thursday, or the coming one when
        # the article looks ahead; the nearest one within three days either side is taken.
        target = _WEEKDAYS[groups["weekday"].lower()]
        delta = (target - today.weekday()) % 7
        if delta > 3:
            delta -= 7
        return (today + timedelta(days=delta)).isoformat()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS.get(groups["month"].lower().rstrip("."), 0)
    year = int(groups["year"]) if groups.get("year") else (today.year if today else None)
    if not groups.get("day"):
        return f"{year:04d}-{month:02d}" if year and month else None
    if year is None:
        return None
    try:
        return date(year, month, int(groups["day"])).isoformat()
    except ValueError:
        return None


def find_dates(paragraphs: tuple[str, ...], published: str | None) -> tuple[DateFact, ...]:
    """Dates in the body, in reading order, each once."""
    today = _published_day(published)
    found: list[DateFact] = []
    seen: set[str] = set()
    for index, paragraph in enumerate(paragraphs):
        taken: list[tuple[int, int]] = []
        for pattern in _PATTERNS:
            for match in pattern.finditer(paragraph):
                span = match.span()
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                text = match.group(0)
                if match.groupdict().get("yearonly"):
                    text = match.group("yearonly")
                if match.groupdict().get("month") == "May" and not match.groupdict().get("year") and not match.groupdict().get("day"):
                    continue
                taken.append(span)
                if text.lower() in seen:
                    continue
                seen.add(text.lower())
                found.append(DateFact(text, _resolve(match, today), index))
    return tuple(found)
