"""The extractive summary: a few sentences of the article, in reading order.

Each sentence of the body is scored on signals that hold up on news:

- position: the lead carries the story (LEAD-3 is a hard baseline), so earlier
  paragraphs weigh more, and the first sentence of the article most;
- the headline: sentences sharing its content words are on topic;
- centrality: words that recur across the article mark its subject;
- named facts: people, places, organisations and numbers make a sentence informative
  (each fact once, found as whole words: "Li" is not in "Libya");
- novelty: a sentence repeating one already chosen scores less.

Fragments (no verb-length sentence, no end punctuation), questions to the reader,
boilerplate ("Scroll down for video", "Click here") and bare quotes without attribution
never make the summary. Each sentence keeps the index of its paragraph.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import chain
from typing import Final

from digest.facts.kinds import short_form
from digest.models import Facts, Sentence
from digest.text.sentences import split_sentences
from digest.text.words import word_list

# Constants are Final: compiled, the loops read them from C, not from the module's dict.
_WORD: Final = re.compile(r"[^\W\d_]+", re.UNICODE)
_LONG_WORD: Final = re.compile(r"[a-z]{3,}")
"""A word of three letters or more in lower-case ASCII text (a plain range is quick to scan)."""
_STOP: Final = word_list("summarize/stop")
# Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
_BOILERPLATE: Final = (
    "scroll down", "click here", "read more", "sign up", "subscribe", "newsletter", "follow us",
    "watch the video", "share this", "all rights reserved", "contributed to this report",
    "editing by", "reporting by",
)  # fmt: skip
"""Phrases (lower case) that mark a sentence as page furniture, not news."""
_CLOSERS: Final = "\"'”’)]"
_ENDS: Final = frozenset(".!?…。！？")
MIN_WORDS: Final = 6
MAX_WORDS: Final = 70
FACTS_FULL: Final = 4
"""Named facts in one sentence past which more add nothing to its score."""


def _content_words(text: str) -> list[str]:
    if text.isascii():
        # Lower case first is the same on ASCII, and words of three letters or more are
        # found by the pattern itself.
        # Typed, the words are handled as str when compiled, not as objects of unknown type.
        long_words: list[str] = _LONG_WORD.findall(text.lower())
        return [w for w in long_words if w not in _STOP]
    words: list[str] = _WORD.findall(text)
    return [w for w in map(str.lower, words) if len(w) > 2 and w not in _STOP]


def _furnished(paragraph: str) -> bool:
    """Whether a phrase of page furniture is anywhere in the paragraph.

    A phrase in one of its sentences is in the paragraph too: the paragraph is searched
    once, and only the sentences of one that holds a phrase are searched again.
    """
    lower = paragraph.lower()
    return "advertisement" in lower or any(phrase in lower for phrase in _BOILERPLATE)


def _word_count(sentence: str) -> int:
    """The number of words of a sentence as ``split_sentences`` gives it (stripped)."""
    if sentence.isprintable() and "  " not in sentence:
        # Its only white space is single spaces between words (every other white space
        # character is unprintable): they are counted, not split off.
        return sentence.count(" ") + 1
    return len(sentence.split())


def _eligible(sentence: str, furnished: bool = True) -> bool:
    """Whether a sentence may be in the summary; ``furnished``: whether its paragraph holds
    a phrase of page furniture (see ``_furnished``)."""
    words = _word_count(sentence)
    # It ends as a sentence: a full stop (or ! ? …), then only closing quotes or brackets.
    if not MIN_WORDS <= words <= MAX_WORDS or sentence.rstrip(_CLOSERS)[-1:] not in _ENDS:
        return False
    if sentence.endswith("?"):
        return False
    if furnished:
        lower = sentence.lower()
        if lower.startswith("advertisement"):
            return False
        # One substring search per phrase is quicker than one pattern of them all.
        for phrase in _BOILERPLATE:
            if phrase in lower:
                return False
    first = sentence.lstrip("“\"'‘(")[:1]
    return first.isupper() or first.isdigit() or not first.isascii()


def summarize(
    paragraphs: tuple[str, ...],
    *,
    title: str = "",
    facts: Facts | None = None,
    sentences: int = 3,
    language: str | None = None,
) -> tuple[Sentence, ...]:
    """The ``sentences`` best sentences of the body, in reading order, with paragraph indexes."""
    if sentences <= 0:
        return ()
    candidates: list[tuple[int, int, str]] = []  # (paragraph, order, text)
    for index, paragraph in enumerate(paragraphs):
        furnished = _furnished(paragraph)
        for sentence in split_sentences(paragraph):
            if _eligible(sentence, furnished):
                candidates.append((index, len(candidates), sentence))
    if not candidates:
        return ()
    # Each sentence's content words, once each in order of appearance (the order the
    # centrality sum adds them up in), and how many it has in all.
    bags: list[dict[str, None]] = []
    lengths: list[int] = []
    for _, _, text in candidates:
        words = _content_words(text)
        bags.append(dict.fromkeys(words))
        lengths.append(len(words))
    frequency = Counter(chain.from_iterable(bags))
    weight = {word: math.log1p(count - 1) for word, count in frequency.items()}
    headline = set(_content_words(title))
    named = _named_terms(facts)
    scores: list[float] = []
    # By index, not over zip(): compiled, that reads the lists directly.
    for k, (index, order, text) in enumerate(candidates):
        bag, length = bags[k], lengths[k]
        position = 1.0 / (1.0 + 0.35 * index) + (0.6 if order == 0 else 0.0)
        topic = len(headline.intersection(bag)) / max(1, len(headline))
        central = sum(map(weight.__getitem__, bag)) / (length or 1)
        found = 0
        for term in named:
            if term in text and _has_words(text, term):
                found += 1
        informative = min(1.0, found / FACTS_FULL)
        quote_only = 0.3 if text.lstrip().startswith(("“", '"')) else 0.0
        scores.append(1.6 * position + 1.2 * topic + 0.5 * central + 0.5 * informative - quote_only)
    # Novelty: each sentence's largest overlap with those chosen so far, kept up to date.
    overlaps = [0.0] * len(candidates)
    chosen: list[int] = []
    rounds = min(sentences, len(candidates))
    for _ in range(rounds):
        best, best_score = -1, -math.inf
        for i, score in enumerate(scores):
            if i in chosen:
                continue
            adjusted = score - 1.5 * overlaps[i]
            if adjusted > best_score:
                best, best_score = i, adjusted
        chosen.append(best)
        if len(chosen) == rounds:
            break
        # The share of the shorter sentence's content words the other has too.
        picked = bags[best].keys()
        size = len(picked)
        if not size:
            continue
        for i, bag in enumerate(bags):
            if bag:
                overlaps[i] = max(overlaps[i], len(bag.keys() & picked) / min(len(bag), size))
    return tuple(Sentence(candidates[i][2], candidates[i][0]) for i in sorted(chosen))


def _named_terms(facts: Facts | None) -> list[str]:
    """The article's facts as text to look for: surnames, names, numbers; each once."""
    if facts is None:
        return []
    terms = [p.name.split()[-1] for p in facts.people]
    # An organisation is listed by its full name; sentences may give its short one.
    terms += [short_form(e.name) or e.name for e in facts.organizations]
    terms += [e.name for e in facts.places]
    terms += [n.text for n in facts.numbers]
    return list(dict.fromkeys(terms))


def _has_words(text: str, term: str) -> bool:
    """Whether ``term`` occurs in ``text`` with no letter or digit glued to either end."""
    start = text.find(term)
    while start >= 0:
        end = start + len(term)
        before = text[start - 1] if start else ""
        after = text[end : end + 1]
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            return True
        start = text.find(term, start + 1)
    return False
