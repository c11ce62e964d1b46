"""Word-shingle precision, recall and F1, as public article-extraction benchmarks score bodies.

Words are lower-cased runs of letters and digits; a shingle is 4 consecutive words; the
score compares the sets of shingles of the extracted and the expected text.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _words(text: str) -> list[str]:
    # CJK text has no spaces: each character counts as a word, as such benchmarks do.
    text = _CJK.sub(lambda m: f" {m.group(0)} ", text.lower())
    return _WORD.findall(text)


def shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    """The set of ``size``-word shingles of ``text``."""
    words = _words(text)
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def score(extracted: str, expected: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``extracted`` against ``expected``."""
    got, want = shingles(extracted), shingles(expected)
    if not got or not want:
        return (0.0, 0.0, 0.0) if got or want else (1.0, 1.0, 1.0)
    common = len(got & want)
    precision, recall = common / len(got), common / len(want)
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def mean_score(results: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Mean precision, recall and F1 over pages (each page counts once, as benchmarks report)."""
    count = max(1, len(results))
    return tuple(sum(r[i] for r in results) / count for i in range(3))  # type: ignore[return-value]


def words(text: str) -> list[str]:
    """The words the shingles are made of: lower-case runs of letters and digits, each CJK
    character one word."""
    return _words(text)
