"""The authors of an HTML page: people's names only, from the most trusted source.

JSON-LD, then ``<meta>`` author tags, then the byline on the page (between the headline
and the text first), then the address of the writer's page (see :func:`read_authors`).
Names are cleaned of "By", job titles, e-mail addresses and site names; wire agencies met
on the way are kept apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from lxml.html import HtmlElement

from digest.extract.dom import class_pattern, element_text, following, in_teaser
from digest.extract.lines import is_prose
from digest.extract.meta.data import ld_text, ld_types
from digest.extract.meta.title import text_key
from digest.inputs.urls import netloc, split
from digest.text.bylines import split_names
from digest.text.calendar import MONTH_PREFIXES
from digest.text.outlets import agency_name, outlet_name
from digest.text.words import word_list

if TYPE_CHECKING:
    from digest.extract.meta import PageMeta

_SPACES = re.compile(r"\s+")


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
            text = ld_text(item.get("name"))
            is_org = bool(ld_types(item) & {"organization", "newsmediaorganization", "corporation"})
        else:
            text, is_org = ld_text(item), False
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
_MONTH = f"(?:{'|'.join(MONTH_PREFIXES)})[a-z]*"
"""A month in any spelling ("Sept", "September"), in any case (with ``re.I``)."""
_BYLINE_TAIL = re.compile(
    r"\b(?:last\s+)?(?:updated|published|posted)\b|(?-i:\s(?:on|in|at)\s)"
    rf"|\b{_MONTH}\.?\s+\d"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b"
    r"|\b(?:19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b",
    re.I,
)
"""Where a byline's names end: a date, a time, "updated", or "in"/"on"/"at" a place or day."""
_NOT_ONE_NAME = word_list("extract/meta/authors/not_one_name")
"""Single words an author element holds that are not someone's one name ("Paul")."""


def _class_words(element: HtmlElement) -> str:
    """Class and id split at camel-case joins too ("ScAuthorName" reads "sc-author-name")."""
    return _CAMEL.sub("-", f"{element.get('class') or ''} {element.get('id') or ''}").lower()


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
            credit.add(*_named(name.get("content") or name.get("value") or element_text(name)))
        if inner:
            return credit
    text = element_text(element)
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
    text = element_text(element)
    by = _BY_WORD.match(text)
    if by is None or len(text) > _BYLINE_CHARS:
        return False
    return text[by.end() : by.end() + 1].isupper()  # not "By clicking Submit, you agree..."


def _byline_zone(headline: HtmlElement) -> list[HtmlElement]:
    """The elements from just before the headline to the first paragraph of text after it,
    in document order: where the article's own byline stands."""
    before: list[HtmlElement] = []
    for node in (headline.getparent(), headline):
        if node is not None:
            for sibling in reversed(list(islice(node.itersiblings(preceding=True), 3))):
                before.extend(sibling.iter())
    zone = [*before[-_BEFORE_HEADLINE:], headline]
    for element in islice(chain(headline.iterdescendants(), following(headline)), _AFTER_HEADLINE):
        if element.tag == "p":
            text = element_text(element)
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
        if _BY_WORD.fullmatch(element_text(element)) and element.getparent() is not None:
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
        if in_teaser(element, layout=not near):
            continue
        credit = _candidate_credit(element, site_keys)
        if credit.names or credit.agencies:
            found.append((element, credit))
        elif _BY_WORD.match(element_text(element)):
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


_PLACEHOLDER_WORDS = word_list("extract/meta/authors/placeholder_words")
"""Words that "names" standing in for no author are made of ("No Author", "Author Unknown")."""


def placeholder(name: str) -> bool:
    """Whether a "name" is a placeholder a site writes when it names no author: made only of
    :data:`_PLACEHOLDER_WORDS` ("No Author", "Unknown Author", "Sponsored Content")."""
    words = text_key(name).split()
    return bool(words) and all(word in _PLACEHOLDER_WORDS for word in words)


def read_authors(
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
        names = [n for n in credit.names if not _is_site(n, site_keys) and not placeholder(n)]
        result.add([], credit.agencies)
        if names and credit.clean and (not unclean or unclean & {n.lower() for n in names}):
            result.names = names
            return result
        if names and not result.names:
            result.names, unclean = names, {n.lower() for n in names}
    return result
