"""Shared fixtures: paths to the shipped seeds and a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import functools
import gc
import http.server
import itertools
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from digest.models import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TEXT = SEEDS / "000_31bcbe470fa26f0d.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

Route = tuple[int, dict[str, str], bytes]


async def wait_for_digest(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let the app's digest screen read every input (at most 60 s: a loaded machine with a
    worker more than cores reads 46 documents slowly), then settle."""
    screen = pilot.app.screen
    deadline = time.monotonic() + 60
    while not getattr(screen, "done", False) and time.monotonic() < deadline:
        await pilot.pause(0.05)
    await pilot.pause()


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: without xdist, not called
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: half as many workers again as cores (3 on 2 cores).

    A worker often waits: for a command it started, a local server, the app between two
    key presses. A worker more than cores takes the time they leave: on 2 cores the suite
    took about 85 % of the time it takes with 2 workers, for the same CPU time.
    ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still sets the number.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # pytest-xdist's own answer: that number
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return cores + max(1, cores // 2)


SLOW_FIRST = (
    "test_library_cli.py",
    "test_readers.py",
    "test_terminal.py",
    "test_feeds.py",
    "test_ui_flow.py",
    "test_ui.py",
    "test_hostile.py",
    "test_snapshots.py",
    "test_ui_library.py",
    "test_cli.py",
    "test_store.py",
)
"""Modules whose tests start processes, servers or the app: most of the suite's time in a
few hundred tests, the longest first."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the slow modules first: the workers (``-n auto --dist worksteal``) share the
    short tests out at the end, instead of one waiting while the other runs a long one."""
    rank = {name: place for place, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Collect garbage less often in a test process: what the tests check is unchanged.

    The app's tests allocate many short-lived objects (Textual's widgets and styles) beside
    the long-lived ones of pytest, the test modules and the data digest loads; with Python's
    default thresholds a full collection, which walks all of them, ran about once a test and
    took a fifth of the app tests' time. What is alive once the tests are collected is never
    garbage: frozen, no collection walks it again. A young generation of 20,000 objects (not
    2,000) lets most of a key press's objects die before a collection looks at them: the app's
    tests spent 1.9 s of CPU in collections, 1.2 s so.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)


def pytest_sessionfinish() -> None:
    """Collect garbage once at the end of a test process, then set what is left aside.

    pytest collects five times over at the end, to run the finalizers of whatever garbage is
    left and report an exception one of them raises; in a test process of the app's tests the
    heap is large and each collection walked all of it again (about a second a process, at the
    very end of the run). One collection runs the same finalizers, whose exceptions pytest
    still reports; what survives it is alive, and frozen, the five walk nothing.
    """
    gc.collect()
    gc.freeze()


def stored_ids(path: Path) -> set[str]:
    """The ids of the articles a library file holds now (read-only: a run may be writing it)."""
    if not path.exists():
        return set()
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            return {row[0] for row in db.execute("SELECT id FROM articles")}
    except sqlite3.OperationalError:  # the library is being created
        return set()


def wait_until_stored(
    path: Path, count: int, process: subprocess.Popen[str] | subprocess.Popen[bytes]
) -> set[str]:
    """Wait (at most 60 s, or until ``process`` ends) until the library at ``path`` holds
    ``count`` articles; returns their ids (fewer when it never did)."""
    stored: set[str] = set()
    deadline = time.monotonic() + 60
    while len(stored) < count and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        stored = stored_ids(path)
    return stored


_HOMES = itertools.count()
"""Numbers the home folders of this test process's tests."""


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Config and data folders of the user are never touched by a test, on any platform.

    digest's own variables name the folders (platformdirs would ignore ``XDG_*`` on macOS
    and Windows); subprocesses inherit them. A test of the platform's folders sets its own.
    """
    # A fresh path under the test process's temporary folder, made only when digest writes
    # there (it makes the folders it needs): ``mktemp`` would make a folder a test, and find
    # its number by listing all the folders made before it, a cost that grew with every test.
    home = tmp_path_factory.getbasetemp() / "homes" / str(next(_HOMES))
    monkeypatch.setenv("DIGEST_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("DIGEST_DATA_DIR", str(home / "data"))


@pytest.fixture(autouse=True)
def _read_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command run in-process reads in this process (``--jobs 1``) unless a test asks for
    processes: tests/test_readers.py checks that they print the same. A monkeypatched reading
    function holds only here, and a pool started for a run of a few documents costs a test
    more than it reads."""
    import digest.readers

    monkeypatch.setattr(digest.readers, "default_jobs", lambda: 1)


_READ: dict[tuple[object, ...], Article] = {}
"""Articles read so far in this test process, by the arguments that read them."""


@functools.cache
def _real_read_article() -> Callable[..., Article]:
    """digest's own ``read_article`` (looked up once, before :func:`seeds_read_once` patches it)."""
    from digest import reading

    return reading.read_article


def _read_key(data: str | bytes, url: str | None, options: dict[str, object]) -> tuple[object, ...]:
    """What an article is kept under in :data:`_READ`: the arguments that read it but the
    input's name, which only names it (``seeds/a.html`` and ``/home/u/digest/seeds/a.html``
    are one document)."""
    return (data, url, *sorted((k, v) for k, v in options.items() if k != "input"))


def _named(article: Article, options: dict[str, object]) -> Article:
    """``article`` named by the input that asked for it, as ``read_article`` names it."""
    from digest.text import sanitize

    name = sanitize.name(str(options.get("input", "-")))
    return article if article.input == name else dataclasses.replace(article, input=name)


def read_once(data: str | bytes, url: str | None = None, **options: object) -> Article:
    """``read_article``, each document once per test process: an article is immutable, so
    handing the same one to every test that reads it changes nothing they can see."""
    key = _read_key(data, url, options)
    if key not in _READ:
        _READ[key] = _real_read_article()(data, url, **options)
    return _named(_READ[key], options)


def _read_and_keep(data: str | bytes, url: str | None = None, **options: object) -> Article:
    """``read_article``, reading anew; the article is kept for :func:`read_once`."""
    article = _real_read_article()(data, url, **options)
    _READ[_read_key(data, url, options)] = article
    return article


def keep_reads(patch: pytest.MonkeyPatch) -> None:
    """From now on (until ``patch`` is undone) digest reads every document anew, and keeps
    the article for :func:`read_once`: a later test of this process that reads the same
    documents with :func:`seeds_read_once` is handed them."""
    from digest import reading

    _real_read_article()  # before the patch below, which it must not find
    patch.setattr(reading, "read_article", _read_and_keep)


@pytest.fixture
def seeds_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read each document once per test process (:func:`read_once`): the app's tests are
    about the app, and each reading the seeds anew through extraction and facts was most of
    their time."""
    from digest import reading

    _real_read_article()  # before the patch below, which it must not find
    monkeypatch.setattr(reading, "read_article", read_once)


@pytest.fixture
def http_server() -> Iterator[Callable[[dict[str, Route]], str]]:
    """Serve fixed responses on 127.0.0.1; returns a function that takes routes and gives the base URL."""
    sites: list[Site] = []

    def start(routes: dict[str, Route]) -> str:
        sites.append(Site(dict(routes)))
        return sites[-1].base

    yield start
    for site in sites:
        site.close()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server on 127.0.0.1 that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
                accepted.append(conn)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/story"
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()


@dataclass(frozen=True, slots=True)
class Seen:
    """A request as the local site saw it."""

    path: str
    headers: dict[str, str]
    """Header names in lower case."""


NOT_FOUND: Route = (404, {"Content-Type": "text/plain"}, b"not found")

Handler = Callable[[Seen], Route]
"""A route that answers each request by looking at it."""


class QuietServer(http.server.ThreadingHTTPServer):
    """A threading HTTP server that says nothing when a client hangs up on it.

    A client that gives up (a timeout under test, a run cut short) resets its connection;
    socketserver printed that to standard error from the server's thread, into the output of
    whichever test was running then, which failed a test that checks its standard error.
    """

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class Site:
    """A server on 127.0.0.1 whose routes are fixed responses or handlers; it logs requests.

    ``in_flight`` counts requests being answered at once; ``most_in_flight`` is its high
    mark, to check a client's per-host limit.
    """

    def __init__(self, routes: dict[str, Route | Handler]) -> None:
        self.routes = routes
        self.log: list[Seen] = []
        self.statuses: list[int] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self._lock = threading.Lock()
        site = self

        class RequestHandler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (the http.server API)
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                with site._lock:
                    site.log.append(seen)
                    site.in_flight += 1
                    site.most_in_flight = max(site.most_in_flight, site.in_flight)
                status, headers, body = 500, {}, b"handler failed"
                try:
                    route = site.routes.get(self.path, NOT_FOUND)
                    status, headers, body = route(seen) if callable(route) else route
                finally:
                    with site._lock:
                        site.in_flight -= 1
                        site.statuses.append(status)
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (a timeout under test): nothing to answer

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = QuietServer(("127.0.0.1", 0), RequestHandler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def requests_to(self, path: str) -> list[Seen]:
        """The requests made for ``path``."""
        with self._lock:
            return [seen for seen in self.log if seen.path == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def local_site() -> Iterator[Callable[[dict[str, Route | Handler]], Site]]:
    """Start :class:`Site` servers on 127.0.0.1 (one host:port each); they stop after the test."""
    sites: list[Site] = []

    def start(routes: dict[str, Route | Handler]) -> Site:
        sites.append(Site(routes))
        return sites[-1]

    yield start
    for site in sites:
        site.close()
