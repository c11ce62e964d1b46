"""Key facts on real and realistic news text: names merged, roles, quotes, numbers, dates."""

from __future__ import annotations

from digest.facts import extract_facts
from digest.sentences import split_sentences
from digest.summarize import summarize


def _facts(*paragraphs: str, published: str | None = "2015-10-08"):
    return extract_facts(tuple(paragraphs), title="", published=published, language="en")


def test_people_merge_under_the_fullest_name_with_their_role() -> None:
    facts = _facts(
        "Speaking ahead of the talks, NATO Secretary General Jens Stoltenberg said Thursday that "
        "the alliance was ready.",
        "“NATO is ready and able to defend all allies, including Turkey, against any threats,” "
        "Stoltenberg told reporters.",
    )
    people = {p.name: p for p in facts.people}
    assert people["Jens Stoltenberg"].role == "NATO Secretary General"
    assert people["Jens Stoltenberg"].mentions == 2
    assert "Stoltenberg" not in people


def test_appositive_roles_are_read_and_never_invented() -> None:
    facts = _facts(
        "A day after the prime minister of Turkey, Ahmet Davutoglu, said the strikes missed, the "
        "talks began.",
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
        "Mayor John Smith said: “The bridge will open in the spring and the traffic will ease "
        "for everyone.",
        "“It has taken years, but the city kept its promise to the people who live here.”",
    )
    assert len(facts.quotes) == 1
    assert facts.quotes[0].speaker == "John Smith"
    assert facts.quotes[0].text.endswith("who live here.")


def test_scare_quotes_are_not_quotes() -> None:
    facts = _facts('Stoltenberg spoke of a "troubling escalation" in Syria.')
    assert facts.quotes == ()


def test_numbers_keep_what_they_count() -> None:
    facts = _facts(
        "Turkey has more than 1.8 million Syrian refugees and the missiles flew almost 1,500 km "
        "(900 miles).",
        "Shares fell 12% to $3.6bn in 2015.",
    )
    found = {(n.value, n.unit) for n in facts.numbers}
    assert (1_800_000, "refugees") in found
    assert (1500, "km") in found
    assert (12, "percent") in found
    assert (3_600_000_000, "USD") in found
    assert all(n.value != 2015 for n in facts.numbers)


def test_weekdays_resolve_against_the_publication_date() -> None:
    facts = _facts(
        "The ministers met on Thursday and again on October 3, 2015.", published="2015-10-08"
    )
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
    facts = extract_facts(
        ("Le président Emmanuel Macron a rencontré 26 maires à Paris.",), language="fr"
    )
    assert facts.people == () and facts.places == () and facts.quotes == ()


def test_sentences_split_on_ends_not_on_abbreviations() -> None:
    text = (
        "Mr. Smith paid $1.8 million to the U.S. Treasury. He left at 5 p.m. on Friday. "
        "“Why?” she asked."
    )
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


def test_a_second_quote_in_the_paragraph_keeps_the_speaker() -> None:
    facts = _facts(
        "Pollster Pat Caddell spoke to the station on Thursday about the race.",
        "“One of the things I am surprised about is how much the health issue has mattered,” "
        "said Caddell. "
        "“Yesterday, there were two polls with very similar numbers.”",
    )
    assert [q.speaker for q in facts.quotes] == ["Pat Caddell", "Pat Caddell"]


def test_attributions_with_titles_party_tags_and_appositives() -> None:
    facts = _facts(
        "“The president has always been open to working with Congress on this law,” White House "
        "press "
        "secretary Josh Earnest said at a briefing on Monday.",
        "“This is a disgusting day for everyone in this country,” said Rep. Gregory W. Meeks "
        "(D-N.Y.), "
        "a member of the committee.",
        "“Our assumption is that the veto will be overridden this week,” Senate Majority Leader "
        "Mitch McConnell, R-Ky., said Tuesday.",
        "Retired Lt. Gen. Michael Flynn praised the candidate on Thursday.",
        "“There is a severe disconnect between the White House and the military,” Flynn, a top "
        "Trump "
        "surrogate, said on Fox News.",
        "“We are pleased with the court's decision and its order,” Trump lawyer Marc Kasowitz "
        "said.",
        "“It will be a tragedy if the government comes through with a half-hearted response,” "
        "said the chairman of the education committee, Labour MP Barry Sheerman.",
    )
    people = {p.name for p in facts.people}
    assert {"Josh Earnest", "Gregory W. Meeks", "Mitch McConnell", "Marc Kasowitz"} <= people
    assert [q.speaker for q in facts.quotes] == [
        "Josh Earnest",
        "Gregory W. Meeks",
        "Mitch McConnell",
        "Michael Flynn",
        "Marc Kasowitz",
        "Barry Sheerman",
    ]


def test_he_and_she_follow_the_subject_and_gender_not_the_last_name() -> None:
    facts = _facts(
        "Don Fowler said he expects Hillary Clinton to recover fully from her bout with pneumonia.",
        "“It’s something you would be a fool not to prepare for,” he said in an interview.",
        "Elizabeth Warren grilled bank chief John Stumpf on Tuesday for his role in the scandal.",
        "“You squeezed employees to the breaking point” to drive up the stock price, she said.",
    )
    assert [q.speaker for q in facts.quotes] == ["Don Fowler", "Elizabeth Warren"]
    # Names inside the quote are the speaker's words, not who "he" is.
    facts = _facts(
        "Donald Trump spoke at a rally in Novi, Michigan, on Friday evening.",
        "“Mr. President, will you pledge not to issue a pardon to Hillary Clinton?” he asked.",
    )
    assert facts.quotes[0].speaker == "Donald Trump"


def test_a_pronoun_led_sentence_keeps_the_person_in_view() -> None:
    facts = _facts(
        "Attorney General Loretta Lynch spoke to students at the university on Monday.",
        "She has faced criticism since her meeting with Bill Clinton on a plane in Phoenix.",
        "“People tend not to say those things to the attorney general, which is wise,” she said.",
    )
    assert facts.quotes[0].speaker == "Loretta Lynch"


def test_a_quote_paragraph_after_a_colon_belongs_to_the_speaker_before() -> None:
    facts = _facts(
        "Pollster Pat Caddell said the numbers were striking. Caddell continued:",
        "“The health issue is very much a partisan issue, but that does not account for these "
        "numbers.”",
        "Schiff spoke later. The administration may be reluctant to act, Schiff said. “The other "
        "factor "
        "may be the appearance of tipping the scales in the election.”",
    )
    assert [q.speaker for q in facts.quotes] == ["Pat Caddell", "Schiff"]


def test_dash_attributions_and_transcript_turns() -> None:
    facts = _facts(
        "“Trump must stop portraying Latinos as dangerous gangsters who threaten the country.” ― "
        "Carla Sanchez",
        "Republican nominee Gov. Mike Pence spoke to Chris Wallace on Sunday.",
        '"WALLACE: Let’s start with the breaking news on the debate story this morning.',
        '"PENCE: Well, look, this is serious business for the American people and for us.',
    )
    assert [(q.text.split()[0], q.speaker) for q in facts.quotes] == [
        ("Trump", "Carla Sanchez"),
        ("Let’s", "Chris Wallace"),
        ("Well,", "Mike Pence"),
    ]


def test_unnamed_speakers_stay_unnamed() -> None:
    facts = _facts(
        "Donald Trump and Hillary Clinton traded attacks over taxes on Monday.",
        "“You work hard. You pay your taxes. So why didn’t Donald Trump pay his?” a narrator in "
        "the Clinton ad asks.",
        "“We are concerned about the integrity of the whole program,” officials at the agency "
        "said.",
    )
    assert [q.speaker for q in facts.quotes] == [None, None]


def _kinds(facts) -> tuple[set[str], set[str], set[str]]:
    return (
        {p.name for p in facts.people},
        {o.name for o in facts.organizations},
        {p.name for p in facts.places},
    )


def test_datelines_are_places() -> None:
    for first, place in (
        ("LONDON 1996-08-30", "London"),
        (
            "BRUSSELS (Reuters) - NATO defence ministers met on Thursday to discuss Russia.",
            "Brussels",
        ),
        (
            "HEMPSTEAD, N.Y. ― The candidates met for their first debate on Monday night.",
            "Hempstead",
        ),
        (
            "LOS ANGELES, Sept. 28 (UPI) — The singer released a new song on Wednesday.",
            "Los Angeles",
        ),
    ):
        people, orgs, places = _kinds(_facts(first, "Officials said the talks would go on."))
        assert place in places, first
        assert place.upper() not in orgs and place not in orgs


def test_clubs_named_after_towns_are_organisations_in_results() -> None:
    people, orgs, places = _kinds(
        _facts(
            "LONDON 1996-08-31",
            "English soccer league standings after Saturday's matches:",
            "Stoke 4 3 1 0 7 4 10",
            "Barnsley 3 3 0 0 8 2 9",
            "Norwich 4 3 0 1 5 3 9",
            "Crystal Palace 2 Norwich 1",
            "Leicestershire beat Somerset by an innings and 39 runs at Grace Road.",
            "In the international, France beat Mexico 2-0 in Paris.",
        )
    )
    assert {"Stoke", "Barnsley", "Norwich", "Crystal Palace", "Leicestershire", "Somerset"} <= orgs
    assert {"London", "France", "Mexico", "Paris", "Grace Road"} <= places
    assert not people & {"Crystal Palace", "Grace Road"}
    assert "Norwich" not in places


def test_results_tables_list_their_players() -> None:
    people, orgs, places = _kinds(
        _facts(
            "Leading scores after the third round of the Greater Milwaukee Open:",
            "Tom Lehman 68 70 66",
            "Steve Stricker 67 69 68",
            "Duffy Waldorf 65 71 69",
            "1. Ludmila Engquist (Sweden) 12.74 seconds",
            "Surrey 429-7 (C. Lewis 80 not out, M. Butcher 70), Kent 108-3.",
        )
    )
    assert {"Tom Lehman", "Duffy Waldorf", "Ludmila Engquist", "C. Lewis", "M. Butcher"} <= people
    assert "Sweden" in places
    assert {"Surrey", "Kent"} <= orgs


def test_venues_papers_and_agencies_are_not_people() -> None:
    people, orgs, places = _kinds(
        _facts(
            "The Florida Marlins beat the Cincinnati Reds at Trent Bridge, the Washington Post "
            "reported.",
            "Xinhua said 35 people died. Police said they had arrested two men.",
            "The deal was handled by Warner Bros and Pirelli SpA.",
        )
    )
    assert not people & {"Florida Marlins", "Trent Bridge", "Xinhua", "Warner Bros", "Pirelli SpA"}
    assert {"Florida Marlins", "Washington Post", "Xinhua", "Warner Bros", "Pirelli SpA"} <= orgs
    assert "Trent Bridge" in places and "Police" not in orgs


def test_a_person_is_never_also_a_place_or_an_organisation() -> None:
    facts = _facts(
        "Massachusetts Sen. Elizabeth Warren questioned the bank's chief on Tuesday.",
        "“This just isn’t right,” Warren said. Hours later Warren left for Boston.",
        "Belgium Marc Degryse, Enzo Scifo and Luc Nilis started for the visitors.",
    )
    people, orgs, places = _kinds(facts)
    assert "Warren" not in places and "Warren" not in orgs
    assert {p.name: p.mentions for p in facts.people}["Elizabeth Warren"] == 3
    assert "Marc Degryse" in people and "Belgium Marc Degryse" not in orgs | people


def test_capitals_in_tables_are_read_as_names_not_acronyms() -> None:
    people, orgs, places = _kinds(
        _facts(
            "NEW YORK 1996-08-30",
            "AMERICAN LEAGUE",
            "W L PCT GB",
            "The U.S. and the UK agreed; NATO and the EU welcomed it.",
        )
    )
    assert {"New York", "U.S.", "UK"} <= places
    assert {"NATO", "EU"} <= orgs
    assert not orgs & {"PCT", "GB", "W L PCT GB"}


def test_job_words_before_a_name_are_its_role() -> None:
    facts = _facts(
        "Pollster Pat Caddell said voters were worried.",
        "Conservative economist Aparna Mathur, who studies tax policy, said the plan was unclear.",
    )
    people = {p.name: p.role for p in facts.people}
    assert people["Pat Caddell"] == "Pollster"
    assert "Aparna Mathur" in people
