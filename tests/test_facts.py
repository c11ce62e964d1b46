"""Key facts on real and realistic news text: names merged, roles, quotes, numbers, dates."""

from __future__ import annotations

import pytest

from digest.facts import extract_facts
from digest.models import Facts
from digest.summarize import summarize
from digest.text.sentences import ends_in_initials, sentence_spans, split_sentences


def _facts(*paragraphs: str, published: str | None = "2015-10-08") -> Facts:
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


def test_a_currency_before_what_it_buys_is_money() -> None:
    facts = _facts(
        "The council approved a new 40 million euro bridge and a 500-euro fine for littering.",
        "India will print a new 20 rupee note.",
        "A 5-pound bag of flour and a 20 mile walk.",
    )
    found = {n.text: (n.value, n.unit) for n in facts.numbers}
    assert found["40 million euro"] == (40_000_000, "EUR")
    assert found["500-euro"] == (500, "EUR")
    assert found["20 rupee"] == (20, "INR")
    # A pound before a noun is as often a weight: it stays what the text says.
    assert found["5-pound"] == (5, "pounds")
    assert found["20 mile"] == (20, "mile")


def test_a_misspelt_month_is_no_date_and_no_crash() -> None:
    # "Sepember" once matched the month pattern but no month name, and raised KeyError.
    facts = _facts("It rained on Sepember 3, 2015, and on Sept. 4, 2015.", published="2015-10-01")
    assert [(d.text, d.value) for d in facts.dates] == [
        ("2015", "2015"),
        ("Sept. 4, 2015", "2015-09-04"),
    ]


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
    # People are not read in French; a place is, from the gazetteer (languages.py).
    assert facts.people == () and facts.quotes == ()
    assert [p.name for p in facts.places] == ["Paris"]


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


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # A title's stop ends no sentence, in the summary as in the facts: the summary once
        # began a sentence at "Marcia" (the facts already joined the two halves).
        (
            "His niece, state Del. Marcia Price, shouted to the crowd. He waved.",
            ["His niece, state Del. Marcia Price, shouted to the crowd.", "He waved."],
        ),
        (
            "Gov. Jerry Brown signed it in Sept. 2016. Sen. Kamala Harris agreed.",
            ["Gov. Jerry Brown signed it in Sept. 2016.", "Sen. Kamala Harris agreed."],
        ),
        (
            "It opened on Jan. 3 in Washington, D.C. Crowds came.",
            ["It opened on Jan. 3 in Washington, D.C. Crowds came."],
        ),
        (
            "The delegation left. Del Norte County voted.",
            ["The delegation left.", "Del Norte County voted."],
        ),
    ],
)
def test_titles_and_short_forms_end_no_sentence(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences


def test_a_run_of_initials_ends_no_headline() -> None:
    assert ends_in_initials("Talks resume in the U.S.")
    assert not ends_in_initials("Talks resume in Washington.")


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
        "Senator Elizabeth Warren grilled bank chief John Stumpf on Tuesday for his role in the "
        "scandal.",
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
        "Adam Schiff spoke later. The administration may be reluctant to act, Schiff said. “The "
        "other factor may be the appearance of tipping the scales in the election.”",
    )
    assert [q.speaker for q in facts.quotes] == ["Pat Caddell", "Adam Schiff"]


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


def _kinds(facts: Facts) -> tuple[set[str], set[str], set[str]]:
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


def test_clubs_named_by_their_prefix_and_events_named_by_a_sponsor() -> None:
    people, orgs, places = _kinds(
        _facts(
            "Summary of game played in the Spanish first division on Saturday: Deportivo Coruna 1 "
            "(Corentine Martins, 22nd minute) Real Madrid 1 (Roberto Carlos 79th).",
            "Dinamo Bucharest and AC Milan drew, and Standard Chartered sponsored the match.",
            "Sri Lanka beat Australia in the third match of the Singer World Series on Friday.",
        )
    )
    assert {"Deportivo Coruna", "Real Madrid", "Dinamo Bucharest", "AC Milan"} <= orgs
    assert "Roberto Carlos" in people
    assert not people & {"World Series", "Singer World Series"}
    assert "Standard Chartered" not in people


def test_the_people_of_a_place_are_no_person() -> None:
    facts = _facts(
        "Seven Iraqis who seized a Sudanese airliner were charged with hijack on Friday.",
        "The Iraqis said they feared persecution. New Yorkers said they were startled.",
        "Londoners watched as Ann Myers said the alert was right.",
    )
    assert [p.name for p in facts.people] == ["Ann Myers"]


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


def _numbers(*paragraphs: str, language: str | None = "en") -> set[tuple[float, str | None]]:
    facts = extract_facts(tuple(paragraphs), title="", published="2016-12-15", language=language)
    return {(n.value, n.unit) for n in facts.numbers}


def _values(*paragraphs: str) -> set[float]:
    return {value for value, _ in _numbers(*paragraphs)}


def test_a_number_counts_the_noun_past_its_adjectives_and_modifiers() -> None:
    found = _numbers(
        "The vote failed, leaving the 192 opposition lawmakers eight votes short.",
        "His wife Grace and two key figures from her faction are under house arrest.",
        "The Fed sees three rate hikes in 2017, and two police officers came upon Amri.",
        "Authorities seized 39 stolen debit card numbers and three whale teeth.",
    )
    assert (192, "opposition lawmakers") in found
    assert (8, "votes") in found
    assert (2, "figures") in found
    assert (3, "rate hikes") in found
    assert (2, "police officers") in found
    assert (39, "debit card numbers") in found
    assert (3, "whale teeth") in found


def test_a_number_with_no_counted_noun_is_left_out() -> None:
    values = _values(
        "The Red Sox have starters that go nine deep, with the exception of one.",
        "Two dozen people were hospitalized and 300 injured during the conflict.",
        "Eating peanuts until age 5 cut their chances, and a tip to 911 led the police on.",
        "It is a one-two punch brought on by rising rates.",
    )
    assert 9 not in values and 300 not in values and 911 not in values and 2 not in values
    assert 24 in values  # "two dozen people"
    assert (5, "years old") in _numbers("Eating peanuts until age 5 cut their chances.")


def test_hyphenated_measures_and_ages_keep_what_they_measure() -> None:
    found = _numbers(
        "There is little affection for 52-year-old Grace, a former typist.",
        "The 190-country lending agency forecast growth on a 10-year Treasury note of 4%.",
        "At the 99-acre site, Yoon, 63, a former chief prosecutor, spoke for 6 ½ minutes.",
    )
    assert (52, "years old") in found
    assert (190, "countries") in found
    assert (10, "years") in found
    assert (99, "acres") in found
    assert (63, "years old") in found
    assert (6.5, "minutes") in found


def test_percentage_points_ranges_and_shares() -> None:
    found = _numbers(
        "The IMF raised its forecast by 0.1 percentage points to 1.8 percent.",
        "Nearly eight of 10 voters say they will watch; five of 17 Fed policymakers agreed.",
        "The seller has listed it five or six times, for $5 to $6 billion.",
    )
    assert (0.1, "percentage points") in found
    assert (1.8, "percent") in found
    assert (80, "percent") in found and (10, "voters") not in found
    assert (17, "Fed policymakers") not in found and (17, "policymakers") in found
    # A range is one fact with two ends (``to``): not a second count of its own.
    assert (5, "times") in found and (6, "times") not in found
    assert (5_000_000_000, "USD") in found and (6_000_000_000, "USD") not in found
    ranges = {(n.value, n.to) for n in _facts("It was listed five or six times.").numbers}
    assert ranges == {(5, 6)}


def test_names_dates_scores_and_times_are_not_counts() -> None:
    values = _values(
        "The billionaire's beloved Boeing 757 that flew him was parked near West 23rd Street.",
        "Police arrested them on Interstate 10 when they returned after the Falcon 9 explosion.",
        "Trump won the Nov. 8 election; on 20 November, though, it was freezing.",
        "Herman led the Cougars to a 22-4 record and set records as an All-Big 12 quarterback.",
        "Workers will hold a 12 p.m. rally; Ex-No 10 media chief Alastair Campbell spoke.",
    )
    assert not values & {757, 23, 10, 9, 8, 20, 22, 4, 12}


def test_capitalised_counts_are_groups_of_people_not_names() -> None:
    found = _numbers(
        "The group that represents more than 155,000 Realtors across the country said so.",
        "Two Democrats, billionaire Tom Steyer and Donald Sussman, gave the most.",
        "She is the favourite of the three Jones offspring to succeed him.",
        "Skis tested: 2183 & 2190 Black Crows Anima, 188.4 cm.",
    )
    assert (155_000, "Realtors") in found
    assert (2, "Democrats") in found
    assert (3, "offspring") in found
    assert (188.4, "cm") in found
    assert all(unit != "Crows" for _, unit in found)


def test_a_bare_dollar_is_the_dollar_of_the_country_the_article_is_set_in() -> None:
    canadian = _numbers(
        "The Bank of Canada raised rates again, the Canadian Real Estate Association said.",
        "The average price of a home in Toronto is now $640,479.",
    )
    assert (640_479, "CAD") in canadian
    american = _numbers("The White House said the plane costs $4 billion, Congress heard.")
    assert (4_000_000_000, "USD") in american
    assert (500_000_000_000, "JPY") in _numbers("Tokyo will spend 500 billion yen on it.")
    assert (59.2e12, "rupiah") in _numbers("Jakarta spent 59.2 trillion rupiah last year.")
    explicit = _numbers("The deal is worth C$2 billion, or US$1.5 billion.")
    assert (2_000_000_000, "CAD") in explicit and (1_500_000_000, "USD") in explicit
    assert _numbers("El gobierno gastó $ 500 millones.", language="es") == set()


def test_m_is_metres_unless_the_article_writes_money_in_millions() -> None:
    sport = _numbers("He won the 3,000m in Boston and cleared 4.88m in the 60m hurdles.")
    assert (3000, "m") in sport and (4.88, "m") in sport and (60, "m") in sport
    money = _numbers("Profits were 77m euros (£53m), up from 38m a year earlier.")
    assert (77_000_000, "EUR") in money and (53_000_000, "GBP") in money
    assert all(value != 38 for value, _ in money)
    assert (1_800_000, "refugees") in _numbers("Turkey hosts 1.8m refugees.")


def _dates(*paragraphs: str, published: str | None) -> dict[str, str | None]:
    facts = extract_facts(tuple(paragraphs), title="", published=published, language="en")
    return {d.text: d.value for d in facts.dates}


def test_names_holding_a_date_word_are_not_dates() -> None:
    found = _dates(
        "Donors gave $1.1 billion, a USA TODAY analysis of campaign filings shows.",
        "Order Reprints | Today’s Paper | Subscribe",
        "He joined The Times in 2007 as a writer for the Sunday Business section.",
        "Ms Hewitt told GMTV's Sunday programme that Black Friday sales would rise.",
        "They repurpose chairs on a Sunday afternoon.",
        published="2016-09-22",
    )
    assert found == {"2007": "2007"}


def test_weekdays_follow_the_tense_of_their_clause() -> None:
    # Friday 23 December 2016.
    found = _dates(
        "He crossed two borders since fleeing Berlin Monday after the attack.",
        published="2016-12-23",
    )
    assert found["Monday"] == "2016-12-19"
    # Friday 6 December 2024 (UTC): Saturday is where the story was written.
    found = _dates(
        "If the motion didn't pass they would come back to it on Wednesday.",
        "Members of his party left parliament on Saturday ahead of the vote.",
        published="2024-12-06T22:00:40+00:00",
    )
    assert found == {"Wednesday": "2024-12-11", "Saturday": "2024-12-07"}
    # Thursday 1 December 2016: the weekday names the full date after it.
    found = _dates("He was laid to rest Thursday, October 13 at St. Louis.", published="2016-12-01")
    assert found == {"October 13": "2016-10-13"}


def test_dates_without_a_year_take_the_year_the_tense_points_to() -> None:
    found = _dates(
        "The penalty phase of the trial is scheduled to begin Jan. 3.",
        "Sales fell 21 per cent from the all-time high reached in February.",
        "The rate increase was the first since last December.",
        "She decided against performing on January 20th.",
        "In October of that year, NBC hired a law firm.",
        published="2016-12-15",
    )
    assert found["Jan. 3"] == "2017-01-03"
    assert found["February"] == "2016-02"
    assert found["last December"] == "2015-12"
    assert found["January 20th"] == "2017-01-20"
    assert "October" not in found
    assert _dates("Sales for September were down.", published=None) == {"September": None}


def test_bare_years_are_dates_and_counts_are_not() -> None:
    found = _dates(
        "In 1997, Bill Clinton imposed sanctions, and the 2016 election changed them.",
        "About 2000 people marched; the Boeing 2707 never flew; prices rose 2015% in the 1990s.",
        published=None,
    )
    assert found == {"1997": "1997", "2016": "2016"}


def test_numbers_written_on_letters_of_any_script_do_not_break_the_reader() -> None:
    facts = extract_facts(
        ("日本の人口は1億2千万人で、東京は3位です。", "Prodalo se 5tis. kusů za 12%."),
        language="ja",
    )
    assert {(n.value, n.unit) for n in facts.numbers} == {(12, "percent")}


def test_split_sentences_hands_out_a_fresh_list_each_time() -> None:
    text = "The council met on Tuesday. It approved the road."
    first = split_sentences(text)
    first.append("Not a sentence of the text.")
    assert split_sentences(text) == ["The council met on Tuesday.", "It approved the road."]


def test_the_summary_counts_each_fact_once_and_as_whole_words() -> None:
    from digest.summarize import _has_words, _named_terms

    assert _has_words("Talks on Libya resumed in Tripoli.", "Libya")
    assert not _has_words("Talks on Libya resumed in Tripoli.", "Li")
    assert _has_words("Shares fell 12% to $3.6bn.", "$3.6bn")
    assert not _has_words("It cost $3.6bnish.", "$3.6bn")
    facts = _facts("Shares fell 12% on Monday and 12% on Tuesday in Paris.")
    terms = _named_terms(facts)
    assert terms.count("12%") == 1


def test_today_ranges_and_named_days_resolve_as_a_reader_would() -> None:
    found = _dates(
        "The profit from cloud computing, which today is its main business, keeps growing.",
        "Attorney General Luther Strange announced today that two suspects were held.",
        "There had been 3,210 shooting victims between January 1 and September 26 alone.",
        "She praised her work after the Sept. 11 terrorist attacks.",
        "The headset has a resolution of 1800 x 1920 per eye.",
        published="2016-09-29",
    )
    assert found == {
        "today": "2016-09-29",
        "January 1": "2016-01-01",
        "September 26": "2016-09-26",
        "Sept. 11": "2001-09-11",
    }
    nowadays = _dates(
        "Cloud computing, which today is its main business, grows.", published="2016-09-29"
    )
    assert nowadays == {}


def test_names_are_read_across_the_lower_case_words_around_them() -> None:
    facts = _facts(
        "Officials from the Bank of England met Osama bin Laden's former aide at the Florida "
        "Marlins ground, Reuters said.",
        "The talks went well, said the chief economist of the IMF, Jane Doe. But critics of "
        "al-Shabab were not convinced, economist Aparna Mathur said.",
    )
    # Connectors join capitalised words ("Bank of England"), "the" before a place-named club
    # makes it no person, and sentence openers ("Officials", "The", "But") are no names.
    assert [e.name for e in facts.organizations] == [
        "Bank of England",
        "Florida Marlins",
        "Reuters",
        "IMF",
    ]
    assert [p.name for p in facts.people] == ["Jane Doe", "Aparna Mathur"]
    assert facts.places == ()


def test_a_speaker_named_before_any_pronoun_is_the_one_in_view() -> None:
    from digest.facts.pronouns import Referents

    def referents() -> Referents:
        return Referents(
            ("Mary Smith met Tom Brown on Monday.", "“We agreed,” he said."),
            [(0, 0, 10, "Mary Smith"), (0, 15, 24, "Tom Brown")],
            {"Mary Smith": None, "Tom Brown": None},
            [[], [(0, 13)]],
        )

    # The article is read on the first pronoun: a speaker recorded before it still counts.
    spoken = referents()
    spoken.add_speaker(0, 15, "Tom Brown")
    assert spoken.resolve("he", 1, 15) == "Tom Brown"
    # Unrecorded, "he" has no subject of his gender to stand for: Mary is a woman's name and
    # Tom Brown only the object of "met". Not sure, so no one.
    assert referents().resolve("he", 1, 15) is None


def test_sentences_are_counted_in_words_whatever_white_space_parts_them() -> None:
    from digest.summarize import _word_count

    for sentence in (
        "One two three four five six.",
        "One  two three\tfour\nfive six.",
        "One\u00a0two three\u2009four five six seven.",
        "Né à Montréal, il y vécut toujours.",
        "Word",
    ):
        assert _word_count(sentence) == len(sentence.split())
    # Too few words, however spaced, make no summary sentence.
    assert summarize(("Prices  rose   sharply\tlast week.",), sentences=1) == ()


def test_a_summary_of_sentences_without_content_words_still_picks_one() -> None:
    summary = summarize(("It is up to us to do so.", "We are all in it as one."), sentences=1)
    assert [s.text for s in summary] == ["It is up to us to do so."]


def test_a_phrase_set_in_capitals_mid_article_is_not_a_name() -> None:
    # Some outlets set an opening phrase in capitals: "BUT IN SEVEN CASES" names no one,
    # and the quote after it is still Ann Lee's.
    facts = extract_facts(
        (
            "Ann Lee said the cord was hot. BUT IN SEVEN CASES, owners were hurt. In 23 cases,"
            " she said, \u201cit was fine, really fine,\u201d and left.",
        ),
        title="",
    )
    assert [p.name for p in facts.people] == ["Ann Lee"]
    assert facts.organizations == ()
    assert [(q.text, q.speaker) for q in facts.quotes] == [("it was fine, really fine", "Ann Lee")]
    # An acronym spelled like a word is still an organisation.
    who = extract_facts(("The WHO said cases fell. WHO officials met in Geneva.",), title="")
    assert [o.name for o in who.organizations] == ["WHO"]


def test_the_possessive_nearest_a_name_owns_its_role_and_al_is_no_other_person() -> None:
    # From The New York Times (seeds/nytimes-sudan-sanctions.html).
    facts = _facts(
        "After rebels in Darfur staged an uprising in 2003, Sudanese security services and their"
        " militia allies slaughtered tens of thousands of civilians, leading to condemnation"
        " around the world, genocide charges at the International Criminal Court against"
        " Sudan’s president, Omar Hassan al-Bashir, and a new round of American sanctions.",
        "American officials said Thursday that the American demand that Mr. Bashir be held"
        " accountable had not changed.",
    )
    assert [(p.name, p.role, p.mentions) for p in facts.people] == [
        ("Omar Hassan al-Bashir", "Sudan’s president", 2)
    ]
    # An owner's name of several words stays whole.
    wing = _facts(
        "It was led by the American Theatre Wing's director of programs, Joanna Sheehan Bell."
    )
    assert wing.people[0].role == "American Theatre Wing's director of programs"


@pytest.mark.parametrize(
    ("sentence", "people", "organizations"),
    [
        # "Federal Reserve" is an entry of its own: "Federal" alone made "Residents of Federal
        # Way" an organisation (and, once not one, "Residents" a person).
        ("Residents of Federal Way said the council should pay for the road.", [], []),
        ("The Federal Reserve raised rates on Tuesday, the bank said.", [], ["Federal Reserve"]),
        (
            "Federal Reserve System officials met in Washington on Tuesday.",
            [],
            ["Federal Reserve System"],
        ),
        ("He sued under the Federal Flag Code in 2015.", [], []),
    ],
)
def test_an_entry_of_several_words_counts_only_whole(
    sentence: str, people: list[str], organizations: list[str]
) -> None:
    facts = _facts(sentence)
    assert [p.name for p in facts.people] == people
    assert [o.name for o in facts.organizations] == organizations


def test_acronyms_of_things_are_not_organisations() -> None:
    facts = _facts(
        "The flaw lets anyone crash the server's CPU, the developer said. GDP grew 2% as the"
        " CEO spoke on TV. NATO and the BBC said the USB stick held a PDF.",
    )
    assert sorted(o.name for o in facts.organizations) == ["BBC", "NATO"]


def test_a_town_named_like_a_word_is_the_word_at_a_sentence_start() -> None:
    # From The Guardian: "“Man’s greed in the ocean is hurting the whales,” says Parata."
    facts = _facts(
        "“Man’s greed in the ocean is hurting the whales,” says Hori Parata.",
        "Mobile phones are banned in class. Reading is fun for children.",
    )
    assert facts.places == ()
    moved = _facts("Reading is fun. He moved to Reading in 2010.")
    assert [p.name for p in moved.places] == ["Reading"]


def test_a_company_and_its_short_name_are_one_organisation() -> None:
    # From The New York Times on Yahoo's sale: "Alibaba Group" then "Alibaba".
    facts = _facts(
        "Yahoo owns about 15 percent of Alibaba Group, the Chinese internet giant.",
        "Its stake in Alibaba is worth more than $30 billion, and Alibaba may buy it back.",
    )
    assert [(o.name, o.mentions) for o in facts.organizations] == [
        ("Alibaba Group", 3),
        ("Yahoo", 1),
    ]


def test_a_body_named_with_and_without_its_country_is_one() -> None:
    facts = _facts(
        "The US Congress has failed to act. Congress returns in September, and Virginia"
        " Republicans said Republicans in Congress should vote.",
    )
    assert [(o.name, o.mentions) for o in facts.organizations] == [
        ("US Congress", 3),
        ("Virginia Republicans", 1),
        ("Republicans", 1),
    ]


def test_a_spaced_dash_ends_a_name_and_a_note_label_is_none() -> None:
    facts = _facts(
        "NOTE - Apic Yamada Corp is a leading manufacturer of semiconductor leadframes.",
        "The musical Jerry Springer - The Opera opened in London, the producer Mike Leigh said.",
    )
    assert [o.name for o in facts.organizations] == ["Apic Yamada Corp"]
    assert "Jerry Springer" in [p.name for p in facts.people]
    assert all("Opera" not in p.name for p in facts.people)


def test_a_body_named_with_and_is_one_name_and_two_names_stay_two() -> None:
    facts = _facts(
        "The US Food and Drug Administration and the Securities and Exchange Commission"
        " opened inquiries, the Center for Strategic and International Studies said.",
        "Boeing and Lockheed Corp bid for the contract. Boeing said it would win.",
    )
    bodies = {
        "US Food and Drug Administration",
        "Securities and Exchange Commission",
        "Center for Strategic and International Studies",
    }
    names = {o.name for o in facts.organizations}
    assert bodies | {"Boeing", "Lockheed Corp"} <= names
    assert not any(" and " in name for name in names - bodies)


def test_no_person_is_named_with_digits_and_a_garden_is_a_venue() -> None:
    facts = _facts(
        "Gautam Budha Nagar98 reported 12 new cases, officials said. Bill Gates said IE7 was"
        " ready. The final is at Madison Square Garden, the league said.",
    )
    assert [p.name for p in facts.people] == ["Bill Gates"]
    assert "Madison Square Garden" in [p.name for p in facts.places]


def test_a_title_alone_names_no_one() -> None:
    facts = _facts(
        "The US President said it was OK, and the French Foreign Minister agreed, the Prime"
        " Minister said. Prime Minister David Cameron met Islamic State hostages' families.",
    )
    assert [(p.name, p.role) for p in facts.people] == [("David Cameron", "Prime Minister")]
    assert [o.name for o in facts.organizations] == ["Islamic State"]


def test_a_country_before_on_the_is_no_person() -> None:
    # From the Hindustan Times: "India" is a given name too.
    facts = _facts(
        "Pakistan asked China to take a tough stand against India on the Kashmir issue.",
        "Queen of the South beat Clyde 2-1, the league said.",
    )
    assert facts.people == ()
    assert "India" in [p.name for p in facts.places]


def test_names_after_more_given_names_are_one_person_and_adverbs_are_no_names() -> None:
    facts = _facts(
        "Michael Forrest Jones runs the hotel. Forrest Jones said rooms were full.",
        "Perhaps Jones was right, said Donald Trump. AT&T said it agreed.",
        "Donald Trump Barack Obama",
        "Barack Obama disagreed. The site dates from 500 BC.",
    )
    people = {p.name: p.mentions for p in facts.people}
    assert people["Michael Forrest Jones"] == 3
    assert not any(name.startswith("Perhaps") for name in people)
    assert "AT&T" not in people and "Barack Obama" in people
    assert "BC" not in [o.name for o in facts.organizations]
    companies = _facts("PricewaterhouseCoopers said revenue rose, and PolitiFact said so too.")
    assert companies.people == ()


def test_a_former_jobs_prefix_leaves_the_name_whole() -> None:
    facts = _facts(
        "CNN said the ex-New York mayor was told he would not get the job.",
        "Thanks to everyone who helped Chi and I. I'm not sure where we would be.",
    )
    assert [p.name for p in facts.places] == ["New York"]
    assert facts.people == ()


def test_a_place_named_for_its_ground_is_a_place() -> None:
    facts = _facts(
        "The couple moved to Beverly Hills, and later to Ninety Mile Beach, friends said."
    )
    assert facts.people == ()
    assert [p.name for p in facts.places] == ["Beverly Hills", "Ninety Mile Beach"]


def test_a_job_of_a_body_gives_the_body() -> None:
    facts = _facts(
        "Roger Ailes, the CEO of Fox News, met the Chair of the Beacon Council in Durham."
        " Secretary of State John Kerry was there too.",
    )
    orgs = [o.name for o in facts.organizations]
    assert "Fox News" in orgs and "Beacon Council" in orgs
    assert not any(name.startswith(("CEO", "Chair")) for name in orgs)
    assert ("John Kerry", "Secretary of State") in [(p.name, p.role) for p in facts.people]
