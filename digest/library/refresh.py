"""A run of digest with the library: fetch what changed, keep what was read, filter by state.

    inputs (or the feed list) -> Fetcher(cache=library) -> pipeline -> library.save_articles
    no inputs with --offline or --saved -> library.articles()

The command line and the app both read through :func:`iter_run`, then keep what the user
asked for with :func:`wanted`. Without a library (it cannot be opened, or the caller
passes ``None``) a run is what it always was: the inputs read and nothing remembered.

During a run the library is best effort: the first error it gives (a full disk, a lock
held by another program, a read-only file) is one warning, and the run goes on without
writing to it, reading and printing everything.

This module is imported on the plain-output path: it must not import Textual.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from digest.library.store import Library, LibraryError, published_at
from digest.models import Article, InputFailure
from digest.pipeline import Stop, distinct, iter_digest
from digest.reading import DEFAULT_SENTENCES

if TYPE_CHECKING:
    from digest.inputs.fetch import Fetcher, Response
    from digest.readers import ReaderPool

Progress = Callable[[int, int], None]

Warn = Callable[[str], None]
"""Told, once, one line about a library the run goes on without (called from any thread)."""


@dataclass(frozen=True, slots=True)
class Filters:
    """Which articles the user asked to see (``--unread``, ``--saved``, ``--since``)."""

    unread: bool = False
    saved: bool = False
    since: float | None = None
    """Seconds: only articles published (or, with no date, stored) in this last stretch."""

    @property
    def active(self) -> bool:
        return self.unread or self.saved or self.since is not None


def iter_run(
    inputs: Sequence[str],
    *,
    library: Library | None,
    offline: bool = False,
    sentences: int = DEFAULT_SENTENCES,
    progress: Progress | None = None,
    warn: Warn | None = None,
    stop: Stop | None = None,
    readers: ReaderPool | None = None,
) -> Iterator[Article | InputFailure]:
    """Every article and failure of a run, each article kept in the library as it comes
    (by this process alone, whichever process read it). An article given twice (the same
    page at two URLs, or the same file twice) is given once (:func:`~digest.pipeline.distinct`).

    Args:
        inputs: what to read; none means the library's articles (newest first).
        library: where pages and articles are kept, or ``None`` to remember nothing.
        offline: never use the network: URLs and feeds come from the library's pages, and
            those it does not hold fail with that reason.
        sentences: summary sentences per article.
        progress: called with (done, total) as items finish.
        warn: told when the library fails during the run (once; the run goes on without
            it) or is read-only.
        stop: ends the run at once when called (see :class:`digest.pipeline.Stop`).
        readers: worker processes to read documents in; by default this process reads.

    Raises:
        LibraryError: with no inputs, the library's articles cannot be read.
    """
    if not inputs:
        if library is not None:
            stored = library.articles()
            for number, entry in enumerate(stored, start=1):
                if progress is not None:
                    progress(number, len(stored))
                yield entry.article
        return
    kept = _BestEffort(library, warn) if library is not None else None

    def fetcher() -> Fetcher:
        # Made only when a URL or a feed entry needs it: local files never load httpx.
        from digest.inputs.fetch import Fetcher

        return Fetcher(cache=kept, offline=offline)

    known = kept.article_for_input if kept is not None else None
    items = iter_digest(
        inputs,
        sentences=sentences,
        fetcher=fetcher,
        progress=progress,
        known=known,
        stop=stop,
        readers=readers,
    )
    for item in distinct(items):
        if isinstance(item, Article) and kept is not None:
            kept.save(item)
        yield item


class _BestEffort:
    """The library as a run uses it: the fetcher's cache, and where articles are kept.

    The first :class:`LibraryError` is told once through ``warn``; after a write fails,
    nothing more is written (each try could wait out another program's lock), and after a
    read fails, the library is not used at all. A read-only library is only read.
    Thread-safe: the fetcher's threads call :meth:`lookup` and :meth:`store`.
    """

    def __init__(self, library: Library, warn: Warn | None) -> None:
        self._library = library
        self._warn = warn
        self._lock = threading.Lock()
        self._reading = True
        self._writing = not library.read_only
        if library.read_only and warn is not None:
            warn(f"library {library.path} is read-only: what this run reads is not kept in it")

    def _failed(self, err: LibraryError, *, reading: bool) -> None:
        with self._lock:
            first = self._reading and (self._writing or reading)
            self._writing = False
            if reading:
                self._reading = False
        if first and self._warn is not None:
            rest = "without the library" if reading else "without keeping what it reads"
            self._warn(f"{err}; the run goes on {rest}")

    def lookup(self, url: str) -> Response | None:
        """The library's copy of ``url`` (:class:`digest.inputs.fetch.HttpCache`), while it
        reads."""
        if not self._reading:
            return None
        try:
            return self._library.lookup(url)
        except LibraryError as err:
            self._failed(err, reading=True)
            return None

    def store(self, url: str, response: Response) -> None:
        """Keep ``response`` (:class:`digest.inputs.fetch.HttpCache`), while the library takes
        writes."""
        if not self._writing:
            return
        try:
            self._library.store(url, response)
        except LibraryError as err:
            self._failed(err, reading=False)

    def article_for_input(self, input: str) -> Article | None:
        """The article kept for an input name (see :data:`digest.pipeline.Known`)."""
        if not self._reading:
            return None
        try:
            return self._library.article_for_input(input)
        except LibraryError as err:
            self._failed(err, reading=True)
            return None

    def save(self, article: Article) -> None:
        """Keep ``article``, with the URL of the page it was read from."""
        if not self._writing:
            return
        try:
            self._library.save_articles([(article, article.url)])
        except LibraryError as err:
            self._failed(err, reading=False)


def wanted(articles: Sequence[Article], library: Library | None, filters: Filters) -> list[Article]:
    """The articles the filters keep, in the order given.

    Read and saved state come from the library; without one, ``--unread`` keeps every
    article and ``--saved`` none.
    """
    if not filters.active:
        return list(articles)
    states = library.states(a.id for a in articles) if library is not None else {}
    cutoff = time.time() - filters.since if filters.since is not None else None
    kept = []
    for article in articles:
        read_at, saved_at = states.get(article.id, (None, None))
        if filters.unread and read_at is not None:
            continue
        if filters.saved and saved_at is None:
            continue
        if cutoff is not None and not _recent(article, cutoff):
            continue
        kept.append(article)
    return kept


def _recent(article: Article, cutoff: float) -> bool:
    """Published at or after ``cutoff``; an article with no date counts as new (just read)."""
    published = published_at(article)
    return published is None or published >= cutoff
