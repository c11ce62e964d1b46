"""Refresh 50 feeds of 20 entries each, served from 127.0.0.1: wall time, peak memory, requests.

    python benchmarks/bench_refresh.py [--feeds 50] [--entries 20] [--hosts 10] [--corpus DIR]

A server process (so that its work is not counted in the client's time or memory) serves
``--hosts`` sites, each on its own port, each with its share of the feeds; every entry
links to its own article page on the same site. The pages are real article pages (the
HTML pages of ``seeds/``, and those of ``--corpus`` when it is there), each varied per
entry (its title, canonical URL and a first paragraph of its own), sent gzip-compressed
with an ``ETag`` and ``Last-Modified``, as news sites do; a request carrying the page's
validators is answered 304.

Runs, in this process, with one :class:`~digest.inputs.fetch.MemoryCache`:

1. a first refresh (an empty cache: every feed and page is downloaded);
2. a second refresh (every request should be conditional and answered 304);
3. the fetching alone: every feed and page URL through the Fetcher, no extraction;
4. the extraction alone: a sample of the pages read one after another in this thread.

Reported: wall time, the process's peak RSS after each run (``ru_maxrss``; it never goes
down), the bytes the cache holds, the server's count of 200 and 304 answers, and how much
of the wall time extraction accounts for.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import multiprocessing
import re
import resource
import sys
import threading
import time
from email.utils import formatdate
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.inputs.fetch import Fetcher, MemoryCache
from digest.models import Article
from digest.pipeline import build_digest
from digest.reading import read_article

PER_HOST = 2
WORKERS = 16


def source_pages(corpus: Path | None) -> list[bytes]:
    """Real article pages: the seeds' HTML, then the corpus pages when there is a corpus."""
    paths = sorted((ROOT / "seeds").glob("*.html"))
    if corpus is not None and corpus.is_dir():
        paths += sorted((corpus / "readability").glob("*/source.html"))
        paths += sorted((corpus / "postlight").glob("*.html"))
    return [p.read_bytes() for p in paths]


_TITLE = re.compile(rb"<title[^>]*>.*?</title>", re.S | re.I)
_CANONICAL = re.compile(rb"<link[^>]+rel=[\"']canonical[\"'][^>]*>", re.I)
_OG_URL = re.compile(rb"<meta[^>]+property=[\"']og:url[\"'][^>]*>", re.I)
_FIRST_P = re.compile(rb"<p[\s>]", re.I)


def vary(page: bytes, url: str, number: int) -> bytes:
    """The page made this entry's own: its title, canonical URL and a first paragraph."""
    title = f"Story {number}: council votes on the bridge, roads and schools budget".encode()
    page = _TITLE.sub(b"<title>" + title + b"</title>", page, count=1)
    page = _CANONICAL.sub(b"", page)
    page = _OG_URL.sub(b"", page)
    page = page.replace(b"<head>", b'<head><link rel="canonical" href="' + url.encode() + b'">', 1)
    lead = (
        f"<p>Officials said on day {number} that the plan, numbered {number * 7}, would be"
        f" debated again next week before a final vote by the council.</p>"
    ).encode()
    match = _FIRST_P.search(page)
    if match:
        page = page[: match.start()] + lead + page[match.start() :]
    return page


def rss(base: str, title: str, entries: list[tuple[str, str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(t)}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{formatdate(1_740_000_000 + n * 3600, usegmt=True)}</pubDate>"
        f"<description>{html.escape(summary)}</description></item>"
        for n, (t, link, summary) in enumerate(entries)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


# -- the server process ---------------------------------------------------------------------


def serve(hosts: int, feeds: int, entries: int, corpus: str | None, ready: Any, stop: Any) -> None:
    """Build the sites and serve them until ``stop`` is set; put their base URLs on ``ready``."""
    from tests.conftest import Handler, Route, Seen, Site

    sources = source_pages(Path(corpus) if corpus else None)
    sites = [Site({}) for _ in range(hosts)]
    answered = {200: 0, 304: 0}
    lock = threading.Lock()

    def cached(content_type: str, data: bytes) -> Handler:
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        body = gzip.compress(data, 6)
        validators = {"ETag": etag, "Last-Modified": "Tue, 04 Mar 2025 09:30:00 GMT"}

        headers = {**validators, "Content-Type": content_type, "Content-Encoding": "gzip"}

        def handle(seen: Seen) -> Route:
            status = 304 if seen.headers.get("if-none-match") == etag else 200
            with lock:
                answered[status] += 1
            return (304, validators, b"") if status == 304 else (200, headers, body)

        return handle

    def counts(seen: Seen) -> Route:
        log = [s for site in sites for s in site.log if not s.path.startswith("/_")]
        with lock:
            found = {
                "requests": len(log),
                "conditional": sum("if-none-match" in s.headers for s in log),
                "200": answered[200],
                "304": answered[304],
            }
        return (200, {"Content-Type": "application/json"}, json.dumps(found).encode())

    def reset(seen: Seen) -> Route:
        for site in sites:
            site.log.clear()
        with lock:
            answered.update({200: 0, 304: 0})
        return (200, {}, b"")

    sites[0].routes |= {"/_stats": counts, "/_reset": reset}
    number = 0
    feed_urls = []
    for feed in range(feeds):
        site = sites[feed % hosts]
        listed = []
        for entry in range(entries):
            path = f"/section{feed}/story{entry}"
            page = vary(sources[number % len(sources)], site.base + path, number)
            site.routes[path] = cached("text/html; charset=utf-8", page)
            listed.append((f"Story {number}", site.base + path, f"Summary of story {number}."))
            number += 1
        site.routes[f"/feed{feed}.xml"] = cached(
            "application/rss+xml", rss(site.base, f"Site {feed % hosts} section {feed}", listed)
        )
        feed_urls.append(f"{site.base}/feed{feed}.xml")
    ready.put(([site.base for site in sites], feed_urls, len(sources)))
    stop.wait()
    for site in sites:
        site.close()


# -- the client -----------------------------------------------------------------------------


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stats(base: str, reset: bool = False) -> dict[str, int]:
    import httpx

    if reset:
        httpx.get(base + "/_reset")
        return {}
    result: dict[str, int] = httpx.get(base + "/_stats").json()
    return result


def refresh(feed_urls: list[str], cache: MemoryCache | None) -> tuple[float, list[Article], int]:
    started = time.perf_counter()
    with Fetcher(cache=cache, workers=WORKERS, per_host=PER_HOST) as fetcher:
        digest = build_digest(feed_urls, fetcher=fetcher)
    return time.perf_counter() - started, list(digest.articles), len(digest.errors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sample", type=int, default=60, help="pages timed for extraction alone")
    parser.add_argument(
        "--library",
        action="store_true",
        help="first and second run through a new SQLite library, as the command line runs",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="only a first run, without a cache: the peak memory of the refresh alone",
    )
    args = parser.parse_args()

    context = multiprocessing.get_context("spawn")
    ready = context.Queue()
    stop = context.Event()
    server = context.Process(
        target=serve,
        args=(args.hosts, args.feeds, args.entries, str(args.corpus), ready, stop),
        daemon=True,
    )
    server.start()
    bases, feed_urls, variety = ready.get(timeout=300)
    total = args.feeds * args.entries
    print(
        f"{args.feeds} feeds x {args.entries} entries = {total} pages on {args.hosts} hosts"
        f" ({variety} source pages, varied per entry); Fetcher(workers={WORKERS},"
        f" per_host={PER_HOST}); rss before: {peak_rss_mb():.0f} MB"
    )
    if args.library:
        try:
            library_runs(feed_urls, bases[0], total)
        finally:
            stop.set()
            server.join(10)
        return 0
    if args.no_cache:
        try:
            seconds, articles, errors = refresh(feed_urls, None)
            print(
                f"one run without a cache: {seconds:.1f} s wall, {len(articles)} articles,"
                f" {errors} errors; peak rss {peak_rss_mb():.0f} MB"
            )
        finally:
            stop.set()
            server.join(10)
        return 0
    cache = MemoryCache()
    try:
        for label in ("first run (empty cache)", "second run (cache)"):
            stats(bases[0], reset=True)
            seconds, articles, errors = refresh(feed_urls, cache)
            counts = stats(bases[0])
            held = sum(len(r.content) for r in (cache.lookup(u) for u in cache_urls(cache)) if r)
            print(
                f"{label}: {seconds:.1f} s wall, {len(articles)} articles, {errors} errors,"
                f" {total / seconds:.0f} pages/s; peak rss {peak_rss_mb():.0f} MB;"
                f" cache holds {len(cache)} responses, {held / 2**20:.0f} MB;"
                f" server: {counts['requests']} requests, {counts['conditional']} conditional,"
                f" {counts['200']} x 200, {counts['304']} x 304"
            )

        page_urls = [u for u in cache_urls(cache) if "/story" in u]
        started = time.perf_counter()
        with Fetcher(workers=WORKERS, per_host=PER_HOST) as fetcher:
            futures = [fetcher.submit(u) for u in feed_urls + page_urls]
            fetched = sum(len(f.result().content) for f in futures)
        fetch_seconds = time.perf_counter() - started
        print(
            f"fetching alone (no cache, no extraction): {fetch_seconds:.1f} s wall for"
            f" {len(futures)} URLs, {fetched / 2**20:.0f} MB decompressed"
        )

        sample = page_urls[:: max(1, len(page_urls) // args.sample)][: args.sample]
        started = time.perf_counter()
        for url in sample:
            response = cache.lookup(url)
            assert response is not None
            read_article(response.content, response.url, charset=response.charset)
        per_page = (time.perf_counter() - started) / len(sample)
        print(
            f"extraction alone: {per_page * 1000:.0f} ms a page in one thread"
            f" ({len(sample)} pages);"
            f" x {total} pages = {per_page * total:.1f} s of CPU"
        )
    finally:
        stop.set()
        server.join(10)
    return 0


def library_runs(feed_urls: list[str], base: str, total: int) -> None:
    """A first and a second refresh through a new library, as ``digest FEED...`` does."""
    import tempfile

    from digest.library.refresh import iter_run
    from digest.library.store import Library

    with tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "library.sqlite3")
        for label in ("first run (empty library)", "second run (library)"):
            stats(base, reset=True)
            started = time.perf_counter()
            items = list(iter_run(feed_urls, library=library))
            seconds = time.perf_counter() - started
            counts = stats(base)
            articles = sum(1 for i in items if isinstance(i, Article))
            size = sum(f.stat().st_size for f in Path(folder).iterdir()) / 2**20
            print(
                f"{label}: {seconds:.1f} s wall, {articles} articles, {len(items) - articles}"
                f" errors, {total / seconds:.0f} pages/s; peak rss {peak_rss_mb():.0f} MB;"
                f" library {size:.0f} MB; server: {counts['requests']} requests,"
                f" {counts['conditional']} conditional, {counts['200']} x 200,"
                f" {counts['304']} x 304"
            )
        library.close()


def cache_urls(cache: MemoryCache) -> list[str]:
    # The benchmark looks inside its own MemoryCache to size it and to list the pages.
    return list(cache._responses)


if __name__ == "__main__":
    sys.exit(main())
