"""What a page's markup says about its elements: classes, hidden elements, furniture.

The HTML extractor and the metadata readers look at elements the same way, through this
module: an element's class names (:func:`class_names`, matched by :func:`class_pattern`),
whether the page hides it from readers (:func:`hidden_from_readers`), whether it sits in the
page's furniture (navigation, footer, asides: :func:`in_furniture`) or in a box of teasers,
comments or quotes (:func:`in_teaser`), which tags break text into blocks
(:data:`BLOCK_TAGS`), and an element's text (:func:`element_text`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import HtmlElement

# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
        "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
        "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure",
        "figcaption", "address", "hr", "form", "fieldset", "details", "summary", "center",
    }
)  # fmt: skip
"""Tags whose start and end break the text into blocks (``<br>`` breaks a line too)."""

FURNITURE_TAGS = frozenset({"nav", "aside", "footer"})
"""Tags of the page's furniture: navigation, asides and the footer, never the article."""

_SPACES = re.compile(r"\s+")
_SHOWN_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u200b\u2009\u202f]+")
"""Spaces as a browser shows them: runs of spaces, no-break, thin and zero-width spaces."""


def clean_space(text: str) -> str:
    """``text`` with its spaces as a browser shows them (one for each run), trimmed."""
    return _SHOWN_SPACES.sub(" ", text).strip()


def link_density(element: HtmlElement, length: int) -> float:
    """The share of an element's ``length`` characters that are link text."""
    links = sum(len(a.text_content()) for a in element.iter("a"))
    return links / max(1, length)


def element_text(element: HtmlElement) -> str:
    """The element's text, its pieces joined with spaces and spaces collapsed."""
    # Pieces joined with spaces: "By" in one span and the name in the next stay two words.
    return _SPACES.sub(" ", " ".join(element.itertext())).strip()


def class_names(element: HtmlElement) -> str:
    """An element's class and id, lower case, for matching page-furniture names."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def class_pattern(words: str) -> re.Pattern[str]:
    """A pattern for class names that hold one of ``words`` (a regex alternation) as a whole
    part: ``author`` matches "story-meta__author" and "author-name", not "coauthored"."""
    return re.compile(rf"(?:^|[\s_-])(?:{words})(?:$|[\s_-])", re.I)


HIDDEN_CLASSES = frozenset(
    {
        "d-none",
        "hidden",
        "is-hidden",
        "offscreen",
        "screen-reader-text",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
    }
)
"""Classes that hide an element from readers, or show it to screen readers only. A class is
matched whole: "u-overflow-hidden" clips an element's overflow, it hides no text."""
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def hidden_from_readers(element: HtmlElement, names: str | None = None) -> bool:
    """Whether the page hides the element from readers (``hidden``, ``aria-hidden``,
    ``display: none``, a class of :data:`HIDDEN_CLASSES`), looking at the element itself only.
    Text for screen readers alone counts as hidden: a sighted reader never sees it.
    ``names`` is the element's :func:`class_names`, when the caller has them already."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    names = class_names(element) if names is None else names
    return bool(names.strip()) and not HIDDEN_CLASSES.isdisjoint(names.split())


def in_furniture(element: HtmlElement) -> bool:
    """Whether an element sits in the page's navigation, footer or an aside."""
    return any(a.tag in FURNITURE_TAGS for a in element.iterancestors())


_TEASER_CLASS = class_pattern(
    r"list-of|teasers?|related|promo|recommend(?:ed|ations)?|most-\w+|more-\w+|comments?|"
    r"(?:pull-?)?quotes?"
)
"""Boxes of other stories, comments and pull quotes: their bylines are not the article's."""
_LAYOUT_CLASS = class_pattern(r"sidebar|footer|cards?|rail|widget")
"""Layout boxes that hold teasers on some pages and the article itself on others."""


def in_teaser(element: HtmlElement, layout: bool = True) -> bool:
    """Whether an element sits in a teaser list, comments, a quote or a caption, or (with
    ``layout``) in a sidebar, a card, an ``<aside>`` or the footer."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            break  # page-wide classes ("no-footer-ads") say nothing about this element
        if ancestor.tag in ("blockquote", "figure", "figcaption"):
            return True
        if layout and ancestor.tag in FURNITURE_TAGS:
            return True
        names = class_names(ancestor)
        if names.strip() and (
            _TEASER_CLASS.search(names) or (layout and _LAYOUT_CLASS.search(names))
        ):
            return True
    return False


def following(start: HtmlElement) -> Iterator[HtmlElement]:
    """The elements after ``start`` in document order (not its own descendants)."""
    node: HtmlElement | None = start
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter()
        node = node.getparent()
