"""Articles from pages copied as plain text (the seed, and made-up pages in other styles)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from digest.errors import NotAnArticleError
from digest.extract.lines import (
    COMMENTS,
    OTHER_STORIES,
    RELATED,
    ends_sentence,
    is_caption_label,
    is_teaser,
    size,
    slide_count,
    wire_credit,
)
from digest.extract.plain import extract_text, parse_date
from digest.models import Extraction
from digest.reading import read_article
from tests.conftest import ROOT, SEED_TEXT

BOILERPLATE = [
    "Skip to main content",
    "Advertising",
    "Daily newsletter",
    "France 24 app",
    "Share :",
    "Page not found",
    "does not exist",
]

STORIES = Path(__file__).resolve().parent / "fixtures" / "stories"


@pytest.fixture(scope="module")
def seed() -> Extraction:
    return extract_text(SEED_TEXT.read_text(encoding="utf-8"))


def test_seed_headline_section_and_standfirst(seed: Extraction) -> None:
    assert seed.title == "NATO defence chiefs meet as Russia ramps up Syria campaign"
    assert seed.section == "NATO"
    assert seed.standfirst.startswith("The defence ministers of NATO are scheduled")


def test_seed_attribution_from_the_closing_line(seed: Extraction) -> None:
    assert seed.publisher == "France 24"
    assert seed.agencies == ("AFP", "Reuters")
    assert seed.language == "en"


def test_seed_caption_goes_to_credits_not_text(seed: Extraction) -> None:
    text = "\n".join(seed.paragraphs)
    assert [c.text.split(" |")[0] for c in seed.credits] == ["Alexander Kots, AFP"]
    assert "Alexander Kots" not in text
    assert "Sukhoi fighter jets landing" not in text


def test_seed_body_has_no_boilerplate_and_every_paragraph(seed: Extraction) -> None:
    paragraphs = seed.paragraphs
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
    assert [c.text for c in article.credits] == [
        "Photo: Rescue workers wade through a flooded street in Faenza (Reuters)"
    ]


def test_a_results_table_is_read_whole_under_its_headline() -> None:
    # A scoreboard has no run of prose: read for one, it gave "6-0-26-0, Bevan 4-0-18-0."
    # as the headline and three stray rows.
    text = (STORIES / "sri-lanka-australia-scoreboard-reuters.txt").read_text(encoding="utf-8")
    article = extract_text(text)
    # In normal case, each word spelt as the scoreboard spells it.
    assert article.title == "Cricket - Australia v Sri Lanka scoreboard"
    assert article.published == "1996-08-30"
    assert article.dateline == "Colombo"
    assert "table" in article.warnings
    assert article.paragraphs[0] == "Scoreboard of the third Singer"
    assert "M. Waugh c and b Jayasuriya 50" in article.paragraphs
    assert article.paragraphs[-1] == "Next Series match: India v Zimbabwe, September 1."
    assert "COLOMBO 1996-08-30" not in article.paragraphs


def test_a_wire_dateline_is_not_the_headline_and_a_one_line_opening_stays() -> None:
    # "AL-RAM, West Bank" shares more words with the body than the headline does.
    text = (STORIES / "al-ram-prayers-reuters.txt").read_text(encoding="utf-8")
    article = extract_text(text)
    assert article.title == "Israel blocks Palestinian pilgrims' progress"
    assert article.published == "1996-08-30"
    # The one-line opening above the first long paragraph is the story's first paragraph.
    assert article.paragraphs[0] == "Kamil Jamil didn't have a prayer."


def test_figures_without_a_headline_are_no_table_article() -> None:
    rows = "".join(f"2026-01-{day:02d},{day}.5,{day + 1}.2\n" for day in range(1, 29))
    with pytest.raises(NotAnArticleError):
        extract_text("date,open,close\n" + rows)


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


# -- pages copied from a browser: the shape of a copy -------------------------------------
# A copy leaves a blank line around paragraphs and headings, while menu and list items
# follow one another line by line (see benchmarks/browser_text.py, and the seed).

FLOOD_PAGE = """\
Skip to main content
Menu
News
World
Business
Sport
Culture
Sign in

World

Floodwaters reach the historic centre of Florence as the Arno bursts its banks

By Giulia Bianchi
Published 12 November 2025

Image caption Volunteers carried books out of the national library on Tuesday
Advertisement

The river Arno burst its banks early on Tuesday after three days of heavy rain, sending brown water through the streets around the cathedral and forcing hundreds of residents to leave their homes before dawn.

Civil protection officials said the level of the river had risen by more than four metres in twelve hours, the fastest rise recorded since the devastating flood of 1966.

Related
Florence prepares for the worst as rain continues
Italy declares a state of emergency in Tuscany

Shopkeepers on the Ponte Vecchio spent the night moving stock to upper floors, and several said they had never seen the water so close to the arches of the bridge. The city's museums closed their ground-floor rooms, and staff at the Uffizi moved paintings from the basement stores to galleries on the second floor as a precaution.

The mayor listed the measures taken so far:
Schools closed in six districts
Trains to Pisa suspended until Thursday
Shelters opened in two sports halls

What happens next

Forecasters expect the rain to ease on Wednesday afternoon, but warned that the ground was saturated and that landslides were likely in the hills around the city.

(AFP)

Most read
Florence flood: the view from the Ponte Vecchio
Five things to know about the Arno
Why Venice keeps sinking

Comments (14)

Marco R.
I lived through the flood of 1966 as a child and I still remember the smell of the mud in the streets; it breaks my heart to see the water in the same places again after all these years of promises.

Reply

Anna P.
The city has known for decades that the embankments were too low, and every council since the eighties has promised to raise them without doing anything, so nobody should be surprised by what happened this week.

© 2025 Example Media. All rights reserved.
Privacy policy
"""


@pytest.fixture(scope="module")
def flood() -> Extraction:
    return extract_text(FLOOD_PAGE)


def test_copied_page_headline_byline_and_closing_credit(flood: Extraction) -> None:
    assert (
        flood.title
        == "Floodwaters reach the historic centre of Florence as the Arno bursts its banks"
    )
    assert flood.section == "World"
    assert flood.authors == ("Giulia Bianchi",)
    assert flood.published == "2025-11-12"
    assert flood.agencies == ("AFP",)
    assert [c.text for c in flood.credits] == [
        "Image caption Volunteers carried books out of the national library on Tuesday"
    ]


def test_copied_page_body_crosses_a_related_box_keeps_lists_and_stops_at_the_end(
    flood: object,
) -> None:
    paragraphs = flood.paragraphs
    assert [p[:30] for p in paragraphs] == [
        "The river Arno burst its banks",
        "Civil protection officials sai",
        "Shopkeepers on the Ponte Vecch",
        "The mayor listed the measures ",
        "Schools closed in six district",
        "Trains to Pisa suspended until",
        "Shelters opened in two sports ",
        "What happens next",
        "Forecasters expect the rain to",
    ]
    text = "\n".join(paragraphs)
    for junk in (
        "Italy declares",
        "Most read",
        "Why Venice",
        "smell of the mud",
        "embankments",
        "Example Media",
    ):
        assert junk not in text, junk


# An article followed by a ticker of other stories: each summary is a sentence or two
# between its title and its source line, and together they hold more words than the story.
TICKER_PAGE = """\
Home
Politics
Economy

Parliament approves the new budget after a night of talks

The lower house approved the budget for next year by 312 votes to 254 early on Friday, after a session that lasted more than fourteen hours and ended with a vote of confidence.

The finance minister said the plan would cut the deficit to 3 percent of output by the end of next year, mainly through a freeze on public sector hiring and higher taxes on tobacco.

Opposition parties walked out before the final vote, saying the government had refused to discuss any of their amendments on pensions and regional spending.

Live updates

14:52 Storm warning for the northern coast
Weather services warned of gusts of up to 120 kilometres an hour along the northern coast on Saturday night, and asked ferry companies to keep their boats in port until Sunday morning.
National weather service
14:31 Train drivers call a strike for Monday
The drivers' union said its members would stop work for twenty-four hours from Monday morning after talks over pay and rosters broke down for the third time this month.
Transport desk
14:10 Museum reopens after two years of works
The national museum of natural history reopens on Saturday after two years of renovation that cost the city more than forty million euros and doubled the space for its collections.
Culture desk
13:48 Police close the ring road after an accident
Police closed the eastern section of the ring road for most of the afternoon after a lorry carrying building materials overturned near the airport exit and spilled its load.
City desk
"""


def test_a_ticker_of_other_stories_is_not_the_article() -> None:
    article = extract_text(TICKER_PAGE)
    assert article.title == "Parliament approves the new budget after a night of talks"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[-1].startswith("Opposition parties walked out")
    assert "Storm warning" not in "\n".join(article.paragraphs)


COMMENTED_PAGE = """\
Opinion

Why our town needs a second bridge

The old bridge was built for horses and carts, and every morning it now carries more than twenty thousand cars, lorries and buses into the centre of town.

Engineers warned the council three years ago that the structure would need major repairs within a decade, yet the plan for a second crossing has not moved since.

A new bridge downstream would take the heavy traffic away from the historic centre and give the old one the rest it needs before it is too late.

There are 4 comments

Peter Hall · 3 March 2025 at 09:12
I have lived here for forty years and the traffic on the old bridge has never been as bad as it is now, with queues every morning that reach the station and block the buses for half an hour or more.
Reply
Sue Miller · 3 March 2025 at 10:40
A second bridge would only bring more cars into the town, and the money would be better spent on buses, cycle lanes and a proper park and ride at the edge of town, as other towns of our size have done.
Reply
Tom Reed · 3 March 2025 at 11:05
The council has known about the state of the bridge for years and has done nothing, and now it wants us to believe that a consultation will fix the problem before the repairs become urgent and the bridge has to close.
Reply
Jane Fox · 3 March 2025 at 12:30
Whatever is decided, the works will take years, and in the meantime the people who live along the river will have to put up with the noise and the dust of the building site every single day.
"""


def test_comments_under_a_whole_article_are_never_the_article() -> None:
    article = extract_text(COMMENTED_PAGE)
    assert article.title == "Why our town needs a second bridge"
    assert [p[:20] for p in article.paragraphs] == [
        "The old bridge was b",
        "Engineers warned the",
        "A new bridge downstr",
    ]


GALLERY_PAGE = """\
Business

Airline profits soar as summer bookings break records

Europe's biggest airlines reported record profits for the summer on Thursday, as demand for holidays abroad outstripped the number of seats they could offer.

The three largest carriers said bookings for the autumn were also running ahead of last year, despite higher fares and a string of strikes at airports in France and Spain.

Analysts said the shortage of new aircraft would keep fares high until at least 2027, because manufacturers are struggling to deliver planes on time.

Business news in pictures
1/4 Car sales rise again
Sales of new cars in Europe rose for the ninth month in a row in August, led by electric models, which now account for one in five cars sold in the region.
Getty Images
2/4 Chip maker cuts jobs
The chip maker said it would cut two thousand jobs worldwide after a fall in demand for memory chips used in phones and personal computers hit its results.
Reuters
3/4 Bank fined over old accounts
Regulators fined the bank forty million pounds for failing to contact customers about dormant accounts that had been left untouched for more than fifteen years.
PA
4/4 Brewer opens new plant
The brewer opened a new plant in the north of the country that will produce two hundred million litres of beer a year and employ four hundred people.
Getty Images
"""


def test_the_slides_of_a_gallery_are_not_the_article() -> None:
    article = extract_text(GALLERY_PAGE)
    assert len(article.paragraphs) == 3
    assert "Car sales rise" not in "\n".join(article.paragraphs)


def test_a_wire_name_alone_closes_the_article_under_its_last_paragraph() -> None:
    page = """\
Tokyo

Japan's central bank raises rates for the first time in a generation

The Bank of Japan raised its main interest rate on Tuesday for the first time in seventeen years, ending a policy of negative rates that had lasted since 2016.

Governor Kazuo Ueda said the bank would keep buying government bonds for now, and that further increases would depend on whether wages kept rising in the spring.
Reuters
Markets had expected the move after the largest trade unions won pay rises of more than five percent, the highest in three decades.
Reuters
Sign up for our morning newsletter to get the news in your inbox
Follow us
Tokyo stocks close higher as the yen weakens after the decision of the central bank on rates.
"""
    article = extract_text(page)
    assert article.agencies == ("Reuters",)
    assert [p[:20] for p in article.paragraphs] == [
        "The Bank of Japan ra",
        "Governor Kazuo Ueda ",
        "Markets had expected",
    ]
    assert [c.text for c in article.credits] == ["Reuters"]  # the photo credit in the body


def test_a_hard_wrapped_dump_is_unwrapped_and_a_copy_is_not() -> None:
    dump = """\
Rail strike halts trains across the country

Train drivers walked out on Monday in a dispute over pay, halting almost all
services across the country and leaving commuters to find other ways to get
to work during the busiest morning of the week.

The union said the strike would last forty-eight hours and that further
action was planned for next month unless the operators made a better offer
on pay and on the working hours of drivers on night services.
"""
    article = extract_text(dump)
    assert article.paragraphs == (
        "Train drivers walked out on Monday in a dispute over pay, halting almost all services "
        "across the country and leaving commuters to find other ways to get to work during the "
        "busiest morning of the week.",
        "The union said the strike would last forty-eight hours and that further action was "
        "planned for next month unless the operators made a better offer on pay and on the "
        "working hours of drivers on night services.",
    )
    copied = FLOOD_PAGE.replace(
        "Related\nFlorence prepares",
        "Related\nFlorence prepares for the worst as the rain continues over the whole of Tuscany",
    )
    # List items follow one another line by line in a copy: none is joined to the next.
    assert "Schools closed in six districts" in extract_text(copied).paragraphs


def test_a_copied_chinese_page() -> None:
    page = """\
首页|新闻|财经|体育|科技
科技 > 要闻 > 正文
人工智能公司发布新款翻译模型 支持五十种语言

2025年3月10日 09:58 来源：本站

这家位于北京的人工智能公司周一发布了新款翻译模型，公司表示该模型支持五十种语言之间的互译，准确率比上一代提高了百分之二十。

公司负责人在发布会上说，新模型主要面向企业用户，今年晚些时候将向个人用户开放，价格将低于市场上的同类产品。

分析人士认为，随着模型成本下降，机器翻译将在教育和旅游等领域得到更广泛的应用，但专业翻译仍然难以被完全取代。

相关阅读
推荐阅读
"""
    article = extract_text(page)
    assert article.title == "人工智能公司发布新款翻译模型 支持五十种语言"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("这家位于北京")
    assert article.language == "zh"


def test_headline_is_not_the_standfirst_nor_a_label() -> None:
    page = """\
U.S.
Lupita Nyong'o
Senate passes a bill to ban stock trading by members of the U.S.
A bill passed by the Senate on Wednesday would ban members of Congress and their spouses from trading shares while in office
By Dana Reyes
The Senate voted 78 to 21 on Wednesday to ban members of Congress and their spouses from buying and selling individual shares while they hold office.

Supporters said the ban would restore trust in Congress after a series of reports showed members trading shares in companies affected by laws they were writing.

The bill now goes to the House, where the speaker has said he will bring it to a vote before the summer recess.
"""
    article = extract_text(page)
    assert article.title == "Senate passes a bill to ban stock trading by members of the U.S."
    assert article.authors == ("Dana Reyes",)


def test_teasers_and_site_lists_inside_an_article() -> None:
    long_paragraph = (
        "The mission team said the probe would keep sending data until the last moment, and that the "
        "measurements of the comet's dust and gas taken during the final descent would be studied "
        "for years by scientists across Europe and beyond, long after the last signal reaches Earth."
    )
    page = f"""\
Science

The comet probe ends its mission with a final descent

The probe will end its twelve-year mission on Friday by descending slowly onto the comet it has followed since 2014, taking pictures all the way down.

Engineers chose a landing site near a field of pits, hoping to capture images of the comet's interior as the probe approaches.

Most Popular
A glimpse of the future of electric bikes
Jason Parr
Why the price of coffee keeps rising
Ann Lee

{long_paragraph}

Flight controllers will lose contact with the probe once it touches the surface, and the mission will be declared over.

Around the Web
You won't believe what this actor looks like now…
Doctors stunned: this simple trick melts fat overnight. Read more »
Sponsored content from our partners, selected by an automated system on the basis of your interests and your browsing history on this site.
"""
    article = extract_text(page)
    text = "\n".join(article.paragraphs)
    assert long_paragraph in text  # the site's list dropped into the article is crossed
    assert article.paragraphs[-1].startswith("Flight controllers")
    assert "Doctors stunned" not in text and "Sponsored content" not in text


# -- single lines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "related", "other_stories", "comments"),
    [
        ("Related", True, False, False),
        ("More on this story", True, False, False),
        ("Sur le même sujet", True, False, False),
        ("Mehr zum Thema Mac OS X", True, False, False),
        ("Most read", False, True, False),
        ("Recommended for you", False, True, False),
        ("Around the Web", False, True, False),
        ("Stories chosen for you", False, True, False),
        ("There are 13 comments", False, False, True),
        ("[ 234 comments ]", False, False, True),
        ("Top Rated Comments", False, False, True),
        ("View comments941", False, False, True),
        ("READ COMMENTS - JOIN THE DISCUSSION", False, False, True),
        ("Kommentare lesen (1 Beitrag)", False, False, True),
        ("Related research suggests the drug works in older patients too.", False, False, False),
        ("Comments from the minister drew criticism on Tuesday.", False, False, False),
    ],
)
def test_headers_of_related_stories_lists_and_comments(
    line: str, related: bool, other_stories: bool, comments: bool
) -> None:
    assert bool(RELATED.match(line)) is related
    assert bool(OTHER_STORIES.match(line)) is other_stories
    assert bool(COMMENTS.match(line)) is comments


def test_line_tests_for_copied_text() -> None:
    assert size("Policisté budou kontrolovat opatření") == 4
    assert size("人工智能公司发布新款翻译模型") == 7  # 14 characters, half a word each
    assert ends_sentence("1Password kostet knapp 50 Euro im Mac App Store. (bsc)")
    assert ends_sentence("In a wide-ranging interview, President Obama also said:")
    assert not ends_sentence("Floodwaters reach the historic centre of Florence")
    assert is_teaser("Monday on MSNBC's “All In,” discussing the march, feminist and…")
    assert is_teaser("12 Fragen rund um das Unternehmen und seine Produkte. Mehr…")
    assert not is_teaser("He said the talks would go on... and they did.")
    assert is_caption_label(
        "Media caption Mr Obama told the BBC that gun control was his biggest frustration"
    )
    assert slide_count("3/50 Natalie Massenet Leaves Net-a-Porter") == 50
    assert slide_count("Photo 2 of 12") == 12
    assert slide_count("24/7 coverage of the election") is None
    assert slide_count("3/9(木) 18:45配信") is None
    assert wire_credit("AFP/Reuters") == ["AFP", "Reuters"]
    assert wire_credit("Reuters") == ["Reuters"]
    assert wire_credit("Reuters reported the deal on Monday") == []


# -- the benchmark's browser rendering ------------------------------------------------------


def _browser_text() -> Callable[[str], str]:
    spec = importlib.util.spec_from_file_location(
        "browser_text", ROOT / "benchmarks" / "browser_text.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.browser_text  # type: ignore[no-any-return]  # a module loaded by path


def test_benchmark_renders_pages_as_a_browser_copies_them() -> None:
    html = """<?xml version="1.0" encoding="UTF-8"?>
<html><head><title>Not copied</title><style>p { color: red }</style></head><body>
<div><a href="#main">Skip to main content</a>
  <ul><li>News</li><li>Sport</li></ul></div>
<script>var hidden = 1;</script><noscript>Enable JavaScript</noscript>
<nav aria-hidden="true"><a>Closed menu</a></nav>
<h1>Floods   reach
  Florence</h1>
<p>First <b>paragraph</b>,<br>second line.</p>
<figure><img alt="Alt text is not copied"><figcaption>A caption | AFP</figcaption></figure>
<div hidden>Hidden by attribute</div><div style="display: none">Hidden by style</div>
<details><summary>Show more</summary>Closed details body</details>
<table><tr><th>City</th><th>Rain</th></tr><tr><td>Florence</td><td>120 mm</td></tr></table>
<p>Last&nbsp;paragraph.</p><button>Share</button>
<video>Your browser does not support video</video>
</body></html>"""
    assert _browser_text()(html) == (
        "Skip to main content\nNews\nSport\n\n"
        "Floods reach Florence\n\n"
        "First paragraph,\nsecond line.\n\n"
        "A caption | AFP\n"
        "Show more\n"
        "City\tRain\nFlorence\t120 mm\n\n"
        "Last paragraph.\n\n"
        "Share\n"
    )


def test_middle_initials_are_not_read_as_a_foreign_and() -> None:
    from digest.text.bylines import split_names

    assert split_names("By Laura E. Adkins and Mary Y. Chen")[0] == [
        "Laura E. Adkins",
        "Mary Y. Chen",
    ]
    assert split_names("Por Juan Pérez y María López")[0] == ["Juan Pérez", "María López"]


# -- wire copy pasted as text: one sentence a paragraph (CoNLL-2003's Reuters stories) -----

WIRE = Path(__file__).resolve().parent / "fixtures" / "wire"


@pytest.mark.parametrize(
    ("name", "title", "published", "place", "last"),
    [
        (
            "bulgaria-bus-crash-reuters",
            "One Romanian dies in bus crash in Bulgaria",
            "1996-08-22",
            "Sofia",
            "The accident was being investigated, police added.",
        ),
        (
            "guinea-prayer-reuters",
            "Guinea calls two days of prayer",
            "1996-08-22",
            "Conakry",
            "He won elections in 1993.",
        ),
        (
            "peru-guerrillas-reuters",
            "Peru's guerrillas kill one, take 8 hostage in jungle",
            "1996-08-21",
            "Lima",
            "Peru's guerrilla conflicts have cost at least 30,000 lives and $25 billion in damage to infrastructure since 1980.",
        ),
        (
            "bistrita-valletta-results-reuters",
            "Soccer - Gloria Bistrita beat 2-1 F.C. Valletta",
            "1996-08-22",
            "Bistrita",
            "Gloria Bistrita won 4-2 on aggregate and qualified for the first round of the Cup winners Cup.",
        ),
        (
            "thailand-jail-breaker-reuters",
            "Thais hunt for Australian jail breaker",
            None,
            "Bangkok",
            "There also are about 5,000 Thai inmates in Klongprem, a prison official said.",
        ),
    ],
)
def test_wire_copy_keeps_its_headline_dateline_and_last_paragraphs(
    name: str, title: str, published: str | None, place: str, last: str
) -> None:
    text = (WIRE / f"{name}.txt").read_text(encoding="utf-8")
    article = read_article(text)
    # The headline (ending with a full stop, or in capitals) is the title, in normal case.
    assert article.title == title
    # The dateline is read, not kept: its date is the publication date, its place a place.
    assert article.published == published
    assert place in [p.name for p in article.facts.places]
    assert not any(p.isupper() for p in article.paragraphs)
    # Short last sentences are the story; the newsroom's contact line is not.
    assert article.paragraphs[-1] == last
    assert not any("Newsroom" in p for p in article.paragraphs)
    lines = [line for line in text.splitlines()[1:] if line.strip()]
    story = [line for line in lines if line in article.paragraphs]
    assert len(story) >= len(lines) - 2  # all but the dateline and the contact line


def test_a_results_story_keeps_its_rows_with_a_table_warning() -> None:
    article = read_article((WIRE / "bistrita-valletta-results-reuters.txt").read_text())
    assert "table" in article.warnings
    assert article.paragraphs[1:5] == (
        "Scorers:",
        "Gloria Bistrita - Ilie Lazar (32nd), Eugen Voica (84th)",
        "F.C. La Valletta - Gilbert Agius (24th)",
        "Attendance: 8,000",
    )
    assert article.agencies == ("Reuters",)  # "REUTER" under the story closes it


def test_results_without_prose_are_a_table_not_a_refusal() -> None:
    # Seeds in a draw ("9/16 - Luo Yigang ...") are no gallery's slide counters.
    article = read_article((WIRE / "malaysian-open-badminton-results-reuters.txt").read_text())
    assert article.title == "Badminton - Malaysian open results"
    assert "table" in article.warnings
    assert "9/16 - Luo Yigang (China) beat Hwang Sun-ho (South Korea) 15-3" in article.paragraphs
    assert article.paragraphs[-1] == "2 - Zhang Ning (China) beat Olivia (Indonesia) 11-8 11-6"


def test_a_sentence_opening_with_by_is_no_byline() -> None:
    article = read_article((WIRE / "peru-guerrillas-reuters.txt").read_text())
    assert article.authors == ()
    assert any(p.startswith("By Wednesday, the whereabouts") for p in article.paragraphs)


@pytest.mark.parametrize(
    ("headline", "body", "title"),
    [
        # Each word as the story spells it; words it does not hold in small letters.
        (
            "EU REJECTS GERMAN CALL TO BOYCOTT BRITISH LAMB.",
            "The European Commission said on Thursday it disagreed with German advice to consumers to shun British lamb until scientists determine whether mad cow disease can be transmitted to sheep.",
            "EU rejects German call to boycott British lamb",
        ),
        (
            "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.",
            "Japan began the defence of their Asian Cup title with a lucky 2-1 win against Syria in a Group C championship match on Friday, while China lost 2-0 to Uzbekistan.",
            "Soccer - Japan get lucky win, China in surprise defeat",
        ),
        # A headline in normal case keeps its own spelling.
        (
            "Guinea calls two days of prayer.",
            "The West African state of Guinea declared Thursday and Friday days of national prayer.",
            "Guinea calls two days of prayer",
        ),
    ],
)
def test_a_wire_headline_is_given_in_normal_case(headline: str, body: str, title: str) -> None:
    text = f"{headline}\n\nLONDON 1996-08-22\n\n{body}\n\nThe decision was taken on Thursday, officials said in a statement issued in the capital.\n"
    assert extract_text(text).title == title


def test_a_dateline_crediting_an_agency_opens_the_story() -> None:
    text = (
        "France and Germany agree on a new budget rule\n\n"
        "PARIS (Reuters) - France and Germany agreed on Friday on a new rule for the budgets of "
        "the euro zone's members, officials from both governments said.\n\n"
        "The rule would cap deficits at 3 percent of output and give countries four years to "
        "bring their debt below 60 percent, the officials said.\n"
    )
    article = read_article(text)
    assert article.title == "France and Germany agree on a new budget rule"
    assert article.agencies == ("Reuters",)
    assert article.paragraphs[0].startswith("PARIS (Reuters) - France and Germany agreed")
    assert "Paris" in [p.name for p in article.facts.places]


def test_a_short_last_sentence_of_a_copied_page_is_kept() -> None:
    page = STYLED_PAGE.replace(
        "new landslides were likely.\n",
        "new landslides were likely.\nThe region was last flooded in 2014.\n",
    )
    article = extract_text(page)
    assert article.paragraphs[-1] == "The region was last flooded in 2014."
    assert "Terms of use" not in article.paragraphs
