"""What a page may put between a reader and its article: a cookie-consent wall, or content
drawn by JavaScript (which digest does not run).

Read from the untouched page, and only when the text found is short: the reason a page
gives no article is then named (``cookie-wall``, ``script-only``), as a warning or as the
failure's reason.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from digest.extract.dom import clean_space

_CONSENT_WORDS = re.compile(
    r"\bcookies?\b.*\b(?:accept|agree|consent|reject|manage|preferences)\b", re.I | re.S
)
_JS_NOTICE = re.compile(
    r"(?:enable|turn on|activate|requires?|need)\W+(?:\w+\W+){0,3}javascript", re.I
)
_APP_ROOTS = ("root", "app", "__next", "__nuxt", "svelte", "main-app")
SCRIPT_ONLY_RATIO = 5
"""Script characters per character of visible text above which a page with little text is
taken as drawn by JavaScript."""


def find_walls(root: HtmlElement) -> dict[str, str]:
    """What may stand between a reader and the article on this page, read before cleaning:
    ``{"cookie-wall": reason, "script-only": reason}``."""
    found: dict[str, str] = {}
    scripts = sum(len(t) for t in root.xpath("//script/text()"))
    hidden = sum(
        len(t) for t in root.xpath("//style/text() | //noscript//text() | //template//text()")
    )
    visible = sum(len(piece.strip()) for piece in root.itertext()) - scripts - hidden
    notice = " ".join(root.xpath("//noscript//text()"))
    roots = " or ".join(f"@id='{name}'" for name in _APP_ROOTS)
    empty_root = any(not clean_space(e.text_content()) for e in root.xpath(f"//div[{roots}]"))
    if _JS_NOTICE.search(notice) or empty_root or scripts > SCRIPT_ONLY_RATIO * max(visible, 1):
        found["script-only"] = (
            "the page's content is drawn by JavaScript, which digest does not run"
        )
    if consent_boxes(root, 1):
        found["cookie-wall"] = "the page shows a cookie-consent wall instead of the article"
    return found


def consent_boxes(root: HtmlElement, limit: int = 20) -> list[HtmlElement]:
    """Up to ``limit`` boxes of the page that ask for consent to cookies (by their class or
    id, and their words), among its first 20 elements so named."""
    boxes = root.xpath(
        "//*[contains(@class,'ookie') or contains(@id,'ookie') or contains(@class,'onsent')"
        " or contains(@id,'onsent') or contains(@class,'gdpr') or contains(@id,'gdpr')]"
    )
    found = [e for e in boxes[:20] if _CONSENT_WORDS.search(e.text_content()[:3000])]
    return found[:limit]
