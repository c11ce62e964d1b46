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
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from lxml.html import HtmlElement

from digest.extract.lines import is_noise, is_prose, split_names
from digest.extract.published import published_date
from digest.text.outlets import agency_name, outlet_for_host, outlet_name
from digest.inputs.urls import join, netloc, split

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


def class_pattern(words: str) -> re.Pattern[str]:
    """A pattern for class names that hold one of ``words`` (a regex alternation) as a whole
    part: ``author`` matches "story-meta__author" and "author-name", not "coauthored"."""
    return re.compile(rf"(?:^|[\s_-])(?:{words})(?:$|[\s_-])", re.I)


# -- titles -------------------------------------------------------------------------------


def text_key(text: str) -> str:
    """Lower-case words joined by single spaces: two texts that differ only in punctuation match."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def clean_title(raw: str, site: str | None, headings: list[str]) -> str:
    """The headline without the site-name suffix or prefix ("... - BBC News", "CNN | ...")."""
    raw = _SPACES.sub(" ", raw).strip()
    for heading in headings:
        key = text_key(heading)
        if len(heading.split()) < 3 or not key:
            continue
        # The page's heading followed by a separator ("Heading | Site"): the heading. A
        # heading that is only the start of the title ("Artist" of "Artist: Album") is not.
        ends = [m.start() for m in _TITLE_SEPARATORS.finditer(raw)] + [len(raw)]
        if any(text_key(raw[:end]) == key for end in ends):
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


_HIDDEN_CLASS = class_pattern(
    r"hidden|is-hidden|d-none|visually-?hidden|visuallyhidden|sr-only|screen-reader-text|offscreen"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BLOCK_TAGS = frozenset({"div", "p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section"})
_TITLE_STOPWORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "for", "and", "is", "s"})
_HEADLINE_WORDS = (2, 30)
"""A shown headline's length in words: "Broken Pledge" is one, a caption is not."""
_HEADING_BOX_CHARS = 400
"""The most text a heading group (kicker, headline, artist, date) holds."""


def hidden_from_readers(element: HtmlElement) -> bool:
    """Whether the page hides the element (``hidden``, ``aria-hidden``, ``display: none``, a
    "hidden" or screen-reader-only class), looking at the element itself only."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    return bool(_HIDDEN_CLASS.search(class_names(element)))


def _heading_text(element: HtmlElement) -> str:
    """A heading's words as shown: inline pieces joined as they stand ("<i>Beasts</i>: A
    Place" reads "Beasts: A Place"), a space only where a block or ``<br>`` breaks the line."""
    pieces: list[str] = []

    def walk(node: HtmlElement) -> None:
        pieces.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and child.tag not in ("script", "style"):
                block = child.tag in _BLOCK_TAGS
                pieces.append(" " if block else "")
                walk(child)
                pieces.append(" " if block else "")
            pieces.append(child.tail or "")

    walk(element)
    return _SPACES.sub(" ", "".join(pieces)).strip()


def _title_words(text: str) -> set[str]:
    return set(text_key(text).split()) - _TITLE_STOPWORDS


def _agrees(words: set[str], other: set[str]) -> bool:
    """Whether two headlines share at least half the words of the shorter one."""
    return bool(words and other) and 2 * len(words & other) >= min(len(words), len(other))


def _similar(one: str, two: str) -> bool:
    """The same headline worded a little differently (most of the shorter one's words)."""
    seen, said = set(text_key(one).split()), set(text_key(two).split())
    return len(seen & said) >= 0.6 * min(len(seen), len(said))


@dataclass(slots=True)
class _Headline:
    """The headline the reader sees, and the element that shows it."""

    text: str
    element: HtmlElement


def _in_furniture(element: HtmlElement) -> bool:
    """Whether an element sits in the page's navigation, footer or an aside."""
    return bool(element.xpath("ancestor::nav or ancestor::footer or ancestor::aside"))


def _shown_headline(root: HtmlElement, declared: list[str], site: str | None) -> _Headline | None:
    """The ``<h1>`` the reader sees as the article's headline.

    Pages carry several ``<h1>``: the site's logo, hidden copies for screen readers, a
    sticky bar that repeats the headline, slideshow captions. The headline is a visible
    one of headline length that is not the site's name; among those, the first that
    agrees with a declared title (JSON-LD, ``og:title``, ``<title>``...) inside an
    ``<article>``, then inside ``<main>``; else the first set in an article's header before
    its text; else the first that agrees with a declared title anywhere. A page whose only
    headings are its logo has its headline in the ``<article>``'s ``<header>`` (``h2`` there).
    """
    site_key = text_key(site or "")
    said = [_title_words(d) for d in declared]
    found: list[tuple[_Headline, str | None, bool]] = []
    for element in islice(root.iter("h1"), 12):
        _consider_headline(element, site_key, said, found)
    if not found:
        for element in root.xpath("//article//header//h2")[:2]:
            _consider_headline(element, site_key, said, found)
    for scope in ("article", "main"):
        for headline, within, agrees in found:
            if within == scope and agrees:
                return headline
    for scope in ("article", "main"):
        for headline, within, _ in found:
            if within == scope and _heads_its_article(headline.element, scope):
                return headline
    return next((headline for headline, _, agrees in found if agrees), None)


def _consider_headline(
    element: HtmlElement,
    site_key: str,
    said: list[set[str]],
    found: list[tuple[_Headline, str | None, bool]],
) -> None:
    """Add a heading to ``found`` (with the tag of the ``<article>`` or ``<main>`` it is in,
    and whether it agrees with a declared title) unless it is hidden, page furniture, the
    site's name or not of headline length."""
    text = _heading_text(element)
    words = len(text.split())
    if (
        not _HEADLINE_WORDS[0] <= words <= _HEADLINE_WORDS[1]
        or is_noise(text)
        or (site_key and text_key(text) in (site_key, f"the {site_key}"))
        or any(hidden_from_readers(e) for e in (element, *islice(element.iterancestors(), 2)))
        or _in_furniture(element)
    ):
        return
    tags = {a.tag for a in element.iterancestors()}
    within = "article" if "article" in tags else "main" if "main" in tags else None
    agrees = any(_agrees(_title_words(text), w) for w in said)
    found.append((_Headline(text, element), within, agrees))


def _heads_its_article(element: HtmlElement, scope_tag: str) -> bool:
    """Whether no paragraph of text comes before ``element`` in its ``<article>`` (or
    ``<main>``, as ``scope_tag`` says)."""
    scope = next((a for a in element.iterancestors() if a.tag == scope_tag), None)
    if scope is None:
        return False
    for node in scope.iter("p", element.tag):
        if node is element:
            return True
        if node.tag == "p" and is_prose(_element_text(node)):
            return False
    return True


def _structured_headline(ld: dict[str, Any] | None, root: HtmlElement) -> tuple[str | None, bool]:
    """The headline the page declares as data: JSON-LD, else microdata (``itemprop=headline``),
    and whether it was read from the markup (an element's text) rather than a data value."""
    if ld and (headline := _text(ld.get("headline"))):
        return headline, False
    for element in root.xpath("//@itemprop[.='headline']/..")[:3]:
        if element.tag == "meta":
            text, in_markup = element.get("content") or element.get("value"), False
        else:
            text, in_markup = _heading_text(element), True
        if text and text.strip() and not _in_teaser(element):
            return _SPACES.sub(" ", text).strip(), in_markup
    return None, False


def _title(
    root: HtmlElement,
    ld: dict[str, Any] | None,
    tags: dict[str, str],
    meta: PageMeta,
) -> tuple[str | None, _Headline | None]:
    """The headline, cleaned of the site name, and the element that shows it when known.

    The headline declared as data (JSON-LD, microdata) wins, unless the shown ``<h1>`` is a
    different headline altogether. Otherwise the shown ``<h1>`` wins over the social and
    search titles (``og:title``, ``twitter:title``, ``<title>``), which are often rewritten
    for sharing, unless one of them is the shown headline and more that is shown with it
    (see :func:`_fuller`). A headline read from the markup that a declared title
    gives in the same words is taken as the declared title writes it (plain text, where the
    markup may lean on italics or spacing). Without a structured or shown headline, the first
    title that another source agrees with: pages reuse one generic ``og:title`` ("Yahoo News -
    Latest News & Headlines") on every article, and a title that shares no words with the
    others is passed over.
    """
    site = meta.publisher
    raw_declared = [
        tags.get("og:title"),
        tags.get("twitter:title"),
        tags.get("title"),
        next((_element_text(t) for t in root.iter("title")), None),
    ]
    declared = [clean_title(r, site, meta.headings) for r in raw_declared if r]
    declared = [d for d in declared if d and text_key(d) != text_key(site or "")]
    structured, in_markup = _structured_headline(ld, root)
    shown = _shown_headline(root, [*([structured] if structured else []), *declared], site)
    if structured and (shown is None or _similar(shown.text, structured)):
        title = clean_title(structured, site, meta.headings)
        if not in_markup:
            return title, shown
    elif shown:
        title = _fuller(shown, declared) or shown.text
    else:
        return _agreed_title(declared, meta.headings, site), None
    words = _title_words(title)
    return next((d for d in declared if _title_words(d) == words), title), shown


def _fuller(shown: _Headline, declared: list[str]) -> str | None:
    """A declared title that is the shown headline and more, the more being shown with it: a
    headline set over two elements ("Lupita Nyong'o" above "$150K Pearl Oscar Dress"), an
    album's artist beside its title."""
    words = _title_words(shown.text)
    box = shown.element.getparent()
    shown_with = _element_text(box) if box is not None else ""
    if len(shown_with) > _HEADING_BOX_CHARS:
        return None  # the headline stands in the article itself, not in a heading group
    around = _title_words(shown_with) | words
    return next((d for d in declared if words < _title_words(d) <= around), None)


def _agreed_title(declared: list[str], headings: list[str], site: str | None) -> str | None:
    """The first declared title (or heading) that another one shares words with."""
    candidates = declared + [c for c in headings if text_key(c) != text_key(site or "")]
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


# -- authors ------------------------------------------------------------------------------


def _add_names(names: list[str], new: list[str]) -> None:
    keys = {n.lower() for n in names}
    for name in new:
        if name.lower() not in keys:
            names.append(name)
            keys.add(name.lower())


@dataclass(slots=True)
class _Credit:
    """The people and agencies one source credits, and whether all it said reads as names."""

    names: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    clean: bool = True

    def add(self, names: list[str], agencies: list[str]) -> None:
        _add_names(self.names, names)
        self.agencies.extend(a for a in agencies if a not in self.agencies)


def _named(text: str) -> tuple[list[str], list[str]]:
    """Names and agencies in an author field; one written all in lower case is a name typed
    without capitals ("cindy mangomini"), not a sentence."""
    return split_names(text.title() if text.islower() else text)


def _ld_authors(value: Any) -> _Credit:
    """Authors from JSON-LD ``author``: people's names (organisations are not authors, but
    an agency among them is credited as one)."""
    credit = _Credit()
    items = value if isinstance(value, list) else [value]
    for item in items[:20]:
        if isinstance(item, dict):
            text = _text(item.get("name"))
            is_org = bool(_types(item) & {"organization", "newsmediaorganization", "corporation"})
        else:
            text, is_org = _text(item), False
        if not text or text.startswith("http"):
            continue
        found, wires = _named(text)
        credit.add([] if is_org else found, wires)
        credit.clean = credit.clean and bool(found or wires or is_org)
    return credit


_AUTHOR_TAGS = (
    "author",
    "article:author",
    "byl",
    "sailthru.author",
    "parsely-author",
    "dc.creator",
    "dcterms.creator",
)
_LIST_PARTS = re.compile(r"\s*(?:,|;|\||\band\b|&)\s*")


def _tag_authors(tags: dict[str, str]) -> _Credit:
    """Authors from the first ``<meta>`` author tag that names someone.

    A value is clean when every part of its list is a name or an agency: a list that also
    credits "Ariel Pierre-Louis at MSA Models" is the page's credits, not its byline. An
    "author" that is the copyright holder is the company, not a writer.
    """
    owner = text_key(tags.get("copyright", ""))
    for key in _AUTHOR_TAGS:
        value = tags.get(key)
        if not value or value.startswith("http") or (owner and text_key(value) in owner):
            continue
        credit = _Credit()
        for part in _LIST_PARTS.split(value):
            if part.strip():
                found, wires = _named(part)
                credit.add(found, wires)
                credit.clean = credit.clean and bool(found or wires)
        if credit.names:
            return credit
    return _Credit()


_BYLINE_CLASS = class_pattern(
    r"(?:byline|author|authors|article-author|contributor|writer)(?:[-_]?(?:name|link|info))?"
)
_PERSON_CLASS = class_pattern(r"(?:author|writer)(?:[-_]?name)?|fn")
"""Classes of an element that holds one author's name alone (not a whole byline)."""
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

_TEASER_CLASS = class_pattern(
    r"list-of|teasers?|related|promo|recommend(?:ed|ations)?|most-\w+|more-\w+|comments?|"
    r"(?:pull-?)?quotes?"
)
"""Boxes of other stories, comments and pull quotes: their bylines are not the article's."""
_LAYOUT_CLASS = class_pattern(r"sidebar|footer|cards?|rail|widget")
"""Layout boxes that hold teasers on some pages and the article itself on others."""

_PROFILE_PATH = re.compile(
    r"/(?:authors?|profiles?|writers?|contributors?|staff|editors|journalists?|reporters?|"
    r"columnists?)/(?:[^/?#]+/)*?(?P<slug>[^/?#]+)/?(?:$|[?#])",
    re.I,
)
"""A link to a writer's page on the site ("/author/jane-doe", "/profile/julia-carrie-wong");
``/people/`` pages are more often topic pages about the people in the news."""
_NAME_SLUG = re.compile(r"[a-z]+(?:-[a-z]+){1,3}", re.I)
"""A page address that spells a name ("jon-fingas"), not a handle or a number."""
_PAGE_BYLINES = (
    # (attributes are scanned rather than every element's; class parts without their first
    # letter match "Byline" and "byline" alike)
    "//@class[contains(.,'yline') or contains(.,'uthor') or contains(.,'riter')"
    " or contains(.,'ontributor')]/.. | //@rel[.='author']/.. | //@itemprop[.='author']/.."
    " | //@id[contains(.,'byline')]/.. | //address"
    " | //a/@href[contains(.,'/author') or contains(.,'/profile') or contains(.,'/writer')"
    " or contains(.,'/contributor') or contains(.,'/staff/') or contains(.,'/editors/')"
    " or contains(.,'/journalist') or contains(.,'/reporter') or contains(.,'/columnist')]/.."
)
"""Bylines anywhere on the page as the markup names them: author classes, microdata,
``rel=author``, ``<address>`` and links to a writer's page."""
_BYLINE_CANDIDATES = 80
_BYLINE_CHARS = 200
_BEFORE_HEADLINE = 40
"""Elements before the headline (in the rows just above it) that may still be its byline."""
_AFTER_HEADLINE = 300
"""Elements after the headline that may still be its byline when no paragraph comes first."""

_BY_WORD = re.compile(r"^(?:written\s+)?by\b[:\s]*", re.I)
_SEGMENTS = re.compile(r"\s*(?:;|\||·|•|\n)\s*")
_ROLE_CREDIT = re.compile(
    r"^(?:photo(?:graph)?(?:s|ed|y)?|images?|illustrat\w*|model+ed|styl\w*|edit\w*|"
    r"review\w*|produc\w*|graphics?|video|design\w*|fact[- ]?check\w*|translat\w*|"
    r"additional reporting|with additional reporting)\s+by\b",
    re.I,
)
"""Credits for those who did not write the story ("Photographed by", "Edited by")."""
_BYLINE_TAIL = re.compile(
    r"\b(?:last\s+)?(?:updated|published|posted)\b|(?-i:\s(?:on|in|at)\s)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b",
    re.I,
)
"""Where a byline's names end: a date, a time, "updated", or "in"/"on"/"at" a place or day."""
_NOT_ONE_NAME = frozenset(
    {
        "staff",
        "editor",
        "editors",
        "admin",
        "administrator",
        "team",
        "desk",
        "newsroom",
        "guest",
        "anonymous",
        "unknown",
        "contributor",
        "contributors",
        "writer",
        "reporter",
        "correspondent",
        "author",
        "authors",
        "by",
        "more",
        "view",
        "profile",
        "bio",
        "follow",
        "share",
        "email",
        "twitter",
        "facebook",
        "opinion",
        "news",
        "sponsored",
        "partner",
    }
)
"""Single words an author element holds that are not someone's one name ("Paul")."""


def _class_words(element: HtmlElement) -> str:
    """Class and id split at camel-case joins too ("ScAuthorName" reads "sc-author-name")."""
    return _CAMEL.sub("-", f"{element.get('class') or ''} {element.get('id') or ''}").lower()


def _in_teaser(element: HtmlElement, layout: bool = True) -> bool:
    """Whether an element sits in a teaser list, comments, a quote or a caption, or (with
    ``layout``) in a sidebar, a card, an ``<aside>`` or the footer."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            break  # page-wide classes ("no-footer-ads") say nothing about this element
        if ancestor.tag in ("blockquote", "figure", "figcaption"):
            return True
        if layout and ancestor.tag in ("aside", "footer", "nav"):
            return True
        names = class_names(ancestor)
        if names.strip() and (
            _TEASER_CLASS.search(names) or (layout and _LAYOUT_CLASS.search(names))
        ):
            return True
    return False


def _text_pieces(element: HtmlElement) -> list[str]:
    """The element's text nodes, each alone: "By", "Jane Roe", "Washington Post", "Dec 13"."""
    pieces: list[str] = []

    def walk(node: HtmlElement) -> None:
        if isinstance(node.tag, str) and node.tag not in ("script", "style"):
            pieces.append(node.text or "")
            for child in node:
                walk(child)
        if node is not element:
            pieces.append(node.tail or "")

    walk(element)
    return [text for text in (_SPACES.sub(" ", p).strip() for p in pieces) if text]


def _byline_names(text: str) -> tuple[list[str], list[str]]:
    """Names and agencies in byline text, without credits for photos or editing, dates,
    places and "updated" notes."""
    names: list[str] = []
    agencies: list[str] = []
    for segment in _SEGMENTS.split(text):
        segment = segment.strip()
        if not segment or _ROLE_CREDIT.match(segment):
            continue
        if cut := _BYLINE_TAIL.search(segment):
            segment = segment[: cut.start()]
        found, wires = split_names(segment)
        _add_names(names, found)
        agencies.extend(w for w in wires if w not in agencies)
    return names, agencies


def _one_name(text: str, site_keys: set[str]) -> list[str]:
    """A single-word name ("Paul") when an author element holds nothing else."""
    word = _BY_WORD.sub("", text).strip(" .,:")
    if (
        word.isalpha()
        and len(word) >= 3
        and word[0].isupper()
        and not word.isupper()
        and word.lower() not in _NOT_ONE_NAME
        and not agency_name(word)
        and not outlet_name(word)
        and text_key(word) not in site_keys
    ):
        return [word]
    return []


def _candidate_credit(element: HtmlElement, site_keys: set[str]) -> _Credit:
    """The names one byline element gives.

    Names usually stand in their own link or span, beside the outlet, a job title and the
    date ("By <span>Joe Davidson</span> Washington Post Dec 13"): each text piece is read
    alone first, and the whole text only when no piece is a name.
    """
    credit = _Credit()
    if element.get("itemprop") == "author":
        inner = element.xpath(".//*[@itemprop='name']")
        for name in inner:
            credit.add(*_named(name.get("content") or name.get("value") or _element_text(name)))
        if inner:
            return credit
    text = _element_text(element)
    if not text or len(text) > _BYLINE_CHARS:
        return credit
    for piece in _text_pieces(element):
        credit.add(*_byline_names(piece))
    if not credit.names:
        credit.add(*_byline_names(text))
    if not credit.names and (
        element.get("rel") == "author"
        or element.get("itemprop") == "author"
        or _PERSON_CLASS.search(_class_words(element))
    ):
        credit.names = _one_name(text, site_keys)
    return credit


def _marked_byline(element: HtmlElement) -> bool:
    """Whether the markup says the element is a byline or an author's name."""
    if element.get("rel") == "author" or element.get("itemprop") == "author":
        return True
    if element.tag == "address" or _BYLINE_CLASS.search(_class_words(element)):
        return True
    return element.tag == "a" and bool(_PROFILE_PATH.search(element.get("href") or ""))


def _is_byline(element: HtmlElement) -> bool:
    """A byline by its markup, or a short text that starts "By" and a capital."""
    if element.tag in ("meta", "link", "script", "style", "body", "html"):
        return False
    if _marked_byline(element):
        return True
    text = _element_text(element)
    by = _BY_WORD.match(text)
    if by is None or len(text) > _BYLINE_CHARS:
        return False
    return text[by.end() : by.end() + 1].isupper()  # not "By clicking Submit, you agree..."


def _following(element: HtmlElement) -> Iterator[HtmlElement]:
    """The elements after ``element`` in document order, its own descendants first."""
    yield from element.iterdescendants()
    node: HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter()
        node = node.getparent()


def _byline_zone(headline: HtmlElement) -> list[HtmlElement]:
    """The elements from just before the headline to the first paragraph of text after it,
    in document order: where the article's own byline stands."""
    before: list[HtmlElement] = []
    for node in (headline.getparent(), headline):
        if node is not None:
            for sibling in reversed(list(islice(node.itersiblings(preceding=True), 3))):
                before.extend(sibling.iter())
    zone = [*before[-_BEFORE_HEADLINE:], headline]
    for element in islice(_following(headline), _AFTER_HEADLINE):
        if element.tag == "p":
            text = _element_text(element)
        elif element.tag == "div":
            text = (element.text or "").strip()  # a <div> that holds the text itself
        else:
            text = ""
        if text and is_prose(text):
            break
        zone.append(element)
    return zone


def _bylines(elements: list[HtmlElement]) -> list[HtmlElement]:
    """The bylines among ``elements``, in their order; a "By" standing alone in its own
    element stands for its parent ("<span>By</span> <a>Jane Roe</a>" is read whole)."""
    found: dict[HtmlElement, None] = {}
    for element in elements[:_BYLINE_CANDIDATES]:
        if _BY_WORD.fullmatch(_element_text(element)) and element.getparent() is not None:
            element = element.getparent()
        if _is_byline(element):
            found.setdefault(element, None)
    return list(found)


def _read_bylines(
    bylines: list[HtmlElement], site_keys: set[str], near: bool
) -> tuple[list[tuple[HtmlElement, _Credit]], bool]:
    """Each byline's credit, the innermost only where bylines nest (a byline box holds more
    than names: a section link, "Staff Writer", share buttons), and whether one names no one
    ("By BWW News Desk"). Bylines of teasers, comments, quotes and captions are passed over,
    and away from the headline (not ``near``) those in sidebars and footers too."""
    found: list[tuple[HtmlElement, _Credit]] = []
    desk = False
    for element in bylines:
        if _in_teaser(element, layout=not near):
            continue
        credit = _candidate_credit(element, site_keys)
        if credit.names or credit.agencies:
            found.append((element, credit))
        elif _BY_WORD.match(_element_text(element)):
            desk = True
    outer = {a for element, credit in found if credit.names for a in element.iterancestors()}
    return [(e, c) for e, c in found if not (c.names and e in outer)], desk


def _byline_credit(
    root: HtmlElement,
    headline: HtmlElement | None,
    site_keys: set[str],
) -> _Credit:
    """Authors from the page's byline.

    The bylines between the headline and the text are the article's, all of them (co-authors
    often stand in separate links), whatever the layout's classes say; there, a short text
    that starts "By" is a byline too, and one that names no one ("By BWW News Desk") means
    the article credits no person. Without such, the first byline elsewhere on the page that
    the markup names, outside teaser lists, sidebars, comments and footers.
    """
    if headline is not None:
        zone = [
            e
            for e in _byline_zone(headline)
            if isinstance(e.tag, str)
            and (_marked_byline(e) or (e.text and _BY_WORD.match(e.text.lstrip())))
        ]
        found, desk = _read_bylines(_bylines(zone), site_keys, near=True)
        near = _Credit()
        for _, credit in found:
            near.add(credit.names, credit.agencies)
        if near.names or desk:
            return near
    found, _ = _read_bylines(_bylines(root.xpath(_PAGE_BYLINES)), site_keys, near=False)
    named = {element for element, credit in found if credit.names}
    groups: dict[HtmlElement, _Credit] = {}
    for element, credit in found:
        top = next((a for a in reversed(list(element.iterancestors())) if a in named), element)
        groups.setdefault(top, _Credit()).add(credit.names, credit.agencies)
    return next((credit for credit in groups.values() if credit.names), _Credit())


def _slug_credit(tags: dict[str, str], url: str | None) -> _Credit:
    """Names spelt in the address of the writer's page that ``article:author`` points to
    ("https://www.engadget.com/editors/jon-fingas"): the last resort."""
    credit = _Credit()
    host = netloc(url).lower().removeprefix("www.") if url else ""
    for key in _AUTHOR_TAGS:
        for link in (tags.get(key) or "").split(","):
            parts = split(link.strip())
            if (
                parts is None
                or not parts.netloc
                or (host and not parts.netloc.lower().endswith(host))
            ):
                continue
            match = _PROFILE_PATH.search(parts.path)
            if match and _NAME_SLUG.fullmatch(match.group("slug")):
                credit.add(*split_names(match.group("slug").replace("-", " ").title()))
    return credit


def _site_keys(meta: PageMeta, tags: dict[str, str]) -> set[str]:
    """The site's names as text keys ("mental floss"), for telling them from people's names."""
    return {k for k in (text_key(v) for v in (meta.publisher, tags.get("og:site_name")) if v) if k}


def _is_site(name: str, site_keys: set[str]) -> bool:
    """Whether a "name" is the site's own: "Fox Nation" on Fox Nation, or a desk that carries
    the site's name ("Apartment Therapy Submissions")."""
    key = text_key(name)
    return any(key == site or (" " in site and f" {site} " in f" {key} ") for site in site_keys)


def _authors(
    root: HtmlElement,
    ld: dict[str, Any] | None,
    tags: dict[str, str],
    meta: PageMeta,
    headline: HtmlElement | None,
) -> _Credit:
    """The article's authors from the most trusted source that names people cleanly.

    JSON-LD, then ``<meta>`` author tags, then the byline on the page, then the address of
    the writer's page. A source whose list also holds things that are not names (credits for
    models and stylists, job titles) gives way to a later clean one that names some of the
    same people (the byline that picks the writer out of the credits), and is used as it is
    when none does. Names that are the site's own are dropped from every source; agencies
    are gathered from all read.
    """
    site_keys = _site_keys(meta, tags)

    def sources() -> Iterator[_Credit]:  # read lazily: the first clean one ends the search
        yield _ld_authors(ld.get("author")) if ld and ld.get("author") else _Credit()
        yield _tag_authors(tags)
        yield _byline_credit(root, headline, site_keys)
        yield _slug_credit(tags, meta.url)

    result = _Credit()
    unclean: set[str] = set()
    for credit in sources():
        names = [n for n in credit.names if not _is_site(n, site_keys)]
        result.add([], credit.agencies)
        if names and credit.clean and (not unclean or unclean & {n.lower() for n in names}):
            result.names = names
            return result
        if names and not result.names:
            result.names, unclean = names, {n.lower() for n in names}
    return result


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
            absolute = join(url, value.strip()) if url else value.strip()
            if absolute and absolute.startswith(("http://", "https://")) and netloc(absolute):
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
    return outlet_for_host(netloc(url)) if url else None


def read_metadata(root: HtmlElement, url: str | None) -> PageMeta:
    """Everything the page's markup says about the article, read before the body is touched."""
    ld, listing = _json_ld(root)
    tags = _meta_tags(root)
    meta = PageMeta(not_article=listing)
    meta.url = _canonical(root, ld, tags, url)
    meta.publisher = _publisher(ld, tags, meta.url)
    meta.headings = [
        h for h in (_heading_text(h) for h in root.xpath("//h1[position() <= 3]")) if h
    ][:3]
    meta.title, headline = _title(root, ld, tags, meta)
    meta.description = (
        (_text(ld.get("description")) if ld else None)
        or tags.get("og:description")
        or tags.get("description")
        or tags.get("twitter:description")
    )
    meta.section = (_text(ld.get("articleSection")) if ld else None) or tags.get("article:section")
    credit = _authors(root, ld, tags, meta, headline.element if headline else None)
    meta.authors, meta.agencies = credit.names, credit.agencies
    if meta.publisher and meta.publisher in meta.agencies:
        meta.agencies.remove(meta.publisher)
    meta.published = published_date(
        root, ld, tags, (meta.url, url), headline.element if headline else None
    )
    meta.language = _language(root, ld, tags)
    if ld and str(ld.get("isAccessibleForFree", "true")).lower() in ("false", "0", "no"):
        meta.paywalled = True
    if ld and str(ld.get("wordCount", "")).strip().isdigit():
        meta.word_count = int(str(ld["wordCount"]).strip()) or None
    return meta
