"""URL parts that never raise: links come from pages and feeds, and some are broken.

``urllib.parse`` raises ``ValueError`` on a link such as ``http://[bad`` (an unclosed IPv6
bracket) or a port out of range; a broken link must cost only itself, never its article.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit


def split(url: str) -> SplitResult | None:
    """The parts of a URL, or None when it cannot be parsed."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def host(url: str) -> str:
    """The host name of a URL in lower case ("" when it has none or cannot be parsed)."""
    parts = split(url)
    return (parts.hostname or "") if parts else ""


def netloc(url: str) -> str:
    """The network location ("host:port", with any user part) of a URL, or ""."""
    parts = split(url)
    return parts.netloc if parts else ""


def join(base: str, link: str) -> str | None:
    """``link`` made absolute against ``base``, or None when either cannot be parsed."""
    try:
        return urljoin(base, link)
    except ValueError:
        return None
