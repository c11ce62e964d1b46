"""People, organisations and places named in an article, with the roles it gives people.

    capitalised runs -> trim sentence openers, split titles ("Defence Minister") from names
      -> classify (gazetteers, organisation words, given names, cues) -> merge mentions

Precision comes first: a run that no list, word or cue vouches for is left out rather
than guessed. A person is listed once, under the fullest form of the name; surname-only
mentions ("Stoltenberg said") and "Mr Putin" count toward that person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digest.facts.gazetteer import (
    COMMON_CAPITALISED,
    DEMONYMS,
    HONORIFICS,
    KNOWN_ORGS,
    ORG_WORDS,
    ROLE_NOUNS,
    ROLE_WORDS,
    SAY_VERBS,
    given_names,
    places,
)
from digest.models import Entity, Person
from digest.sentences import split_sentences

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9][\w’'.\-&]*")
_CONNECTORS = frozenset({"of", "the", "de", "del", "da", "di", "du", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "y", "for", "on"})
_GEO_WORDS = frozenset(
    {"Sea", "Ocean", "River", "Gulf", "Strait", "Straits", "Mountains", "Valley", "Province", "Region", "Island",
     "Islands", "Lake", "Bay", "Peninsula", "Desert", "County", "District", "Canal", "Coast", "Heights", "Square"}
)
_MONTHS_DAYS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July "
    "August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_ROLE_AFTER = re.compile(r"^,\s+(?P<role>(?:(?:the|a|an)\s+)?[^,.;:“”\"()]{3,90}?)\s*(?:,|\.|;|\)|$)")
_ROLE_BEFORE = re.compile(
    r"(?P<det>\bthe|\ba|\ban|\b[A-Z][\w’'-]*['’]s)\s+(?P<role>(?:[\w’'-]+\s+){0,5}?[\w’'-]+(?:\s+(?:of|for|at|to)\s+(?:the\s+)?"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)\s*,\s*$"
)


@dataclass(slots=True)
class _Token:
    text: str
    start: int
    end: int
    brk: bool = False
    """Punctuation (or a possessive) follows this word, so a name cannot run past it."""


@dataclass(slots=True)
class _Run:
    tokens: list[str]
    start: int
    end: int
    paragraph: int
    sentence_start: bool
    role: str | None = None
    honorific: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


@dataclass(slots=True)
class _Person:
    name: str
    role: str | None
    mentions: int
    first: int
    tokens: list[str] = field(default_factory=list)


def _tokens(sentence: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _WORD.finditer(sentence):
        text, start, end = match.group(0), match.start(), match.end()
        brk = False
        if text.endswith(("’s", "'s")) and len(text) > 2:
            text, end, brk = text[:-2], end - 2, True
        while text.endswith((".", "-", "'", "’")) and not (_ACRONYM.match(text) or text.rstrip(".") in HONORIFICS or (len(text) == 2 and text[0].isupper())):
            text, end = text[:-1], end - 1
            brk = brk or sentence[end : end + 1] == "."
        if not text:
            continue
        if tokens and not brk:
            gap = sentence[tokens[-1].end : start]
            if gap.strip() and gap.strip() not in ("-",):
                tokens[-1].brk = True
        tokens.append(_Token(text, start, end, brk))
    return tokens


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:3] in ("al-", "el-") and word[3:4].isupper())


def _runs(paragraph: str, index: int) -> list[_Run]:
    runs: list[_Run] = []
    offset = 0
    for sentence in split_sentences(paragraph):
        base = paragraph.find(sentence, offset)
        offset = base + len(sentence)
        tokens = _tokens(sentence)
        i = 0
        while i < len(tokens):
            if not _capitalised(tokens[i].text) or tokens[i].text in _MONTHS_DAYS:
                i += 1
                continue
            j = i
            words = [tokens[i].text]
            while not tokens[j].brk and j + 1 < len(tokens):
                nxt = tokens[j + 1]
                if _capitalised(nxt.text) and nxt.text not in _MONTHS_DAYS:
                    words.append(nxt.text)
                    j += 1
                    continue
                # "Bank of England", "Secretary of State", "Osama bin Laden"
                k = j + 1
                connectors = []
                while k < len(tokens) and tokens[k].text in _CONNECTORS and not tokens[k].brk and len(connectors) < 2:
                    connectors.append(tokens[k].text)
                    k += 1
                if connectors and k < len(tokens) and _capitalised(tokens[k].text) and tokens[k].text not in _MONTHS_DAYS:
                    words.extend([*connectors, tokens[k].text])
                    j = k
                    continue
                break
            runs.append(_Run(words, base + tokens[i].start, base + tokens[j].end, index, i == 0))
            i = j + 1
    return runs


def _trim(run: _Run) -> _Run | None:
    words = list(run.tokens)
    while words and (words[0] in COMMON_CAPITALISED or words[0].lower() in _CONNECTORS):
        if words[0] in COMMON_CAPITALISED and words[0] in given_names() and len(words) > 1 and not run.sentence_start:
            break
        words.pop(0)
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    if not words:
        return None
    run.tokens = words
    return run


def _split_role(run: _Run) -> None:
    """Move a title written before a name ("NATO Secretary General") into ``role``."""
    words = run.tokens
    last_role = -1
    for i, word in enumerate(words[:-1]):
        bare = word.rstrip(".")
        if word in ROLE_WORDS or bare in ROLE_WORDS or bare in HONORIFICS:
            last_role = i
        elif word.lower() in _CONNECTORS or word in DEMONYMS or _ACRONYM.match(word) or word in KNOWN_ORGS or word in places():
            continue
        elif last_role >= 0:
            break
    if last_role < 0:
        return
    name = words[last_role + 1 :]
    if not name or any(w in ORG_WORDS for w in name) or name[0].lower() in _CONNECTORS:
        return
    prefix = words[: last_role + 1]
    run.honorific = prefix[-1].rstrip(".") in HONORIFICS
    role_words = [w for w in prefix if w.rstrip(".") not in HONORIFICS]
    if role_words and any(w in ROLE_WORDS or w.rstrip(".") in ROLE_WORDS for w in role_words):
        run.role = " ".join(role_words)
    elif not run.honorific:
        return
    run.tokens = name


def _kind(run: _Run) -> str | None:
    text = run.text
    words = run.tokens
    place_names = places()
    if text in KNOWN_ORGS:
        return "org"
    if text in place_names or (words[0] == "the" and " ".join(words[1:]) in place_names):
        return "place"
    if run.role or run.honorific:
        return "person"
    if any(w in ORG_WORDS for w in words):
        return "org"
    if len(words) > 1 and words[-1] in _GEO_WORDS:
        return "place"
    if len(words) == 1 and _ACRONYM.match(text):
        return "org"
    if all(w in DEMONYMS or w in COMMON_CAPITALISED for w in words):
        return None
    if 2 <= len(words) <= 4 and words[0] in given_names() and words[-1] not in DEMONYMS and words[-1] not in ROLE_WORDS:
        return "person"
    return "unknown"


def _role_around(paragraph: str, run: _Run) -> str | None:
    after = _ROLE_AFTER.match(paragraph[run.end : run.end + 120])
    if after and _is_role(after.group("role")):
        return after.group("role").removeprefix("the ").removeprefix("a ").removeprefix("an ").strip()
    before = _ROLE_BEFORE.search(paragraph[max(0, run.start - 120) : run.start])
    if before and _is_role(before.group("role")):
        det = before.group("det")
        role = before.group("role").strip()
        # The determiner nearest the name opens the role: "a day after the prime minister of Turkey".
        inner = re.split(r"\b(?:the|a|an)\s+", role)
        if len(inner) > 1:
            det, role = "the", inner[-1].strip()
            if not _is_role(role):
                return None
        return f"{det} {role}" if det[0].isupper() else role
    return None


def _is_role(phrase: str) -> bool:
    words = phrase.lower().replace("’s", "").replace("'s", "").split()
    if not 1 <= len(words) <= 10 or any(w in SAY_VERBS for w in words):
        return False
    head = [w for w in words if w not in _CONNECTORS]
    return any(w.strip(",") in ROLE_NOUNS for w in head[:6]) and not re.search(r"\b(?:who|which|that|is|was|has|had|will)\b", phrase)


def _said_nearby(paragraph: str, run: _Run) -> bool:
    after = paragraph[run.end : run.end + 30].lower().split()
    before = paragraph[max(0, run.start - 20) : run.start].lower().split()
    return bool((after and after[0].strip(",.") in SAY_VERBS) or (before and before[-1] in SAY_VERBS))


class NameFinder:
    """Finds and merges the people, organisations and places of one article."""

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        self.paragraphs = paragraphs
        self.people: list[_Person] = []
        self.orgs: dict[str, list[int]] = {}
        self.places: dict[str, list[int]] = {}
        self.person_spans: list[tuple[int, int, int, str]] = []
        """(paragraph, start, end, person name) for every mention, in reading order."""
        self._run()

    def _person(self, run: _Run, order: int) -> _Person:
        name = run.text
        words = run.tokens
        for person in self.people:
            if name == person.name or (len(words) == 1 and words[0] in person.tokens) or (
                words[-1] == person.tokens[-1] and (len(words) == 1 or len(person.tokens) == 1 or words[0] == person.tokens[0])
            ):
                if len(words) > len(person.tokens):
                    person.name, person.tokens = name, list(words)
                person.mentions += 1
                if run.role and not person.role:
                    person.role = run.role
                return person
        person = _Person(name, run.role, 1, order, list(words))
        self.people.append(person)
        return person

    def _run(self) -> None:
        pending: list[tuple[_Run, int]] = []
        order = 0
        for index, paragraph in enumerate(self.paragraphs):
            for run in _runs(paragraph, index):
                if _trim(run) is None:
                    continue
                _split_role(run)
                kind = _kind(run)
                order += 1
                if kind == "person":
                    if not run.role:
                        run.role = _role_around(paragraph, run)
                    person = self._person(run, order)
                    self.person_spans.append((index, run.start, run.end, person.name))
                elif kind == "org":
                    self.orgs.setdefault(run.text, []).append(order)
                elif kind == "place":
                    self.places.setdefault(run.text.removeprefix("the "), []).append(order)
                elif kind == "unknown":
                    pending.append((run, order))
        # Second pass: surnames of people already found, and names a cue vouches for.
        for run, order in pending:
            paragraph = self.paragraphs[run.paragraph]
            words = run.tokens
            known = any(w in p.tokens for p in self.people for w in words[-1:])
            cue = _said_nearby(paragraph, run) or _role_around(paragraph, run) is not None
            if (known and len(words) <= 2) or (cue and len(words) <= 4 and not run.sentence_start or cue and len(words) >= 2):
                if not run.role:
                    run.role = _role_around(paragraph, run)
                person = self._person(run, order)
                self.person_spans.append((run.paragraph, run.start, run.end, person.name))
        self.person_spans.sort()
        names = {w for p in self.people for w in p.tokens} | {p.name for p in self.people}
        for table in (self.orgs, self.places):
            for key in [k for k in table if k in names]:
                del table[key]

    def person_list(self) -> tuple[Person, ...]:
        ranked = sorted(self.people, key=lambda p: (-p.mentions, p.first))
        return tuple(Person(p.name, p.role, p.mentions) for p in ranked)

    @staticmethod
    def _entities(table: dict[str, list[int]]) -> tuple[Entity, ...]:
        ranked = sorted(table.items(), key=lambda item: (-len(item[1]), item[1][0]))
        return tuple(Entity(name, len(orders)) for name, orders in ranked)

    def org_list(self) -> tuple[Entity, ...]:
        return self._entities(self.orgs)

    def place_list(self) -> tuple[Entity, ...]:
        return self._entities(self.places)

    def resolve(self, name: str) -> str | None:
        """The listed person a name ("Stoltenberg", "Mr Putin") refers to."""
        words = name.split()
        for person in self.people:
            if name == person.name or (words and words[-1] == person.tokens[-1]):
                return person.name
        return None
