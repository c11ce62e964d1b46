"""Sentences of a paragraph, as exact substrings of it, and the abbreviations that end none.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (and any closing quotes or brackets) when
the next word starts a new sentence: not after an abbreviation ("Mr.", "Gov.", "Sept."), a
run of initials ("U.S.") or one initial ("J. K. Rowling"), not inside a number such as 1.8.
Chinese and Japanese text ends sentences at 。！？. This module is the one place that says
which stops end no sentence: the summary, the fact finders (:func:`sentence_spans`) and the
plain-text extractor (:func:`ends_in_initials`) all ask it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from digest.text.calendar import MONTH_ABBREVIATIONS
from digest.text.words import word_list

# The end mark comes first, alone: a pattern that opens on one set of characters is scanned
# for it quickly; the lookbehinds then tell the Latin marks from the Chinese and Japanese.
_BOUNDARY: Final = re.compile(
    r"""[.!?…。！？](?:(?<=[.!?…])[.!?…]*["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9À-Ý])"""
    r"""|(?<=[。！？])[。！？]*[」』”]*)"""
)
_DOTTED_INITIALS: Final = re.compile(r"(?:[a-z]\.)+[a-z]")
_LAST_WORD: Final = re.compile(r"([\w.]+)[.!?…]*[\"'”’)\]]*$")

ABBREVIATIONS: Final = word_list("text/sentences/abbreviations") | frozenset(
    short.lower() for short in MONTH_ABBREVIATIONS
)
"""Words that end in a full stop without ending the sentence (lower case, without the stop)."""

_ENDS_IN_INITIALS: Final = re.compile(r"\b(?:[A-Z]\.){2,}$")


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the word whose full stop ends at ``end`` is an abbreviation or an initial."""
    start = max(0, end - 40)
    # Mostly a space comes before the word: when only word characters and stops lie between,
    # that is the word ``_LAST_WORD`` finds, without trying it at every offset of the window.
    last = text[text.rfind(" ", start, end) + 1 or start : end]
    if last.replace(".", "").replace("_", "").isalnum():
        word = last.lower().rstrip(".")
    else:
        match = _LAST_WORD.search(text, start, end)
        if not match:
            return False
        word = match.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # A single capital ("J. K. Rowling") or dotted initials ("U.S.") are not ends.
    if len(word) == 1:
        return word.isalpha()
    return "." in word and bool(_DOTTED_INITIALS.fullmatch(word))


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order; each is a substring of ``text``."""
    return list(_split(text))


@lru_cache(maxsize=4096)
def sentence_spans(paragraph: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of a paragraph, in order.

    Names, quotes and pronouns all read a paragraph by sentence: it is split once.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for sentence in _split(paragraph):
        start = paragraph.find(sentence, offset)
        offset = start + len(sentence)
        spans.append((start, offset))
    return tuple(spans)


def ends_in_initials(line: str) -> bool:
    """Whether ``line`` ends in a run of initials ("... in the U.S."), whose stop is no sentence
    end."""
    return bool(_ENDS_IN_INITIALS.search(line))


def clear_cache() -> None:
    """Forget the texts split so far (benchmarks time every pass from cold)."""
    _split.cache_clear()
    sentence_spans.cache_clear()


@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, ...]:
    # Facts and the summary split the same paragraphs: each is split once.
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group(0)[0] == "." and _is_abbreviation(text, match.start() + 1):
            continue
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return tuple(sentences)
