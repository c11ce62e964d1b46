"""Fetching URLs over HTTP(S): many at once, politely, within firm limits.

A server that never answers, answers slowly byte by byte, redirects forever or sends a
gigabyte must not hold up the digest: every request has a connect and read timeout, an
overall deadline, a redirect limit and a cap on the body size, checked as the body is
decompressed so that a small gzip or brotli bomb is refused before it fills memory.

The deadline covers the whole request: connecting, the status line, the headers and the
body. httpx's timeouts are per operation (a server that sends one header every few
seconds never trips them), so the connections are made through
:class:`~digest.inputs.deadlines.Deadlines`, a network backend for httpcore that gives each
connect, read and write only what is left of its request's deadline, and that ends every
request at once when the fetcher closes.

:class:`Fetcher` fetches many URLs at once through one shared connection pool: at most
``workers`` requests at a time and ``per_host`` to any one host, so a slow host only
delays its own pages. It honours ``Retry-After`` on 429 and 503 answers, and, given an
:class:`HttpCache`, asks with ``If-None-Match`` / ``If-Modified-Since`` for pages it has
seen, so a second run downloads only what changed. :func:`fetch` fetches one URL.

httpx errors are turned into :mod:`digest.errors` kinds here, at the boundary.
"""

from __future__ import annotations

import functools
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from digest import __version__
from digest.errors import (
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    RetryLaterError,
    TooLargeError,
)
from digest.inputs.deadlines import Deadlines
from digest.inputs.urls import netloc

if TYPE_CHECKING:
    import ssl

    import httpx

USER_AGENT = f"digest/{__version__} (terminal news digest; +https://pypi.org/project/digest/)"
"""Sent with every request: names the tool, as polite clients do."""

ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/feed+json,application/xml;q=0.9,text/plain;q=0.9,*/*;q=0.5"
)
"""The documents digest reads: pages, and the feeds that list them."""

CONNECT_TIMEOUT = 5.0
"""Seconds to wait for a connection."""
READ_TIMEOUT = 8.0
"""Seconds to wait for any bytes once connected."""
DEADLINE = 9.0
"""Seconds a whole response may take, however it trickles in."""
MAX_REDIRECTS = 5
"""Redirects followed before giving up."""
MAX_BYTES = 20 * 1024 * 1024
"""Largest response body accepted, once decompressed."""
WORKERS = 16
"""Requests a :class:`Fetcher` makes at once."""
PER_HOST = 2
"""Requests a :class:`Fetcher` makes at once to any one host."""
RETRY_AFTER_CAP = 10.0
"""Longest ``Retry-After`` waited out (once); a longer one fails the request at once."""
HOST_TIMEOUTS = 2
"""Timeouts in a row after which a host's other queued requests fail without being sent."""

_RETRY_STATUSES = frozenset({429, 503})

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched document."""

    url: str
    """The final URL, after redirects."""
    content: bytes
    content_type: str | None
    charset: str | None
    status: int = 200
    """The HTTP status: 200 (or another 2xx), or 304 when the body came from the cache."""
    etag: str | None = None
    """The ``ETag`` validator the server sent, for the next conditional request."""
    last_modified: str | None = None
    """The ``Last-Modified`` validator the server sent, for the next conditional request."""
    not_modified: bool = False
    """True when the server answered 304 and :attr:`content` is the cached copy."""


class HttpCache(Protocol):
    """Where a :class:`Fetcher` keeps responses, to ask only for what changed next time.

    Implementations must be thread-safe: the fetcher calls them from its worker threads.
    """

    def lookup(self, url: str) -> Response | None:
        """The response last stored for ``url`` (the URL as requested), or ``None``."""
        ...

    def store(self, url: str, response: Response) -> None:
        """Keep ``response`` for ``url``; one with ``not_modified`` confirms the stored copy."""
        ...


class MemoryCache:
    """An :class:`HttpCache` in a dict, for one process (tests, benchmarks)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._responses: dict[str, Response] = {}

    def lookup(self, url: str) -> Response | None:
        """The response last stored for ``url``, or ``None``."""
        with self._lock:
            return self._responses.get(url)

    def store(self, url: str, response: Response) -> None:
        """Keep ``response`` (as a fresh 200) for ``url``."""
        with self._lock:
            self._responses[url] = replace(response, status=200, not_modified=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._responses)


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The TLS settings of every fetcher in this process: httpx's own defaults (certifi's
    certificate authorities, or those ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` name), made once.

    Loading the certificate authorities costs about 40 ms of CPU, which httpx spends on each
    client it makes; the app makes a fetcher for each refresh, and a context is safe to share
    between clients and threads.
    """
    import httpx

    return httpx.create_ssl_context()


class Fetcher:
    """Fetches many URLs at once through one connection pool, politely and within limits.

    Requests wait in one queue per host and are started only when the host has a free
    slot, so a slow host never takes the workers other hosts need. Use it as a context
    manager, or call :meth:`close`.

    Args:
        cache: where responses are kept between runs; with one, pages already seen are
            asked for conditionally and a 304 gives the cached copy.
        workers: requests in flight at once (and threads that run ``then`` callbacks).
        per_host: requests in flight at once to one host (``host:port``).
        deadline: seconds a whole response may take (default :data:`DEADLINE`).
        max_bytes: largest body accepted, decompressed (default :data:`MAX_BYTES`).
        retry_after_cap: longest ``Retry-After`` waited out (default :data:`RETRY_AFTER_CAP`).
        offline: never use the network: answer from the cache alone, and fail for pages it
            does not hold.
    """

    def __init__(
        self,
        *,
        cache: HttpCache | None = None,
        workers: int = WORKERS,
        per_host: int = PER_HOST,
        deadline: float | None = None,
        max_bytes: int | None = None,
        retry_after_cap: float | None = None,
        offline: bool = False,
    ) -> None:
        # httpx costs ~100 ms to import; only runs that fetch pay for it.
        import httpx

        if workers < 1 or per_host < 1:
            raise ValueError("workers and per_host must be 1 or more")
        self._cache = cache
        self._offline = offline
        self._per_host = per_host
        # Read the module's limits now, not at import, so that tests can lower them.
        self._deadline = DEADLINE if deadline is None else deadline
        self._max_bytes = MAX_BYTES if max_bytes is None else max_bytes
        self._retry_after_cap = RETRY_AFTER_CAP if retry_after_cap is None else retry_after_cap
        self._read_timeout = READ_TIMEOUT
        self._max_redirects = MAX_REDIRECTS
        self._network = Deadlines()
        self._client = httpx.Client(
            verify=tls_context(),
            timeout=httpx.Timeout(connect=CONNECT_TIMEOUT, read=READ_TIMEOUT, write=5.0, pool=5.0),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": ACCEPT,
                "Accept-Language": "en;q=1.0, *;q=0.5",
                "Accept-Encoding": _accept_encoding(),
            },
            limits=httpx.Limits(max_connections=workers, max_keepalive_connections=workers),
        )
        self._network.serve(self._client)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="digest-fetch")
        self._lock = threading.Lock()
        self._queues: dict[str, deque[tuple[str, Callable[[Any], Any] | None, Future[Any]]]] = {}
        self._active: dict[str, int] = {}
        self._paused_until: dict[str, float] = {}
        self._timeouts: dict[str, int] = {}
        self._closed = False
        self._closing = threading.Event()
        """Set when the fetcher closes: wakes requests waiting out a ``Retry-After``."""

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Cancel queued requests, end those in flight at once and close the connections.

        Nothing is waited for: a request in flight fails with a :class:`FetchError` in its
        own thread (its socket is shut), and the worker threads end as soon as it has. So a
        run left early (``q``, Ctrl+C) is never held up by a slow server.
        """
        with self._lock:
            self._closed = True
            queued = [item for queue in self._queues.values() for item in queue]
            self._queues.clear()
        self._closing.set()
        for _, _, future in queued:
            future.cancel()
        self._network.abort()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._client.close()

    def fetch(self, url: str) -> Response:
        """Fetch ``url``, waiting for a slot on its host; blocks until done.

        Not to be called from a ``then`` callback of :meth:`submit` (it would wait on the
        worker it holds).

        Raises:
            FetchTimeoutError: no answer, or not all of it, in time.
            RetryLaterError: the server asks to be asked again later than we wait.
            HTTPStatusError: a 4xx or 5xx answer.
            TooLargeError: a body larger than the cap.
            FetchError: any other network failure (DNS, refused, TLS, too many redirects).
        """
        return self.submit(url).result()

    def submit(
        self, url: str, then: Callable[[Response | FetchError], T] | None = None
    ) -> Future[T]:
        """Queue ``url`` and return at once.

        Args:
            url: the http(s) URL.
            then: called in the worker thread once the host's slot is free again, with the
                response or the :class:`~digest.errors.FetchError` it gave; its result
                (or exception) becomes the future's. Without it the future gives the
                response or raises the error.

        Raises:
            RuntimeError: the fetcher is closed.
        """
        future: Future[T] = Future()
        host = _host(url)
        with self._lock:
            if self._closed:
                raise RuntimeError("the fetcher is closed")
            self._queues.setdefault(host, deque()).append((url, then, future))
            self._dispatch(host)
        return future

    def _dispatch(self, host: str) -> None:
        """Start queued requests for ``host`` while it has free slots (lock held)."""
        queue = self._queues.get(host)
        while queue and self._active.get(host, 0) < self._per_host:
            url, then, future = queue.popleft()
            if not future.set_running_or_notify_cancel():
                continue
            self._active[host] = self._active.get(host, 0) + 1
            self._pool.submit(self._run, host, url, then, future)
        if not queue:
            self._queues.pop(host, None)

    def _release(self, host: str) -> None:
        with self._lock:
            self._active[host] -= 1
            if not self._closed:
                self._dispatch(host)

    def _run(
        self,
        host: str,
        url: str,
        then: Callable[[Response | FetchError], Any] | None,
        future: Future[Any],
    ) -> None:
        try:
            try:
                result: Response | FetchError = self._get(host, url)
            except FetchError as err:
                result = err
            finally:
                self._release(host)
            if then is not None:
                value = then(result)
            elif isinstance(result, FetchError):
                raise result
            else:
                value = result
        except BaseException as err:
            # Unexpected errors are not swallowed: whoever waits on the future gets them.
            future.set_exception(err)
        else:
            future.set_result(value)

    def _get(self, host: str, url: str) -> Response:
        """One URL through the cache, the host's pause, and one retry when asked."""
        if self._timeouts.get(host, 0) >= HOST_TIMEOUTS:
            raise FetchTimeoutError(
                f"not tried: {host} did not answer the last {HOST_TIMEOUTS} requests in time"
            )
        cached = self._cache.lookup(url) if self._cache is not None else None
        if self._offline:
            if cached is None:
                raise FetchError("not in the library, and digest is offline")
            return replace(cached, status=304, not_modified=True)
        headers: dict[str, str] = {}
        if cached is not None:
            if cached.etag:
                headers["If-None-Match"] = cached.etag
            if cached.last_modified:
                headers["If-Modified-Since"] = cached.last_modified
        retried = False
        while True:
            self._wait_for(host)
            try:
                response = self._request(url, headers, cached)
            except FetchTimeoutError:
                with self._lock:
                    self._timeouts[host] = self._timeouts.get(host, 0) + 1
                raise
            except RetryLaterError as err:
                if retried or err.wait is None or err.wait > self._retry_after_cap:
                    self._answered(host)
                    raise
                retried = True
                with self._lock:
                    self._paused_until[host] = max(
                        self._paused_until.get(host, 0.0), time.monotonic() + err.wait
                    )
                continue
            except HTTPStatusError:
                self._answered(host)
                raise
            break
        self._answered(host)
        if self._cache is not None:
            self._cache.store(url, response)
        return response

    def _answered(self, host: str) -> None:
        """The host answered: its run of timeouts is over."""
        with self._lock:
            self._timeouts.pop(host, None)

    def _wait_for(self, host: str) -> None:
        """Sleep while the host asks us (``Retry-After``) to wait, or till the fetcher closes."""
        while (delay := self._paused_until.get(host, 0.0) - time.monotonic()) > 0:
            if self._closing.wait(delay):
                raise FetchError("not fetched: digest stopped")

    def _request(self, url: str, headers: dict[str, str], cached: Response | None) -> Response:
        import httpx

        started = time.monotonic()
        try:
            with (
                self._network.deadline(started + self._deadline),
                self._client.stream("GET", url, headers=headers) as response,
            ):
                status = response.status_code
                if status == 304 and cached is not None:
                    return replace(
                        cached,
                        status=304,
                        not_modified=True,
                        etag=response.headers.get("etag") or cached.etag,
                        last_modified=response.headers.get("last-modified") or cached.last_modified,
                    )
                reason = response.reason_phrase or "error"
                if status in _RETRY_STATUSES:
                    wait = _retry_after(response.headers.get("retry-after"))
                    later = f"; the server asks to retry in {_duration(wait)}" if wait else ""
                    raise RetryLaterError(f"HTTP {status} {reason}{later}", wait)
                if status >= 400 or status == 304:
                    raise HTTPStatusError(f"HTTP {status} {reason}")
                content = self._read_body(response, started)
                content_type = response.headers.get("content-type", "").split(";")[0]
                return Response(
                    url=str(response.url),
                    content=content,
                    content_type=content_type.strip().lower() or None,
                    charset=response.charset_encoding,
                    status=status,
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
        except httpx.TimeoutException as err:
            if time.monotonic() - started >= self._deadline:
                raise FetchTimeoutError(
                    f"server took more than {self._deadline:.0f} s to send the page"
                ) from err
            raise FetchTimeoutError(
                f"no answer from the server within {self._read_timeout:.0f} s"
            ) from err
        except httpx.TooManyRedirects as err:
            raise FetchError(f"more than {self._max_redirects} redirects") from err
        except httpx.UnsupportedProtocol as err:
            raise FetchError("unsupported URL scheme") from err
        except httpx.InvalidURL as err:
            raise FetchError(f"not a valid URL ({err})") from err
        except httpx.HTTPError as err:
            if self._closed:
                raise FetchError("not fetched: digest stopped") from err
            raise FetchError(_network_reason(err)) from err

    def _read_body(self, response: httpx.Response, started: float) -> bytes:
        """The body, decompressed within the size cap and the deadline."""
        limit = self._max_bytes
        too_large = f"response is larger than {limit // (1024 * 1024)} MB"
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise TooLargeError(too_large)
        decoder = _Decoder(response.headers.get("content-encoding", ""))
        chunks: list[bytes] = []
        size = 0
        for raw in response.iter_raw():
            chunk = decoder.decode(raw, limit - size)
            size += len(chunk)
            if size > limit:
                raise TooLargeError(too_large)
            chunks.append(chunk)
            if time.monotonic() - started > self._deadline:
                raise FetchTimeoutError(
                    f"server took more than {self._deadline:.0f} s to send the page"
                )
        chunks.append(decoder.flush())
        if size + len(chunks[-1]) > limit:
            raise TooLargeError(too_large)
        return b"".join(chunks)


def fetch(url: str, *, deadline: float = DEADLINE, max_bytes: int = MAX_BYTES) -> Response:
    """Fetch ``url`` and return its body (one request, no cache).

    Raises:
        FetchTimeoutError: no answer, or not all of it, in time.
        HTTPStatusError: a 4xx or 5xx answer.
        TooLargeError: a body larger than ``max_bytes``.
        FetchError: any other network failure (DNS, refused, TLS, too many redirects).
    """
    with Fetcher(workers=1, per_host=1, deadline=deadline, max_bytes=max_bytes) as fetcher:
        return fetcher.fetch(url)


def _host(url: str) -> str:
    """The politeness key of a URL: its ``host:port``."""
    return netloc(url).lower().rpartition("@")[2]


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date), if any."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        return None
    return max(0.0, moment.timestamp() - time.time())


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.0f} h"


def _network_reason(err: Exception) -> str:
    text = str(err).strip() or type(err).__name__
    lowered = text.lower()
    if "name or service not known" in lowered or "nodename nor servname" in lowered:
        return "host not found"
    if "connection refused" in lowered:
        return "connection refused"
    return text.splitlines()[0]


def _accept_encoding() -> str:
    """The content codings to offer: gzip and deflate, and br when brotli is installed."""
    try:
        import brotli  # type: ignore[import-untyped]  # noqa: F401 (only asks whether it is there)
    except ImportError:
        return "gzip, deflate"
    return "gzip, deflate, br"


class _Decoder:
    """Undoes the body's content coding, never making much more than it is allowed.

    httpx's own decoders inflate a whole network read in one step, so a few kilobytes of
    brotli can become gigabytes before any size check runs. Here each step is told how
    much output is left under the cap and stops just past it.
    """

    def __init__(self, header: str) -> None:
        parts = (part.strip().lower() for part in header.split(","))
        codings = [coding for coding in parts if coding and coding != "identity"]
        self._name = codings[0] if len(codings) == 1 else ", ".join(codings)
        self._zlib: Any = None
        self._brotli: Any = None
        self._raw_fallback = False
        if not codings:
            return
        if self._name in ("gzip", "x-gzip"):
            self._name = "gzip"
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif self._name == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
            self._raw_fallback = True
        elif self._name == "br":
            import brotli

            self._brotli = brotli
            self._zlib = brotli.Decompressor()
        else:
            raise FetchError(f"unsupported content encoding {self._name!r}")

    def decode(self, data: bytes, budget: int) -> bytes:
        """Decoded bytes of ``data``; more than ``budget`` only when the cap is passed."""
        if self._zlib is None or not data:
            return data
        limit = max(budget, 0) + 1
        if self._brotli is not None:
            try:
                out = self._zlib.process(data, output_buffer_limit=limit)
                while len(out) < limit and not self._zlib.can_accept_more_data():
                    out += self._zlib.process(b"", output_buffer_limit=limit - len(out))
            except self._brotli.error as err:
                raise FetchError("response is not valid brotli data") from err
            return bytes(out)
        try:
            # Output stops at ``limit`` bytes: then the body is past the cap.
            out = self._zlib.decompress(data, limit)
        except zlib.error as err:
            if not self._raw_fallback:
                raise FetchError(f"response is not valid {self._name} data") from err
            # A "deflate" body without the zlib header: raw deflate, as some servers send.
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            self._raw_fallback = False
            return self.decode(data, budget)
        self._raw_fallback = False
        return bytes(out)

    def flush(self) -> bytes:
        """What a zlib stream still holds once the body has ended."""
        if self._zlib is None or self._brotli is not None:
            return b""
        try:
            return bytes(self._zlib.flush())
        except zlib.error as err:
            raise FetchError(f"response is not valid {self._name} data") from err
