"""Since last time: what the user saw of a story, and what it holds that they have not seen.

:func:`snapshot` records what the user saw of a story (article ids, outlets, fact keys,
quotes) as a :class:`~digest.models.Snapshot` for storage; :func:`changes` lists the sources,
facts and quotes a story holds that its snapshot did not. A story's id changes when an
article with a smaller id joins it: :func:`match` finds its snapshot by the articles they
share.
"""

from __future__ import annotations

from collections.abc import Iterable

from digest.models import Changes, MergedFacts, NewFact, Snapshot, Story
from digest.stories.merge import same_quote
from digest.stories.terms import quote_words


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
        quotes=tuple(quote_words(q.text) for q in story.facts.quotes),
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
            if not any(same_quote(quote_words(q.text), old) for old in previous.quotes)
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
