"""Text from strangers, made safe to keep and to show.

Every byte of a page, a feed, a file name or a URL comes from someone else. A character
reference such as ``&#27;`` in a headline is a real ESC once the page is parsed, and a
terminal acts on what follows it: ``ESC ] 52`` sets the clipboard, ``ESC ] 8`` draws a
link, ``ESC [ 2J`` clears the screen; U+202E shows the text after it reversed. So text is
cleaned once, where it enters a record (:func:`extraction`, :func:`name`, and the
library's records), and each way out escapes again as defence in depth: text and Markdown
through :func:`clean`, JSON through :func:`json_safe`, stderr through
:func:`digest.errors.one_line`, the app through ``markup=False`` and plain
:class:`~textual.content.Content`.

What :func:`clean` takes out:

- C0 controls other than ``\\n`` and ``\\t``, DEL, and C1 controls (U+0080-U+009F), which
  terminals read as the start of escape sequences; the ones that break a line (``\\r``,
  VT, FF, the file/group/record/unit separators, NEL) become a space, the rest go;
- the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
  reorder the text shown after them (the "Trojan Source" characters, CVE-2021-42574);
- lone surrogates (a name that is not UTF-8, decoded with ``surrogateescape``), which no
  UTF-8 output can hold: each becomes U+FFFD.

The bidi *marks* (U+200E LRM, U+200F RLM, U+061C ALM) are kept: they are zero-width
letters with a direction, not controls with a scope, so they cannot reorder or hide a run
of text, and Arabic, Hebrew and Persian news uses them to set numbers and Latin names
right.

Markup: a page that escapes its text twice (``&amp;#8217;`` in an ``og:title``, ``&lt;b&gt;``
in a paragraph, an embed code shown as text) leaves entities and tags in the text once it
is parsed. :func:`unmarked` decodes such entities and takes out such tags, and
:func:`extraction` drops a paragraph or a credit that was mostly markup (an embed code):
no field of a record holds markup or an undecoded entity.

Links: :func:`web_url` lets only http(s) URLs with a host and no whitespace or control
characters through; anything else is not stored and not shown as a link.

This module is imported on every path; it imports nothing beyond the standard library.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from digest.inputs.urls import split

if TYPE_CHECKING:
    from digest.models import Extraction

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Everything :func:`clean` changes: C0 but tab and newline, DEL, C1, bidi controls, surrogates."""

_AS_SPACE = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")
"""Controls that break a line or a field: a space keeps the words apart."""

_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Characters ``json.dumps(ensure_ascii=False)`` writes raw that must not reach a terminal
(the C0 ones it escapes itself); U+2028/U+2029 too, which JavaScript reads as line breaks."""

_URL_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Whitespace and control characters, which no stored or shown URL may hold."""


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""A character reference left in text (written with its semicolon: "AT&T" and "&c" are text)."""

_ELEMENTS = (
    "a|abbr|article|aside|audio|b|blockquote|body|br|button|caption|center|cite|code|dd|del|"
    "details|dfn|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|"
    "html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|object|ol|"
    "option|p|param|picture|pre|q|s|script|section|select|small|source|span|strike|strong|"
    "style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|"
    "tt|u|ul|var|video|wbr"
)
_WITH_CONTENT = re.compile(
    r"<(script|style|iframe|object|svg|template)\b[^<>]*>.*?</\1\s*>", re.I | re.S
)
"""An element whose content is code, not text: taken out whole."""
_TAG = re.compile(rf"</?({_ELEMENTS})(?:\s[^<>]*)?/?>|<>", re.I)
"""An HTML tag (of an element HTML has) or the empty ``<>`` of an embed code shown as text.
Other text between angle brackets ("<jane@example.com>", "x <y> z") is left alone."""
MOSTLY_MARKUP = 0.5
"""A paragraph or credit whose characters were more than this share markup was an embed code
or a widget shown as text: it is dropped, not kept as the words left over."""


def unmarked(text: str) -> str:
    """``text`` with character references decoded (twice-escaped ones too) and HTML tags
    taken out (scripts, styles and frames with their content)."""
    for _ in range(3):  # "&amp;amp;#8217;" is decoded a level at a time
        if "&" not in text or not _ENTITY.search(text):
            break
        text = _ENTITY.sub(lambda match: html.unescape(match.group()), text)
    if "<" in text:
        text = _TAG.sub(_tag_gap, _WITH_CONTENT.sub(" ", text))
        text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return text


# Laid out by hand, a few tag names a line: one a line would run to a column (fmt: skip).
_INLINE = frozenset(
    {
        "a", "abbr", "b", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "mark", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
        "u", "var",
    }
)  # fmt: skip
"""Inline elements: a tag of theirs stands inside a word as often as between words."""


def _tag_gap(match: re.Match[str]) -> str:
    """What a tag leaves: nothing inside a word ("<b>T</b>urkey"), a space between blocks."""
    name = (match.group(1) or "").lower()
    return "" if name in _INLINE else " "


def _text_of(text: str) -> str:
    """A paragraph or credit unmarked and cleaned; empty when it was mostly markup."""
    plain = clean(unmarked(text)).strip()
    if "<" in text and len(plain) < (1 - MOSTLY_MARKUP) * len(text.strip()):
        return ""
    return plain


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    if char in _AS_SPACE:
        return " "
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return ""


def clean(text: str) -> str:
    """``text`` without terminal controls, bidi overrides or lone surrogates (see the module)."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_replacement, text)


def optional(text: str | None) -> str | None:
    """:func:`clean` for a field that may be missing; a field left empty becomes ``None``."""
    if text is None:
        return None
    cleaned = clean(text).strip()
    return cleaned or None


def texts(values: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`clean` for each value, leaving out those left empty."""
    return tuple(cleaned for value in values if (cleaned := clean(value).strip()))


def name(text: str) -> str:
    """An input's name (a path, a URL, ``feed#entry``) as it is shown and kept.

    A path that is not UTF-8 comes from the OS with ``surrogateescape``; each undecodable
    byte is shown as U+FFFD, and control characters are taken out as :func:`clean` does.
    The name is for people: the file itself is opened by its OS name, never by this one.
    """
    return clean(text)


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL with a host and no whitespace or control character.

    Such a URL can be stored (one a line in ``feeds.txt``, a key in the library), fetched,
    shown and made a link; anything else (``javascript:``, ``file:``, a URL with a newline
    and a path after it) is refused: ``None``.
    """
    if not url or _URL_UNSAFE.search(url):
        return None
    parts = split(url)
    if parts is None or parts.scheme.lower() not in ("http", "https"):
        return None
    try:
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError for a port out of range)
    except ValueError:
        return None
    return url if host else None


def why_not_url(url: str) -> str:
    """Why :func:`web_url` refuses ``url``, in a few words."""
    if _URL_UNSAFE.search(url):
        return "a URL cannot hold spaces or control characters"
    parts = split(url)
    if parts is None:
        return "not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "not an http(s) URL"
    try:
        parts.port  # noqa: B018 (raises ValueError for a port out of range)
        host = parts.hostname
    except ValueError:
        return "not a valid URL (bad port)"
    return "not a valid URL" if host else "URL has no host"


def extraction(found: Extraction) -> Extraction:
    """``found`` with every text field cleaned, and its URL kept if :func:`web_url` takes it."""
    from digest.models import Credit

    def field(text: str | None) -> str | None:
        return optional(unmarked(text)) if text is not None else None

    def items(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(text for value in values if (text := _text_of(value)))

    return replace(
        found,
        title=clean(unmarked(found.title)).strip(),
        paragraphs=items(found.paragraphs),
        url=web_url(found.url),
        standfirst=field(found.standfirst),
        section=field(found.section),
        authors=items(found.authors),
        publisher=field(found.publisher),
        agencies=items(found.agencies),
        published=optional(found.published),
        language=optional(found.language),
        credits=tuple(
            Credit(credit.kind, text) for credit in found.credits if (text := _text_of(credit.text))
        ),
        warnings=texts(found.warnings),
        tables=items(found.tables),
    )


def record(value: Any) -> Any:
    """A JSON value (an article as the library keeps it) with every string in it cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [record(item) for item in value]
    if isinstance(value, dict):
        return {key: record(item) for key, item in value.items()}
    return value


def json_safe(document: str) -> str:
    """JSON text with the characters of :data:`_JSON_UNSAFE` written as ``\\uXXXX`` escapes.

    Outside strings JSON is ASCII, so every such character is inside a string, where the
    escape means the same character: the document is unchanged for a JSON reader.
    """
    if _JSON_UNSAFE.search(document) is None:
        return document
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", document)
