"""The chain from inputs to a digest: read or fetch, extract, facts, summary.

    sources -> fetch -> extract -> facts / summarize -> Digest

:func:`read_article` turns one document into an :class:`~digest.models.Article` and never
touches the network; :func:`load` reads one :class:`~digest.sources.Source`;
:func:`iter_digest` and :func:`build_digest` do a whole batch, collecting failures beside
the articles instead of stopping at the first.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from digest.decode import Kind, decode, sniff
from digest.errors import InputError, NotAnArticleError
from digest.models import Article, Digest, Extraction, InputFailure, article_id
from digest.sources import Source, expand, read_file, read_stdin

DEFAULT_SENTENCES = 3
"""Summary sentences per article unless the user asks for another number."""

FETCH_WORKERS = 8
"""URLs fetched at once."""


def read_article(
    data: str | bytes,
    url: str | None = None,
    *,
    input: str = "-",
    sentences: int = DEFAULT_SENTENCES,
    charset: str | None = None,
) -> Article:
    """Extract one article from an HTML or plain-text document.

    Args:
        data: the document, as bytes in any encoding or as text.
        url: where it came from, when known; used for the canonical URL and the id.
        input: the input's name as the user gave it (a path, a URL, ``-``).
        sentences: how many summary sentences to write.
        charset: the charset a server declared for ``data``, if any.

    Raises:
        InputError: the document is empty, binary, or holds no article.
    """
    if isinstance(data, bytes):
        kind = sniff(data)
        text = decode(data, charset, kind=kind)
    else:
        text = data
        kind = sniff(text[:8192].encode("utf-8", "surrogatepass"))
    extraction = _extract(text, kind, url)
    if not extraction.paragraphs:
        raise NotAnArticleError("no readable article text")
    return _complete(extraction, input=input, url=url, sentences=sentences)


def _extract(text: str, kind: Kind, url: str | None) -> Extraction:
    if kind == "html":
        from digest.extract.html import extract_html

        return extract_html(text, url)
    from digest.extract.text import extract_text

    return extract_text(text)


def _complete(extraction: Extraction, *, input: str, url: str | None, sentences: int) -> Article:
    from digest.facts import extract_facts
    from digest.summarize import summarize

    paragraphs = extraction.paragraphs
    facts = extract_facts(
        paragraphs,
        title=extraction.title,
        published=extraction.published,
        language=extraction.language,
    )
    summary = summarize(
        paragraphs,
        title=extraction.title,
        facts=facts,
        sentences=sentences,
        language=extraction.language,
    )
    canonical = extraction.url or url
    return Article(
        id=article_id(canonical, extraction.title, paragraphs),
        input=input,
        url=canonical,
        title=extraction.title,
        standfirst=extraction.standfirst,
        section=extraction.section,
        authors=extraction.authors,
        publisher=extraction.publisher,
        agencies=extraction.agencies,
        published=extraction.published,
        language=extraction.language,
        paragraphs=paragraphs,
        summary=summary,
        facts=facts,
        credits=extraction.credits,
        warnings=extraction.warnings,
    )


def load(source: Source, *, sentences: int = DEFAULT_SENTENCES) -> Article:
    """Read or fetch one source and extract its article.

    Raises:
        InputError: with a one-line reason, for any input that gives no article.
    """
    if source.kind == "url":
        from digest.fetch import fetch

        response = fetch(source.location)
        return read_article(
            response.content,
            response.url,
            input=source.name,
            sentences=sentences,
            charset=response.charset,
        )
    data = read_stdin() if source.kind == "stdin" else read_file(source.location)
    return read_article(data, None, input=source.name, sentences=sentences)


def _load_one(source: Source, sentences: int) -> Article | InputFailure:
    try:
        return load(source, sentences=sentences)
    except InputError as err:
        return InputFailure(source.name, str(err))
    except RecursionError:
        return InputFailure(source.name, "document is nested too deeply to read")
    except MemoryError:
        return InputFailure(source.name, "document is too large to read")


def iter_digest(
    inputs: Sequence[str], *, sentences: int = DEFAULT_SENTENCES
) -> Iterator[Article | InputFailure]:
    """Yield an article or a failure for every input, in the order the inputs were given.

    Failures to find an input (a missing path, an empty folder) come first.
    """
    sources, failures = expand(inputs)
    yield from failures
    yield from iter_sources(sources, sentences=sentences)


def iter_sources(
    sources: Sequence[Source], *, sentences: int = DEFAULT_SENTENCES
) -> Iterator[Article | InputFailure]:
    """Yield an article or a failure for every source, in order.

    URLs are fetched a few at a time in threads; files are read in this thread.
    """
    if not any(s.kind == "url" for s in sources):
        for source in sources:
            yield _load_one(source, sentences)
        return
    with ThreadPoolExecutor(max_workers=FETCH_WORKERS, thread_name_prefix="digest-fetch") as pool:
        yield from pool.map(lambda s: _load_one(s, sentences), sources)


def build_digest(inputs: Sequence[str], *, sentences: int = DEFAULT_SENTENCES) -> Digest:
    """Read every input and collect the articles and the failures into one digest."""
    articles: list[Article] = []
    errors: list[InputFailure] = []
    for item in iter_digest(inputs, sentences=sentences):
        if isinstance(item, Article):
            articles.append(item)
        else:
            errors.append(item)
    return Digest(
        generated=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        articles=tuple(articles),
        errors=tuple(errors),
    )
