"""Markup that would make the HTML parser slow, simplified before the parser sees it.

libxml2's HTML parser compares each attribute of a tag with every attribute before it, so
a tag's cost grows with the square of its attribute count: one ``<p>`` with 30,000
attributes (under 600 KB) takes seconds, 60,000 take a minute and a half, and a page
within the 20 MB fetch cap could take hours. News pages have at most a few dozen on any
element (70 on the busiest page of the corpus). :func:`limit_attributes` keeps the first
:data:`MAX_ATTRIBUTES` of each tag and drops the rest before lxml parses the page, which
bounds the parse of the largest page read to about a second.

The tags are found as an HTML5 tokenizer finds them, which is how libxml2 (2.14 and
later) reads them: comments, ``<!...>`` and ``<?...>`` declarations, raw-text elements
(``script``, ``style``, ``title``, ``textarea``, ``xmp``, ``iframe``, ``noembed``,
``noframes``, ``plaintext``), and tags whose attributes may be quoted, unquoted, valueless,
or separated by ``/`` (tests/test_markup.py pins the two readings together). As a guard
against any difference left, a ``<`` inside a tag is written as ``&lt;`` (an attribute
value means the same, as the parser decodes it): the parser then finds no tag inside a
span this scan took for one tag.

Most of a page is scanned by one regular expression (:data:`_PLAIN`) without a step in
Python; it stops only at raw-text elements (whose end is then searched for), tags over
the limit or holding a ``<``, and ``<plaintext>``.
"""

from __future__ import annotations

import re

MAX_ATTRIBUTES = 128
"""Attributes kept on one tag. The parse of a page costs up to the attribute count times
this (about a second and a half for a 12-million-character page of tags this full)."""

_SPACE = r"[\t\n\f\r ]"
_NAME_CHAR = r"[^\t\n\f\r />=<]"

_ATTRIBUTE = (
    rf"(?:{_SPACE}|/)*+"  # before an attribute: spaces, and slashes as in <p/a/b>
    r"[^\t\n\f\r />][^\t\n\f\r />=]*+"  # its name (which may start with "=")
    rf"""(?:{_SPACE}*+={_SPACE}*+(?:"[^"]*+"|'[^']*+'|[^\t\n\f\r >]*+))?+"""  # its value
)
"""One attribute, as the HTML5 tokenizer reads it after a tag's name."""

_PLAIN_ATTRIBUTE = (
    rf"(?:{_SPACE}|/)*+"
    r"[^\t\n\f\r /><][^\t\n\f\r />=<]*+"
    rf"""(?:{_SPACE}*+={_SPACE}*+(?:"[^"<]*+"|'[^'<]*+'|[^\t\n\f\r ><]*+))?+"""
)
"""An attribute with no ``<`` in it."""

_RAW_TEXT = ("script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes")
"""Elements whose content the tokenizer reads as text up to their end tag."""

_RAW_NAME = rf"(?:{'|'.join(_RAW_TEXT)})(?=[\t\n\f\r />])"

_PLAIN = re.compile(
    rf"""(?:
        [^<]++
      | <(?![!?/A-Za-z])
      | <!--(?:-?>|.*?--!?>|.*\Z)
      | <[!?][^>]*+>?
      | </(?:>|[^A-Za-z>][^>]*+>?)
      | </?(?!{_RAW_NAME}|plaintext(?=[\t\n\f\r />]))[A-Za-z][^\t\n\f\r /><]*+
        (?:{_PLAIN_ATTRIBUTE}){{0,{MAX_ATTRIBUTES}}}+
        (?!(?:{_SPACE}|/)*+[^\t\n\f\r />])
    )*+""",
    re.X | re.S | re.I,
)
"""A run of the page that needs no change: text, comments, declarations, and tags within
the limit with no ``<`` in them (but for the start tags of raw-text elements)."""

_TAG = re.compile(
    rf"""<(?P<end>/)?(?P<name>[A-Za-z][^\t\n\f\r />]*+)
    (?P<kept>(?:{_ATTRIBUTE}){{0,{MAX_ATTRIBUTES}}}+)
    (?:{_ATTRIBUTE})*+""",
    re.X,
)
"""A tag where :data:`_PLAIN` stops: its first attributes (``kept``) and any beyond them."""

_RAW_END = {name: re.compile(rf"</{name}(?=[\t\n\f\r />])", re.I) for name in _RAW_TEXT}
"""Where each raw-text element's text ends, as the tokenizer ends it."""


def limit_attributes(text: str) -> tuple[str, int]:
    """``text`` with at most :data:`MAX_ATTRIBUTES` attributes on each tag.

    Returns:
        The page as the parser should see it (``text`` itself when nothing changed), and
        how many tags lost attributes.
    """
    pieces: list[str] = []
    copied = 0  # text[:copied] is in pieces
    simplified = 0
    position = 0
    length = len(text)
    while (plain := _PLAIN.match(text, position)) is not None and plain.end() < length:
        position = plain.end()
        tag = _TAG.match(text, position)
        if tag is None:  # not expected: the plain run stops only at a tag
            position += 1
            continue
        end, kept = tag.end(), tag.end("kept")
        if end > kept:
            simplified += 1
        if end > kept or text.find("<", position + 1, kept) >= 0:
            pieces += (text[copied:position], "<", text[position + 1 : kept].replace("<", "&lt;"))
            copied = end
        name = tag.group("name").lower()
        if not tag.group("end") and name == "plaintext":
            break  # everything after <plaintext> is text
        if not tag.group("end") and name in _RAW_END:
            # The element's text, up to its end tag, is text: no tag is looked for in it.
            close = text.find(">", end)
            found = _RAW_END[name].search(text, close + 1) if close >= 0 else None
            end = found.start() if found else length
        position = end
    if not pieces:
        return text, simplified
    pieces.append(text[copied:])
    return "".join(pieces), simplified
