"""The digest screen's choices without a terminal: filters, sort orders, fact look-ups."""

from __future__ import annotations

import pytest

from digest.models import Article, Entity, Facts, Person
from digest.ui.view import (
    SORTS,
    Tally,
    age,
    arrange,
    fact_names,
    next_matching,
    next_sort,
    paragraphs_naming,
    parse_query,
    retry_inputs,
    tally,
    unknown_fields,
)
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


@pytest.mark.parametrize(
    ("height", "last"),
    [
        (1, "• One two three…"),  # a sentence cut: "…" where the words stop
        (2, "  five six seven…"),
        (3, "  eight nine ten."),  # cut between sentences: no "…" after the full stop
        (4, "• Eleven twelve…"),
        (10, "  thirteen."),
    ],
)
def test_summary_lines_are_clipped_with_an_ellipsis_never_after_a_full_stop(
    height: int, last: str
) -> None:
    sentences = ["One two three four five six seven eight nine ten.", "Eleven twelve thirteen."]
    lines = clip_lines(sentences, 20, height)
    assert len(lines) == min(height, 5)
    assert lines[0].startswith("• ") and all(len(line) <= 20 for line in lines)
    assert lines[-1] == last
    assert not any(line.endswith(".…") for line in lines)


@pytest.mark.parametrize(
    ("sentence", "width"),
    [
        ("中国国家主席习近平周四在北京会见了来访的法国总统马克龙，双方就中法关系交换了意见。", 20),
        ("東京都は「新しい計画」を発表した。国内総生産は三・五パーセント増加した。", 16),
        ("Tokyo 東京都は新しい計画を発表した Tokyo Metropolitan Government", 24),
    ],
)
def test_chinese_and_japanese_wrap_by_cells_with_the_hanging_indent(
    sentence: str, width: int
) -> None:
    from digest.text.cells import CLOSING
    from digest.text.cells import width as cells

    lines = clip_lines([sentence], width, 20)
    assert lines[0].startswith("• ") and len(lines[0]) > 3  # the bullet never stands alone
    assert all(line.startswith("  ") for line in lines[1:])  # the hanging indent holds
    assert all(cells(line) <= width for line in lines)
    assert all(line[2] not in CLOSING for line in lines[1:])  # no line opens on "，" or "。"
    assert "".join(line[2:] for line in lines).replace(" ", "") == sentence.replace(" ", "")


@pytest.mark.parametrize(
    ("query", "unknown"),
    [
        ("foo:bar", ["foo"]),
        ("nato Place:turkey", []),
        ("time: 10:30", ["time"]),
        ("https://example.org/a", []),
        ('peson:"jens stoltenberg" orgs:nato', ["peson", "orgs"]),
    ],
)
def test_unknown_filter_fields_are_named(query: str, unknown: list[str]) -> None:
    assert unknown_fields(query) == unknown


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        ("2026-12-07T11:55:00+00:00", "5m"),
        ("2026-12-07T09:00:00Z", "3h"),
        ("2026-12-04", "3d"),
        ("2026-11-10T12:00:00+00:00", "3w"),
        ("2015-10-08T10:42:00+02:00", "Oct 2015"),
        ("not a date", ""),
        (None, ""),
    ],
)
def test_age_is_short(published: str | None, shown: str) -> None:
    from datetime import UTC, datetime

    assert age(published, datetime(2026, 12, 7, 12, 0, tzinfo=UTC)) == shown


def test_counts_cover_every_source_of_the_stories_shown() -> None:
    from digest.stories import make_story

    story = make_story([A, B])
    tallied = tally([story.lead, C], {story.lead.id: story, C.id: make_story([C])})
    assert (tallied.articles, tallied.stories, tallied.sources) == (3, 2, 3)
    assert tally([C], {}) == Tally(1, 1, 1)


@pytest.mark.parametrize(
    ("failed", "inputs", "again"),
    [
        (["a.html"], ["a.html"], ["a.html"]),
        (["news/b.html"], ["news"], ["news/b.html"]),  # a file found in a folder
        (
            ["https://x.org/feed#e1", "https://x.org/feed#e2"],
            ["https://x.org/feed"],
            ["https://x.org/feed"],
        ),
        (["notes#1.txt"], ["notes#1.txt"], ["notes#1.txt"]),  # a # in a file's own name
    ],
)
def test_retry_reads_each_failed_input_or_its_feed_once(
    failed: list[str], inputs: list[str], again: list[str]
) -> None:
    from digest.models import InputFailure

    assert retry_inputs([InputFailure(f, "x") for f in failed], inputs) == again


def test_next_unread_goes_round_and_skips_read() -> None:
    view = [A, B, C]
    unread = {A.id, C.id}
    assert next_matching(view, 0, 1, lambda a: a.id in unread) == 2
    assert next_matching(view, 2, 1, lambda a: a.id in unread) == 0  # round the end
    assert next_matching(view, 0, -1, lambda a: a.id in unread) == 2
    assert next_matching(view, 0, 1, lambda a: a.id == A.id) is None  # only itself
