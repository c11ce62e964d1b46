"""The readable article from an HTML page.

    prepare (digest.extract.markup) -> parse (lxml) -> metadata (digest.extract.meta)
      -> mend (digest.extract.blocks) -> pre-clean (digest.extract.preclean)
      -> trafilatura (digest.extract.second) -> readability-lxml -> blocks -> recover
      -> post-clean (digest.extract.postclean) -> merge -> standfirst

readability-lxml finds the main body; trafilatura's reading of the same page is a second
opinion, which adds what readability missed where the story stands around it and stands
in for a body digest did not find (:mod:`digest.extract.second`). Around them digest does
what readability gets wrong or does not try: captions and photo credits go to ``credits``
instead of the text; share bars, newsletter boxes, "related" and "read more" blocks,
repeated headlines, bylines, datelines and what the page hides from readers are dropped;
paragraphs readability missed (a lead in a row of its own, a story broken over several
blocks) are put back; data tables are one paragraph each (warning ``table``); wire
agencies are read from bylines, datelines and closing lines; and the page's metadata comes
from its JSON-LD and meta tags.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from digest.errors import NotAnArticleError
from digest.extract.blocks import blocks, mend
from digest.extract.boilerplate import classify
from digest.extract.dom import class_names, clean_space
from digest.extract.lines import is_prose
from digest.extract.markup import limit_attributes
from digest.extract.meta import PageMeta, read_metadata
from digest.extract.meta.authors import placeholder
from digest.extract.meta.dek import DEK_CLASS, about_the_story
from digest.extract.meta.title import text_key
from digest.extract.postclean import postclean, second_keeps
from digest.extract.preclean import Alts, preclean
from digest.extract.recover import recover
from digest.extract.second import fallback, merge, read_second, short
from digest.extract.walls import consent_boxes, find_walls
from digest.inputs.urls import netloc
from digest.models import Extraction
from digest.text.language import guess_language

if TYPE_CHECKING:
    from lxml_html_clean import Cleaner

MAX_HTML_CHARS = 12_000_000
"""Pages longer than this are cut before parsing (with the ``truncated`` warning): no news
article is that long, and readability's scoring grows with the page."""

MAX_MARKUP = 50_000
"""Tags (``<`` characters, counted with those in scripts) read from a page; it is cut before
the next, with the ``truncated`` warning. News pages have a few thousand (the corpus at most
5,215); every element costs each pass over the tree, so a page of hundreds of thousands of
tiny elements would take minutes."""

MAX_TEXT_CHARS = 600_000
"""Text beyond this (about 100,000 words, ten times a long read) is cut from the page
before readability scores it, with the ``truncated`` warning."""

TRUNCATED_SHARE = 0.6
"""A body with less than this share of the words the page says the article has is cut short."""
LOW_TEXT_WORDS = 80
"""Bodies shorter than this get the ``low-text`` warning."""
TABLE = "table"
"""The warning of a page whose body holds a data table, kept as one paragraph (its rows a
line each) and not read for facts or the summary."""
SIMPLIFIED = "markup-simplified"
"""The warning of a page whose tags had more attributes than are read (see
:mod:`digest.extract.markup`); what is left of them was read."""

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters lxml's parser lets into the tree but refuses to set as text afterwards (when a
dropped element's tail is joined to its neighbour's): control characters, lone surrogates."""


def _prepare(text: str) -> tuple[str, bool, bool]:
    """The page as the parser is given it: within :data:`MAX_HTML_CHARS` and
    :data:`MAX_MARKUP`, with no character lxml refuses, and no tag with more attributes than
    :data:`digest.extract.markup.MAX_ATTRIBUTES`.

    Returns:
        The text, whether it was cut, and whether tags lost attributes.
    """
    cut = len(text) > MAX_HTML_CHARS
    text = _XML_DECLARATION.sub("", text[:MAX_HTML_CHARS], count=1)
    text = _NOT_XML.sub(" ", text)
    if text.count("<") > MAX_MARKUP:
        end = -1
        for _ in range(MAX_MARKUP + 1):
            end = text.find("<", end + 1)
        text, cut = text[:end], True
    text, simplified = limit_attributes(text)
    return text, cut, simplified > 0


def _parse(text: str) -> HtmlElement:
    """The tree of a page made ready by :func:`_prepare`."""
    try:
        return lxml.html.document_fromstring(text, parser=_parser())
    except (lxml.etree.ParserError, ValueError) as err:
        raise NotAnArticleError("the page holds no HTML body") from err


_THREAD = threading.local()


def _parser() -> lxml.html.HTMLParser:
    """This thread's parser. Pages are read in several threads at once, and lxml wants a
    parser per thread: trees parsed by one parser share its string dictionary, and two
    threads changing such trees at once crashed the process."""
    parser: lxml.html.HTMLParser | None = getattr(_THREAD, "parser", None)
    if parser is None:
        parser = _THREAD.parser = lxml.html.HTMLParser(
            remove_comments=True, remove_pis=True, no_network=True, recover=True
        )
        # Every element as lxml.html's HtmlElement, chosen in C: lxml.html's own lookup (which
        # gives forms and inputs classes of their own, never used here) is a Python call for
        # every element touched, a tenth of the time spent reading a page (three extractors
        # walk its tree).
        parser.set_element_class_lookup(
            lxml.etree.ElementDefaultClassLookup(
                element=lxml.html.HtmlElement,
                comment=lxml.html.HtmlComment,
                pi=lxml.html.HtmlProcessingInstruction,
                entity=lxml.html.HtmlEntity,
            )
        )
    return parser


def _cap_text(root: HtmlElement, limit: int = MAX_TEXT_CHARS) -> bool:
    """Cut everything after the first ``limit`` characters of text; True when something was cut."""
    total = 0
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in ("script", "style"):
            continue
        total += len(element.text or "") + len(element.tail or "")
        if total <= limit:
            continue
        for child in list(element):
            element.remove(child)
        element.tail = None
        node = element
        while node is not None and node.getparent() is not None:
            parent = node.getparent()
            for sibling in list(node.itersiblings()):
                parent.remove(sibling)
            node = parent
        return True
    return False


_BIO_VERB = re.compile(r"\s+(?:is|was|covers|reports|reported|writes|contributed)\b")


def _author_bios(
    container: HtmlElement | None, paragraphs: list[str], authors: list[str]
) -> list[str]:
    """Lines about the article's own authors ("Corey Kilgannon is a Metro reporter...") that
    the page keeps below the story, in the same ``<article>``: the article's closing lines."""
    scope = container
    while scope is not None and scope.tag != "article":
        scope = scope.getparent()
    if scope is None or not authors:
        return []
    joined = "\n".join(paragraphs)
    bios: list[str] = []
    for element in scope.iter("p"):
        text = clean_space(element.text_content())
        if not text or text in joined or text in bios or not is_prose(text):
            continue
        if any(text.startswith(name) and _BIO_VERB.match(text, len(name)) for name in authors):
            bios.append(text)
    return bios


TOP_BIO_PARAGRAPHS = 2
"""The paragraphs at the top of a body where an author's bio set under the byline stands."""


def _without_top_bios(paragraphs: list[str], authors: list[str]) -> list[str]:
    """``paragraphs`` without a bio of one of the article's own authors at the top, set
    under the byline ("Jane Roe is the magazine's chief political correspondent."): the
    boilerplate classifier reads bios only below the story, where the same words about
    someone else would be news above it."""
    if not authors or len(paragraphs) <= TOP_BIO_PARAGRAPHS:
        return paragraphs
    kept = []
    for index, text in enumerate(paragraphs):
        if (
            index < TOP_BIO_PARAGRAPHS
            and any(text.startswith(name) for name in authors)
            and (rule := classify(text, tail=True)) is not None
            and rule.kind == "bio"
        ):
            continue
        kept.append(text)
    return kept


def _inside(element: HtmlElement | None, container: HtmlElement | None) -> bool:
    """Whether a caption's holder lies in the article's container (or above it, in its header)."""
    if container is None or element is None:
        return container is None
    if element is container:
        return True
    ancestors = set(element.iterancestors())
    if container in ancestors:
        return True
    # A lead image sits beside the body, in the container's parent, before it.
    holder = container.getparent()
    return (
        holder is not None
        and holder in ancestors
        and len(ancestors) - len(set(holder.iterancestors())) <= 4
    )


def _is_dek(
    root: HtmlElement,
    first: str,
    description: str | None,
    second: str = "",
    headers: tuple[tuple[str, frozenset[str]], ...] = (),
) -> bool:
    """Whether the first paragraph is the standfirst: the page's description, marked up as a
    dek or set in the article's header with the headline (in a ``<header>``, or beside the
    ``<h1>`` in a block of ``headers`` that does not hold the story's next paragraph,
    ``second``). (A lead laid out apart from the body's container is the story's first
    paragraph, not a dek.)"""
    if not description or len(first.split()) > 60:
        return False
    ours, theirs = set(text_key(first).split()), set(text_key(description).split())
    if len(ours & theirs) < 0.6 * max(len(ours), len(theirs)):
        return False
    if second and any(first in lines and second not in text for text, lines in headers):
        return True
    for element in root.iter("p", "h2", "div", "span"):
        if clean_space(element.text_content()) == first:
            if DEK_CLASS.search(class_names(element)):
                return True
            return any(a.tag == "header" for a in element.iterancestors())
    return False


def _headline_blocks(root: HtmlElement) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each block that holds the page's headline (an ``<h1>``), read before the pre-clean
    drops the headline: the block's text and the texts of the elements beside the ``<h1>``
    in it. A header laid out without ``<header>`` is such a block holding no more than the
    headline and a dek."""
    found = []
    for headline in root.iter("h1"):
        parent = headline.getparent()
        if parent is None or parent.tag in ("body", "html"):
            continue
        lines = frozenset(
            text
            for sibling in parent
            if sibling is not headline
            and isinstance(sibling.tag, str)
            and (text := clean_space(sibling.text_content()))
        )
        found.append((clean_space(parent.text_content()), lines))
    return tuple(found)


def _site_names(meta: PageMeta) -> list[str]:
    """The site's names: its publisher, and the name in its address ("yahoo" of
    news.yahoo.com)."""
    names = [meta.publisher or ""]
    host = netloc(meta.url or "").lower().removeprefix("www.")
    if host:
        names.append(host.split(".")[-2] if host.count(".") else host)
    return [name for name in names if name]


def _standfirst(
    root: HtmlElement,
    meta: PageMeta,
    paragraphs: list[str],
    headers: tuple[tuple[str, frozenset[str]], ...] = (),
) -> str | None:
    """The dek under the headline: the one the page marks up (taken out of the body's first
    lines when readability kept it there too), else the first paragraph when it is the
    description marked up as a dek, else the description when it is about the story and says
    more than its first lines. The story's first paragraph is never taken for it."""
    if meta.dek:
        key = text_key(meta.dek)
        for index, paragraph in enumerate(paragraphs[:3]):
            if text_key(paragraph) == key and len(paragraphs) > 1:
                del paragraphs[index]
                break
        return meta.dek
    if len(paragraphs) > 3 and _is_dek(
        root, paragraphs[0], meta.description, paragraphs[1], headers
    ):
        return paragraphs.pop(0)
    description = meta.description
    if not description:
        return None
    lead = text_key(" ".join(paragraphs[:2]))
    probe = text_key(description.rstrip(".… "))[:80]
    if (
        len(description.split()) < 6
        or (probe and probe in lead)
        or description.endswith(("...", "…"))
        or not about_the_story(
            description, _site_names(meta), " ".join([meta.title or "", *paragraphs])
        )
    ):
        return None
    return description


@functools.cache
def _text_cleaner() -> Cleaner:
    """readability's cleaner without its JavaScript pass: the same scripts, styles, inline
    styles, ``<link>`` tags, comments and processing instructions removed, but event
    attributes (``onclick``) and ``javascript:`` links left as they are. Neither is text,
    and the digest writes out no markup, so readability reads the same words; the pass
    walked every attribute and link of the page (about 10 ms of 50 on a corpus page)."""
    from lxml_html_clean import Cleaner

    return Cleaner(
        scripts=True,
        javascript=False,
        comments=True,
        style=True,
        inline_style=True,
        links=True,
        meta=False,
        add_nofollow=False,
        page_structure=False,
        processing_instructions=True,
        embedded=False,
        frames=False,
        forms=False,
        annoying_tags=False,
        remove_unknown_tags=False,
        safe_attrs_only=False,
    )


def _readable_body(root: HtmlElement, url: str | None) -> HtmlElement:
    from readability import Document
    from readability.readability import REGEXES, Unparseable

    class _Kept(Document):  # type: ignore[misc]  # (readability ships no type hints)
        node: HtmlElement | None = None

        def _parse(self, input: HtmlElement) -> HtmlElement:
            # readability's own _parse for a tree (hidden elements dropped from the page,
            # a cleaned copy read), with the cleaner of :func:`_text_cleaner`.
            self.encoding = "utf-8"
            for element in input.xpath("//*[@hidden]"):
                element.drop_tree()
            for element in input.xpath("//*[@style]"):
                if REGEXES["displayNoneRe"].search(element.get("style")):
                    element.drop_tree()
            doc: HtmlElement = _text_cleaner().clean_html(input)
            if self.url:
                doc.make_links_absolute(
                    self.url, resolve_base_href=True, handle_failures=self.handle_failures
                )
            else:
                doc.resolve_base_href(handle_failures=self.handle_failures)
            return doc

        def get_clean_html(self) -> str:
            self.node = self.html  # the summary's own tree, before it is written out
            return str(super().get_clean_html())

    document = _Kept(root, url=url)
    try:
        summary = document.summary(html_partial=True)
    except Unparseable as err:
        raise NotAnArticleError("no readable article text") from err
    if not summary.strip() or document.node is None or document.node.tag == "html":
        # readability gives back the whole page when it has no body ("<html><head>...</head>
        # </html>", a download cut short): no article in it.
        raise NotAnArticleError("no readable article text")
    # readability's tree is its own copy of the page (it cleans a copy): the summary is
    # taken as it stands, not written out as HTML and parsed again.
    holder = lxml.html.Element("div")
    holder.append(document.node)
    return holder


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
"""Kana, CJK ideographs and Hangul: scripts written without spaces between words."""


def _text_words(paragraphs: list[str]) -> int:
    """Words in ``paragraphs``; in Chinese and Japanese, about one per two characters."""
    text = "\n".join(paragraphs)
    cjk = len(_CJK.findall(text))
    return len(_CJK.sub(" ", text).split()) + cjk // 2


def _warnings(
    meta: PageMeta, paragraphs: list[str], truncated: bool, walls: Callable[[], dict[str, str]]
) -> tuple[str, ...]:
    """The doubts about this extraction. ``walls`` reads the untouched page again; it is
    called only for short texts, so that the common case does not pay for it."""
    words = _text_words(paragraphs)
    warnings: list[str] = []
    if truncated or (meta.word_count and words < TRUNCATED_SHARE * meta.word_count):
        warnings.append("truncated")
    if meta.paywalled:
        warnings.append("paywall")
    if meta.not_article:
        warnings.append("not-an-article")
    if words < LOW_TEXT_WORDS:
        warnings.extend(walls())
        warnings.append("low-text")
    return tuple(warnings)


def _dedupe(items: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return tuple(seen)


def _story_scope(root: HtmlElement, container: HtmlElement | None) -> HtmlElement:
    """The part of the page the second extractor reads: the ``<article>`` or ``<main>`` that
    holds digest's container, else the container's parent; the whole page when digest found
    no container."""
    if container is None:
        return root
    scope = next((a for a in container.iterancestors() if a.tag in ("article", "main")), None)
    if scope is None:
        scope = container.getparent()
    return scope if scope is not None else container


def extract_html(text: str, url: str | None = None) -> Extraction:
    """Extract the article and its metadata from an HTML page.

    Raises:
        NotAnArticleError: when the page holds no readable article text.
    """
    text, truncated, simplified = _prepare(text)
    root = _parse(text)
    meta = read_metadata(root, url)
    truncated = _cap_text(root) or truncated
    mend(root)
    alts = Alts(root, text_key(meta.title or ""))
    headers = _headline_blocks(root)
    captions = preclean(root, meta)
    tables: set[str] = set()
    try:
        found, container = recover(root, blocks(_readable_body(root, url), tables))
    except NotAnArticleError:
        found, container = [], None
    # The second extractor reads the page as digest's own does, without the furniture the
    # pre-clean took out, and only the part around the story digest found (the <article> or
    # <main> that holds it): at half the cost of reading the page whole.
    theirs = read_second(_story_scope(root, container))
    body = postclean(found, meta, tables)
    credits = [credit for credit, holder in captions if _inside(holder, container)]
    keep = second_keeps(
        root, meta, [*(credit for credit, _ in captions), *body.credits], alts, credits
    )
    paragraphs = merge(body.paragraphs, theirs, keep, meta.description)
    if short(paragraphs):
        # Before any verdict on the page, the second extractor reads all of it, as it came:
        # the pre-clean may be what lost the story.
        whole = _parse(text)
        for box in consent_boxes(whole):
            if box.getparent() is not None:
                box.drop_tree()  # a cookie-consent wall is the page's verdict, not its text
        mend(whole)
        paragraphs = fallback(paragraphs, read_second(whole, thorough=True), keep)
    if not paragraphs:
        walls = find_walls(_parse(text))
        reason = walls.get("cookie-wall") or walls.get("script-only") or "no readable article text"
        raise NotAnArticleError(reason)
    paragraphs += _author_bios(container, paragraphs, list(meta.authors))
    standfirst = _standfirst(root, meta, paragraphs, headers)
    paragraphs = _without_top_bios(paragraphs, [*meta.authors, *body.authors])
    title = meta.title or (
        meta.headings[0] if meta.headings else " ".join(paragraphs[0].split()[:12])
    )
    authors = list(meta.authors)
    for name in body.authors:
        if name.lower() not in {a.lower() for a in authors} and not placeholder(name):
            authors.append(name)
    language = meta.language or guess_language(" ".join(paragraphs[:8]))
    return Extraction(
        title=title,
        paragraphs=tuple(paragraphs),
        url=meta.url,
        standfirst=standfirst,
        section=meta.section,
        authors=tuple(authors),
        publisher=meta.publisher,
        agencies=_dedupe([a for a in [*meta.agencies, *body.agencies] if a != meta.publisher]),
        published=meta.published,
        language=language,
        credits=tuple([*credits, *body.credits]),
        warnings=(
            *_warnings(meta, paragraphs, truncated, lambda: find_walls(_parse(text))),
            *((SIMPLIFIED,) if simplified else ()),
            *((TABLE,) if tables.intersection(paragraphs) else ()),
        ),
        tables=tuple(p for p in paragraphs if p in tables),
    )
