"""The boilerplate classifier: every class removes its lines, news stays, and a line it
removes reaches neither facts nor the summary.

The lines marked "page" are copied from real pages (the development corpus); the classes no
page there shows (save prompts, QR promos, standards lines, funding statements, radio
sign-offs) have lines written by hand in the form the issue quotes them.
"""

from __future__ import annotations

import pytest

from digest.extract.boilerplate import CLASSES, TAIL, classify, clean, find, rules
from digest.models import Credit, Extraction
from digest.reading import read_article

REMOVED = [
    # save prompts (hand-written)
    ("save", "Story Saved"),
    ("save", "You can find this story in My Bookmarks."),
    ("save", "To revist this article, visit My Profile, then View saved stories."),  # page
    # newsletter, app, QR, subscription promos
    ("promo", "Get Data Sheet, Fortune’s technology newsletter"),  # page
    ("promo", "Want more updates from Sam? Sign up for his newsletter, Spam Stein."),  # page
    (
        "promo",
        "Stop the censors, sign up to get today's top stories delivered right to your inbox",
    ),  # page
    (
        "promo",
        "For access to all our exclusive celebrity videos and interviews – Subscribe on YouTube!",
    ),  # page
    ("promo", "Click this link or scan the QR code to receive breaking news"),  # hand-written
    ("promo", "Download the Example News app on the App Store"),  # hand-written
    # "Read more" / "More:" / related teasers, widgets
    ("teaser", "Related: Chicago O'Hare airport workers plan strike November 29"),  # page
    (
        "teaser",
        "SEE ALSO: This clever pilot used flight radar to spell out a friendly message",
    ),  # page
    ("teaser", "More: Huawei's next flagship to launch at MWC 2017"),  # page
    ("teaser", "MORE : Trump signs the order"),  # hand-written, as the issue quotes it
    ("teaser", "READ MORE"),  # hand-written, as the issue quotes it
    (
        "teaser",
        "Lire aussi : Les critiques de la CNIL contre le projet de loi sur le renseignement",
    ),  # page
    ("teaser", "Read more from Jennifer Rubin:"),  # page
    ("teaser", "More Alabama news"),  # page
    ("teaser", "See photos from this story:"),  # page
    ("teaser", "Slideshow ( 3 images )"),  # page
    ("teaser", "Advertisement - story continues below"),  # page
    ("teaser", "Read the rest of the story here."),  # page (PolNeAR)
    (
        "teaser",
        "Fox News Flash top headlines are here. Check out what's clicking on Foxnews.com.",
    ),  # issue
    # trust principles and standards lines
    ("standards", "Our Standards: The Thomson Reuters Trust Principles."),  # issue
    ("standards", "CBC's Journalistic Standards and Practices|About CBC News"),  # page
    # contributors' notes and credit lines (anywhere)
    ("bio", "Heba Habib contributed to this report."),  # page
    ("bio", "-- CNN's Bill Kirkos contributed to this report."),  # page
    ("bio", "Additional reporting by Colin Daileda."),  # page
    ("bio", "--additional reporting from Darren Samuelsohn."),  # page (PolNeAR)
    ("bio", "@Fred_945."),  # page (PolNeAR): the handle under a quoted post
    # funding and disclosure statements
    (
        "disclosure",
        "Jane Roe has received funding from the Economic and Social Research Council.",
    ),  # hand-written
    (
        "disclosure",
        "Note to readers: if you purchase something through one of our affiliate links we may earn a commission.",
    ),  # page
    ("disclosure", "Sponsored by State Farm"),  # page
    (
        "disclosure",
        "But we only get commission on items you buy and don’t return, so we’re only happy if you’re happy.",
    ),  # page
    # "Updated:" stamps and editors' notes
    ("updated", "Updated: 9.45pm"),  # issue
    ("updated", "Updated on September 19 at 3:15 p.m."),  # page
    ("updated", "CNNMoney (New York) First published February 1, 2016: 1:28 AM ET"),  # page
    (
        "updated",
        "*This sentence has been updated to reflect Shine’s presence at the meeting, a detail that was confirmed after publication.",
    ),  # page
    # copyright and syndication lines
    ("copyright", "(c) Reuters Limited 1996"),  # hand-written, wire form
    ("copyright", "This article originally appeared on Time.com."),  # page
    (
        "copyright",
        "A version of this article appears in print on January 13, 2017, on Page A7 of the New York edition with the headline: Sanctions on Sudan.",
    ),  # page
    # radio and TV sign-offs (hand-written)
    ("signoff", "Max Lee, KBS World Radio News."),  # issue
    ("signoff", "This is Jane Roe, reporting from Kabul."),
    # captions and credits
    ("caption", "Photograph by Tyrone Turner, National Geographic Creative"),  # page
    ("caption", "Credit...Mel Evans/Associated Press"),  # page
    ("caption", "[Photo: RADsan/iStock]"),  # page
    (
        "caption",
        "Taylor Kinney and Lady Gaga arrive at the 37th Annual Kennedy Center Honors at the John F. Kennedy Center for the Performing Arts on Dec. 7, 2014, in Washington, D.C. Paul Morigi/WireImage",
    ),  # page
    ("caption", "(Mike Cason/mcason@al.com)"),  # page
    ("caption", "skimming scheme seized cash and cards.jpg"),  # page
    ("caption", "Source: Box Office Mojo"),  # page
]

REMOVED_AT_THE_END = [
    # author bios, social handles, newsroom contact lines: boilerplate only below the story
    (
        "bio",
        "Corey Kilgannon is a Metro reporter covering news and human interest stories.",
    ),  # page
    (
        "bio",
        "Alyssa Newcomb is an NBC News contributor who writes about business and technology.",
    ),  # page
    ("bio", "Twitter: @howardblume"),  # page
    ("bio", "Follow Ian Hanchett on Twitter @IanHanchett."),  # page (PolNeAR)
    ("bio", "Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong."),  # page
    ("contact", "-- London Newsroom +44 171 542 7658"),  # page (CoNLL-2003)
    ("contact", "-- Chicago newsdesk, 312 408-8787"),  # page (CoNLL-2003)
    ("contact", "-- Karen Pierog, 312-408-8647"),  # page (CoNLL-2003)
]

KEPT = [
    # short last sentences of wire copy (CoNLL-2003)
    "He won elections in 1993.",
    '"He enjoys the give and take" with reporters, the spokesman added.',
    "The accident was being investigated, police added.",
    # news that names a newsletter, a photo, an update, a channel
    "The newsletter, which has 40,000 subscribers, said the fund would close in March after losses of $2 billion.",
    "Police said the photo was taken by a neighbour and posted on Facebook before it was removed.",
    "The company updated its forecast on Tuesday, saying sales would rise 4 percent this year.",
    "Related companies were also fined, the regulator said.",
    "More than 200 people were killed in the fighting, officials said.",
    "This is the first time the party has won a majority since 1993.",
    "Published in 1851, the novel sold poorly in its author's lifetime.",
    "Smith, ABC's chief executive, resigned on Friday.",
    "Real estate agents typically receive a commission of 6 percent, the survey found.",
    "Source: Trump ‘irritated’ by Conway attacks on Romney",  # a headline, not a credit
    "Read the statement in full, the minister told reporters on Friday.",
    "The editor's note at the top of the page was removed on Friday, the paper said.",
]

IN_THE_MIDDLE = [
    # a person's description, a contact: news when the story goes on below it (PolNeAR)
    "Jamal Simmons is a Democratic consultant and a CNN contributor who also worked in the Clinton White House.",
    "Follow him on Twitter, his aides said, and you will know what he thinks.",
]


def test_every_class_has_rules_and_test_lines() -> None:
    kinds = {rule.kind for rule in rules()}
    tested = {kind for kind, _ in REMOVED + REMOVED_AT_THE_END}
    assert kinds == tested == set(CLASSES)


def test_every_rule_gives_its_reason() -> None:
    for rule in rules():
        assert rule.reason and rule.max_words > 0, rule


@pytest.mark.parametrize(("kind", "line"), REMOVED)
def test_boilerplate_lines_are_found_anywhere(kind: str, line: str) -> None:
    rule = classify(line, tail=False)
    assert rule is not None and rule.kind == kind, line


@pytest.mark.parametrize(("kind", "line"), REMOVED_AT_THE_END)
def test_bios_and_contact_lines_are_found_at_the_end_only(kind: str, line: str) -> None:
    rule = classify(line, tail=True)
    assert rule is not None and rule.kind == kind, line
    assert classify(line, tail=False) is None


@pytest.mark.parametrize("line", KEPT)
def test_news_is_no_boilerplate(line: str) -> None:
    assert classify(line) is None


@pytest.mark.parametrize("line", [line for _, line in REMOVED + REMOVED_AT_THE_END] + KEPT)
def test_a_rules_cues_never_change_its_verdict(line: str) -> None:
    # Cues only spare the patterns a line cannot match (benchmarks/bench_boilerplate.py
    # --no-cues checks the same on the corpus).
    for tail in (False, True):
        assert classify(line, tail=tail) == classify(line, tail=tail, cues=False)


def test_every_rule_has_cues_in_small_letters() -> None:
    for rule in rules():
        assert rule.cues and all(cue == cue.lower() for cue in rule.cues), rule.reason


STORY = [
    "The central bank raised its main interest rate by half a point on Thursday, its first rise in seven years.",
    "The governor said inflation had stayed above the bank's target for too long and would be brought down.",
    "Economists had expected a smaller rise, and the currency gained 1 percent against the dollar.",
    "The bank's board will meet again in six weeks to review the decision.",
]


@pytest.mark.parametrize("line", IN_THE_MIDDLE)
def test_a_bio_like_line_in_the_middle_of_a_story_stays(line: str) -> None:
    paragraphs = [*STORY[:1], line, *STORY[1:]]
    assert find(paragraphs) == {}


def test_a_run_of_boilerplate_at_the_end_goes_however_long() -> None:
    tail = [
        "Jane Roe is a staff writer covering the economy.",
        "Follow her on Twitter at @janeroe.",
        "John Doe contributed to this report.",
        "This article has been updated to correct the rate.",
        "(c) 2024 Example News. All rights reserved.",
    ]
    assert len(tail) > TAIL
    found = find([*STORY, *tail])
    assert sorted(found) == list(range(len(STORY), len(STORY) + len(tail)))


def test_a_caption_between_an_image_file_and_its_credit_is_a_credit() -> None:
    paragraphs = [
        "skimming scheme seized cash and cards.jpg",
        "Cash and cards seized during the arrest of two identity theft suspects in Baldwin County on Wednesday.",
        "(Mike Cason/mcason@al.com)",
        *STORY,
    ]
    extraction = clean(Extraction(title="Rates rise", paragraphs=tuple(paragraphs)))
    assert extraction.paragraphs == tuple(STORY)
    assert Credit("caption", paragraphs[1]) in extraction.credits
    assert Credit("photo", paragraphs[2]) in extraction.credits
    assert (
        Credit("photo", "Photograph by Jane Roe, Example Agency")
        == clean(
            Extraction(
                title="Rates rise", paragraphs=(*STORY, "Photograph by Jane Roe, Example Agency")
            )
        ).credits[0]
    )


def test_text_between_two_credits_is_still_the_story() -> None:
    # A house tour: a paragraph between two photos' credits is the story, not a caption.
    paragraphs = [
        STORY[0],
        "(Image credit: Submitted by Ashley)",
        STORY[1],
        "(Image credit: Submitted by Ashley)",
        *STORY[2:],
    ]
    found = find(paragraphs)
    assert sorted(found) == [1, 3]


def test_a_boilerplate_standfirst_is_dropped() -> None:
    extraction = Extraction(
        title="Rates rise",
        paragraphs=tuple(STORY),
        standfirst="Updated on September 19 at 3:15 p.m.",
    )
    assert clean(extraction).standfirst is None


def test_a_removed_line_reaches_neither_facts_nor_the_summary() -> None:
    text = "\n\n".join(
        [
            "Central bank raises rates for the first time in seven years",
            *STORY,
            "Sign up for our free Markets newsletter, delivered straight to your inbox every morning by Jane Roe.",
            "Jonathan Quill is a senior economics correspondent for Example News based in Frankfurt.",
            "Updated: 9.45pm",
        ]
    )
    article = read_article(text, sentences=10)
    assert article.paragraphs == tuple(STORY)
    people = {person.name for person in article.facts.people}
    assert not people & {"Jonathan Quill", "Jane Roe"}
    assert all("newsletter" not in s.text and "Quill" not in s.text for s in article.summary)
