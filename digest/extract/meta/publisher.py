"""The publisher of an HTML page: the outlet's name as it writes it.

Sources, most trusted first: ``og:site_name``, the JSON-LD ``publisher``, the site's part of
the page's ``<title>`` ("... | Reuters", "... – D Magazine"), the names of the site's apps
(``application-name`` ...), then the site's handle (``twitter:site`` "@ladbible") and the
outlet known for the host. The host's name itself ("www.20minutes") is never a publisher.

Pages get these wrong in a few ways, and :func:`read_publisher` checks for each: the
``og:site_name`` of some pages is a section ("U.S.", "Magazine"), an app's name may be the
headline, a name may carry a slogan ("Raw Story - Celebrating 18 Years of ...") or be a
domain ("AOL.com", "www.20minutes.fr"). A name that shares nothing with the site's address
(no word, no initials) is doubtful: a later source whose name does agree with the address
is taken instead, and when none does, the first name that is not the article's section.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from digest.extract.meta.data import ld_text
from digest.extract.meta.title import text_key
from digest.inputs.urls import netloc
from digest.text.outlets import outlet_for_host, outlet_name

_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|•)\s+")
_DOMAIN = re.compile(
    r"^(?:https?://)?www\.|(?<=\w)\.(?:com|org|net|info|news|co\.[a-z]{2}|com\.[a-z]{2}|[a-z]{2})/?$",
    re.I,
)
"""What makes a name a domain: "www." before it, ".com", ".co.uk", ".fr" after it."""
MAX_CHARS = 60
"""A longer "name" is a sentence or a slogan, not an outlet's name."""
_HOST_SUFFIXES = frozenset({"com", "org", "net", "co", "uk", "edu", "gov", "news", "www", "go"})


def host_label(url: str | None) -> str:
    """The name part of a site's address: "nydailynews" of www.nydailynews.com."""
    host = netloc(url or "").lower().removeprefix("www.")
    parts = [part for part in host.split(".") if part and part not in _HOST_SUFFIXES]
    if len(parts) >= 2 and len(parts[-1]) == 2:
        parts.pop()  # a country code: "lemonde" of lemonde.fr
    return parts[-1] if parts else ""


def agrees_with_host(name: str, label: str) -> bool:
    """Whether an outlet's name and the name part of its address agree: a word of the name
    (three letters or more) in the address, the name's letters run together, or its
    initials ("Sports Illustrated" and si.com, "New York Daily News" and nydailynews)."""
    if not label:
        return False
    words = text_key(name).split()
    if not words:
        return False
    joined = "".join(words)
    initials = "".join(word[0] for word in words)
    return (
        joined in label
        or label in joined
        or any(len(word) >= 3 and word in label for word in words)
        or (len(initials) >= 2 and label.startswith(initials))
    )


def _cleaned(value: str | None, label: str) -> str | None:
    """A candidate name made an outlet's name: no domain ("AOL.com" is "AOL"), no slogan
    after a separator (the part that agrees with the address is kept), not too long."""
    if not value or value.startswith("http") or len(value) > 2 * MAX_CHARS:
        return None
    parts = [p.strip() for p in _SEPARATORS.split(value) if p.strip()]
    if len(parts) > 1:
        agreeing = [p for p in parts if agrees_with_host(p, label)]
        value = agreeing[0] if agreeing else parts[0]
    value = _DOMAIN.sub("", value.strip()).strip()
    if not value or len(value) > MAX_CHARS:
        return None
    return outlet_name(value) or value


def _title_site(root: HtmlElement, tags: dict[str, str], label: str) -> str | None:
    """The part of the page's title that names the site ("... | Reuters"): the first or
    last part, when it agrees with the address."""
    for title in (tags.get("og:title"), root.findtext(".//title")):
        parts = [p.strip() for p in _SEPARATORS.split(title or "") if p.strip()]
        if len(parts) < 2:
            continue
        for part in (parts[-1], parts[0]):
            if len(part.split()) <= 5 and agrees_with_host(part, label):
                return part
    return None


def _handle(tags: dict[str, str], label: str) -> str | None:
    """The site's handle ("@ladbible") when it is the name in its address."""
    handle = (tags.get("twitter:site") or "").strip().lstrip("@")
    return handle if label and handle.lower() == label else None


def read_publisher(
    root: HtmlElement,
    ld: dict[str, Any] | None,
    tags: dict[str, str],
    url: str | None,
    section: str | None,
) -> str | None:
    """The publisher's name (see the module): the first source whose name agrees with the
    site's address, else the first that is not the article's section."""
    label = host_label(url)
    declared = [tags.get("og:site_name")]
    if ld and isinstance(ld.get("publisher"), (dict, list, str)):
        declared.append(ld_text(ld.get("publisher")))
    apps = [
        tags.get("application-name"),
        tags.get("al:android:app_name"),
        tags.get("twitter:app:name:iphone"),
    ]
    names = [_cleaned(value, label) for value in declared]
    names.append(_cleaned(_title_site(root, tags, label), label))
    names.extend(_cleaned(value, label) for value in apps)
    section_key = text_key(section or "")
    candidates = [n for n in names if n and text_key(n) != section_key]
    if not label:
        return candidates[0] if candidates else None
    for name in candidates:
        if agrees_with_host(name, label):
            return name
    # Nothing agrees with the address (a site named apart from its domain, "Quartz" on
    # qz.com): the name the page declares, but never an app's name that may be a headline.
    declared_names = [n for n in names[: len(declared)] if n and text_key(n) != section_key]
    if declared_names:
        return declared_names[0]
    return _handle(tags, label) or (outlet_for_host(netloc(url)) if url else None)
