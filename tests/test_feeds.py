"""Feeds: telling them by content, reading RSS, Atom, JSON Feed and OPML, and a digest of feeds
served from 127.0.0.1 (pages, fallbacks to the feed's own text, failures, progress, the cache),
the feed list and ``digest feeds``."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import digest.reading
from digest import cli
from digest.errors import FeedError
from digest.inputs.feeds import detect, parse_feed, parse_opml
from digest.inputs.fetch import Fetcher, MemoryCache
from digest.models import Article, InputFailure
from digest.pipeline import build_digest, iter_digest
from tests.conftest import SEEDS, Handler, Route, Seen, Site

SiteFactory = Callable[[dict[str, Route | Handler]], Site]

HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml"}

PAGES = {
    "/news/obama-guns": "bbc-obama-gun-laws.html",
    "/news/sudan-sanctions": "nytimes-sudan-sanctions.html",
    "/news/zimbabwe-coup": "telegraph-zimbabwe-coup.html",
}
"""Entry pages served from the seeds, by path."""

TITLES = {
    "/news/obama-guns": "Obama admits US gun laws are his 'biggest frustration'",
    "/news/sudan-sanctions": "United States to Lift Sudan Sanctions",
    "/news/zimbabwe-coup": "Zimbabwe coup: Robert Mugabe and wife Grace 'insisting he finishes"
    " his term', as priest steps in to mediate",
}

STORY = (
    "<p>The city council voted on Tuesday to close the old bridge over the river for two years"
    " while engineers rebuild its supports, officials said.</p>"
    "<p>About 12,000 cars cross the bridge every day, and the council expects traffic on the"
    " ring road to rise by a third while the work goes on.</p>"
    "<p>\u201cWe cannot wait any longer,\u201d said Maria Keller, the council\u2019s head of"
    " transport, adding that inspectors had found cracks in two of the five piers.</p>"
    "<p>The work is expected to cost 48 million euros, most of it paid by the regional"
    " government.</p>"
)
"""The full text of an entry, as a feed's content:encoded carries it."""


def page_route(name: str) -> Route:
    return (200, HTML, (SEEDS / name).read_bytes())


def rss(base: str, items: list[str], title: str = "World News") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f"<channel><title>{title}</title><link>{base}/</link><language>en-gb</language>\n"
        + "\n".join(items)
        + "\n</channel></rss>\n"
    ).encode("utf-8")


def item(
    link: str,
    guid: str,
    title: str = "Bridge to close for two years",
    content: str | None = None,
    summary: str = "The council voted to close the old bridge.",
    creator: str = "Jane Ortiz",
    date: str = "Tue, 04 Mar 2025 09:30:00 GMT",
) -> str:
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return (
        f'<item><title>{title}</title><link>{link}</link><guid isPermaLink="false">{guid}</guid>'
        f"<pubDate>{date}</pubDate><dc:creator>{creator}</dc:creator>"
        f"<description><![CDATA[{summary}]]></description>{encoded}</item>"
    )


def short_page(title: str) -> Route:
    """A short article page headed ``title``, for a test about feeds, not reading: a seed
    page takes 15 times as long to read."""
    heading = html.escape(title, quote=False)
    return (
        200,
        HTML,
        f"<html><head><title>{heading}</title></head><body><article><h1>{heading}</h1>{STORY}"
        "</article></body></html>".encode(),
    )


def news_site(
    local_site: SiteFactory,
    extra: dict[str, Route | Handler] | None = None,
    *,
    seeds: bool = False,
) -> Site:
    """A site serving :data:`PAGES` and an RSS feed listing them: with ``seeds`` the seed
    pages themselves, else a short page under each one's headline (:func:`short_page`)."""
    pages = {
        path: page_route(name) if seeds else short_page(TITLES[path])
        for path, name in PAGES.items()
    }
    site = local_site(pages | (extra or {}))
    items = [item(f"{site.base}{path}", f"id-{path.rsplit('/', 1)[1]}") for path in PAGES]
    site.routes["/feed.xml"] = (200, RSS, rss(site.base, items))
    return site


def articles(items: list[Article | InputFailure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


# -- detection and parsing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (
            b'<?xml version="1.0"?>\n<!-- generator: x -->\n<rss version="2.0"><channel/></rss>',
            "rss",
        ),
        (b"\xef\xbb\xbf<rss version='0.91'><channel></channel></rss>", "rss"),
        (
            b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
            b' xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>',
            "rdf",
        ),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "atom"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE feed>\n<a:feed xmlns:a="http://www.w3.org/2005/Atom"/>',
            "atom",
        ),
        (b'{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}', "json"),
        (b'{"title": "x", "items": [], "version": "https://jsonfeed.org/version/1"}', "json"),
        (b'<?xml version="1.0"?><opml version="2.0"><body/></opml>', "opml"),
        (
            b"<!DOCTYPE html><html><head><title>rss feed</title></head><body><rss/></body></html>",
            None,
        ),
        (
            b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
            None,
        ),
        (b'{"title": "not a feed", "items": []}', None),
        (b"Plain text about an RSS feed.", None),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR<rss>", None),
    ],
)
def test_feeds_are_told_by_content(data: bytes, kind: str | None) -> None:
    assert detect(data) == kind


def test_rss2_entry_fields() -> None:
    data = rss(
        "https://news.example.org",
        [
            item(
                "/2025/03/04/bridge",
                "urn:bridge",
                title="Bridge &amp;amp; road: &lt;i&gt;closed&lt;/i&gt;",
                content=STORY,
                creator="By Jane Ortiz and Tom Reed, Reuters",
            ),
            item("https://news.example.org/b", "urn:b", summary="Short."),
        ],
        title="Example News &amp; Views",
    )
    feed = parse_feed(data, "https://news.example.org/rss/world.xml")
    assert (feed.kind, feed.title, feed.language) == ("rss", "Example News & Views", "en")
    first = feed.entries[0]
    assert first.id == "urn:bridge"
    assert first.link == "https://news.example.org/2025/03/04/bridge"  # made absolute
    assert first.title == "Bridge & road: closed"
    assert first.content == STORY and first.content_is_html  # the full text, not the summary
    assert first.published == "2025-03-04T09:30:00+00:00"
    assert first.authors == ("Jane Ortiz", "Tom Reed") and first.agencies == ("Reuters",)
    assert [e.id for e in feed.entries] == ["urn:bridge", "urn:b"]


def test_rss1_rdf_entries() -> None:
    data = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.org/"><title>RDF News</title><link>https://rdf.example.org/</link></channel>
  <item rdf:about="https://rdf.example.org/a"><title>First story</title><link>https://rdf.example.org/a</link>
    <description>The first story.</description><dc:date>2024-11-05T08:00:00Z</dc:date>
    <dc:creator>Ann Lee</dc:creator></item>
  <item rdf:about="https://rdf.example.org/b"><title>Second story</title><link>https://rdf.example.org/b</link></item>
</rdf:RDF>"""
    feed = parse_feed(data)
    assert feed.kind == "rdf" and feed.title == "RDF News"
    assert [(e.title, e.link) for e in feed.entries] == [
        ("First story", "https://rdf.example.org/a"),
        ("Second story", "https://rdf.example.org/b"),
    ]
    assert feed.entries[0].published == "2024-11-05T08:00:00+00:00"
    assert feed.entries[0].authors == ("Ann Lee",)


def test_atom_entries() -> None:
    data = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-FR">
  <title type="html">Le Journal &amp;amp; Co</title><link href="https://journal.example.fr/"/>
  <id>urn:journal</id><updated>2024-05-01T10:00:00+02:00</updated>
  <entry>
    <title>Un pont ferm\xc3\xa9</title><id>tag:journal.example.fr,2024:1</id>
    <link rel="alternate" type="text/html" href="/2024/05/pont"/>
    <link rel="enclosure" href="/photo.jpg"/>
    <author><name>Claire Martin</name><email>c@journal.example.fr</email></author>
    <updated>2024-05-01T10:00:00+02:00</updated>
    <summary>Court.</summary>
    <content type="html">&lt;p&gt;Le conseil a vot\xc3\xa9 la fermeture du pont.&lt;/p&gt;</content>
  </entry>
</feed>"""
    feed = parse_feed(data, "https://journal.example.fr/atom.xml")
    assert (feed.kind, feed.title, feed.language) == ("atom", "Le Journal & Co", "fr")
    entry = feed.entries[0]
    assert entry.id == "tag:journal.example.fr,2024:1"
    assert entry.link == "https://journal.example.fr/2024/05/pont"
    assert entry.title == "Un pont fermé"
    assert entry.authors == ("Claire Martin",)
    assert entry.published == "2024-05-01T08:00:00+00:00"
    assert entry.content == "<p>Le conseil a voté la fermeture du pont.</p>"


def test_json_feed_entries() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON News",
        "home_page_url": "https://json.example.org/",
        "language": "en-US",
        "authors": [{"name": "Sam Patel"}],
        "items": [
            {
                "id": 17,
                "url": "/posts/17",
                "title": "Bridge closes",
                "content_html": STORY,
                "summary": "Short.",
                "date_published": "2025-03-04T09:30:00Z",
                "authors": [{"name": "Jane Ortiz"}],
            },
            {
                "id": "18",
                "external_url": "https://elsewhere.example.com/x",
                "content_text": "One.\n\nTwo.",
            },
            {"id": "19"},  # nothing in it: left out
            "not an item",
        ],
    }
    feed = parse_feed(json.dumps(document).encode(), "https://json.example.org/feed.json")
    assert (feed.kind, feed.title, feed.language) == ("json", "JSON News", "en")
    first, second = feed.entries
    assert (first.id, first.link, first.title) == (
        "17",
        "https://json.example.org/posts/17",
        "Bridge closes",
    )
    assert first.content == STORY and first.content_is_html
    assert first.published == "2025-03-04T09:30:00+00:00"
    assert first.authors == ("Jane Ortiz",)
    assert (second.link, second.content, second.content_is_html) == (
        "https://elsewhere.example.com/x",
        "One.\n\nTwo.",
        False,
    )
    assert second.authors == ("Sam Patel",)  # the feed's authors stand for the item's


def test_opml_lists_feeds_in_order_once() -> None:
    data = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="News">
    <outline text="A" type="rss" xmlUrl="https://a.example.org/feed.xml"/>
    <outline text="B" type="rss" xmlUrl="https://b.example.org/atom"/>
  </outline>
  <outline text="A again" type="rss" xmlUrl="https://a.example.org/feed.xml"/>
  <outline text="local" type="rss" xmlUrl="file:///etc/passwd"/>
  <outline text="a link" type="link" url="https://c.example.org/"/>
</body></opml>"""
    assert parse_opml(data) == ("https://a.example.org/feed.xml", "https://b.example.org/atom")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<opml><body><outline text='x'/></body></opml>", r"lists no http\(s\) feeds"),
        (b"<opml><body><outline xmlUrl='https://a.example.org/'></body>", "not well-formed"),
        (b"<rss/>", "not an OPML file"),
    ],
)
def test_bad_opml_is_one_clear_error(data: bytes, reason: str) -> None:
    with pytest.raises(FeedError, match=reason):
        parse_opml(data)


def test_hostile_feeds_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    items = "".join(item(f"https://x.example.org/{n}", f"g{n}", content=STORY) for n in range(100))
    with pytest.raises(FeedError, match="binary"):
        parse_feed(rss("https://x.example.org", [items]) + bytes(range(256)) * 100)
    monkeypatch.setattr("digest.inputs.feeds.MAX_FEED_BYTES", 1000)
    with pytest.raises(FeedError, match="larger than"):
        parse_feed(rss("https://x.example.org", [items[:1000]]))


def test_large_ill_formed_feed_is_mended_not_parsed_loosely(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("digest.inputs.feeds.MAX_LOOSE_BYTES", 1000)
    items = [item(f"https://x.example.org/{n}", f"g{n}", title=f"Q{n} & A") for n in range(30)]
    feed = parse_feed(rss("https://x.example.org", items))
    assert [e.link for e in feed.entries] == [f"https://x.example.org/{n}" for n in range(30)]
    calls: list[object] = []
    monkeypatch.setattr("feedparser.parse", lambda *a, **k: calls.append(a))
    with pytest.raises(FeedError, match="not a readable feed"):
        parse_feed(b"<rss version='2.0'>" + b"<" * 5000)
    assert calls == []  # the forgiving parser never saw it


def test_small_ill_formed_feed_is_still_read() -> None:
    # An unescaped "&" is the commonest fault of real feeds.
    feed = parse_feed(
        b"<rss version='2.0'><channel><title>Q & A</title><item><title>Tom & Jerry</title>"
        b"<link>https://x.example.org/1</link></item></channel></rss>"
    )
    assert [e.title for e in feed.entries] == ["Tom & Jerry"]


def test_truncated_feed_is_an_error() -> None:
    with pytest.raises(FeedError, match="not a readable feed"):
        parse_feed(b'<?xml version="1.0"?><rss version="2.0"><chan')


def test_entries_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("digest.inputs.feeds.MAX_ENTRIES", 5)
    items = [item(f"https://x.example.org/{n}", f"g{n}") for n in range(20)]
    assert [e.id for e in parse_feed(rss("https://x.example.org", items)).entries] == [
        f"g{n}" for n in range(5)
    ]


# -- a digest of feeds ------------------------------------------------------------------------


def test_rss_feed_becomes_its_entries_read_from_their_pages(local_site: SiteFactory) -> None:
    site = news_site(local_site, seeds=True)
    digest = build_digest([site.base + "/feed.xml"])
    assert digest.errors == ()
    assert [a.title for a in digest.articles] == list(TITLES.values())
    assert [a.input for a in digest.articles] == [
        f"{site.base}/feed.xml#id-{path.rsplit('/', 1)[1]}" for path in PAGES
    ]
    bbc = digest.articles[0]
    assert bbc.publisher == "BBC News" and "feed-content" not in bbc.warnings
    assert bbc.published == "2015-07-24T05:36:09+01:00"  # the page's date wins over the feed's
    assert bbc.authors == ("Jane Ortiz",)  # the page names nobody: the feed's author
    assert bbc.word_count > 500


def test_entry_falls_back_to_the_feeds_own_text(local_site: SiteFactory) -> None:
    site = local_site(
        {"/gone": (500, HTML, b"<h1>Internal error</h1>"), "/missing": (404, HTML, b"")}
    )
    items = [
        item(f"{site.base}/gone", "full", content=STORY),
        item(
            f"{site.base}/missing",
            "summary-only",
            summary="The council voted on Tuesday to close the old bridge for two years.",
        ),
        item("", "no-link", content=STORY),
        item(f"{site.base}/missing", "nothing", summary=""),
    ]
    site.routes["/feed.xml"] = (200, RSS, rss(site.base, items, title="City Gazette"))
    items_out = list(iter_digest([site.base + "/feed.xml"]))
    full, summary_only, no_link, nothing = items_out
    assert isinstance(full, Article) and "feed-content" in full.warnings
    assert full.title == "Bridge to close for two years"
    assert full.paragraphs[0].startswith("The city council voted on Tuesday")
    assert len(full.paragraphs) == 4
    assert full.url == f"{site.base}/gone"
    assert (full.authors, full.published, full.publisher) == (
        ("Jane Ortiz",),
        "2025-03-04T09:30:00+00:00",
        "City Gazette",
    )
    assert any(p.name == "Maria Keller" for p in full.facts.people)
    assert isinstance(summary_only, Article) and summary_only.warnings[0] == "feed-content"
    assert (
        isinstance(no_link, Article) and no_link.url is None and "feed-content" in no_link.warnings
    )
    assert nothing == InputFailure(
        f"{site.base}/feed.xml#nothing", "HTTP 404 Not Found; the feed has no text for it"
    )


def test_feed_text_wins_over_a_paywalled_page(local_site: SiteFactory) -> None:
    paywall = (
        b"<html><head><title>Bridge to close</title></head><body><article>"
        b"<p>The city council voted on Tuesday to close the old bridge.</p>"
        b"<div class='paywall'>Subscribe to continue reading.</div></article></body></html>"
    )
    site = local_site({"/story": (200, HTML, paywall)})
    site.routes["/feed.xml"] = (
        200,
        RSS,
        rss(site.base, [item(f"{site.base}/story", "s", content=STORY)]),
    )
    (article,) = build_digest([site.base + "/feed.xml"]).articles
    assert "feed-content" in article.warnings and len(article.paragraphs) == 4


def test_feed_footer_is_not_article_text(local_site: SiteFactory) -> None:
    footer = (
        "<p>The post <a href='x'>Bridge to close</a> appeared first on"
        " <a href='y'>City Gazette</a>.</p>"
    )
    site = local_site({})
    site.routes["/feed.xml"] = (200, RSS, rss(site.base, [item("", "f", content=STORY + footer)]))
    (article,) = build_digest([site.base + "/feed.xml"]).articles
    assert not any("appeared first on" in p for p in article.paragraphs)


def test_atom_json_feed_and_opml_file(local_site: SiteFactory, tmp_path: Path) -> None:
    site = news_site(local_site)
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title>'
        "<entry><title>Sudan</title><id>urn:sudan</id>"
        f'<link href="{site.base}/news/sudan-sanctions"/>'
        "<updated>2017-01-13T05:00:04Z</updated></entry></feed>"
    ).encode()
    json_feed = {
        "version": "https://jsonfeed.org/version/1",
        "title": "JSON desk",
        "items": [{"id": "z", "url": "/news/zimbabwe-coup", "title": "Zimbabwe"}],
    }
    site.routes["/atom"] = (200, {"Content-Type": "application/atom+xml"}, atom)
    # Served as text/plain: a feed is told by its content, not its Content-Type.
    site.routes["/feed.json"] = (
        200,
        {"Content-Type": "text/plain"},
        json.dumps(json_feed).encode(),
    )
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(
        f'<opml version="1.0"><body><outline xmlUrl="{site.base}/atom"/>'
        f'<outline xmlUrl="{site.base}/feed.json"/></body></opml>'
    )
    digest = build_digest([str(opml)])
    assert digest.errors == ()
    assert [(a.input, a.title) for a in digest.articles] == [
        (f"{site.base}/atom#urn:sudan", TITLES["/news/sudan-sanctions"]),
        (f"{site.base}/feed.json#z", TITLES["/news/zimbabwe-coup"]),
    ]


def test_feed_file_on_disk(local_site: SiteFactory, tmp_path: Path) -> None:
    site = news_site(local_site)
    path = tmp_path / "saved-feed"
    path.write_bytes(site.routes["/feed.xml"][2])  # type: ignore[index]
    digest = build_digest([str(path)])
    assert [a.input for a in digest.articles] == [f"{path}#id-{p.rsplit('/', 1)[1]}" for p in PAGES]


def test_broken_feed_500_and_redirect_loop_are_one_failure_each(local_site: SiteFactory) -> None:
    site = news_site(
        local_site,
        {
            "/broken.xml": (200, RSS, b'<?xml version="1.0"?><rss version="2.0"><chan'),
            "/empty.xml": (200, RSS, rss("x", [])),
            "/error": (500, HTML, b"oops"),
            "/loop-a": (302, {"Location": "/loop-b"}, b""),
            "/loop-b": (302, {"Location": "/loop-a"}, b""),
        },
    )
    inputs = [
        site.base + p for p in ("/broken.xml", "/error", "/feed.xml", "/loop-a", "/empty.xml")
    ]
    items = list(iter_digest(inputs))
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert [f.input for f in failures] == [inputs[0], inputs[1], inputs[3], inputs[4]]
    assert "not a readable feed" in failures[0].error
    assert failures[1].error == "HTTP 500 Internal Server Error"
    assert "redirects" in failures[2].error
    assert failures[3].error == "feed has no entries"
    assert [a.title for a in articles(items)] == list(TITLES.values())
    assert items[2:5] == articles(items)  # results keep the input order


def test_progress_counts_every_item_as_feeds_grow(local_site: SiteFactory, tmp_path: Path) -> None:
    site = news_site(local_site, {"/error": (500, HTML, b"")})
    calls: list[tuple[int, int]] = []
    lock = threading.Lock()

    def progress(done: int, total: int) -> None:
        with lock:
            calls.append((done, total))

    page = tmp_path / "page.html"
    page.write_bytes(short_page("Council approves the budget")[2])
    inputs = [
        str(page),
        site.base + "/feed.xml",
        site.base + "/error",
        str(tmp_path / "nope"),
    ]
    items = list(iter_digest(inputs, progress=progress))
    assert len(items) == 6  # the page, 3 entries, the 500, the missing file
    assert calls[0] == (0, 4) and calls[-1] == (6, 6)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)  # done only grows
    assert max(t for _, t in calls) == 6 and all(d <= t for d, t in calls)


def etag_route(route: Route, etag: str) -> Handler:
    """Serve ``route`` with an ETag, and 304 to a request that already has it."""

    def handle(seen: Seen) -> Route:
        if seen.headers.get("if-none-match") == etag:
            return (304, {"ETag": etag}, b"")
        status, headers, body = route
        return (
            status,
            {**headers, "ETag": etag, "Last-Modified": "Tue, 04 Mar 2025 09:30:00 GMT"},
            body,
        )

    return handle


def test_second_run_makes_only_conditional_requests(local_site: SiteFactory) -> None:
    site = news_site(local_site)
    for number, path in enumerate(list(site.routes)):
        site.routes[path] = etag_route(site.routes[path], f'"v{number}"')  # type: ignore[arg-type]
    cache = MemoryCache()
    with Fetcher(cache=cache) as fetcher:
        first = build_digest([site.base + "/feed.xml"], fetcher=fetcher)
    assert site.statuses == [200] * 4 and len(cache) == 4
    site.log.clear()
    site.statuses.clear()
    with Fetcher(cache=cache) as fetcher:
        second = build_digest([site.base + "/feed.xml"], fetcher=fetcher)
    assert len(site.log) == 4
    assert all(
        "if-none-match" in seen.headers and "if-modified-since" in seen.headers for seen in site.log
    )
    assert site.statuses == [304] * 4
    assert [a.to_dict() for a in second.articles] == [a.to_dict() for a in first.articles]


def test_slow_host_does_not_hold_up_the_others(local_site: SiteFactory) -> None:
    fast = news_site(local_site)
    released_by_progress = threading.Event()
    page = short_page(TITLES["/news/sudan-sanctions"])
    released: list[bool] = []

    def slow(seen: Seen) -> Route:
        # Held until the fast feed is done; the guard ends the wait if it never is.
        released.append(released_by_progress.wait(10))
        return page

    slow_site = local_site({"/a": slow, "/b": slow})
    items = [item(f"{slow_site.base}/a", "a"), item(f"{slow_site.base}/b", "b")]
    slow_site.routes["/feed.xml"] = (200, RSS, rss(slow_site.base, items))

    def progress(done: int, total: int) -> None:
        # Only the fast feed's three entries can finish while the slow pages are held.
        if done >= 3:
            released_by_progress.set()

    inputs = [slow_site.base + "/feed.xml", fast.base + "/feed.xml"]
    digest = build_digest(inputs, progress=progress)
    assert released == [True, True]  # the fast feed was read while the slow host held its pages
    assert [a.input.rsplit("#", 1)[1] for a in digest.articles] == [
        "a",
        "b",
        "id-obama-guns",
        "id-sudan-sanctions",
        "id-zimbabwe-coup",
    ]


def test_host_that_times_out_is_given_up_and_entries_fall_back(
    local_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("digest.inputs.fetch.READ_TIMEOUT", 0.3)
    stop = threading.Event()

    def never(seen: Seen) -> Route:
        stop.wait(5)
        return (200, HTML, b"")

    slow_site = local_site({f"/{n}": never for n in range(4)})
    feed_site = local_site({})
    items = [item(f"{slow_site.base}/{n}", f"e{n}", content=STORY) for n in range(4)]
    feed_site.routes["/feed.xml"] = (200, RSS, rss(feed_site.base, items))
    try:
        with Fetcher(per_host=1) as fetcher:
            digest = build_digest([feed_site.base + "/feed.xml"], fetcher=fetcher)
    finally:
        stop.set()
    assert len(digest.articles) == 4 and all("feed-content" in a.warnings for a in digest.articles)
    assert len(slow_site.log) == 2  # after two timeouts in a row the host is not asked again


# -- the feed list and the command line -------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_feeds_add_list_remove_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config"
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(config))
    opml = tmp_path / "export.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline xmlUrl="https://b.example.org/rss"/>'
        '<outline xmlUrl="https://a.example.org/feed.xml"/></body></opml>'
    )
    assert run_cli(capsys, "feeds", "list") == (
        0,
        "",
        "digest: no feeds yet; add one with: digest feeds add URL\n",
    )
    # --force: added without being fetched (no network in tests).
    code, out, _ = run_cli(capsys, "feeds", "add", "--force", "https://a.example.org/feed.xml")
    assert (code, out) == (0, "added https://a.example.org/feed.xml\n")
    code, out, _ = run_cli(capsys, "feeds", "add", "--force", str(opml))
    assert out == "added https://b.example.org/rss\nalready listed https://a.example.org/feed.xml\n"
    code, out, err = run_cli(
        capsys, "feeds", "add", "--force", "not-a-feed", "https://c.example.org/atom"
    )
    assert code == 1 and err == "digest: not-a-feed: not an http(s) URL, nor an OPML file\n"
    assert out == "added https://c.example.org/atom\n"
    (config / "feeds.txt").write_text((config / "feeds.txt").read_text() + "# my notes\n")
    assert run_cli(capsys, "feeds", "list")[1].splitlines() == [
        "https://a.example.org/feed.xml",
        "https://b.example.org/rss",
        "https://c.example.org/atom",
    ]
    code, out, err = run_cli(
        capsys, "feeds", "remove", "https://b.example.org/rss", "https://nope.example.org/"
    )
    assert code == 1 and out == "removed https://b.example.org/rss\n"
    assert err == "digest: https://nope.example.org/: not in the feed list\n"
    assert (config / "feeds.txt").read_text() == (
        "https://a.example.org/feed.xml\nhttps://c.example.org/atom\n# my notes\n"
    )
    assert not [p for p in config.iterdir() if p.name != "feeds.txt"]  # no temporary file left


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/gone.xml", "404"),
        ("/news/obama-guns", "not a feed (a web page or another document)"),
        (
            "/with-feed",
            "not a feed (a web page or another document); it names a feed: {base}/feed.xml",
        ),
        ("/list.opml", "a list of feeds (OPML), not a feed"),
    ],
)
def test_feeds_add_refuses_what_is_not_a_feed_unless_forced(
    local_site: SiteFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    path: str,
    said: str,
) -> None:
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(tmp_path))
    site = news_site(local_site)
    site.routes["/with-feed"] = (
        200,
        {"Content-Type": "text/html"},
        b'<html><head><title>News</title><link rel="alternate" type="application/rss+xml"'
        b' href="/feed.xml"></head><body><p>Hello.</p></body></html>',
    )
    site.routes["/list.opml"] = (
        200,
        {"Content-Type": "text/x-opml"},
        b'<opml version="2.0"><body><outline xmlUrl="/feed.xml"/></body></opml>',
    )
    bad = site.base + path
    code, out, err = run_cli(capsys, "feeds", "add", bad, site.base + "/feed.xml")
    assert code == 1
    assert out == f"added {site.base}/feed.xml\n"  # the good one is added all the same
    assert err.startswith(f"digest: {bad}: ") and said.format(base=site.base) in err
    assert err.endswith("; not added (--force adds it anyway)\n") and err.count("\n") == 1
    assert run_cli(capsys, "feeds", "list")[1] == f"{site.base}/feed.xml\n"
    requests = len(site.log)
    code, out, err = run_cli(capsys, "feeds", "add", "--force", bad)
    assert (code, out, err) == (0, f"added {bad}\n", "")
    assert len(site.log) == requests  # forced: not fetched


class _Terminal:
    """Standard input as a terminal: nothing piped in."""

    def isatty(self) -> bool:
        return True


def test_no_input_reads_the_feed_list(
    local_site: SiteFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "stdin", _Terminal())
    code, out, err = run_cli(capsys, "--format", "json")
    assert code == 2 and "digest feeds add URL" in err
    site = news_site(local_site)
    run_cli(capsys, "feeds", "add", site.base + "/feed.xml")
    code, out, err = run_cli(capsys, "--format", "json")
    assert code == 0, err
    assert [a["title"] for a in json.loads(out)["articles"]] == list(TITLES.values())


@pytest.mark.parametrize(
    "args",
    [
        ("./feeds", "--format", "json"),
        ("--format", "json", "./feeds"),
        ("--format", "json", "./feeds/story.html", "feeds"),
    ],
)
def test_a_folder_named_feeds_is_still_an_input(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
) -> None:
    # A command is named by the first word only: "./feeds" is the folder, and so is "feeds"
    # after another input.
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "story.html").write_bytes(short_page(TITLES["/news/sudan-sanctions"])[2])
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, *args, "--no-library")
    assert code == 0, err
    titles = {a["title"] for a in json.loads(out)["articles"]}
    assert titles == {TITLES["/news/sudan-sanctions"]}


def test_feeds_alone_is_the_command_and_asks_what_to_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit:
        cli.main(["feeds"])
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert "digest feeds" in err and "COMMAND" in err


def _digest_with_stderr(stderr: Any, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "digest", *args],
        stdout=subprocess.PIPE,
        stderr=stderr,
        stdin=subprocess.DEVNULL,
        timeout=120,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "100"},
    )


def test_cli_progress_only_when_stderr_is_a_terminal(
    local_site: SiteFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    site = news_site(local_site)
    code = cli.main([site.base + "/feed.xml", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""  # nothing but errors when piped (here, captured)
    assert len(json.loads(out)["articles"]) == 3

    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    received: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return
            if not chunk:
                return
            received.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        done = _digest_with_stderr(slave, site.base + "/feed.xml", "--format", "json")
    finally:
        os.close(slave)
        reader.join(10)
        os.close(master)
    assert done.returncode == 0
    shown = b"".join(received).decode("utf-8", "replace")
    assert "reading" in shown and "3/3" in shown
    assert len(json.loads(done.stdout)["articles"]) == 3  # stdout keeps only the digest


def test_fetched_pages_wait_for_readers_without_piling_up(
    local_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("digest.pipeline.READING_AT_ONCE", 1)
    page = short_page(TITLES["/news/sudan-sanctions"])
    site = local_site({f"/{n}": page for n in range(20)})
    reading = threading.Event()
    real_read = digest.reading.read_article

    def slow_read(*args: Any, **kwargs: Any) -> Article:
        reading.wait(10)
        return real_read(*args, **kwargs)

    monkeypatch.setattr("digest.reading.read_article", slow_read)
    results: list[Article | InputFailure] = []
    with Fetcher(workers=2) as fetcher:
        worker = threading.Thread(
            target=lambda: results.extend(
                iter_digest([f"{site.base}/{n}" for n in range(20)], fetcher=fetcher)
            )
        )
        worker.start()
        time.sleep(0.5)  # ample time to fetch all 20 pages from 127.0.0.1, were nothing to stop it
        # Two handed over to the one reader, and one held by each of the two fetching threads.
        fetched_while_blocked = len(site.log)
        reading.set()
        worker.join(60)
    assert fetched_while_blocked <= 4
    assert len(articles(results)) == 20


def test_leaving_a_batch_early_ends_its_work(local_site: SiteFactory) -> None:
    site = news_site(local_site)
    items = iter_digest([site.base + "/feed.xml", *(site.base + p for p in PAGES)])
    first = next(items)
    started = time.monotonic()
    items.close()  # the app quits: nothing may hang or go on reading
    assert time.monotonic() - started < 1  # threads are left to end, never waited for
    assert isinstance(first, Article) and first.title == TITLES["/news/obama-guns"]
    for _ in range(40):  # ... and they end at once: requests in flight are cut off
        workers = [
            t for t in threading.enumerate() if t.name.startswith(("digest-fetch", "digest-rd"))
        ]
        if not workers:
            break
        time.sleep(0.05)
    assert workers == []


def test_broken_links_cost_only_themselves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # "http://[bad" (an unclosed IPv6 bracket) makes urllib raise ValueError.
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(tmp_path / "config"))
    code, out, err = run_cli(
        capsys, "feeds", "add", "--force", "http://[bad", "https://a.example.org/rss"
    )
    assert code == 1 and err == "digest: http://[bad: not a valid URL\n"
    assert out == "added https://a.example.org/rss\n"
    opml = tmp_path / "list.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline xmlUrl="http://[bad/rss"/>'
        '<outline xmlUrl="https://b.example.org/rss"/></body></opml>'
    )
    assert parse_opml(opml.read_bytes()) == ("https://b.example.org/rss",)
    feed = parse_feed(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<link>http://[bad/</link><item><title>One</title><link>/one</link>"
        b"<description>Text.</description></item></channel></rss>",
        "http://[bad/feed",
    )
    assert [e.title for e in feed.entries] == ["One"]
