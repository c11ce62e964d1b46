"""The headline of an HTML page: the one the reader sees, without the site's name.

The headline declared as data (JSON-LD, microdata) wins, unless the page shows another
one; the shown ``<h1>`` wins over the titles made for sharing and search (``og:title``,
``<title>``), which are often rewritten (see :func:`read_title`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from lxml.html import HtmlElement

from digest.extract.dom import (
    BLOCK_TAGS,
    element_text,
    hidden_from_readers,
    in_furniture,
    in_teaser,
)
from digest.extract.lines import is_noise, is_prose
from digest.extract.meta.data import ld_text
from digest.text.sanitize import unmarked

if TYPE_CHECKING:
    from digest.extract.meta import PageMeta

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|•|/)\s+")
_SPACES = re.compile(r"\s+")


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


_TITLE_STOPWORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "for", "and", "is", "s"})
_HEADLINE_WORDS = (2, 30)
"""A shown headline's length in words: "Broken Pledge" is one, a caption is not."""
_HEADING_BOX_CHARS = 400
"""The most text a heading group (kicker, headline, artist, date) holds."""


def heading_text(element: HtmlElement) -> str:
    """A heading's words as shown: inline pieces joined as they stand ("<i>Beasts</i>: A
    Place" reads "Beasts: A Place"), a space only where a block or ``<br>`` breaks the line."""
    pieces: list[str] = []

    def walk(node: HtmlElement) -> None:
        pieces.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and child.tag not in ("script", "style"):
                block = child.tag in BLOCK_TAGS or child.tag == "br"
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
    text = heading_text(element)
    words = len(text.split())
    if (
        not _HEADLINE_WORDS[0] <= words <= _HEADLINE_WORDS[1]
        or is_noise(text)
        or (site_key and text_key(text) in (site_key, f"the {site_key}"))
        or any(hidden_from_readers(e) for e in (element, *islice(element.iterancestors(), 2)))
        or in_furniture(element)
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
        if node.tag == "p" and is_prose(element_text(node)):
            return False
    return True


def _structured_headline(ld: dict[str, Any] | None, root: HtmlElement) -> tuple[str | None, bool]:
    """The headline the page declares as data: JSON-LD, else microdata (``itemprop=headline``),
    and whether it was read from the markup (an element's text) rather than a data value."""
    if ld and (headline := ld_text(ld.get("headline"))):
        return headline, False
    for element in root.xpath("//@itemprop[.='headline']/..")[:3]:
        if element.tag == "meta":
            text, in_markup = element.get("content") or element.get("value"), False
        else:
            text, in_markup = heading_text(element), True
        if text and text.strip() and not in_teaser(element):
            return _SPACES.sub(" ", text).strip(), in_markup
    return None, False


def read_title(
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
        next((unmarked(element_text(t)) for t in root.iter("title")), None),
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
    shown_with = element_text(box) if box is not None else ""
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
