"""Feeds and feed lists: telling them by their content, and reading their entries.

    detect(data)           -> "rss" | "rdf" | "atom" | "json" | "opml" | None
    parse_feed(data, url)  -> Feed     RSS 0.9x, 1.0 (RDF), 2.0 and Atom via feedparser; JSON Feed
    parse_opml(data)       -> feed URLs listed in an OPML file

A document is a feed by what it holds (the XML root ``rss``, ``rdf:RDF`` or ``feed``;
JSON whose ``version`` is a jsonfeed.org URL; the root ``opml``), never by its name or
its Content-Type. Hostile feeds are kept in bounds: a feed larger than
:data:`MAX_FEED_BYTES` or holding binary data is refused before parsing, and
feedparser's forgiving (and slow) parser for ill-formed XML is only used on documents
up to :data:`MAX_LOOSE_BYTES`; a larger one is first mended by lxml's recovering parser.

Each :class:`Entry` keeps its own text (the longest of its content and summary), so an
article can still be made from it when the linked page cannot be had
(:func:`entry_page`).
"""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import json
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

from digest.errors import FeedError
from digest.inputs.urls import host, join
from digest.models import Extraction
from digest.text.sanitize import clean, web_url

FeedKind = Literal["rss", "rdf", "atom", "json", "opml"]

MAX_FEED_BYTES = 16 * 1024 * 1024
"""Largest feed or OPML file parsed."""
MAX_LOOSE_BYTES = 256 * 1024
"""Largest ill-formed feed given to feedparser's forgiving parser (up to ~5 µs a byte); a
larger one is mended by lxml's recovering parser first."""
MAX_ENTRIES = 100
"""Entries read from one feed, newest first as feeds list them; the rest are left out."""
MAX_OPML_FEEDS = 1000
"""Feeds read from one OPML file, in its order; the rest are left out, and the user told."""

SNIFF_BYTES = 64 * 1024
"""The start of a document that ``detect`` reads to tell a feed or an OPML list by."""
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.S | re.I)
_ROOT = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")
_JSON_FEED_VERSION = re.compile(r'"version"\s*:\s*"https?://jsonfeed\.org/version/')
_TAG = re.compile(r"<[^>]*>")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_FOOTER = re.compile(
    r"^(?:the post .{1,300} appeared first on .{1,200}"
    r"|(?:continue reading|read more|read the (?:full|rest of the) (?:story|article|post))"
    r"\b.{0,100}"
    r"|\[?(?:…|\.\.\.)\]?)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed."""

    id: str
    """The entry's id (guid, Atom id, JSON Feed id), else its link, else a hash of its title."""
    link: str | None
    """The linked page, made absolute."""
    title: str
    content: str | None
    """The entry's own text: the longest of its content and its summary."""
    content_is_html: bool
    published: str | None
    """ISO 8601 date-time, when the entry has one."""
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: what it says about itself, and its entries in feed order."""

    kind: FeedKind
    title: str | None
    link: str | None
    """The site's home page."""
    language: str | None
    """ISO 639-1 code, when the feed declares one."""
    entries: tuple[Entry, ...]


def detect(data: bytes) -> FeedKind | None:
    """What kind of feed (or OPML file) ``data`` is, by its content; ``None`` for anything else."""
    head = _head_text(data)
    if head is None:
        return None
    if head.startswith("{"):
        if _JSON_FEED_VERSION.search(head):
            return "json"
        if len(data) <= MAX_FEED_BYTES and _json_feed(data) is not None:
            return "json"
        return None
    position = 0
    while match := _PROLOG.match(head, position):
        position = match.end()
    root = _ROOT.match(head, position)
    if root is None:
        return None
    name = root.group(1).rpartition(":")[2].lower()
    if name == "rss":
        return "rss"
    if name == "feed":
        return "atom"
    if name == "opml":
        return "opml"
    if name == "rdf" and "channel" in head[position:]:
        return "rdf"
    return None


FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"}
)
"""Types of the ``<link rel="alternate">`` by which a web page names its feeds."""


def feed_links(data: bytes, url: str | None = None) -> list[str]:
    """The feeds a web page names in its head (``<link rel="alternate" type=...>``), as
    absolute http(s) URLs, each once, in page order."""
    from lxml import etree, html

    try:
        root = html.document_fromstring(data[: 256 * 1024])
    except (etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES:
            absolute = _absolute(link.get("href"), url)
            if absolute and absolute.lower().startswith(("http://", "https://")):
                found.append(absolute)
    return list(dict.fromkeys(found))


def _head_text(data: bytes) -> str | None:
    head = data[:SNIFF_BYTES]
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, errors="replace").lstrip()
    if b"\0" in head:
        return None
    return head.decode("utf-8", errors="replace").lstrip()


def parse_feed(data: bytes, url: str | None = None) -> Feed:
    """Read an RSS, Atom or JSON feed.

    Args:
        data: the feed's bytes, in any encoding the feed declares.
        url: where it came from, to make relative links absolute.

    Raises:
        FeedError: not a feed, too large, binary, or too broken to give anything.
    """
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(f"feed is larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
    kind = detect(data)
    if kind == "json":
        return _parse_json(data, url)
    if kind in ("rss", "rdf", "atom"):
        return _parse_xml(data, url, kind)
    raise FeedError("not an RSS, Atom or JSON feed")


def parse_opml(data: bytes) -> tuple[str, ...]:
    """The http(s) feed URLs an OPML file lists (``xmlUrl``), in order, each once.

    A URL with whitespace or control characters in it (an ``xmlUrl`` holding ``&#10;``
    and a path) is left out: see :func:`digest.text.sanitize.web_url`. The caller keeps the
    first :data:`MAX_OPML_FEEDS`.

    Raises:
        FeedError: not OPML, too large, not well-formed, or listing no feed.
    """
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(f"OPML file is larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
    if detect(data) != "opml":
        raise FeedError("not an OPML file")
    import lxml.etree

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as err:
        raise FeedError(f"OPML file is not well-formed XML ({_first_line(err)})") from err
    urls: dict[str, None] = {}
    for outline in root.iter("{*}outline"):
        url = web_url((outline.get("xmlUrl") or outline.get("xmlurl") or "").strip())
        if url is not None:
            urls.setdefault(url, None)
    if not urls:
        raise FeedError("OPML file lists no http(s) feeds")
    return tuple(urls)


def entry_page(entry: Entry, feed: Feed) -> str:
    """An HTML page holding only the entry's own text, for the HTML extractor."""
    body = entry.content or ""
    if not entry.content_is_html:
        body = "".join(
            f"<p>{html.escape(part)}</p>" for part in re.split(r"\n\s*\n", body) if part.strip()
        )
    lang = f' lang="{html.escape(feed.language)}"' if feed.language else ""
    return (
        f'<!DOCTYPE html><html{lang}><head><meta charset="utf-8">'
        f"<title>{html.escape(entry.title)}</title></head>"
        f"<body><article>{body}</article></body></html>"
    )


def is_footer(paragraph: str) -> bool:
    """Whether a paragraph is a feed's own footer ("The post X appeared first on Y.")."""
    return len(paragraph) < 600 and _FOOTER.match(paragraph.strip()) is not None


def _parse_xml(data: bytes, url: str | None, kind: FeedKind) -> Feed:
    if b"\0" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FeedError("feed holds binary data")
    if len(data) > MAX_LOOSE_BYTES:
        data = _repaired(data)
    import feedparser  # type: ignore[import-untyped]  # (ships no type hints)

    try:
        parsed = feedparser.parse(
            io.BytesIO(data),
            response_headers={"content-location": url} if url else None,
            # The extractor reads text out of the HTML; nothing is shown as HTML.
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except (UnicodeError, ValueError, LookupError) as err:
        # feedparser's own encoding guesses can fail on a feed with stray bytes.
        raise FeedError(f"not a readable feed ({_first_line(err)})") from err
    info = parsed.get("feed") or {}
    entries = _unique(_rss_entry(e) for e in (parsed.get("entries") or [])[: MAX_ENTRIES * 2])
    if parsed.get("bozo") and not entries and not info.get("title"):
        reason = _first_line(parsed.get("bozo_exception") or "unknown error")
        raise FeedError(f"not a readable feed ({reason})")
    return Feed(
        kind=kind,
        title=plain_text(info.get("title")) or None,
        link=_absolute(info.get("link"), url),
        language=_language(info.get("language")),
        entries=entries,
    )


def _repaired(data: bytes) -> bytes:
    """A large feed as well-formed XML: as it is, or mended by lxml's (fast) recovering parser.

    Raises:
        FeedError: nothing could be recovered.
    """
    import lxml.etree

    class _Nothing:
        def close(self) -> None:
            return None

    options = {"resolve_entities": False, "no_network": True, "load_dtd": False}
    try:
        lxml.etree.fromstring(data, lxml.etree.XMLParser(target=_Nothing(), **options))
        return data
    except lxml.etree.XMLSyntaxError as err:
        problem = _first_line(err)
    root = lxml.etree.fromstring(data, lxml.etree.XMLParser(recover=True, **options))
    if root is None or not len(root):
        raise FeedError(f"not a readable feed ({problem})")
    return bytes(lxml.etree.tostring(root, encoding="utf-8", xml_declaration=True))


def _rss_entry(item: dict[str, Any]) -> Entry | None:
    title = plain_text(item.get("title"))
    link = item.get("link") if isinstance(item.get("link"), str) else None
    texts: list[tuple[str, str]] = []
    for part in item.get("content") or []:
        if isinstance(part.get("value"), str):
            texts.append((part["value"], part.get("type") or ""))
    if isinstance(item.get("summary"), str):
        detail = item.get("summary_detail") or {}
        texts.append((item["summary"], detail.get("type") or "text/html"))
    content, content_type = max(texts, key=lambda t: len(t[0]), default=(None, ""))
    if not (title or link or (content and content.strip())):
        return None  # what a truncated feed leaves: an item with nothing in it
    moment = item.get("published_parsed") or item.get("updated_parsed")
    published = datetime.fromtimestamp(calendar.timegm(moment), UTC).isoformat() if moment else None
    names: list[str] = []
    for author in item.get("authors") or []:
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            names.append(author["name"])
    if not names and isinstance(item.get("author"), str):
        names.append(item["author"])
    authors, agencies = _people(names)
    return Entry(
        id=_entry_id(item.get("id"), link, title),
        link=_absolute(link, None),
        title=title,
        content=content or None,
        content_is_html=content_type in _HTML_TYPES,
        published=published,
        authors=authors,
        agencies=agencies,
    )


def _json_feed(data: bytes) -> dict[str, Any] | None:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if isinstance(document, dict):
        version = document.get("version")
        if isinstance(version, str) and re.match(r"https?://jsonfeed\.org/version/", version):
            return document
    return None


def _parse_json(data: bytes, url: str | None) -> Feed:
    document = _json_feed(data)
    if document is None:
        raise FeedError("not a readable JSON feed (invalid JSON or no jsonfeed.org version)")
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedError("not a readable JSON feed (no list of items)")
    home = _text(document.get("home_page_url"))
    base = url or _text(document.get("feed_url")) or home
    feed_authors = _json_authors(document)
    entries: list[Entry | None] = []
    for item in items[: MAX_ENTRIES * 2]:
        if not isinstance(item, dict):
            continue
        link = _absolute(_text(item.get("url")) or _text(item.get("external_url")), base)
        title = plain_text(_text(item.get("title")))
        html_text = _text(item.get("content_html"))
        text = _text(item.get("content_text"))
        summary = _text(item.get("summary"))
        texts = [(t, h) for t, h in ((html_text, True), (text, False), (summary, False)) if t]
        content, is_html = max(texts, key=lambda t: len(t[0]), default=(None, False))
        if not (title or link or content):
            entries.append(None)
            continue
        raw_id = item.get("id")
        authors, agencies = _people(_json_authors(item) or feed_authors)
        entries.append(
            Entry(
                id=_entry_id(str(raw_id) if isinstance(raw_id, (str, int)) else None, link, title),
                link=link,
                title=title,
                content=content,
                content_is_html=is_html,
                published=_iso(
                    _text(item.get("date_published")) or _text(item.get("date_modified"))
                ),
                authors=authors,
                agencies=agencies,
            )
        )
    return Feed(
        kind="json",
        title=plain_text(_text(document.get("title"))) or None,
        link=_absolute(home, base),
        language=_language(_text(document.get("language"))),
        entries=_unique(entries),
    )


def _json_authors(node: dict[str, Any]) -> list[str]:
    people = node.get("authors")
    if not isinstance(people, list):
        people = [node.get("author")]
    return [p["name"] for p in people if isinstance(p, dict) and isinstance(p.get("name"), str)]


def _unique(entries: Any) -> tuple[Entry, ...]:
    """Entries in order, each id once, at most :data:`MAX_ENTRIES`."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry is not None and entry.id not in seen:
            seen[entry.id] = entry
            if len(seen) == MAX_ENTRIES:
                break
    return tuple(seen.values())


def _entry_id(raw: str | None, link: str | None, title: str) -> str:
    # The id becomes part of the entry's name (feed#id), shown and kept: cleaned here.
    for value in (raw, link):
        if value and (cleaned := clean(value).strip()):
            return cleaned
    return hashlib.sha256(title.encode("utf-8")).hexdigest()[:16]


def _people(names: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Authors and wire agencies from the feed's author fields ("jane@x (Jane Doe)", "AFP")."""
    from digest.text.bylines import split_names

    authors: list[str] = []
    agencies: list[str] = []
    for name in names:
        found, wires = split_names(plain_text(name))
        authors.extend(n for n in found if n not in authors)
        agencies.extend(w for w in wires if w not in agencies)
    return tuple(authors), tuple(agencies)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def plain_text(value: Any) -> str:
    """Text without markup or entities, on one line ("T &amp; <i>x</i>" -> "T & x")."""
    if not isinstance(value, str):
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", value)).split())


def _absolute(link: str | None, base: str | None) -> str | None:
    """``link`` made absolute against ``base``, if it is then a web URL that may be kept."""
    if not link or not link.strip():
        return None
    link = link.strip()
    return web_url(join(base, link) if base else link)


def _language(code: str | None) -> str | None:
    if not code:
        return None
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    return primary if re.fullmatch(r"[a-z]{2}", primary) else None


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment.isoformat()


def _first_line(error: object) -> str:
    """The first line of an error's message, without lxml's "(<string>, line 1)" tail."""
    from digest.errors import one_line

    text = re.sub(r"\s*\(<string>, line \d+\)$", "", str(error).strip())
    return one_line(text.splitlines()[0] if text else type(error).__name__)


def entry_words(entry: Entry) -> int:
    """Words in the entry's own text (markup left out)."""
    return len(plain_text(entry.content or "").split())


def entry_publisher(entry: Entry, feed: Feed) -> str | None:
    """The outlet of an entry: its link's (or the feed's) known outlet, else the feed's title."""
    from digest.text.outlets import outlet_for_host

    return outlet_for_host(host(entry.link or feed.link or "")) or feed.title


def with_entry(page: Extraction, entry: Entry, feed: Feed) -> Extraction:
    """The page's extraction, with what the page left out taken from the feed entry."""
    return replace(
        page,
        title=page.title or entry.title,
        authors=page.authors or entry.authors,
        agencies=page.agencies or entry.agencies,
        published=page.published or entry.published,
        publisher=page.publisher or entry_publisher(entry, feed),
        language=page.language or feed.language,
    )
