"""Article metadata from an HTML page: title, authors, publisher, dates, language, URL.

Sources are read in order of trust, and the first that gives a clean value wins:

    JSON-LD (schema.org NewsArticle ...) > OpenGraph and <meta> tags > <time>
      > byline text > the URL

Every value is cleaned before it is used: titles lose the site-name suffix, authors are
people's names only (no "By", job titles, e-mail addresses or site names), dates are ISO
8601 and never in the future, languages are ISO 639-1 codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from digest.extract.meta.authors import read_authors
from digest.extract.meta.data import json_ld, ld_text, meta_tags
from digest.extract.meta.dek import marked_dek
from digest.extract.meta.publisher import read_publisher
from digest.extract.meta.title import heading_text, read_title
from digest.extract.published import published_date
from digest.inputs.urls import join, netloc


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself, before the body is extracted."""

    title: str | None = None
    headings: list[str] = field(default_factory=list)
    description: str | None = None
    dek: str | None = None
    """The dek the page marks up under its headline (:func:`.dek.marked_dek`)."""
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


def _language(root: HtmlElement, ld: dict[str, Any] | None, tags: dict[str, str]) -> str | None:
    values = [
        root.get("lang"),
        root.get("xml:lang"),
        tags.get("content-language"),
        tags.get("og:locale"),
    ]
    if ld:
        values.append(ld_text(ld.get("inLanguage")))
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
            ld_text(ld.get("url"))
            or (ld_text(entity.get("@id")) if isinstance(entity, dict) else ld_text(entity))
        )
    for value in values:
        if value:
            absolute = join(url, value.strip()) if url else value.strip()
            if absolute and absolute.startswith(("http://", "https://")) and netloc(absolute):
                return absolute
    return url


def read_metadata(root: HtmlElement, url: str | None) -> PageMeta:
    """Everything the page's markup says about the article, read before the body is touched."""
    ld, listing = json_ld(root)
    tags = meta_tags(root)
    meta = PageMeta(not_article=listing)
    meta.url = _canonical(root, ld, tags, url)
    meta.section = (ld_text(ld.get("articleSection")) if ld else None) or tags.get(
        "article:section"
    )
    meta.publisher = read_publisher(root, ld, tags, meta.url, meta.section)
    meta.headings = [
        h for h in (heading_text(h) for h in root.xpath("//h1[position() <= 3]")) if h
    ][:3]
    meta.title, headline = read_title(root, ld, tags, meta)
    meta.description = (
        (ld_text(ld.get("description")) if ld else None)
        or tags.get("og:description")
        or tags.get("description")
        or tags.get("twitter:description")
    )
    meta.dek = marked_dek(headline.element if headline else None, meta.title)
    credit = read_authors(root, ld, tags, meta, headline.element if headline else None)
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
