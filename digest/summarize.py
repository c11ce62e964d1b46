"""The extractive summary: a few sentences of the article, in reading order.

Each sentence of the body is scored on signals that hold up on news:

- position: the lead carries the story (LEAD-3 is a hard baseline), so earlier
  paragraphs weigh more, and the first sentence of the article most;
- the headline: sentences sharing its content words are on topic;
- centrality: words that recur across the article mark its subject;
- named facts: people, places, organisations and numbers make a sentence informative
  (each fact once, found as whole words: "Li" is not in "Libya"); in English, so do the
  names the article writes that the facts leave out (the last word of each run of
  capitalised words, as the names engine proposes them: "Blair", "Airbus"): the facts
  list only the names they are sure of, but any name marks a sentence that says who;
- novelty: a sentence repeating one already chosen scores less.

Fragments (no verb-length sentence, no end punctuation), questions to the reader,
boilerplate ("Scroll down for video", "Click here", and any line the boilerplate classifier
of :mod:`digest.extract.boilerplate` reads as boilerplate, a caption or a credit) and bare
quotes without attribution never make the summary. Neither does a sentence that opens by
pointing back at one the card does not show ("However, ...", "This ...", "Es por esto
...", "So lange dauert ...") or ends on a demonstrative ("... lohnt sich das."): such a
sentence is chosen only right after the sentence before it, or as the article's first.
Those openings are data, per language (``digest/data/summarize/back.txt``, ``free.txt``,
``back_last.txt``). Each sentence keeps the index of its paragraph.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import chain
from typing import Final

from digest.extract.boilerplate import TAIL, classify
from digest.facts.forms import short_form
from digest.facts.gazetteer import COMMON_CAPITALISED
from digest.facts.runs import runs_of, trim
from digest.models import Facts, Sentence
from digest.text.sentences import split_sentences
from digest.text.words import word_entries, word_list

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
_OPENING_WORD: Final = re.compile(r"[^\W_]+")
"""A word as openings are matched: letters and digits (an apostrophe or a hyphen parts two)."""
_QUOTES: Final = "\"'“‘«„"
_END_MARKS: Final = "\"'”’)].!?…"
"""What ends a sentence after its last word: closing quotes and brackets, stops."""
Openings = dict[str, dict[str, list[tuple[tuple[str, ...], bool]]]]
"""Openings by language, then by first word (lower case): each opening's words (lower case)
and whether a word in small letters must follow it."""


def _openings(name: str) -> Openings:
    """A list of openings (``digest/data/{name}.txt``: a language code, then the opening; a
    trailing " ~" asks for a word in small letters after it)."""
    out: Openings = {}
    for entry in word_entries(name):
        language, _, opening = entry.partition(" ")
        lower = opening.endswith(" ~")
        words = tuple(w.lower() for w in _OPENING_WORD.findall(opening.removesuffix(" ~")))
        out.setdefault(language, {}).setdefault(words[0], []).append((words, lower))
    return out


_BACK: Final = _openings("summarize/back")
"""Openings that point back at a sentence before, by language."""
_FREE: Final = _openings("summarize/free")
"""Openings that look like those of ``_BACK`` but point nowhere ("This week", "Il y a")."""
_BACK_LAST: Final = {
    language: frozenset(
        entry.split(" ", 1)[1]
        for entry in word_entries("summarize/back_last")
        if entry.startswith(language + " ")
    )
    for language in _BACK
}
"""Last words that point back (demonstrative pronouns), by language."""
MIN_WORDS: Final = 6
MAX_WORDS: Final = 70
FACTS_FULL: Final = 5
"""Named facts and names in one sentence past which more add nothing to its score."""


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


def _longest(openings: dict[str, list[tuple[tuple[str, ...], bool]]], words: list[str]) -> int:
    """The number of words of the longest of ``openings`` that ``words`` start with, or 0."""
    best = 0
    for opening, lower in openings.get(words[0].lower(), ()):
        size = len(opening)
        if size <= best or len(words) < size + lower:
            continue
        if all(words[k].lower() == opening[k] for k in range(1, size)) and (
            not lower or words[size][:1].islower()
        ):
            best = size
    return best


def points_back(sentence: str, language: str | None = None) -> bool:
    """Whether ``sentence`` opens by pointing back at a sentence before it ("However, ...",
    "This ...", "Es por esto ...") or ends on a demonstrative pronoun ("... lohnt sich
    das."), by the lists of its language (English when it is not known)."""
    language = language or "en"
    back = _BACK.get(language)
    if back is None or sentence[:1] in _QUOTES:
        return False  # another language, or a quote: what it says stands for its speaker
    first = _OPENING_WORD.match(sentence)
    if first is not None and first.group().lower() in back:
        # Openings run to five short words or so: the start of the sentence holds them.
        words: list[str] = _OPENING_WORD.findall(sentence, 0, 40)
        size = _longest(back, words)
        if size and size > _longest(_FREE.get(language, {}), words):
            return True
    last = sentence.rstrip(_END_MARKS).rpartition(" ")[2]
    return last.lower() in _BACK_LAST.get(language, ())


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
    # For each candidate, the candidate the sentence right before it is: -1 when that one
    # is no candidate, -2 for the body's first sentence (which has none).
    befores: list[int] = []
    before = -2
    # A sentence the page prints again (a pull quote, a repeated block) is said once.
    written: set[str] = set()
    repeats: set[int] = set()
    for index, paragraph in enumerate(paragraphs):
        furnished = _furnished(paragraph)
        for sentence in split_sentences(paragraph):
            if _eligible(sentence, furnished):
                said = " ".join(sentence.split()).casefold()
                if said in written:
                    repeats.add(len(candidates))
                written.add(said)
                befores.append(before)
                before = len(candidates)
                candidates.append((index, len(candidates), sentence))
            else:
                before = -1
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
    named = _named_terms(facts, paragraphs, language)
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
    refused = repeats  # boilerplate, a caption or a credit; a sentence already written
    # Candidates that point back at the sentence before them: shown only after it. Both
    # are asked only of the best candidate of a round, not of every sentence.
    orphans: set[int] = set()
    asked: set[int] = set()
    last = len(paragraphs) - TAIL
    while len(chosen) < sentences:
        best, best_score = -1, -math.inf
        for i, score in enumerate(scores):
            if i in chosen or i in refused or (i in orphans and befores[i] not in chosen):
                continue
            adjusted = score - 1.5 * overlaps[i]
            if adjusted > best_score:
                best, best_score = i, adjusted
        if best < 0:
            break
        index, _, text = candidates[best]
        if best not in asked:
            asked.add(best)
            if classify(text, tail=index >= last) is not None:
                refused.add(best)
                continue
            if befores[best] != -2 and points_back(text, language):
                orphans.add(best)
                if befores[best] not in chosen:
                    continue
        chosen.append(best)
        if len(chosen) == sentences:
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


def _named_terms(
    facts: Facts | None, paragraphs: tuple[str, ...] = (), language: str | None = None
) -> list[str]:
    """The article's facts as text to look for: surnames, names, numbers; then, in English,
    the last word of every other name the article writes (``_name_words``); each once."""
    terms: list[str] = []
    if facts is not None:
        terms += [p.name.split()[-1] for p in facts.people]
        # An organisation is listed by its full name; sentences may give its short one.
        terms += [short_form(e.name) or e.name for e in facts.organizations]
        terms += [e.name for e in facts.places]
        terms += [n.text for n in facts.numbers]
    if paragraphs and (language or "en").lower()[:2] == "en":
        terms += _name_words(paragraphs)
    return list(dict.fromkeys(terms))


def _name_words(paragraphs: tuple[str, ...]) -> list[str]:
    """The last word of each run of capitalised words of the body (``runs.runs_of``, its
    ends trimmed as the names engine trims them): a surname or a body's head word, listed
    as a fact or not. A sentence's first word alone is capitalised only for that, and a
    word any sentence may capitalise ("The", "But", "I") names no one."""
    words: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        for run in runs_of(paragraph, index):
            if run.sentence_start and len(run.tokens) == 1:
                continue
            if trim(run) is None:
                continue
            named = [w for w in run.tokens if w not in COMMON_CAPITALISED]
            if named:
                words.append(named[-1])
    return words


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
