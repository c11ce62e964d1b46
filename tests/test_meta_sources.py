"""Metadata from the article's own sources (issue 15 items 3 and 6): the standfirst is a dek
of its own, the publisher the outlet's name, authors from JSON-LD first and never a
placeholder, the date the article's own and never a related story's."""

from __future__ import annotations

import json

import pytest

from digest.extract.html import extract_html

BODY = "".join(
    f"<p>Paragraph {i} of the story tells readers what the council decided on the budget for the new road.</p>"
    for i in range(8)
)
LEAD = (
    "The council approved a budget of four million dollars for the new ring road on Tuesday night."
)


def _page(
    head: str = "", body: str = BODY, before: str = "", title: str = "Council approves road"
) -> str:
    return (
        f"<html><head><title>{title}</title>{head}</head><body>{before}"
        f"<article><h1>Council approves the road budget</h1>{body}</article></body></html>"
    )


def _meta(name: str, value: str) -> str:
    return f'<meta property="{name}" content="{value}">'


@pytest.mark.parametrize(
    ("head", "title", "url", "publisher"),
    [
        # og:site_name names a section; the title's site part agrees with the address.
        (
            _meta("og:site_name", "U.S."),
            "Council approves road | Daily Planet",
            "https://www.dailyplanet.com/a",
            "Daily Planet",
        ),
        # og:site_name is the article's section.
        (
            _meta("og:site_name", "Politics") + _meta("article:section", "Politics"),
            "Council approves road",
            "https://www.dailyplanet.com/a",
            None,
        ),
        # A slogan after the name, a domain for a name.
        (
            _meta("og:site_name", "Valley Courier - Celebrating 20 Years of Local News"),
            "Council approves road",
            "https://valleycourier.com/a",
            "Valley Courier",
        ),
        (
            _meta("og:site_name", "ValleyCourier.com"),
            "Council approves road",
            "https://valleycourier.com/a",
            "ValleyCourier",
        ),
        # An app name that is the headline is no publisher; one with a tagline gives its name.
        (
            '<meta name="application-name" content="Council Approves Road; Plus 5 Other Stories">',
            "Council approves road",
            "https://www.clipstream.com/a",
            None,
        ),
        (
            '<meta name="application-name" content="Clip Stream - Latest News &amp; Headlines">',
            "Council approves road",
            "https://www.clipstream.com/a",
            "Clip Stream",
        ),
        # Without og:site_name: the title's site part, else the site's handle.
        (
            "",
            "Council approves road – Valley Courier",
            "https://valleycourier.com/a",
            "Valley Courier",
        ),
        (
            '<meta name="twitter:site" content="@valleycourier">',
            "Council approves road",
            "https://valleycourier.com/a",
            "valleycourier",
        ),
        # A name apart from the address, with nothing else to go by, is kept.
        (_meta("og:site_name", "Quartz"), "Council approves road", "https://qz.com/a", "Quartz"),
        # An address alone names no publisher ("www.20minutes" is not a name).
        ("", "Council approves road", "https://www.20minutes.fr/a", None),
    ],
)
def test_the_publisher_is_the_outlets_name(
    head: str, title: str, url: str, publisher: str | None
) -> None:
    assert extract_html(_page(head, title=title), url).publisher == publisher


def _ld(author: object, graph: list[dict[str, object]] | None = None) -> str:
    article = {
        "@type": "NewsArticle",
        "headline": "Council approves the road budget",
        "author": author,
    }
    data = {"@context": "https://schema.org", "@graph": [article, *(graph or [])]}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_authors_given_in_json_ld_by_reference_come_before_the_byline() -> None:
    head = _ld(
        {"@id": "https://gazette.example/#/person/1"},
        [{"@type": "Person", "@id": "https://gazette.example/#/person/1", "name": "Amara Okonkwo"}],
    )
    page = _page(head, before="<p class='byline'>By Jane Roe</p>")
    assert extract_html(page).authors == ("Amara Okonkwo",)


@pytest.mark.parametrize(
    ("written", "authors"),
    [
        ("No Author", ()),
        ("Author Unknown", ()),
        ("Staff", ()),
        ("Sponsored Content", ()),
        ("Amara Okonkwo", ("Amara Okonkwo",)),
    ],
)
def test_placeholder_bylines_are_no_authors(written: str, authors: tuple[str, ...]) -> None:
    assert extract_html(_page(_ld({"@type": "Person", "name": written}))).authors == authors


def test_the_date_is_the_articles_own_not_a_related_storys() -> None:
    related = (
        "<aside><article><h2>Bridge plan delayed</h2><time datetime='2019-05-01T08:00:00Z'>May 1</time>"
        "</article></aside><div class='sidebar'><span itemprop='datePublished' content='2018-01-01'>"
        "Jan 1</span></div>"
    )
    own = "<time datetime='2021-03-04T09:30:00+01:00'>March 4, 2021</time>" + BODY
    page = f"<html><head><title>Council</title></head><body>{related}<article><h1>Council approves the road budget</h1>{own}</article></body></html>"
    assert extract_html(page).published == "2021-03-04T09:30:00+01:00"


@pytest.mark.parametrize(
    ("head", "body", "standfirst", "first"),
    [
        # A dek marked up under the headline: the standfirst, and no paragraph of the body.
        (
            "",
            "<h2 class='article-dek'>A ring road at last, and a bill for every household</h2>"
            + BODY,
            "A ring road at last, and a bill for every household",
            "Paragraph 0",
        ),
        # A box classed as a subtitle that holds the byline and the date is no dek.
        (
            "",
            "<div class='subtitle'>By Jane Roe, published March 4, 2021 at 9:30</div>" + BODY,
            None,
            "Paragraph 0",
        ),
        # The lead set apart from the body's container, repeated as the description: the
        # story's first paragraph, never the standfirst (in a row of its own, or in a block
        # of the body's kind).
        (
            _meta("og:description", LEAD),
            f"<div class='lead'><p>{LEAD}</p></div><div class='cols'><div class='main'>"
            f"<div class='text'>{BODY}</div></div></div>",
            None,
            "The council approved",
        ),
        (
            _meta("og:description", LEAD),
            f"<div class='text'><p>{LEAD}</p></div><div class='rail'><div class='col'>"
            f"<div class='text'>{BODY}</div></div></div>",
            None,
            "The council approved",
        ),
        # A description that says what the story is about, apart from its text.
        (
            _meta(
                "og:description",
                "Drivers will pay a toll on the new road from next spring, the council says.",
            ),
            BODY,
            "Drivers will pay a toll on the new road from next spring, the council says.",
            "Paragraph 0",
        ),
        # The site's own description (it names the site, not the story) is no standfirst.
        (
            _meta("og:site_name", "Valley Courier")
            + _meta(
                "og:description",
                "The latest news and headlines from the Valley Courier, every day.",
            ),
            BODY,
            None,
            "Paragraph 0",
        ),
    ],
    ids=[
        "marked-dek",
        "byline-box",
        "lead-apart",
        "lead-in-a-twin",
        "description",
        "site-description",
    ],
)
def test_the_standfirst_is_a_dek_of_its_own(
    head: str, body: str, standfirst: str | None, first: str
) -> None:
    extraction = extract_html(_page(head, body))
    assert extraction.standfirst == standfirst
    assert extraction.paragraphs[0].startswith(first)
    assert all(p != standfirst for p in extraction.paragraphs)
