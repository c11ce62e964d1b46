"""What a page declares about itself as data: its JSON-LD and its ``<meta>`` tags."""

from __future__ import annotations

import json
import re
from typing import Any

from lxml.html import HtmlElement

from digest.text.sanitize import unmarked

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
_SPACES = re.compile(r"\s+")


def ld_text(value: Any) -> str | None:
    if isinstance(value, str):
        value = _SPACES.sub(" ", unmarked(value)).strip()
        return value or None
    if isinstance(value, list) and value:
        return ld_text(value[0])
    if isinstance(value, dict):
        return ld_text(value.get("name") or value.get("@value"))
    return None


def ld_types(node: dict[str, Any]) -> set[str]:
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


def json_ld(root: HtmlElement) -> tuple[dict[str, Any] | None, bool]:
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
    article = next((n for n in nodes if ld_types(n) & _ARTICLE_TYPES), None)
    listing = article is None and any(ld_types(n) & _NOT_ARTICLE_TYPES for n in nodes[:3])
    if article is not None:
        article = _resolved(article, nodes)
    return article, listing


_REFERENCES = ("author", "publisher", "creator")
"""Fields of an article that graphs often give as a reference to another node ("@id")."""


def _resolved(article: dict[str, Any], nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """``article`` with its authors and publisher given as references (``{"@id": ...}``, as
    Yoast and other graph writers do) replaced by the nodes they name."""
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    if not by_id:
        return article

    def resolve(value: Any) -> Any:
        if isinstance(value, list):
            return [resolve(item) for item in value[:20]]
        if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
            return by_id.get(value.get("@id"), value)
        return value

    return {
        **article,
        **{key: resolve(article[key]) for key in _REFERENCES if key in article},
    }


def meta_tags(root: HtmlElement) -> dict[str, str]:
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
            # Entities escaped twice ("&amp;#8217;") are text to the parser: decoded here.
            tags.setdefault(key.strip().lower(), _SPACES.sub(" ", unmarked(value)).strip())
    return tags
