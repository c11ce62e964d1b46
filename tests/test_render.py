"""Text, Markdown and JSON output of a digest."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from digest.models import Article, Digest, Entity, Facts, InputFailure, Person, Quote, Sentence
from digest.render import attribution, render

ARTICLE = Article(
    id="abc",
    input="story.html",
    url="https://example.org/story",
    title="Council approves the new bridge",
    standfirst="A vote after years of debate.",
    section="Local",
    authors=("Maria Rossi", "John Smith"),
    publisher="Example News",
    agencies=("AFP",),
    published="2023-05-14T09:12:00+02:00",
    language="en",
    paragraphs=(
        "The council approved the bridge on Tuesday.",
        "Work starts in June, the mayor said.",
    ),
    summary=(Sentence("The council approved the bridge on Tuesday.", 0),),
    facts=Facts(
        people=(Person("Anna Bianchi", "mayor", 2),),
        places=(Entity("Faenza", 1),),
        quotes=(Quote("We waited long enough", "Anna Bianchi", 1),),
    ),
)
DIGEST = Digest(
    generated="2026-11-25T10:00:00Z",
    articles=(ARTICLE,),
    errors=(InputFailure("bad.bin", "not an HTML or text document"),),
)


def test_attribution_line_orders_outlet_authors_agencies_date_link() -> None:
    assert attribution(ARTICLE) == (
        "Example News · Maria Rossi, John Smith · AFP · 14 May 2023 · https://example.org/story"
    )


def test_text_shows_header_title_attribution_summary_and_facts_without_ansi() -> None:
    text = render(DIGEST, "text", width=80)
    assert text.startswith(
        "Digest · 1 article from 1 source · 1 input failed · 2026-11-25 10:00 UTC"
    )
    assert "1. Council approves the new bridge" in text
    assert "• The council approved the bridge on Tuesday." in text
    assert "People: Anna Bianchi (mayor)" in text
    assert "Places: Faenza" in text
    assert "“We waited long enough” — Anna Bianchi" in text
    assert "\033[" not in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_text_color_only_when_asked() -> None:
    assert "\033[1m" in render(DIGEST, "text", color=True)


def test_markdown_links_the_title_and_quotes_the_standfirst() -> None:
    markdown = render(DIGEST, "markdown")
    assert "## [Council approves the new bridge](https://example.org/story)" in markdown
    assert "> A vote after years of debate." in markdown
    assert "- The council approved the bridge on Tuesday." in markdown


def test_json_follows_the_contract() -> None:
    document = json.loads(render(DIGEST, "json"))
    assert document["schema"] == "digest/1"
    assert document["errors"] == [{"input": "bad.bin", "error": "not an HTML or text document"}]
    article = document["articles"][0]
    assert article["text"] == "\n\n".join(article["paragraphs"])
    assert article["word_count"] == 14
    assert article["summary"] == [
        {"text": "The council approved the bridge on Tuesday.", "paragraph": 0}
    ]
    assert article["facts"]["people"] == [{"name": "Anna Bianchi", "role": "mayor", "mentions": 2}]


def test_jsonl_is_one_article_per_line() -> None:
    lines = render(DIGEST, "jsonl").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "abc"


def _algeria_story_digest() -> Digest:
    import dataclasses

    from digest import read_article
    from digest.models import Digest
    from digest.stories import group
    from tests.conftest import FIXTURES

    folder = FIXTURES / "stories"
    radio = read_article(
        (folder / "algeria-radio-reuters.txt").read_text(encoding="utf-8"), input="radio.txt"
    )
    text = (folder / "algeria-newspaper-reuters.txt").read_text(encoding="utf-8")
    paper_text = "\n\n".join(p for p in text.split("\n\n") if "security forces" not in p)
    paper = read_article(paper_text, input="paper.txt")
    radio = dataclasses.replace(radio, publisher="Reuters London", url="https://example.org/radio")
    paper = dataclasses.replace(paper, publisher="Reuters Paris")
    articles = (radio, paper)
    return Digest(
        generated="2026-11-25T10:00:00Z", articles=articles, stories=tuple(group(articles))
    )


def test_a_story_told_by_two_sources_is_one_card_naming_both_and_their_disagreement() -> None:
    digest = _algeria_story_digest()
    assert len(digest.stories) == 1
    text = render(digest, "text", width=100)
    assert "2 articles from 2 sources · 1 story" in text
    assert text.count("\n1. ") == 1 and "\n2. " not in text  # one card, not two
    assert "Also reported by 1 source: Reuters" in text
    assert "In several sources: Algiers (2), Algeria (2)" in text  # merged facts and their counts
    assert "Sources differ: 7 people killed (Reuters Paris) vs 2 (Reuters London)" in text
    markdown = render(digest, "markdown")
    assert "**Sources differ:** 7 people killed (Reuters Paris) vs 2 (Reuters London)" in markdown
    data = json.loads(render(digest, "json"))
    assert len(data["articles"]) == 2  # every article stays in the contract's list
    (story,) = data["stories"]
    assert sorted(story["articles"]) == sorted(a["id"] for a in data["articles"])
    assert story["conflicts"][0]["text"].startswith("7 people killed")


def test_a_number_or_date_written_in_several_paragraphs_is_listed_once() -> None:
    from digest.models import DateFact, NumberFact
    from digest.render import fact_lines

    facts = Facts(
        numbers=tuple(NumberFact("two years", 2, "years", i) for i in range(4))
        + (NumberFact("$5 million", 5_000_000, "USD", 2),),
        dates=(DateFact("Tuesday", "2024-03-05", 1), DateFact("Tuesday", "2024-03-05", 3)),
    )
    assert dict(fact_lines(facts)) == {
        "Numbers": "two years, $5 million",
        "Dates": "Tuesday (2024-03-05)",
    }


@pytest.mark.parametrize(
    ("paragraphs", "minutes"),
    [
        (("word " * 460,), 2),  # 230 words a minute
        (("café " * 460,), 2),  # accented words are words too
        (("word " * 690 + "— – … 42",), 3),  # a number is a word, a dash or an ellipsis not
        (("字" * 1200,), 3),  # written without spaces: 400 characters a minute
        (("字" * 400 + " " + "word " * 230,), 2),  # a minute of each
        (("字x " * 400,), 3),  # a wide character and a letter: counted as both
        (("Hi.",), 1),  # at least a minute
    ],
)
def test_reading_time_counts_words_and_wide_characters(
    paragraphs: tuple[str, ...], minutes: int
) -> None:
    article = replace(ARTICLE, paragraphs=paragraphs, summary=())
    assert article.reading_minutes == minutes
    assert f"{minutes} min read" in render(replace(DIGEST, articles=(article,)), "text")
