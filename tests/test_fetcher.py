"""The Fetcher against servers on 127.0.0.1: limits per host, conditional requests, Retry-After,
compressed bodies, bombs, errors and the queue."""

from __future__ import annotations

import gzip
import ssl
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable
from email.utils import formatdate

import brotli
import pytest

from digest.errors import (
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    RetryLaterError,
    TooLargeError,
)
from digest.inputs.fetch import (
    HOST_TIMEOUTS,
    Fetcher,
    MemoryCache,
    Response,
    _retry_after,
    tls_context,
)
from tests.conftest import Handler, Route, Seen, Site

SiteFactory = Callable[[dict[str, Route | Handler]], Site]

PAGE = (
    "<html><head><title>Bridge to close</title></head><body><article>"
    + "<p>The city council voted on Tuesday to close the old bridge for two years.</p>" * 40
    + "</article></body></html>"
).encode()
HTML = {"Content-Type": "text/html; charset=utf-8"}


def held(seconds: float, route: Route = (200, HTML, PAGE)) -> Handler:
    """A route that takes ``seconds`` to answer, so that requests overlap at the server."""

    def handle(seen: Seen) -> Route:
        time.sleep(seconds)
        return route

    return handle


def test_at_most_per_host_requests_at_once_to_one_host(local_site: SiteFactory) -> None:
    one = local_site({f"/{n}": held(0.1) for n in range(8)})
    other = local_site({f"/{n}": held(0.1) for n in range(8)})
    with Fetcher(workers=8, per_host=2) as fetcher:
        futures = [fetcher.submit(f"{site.base}/{n}") for n in range(8) for site in (one, other)]
        assert all(f.result().content == PAGE for f in futures)
    assert one.most_in_flight == 2 and other.most_in_flight == 2
    assert len(one.log) == len(other.log) == 8


def test_at_most_workers_requests_at_once_in_all(local_site: SiteFactory) -> None:
    site = local_site({f"/{n}": held(0.1) for n in range(9)})
    with Fetcher(workers=3, per_host=10) as fetcher:
        for future in [fetcher.submit(f"{site.base}/{n}") for n in range(9)]:
            future.result()
    assert site.most_in_flight == 3


def test_conditional_requests_and_304_from_the_cache(local_site: SiteFactory) -> None:
    modified = formatdate(0, usegmt=True)

    def page(seen: Seen) -> Route:
        if (
            seen.headers.get("if-none-match") == '"v1"'
            or seen.headers.get("if-modified-since") == modified
        ):
            return (304, {"ETag": '"v1"'}, b"")
        return (200, {**HTML, "ETag": '"v1"', "Last-Modified": modified}, PAGE)

    site = local_site({"/story": page, "/plain": (200, HTML, PAGE)})
    cache = MemoryCache()
    with Fetcher(cache=cache) as fetcher:
        first = fetcher.fetch(site.base + "/story")
        second = fetcher.fetch(site.base + "/story")
        fetcher.fetch(site.base + "/plain")
        fetcher.fetch(site.base + "/plain")
    assert (first.status, first.not_modified, first.etag, first.last_modified) == (
        200,
        False,
        '"v1"',
        modified,
    )
    assert (second.status, second.not_modified, second.content) == (304, True, PAGE)
    assert second.url == first.url and second.charset == "utf-8"
    story = site.requests_to("/story")
    assert "if-none-match" not in story[0].headers
    assert (
        story[1].headers["if-none-match"] == '"v1"'
        and story[1].headers["if-modified-since"] == modified
    )
    # A page without validators is asked for in full each time.
    assert [
        "if-none-match" in s.headers or "if-modified-since" in s.headers
        for s in site.requests_to("/plain")
    ] == [False, False]
    assert cache.lookup(site.base + "/story") == first


def test_short_retry_after_is_waited_out_once(local_site: SiteFactory) -> None:
    answers = iter([(503, {"Retry-After": "1"}, b"busy"), (200, HTML, PAGE)])
    site = local_site({"/story": lambda seen: next(answers)})
    with Fetcher() as fetcher:
        assert fetcher.fetch(site.base + "/story").content == PAGE
    assert site.statuses == [503, 200]


def test_retry_after_that_comes_again_fails(local_site: SiteFactory) -> None:
    site = local_site({"/story": (429, {"Retry-After": "0"}, b"slow down")})
    with Fetcher() as fetcher, pytest.raises(RetryLaterError, match="HTTP 429 Too Many Requests"):
        fetcher.fetch(site.base + "/story")
    assert site.statuses == [429, 429]


def test_long_retry_after_fails_at_once_saying_when(local_site: SiteFactory) -> None:
    site = local_site({"/story": (503, {"Retry-After": "7200"}, b"maintenance")})
    with Fetcher() as fetcher, pytest.raises(RetryLaterError) as caught:
        fetcher.fetch(site.base + "/story")
    assert str(caught.value) == "HTTP 503 Service Unavailable; the server asks to retry in 2 h"
    assert caught.value.wait == 7200
    assert len(site.log) == 1


def test_retry_after_as_a_date() -> None:
    wait = _retry_after(formatdate(time.time() + 120, usegmt=True))
    assert wait is not None and 100 < wait <= 120
    assert _retry_after(formatdate(time.time() - 60, usegmt=True)) == 0
    assert _retry_after("soon") is None and _retry_after(None) is None


@pytest.mark.parametrize(
    ("coding", "compress"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send
        ("br", brotli.compress),
    ],
)
def test_compressed_bodies_are_decoded(
    local_site: SiteFactory, coding: str, compress: Callable[[bytes], bytes]
) -> None:
    site = local_site({"/story": (200, {**HTML, "Content-Encoding": coding}, compress(PAGE))})
    with Fetcher() as fetcher:
        assert fetcher.fetch(site.base + "/story").content == PAGE
    assert "br" in site.log[0].headers["accept-encoding"]


@pytest.mark.parametrize(
    ("coding", "compress"),
    [
        ("gzip", lambda data: gzip.compress(data, compresslevel=1)),
        ("br", lambda data: brotli.compress(data, quality=5)),
    ],
)
def test_compression_bomb_is_refused_within_the_cap(
    local_site: SiteFactory, coding: str, compress: Callable[[bytes], bytes]
) -> None:
    bomb = compress(b"\0" * 40 * 1024 * 1024)  # 40 MB of zeros: brotli gives under 1 KB
    site = local_site({"/bomb": (200, {**HTML, "Content-Encoding": coding}, bomb)})
    tracemalloc.start()
    try:
        with Fetcher(max_bytes=1024 * 1024) as fetcher, pytest.raises(TooLargeError):
            fetcher.fetch(site.base + "/bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024  # never inflated much past the 1 MB cap


def test_body_that_is_not_what_its_coding_says(local_site: SiteFactory) -> None:
    site = local_site({"/story": (200, {**HTML, "Content-Encoding": "gzip"}, PAGE)})
    with Fetcher() as fetcher, pytest.raises(FetchError, match="not valid gzip"):
        fetcher.fetch(site.base + "/story")


def test_errors_500_and_redirect_loop(local_site: SiteFactory) -> None:
    site = local_site(
        {
            "/error": (500, HTML, b"oops"),
            "/a": (302, {"Location": "/b"}, b""),
            "/b": (302, {"Location": "/a"}, b""),
        }
    )
    with Fetcher() as fetcher:
        with pytest.raises(HTTPStatusError, match="HTTP 500 Internal Server Error"):
            fetcher.fetch(site.base + "/error")
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetcher.fetch(site.base + "/a")


def test_then_runs_with_the_response_or_the_error(local_site: SiteFactory) -> None:
    site = local_site({"/story": (200, HTML, PAGE)})

    def describe(result: Response | FetchError) -> str:
        return (
            f"{result.status} {len(result.content)}"
            if isinstance(result, Response)
            else str(result)
        )

    with Fetcher() as fetcher:
        found = fetcher.submit(site.base + "/story", describe)
        missing = fetcher.submit(site.base + "/missing", describe)
        assert (found.result(), missing.result()) == (f"200 {len(PAGE)}", "HTTP 404 Not Found")


def test_host_that_keeps_timing_out_is_not_asked_again(
    local_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("digest.inputs.fetch.READ_TIMEOUT", 0.3)
    stop = threading.Event()
    site = local_site(
        {f"/{n}": (lambda seen: (stop.wait(5), (200, HTML, PAGE))[1]) for n in range(4)}
    )
    try:
        with Fetcher(per_host=1) as fetcher:
            futures = [fetcher.submit(f"{site.base}/{n}") for n in range(4)]
            errors = [f.exception() for f in futures]
    finally:
        stop.set()
    assert all(isinstance(e, FetchTimeoutError) for e in errors)
    assert [str(e) for e in errors[HOST_TIMEOUTS:]] == [
        f"not tried: {site.base.removeprefix('http://')} did not answer the last 2 requests in time"
    ] * 2
    assert len(site.log) == HOST_TIMEOUTS


def test_close_cancels_what_is_still_queued(local_site: SiteFactory) -> None:
    release = threading.Event()
    site = local_site(
        {f"/{n}": (lambda seen: (release.wait(5), (200, HTML, PAGE))[1]) for n in range(5)}
    )
    fetcher = Fetcher(per_host=1)
    futures = [fetcher.submit(f"{site.base}/{n}") for n in range(5)]
    release.set()
    fetcher.close()
    assert any(f.cancelled() for f in futures[1:])
    with pytest.raises(RuntimeError, match="closed"):
        fetcher.submit(site.base + "/0")


def test_fetchers_share_one_tls_context_that_still_checks_certificates(
    monkeypatch: pytest.MonkeyPatch, local_site: SiteFactory
) -> None:
    """Each refresh of the app makes a fetcher: the certificate authorities (about 40 ms of
    CPU to load) are loaded once a process, and the shared context verifies as httpx does."""
    made: list[object] = []
    real = ssl.create_default_context

    def counted(*args: object, **kwargs: object) -> ssl.SSLContext:
        made.append(args or kwargs)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ssl, "create_default_context", counted)
    tls_context.cache_clear()
    try:
        site = local_site({"/a": (200, HTML, PAGE)})
        for _ in range(3):
            with Fetcher() as fetcher:
                assert fetcher.fetch(site.base + "/a").status == 200
        assert len(made) == 1, "three fetchers, one context"
        context = tls_context()
        assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    finally:
        tls_context.cache_clear()
