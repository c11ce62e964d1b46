"""The post-clean of an HTML page's paragraphs, after the extractors read it: headlines
repeated, boilerplate lines, captions and closing credits, bylines, reviewers' credits and
date lines dropped, and the wire agencies and authors they name kept; the same line tests
for a paragraph only the second extractor kept. Its first half, on the page's tree, is
:mod:`digest.extract.preclean`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

from digest.extract.dom import clean_space
from digest.extract.lines import (
    FOOTER,
    SENTENCE_END,
    caption_credit,
    closing_credit,
    is_noise,
    is_teaser,
    slide_count,
)
from digest.extract.meta import PageMeta
from digest.extract.meta.title import text_key
from digest.extract.preclean import Alts
from digest.models import Credit
from digest.text import datelines
from digest.text.bylines import split_names
from digest.text.calendar import parse_date
from digest.text.outlets import agency_name

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


class Body:
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


def postclean(found: list[str], meta: PageMeta, tables: set[str]) -> Body:
    body = Body()
    title_key = text_key(meta.title or "")
    split_title = _split_title(found[:4], title_key)
    link_list = False
    opening = ""  # a dateline in a block of its own, for the paragraph after it
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
        if not body.paragraphs and datelines.ALONE.match(text) and index + 1 < len(found):
            # It opens the paragraph after it, as datelines do; one naming only the outlet or
            # an agency ("Example News —") is a credit, not a place.
            source = text.rstrip(" -—–―")
            if agency := agency_name(source):
                body.agencies.append(agency)
            elif not (meta.publisher and text_key(source) == text_key(meta.publisher)):
                opening = f"{text} "  # a place: the paragraph after it opens with it
            continue  # the outlet or an agency credited: no place, and no text
        if opening:
            text, opening = opening + text, ""
        dateline = datelines.AGENCY.match(text) if not body.paragraphs else None
        if dateline and (agency := agency_name(dateline.group("agency"))):
            body.agencies.append(agency)
        if text in body.paragraphs and len(text.split()) < 25:
            continue  # a label or heading repeated (chart titles, sticky headers)
        body.paragraphs.append(text)
    return body


def _link_texts(root: HtmlElement) -> set[str]:
    """The texts of the page's links of four words or more: a paragraph that is all one
    link is a teaser for another story."""
    texts = set()
    for link in root.iter("a"):
        text = clean_space(link.text_content())
        if text.count(" ") >= 3:
            texts.add(text)
    return texts


def second_keeps(
    root: HtmlElement, meta: PageMeta, credits: list[Credit], alts: Alts, found: list[Credit]
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


def _credited(text: str, alts: Alts, found: list[Credit]) -> bool:
    """Whether ``text`` is an image's caption; if so, it is added to ``found`` (once)."""
    if not alts.captions(text):
        return False
    if all(credit.text != text for credit in found):
        found.append(Credit("photo", text))
    return True
