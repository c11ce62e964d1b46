"""Render a saved HTML page to the text a browser shows when the page is selected and copied.

Used by the benchmarks to score the plain-text path on the corpus pages: navigation,
captions, share lines and footers stay inline, as they do in a real copy. Scripts,
styles, hidden elements and comments are dropped; block elements and ``<br>`` end a line.
"""

from __future__ import annotations

import re

import lxml.html

BLOCKS = frozenset(
    "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tr ul td th caption summary".split()
)
DROP = ("script", "style", "noscript", "template", "svg", "iframe", "head", "select", "button", "input")


def _flat(text: str) -> str:
    # Browsers fold source line breaks inside a paragraph into spaces.
    return re.sub(r"\s+", " ", text)


def browser_text(html: str) -> str:
    """The page's visible text, one block per line."""
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for element in list(root.iter(*DROP, lxml.etree.Comment)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.xpath('//*[@hidden or contains(translate(@style," ",""),"display:none") or @aria-hidden="true"]'):
        if element.getparent() is not None:
            element.drop_tree()
    parts: list[str] = []

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in BLOCKS
        if block:
            parts.append("\n")
        if tag == "br":
            parts.append("\n")
        if tag and element.text:
            parts.append(element.text if tag == "pre" else _flat(element.text))
        for child in element:
            walk(child)
            if child.tail:
                parts.append(_flat(child.tail))
        if block:
            parts.append("\n")

    walk(root)
    text = "".join(parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line:
            out.append(line)
        elif out and out[-1]:
            out.append("")
    return "\n".join(out).strip() + "\n"
