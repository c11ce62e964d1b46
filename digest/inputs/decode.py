"""From raw bytes to text: what kind of document it is, and which charset it is in.

The kind is decided by content, never only by a file name: a saved page called
``story.txt`` is still HTML, and a text dump called ``page.html`` is still text.

Charsets are taken in this order: a byte-order mark; valid UTF-8 (a declaration that says
otherwise is wrong far more often than non-ASCII text is valid UTF-8 by accident); the
charset declared by the server or the page's ``<meta>``, when the bytes decode under it
and the result does not read as mojibake (single-byte charsets decode any bytes, so a
wrong declaration shows only in the text); and last a statistical guess by
charset-normalizer, ties going to the charset more used on the web.
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

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_HTML_TAGS = re.compile(
    rb"<(?:p|div|article|section|body|head|span|a|br|h[1-6]|table|script|link)\b[^>]*>", re.I
)
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
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return _checked(data, text)
    return _guess(data)[0]


_MESS_TOLERATED = 0.02
"""Mess ratio (charset-normalizer's measure of mojibake) below which a declared charset is
taken without a second opinion. Text in its right charset scores 0 or close to it."""

_TAG = re.compile(r"<[^>]*>|&#?\w+;")


def _mess(text: str) -> float:
    from charset_normalizer.md import mess_ratio

    return float(mess_ratio(_TAG.sub(" ", text[:131072])[:32768], maximum_threshold=1.0))


def _checked(data: bytes, declared_text: str) -> str:
    """The text under the declared charset, unless it reads as mojibake and a guess does not.

    Single-byte charsets decode any bytes, so a wrong declaration (KOI8-R text declared as
    windows-1251, Greek as windows-1252) shows only in the result.
    """
    mess = _mess(declared_text)
    if mess <= _MESS_TOLERATED:
        return declared_text
    guessed, guessed_mess = _guess(data)
    return guessed if guessed_mess < mess / 2 else declared_text


# When charset-normalizer finds several charsets equally clean and coherent (Polish reads
# the same under ISO-8859-2 and ISO-8859-10), the one used more on the web wins.
_COMMON = (
    "cp1252",
    "iso8859_2",
    "cp1250",
    "cp1251",
    "koi8_r",
    "iso8859_7",
    "cp1253",
    "iso8859_15",
    "cp932",
    "euc_jp",
    "gb18030",
    "big5",
    "cp949",
    "iso8859_9",
    "cp1254",
    "cp1256",
    "cp1255",
)


def _guess(data: bytes) -> tuple[str, float]:
    """charset-normalizer's best reading of ``data``, and its mess ratio."""
    # Imported here: only pages that are not UTF-8, or whose declaration fails, need it.
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:262144], preemptive_behaviour=False))  # not the <meta> we doubt
    if results:
        cleanest = min(r.chaos for r in results)
        clean = [r for r in results if r.chaos <= cleanest + 0.005]
        coherent = max(r.coherence for r in clean)
        tied = [r for r in clean if r.coherence >= coherent - 0.05]
        rank = {codecs.lookup(name).name: i for i, name in enumerate(_COMMON)}
        best = min(
            tied,
            key=lambda r: (rank.get(_normalise(r.encoding) or r.encoding, len(rank)), -r.coherence),
        )
        encoding = _normalise(best.encoding) or best.encoding
        text = data.decode(encoding, errors="replace")
        return text, _mess(text)
    text = data.decode("cp1252", errors="replace")
    return text, _mess(text)
