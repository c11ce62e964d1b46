"""The second opinion on a body (issue 15 item 1): what trafilatura alone keeps joins digest's
paragraphs only where the story stands around it, and its body replaces a body digest did
not find."""

from __future__ import annotations

import pytest

from digest.extract.second import fallback, merge, short

STORY = [
    "The council approved the new budget on Tuesday after a debate of more than three hours.",
    "Spending on schools rises by four percent, and road repairs get most of the rest of it.",
    "The mayor said the plan reflected what residents had asked for at public meetings.",
    "Opponents said the city would have to borrow if tax receipts fell short of forecasts.",
    "The budget takes effect in January once the regional authority has signed it off.",
]
MISSED = "In a box of its own, the verdict: the plan is sound but leaves the harbour district out."


def _keep_all(text: str) -> bool:
    return True


@pytest.mark.parametrize(
    ("theirs", "merged"),
    [
        # A paragraph between two the bodies share goes in where it stands.
        (STORY[:2] + [MISSED] + STORY[2:], STORY[:2] + [MISSED] + STORY[2:]),
        # Before the first shared paragraph or after the last, it is not the story's.
        ([MISSED, *STORY], STORY),
        ([*STORY, MISSED], STORY),
        # A short label, a widget's time stamp, a repeated widget line, an embedded post: never.
        (STORY[:2] + ["Watch the video"] + STORY[2:], STORY),
        (STORY[:2] + ["Sept. 2, 201602:06"] + STORY[2:], STORY),
        (
            STORY[:2]
            + ["Tweet may have been deleted"]
            + STORY[2:3]
            + ["Tweet may have been deleted"]
            + STORY[3:],
            STORY,
        ),
        (
            STORY[:2]
            + [
                "We were never told about any of this, not once.",
                "— Jane Roe (@janeroe) May 3, 2021",
            ]
            + STORY[2:],
            STORY,
        ),
        # A run as long as half the story is a gallery or a list of other stories.
        (
            STORY[:1] + [MISSED.replace("verdict", f"slide {i}") for i in range(8)] + STORY[1:],
            STORY,
        ),
    ],
    ids=[
        "between",
        "before",
        "after",
        "label",
        "time-stamp",
        "repeated",
        "embedded-post",
        "gallery",
    ],
)
def test_what_only_the_second_extractor_keeps_joins_only_between_the_story(
    theirs: list[str], merged: list[str]
) -> None:
    assert merge(STORY, theirs, _keep_all) == merged


def test_the_lead_the_description_repeats_joins_before_the_story() -> None:
    lead = (
        "The council approved its budget on Tuesday night, the mayor told reporters after the vote."
    )
    theirs = ["Council approves budget", lead, *STORY]
    assert merge(STORY, theirs, _keep_all, lead=lead[:60] + "...") == [lead, *STORY]
    assert (
        merge(STORY, theirs, _keep_all) == STORY
    )  # without a description: a line before the story


def test_the_html_extractors_own_line_tests_have_the_last_word() -> None:
    theirs = STORY[:2] + [MISSED] + STORY[2:]
    assert merge(STORY, theirs, lambda text: text != MISSED) == STORY


def test_a_short_body_gives_way_to_a_longer_second_one() -> None:
    assert short(STORY[:1]) and not short(STORY * 3)
    assert fallback(STORY[:1], STORY * 3, _keep_all) == STORY * 3
    # The second body must itself be long enough to be a story: a consent text is not.
    assert fallback([], ["We use cookies to give you the best experience."], _keep_all) == []
