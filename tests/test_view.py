"""The digest screen's choices without a terminal: filters, sort orders, fact look-ups."""

from __future__ import annotations

import pytest

from digest.models import Article, Entity, Facts, Person
from digest.ui.view import SORTS, arrange, fact_names, next_sort, paragraphs_naming, parse_query
from digest.ui.widgets.card import clip_lines


def _article(
    title: str,
    *,
    published: str | None = None,
    publisher: str | None = None,
    words: int = 10,
    people: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
) -> Article:
    return Article(
        id=title,
        input=title,
        url=None,
        title=title,
        standfirst=None,
        section=None,
        authors=(),
        publisher=publisher,
        agencies=(),
        published=published,
        language="en",
        paragraphs=(" ".join(["word"] * words), f"{' '.join(people)} went to {' '.join(places)}."),
        facts=Facts(
            people=tuple(Person(p) for p in people), places=tuple(Entity(p) for p in places)
        ),
    )


A = _article(
    "Ankara talks",
    published="2015-10-08",
    publisher="France 24",
    words=50,
    people=("Jens Stoltenberg",),
    places=("Turkey",),
)
B = _article("Budget vote", published="2016-01-02T10:00:00Z", publisher="BBC News", words=300)
C = _article("Undated column", publisher=None, words=120, places=("Paris",))


def test_query_words_quotes_and_fields() -> None:
    assert parse_query('nato place:"caspian sea" Person:Putin') == [
        (None, "nato"),
        ("place", "caspian sea"),
        ("person", "putin"),
    ]
    assert parse_query('unclosed "quote') == [(None, "unclosed"), (None, "quote")]
    assert parse_query("time: 10:30") == [(None, "time:"), (None, "10:30")]


def test_filter_matches_all_words_and_restricts_fields() -> None:
    articles = [A, B, C]
    assert arrange(articles, "stoltenberg") == [A]
    assert arrange(articles, "person:stoltenberg turkey") == [A]
    assert arrange(articles, "place:turkey") == [A]
    assert arrange(articles, "place:stoltenberg") == []  # a person is not a place
    assert arrange(articles, "outlet:bbc") == [B]
    assert arrange(articles, "budget ankara") == []
    assert arrange(articles, "") == articles


def test_sorts_are_stable_and_put_missing_values_last() -> None:
    articles = [A, B, C]
    assert arrange(articles, order="date") == [B, A, C]
    assert arrange(articles, order="outlet") == [B, A, C]
    assert arrange(articles, order="length") == [B, C, A]
    assert arrange(articles, order="given") == articles
    order = "given"
    for _ in SORTS:
        order = next_sort(order)
    assert order == "given"


def test_fact_names_and_paragraphs() -> None:
    assert fact_names([A, C])[:1] in (["Jens Stoltenberg"], ["Turkey"], ["Paris"])
    assert set(fact_names([A, C])) == {"Jens Stoltenberg", "Turkey", "Paris"}
    assert paragraphs_naming(A, "Jens Stoltenberg") == [1]
    assert paragraphs_naming(A, "Mr Stoltenberg") == [1]  # by surname
    assert paragraphs_naming(A, "Putin") == []


@pytest.mark.parametrize("height", [1, 2, 3])
def test_summary_lines_are_clipped_with_an_ellipsis(height: int) -> None:
    sentences = ["One two three four five six seven eight nine ten.", "Eleven twelve thirteen."]
    lines = clip_lines(sentences, 20, height)
    assert len(lines) == height
    assert lines[0].startswith("• ") and all(len(line) <= 20 for line in lines)
    assert lines[-1].endswith("…")
    assert clip_lines(sentences, 20, 10)[-1] == "  thirteen."
