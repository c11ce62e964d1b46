"""Paragraphs readability left out, put back where they stand.

readability-lxml keeps the block it scores highest; on some pages that block is not the
whole story: the intro sits one level up beside it, a lead is laid out in a row of its own,
or the story is broken over several blocks of one kind with ads and images between them.
:func:`recover` finds the container of the kept paragraphs again and puts back the prose
around it that reads as the story's own (not links, captions or boilerplate).
"""

from __future__ import annotations

from collections import Counter

from lxml.html import HtmlElement

from digest.extract.blocks import pieces
from digest.extract.dom import clean_space, link_density
from digest.extract.lines import caption_credit, is_noise, is_prose


def recover(root: HtmlElement, blocks: list[str]) -> tuple[list[str], HtmlElement | None]:
    """Put back prose paragraphs readability left out of the container it chose.

    readability sometimes keeps most of a story's ``<p>`` elements but drops the intro, a
    paragraph wrapped in its own ``<div>`` or a lead set in a row of its own. The container
    that holds most of the kept paragraphs in the page is found again (for a story broken
    over several blocks of one kind, the blocks' common ancestor), and its other paragraphs
    that read as prose (not links, not captions, not boilerplate) are inserted where they
    stand; so is the prose of blocks built like the body's own (``_twin_blocks``).
    """
    known = {text: index for index, text in enumerate(blocks)}
    # A paragraph is matched by its lines as the blocks were split (a <br> may break one).
    paragraphs = [(p, pieces(p)) for p in root.iter("p")]
    matched = [p for p, parts in paragraphs if parts and all(part in known for part in parts)]
    if len(matched) < 3:
        return blocks, None
    holders = Counter(p.getparent() for p in matched)
    parent, count = holders.most_common(1)[0]
    if parent is None:
        return blocks, None
    close = {parent}
    climbs = 2
    if count < len(matched) * 0.6:
        # A story broken over several blocks of one kind (a block per few paragraphs, with
        # images and ads between them) is held by the blocks' nearest common ancestor.
        twins = _same_kind(holders, len(matched))
        if not twins:
            return blocks, None
        parent = _common_ancestor(twins)
        if parent.tag in ("body", "html"):
            return blocks, None  # blocks spread over the whole page are not one story's
        close = {*twins, parent}
        climbs = 1
    joined = "\n".join(blocks)
    inserts: dict[int, list[str]] = {}
    waiting: list[str] = []
    dense: dict[HtmlElement, bool] = {}
    # Intros often sit one level up, beside the container of the body paragraphs.
    container = parent
    for _ in range(climbs):
        if container.getparent() is None or container.getparent().tag in ("body", "html"):
            break
        container = container.getparent()
        close.add(container)
    blocks = list(blocks)
    for element in container.iter("p"):
        parts = pieces(element)
        if not parts:
            continue
        if len(parts) == 1 and parts[0] not in known:
            shortened = _shortened(parts[0], blocks)
            if shortened is not None:
                # readability took words out of this paragraph (an inline link it found
                # unlikely, "<a id='tag_twitter'>Twitter</a> erupted ..."): the page's whole
                # paragraph stands in for its shortened copy.
                blocks[shortened] = parts[0]
                known[parts[0]] = shortened
                joined = "\n".join(blocks)
        if all(part in known for part in parts):
            if waiting:
                inserts.setdefault(known[parts[0]], []).extend(waiting)
                waiting = []
            continue
        text = " ".join(parts)
        holder = element.getparent()
        if (
            not any(part in joined for part in parts)
            and _story_text(element, text)
            and (
                holder in close
                or (holder.getparent() in close and len(holder.findall(".//p")) <= 2)
                or _prose_path(holder, close, len(joined) // 2, dense)
            )
        ):
            waiting.append(text)
    recovered: list[str] = []
    for index, text in enumerate(blocks):
        recovered.extend(inserts.get(index, ()))
        recovered.append(text)
    # Prose right after the last kept paragraph, in the same parent, is the story's end.
    siblings = {" ".join(pieces(p)) for p in matched[-1].itersiblings("p")}
    recovered.extend(t for t in waiting if t in siblings)
    before, after = _twin_blocks(parent, "\n".join(recovered)) if climbs == 2 else ([], [])
    if before:
        first = recovered.index(pieces(matched[0])[0])
        recovered[first:first] = before
    recovered.extend(after)
    return recovered, container


SHORTENED_SHARE = 0.8
"""A block that keeps this share of a paragraph's words, in order, is that paragraph shortened."""


def _shortened(text: str, blocks: list[str]) -> int | None:
    """The index of the block that is ``text`` with a few of its words taken out (all of the
    block's words in ``text``, in the same order, and most of ``text``'s), if any."""
    words = text.split()
    if len(words) < 8:
        return None
    for index, block in enumerate(blocks):
        kept = block.split()
        if not SHORTENED_SHARE * len(words) <= len(kept) < len(words):
            continue
        remaining = iter(words)
        if all(word in remaining for word in kept):  # a subsequence: words in order
            return index
    return None


def _same_kind(holders: Counter[HtmlElement], total: int) -> list[HtmlElement]:
    """The blocks, all of one tag and class, that together hold most of the kept paragraphs;
    empty when no one kind of block does."""
    kinds: Counter[tuple[str, str]] = Counter()
    for holder, count in holders.items():
        names = holder.get("class") or ""
        if names.strip():
            kinds[(holder.tag, names)] += count
    if not kinds:
        return []
    kind, count = kinds.most_common(1)[0]
    twins = [h for h in holders if (h.tag, h.get("class") or "") == kind]
    return twins if len(twins) >= 2 and count >= total * 0.6 else []


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement:
    """The nearest element that holds all of ``elements``."""
    lineage = [elements[0], *elements[0].iterancestors()]
    depth = 0
    for element in elements[1:]:
        mine = {element, *element.iterancestors()}
        while lineage[depth] not in mine:
            depth += 1
    return lineage[depth]


def _story_text(element: HtmlElement, text: str) -> bool:
    """Whether a paragraph reads as the story's own text: prose, not links, captions or prompts."""
    return (
        is_prose(text)
        and not is_noise(text)
        and not caption_credit(text)
        and link_density(element, len(text)) < 0.3
    )


def _prose_chars(element: HtmlElement) -> int:
    """Characters of ``element``'s text that sit in paragraphs reading as the story's own."""
    total = 0
    for paragraph in element.iter("p"):
        text = clean_space(paragraph.text_content())
        if text and _story_text(paragraph, text):
            total += len(text)
    return total


def _prose_path(
    holder: HtmlElement, close: set[HtmlElement], limit: int, dense: dict[HtmlElement, bool]
) -> bool:
    """Whether ``holder`` reaches the article's container through a few wrappers made almost
    only of prose paragraphs: an intro laid out in its own row above the body's columns.

    A wrapper with as much prose as half the body is a story of its own, not an intro.
    ``dense`` remembers the wrappers already measured.
    """
    node: HtmlElement | None = holder
    for _ in range(3):
        if node is None or node in close:
            return node is not None
        if node.tag not in ("div", "section"):
            return False  # lists, tables, figures and asides are not rows of the layout
        if node not in dense:
            length = len(clean_space(node.text_content()))
            prose = _prose_chars(node)
            dense[node] = bool(length) and 0.85 * length <= prose <= limit
        if not dense[node]:
            return False
        node = node.getparent()
    return node is not None and node in close


_TWIN_DEPTH = 6
"""How far above the body's block to look for blocks of the same kind (same tag, same class)."""


def _twin_blocks(parent: HtmlElement, joined: str) -> tuple[list[str], list[str]]:
    """Prose from blocks built like the body's own (same tag and class) near it in the page,
    split into what comes before the body and what comes after.

    Some pages break a story over several copies of one block, with the lead apart from the
    rest and ads or images between them, so readability keeps only the longest run. Blocks
    inside another ``<article>`` belong to another story and are left alone.
    """
    names = parent.get("class") or ""
    if not names.strip():
        return [], []
    ancestors = list(parent.iterancestors())
    scope: HtmlElement | None = None
    twins: list[HtmlElement] = []
    for scope in ancestors[:_TWIN_DEPTH]:
        if scope.tag in ("body", "html"):
            return [], []
        twins = [
            element
            for element in scope.iter(parent.tag)
            if element is not parent
            and element.get("class") == names
            and element not in ancestors
            and parent not in set(element.iterancestors())
        ]
        if twins:
            break
    if scope is None or not twins:
        return [], []
    lineage = set(ancestors)
    if any(article not in lineage for article in scope.iter("article")):
        return [], []
    order = {element: index for index, element in enumerate(scope.iter())}
    before: list[str] = []
    after: list[str] = []
    for twin in twins:
        side = before if order[twin] < order[parent] else after
        for paragraph in twin.iter("p"):
            parts = pieces(paragraph)
            text = " ".join(parts)
            if (
                text
                and not any(part in joined for part in parts)
                and text not in side
                and _story_text(paragraph, text)
            ):
                side.append(text)
    return before, after
