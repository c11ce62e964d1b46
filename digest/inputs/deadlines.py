"""Deadlines for every request: httpcore's network backend, made to give up on time.

A page's deadline covers connecting, the TLS handshake, the status line, the headers and the
body. httpx's timeouts count each read alone, so a server dripping a byte every few seconds
never trips them; the connections are made through :class:`Deadlines` instead, which gives
each request's socket operations only what is left of its deadline, and can shut them all
at once (:meth:`Deadlines.abort`) when a batch is stopped.
"""

from __future__ import annotations

import socket
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx


class Deadlines:
    """httpcore's network backend with a deadline per request and a switch that ends them all.

    httpx has no argument for httpcore's network backend; :meth:`serve` gives this one to the
    connection pools a client has made (the one for direct connections and those for
    proxies). Each request's thread sets its deadline (:meth:`deadline`); every connect,
    TLS handshake, read and write of that thread then waits only for what is left of it,
    and raises httpcore's timeout once it has passed. :meth:`abort` shuts every socket
    still open, so that threads blocked in a read return at once.
    """

    def __init__(self) -> None:
        import httpcore

        self._inner = httpcore.SyncBackend()
        self._local = threading.local()
        self._lock = threading.Lock()
        self._streams: weakref.WeakSet[DeadlineStream] = weakref.WeakSet()
        self._aborted = False

    def serve(self, client: httpx.Client) -> None:
        """Make ``client``'s connections through this backend.

        Raises:
            RuntimeError: the client keeps its pools where this httpx or httpcore no longer
                does (a new version): better to stop than to fetch without a deadline.
        """
        # Private attributes: httpx builds one httpcore pool per transport and offers no way
        # to choose its network backend (tests/test_fetcher.py checks that the deadline holds).
        transports = [client._transport, *client._mounts.values()]
        for transport in transports:
            pool = getattr(transport, "_pool", None)
            if transport is not None and not hasattr(pool, "_network_backend"):
                raise RuntimeError("this httpx does not keep an httpcore pool where digest expects")
            if pool is not None:
                pool._network_backend = self

    @contextmanager
    def deadline(self, at: float) -> Iterator[None]:
        """Within the block, this thread's connections wait at most until ``at`` (monotonic)."""
        self._local.at = at
        try:
            yield
        finally:
            self._local.at = None

    def timeout(self, timeout: float | None, expired: type[Exception]) -> float | None:
        """The timeout for one operation: ``timeout``, or less if the deadline is nearer.

        Raises:
            expired: the deadline has passed.
            httpcore.ReadError: the backend was aborted.
        """
        if self._aborted:
            import httpcore

            raise httpcore.ReadError("the fetcher was closed")
        at: float | None = getattr(self._local, "at", None)
        if at is None:
            return timeout
        left = at - time.monotonic()
        if left <= 0:
            raise expired("the request's deadline has passed")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> DeadlineStream:
        import httpcore

        inner = self._inner.connect_tcp(
            host,
            port,
            self.timeout(timeout, httpcore.ConnectTimeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return self.watch(inner)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> DeadlineStream:
        import httpcore

        inner = self._inner.connect_unix_socket(
            path, self.timeout(timeout, httpcore.ConnectTimeout), socket_options=socket_options
        )
        return self.watch(inner)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)

    def watch(self, inner: Any) -> DeadlineStream:
        """``inner`` (an httpcore stream) under this backend's deadlines, shut by :meth:`abort`."""
        stream = DeadlineStream(inner, self)
        with self._lock:
            self._streams.add(stream)
            aborted = self._aborted
        if aborted:
            stream.shut()
        return stream

    def abort(self) -> None:
        """Shut every open connection and refuse new ones: their threads return at once."""
        with self._lock:
            self._aborted = True
            streams = list(self._streams)
        for stream in streams:
            stream.shut()


class DeadlineStream:
    """An httpcore network stream whose every operation keeps to its request's deadline."""

    def __init__(self, inner: Any, backend: Deadlines) -> None:
        self._inner = inner
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        import httpcore

        data: bytes = self._inner.read(
            max_bytes, self._backend.timeout(timeout, httpcore.ReadTimeout)
        )
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        import httpcore

        self._inner.write(buffer, self._backend.timeout(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> DeadlineStream:
        import httpcore

        inner = self._inner.start_tls(
            ssl_context, server_hostname, self._backend.timeout(timeout, httpcore.ConnectTimeout)
        )
        return self._backend.watch(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)

    def shut(self) -> None:
        """Shut the socket both ways: a thread blocked reading it returns at once."""
        sock = self._inner.get_extra_info("socket")
        if sock is None:
            return
        # socket.socket's own shutdown, also for an SSLSocket: its override would drop the TLS
        # object under the thread that is reading. An error: already closed, nothing to wake.
        with suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
