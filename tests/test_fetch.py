"""Fetching URLs from a local server: charsets, errors, limits and silent servers."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from digest.errors import FetchError, FetchTimeoutError, HTTPStatusError, TooLargeError
from digest.inputs.fetch import USER_AGENT, fetch
from tests.conftest import Route


def test_fetch_returns_body_final_url_and_charset(
    http_server: Callable[[dict[str, Route]], str],
) -> None:
    base = http_server(
        {
            "/old": (301, {"Location": "/story"}, b""),
            "/story": (
                200,
                {"Content-Type": "text/html; charset=windows-1252"},
                "café".encode("cp1252"),
            ),
        }
    )
    response = fetch(base + "/old")
    assert response.url == base + "/story"
    assert response.content_type == "text/html"
    assert response.charset == "windows-1252"
    assert response.content == "café".encode("cp1252")


def test_http_error_status_is_reported(http_server: Callable[[dict[str, Route]], str]) -> None:
    base = http_server({})
    with pytest.raises(HTTPStatusError, match="HTTP 404"):
        fetch(base + "/missing")


def test_redirect_loop_is_cut(http_server: Callable[[dict[str, Route]], str]) -> None:
    base = http_server({"/a": (302, {"Location": "/b"}, b""), "/b": (302, {"Location": "/a"}, b"")})
    with pytest.raises(FetchError, match="redirects"):
        fetch(base + "/a")


def test_oversized_response_is_refused(http_server: Callable[[dict[str, Route]], str]) -> None:
    base = http_server({"/big": (200, {"Content-Type": "text/html"}, b"x" * 5000)})
    with pytest.raises(TooLargeError):
        fetch(base + "/big", max_bytes=1000)


def test_server_that_never_answers_times_out(
    silent_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("digest.inputs.fetch.READ_TIMEOUT", 0.5)
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="no answer"):
        fetch(silent_server)
    assert time.monotonic() - started < 5


def test_user_agent_names_the_tool() -> None:
    assert USER_AGENT.startswith("digest/")
