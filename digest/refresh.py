"""A run of digest with the library: fetch what changed, keep what was read, filter by state.

    inputs (or the feed list) -> Fetcher(cache=library) -> pipeline -> library.save_articles
    no inputs with --offline or --saved -> library.articles()

The command line and the app both read through :func:`iter_run`, then keep what the user
asked for with :func:`wanted`. Without a library (it cannot be opened, or the caller
passes ``None``) a run is what it always was: the inputs read and nothing remembered.

This module is imported on the plain-output path: it must not import Textual.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from digest.models import Article, InputFailure
from digest.pipeline import DEFAULT_SENTENCES, distinct, iter_digest
from digest.store import Library, published_at

if TYPE_CHECKING:
    from digest.fetch import Fetcher
    from digest.readers import ReaderPool

Progress = Callable[[int, int], None]


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
        readers: worker processes to read documents in; by default this process reads.
    """
    if not inputs:
        if library is not None:
            stored = library.articles()
            for number, kept in enumerate(stored, start=1):
                if progress is not None:
                    progress(number, len(stored))
                yield kept.article
        return

    def fetcher() -> Fetcher:
        # Made only when a URL or a feed entry needs it: local files never load httpx.
        from digest.fetch import Fetcher

        return Fetcher(cache=library, offline=offline)

    known = library.article_for_input if library is not None else None
    items = iter_digest(
        inputs,
        sentences=sentences,
        fetcher=fetcher,
        progress=progress,
        known=known,
        readers=readers,
    )
    for item in distinct(items):
        if isinstance(item, Article) and library is not None:
            library.save_articles([(item, item.url)])
        yield item


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
