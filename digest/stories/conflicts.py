"""Where a story's sources disagree: quantities and dates given differently.

A :class:`~digest.models.Conflict` is a quantity or a date that sources give differently
for the same thing: same unit, a shared word among the ``Tuning.cue_words`` words
on either side (``killed``, ``injured``) and no names that tell them apart. Left out,
because a wrong conflict is worse than a missing one: a source that gives both values,
bounds, estimates and ranges ("at least 12", "some 200", "between 5 and 7"), values more
than ``Tuning.max_ratio`` times apart, dates written relatively ("Friday").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from digest.models import Article, Conflict, ConflictValue
from digest.stories.merge import source_of
from digest.stories.terms import STOPWORDS, terms
from digest.stories.tuning import TUNING, Tuning
from digest.text.sentences import split_sentences
from digest.text.words import word_list

_HEDGE = re.compile(
    r"\b(?:at\s+least|more\s+than|over|up\s+to|nearly|almost|about|around|some|roughly|"
    r"approximately|fewer\s+than|less\s+than|under|as\s+many\s+as|an\s+estimated|estimated|"
    r"close\s+to|within|between|from|to|and|or|than|of)\s*$",
    re.I,
)
"""Words before a number that make it a bound, an estimate or part of a range."""

_RANGE_AFTER = re.compile(r"^\s*(?:-|–|to|or|and)\s*\d", re.I)
_STATE_WORDS = word_list("stories/conflicts/state_words")
_NUMBER_WORDS = word_list("stories/conflicts/number_words")
"""Words that count or order, never what is counted."""
_CAPITAL = re.compile(r"^[A-Z][\w'’.-]*$")
_EXPLICIT_DATE = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Figure:
    """A number or a date of one article, with the words around it."""

    article: int
    value: Any
    unit: str
    """The unit as compared: lower case, singular."""
    shown: str
    """The unit as the article writes it."""
    text: str
    cues: frozenset[str]
    names: frozenset[str]


def _around(paragraph: str, text: str) -> tuple[str, str] | None:
    """The parts of ``text``'s sentence before and after it."""
    start = paragraph.find(text)
    if start < 0:
        return None
    offset = 0
    for sentence in split_sentences(paragraph):
        offset = paragraph.find(sentence, offset)
        if offset <= start < offset + len(sentence):
            before = paragraph[offset:start]
            after = paragraph[start + len(text) : offset + len(sentence)]
            return before, after
        offset += len(sentence)
    return None


def _context(
    article: Article, paragraph: int | None, text: str, units: frozenset[str], cue_words: int
) -> tuple[frozenset[str], frozenset[str]] | None:
    """The cue words and the names around a figure, or None when it is hedged or a range."""
    if paragraph is None or not 0 <= paragraph < len(article.paragraphs):
        return None
    found = _around(article.paragraphs[paragraph], text)
    if found is None:
        return None
    before, after = found
    if _HEDGE.search(before) or _RANGE_AFTER.match(after):
        return None
    opening = not before.split()[:-cue_words]
    words_before = before.split()[-cue_words:]
    cues: set[str] = set()
    names: set[str] = set()
    for position, word in enumerate(words_before + after.split()[:cue_words]):
        bare = word.strip(".,;:'’\"“”()[]")
        if _CAPITAL.match(bare) and not (opening and position == 0):
            if bare.lower() not in STOPWORDS:
                names.add(bare)
            continue
        cues.update(
            t
            for t in terms(bare)
            if not t[:1].isdigit() and t not in units and t not in _NUMBER_WORDS
        )
    return frozenset(cues), frozenset(names)


def _unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    key = unit.lower()
    if key in STOPWORDS or not any(c.isalpha() for c in key):
        return None
    if len(key) > 3 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return key


def _figures(
    articles: Sequence[Article], disputed: dict[str, set[Any]], tuning: Tuning
) -> tuple[list[_Figure], list[_Figure]]:
    """The numbers and explicit dates whose value may be disputed, with their context."""
    numbers: list[_Figure] = []
    dates: list[_Figure] = []
    # Other units beside a figure ("10 km (six miles)") say how, not what, it counts.
    units = frozenset(
        word
        for article in articles
        for number in article.facts.numbers
        if number.unit
        for word in terms(number.unit) + [number.unit.lower()]
    )
    for index, article in enumerate(articles):
        for number in article.facts.numbers:
            unit = _unit_key(number.unit)
            if unit is None or number.value not in disputed.get(unit, ()):
                continue
            context = _context(article, number.paragraph, number.text, units, tuning.cue_words)
            if context:
                numbers.append(
                    _Figure(index, number.value, unit, number.unit or "", number.text, *context)
                )
        for fact in article.facts.dates:
            if fact.value not in disputed.get("date", ()) or not _EXPLICIT_DATE.search(fact.text):
                continue
            context = _context(article, fact.paragraph, fact.text, units, tuning.cue_words)
            if context:
                dates.append(_Figure(index, fact.value, "date", "", fact.text, *context))
    return numbers, dates


def _components(figures: list[_Figure]) -> list[list[_Figure]]:
    """Figures of different articles about the same thing: same unit, a shared cue word,
    and no names that tell them apart (connected components of that relation)."""
    parent = list(range(len(figures)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Figures with the same unit, cue and names are all linked as soon as two articles give
    # them; two such sets are linked when their names agree and two articles are among them.
    buckets: dict[tuple[str, str], dict[frozenset[str], list[int]]] = defaultdict(dict)
    for i, figure in enumerate(figures):
        for cue in figure.cues:
            buckets[figure.unit, cue].setdefault(figure.names, []).append(i)
    for sets in buckets.values():
        kinds = list(sets.items())
        for x, (names_a, members_a) in enumerate(kinds):
            articles_a = {figures[m].article for m in members_a}
            for names_b, members_b in kinds[x:]:
                if names_a and names_b and not names_a & names_b:
                    continue
                if len(articles_a | {figures[m].article for m in members_b}) < 2:
                    continue
                first = root(members_a[0])
                for m in (*members_a, *members_b):
                    parent[root(m)] = first
    groups: dict[int, list[_Figure]] = defaultdict(list)
    for i, figure in enumerate(figures):
        groups[root(i)].append(figure)
    return [g for g in groups.values() if len({f.article for f in g}) > 1]


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def find_conflicts(articles: Sequence[Article], tuning: Tuning = TUNING) -> tuple[Conflict, ...]:
    """Quantities and dates the articles give differently for the same thing."""
    if len(articles) < 2:
        return ()
    outlets = [source_of(a).outlet for a in articles]
    stated: dict[tuple[int, str], set[Any]] = defaultdict(set)
    for article_index, article in enumerate(articles):
        for number in article.facts.numbers:
            unit = _unit_key(number.unit)
            if unit:
                stated[article_index, unit].add(number.value)
        for fact in article.facts.dates:
            if fact.value:
                stated[article_index, "date"].add(fact.value)
    # A value every article with that unit gives is agreed: any rival value comes from an
    # article that gives both, which rules the conflict out. Only the others are read.
    by_unit: dict[str, list[set[Any]]] = defaultdict(list)
    for (_article, unit), values in stated.items():
        by_unit[unit].append(values)
    disputed: dict[str, set[Any]] = {}
    for unit, sets in by_unit.items():
        if len(sets) > 1:
            agreed = set.intersection(*sets)
            open_values = set.union(*sets) - agreed
            if unit == "date":
                open_values = {v for v in open_values if len(v) == 10}
            if len(open_values) > 1:
                disputed[unit] = open_values
    numbers, dates = _figures(articles, disputed, tuning)
    conflicts = []
    for kind, figures in (("number", numbers), ("date", dates)):
        for component in _components(figures):
            conflict = _conflict(kind, component, articles, outlets, stated, tuning)
            if conflict:
                conflicts.append(conflict)
    return tuple(conflicts)


def _conflict(
    kind: str,
    component: list[_Figure],
    articles: Sequence[Article],
    outlets: list[str],
    stated: dict[tuple[int, str], set[Any]],
    tuning: Tuning,
) -> Conflict | None:
    unit = component[0].unit
    values: dict[Any, list[_Figure]] = {}
    for figure in sorted(component, key=lambda f: f.article):
        values.setdefault(figure.value, []).append(figure)
    if len(values) < 2:
        return None
    for article in {f.article for f in component}:
        if len({f.value for f in component if f.article == article}) > 1:
            return None
    for (_article, stated_unit), given in stated.items():
        if stated_unit == unit and len(given & values.keys()) > 1:
            return None
    if kind == "number":
        low, high = min(values), max(values)
        if low <= 0 or high / low > tuning.max_ratio:
            return None
    cues: Counter[str] = Counter()
    for figure in component:
        cues.update(figure.cues)
    shared = [c for c, n in cues.most_common() if n > 1]
    cue = next((c for c in shared if c in _STATE_WORDS or c.endswith("ed")), None)
    shown_unit = component[0].shown
    money = len(shown_unit) == 3 and shown_unit.isupper()
    if kind == "number":
        what = shown_unit + (f" {cue}" if cue else "")
    else:
        what = shared[0] if shared else "date"
    shown = []
    for position, (value, figures) in enumerate(values.items()):
        if kind == "date" or money:
            label = figures[0].text
        else:
            label = _show(value) + (f" {what}" if position == 0 else "")
        names = tuple(dict.fromkeys(outlets[f.article] for f in figures))
        ids = tuple(dict.fromkeys(articles[f.article].id for f in figures))
        shown.append(ConflictValue(label, names, ids))
    text = " vs ".join(f"{v.text} ({', '.join(v.outlets)})" for v in shown)
    return Conflict(kind=kind, what=what, values=tuple(shown), text=text)
