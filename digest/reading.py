"""One document to one article: extract it, find its facts, summarise it.

    document (HTML or plain text) -> extract -> facts / summarize -> Article

:func:`read_article` turns one document into an :class:`~digest.models.Article` and never
touches the network. :func:`read_entry` reads a feed entry: its page, or its own text from
the feed when the page cannot be had or holds no article (warning ``feed-content``).
:func:`read_document` and :func:`read_entry` return a failure instead of raising it, as the
worker processes of :mod:`digest.readers` run them; :func:`failure_reason` is the one line a
failure gives. A batch of inputs is read by :mod:`digest.pipeline`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from digest.errors import FetchError, InputError, NotAnArticleError
from digest.inputs.decode import Kind, decode, sniff
from digest.models import Article, Entity, Extraction, Facts, InputFailure, article_id
from digest.text import sanitize

if TYPE_CHECKING:
    from digest.inputs.feeds import Entry, Feed
    from digest.inputs.fetch import Response

DEFAULT_SENTENCES = 3
"""Summary sentences per article unless the user asks for another number."""

PAGE_DOUBTS = frozenset(
    {"paywall", "not-an-article", "low-text", "cookie-wall", "script-only", "truncated"}
)
"""Warnings that make a feed entry's own text preferable to its page, when the text is longer."""

FACTS_FAILED = "facts-failed"
"""The warning of an article whose facts and summary could not be made (a fault of digest's)."""

TOO_DEEP = "document is nested too deeply to read"
"""The failure of a document that exhausts the parser's recursion."""
TOO_LARGE = "document is too large to read"
"""The failure of a document that exhausts memory."""


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
    return _complete(_extraction(data, url, charset), input=input, url=url, sentences=sentences)


def read_document(
    data: bytes, url: str | None, charset: str | None, input: str, sentences: int
) -> Article | InputFailure:
    """:func:`read_article` as a worker process runs it: a failure is returned, not raised."""
    try:
        return read_article(data, url, input=input, sentences=sentences, charset=charset)
    except Exception as err:  # this input fails, the others go on
        return InputFailure(input, failure_reason(err))


def _extraction(data: str | bytes, url: str | None, charset: str | None) -> Extraction:
    if isinstance(data, bytes):
        kind = sniff(data)
        text = decode(data, charset, kind=kind)
    else:
        text = data
        kind = sniff(text[:8192].encode("utf-8", "surrogatepass"))
    extraction = _extract(text, kind, url)
    if not extraction.paragraphs:
        raise NotAnArticleError("no readable article text")
    return extraction


def _extract(text: str, kind: Kind, url: str | None) -> Extraction:
    """The article of an HTML or a plain-text document, without its boilerplate lines.

    This is where the two extractors meet: the boilerplate classifier runs here once, for
    both, so that a line it removes never reaches facts or the summary.
    """
    from digest.extract.boilerplate import clean

    if kind == "html":
        from digest.extract.html import extract_html

        return clean(extract_html(text, url))
    from digest.extract.plain import extract_text

    return clean(extract_text(text))


def _complete(extraction: Extraction, *, input: str, url: str | None, sentences: int) -> Article:
    from digest.facts import extract_facts
    from digest.summarize import summarize

    # The one place where text from a page or a feed enters an Article: cleaned here, before
    # facts and summary are read from it, so that no renderer or widget ever sees a control.
    extraction = sanitize.extraction(extraction)
    if not extraction.paragraphs:
        raise NotAnArticleError("no readable article text")
    paragraphs = extraction.paragraphs
    warnings = extraction.warnings
    # A data table is shown as it stands but read neither for facts nor for the summary
    # (its paragraph is left empty, so that paragraph numbers still point into the body).
    tables = set(extraction.tables)
    prose = tuple("" if p in tables else p for p in paragraphs) if tables else paragraphs
    try:
        facts = extract_facts(
            prose,
            title=extraction.title,
            published=extraction.published,
            language=extraction.language,
        )
        summary = summarize(
            prose,
            title=extraction.title,
            facts=facts,
            sentences=sentences,
            language=extraction.language,
        )
        if extraction.dateline:
            facts = _with_place(facts, extraction.dateline)
    except (RecursionError, MemoryError):
        raise  # the caller names the input: too deep, too large
    except Exception:
        # A fault of ours on this text costs the article its facts and summary, never the
        # run: it is read and shown, marked, and the other inputs go on.
        facts, summary = Facts(), ()
        warnings = (*warnings, FACTS_FAILED)
    canonical = extraction.url or sanitize.web_url(url)
    return Article(
        id=article_id(canonical, extraction.title, paragraphs),
        input=sanitize.name(input),
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
        warnings=warnings,
        tables=tuple(i for i, p in enumerate(paragraphs) if p in tables),
    )


def _with_place(facts: Facts, place: str) -> Facts:
    """The facts with a dateline's place among the places: one more mention, ahead of the
    places mentioned as often (the dateline comes first)."""
    places = list(facts.places)
    known = next((p for p in places if p.name == place), None)
    if known is not None:
        places.remove(known)
    places.insert(0, Entity(place, known.mentions + 1 if known else 1))
    places.sort(key=lambda entity: -entity.mentions)  # stable: the dateline leads its ties
    return replace(facts, places=tuple(places))


def read_entry(
    name: str, feed: Feed, entry: Entry, result: Response | FetchError, sentences: int
) -> Article | InputFailure:
    """A feed entry's article: from its page, or else from its own text in the feed.

    Returns the failure rather than raising it, as a worker process runs it.
    """
    from digest.inputs.feeds import entry_words, with_entry

    try:
        page: Extraction | None = None
        problem = str(result) if isinstance(result, FetchError) else ""
        if not isinstance(result, FetchError):
            from digest.inputs.feeds import detect

            if detect(result.content) is not None:
                # A feed's entry that links to a feed (often the feed itself) links to
                # no article: its raw XML is no page to read.
                problem = "the entry links to a feed, not to a web page"
            else:
                try:
                    page = _extraction(result.content, result.url, result.charset)
                except InputError as err:
                    problem = str(err)
        if entry.content and (
            page is None
            or (
                PAGE_DOUBTS.intersection(page.warnings)
                and entry_words(entry) > sum(len(p.split()) for p in page.paragraphs)
            )
        ):
            try:
                own = _entry_extraction(entry, feed)
            except NotAnArticleError as err:
                problem = f"{problem}; {err}"
            else:
                return _complete(own, input=name, url=entry.link, sentences=sentences)
        if page is None:
            if not entry.content:
                problem = f"{problem}; the feed has no text for it"
            return InputFailure(name, problem)
        url = entry.link if isinstance(result, FetchError) else result.url
        return _complete(with_entry(page, entry, feed), input=name, url=url, sentences=sentences)
    except Exception as err:  # this entry fails, the others go on
        return InputFailure(name, failure_reason(err))


def failure_reason(err: Exception) -> str:
    """The one-line failure of an input that raised ``err``: the input's own fault as the
    error names it, a document too deep or too large to read, or else a fault of digest's
    (a bug to report)."""
    if isinstance(err, InputError):
        return str(err)
    if isinstance(err, RecursionError):
        return TOO_DEEP
    if isinstance(err, MemoryError):
        return TOO_LARGE
    lines = str(err).splitlines()
    kind = type(err).__name__ + (f": {lines[0][:80]}" if lines else "")
    return f"digest failed to read it ({kind}); please report this"


def _entry_extraction(entry: Entry, feed: Feed) -> Extraction:
    """An extraction of the entry's own text, marked ``feed-content``.

    Raises:
        NotAnArticleError: the entry's text holds nothing readable.
    """
    from digest.inputs.feeds import entry_page, entry_publisher, is_footer

    nothing = "the feed's text for it holds nothing readable"
    try:
        found = _extract(entry_page(entry, feed), "html", entry.link)
    except NotAnArticleError as err:
        raise NotAnArticleError(nothing) from err
    paragraphs = tuple(p for p in found.paragraphs if not is_footer(p))
    if not paragraphs:
        raise NotAnArticleError(nothing)
    return replace(
        found,
        title=entry.title or found.title,
        paragraphs=paragraphs,
        url=entry.link,
        authors=entry.authors,
        agencies=entry.agencies or found.agencies,
        published=entry.published,
        publisher=entry_publisher(entry, feed),
        language=found.language or feed.language,
        warnings=("feed-content", *found.warnings),
    )
