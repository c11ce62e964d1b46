"""Fetching one URL over HTTP(S), within firm limits.

A server that never answers, answers slowly byte by byte, redirects forever or sends a
gigabyte must not hold up the digest: every request has a connect and read timeout, an
overall deadline, a redirect limit and a cap on the body size. httpx errors are turned
into :mod:`digest.errors` kinds here, at the boundary.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from digest import __version__
from digest.errors import FetchError, FetchTimeoutError, HTTPStatusError, TooLargeError

USER_AGENT = f"digest/{__version__} (terminal news digest; +https://pypi.org/project/digest/)"
"""Sent with every request: names the tool, as polite clients do."""

CONNECT_TIMEOUT = 5.0
"""Seconds to wait for a connection."""
READ_TIMEOUT = 8.0
"""Seconds to wait for any bytes once connected."""
DEADLINE = 9.0
"""Seconds a whole response may take, however it trickles in."""
MAX_REDIRECTS = 5
"""Redirects followed before giving up."""
MAX_BYTES = 20 * 1024 * 1024
"""Largest response body accepted."""


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched document."""

    url: str
    """The final URL, after redirects."""
    content: bytes
    content_type: str | None
    charset: str | None


def fetch(url: str, *, deadline: float = DEADLINE, max_bytes: int = MAX_BYTES) -> Response:
    """Fetch ``url`` and return its body.

    Raises:
        FetchTimeoutError: no answer, or not all of it, in time.
        HTTPStatusError: a 4xx or 5xx answer.
        TooLargeError: a body larger than ``max_bytes``.
        FetchError: any other network failure (DNS, refused, TLS, too many redirects).
    """
    # httpx costs ~100 ms to import; only URL inputs pay for it.
    import httpx

    timeout = httpx.Timeout(connect=CONNECT_TIMEOUT, read=READ_TIMEOUT, write=5.0, pool=5.0)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Language": "en;q=1.0, *;q=0.5",
    }
    started = time.monotonic()
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers=headers,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise HTTPStatusError(f"HTTP {response.status_code} {reason}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise TooLargeError(f"response is larger than {max_bytes // (1024 * 1024)} MB")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise TooLargeError(f"response is larger than {max_bytes // (1024 * 1024)} MB")
                if time.monotonic() - started > deadline:
                    raise FetchTimeoutError(f"server took more than {deadline:.0f} s to send the page")
                chunks.append(chunk)
            content_type = response.headers.get("content-type")
            return Response(
                url=str(response.url),
                content=b"".join(chunks),
                content_type=content_type.split(";")[0].strip().lower() if content_type else None,
                charset=response.charset_encoding,
            )
    except httpx.TimeoutException as err:
        raise FetchTimeoutError(f"no answer from the server within {READ_TIMEOUT:.0f} s") from err
    except httpx.TooManyRedirects as err:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects") from err
    except httpx.UnsupportedProtocol as err:
        raise FetchError("unsupported URL scheme") from err
    except httpx.HTTPError as err:
        raise FetchError(_network_reason(err)) from err


def _network_reason(err: Exception) -> str:
    text = str(err).strip() or type(err).__name__
    lowered = text.lower()
    if "name or service not known" in lowered or "nodename nor servname" in lowered:
        return "host not found"
    if "connection refused" in lowered:
        return "connection refused"
    return text.splitlines()[0]
