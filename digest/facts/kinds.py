"""What a run of capitalised words names: a person (and the role the article gives them),
an organisation, a place, or nothing.

    a run -> a title before the name split off ("Defence Minister", "Rep.": ``forms.py``)
    -> its kind, from the lists (places, organisations, given names), organisation, venue
    and event words, initials, and a place before a word that is not one ("Florida
    Marlins") -> for a person, the role around the name ("Jane Doe, the chief economist,")
    and where the name ends (``forms.py``)

Precision comes first: a run no list, word or cue vouches for is "unknown", and becomes a
person only when a cue around it says so (:func:`said_nearby`, :func:`role_around`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from digest.facts.gazetteer import (
    CLUB_PREFIXES,
    CLUB_PREFIXES_BEFORE_PLACE,
    COMMON_CAPITALISED,
    COUNTRIES,
    DEMONYMS,
    GEO_WORDS,
    KNOWN_ORGS,
    ORG_PHRASES,
    ORG_WORDS,
    ROLE_WORDS,
    STATE_ABBREVIATIONS,
    given_names,
    is_given_name,
    lower_words,
    places,
)
from digest.facts.runs import ACRONYM, CONNECTORS, ORDINAL, Run
from digest.text.words import word_list

_PHRASE_WORDS: Final = frozenset({"of", "the", "for", "on"})
"""Connectors of a phrase of names ("India on the Kashmir issue"), never right after the
first word of a person's name."""
_VENUE_WORDS: Final = word_list("facts/kinds/venue_words")
"""Last words of a place built or laid out by people: "Trent Bridge", "Grace Road", "Ellis Park"."""
INITIALS: Final = re.compile(r"^(?:[A-Z]\.){1,3}$")
"""Initials with their stops: "R.", "J.R.R."."""
PROGRAMME_WORDS: Final = word_list("facts/kinds/programme_words")
"""Last words of a programme's title, which names no person ("The Laura Ingraham Show")."""
EVENT_WORDS: Final = word_list("facts/kinds/event_words")
"""Last words of an event's name ("Athens Olympics", "Gulf War"): neither a body nor a place."""
_NO_NAME_WORDS: Final = DEMONYMS | COMMON_CAPITALISED
"""Words that make no name on their own or together: "British", "The", "Monday"."""
_CAPITALS_AND: Final = re.compile(r"[A-Z]{1,3}&[A-Z]{1,3}")
"""Capitals joined by "&", a firm's short name: "S&P", "PG&E", "AT&T"."""
_LAW_WORDS: Final = word_list("facts/kinds/law_words")
"""Last words of a law's, a treaty's or a code's name: "Investment Company Act"."""
_PARTY_MEMBERS: Final = word_list("facts/kinds/party_members")
"""One member of a party, named by the party: "a Virginia Democrat" names no one."""
ROMAN: Final = re.compile(r"(?=[IVXL]{2})X{0,3}(?:IX|IV|V?I{0,3})")
"""A Roman numeral of two letters or more ("II", "XIV"): a number in a title, not a body."""
_AFTER_TOWN: Final = re.compile(
    r"(?<![\w.'’-])(?P<town>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}),\s*$"
)
"""A town and its comma just before a state's short form: "St. Louis, "."""
_PLACE_PREPOSITION: Final = re.compile(r"\b(?:at|in|into|near|on|to|from|outside)\s+$")
"""A preposition of place just before a run: "at Trent Bridge", "to Beverly Hills"."""
_AFTER_A: Final = re.compile(r"(?:^|\s)(?:a|an|A|An)\s+$")
"""An indefinite article just before a run: "a Whole Foods spokeswoman", "an Easter Egg"
name a kind of thing, not a person."""
_PLACE_SUFFIXES: Final = word_list("facts/kinds/place_suffixes")
"""Second halves of a word that leave a place in its first: "Pakistan-based", "Texas-born"."""
_MEMBER_PLURALS: Final = word_list("facts/kinds/member_plurals")
"""Members of a house in the plural: "Tory MPs", "MSPs"."""
_PLACE_NOUNS: Final = word_list("facts/kinds/place_nouns")
"""Common nouns of places: "the city of Djerba", "the Tuva region"."""
_PLACE_NOUN_BEFORE: Final = re.compile(
    r"\bthe\s+(?:[a-z]+\s+)?(" + "|".join(sorted(_PLACE_NOUNS)) + r")\s+of\s+$"
)
_PLACE_NOUN_AFTER: Final = re.compile(r"\s+(" + "|".join(sorted(_PLACE_NOUNS)) + r")\b(?!\s+of\b)")
"""A noun of places after a name, not one that opens "city of ..." ("the Libyan city of")."""
_THING_ACRONYMS: Final = word_list("facts/kinds/thing_acronyms")
"""Acronyms of things, jobs and measures, never of a body: "CPU", "GDP", "CEO" alone."""


NO_NAME: Final = "none"
"""What a rule of ``KIND_RULES`` gives a run that names nothing ("Monday", "Iraqis")."""
UNDECIDED: Final = "unknown"
"""What a rule gives a run whose kind no later rule may guess: the cues decide
(``PERSON_CUES`` in ``names.py``) or it is left out."""

KindRule = Callable[[Run], str | None]
"""A rule of ``KIND_RULES``: the kind it gives a run ("person", "org", "place" or
``NO_NAME``), or None when it has nothing to say and the next rule is asked."""


def known_organisation(run: Run) -> str | None:
    """A list names the body: "Reuters", "Hamas", "European Union", "U.N." (as "UN")."""
    text = run.text
    if text in KNOWN_ORGS or ("." in text and text.replace(".", "") in KNOWN_ORGS):
        return "org"
    return None


def thing_acronym(run: Run) -> str | None:
    """An acronym of a thing, a job or a measure: "TV", "GDP", "CEO" alone (though "Fox TV"
    is a body)."""
    return NO_NAME if run.text in _THING_ACRONYMS else None


def honorific_place(run: Run) -> str | None:
    """A form of address before a place names a title, not a person: "Miss America"."""
    return NO_NAME if run.honorific and run.text in places() else None


def place_named_periodical(run: Run) -> str | None:
    """A place's name before "magazine" names the magazine: "New York magazine" is a
    body, not the city."""
    after = run.source[run.end : run.end + 10]
    if re.match(r" magazine\b", after) and run.text in places():
        run.tokens = [*run.tokens, "magazine"]
        run.end += len(" magazine")
        return "org"
    return None


def known_place(run: Run) -> str | None:
    """The gazetteer knows the place, with or without "the" or stops: "Paris", "the
    Netherlands", "U.K."."""
    words = run.tokens
    text = run.text
    if _people_of(text):
        return None  # "Brits", "Londoners": the people, though a town bears the name
    if text in places() or (words[0] == "the" and " ".join(words[1:]) in places()):
        return "place"
    if len(words) == 1 and "." in text and ACRONYM.match(text):
        return "place" if text.replace(".", "") in places() else None

    return None


def state_after_town(run: Run) -> str | None:
    """A US state's short form after a town and a comma is the state: "St. Louis, MO",
    "Trenton, N.J.", "Tarzana, Calif."."""
    if len(run.tokens) != 1 or run.text not in STATE_ABBREVIATIONS:
        return None
    town = _AFTER_TOWN.search(run.before(40))
    # "Katie Allen, MD": a person's name and a degree, not a town and a state.
    if town and town.group("town").split()[0] not in given_names():
        if run.source.startswith(".", run.end) and f"{run.text}." in STATE_ABBREVIATIONS:
            run.tokens = [f"{run.text}."]  # "Calif." keeps the stop its words cut
        return "place"
    return None


def place_with_suffix(run: Run) -> str | None:
    """A place joined to "-based", "-born", "-area" ... is that place: "Pakistan-based
    developer" names Pakistan, "Mercer Island-based" Mercer Island."""
    last = run.tokens[-1]
    if "-" not in last:
        return None
    head, _, tail = last.rpartition("-")
    place = " ".join([*run.tokens[:-1], head])
    if tail in _PLACE_SUFFIXES and place in places():
        run.tokens = place.split()
        run.end -= len(tail) + 1
        return "place"
    return None


def called_a_place(run: Run) -> str | None:
    """A common noun of places says what the name is: "the city of Djerba", "the remote
    Tuva region" (the gazetteer holds only larger places)."""
    if run.text in DEMONYMS:
        return None  # "the Libyan city": an adjective, no name
    if _PLACE_NOUN_BEFORE.search(run.before(40)) or (
        _PLACE_NOUN_AFTER.match(run.source, run.end) and not run.source[: run.start].endswith("-")
    ):
        if len(run.tokens) > 1 and run.tokens[0] in DEMONYMS:  # "Russian Tuva region"
            run.start = run.source.find(run.tokens[1], run.start)
            run.tokens = run.tokens[1:]
        return "place"
    return None


def law_or_treaty(run: Run) -> str | None:
    """A law, a bill, a treaty or a code: "Investment Company Act", "Data Retention Bill",
    "Paris Accord" (neither a body for its "Company", nor a person)."""
    words = run.tokens
    if len(words) > 1 and (
        words[-1] in _LAW_WORDS
        # "Data Retention Bill" (but "Bill" after a given name may be a man's: "Bill Bill")
        or (words[-1] == "Bill" and not is_given_name(words[-2]))
    ):
        return NO_NAME
    return None


def firm_with_ampersand(run: Run) -> str | None:
    """A name with "&" between its words or its capitals is a firm's: "Pacific Gas &
    Electric", "S&P", "PG&E"."""
    words = run.tokens
    if "&" in words[1:-1] or (len(words) == 1 and _CAPITALS_AND.fullmatch(words[0])):
        return "org"
    return None


def party_member(run: Run) -> str | None:
    """A party's member named by place and party: "a Virginia Democrat" is an anonymous
    source, no person; the place it names is the member's ("Virginia"). Members in the
    plural are a group, no name: "Tory MPs", "MSPs"."""
    words = run.tokens
    if words[-1] in _MEMBER_PLURALS:
        return NO_NAME  # "Tory MPs", "MSPs": a group of members
    if (
        len(words) > 1
        and words[-1] in _PARTY_MEMBERS
        and all(w in places() or w in DEMONYMS or w.lower() in CONNECTORS for w in words[:-1])
    ):
        place = " ".join(words[:-1])
        if place in places() and place not in DEMONYMS:
            run.tokens = words[:-1]
            run.end = run.start + run.source[run.start : run.end].rfind(words[-1]) - 1
            return "place"
        return NO_NAME
    return None


def bare_body_word(run: Run) -> str | None:
    """A word of bodies alone names none: "the Company", "the University", "Committee" (a
    list names those that are names alone: "Congress", "Hamas")."""
    return NO_NAME if len(run.tokens) == 1 and run.text in ORG_WORDS else None


def titled_person(run: Run) -> str | None:
    """A title or a form of address was split off before the name: "Rep. Jim Clyburn"."""
    return "person" if run.role or run.honorific else None


def programme_or_event(run: Run) -> str | None:
    """A programme's or an event's title: "The Laura Ingraham Show", "Athens Olympics",
    "Belgian Grand Prix"."""
    last = run.tokens[-1]
    if last in PROGRAMME_WORDS or last in EVENT_WORDS or run.text.endswith("Grand Prix"):
        return NO_NAME
    return None


def organisation_word(run: Run) -> str | None:
    """A word or phrase of bodies: "Bank of England", "Labour Party", "Federal Reserve"."""
    text = run.text
    if not ORG_WORDS.isdisjoint(run.tokens) or any(f" {p} " in f" {text} " for p in ORG_PHRASES):
        return "org"
    return None


def company_abbreviation(run: Run) -> str | None:
    """A name of two words or more ending in "Co", a company's short word whose stop the
    words lose: "Ford Motor Co", "Walt Disney Co." ("Co Kerry", a county, opens its name)."""
    return "org" if len(run.tokens) > 1 and run.tokens[-1] == "Co" else None


def built_or_natural_place(run: Run) -> str | None:
    """A geographic word or a venue's ends the name: "Caspian Sea", "Trent Bridge". After a
    given name alone it may be a surname ("Jerry Hall", "Barry Lane"): undecided then, unless
    a preposition of place comes before ("at Trent Bridge", "moved to Beverly Hills")."""
    words = run.tokens
    if len(words) > 1 and (words[-1] in GEO_WORDS or words[-1] in _VENUE_WORDS):
        if (
            len(words) == 2
            and words[0] in given_names()
            and not run.article
            and not _PLACE_PREPOSITION.search(run.before(8))
        ):
            return UNDECIDED
        return "place"
    return None


def ordinal_first(run: Run) -> str | None:
    """A name opening with an ordinal is a time or a thing's: "21st Century", "21st Century
    Fox" (a body's is found by its word: "20th Century Studios")."""
    return NO_NAME if ORDINAL.fullmatch(run.tokens[0]) else None


def club_prefix(run: Run) -> str | None:
    """A club's prefix: "Dinamo Bucharest", "VfB Stuttgart", "Real Madrid" (before a town)."""
    words = run.tokens
    if len(words) > 1 and (
        words[0] in CLUB_PREFIXES
        or (words[0] in CLUB_PREFIXES_BEFORE_PLACE and " ".join(words[1:]) in places())
    ):
        return "org"
    return None


def named_after_place(run: Run) -> str | None:
    """A place followed by a word that is not one names a body: "Florida Marlins", "China
    Daily", "Washington Post". A first word that is also a given name may be a person's
    ("Jordan Peterson"): no guess then, unless "the" comes before the run. A team sheet's
    country before a player ("Belgium Marc Degryse") is cut off: the player remains."""
    words = run.tokens
    if len(words) < 2:
        return None
    for k in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:k]), words[k:]
        if head in places():
            if len(rest) >= 2 and rest[0] in given_names():
                # "Nancy Erika Smith": a place that is a given name too opens the name.
                if words[0] not in given_names():
                    run.tokens = rest
                return "person"
            if (
                head in COUNTRIES
                or " ".join(rest) in places()  # "Hamilton Chicago": two places
                or len(rest) > 1
                or rest[-1].isupper()
                or rest[-1] in DEMONYMS
                or rest[-1] in given_names()
                or rest[0].islower()
            ):
                return None
            # "Jordan Peterson" may be a man's name; "Charlotte Panthers", a plural of a
            # common noun after a town, is a team's.
            if words[0] in given_names() and not run.article and not _common_plural(rest[-1]):
                return None
            return "org"
    return None


def _common_plural(word: str) -> bool:
    """Whether a word is the plural of a common noun ("Panthers", "Vikings"), which no
    surname is ("Jones", "Williams" are no common nouns)."""
    lower = word.lower()
    return lower.endswith("s") and lower in lower_words() and lower[:-1] in lower_words()


def acronym(run: Run) -> str | None:
    """A word of two to six capitals, or initials with stops, names a body: "NATO", "U.N.";
    not a Roman numeral ("II") nor a word shouted ("WAS")."""
    if len(run.tokens) != 1 or not ACRONYM.match(run.text):
        return None
    bare = run.text.replace(".", "")
    if ROMAN.fullmatch(bare) or bare.lower() in lower_words():
        return NO_NAME
    return "org"


def no_name_words(run: Run) -> str | None:
    """Words that make no name on their own or together ("British", "The", "Monday"), and the
    people of a place or a group ("Iraqis", "New Yorkers")."""
    if _NO_NAME_WORDS.issuperset(run.tokens) or _people_of(run.text):
        return NO_NAME
    return None


def given_name_first(run: Run) -> str | None:
    """A given name opens a run of two to four words: "Maria Lopez" (but not "the Harvey
    Weinstein Company", nor "India on the Kashmir issue")."""
    words = run.tokens
    if (
        2 <= len(words) <= 4
        and is_given_name(words[0])
        and words[-1] not in DEMONYMS
        and words[-1] not in ROLE_WORDS
        and not run.article
        and words[1] not in _PHRASE_WORDS
        and not after_indefinite(run)  # "an Easter Egg": a thing, not a person
    ):
        return "person"
    return None


def after_indefinite(run: Run) -> bool:
    """Whether "a" or "an" comes just before the run: "a Whole Foods spokeswoman", "an
    Easter Egg" name a kind of thing, not a person."""
    return _AFTER_A.search(run.before(4)) is not None


def initials_first(run: Run) -> str | None:
    """Initials before a surname: "R. Mahanama", "J.R.R. Tolkien"."""
    words = run.tokens
    if (
        2 <= len(words) <= 3
        and INITIALS.match(words[0])
        and words[0] not in places()
        and words[0].replace(".", "") not in KNOWN_ORGS
        and words[-1][:1].isupper()
        and not words[-1].isupper()
        and words[-1] not in places()
        and words[-1] not in COUNTRIES
        and words[-1] not in COMMON_CAPITALISED  # "Chi and I. I'm not sure"
    ):
        return "person"
    return None


_REGION_AFTER: Final = re.compile(
    r",\s+(?P<region>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?P<end>\s*(?:[,.;:)]|[-–—]|$))"
)


def town_with_region(run: Run) -> str | None:
    """A name no rule knows, followed by its state or country and a stop, is a town:
    "Tarzana, Calif.", "Rochdale, England." (the gazetteer holds only larger towns)."""
    if len(run.tokens) > 3 or run.tokens[0] in given_names():
        return None
    after = _REGION_AFTER.match(run.source, run.end)
    if after is None:
        return None
    region = after.group("region")
    if region in STATE_ABBREVIATIONS or (region in places() and region not in given_names()):
        return "place"
    return None


KIND_RULES: Final[tuple[KindRule, ...]] = (
    known_organisation,
    thing_acronym,
    honorific_place,
    place_named_periodical,
    known_place,
    state_after_town,
    place_with_suffix,
    called_a_place,
    titled_person,
    programme_or_event,
    law_or_treaty,
    firm_with_ampersand,
    party_member,
    bare_body_word,
    organisation_word,
    company_abbreviation,
    built_or_natural_place,
    ordinal_first,
    club_prefix,
    named_after_place,
    acronym,
    no_name_words,
    given_name_first,
    initials_first,
    town_with_region,
)
"""What a run names, asked rule by rule: the first rule with an answer decides, so the order
is the precedence (a list's word beats a guess from the shape of the name). A run no rule
decides is "unknown": a cue around it may yet make it a person (``PERSON_CUES``)."""


LISTED: Final[frozenset[KindRule | None]] = frozenset(
    {known_organisation, thing_acronym, honorific_place, known_place, state_after_town}
)
"""The rules that read a list, not the shape of a name: they hold even where every word is
capitalised (a heading in title case)."""


def decide(run: Run) -> tuple[KindRule | None, str | None]:
    """The rule of ``KIND_RULES`` that decides the run's kind, and the kind: person, org,
    place, None (no name) or "unknown" (no rule decided; the rule is then None)."""
    for rule in KIND_RULES:
        kind = rule(run)
        if kind is not None:
            return rule, None if kind == NO_NAME else kind
    return None, "unknown"


def kind_of(run: Run) -> str | None:
    """The run's kind by ``KIND_RULES``: person, org, place, None (no name) or "unknown"."""
    return decide(run)[1]


def _people_of(text: str) -> bool:
    """Whether ``text`` names the people of a place or a group: "Iraqis", "New Yorkers",
    "Londoners"."""
    if text.endswith("s") and text[:-1] in DEMONYMS:
        return True
    return text.endswith("ers") and text[:-3] in places()
