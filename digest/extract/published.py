"""The publication date of an article page, as ISO 8601.

Pages write the date in many places. They are read in order of trust, and the first
plausible date wins:

1. declared as data: JSON-LD ``datePublished``, ``<meta>`` tags (``article:published_time``,
   ``parsely-pub-date``, ``sailthru.date``, ``dc.date`` ...), microdata ``datePublished``;
2. ``<time>`` elements: the ``datetime`` attribute, else the text ("Dec. 22, 2016");
3. dates written on the page: in the lines under the headline (a byline "Written by ... on
   1 June 2019", a date standing alone, "Reviewed:" and the date beside it, a dateline
   opening one of the first paragraphs), in elements whose class says date or byline, a date
   standing alone in the title ("... - 07.12.2017 - LA NACION"); a date after a label
   ("Published: Dec. 22, 2016") wins over the other dates of its line;
4. the day in the URL (``/2015/10/08/``, ``-20161213-``): the canonical URL's, else the
   address the page was read from;
5. a modified date ("Updated 6:02 PM ET, Fri March 3, 2017", ``dateModified``): the article
   existed by then;
6. last of all, htmldate (a library made for dating pages, in many languages), asked only
   when the page's own sources give nothing.

A date is plausible when it is not in the future (a day's grace for time zones), not before
1990, and does not contradict the URL's date (two days either side, or the URL's month).

A moment declared in UTC is given in the page's own time zone when the page also writes the
same moment as a local clock time ("2016-12-20T00:08:44Z" beside "December 19, 2016 7:08pm"
is 2016-12-19T19:08:44-05:00): the day a reader sees is the page's day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone
from itertools import chain, islice
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from digest.extract.dom import (
    FURNITURE_TAGS,
    class_names,
    class_pattern,
    following,
    in_furniture,
    in_teaser,
)
from digest.inputs.urls import split
from digest.text import datelines
from digest.text.calendar import parse_date, parse_date_time

PUBLISHED_TAGS = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "article.published",
    "article_date_original",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
)
"""``<meta>`` names and properties (lower case) that hold the publication date, most
trusted first."""
MODIFIED_TAGS = (
    "og:updated_time",
    "article:modified_time",
    "datemodified",
    "article.updated",
    "article_date_updated",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
)
"""``<meta>`` names that hold the date of the last change: a last resort."""

_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?:/|[-_]|$)"
)
_COMPACT_URL_DATE = re.compile(r"[/=_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[/_-]")
_ISO = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_HAS_CLOCK = re.compile(r"\d[T ]\d{2}:?\d{2}")
_DIGIT = re.compile(r"\d")

_PUBLISHED_LABEL = re.compile(
    r"\b(?:(?:first\s+)?published|posted|reviewed|released|issued|created|date)\b\s*(?:on|at)?\s*:?",
    re.I,
)
_UPDATED_LABEL = re.compile(r"\b(?:(?:last\s+)?updated|modified|edited|revised)\b", re.I)
_LABEL_START = re.compile(
    r"^\s*(?:(?:first\s+)?published|posted|reviewed|released|(?:last\s+)?updated|modified)\b",
    re.I,
)
_CLASS_XPATH = etree.XPath(
    "//*["
    + " or ".join(
        f"contains(@class, '{word}')"
        for word in ("date", "Date", "time", "Time", "ublish", "osted", "yline", "uthor")
    )
    + "]"
)
"""Elements whose class says they hold a date or a byline (parts without their first letter
match "Byline" and "byline" alike, cheaply)."""
_TEXT_CHARS = (6, 120)
"""Length of a text that may be a date line: longer ones are paragraphs."""
_BODY_START = 150
"""A paragraph this long after the headline is the article's text: the date lines are above."""
_BEFORE_HEADLINE = 15
_AFTER_HEADLINE = 250
_CLASS_CANDIDATES = 30
_CLIMB = 2
"""Levels up from a text with a digit to the element that holds its whole date line."""
_LABEL_CHARS = 30
"""A label in the element before a date ("Updated:") is this short."""
_DATELINE_PARAGRAPHS = 2
"""Datelines are looked for down to this paragraph of text (the first may be a standfirst)."""
_TITLE_PARTS = re.compile(r"\s+[-|–—·:]\s+")
_TITLE_DATE_WORDS = 4
"""A part of the title this short that holds a date is the date alone ("... - 07.12.2017 -
LA NACION")."""
_WIDEST_ZONE = timedelta(hours=14)
_YEAR_ALONE = "-01-01"
"""htmldate's answer when all it found is a year."""


def parse_iso(value: str) -> datetime | None:
    """A datetime from the ISO-like forms pages use ("2015-10-08T10:00:00Z", "2015-10-08 10:00")."""
    match = _ISO.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        moment = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        return None
    if zone:
        sign = -1 if zone.startswith("-") else 1
        digits = zone.lstrip("+-").replace(":", "")
        offset = 0 if zone == "Z" else sign * (int(digits[:2]) * 60 + int(digits[2:4] or 0))
        moment = moment.replace(tzinfo=timezone(timedelta(minutes=offset)))
    return moment


def url_date(url: str | None) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) when the URL carries a date: "/2015/10/08/" in the path,
    "-20161213-" in the path or the query ("hl?a=20170309-35097838")."""
    if not url:
        return None
    parts = split(url)
    if parts is None:
        return None
    if match := _URL_DATE.search(parts.path):
        year, month, day = match.groups()
        return int(year), int(month), int(day) if day else None
    if match := _COMPACT_URL_DATE.search(f"{parts.path}?{parts.query}"):
        return int(match.group(1)), int(match.group(2)), int(match.group(3))
    return None


def _plausible(moment: datetime, url_parts: tuple[int, int, int | None] | None) -> bool:
    now = datetime.now(UTC).replace(tzinfo=None)
    naive = moment.replace(tzinfo=None)
    if naive > now + timedelta(days=1) or naive.year < 1990:
        return False
    if url_parts:
        year, month, day = url_parts
        if day:
            try:
                return abs((naive.date() - datetime(year, month, day).date()).days) <= 2
            except ValueError:
                return True
        return abs(naive.year * 12 + naive.month - year * 12 - month) <= 1
    return True


def _read(value: str) -> tuple[datetime, bool] | None:
    """The moment a value names and whether it gives a time of day (ISO or written)."""
    value = value.strip()
    if moment := parse_iso(value):
        return moment, bool(_HAS_CLOCK.search(value[:20]))
    if written := parse_date(value):
        return datetime.fromisoformat(written), False
    return None


def _ld_value(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value")
    return value.strip() or None if isinstance(value, str) else None


def _text(element: HtmlElement, limit: int = _TEXT_CHARS[1]) -> str | None:
    """The element's text with spaces collapsed, or None when it runs past ``limit``
    characters (read no further: containers of the whole article are common)."""
    pieces, size = [], 0
    for piece in element.itertext():
        pieces.append(piece)
        size += len(piece.strip())
        if size > limit * 2:
            return None
    text = " ".join(" ".join(pieces).split())
    return text if len(text) <= limit else None


def _date_line(element: HtmlElement) -> str | None:
    """The element's text when it is short enough to be a date line and holds a date."""
    text = _text(element)
    return text if text and len(text) >= _TEXT_CHARS[0] and parse_date(text) else None


def _labelled(text: str) -> tuple[str | None, bool]:
    """The date a line writes, and whether it is a modified date ("Updated ...").

    "Published: Dec 15 2016 | Updated: Dec 16 2016" gives the published date; a line that
    says only "Updated" gives a modified date.
    """
    label = _PUBLISHED_LABEL.search(text)
    if label and (found := parse_date(text[label.end() :])):
        return found, False
    found = parse_date(text)
    return found, bool(found and _UPDATED_LABEL.search(text) and not label)


def _line_of(element: HtmlElement) -> str | None:
    """The date line an element with a digit in its text belongs to: its text, or that of an
    element up to ``_CLIMB`` levels above when the date is split ("<b>Dec</b> 14, 2016"). A
    label standing just before it ("Updated:" "Dec 15, 2016") is read with it."""
    for _ in range(_CLIMB + 1):
        if element is None or not isinstance(element.tag, str) or element.tag in FURNITURE_TAGS:
            return None
        if line := _date_line(element):
            label = element.getprevious()
            text = _text(label, _LABEL_CHARS) if label is not None else None
            return f"{text} {line}" if text and _LABEL_START.match(text) else line
        element = element.getparent()
    return None


def _near_headline(root: HtmlElement, headline: HtmlElement | None) -> list[str]:
    """Date lines from just before the headline down to the first paragraph of text: the
    byline with its date, a date standing alone, a date under its label; and a dateline
    opening a paragraph before the second of text (the first may be the standfirst)."""
    start = headline if headline is not None else next(root.iter("h1"), None)
    if start is None:
        return []
    before = (e for s in start.itersiblings(preceding=True) for e in s.iter())
    lines: dict[str, None] = {}
    paragraphs = 0
    for count, element in enumerate(chain(islice(before, _BEFORE_HEADLINE), following(start))):
        if count > _BEFORE_HEADLINE + _AFTER_HEADLINE or not isinstance(element.tag, str):
            break
        if element.tag == "p":
            opening = "".join(islice(element.itertext(), 4))[: _TEXT_CHARS[1]]
            if dateline := datelines.BEFORE_DASH.match(opening.strip()):
                lines.setdefault(dateline.group(1))
            if _text(element, _BODY_START) is None:
                paragraphs += 1
                if paragraphs == _DATELINE_PARAGRAPHS:
                    break
        if paragraphs:
            continue  # past the first paragraph, only datelines
        if element.text and _DIGIT.search(element.text):
            holder: HtmlElement | None = element
        elif element.tail and _DIGIT.search(element.tail):
            holder = element.getparent()
        else:
            continue
        if line := _line_of(holder):
            lines.setdefault(line)
    return list(lines)


_SIDEBAR = class_pattern(r"sidebar|side-?bar")
"""A box beside the article (a class such as "rail" or "card" names the page's grid as often)."""


def _another_story(element: HtmlElement, headline: HtmlElement | None) -> bool:
    """Whether ``element`` belongs to another story than the page's: in a teaser list, a
    quote, a sidebar, the page's furniture, or in an ``<article>`` apart from the one that
    holds the headline (pages set their related stories as articles of their own)."""
    if in_teaser(element, layout=False) or in_furniture(element):
        return True
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            break  # page-wide classes ("has-sidebar") say nothing about this element
        if _SIDEBAR.search(class_names(ancestor)):
            return True
    if headline is None:
        return False
    own = next((a for a in headline.iterancestors() if a.tag == "article"), None)
    if own is None:
        return False  # the headline stands outside any <article>: which is the story's is unknown
    story = next((a for a in element.iterancestors() if a.tag == "article"), None)
    return story is not None and story is not own and own not in set(story.iterancestors())


def _time_values(root: HtmlElement, headline: HtmlElement | None) -> list[str]:
    """``<time>`` values (the ``datetime`` attribute, else the text), marked ones first;
    none of another story's (:func:`_another_story`)."""
    marked, others = [], []
    for element in root.iter("time"):
        if _another_story(element, headline):
            continue
        value = element.get("datetime") or _text(element) or ""
        if element.get("pubdate") is not None or "publish" in (element.get("class") or ""):
            marked.append(value)
        elif not in_furniture(element):
            others.append(value)
    return marked + others


def _classed_lines(root: HtmlElement, headline: HtmlElement | None) -> list[str]:
    """Date lines in elements whose class says date, time, byline or author, anywhere but in
    the page's navigation, asides and footer, and another story's."""
    lines: dict[str, None] = {}
    for element in _CLASS_XPATH(root):
        if (
            (line := _date_line(element))
            and not in_furniture(element)
            and not _another_story(element, headline)
        ):
            lines.setdefault(line)
            if len(lines) >= _CLASS_CANDIDATES:
                break
    return list(lines)


def _title_dates(root: HtmlElement, tags: dict[str, str]) -> Iterator[str]:
    """Dates that stand as a part of their own in the page's title."""
    for title in (tags.get("title"), tags.get("og:title"), root.findtext(".//title")):
        for part in _TITLE_PARTS.split(title or ""):
            if len(part.split()) <= _TITLE_DATE_WORDS and (found := parse_date(part)):
                yield found


def _candidates(
    root: HtmlElement, ld: dict[str, Any] | None, tags: dict[str, str], headline: HtmlElement | None
) -> Iterator[tuple[str, bool]]:
    """Every value that may be the publication date, most trusted first, each with whether it
    is a modified date. The page's text is searched only when the values declared as data
    give no date."""
    if ld:
        for key in ("datePublished", "uploadDate"):
            if value := _ld_value(ld.get(key)):
                yield value, False
    for key in PUBLISHED_TAGS:
        if key in tags:
            yield tags[key], False
    marked = (
        e for e in root.xpath("//*[@itemprop='datePublished']") if not _another_story(e, headline)
    )
    for element in islice(marked, 3):
        yield element.get("content") or element.get("datetime") or _text(element) or "", False
    if ld and (value := _ld_value(ld.get("dateCreated"))):
        yield value, False
    for value in _time_values(root, headline):
        yield value, False
    for text in chain(_near_headline(root, headline), _classed_lines(root, headline)):
        found, is_modified = _labelled(text)
        if found:
            yield found, is_modified
    yield from ((found, False) for found in _title_dates(root, tags))


def _in_page_zone(moment: datetime, clocks: Iterable[str]) -> datetime:
    """A UTC moment moved to the page's own zone, when the page writes it as local time."""
    if moment.utcoffset() != timedelta(0):
        return moment
    utc = moment.replace(tzinfo=None)
    for text in clocks:
        local = parse_date_time(text) if len(text) <= _TEXT_CHARS[1] else None
        if local is None:
            continue
        exact = utc if local.second else utc.replace(second=0)  # "7:08pm" has no seconds
        shift = local - exact
        if shift and abs(shift) <= _WIDEST_ZONE and shift % timedelta(minutes=15) == timedelta(0):
            return moment.astimezone(timezone(shift))
    return moment


def _clocks(root: HtmlElement, tags: dict[str, str], headline: HtmlElement | None) -> Iterator[str]:
    """Where a page writes its local clock time: date tags, ``<time>``, the lines under the
    headline (read only as far as needed)."""
    yield from (v for k, v in tags.items() if "date" in k or "time" in k or "publish" in k)
    yield from _time_values(root, headline)
    yield from _near_headline(root, headline)


def _iso(moment: datetime, has_time: bool) -> str:
    return moment.isoformat() if has_time else moment.date().isoformat()


def published_date(
    root: HtmlElement,
    ld: dict[str, Any] | None,
    tags: dict[str, str],
    urls: Sequence[str | None] = (),
    headline: HtmlElement | None = None,
    *,
    fallback: bool = True,
) -> str | None:
    """The publication date, ISO 8601, from the most trusted source that gives a plausible one.

    Args:
        root: the parsed page (left unchanged).
        ld: the page's schema.org article object (JSON-LD), if any.
        tags: the page's ``<meta>`` values by lower-case name.
        urls: the page's addresses, best first (canonical, then the one it was read from):
            the first that carries a date is the date checked against, and the fallback.
        headline: the element that shows the headline, when known (else the first ``<h1>``).
        fallback: when the page's own sources give no date, ask htmldate (see
            :func:`library_date`).
    """
    url_parts = _url_parts(urls)
    modified: list[tuple[datetime, bool]] = []
    for value, is_modified in _candidates(root, ld, tags, headline):
        read = _read(value) if value else None
        if read is None or not _plausible(read[0], url_parts):
            continue
        if is_modified:
            modified.append(read)
            continue
        moment, has_time = read
        if has_time:
            moment = _in_page_zone(moment, _clocks(root, tags, headline))
        return _iso(moment, has_time)
    if url_parts and (day := url_parts[2]):
        year, month = url_parts[:2]
        try:
            return datetime(year, month, day).date().isoformat()
        except ValueError:
            pass
    values = [_ld_value(ld.get("dateModified")) if ld else None]
    values.extend(tags.get(key) for key in MODIFIED_TAGS)
    modified.extend(read for value in values if value and (read := _read(value)))
    for moment, has_time in modified:
        if _plausible(moment, url_parts):
            return _iso(moment, has_time)
    return library_date(root, urls) if fallback else None


def _url_parts(urls: Sequence[str | None]) -> tuple[int, int, int | None] | None:
    return next((parts for url in urls if (parts := url_date(url))), None)


LIBRARY_MAX_ELEMENTS = 20_000
"""Pages with more elements than this are not given to htmldate: news pages have a few
thousand (the corpus at most 2,700), and its search costs seconds on a 50 MB page."""


def library_date(root: HtmlElement, urls: Sequence[str | None] = ()) -> str | None:
    """The date htmldate finds, for a page whose own sources give none, checked as ours are.

    htmldate reads dates written in many languages ("8. März 2015", "8 octobre 2015") and
    in the page's scripts and markup at large. Its settings are the ones its documentation
    gives for publication dates (``original_date``, extensive search). January 1st is how it
    gives a year alone (a copyright line, a lone "2017"), so that is no answer. Its search
    (tens of milliseconds, and its date parser up to a few hundred more on first use) runs
    only for pages whose own sources give no date. (The module itself is imported with
    trafilatura, :mod:`digest.extract.second`, on every HTML page.)
    """
    if root.xpath("count(//*)") > LIBRARY_MAX_ELEMENTS:
        return None  # its extensive search takes seconds on such pages
    from htmldate import find_date  # lazily: see above

    url = next((u for u in urls if u), None)
    found = find_date(root, extensive_search=True, original_date=True, url=url)
    if not found or found.endswith(_YEAR_ALONE):
        return None
    read = _read(found)
    return found if read and _plausible(read[0], _url_parts(urls)) else None
