"""The readable article from an HTML page.

    prepare (digest.extract.markup) -> parse (lxml) -> metadata (digest.extract.meta)
      -> mend (digest.extract.blocks) -> pre-clean -> trafilatura (digest.extract.second)
      -> readability-lxml -> blocks -> recover -> post-clean -> merge -> standfirst

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
from typing import TYPE_CHECKING, NamedTuple

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from digest.errors import NotAnArticleError
from digest.extract.blocks import INLINE_TAGS, SKIP_TAGS, blocks, mend
from digest.extract.dom import (
    class_names,
    class_pattern,
    clean_space,
    hidden_from_readers,
    link_density,
)
from digest.extract.lines import (
    FOOTER,
    SENTENCE_END,
    caption_credit,
    closing_credit,
    is_noise,
    is_prose,
    is_teaser,
    slide_count,
)
from digest.extract.markup import limit_attributes
from digest.extract.meta import PageMeta, read_metadata
from digest.extract.meta.authors import placeholder
from digest.extract.meta.dek import DEK_CLASS, about_the_story
from digest.extract.meta.title import text_key
from digest.extract.recover import recover
from digest.extract.second import fallback, merge, read_second, short
from digest.extract.walls import consent_boxes, find_walls
from digest.inputs.urls import netloc
from digest.models import Credit, Extraction
from digest.text import datelines
from digest.text.bylines import split_names
from digest.text.calendar import parse_date
from digest.text.language import guess_language
from digest.text.outlets import agency_name

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

_KEEP_TAGS = frozenset({"html", "body", "article", "main"})

_BOILER_CLASS = class_pattern(
    r"share|sharing|sharebar|sharedaddy|social|newsletter|related\w*|recommend(?:ed|ations)?|read-?more|"
    r"more-?stories|promo|outbrain|taboola|subscribe|subscription|signup|sign-up|advert|advertisement|"
    r"ad-?slot|sponsor(?:ed)?|comments?|breadcrumbs?|toolbar|newsletter-?signup|popular|most-?read|"
    r"trending|cookie|consent|inline-?cta|skip-?link|print-?only|gallery"
)
_CAPTION_CLASS = class_pattern(
    r"caption|credit|photo-?credit|image-?credit|wp-caption-text|media-?credit"
)
_STRONG_BOILER_CLASS = class_pattern(
    r"sharedaddy|related\w*|outbrain|taboola|newsletter\w*|comments|more-?stories|most-?read"
)
_NOT_CAPTION_CLASS = re.compile(r"(?:no|has|with|without)[_-]?caption", re.I)
_PLACED = re.compile(
    r"(?:^|;)\s*top\s*:[^;]*%.*(?:^|;)\s*left\s*:[^;]*%|(?:^|;)\s*left\s*:[^;]*%.*(?:^|;)\s*top\s*:[^;]*%",
    re.I | re.S,
)
"""Inline style that pins an element at a percentage of its parent: text laid over a chart
or map drawing (ai2html and the like), never running text."""
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BYLINE_CLASS = class_pattern(
    r"byline|by-?line|author|authors|dateline|timestamp|published|pubdate|date"
)

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_LINK_LIST = re.compile(r"^(?:read|see) (?:more|also)|^related|^more (?:on|from)", re.I)
_SHORT_BYLINE = re.compile(r"^by\s+\S", re.I)
_REVIEWER_LINE = re.compile(
    r"^(?:medically\s+|clinically\s+)?(?:reviewed|fact[- ]?checked|edited|updated)\s+by\s+(?=\S)",
    re.I,
)
"""A credit for the people who checked the story, not wrote it ("Reviewed by Jane Roe, MD")."""
_COPYRIGHT = re.compile(
    r"^(?:copyright|©|\(c\))\s*(?:\d{4})?\s*(?P<owner>.*?)\.?\s*(?:all rights reserved.*)?$", re.I
)


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


_SENTENCE = re.compile(r"""\w[.!?…]["'”’)\]]*(?:\s|$)""")
SLIDE_SENTENCES = 3
"""A figure caption with this many sentences or more reads as a passage of the story."""


def _slide_texts(root: HtmlElement) -> set[HtmlElement]:
    """The figure captions that carry the story, on pages told as a run of pictures.

    A photo caption is a sentence or two; a slideshow's story is written in its captions,
    several sentences each. When three or more captions read like that, they are the text.
    """
    long: set[HtmlElement] = set()
    for caption in root.iter("figcaption"):
        text = clean_space(caption.text_content())
        if len(_SENTENCE.findall(text)) >= SLIDE_SENTENCES and len(text.split()) >= 40:
            long.add(caption)
    return long if len(long) >= 3 else set()


class _Kinds(NamedTuple):
    """What an element's class and id say it is (see :func:`_class_kinds`)."""

    named: bool
    caption: bool
    boiler: bool
    strong: bool
    byline: bool


@functools.lru_cache(maxsize=4096)
def _class_kinds(names: str) -> _Kinds:
    """What class names say: a caption, page furniture (strongly so: boxes of other stories,
    comments), a byline. Pages repeat a few hundred class strings over thousands of
    elements, so each string is judged once."""
    if not names.strip():
        return _Kinds(False, False, False, False, False)
    return _Kinds(
        named=True,
        caption=bool(_CAPTION_CLASS.search(names)) and not _NOT_CAPTION_CLASS.search(names),
        boiler=bool(_BOILER_CLASS.search(names)),
        strong=bool(_STRONG_BOILER_CLASS.search(names)),
        byline=bool(_BYLINE_CLASS.search(names)),
    )


class _Alts:
    """The ``alt`` texts of a page's images (of five words or more, not the headline), as
    word sets: a paragraph that repeats one is that image's caption, wherever the page sets
    it (under the image, or in a list of captions after a run of photos)."""

    def __init__(self, root: HtmlElement, title_key: str) -> None:
        headline = set(title_key.split())
        self.words: list[set[str]] = []
        for image in root.iter("img"):
            words = set(text_key(image.get("alt") or "").split())
            if len(words) >= 5 and words != headline and words not in self.words:
                self.words.append(words)

    def captions(self, text: str) -> bool:
        """Whether ``text`` is an image's caption: most of its words and the alt's agree."""
        if not self.words or len(text) > 600:
            return False
        own = set(text_key(text).split())
        return any(len(own & words) >= 0.8 * max(len(own), len(words)) for words in self.words)


STORY_SHARE = 0.5
"""An element holding this share of the prose of a page's paragraphs is the story."""


class _Prose:
    """How much of a page's paragraph text reads as prose, measured once when first asked."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.total: int | None = None

    @staticmethod
    def of(element: HtmlElement) -> int:
        """Characters of prose in the paragraphs of ``element``."""
        total = 0
        for paragraph in element.iter("p"):
            text = clean_space(paragraph.text_content())
            if is_prose(text):
                total += len(text)
        return total

    def holds_most(self, element: HtmlElement) -> bool:
        """Whether ``element`` holds most of the page's prose: a class that names boxes of
        related links ("related-links-below") set on the story's own wrapper makes it no box."""
        if self.total is None:
            self.total = self.of(self.root)
        return bool(self.total) and self.of(element) >= STORY_SHARE * self.total


def _preclean(root: HtmlElement, meta: PageMeta) -> list[tuple[Credit, HtmlElement]]:
    """Take captions out as credits and drop page furniture before either extractor reads
    the page.

    Each credit comes with the element that held its caption, so that captions of teasers
    outside the article can be told from the article's own.
    """
    credits: list[tuple[Credit, HtmlElement]] = []
    doomed: list[HtmlElement] = []
    story = _Prose(root)
    title_key = text_key(meta.title or "")
    slides = _slide_texts(root)
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str) or tag in _KEEP_TAGS:
            continue
        if tag in SKIP_TAGS:
            doomed.append(element)
            continue
        names = class_names(element)
        if element in slides:
            continue
        kinds = _class_kinds(names)
        if tag == "figcaption" or (kinds.caption and tag not in ("figure", "img")):
            text = clean_space(element.text_content())
            if len(text) <= 600 and not any(
                isinstance(d.tag, str) and d.tag in _HEADINGS for d in element.iter()
            ):
                if text and not any(text in c.text for c, _ in credits):
                    credits[:] = [(c, a) for c, a in credits if c.text not in text]
                    credits.append((Credit("photo", text), element.getparent()))
                doomed.append(element)
                continue
        if tag == "h1" and title_key and text_key(element.text_content()) == title_key:
            doomed.append(element)
            continue
        style = element.get("style")
        if style and _PLACED.search(style) and len(clean_space(element.text_content())) < 200:
            doomed.append(element)  # a label placed on a chart or map drawing, not a paragraph
            continue
        if hidden_from_readers(element, names):
            length = len(clean_space(element.text_content()))
            if length < 300 or link_density(element, length) > 0.5:
                doomed.append(element)  # tags, labels and menus the reader never sees
                continue
        if not kinds.named:
            continue
        byline = kinds.byline and tag not in INLINE_TAGS
        if byline and is_prose(clean_space(element.text_content())):
            continue  # an author's bio or a contributors' line is text, not a byline
        if kinds.boiler or byline:
            length = len(element.text_content())
            strong = kinds.strong
            limit = 3000 if strong else 300
            if (length < limit or link_density(element, length) > 0.5) and not (
                strong and story.holds_most(element)
            ):
                doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    return credits


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


def _is_dek(root: HtmlElement, first: str, description: str | None) -> bool:
    """Whether the first paragraph is the standfirst: the page's description, marked up as a
    dek or set in the article's header with the headline. (A lead laid out apart from the
    body's container is the story's first paragraph, not a dek.)"""
    if not description or len(first.split()) > 60:
        return False
    ours, theirs = set(text_key(first).split()), set(text_key(description).split())
    if len(ours & theirs) < 0.6 * max(len(ours), len(theirs)):
        return False
    for element in root.iter("p", "h2", "div", "span"):
        if clean_space(element.text_content()) == first:
            if DEK_CLASS.search(class_names(element)):
                return True
            return any(a.tag == "header" for a in element.iterancestors())
    return False


def _site_names(meta: PageMeta) -> list[str]:
    """The site's names: its publisher, and the name in its address ("yahoo" of
    news.yahoo.com)."""
    names = [meta.publisher or ""]
    host = netloc(meta.url or "").lower().removeprefix("www.")
    if host:
        names.append(host.split(".")[-2] if host.count(".") else host)
    return [name for name in names if name]


def _standfirst(root: HtmlElement, meta: PageMeta, paragraphs: list[str]) -> str | None:
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
    if len(paragraphs) > 3 and _is_dek(root, paragraphs[0], meta.description):
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


class _Body:
    """Paragraphs after the post-clean, with what the post-clean learned on the way."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.credits: list[Credit] = []
        self.authors: list[str] = []
        self.agencies: list[str] = []


def _split_title(blocks: list[str], title_key: str) -> set[int]:
    """Indexes of neighbouring blocks that together repeat the headline, broken over lines
    ("Lupita Nyong'o" / "$150K Pearl Oscar Dress ... STOLEN!!!!")."""
    padded = f" {title_key} "
    pieces = [
        bool(key) and f" {key} " in padded and key != title_key for key in map(text_key, blocks)
    ]
    words = len(title_key.split())
    for start in range(len(blocks)):
        end = start
        while end < len(blocks) and pieces[end]:
            end += 1
        covered = sum(len(text_key(b).split()) for b in blocks[start:end])
        if end - start >= 2 and words and covered >= 0.8 * words:
            return set(range(start, end))
    return set()


def _postclean(found: list[str], meta: PageMeta, tables: set[str]) -> _Body:
    body = _Body()
    title_key = text_key(meta.title or "")
    split_title = _split_title(found[:4], title_key)
    link_list = False
    for index, text in enumerate(found):
        key = text_key(text)
        if not key:
            continue
        if text in tables:
            if text not in body.paragraphs:
                body.paragraphs.append(text)  # a table is data, not a line to judge
            continue
        near_top = index < 4
        if near_top and title_key and (key == title_key or index in split_title):
            continue
        if link_list and len(text.split()) <= 16 and not SENTENCE_END.search(text):
            continue  # a headline in a "Read more:" list
        link_list = False
        if is_noise(text) or (len(text) < 200 and FOOTER.match(text)):
            link_list = bool(_LINK_LIST.match(text))
            copyright = _COPYRIGHT.match(text)
            if copyright and (agency := agency_name(copyright.group("owner"))):
                body.agencies.append(agency)
            continue
        if credit := (caption_credit(text) if len(text) < 300 else None):
            body.credits.append(credit)
            continue
        if closing := closing_credit(text):
            body.agencies.extend(closing[1])
            continue
        if near_top and _SHORT_BYLINE.match(text) and len(text.split()) <= 16:
            names, wires = split_names(
                re.split(r"\b(?:updated|published|posted)\b", text, flags=re.I)[0]
            )
            if names or wires:
                body.authors.extend(names)
                body.agencies.extend(wires)
                continue
        if (
            near_top
            and _REVIEWER_LINE.match(text)
            and len(text.split()) <= 16
            and split_names(_REVIEWER_LINE.sub("", text, count=1).split(" on ")[0])[0]
        ):
            continue  # the reviewer's credit, not a paragraph (and not an author)
        if near_top and len(text) < 60 and parse_date(text) and len(text.split()) <= 8:
            continue  # a date line left above the body
        dateline = datelines.AGENCY.match(text) if not body.paragraphs else None
        if dateline and (agency := agency_name(dateline.group("agency"))):
            body.agencies.append(agency)
        if text in body.paragraphs and len(text.split()) < 25:
            continue  # a label or heading repeated (chart titles, sticky headers)
        body.paragraphs.append(text)
    return body


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


def _link_texts(root: HtmlElement) -> set[str]:
    """The texts of the page's links of four words or more: a paragraph that is all one
    link is a teaser for another story."""
    texts = set()
    for link in root.iter("a"):
        text = clean_space(link.text_content())
        if text.count(" ") >= 3:
            texts.add(text)
    return texts


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


def _second_keeps(
    root: HtmlElement, meta: PageMeta, credits: list[Credit], alts: _Alts, found: list[Credit]
) -> Callable[[str], bool]:
    """The line tests a paragraph only the second extractor keeps must pass: the ones the
    post-clean applies to digest's own (no boilerplate, caption, credit, byline, date line,
    piece of the headline), no caption digest took out of the page, and no line repeating an
    image's ``alt`` text (a caption the page sets apart from its image: added to ``found``)."""
    title_key = text_key(meta.title or "")
    captions = [credit.text for credit in credits]
    links: set[str] | None = None

    def is_link(text: str) -> bool:
        nonlocal links
        if links is None:  # read when first needed: most pages add nothing
            links = _link_texts(root)
        return text in links

    def keep(text: str) -> bool:
        key = text_key(text)
        words = len(text.split())
        return not (
            not key
            or (title_key and f" {key} " in f" {title_key} ")
            or is_noise(text)
            or (len(text) < 200 and FOOTER.match(text))
            or is_teaser(text)
            or slide_count(text) is not None
            or (len(text) < 300 and caption_credit(text))
            or closing_credit(text)
            or (_SHORT_BYLINE.match(text) and words <= 16)
            or (_REVIEWER_LINE.match(text) and words <= 16)
            or (len(text) < 60 and parse_date(text) and words <= 8)
            or any(text in c or (len(c) >= 40 and c in text) for c in captions)
            or _credited(text, alts, found)
            or is_link(text)
        )

    return keep


def _credited(text: str, alts: _Alts, found: list[Credit]) -> bool:
    """Whether ``text`` is an image's caption; if so, it is added to ``found`` (once)."""
    if not alts.captions(text):
        return False
    if all(credit.text != text for credit in found):
        found.append(Credit("photo", text))
    return True


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
    alts = _Alts(root, text_key(meta.title or ""))
    captions = _preclean(root, meta)
    tables: set[str] = set()
    try:
        found, container = recover(root, blocks(_readable_body(root, url), tables))
    except NotAnArticleError:
        found, container = [], None
    # The second extractor reads the page as digest's own does, without the furniture the
    # pre-clean took out, and only the part around the story digest found (the <article> or
    # <main> that holds it): at half the cost of reading the page whole.
    theirs = read_second(_story_scope(root, container))
    body = _postclean(found, meta, tables)
    credits = [credit for credit, holder in captions if _inside(holder, container)]
    keep = _second_keeps(
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
    standfirst = _standfirst(root, meta, paragraphs)
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
