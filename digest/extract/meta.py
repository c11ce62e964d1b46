"""Article metadata from an HTML page: title, authors, publisher, dates, language, URL.

Sources are read in order of trust, and the first that gives a clean value wins:

    JSON-LD (schema.org NewsArticle ...) > OpenGraph and <meta> tags > <time> > byline text > the URL

Every value is cleaned before it is used: titles lose the site-name suffix, authors are
people's names only (no "By", job titles, e-mail addresses or site names), dates are ISO
8601 and never in the future, languages are ISO 639-1 codes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from digest.dates import parse_date
from digest.extract.lines import split_names
from digest.outlets import outlet_for_host, outlet_name

_ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "socialmediaposting",
        "liveblogposting",
        "scholarlyarticle",
        "techarticle",
        "report",
    }
)
_LD_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_NOT_ARTICLE_TYPES = frozenset({"collectionpage", "searchresultspage", "itemlist", "profilepage"})

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|•|/)\s+")
_SPACES = re.compile(r"\s+")
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?:/|[-_]|$)"
)
_COMPACT_URL_DATE = re.compile(r"[/-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[/-]")


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself, before the body is extracted."""

    title: str | None = None
    headings: list[str] = field(default_factory=list)
    description: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    agencies: list[str] = field(default_factory=list)
    published: str | None = None
    language: str | None = None
    url: str | None = None
    not_article: bool = False
    paywalled: bool = False
    word_count: int | None = None
    """The article's length in words as the page states it (schema.org ``wordCount``)."""


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        value = _SPACES.sub(" ", value).strip()
        return value or None
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value"))
    return None


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _walk_ld(value: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(value, list):
        for item in value[:50]:
            _walk_ld(item, out, depth + 1)
    elif isinstance(value, dict):
        out.append(value)
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in value:
                _walk_ld(value[key], out, depth + 1)


def _json_ld(root: HtmlElement) -> tuple[dict[str, Any] | None, bool]:
    """The page's schema.org article object, and whether the page calls itself a listing."""
    nodes: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        raw = script.text.strip()
        if len(raw) > 2_000_000:
            continue
        try:
            _walk_ld(json.loads(_LD_WRAPPER.sub("", raw), strict=False), nodes)
        except (ValueError, RecursionError):
            continue
    article = next((n for n in nodes if _types(n) & _ARTICLE_TYPES), None)
    listing = article is None and any(_types(n) & _NOT_ARTICLE_TYPES for n in nodes[:3])
    return article, listing


def _meta_tags(root: HtmlElement) -> dict[str, str]:
    tags: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (
            meta.get("property")
            or meta.get("name")
            or meta.get("itemprop")
            or meta.get("http-equiv")
        )
        value = meta.get("content") or meta.get(
            "value"
        )  # a few sites (and page savers) write value=
        if key and value and value.strip():
            tags.setdefault(key.strip().lower(), _SPACES.sub(" ", value).strip())
    return tags


def _element_text(element: HtmlElement) -> str:
    # Pieces joined with spaces: "By" in one span and the name in the next stay two words.
    return _SPACES.sub(" ", " ".join(element.itertext())).strip()


def class_names(element: HtmlElement) -> str:
    """An element's class and id, lower case, for matching page-furniture names."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


# -- titles -------------------------------------------------------------------------------


def text_key(text: str) -> str:
    """Lower-case words joined by single spaces: two texts that differ only in punctuation match."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def clean_title(raw: str, site: str | None, headings: list[str]) -> str:
    """The headline without the site-name suffix or prefix ("... - BBC News", "CNN | ...")."""
    raw = _SPACES.sub(" ", raw).strip()
    for heading in headings:
        if (
            len(heading.split()) >= 3
            and text_key(heading)
            and text_key(raw).startswith(text_key(heading))
        ):
            return heading
    parts = _TITLE_SEPARATORS.split(raw)
    if len(parts) == 1:
        return raw
    site_key = text_key(site or "")
    site_words = set(site_key.split()) - {"the", "news"}

    def is_site(part: str) -> bool:
        key = text_key(part)
        if not key:
            return True
        if site_key and (key == site_key or key in site_key or site_key in key):
            return True
        words = set(key.split())
        return bool(site_words) and words <= site_words | {"the", "news", "com", "online"}

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    if len(parts) > 1 and len(parts[-1].split()) <= 3 and len(" ".join(parts[:-1]).split()) >= 4:
        # A short trailing part ("Politics", "Tech") is a section or site name, not headline.
        parts.pop()
    separator = _TITLE_SEPARATORS.search(raw)
    joiner = separator.group(0) if separator else " - "
    return joiner.join(parts).strip()


# -- authors ------------------------------------------------------------------------------


def _add_names(names: list[str], new: list[str]) -> None:
    keys = {n.lower() for n in names}
    for name in new:
        if name.lower() not in keys:
            names.append(name)
            keys.add(name.lower())


def _ld_authors(value: Any) -> tuple[list[str], list[str]]:
    names: list[str] = []
    agencies: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:20]:
        if isinstance(item, dict):
            text = _text(item.get("name"))
            is_org = bool(_types(item) & {"organization", "newsmediaorganization", "corporation"})
        else:
            text, is_org = _text(item), False
        if not text or text.startswith("http"):
            continue
        found, wires = split_names(text)
        agencies.extend(wires)
        if not is_org:
            _add_names(names, found)
    return names, agencies


def class_pattern(words: str) -> re.Pattern[str]:
    """A pattern for class names that hold one of ``words`` (a regex alternation) as a whole
    part: ``author`` matches "story-meta__author" and "author-name", not "coauthored"."""
    return re.compile(rf"(?:^|[\s_-])(?:{words})(?:$|[\s_-])", re.I)


_BYLINE_CLASS = class_pattern(
    r"(?:byline|author|authors|article-author|contributor|writer)(?:[-_]?(?:name|link|info))?"
)


_TEASER_CLASS = re.compile(
    r"list-of|teaser|related|promo|recommend|most-|more-|sidebar|comment|footer|card|rail|widget",
    re.I,
)


def _in_teaser(element: HtmlElement) -> bool:
    """Whether an element sits in a teaser list, a sidebar, comments or the footer."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            break  # page-wide classes ("no-footer-ads") say nothing about this element
        if ancestor.tag in ("aside", "footer", "nav"):
            return True
        names = class_names(ancestor)
        if names.strip() and _TEASER_CLASS.search(names):
            return True
    return False


def _byline_authors(root: HtmlElement) -> tuple[list[str], list[str]]:
    names: list[str] = []
    agencies: list[str] = []
    candidates = root.xpath(
        "//*[@rel='author' or @itemprop='author' or contains(@class,'byline') or contains(@class,'author')"
        " or contains(@id,'byline')][position() <= 40]"
    )
    for element in candidates:
        if element.tag in ("meta", "link", "script", "style", "body", "html") or _in_teaser(
            element
        ):
            continue
        if element.get("itemprop") == "author":
            inner = element.xpath(".//*[@itemprop='name']")
            text = (
                (inner[0].get("content") or _element_text(inner[0]))
                if inner
                else _element_text(element)
            )
        elif element.get("rel") != "author" and not _BYLINE_CLASS.search(class_names(element)):
            continue
        else:
            text = _element_text(element)
        if not text or len(text) > 200:
            continue
        text = re.split(r"\b(?:updated|published|posted)\b", text, flags=re.I)[0]
        found, wires = split_names(text)
        _add_names(names, found)
        agencies.extend(w for w in wires if w not in agencies)
        if names:
            break  # the first byline is the article's; later ones credit teasers and comments
    return names, agencies


# -- dates --------------------------------------------------------------------------------


def parse_iso(value: str) -> datetime | None:
    """A datetime from the ISO-like forms pages use ("2015-10-08T10:00:00Z", "2015-10-08 10:00")."""
    value = value.strip()
    match = re.match(
        r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
        value,
    )
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


def _iso(moment: datetime, has_time: bool) -> str:
    if not has_time:
        return moment.date().isoformat()
    return moment.isoformat()


def url_date(url: str | None) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) when the URL path carries a date ("/2015/10/08/")."""
    if not url:
        return None
    path = urlsplit(url).path
    if match := _URL_DATE.search(path):
        year, month, day = match.groups()
        return int(year), int(month), int(day) if day else None
    if match := _COMPACT_URL_DATE.search(path):
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
        return (naive.year, naive.month) == (year, month) or abs(
            naive.year * 12 + naive.month - year * 12 - month
        ) <= 1
    return True


def _date_candidates(
    root: HtmlElement, ld: dict[str, Any] | None, tags: dict[str, str]
) -> list[str]:
    values: list[str] = []
    if ld:
        for key in ("datePublished", "uploadDate"):
            if text := _text(ld.get(key)):
                values.append(text)
    for key in (
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
        "dc.date",
        "dcterms.date",
        "date",
    ):
        if key in tags:
            values.append(tags[key])
    for element in root.xpath("//*[@itemprop='datePublished'][position() <= 3]"):
        values.append(element.get("content") or element.get("datetime") or _element_text(element))
    if ld and (created := _text(ld.get("dateCreated"))):
        values.append(created)
    times = root.xpath("//time[@datetime][position() <= 10]")
    times.sort(
        key=lambda t: 0 if t.get("pubdate") is not None or "publish" in class_names(t) else 1
    )
    values.extend(t.get("datetime") or "" for t in times)
    # A modified date is a last resort: the article existed by then at the latest.
    values.extend(tags[key] for key in _MODIFIED_KEYS if key in tags)
    return values


_MODIFIED_KEYS = (
    "og:updated_time",
    "article:modified_time",
    "datemodified",
    "dc.date.modified",
    "last-modified",
)


def published_date(
    root: HtmlElement, ld: dict[str, Any] | None, tags: dict[str, str], url: str | None
) -> str | None:
    """The publication date, ISO 8601, from the most trusted source that gives a plausible one."""
    url_parts = url_date(url)
    for value in _date_candidates(root, ld, tags):
        if not value:
            continue
        moment = parse_iso(value)
        has_time = bool(moment and re.search(r"\d[T ]\d{2}:?\d{2}", value.strip()[:20]))
        if moment is None and (written := parse_date(value)):
            moment, has_time = parse_iso(written), False
        if moment and _plausible(moment, url_parts):
            return _iso(moment, has_time)
    for element in root.xpath(
        "//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'publish') or contains(@class,'byline')]"
        "[position() <= 30]"
    ):
        text = _element_text(element)
        if 6 <= len(text) <= 120 and (written := parse_date(text)):
            moment = parse_iso(written)
            if moment and _plausible(moment, url_parts):
                return written
    if url_parts and url_parts[2]:
        year, month, day = url_parts
        try:
            return datetime(year, month, day).date().isoformat()
        except ValueError:
            return None
    return None


# -- the rest -----------------------------------------------------------------------------


def _language(root: HtmlElement, ld: dict[str, Any] | None, tags: dict[str, str]) -> str | None:
    values = [
        root.get("lang"),
        root.get("xml:lang"),
        tags.get("content-language"),
        tags.get("og:locale"),
    ]
    if ld:
        values.append(_text(ld.get("inLanguage")))
    for value in values:
        if value and (match := re.match(r"\s*([a-zA-Z]{2})(?:$|[-_\s])", value)):
            return match.group(1).lower()
    return None


def _canonical(
    root: HtmlElement, ld: dict[str, Any] | None, tags: dict[str, str], url: str | None
) -> str | None:
    values: list[str | None] = [
        link.get("href") for link in root.xpath("//link[@rel='canonical'][@href][position() <= 1]")
    ]
    values.append(tags.get("og:url"))
    if ld:
        entity = ld.get("mainEntityOfPage")
        values.append(
            _text(ld.get("url"))
            or (_text(entity.get("@id")) if isinstance(entity, dict) else _text(entity))
        )
    for value in values:
        if value:
            absolute = urljoin(url, value.strip()) if url else value.strip()
            if absolute.startswith(("http://", "https://")) and urlsplit(absolute).netloc:
                return absolute
    return url


def _publisher(ld: dict[str, Any] | None, tags: dict[str, str], url: str | None) -> str | None:
    values: list[str | None] = [tags.get("og:site_name")]
    if ld and isinstance(ld.get("publisher"), (dict, list, str)):
        values.append(_text(ld.get("publisher")))
    values.extend(
        [
            tags.get("application-name"),
            tags.get("al:android:app_name"),
            tags.get("twitter:app:name:iphone"),
        ]
    )
    for value in values:
        if value and len(value) <= 60 and not value.startswith("http"):
            value = re.sub(r"\.(?:com|co\.uk|org|net|fr|de|it|es)$", "", value, flags=re.I)
            return outlet_name(value) or value
    return outlet_for_host(urlsplit(url).netloc) if url else None


def _shown_headline(
    root: HtmlElement, ld: dict[str, Any] | None, tags: dict[str, str], meta: PageMeta
) -> str | None:
    """The page's one ``<h1>`` in the article, when it is a different headline from the one
    in JSON-LD or ``og:title`` (which are often written for search and social sharing)."""
    h1s = root.xpath("//h1")
    if len(h1s) != 1 or not h1s[0].xpath("ancestor::article or ancestor::main"):
        return None
    shown = _element_text(h1s[0])
    if not 3 <= len(shown.split()) <= 30:
        return None
    declared = (_text(ld.get("headline")) if ld else None) or tags.get("og:title")
    if not declared:
        return None
    seen, said = set(text_key(shown).split()), set(text_key(declared).split())
    if len(seen & said) >= 0.6 * min(len(seen), len(said)):
        return None  # the same headline, worded a little differently: the declared one wins
    return shown


def _title(
    root: HtmlElement, ld: dict[str, Any] | None, tags: dict[str, str], meta: PageMeta
) -> str | None:
    """The first headline candidate that another source agrees with, cleaned of the site name.

    Pages reuse one generic ``og:title`` ("Yahoo News - Latest News & Headlines") on every
    article; a candidate that shares no words with the others is passed over.
    """
    shown = _shown_headline(root, ld, tags, meta)
    raw = [
        shown,
        _text(ld.get("headline")) if ld else None,
        tags.get("og:title"),
        tags.get("twitter:title"),
        tags.get("title"),
        next((_element_text(t) for t in root.iter("title")), None),
        *meta.headings,
    ]
    candidates = [clean_title(r, meta.publisher, meta.headings) for r in raw if r]
    candidates = [c for c in candidates if c and text_key(c) != text_key(meta.publisher or "")]
    if not candidates:
        return None
    words = [set(text_key(c).split()) for c in candidates]
    for index, candidate in enumerate(candidates):
        others = [w for j, w in enumerate(words) if j != index and w != words[index]]
        if not others or any(
            len(words[index] & w) >= max(1, len(words[index]) // 2) for w in others
        ):
            return candidate
    return candidates[0]


def read_metadata(root: HtmlElement, url: str | None) -> PageMeta:
    """Everything the page's markup says about the article, read before the body is touched."""
    ld, listing = _json_ld(root)
    tags = _meta_tags(root)
    meta = PageMeta(not_article=listing)
    meta.url = _canonical(root, ld, tags, url)
    meta.publisher = _publisher(ld, tags, meta.url)
    meta.headings = [
        h for h in (_element_text(h) for h in root.xpath("//h1[position() <= 3]")) if h
    ][:3]
    meta.title = _title(root, ld, tags, meta)
    meta.description = (
        (_text(ld.get("description")) if ld else None)
        or tags.get("og:description")
        or tags.get("description")
        or tags.get("twitter:description")
    )
    meta.section = (_text(ld.get("articleSection")) if ld else None) or tags.get("article:section")
    if ld and ld.get("author"):
        meta.authors, meta.agencies = _ld_authors(ld.get("author"))
    if not meta.authors:
        for key in (
            "author",
            "article:author",
            "byl",
            "sailthru.author",
            "parsely-author",
            "dc.creator",
            "dcterms.creator",
        ):
            value = tags.get(key)
            owner = text_key(tags.get("copyright", ""))
            if value and not value.startswith("http") and not (owner and text_key(value) in owner):
                # (an "author" that is the copyright holder is the company, not a writer)
                names, wires = split_names(value)
                _add_names(meta.authors, names)
                meta.agencies.extend(w for w in wires if w not in meta.agencies)
                if meta.authors:
                    break
    if not meta.authors:
        names, wires = _byline_authors(root)
        meta.authors = names
        meta.agencies.extend(w for w in wires if w not in meta.agencies)
    if meta.publisher and meta.publisher in meta.agencies:
        meta.agencies.remove(meta.publisher)
    meta.published = published_date(root, ld, tags, meta.url)
    meta.language = _language(root, ld, tags)
    if ld and str(ld.get("isAccessibleForFree", "true")).lower() in ("false", "0", "no"):
        meta.paywalled = True
    if ld and str(ld.get("wordCount", "")).strip().isdigit():
        meta.word_count = int(str(ld["wordCount"]).strip()) or None
    return meta
