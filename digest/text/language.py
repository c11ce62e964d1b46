"""Guessing the language of a text from its most common words.

Pages usually declare their language; copied text and some pages do not. Counting a few
dozen of each language's commonest function words tells the major European languages
apart reliably on a paragraph or more, and scripts (CJK, Cyrillic, Arabic...) tell most of
the rest. When the evidence is thin the answer is ``None``, never a guess.
"""

from __future__ import annotations

import re
from collections import Counter

from digest.text.words import word_list

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": word_list("text/language/stopwords_en"),
    "fr": word_list("text/language/stopwords_fr"),
    "de": word_list("text/language/stopwords_de"),
    "es": word_list("text/language/stopwords_es"),
    "it": word_list("text/language/stopwords_it"),
    "pt": word_list("text/language/stopwords_pt"),
    "nl": word_list("text/language/stopwords_nl"),
    "sv": word_list("text/language/stopwords_sv"),
    "pl": word_list("text/language/stopwords_pl"),
    "cs": word_list("text/language/stopwords_cs"),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("[\u3040-\u30ff]", "ja"),
    ("[\uac00-\ud7af]", "ko"),
    ("[\u4e00-\u9fff]", "zh"),
    ("[\u0400-\u04ff]", "ru"),
    ("[\u0600-\u06ff]", "ar"),
    ("[\u0590-\u05ff]", "he"),
    ("[\u0370-\u03ff]", "el"),
    ("[\u0e00-\u0e7f]", "th"),
    ("[\u0900-\u097f]", "hi"),
)


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or ``None`` when unsure."""
    sample = text[:4000]
    letters = sum(1 for c in sample if c.isalpha())
    if not letters:
        return None
    for pattern, code in _SCRIPTS:
        if len(re.findall(pattern, sample)) > letters * 0.3:
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 8:
        return None
    scores = Counter(
        {code: sum(1 for w in words if w in stops) for code, stops in _STOPWORDS.items()}
    )
    (best, top), (_, second) = scores.most_common(2)
    if top < max(3, len(words) * 0.08) or top < second * 1.5:
        return None
    return best
