"""The body of a page, paragraph by paragraph: what a reader sees as the story is one
paragraph each, in the text; what is not the story stays out of it (issue 15).

Each page in ``tests/fixtures/bodies/`` is written for these tests after a layout found in
news pages, trimmed to its structure: one class of failure a page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.extract.boilerplate import classify, find
from digest.models import Article
from tests.conftest import read_once

BODIES = Path(__file__).resolve().parent / "fixtures" / "bodies"


def _read(page: str) -> Article:
    """The article of a page of ``tests/fixtures/bodies``, read once in this test process."""
    return read_once((BODIES / page).read_bytes(), input=page)


@pytest.mark.parametrize(
    ("page", "paragraph"),
    [
        (
            # Lines of a <div> between <br>s, one of them with a link in it: readability
            # set the words before the link apart from it.
            "lines_with_links.html",
            "The full survey for the month can be read on the store's survey page, which "
            "lists every platform.",
        ),
    ],
)
def test_a_sentence_stays_one_paragraph(page: str, paragraph: str) -> None:
    article = _read(page)
    assert paragraph in article.paragraphs
    assert len(article.paragraphs) == 6


LEAD = "City officials said on Tuesday that the new bridge over the river will open"


@pytest.mark.parametrize(
    ("page", "standfirst"),
    [
        # The headline and the dek in a block of their own (no <header>), the story apart.
        (
            "dek_beside_headline.html",
            "The crossing will open two months late, but within its budget.",
        ),
        # The lead beside the headline in the story's own block, the description repeating
        # it: the story's first paragraph stays in the body.
        ("lead_beside_headline.html", None),
    ],
)
def test_the_dek_under_the_headline_is_the_standfirst_and_the_lead_stays(
    page: str, standfirst: str | None
) -> None:
    article = _read(page)
    assert article.standfirst == standfirst
    assert article.paragraphs[0].startswith(LEAD)
    assert len(article.paragraphs) == 6


@pytest.mark.parametrize(
    ("page", "credit"),
    [
        # A credit in a <cite> beside the picture, in a figure with no caption.
        ("figure_credits.html", "Harbour Photo Agency"),
        # A caption and a credit line in a figure with a picture: both credits still.
        ("figure_credits.html", "Cracks in one of the bridge piers."),
        ("figure_credits.html", "Jane Roe/City Press"),
        # A photo's agency line, in an element whose class names it so, beside the picture.
        ("photo_agency.html", "Jane Roe/HW"),
    ],
)
def test_a_figure_s_credit_goes_to_credits_not_the_text(page: str, credit: str) -> None:
    article = _read(page)
    assert credit in [c.text for c in article.credits]
    assert credit not in article.text
    assert len(article.paragraphs) == 6


def test_the_headlines_under_a_list_label_at_the_end_are_not_the_story() -> None:
    """A "Read more from ..." label and the links under it, below the story: all out."""
    page = "list_of_other_stories.html"
    article = _read(page)
    assert len(article.paragraphs) == 6
    assert article.paragraphs[-1].startswith("Riders' groups welcomed the plan")
    assert "tram line" not in article.text


STORY_LINE = "The council approved the budget on Tuesday after a debate of several hours."


@pytest.mark.parametrize(
    ("paragraphs", "removed"),
    [
        # The list runs to the end: label and headlines go.
        (
            [STORY_LINE, "More on the budget:", "Bus fares to rise", "Why the tram is late"],
            [1, 2, 3],
        ),
        # A heading of the story under the label, with the story's text after it: only the
        # label goes.
        (
            [STORY_LINE, "More on the budget:", "What the vote means", STORY_LINE],
            [1],
        ),
        # The list ends in a stamp and a link label: still the list.
        ([STORY_LINE, "Related:", "Bus fares to rise", "UPDATES:"], [1, 2, 3]),
    ],
)
def test_a_list_label_takes_the_headlines_under_it_to_the_end(
    paragraphs: list[str], removed: list[int]
) -> None:
    assert sorted(find(paragraphs)) == removed


COURT_LAST = "The governor, who vetoed the maps last year before lawmakers overrode her"


@pytest.mark.parametrize(
    ("page", "gone"),
    [
        # The author's bio set under the byline, after the lead.
        ("bio_under_byline.html", "chief political correspondent"),
        # A correction, a print-edition line, the author's bio and e-mail below the story.
        ("closing_lines.html", "earlier version"),
        ("closing_lines.html", "appears in the May 2, 2024 issue"),
        ("closing_lines.html", "Politics Editor"),
        ("closing_lines.html", "jane.roe@example.com"),
    ],
)
def test_notes_about_the_article_and_its_author_are_not_the_story(page: str, gone: str) -> None:
    article = _read(page)
    assert gone not in article.text
    assert len(article.paragraphs) == 6
    assert article.paragraphs[-1].startswith(COURT_LAST)


@pytest.mark.parametrize(
    ("line", "tail", "kind"),
    [
        ("Jane Roe is Opinion Editor of the Gazette.", True, "bio"),
        ("Jane Roe is the Gazette’s chief political correspondent.", True, "bio"),
        # The same words above the story's end are news about someone in it.
        ("Jane Roe is Opinion Editor of the Gazette.", False, None),
        ("jane.roe@example.com", True, "bio"),
        ("jane.roe@example.com", False, None),
        ("Correction: An earlier version of this story misstated the date.", False, "updated"),
        ("*An earlier version of the article inaccurately stated her age.", False, "updated"),
        (
            "*This article appears in the May 2, 2024 issue of the Weekly Gazette.",
            False,
            "copyright",
        ),
        ("Dec. 19, 2016 02:46", False, "updated"),
        ("Dec. 19, 201602:46", False, "updated"),
        ("(Via The Times and Reuters)", False, "copyright"),
        ("Tags: budget, transport", True, "teaser"),
        ("Share this post with your friends!", False, "teaser"),
        (
            "* The bank is a minority investor in the group, which owns this site.",
            False,
            "disclosure",
        ),
        (
            "The story is part of a series on energy. For more, visit our energy page.",
            True,
            "teaser",
        ),
        ("For more than a decade, visitors have come to see the falls.", True, None),
        # A date alone may head a part of a timeline; a sentence with a time is news.
        ("March 3, 2020", True, None),
        ("The meeting on Dec. 19, 2016 lasted until 02:46 in the morning.", True, None),
        ("Tags were found on two of the birds.", True, None),
        # A story's sentence that merely mentions a version or a correction stays.
        ("The earlier version of the bill was rejected by the senate in May.", True, None),
        ("The paper published a correction on Monday, its editor said.", True, None),
    ],
)
def test_closing_line_classes(line: str, tail: bool, kind: str | None) -> None:
    rule = classify(line, tail=tail)
    assert (rule.kind if rule else None) == kind


@pytest.mark.parametrize(
    ("page", "start"),
    [
        # A place: it opens the story's first paragraph, as datelines do.
        ("dateline_apart.html", f"RIVERTON — {LEAD}"),
        # The outlet's own name: a credit, neither a place nor text.
        ("outlet_dateline_apart.html", LEAD),
    ],
)
def test_a_dateline_in_a_block_of_its_own(page: str, start: str) -> None:
    article = _read(page)
    assert article.paragraphs[0].startswith(start)
    assert len(article.paragraphs) == 6
    assert "Riverton News" not in [p["name"] for p in article.to_dict()["facts"]["places"]]


def test_a_video_player_s_title_is_not_a_paragraph() -> None:
    """A player set between two paragraphs, its title in a box beside the <video>."""
    page = "video_player.html"
    article = _read(page)
    assert "Winter Travel" not in article.text
    assert len(article.paragraphs) == 6


@pytest.mark.parametrize(
    ("page", "table"),
    [
        # A data box with a "show more" toggle (a checkbox and its labels) below the story:
        # a widget, not the story's table.
        ("data_widget.html", False),
        # The story's own table, no controls: kept, one paragraph, with its warning.
        ("data_table_in_story.html", True),
    ],
)
def test_a_table_in_a_widget_with_controls_is_not_the_story_s(page: str, table: bool) -> None:
    article = _read(page)
    assert ("table" in article.warnings) is table
    assert bool(article.tables) is table
    assert article.paragraphs[0].startswith("The health ministry said on Tuesday")
    assert any(p.startswith("Opposition lawmakers asked") for p in article.paragraphs)
