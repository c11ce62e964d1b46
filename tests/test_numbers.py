"""Numbers with what they count: a range is one fact with two ends, a compound is no count
of its second word, and a rate's denominator counts nothing."""

from __future__ import annotations

import pytest

from digest.facts.numbers import find_numbers

Fact = tuple[str, float, float | None, str | None]

ROWS: list[tuple[str, list[Fact]]] = [
    # Ranges: one fact, the first end its value, the other its ``to``.
    ("The trip takes six to seven minutes by car.", [("six to seven minutes", 6, 7, "minutes")]),
    ("Sentences run from 20 to 40 years in prison.", [("20 to 40 years", 20, 40, "years")]),
    (
        "Between 38,000 to 51,500 buildings were damaged.",
        [("38,000 to 51,500 buildings", 38_000, 51_500, "buildings")],
    ),
    ("Some 10-15 people will be hired.", [("10-15 people", 10, 15, "people")]),
    (
        "It will cost $5-6 billion, or £3bn to £4bn.",
        [
            ("$5-6 billion", 5_000_000_000, 6_000_000_000, "USD"),
            ("£3bn to £4bn", 3_000_000_000, 4_000_000_000, "GBP"),
        ],
    ),
    # Two amounts compared are two facts, not a range running down.
    (
        "Democrats raised $64.8 million to $45.1 million for Republicans.",
        [("$64.8 million", 64_800_000, None, "USD"), ("$45.1 million", 45_100_000, None, "USD")],
    ),
    # Hyphenated compounds are not counts of their second word.
    ("Turnout among 18-to-29-year-olds rose sharply.", []),
    ("The shop is open 4-midnight on weekdays.", []),
    ("Levels of 17-beta oestradiol were measured.", []),
    ("A 12-year-old boy was hurt.", [("12-year-old", 12, None, "years old")]),
    # A rate's denominator joins its numerator and counts no one.
    (
        "The rate was 12 cases per 100,000 people last year.",
        [("12 cases per 100,000 people", 12, None, "cases per 100,000 people")],
    ),
    ("The rate was 5.2 per 100,000 residents.", []),
    # A year-like number before a counted noun is a count; scores are none.
    ("The 1800 houses along the river were lost.", [("1800 houses", 1800, None, "houses")]),
    ("The Lakers won 22-4 on Sunday.", []),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_numbers_read_ranges_compounds_and_rates(text: str, expected: list[Fact]) -> None:
    assert [(n.text, n.value, n.to, n.unit) for n in find_numbers((text,))] == expected
