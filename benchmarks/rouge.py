"""ROUGE-1, ROUGE-2 and ROUGE-L, written out so the benchmarks need no extra package.

The variant is the one ``rouge-score`` computes by default without stemming: text is
lower-cased and cut into runs of ASCII letters and digits (everything else separates
words; no stemming, no stop words removed). ROUGE-N counts n-grams clipped to the
reference's counts; ROUGE-L is the longest common subsequence of the two whole texts
taken as single sequences (``rougeL``, not the per-sentence ``rougeLsum``). Each returns
precision, recall and F1 (beta 1) of a candidate against one reference. On the 200
LEAD-3 candidates of ``corpus/summaries`` every figure equals ``rouge-score``'s
(``RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)``).
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"[a-z0-9]+")

Score = tuple[float, float, float]
"""(precision, recall, F1)."""


def tokens(text: str) -> list[str]:
    """Lower-case ASCII words and numbers of ``text``."""
    return _TOKEN.findall(text.lower())


def _prf(common: int, candidate: int, reference: int) -> Score:
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / candidate, common / reference
    return precision, recall, 2 * precision * recall / (precision + recall)


def rouge_n(candidate: list[str], reference: list[str], n: int) -> Score:
    """ROUGE-N of token lists."""
    got = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    want = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    return _prf(sum((got & want).values()), sum(got.values()), sum(want.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two token lists."""
    if len(a) < len(b):
        a, b = b, a
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            current = row[j]
            row[j] = previous + 1 if x == y else max(row[j], row[j - 1])
            previous = current
    return row[-1]


def rouge_l(candidate: list[str], reference: list[str]) -> Score:
    """ROUGE-L (whole-text longest common subsequence) of token lists."""
    return _prf(lcs_length(candidate, reference), len(candidate), len(reference))


def rouge(candidate: str, reference: str) -> dict[str, Score]:
    """ROUGE-1, ROUGE-2 and ROUGE-L of ``candidate`` against ``reference``."""
    got, want = tokens(candidate), tokens(reference)
    return {
        "rouge1": rouge_n(got, want, 1),
        "rouge2": rouge_n(got, want, 2),
        "rougeL": rouge_l(got, want),
    }
