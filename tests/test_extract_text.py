"""Articles from pages copied as plain text (the seed, and made-up pages in other styles)."""

from __future__ import annotations

import pytest

from digest.errors import NotAnArticleError
from digest.extract.text import extract_text, parse_date
from tests.conftest import SEED_TEXT

BOILERPLATE = [
    "Skip to main content",
    "Advertising",
    "Daily newsletter",
    "France 24 app",
    "Share :",
    "Page not found",
    "does not exist",
]


@pytest.fixture(scope="module")
def seed() -> object:
    return extract_text(SEED_TEXT.read_text(encoding="utf-8"))


def test_seed_headline_section_and_standfirst(seed: object) -> None:
    assert seed.title == "NATO defence chiefs meet as Russia ramps up Syria campaign"  # type: ignore[attr-defined]
    assert seed.section == "NATO"  # type: ignore[attr-defined]
    assert seed.standfirst.startswith("The defence ministers of NATO are scheduled")  # type: ignore[attr-defined]


def test_seed_attribution_from_the_closing_line(seed: object) -> None:
    assert seed.publisher == "France 24"  # type: ignore[attr-defined]
    assert seed.agencies == ("AFP", "Reuters")  # type: ignore[attr-defined]
    assert seed.language == "en"  # type: ignore[attr-defined]


def test_seed_caption_goes_to_credits_not_text(seed: object) -> None:
    text = "\n".join(seed.paragraphs)  # type: ignore[attr-defined]
    assert [c.text.split(" |")[0] for c in seed.credits] == ["Alexander Kots, AFP"]  # type: ignore[attr-defined]
    assert "Alexander Kots" not in text
    assert "Sukhoi fighter jets landing" not in text


def test_seed_body_has_no_boilerplate_and_every_paragraph(seed: object) -> None:
    paragraphs = seed.paragraphs  # type: ignore[attr-defined]
    text = "\n".join(paragraphs)
    for junk in BOILERPLATE:
        assert junk not in text, junk
    assert "(FRANCE24 with AFP, REUTERS)" not in text
    assert paragraphs[0].startswith("Speaking ahead of the talks")
    assert paragraphs[-1].startswith("But US administration officials")
    assert len(paragraphs) == 12


STYLED_PAGE = """\
Menu
Search
World
Business
Politics

Floods force thousands from homes in northern Italy

By Maria Rossi and John Smith, Reuters
Published: 14 May 2023, 09:12

Heavy rain swept across the Emilia-Romagna region on Tuesday, forcing more than 10,000 people from their homes, officials said.

Photo: Rescue workers wade through a flooded street in Faenza (Reuters)

The civil protection agency said rivers had burst their banks in 21 places and that rescue teams were working through the night.

What happens next

Forecasters expect the rain to ease by Thursday, but warned that the ground was saturated and new landslides were likely.

Sign up for our morning newsletter to get the news in your inbox
© 2023 Example News. All rights reserved.
Terms of use
"""


def test_byline_date_caption_and_subheading_in_another_style() -> None:
    article = extract_text(STYLED_PAGE)
    assert article.title == "Floods force thousands from homes in northern Italy"
    assert article.authors == ("Maria Rossi", "John Smith")
    assert article.agencies == ("Reuters",)
    assert article.published == "2023-05-14"
    assert article.standfirst is None
    assert article.paragraphs == (
        "Heavy rain swept across the Emilia-Romagna region on Tuesday, forcing more than 10,000 people from their homes, officials said.",
        "The civil protection agency said rivers had burst their banks in 21 places and that rescue teams were working through the night.",
        "What happens next",
        "Forecasters expect the rain to ease by Thursday, but warned that the ground was saturated and new landslides were likely.",
    )
    assert [c.text for c in article.credits] == ["Photo: Rescue workers wade through a flooded street in Faenza (Reuters)"]


def test_text_without_an_article_is_refused() -> None:
    with pytest.raises(NotAnArticleError):
        extract_text("Home\nNews\nSport\nWeather\nContact us\n")


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("8 October 2015", "2015-10-08"),
        ("Oct. 8, 2015", "2015-10-08"),
        ("08/10/2015 - 10:42", "2015-10-08"),
        ("2015-10-08T10:42:00Z", "2015-10-08"),
        ("no date here", None),
    ],
)
def test_written_dates(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso
