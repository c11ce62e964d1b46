"""The records digest produces: articles, their key facts, and the digest that holds them.

Every record is a frozen dataclass; ``to_dict()`` gives exactly the JSON described in
SPEC.md (``schema`` ``digest/1``). Sequences are stored as tuples so that records stay
hashable and immutable, and are turned into lists only at the JSON boundary.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from digest.cells import is_wide
from digest.sanitize import clean, record

if TYPE_CHECKING:
    from digest.stories import Story

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
    """A number with what it counts or measures (``unit``)."""

    text: str
    value: int | float
    unit: str | None
    paragraph: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
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


@dataclass(frozen=True, slots=True)
class Article:
    """One article as SPEC.md describes it."""

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
        (written without spaces) :data:`CJK_CHARACTERS_A_MINUTE` characters a minute."""
        wide = other = 0
        for paragraph in self.paragraphs:
            for word in paragraph.split():
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
        }


def article_from_dict(data: dict[str, Any]) -> Article:
    """The :class:`Article` whose ``to_dict()`` gave ``data`` (as stored in the library).

    Its text is cleaned as text entering a record is (:func:`digest.sanitize.record`): a
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
    )


def article_id(url: str | None, title: str, paragraphs: tuple[str, ...]) -> str:
    """A stable id: from the canonical URL when known, else the headline and first paragraph."""
    key = url if url else title + "\n" + (paragraphs[0] if paragraphs else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that gave no article, and why (one line).

    Both are cleaned when the record is made (:func:`digest.sanitize.clean`): the name is a
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


@dataclass(frozen=True, slots=True)
class Digest:
    """A batch of articles with the failures collected beside them."""

    generated: str
    articles: tuple[Article, ...] = ()
    errors: tuple[InputFailure, ...] = ()
    stories: tuple[Story, ...] = ()
    """The articles grouped by event (:func:`digest.stories.group`); empty when not grouped."""

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
