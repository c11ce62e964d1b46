"""Publication dates: where pages write them, in order of trust, and what is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digest import read_article
from digest.extract.html import extract_html
from digest.extract.published import url_date
from digest.text.calendar import parse_date, parse_date_time

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "published"
STORY = "".join(
    f"<p>Paragraph {i} of the story tells readers what the council decided on the budget"
    " for the new road, and what the residents who came to the meeting said about it.</p>"
    for i in range(6)
)


def _published(
    head: str = "", top: str = "", url: str | None = None, body: str = STORY
) -> str | None:
    """The date digest gives a page with ``head`` in its head and ``top`` under its headline."""
    page = (
        f"<html><head><title>Council approves the new road</title>{head}</head><body>"
        f"<article><h1>Council approves the new road</h1>{top}{body}</article></body></html>"
    )
    return extract_html(page, url).published


@pytest.mark.parametrize(
    "name", ["article.published", "sailthru.date", "dc.date", "parsely-pub-date", "dcterms.issued"]
)
def test_publication_dates_in_meta_names_of_publishing_systems(name: str) -> None:
    assert _published(f'<meta name="{name}" content="2016-12-15T14:57:00Z">') == (
        "2016-12-15T14:57:00+00:00"
    )


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("Mon Aug 03 12:45:00 EDT 2015", "2015-08-03"),  # as Java's Date prints it
        ("12-15-2016", "2016-12-15"),  # month first, with dashes
        ("Thursday, December 22, 2016, 06:47 PM", "2016-12-22"),
    ],
)
def test_written_dates_in_meta_tags(value: str, day: str) -> None:
    assert _published(f'<meta property="article:published_time" content="{value}">') == day


def test_a_modified_date_gives_way_to_the_published_one_written_on_the_page() -> None:
    head = '<meta property="article:modified_time" content="2017-03-08T10:00:00Z">'
    top = "<p class='meta'>By Jane Roe, March 3, 2017</p>"
    assert _published(head, top) == "2017-03-03"
    # Without any other date, the modified date is the best there is.
    assert _published(head) == "2017-03-08T10:00:00+00:00"


def test_an_updated_line_is_a_last_resort_and_a_published_label_wins_in_its_line() -> None:
    updated = "<div class='timestamp'>Updated 6:02 PM ET, Fri March 3, 2017</div>"
    both = "<div class='timestamp'>Published: Dec 15 2016 | Updated: Dec 16 2016</div>"
    assert _published(top=both) == "2016-12-15"
    url = "https://www.example.com/2017/03/02/politics/council-road/index.html"
    # The line says when it was updated: the URL's day is the better publication date.
    assert _published(top=updated, url=url) == "2017-03-02"
    assert _published(top=updated) == "2017-03-03"


def test_time_elements_without_a_datetime_attribute_are_read_from_their_text() -> None:
    assert _published(top="<time class='story-date'>Dec. 22, 2016</time>") == "2016-12-22"


def test_a_byline_with_the_date_in_it() -> None:
    top = (
        '<div class="author">Written by <a href="/">Michael Larabel</a> in <a href="/linux/Valve">'
        'Valve</a> on 1 June 2019 at 08:34 PM EDT. <a href="/forums/node/1">51 Comments</a></div>'
    )
    assert _published(top=top) == "2019-06-01"


def test_a_date_standing_alone_under_the_headline_whatever_its_class() -> None:
    html = (FIXTURES / "abcnews-date-alone.html").read_text(encoding="utf-8")
    # "Aug 9, 6:06 PM" in the teaser row above has no year; the byline's date is the one.
    assert extract_html(html).published == "2016-12-16"


def test_a_date_beside_its_label_and_not_a_release_year() -> None:
    html = (FIXTURES / "pitchfork-reviewed.html").read_text(encoding="utf-8")
    assert extract_html(html).published == "2019-06-07"


def test_a_label_in_the_element_before_the_date_is_read_with_it() -> None:
    top = "<div><span>Updated:</span> <span class='x1'>Dec 16, 2016</span></div>"
    url = "https://www.example.com/news/2016/12/15/council-road"
    assert _published(top=top, url=url) == "2016-12-15"


def test_a_dateline_opening_the_story() -> None:
    body = STORY.replace("<p>Paragraph 0", "<p>Feb. 23, 2015 -- Paragraph 0", 1)
    assert _published(body=body) == "2015-02-23"


def test_a_date_alone_in_the_title() -> None:
    head = (
        "<title>Una solución no violenta para la cuestión mapuche - 07.12.2017 - LA NACION</title>"
    )
    body = f"<article><h1>Una solución no violenta</h1>{STORY}</article>"
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    assert extract_html(page).published == "2017-12-07"


def test_cjk_dates_in_a_date_class() -> None:
    top = "<span class='pubTime'>2016年10月14日07:17</span>"
    assert _published(top=top) == "2016-10-14"


@pytest.mark.parametrize(
    ("url", "parts"),
    [
        ("https://www.cnn.com/2016/11/29/politics/transition/index.html", (2016, 11, 29)),
        ("http://www.refinery29.com/2016/12/132377/graphic-tees", (2016, 12, None)),
        ("http://www.chicagotribune.com/news/ct-trump-energy-20161213-story.html", (2016, 12, 13)),
        ("http://headlines.yahoo.co.jp/hl?a=20170309-35097838-cnetj-sci", (2017, 3, 9)),
        ("https://www.example.com/news/article-1.2913255", None),
    ],
)
def test_dates_in_urls(url: str, parts: tuple[int, int, int | None] | None) -> None:
    assert url_date(url) == parts


def test_the_url_read_from_counts_when_the_canonical_one_has_no_date() -> None:
    head = '<link rel="canonical" href="http://time.com/4603308/amazon-alexa-echo-gadgets/">'
    assert _published(head, url="http://fortune.com/2016/12/15/amazon-alexa-gadgets/") == (
        "2016-12-15"
    )


def test_future_dates_and_dates_contradicting_the_url_are_refused() -> None:
    tomorrow_but_one = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    head = f'<meta property="article:published_time" content="{tomorrow_but_one}">'
    assert _published(head, "<time datetime='2015-10-08'>8 Oct</time>") == "2015-10-08"
    head = '<meta property="article:published_time" content="2012-05-01">'
    url = "https://www.example.com/world/2015/10/08/council-road"
    assert _published(head, url=url) == "2015-10-08"


def test_a_utc_moment_is_given_in_the_zone_the_page_writes_it_in() -> None:
    html = (FIXTURES / "al-local-time.html").read_text(encoding="utf-8")
    # 00:47 UTC on the 23rd is 6:47 pm on the 22nd in Alabama, as the page says.
    assert extract_html(html).published == "2016-12-22T18:47:31-06:00"
    head = (
        '<meta property="article:published_time" content="2016-12-20T00:08:44+00:00">'
        '<meta name="sailthru.date" content="2016-12-19 19:08:44">'
    )
    assert _published(head) == "2016-12-19T19:08:44-05:00"
    # A clock time that is not the same moment (other minutes) changes nothing.
    top = "<p class='byline'>December 19, 2016 | 7:15pm</p>"
    head = '<meta property="article:published_time" content="2016-12-20T00:08:44Z">'
    assert _published(head, top) == "2016-12-20T00:08:44+00:00"


def test_htmldate_dates_pages_whose_own_sources_say_nothing() -> None:
    top = "<div class='zz'>Von Anna Schmidt</div><span class='q7'>8. März 2015</span>"
    assert _published(top=top) == "2015-03-08"
    # A year alone (htmldate's January 1st) is not a publication day.
    assert _published(top="<div class='foot'>© 2017 Example News</div>") is None


def test_htmldate_searches_only_pages_that_need_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """htmldate's search costs tens of milliseconds a page: a page that declares its date
    never pays for it (the module itself comes with trafilatura, the second extractor)."""
    import htmldate

    def searched(*args: object, **kwargs: object) -> str:
        raise AssertionError("htmldate searched a page that declares its date")

    monkeypatch.setattr(htmldate, "find_date", searched)
    story = "<p>" + "The council approved the budget for the new road. " * 12 + "</p>"
    page = (
        '<html><head><meta property="article:published_time" content="2015-10-08">'
        "</head><body><article><h1>Council approves the road</h1>"
        + story * 4
        + "</article></body></html>"
    )
    assert read_article(page).published == "2015-10-08"
    with pytest.raises(AssertionError, match="htmldate searched"):
        read_article(
            page.replace('<meta property="article:published_time" content="2015-10-08">', "")
        )


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("Thursday, December 22, 2016, 06:47 PM", datetime(2016, 12, 22, 18, 47)),
        ("2016-12-19 19:08:44", datetime(2016, 12, 19, 19, 8, 44)),
        ("Published: Dec. 22, 2016, 6:47 p.m.", datetime(2016, 12, 22, 18, 47)),
        ("December 19, 2016 | 12:08am", datetime(2016, 12, 19, 0, 8)),
        ("December 19, 2016", None),
    ],
)
def test_dates_with_a_clock_time(written: str, moment: datetime | None) -> None:
    assert parse_date_time(written) == moment


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("Chapter 3, 2015 ... posted Oct. 8, 2015", "2015-10-08"),
        ("2016年10月14日", "2016-10-14"),
        ("2016년 10월 14일", "2016-10-14"),
        ("call 1-800-12-2016", None),
    ],
)
def test_written_dates_are_found_where_they_are(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


def test_a_huge_page_is_not_searched_by_htmldate(monkeypatch: pytest.MonkeyPatch) -> None:
    import lxml.html

    from digest.extract import published

    calls: list[object] = []
    monkeypatch.setattr("htmldate.find_date", lambda *a, **k: calls.append(a) or "2015-06-07")
    small = lxml.html.fromstring("<html><body><p>Text.</p></body></html>")
    huge = lxml.html.fromstring("<html><body>" + "<p>Text.</p>" * 30_000 + "</body></html>")
    assert published.library_date(small) == "2015-06-07"
    assert published.library_date(huge) is None
    assert len(calls) == 1
