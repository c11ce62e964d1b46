"""The word lists under digest/data: one entry a line, sorted, no duplicates, whole phrases,
and no entry in two lists that contradict each other."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from digest.text.words import sort_key, word_entries, word_list

DATA = Path(__file__).resolve().parent.parent / "digest" / "data"
LISTS = sorted(path.relative_to(DATA).with_suffix("").as_posix() for path in DATA.rglob("*.txt"))
SOURCES = "\n".join(path.read_text(encoding="utf-8") for path in (DATA.parent).rglob("*.py"))


def test_there_are_word_lists() -> None:
    assert len(LISTS) > 50


@pytest.mark.parametrize("name", LISTS)
def test_a_list_is_sorted_and_holds_each_entry_once(name: str) -> None:
    entries = list(word_entries(name))
    assert entries, f"{name} is empty"
    assert entries == sorted(entries, key=sort_key), f"{name} is not sorted"
    twice = [entry for entry, count in Counter(entries).items() if count > 1]
    assert twice == [], f"{name} holds {twice} more than once"


@pytest.mark.parametrize("name", LISTS)
def test_every_list_is_read_by_the_code(name: str) -> None:
    # The hand-written additions to the generated gazetteers are read by their builder;
    # each language's lists (facts/languages/<code>/) by ``languages.py``, for its codes.
    reader = "build.py" if name.endswith("_extra") else f'word_list("{name}")'
    if name.startswith("facts/languages/") and name.count("/") == 3:
        from digest.facts.languages import ABROAD

        code, file = name.split("/")[2:]
        assert code in ABROAD, f"{name}: no language read"
        reader = f'{{folder}}/{file}"'
    assert reader in SOURCES or f'"{name}"' in SOURCES, f"no code reads {name}"


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        ("facts/gazetteer/known_orgs", "European Union"),
        ("facts/gazetteer/org_words", "Bank"),
        ("facts/gazetteer/countries", "Bosnia and Herzegovina"),
        ("places", "Rio de Janeiro"),
    ],
)
def test_an_entry_of_several_words_stays_whole(name: str, entry: str) -> None:
    assert entry in word_list(name)


def test_a_comment_is_no_entry() -> None:
    for name in LISTS:
        assert not any("#" in entry or entry != entry.strip() for entry in word_entries(name))


CONTRADICTIONS = [
    ("facts/pronouns/male_words", "facts/pronouns/female_words", "a man's words and a woman's"),
    ("facts/dates/future", "facts/dates/past", "a date ahead and a date gone"),
    ("facts/units/irregular_plurals", "facts/units/not_plural", "counts many, no plural"),
    ("facts/units/irregular_plurals", "facts/units/stop", "a counted noun ends no phrase"),
    ("facts/units/groups", "facts/units/stop", "a counted group ends no phrase"),
    ("facts/gazetteer/known_orgs", "facts/gazetteer/countries", "an organisation or a country"),
    ("facts/gazetteer/known_orgs", "facts/gazetteer/common_capitalised", "a name or no name"),
    ("facts/gazetteer/demonyms", "facts/gazetteer/countries", "a people's adjective or a place"),
    ("facts/gazetteer/honorifics", "facts/gazetteer/demonyms", "a form of address or a people"),
    ("facts/gazetteer/say_verbs", "facts/gazetteer/role_nouns", "a verb of saying or a job"),
    ("facts/gazetteer/say_verbs", "facts/quotes/quote_verbs", "one verb, listed once"),
    ("facts/gazetteer/org_words", "facts/gazetteer/geo_words", "a body's last word or a place's"),
    ("facts/gazetteer/org_words", "facts/kinds/venue_words", "a body's last word or a place's"),
    ("facts/gazetteer/geo_words", "facts/kinds/event_words", "a place's last word or an event's"),
    ("facts/gazetteer/common_word_places", "facts/gazetteer/known_orgs", "a town or a body"),
    ("facts/runs/connectors", "facts/runs/splitters", "joins a name or parts two"),
    ("facts/cues/body_nouns", "facts/gazetteer/role_nouns", "a kind of body or a person's job"),
    ("facts/cues/doing_verbs", "facts/gazetteer/say_verbs", "one verb, listed once"),
    ("facts/kinds/law_words", "facts/gazetteer/org_words", "a law's last word or a body's"),
    ("facts/kinds/programme_words", "facts/kinds/event_words", "one last word, listed once"),
    ("facts/runs/group_possessives", "facts/gazetteer/demonyms", "a group's or a people's"),
    ("stories/terms/stopwords", "stories/conflicts/state_words", "a cue is never a stopword"),
    ("stories/conflicts/number_words", "stories/conflicts/state_words", "counts, or is counted"),
    ("summarize/back", "summarize/free", "an opening points back, or nowhere"),
]


@pytest.mark.parametrize(("first", "second", "why"), CONTRADICTIONS)
def test_no_entry_sits_in_two_lists_that_contradict(first: str, second: str, why: str) -> None:
    both = word_list(first) & word_list(second)
    assert both == frozenset(), f"{sorted(both)} in {first} and {second} ({why})"


def test_a_list_read_twice_is_read_once() -> None:
    assert word_entries("facts/gazetteer/role_words") is word_entries("facts/gazetteer/role_words")


def test_the_contradiction_table_names_real_lists() -> None:
    named = {name for first, second, _ in CONTRADICTIONS for name in (first, second)}
    assert named <= set(LISTS)
    assert all(re.fullmatch(r"[a-z_/]+", name) for name in named)
