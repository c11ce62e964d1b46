"""What the digest screen shows, apart from how: filtering, sort orders, fact look-ups.

Pure functions over :class:`~digest.models.Article` records, so that the app's choices can
be tested without a terminal.

A filter is words, all of which must occur (case does not matter) in an article's title,
standfirst, text, attribution or key facts; ``person:``, ``place:``, ``org:``,
``outlet:`` and ``author:`` restrict a word to that fact, and quotes keep words together:
``nato place:turkey``, ``person:"jens stoltenberg"``.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from digest.models import Article, Entity, InputFailure, Person, Story

SORTS: dict[str, str] = {
    "given": "as given",
    "date": "newest first",
    "outlet": "by outlet",
    "length": "longest first",
}
"""Sort orders in the order ``s`` cycles through them, with the label the screen shows."""

FIELDS: dict[str, Callable[[Article], Iterable[str]]] = {
    "person": lambda a: (p.name for p in a.facts.people),
    "place": lambda a: (p.name for p in a.facts.places),
    "org": lambda a: (o.name for o in a.facts.organizations),
    "outlet": lambda a: (a.publisher or "",),
    "author": lambda a: a.authors,
}
"""The facts a filter word can be restricted to with ``field:word``."""


VIEWS: dict[str, str] = {"cards": "cards", "list": "list"}
"""The two ways the digest screen shows articles (``v`` toggles): summary cards, or one line
an article."""

_FIELD_WORD = re.compile(r"([^\W\d_]+):(?!//)")


def next_sort(current: str) -> str:
    """The sort order after ``current`` in the cycle."""
    orders = list(SORTS)
    return orders[(orders.index(current) + 1) % len(orders)]


def parse_query(query: str) -> list[tuple[str | None, str]]:
    """``nato place:"caspian sea"`` as ``[(None, "nato"), ("place", "caspian sea")]``."""
    try:
        words = shlex.split(query)
    except ValueError:  # an unclosed quote while the user is still typing
        words = query.replace('"', " ").replace("'", " ").split()
    terms: list[tuple[str | None, str]] = []
    for word in words:
        field, _, value = word.partition(":")
        if value and field.lower() in FIELDS:
            terms.append((field.lower(), value.casefold()))
        elif word.strip(":"):
            terms.append((None, word.casefold()))
    return terms


def unknown_fields(query: str) -> list[str]:
    """The ``field:`` prefixes of ``query`` that are no filter field (searched as plain words)."""
    try:
        words = shlex.split(query)
    except ValueError:
        words = query.split()
    found = (_FIELD_WORD.match(word) for word in words)
    names = (m.group(1).lower() for m in found if m is not None)
    return list(dict.fromkeys(name for name in names if name not in FIELDS))


def _haystack(article: Article) -> str:
    facts = article.facts
    parts = [
        article.title,
        article.standfirst or "",
        article.publisher or "",
        *article.authors,
        *article.agencies,
        article.text,
        *(p.name for p in facts.people),
        *(o.name for o in facts.organizations),
        *(p.name for p in facts.places),
    ]
    return "\n".join(parts).casefold()


def matches(article: Article, terms: Sequence[tuple[str | None, str]]) -> bool:
    """Whether every term of a parsed filter occurs in the article (or in the fact it names)."""
    haystack: str | None = None
    for field, value in terms:
        if field is None:
            haystack = haystack if haystack is not None else _haystack(article)
            if value not in haystack:
                return False
        elif not any(value in name.casefold() for name in FIELDS[field](article)):
            return False
    return True


def arrange(articles: Sequence[Article], query: str = "", order: str = "given") -> list[Article]:
    """The articles that match ``query``, in sort ``order`` (stable: ties keep input order)."""
    terms = parse_query(query)
    chosen = [a for a in articles if matches(a, terms)] if terms else list(articles)
    # Python's sort is stable, also with reverse=True: ties keep the order they had.
    if order in ("date", "outlet"):
        chosen.sort(key=lambda a: a.published or "", reverse=True)  # undated ("") last
    if order == "outlet":
        chosen.sort(key=lambda a: (a.publisher is None, (a.publisher or "").casefold()))
    elif order == "length":
        chosen.sort(key=lambda a: a.word_count, reverse=True)
    return chosen


def fact_names(articles: Iterable[Article]) -> list[str]:
    """People, places and organisations across articles, most mentioned first (for completion)."""
    counts: dict[str, int] = {}
    for article in articles:
        facts = article.facts
        named: tuple[Person | Entity, ...] = (*facts.people, *facts.places, *facts.organizations)
        for entity in named:
            counts[entity.name] = counts.get(entity.name, 0) + entity.mentions
    return sorted(counts, key=lambda name: -counts[name])


def paragraphs_naming(article: Article, name: str) -> list[int]:
    """Indexes of the paragraphs that mention ``name``, or its last word (a surname)."""
    wanted = name.casefold()
    found = [i for i, p in enumerate(article.paragraphs) if wanted in p.casefold()]
    if found or " " not in name:
        return found
    last = name.split()[-1].casefold()
    return [i for i, p in enumerate(article.paragraphs) if last in p.casefold()]


@dataclass(frozen=True, slots=True)
class Tally:
    """What the shown cards hold, counted after the filter."""

    articles: int
    """Articles, every source of each story counted."""
    stories: int
    """Cards (a story of one article is a card too)."""
    sources: int
    """Distinct outlets (or inputs, for articles with no outlet) over every article counted."""


def tally(view: Sequence[Article], story_of: dict[str, Story]) -> Tally:
    """Count the articles, stories and sources behind the cards of ``view``."""
    members: list[Article] = []
    for lead in view:
        story = story_of.get(lead.id)
        members.extend(story.articles if story is not None else (lead,))
    sources = {a.publisher or a.input for a in members}
    return Tally(len(members), len(view), len(sources))


def age(published: str | None, now: datetime | None = None) -> str:
    """How long ago ``published`` was, in the fewest characters: ``5m``, ``3h``, ``2d``, ``3w``,
    and past two months the month and year (``Oct 2015``); empty when unknown."""
    if not published:
        return ""
    try:
        when = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    seconds = (now - when).total_seconds()
    if seconds < -3600:  # dated in the future (a wrong clock or zone): say the day
        return f"{when:%d %b}".lstrip("0")
    if seconds < 3600:
        return f"{max(0, int(seconds // 60))}m"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h"
    if seconds < 14 * 86400:
        return f"{int(seconds // 86400)}d"
    if seconds < 61 * 86400:
        return f"{int(seconds // (7 * 86400))}w"
    return f"{when:%b %Y}"


def next_matching(
    view: Sequence[Article], index: int, step: int, wanted: Callable[[Article], bool]
) -> int | None:
    """The position of the next article after ``index`` (``step`` 1) or before it (-1) that is
    ``wanted``, going round the end; ``None`` when no other one is."""
    count = len(view)
    for distance in range(1, count + 1):
        position = (index + step * distance) % count
        if position != index and wanted(view[position]):
            return position
    return None


def retry_inputs(failures: Iterable[InputFailure], inputs: Sequence[str]) -> list[str]:
    """What to read again for ``failures``: the input itself (a path, a URL, a file found in
    a folder), or for a feed entry (``FEED#ENTRY``) the feed it came from; each once."""
    given = set(inputs)
    again: list[str] = []
    for failure in failures:
        name = failure.input
        feed, mark, _ = name.partition("#")
        if name not in given and mark and feed and (feed in given or "://" in feed):
            name = feed
        again.append(name)
    return list(dict.fromkeys(again))
