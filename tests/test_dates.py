"""Dates as a reader resolves them: weekdays by tense, years that are counts or titles,
names that hold a date word, a quote's "today", and dates written in other languages."""

from __future__ import annotations

import pytest

from digest.facts.dates import find_dates


def _dates(text: str, published: str | None) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates((text,), published)}


# Thursday 7 March 2024 unless a row says otherwise.
WEEKDAYS: list[tuple[str, str, dict[str, str | None]]] = [
    # Past tense, after the verb or before it: the last such day, never one after publication.
    ("On Friday, troops struck targets in the south.", "2024-03-07", {"Friday": "2024-03-01"}),
    ("Troops struck targets in the south on Friday.", "2024-03-07", {"Friday": "2024-03-01"}),
    # Its date given in UTC late in the day: the next day has begun where it was written.
    (
        "Troops struck targets in the south on Friday.",
        "2024-03-07T22:00:00Z",
        {"Friday": "2024-03-08"},
    ),
    # The same hour in the writer's own offset is the writer's day.
    (
        "Troops struck targets in the south on Friday.",
        "2024-03-07T22:00:00-05:00",
        {"Friday": "2024-03-01"},
    ),
    # Future tense, past a time of day's stops: the next such day.
    (
        "The team will play at 1 p.m. Saturday in the final.",
        "2024-03-07",
        {"Saturday": "2024-03-09"},
    ),
    ("The vote is scheduled for Monday.", "2024-03-07", {"Monday": "2024-03-11"}),
    # No tense: one of the last four days or the next two.
    ("Tuesday's meeting drew a crowd.", "2024-03-07", {"Tuesday": "2024-03-05"}),
]


@pytest.mark.parametrize(("text", "published", "expected"), WEEKDAYS)
def test_a_weekday_points_where_its_tense_does(
    text: str, published: str, expected: dict[str, str | None]
) -> None:
    assert _dates(text, published) == expected


NOT_DATES: list[tuple[str, dict[str, str | None]]] = [
    # A year-like number before a noun counts it.
    ("Floods destroyed the 1800 houses along the river.", {}),
    ("About 2000 people marched in 2019.", {"2019": "2019"}),
    # A year before a noun it dates stays a year.
    ("The 2016 elections changed the party.", {"2016": "2016"}),
    # Titles of works and copyright lines.
    ("She starred in the film 1917 before her stage debut.", {}),
    ("Copyright © 2023 Example Media. All rights reserved.", {}),
    ("Copyright 2019-2023 Example Media.", {}),
    # Shows, papers and events named with a weekday or a month.
    ("He hosted Saturday Night Live and wrote for the Mail on Sunday.", {}),
    ("She reviews books for the Sunday Times.", {}),
    ("Students walked out in March for Our Lives rallies.", {}),
    # A decade is not its first year.
    ("Prices rose through the 2000s and the 1990's.", {}),
]


@pytest.mark.parametrize(("text", "expected"), NOT_DATES)
def test_counts_titles_names_and_decades_are_not_dates(
    text: str, expected: dict[str, str | None]
) -> None:
    assert _dates(text, "2024-03-07") == expected


QUOTED: list[tuple[tuple[str, ...], dict[str, str | None]]] = [
    # A "today" in a quote is the day it was spoken, when the text says which.
    (
        ("“We will vote today,” she said Tuesday.",),
        {"today": "2024-03-05", "Tuesday": "2024-03-05"},
    ),
    (
        (
            "The senator appeared on the evening news on Tuesday.",
            "He then said, “Something strange happened last night.”",
        ),
        {"Tuesday": "2024-03-05", "last night": "2024-03-04"},
    ),
    # Otherwise it is left unresolved.
    (("“We will vote today,” she said.",), {"today": None}),
    # In narration it is the publication date's.
    (("The council announced today that the road will close.",), {"today": "2024-03-07"}),
]


@pytest.mark.parametrize(("paragraphs", "expected"), QUOTED)
def test_a_quotes_today_is_the_day_it_was_spoken(
    paragraphs: tuple[str, ...], expected: dict[str, str | None]
) -> None:
    assert {d.text: d.value for d in find_dates(paragraphs, "2024-03-07")} == expected
