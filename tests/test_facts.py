"""Key facts on real and realistic news text: names merged, roles, quotes, numbers, dates."""

from __future__ import annotations

from digest.facts import extract_facts
from digest.sentences import split_sentences
from digest.summarize import summarize


def _facts(*paragraphs: str, published: str | None = "2015-10-08"):
    return extract_facts(tuple(paragraphs), title="", published=published, language="en")


def test_people_merge_under_the_fullest_name_with_their_role() -> None:
    facts = _facts(
        "Speaking ahead of the talks, NATO Secretary General Jens Stoltenberg said Thursday that the alliance was ready.",
        "“NATO is ready and able to defend all allies, including Turkey, against any threats,” Stoltenberg told reporters.",
    )
    people = {p.name: p for p in facts.people}
    assert people["Jens Stoltenberg"].role == "NATO Secretary General"
    assert people["Jens Stoltenberg"].mentions == 2
    assert "Stoltenberg" not in people


def test_appositive_roles_are_read_and_never_invented() -> None:
    facts = _facts(
        "A day after the prime minister of Turkey, Ahmet Davutoglu, said the strikes missed, the talks began.",
        "Maria Lopez bought bread in the market.",
    )
    people = {p.name: p.role for p in facts.people}
    assert people["Ahmet Davutoglu"] == "prime minister of Turkey"
    assert people["Maria Lopez"] is None


def test_pronoun_speakers_resolve_to_the_person_named_before() -> None:
    facts = _facts(
        "Chancellor Angela Merkel arrived in Brussels on Monday.",
        "“We will not accept a deal that divides the union,” she said after the meeting.",
    )
    assert facts.quotes[0].speaker == "Angela Merkel"
    assert facts.quotes[0].text == "We will not accept a deal that divides the union"


def test_a_quote_running_across_paragraphs_is_one_quote() -> None:
    facts = _facts(
        "Mayor John Smith said: “The bridge will open in the spring and the traffic will ease for everyone.",
        "“It has taken years, but the city kept its promise to the people who live here.”",
    )
    assert len(facts.quotes) == 1
    assert facts.quotes[0].speaker == "John Smith"
    assert facts.quotes[0].text.endswith("who live here.")


def test_scare_quotes_are_not_quotes() -> None:
    facts = _facts("Stoltenberg spoke of a \"troubling escalation\" in Syria.")
    assert facts.quotes == ()


def test_numbers_keep_what_they_count() -> None:
    facts = _facts(
        "Turkey has more than 1.8 million Syrian refugees and the missiles flew almost 1,500 km (900 miles).",
        "Shares fell 12% to $3.6bn in 2015.",
    )
    found = {(n.value, n.unit) for n in facts.numbers}
    assert (1_800_000, "refugees") in found
    assert (1500, "km") in found
    assert (12, "percent") in found
    assert (3_600_000_000, "USD") in found
    assert all(n.value != 2015 for n in facts.numbers)


def test_weekdays_resolve_against_the_publication_date() -> None:
    facts = _facts("The ministers met on Thursday and again on October 3, 2015.", published="2015-10-08")
    values = {d.text: d.value for d in facts.dates}
    assert values["Thursday"] == "2015-10-08"
    assert values["October 3, 2015"] == "2015-10-03"
    unresolved = _facts("They met on Thursday.", published=None)
    assert unresolved.dates[0].value is None


def test_places_and_organisations_are_typed_and_disjoint_from_people() -> None:
    facts = _facts(
        "Moscow said its warships in the Caspian Sea fired at Islamic State targets in Syria.",
        "NATO officials met in Brussels with Jordan Peterson.",
    )
    places = {p.name for p in facts.places}
    orgs = {o.name for o in facts.organizations}
    assert {"Moscow", "Caspian Sea", "Syria", "Brussels"} <= places
    assert {"Islamic State", "NATO"} <= orgs
    assert "Jordan Peterson" in {p.name for p in facts.people}
    assert "Jordan" not in places


def test_other_languages_get_no_guessed_names() -> None:
    facts = extract_facts(("Le président Emmanuel Macron a rencontré 26 maires à Paris.",), language="fr")
    assert facts.people == () and facts.places == () and facts.quotes == ()


def test_sentences_split_on_ends_not_on_abbreviations() -> None:
    text = "Mr. Smith paid $1.8 million to the U.S. Treasury. He left at 5 p.m. on Friday. “Why?” she asked."
    assert split_sentences(text) == [
        "Mr. Smith paid $1.8 million to the U.S. Treasury.",
        "He left at 5 p.m. on Friday.",
        "“Why?” she asked.",
    ]


def test_summary_is_in_reading_order_and_skips_boilerplate() -> None:
    paragraphs = (
        "The council approved the budget for the new road on Tuesday after a long debate.",
        "Scroll down for video of the full council meeting and the vote on the road.",
        "Residents had asked the council for the road for more than ten years, officials said.",
        "The road will cost 12 million euros and open in 2027, the council said in a statement.",
        "Photo",
    )
    summary = summarize(paragraphs, title="Council approves road budget", sentences=3)
    assert [s.paragraph for s in summary] == sorted(s.paragraph for s in summary)
    assert all("Scroll down" not in s.text for s in summary)
    assert all(s.text in paragraphs[s.paragraph] for s in summary)
    assert summary[0].paragraph == 0
