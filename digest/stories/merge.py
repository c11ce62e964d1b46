"""A story's sources and merged facts: each person, organisation, place, date, number and
quote once, with how many of the story's articles give it (``sources``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from digest.inputs.urls import host
from digest.models import (
    Article,
    DateFact,
    MergedDate,
    MergedFacts,
    MergedName,
    MergedNumber,
    MergedQuote,
    NumberFact,
    StorySource,
)
from digest.stories.terms import quote_words


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
            words = quote_words(quote.text)
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
