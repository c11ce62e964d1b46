"""From raw bytes to text: what kind of document it is, and which charset it is in.

The kind is decided by content, never only by a file name: a saved page called
``story.txt`` is still HTML, and a text dump called ``page.html`` is still text.

Charsets are taken in this order: a byte-order mark; valid UTF-8 (a declaration that says
otherwise is wrong far more often than non-ASCII text is valid UTF-8 by accident); the
charset declared by the server or the page's ``<meta>``, when the bytes decode under it;
and last a statistical guess by charset-normalizer.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

from digest.errors import BinaryInputError, EmptyInputError

Kind = Literal["html", "text"]

_SNIFF_BYTES = 8192

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF (audio, video or WebP) file"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
    (b"OggS", "an Ogg audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(?:p|div|article|section|body|head|span|a|br|h[1-6]|table|script|link)\b[^>]*>", re.I)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""",
    re.I,
)

# WHATWG: pages that declare these are decoded with the superset, as browsers do.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift-jis": "cp932",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "tis-620": "cp874",
}


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def sniff(data: bytes) -> Kind:
    """Tell whether ``data`` is an HTML or a plain-text document.

    Raises:
        EmptyInputError: when there is nothing but whitespace.
        BinaryInputError: when it is an image, archive, executable or other binary data.
    """
    head = data[:_SNIFF_BYTES]
    if not head.strip():
        raise EmptyInputError("empty document")
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise BinaryInputError(f"not an HTML or text document ({what})")
    bom = _bom_encoding(head)
    if bom and bom != "utf-8-sig":
        head = head.decode(bom, errors="replace").encode("utf-8")
    elif b"\x00" in head:
        raise BinaryInputError("not an HTML or text document (binary data)")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > len(head) * 0.01:
        raise BinaryInputError("not an HTML or text document (binary data)")
    if _HTML_START.match(head.lstrip(codecs.BOM_UTF8)) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    return "text"


def _normalise(charset: str | None) -> str | None:
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first kilobytes (``<meta charset>`` or http-equiv)."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def decode(data: bytes, declared: str | None = None, *, kind: Kind = "html") -> str:
    """Decode ``data`` to text, trusting the evidence in the order the module docstring gives.

    Args:
        data: the raw document.
        declared: the charset the server declared (``Content-Type``), if any.
        kind: ``html`` also looks at the page's own ``<meta>`` declaration.
    """
    bom = _bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [declared]
    if kind == "html":
        candidates.append(declared_charset(data))
    for candidate in candidates:
        encoding = _normalise(candidate)
        if encoding and encoding not in ("utf-8", "utf-16", "utf-32"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    return _guess(data)


def _guess(data: bytes) -> str:
    # Imported here: only pages that are not UTF-8 and lie about their charset need it.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    if best is not None and best.encoding:
        encoding = _normalise(best.encoding) or best.encoding
        return data.decode(encoding, errors="replace")
    return data.decode("cp1252", errors="replace")
