"""HTML extraction: body cleanup, captions to credits, metadata in order of trust."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import lxml.html
import pytest

from digest.errors import NotAnArticleError
from digest.extract.html import MAX_TEXT_CHARS, extract_html
from digest.extract.lines import caption_credit
from digest.extract.meta.title import clean_title, heading_text
from digest.text.bylines import split_names

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BODY = "".join(
    f"<p>Paragraph {i} of the story tells readers what the council decided on the budget for the new road.</p>"
    for i in range(8)
)


def _page(head: str = "", body: str = BODY, before: str = "", after: str = "") -> str:
    return f"<html><head>{head}</head><body>{before}<article>{body}</article>{after}</body></html>"


def test_captions_move_to_credits_and_out_of_the_text() -> None:
    page = _page(
        body=BODY[:400]
        + "<figure><img src='a.jpg'><figcaption>The council chamber. Photo: Jane Roe/AFP</figcaption></figure>"
        + BODY[400:]
    )
    extraction = extract_html(page)
    assert "council chamber" not in "\n".join(extraction.paragraphs)
    assert [c.text for c in extraction.credits] == ["The council chamber. Photo: Jane Roe/AFP"]


def test_share_newsletter_and_read_more_lists_are_dropped() -> None:
    page = _page(
        body=BODY
        + "<div class='share-tools'><a>Share on Facebook</a><a>Twitter</a></div>"
        + "<p>Sign up for our newsletter to get the news every morning in your inbox.</p>"
        + "<p><b>Read more:</b></p><p><a href='/x'>Council rejects the bridge plan</a></p>"
    )
    text = "\n".join(extract_html(page).paragraphs)
    assert "Share on Facebook" not in text
    assert "newsletter" not in text
    assert "Council rejects the bridge plan" not in text
    assert "Paragraph 7 of the story" in text


def test_metadata_comes_from_json_ld_before_meta_tags() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council approves the road budget",
        "datePublished": "2021-03-04T09:30:00+01:00",
        "author": [
            {"@type": "Person", "name": "Jane Roe"},
            {"@type": "Organization", "name": "Associated Press"},
        ],
        "publisher": {"@type": "Organization", "name": "The Town Gazette"},
        "inLanguage": "en-GB",
    }
    head = (
        f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
        "<meta property='og:title' content='Something else entirely | The Town Gazette'>"
        "<meta property='article:published_time' content='2020-01-01'>"
        "<link rel='canonical' href='/news/road-budget'>"
    )
    extraction = extract_html(_page(head), "https://gazette.example/news/road-budget?utm=x")
    assert extraction.title == "Council approves the road budget"
    assert extraction.published == "2021-03-04T09:30:00+01:00"
    assert extraction.authors == ("Jane Roe",)
    assert extraction.agencies == ("AP",)
    assert extraction.language == "en"
    assert extraction.url == "https://gazette.example/news/road-budget"


def test_future_dates_and_dates_contradicting_the_url_are_rejected() -> None:
    head = "<meta property='article:published_time' content='2099-01-01T00:00:00Z'><time datetime='2015-10-08'>8 Oct</time>"
    assert extract_html(_page(head)).published == "2015-10-08"
    head = "<meta property='article:published_time' content='2012-05-01'>"
    extraction = extract_html(_page(head), "https://news.example/2015/10/08/story")
    assert extraction.published == "2015-10-08"


@pytest.mark.parametrize(
    ("raw", "site", "expected"),
    [
        (
            "Obama admits US gun laws are his 'biggest frustration' - BBC News",
            "BBC News",
            "Obama admits US gun laws are his 'biggest frustration'",
        ),
        ("NATO defence chiefs meet | France 24", None, "NATO defence chiefs meet"),
        (
            "CNN | Markets fall on rate fears as oil climbs",
            "CNN",
            "Markets fall on rate fears as oil climbs",
        ),
    ],
)
def test_titles_lose_the_site_name(raw: str, site: str | None, expected: str) -> None:
    assert clean_title(raw, site, []) == expected


@pytest.mark.parametrize(
    ("byline", "names", "agencies"),
    [
        (
            "By JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL",
            ["Josh Haskell", "David Caplan", "Patrick Reevell"],
            [],
        ),
        ("By Jane Roe, Associated Press", ["Jane Roe"], ["AP"]),
        ("Senior Reporter", [], []),
        ("Email the author", [], []),
        (
            "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
            [],
        ),
    ],
)
def test_bylines_give_names_only(byline: str, names: list[str], agencies: list[str]) -> None:
    assert split_names(byline) == (names, agencies)


def test_a_page_without_article_text_is_refused() -> None:
    with pytest.raises(NotAnArticleError):
        extract_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")


def test_deep_nesting_does_not_crash() -> None:
    page = "<html><body>" + "<div>" * 10_000 + "<p>deep</p>" + "</div>" * 10_000 + "</body></html>"
    with contextlib.suppress(NotAnArticleError):  # refused, or read: either way no crash
        extract_html(page)


def test_a_huge_page_is_cut_and_says_so() -> None:
    # Text a twentieth beyond the cap, in paragraphs of a long read's size: the cut is the
    # same as in thousands of short ones, which took the test seconds more to read.
    def paragraph(n: int) -> str:
        sentence = f"Paragraph {n} of the story tells readers what the council decided on the road."
        return "<p>" + " ".join([sentence] * 8) + "</p>"

    count = MAX_TEXT_CHARS * 21 // 20 // (len(paragraph(0)) - len("<p></p>")) + 1
    extraction = extract_html(_page(body="".join(paragraph(n) for n in range(count))))
    assert "truncated" in extraction.warnings
    text = "\n".join(extraction.paragraphs)
    assert text.startswith("Paragraph 0 of the story")
    assert f"Paragraph {count - 1} of" not in text  # the end of the page is cut
    assert sum(map(len, extraction.paragraphs)) <= MAX_TEXT_CHARS + len(paragraph(0))


def test_real_page_keeps_story_and_credits_captions() -> None:
    html = (SEEDS / "nytimes-sudan-sanctions.html").read_text(encoding="utf-8")
    extraction = extract_html(html)
    text = "\n".join(extraction.paragraphs)
    assert "deal with the devil" in text
    assert "Credit Ashraf Shazly" not in text
    assert any("United Nations peacekeepers" in c.text for c in extraction.credits)
    assert extraction.authors == ("Jeffrey Gettleman",)


def test_a_headline_broken_over_two_lines_is_not_repeated_in_the_text() -> None:
    head = "<title>Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!</title>"
    body = (
        "<div><h2>Lupita Nyong'o</h2><h1>$150K Pearl Oscar Dress ... STOLEN!!!!</h1></div>" + BODY
    )
    text = "\n".join(extract_html(_page(head=head, body=body)).paragraphs)
    assert "STOLEN" not in text and "Lupita" not in text
    assert text.startswith("Paragraph 0 of the story")


def test_chart_labels_and_gallery_titles_are_not_text() -> None:
    chart = (
        "<div class='graphic'><div style='top:4.4%;margin-top:-9px;left:0.08%;width:243px'>"
        "<p>Interest payments on the national debt</p></div>"
        "<div style='left:96.5%;top:4.8%'><p>$915 billion</p></div></div>"
    )
    gallery = "<div class='grid-mod-gallery'><h2 class='gallery-title'>Business news in pictures</h2></div>"
    text = "\n".join(extract_html(_page(body=BODY[:400] + chart + BODY[400:] + gallery)).paragraphs)
    assert "Interest payments" not in text and "$915" not in text
    assert "Business news in pictures" not in text
    assert "Paragraph 7 of the story" in text


def test_the_authors_bio_below_the_story_closes_the_text_but_others_do_not() -> None:
    head = '<meta name="author" content="Corey Kilgannon">'
    after_story = (  # as The New York Times lays it out: far from the story's paragraphs
        "<div class='bottom-of-article'><div><div><div><p>Corey Kilgannon is a Metro reporter covering "
        "news and human interest stories for the newspaper.</p></div></div></div><div><div><div><p>Jane "
        "Doe is a columnist who writes about food and wine every week for the weekend magazine.</p>"
        "</div></div></div></div>"
    )
    story = f"<section><div><div class='story'>{BODY}</div></div></section>"
    page = f"<html><head>{head}</head><body><article>{story}{after_story}</article></body></html>"
    paragraphs = extract_html(page).paragraphs
    assert paragraphs[-1].startswith("Corey Kilgannon is a Metro reporter")
    assert not any("Jane Doe" in p for p in paragraphs)


def test_meta_tags_written_with_value_instead_of_content() -> None:
    head = (
        '<meta value="Emma Grey Ellis" name="article:author">'
        '<meta value="2016-09-30T11:00:12.000Z" name="article:published_time">'
    )
    extraction = extract_html(_page(head=head))
    assert extraction.authors == ("Emma Grey Ellis",)
    assert extraction.published and extraction.published.startswith("2016-09-30")


def test_the_copyright_holder_named_as_author_is_not_a_writer() -> None:
    head = (
        '<meta name="author" content="Condé Nast"><meta name="copyright" content="Copyright (c) Condé Nast 2022">'
        '<meta property="article:author" content="Larry Fitzmaurice">'
    )
    assert extract_html(_page(head=head)).authors == ("Larry Fitzmaurice",)


def test_bylines_are_found_by_class_parts_and_through_page_wide_classes() -> None:
    byline = (
        '<p class="story-meta__authors">By <span class="vcard"><a href="/staff/steven-shepard">'
        "Steven Shepard</a></span></p>"
    )
    page = f"<html><head></head><body class='site-no-footer-ads'><article>{byline}{BODY}</article></body></html>"
    assert extract_html(page).authors == ("Steven Shepard",)
    spans = '<div class="byline"><span>By</span><span>Travis Haney</span></div>'
    assert extract_html(_page(body=spans + BODY)).authors == ("Travis Haney",)


def test_paragraphs_marked_as_behind_the_paywall_are_the_story() -> None:
    gated = "".join(
        f"<p class='paywall'>Gated paragraph {i} says how the council will pay for the road.</p>"
        for i in range(4)
    )
    text = "\n".join(extract_html(_page(body=BODY + gated)).paragraphs)
    assert "Gated paragraph 0" in text and "Gated paragraph 3" in text


def test_what_the_page_hides_from_readers_is_not_text() -> None:
    hidden = (
        "<ul class='hidden'><li>Politics &amp; Government</li><li>Arts &amp; Entertainment</li></ul>"
        "<p style='display: none'>Loading the next story</p>"
        "<span class='sr-only'>Opens in a new window</span>"
    )
    rest = "".join(  # the story's end, folded away until the reader asks for it
        f"<p>Folded paragraph {i} of the story says when the work on the new road will start.</p>"
        for i in range(4)
    )
    folded = f"<div class='rest-of-story hidden'>{rest}</div>"
    text = "\n".join(extract_html(_page(body=BODY + hidden + folded)).paragraphs)
    assert "Politics" not in text and "Loading the next" not in text and "new window" not in text
    assert "Paragraph 7 of the story" in text
    assert "Folded paragraph 3 of the story" in text


@pytest.mark.parametrize(
    ("markup", "hidden"),
    [
        # The body and the headline once disagreed: these hid a headline, not a paragraph.
        ("<p class='visuallyhidden'>{}</p>", True),
        ("<p class='offscreen'>{}</p>", True),
        ("<p class='visually-hidden'>{}</p>", True),
        ("<p aria-hidden='true'>{}</p>", True),
        ("<p hidden>{}</p>", True),
        ("<p style='visibility: hidden'>{}</p>", True),
        # A class is matched whole: a wrapper that clips its overflow hides nothing.
        ("<div class='u-overflow-hidden'><p>{}</p></div>", False),
        ("<p class='hidden-label-off'>{}</p>", False),
    ],
)
def test_the_body_and_the_headline_agree_on_what_is_hidden(markup: str, hidden: bool) -> None:
    note = "A note for screen readers about the council vote"
    page = _page(body=BODY + markup.format(note))
    assert (note in "\n".join(extract_html(page).paragraphs)) is not hidden
    headline = (
        markup.format("Council approves the road budget after a long debate")
        .replace("<p", "<h1")
        .replace("</p>", "</h1>")
    )
    shown = "<h1>Road works to start in the spring, the council says</h1>"
    titled = _page(body=headline + shown + BODY)
    expected = "Road works" if hidden else "Council approves"
    assert extract_html(titled).title.startswith(expected)


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<h1><i>Beasts</i>: A Place</h1>", "Beasts: A Place"),
        ("<h1>Storm warning<br>Coast braces</h1>", "Storm warning Coast braces"),
        ("<h1><span>Live</span><div>Storm hits coast</div></h1>", "Live Storm hits coast"),
        # Every block tag breaks a heading's line, as it breaks the body's blocks.
        ("<h1>Storm hits coast<header>Live</header></h1>", "Storm hits coast Live"),
    ],
)
def test_a_headings_words_stand_as_shown(markup: str, text: str) -> None:
    assert heading_text(lxml.html.fragment_fromstring(markup)) == text


def test_a_reviewers_credit_is_neither_text_nor_an_author() -> None:
    extraction = extract_html(_page(body="<p>Reviewed by Hansa D. Bhargava, MD</p>" + BODY))
    assert not any("Reviewed by" in p for p in extraction.paragraphs)
    assert "Hansa D. Bhargava" not in extraction.authors
    assert extraction.paragraphs[0].startswith("Paragraph 0 of the story")


def test_image_source_lines_are_credits() -> None:
    assert caption_credit("Image Source: Nicole Cohen") is not None
    assert caption_credit("Photograph: Stephanie Keith/Reuters") is not None
    assert caption_credit("The source of the leak was a burst main under the road.") is None


def test_a_chart_label_is_dropped_however_the_page_is_indented() -> None:
    pad = "\n" + " " * 120
    chart = (
        f"<div class='graphic'>{pad}<div style='top:4.4%;margin-top:-9px;left:0.08%;width:243px'>"
        f"{pad}<p>{pad}Yield on 10-year Treasury note{pad}</p>{pad}</div>{pad}</div>"
    )
    text = "\n".join(extract_html(_page(body=BODY[:400] + chart + BODY[400:])).paragraphs)
    assert "Yield on 10-year" not in text
    assert "Paragraph 7 of the story" in text


def test_an_intro_laid_out_in_its_own_row_above_the_body_is_kept() -> None:
    intro = (  # as investmentexecutive.com lays it out: the lead in a full-width row
        "<div class='row'><div class='col-md-12'>"
        "<p>The monetary fund cut its outlook for the world economy next year, citing threats "
        "that include labour shortages.</p>"
        "<p>The lending agency forecast that the global economy would grow by just 2.7% next "
        "year, down from its July estimate.</p></div></div>"
    )
    columns = (
        f"<div class='row equal'><div class='col-lg-7'>{BODY}</div>"
        "<div class='col-lg-5'><a href='/a'>Most read</a></div></div>"
    )
    section = f"<section class='article-body'>{intro}{columns}</section>"
    page = f"<html><body><article>{section}</article></body></html>"
    paragraphs = extract_html(page).paragraphs
    assert paragraphs[0].startswith("The monetary fund cut its outlook")
    assert paragraphs[1].startswith("The lending agency forecast")
    assert paragraphs[2].startswith("Paragraph 0 of the story")


def test_blocks_of_the_same_kind_as_the_body_before_and_after_it_are_the_story() -> None:
    def row(inner: str) -> str:
        return f"<section class='page-row'><div class='column'>{inner}</div></section>"

    lead = (
        "<div class='copy-block'><p>Tim Kaine is not the only opponent Mike Pence faces in "
        "Tuesday's debate between the running mates, insiders said.</p></div>"
    )
    ad = "<div class='ad-unit'>Advertisement</div>"
    story = f"<div class='copy-block'>{BODY}</div>"
    end = (
        "<div class='copy-block'><p>Pence, for his part, told reporters on Monday that he had "
        "prepared for the debate for weeks.</p></div>"
    )
    rows = "".join(row(inner) for inner in (lead, ad, story, ad, end))
    page = f"<html><body><main><div class='page'>{rows}</div></main></body></html>"
    paragraphs = extract_html(page).paragraphs
    assert paragraphs[0].startswith("Tim Kaine is not the only opponent")
    assert paragraphs[1].startswith("Paragraph 0 of the story")
    assert paragraphs[-1].startswith("Pence, for his part")


def test_blocks_of_the_same_kind_in_another_article_are_another_story() -> None:
    other = (
        "<article><div class='story-text'><p>An unrelated story about the harbour bridge "
        "begins here and runs on for several sentences in the next article.</p></div></article>"
    )
    page = (
        f"<html><body><main><article><div><div class='story-text'>{BODY}</div></div></article>"
        f"{other}</main></body></html>"
    )
    assert not any("harbour bridge" in p for p in extract_html(page).paragraphs)


def test_a_story_broken_over_blocks_keeps_its_standfirst_apart_and_its_authors_bio() -> None:
    dek = "Rock salt and freeze-thaw cycles make the city's old pipes burst every winter."
    author = '<meta name="author" content="Corey Kilgannon">'
    head = f'<meta name="description" content="{dek}">{author}'
    blocks = "".join(  # as The New York Times lays it out: two paragraphs a block, images between
        f"<div class='story-block'><p>Paragraph {2 * i} of the story tells readers what the "
        f"council decided on the budget for the new road.</p><p>Paragraph {2 * i + 1} of the "
        "story tells readers what the council decided on the budget for the new road.</p></div>"
        f"<figure><img src='{i}.jpg'></figure>"
        for i in range(5)
    )
    bio = (
        "<div class='bottom'><div><p>Corey Kilgannon is a Metro reporter covering news and human "
        "interest stories for the newspaper.</p></div></div>"
    )
    page = (
        f"<html><head>{head}</head><body><article><header><h1>Under the streets</h1><p>{dek}</p>"
        f"</header><section class='body'>{blocks}</section>{bio}</article></body></html>"
    )
    extraction = extract_html(page)
    assert extraction.standfirst == dek
    assert extraction.paragraphs[0].startswith("Paragraph 0 of the story")
    assert extraction.paragraphs[-1].startswith("Corey Kilgannon is a Metro reporter")


def test_a_slideshow_told_in_its_captions_keeps_them_as_text() -> None:
    slides = "".join(
        f"<figure><img src='{i}.jpg'><figcaption><p>Slide {i}: settling for the quickest buy is "
        "the first mistake, says the designer. Look for one-of-a-kind pieces on resale sites and "
        "mix them with what you have. A single good sofa will outlast three cheap ones, and it "
        "will still look right when you move to a bigger flat.</p></figcaption></figure>"
        for i in range(4)
    )
    intro = "<p>No generation is perfect, and millennials have a lot to learn about decorating.</p>"
    text = "\n".join(extract_html(_page(body=intro + slides)).paragraphs)
    assert "Slide 0: settling" in text and "Slide 3: settling" in text


def test_one_long_caption_is_still_a_credit() -> None:
    caption = (
        "<figure><img src='a.jpg'><figcaption>Workers repair a main in Queens. The city has "
        "6,800 miles of pipe. Many were laid before 1930. Photo: Chang W. Lee</figcaption></figure>"
    )
    extraction = extract_html(_page(body=BODY[:400] + caption + BODY[400:]))
    assert not any("Workers repair" in p for p in extraction.paragraphs)
    assert any("Workers repair" in c.text for c in extraction.credits)


CONSENT = (
    "<div id='onetrust-consent-sdk' class='cookie-banner'><p>We use cookies and similar technologies "
    "to personalise content and ads and to analyse our traffic. By clicking Accept all you agree to "
    "this.</p><button>Accept all</button><button>Manage preferences</button></div>"
)


def test_a_cookie_wall_is_named_as_the_reason_or_the_warning() -> None:
    teaser = "<p>The council approved the new road budget on Tuesday, officials said.</p>"
    warned = extract_html(_page(body=teaser, after=CONSENT))
    assert "cookie-wall" in warned.warnings and "low-text" in warned.warnings
    with pytest.raises(NotAnArticleError, match="cookie-consent wall"):
        extract_html(f"<html><head><title>Consent</title></head><body>{CONSENT}</body></html>")


def test_a_page_drawn_by_javascript_is_named_script_only() -> None:
    app = (
        "<html><head><title>Story</title><script>" + "var bundle = 1;" * 4000 + "</script></head>"
        "<body><div id='root'></div><noscript>You need to enable JavaScript to run this app."
        "</noscript></body></html>"
    )
    with pytest.raises(NotAnArticleError, match="drawn by JavaScript"):
        extract_html(app)
    shell = app.replace(
        "<div id='root'></div>",
        "<div id='root'><p>The council approved the new road budget on Tuesday, officials said.</p></div>",
    )
    assert "script-only" in extract_html(shell).warnings


def test_a_full_article_with_a_cookie_banner_and_scripts_has_no_wall_warning() -> None:
    scripts = "<script>" + "var tracking = 1;" * 2000 + "</script>"
    extraction = extract_html(_page(head=scripts, body=BODY, after=CONSENT))
    assert not {"cookie-wall", "script-only", "low-text"} & set(extraction.warnings)


@pytest.mark.parametrize(("stated", "cut_short"), [(900, True), (150, False)])
def test_a_body_far_shorter_than_the_stated_word_count_is_truncated(
    stated: int, cut_short: bool
) -> None:
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Road",
            "wordCount": stated,
        }
    )
    head = f'<script type="application/ld+json">{ld}</script>'
    assert ("truncated" in extract_html(_page(head=head)).warnings) is cut_short


def test_the_headline_the_reader_sees_wins_over_a_different_social_title() -> None:
    social = '<meta property="og:title" content="The Revenge of Roger’s Angels">'
    body = "<h1>How Fox News Women Took Down Roger Ailes</h1>" + BODY
    assert (
        extract_html(_page(head=social, body=body)).title
        == "How Fox News Women Took Down Roger Ailes"
    )
    ld = {
        "@type": "NewsArticle",
        "headline": "Apple’s Vision Pro hands-on: the Retina display moment",
    }
    variant = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = "<h1>Apple’s Vision Pro is the Retina display moment for headsets</h1>" + BODY
    assert extract_html(_page(head=variant, body=body)).title.startswith(
        "Apple’s Vision Pro hands-on"
    )


def _story(header: str, head: str = "", aside: str = "") -> str:
    """A page laid out as news sites do: a site header with the logo, the article with its
    own header (headline, byline) and body, then an aside of other stories."""
    return (
        f"<html><head>{head}</head><body>"
        "<header class='site-header'><h1><a href='/'>The Daily Courier</a></h1></header>"
        f"<main><article><header class='article-header'>{header}</header>{BODY}</article>"
        f"{aside}</main></body></html>"
    )


COURIER = "<meta property='og:site_name' content='The Daily Courier'>"


def test_the_shown_headline_wins_over_a_title_rewritten_for_sharing() -> None:
    social = (
        COURIER + "<meta property='og:title' content='An Ode to the Rosetta Spacecraft As It "
        "Plummets To Its Death'>"
    )
    shown = "<h1>An Ode to the Rosetta Spacecraft as It Flings Itself Into a Comet</h1>"
    assert (
        extract_html(_story(shown, social)).title
        == "An Ode to the Rosetta Spacecraft as It Flings Itself Into a Comet"
    )
    # outside the <article>, the headline is the visible h1 that a declared title agrees with
    search = (
        COURIER + "<meta property='og:title' content='It has been a rough few months for SpaceX'>"
        "<title>What's the Hold-Up at SpaceX? - The Daily Courier</title>"
    )
    page = (
        f"<html><head>{search}</head><body><div class='hero'><h1 class='hero-headline'>"
        f"What's the Hold-Up at SpaceX?</h1></div><article>{BODY}</article></body></html>"
    )
    assert extract_html(page).title == "What's the Hold-Up at SpaceX?"


def test_logos_hidden_copies_sticky_bars_and_captions_are_not_the_headline() -> None:
    social = COURIER + "<meta property='og:title' content='Trump’s Promises Were a Con'>"
    sticky = "<header class='roll-up'><h1 class='primary'>Trump’s Promises Were a Con</h1></header>"
    header = (
        "<h1 class='sr-only'>Trump’s Promises Were a Con</h1><h1 class='hed'>Broken Pledge</h1>"
    )
    page = _story(header, social).replace("<main>", sticky + "<main>")
    assert extract_html(page).title == "Broken Pledge"
    caption = "<h1 class='slideshow-headline'>" + "In this photo the rocket stands ready. " * 6
    page = _story("", "<title>Space ship breaks up over Siberia</title>").replace(
        "<article>", f"<div><h1>Space ship breaks up over Siberia</h1></div><article>{caption}</h1>"
    )
    assert extract_html(page).title == "Space ship breaks up over Siberia"


def test_a_page_whose_only_h1_is_its_logo_has_the_headline_in_the_articles_header() -> None:
    social = (
        COURIER + "<meta property='og:title' content='As Electors Vote, Hillary Is Embarrassed!'>"
    )
    header = "<h2>Hillary Clinton Gets More Faithless Electors Than Trump</h2>"
    assert (
        extract_html(_story(header, social)).title
        == "Hillary Clinton Gets More Faithless Electors Than Trump"
    )


def test_the_headline_marked_as_microdata_wins_over_an_alternative_one() -> None:
    header = (
        "<h1 itemprop='alternativeHeadline'>Millennial Decorating Mistakes</h1>"
        "<h2 itemprop='headline'><span>The 5 Biggest Decorating Mistakes Millennials Make"
        "</span></h2>"
    )
    head = COURIER + "<title>Millennial Decorating Mistakes | The Daily Courier</title>"
    assert (
        extract_html(_story(header, head)).title
        == "The 5 Biggest Decorating Mistakes Millennials Make"
    )
    # a headline's inline markup does not put spaces into it
    header = (
        "<h1 itemprop='headline'><span><i>Fantastic Beasts</i>: A Nice Place to Visit</span></h1>"
    )
    assert extract_html(_story(header)).title == "Fantastic Beasts: A Nice Place to Visit"


def test_a_declared_title_completes_the_headline_only_with_what_is_shown_beside_it() -> None:
    header = (
        "<div class='title-block'><span>Albums</span><h1><em>Lust for Youth</em></h1>"
        "<a href='/artists/lust-for-youth/'>Lust for Youth</a></div>"
    )
    head = "<meta property='og:title' content='Lust for Youth: Lust for Youth'>"
    assert extract_html(_story(header, head)).title == "Lust for Youth: Lust for Youth"
    header = (
        "<div><h1>Ahmad Khan Rahami Is Arrested in Manhattan and New Jersey Bombings</h1></div>"
    )
    head = (
        "<meta property='og:title' content='Ahmad Khan Rahami Is Arrested in Manhattan and New "
        "Jersey Bombings (Published 2016)'>"
    )
    assert (
        extract_html(_story(header, head)).title
        == "Ahmad Khan Rahami Is Arrested in Manhattan and New Jersey Bombings"
    )


def test_a_heading_that_only_starts_the_title_is_not_cut_out_of_it() -> None:
    raw = "Lust for Youth: Lust for Youth Album Review | Pitchfork"
    assert clean_title(raw, "Pitchfork", ["Lust for Youth"]) == (
        "Lust for Youth: Lust for Youth Album Review"
    )
    raw = "Council approves the road budget - Politics - The Town Gazette"
    assert clean_title(raw, None, ["Council approves the road budget"]) == (
        "Council approves the road budget"
    )


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        (  # the name in its own span, beside the outlet and the date
            "<div class='article_byline'><div>By <span>Joe Davidson</span></div><div>"
            "<div>Washington Post</div><time>Dec 13, 2016 at 3:45 pm</time></div></div>",
            ["Joe Davidson"],
        ),
        (  # a job title beside the name is not part of it
            "<div class='byline'><div class='author-card'><a href='/author/sam-stein'><span>"
            "Sam Stein</span></a><span class='author-card__microbio'>Senior Politics Editor, "
            "The Daily Courier</span></div></div>",
            ["Sam Stein"],
        ),
        (  # capitals and a trailing date, all in one line
            "<cite class='byline vcard'>By GILLIAN MOHNEY March 11, 2015 3:46 PM</cite>",
            ["Gillian Mohney"],
        ),
        (
            "<div class='author'>Written by <a href='https://janedoe.example/'>Michael Larabel"
            "</a> in <a href='/linux/Valve'>Valve</a> on 1 June 2019 at 08:34 PM EDT.</div>",
            ["Michael Larabel"],
        ),
        (  # the byline box's section link and share buttons are not names
            "<div class='authorInfo'><a href='/tech/'>Tech Industry</a> <ul><li>by <a "
            "class='author' href='/profiles/steven-musil/'>Steven Musil</a></li></ul>"
            "<button>Copy Link URL</button></div>",
            ["Steven Musil"],
        ),
        (  # co-authors in separate links, in an aside beside the headline
            "<aside><address><a rel='author' href='/profile/julia-carrie-wong'>Julia Carrie Wong"
            "</a> and <a rel='author' href='/profile/sam-levin'>Sam Levin</a></address></aside>",
            ["Julia Carrie Wong", "Sam Levin"],
        ),
        (  # "By" in a span of its own, and a link to the writer's page (made-up classes)
            "<div class='sc-1jc3'><span>By</span><div class='kiViVs'><a href='/author/"
            "shitehawk'>Chris Thompson</a></div></div>",
            ["Chris Thompson"],
        ),
        ("<div class='MiiXW'>By <span class='rlwyg'>Yomi Kazeem</span></div>", ["Yomi Kazeem"]),
        (  # camel-case class names
            "<div class='PostHeader__ScAuthorNameSection-j677h5-13'>Bethany Braun-Silva</div>",
            ["Bethany Braun-Silva"],
        ),
        ("<div class='cb-byline'><div class='cb-author'>Paul</div></div>", ["Paul"]),
        (  # a one-word desk is not someone's one name
            "<div class='byline-author'><a href='/author/tpi-editor/'>Editor</a></div>",
            [],
        ),
        (
            "<div class='byline'>Connie Wang</div><div class='byline other-contributors'>"
            "Photographed by Sharokh Mirzai; Modeled by Ariel Pierre-Louis</div>",
            ["Connie Wang"],
        ),
    ],
)
def test_bylines_under_the_headline_give_the_names_alone(byline: str, names: list[str]) -> None:
    header = "<h1>Council approves the budget for the new road</h1>" + byline
    assert list(extract_html(_story(header)).authors) == names


def test_bylines_of_other_stories_quotes_and_prompts_are_not_the_articles() -> None:
    related = (
        "<aside class='related'><span>On the same subject</span><ul><li><a href='/a'>"
        "<h2>Exodus under pressure</h2></a><span class='author'>By <span class='authorname'>"
        "Sebastien Farcis</span></span></li></ul></aside>"
    )
    quote = (
        "<div class='pull-quote'><blockquote>I totally agree with my wife.</blockquote>"
        "<div class='pull-quote__author'><span class='author'>Boris Kingma</span></div></div>"
    )
    teasers = (
        "<aside class='sidebar'><ul><li><span class='byline'>By Jane Roe</span></li></ul></aside>"
    )
    prompt = "<span class='policy'>By clicking Submit, you agree to the Privacy Policy</span>"
    header = "<h1>Council approves the budget for the new road</h1>" + related
    page = _story(header, aside=teasers + prompt).replace(BODY, BODY + quote)
    assert extract_html(page).authors == ()


def test_a_desk_credited_under_the_headline_means_no_author() -> None:
    header = (
        "<h1>Theatre Wing launches training scholarships</h1><span itemprop='author'>"
        "<a class='item-meta' href='/author/bww'>by BWW News Desk</a></span>"
    )
    further = "<p><a href='/people/Joanna-Sheehan-Bell/'>Joanna Sheehan Bell</a></p>"
    assert extract_html(_story(header).replace(BODY, BODY + further)).authors == ()


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        ("<meta name='author' content='AOL Staff'>", ()),
        (  # the site's own name, or a desk that carries it
            "<meta property='og:site_name' content='Apartment Therapy'>"
            "<meta name='author' content='Apartment Therapy Submissions'>",
            (),
        ),
        (
            "<meta property='og:site_name' content='Fox Nation'>"
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '{"@type": "Person", "name": "Fox Nation"}}</script>',
            (),
        ),
        ("<meta name='author' content='cindy mangomini'>", ("Cindy Mangomini",)),
        (  # a list of everyone on the shoot is the credits: the byline names the writer
            "<meta name='author' content='Connie Wang,Sharokh Mirzai,Ariel Pierre-Louis at MSA "
            "Models,Paul Warren for Amika'>",
            ("Connie Wang",),
        ),
    ],
)
def test_author_tags_name_people_only(head: str, authors: tuple[str, ...]) -> None:
    header = "<h1>Council approves the budget for the new road</h1>"
    if "Connie" in head:
        header += "<div class='byline main-contributors'><a href='/a'>Connie Wang</a></div>"
    assert extract_html(_story(header, head)).authors == authors


def test_every_name_in_microdata_is_an_author_and_the_agency_is_kept_apart() -> None:
    header = (
        "<h1>The worst is yet to come, chief economist says</h1>"
        "<div class='hidden' itemprop='author' itemscope itemtype='http://schema.org/Person'>"
        "<span itemprop='name'>Paul Wiseman</span>"
        "<span itemprop='name'>Fatima Hussein, The Associated Press</span></div>"
    )
    extraction = extract_html(_story(header))
    assert extraction.authors == ("Paul Wiseman", "Fatima Hussein")
    assert extraction.agencies == ("AP",)


def test_the_writers_page_address_names_the_author_as_a_last_resort() -> None:
    url = "https://www.engadget.com/2016/12/16/uber-self-driving/"
    head = "<meta name='article:author' content='https://www.engadget.com/editors/jon-fingas'>"
    header = "<h1>Uber's self-driving cars hit the road in San Francisco</h1>"
    assert extract_html(_story(header, head), url).authors == ("Jon Fingas",)
    elsewhere = "<meta name='article:author' content='https://www.facebook.com/laurenjgwriter'>"
    assert extract_html(_story(header, elsewhere), url).authors == ()


def test_an_author_tag_with_a_job_title_is_kept_over_a_byline_naming_someone_else() -> None:
    head = "<meta name='author' content='Jane Roe, Special to The Daily Courier'>"
    elsewhere = "<div class='story-byline'>By John Smith</div>"  # another story's, far down
    page = _story("<h1>Council approves the budget for the new road</h1>", head)
    assert extract_html(page.replace("</main>", elsewhere + "</main>")).authors == ("Jane Roe",)


def test_a_page_full_of_broken_links_is_still_read() -> None:
    from digest.reading import read_article

    body = "".join(
        f"<p>The council met on Monday for the {n} time and voted to build a bridge.</p>"
        for n in ("first", "second", "third", "fourth", "fifth", "sixth")
    )
    page = (
        '<html><head><title>Bridge</title><link rel="canonical" href="http://[bad/x">'
        '<meta property="og:url" content="https://[::1">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "url": "http://[y",'
        ' "author": {"name": "Ann Lee", "url": "http://[a"}}</script></head>'
        f'<body><article><h1>Bridge</h1>{body}<p>See <a href="http://[q/">the plans</a> for the'
        " bridge the council voted for on Monday.</p></article></body></html>"
    )
    article = read_article(page.encode(), url="https://example.org/news/2026/11/30/bridge")
    assert article.title == "Bridge" and article.authors == ("Ann Lee",)
    assert article.url == "https://example.org/news/2026/11/30/bridge"
    assert article.published == "2026-11-30"
    assert len(article.paragraphs) == 7


def test_each_reading_thread_parses_with_a_parser_of_its_own() -> None:
    # Pages are read in several threads at once; trees of one lxml parser share its string
    # dictionary, and two threads cleaning such trees at once crashed the process.
    import threading

    from digest.extract.html import _parser

    seen: list[object] = []
    thread = threading.Thread(target=lambda: seen.extend([_parser(), _parser()]))
    thread.start()
    thread.join()
    assert seen[0] is seen[1]  # one per thread, made once
    assert _parser() is _parser() and _parser() is not seen[0]
