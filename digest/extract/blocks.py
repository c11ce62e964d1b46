"""How a page's tree becomes blocks of text: the paragraphs as a reader sees them.

A block starts and ends where a block element or a ``<br>`` does (:func:`blocks`), with
three exceptions that keep what a reader sees as one thing in one block:

- inline styling never splits a word or a paragraph (:func:`mend`): a drop cap set in a
  block of its own (``<p><div class="dropcap">T</div>urkey ...``) is joined to its word,
  a paragraph the parser closed early at a block element inside it (HTML cannot nest
  a ``<div>`` in a ``<p>``) gets back the words that followed, and a line of a ``<div>``
  written as lines between ``<br>`` s keeps the link or emphasis in it (readability would
  set the words before it and the link in paragraphs of their own);
- a ``<br>`` inside a paragraph that breaks a sentence in the middle ("take effect on<br>
  March 1") is a space, not a new paragraph (:func:`line_goes_on`);
- a data table is one block, its rows joined (:func:`table_text`), so that it neither
  reads as a run of one-line paragraphs nor swamps the story.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from digest.extract.dom import BLOCK_TAGS, clean_space
from digest.extract.lines import SENTENCE_END, count_words

SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "button", "select", "textarea", "iframe"}
)
"""Elements whose text is never the page's text a reader sees."""
INLINE_TAGS = frozenset(
    {
        "span",
        "a",
        "em",
        "strong",
        "b",
        "i",
        "cite",
        "time",
        "small",
        "abbr",
        "sup",
        "sub",
        "u",
        "mark",
        "q",
        "font",
    }
)
"""Tags that style a run of words inside a line."""

_DROP_CAP = re.compile(r"^[\"'“‘«]?[^\W\d_]$")
"""A drop cap: one letter, maybe after an opening quote mark."""
_LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]\s|[-–—•·*▪►]\s?)")
"""A line that starts an item of a list ("2. Norway", "• Oil"): a line of its own."""
_TABLE_CELL_PROSE_WORDS = 15
"""A table cell with this many words ending as a sentence is a paragraph: the table is the
page's layout (a story set in a cell), not data."""
TABLE_CELL = " | "
"""What joins the cells of a table row in the table's block (rows are joined by newlines)."""


def mend(root: HtmlElement) -> None:
    """Undo what inline styling and the parser did to words and paragraphs, in place.

    A drop cap whose letter stands in an element of its own, the rest of the word right
    after it, is joined to the word. A paragraph followed by the rest of its own text (the
    parser closes a ``<p>`` at a ``<div>`` inside it, leaving the words after the ``<div>``
    outside) takes that text back, with the inline elements in it, when it goes on
    mid-sentence (it starts in lower case) or when the paragraph was left empty.
    """
    caps = [
        element
        for element in root.iter()
        if isinstance(element.tag, str)
        and element.tag not in SKIP_TAGS
        and element.text
        and len(element.text) <= 3
        and not len(element)
        and element.tail
        and element.tail[:1].islower()
        and _DROP_CAP.match(element.text.strip())
        and element.text.strip()[-1].isupper()
    ]
    for element in caps:
        if element.getparent() is not None:
            element.drop_tag()
    for paragraph in list(root.iter("p")):
        _take_back_tail(paragraph)
    for division in list(root.iter("div")):
        _hold_lines(division)


def _hold_lines(division: HtmlElement) -> None:
    """Wrap the words that follow a ``<br>`` or a block in a ``<div>``, when an inline
    element goes on with the same line, in a ``<span>``.

    ("<div>...<br>The data can be viewed at <a>the survey site</a>.</div>"). readability
    turns such a line into paragraphs: the loose words into one and the inline elements
    after them into another, splitting the sentence at the link. Held in an inline element
    of their own, the words start the paragraph the link joins. The text is unchanged.
    """
    for child in list(division):
        after = child.getnext()
        if (
            not isinstance(child.tag, str)
            or child.tag in INLINE_TAGS
            or not (child.tail or "").strip()
            or after is None
            or not isinstance(after.tag, str)
            or after.tag not in INLINE_TAGS
        ):
            continue
        holder = lxml.html.Element("span")
        holder.text, child.tail = child.tail, None
        child.addnext(holder)


def _take_back_tail(paragraph: HtmlElement) -> None:
    """Give ``paragraph`` back the words the parser left after it (see :func:`mend`)."""
    carrier = paragraph
    if not (paragraph.tail or "").strip():
        after = paragraph.getnext()
        if (
            after is None
            or not isinstance(after.tag, str)
            or after.tag not in BLOCK_TAGS
            or not (after.tail or "").strip()
            or shown_text(after)
            or after.find(".//img") is not None
        ):
            return
        carrier = after  # an empty block (an ad slot laid out inline) stands in the way
    rest = carrier.tail or ""
    empty = not clean_space(paragraph.text_content())
    if not empty and not rest.lstrip()[:1].islower():
        return
    _append_text(paragraph, rest)
    carrier.tail = None
    while (node := carrier.getnext()) is not None and (
        isinstance(node.tag, str) and node.tag in INLINE_TAGS
    ):
        paragraph.append(node)  # the inline elements of the same line, with their tails


def _append_text(element: HtmlElement, text: str) -> None:
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def shown_text(element: HtmlElement, between: str = "") -> str:
    """The element's text a reader sees (none of its scripts or styles), its pieces joined
    by ``between``."""
    pieces: list[str] = []
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag not in SKIP_TAGS:
            pieces.append(node.text or "")
        if node is not element:
            pieces.append(node.tail or "")
    return clean_space(between.join(pieces))


def line_goes_on(before: str, after: str) -> bool:
    """Whether a ``<br>`` inside a paragraph breaks a sentence in the middle.

    The line before does not end as a sentence or with a colon, the next one starts no
    list item, and one of them shows the sentence going on: the next starts in lower case,
    or the line before ends on a lower-case word or a comma ("take effect on" / "March 1").
    Lines of names and labels ("By Jane Roe" / "Staff writer") stay apart.
    """
    before, after = before.rstrip(), after.lstrip()
    if not before or not after or SENTENCE_END.search(before) or before.endswith(":"):
        return False
    if _LIST_ITEM.match(after):
        return False
    last = before.split()[-1]
    return after[:1].islower() or (last.isalpha() and last.islower()) or before[-1] in ",;(–—"


def table_text(table: HtmlElement) -> str | None:
    """A data table as one block: each row's cells joined by :data:`TABLE_CELL`, one row a
    line. ``None`` for a table that lays out the page (tables in it, or a cell that holds a
    paragraph) or has fewer than two rows of two cells."""
    if table.find(".//table") is not None:
        return None
    rows: list[str] = []
    widest = 0
    for row in table.iter("tr"):
        cells = [
            text
            for cell in row
            if isinstance(cell.tag, str) and cell.tag in ("td", "th") and (text := _cell_text(cell))
        ]
        if any(
            count_words(cell) >= _TABLE_CELL_PROSE_WORDS and SENTENCE_END.search(cell)
            for cell in cells
        ):
            return None
        if cells:
            rows.append(TABLE_CELL.join(cells))
            widest = max(widest, len(cells))
    if len(rows) < 2 or widest < 2:
        return None
    return "\n".join(rows)


def _cell_text(cell: HtmlElement) -> str:
    """A table cell's text, its pieces apart ("<span>Shamli</span><span>26</span>" reads
    "Shamli 26"): cells of a grid often set their values in adjacent inline elements."""
    return shown_text(cell, " ")


def blocks(root: HtmlElement, tables: set[str] | None = None) -> list[str]:
    """The text of ``root`` split where a block element or ``<br>`` starts or ends.

    A ``<br>`` inside a paragraph that breaks a sentence is read as a space
    (:func:`line_goes_on`); a data table is one block (:func:`table_text`), also added to
    ``tables`` when it is given.
    """
    found: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = clean_space("".join(buffer))
        if text:
            found.append(text)
        buffer.clear()

    skipping = 0
    paragraphs = 0
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if skipping or tag in SKIP_TAGS:
                skipping += 1
                continue
            if tag == "table" and (table := table_text(element)) is not None:
                flush()
                found.append(table)
                if tables is not None:
                    tables.add(table)
                skipping = 1
                continue
            if (
                tag == "br"
                and paragraphs
                and not _between_links(element)
                and line_goes_on("".join(buffer), _next_text(element))
            ):
                buffer.append(" ")
            elif tag in BLOCK_TAGS or tag == "br":
                flush()
            if tag == "p":
                paragraphs += 1
            if element.text:
                buffer.append(element.text)
        else:
            if skipping:
                skipping -= 1
                if skipping:
                    continue
            elif tag in BLOCK_TAGS:
                flush()
                if tag == "p" and paragraphs:
                    paragraphs -= 1
            if element.tail and element is not root:
                buffer.append(element.tail)
    flush()
    return found


def _between_links(br: HtmlElement) -> bool:
    """Whether the line before a ``<br>`` ends with a link, or the next starts with one: a
    list of links ("Business Insider: <a>...</a><br>Wall Street Journal: <a>...</a>")."""
    before, after = br.getprevious(), br.getnext()
    if before is not None and before.tag == "a" and not (before.tail or "").strip():
        return True
    return after is not None and after.tag == "a" and not (br.tail or "").strip()


def _next_text(br: HtmlElement) -> str:
    """The words after a ``<br>``: its tail, else the start of the next element's text
    (nothing when another ``<br>`` follows: a blank line ends the paragraph)."""
    if (br.tail or "").strip():
        return br.tail or ""
    after = br.getnext()
    if after is None or not isinstance(after.tag, str) or after.tag == "br":
        return ""
    return "" if after.tag in BLOCK_TAGS else after.text_content()[:40]


def pieces(paragraph: HtmlElement) -> list[str]:
    """The blocks of one ``<p>``: its text, or its lines when a ``<br>`` or a block inside
    it breaks them (as :func:`blocks` would split it)."""
    if not any(
        isinstance(node.tag, str) and (node.tag == "br" or node.tag in BLOCK_TAGS)
        for node in paragraph.iterdescendants()
    ):
        text = clean_space(paragraph.text_content())
        return [text] if text else []
    return blocks(paragraph)
