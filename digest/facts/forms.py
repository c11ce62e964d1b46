"""How a name is written: a title before it split off ("Defence Minister", "Rep."), a job
cut before what it is the job of ("CEO of Fox News"), a surname as it is compared, the
shorter name of a body and the town a local body is named after, whether words could be a
person's, and where a person's name ends. What a run names is :mod:`digest.facts.kinds`.
"""

from __future__ import annotations

import re
from typing import Final

from digest.facts.gazetteer import (
    DEMONYMS,
    GEO_WORDS,
    HONORIFICS,
    KNOWN_ORGS,
    ORG_WORDS,
    ROLE_NOUNS,
    ROLE_WORDS,
    given_names,
    lower_words,
    places,
)
from digest.facts.kinds import EVENT_WORDS, INITIALS, PROGRAMME_WORDS, ROMAN
from digest.facts.runs import ACRONYM, CONNECTORS, CORPORATE_SUFFIXES, Run
from digest.text.words import word_list

_ROYAL: Final = word_list("facts/forms/royal")
"""Titles that also name clubs and places: "Queen of the South", "King of Prussia"."""
_ROLE_MODIFIERS: Final = word_list("facts/forms/role_modifiers")
"""Title words that qualify the word after them and never end a title ("Presidential Debates")."""


def _title_word(word: str, first: bool) -> bool:
    """Whether a word is one of a title's: "Minister", "Gen.", "Attorney-General"; a job
    opening the run counts though no list has it ("Pollster Pat Caddell")."""
    bare = word.rstrip(".")
    if word in ROLE_WORDS or bare in ROLE_WORDS or bare in HONORIFICS:
        return True
    if first and word.lower() in ROLE_NOUNS:
        return True
    return "-" in word and all(
        part in ROLE_WORDS or part.lower() in ROLE_NOUNS for part in word.split("-")
    )


_TITLE_GAP: Final = 2
"""Words no list knows that a title may hold before its last title word: "Senior Content
Director", "Chief Medical Officer"."""


def split_role(run: Run) -> None:
    """Move a title written before a name ("NATO Secretary General") into ``role``."""
    words = run.tokens
    last_role = -1
    for i, word in enumerate(words[:-1]):
        if _title_word(word, i == 0):
            last_role = i
        elif (
            word.lower() in CONNECTORS
            or word in DEMONYMS
            or ACRONYM.match(word)
            or word in KNOWN_ORGS
            or word in places()
        ):
            continue
        elif last_role >= 0 and not any(
            _title_word(w, False) for w in words[i + 1 : min(i + 1 + _TITLE_GAP, len(words) - 1)]
        ):
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
        or name[-1] in GEO_WORDS  # "Queen City" is a town's
        or name[0].lower() in CONNECTORS
        or name[-1] in EVENT_WORDS
        or name[-1] in PROGRAMME_WORDS
    ):
        return
    prefix = words[: last_role + 1]
    run.honorific = prefix[-1].rstrip(".") in HONORIFICS
    role_words = [w for w in prefix if w.rstrip(".") not in HONORIFICS]
    if role_words and any(_title_word(w, True) for w in role_words):
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
    is the Beacon Council, "CEO of Fox News" is Fox News; a job of a field ("Director of
    Public Affairs") leaves no name (``run.tokens`` empty). Whether it cut."""
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
    elif _a_field(rest):
        run.tokens = []  # "Director of Public Affairs", "Minister of Finance": all a job
        return True
    run.tokens = rest
    return True


def _a_field(words: list[str]) -> bool:
    """Whether the words after a job's "of" name its field, not a body: common words only,
    no "the", no body a list knows ("Public Affairs", "Finance"; not "Fox News", "Apple")."""
    return (
        len(words) <= 3
        and " ".join(words) not in KNOWN_ORGS
        and all(w.lower() in lower_words() or w.lower() in CONNECTORS for w in words)
    )


_LOCAL_BODIES: Final = word_list("facts/forms/local_bodies")
"""Last words of a town's own bodies: "... High School", "... Police Department"."""
_LOCAL_BODY_WORDS: Final = max(len(entry.split()) for entry in _LOCAL_BODIES)


def town_of(body: str) -> str | None:
    """The town a local body is named after: "Westfield" of "Westfield High School",
    "Baldwin County" of "Baldwin County Sheriff's Office"; None for a body named otherwise
    ("Lincoln High School" is named after a man, "Fox News" is no local body)."""
    words = body.replace("’", "'").split()
    for size in range(min(_LOCAL_BODY_WORDS, len(words) - 1), 0, -1):
        if " ".join(words[-size:]) in _LOCAL_BODIES:
            head = words[:-size]
            if (
                1 <= len(head) <= 3
                and all(w[:1].isupper() and w.isalpha() for w in head)
                and head[0] not in given_names()
                and not ORG_WORDS.intersection(head)
                and " ".join(head) not in KNOWN_ORGS
            ):
                return " ".join(head)
            return None
    return None


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
        w in given_names() or INITIALS.match(w) is not None or w in CONNECTORS
        for w in longer[: -len(shorter)]
    )


_CAMEL: Final = re.compile(r"[a-z]{3}[A-Z]")
"""A capital deep inside a word: "PricewaterhouseCoopers", "LinkedIn"; not "McDonald",
"MacArthur", "DeSantis"."""


def could_be_a_person(words: list[str]) -> bool:
    """Whether words may name a person: no digits ("Nagar98"), no "&" ("AT&T"), no
    company's inner capital ("PricewaterhouseCoopers") and, after the first word, no
    acronym ("Oculus VR"; a Roman numeral may end a name: "John Paul II")."""
    return not any(
        "&" in word
        or _CAMEL.search(word)
        or any(c.isdigit() for c in word)
        or (
            i > 0
            and len(word) > 1
            and word.isupper()
            and word.isalpha()
            and not ROMAN.fullmatch(word)
        )
        for i, word in enumerate(words)
    )


def short_form(org: str) -> str | None:
    """The shorter name an article may give an organisation: "Alibaba" for "Alibaba Group",
    "Supreme Court" for "U.S. Supreme Court"; None when it has none (a body with a
    place after it may be another: "OSCE Chechnya" is a mission of the OSCE).

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


def end_at_name(paragraph: str, run: Run) -> None:
    """Cut what follows a person's name: "Elijah Cummings of Maryland" is Elijah Cummings."""
    for k, word in enumerate(run.tokens[1:], start=1):
        if word in ("of", "the", "for", "on"):
            cut = re.search(rf"\s{word}\s", paragraph[run.start : run.end])
            if cut:
                run.tokens = run.tokens[:k]
                run.end = run.start + cut.start()
            return
