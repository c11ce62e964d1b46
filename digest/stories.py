"""Stories: articles about the same event, from many sources, grouped into one card.

    articles -> opening (headline + first words), body, names (people, organisations, places)
             -> candidate pairs (heaviest rare terms; dates close; same days reported;
                same protagonists; less wording for a shared rare lead person)
             -> average-link clustering, bodies and tops alike, no cross pair unlike
             -> Story (lead, sources, merged facts, conflicts)

Grouping. Each article is read three ways, each a TF-IDF vector: its opening (the headline,
each word counted :data:`TITLE_WEIGHT` times, and the first :data:`OPENING_WORDS` words of the
body: where a report says what happened, to whom, where and when), its body (the first
:data:`BODY_WORDS` words) and its names (the people, organisations and places its facts list;
people by surname, so that "Stoltenberg" meets "Jens Stoltenberg"; a name's weight grows only
with the log of the log of its mentions). Dates and years are not terms: a dateline ties
every report of its day. The similarity of two articles is the mean of the three cosines
(of the first two when neither names anyone; between the two means when one does). Inverse
document frequencies come from the articles being grouped (an input smaller than
:data:`MIN_COLLECTION` is weighed as if it were that large, and asks for :data:`SMALL_MARGIN`
more similarity: a few articles cannot tell common words from rare ones). Inputs of more
than :data:`COMPARE_ALL` articles compare an article only with those sharing one of its
:data:`BLOCK_TERMS` heaviest terms among the terms of at most :data:`BLOCK_DF` articles (an
inverted index keeps the pairs few).

A pair counts when:

- the articles were published at most :data:`WINDOW_DAYS` apart (both dates known);
- their similarity reaches :data:`PAIR_THRESHOLD`, plus :data:`DAY_MARGIN` for each day
  between them (:data:`UNDATED_THRESHOLD`, near-copies only, when a date is missing: without
  dates a follow-up cannot be told from the report);
- their names alone are alike (:data:`NAME_GATE`: reports written to one template share their
  words but not their teams);
- two briefs (fewer than :data:`BRIEF_WORDS` words) that are no near-copies share
  :data:`BRIEF_NAMES` names: a one-line template says nothing of which happening it reports;
- they report the same days: the days their first paragraphs name up to the day of
  publication overlap when both name one (two matches between the same teams a day apart are
  two stories), and neither previews, with a day still to come, the day the other reports
  (a team announcement and the match).
- their headlines' protagonists are not two different actors (:func:`_protagonist`: the
  person or organisation named most, at least :data:`LEAD_MENTIONS` times, and in the
  headline) each named at most once by the other article ("OSCE defends record over
  Chechnya peace mission" beside "Lebed, Chechens sign framework political deal"; a reaction
  names whom it answers).

Two articles whose lead person (named most, at least :data:`LEAD_MENTIONS` times; headlines
that preview, "will", "ahead of", have none) is the same rare one (named by at most
:data:`RARE_SHARE` of the articles) need only :data:`LEAD_THRESHOLD` (plus the day margin):
a bombing's report and the suspect's arrest share the suspect more than their words.

Pairs join groups strongest first; two groups merge only when the average similarity over
all their cross pairs (the dot product of their summed vectors divided by the number of
pairs) reaches :data:`LINK_THRESHOLD`, the average similarity of their tops (headline and
first :data:`TOP_WORDS` words) reaches :data:`TOP_LINK_THRESHOLD`, and no cross pair falls
below :data:`CROSS_FLOOR`. So a chain of pairwise links cannot glue unrelated stories
together, articles that share a topic and its background paragraphs but open on different
happenings stay apart, and no article joins a story one of whose articles it shares nothing
with.

A story's :attr:`Story.id` is derived from the smallest article id in it: the same set of
articles always gives the same id, and a story keeps its id while the articles that join
it have larger ids. When the id changes, :func:`match` finds the story's previous
:class:`Snapshot` by the article ids they share.

The lead ("best-written" article) is, in order: the one with the fewest extraction
warnings, then the longest body (in steps of :data:`LENGTH_STEP` words, so that a few words
do not decide), then one with a named author, then the most facts, then the first given.

Merged facts count in how many articles each person, organisation, place, date, number and
quote occurs (``sources``). A :class:`Conflict` is a quantity or a date that sources give
differently for the same thing: same unit, a shared word among the :data:`CUE_WORDS` words
on either side (``killed``, ``injured``) and no names that tell them apart. Left out,
because a wrong conflict is worse than a missing one: a source that gives both values,
bounds, estimates and ranges ("at least 12", "some 200", "between 5 and 7"), values more
than :data:`MAX_RATIO` times apart, dates written relatively ("Friday").

"Since last time": :func:`snapshot` records what the user saw of a story (article ids,
outlets, fact keys, quotes) as JSON for storage; :func:`changes` lists the sources, facts
and quotes a story holds that its snapshot did not.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from digest.models import Article, DateFact, NumberFact
from digest.text.sentences import split_sentences
from digest.inputs.urls import host

TITLE_WEIGHT = 2.0
"""How many times a headline word counts in the opening, beside a word of the body."""

OPENING_WORDS = 80
"""Words of the body that, with the headline, make an article's opening: where a report says
what happened, to whom, where and when."""

BODY_WORDS = 250
"""Words of the body read for grouping."""

TOP_WORDS = 30
"""Words of the body that, with the headline, make an article's top (see
:data:`TOP_LINK_THRESHOLD`)."""

PAIR_THRESHOLD = 0.24
"""Least similarity for two dated articles to be grouped (the mean of the cosines of their
openings, their bodies and their names)."""

DAY_MARGIN = 0.02
"""How much more similarity each day between two publications asks for: a report days later
must be closer to be a follow-up rather than another happening of the same kind."""

UNDATED_THRESHOLD = 0.7
"""Least similarity when a date is missing: only near-copies of one report are grouped."""

NAME_GATE = 0.1
"""Least cosine similarity of the names alone, when both articles name anyone."""

LINK_THRESHOLD = 0.15
"""Least average similarity over all cross pairs for two groups to merge."""

TOP_LINK_THRESHOLD = 0.07
"""Least average similarity of the tops (headline and first :data:`TOP_WORDS` words) over all
cross pairs for two groups to merge: stories that share a topic and its background
paragraphs, not a happening, have tops that say different things."""

CROSS_FLOOR = 0.05
"""Least similarity of every cross pair for two groups to merge: each article of a story shares
something with each other one (a chain of links cannot bring in an article that shares
nothing with some of the group)."""

WINDOW_DAYS = 3
"""Articles published further apart than this are never grouped."""

MIN_COLLECTION = 50
"""Inputs smaller than this weigh words as if the rest of a collection this size lacked them:
the few articles of a small input cannot tell common words from rare ones."""

SMALL_MARGIN = 0.08
"""How much more similar two dated articles must be in an input of two (less as inputs grow
toward :data:`MIN_COLLECTION`)."""

BRIEF_WORDS = 30
"""Articles of fewer words than this (headline included) are briefs: a result line, a note."""

BRIEF_NAMES = 2
"""Names two briefs must share to be grouped when they are not near-copies: briefs written to
one template ("6-month forecast", "results of Friday's games") share their few words."""

BLOCK_DF = 100
"""Terms in more articles than this (or 1% of them, when more) do not find partners."""

BLOCK_TERMS = 8
"""Each article's heaviest terms, through which it finds the articles it is compared with."""

COMPARE_ALL = 300
"""Inputs of at most this many articles compare every pair."""

LEAD_MENTIONS = 3
"""Mentions that make the most-named person or organisation an article's protagonist, when
its headline names it too (see :func:`_protagonist`)."""

LEAD_THRESHOLD = 0.15
"""Least similarity (plus :data:`DAY_MARGIN` a day) for two dated articles about the same rare
person (see :func:`_lead_person`): a bombing's report and the suspect's arrest share the
suspect, not their words."""

RARE_SHARE = 0.02
"""A person named in at most this share of the articles is rare (or in two, in an input of at
least :data:`MIN_COLLECTION`; a smaller input counts as that large)."""

OPENING_LINES = 4
"""Paragraphs a first sentence broken by line breaks is followed across."""

EVENT_DAYS = 7
"""Days from publication within which a date of the first paragraph names the event's day."""

LENGTH_STEP = 100
"""Body lengths that differ by less than this many words are equal when choosing the lead."""

_STOPWORDS = frozenset(
    """
    a about above after again against all almost also although always am among an and another
    any are around as at back be became because been before being below between both but by
    can could did do does doing done down during each either else even ever every few for from
    further had has have having he her here hers herself him himself his how however i if in
    into is it its itself just last least less like made make many may me might more most much
    must my myself near neither never new next no nor not now of off often on once one only or
    other others our ours ourselves out over own per put rather said same say saying says see
    seen she should since so some still such than that the their theirs them themselves then
    there these they this those though through thus to told too under until up upon us very
    was we well were what when where whether which while who whom whose why will with within
    without would yet you your yours yourself yourselves mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight
    week weeks year years day days month months time times according added reported
    reporters statement news agency percent pct
    """.split()
)
"""Words that say nothing about which event an article reports."""

_TOKEN = re.compile(r"\d+(?:[-–.,:/]\d+)+|\d{2,}|[^\W\d_]{2,}(?:['’][^\W\d_]+)?")
_POSSESSIVE = re.compile(r"['’]s$")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_DATE_TERM = re.compile(r"\d{4}-\d{2}-\d{2}|(?:1[89]|20)\d\d")

Vector = dict[str, float]


def _plain(record: Any) -> dict[str, Any]:
    """A record's fields as JSON values, in field order (tuples as lists, records as dicts)."""

    def value(item: Any) -> Any:
        if isinstance(item, tuple):
            return [value(x) for x in item]
        return item.to_dict() if hasattr(item, "to_dict") else item

    return {f.name: value(getattr(record, f.name)) for f in fields(record)}


@dataclass(frozen=True, slots=True)
class StorySource:
    """One article of a story as the card lists it."""

    outlet: str
    """The publisher, else the URL's host, else the input's name."""
    published: str | None
    url: str | None
    article: str
    """The article's id."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class MergedName:
    """A person, organisation or place, with how many articles name it."""

    name: str
    role: str | None
    mentions: int
    sources: int

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class MergedDate:
    """A date the articles give, with how many give it."""

    text: str
    value: str | None
    sources: int

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class MergedNumber:
    """A number and what it counts, with how many articles give it."""

    text: str
    value: int | float
    unit: str | None
    sources: int

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class MergedQuote:
    """A quote once, however many articles carry it (the longest wording is kept)."""

    text: str
    speaker: str | None
    sources: int

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class MergedFacts:
    """The key facts of all a story's articles, each with the number of articles giving it."""

    people: tuple[MergedName, ...] = ()
    organizations: tuple[MergedName, ...] = ()
    places: tuple[MergedName, ...] = ()
    dates: tuple[MergedDate, ...] = ()
    numbers: tuple[MergedNumber, ...] = ()
    quotes: tuple[MergedQuote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One of the values sources give for a disputed quantity or date, and who gives it."""

    text: str
    """The value as shown: "12", "3 October 2015"."""
    outlets: tuple[str, ...]
    articles: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A quantity or a date the sources give differently for the same thing."""

    kind: str
    """``number`` or ``date``."""
    what: str
    """What is counted or dated: the unit and the word beside it ("people killed")."""
    values: tuple[ConflictValue, ...]
    text: str
    """For people: "2 people killed (Reuters) vs 7 (Le Matin)"."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one event: the best-written leads, the others follow in input order."""

    id: str
    lead: Article
    articles: tuple[Article, ...]
    """Every article of the story, the lead first."""
    sources: tuple[StorySource, ...]
    """One per article, in the order of :attr:`articles`."""
    facts: MergedFacts
    conflicts: tuple[Conflict, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lead": self.lead.id,
            "articles": [a.id for a in self.articles],
            "sources": [s.to_dict() for s in self.sources],
            "facts": self.facts.to_dict(),
            "conflicts": [c.to_dict() for c in self.conflicts],
        }


def group(articles: Sequence[Article]) -> list[Story]:
    """Group articles about the same event into stories.

    Deterministic: the same articles in the same order give the same stories. Every article
    is in exactly one story (a story may hold one article); stories come in the order of
    their first article in ``articles``.
    """
    return [make_story([articles[i] for i in indexes]) for indexes in clusters(articles)]


def make_story(articles: Sequence[Article]) -> Story:
    """The story of articles already known to report one event (at least one).

    Raises:
        ValueError: ``articles`` is empty.
    """
    if not articles:
        raise ValueError("a story needs at least one article")
    first = _best_index(articles)
    lead = articles[first]
    ordered = (lead, *(a for i, a in enumerate(articles) if i != first))
    return Story(
        id=story_id(ordered),
        lead=lead,
        articles=ordered,
        sources=tuple(source_of(a) for a in ordered),
        facts=merge_facts(ordered),
        conflicts=find_conflicts(ordered),
    )


def story_id(articles: Iterable[Article]) -> str:
    """The id of the story holding ``articles``: from the smallest article id."""
    smallest = min(a.id for a in articles)
    return hashlib.sha256(f"story\n{smallest}".encode()).hexdigest()[:16]


def best_written(articles: Sequence[Article]) -> Article:
    """The article that leads a story (see the module docstring for the order)."""
    return articles[_best_index(articles)]


def _best_index(articles: Sequence[Article]) -> int:

    def rank(item: tuple[int, Article]) -> tuple[int, int, int, int, int]:
        index, article = item
        facts = article.facts
        count = sum(
            len(x)
            for x in (facts.people, facts.organizations, facts.places, facts.numbers, facts.quotes)
        )
        return (
            len(article.warnings),
            -(article.word_count // LENGTH_STEP),
            0 if article.authors else 1,
            -count,
            index,
        )

    return min(enumerate(articles), key=rank)[0]


def source_of(article: Article) -> StorySource:
    """The card's line for one article."""
    outlet = article.publisher
    if not outlet and article.url:
        outlet = host(article.url).removeprefix("www.") or None
    return StorySource(
        outlet=outlet or article.input,
        published=article.published,
        url=article.url,
        article=article.id,
    )


@functools.lru_cache(maxsize=65536)
def _term(token: str) -> str | None:
    """A lower-case token as compared: no possessive, plural -s dropped; None for stopwords."""
    token = _POSSESSIVE.sub("", token)
    if token in _STOPWORDS:
        return None
    if len(token) > 4 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-3] + "y" if token.endswith("ies") else token[:-1]
    return token


def _terms(text: str) -> list[str]:
    return [t for t in map(_term, _TOKEN.findall(text.lower())) if t is not None]


@functools.lru_cache(maxsize=65536)
def _group_term(token: str) -> str | None:
    """:func:`_term`, and None for dates and years (a dateline's "1996-08-30" ties every report
    of that day, whatever it reports)."""
    return None if _DATE_TERM.fullmatch(token) else _term(token)


def _group_terms(text: str) -> list[str]:
    """The terms of ``text`` that can tell one happening from another."""
    return [t for t in map(_group_term, _TOKEN.findall(text.lower())) if t is not None]


def _count(*parts: tuple[list[str], float]) -> dict[str, float]:
    """Term counts over lists of terms, each list counted with its weight."""
    counts: dict[str, float] = {}
    for terms, weight in parts:
        for term in terms:
            counts[term] = counts.get(term, 0.0) + weight
    return counts


def _chunks(article: Article, *ends: int) -> list[str]:
    """The body's words cut at word counts ``ends`` (ascending): the first ``ends[0]`` words,
    then the words up to ``ends[1]``, and so on."""
    words: list[str] = []
    for paragraph in article.paragraphs:
        words.extend(paragraph.split())
        if len(words) >= ends[-1]:
            break
    starts = (0, *ends[:-1])
    return [" ".join(words[start:end]) for start, end in zip(starts, ends, strict=True)]


def _name_features(article: Article) -> Counter[str]:
    """Mentions of each name the facts list: people by surname, organisations and places whole."""
    counts = _actors(article)
    for entity in article.facts.places:
        counts["e:" + entity.name.lower()] += entity.mentions
    return counts


def _weigh(features: Sequence[dict[str, float]]) -> list[Vector]:
    """TF-IDF vectors of unit length (sublinear term counts, smoothed IDF over ``features``)."""
    df: Counter[str] = Counter()
    for counts in features:
        df.update(counts.keys())
    n = max(len(features), MIN_COLLECTION)
    idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
    # Counts repeat (1, 2, 3 ...): their logs are taken once.
    sublinear: dict[float, float] = {}
    vectors = []
    for counts in features:
        vector = {}
        for t, c in counts.items():
            if c > 0:
                tf = sublinear.get(c)
                if tf is None:
                    tf = sublinear[c] = 1.0 + math.log(c)
                vector[t] = tf * idf[t]
        norm = math.sqrt(sum([w * w for w in vector.values()])) or 1.0
        vectors.append({t: w / norm for t, w in vector.items()})
    return vectors


def _vectors(articles: Sequence[Article]) -> tuple[list[Vector], list[Vector], list[Vector]]:
    """Each article's grouping vector, names vector and top vector.

    The grouping vector joins three unit vectors, each scaled so that the dot product of two
    articles is the mean of three cosines: of their openings, of their bodies and of their
    names (an article that names no one joins two, each scaled to half its weight).
    """
    openings: list[dict[str, float]] = []
    bodies: list[dict[str, float]] = []
    tops: list[dict[str, float]] = []
    for article in articles:
        headline = _group_terms(article.title)
        first, second, rest = (
            _group_terms(chunk) for chunk in _chunks(article, TOP_WORDS, OPENING_WORDS, BODY_WORDS)
        )
        tops.append(_count((headline, 1.0), (first, 1.0)))
        openings.append(_count((headline, TITLE_WEIGHT), (first, 1.0), (second, 1.0)))
        bodies.append(_count((first, 1.0), (second, 1.0), (rest, 1.0)))
    # How often an article repeats a name tells a little about who it is about: the weight
    # grows with the log of the log of the mentions.
    mentions = [
        {k: 1.0 + math.log(m) for k, m in _name_features(a).items() if m > 0} for a in articles
    ]
    names = _weigh(mentions)
    vectors = []
    for parts in zip(_weigh(openings), _weigh(bodies), names, strict=True):
        present = [(prefix, part) for prefix, part in zip("obn", parts, strict=True) if part]
        scale = 1.0 / math.sqrt(len(present)) if present else 1.0
        vectors.append(
            {f"{prefix}:{t}": w * scale for prefix, part in present for t, w in part.items()}
        )
    return vectors, names, _weigh(tops)


def _dot(a: Vector, b: Vector) -> float:
    return sum([a[t] * b[t] for t in a.keys() & b.keys()])


def _day(published: str | None) -> int | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


Days = tuple[frozenset[int], frozenset[int], frozenset[int]]
"""An article's event days (:func:`_event_days`): past, to come, and announced next."""


def _event_days(article: Article, published: int | None) -> Days:
    """The days the first paragraph names within :data:`EVENT_DAYS` of publication: those up to
    the day of publication (what happened) and those after it (what is to come); and the days
    to come the paragraph after it announces ("would appear in court on Saturday")."""
    if published is None:
        return frozenset(), frozenset(), frozenset()
    past: set[int] = set()
    future: set[int] = set()
    announced: set[int] = set()
    opening = _first_sentence_paragraphs(article.paragraphs)
    for fact in article.facts.dates:
        if fact.paragraph is None or not fact.value or len(fact.value) != 10:
            continue
        if fact.paragraph <= opening:
            day = _day(fact.value)
            if day is None or abs(day - published) > EVENT_DAYS:
                continue
            if fact.paragraph == opening:
                if day > published:
                    announced.add(day)
            else:
                (past if day <= published else future).add(day)
    return frozenset(past), frozenset(future), frozenset(announced)


def _first_sentence_paragraphs(paragraphs: Sequence[str]) -> int:
    """How many paragraphs the first sentence spans: one, unless a text wrapped by line
    breaks it ("Results of South Korean" / "professional baseball games played on Thursday.").
    """
    for count, paragraph in enumerate(paragraphs[:OPENING_LINES], start=1):
        if paragraph.rstrip().endswith((".", ":", "!", "?", "”", '"')):
            return count
    return 1


def _different_days(a: Days, b: Days) -> bool:
    """Whether two articles report what happened on different days, or one previews the day
    the other reports ("for Saturday's game" against "drew on Saturday"). A report of the
    day the other announced is its next step ("charged on Friday, would appear in court on
    Saturday" and "appeared in court on Saturday")."""
    (past_a, next_a, announced_a), (past_b, next_b, announced_b) = a, b
    if past_a and past_b and not past_a & past_b:
        return not (announced_a & past_b or announced_b & past_a)
    return bool((not past_a and next_a & past_b) or (not past_b and next_b & past_a))


def _actors(article: Article) -> Counter[str]:
    """Mentions of the people (by surname) and organisations an article names."""
    counts: Counter[str] = Counter()
    for person in article.facts.people:
        words = person.name.lower().split()
        if words:
            counts["p:" + words[-1]] += person.mentions
    for entity in article.facts.organizations:
        counts["e:" + entity.name.lower()] += entity.mentions
    return counts


def _most_named(counts: Counter[str]) -> str | None:
    """The name mentioned most, at least :data:`LEAD_MENTIONS` times and more than any other."""
    top = counts.most_common(2)
    if not top or top[0][1] < LEAD_MENTIONS or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def _protagonist(article: Article, actors: Counter[str]) -> str | None:
    """The person or organisation an article is about: the most named (:func:`_most_named`),
    if the headline names it too."""
    key = _most_named(actors)
    if key is None:
        return None
    name = " ".join(_WORD.findall(key[2:]))
    headline = " ".join(_WORD.findall(article.title.lower()))
    return key if name and f" {name} " in f" {headline} " else None


_FUTURE = re.compile(r"\b(?:will|would|could|ahead|preview|expects?|set to)\b", re.I)
"""Headline words of a preview or an expectations piece: "Trump will sink Pence in VP debate"."""


def _lead_person(article: Article, actors: Counter[str]) -> str | None:
    """The surname of the person an article names most (:func:`_most_named`); None for
    previews (see :data:`_FUTURE`)."""
    if _FUTURE.search(article.title):
        return None
    return _most_named(Counter({k: m for k, m in actors.items() if k.startswith("p:")}))


def _rare_leads(
    articles: Sequence[Article], names: list[Vector], leads: list[str | None]
) -> list[str | None]:
    """Each article's lead person (``leads``, :func:`_lead_person`) when few articles name
    that person."""
    df: Counter[str] = Counter()
    for vector in names:
        df.update(k for k in vector if k.startswith("p:"))
    # A few articles cannot tell a rare person from a common one: they are weighed as if the
    # rest of a collection of MIN_COLLECTION did not name anyone.
    cap = RARE_SHARE * max(len(articles), MIN_COLLECTION)
    if len(articles) >= MIN_COLLECTION:
        cap = max(cap, 2.0)
    return [lead if lead is not None and df[lead] <= cap else None for lead in leads]


def _named_by_leaderless(rare_a: str | None, lead_b: str | None, actors_b: Counter[str]) -> bool:
    """Whether an article's rare lead person (``rare_a``) is named by the other article, which
    leads with no one: a report and the results table of its meeting ("Mitchell defeats
    Bailey" and the Berlin results, where Bailey is one name among many)."""
    return rare_a is not None and lead_b is None and actors_b[rare_a] > 0


def _different_protagonists(
    a: tuple[str | None, Counter[str]], b: tuple[str | None, Counter[str]]
) -> bool:
    """Whether two articles are about different actors: each headline's protagonist is named
    at most once in the other ("OSCE defends record over Chechnya peace mission" beside
    "Lebed, Chechens sign framework political deal"). A reaction names whom it reacts to."""
    (lead_a, actors_a), (lead_b, actors_b) = a, b
    if lead_a is None or lead_b is None or lead_a == lead_b:
        return False
    return actors_b[lead_a] < 2 and actors_a[lead_b] < 2


def _partners(vectors: list[Vector]) -> list[list[int]]:
    """For each article, the later articles it is compared with."""
    n = len(vectors)
    if n <= COMPARE_ALL:
        return [list(range(i + 1, n)) for i in range(n)]
    df: Counter[str] = Counter()
    for vector in vectors:
        df.update(vector.keys())
    # A term in very many articles finds too many partners to be worth comparing with; a
    # story as large as the cap is still found through its rarer terms.
    cap = max(BLOCK_DF, n // 100)
    postings: dict[str, list[int]] = defaultdict(list)
    keys: list[list[str]] = []
    for i, vector in enumerate(vectors):
        usable = [t for t in vector if df[t] <= cap]
        keys.append(sorted(usable, key=lambda t: (-vector[t], t))[:BLOCK_TERMS])
        for term in usable:
            postings[term].append(i)
    # Two articles are compared when either's heaviest terms are in the other: a results
    # table spreads its weight over many names, and the report of the same match names only
    # some of them, but the report's heaviest are among the table's.
    seen: list[set[int]] = [set() for _ in range(n)]
    for i, heaviest in enumerate(keys):
        for term in heaviest:
            for j in postings[term]:
                if j > i:
                    seen[i].add(j)
                elif j < i:
                    seen[j].add(i)
    return [sorted(partners) for partners in seen]


def _pairs(
    articles: Sequence[Article], vectors: list[Vector], names: list[Vector]
) -> list[tuple[float, int, int]]:
    """Pairs of articles alike enough to be grouped, strongest first."""
    # Few articles weigh common names and words as if they were rare: ask for more.
    shortfall = max(0, MIN_COLLECTION - len(vectors)) / MIN_COLLECTION
    dated_threshold = PAIR_THRESHOLD + SMALL_MARGIN * shortfall
    days = [_day(a.published) for a in articles]
    events = [_event_days(a, d) for a, d in zip(articles, days, strict=True)]
    brief = [
        len(a.title.split()) + sum(len(p.split()) for p in a.paragraphs) < BRIEF_WORDS
        for a in articles
    ]
    actors = [_actors(a) for a in articles]
    leads = [(_protagonist(a, c), c) for a, c in zip(articles, actors, strict=True)]
    persons = [_lead_person(a, c) for a, c in zip(articles, actors, strict=True)]
    rare = _rare_leads(articles, names, persons)
    pairs = []
    for i, partners in enumerate(_partners(vectors)):
        for j in partners:
            day_i, day_j = days[i], days[j]
            if day_i is not None and day_j is not None:
                apart = abs(day_i - day_j)
                if apart > WINDOW_DAYS:
                    continue
                threshold = dated_threshold + DAY_MARGIN * apart
                if (
                    rare[i] is not None
                    and rare[i] == rare[j]
                    or _named_by_leaderless(rare[i], persons[j], actors[j])
                    or _named_by_leaderless(rare[j], persons[i], actors[i])
                ):
                    threshold = min(threshold, LEAD_THRESHOLD + DAY_MARGIN * apart)
            else:
                threshold = UNDATED_THRESHOLD
            similarity = _dot(vectors[i], vectors[j])
            if similarity < threshold:
                continue
            if names[i] and names[j] and _dot(names[i], names[j]) < NAME_GATE:
                continue
            if (
                brief[i]
                and brief[j]
                and similarity < UNDATED_THRESHOLD
                and len(names[i].keys() & names[j].keys()) < BRIEF_NAMES
            ):
                continue
            if _different_days(events[i], events[j]):
                continue
            if _different_protagonists(leads[i], leads[j]):
                continue
            pairs.append((similarity, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def clusters(articles: Sequence[Article]) -> list[list[int]]:
    """Indexes of ``articles`` grouped by event, each group and the groups in input order."""
    vectors, names, tops = _vectors(articles)
    parent = list(range(len(articles)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(articles))}
    sums: dict[int, tuple[Vector, Vector]] = {
        i: (dict(v), dict(t)) for i, (v, t) in enumerate(zip(vectors, tops, strict=True))
    }

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = _pairs(articles, vectors, names)
    # Pairs that were found are alike enough: only the others' similarity is computed.
    found = {(i, j) for _similarity, i, j in pairs}

    def unlike(x: int, y: int) -> bool:
        key = (x, y) if x < y else (y, x)
        return key not in found and _dot(vectors[x], vectors[y]) < CROSS_FLOOR

    for _similarity, i, j in pairs:
        a, b = root(i), root(j)
        if a == b:
            continue
        cross = len(members[a]) * len(members[b])
        (vector_a, top_a), (vector_b, top_b) = sums[a], sums[b]
        if _dot(vector_a, vector_b) / cross < LINK_THRESHOLD:
            continue
        if _dot(top_a, top_b) / cross < TOP_LINK_THRESHOLD:
            continue
        if any(unlike(x, y) for x in members[a] for y in members[b]):
            continue
        if len(vector_a) < len(vector_b):
            a, b = b, a
        parent[b] = a
        members[a].extend(members.pop(b))
        for total, part in zip(sums[a], sums.pop(b), strict=True):
            for term, weight in part.items():
                total[term] = total.get(term, 0.0) + weight
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def _canonical_people(names: Iterable[str]) -> dict[str, str]:
    """Lower-cased names mapped to the name they are listed under across a story.

    A name that ends another, longer name ("Stoltenberg", "Jens Stoltenberg") is merged
    into it when exactly one longest such name exists ("Clinton" stays apart beside both
    "Bill Clinton" and "Hillary Clinton").
    """
    spelled: dict[str, str] = {}
    for name in names:
        spelled.setdefault(name.lower(), name)
    words = {key: key.split() for key in spelled}
    mapping: dict[str, str] = {}
    for key, own in words.items():
        fuller = [k for k, w in words.items() if len(w) > len(own) and w[-len(own) :] == own]
        longest = [
            k
            for k in fuller
            if not any(
                len(words[o]) > len(words[k]) and words[o][-len(words[k]) :] == words[k]
                for o in fuller
            )
        ]
        mapping[key] = spelled[longest[0]] if len(longest) == 1 else spelled[key]
    return mapping


@dataclass(slots=True)
class _Tally:
    """One merged fact while the articles are read: who gives it, and how often."""

    name: str
    first: int
    articles: set[int] = field(default_factory=set)
    mentions: int = 0
    roles: Counter[str] = field(default_factory=Counter)

    def names(self) -> MergedName:
        role = self.roles.most_common(1)[0][0] if self.roles else None
        return MergedName(self.name, role, self.mentions, len(self.articles))


def _ranked(tallies: dict[str, _Tally]) -> tuple[MergedName, ...]:
    """Merged names by sources, then mentions, then first seen."""
    ordered = sorted(tallies.values(), key=lambda t: (-len(t.articles), -t.mentions, t.first))
    return tuple(t.names() for t in ordered)


def _quote_words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def same_quote(a: str, b: str) -> bool:
    """Whether two quote texts (as :func:`_quote_words` gives them) are one quote.

    One holds the other (a source quoted less of it), or they share four in five words.
    """
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) >= 0.8 * len(wa | wb)


def merge_facts(articles: Sequence[Article]) -> MergedFacts:
    """The facts of ``articles`` merged, each counted once per article that gives it."""
    people_map = _canonical_people(p.name for a in articles for p in a.facts.people)
    people: dict[str, _Tally] = {}
    organizations: dict[str, _Tally] = {}
    places: dict[str, _Tally] = {}
    dates: dict[str, _Tally] = {}
    numbers: dict[str, _Tally] = {}
    first_date: dict[str, DateFact] = {}
    first_number: dict[str, NumberFact] = {}
    order = 0

    def tally(table: dict[str, _Tally], key: str, name: str, index: int, mentions: int) -> _Tally:
        nonlocal order
        order += 1
        entry = table.setdefault(key, _Tally(name, order))
        entry.articles.add(index)
        entry.mentions += mentions
        return entry

    for index, article in enumerate(articles):
        facts = article.facts
        for person in facts.people:
            name = people_map[person.name.lower()]
            entry = tally(people, name.lower(), name, index, person.mentions)
            if person.role:
                entry.roles[person.role] += 1
        for table, entities in ((organizations, facts.organizations), (places, facts.places)):
            for entity in entities:
                tally(table, entity.name.lower(), entity.name, index, entity.mentions)
        for date_fact in facts.dates:
            key = date_fact.value or date_fact.text.lower()
            first_date.setdefault(key, date_fact)
            tally(dates, key, date_fact.text, index, 1)
        for number in facts.numbers:
            key = f"{number.value}|{(number.unit or '').lower()}"
            first_number.setdefault(key, number)
            tally(numbers, key, number.text, index, 1)

    def by_sources(table: dict[str, _Tally]) -> list[tuple[str, _Tally]]:
        return sorted(table.items(), key=lambda item: (-len(item[1].articles), item[1].first))

    return MergedFacts(
        people=_ranked(people),
        organizations=_ranked(organizations),
        places=_ranked(places),
        dates=tuple(
            MergedDate(t.name, first_date[k].value, len(t.articles)) for k, t in by_sources(dates)
        ),
        numbers=tuple(
            MergedNumber(t.name, first_number[k].value, first_number[k].unit, len(t.articles))
            for k, t in by_sources(numbers)
        ),
        quotes=_merge_quotes(articles, people_map),
    )


def _merge_quotes(articles: Sequence[Article], people: dict[str, str]) -> tuple[MergedQuote, ...]:
    """Each quote once, with the longest wording any article gives and its speaker."""
    merged: list[tuple[list[str], set[int]]] = []  # [text, words, speaker], articles
    exact: dict[str, int] = {}
    for index, article in enumerate(articles):
        for quote in article.facts.quotes:
            words = _quote_words(quote.text)
            speaker = people.get(quote.speaker.lower(), quote.speaker) if quote.speaker else None
            position = exact.get(words)
            if position is None:
                position = next(
                    (i for i, (row, _) in enumerate(merged) if same_quote(words, row[1])), None
                )
            if position is None:
                exact[words] = len(merged)
                merged.append(([quote.text, words, speaker or ""], {index}))
                continue
            row, found_in = merged[position]
            found_in.add(index)
            if len(words) > len(row[1]):
                row[0], row[1] = quote.text, words
                exact[words] = position
            row[2] = row[2] or speaker or ""
    ordered = sorted(enumerate(merged), key=lambda item: (-len(item[1][1]), item[0]))
    return tuple(
        MergedQuote(row[0], row[2] or None, len(found_in)) for _, (row, found_in) in ordered
    )


CUE_WORDS = 5
"""Words on each side of a number or date that tell what it is about."""

MAX_RATIO = 10
"""Values further apart than this factor are taken to count different things."""

_HEDGE = re.compile(
    r"\b(?:at\s+least|more\s+than|over|up\s+to|nearly|almost|about|around|some|roughly|"
    r"approximately|fewer\s+than|less\s+than|under|as\s+many\s+as|an\s+estimated|estimated|"
    r"close\s+to|within|between|from|to|and|or|than|of)\s*$",
    re.I,
)
"""Words before a number that make it a bound, an estimate or part of a range."""

_RANGE_AFTER = re.compile(r"^\s*(?:-|–|to|or|and)\s*\d", re.I)
_STATE_WORDS = frozenset(
    "dead killed injured wounded hurt missing arrested detained evacuated displaced rescued "
    "homeless infected died".split()
)
_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion dozen dozens hundreds thousands millions half
    first second third fourth fifth next final""".split()
)
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
    article: Article, paragraph: int | None, text: str, units: frozenset[str]
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
    opening = not before.split()[:-CUE_WORDS]
    words_before = before.split()[-CUE_WORDS:]
    cues: set[str] = set()
    names: set[str] = set()
    for position, word in enumerate(words_before + after.split()[:CUE_WORDS]):
        bare = word.strip(".,;:'’\"“”()[]")
        if _CAPITAL.match(bare) and not (opening and position == 0):
            if bare.lower() not in _STOPWORDS:
                names.add(bare)
            continue
        cues.update(
            t
            for t in _terms(bare)
            if not t[:1].isdigit() and t not in units and t not in _NUMBER_WORDS
        )
    return frozenset(cues), frozenset(names)


def _unit_key(unit: str | None) -> str | None:
    if not unit:
        return None
    key = unit.lower()
    if key in _STOPWORDS or not any(c.isalpha() for c in key):
        return None
    if len(key) > 3 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return key


def _figures(
    articles: Sequence[Article], disputed: dict[str, set[Any]]
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
        for word in _terms(number.unit) + [number.unit.lower()]
    )
    for index, article in enumerate(articles):
        for number in article.facts.numbers:
            unit = _unit_key(number.unit)
            if unit is None or number.value not in disputed.get(unit, ()):
                continue
            context = _context(article, number.paragraph, number.text, units)
            if context:
                numbers.append(
                    _Figure(index, number.value, unit, number.unit or "", number.text, *context)
                )
        for fact in article.facts.dates:
            if fact.value not in disputed.get("date", ()) or not _EXPLICIT_DATE.search(fact.text):
                continue
            context = _context(article, fact.paragraph, fact.text, units)
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


def find_conflicts(articles: Sequence[Article]) -> tuple[Conflict, ...]:
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
    numbers, dates = _figures(articles, disputed)
    conflicts = []
    for kind, figures in (("number", numbers), ("date", dates)):
        for component in _components(figures):
            conflict = _conflict(kind, component, articles, outlets, stated)
            if conflict:
                conflicts.append(conflict)
    return tuple(conflicts)


def _conflict(
    kind: str,
    component: list[_Figure],
    articles: Sequence[Article],
    outlets: list[str],
    stated: dict[tuple[int, str], set[Any]],
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
        if low <= 0 or high / low > MAX_RATIO:
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


SNAPSHOT_SCHEMA = "digest-story-snapshot/1"
"""The ``schema`` of a stored :class:`Snapshot`."""


@dataclass(frozen=True, slots=True)
class NewFact:
    """A fact a story gives now that it did not give when last opened."""

    kind: str
    """``person``, ``organization``, ``place``, ``date`` or ``number``."""
    text: str

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the user saw when they last opened a story, as stored between runs."""

    story: str
    """The story's id then."""
    articles: tuple[str, ...]
    """Ids of the articles it held."""
    sources: tuple[str, ...]
    """Outlets it listed."""
    facts: tuple[str, ...]
    """Keys of its facts (:func:`fact_keys`)."""
    quotes: tuple[str, ...]
    """Its quotes, lower case, words only."""

    def to_json(self) -> str:
        """One line of JSON, for a text column in SQLite."""
        return json.dumps(
            {
                "schema": SNAPSHOT_SCHEMA,
                "story": self.story,
                "articles": list(self.articles),
                "sources": list(self.sources),
                "facts": list(self.facts),
                "quotes": list(self.quotes),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Snapshot:
        """The snapshot :meth:`to_json` wrote.

        Raises:
            ValueError: ``text`` is not such a snapshot (the message says why, in one line).
        """
        try:
            data = json.loads(text)
        except (TypeError, json.JSONDecodeError) as err:
            raise ValueError(
                f"not a story snapshot: invalid JSON ({getattr(err, 'msg', err)})"
            ) from err
        if not isinstance(data, dict) or data.get("schema") != SNAPSHOT_SCHEMA:
            raise ValueError(f"not a story snapshot: schema is not {SNAPSHOT_SCHEMA!r}")
        if not isinstance(data.get("story"), str):
            raise ValueError("not a story snapshot: 'story' is not a string")
        fields: dict[str, tuple[str, ...]] = {}
        for name in ("articles", "sources", "facts", "quotes"):
            value = data.get(name)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"not a story snapshot: {name!r} is not a list of strings")
            fields[name] = tuple(value)
        return cls(story=data["story"], **fields)


@dataclass(frozen=True, slots=True)
class Changes:
    """What is new in a story since the user last opened it; every part empty when nothing is."""

    new_sources: tuple[StorySource, ...] = ()
    """Articles the user has not seen, as the card lists them."""
    new_facts: tuple[NewFact, ...] = ()
    new_quotes: tuple[MergedQuote, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.new_sources or self.new_facts or self.new_quotes)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


def _facts_by_key(facts: MergedFacts) -> dict[str, NewFact]:
    """The story's facts under stable keys: kind and lower-cased name, value or date."""
    found: dict[str, NewFact] = {}
    for kind, names in (
        ("person", facts.people),
        ("organization", facts.organizations),
        ("place", facts.places),
    ):
        for name in names:
            found.setdefault(f"{kind}:{name.name.lower()}", NewFact(kind, name.name))
    for fact in facts.dates:
        found.setdefault(f"date:{fact.value or fact.text.lower()}", NewFact("date", fact.text))
    for number in facts.numbers:
        key = f"number:{number.value}|{(number.unit or '').lower()}"
        found.setdefault(key, NewFact("number", number.text))
    return found


def fact_keys(facts: MergedFacts) -> tuple[str, ...]:
    """The keys under which a snapshot remembers facts ("person:jens stoltenberg")."""
    return tuple(_facts_by_key(facts))


def snapshot(story: Story) -> Snapshot:
    """What the user sees of ``story`` now, to compare with when it is opened again."""
    return Snapshot(
        story=story.id,
        articles=tuple(a.id for a in story.articles),
        sources=tuple(dict.fromkeys(s.outlet for s in story.sources)),
        facts=fact_keys(story.facts),
        quotes=tuple(_quote_words(q.text) for q in story.facts.quotes),
    )


def changes(previous: Snapshot, story: Story) -> Changes:
    """What ``story`` holds that ``previous`` did not: new sources, facts and quotes."""
    seen_articles = set(previous.articles)
    seen_facts = set(previous.facts)
    return Changes(
        new_sources=tuple(s for s in story.sources if s.article not in seen_articles),
        new_facts=tuple(f for k, f in _facts_by_key(story.facts).items() if k not in seen_facts),
        new_quotes=tuple(
            q
            for q in story.facts.quotes
            if not any(same_quote(_quote_words(q.text), old) for old in previous.quotes)
        ),
    )


def match(story: Story, snapshots: Iterable[Snapshot]) -> Snapshot | None:
    """The snapshot of ``story`` taken before, even if its id changed since.

    The snapshot with the story's id wins; else the one sharing most article ids with it
    (the first of equals); None when no snapshot shares an article.
    """
    ids = {a.id for a in story.articles}
    best: Snapshot | None = None
    best_shared = 0
    for candidate in snapshots:
        if candidate.story == story.id:
            return candidate
        shared = len(ids.intersection(candidate.articles))
        if shared > best_shared:
            best, best_shared = candidate, shared
    return best
