"""The pre-clean of an HTML page, before either extractor reads it: captions and figure
credits taken out as photo credits, and page furniture dropped (share bars, newsletter
boxes, "related" blocks, bylines, labels laid over charts, what the page hides from
readers, video players' boxes, widgets worked by form controls), judged by class names,
structure and text. Its second half, on the extractors' paragraphs, is
:mod:`digest.extract.postclean`.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from lxml.html import HtmlElement

from digest.extract.blocks import INLINE_TAGS, SKIP_TAGS, shown_text
from digest.extract.dom import (
    BLOCK_TAGS,
    class_names,
    class_pattern,
    clean_space,
    hidden_from_readers,
    link_density,
)
from digest.extract.lines import count_words, is_prose
from digest.extract.meta import PageMeta
from digest.extract.meta.title import text_key
from digest.models import Credit

_KEEP_TAGS = frozenset({"html", "body", "article", "main"})

_BOILER_CLASS = class_pattern(
    r"share|sharing|sharebar|sharedaddy|social|newsletter|related\w*|recommend(?:ed|ations)?|read-?more|"
    r"more-?stories|promo|outbrain|taboola|subscribe|subscription|signup|sign-up|advert|advertisement|"
    r"ad-?slot|sponsor(?:ed)?|comments?|breadcrumbs?|toolbar|newsletter-?signup|popular|most-?read|"
    r"trending|cookie|consent|inline-?cta|skip-?link|print-?only|gallery"
)
_CAPTION_CLASS = class_pattern(
    r"caption|credit|photo-?credit|image-?credit|wp-caption-text|media-?credit|(?:image|photo)-?agency"
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

_SENTENCE = re.compile(r"""\w[.!?…]["'”’)\]]*(?:\s|$)""")
SLIDE_SENTENCES = 3
"""A figure caption with this many sentences or more reads as a passage of the story."""


FIGURE_CREDIT_CHARS = 100
"""The longest text a ``<figure>`` holding a picture carries outside its caption that reads
as the picture's credit ("Gab.ai", "Photo: Jane Roe/Agency")."""
FIGURE_CREDIT_WORDS = 12
"""The most words such a credit has."""
_FIGURE_PICTURES = ("img", "picture", "video")
_FIGURE_PASSAGES = frozenset(
    {"p", "blockquote", "pre", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}
)


def _figure_credit(figure: HtmlElement) -> str | None:
    """The credit a ``<figure>`` sets beside its picture, outside its ``<figcaption>`` and
    elements whose class names a caption (:func:`preclean` takes those out itself)
    (``<figure><img><span><cite>Agency</cite></span></figure>``), and removes it from the
    figure.

    ``None`` when the figure holds no picture, or words before it (a label read to screen
    readers: "Image"), or a passage (a quote, a listing, a table: figures hold those too),
    or more than one line outside its caption (a slide's title beside a widget), or a line
    longer than a credit.
    """
    pictured = False
    nodes: list[HtmlElement] = []
    captions: set[HtmlElement] = set()
    for node in figure.iter():
        if not isinstance(node.tag, str):
            continue
        if node.getparent() in captions or (
            node is not figure
            and (node.tag == "figcaption" or _class_kinds(class_names(node)).caption)
        ):
            captions.add(node)
            continue
        nodes.append(node)
        if node.tag in _FIGURE_PICTURES:
            pictured = True
        elif not pictured and node.tag not in SKIP_TAGS and (node.text or "").strip():
            return None  # a label read before the picture ("Image", for screen readers)
    if not pictured or any(node.tag in _FIGURE_PASSAGES for node in nodes):
        return None
    holders = [
        node
        for node in nodes
        if (node.text or "").strip() and not any(a.tag in SKIP_TAGS for a in _up_to(node, figure))
    ]
    loose = [
        node
        for node in [*nodes, *captions]
        if node is not figure and node.getparent() not in captions and (node.tail or "").strip()
    ]
    if len(holders) != 1 or loose or len(holders[0]):
        return None  # one line, in an element of its own: a credit, not a title and a widget
    text = clean_space(holders[0].text or "")
    if len(text) > FIGURE_CREDIT_CHARS or count_words(text) > FIGURE_CREDIT_WORDS:
        return None
    holders[0].text = None
    return text


_CONTROLS = frozenset({"checkbox", "radio", "text", "search", "email", "number", "range", "submit"})
"""The ``type`` of an ``<input>`` a reader sees and works: a form's, a widget's toggle."""


def _control_box(control: HtmlElement, story: _Prose) -> HtmlElement | None:
    """The block around a visible form control (``<input type="checkbox">`` ...) when it
    holds no prose: a widget (a data box with a "show more" toggle, a poll, a search or
    sign-up form), which a story's text never is. ``None`` for a hidden input, or when the
    nearest block holds prose (the control sits in the story's own container)."""
    if (control.get("type") or "text").lower() not in _CONTROLS:
        return None
    for ancestor in control.iterancestors():
        if ancestor.tag in _KEEP_TAGS:
            return None
        if ancestor.tag in BLOCK_TAGS:
            return None if story.of(ancestor) else ancestor
    return None


PLAYER_TEXT_CHARS = 120
"""The most text a video player's box holds around its ``<video>``: a title, a duration,
its buttons' labels. A box with more is part of the page around the player."""


def _player_box(video: HtmlElement) -> HtmlElement | None:
    """The largest box around a ``<video>`` that holds nothing but the player and its few
    words (its title, a duration): the player's furniture, not the story's text. ``None``
    when the video stands in a paragraph or beside a caption (those are read as such)."""
    box = None
    for ancestor in video.iterancestors():
        if ancestor.tag in _KEEP_TAGS or ancestor.tag in ("p", "figure"):
            break
        if (
            ancestor.find(".//p") is not None
            or ancestor.find(".//figcaption") is not None
            or len(shown_text(ancestor, " ")) > PLAYER_TEXT_CHARS
        ):
            break
        box = ancestor
    return box


def _up_to(node: HtmlElement, top: HtmlElement) -> list[HtmlElement]:
    """``node`` and its ancestors up to ``top`` (included)."""
    chain = [node]
    while node is not top and (node := node.getparent()) is not None:
        chain.append(node)
    return chain


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


class Alts:
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


def preclean(root: HtmlElement, meta: PageMeta) -> list[tuple[Credit, HtmlElement]]:
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
        if tag == "input" and (box := _control_box(element, story)) is not None:
            doomed.append(box)  # a widget's toggle or a form: not the story's text
            continue
        if tag == "video" and (box := _player_box(element)) is not None:
            doomed.append(box)  # the player's title and labels, not the story's text
            continue
        names = class_names(element)
        if element in slides:
            continue
        kinds = _class_kinds(names)
        if (
            tag == "figure"
            and (credit := _figure_credit(element))
            and not any(credit in c.text for c, _ in credits)
        ):
            credits.append((Credit("photo", credit), element.getparent()))
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
