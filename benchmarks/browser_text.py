"""Render a saved HTML page to the text a browser gives when the page is selected and copied.

Used by the benchmarks to score the plain-text path on the corpus pages: navigation,
captions, share lines and footers stay inline, as they do in a real copy.

The rendering follows the HTML standard's ``innerText`` algorithm, which is also how
Chrome serialises a selection to plain text:

- Nothing that is not rendered: scripts, styles, ``<noscript>``, templates, the ``<head>``,
  form fields (``<input>``, ``<select>``, ``<textarea>``), the fallback text of media
  and embeds (``<video>``, ``<audio>``, ``<canvas>``, ``<object>``, ``<iframe>``, SVG),
  elements with the ``hidden`` attribute or an inline ``display: none`` / ``visibility:
  hidden``, a closed ``<dialog>`` and the body of a closed ``<details>``. Image alt text is
  not copied; button labels are.
- Line breaks: a block element (``div``, ``li``, ``section`` ...) starts and ends a line;
  a paragraph or a heading also leaves a blank line (a browser copies the margin under a
  ``<p>`` or ``<h1>``-``<h6>`` as an extra line break); consecutive breaks collapse to the
  largest, so nested blocks do not pile up blank lines. ``<br>`` is a line break.
- Table cells of a row are separated by a tab, rows by a line break.
- Whitespace inside a line collapses to one space (``<pre>`` keeps its own); a no-break
  space is copied as a space.

The saved pages lack their external stylesheets, so most elements that only CSS hides are
still rendered: a real copy holds somewhat less junk. One stand-in: ``aria-hidden="true"``
elements are dropped, because on news pages they are mostly the closed menus, drawers and
modal dialogs that the stylesheets hide (the visible ones are icons and separators).
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "listing",
        "main",
        "menu",
        "nav",
        "ol",
        "plaintext",
        "search",
        "section",
        "summary",
        "table",
        "caption",
        "tr",
        "ul",
        "xmp",
    ]
)
"""Elements the default style sheet lays out as blocks (and table rows): each starts and ends
a line."""

SPACED = frozenset(["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"])
"""Blocks with a margin below them: a copy leaves a blank line after (and before) them."""

DROP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "svg",
        "iframe",
        "object",
        "embed",
        "video",
        "audio",
        "canvas",
        "select",
        "input",
        "textarea",
        "datalist",
    ]
)
"""Elements whose content a browser does not show (or does not copy) as page text."""

_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
_SPACES = re.compile(r"[ \t\n\r\f]+")
_MARKS = {1: "\x01", 2: "\x02"}
_BREAKS = re.compile(r" *[\x01\x02][ \x01\x02]*")


def _hidden(element: lxml.html.HtmlElement) -> bool:
    if element.get("hidden") is not None or _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    if element.get("aria-hidden") == "true":
        # Stands in for the missing stylesheets: on news pages these are closed menus,
        # drawers and modal dialogs, which the page's CSS hides.
        return True
    return element.tag == "dialog" and element.get("open") is None


def browser_text(html: str) -> str:
    """The page's visible text as a browser copies it: one block per line."""
    # lxml refuses a str that declares its encoding (an XHTML page's "<?xml ... ?>").
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    # Items are strings or ints; an int is a required line break count (1 or 2).
    items: list[str | int] = []

    def walk(element: lxml.html.HtmlElement, pre: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in DROP or _hidden(element):
            return  # comments and processing instructions too; the tail is the caller's
        pre = pre or tag in ("pre", "listing", "xmp", "plaintext", "textarea")
        breaks = 2 if tag in SPACED else 1 if tag in BLOCKS else 0
        if breaks:
            items.append(breaks)
        if tag == "br":
            items.append("\n")
        if element.text:
            items.append(element.text if pre else _SPACES.sub(" ", element.text))
        children = [c for c in element if isinstance(c.tag, str) or c.tail]
        closed = tag == "details" and element.get("open") is None
        if closed:
            # A closed <details> shows only its summary, without the text around it.
            children = [c for c in children if c.tag == "summary"][:1]
        cells = [c for c in children if c.tag in ("td", "th")]
        for child in children:
            walk(child, pre)
            if cells and child is not cells[-1] and child.tag in ("td", "th"):
                items.append("\t")
            if child.tail and not closed:
                items.append(child.tail if pre else _SPACES.sub(" ", child.tail))
        if breaks:
            items.append(breaks)

    body = root.find("body")
    walk(body if body is not None else root, False)
    return _join(items)


def _join(items: list[str | int]) -> str:
    """Resolve the items: a run of line break counts (and the collapsible spaces around
    them) becomes as many newlines as its largest count."""
    text = "".join(_MARKS[item] if isinstance(item, int) else item for item in items)
    text = _BREAKS.sub(lambda m: "\n" * (2 if _MARKS[2] in m.group(0) else 1), text)
    text = text.replace("\u00a0", " ")
    lines = [re.sub(r" {2,}", " ", line).strip(" ") for line in text.split("\n")]
    text = "\n".join(line if line.strip() else "" for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
