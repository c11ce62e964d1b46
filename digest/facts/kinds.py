"""What a run of capitalised words names: a person (and the role the article gives them),
an organisation, a place, or nothing.

    a run -> a title before the name split off ("Defence Minister", "Rep.") -> its kind, from
    the lists (places, organisations, given names), organisation, venue and event words,
    initials, and a place before a word that is not one ("Florida Marlins") -> for a person,
    the role around the name ("Jane Doe, the chief economist,") and where the name ends

Precision comes first: a run no list, word or cue vouches for is "unknown", and becomes a
person only when a cue around it says so (:func:`said_nearby`, :func:`role_around`).
"""

from __future__ import annotations

import re
from typing import Final

from digest.facts.gazetteer import (
    CLUB_PREFIXES,
    CLUB_PREFIXES_BEFORE_PLACE,
    COMMON_CAPITALISED,
    COUNTRIES,
    DEMONYMS,
    GEO_WORDS,
    HONORIFICS,
    KNOWN_ORGS,
    ORG_PHRASES,
    ORG_WORDS,
    ROLE_NOUNS,
    ROLE_WORDS,
    SAY_VERBS,
    given_names,
    places,
)
from digest.facts.runs import ACRONYM, CONNECTORS, CORPORATE_SUFFIXES, Run
from digest.text.words import word_list

_ROYAL: Final = word_list("facts/kinds/royal")
"""Titles that also name clubs and places: "Queen of the South", "King of Prussia"."""
_PHRASE_WORDS: Final = frozenset({"of", "the", "for", "on"})
"""Connectors of a phrase of names ("India on the Kashmir issue"), never right after the
first word of a person's name."""
_VENUE_WORDS: Final = word_list("facts/kinds/venue_words")
"""Last words of a place built or laid out by people: "Trent Bridge", "Grace Road", "Ellis Park"."""
_INITIALS: Final = re.compile(r"^(?:[A-Z]\.){1,3}$")
FROM_PLACE: Final = re.compile(r"\s*\((?P<place>[A-Z][\w .'-]{1,30})\)")
"""A place in brackets after a name, as results give a competitor's country:
"Sven Nylander (Sweden)"."""
_PROGRAMME_WORDS: Final = frozenset({"Show", "Program", "Programme", "Podcast", "Report"})
_EVENT_WORDS: Final = word_list("facts/kinds/event_words")
"""Last words of an event's name ("Athens Olympics", "Gulf War"): neither a body nor a place."""
"""Last words of a programme's title, which names no person ("The Laura Ingraham Show")."""
_ROLE_MODIFIERS: Final = word_list("facts/kinds/role_modifiers")
"""Title words that qualify the word after them and never end a title ("Presidential Debates")."""
_NO_NAME_WORDS: Final = DEMONYMS | COMMON_CAPITALISED
"""Words that make no name on their own or together: "British", "The", "Monday"."""
_THING_ACRONYMS: Final = word_list("facts/kinds/thing_acronyms")
"""Acronyms of things, jobs and measures, never of a body: "CPU", "GDP", "CEO" alone."""
_ROLE_AFTER: Final = re.compile(
    r"^,\s+(?P<role>(?:(?:the|a|an)\s+)?[^,.;:“”\"()]{3,90}?)\s*(?:,|\.|;|\)|$)"
)
_ROLE_BEFORE: Final = re.compile(
    r"(?P<det>\bthe|\ba|\ban|\b[A-Z][\w’'-]*['’]s)\s+(?P<role>(?:[\w’'-]+\s+){0,5}?[\w’'-]+(?:\s+(?:of|for|at|to)\s+(?:the\s+)?"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)\s*,\s*$"
)

_OWNER_IN_ROLE: Final = re.compile(r"\b((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*['’]s)\s+")
"""A possessive in a role, with the capitalised words of its name: "American Theatre Wing's"."""


def split_role(run: Run) -> None:
    """Move a title written before a name ("NATO Secretary General") into ``role``."""
    words = run.tokens
    last_role = -1
    for i, word in enumerate(words[:-1]):
        bare = word.rstrip(".")
        # "Pollster Pat Caddell": a job opening the run is a title though no list has it.
        if (
            word in ROLE_WORDS
            or bare in ROLE_WORDS
            or bare in HONORIFICS
            or (i == 0 and word.lower() in ROLE_NOUNS)
        ):
            last_role = i
        elif (
            word.lower() in CONNECTORS
            or word in DEMONYMS
            or ACRONYM.match(word)
            or word in KNOWN_ORGS
            or word in places()
        ):
            continue
        elif last_role >= 0:
            break
    if last_role < 0 or (
        words[last_role] in _ROLE_MODIFIERS and (last_role == 0 or words[last_role - 1] != "of")
    ):
        return
    name = words[last_role + 1 :]
    # "Singer World Series" is an event with a sponsor's name, not a singer.
    if (
        not name
        or not ORG_WORDS.isdisjoint(name)
        or name[0].lower() in CONNECTORS
        or name[-1] in _EVENT_WORDS
        or name[-1] in _PROGRAMME_WORDS
    ):
        return
    prefix = words[: last_role + 1]
    run.honorific = prefix[-1].rstrip(".") in HONORIFICS
    role_words = [w for w in prefix if w.rstrip(".") not in HONORIFICS]
    if role_words and any(
        w in ROLE_WORDS or w.rstrip(".") in ROLE_WORDS or w.lower() in ROLE_NOUNS
        for w in role_words
    ):
        run.role = " ".join(role_words)
    elif not run.honorific:
        return
    run.tokens = name


_PARTICLES: Final = ("al-", "Al-", "el-", "El-")


def surname_key(word: str) -> str:
    """A surname as it is compared: "al-Bashir" is "Bashir" ("Mr. Bashir" is the same man)."""
    return word[3:] if len(word) > 4 and word.startswith(_PARTICLES) else word


def title_of(run: Run) -> bool:
    """Cut a job opening a run before what it is the job of: "Chair of the Beacon Council"
    is the Beacon Council, "CEO of Fox News" is Fox News. Whether it cut."""
    words = run.tokens
    if not (
        len(words) > 2
        and words[1] in ("of", "for")
        and words[0].lower() in ROLE_NOUNS
        and words[0] not in _ROYAL
    ):
        return False
    rest = words[2:]
    if rest[0] == "the" and len(rest) > 1:
        rest = rest[1:]
        run.article = True
    run.tokens = rest
    return True


def only_a_title(words: list[str], place_names: frozenset[str]) -> bool:
    """Whether a run of two words or more is a title alone: role words, with only a country
    or a people before them ("Prime Minister", "US President", "French Foreign Minister").
    One word may be a surname too ("King", "Justice"): it is not asked of one."""
    if words[-1].lower() not in ROLE_NOUNS or " ".join(words) in KNOWN_ORGS:
        return False  # it must end in a person's job: "Islamic State" is a body
    return all(
        w in ROLE_WORDS
        or w.lower() in ROLE_NOUNS
        or w in DEMONYMS
        or w in place_names
        or w.lower() in CONNECTORS
        for w in words
    )


def ends_with(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``longer`` is ``shorter`` after more given names ("Michael Forrest Jones",
    "Philip van Doren Stern"); "Donald Trump Barack Obama" is not "Barack Obama"."""
    if len(longer) <= len(shorter) or longer[-len(shorter) :] != shorter:
        return False
    return all(
        w in given_names() or _INITIALS.match(w) is not None or w in CONNECTORS
        for w in longer[: -len(shorter)]
    )


_CAMEL: Final = re.compile(r"[a-z]{3}[A-Z]")
"""A capital deep inside a word: "PricewaterhouseCoopers", "LinkedIn"; not "McDonald",
"MacArthur", "DeSantis"."""


def could_be_a_person(words: list[str]) -> bool:
    """Whether words may name a person: no digits ("Nagar98"), no "&" ("AT&T") and no
    company's inner capital ("PricewaterhouseCoopers")."""
    return not any(
        "&" in word or _CAMEL.search(word) or any(c.isdigit() for c in word) for word in words
    )


def short_form(org: str) -> str | None:
    """The shorter name an article may give an organisation: "Alibaba" for "Alibaba Group",
    "Supreme Court" for "U.S. Supreme Court"; None when it has none.

    A party's members are not shortened: "Virginia Republicans" are not all "Republicans".
    """
    words = org.split()
    if len(words) < 2:
        return None
    if words[-1] in CORPORATE_SUFFIXES:
        return " ".join(words[:-1])
    if (words[0] in places() or words[0] in DEMONYMS) and not (
        words[-1].endswith("s") and not words[-1].endswith("ss")
    ):
        return " ".join(words[1:])
    return None


def kind_of(run: Run) -> str | None:
    text = run.text
    words = run.tokens
    place_names = places()
    if text in KNOWN_ORGS:
        return "org"
    if text in _THING_ACRONYMS:
        return None  # "TV" alone, though "Fox TV" is a body
    if text in place_names or (words[0] == "the" and " ".join(words[1:]) in place_names):
        return "place"
    if run.role or run.honorific:
        return "person"
    if words[-1] in _PROGRAMME_WORDS or words[-1] in _EVENT_WORDS or text.endswith("Grand Prix"):
        return None
    if not ORG_WORDS.isdisjoint(words) or any(f" {p} " in f" {text} " for p in ORG_PHRASES):
        return "org"
    if len(words) > 1 and (words[-1] in GEO_WORDS or words[-1] in _VENUE_WORDS):
        return "place"
    if len(words) > 1 and (
        words[0] in CLUB_PREFIXES
        or words[0] in CLUB_PREFIXES_BEFORE_PLACE
        and " ".join(words[1:]) in place_names
    ):
        return "org"
    named = _named_after_place(words, run.article) if len(words) > 1 else None
    if named:
        return named
    if len(words) == 1 and ACRONYM.match(text):
        return "org"
    if _NO_NAME_WORDS.issuperset(words) or _people_of(text):
        return None
    if (
        2 <= len(words) <= 4
        and words[0] in given_names()
        and words[-1] not in DEMONYMS
        and words[-1] not in ROLE_WORDS
        and not run.article
        and words[1] not in _PHRASE_WORDS  # "India on the Kashmir issue" names no one
    ):
        return "person"
    # "R. Mahanama", "J.R.R. Tolkien": initials before a surname.
    if (
        2 <= len(words) <= 3
        and _INITIALS.match(words[0])
        and words[0] not in place_names
        and words[0].replace(".", "") not in KNOWN_ORGS
        and words[-1][:1].isupper()
        and not words[-1].isupper()
        and words[-1] not in place_names
        and words[-1] not in COUNTRIES
        and words[-1] not in COMMON_CAPITALISED  # "Chi and I. I'm not sure"
    ):
        return "person"
    return "unknown"


def _people_of(text: str) -> bool:
    """Whether ``text`` names the people of a place or a group: "Iraqis", "New Yorkers",
    "Londoners"."""
    if text.endswith("s") and text[:-1] in DEMONYMS:
        return True
    return text.endswith("ers") and text[:-3] in places()


def _named_after_place(words: list[str], article: bool) -> str | None:
    """A place followed by a word that is not a place names a body: "Florida Marlins",
    "China Daily", "Washington Post". A first word that is also a given name may be a
    person's ("Jordan Peterson"): no guess then, unless "the" comes before the run."""
    for k in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:k]), words[k:]
        if head in places():
            if len(rest) >= 2 and rest[0] in given_names():
                # A team sheet: "Belgium Marc Degryse" is the player.
                words[:] = rest
                return "person"
            if (
                head in COUNTRIES
                or len(rest) > 1
                or rest[-1].isupper()
                or rest[-1] in DEMONYMS
                or rest[-1] in given_names()
                or rest[0].islower()
            ):
                return None
            if words[0] in given_names() and not article:
                return None
            return "org"
    return None


def role_around(paragraph: str, run: Run) -> str | None:
    # A role after the name is set off by a comma right after it.
    after = (
        _ROLE_AFTER.match(paragraph[run.end : run.end + 120])
        if paragraph.startswith(",", run.end)
        else None
    )
    if after and _is_role(after.group("role")):
        return (
            after.group("role").removeprefix("the ").removeprefix("a ").removeprefix("an ").strip()
        )
    head = paragraph[max(0, run.start - 120) : run.start]
    # The role set off before a name ends in a comma: "the chief economist, Jane Doe".
    before = _ROLE_BEFORE.search(head) if head.rstrip().endswith(",") else None
    if before and _is_role(before.group("role")):
        det = before.group("det")
        role = before.group("role").strip()
        # The possessive nearest the name owns the role: "the International Criminal Court
        # against Sudan's president, Omar Hassan al-Bashir" -> "Sudan's president".
        owners = list(_OWNER_IN_ROLE.finditer(role))
        if owners:
            det, role = owners[-1].group(1), role[owners[-1].end() :]
            if not _is_role(role):
                return None
        # The determiner nearest the name opens the role:
        # "a day after the prime minister of Turkey".
        inner = re.split(r"\b(?:the|a|an)\s+", role)
        if len(inner) > 1:
            det, role = "the", inner[-1].strip()
            if not _is_role(role):
                return None
        return f"{det} {role}" if det[0].isupper() else role
    return None


def _is_role(phrase: str) -> bool:
    words = phrase.lower().replace("’s", "").replace("'s", "").split()
    if not 1 <= len(words) <= 10 or any(w in SAY_VERBS for w in words):
        return False
    if words[0] in ("and", "but", "or", "so"):
        return False  # a clause goes on: "Broadway, and met the director shortly after"
    head = [w for w in words if w not in CONNECTORS]
    return any(w.strip(",") in ROLE_NOUNS for w in head[:6]) and not re.search(
        r"\b(?:who|which|that|is|was|has|had|will)\b", phrase
    )


_APPOSITIVE_SAID: Final = re.compile(
    r"\s*,[^,.;:“”\"()]{1,100},\s*(?:" + "|".join(sorted(SAY_VERBS, key=len, reverse=True)) + r")\b"
)
"""A subject set off from its verb of saying: "Rucker Culpepper, who runs the effort, said"."""


def said_nearby(paragraph: str, run: Run) -> bool:
    after = paragraph[run.end : run.end + 30].lower().split()
    before = paragraph[max(0, run.start - 20) : run.start].lower().split()
    if (after and after[0].strip(",.") in SAY_VERBS) or (before and before[-1] in SAY_VERBS):
        return True
    aside = _APPOSITIVE_SAID.match(paragraph, run.end)
    # The aside must describe a person: "who ...", a job, or an age ("Quina Jones, 25,").
    words = aside.group(0).lower().replace(",", " ").split() if aside else []
    return bool(words) and (
        words[0] in ("who", "whose") or words[0].isdigit() or any(w in ROLE_NOUNS for w in words)
    )


def role_noun_before(paragraph: str, run: Run) -> bool:
    """A job written just before the name vouches for it: "economist Aparna Mathur"."""
    before = paragraph[max(0, run.start - 30) : run.start].split()
    return bool(before) and before[-1].islower() and before[-1] in ROLE_NOUNS


def end_at_name(paragraph: str, run: Run) -> None:
    """Cut what follows a person's name: "Elijah Cummings of Maryland" is Elijah Cummings."""
    for k, word in enumerate(run.tokens[1:], start=1):
        if word in ("of", "the", "for", "on"):
            cut = re.search(rf"\s{word}\s", paragraph[run.start : run.end])
            if cut:
                run.tokens = run.tokens[:k]
                run.end = run.start + cut.start()
            return
