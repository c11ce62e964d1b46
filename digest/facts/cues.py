"""What the words around a run say it names: cues that vouch for a person or for a body.

    a run no rule of ``kinds.KIND_RULES`` decides ("unknown")
      -> ``BODY_CUES``: a kind of body named before it ("the retailer Whole Foods"), a body
         that owns it ("Amazon-owned Whole Foods") -> an organisation
      -> ``PERSON_CUES``: a verb of saying ("said Jane Doe"), a role set off beside it
         ("Jane Doe, the chief economist,"), a job before it ("economist Jane Doe"), a
         country in brackets after it ("Sven Nylander (Sweden)"), its last word written
         alone, again and again, as the subject of a verb ("Kasukuwere said", "Kasukuwere
         was") -> a person

Each table is walked in order and the first cue that holds decides; a new cue is one
function and one entry. A cue reads only the run's paragraph (``Run.source``) and what the
article as a whole shows (:class:`ArticleWords`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Final

from digest.facts.gazetteer import KNOWN_ORGS, ORG_WORDS, ROLE_NOUNS, ROLE_WORDS, SAY_VERBS, places
from digest.facts.runs import ACRONYM, CONNECTORS, Run
from digest.text.words import word_list

DOING_VERBS: Final = word_list("facts/cues/doing_verbs")
"""Verbs a person does, after the name as its subject ("Kasukuwere was", "Okonjo-Iweala
joined"): with the verbs of saying, what makes a name a subject."""
_BODY_NOUNS: Final = word_list("facts/cues/body_nouns")
"""Nouns naming a kind of body, written just before its name: "the retailer Whole Foods"."""
_BODY_OWNED: Final = word_list("facts/cues/body_owned")
"""The second half of "Amazon-owned", "state-run": what follows is a body or a brand."""
TO_A_BODY: Final = word_list("facts/cues/to_a_body")
BODY_NOUNS_AFTER: Final = word_list("facts/cues/body_nouns_after")
"""Nouns after a name that make it a body's: "the Chart Thai party"."""
ACRONYM_NOUNS_AFTER: Final = word_list("facts/cues/acronym_nouns_after")
"""Nouns after an acronym that make it a body's (besides ``BODY_NOUNS_AFTER``): "LTTE
rebels", "the PKK movement"."""
"""Words just before a name that speak to a body or place someone in it ("told NBC")."""
_SUBJECT_REPEATS: Final = 2
"""Times a name's last word is written alone as a subject before the name counts as a
person's though no list knows its given name."""

FROM_PLACE: Final = re.compile(r"\s*\((?P<place>[A-Z][\w .'-]{1,30})\)")
"""A place in brackets after a name, as results give a competitor's country:
"Sven Nylander (Sweden)"."""
_ROLE_AFTER: Final = re.compile(
    r"^,\s+(?P<role>(?:(?:the|a|an)\s+)?[^,.;:“”\"()]{3,90}?)\s*(?:,|\.|;|\)|$)"
)
_ROLE_BEFORE: Final = re.compile(
    r"(?P<det>\b[Tt]he|\b[Aa]n?|\b[A-Z][\w’'-]*['’]s)\s+(?P<role>(?:[\w’'-]+\s+){0,5}?[\w’'-]+(?:\s+(?:of|for|at|to)\s+(?:the\s+)?"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)\s*,\s*$"
)
_OWNER_IN_ROLE: Final = re.compile(r"\b((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*['’]s)\s+")
"""A possessive in a role, with the capitalised words of its name: "American Theatre Wing's"."""
_APPOSITIVE_SAID: Final = re.compile(
    r"\s*,[^,.;:“”\"()]{1,100},\s*(?:" + "|".join(sorted(SAY_VERBS, key=len, reverse=True)) + r")\b"
)
"""A subject set off from its verb of saying: "Rucker Culpepper, who runs the effort, said"."""
_DETERMINERS: Final = frozenset({"The", "A", "An"})
_NEXT_WORD: Final = re.compile(r"\s*,?\s*([a-z]+)")
_WHO_AFTER: Final = re.compile(r",\s+(?:who|whom|whose)\b")
"""A relative clause for a person after the name: "Saviour Kasukuwere, who fled" (a body
takes "which")."""
_AND_NEXT: Final = re.compile(r" and ")
_GOES_ON: Final = re.compile(r" (?:of|for|on|and|&) [^A-Z\s]")
"""A name going on past its capitals: "Fight for $15", "Save the ..."."""
_AGE_AFTER: Final = re.compile(r",\s+\d{1,3}(?:,|\.(?!\d)|\s+and\b)")
"""An age set off after the name: "Reiner Perez Rives, 34, and ...", "Quina Jones, 25."."""
_OWNED: Final = re.compile(r"\b[\w.&’'-]+-(?P<how>[a-z]+)\s+$")


class ArticleWords:
    """What the whole article shows about its words, for the cues of a single run."""

    __slots__ = ("subjects", "people_ends", "people_starts")

    def __init__(self, subjects: Counter[str]) -> None:
        self.subjects = subjects
        """Names written right before a verb of saying or doing, and how often: "Kasukuwere
        said", "Osama bin Laden lived"."""
        self.people_ends: set[tuple[int, int]] = set()
        """(paragraph, end) of each mention the rules made a person, for the names joined
        to one by "and" ("Jonathan Moyo and Saviour Kasukuwere")."""
        self.people_starts: set[tuple[int, int]] = set()
        """(paragraph, start) of the same mentions ("Sofía Vergara and Nick Loeb")."""

    @classmethod
    def of(cls, runs: Iterable[Run]) -> ArticleWords:
        """The names of an article's runs that a verb follows, and how often."""
        subjects: Counter[str] = Counter()
        for run in runs:
            verb = _NEXT_WORD.match(run.source, run.end)
            if verb and (verb.group(1) in SAY_VERBS or verb.group(1) in DOING_VERBS):
                subjects[run.text] += 1
        return cls(subjects)


def role_around(paragraph: str, run: Run) -> str | None:
    """The role set off by commas beside a name: "Jane Doe, the chief economist," or "the
    chief economist, Jane Doe"; None when there is none."""
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
        return f"{det} {role}" if det[0].isupper() and det not in _DETERMINERS else role
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


def said_nearby(run: Run, article: ArticleWords) -> bool:
    """A verb of saying next to the name: "Jane Doe said", "said Jane Doe", "Jane Doe, who
    runs the effort, said"."""
    paragraph = run.source
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


def role_beside(run: Run, article: ArticleWords) -> bool:
    """A role set off by commas beside the name: "Jane Doe, the chief economist,"."""
    return role_around(run.source, run) is not None


def role_noun_before(run: Run, article: ArticleWords) -> bool:
    """A job written just before the name vouches for it: "economist Aparna Mathur",
    "cabinet ministers ... Saviour Kasukuwere"."""
    before = run.before(30).split()
    if not before or not before[-1].islower():
        return False
    job = before[-1]
    return job in ROLE_NOUNS or (job.endswith("s") and job[:-1] in ROLE_NOUNS)


def who_after(run: Run, article: ArticleWords) -> bool:
    """A relative clause for a person after the name: "Saviour Kasukuwere, who fled"."""
    return _WHO_AFTER.match(run.source, run.end) is not None


def age_after(run: Run, article: ArticleWords) -> bool:
    """An age set off after a name of two words or more: "Reiner Perez Rives, 34,"."""
    return len(run.tokens) >= 2 and _AGE_AFTER.match(run.source, run.end) is not None


def of_a_place_or_body(run: Run, article: ArticleWords) -> bool:
    """A name of two or three words, then "of" and a place or a body it belongs to: "Joost
    van Hoof of the Netherlands" (the rules cut the name at "of"; "Bank of England" is one
    word before it, "Duke of Edinburgh" a title)."""
    words = run.tokens
    if "of" not in words:
        return False
    cut = words.index("of")
    name, rest = words[:cut], [w for w in words[cut + 1 :] if w != "the"]
    capitals = [w for w in name if w[:1].isupper()]
    return (
        2 <= len(capitals) <= 3
        and bool(rest)
        and (" ".join(rest) in places() or " ".join(rest) in KNOWN_ORGS)
        and not any(w in ORG_WORDS or w in ROLE_WORDS or w in places() for w in name)
    )


def and_a_person(run: Run, article: ArticleWords) -> bool:
    """Joined by "and" to a person the rules found, in a name of two words or more:
    "Jonathan Moyo and Saviour Kasukuwere", "Sofía Vergara and Nick Loeb"."""
    if len(run.tokens) < 2:
        return False
    ends = article.people_ends
    if run.before(5) == " and " and (run.paragraph, run.start - 5) in ends:
        return True
    after = _AND_NEXT.match(run.source, run.end)
    return after is not None and (run.paragraph, after.end()) in article.people_starts


def country_after(run: Run, article: ArticleWords) -> bool:
    """A place in brackets after a name of two to four words, as results give a competitor's
    country: "Sven Nylander (Sweden)"."""
    from_place = FROM_PLACE.match(run.source, run.end)
    return bool(from_place and from_place.group("place") in places() and 2 <= len(run.tokens) <= 4)


def subject_again_and_again(run: Run, article: ArticleWords) -> bool:
    """A name of two or three words that the article writes, whole or by its last word,
    again and again as the subject of a verb of saying or doing ("Saviour Kasukuwere" ...
    "Kasukuwere said" ... "Kasukuwere was"): a person, whatever the given name. The last word
    alone must be one of them: a body is named whole ("Whole Foods said"), not by its last
    word."""
    return (
        2 <= len(run.tokens) <= 3
        and run.tokens[-1][:1].isupper()
        and article.subjects[run.tokens[-1]] >= 1  # a body is not named by its last word
        and article.subjects[run.text] + article.subjects[run.tokens[-1]] >= _SUBJECT_REPEATS
    )


def body_noun_before(run: Run) -> bool:
    """A kind of body just before the name: "the retailer Whole Foods", "law firm Proskauer"
    (not when the name goes on past its capitals: "activist group Fight for $15")."""
    before = run.before(30).split()
    return bool(before) and before[-1] in _BODY_NOUNS and not _GOES_ON.match(run.source, run.end)


_A_BEFORE: Final = re.compile(r"(?:^|\s)(?:a|an|A|An)\s+$")
"""An indefinite article before a name: "a Super Bowl party" is a kind of party."""


def body_noun_after(run: Run) -> bool:
    """A noun of bodies just after the name: "the Chart Thai party", "the PAP news agency";
    after an acronym also "LTTE rebels", "the PKK movement"."""
    after = run.after(16).split()
    if not after:
        return False
    first = after[0].rstrip(",.;:")
    return (
        (first in BODY_NOUNS_AFTER and not _A_BEFORE.search(run.before(4)))
        or (first in ACRONYM_NOUNS_AFTER and ACRONYM.match(run.text) is not None)
        or " ".join(after[:2]).rstrip(",.;:") == "news agency"
    )


def owned_before(run: Run) -> bool:
    """A body's owner joined to "-owned" (or "-run", "-backed") before the name: "Amazon-owned
    Whole Foods", "state-run Xinhua"."""
    owned = _OWNED.search(run.before(40))
    return bool(owned and owned.group("how") in _BODY_OWNED)


PersonCue = Callable[[Run, ArticleWords], bool]
"""A cue of ``PERSON_CUES``: whether what is around the run (or the article) makes it a person."""
BodyCue = Callable[[Run], bool]
"""A cue of ``BODY_CUES``: whether what is around the run makes it an organisation."""

BODY_CUES: Final[tuple[BodyCue, ...]] = (body_noun_before, body_noun_after, owned_before)
"""Cues that make an undecided run an organisation; asked before ``PERSON_CUES`` (a body
"said" things too)."""
PERSON_CUES: Final[tuple[PersonCue, ...]] = (
    age_after,
    said_nearby,
    role_beside,
    role_noun_before,
    who_after,
    country_after,
    of_a_place_or_body,
    and_a_person,
    subject_again_and_again,
)
"""Cues that make an undecided run a person, asked in order."""
VOUCHING_CUES: Final[frozenset[PersonCue]] = frozenset({age_after})
"""Cues sure enough that the tagger is not asked to confirm: an age set off after a name
("Eunises Llorca Menses, 30,") is a person's in news, whatever the name."""


def body_cue(run: Run) -> BodyCue | None:
    """The first cue of ``BODY_CUES`` that holds for the run, if any."""
    return next((cue for cue in BODY_CUES if cue(run)), None)


def person_cue(run: Run, article: ArticleWords) -> PersonCue | None:
    """The first cue of ``PERSON_CUES`` that holds for the run, if any."""
    return next((cue for cue in PERSON_CUES if cue(run, article)), None)
