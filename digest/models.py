"""The records digest produces: articles, their key facts, stories, and the digest.

Every record is a frozen dataclass; ``to_dict()`` gives exactly the JSON described in
docs/SPEC.md (``schema`` ``digest/1``). Sequences are stored as tuples so that records stay
hashable and immutable, and are turned into lists only at the JSON boundary.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any

from digest.text.cells import is_wide
from digest.text.sanitize import clean, record

WORDS_A_MINUTE = 230
"""Reading speed in words written with spaces between them."""

CJK_CHARACTERS_A_MINUTE = 400
"""Reading speed in Chinese or Japanese characters (studies give 350-500 for adults)."""

SCHEMA = "digest/1"
"""The value of ``schema`` in every JSON digest; bumped only when a field is renamed or dropped."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One summary sentence and the index of the paragraph it was taken from."""

    text: str
    paragraph: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "paragraph": self.paragraph}


@dataclass(frozen=True, slots=True)
class Person:
    """A person the article names, under their fullest name."""

    name: str
    role: str | None = None
    mentions: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "mentions": self.mentions}


@dataclass(frozen=True, slots=True)
class Entity:
    """An organisation or a place the article names."""

    name: str
    mentions: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": self.mentions}


@dataclass(frozen=True, slots=True)
class DateFact:
    """A date as written in the article, and its ISO 8601 value when it can be resolved."""

    text: str
    value: str | None = None
    paragraph: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "paragraph": self.paragraph}


@dataclass(frozen=True, slots=True)
class NumberFact:
    """A number with what it counts or measures (``unit``); a range's other end in ``to``."""

    text: str
    value: int | float
    unit: str | None
    paragraph: int
    to: int | float | None = None
    """The upper end of a range ("20 to 40 years": value 20, to 40), else None."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "to": self.to,
            "unit": self.unit,
            "paragraph": self.paragraph,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote and who said it (``None`` when the article does not say)."""

    text: str
    speaker: str | None
    paragraph: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "speaker": self.speaker, "paragraph": self.paragraph}


@dataclass(frozen=True, slots=True)
class Facts:
    """The key facts of one article."""

    people: tuple[Person, ...] = ()
    organizations: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    dates: tuple[DateFact, ...] = ()
    numbers: tuple[NumberFact, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "people": [p.to_dict() for p in self.people],
            "organizations": [o.to_dict() for o in self.organizations],
            "places": [p.to_dict() for p in self.places],
            "dates": [d.to_dict() for d in self.dates],
            "numbers": [n.to_dict() for n in self.numbers],
            "quotes": [q.to_dict() for q in self.quotes],
        }


@dataclass(frozen=True, slots=True)
class Credit:
    """A photo or video credit or caption, kept out of the body text."""

    kind: str
    """``photo``, ``video`` or ``caption``."""
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True)
class Extraction:
    """What an extractor (HTML or plain text) finds in one document, before facts and summary."""

    title: str
    paragraphs: tuple[str, ...]
    url: str | None = None
    standfirst: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    agencies: tuple[str, ...] = ()
    published: str | None = None
    language: str | None = None
    credits: tuple[Credit, ...] = ()
    warnings: tuple[str, ...] = ()
    dateline: str | None = None
    """The place of a dateline the extractor took out of the body ("London" from a line
    "LONDON 1996-08-30"): one of the article's places, though no paragraph names it."""
    tables: tuple[str, ...] = ()
    """Paragraphs that are data tables (rows a line each): shown, not read for facts or the
    summary."""


@dataclass(frozen=True, slots=True)
class Article:
    """One article as docs/SPEC.md describes it."""

    id: str
    input: str
    url: str | None
    title: str
    standfirst: str | None
    section: str | None
    authors: tuple[str, ...]
    publisher: str | None
    agencies: tuple[str, ...]
    published: str | None
    language: str | None
    paragraphs: tuple[str, ...]
    summary: tuple[Sentence, ...] = ()
    facts: Facts = field(default_factory=Facts)
    credits: tuple[Credit, ...] = ()
    warnings: tuple[str, ...] = ()
    tables: tuple[int, ...] = ()
    """Indexes of the paragraphs that are data tables (a row a line, cells joined by " | ")."""

    @property
    def text(self) -> str:
        """The readable body: paragraphs separated by one blank line."""
        return "\n\n".join(self.paragraphs)

    @property
    def word_count(self) -> int:
        """Words in the body."""
        return sum(len(p.split()) for p in self.paragraphs)

    @property
    def reading_minutes(self) -> int:
        """Reading time, at least one minute: 230 words a minute, and for Chinese and Japanese
        (written without spaces) :data:`CJK_CHARACTERS_A_MINUTE` characters a minute. Tables
        are looked up, not read: their paragraphs do not count."""
        tables = set(self.tables)
        wide = other = 0
        for index, paragraph in enumerate(self.paragraphs):
            if index in tables:
                continue
            for word in paragraph.split():
                if word.isascii():  # no wide character: a word if a letter or digit is in it
                    other += any(char.isalnum() for char in word)
                    continue
                characters = sum(1 for char in word if is_wide(char) and char.isalpha())
                wide += characters
                if characters < len(word) and any(c.isalnum() and not is_wide(c) for c in word):
                    other += 1
        return max(1, round(other / WORDS_A_MINUTE + wide / CJK_CHARACTERS_A_MINUTE))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "input": self.input,
            "url": self.url,
            "title": self.title,
            "standfirst": self.standfirst,
            "section": self.section,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "agencies": list(self.agencies),
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "word_count": self.word_count,
            "summary": [s.to_dict() for s in self.summary],
            "facts": self.facts.to_dict(),
            "credits": [c.to_dict() for c in self.credits],
            "warnings": list(self.warnings),
            "tables": list(self.tables),
        }


def article_from_dict(data: dict[str, Any]) -> Article:
    """The :class:`Article` whose ``to_dict()`` gave ``data`` (as stored in the library).

    Its text is cleaned as text entering a record is (:func:`digest.text.sanitize.record`): a
    library written by an older digest may hold what that digest let through.

    Raises:
        KeyError, TypeError, ValueError: ``data`` is not such a dict.
    """
    data = record(data)
    facts = data.get("facts") or {}
    return Article(
        id=data["id"],
        input=data["input"],
        url=data.get("url"),
        title=data["title"],
        standfirst=data.get("standfirst"),
        section=data.get("section"),
        authors=tuple(data.get("authors") or ()),
        publisher=data.get("publisher"),
        agencies=tuple(data.get("agencies") or ()),
        published=data.get("published"),
        language=data.get("language"),
        paragraphs=tuple(data["paragraphs"]),
        summary=tuple(Sentence(**s) for s in data.get("summary") or ()),
        facts=Facts(
            people=tuple(Person(**p) for p in facts.get("people") or ()),
            organizations=tuple(Entity(**o) for o in facts.get("organizations") or ()),
            places=tuple(Entity(**p) for p in facts.get("places") or ()),
            dates=tuple(DateFact(**d) for d in facts.get("dates") or ()),
            numbers=tuple(NumberFact(**n) for n in facts.get("numbers") or ()),
            quotes=tuple(Quote(**q) for q in facts.get("quotes") or ()),
        ),
        credits=tuple(Credit(**c) for c in data.get("credits") or ()),
        warnings=tuple(data.get("warnings") or ()),
        tables=tuple(int(index) for index in data.get("tables") or ()),
    )


def article_id(url: str | None, title: str, paragraphs: tuple[str, ...]) -> str:
    """A stable id: from the canonical URL when known, else the headline and first paragraph."""
    key = url if url else title + "\n" + (paragraphs[0] if paragraphs else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that gave no article, and why (one line).

    Both are cleaned when the record is made (:func:`digest.text.sanitize.clean`): the name is a
    stranger's (a file name, a feed's guid) and so may be part of the reason.
    """

    input: str
    error: str

    def __post_init__(self) -> None:
        # Frozen: the cleaned values are set the way dataclasses set fields.
        object.__setattr__(self, "input", clean(self.input))
        object.__setattr__(self, "error", clean(self.error))

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, "error": self.error}

    def __str__(self) -> str:
        return f"{self.input}: {self.error}"


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


@dataclass(frozen=True, slots=True)
class Digest:
    """A batch of articles with the failures collected beside them."""

    generated: str
    articles: tuple[Article, ...] = ()
    errors: tuple[InputFailure, ...] = ()
    stories: tuple[Story, ...] = ()
    """The articles grouped by event, one story each; empty when not grouped."""

    @property
    def sources(self) -> int:
        """How many distinct outlets (or, failing that, inputs) the articles come from."""
        return len({a.publisher or a.input for a in self.articles})

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "generated": self.generated,
            "articles": [a.to_dict() for a in self.articles],
            "errors": [e.to_dict() for e in self.errors],
            "stories": [s.to_dict() for s in self.stories],
        }
