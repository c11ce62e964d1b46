"""Stories: articles about the same event, from many sources, grouped into one card.

    articles -> opening (headline + first words), body, names (people, organisations, places)
             -> candidate pairs (heaviest rare terms; dates close; same days reported;
                same protagonists; less wording for a shared rare lead person)
             -> average-link clustering, bodies and tops alike, no cross pair unlike
             -> Story (lead, sources, merged facts, conflicts)

The steps have a module each: ``cluster`` (which articles report one event), ``merge``
(the story's sources and merged facts), ``conflicts`` (where the sources disagree) and
``changes`` (what is new since the user last opened the story); their weights and
thresholds are the fields of one :class:`~digest.stories.tuning.Tuning`. The records
(:class:`~digest.models.Story` and its parts) live in :mod:`digest.models`.

A story's :attr:`~digest.models.Story.id` is derived from the smallest article id in it:
the same set of articles always gives the same id, and a story keeps its id while the
articles that join it have larger ids. When the id changes, :func:`match` finds the story's previous
:class:`~digest.models.Snapshot` by the article ids they share.

The lead ("best-written" article) is, in order: the one with the fewest extraction
warnings, then the longest body (in steps of ``Tuning.length_step`` words, so that a few
words do not decide), then one with a named author, then the most facts, then the first given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from digest.models import Article, Story
from digest.stories.changes import changes, fact_keys, match, snapshot
from digest.stories.cluster import clusters
from digest.stories.conflicts import find_conflicts
from digest.stories.merge import merge_facts, same_quote, source_of
from digest.stories.tuning import TUNING, Tuning

__all__ = [
    "TUNING",
    "Tuning",
    "best_written",
    "changes",
    "clusters",
    "fact_keys",
    "find_conflicts",
    "group",
    "make_story",
    "match",
    "merge_facts",
    "same_quote",
    "snapshot",
    "source_of",
    "story_id",
]


def group(articles: Sequence[Article], tuning: Tuning = TUNING) -> list[Story]:
    """Group articles about the same event into stories.

    Deterministic: the same articles in the same order give the same stories. Every article
    is in exactly one story (a story may hold one article); stories come in the order of
    their first article in ``articles``.
    """
    return [
        make_story([articles[i] for i in indexes], tuning) for indexes in clusters(articles, tuning)
    ]


def make_story(articles: Sequence[Article], tuning: Tuning = TUNING) -> Story:
    """The story of articles already known to report one event (at least one).

    Raises:
        ValueError: ``articles`` is empty.
    """
    if not articles:
        raise ValueError("a story needs at least one article")
    first = _best_index(articles, tuning)
    lead = articles[first]
    ordered = (lead, *(a for i, a in enumerate(articles) if i != first))
    return Story(
        id=story_id(ordered),
        lead=lead,
        articles=ordered,
        sources=tuple(source_of(a) for a in ordered),
        facts=merge_facts(ordered),
        conflicts=find_conflicts(ordered, tuning),
    )


def story_id(articles: Iterable[Article]) -> str:
    """The id of the story holding ``articles``: from the smallest article id."""
    smallest = min(a.id for a in articles)
    return hashlib.sha256(f"story\n{smallest}".encode()).hexdigest()[:16]


def best_written(articles: Sequence[Article], tuning: Tuning = TUNING) -> Article:
    """The article that leads a story (see the module docstring for the order)."""
    return articles[_best_index(articles, tuning)]


def _best_index(articles: Sequence[Article], tuning: Tuning) -> int:

    def rank(item: tuple[int, Article]) -> tuple[int, int, int, int, int]:
        index, article = item
        facts = article.facts
        count = sum(
            len(x)
            for x in (facts.people, facts.organizations, facts.places, facts.numbers, facts.quotes)
        )
        return (
            len(article.warnings),
            -(article.word_count // tuning.length_step),
            0 if article.authors else 1,
            -count,
            index,
        )

    return min(enumerate(articles), key=rank)[0]
