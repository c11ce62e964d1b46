"""Text as a terminal shows it: widths in cells, and wrapping by them.

Chinese and Japanese are written without spaces and each of their characters takes two
cells, so :mod:`textwrap` (which counts characters and breaks at spaces) makes their lines
twice too long and leaves a bullet alone on its line. :func:`wrap` counts cells, may break
between any two wide characters, keeps closing punctuation ("。", "」") off the start of
a line and opening punctuation ("「") off its end, and keeps the hanging indent.

This module is imported by the core (:mod:`digest.models`, :mod:`digest.render`): it must
not import Textual, and imports nothing of digest's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CLOSING = frozenset(
    "。、，．：；！？）」』】〕〉》）］｝〙〗〟’”…‥ー々ゝゞ・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
"""Characters that may not begin a line of Chinese or Japanese (kinsoku): they stay with the
character before them."""

OPENING = frozenset("（「『【〔〈《（［｛〘〖〝‘“")
"""Characters that may not end a line: they go with the character after them."""

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Cells one character takes: 2 for wide (CJK) characters, 0 for combining marks."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def width(text: str) -> int:
    """Cells ``text`` takes on one line."""
    return sum(char_width(char) for char in text)


def is_wide(char: str) -> bool:
    """Whether ``char`` is a wide (CJK) character, between any two of which a line may break."""
    return char_width(char) == 2


def _units(word: str) -> list[str]:
    """A word cut where a line may break inside it: between wide characters, punctuation
    kept with its neighbour."""
    units: list[str] = []
    pending = ""  # opening punctuation waiting for the character it belongs to
    for char in word:
        if char in CLOSING and (units or pending):
            if pending:
                pending += char
            else:
                units[-1] += char
        elif char in OPENING:
            pending += char
        elif is_wide(char) or not units or is_wide(units[-1][-1]) or pending:
            units.append(pending + char)
            pending = ""
        else:
            units[-1] += char
    if pending:
        units.append(pending)
    return units


def _cut(unit: str, room: int) -> tuple[str, str]:
    """The longest head of ``unit`` that fits ``room`` cells (at least one character)."""
    used = 0
    for index, char in enumerate(unit):
        used += char_width(char)
        if used > room and index:
            return unit[:index], unit[index:]
    return unit, ""


def wrap(
    text: str, columns: int, initial_indent: str = "", subsequent_indent: str = ""
) -> list[str]:
    """``text`` wrapped to lines of at most ``columns`` cells, as :func:`textwrap.wrap` would
    with those indents, but counting cells and breaking between wide characters.

    A word longer than a line is broken where it must be. Runs of white space become one
    space; none is kept at the end of a line. Empty text gives no lines.
    """
    if not text.strip():
        return []
    columns = max(columns, width(initial_indent) + 1, width(subsequent_indent) + 1)
    lines: list[str] = []
    line, used, empty = initial_indent, width(initial_indent), True
    for word in _SPACE.split(text.strip()):
        if not word:
            continue
        for number, unit in enumerate(_units(word)):
            gap = 1 if number == 0 and not empty else 0
            size = width(unit)
            if not empty and used + gap + size > columns:
                lines.append(line)
                line, used, empty, gap = subsequent_indent, width(subsequent_indent), True, 0
            if gap:
                line, used = line + " ", used + 1
            while used + size > columns:  # longer than a whole line: break it
                head, unit = _cut(unit, columns - used)
                lines.append(line + head)
                line, used = subsequent_indent, width(subsequent_indent)
                size = width(unit)
            if unit:
                line, used, empty = line + unit, used + size, False
    if not empty:
        lines.append(line)
    return lines


def fit(text: str, columns: int, end: str = "…") -> str:
    """``text`` cut to at most ``columns`` cells, ending in ``end`` when cut."""
    if width(text) <= columns:
        return text
    room = columns - width(end)
    if room <= 0:
        return end[:columns] if columns > 0 else ""
    used = 0
    for index, char in enumerate(text):
        used += char_width(char)
        if used > room:
            return text[:index].rstrip() + end
    return text
