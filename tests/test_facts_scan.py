"""The quick forms of the fact patterns find exactly what the plain forms find."""

from __future__ import annotations

import re

import pytest

from digest.facts.dates import _DATE, _DATE_ASCII, _word_before
from digest.facts.numbers import (
    _NUMBER,
    _NUMBER_ASCII,
    _WORD_NUMBER,
    _WORD_NUMBER_ASCII,
    _word_numbers,
)
from digest.facts.pronouns import _NOT_SUBJECT_BEFORE, _object_before
from digest.facts.scan import ascii_twin, first_letter, plain_text
from digest.text.sentences import split_sentences

NEWS = (
    "According to police, twenty-five people were hurt when a bus overturned on Monday, "
    'Sept. 5, 2016, near Toronto. "It was terrible," said Ms. Jones, a spokeswoman for '
    "the U.S. Embassy, adding that two dozen of them were children. The mayor of Montreal, "
    "who visited on Tuesday, said the C$3.6bn plan would go ahead. Officials told reporters "
    "that 1,500 km of road, or 12% of the network, would close by January 2017. A U.K. team "
    "arrived yesterday; they pointed out the A.B.C. Co. report. Canadians, Americans and "
    "Australians were among those hurt in the Jan 2015 crash, Mr. Smith said."
)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_first_letter_finds_what_the_alternation_finds() -> None:
    words = [r"[Aa]ccording\s+to", r"pointed\s+out", "said", "saying", "says", "added", "told"]
    quick = re.compile(first_letter(words))
    plain = re.compile(r"\b(?:" + "|".join(words) + r")\b")
    for text in (NEWS, NEWS.lower(), "unsaid resaid said_ said-so saidx", "toldsaid told"):
        assert _found(quick, text) == _found(plain, text)
    assert [m.group(0) for m in quick.finditer("He said, according  to them, and told us")] == [
        "said",
        "according  to",
        "told",
    ]
    # A word runs to its end: "Canadian" is no "Canada", "Canadians" no "Canadian".
    places = re.compile(first_letter(["Canada", "Canadian", "Canadians"], end=r"(?!\w)"))
    assert [m.group(0) for m in places.finditer("Canadians in Canada, a Canadianist")] == [
        "Canadians",
        "Canada",
    ]


def test_first_letter_refuses_a_word_that_opens_on_no_letter() -> None:
    with pytest.raises(ValueError, match="does not start with a letter"):
        first_letter(["(?:a|b)c"])


def test_plain_text_is_ascii_without_unicode_only_spaces() -> None:
    assert plain_text(NEWS)
    assert not plain_text("Montréal")
    # U+001C-U+001F are spaces to a Unicode pattern, not to an ASCII one.
    assert not plain_text("1\x1fJanuary 2016")
    assert re.fullmatch(r"\d\s\w+", "1\x1fJanuary") and not ascii_twin(
        re.compile(r"\d\s\w+")
    ).fullmatch("1\x1fJanuary")


@pytest.mark.parametrize(
    ("pattern", "twin"),
    [(_DATE, _DATE_ASCII), (_NUMBER, _NUMBER_ASCII), (_WORD_NUMBER, _WORD_NUMBER_ASCII)],
)
def test_ascii_twins_find_the_same_on_plain_text(
    pattern: re.Pattern[str], twin: re.Pattern[str]
) -> None:
    assert plain_text(NEWS)
    assert _found(twin, NEWS) == _found(pattern, NEWS)
    assert _found(pattern, NEWS)  # the text holds what each pattern looks for


def test_word_numbers_are_read_in_any_case_and_only_whole() -> None:
    text = "Twenty-one men, TWO women, one hundred votes, a dozen eggs, one vote, often, attend"
    for plain in (True, False):
        assert [word for word, _, _ in _word_numbers(text, plain)] == [
            "Twenty-one",
            "TWO",
            "one",
            "a",
        ]
    # Each is given where it stands, the first at the very start; "sub-two" is one word.
    assert _word_numbers("Two were hurt in sub-two hours, and three more", True) == [
        ("Two", 0, 3),
        ("three", 36, 41),
    ]


def test_relative_days_are_dates_in_any_case() -> None:
    text = "YESTERDAY it rained; Today, tOnight and last Night too. This morning, not theyesterday."
    for pattern in (_DATE, _DATE_ASCII):
        assert [m["relative"] for m in pattern.finditer(text)] == [
            "YESTERDAY",
            "Today",
            "tOnight",
            "last Night",
            "This morning",
        ]


def test_object_before_reads_only_the_last_words() -> None:
    for sentence in split_sentences(NEWS):
        for end in range(len(sentence) + 1):
            head = sentence[:end]
            assert _object_before(head) == bool(_NOT_SUBJECT_BEFORE.search(head))
    assert _object_before("a talk with the ")
    assert _object_before("He met with   ")
    assert not _object_before("Officials said ")


def test_word_before_is_the_last_word_within_thirty_characters() -> None:
    pattern = re.compile(r"(?P<word>[\w’'.]+)[\s-]*$")  # what it reads, as a pattern
    for end in range(len(NEWS) + 1):
        match = pattern.search(NEWS, max(0, end - 30), end)
        assert _word_before(NEWS, end) == ((match["word"], match.start()) if match else ("", end))
    assert _word_before("until last - Monday", 13) == ("last", 6)
    assert _word_before("Dr. Jones’ Monday", 11) == ("Jones’", 4)
