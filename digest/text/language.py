"""Guessing the language of a text from its most common words.

Pages usually declare their language; copied text and some pages do not. Counting a few
dozen of each language's commonest function words tells the major European languages
apart reliably on a paragraph or more, and scripts (CJK, Cyrillic, Arabic...) tell most of
the rest. When the evidence is thin the answer is ``None``, never a guess.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for it was on with as by at from his her said have has are were be this which not but they".split()
    ),
    "fr": frozenset(
        "le la les de des du et en un une est que qui dans pour pas sur au aux par avec ce cette sont il elle ont été".split()
    ),
    "de": frozenset(
        "der die das und ist nicht mit den dem des ein eine zu von im auf für sich auch es wird sie er hat wurde".split()
    ),
    "es": frozenset(
        "el la los las de del y en un una que es por con para se no al lo como más su sus fue ha".split()
    ),
    "it": frozenset(
        "il lo la gli le di del della e è un una che per con non si nel nella sono ha da al alla".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e em um uma que é para com não se no na por mais foi ao".split()
    ),
    "nl": frozenset(
        "de het een en van is dat op te in niet met zijn voor er aan ook als bij door wordt".split()
    ),
    "sv": frozenset(
        "och att det som en på är av för med till den har inte om ett var men jag de".split()
    ),
    "pl": frozenset("i w na z się nie do że to jest jak po co od przez za dla jego ale".split()),
    "cs": frozenset("a v se na je že s z do o k to i jako ale by jsou pro za po".split()),
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
