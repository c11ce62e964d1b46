"""Which articles report one event: the grouping of :func:`digest.stories.group`.

Names in double backquotes (``title_weight``) are fields of
:class:`~digest.stories.tuning.Tuning`.

Each article is read three ways, each a TF-IDF vector: its opening (the headline,
each word counted ``title_weight`` times, and the first ``opening_words`` words of the
body: where a report says what happened, to whom, where and when), its body (the first
``body_words`` words) and its names (the people, organisations and places its facts list;
people by surname, so that "Stoltenberg" meets "Jens Stoltenberg"; a name's weight grows only
with the log of the log of its mentions). Dates and years are not terms: a dateline ties
every report of its day. The similarity of two articles is the mean of the three cosines
(of the first two when neither names anyone; between the two means when one does). Inverse
document frequencies come from the articles being grouped (an input smaller than
``min_collection`` is weighed as if it were that large, and asks for ``small_margin``
more similarity: a few articles cannot tell common words from rare ones). Inputs of more
than ``compare_all`` articles compare an article only with those sharing one of its
``block_terms`` heaviest terms among the terms of at most ``block_df`` articles (an
inverted index keeps the pairs few).

A pair counts when:

- the articles were published at most ``window_days`` apart (both dates known);
- their similarity reaches ``pair_threshold``, plus ``day_margin`` for each day
  between them (``undated_threshold``, near-copies only, when a date is missing: without
  dates a follow-up cannot be told from the report);
- their names alone are alike (``name_gate``: reports written to one template share their
  words but not their teams);
- two briefs (fewer than ``brief_words`` words, or a table: warning ``table``) that are
  no near-copies share ``brief_names`` names: a one-line template, or a table's rows, say
  nothing of which happening it reports;
- they report the same days: the days their first paragraphs name up to the day of
  publication overlap when both name one (two matches between the same teams a day apart are
  two stories), and neither previews, with a day still to come, the day the other reports
  (a team announcement and the match).
- their headlines' protagonists are not two different actors (:func:`_protagonist`: the
  person or organisation named most, at least ``lead_mentions`` times, and in the
  headline) each named at most once by the other article ("OSCE defends record over
  Chechnya peace mission" beside "Lebed, Chechens sign framework political deal"; a reaction
  names whom it answers).

Two articles whose lead person (named most, at least ``lead_mentions`` times; headlines
that preview, "will", "ahead of", have none) is the same rare one (named by at most
``rare_share`` of the articles) need only ``lead_threshold`` (plus the day margin):
a bombing's report and the suspect's arrest share the suspect more than their words.

Pairs join groups strongest first; two groups merge only when the average similarity over
all their cross pairs (the dot product of their summed vectors divided by the number of
pairs) reaches ``link_threshold``, the average similarity of their tops (headline and
first ``top_words`` words) reaches ``top_link_threshold``, and no cross pair falls
below ``cross_floor``. So a chain of pairwise links cannot glue unrelated stories
together, articles that share a topic and its background paragraphs but open on different
happenings stay apart, and no article joins a story one of whose articles it shares nothing
with.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from digest.models import Article
from digest.stories.terms import WORD, group_terms
from digest.stories.tuning import TUNING, Tuning

Vector = dict[str, float]


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


def _weigh(features: Sequence[dict[str, float]], tuning: Tuning) -> list[Vector]:
    """TF-IDF vectors of unit length (sublinear term counts, smoothed IDF over ``features``)."""
    df: Counter[str] = Counter()
    for counts in features:
        df.update(counts.keys())
    n = max(len(features), tuning.min_collection)
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


def _vectors(
    articles: Sequence[Article], tuning: Tuning
) -> tuple[list[Vector], list[Vector], list[Vector]]:
    """Each article's grouping vector, names vector and top vector.

    The grouping vector joins three unit vectors, each scaled so that the dot product of two
    articles is the mean of three cosines: of their openings, of their bodies and of their
    names (an article that names no one joins two, each scaled to half its weight).
    """
    openings: list[dict[str, float]] = []
    bodies: list[dict[str, float]] = []
    tops: list[dict[str, float]] = []
    for article in articles:
        headline = group_terms(article.title)
        first, second, rest = (
            group_terms(chunk)
            for chunk in _chunks(article, tuning.top_words, tuning.opening_words, tuning.body_words)
        )
        tops.append(_count((headline, 1.0), (first, 1.0)))
        openings.append(_count((headline, tuning.title_weight), (first, 1.0), (second, 1.0)))
        bodies.append(_count((first, 1.0), (second, 1.0), (rest, 1.0)))
    # How often an article repeats a name tells a little about who it is about: the weight
    # grows with the log of the log of the mentions.
    mentions = [
        {k: 1.0 + math.log(m) for k, m in _name_features(a).items() if m > 0} for a in articles
    ]
    names = _weigh(mentions, tuning)
    vectors = []
    for parts in zip(_weigh(openings, tuning), _weigh(bodies, tuning), names, strict=True):
        present = [(prefix, part) for prefix, part in zip("obn", parts, strict=True) if part]
        scale = 1.0 / math.sqrt(len(present)) if present else 1.0
        vectors.append(
            {f"{prefix}:{t}": w * scale for prefix, part in present for t, w in part.items()}
        )
    return vectors, names, _weigh(tops, tuning)


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


def _event_days(article: Article, published: int | None, tuning: Tuning) -> Days:
    """The days the first paragraph names within ``Tuning.event_days`` of publication: those up to
    the day of publication (what happened) and those after it (what is to come); and the days
    to come the paragraph after it announces ("would appear in court on Saturday")."""
    if published is None:
        return frozenset(), frozenset(), frozenset()
    past: set[int] = set()
    future: set[int] = set()
    announced: set[int] = set()
    opening = _first_sentence_paragraphs(article.paragraphs, tuning)
    for fact in article.facts.dates:
        if fact.paragraph is None or not fact.value or len(fact.value) != 10:
            continue
        if fact.paragraph <= opening:
            day = _day(fact.value)
            if day is None or abs(day - published) > tuning.event_days:
                continue
            if fact.paragraph == opening:
                if day > published:
                    announced.add(day)
            else:
                (past if day <= published else future).add(day)
    return frozenset(past), frozenset(future), frozenset(announced)


def _first_sentence_paragraphs(paragraphs: Sequence[str], tuning: Tuning) -> int:
    """How many paragraphs the first sentence spans: one, unless a text wrapped by line
    breaks it ("Results of South Korean" / "professional baseball games played on Thursday.").
    """
    for count, paragraph in enumerate(paragraphs[: tuning.opening_lines], start=1):
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


def _most_named(counts: Counter[str], tuning: Tuning) -> str | None:
    """The name mentioned most, at least ``Tuning.lead_mentions`` times and more than any other."""
    top = counts.most_common(2)
    if not top or top[0][1] < tuning.lead_mentions or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def _protagonist(article: Article, actors: Counter[str], tuning: Tuning) -> str | None:
    """The person or organisation an article is about: the most named (:func:`_most_named`),
    if the headline names it too."""
    key = _most_named(actors, tuning)
    if key is None:
        return None
    name = " ".join(WORD.findall(key[2:]))
    headline = " ".join(WORD.findall(article.title.lower()))
    return key if name and f" {name} " in f" {headline} " else None


_FUTURE = re.compile(r"\b(?:will|would|could|ahead|preview|expects?|set to)\b", re.I)
"""Headline words of a preview or an expectations piece: "Trump will sink Pence in VP debate"."""


def _lead_person(article: Article, actors: Counter[str], tuning: Tuning) -> str | None:
    """The surname of the person an article names most (:func:`_most_named`); None for
    previews (see :data:`_FUTURE`)."""
    if _FUTURE.search(article.title):
        return None
    return _most_named(Counter({k: m for k, m in actors.items() if k.startswith("p:")}), tuning)


def _rare_leads(
    articles: Sequence[Article], names: list[Vector], leads: list[str | None], tuning: Tuning
) -> list[str | None]:
    """Each article's lead person (``leads``, :func:`_lead_person`) when few articles name
    that person."""
    df: Counter[str] = Counter()
    for vector in names:
        df.update(k for k in vector if k.startswith("p:"))
    # A few articles cannot tell a rare person from a common one: they are weighed as if the
    # rest of a collection of ``min_collection`` did not name anyone.
    cap = tuning.rare_share * max(len(articles), tuning.min_collection)
    if len(articles) >= tuning.min_collection:
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


def _partners(vectors: list[Vector], tuning: Tuning) -> list[list[int]]:
    """For each article, the later articles it is compared with."""
    n = len(vectors)
    if n <= tuning.compare_all:
        return [list(range(i + 1, n)) for i in range(n)]
    df: Counter[str] = Counter()
    for vector in vectors:
        df.update(vector.keys())
    # A term in very many articles finds too many partners to be worth comparing with; a
    # story as large as the cap is still found through its rarer terms.
    cap = max(tuning.block_df, n // 100)
    postings: dict[str, list[int]] = defaultdict(list)
    keys: list[list[str]] = []
    for i, vector in enumerate(vectors):
        usable = [t for t in vector if df[t] <= cap]
        keys.append(sorted(usable, key=lambda t: (-vector[t], t))[: tuning.block_terms])
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
    articles: Sequence[Article], vectors: list[Vector], names: list[Vector], tuning: Tuning
) -> list[tuple[float, int, int]]:
    """Pairs of articles alike enough to be grouped, strongest first."""
    # Few articles weigh common names and words as if they were rare: ask for more.
    shortfall = max(0, tuning.min_collection - len(vectors)) / tuning.min_collection
    dated_threshold = tuning.pair_threshold + tuning.small_margin * shortfall
    days = [_day(a.published) for a in articles]
    events = [_event_days(a, d, tuning) for a, d in zip(articles, days, strict=True)]
    brief = [
        len(a.title.split()) + sum(len(p.split()) for p in a.paragraphs) < tuning.brief_words
        or "table" in a.warnings  # rows written to a template, as a one-line note is
        for a in articles
    ]
    actors = [_actors(a) for a in articles]
    leads = [(_protagonist(a, c, tuning), c) for a, c in zip(articles, actors, strict=True)]
    persons = [_lead_person(a, c, tuning) for a, c in zip(articles, actors, strict=True)]
    rare = _rare_leads(articles, names, persons, tuning)
    pairs = []
    for i, partners in enumerate(_partners(vectors, tuning)):
        for j in partners:
            day_i, day_j = days[i], days[j]
            if day_i is not None and day_j is not None:
                apart = abs(day_i - day_j)
                if apart > tuning.window_days:
                    continue
                threshold = dated_threshold + tuning.day_margin * apart
                if (
                    rare[i] is not None
                    and rare[i] == rare[j]
                    or _named_by_leaderless(rare[i], persons[j], actors[j])
                    or _named_by_leaderless(rare[j], persons[i], actors[i])
                ):
                    threshold = min(threshold, tuning.lead_threshold + tuning.day_margin * apart)
            else:
                threshold = tuning.undated_threshold
            similarity = _dot(vectors[i], vectors[j])
            if similarity < threshold:
                continue
            if names[i] and names[j] and _dot(names[i], names[j]) < tuning.name_gate:
                continue
            if (
                brief[i]
                and brief[j]
                and similarity < tuning.undated_threshold
                and len(names[i].keys() & names[j].keys()) < tuning.brief_names
            ):
                continue
            if _different_days(events[i], events[j]):
                continue
            if _different_protagonists(leads[i], leads[j]):
                continue
            pairs.append((similarity, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def clusters(articles: Sequence[Article], tuning: Tuning = TUNING) -> list[list[int]]:
    """Indexes of ``articles`` grouped by event, each group and the groups in input order."""
    vectors, names, tops = _vectors(articles, tuning)
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

    pairs = _pairs(articles, vectors, names, tuning)
    # Pairs that were found are alike enough: only the others' similarity is computed.
    found = {(i, j) for _similarity, i, j in pairs}

    def unlike(x: int, y: int) -> bool:
        key = (x, y) if x < y else (y, x)
        return key not in found and _dot(vectors[x], vectors[y]) < tuning.cross_floor

    for _similarity, i, j in pairs:
        a, b = root(i), root(j)
        if a == b:
            continue
        cross = len(members[a]) * len(members[b])
        (vector_a, top_a), (vector_b, top_b) = sums[a], sums[b]
        if _dot(vector_a, vector_b) / cross < tuning.link_threshold:
            continue
        if _dot(top_a, top_b) / cross < tuning.top_link_threshold:
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
