"""The chain from inputs to a digest: read or fetch, then read each document into an article.

    sources -> fetch -> (feeds -> entries -> fetch) -> reading (extract, facts, summary) -> Digest

:func:`iter_digest` and :func:`build_digest` do a whole batch, collecting failures beside
the articles instead of stopping at the first; each document is read by
:mod:`digest.reading`.

In a batch, a source whose content is a feed (RSS, Atom, JSON Feed) stands for its
entries: each entry's page is fetched and read, and when the page cannot be had or holds
no article, the entry's own text from the feed is read instead (warning
``feed-content``). An OPML file stands for the feeds it lists. Pages are fetched through
one shared :class:`~digest.inputs.fetch.Fetcher`: a bounded number at once, a few per host.

Given a :class:`~digest.readers.ReaderPool`, documents are read (extracted, their facts
found, summarised) in its worker processes, one a core, and the results still come in the
order of the inputs; without one, in this process. :func:`distinct` drops an article given
twice (the same page at two URLs, the same file saved twice), as a run does.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeAlias

from digest.errors import FetchError, InputError
from digest.inputs.sources import Source, expand, read_file, read_stdin
from digest.models import Article, Digest, InputFailure
from digest.reading import DEFAULT_SENTENCES, failure_reason, read_document, read_entry
from digest.text import sanitize

if TYPE_CHECKING:
    from digest.inputs.feeds import Entry, Feed
    from digest.inputs.fetch import Fetcher, Response
    from digest.readers import ReaderPool

READING_AT_ONCE = (os.cpu_count() or 1) + 1
"""Threads that read (extract) fetched documents. Extraction is CPU-bound and mostly holds the
GIL, so more would not read faster; fetching threads hand documents over to these, and wait
while twice this many are waiting to be read, so that fast fetching never piles up pages in
memory (and only a few threads ever hold parsed pages)."""

POOL_START = 6
"""What starting the reading processes costs, in documents this process reads meanwhile. On
two cores, seven saved pages took 1.23-1.41 s read here and 1.54-1.65 s with two processes
(and twice the CPU), fourteen about the same either way, 29 and 39 a fifth less with two."""


def pool_from(jobs: int) -> int:
    """Documents a batch must have before it starts ``jobs`` reading processes: they pay once
    reading the documents one at a time takes longer than starting them and reading ``jobs``
    at a time (12 documents for two processes, 8 for four). Fewer are read here, sooner."""
    return -(-POOL_START * jobs // (jobs - 1))  # rounded up


Progress = Callable[[int, int], None]
"""Called with (items done, items known) as a batch goes; feeds make the total grow."""

Known = Callable[[str], Article | None]
"""The article an earlier run read for an input name, if kept (the library's)."""


Inputs: TypeAlias = "Sequence[str | os.PathLike[str]]"
"""What a batch reads: paths, folders, URLs and ``-``, as a list (or another sequence)."""


def iter_digest(
    inputs: Inputs,
    *,
    sentences: int = DEFAULT_SENTENCES,
    fetcher: Fetcher | Callable[[], Fetcher] | None = None,
    progress: Progress | None = None,
    known: Known | None = None,
    stop: Stop | None = None,
    readers: ReaderPool | None = None,
) -> Iterator[Article | InputFailure]:
    """Yield an article or a failure for every input, in the order the inputs were given.

    Failures to find an input (a missing path, an empty folder) come first. A feed yields
    its entries in feed order, an OPML file the entries of its feeds. URLs, feed entries and
    the feeds of OPML files are fetched by the fetcher's threads, all at once within its
    limits, and read by :data:`READING_AT_ONCE` reader threads; files and standard input
    are read in this thread when their turn comes.

    Args:
        inputs: paths, folders, URLs, ``-``.
        sentences: summary sentences per article.
        fetcher: the fetcher to use (and leave open), or a function that makes one when the
            batch first needs it (the batch then closes it); by default a plain
            :class:`~digest.inputs.fetch.Fetcher` is made when needed.
        progress: called from worker threads with (done, total) as items finish.
        known: gives the article an earlier run read for an input name (a URL, or
            ``feed#entry``), if kept; used instead of reading a page again when the server
            says it has not changed (HTTP 304).
        stop: when called (from any thread), the batch ends at once: see :class:`Stop`.
        readers: worker processes to read documents in (and leave open); by default they
            are read in this process.

    Raises:
        TypeError: ``inputs`` is a single str or bytes (it would be read one character at a
            time), or holds something that is neither a str nor a path.
    """
    # Checked now, not when the first item is asked for: a str is refused at the call.
    sources, failures = expand(input_names(inputs))
    batch = _Batch(sentences, fetcher, progress, known, stop, readers)
    return batch.run(sources, failures)


def distinct(items: Iterable[Article | InputFailure]) -> Iterator[Article | InputFailure]:
    """The items without an article given before: one with the same id (the same canonical
    URL, or with none the same headline and first paragraph) or the same headline and text
    (the same page at two URLs, or saved twice). The first one given is kept."""
    seen: set[object] = set()
    for item in items:
        if isinstance(item, Article):
            keys = (item.id, (item.title.strip().casefold(), item.paragraphs))
            if any(key in seen for key in keys):
                continue
            seen.update(keys)
        yield item


def input_names(inputs: Inputs) -> list[str]:
    """The inputs of a batch as strings: each path as the OS names it (``os.fspath``).

    Raises:
        TypeError: ``inputs`` is a str or bytes rather than a list of them, or an item is
            neither a str nor an ``os.PathLike``.
    """
    if isinstance(inputs, (str, bytes, bytearray)):
        raise TypeError(
            f"inputs must be a list of paths, folders or URLs, not a {type(inputs).__name__}:"
            f" write [{inputs!r}]"
        )
    names: list[str] = []
    for item in inputs:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, os.PathLike):
            names.append(os.fsdecode(os.fspath(item)))
        else:
            raise TypeError(
                f"each input must be a str or an os.PathLike, not a {type(item).__name__}: {item!r}"
            )
    return names


def build_digest(
    inputs: Inputs,
    *,
    sentences: int = DEFAULT_SENTENCES,
    fetcher: Fetcher | Callable[[], Fetcher] | None = None,
    progress: Progress | None = None,
) -> Digest:
    """Read every input and collect the articles and the failures into one digest.

    Raises:
        TypeError: ``inputs`` is a single str or bytes: pass a list (``["seeds/"]``).
    """
    items = iter_digest(inputs, sentences=sentences, fetcher=fetcher, progress=progress)
    return make_digest(items)


def make_digest(items: Iterable[Article | InputFailure]) -> Digest:
    """The digest of these results: articles and failures apart, articles grouped in stories."""
    from digest.stories import group

    articles: list[Article] = []
    errors: list[InputFailure] = []
    for item in items:
        if isinstance(item, Article):
            articles.append(item)
        else:
            errors.append(item)
    return Digest(
        generated=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        articles=tuple(articles),
        errors=tuple(errors),
        stories=tuple(group(articles)),
    )


class Stop:
    """Ends a batch from another thread (the app's ``q``): what was read so far stays read.

    Once :meth:`__call__` is called, the batch yields nothing more, its requests in flight
    are ended and its threads are not waited for.
    """

    def __init__(self) -> None:
        self.future: Future[None] = Future()
        """Done once stopped: the batch waits on it beside the results it waits for."""
        self._lock = threading.Lock()

    def __call__(self) -> None:
        """Stop the batch (more than once is harmless)."""
        with self._lock:
            if not self.future.done():
                self.future.set_result(None)

    @property
    def stopped(self) -> bool:
        return self.future.done()


class _Pending:
    """A document being read in a worker process, or read here if the process cannot."""

    def __init__(
        self,
        future: Future[Article | InputFailure],
        again: Callable[[], Article | InputFailure],
        readers: ReaderPool,
    ) -> None:
        self.future = future
        self.again = again
        self.readers = readers

    def result(self) -> Article | InputFailure:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.future.result()
        except BrokenProcessPool as err:  # a worker died: this one is read here
            self.readers.broken(err)
            return self.again()


if TYPE_CHECKING:
    # A result, a local source read when its turn comes, results still being fetched, a
    # document being read in a worker process, or the results of a local source read ahead.
    _Node: TypeAlias = (
        Article | InputFailure | Source | Future[list["_Node"]] | _Pending | list["_Node"]
    )


class _Batch:
    """One run over many sources: the shared fetcher, the results tree and the progress."""

    def __init__(
        self,
        sentences: int,
        fetcher: Fetcher | Callable[[], Fetcher] | None,
        progress: Progress | None,
        known: Known | None = None,
        stop: Stop | None = None,
        readers: ReaderPool | None = None,
    ) -> None:
        self._sentences = sentences
        self._known = known
        self._stop = stop
        self._pool = readers
        jobs = readers.jobs if readers is not None else 1
        self._ahead = 2 * jobs + 2
        """Documents handed to the worker processes and not yet taken, at most: local files
        are read this far ahead, and fetching threads wait while this many are out."""
        self._in_workers = threading.BoundedSemaphore(self._ahead)
        self._in_pool: list[Future[Article | InputFailure]] = []
        # A Fetcher is not callable; a factory (or None) makes one only when a URL needs it.
        self._make = fetcher if callable(fetcher) else None
        self._fetcher: Fetcher | None = None if callable(fetcher) else fetcher
        self._owns_fetcher = self._fetcher is None
        self._progress = progress
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._futures: list[Future[list[_Node]]] = []
        self._readers: ThreadPoolExecutor | None = None
        self._closed = False
        self._waiting = threading.BoundedSemaphore(2 * READING_AT_ONCE)

    def run(
        self, sources: Sequence[Source], failures: Sequence[InputFailure]
    ) -> Iterator[Article | InputFailure]:
        self._grow(len(sources) + len(failures))
        finished = False
        try:
            for failure in failures:
                yield self._finish(failure)
            nodes: list[_Node] = [
                self._start_url(s, depth=0) if s.kind == "url" else s for s in sources
            ]
            yield from self._drain(nodes)
            finished = not self._stopped()
        finally:
            # Left early (stopped, Ctrl+C, the caller stopped iterating): nothing still
            # running is waited for.
            self._close(abandon=not finished)

    def _stopped(self) -> bool:
        return self._stop is not None and self._stop.stopped

    def _drain(self, nodes: list[_Node]) -> Iterator[Article | InputFailure]:
        nodes = list(nodes)
        for index, node in enumerate(nodes):
            if self._stopped():
                return
            if self._pool is not None and self._pool.usable:
                # Local files are handed to the worker processes ahead of their turn; the
                # first goes alone, so that no other worker slows down the first result.
                reach = self._ahead if self._done else 1
                for ahead in range(index, min(len(nodes), index + reach)):
                    waiting = nodes[ahead]
                    if isinstance(waiting, Source):
                        nodes[ahead] = self._local(waiting)
                node = nodes[index]
            if isinstance(node, Future):
                yield from self._drain(self._result(node))
            elif isinstance(node, Source):
                yield from self._drain(self._local(node))
            elif isinstance(node, list):
                yield from self._drain(node)
            elif isinstance(node, _Pending):
                if self._stop is not None and not self._done_before_stop(node.future):
                    return
                yield self._finish(node.result())
            else:
                yield node

    def _done_before_stop(self, future: Future[Any]) -> bool:
        """Wait for ``future`` or the batch's stop; whether ``future`` is done."""
        if self._stop is not None:
            waited: list[Future[Any]] = [future, self._stop.future]
            wait(waited, return_when=FIRST_COMPLETED)
        return future.done()

    def _result(self, future: Future[list[_Node]]) -> list[_Node]:
        """What ``future`` gives, or nothing if the batch is stopped before it is done."""
        if self._stop is not None and not self._done_before_stop(future):
            return []
        return future.result()

    def _close(self, *, abandon: bool = False) -> None:
        with self._lock:
            self._closed = True
        for future in self._futures:
            future.cancel()  # only those not started: the batch was left before its end
        for pending in self._in_pool:
            pending.cancel()  # the same in the worker processes (the pool is the caller's)
        if self._owns_fetcher and self._fetcher is not None:
            self._fetcher.close()  # ends requests in flight at once
        if self._readers is not None:
            # An abandoned batch leaves the documents being read to finish on their own.
            self._readers.shutdown(wait=not abandon, cancel_futures=True)

    def _grow(self, more: int) -> None:
        with self._lock:
            self._total += more
            if self._progress is not None and more:
                self._progress(self._done, self._total)
        self._launch_pool()

    def _launch_pool(self) -> None:
        """Start the reading processes once there is enough to read (an early pool, the
        app's, is started already)."""
        pool = self._pool
        if pool is not None and self._total >= pool_from(pool.jobs):
            pool.launch()

    def _finish(self, item: Article | InputFailure) -> Article | InputFailure:
        with self._lock:
            self._done += 1
            if self._progress is not None:
                self._progress(self._done, self._total)
        return item

    def _get_fetcher(self) -> Fetcher:
        with self._lock:
            if self._fetcher is None:
                from digest.inputs.fetch import Fetcher

                self._fetcher = self._make() if self._make is not None else Fetcher()
            return self._fetcher

    def _submit(self, url: str, then: Callable[[Response | FetchError], list[_Node]]) -> _Node:
        future = self._get_fetcher().submit(url, then)
        self._futures.append(future)
        return future

    def _hand_over(self, read: Callable[[], list[_Node]]) -> list[_Node]:
        """From a fetching thread: queue ``read`` for a reader, waiting while readers are behind."""
        with self._lock:
            if self._closed:  # a shared fetcher finishing a request of a batch already left
                raise RuntimeError("the batch is closed")
            if self._readers is None:
                self._readers = ThreadPoolExecutor(READING_AT_ONCE, thread_name_prefix="digest-rd")
            readers = self._readers
        # Waits while readers are behind, but not past the batch's end: readers cancelled
        # then would never make room.
        while not self._waiting.acquire(timeout=0.25):
            if self._closed:
                raise RuntimeError("the batch is closed")

        def run() -> list[_Node]:
            try:
                return read()
            finally:
                self._waiting.release()

        try:
            return [readers.submit(run)]
        except RuntimeError:  # the batch is closing: nobody waits for this any more
            self._waiting.release()
            raise

    def _in_worker(
        self, function: Callable[..., Article | InputFailure], *args: object
    ) -> _Pending | None:
        """Hand ``function(*args)`` to a worker process; ``None`` when there is none to take it."""
        readers = self._pool
        if readers is None or not readers.usable:
            return None
        # Waits while the workers are behind, but not past the batch's end.
        while not self._in_workers.acquire(timeout=0.25):
            if self._closed:
                return None
        future = readers.submit(function, *args)
        if future is None:
            self._in_workers.release()
            return None
        future.add_done_callback(lambda _: self._in_workers.release())
        self._in_pool.append(future)
        return _Pending(future, lambda: function(*args), readers)

    def _start_url(self, source: Source, depth: int) -> _Node:
        def then(result: Response | FetchError) -> list[_Node]:
            if isinstance(result, FetchError):
                return [self._finish(InputFailure(source.name, str(result)))]
            if (kept := self._unchanged(source.name, result)) is not None:
                return [self._finish(kept)]
            return self._hand_over(
                lambda: self._document(source, result.content, result.url, result.charset, depth)
            )

        return self._submit(source.location, then)

    def _local(self, source: Source) -> list[_Node]:
        if self._stopped():
            return []
        try:
            data = read_stdin() if source.kind == "stdin" else read_file(source.location)
        except InputError as err:
            return [self._finish(InputFailure(source.name, str(err)))]
        return self._document(source, data, None, None, depth=0)

    def _document(
        self, source: Source, data: bytes, url: str | None, charset: str | None, depth: int
    ) -> list[_Node]:
        """The results of one document: an article, or a feed's entries, or OPML's feeds."""
        from digest.inputs.feeds import MAX_OPML_FEEDS, detect, parse_feed, parse_opml

        try:
            kind = detect(data)
            if kind == "opml":
                if depth:
                    raise InputError("an OPML file listed in an OPML file is not followed")
                listed = parse_opml(data)
                feeds, left = listed[:MAX_OPML_FEEDS], len(listed) - MAX_OPML_FEEDS
                self._grow(len(feeds) - 1 + (left > 0))
                nodes = [self._start_url(Source(u, "url", u), depth + 1) for u in feeds]
                if left > 0:
                    reason = (
                        f"{left} more feeds left out: digest reads the first"
                        f" {MAX_OPML_FEEDS} feeds of an OPML file"
                    )
                    nodes.append(self._finish(InputFailure(source.name, reason)))
                return nodes
            if kind is not None:
                feed = parse_feed(data, url)
                if not feed.entries:
                    raise InputError("feed has no entries")
                self._grow(len(feed.entries) - 1)
                return [self._start_entry(source.name, feed, entry) for entry in feed.entries]
        except Exception as err:  # this input fails, the others go on
            return [self._finish(InputFailure(source.name, failure_reason(err)))]
        args = (data, url, charset, source.name, self._sentences)
        pending = self._in_worker(read_document, *args)
        return [pending if pending is not None else self._finish(read_document(*args))]

    def _start_entry(self, feed_name: str, feed: Feed, entry: Entry) -> _Node:
        name = sanitize.name(f"{feed_name}#{entry.id}")
        if entry.link:  # an http(s) URL that may be fetched (digest.inputs.feeds keeps no other)

            def then(result: Response | FetchError) -> list[_Node]:
                if (kept := self._unchanged(name, result)) is not None:
                    return [self._finish(kept)]
                return self._hand_over(lambda: [self._entry(name, feed, entry, result)])

            return self._submit(entry.link, then)
        return self._entry(name, feed, entry, FetchError("the entry links to no web page"))

    def _unchanged(self, name: str, result: Response | FetchError) -> Article | None:
        """The article read last time for ``name``, when its page has not changed since."""
        if self._known is None or isinstance(result, FetchError) or not result.not_modified:
            return None
        kept = self._known(name)
        if kept is None or len(kept.summary) != self._sentences:
            return None  # read with another --sentences (or too short to tell): read again
        return kept

    def _entry(self, name: str, feed: Feed, entry: Entry, result: Response | FetchError) -> _Node:
        # A worker gets the feed without its other entries, and the failure as its words.
        slim = replace(feed, entries=())
        sent = FetchError(str(result)) if isinstance(result, FetchError) else result
        args = (name, slim, entry, sent, self._sentences)
        pending = self._in_worker(read_entry, *args)
        return pending if pending is not None else self._finish(read_entry(*args))
