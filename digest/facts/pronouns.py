"""Who "he" and "she" stand for: the people an article is talking about, in reading order.

    person mentions (NameFinder) + speakers of attributions -> prominent people, by position
      -> genders the article itself gives -> the antecedent of a pronoun

News prose refers back to the person it is talking about, not to whoever was named last:
in "Fowler said he expects Clinton to recover. … “…,” he said" the "he" is Fowler. So a
pronoun looks back first for a speaker or the subject of a sentence whose gender fits,
and only then for any mention. Names inside quotation marks are someone's words, not
antecedents. A person's gender is what the article says: "Mr." or "Ms.", a gendered role
("spokeswoman"), or the "he" or "she" that follows the person in the same sentence
("Fowler said he expects"); a person the article gives no gender fits either pronoun.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass
from typing import Final

from digest.facts.gazetteer import ROLE_NOUNS
from digest.text.sentences import sentence_spans
from digest.text.words import word_list

LOOKBACK: Final = 3
"""Paragraphs before the pronoun's own that its antecedent may lie in."""

_VOTE_WORDS: Final = 6
"""How far after a name a "he" or "she" still tells that person's gender."""

_MALE_WORDS: Final = word_list("facts/pronouns/male_words")
_FEMALE_WORDS: Final = word_list("facts/pronouns/female_words")
_PRONOUN: Final = re.compile(
    r"\b(?:he|she|his|her(?!\s+(?:to|and|or|but|the|a|an|that|this|in|on|at|for|with|as|of|from|by|about|if|when|because|so|not)\b)(?=\s+[a-z]))\b",
    re.IGNORECASE,
)
"""Pronouns that refer back to the subject: he, she, his, and "her" before a noun ("her bout"),
not "him" or "her" as an object ("scolded him")."""
_SUBJECT_PRONOUN: Final = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_NOT_SUBJECT_BEFORE: Final = re.compile(
    r"\b(?:(?:of|with|to|by|for|from|about|against|at|on|in|than|like|and|or|as)\s+(?:\w+\s+){0,2}|the\s+|a\s+|an\s+)$",
    re.IGNORECASE,
)
"""What makes the name after it an object or a modifier: "with Trump", "the Clinton campaign"."""
_POSSESSIVE: Final = ("’s", "'s", "’ ", "' ")

Span = tuple[int, int, int, str]
"""(paragraph, start, end, person): one mention of a listed person."""


def _modifies(paragraph: str, end: int, later: list[Span]) -> bool:
    """The name only says whose the next person is: "Trump campaign spokesman Jason Miller"."""
    if not later:
        return False
    words = paragraph[end : later[0][1]].split()
    return bool(words) and all(w.islower() for w in words) and any(w in ROLE_NOUNS for w in words)


def _object_before(text: str) -> bool:
    """Whether ``text`` ends in what makes the name after it an object ("with Trump")."""
    # A match spans at most the last three words (a preposition and two more): it is looked
    # for from there, not tried at every offset of the text.
    words = text.rsplit(None, 3)
    return _NOT_SUBJECT_BEFORE.search(text, len(words[0]) if len(words) == 4 else 0) is not None


def gender_of(pronoun: str) -> str | None:
    """ "m" for he / him / his, "f" for she / her / hers, None for any other word."""
    word = pronoun.lower()
    if word in ("he", "him", "his", "himself"):
        return "m"
    if word in ("she", "her", "hers", "herself"):
        return "f"
    return None


@dataclass(slots=True, order=True)
class _Event:
    paragraph: int
    offset: int
    name: str
    prominent: bool
    """The person is a sentence's subject or a quote's speaker, not merely mentioned."""


class Referents:
    """The people of one article by position, to resolve pronouns against."""

    def __init__(
        self,
        paragraphs: tuple[str, ...],
        spans: list[Span],
        roles: dict[str, str | None],
        quoted: list[list[tuple[int, int]]],
    ) -> None:
        """Keep the article, to read its mentions and genders when a pronoun is first
        resolved: an article whose quotes all name their speakers never needs them.

        Args:
            paragraphs: the body.
            spans: every mention of a listed person, in reading order.
            roles: each listed person's role, as a gender cue ("spokeswoman").
            quoted: per paragraph, the (start, end) of each quotation.
        """
        self._article = (paragraphs, spans, roles, quoted)
        self._speakers: list[tuple[int, int, str, str | None]] | None = []
        """Speakers added before the article was read (None once it is)."""
        self._events: list[_Event] = []
        self.genders: dict[str, str | None] = {}

    def _read_article(self) -> None:
        """Read mentions and genders, then the speakers added so far, in their order."""
        paragraphs, spans, roles, quoted = self._article
        speakers, self._speakers = self._speakers or [], None
        votes: dict[str, Counter[str]] = {name: Counter() for name in roles}
        for name, role in roles.items():
            for word in (role or "").lower().split():
                if word in _MALE_WORDS:
                    votes[name]["m"] += 2
                elif word in _FEMALE_WORDS:
                    votes[name]["f"] += 2
        sentences: list[list[tuple[int, int, list[Span]]]] = []
        by_paragraph: dict[int, list[Span]] = {}
        for span in spans:
            by_paragraph.setdefault(span[0], []).append(span)
        for index, paragraph in enumerate(paragraphs):
            inside = quoted[index] if index < len(quoted) else []
            mentions = [
                m for m in by_paragraph.get(index, ()) if not any(a <= m[1] < b for a, b in inside)
            ]
            here = [
                (s, e, [m for m in mentions if s <= m[1] < e]) for s, e in sentence_spans(paragraph)
            ]
            sentences.append(here)
            self._vote(paragraph, here, inside, votes)
        for name, count in votes.items():
            male, female = count["m"], count["f"]
            self.genders[name] = "m" if male > female else "f" if female > male else None
        for index, paragraph in enumerate(paragraphs):
            inside = quoted[index] if index < len(quoted) else []
            self._read(paragraph, index, sentences[index], inside)
        for speaker in speakers:
            self._add_speaker(*speaker)

    @staticmethod
    def _vote(
        paragraph: str,
        sentences: list[tuple[int, int, list[Span]]],
        inside: list[tuple[int, int]],
        votes: dict[str, Counter[str]],
    ) -> None:
        """Count what the paragraph says of each person's gender."""
        previous_single: str | None = None
        for start, end, here in sentences:
            if previous_single and (opening := _SUBJECT_PRONOUN.match(paragraph, start)):
                votes[previous_single][gender_of(opening.group(0)) or ""] += 1
            if not here:
                previous_single = None  # the sentence names nobody
                continue
            for k, (_, s, e, name) in enumerate(here):
                before = paragraph[max(start, s - 6) : s].lower().split()
                if before and before[-1].rstrip(".") in ("mr", "mrs", "ms", "miss"):
                    votes[name]["m" if before[-1].rstrip(".") == "mr" else "f"] += 3
                first_word = paragraph[s:e].split()[0].lower().rstrip(".")
                if first_word in ("mr", "mrs", "ms", "miss"):
                    votes[name]["m" if first_word == "mr" else "f"] += 3
                if paragraph[e : e + 2] in _POSSESSIVE or _modifies(paragraph, e, here[k + 1 :]):
                    continue
                stop = here[k + 1][1] if k + 1 < len(here) else end
                # "Fowler said he expects": a pronoun a few words after a name (not "Warren's
                # grilling he hadn't") is that person's.
                between = " ".join(paragraph[e:stop].split(None, _VOTE_WORDS)[:_VOTE_WORDS])
                pronoun = _PRONOUN.search(between)
                if pronoun and not any(a <= e + pronoun.start() < b for a, b in inside):
                    votes[name][gender_of(pronoun.group(0)) or ""] += 1
            names = {m[3] for m in here}
            previous_single = next(iter(names)) if len(names) == 1 else None

    def _read(
        self,
        paragraph: str,
        index: int,
        sentences: list[tuple[int, int, list[Span]]],
        inside: list[tuple[int, int]],
    ) -> None:
        """Add the paragraph's mentions, marking each sentence's subject, in reading order."""
        for start, _, here in sentences:
            subject_seen = False
            opening = _SUBJECT_PRONOUN.match(paragraph, start)
            if opening and not any(a <= start < b for a, b in inside):
                # "She has faced …": the sentence is about the person already in view.
                who = self.resolve(opening.group(0), index, start)
                if who:
                    self._events.append(_Event(index, start, who, True))
                subject_seen = True
            for k, (_, s, e, name) in enumerate(here):
                possessive = paragraph[e : e + 2] in _POSSESSIVE or _modifies(
                    paragraph, e, here[k + 1 :]
                )
                prominent = (
                    not subject_seen and not possessive and not _object_before(paragraph[start:s])
                )
                subject_seen = subject_seen or prominent
                self._events.append(_Event(index, s, name, prominent))

    def add_speaker(
        self, paragraph: int, offset: int, name: str, pronoun: str | None = None
    ) -> None:
        """Record that ``name`` speaks at this position (a quote's attribution).

        When the attribution said "he" or "she", that is the person's gender from now on
        if the article had not told it.
        """
        if self._speakers is not None:
            self._speakers.append((paragraph, offset, name, pronoun))  # the article is unread
        else:
            self._add_speaker(paragraph, offset, name, pronoun)

    def _add_speaker(self, paragraph: int, offset: int, name: str, pronoun: str | None) -> None:
        insort(self._events, _Event(paragraph, offset, name, True))
        if pronoun and self.genders.get(name) is None:
            self.genders[name] = gender_of(pronoun)

    def resolve(self, pronoun: str, paragraph: int, offset: int) -> str | None:
        """The person a "he" or "she" at (paragraph, offset) stands for, or None."""
        gender = gender_of(pronoun)
        if gender is None:
            return None
        if self._speakers is not None:
            self._read_article()
        position = bisect_left(self._events, _Event(paragraph, offset, "", False))
        recent = [
            e for e in reversed(self._events[:position]) if e.paragraph >= paragraph - LOOKBACK
        ]
        for wanted in (True, False):
            for event in recent:
                if (event.prominent or not wanted) and self.genders.get(event.name) in (
                    gender,
                    None,
                ):
                    return event.name
        return None
