"""The names rule tables, one row a rule, and the classes of error they were written against.

Each rule of ``kinds.KIND_RULES`` and each cue of ``cues.PERSON_CUES`` and ``cues.BODY_CUES``
has a row here: a sentence, the name in it, and what the rule makes of it. A new rule is one
function, one entry in its table and one row below (``test_every_rule_has_a_row`` checks).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.facts import extract_facts
from digest.facts.confirm import NameKnobs
from digest.facts.cues import BODY_CUES, PERSON_CUES, ArticleWords
from digest.facts.forms import short_form, split_role, title_of
from digest.facts.kinds import KIND_RULES, decide
from digest.facts.names import NameFinder
from digest.facts.runs import Run, runs_of, start_at_first_word, trim, uncap
from digest.models import Facts


def _runs(sentence: str) -> list[Run]:
    """The runs of a sentence as the names finder prepares them for the rules."""
    prepared = []
    for run in runs_of(sentence, 0):
        uncap(run, False)
        if trim(run, set()) is None:
            continue
        start_at_first_word(run, sentence)
        if len(run.tokens) > 1:
            split_role(run)
            if run.role is None:
                title_of(run)
        if run.tokens:
            prepared.append(run)
    return prepared


def _run(sentence: str, text: str) -> Run:
    return next(r for r in _runs(sentence) if r.text == text)


KIND_ROWS: list[tuple[str, str, str, str | None]] = [
    ("known_organisation", "Reuters reported the deal on Monday.", "Reuters", "org"),
    ("thing_acronym", "Prices rose as GDP fell.", "GDP", None),
    ("honorific_place", "She was crowned Miss America in 1990.", "America", None),
    (
        "place_named_periodical",
        "The story ran in Texas magazine last week.",
        "Texas",
        "org",
    ),
    ("known_place", "Troops left the Netherlands in June.", "Netherlands", "place"),
    ("state_after_town", "She lives in Hoboken, N.J., with her son.", "N.J.", "place"),
    ("place_with_suffix", "A Pakistan-based developer wrote it.", "Pakistan-based", "place"),
    ("called_a_place", "A car bomb went off in the city of Zarzis.", "Zarzis", "place"),
    ("titled_person", "Rep. Jim Clyburn spoke first.", "Jim Clyburn", "person"),
    ("programme_or_event", "He hosts Jimmy Kimmel Live on weekdays.", "Jimmy Kimmel Live", None),
    ("law_or_treaty", "It passed the Data Retention Bill in March.", "Data Retention Bill", None),
    (
        "firm_with_ampersand",
        "The utility Pacific Gas & Electric cut power.",
        "Pacific Gas & Electric",
        "org",
    ),
    (
        "party_member",
        "It is over, said Mark Warner, a Virginia Democrat.",
        "Virginia Democrat",
        "place",
    ),
    ("bare_body_word", "Shares of the Company rose.", "Company", None),
    ("organisation_word", "He joined the Bank of England in 1990.", "Bank of England", "org"),
    ("company_abbreviation", "Shares of Kessler Motor Co rose.", "Kessler Motor Co", "org"),
    ("built_or_natural_place", "The teams met at Ellis Park on Sunday.", "Ellis Park", "place"),
    ("ordinal_first", "It was sold to 21st Century Fox last year.", "21st Century Fox", None),
    ("club_prefix", "In the final, Dinamo Bucharest won.", "Dinamo Bucharest", "org"),
    ("named_after_place", "In the series the Florida Marlins won.", "Florida Marlins", "org"),
    ("acronym", "The deal was approved by the FCC on Monday.", "FCC", "org"),
    ("no_name_words", "Police say seven Iraqis were charged.", "Iraqis", None),
    ("given_name_first", "On Monday Maria Lopez bought bread.", "Maria Lopez", "person"),
    ("initials_first", "The trophy went to R. Mahanama last week.", "R. Mahanama", "person"),
    ("town_with_region", "She grew up in Tarzana, Calif., and moved.", "Tarzana", "place"),
]
"""(rule, sentence, the name as the finder reads it, the kind the rule gives it)."""


@pytest.mark.parametrize(("rule", "sentence", "text", "kind"), KIND_ROWS)
def test_each_kind_rule_decides_its_row(
    rule: str, sentence: str, text: str, kind: str | None
) -> None:
    decided, found = decide(_run(sentence, text))
    assert decided is not None and decided.__name__ == rule
    assert found == kind


PersonCheck = tuple[str, str, str]
PERSON_ROWS: list[PersonCheck] = [
    ("said_nearby", "The vote was fair, Okonkwo Eze said on Monday.", "Okonkwo Eze"),
    ("role_beside", "Okonkwo Eze, the chief economist, disagreed.", "Okonkwo Eze"),
    ("role_noun_before", "The plan worried economist Okonkwo Eze deeply.", "Okonkwo Eze"),
    (
        "who_after",
        "The search ended for Saviour Kasukuwere, who fled in June.",
        "Saviour Kasukuwere",
    ),
    ("age_after", "Police held Reiner Perez Rives, 34, overnight.", "Reiner Perez Rives"),
    ("country_after", "The race went to Sven Nylander (Sweden) again.", "Sven Nylander"),
    (
        "of_a_place_or_body",
        "A study by Joost van Hoof of the Netherlands was published.",
        "Joost van Hoof of the Netherlands",
    ),
    (
        "and_a_person",
        "The ministers Jonathan Moyo and Saviour Kasukuwere fled.",
        "Saviour Kasukuwere",
    ),
    (
        "subject_again_and_again",
        "The book is by Chidiebere Okafor. Okafor wrote it in a year. Okafor said so.",
        "Chidiebere Okafor",
    ),
]
"""(cue, paragraph, the name the cue makes a person)."""


@pytest.mark.parametrize(("cue", "paragraph", "text"), PERSON_ROWS)
def test_each_person_cue_holds_for_its_row(cue: str, paragraph: str, text: str) -> None:
    runs = _runs(paragraph)
    article = ArticleWords.of(runs)
    for run in runs:
        if run.text == "Jonathan Moyo":  # a person the rules found ("and_a_person")
            article.people_ends.add((run.paragraph, run.end))
    run = next(r for r in runs if r.text == text)
    holding = [c.__name__ for c in PERSON_CUES if c(run, article)]
    assert holding and holding[0] == cue


BODY_ROWS: list[tuple[str, str, str]] = [
    ("body_noun_before", "Prices fell at the retailer Whole Foods this week.", "Whole Foods"),
    ("body_noun_after", "She ran for the Chart Velo party in May.", "Chart Velo"),
    ("owned_before", "Prices fell at Amazon-owned Whole Foods this week.", "Whole Foods"),
]
"""(cue, paragraph, the name the cue makes an organisation)."""


@pytest.mark.parametrize(("cue", "paragraph", "text"), BODY_ROWS)
def test_each_body_cue_holds_for_its_row(cue: str, paragraph: str, text: str) -> None:
    run = _run(paragraph, text)
    holding = [c.__name__ for c in BODY_CUES if c(run)]
    assert holding and holding[0] == cue


def test_every_rule_has_a_row() -> None:
    tables: list[tuple[tuple[Callable[..., object], ...], set[str]]] = [
        (KIND_RULES, {row[0] for row in KIND_ROWS}),
        (PERSON_CUES, {row[0] for row in PERSON_ROWS}),
        (BODY_CUES, {row[0] for row in BODY_ROWS}),
    ]
    for table, rows in tables:
        assert {rule.__name__ for rule in table} == rows


def _facts(*paragraphs: str, title: str = "") -> Facts:
    return extract_facts(tuple(paragraphs), title=title, published="2019-03-01", language="en")


def _names(facts: Facts) -> tuple[list[str], list[str], list[str]]:
    return (
        [p.name for p in facts.people],
        [o.name for o in facts.organizations],
        [p.name for p in facts.places],
    )


@pytest.mark.parametrize(
    ("paragraphs", "people", "not_people"),
    [
        # A soft hyphen inside a name (U+00AD, a page's hyphenation hint) splits nothing.
        (
            ("Aside from Russian President Vladi\u00admir Putin, few leaders do.",),
            ["Vladimir Putin"],
            ["Vladi"],
        ),
        # A word opening a sentence only because it opens it is no part of a name.
        (
            ("Once Simmons arrived, Brett Simmons said, the game changed.",),
            ["Brett Simmons"],
            ["Once Simmons"],
        ),
        # A title and the words inside it are the role, not the name.
        (
            ("Slack’s Senior Content Director Matt Haughey said so.",),
            ["Matt Haughey"],
            ["Senior Content Director Matt Haughey"],
        ),
        # A place and a party's label name an anonymous source, no one.
        (("“It is over,” said a Virginia Democrat on Tuesday.",), [], ["Virginia Democrat"]),
        # A surname never given in full, with no title or role, is no person ("when unsure,
        # leave it out"): bodies are written so too ("Roscosmos said").
        (
            ("Roscosmos said the craft broke up. Roscosmos said it would look into it.",),
            [],
            ["Roscosmos"],
        ),
        # "a"/"an"/"the" before a name makes it a thing's or a body's.
        (
            ("It was an Easter Egg, and the American Theatre Wing announced it.",),
            [],
            ["Easter Egg", "American Theatre Wing"],
        ),
    ],
)
def test_names_of_people_are_cut_where_a_reader_cuts_them(
    paragraphs: tuple[str, ...], people: list[str], not_people: list[str]
) -> None:
    found = _names(_facts(*paragraphs))[0]
    assert set(people) <= set(found)
    assert not set(not_people) & set(found)


def test_a_name_is_a_person_by_what_the_article_says_whatever_its_origin() -> None:
    # Issue 17: no given-name list knows "Chidiebere" or "Saviour"; the article makes them
    # people by what they do and say, and by an age or a "who".
    facts = _facts(
        "Chidiebere Okafor has run the clinic since 2009.",
        "Okafor said funding had dried up. Okafor told staff to wait.",
        "Police arrested Reiner Perez Rives, 34, at the border.",
        "The search ended for Saviour Kasukuwere, who fled in June.",
    )
    people = _names(facts)[0]
    assert {"Chidiebere Okafor", "Reiner Perez Rives", "Saviour Kasukuwere"} <= set(people)
    assert "Okafor" not in people


@pytest.mark.parametrize(
    ("paragraph", "place", "label"),
    [
        # A hashtag or a handle is a label that runs into no name: the place after it is one.
        (
            "A video tagged #Hamilton Chicago show spread on Sunday, the theatre said.",
            "Chicago",
            "Hamilton",
        ),
        ("Thousands used #Brexit London protest signs on Saturday.", "London", "Brexit"),
        ("Posts from @MetroDesk Toronto police said the road was shut.", "Toronto", "MetroDesk"),
    ],
)
def test_a_hashtag_or_a_handle_is_no_name(paragraph: str, place: str, label: str) -> None:
    people, orgs, places = _names(_facts(paragraph))
    assert place in places
    assert not any(label in name for name in people + orgs + places)


def test_bodies_keep_their_whole_name() -> None:
    facts = _facts(
        "The utility Pacific Gas & Electric cut power, the Center on Poverty and Inequality said.",
        "They hired the law firm Paul, Weiss, Rifkind, Wharton & Garrison to look into it.",
        "She studies allergies at the Murdoch Children’s Research Institute.",
    )
    orgs = _names(facts)[1]
    assert "Pacific Gas & Electric" in orgs
    assert "Center on Poverty and Inequality" in orgs
    assert "Paul, Weiss, Rifkind, Wharton & Garrison" in orgs
    assert "Murdoch Children’s Research Institute" in orgs
    assert not {"Pacific Gas", "Center on Poverty", "Research Institute", "Paul"} & set(orgs)


def test_acronyms_of_things_and_words_shouted_are_no_bodies() -> None:
    facts = _facts(
        "The console plays games in HDR, and the VR headset plugs into its HDMI port.",
        "It WAS a shock, said the NBC executive, and NBC said it would look again.",
        "World War II ended, and the People Power Party (PPP) met.",
    )
    orgs = _names(facts)[1]
    assert {"NBC", "PPP"} <= set(orgs)
    assert not {"HDR", "VR", "HDMI", "WAS", "II"} & set(orgs)


def test_places_named_as_bodies_or_in_short_forms_are_places() -> None:
    facts = _facts(
        "ST. LOUIS, MO (KTVI) – Officers of the St. Louis County Police gathered in the U.K.",
    )
    orgs, places = _names(facts)[1:]
    assert {"St. Louis", "MO", "U.K."} <= set(places)
    assert not {"MO", "U.K."} & set(orgs)


@pytest.mark.parametrize(
    ("title", "paragraphs", "main"),
    [
        # A dateline in mixed case, with the town's state.
        ("Man held after fire", ("Westfield, N.J. — A man was held after a fire.",), "Westfield"),
        # A place only the headline names.
        ("Blackouts across California", ("The utility cut power to 800,000 homes.",), "California"),
        # A town named only by its own bodies.
        ("A school in mourning", ("Westfield High School students held a vigil.",), "Westfield"),
        # A town before its state, which no gazetteer of larger towns holds.
        ("Fire", ("A woman from Tarzana, Calif., escaped the fire.",), "Tarzana"),
    ],
)
def test_the_story_s_main_place_is_among_its_places(
    title: str, paragraphs: tuple[str, ...], main: str
) -> None:
    assert main in _names(_facts(*paragraphs, title=title))[2]


def test_the_tagger_reads_a_bounded_number_of_runs() -> None:
    # A hostile page of thousands of capitalised pairs: the tagger judges at most
    # ``max_judged`` of them and the rules decide the rest.
    paragraph = " ".join(f"Kwame Zork{i} and Ama Quux{i} met." for i in range(600))
    finder = NameFinder((paragraph,), NameKnobs(max_judged=50))
    assert finder.confirmer.judged <= 50


@pytest.mark.parametrize(
    ("paragraph", "org"),
    [
        # A wire's office signs its copy by city: the office is a body, not a place.
        ("-- Jane Roe, Oslo Newsroom +47 22 00 00 00", "Oslo Newsroom"),
        # A paper's desk is a body of its staff.
        ("Editors on the Foreign Desk checked the story.", "Foreign Desk"),
    ],
)
def test_a_newsroom_or_a_desk_is_a_body(paragraph: str, org: str) -> None:
    assert org in _names(_facts(paragraph))[1]


@pytest.mark.parametrize(
    ("org", "short"),
    [
        ("Alibaba Group", "Alibaba"),  # a corporate suffix dropped
        ("U.S. Supreme Court", "Supreme Court"),  # a country before the body's name
        ("OSCE Chechnya", None),  # a place after a body's name: its mission, another
        ("Virginia Republicans", None),  # a party's members are not all its members
        ("Bank Negara", None),  # no town after it
    ],
)
def test_a_body_is_listed_once_under_its_fuller_name(org: str, short: str | None) -> None:
    assert short_form(org) == short


@pytest.mark.parametrize(
    ("margin", "orgs"),
    [
        # The tagger reads both clubs as organisations by a margin of 11 to 14.
        (10.0, {"Werder Bremen", "Hansa Rostock"}),
        # Under the shipped margin that is not sure enough: the rules alone decide.
        (NameKnobs().add_org_margin, set()),
        (float("inf"), set()),
    ],
)
def test_the_tagger_adds_an_organisation_only_when_sure(margin: float, orgs: set[str]) -> None:
    finder = NameFinder(
        ("Werder Bremen beat Hansa Rostock 2-1 on Saturday.",), NameKnobs(add_org_margin=margin)
    )
    assert set(finder.orgs) == orgs


@pytest.mark.parametrize(
    ("paragraph", "org"),
    [
        # A known body's acronym written with stops is the body before a noun too.
        ("He asked for an end to U.N. trade sanctions on the country.", "U.N."),
        ("The E.U. rules came into force in May.", "E.U."),
    ],
)
def test_a_known_body_s_acronym_with_stops_is_the_body(paragraph: str, org: str) -> None:
    assert org in _names(_facts(paragraph))[1]


@pytest.mark.parametrize(
    ("paragraph", "place", "listed"),
    [
        # English copy drops a place's marks: "Zurich" is "Zürich".
        ("She moved to Zurich in May and to Malmo in June.", "Zurich", True),
        ("She moved to Zurich in May and to Malmo in June.", "Malmo", True),
        # Not when the bare form is a given name ("León") or a word ("Salé").
        ("Leon Harris met her on the Sale day.", "Leon", False),
    ],
)
def test_a_place_is_known_without_its_marks(paragraph: str, place: str, listed: bool) -> None:
    assert (place in _names(_facts(paragraph))[2]) is listed


@pytest.mark.parametrize(
    ("paragraphs", "orgs", "places"),
    [
        # A side's score line with its scorers in brackets, one side a line: the towns
        # are clubs.
        (
            (
                "Close of play scores on Friday:",
                "At Bristol: Derby 251 (J. Doe 80, R. Roe 55 not out).",
                "Leeds 120-3 (A. Smith 61 not out).",
            ),
            {"Derby", "Leeds"},
            {"Bristol"},
        ),
        # Numbers after places with no scorers are no results: a count a line.
        (
            ("Electoral votes won by the end of the night:", "Texas 38", "Florida 29"),
            set(),
            {"Texas", "Florida"},
        ),
    ],
)
def test_sides_with_their_scorers_are_clubs(
    paragraphs: tuple[str, ...], orgs: set[str], places: set[str]
) -> None:
    _people, found_orgs, found_places = _names(_facts(*paragraphs))
    assert orgs <= set(found_orgs) and not orgs & set(found_places)
    assert places <= set(found_places) and not places & set(found_orgs)


@pytest.mark.parametrize(
    ("margin", "clubs", "towns"),
    [
        # In results copy the tagger reads these towns as their clubs: they are clubs.
        (NameKnobs().place_org_margin, {"Rennes"}, set()),
        # Without it the rules keep the towns as places.
        (float("inf"), set(), {"Rennes", "Metz"}),
    ],
)
def test_in_results_copy_a_town_the_tagger_reads_as_a_club_is_one(
    margin: float, clubs: set[str], towns: set[str]
) -> None:
    paragraphs = (
        "Results of French league matches on Saturday:",
        "Lyon 2 Bordeaux 1",
        "Rennes sacked their coach after three defeats, and Metz stay top.",
    )
    finder = NameFinder(paragraphs, NameKnobs(place_org_margin=margin))
    assert clubs <= set(finder.orgs) and towns <= set(finder.places)


@pytest.mark.parametrize(
    ("paragraph", "not_place"),
    [
        # The people of a place are no place, though a town bears their name.
        ("Brits flocked to the beaches on Monday.", "Brits"),
        # A place's name before "magazine" is the magazine's.
        ("The story ran in New York magazine last week.", "New York"),
    ],
)
def test_a_people_or_a_magazine_is_no_place(paragraph: str, not_place: str) -> None:
    assert not_place not in _names(_facts(paragraph))[2]


@pytest.mark.parametrize(
    ("paragraph", "place", "listed"),
    [
        # A common noun of places names the place beside it.
        ("It fell over the remote Russian Tuva region.", "Tuva", True),
        ("They fled to the village of Kfar Aza.", "Kfar Aza", True),
        # A people's adjective before "city of" is no place.
        ("They seized the Libyan city of Sirte.", "Libyan", False),
    ],
)
def test_a_noun_of_places_names_the_place_beside_it(
    paragraph: str, place: str, listed: bool
) -> None:
    assert (place in _names(_facts(paragraph))[2]) is listed


@pytest.mark.parametrize(
    ("paragraph", "people", "places"),
    [
        # A party's member by place and party names the place, no person.
        ("“It is over,” said Mark Warner, a Virginia Democrat.", ["Mark Warner"], ["Virginia"]),
        # Members of a house in the plural are a group, no person.
        ("Tory MPs said they would vote against it.", [], []),
        ("Labour MSPs and two MEPs said so.", [], []),
    ],
)
def test_party_members_are_no_person(paragraph: str, people: list[str], places: list[str]) -> None:
    found_people, _orgs, found_places = _names(_facts(paragraph))
    assert found_people == people
    assert found_places == places


@pytest.mark.parametrize(
    ("paragraph", "club"),
    [
        # A player's position after a name no list knows makes it a club.
        ("Dunmore striker Jo Sato was picked on Thursday.", "Dunmore"),
        ("Kessington goalkeeper Ali Kaya saved twice.", "Kessington"),
    ],
)
def test_a_player_s_position_makes_a_club(paragraph: str, club: str) -> None:
    assert club in _names(_facts(paragraph))[1]


def test_a_description_before_a_position_is_no_club() -> None:
    orgs = _names(_facts("Two-try winger Jo Sato starred, and Former England fullback Al Roe."))[1]
    assert not {"Two-try", "Former England", "England"} & set(orgs)


@pytest.mark.parametrize(
    ("paragraphs", "clubs", "countries"),
    [
        # Among a league's clubs a country's name is a club's.
        (
            ("French league results:", "Lyon 2 Monaco 1", "Lille 0 Nantes 0", "Metz 1 Rennes 1"),
            {"Monaco", "Lyon"},
            set(),
        ),
        # National sides play national sides: their countries stay places.
        (("World Cup qualifiers:", "France 2 Mexico 0", "Italy 1 Spain 1"), set(), {"France"}),
    ],
)
def test_a_country_among_a_league_s_clubs_is_a_club(
    paragraphs: tuple[str, ...], clubs: set[str], countries: set[str]
) -> None:
    _people, orgs, places = _names(_facts(*paragraphs))
    assert clubs <= set(orgs) and not clubs & set(places)
    assert countries <= set(places) and not countries & set(orgs)


@pytest.mark.parametrize(
    ("paragraphs", "orgs", "not_orgs"),
    [
        # In results copy a club named with its town after it is one club.
        (
            (
                "Results on Sunday:",
                "Dynamo Kyiv 2 Arsenal Tula 1",
                "Dynamo striker Ivan Petrov scored.",
            ),
            ["Dynamo Kyiv"],
            ["Dynamo"],
        ),
    ],
)
def test_in_results_a_club_with_its_town_is_listed_once(
    paragraphs: tuple[str, ...], orgs: list[str], not_orgs: list[str]
) -> None:
    finder = NameFinder(paragraphs)
    listed = [e.name for e in finder.org_list()]
    assert set(orgs) <= set(listed) and not set(not_orgs) & set(listed)


@pytest.mark.parametrize(
    ("paragraph", "clubs", "towns"),
    [
        # A town as subject or object of a match word, in a sentence with a score, is its club.
        ("Leeds thrashed Derby 5-0 on Saturday.", {"Leeds", "Derby"}, set()),
        ("Rennes needed a late goal to seal a 3-2 victory over Metz.", {"Metz"}, set()),
        ("They lost 2-0 at home to Lyon in the cup.", {"Lyon"}, set()),
        ("Bordeaux were held 1-1 by newly-promoted Nantes.", {"Bordeaux", "Nantes"}, set()),
        ("The hat-trick came in Lyon's 4-0 home win.", {"Lyon"}, set()),
        # A club's name that opens with its town, as a side.
        ("The Boston Red Sox won 4-1 over the Kessington Owls.", {"Boston Red Sox"}, set()),
        # A place after "in" is where the match was, not a side.
        ("Leeds won 3-1 in Madrid on Sunday.", {"Leeds"}, {"Madrid"}),
        # No score in the sentence: no match report, the town stays a place.
        ("Officials said Paris won the race to host the games.", set(), {"Paris"}),
        # A range of percent is no score.
        ("Prices in Tokyo beat forecasts, rising 2-3 percent.", set(), {"Tokyo"}),
        # A player beats a player: people stay people.
        ("Pete Sampras beat Todd Martin 6-2 6-1.", set(), set()),
    ],
)
def test_a_town_as_a_side_of_a_match_is_its_club(
    paragraph: str, clubs: set[str], towns: set[str]
) -> None:
    _people, orgs, places = _names(_facts(paragraph))
    assert clubs <= set(orgs) and not clubs & set(places)
    assert towns <= set(places) and not towns & set(orgs)


def test_a_town_after_in_stays_a_place_where_its_club_plays() -> None:
    _people, orgs, places = _names(
        _facts("Detroit beat Boston 4-2 on Monday.", "In Detroit, Smith hit two home runs.")
    )
    assert "Detroit" in orgs and "Detroit" in places


@pytest.mark.parametrize(
    ("paragraph", "acronym", "listed"),
    [
        # A kind of body before the acronym, or a noun of bodies after it, makes it a body.
        ("Police arrested a member of the separatist group KLX.", "KLX", True),
        ("Analysts at investment bank QBS cut the forecast.", "QBS", True),
        ("The APX party won a third of the seats.", "APX", True),
        ("The report came from Dutch news agency DNP on Friday.", "DNP", True),
        ("ZTF rebels seized the town overnight.", "ZTF", True),
        # Its officials or spokesmen speak for a body.
        ("QSTA officials said the plan would go ahead.", "QSTA", True),
        ("The QSTA spokesmen declined to comment.", "QSTA", True),
        ("He said the QSTA plan would go ahead.", "QSTA", False),
        # Named alone after "the", with no noun after it: the body itself.
        ("The ruling was a defeat for the QSTA.", "QSTA", True),
        ("Members of the QSTA, which met on Monday, voted.", "QSTA", True),
        ("It was the QSTA version of the game.", "QSTA", False),
        # The initials of the body's name before the brackets spell it.
        ("He met leaders of the Democratic Union of Karelia (DUK) on Monday.", "DUK", True),
        # Or they spell a name the article makes a body's by another cue, either way round.
        (
            "The retailer Brisco Mineral Economics raised prices. Analysts like the look of"
            " Brisco Mineral Economics (BME) stock.",
            "BME",
            True,
        ),
        (
            "The retailer Brisco Mineral Economics raised prices. Analysts like the look of"
            " BME (Brisco Mineral Economics) stock.",
            "BME",
            True,
        ),
        (
            "Brisco Mineral Economics raised prices. Analysts like the look of"
            " Brisco Mineral Economics (BME) stock.",
            "BME",
            False,
        ),
        # A measure's initials are no body's; a noun that is a thing's neither.
        ("The Optimised Asset Value (OAV) rose by a tenth.", "OAV", False),
        ("The console plays games in HDR content mode.", "HDR", False),
    ],
)
def test_an_acronym_named_as_a_body_is_one(paragraph: str, acronym: str, listed: bool) -> None:
    assert (acronym in _names(_facts(paragraph))[1]) is listed


@pytest.mark.parametrize(
    ("line", "team", "listed"),
    [
        # A placed line of results: the competitor, the country, then the team.
        ("2. Maria Lopez (Spain) Vantoro 1:54.443", "Vantoro", True),
        ("7. Jo Sato (Japan) Kessington one lap", "Kessington", True),
        # A team bearing a country's name is the team on such a line.
        ("4. Tom Walker (Britain) Jordan 1:55.385", "Jordan", True),
        # No placing: no line of results.
        ("Maria Lopez (Spain) Vantoro 1:54.443", "Vantoro", False),
    ],
)
def test_a_competitor_s_team_on_a_line_of_results_is_an_organisation(
    line: str, team: str, listed: bool
) -> None:
    orgs = _names(_facts("Placings after the second stage:", line))[1]
    assert (team in orgs) is listed


@pytest.mark.parametrize(
    ("paragraph", "clubs", "places"),
    [
        # Players with their clubs in brackets: the clubs are organisations.
        (
            "Defenders - Marco Rossi (Lazio), Jo Sato (Kessington), Tom Walker (Leeds).",
            {"Lazio", "Kessington", "Leeds"},
            set(),
        ),
        # Countries in brackets are the players' nations.
        ("Runners - Jane Doe (Kenya), John Roe (Ethiopia).", set(), {"Kenya", "Ethiopia"}),
        # States after senators, with no sign of sport, stay places.
        ("The senators were Jane Doe (Texas), John Roe (Ohio).", set(), {"Texas", "Ohio"}),
    ],
)
def test_players_clubs_in_brackets_are_organisations(
    paragraph: str, clubs: set[str], places: set[str]
) -> None:
    _people, orgs, found_places = _names(_facts(paragraph))
    assert clubs <= set(orgs) and not clubs & set(found_places)
    assert places <= set(found_places) and not places & set(orgs)


@pytest.mark.parametrize(
    ("paragraphs", "clubs", "towns"),
    [
        # A team a player plays for, or came from, is a club.
        (("He plays for Newcastle these days.",), {"Newcastle"}, set()),
        (("The striker, signed from Leeds, scored twice.",), {"Leeds"}, set()),
        # A group of a town's players names its club.
        (("He is without the Dortmund trio of Jo Sato and Al Roe.",), {"Dortmund"}, set()),
        # In a report of results, a town owning a player, or named a side, is a club.
        (("Leeds beat Derby 2-0.", "Bremen's Jens Todt was picked."), {"Bremen"}, set()),
        (("Leeds beat Derby 2-0.", "First division side Nice sacked the coach."), {"Nice"}, set()),
        # Elsewhere a town owning a person is the town.
        (("London's Sadiq Khan spoke on Monday.",), set(), {"London"}),
        # Players' clubs in brackets, in a report of results; a country there stays a place.
        (
            ("Leeds beat Derby 2-0.", "Jo Sato (Lille), Al Roe (Monaco), Tom Walker (Metz)."),
            {"Lille", "Metz"},
            {"Monaco"},
        ),
    ],
)
def test_a_town_a_player_plays_for_is_its_club(
    paragraphs: tuple[str, ...], clubs: set[str], towns: set[str]
) -> None:
    _people, orgs, places = _names(_facts(*paragraphs))
    assert clubs <= set(orgs) and not clubs & set(places)
    assert towns <= set(places) and not towns & set(orgs)


@pytest.mark.parametrize(
    ("paragraph", "name", "listed"),
    [
        # A noun of bodies after a name makes it the body's.
        ("She ran for the Chart Velo party in May.", "Chart Velo", True),
        ("The report came from the Dnevi Zor news agency.", "Dnevi Zor", True),
        # A celebration is no body; a cause's fighters name no body but an acronym's do.
        ("They threw a Super Bowl party on Sunday.", "Super Bowl", False),
        ("Kessoni rebels seized the town.", "Kessoni", False),
        ("ZTF rebels seized the town.", "ZTF", True),
        # Houses of parliaments are bodies.
        ("The House of Commons voted on Monday.", "House of Commons", True),
    ],
)
def test_a_noun_of_bodies_after_a_name_makes_it_a_body(
    paragraph: str, name: str, listed: bool
) -> None:
    assert (name in _names(_facts(paragraph))[1]) is listed


@pytest.mark.parametrize(
    ("margin", "clubs"),
    [
        # In results copy the tagger may add a club at a lower margin than elsewhere.
        (NameKnobs().add_club_margin, {"Bastia", "Cannes"}),
        (NameKnobs().add_org_margin, set()),
        (float("inf"), set()),
    ],
)
def test_in_results_copy_the_tagger_adds_a_club_at_its_own_margin(
    margin: float, clubs: set[str]
) -> None:
    paragraphs = (
        "Results on Saturday:",
        "Lyon 2 Nantes 1",
        "Bastia and Cannes are level on points.",
    )
    finder = NameFinder(paragraphs, NameKnobs(add_club_margin=margin))
    assert set(finder.orgs) - {"Lyon", "Nantes"} == clubs


@pytest.mark.parametrize(
    ("paragraphs", "place", "listed"),
    [
        # One word in capitals inside a sentence is an acronym, not the town of that name.
        (("The page loads its data with AJAX calls.",), "Ajax", False),
        # A dateline, a line in capitals or a results line gives the town in capitals.
        (("ANCHORAGE, Alaska 2019-03-01", "Snow fell all day."), "Anchorage", True),
        (("Results on Sunday:", "Oakland 4 BOSTON 6"), "Boston", True),
    ],
)
def test_a_word_in_capitals_inside_a_sentence_is_no_town(
    paragraphs: tuple[str, ...], place: str, listed: bool
) -> None:
    _people, orgs, places = _names(_facts(*paragraphs))
    assert (place in places or place in orgs) is listed


@pytest.mark.parametrize(
    ("paragraphs", "place", "listed"),
    [
        # A town's name that is a given name too, speaking, is a person's: no place.
        (
            ("He came home with his wife, Elizabeth.", "“We won,” said Elizabeth."),
            "Elizabeth",
            False,
        ),
        # A country speaks for its government; a town not speaking stays a town.
        (("Jordan said on Monday it would reopen the border.",), "Jordan", True),
        (("The plant in Elizabeth closed on Monday.",), "Elizabeth", True),
    ],
)
def test_a_town_named_like_a_person_who_speaks_is_no_place(
    paragraphs: tuple[str, ...], place: str, listed: bool
) -> None:
    assert (place in _names(_facts(*paragraphs))[2]) is listed


@pytest.mark.parametrize(
    ("paragraphs", "listed", "not_listed"),
    [
        # In results copy a club named by town and nickname is one club, by either half.
        (
            ("Results on Sunday:", "Baltimore 4 Boston 2", "The Baltimore Orioles won again."),
            ["Baltimore Orioles", "Boston"],
            ["Baltimore"],
        ),
    ],
)
def test_in_results_a_club_by_town_and_nickname_is_listed_once(
    paragraphs: tuple[str, ...], listed: list[str], not_listed: list[str]
) -> None:
    orgs = [e.name for e in NameFinder(paragraphs).org_list()]
    assert set(listed) <= set(orgs) and not set(not_listed) & set(orgs)


@pytest.mark.parametrize(
    ("paragraphs", "clubs", "places"),
    [
        # "champions" before a town makes it a club in any article; a country stays a place.
        (("Reigning champions Porto open their season on Sunday.",), {"Porto"}, set()),
        (("World champions Germany open their season on Sunday.",), set(), {"Germany"}),
        # In a report of results, a placing or a newcomer's name before a town.
        (
            ("Leeds beat Derby 2-0.", "Second-placed Stuttgart have a game in hand."),
            {"Stuttgart"},
            set(),
        ),
        (
            ("Leeds beat Derby 2-0.", "They host serie A newcomers Perugia next."),
            {"Perugia"},
            set(),
        ),
    ],
)
def test_a_title_or_a_placing_before_a_town_makes_it_a_club(
    paragraphs: tuple[str, ...], clubs: set[str], places: set[str]
) -> None:
    _people, orgs, found_places = _names(_facts(*paragraphs))
    assert clubs <= set(orgs) and not clubs & set(found_places)
    assert places <= set(found_places) and not places & set(orgs)


@pytest.mark.parametrize(
    ("line", "clubs"),
    [
        # Two sides, each with its country in brackets and its score: clubs.
        ("In Bergen: Kessington (Norway) 2 Barnsworth (Ireland) 1", {"Kessington", "Barnsworth"}),
        # A player's result gives the score after the second player only: no clubs.
        ("Maria Lopez (Spain) beat Jo Sato (Japan) 6-2 6-3", set()),
    ],
)
def test_sides_each_with_a_country_and_a_score_are_clubs(line: str, clubs: set[str]) -> None:
    orgs = _names(_facts("Results of the first leg on Wednesday:", line))[1]
    assert clubs <= set(orgs) and (clubs or not {"Maria Lopez", "Jo Sato"} & set(orgs))


def test_a_club_named_like_a_person_on_a_line_of_two_scores_is_a_club() -> None:
    _people, orgs, _places = _names(
        _facts("Results on Saturday:", "Lyon 2 Bordeaux 1", "Paris Saint Clare 1 Nantes 0")
    )
    assert {"Paris Saint Clare", "Nantes"} <= set(orgs)


@pytest.mark.parametrize(
    ("paragraphs", "clubs"),
    [
        # Lines of two sides no list knows and their scores: results of team games.
        (
            ("Results on Sunday:", "Kessa 1 Partovo 1", "Valmora 3 Skedia 0"),
            {"Kessa", "Partovo", "Valmora", "Skedia"},
        ),
        # As many lines of clubs as of players (by the lists' reading of their names): the
        # lines of sides no list knows decide, as when no line is decided.
        (
            (
                "Results on Sunday:",
                "Petra Kessova 1 Slovan Varda 3",
                "FC Lorvik 0 FC Dassen 2",
                "Banik Ostrana 3 Kessa Tepla 1",
                "Sigma Olmar 1 Vorda Brnik 0",
            ),
            {"Banik Ostrana", "Kessa Tepla", "Sigma Olmar", "Vorda Brnik"},
        ),
        # A side named by its initials is a club too, though no noun follows it.
        (
            ("Results of matches on Saturday:", "KBV 3 Ferland 0", "Lorvik 1 Dassen 1"),
            {"KBV", "Ferland", "Lorvik", "Dassen"},
        ),
        # One such line alone (a table's row, a form's field) is no report of results.
        (("Figures for the quarter:", "Paydate 15 Period 3"), set()),
    ],
)
def test_lines_of_two_unknown_sides_and_scores_are_clubs(
    paragraphs: tuple[str, ...], clubs: set[str]
) -> None:
    orgs = set(_names(_facts(*paragraphs))[1])
    assert clubs <= orgs and (clubs or not {"Paydate", "Period"} & orgs)
