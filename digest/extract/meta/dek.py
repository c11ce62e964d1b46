"""The standfirst (dek): the line under the headline that says what the story is about.

It is a line of its own, never the story's first paragraph. :func:`marked_dek` finds the
one the page marks up under its headline (a class such as ``dek``, ``standfirst``,
``subtitle``, or an ``<h2>`` set right after the ``<h1>``); without one, the page's
description serves when it is about this story (:func:`about_the_story`), not the site.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

from digest.extract.dom import class_names, class_pattern, element_text, following
from digest.extract.lines import is_noise, is_prose
from digest.extract.meta.title import text_key

DEK_CLASS = class_pattern(
    r"dek|deck|standfirst|strapline|sub-?title|sub-?headline|sub-?heading|subhead|"
    r"summary|description|descp|excerpt|kicker-?text|teaser"
)
"""Classes of the element that holds a dek (a whole part of the class: "article-dek",
"sp-descp", "m-detail-header--dek")."""
DEK_WORDS = (5, 60)
"""A dek's length in words: a sentence or two, not a label and not a paragraph of text."""
AFTER_HEADLINE = 60
"""Elements after the headline within which its dek stands, before the story's text."""
ABOUT_SHARE = 0.3
"""Share of the words (of four letters or more) of a description that names the site which
the story must use for the description to be about it."""


_BYLINE_LIKE = re.compile(
    r"^(?:by|author|words|text)\b|\b(?:published|updated|posted|share\s+on|min(?:ute)?s?\s+read)\b",
    re.I,
)
"""What a byline, a date line or a share bar says: a box the page also classes "subtitle"."""


def marked_dek(headline: HtmlElement | None, title: str | None) -> str | None:
    """The dek the page marks up under its ``headline`` element: the first element after it
    (before the story's first paragraph of text) whose class names a dek, or an ``<h2>``
    standing right after the headline; ``None`` when the page marks none. A line that only
    goes on with the ``title`` (a headline set over two elements) is no dek."""
    if headline is None:
        return None
    headline_words = set(text_key(title or "").split())
    after = headline.getnext()
    if after is not None and after.tag == "h2" and (text := _dek_text(after, headline_words)):
        return text
    for element in islice(following(headline), AFTER_HEADLINE):
        if not isinstance(element.tag, str) or element.tag not in ("p", "h2", "h3", "div", "span"):
            continue
        marked = bool(DEK_CLASS.search(class_names(element)))
        if marked and (text := _dek_text(element, headline_words)):
            return text
        if element.tag == "p" and not marked and is_prose(element_text(element)):
            return None  # the story's text has started
    return None


def _dek_text(element: HtmlElement, headline_words: set[str]) -> str | None:
    """The dek an element holds: its text, or that of its first paragraph that reads as one
    (a dek's box may hold the byline too). A box of several paragraphs of prose is the story
    ("field-type-text-with-summary"), not its dek."""
    paragraphs = [element_text(p) for p in element.iter("p") if p is not element]
    if sum(is_prose(text) for text in paragraphs) > 1:
        return None
    for text in paragraphs:
        if found := _as_dek(text, headline_words):
            return found
    return _as_dek(element_text(element), headline_words)


def _as_dek(text: str, headline_words: set[str]) -> str | None:
    words = text_key(text).split()
    if (
        not DEK_WORDS[0] <= len(words) <= DEK_WORDS[1]
        or is_noise(text)
        or _BYLINE_LIKE.search(text)
        or sum(word in headline_words for word in words) >= 0.8 * len(words)
    ):
        return None
    return text


def about_the_story(description: str, site_names: list[str], story: str) -> bool:
    """Whether a description is about this story, not the site: a site's own description
    names the site ("The latest news and headlines from Yahoo! News") and few words of the
    story (:data:`ABOUT_SHARE`); a dek may name the site ("Obama tells the BBC ...") but
    says what the story says."""
    key = f" {text_key(description)} "
    if not any(len(name) >= 3 and f" {name} " in key for name in map(text_key, site_names)):
        return True
    words = {word for word in key.split() if len(word) >= 4}
    said = set(text_key(story).split())
    return len(words & said) >= ABOUT_SHARE * len(words)
