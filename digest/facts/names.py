"""People, organisations and places named in an article, with the roles it gives people.

    dateline ("LONDON 1996-08-30", "BRUSSELS (Reuters) -") -> a place
    capitalised runs (``runs.py``) -> words in capitals read as names ("NEW YORK"), field
      labels dropped -> sentence openers trimmed ("Once Simmons"), titles split from names
      ("Defence Minister", "Rep.") -> kinds by ``kinds.KIND_RULES``, walked in order
      -> sides in sports results become teams or players (``teams.py``)
      -> the rest by ``cues.BODY_CUES`` and ``cues.PERSON_CUES`` ("the retailer X", "said X")
      -> the rules propose, the tagger confirms (``confirm.py``, ``tagger.py``): a person
         or body no list vouches for is kept only when the learned tagger also reads it so
      -> merge mentions; a person's surname is that person, never a place or a body
      -> initials are a body only where the article shows them acting as one (``acronyms.py``)
    headline -> the places it names (the story's main place is often named only there)

Precision comes first: a run that no list, word or cue vouches for is left out rather
than guessed. A person is listed once, under the fullest form of the name; surname-only
mentions ("Stoltenberg said") and "Mr Putin" count toward that person.
"""

from __future__ import annotations

import re
from typing import Final

from digest.facts.acronyms import acting_bodies
from digest.facts.confirm import DEFAULT_KNOBS, Confirmer, NameKnobs
from digest.facts.cues import (
    VOUCHING_CUES,
    ArticleWords,
    body_cue,
    person_cue,
    role_around,
)
from digest.facts.forms import (
    could_be_a_person,
    end_at_name,
    ends_with,
    only_a_title,
    short_form,
    split_role,
    surname_key,
    title_of,
    town_of,
)
from digest.facts.gazetteer import (
    COMMON_CAPITALISED,
    COMMON_WORD_PLACES,
    COUNTRIES,
    KNOWN_ORGS,
    ORG_WORDS,
    SAY_VERBS,
    is_given_name,
    places,
)
from digest.facts.kinds import LISTED, after_indefinite, decide, known_place
from digest.facts.runs import (
    ACRONYM,
    Run,
    dateline,
    is_heading,
    is_label,
    is_shouted,
    joined_by_and,
    joined_by_commas,
    runs_of,
    start_at_first_word,
    title_case,
    trim,
    uncap,
)
from digest.facts.teams import sides
from digest.models import Entity, Person


class _Person:
    """A person found, under the fullest form of the name (a plain class, as ``Run``)."""

    __slots__ = ("name", "role", "mentions", "first", "tokens", "surname", "vouched")

    def __init__(
        self,
        name: str,
        role: str | None,
        mentions: int,
        first: int,
        tokens: list[str],
        surname: str,
    ) -> None:
        self.name = name
        self.role = role
        self.mentions = mentions
        self.first = first
        self.tokens = tokens
        self.surname = surname
        """The last word as surnames are compared (``surname_key``), kept with ``tokens``."""
        self.vouched = False
        """A mention gives a title, a form of address or a role, or shows a player in
        results: a name of one word is then a person's too ("Mr Putin", "Korda beat ...")."""


class NameFinder:
    """Finds and merges the people, organisations and places of one article."""

    def __init__(
        self, paragraphs: tuple[str, ...], knobs: NameKnobs = DEFAULT_KNOBS, title: str = ""
    ) -> None:
        self.paragraphs = paragraphs
        self.knobs = knobs
        self.title = title
        self.proper: set[str] = set()
        """Words the article capitalises inside a sentence: names, not sentence openers."""
        self.people: list[_Person] = []
        self.orgs: dict[str, list[int]] = {}
        self.places: dict[str, list[int]] = {}
        self.person_spans: list[tuple[int, int, int, str]] = []
        """(paragraph, start, end, person name) for every mention, in reading order."""
        self.confirmer = Confirmer(knobs, self.proper)
        """The tagger's second opinion, asked about the runs no list vouches for."""
        self._sports = False
        """The article gives sports results: a town's name may stand for its club."""
        self._trusted: set[int] = set()
        """Runs typed by a rule of ``NameKnobs.trusted``: no confirming asked."""
        self._players: set[str] = set()
        """Names that the article's results show as players."""
        self._teams: set[str] = set()
        """Names that the article's results show as teams."""
        self._run()

    def _person(self, run: Run, order: int) -> _Person:
        name = run.text
        words = run.tokens
        last = surname_key(words[-1])
        for person in self.people:
            if (
                name == person.name
                or (len(words) == 1 and words[0] in person.tokens)
                or (
                    last == person.surname
                    and (
                        len(words) == 1
                        or len(person.tokens) == 1
                        or words[0] == person.tokens[0]
                        # "Forrest Jones" is "Michael Forrest Jones" by his other names
                        or ends_with(words, person.tokens)
                        or ends_with(person.tokens, words)
                    )
                )
            ):
                if len(words) > len(person.tokens):
                    person.name, person.tokens, person.surname = name, list(words), last
                person.mentions += 1
                if run.role and not person.role:
                    person.role = run.role
                person.vouched = person.vouched or bool(run.role or run.honorific)
                return person
        person = _Person(name, run.role, 1, order, list(words), last)
        person.vouched = bool(run.role or run.honorific)
        self.people.append(person)
        return person

    def _known(self, words: list[str]) -> bool:
        """Whether a run names a person already found: "Stoltenberg" after "Jens
        Stoltenberg", "Forrest Jones" after "Michael Forrest Jones" (but "British Bill" is
        not "Bill Shorten": a given name is no surname)."""
        key = surname_key(words[-1])
        if len(words) == 1:
            return any(words[0] in p.tokens or key == p.surname for p in self.people)
        return len(words) == 2 and any(
            key == p.surname
            and (words[0] == p.tokens[0] or ends_with(p.tokens, words) or len(p.tokens) == 1)
            for p in self.people
        )

    def _typed_runs(self, place_line: tuple[int, int, int, str] | None) -> list[Typed]:
        """Every run of the article that may be a name, with the kind the rules give it."""
        proper = self.proper
        runs = [runs_of(paragraph, index) for index, paragraph in enumerate(self.paragraphs)]
        if any(" and " in paragraph for paragraph in self.paragraphs):
            # Words the article writes as a name on their own, away from any "and".
            alone = {
                r.tokens[0]
                for paragraph, found in zip(self.paragraphs, runs, strict=True)
                for r in found
                if len(r.tokens) == 1
                and not r.sentence_start
                and not paragraph.startswith(" and ", r.end)
                and not paragraph.endswith(" and ", 0, r.start)
            }
            runs = [
                joined_by_and(paragraph, found, alone) if " and " in paragraph else found
                for paragraph, found in zip(self.paragraphs, runs, strict=True)
            ]
        runs = [
            joined_by_commas(paragraph, found) if " & " in paragraph else found
            for paragraph, found in zip(self.paragraphs, runs, strict=True)
        ]
        kept: list[Run] = []
        for index, paragraph in enumerate(self.paragraphs):
            shouted = is_shouted(paragraph)
            for run in runs[index]:
                if place_line and index == place_line[0] and run.start < place_line[2]:
                    continue
                if is_label(run, paragraph):
                    continue
                if len(run.tokens) == 1 and (
                    run.tokens[0] in COMMON_CAPITALISED
                    or (
                        run.tokens[0].isupper()
                        and len(run.tokens[0]) > 2
                        and run.tokens[0] not in KNOWN_ORGS
                        and title_case(run.tokens[0]) in COMMON_CAPITALISED
                    )
                ):
                    # "The", "But", "I" (or "BUT" in a phrase set in capitals, not "WHO"):
                    # never a name, as ``trim`` would find.
                    if not run.sentence_start:
                        proper.add(run.tokens[0])
                    continue
                uncap(run, shouted)
                proper.update(run.tokens[1:] if run.sentence_start else run.tokens)
                kept.append(run)
        typed: list[Typed] = []
        order = 0
        headings = {i for i, p in enumerate(self.paragraphs) if is_heading(p)}
        for run in kept:
            paragraph = run.source
            if trim(run, proper) is None:
                continue
            # A mention starts at its first kept word ("On The Steve Harvey Show").
            start_at_first_word(run, paragraph)
            if len(run.tokens) > 1:
                if only_a_title(run.tokens, places()):
                    continue  # "the Prime Minister said", "the US President": no name
                split_role(run)  # a title comes before a name
                if run.role is None and title_of(run):
                    if not run.tokens:
                        continue  # a job of a field: "Director of Public Affairs"
                    start_at_first_word(run, paragraph)
            order += 1
            words = list(run.tokens)
            rule, kind = decide(run)
            if run.paragraph in headings and rule not in LISTED and kind != "unknown":
                kind = "unknown"  # a heading's capitals: only a list or a cue may name
            if kind == "person" and not could_be_a_person(run.tokens):
                kind = None  # "Gautam Budha Nagar98", "AT&T": no one's name
            if rule in self.knobs.trusted:
                self._trusted.add(id(run))
            if run.tokens != words:
                # A team sheet's country was cut from the player's name.
                start_at_first_word(run, paragraph)
            typed.append((run, order, kind, run.text))
        side = sides(
            self.paragraphs, [(r.paragraph, r.start, r.end, text, k) for r, _, k, text in typed]
        )
        self._sports = "team" in side.values()
        if not side:
            return typed
        out: list[Typed] = []
        # Among a league's clubs a country's name is a club's too ("Guingamp 2 Monaco 1"):
        # national sides play national sides.
        teams = {name for name, sort in side.items() if sort == "team"}
        nations = teams & COUNTRIES
        clubs_league = len(teams - nations) >= 4 and 5 * len(nations) <= len(teams - nations)
        for run, order, kind, text in typed:
            # National sides keep the country's name as a place ("France beat Mexico 2-0").
            if (
                side.get(text) == "team"
                and (text not in COUNTRIES or clubs_league)
                and not (kind == "person" and (run.role or run.honorific))
                # "In Detroit, Smith homered": after "in" the town is where, not who.
                and not (
                    kind == "place"
                    and _IN_BEFORE.search(run.before(4))
                    and not run.after(2).startswith(("'s", "’s"))  # "in Lyon's 2-0 win"
                )
            ):
                kind = "org"
            elif side.get(text) == "entrant" and kind != "person":
                kind = "org"  # a competitor's team, though a country bears its name
            elif side.get(text) == "player" and kind == "unknown":
                kind = "person"
            if side.get(text) == "player":
                self._players.add(text)
            elif side.get(text) in ("team", "entrant") and kind == "org":
                self._teams.add(text)  # results vouch for it as a list does
            out.append((run, order, kind, text))
        return out

    def _run(self) -> None:
        place_line = dateline(self.paragraphs)
        if place_line:
            self.places[place_line[3]] = [0]
        typed = self._typed_runs(place_line)
        # A town's name that is a given name too, speaking in some mention ("said
        # Elizabeth"), is a person's in every mention: no place (a country speaks for its
        # government: "Jordan said").
        speaking = {text for run, _, kind, text in typed if kind == "place" and _speaks(run)}
        if speaking:
            typed = [(r, o, "unknown" if t in speaking else k, t) for r, o, k, t in typed]
        article = ArticleWords.of(run for run, _, kind, _ in typed if kind == "unknown")
        tagger = self.knobs.tagger
        confirm = self.knobs.confirm if tagger else frozenset()
        by_text: dict[str, list[Run]] = {}
        for run, _, kind, text in typed:
            if kind is not None:
                by_text.setdefault(text, []).append(run)
        # Bodies named by a cue ("the retailer Whole Foods") are bodies in every mention.
        bodies = {text for run, _, kind, text in typed if kind == "unknown" and body_cue(run)}
        # First the people the rules name, each confirmed by the tagger unless a list
        # vouches for the name; a confirmed person's surname then names that person.
        mentions: list[tuple[int, int, int, _Person]] = []
        pending: list[tuple[Run, int]] = []
        located: list[tuple[Run, int, str, str]] = []
        knobs = self.knobs
        for run, order, kind, text in typed:
            if kind == "unknown" and (
                text in bodies
                or (
                    tagger
                    # A word alone is asked only in results copy (its clubs): asking the
                    # tagger of every capitalised word would cost more than it finds.
                    and (len(run.tokens) > 1 or self._sports)
                    and self.confirmer.read_as(
                        "ORG",
                        knobs.add_club_margin if self._sports else knobs.add_org_margin,
                        by_text[text],
                    )
                )
            ):
                kind = "org"
            elif (
                kind == "unknown"
                and tagger
                and self.confirmer.read_as("LOC", knobs.add_place_margin, by_text[text])
            ):
                kind = "place"
            elif (
                kind == "place"
                and tagger
                and self._sports
                and text not in COUNTRIES
                and self.confirmer.read_as("ORG", knobs.place_org_margin, by_text[text])
            ):
                kind = "org"  # a town's name standing for its club: "Surrey beat Kent"
            if kind == "person":
                if (
                    "person" in confirm
                    and id(run) not in self._trusted
                    and not self.confirmer.confirmed("person", run, by_text)
                ):
                    continue
                end_at_name(run.source, run)
                if not run.role:
                    run.role = role_around(run.source, run)
                mentions.append((run.paragraph, run.start, run.end, self._person(run, order)))
                article.people_ends.add((run.paragraph, run.end))
                article.people_starts.add((run.paragraph, run.start))
            elif kind == "org":
                # A cue vouches for a body as a list does ("the retailer Whole Foods").
                if (
                    "org" in confirm
                    and text not in bodies
                    and text not in self._teams
                    and not self.confirmer.confirmed("org", run, by_text)
                ):
                    continue
                located.append((run, order, kind, text))
            elif kind == "place":
                located.append((run, order, kind, text))
            elif kind == "unknown":
                pending.append((run, order))
        # Then the runs no rule decided: a known person's surname, a cue, or the tagger.
        proper = self.proper
        for run, order in pending:
            words = run.tokens
            known = self._known(words)
            if known:
                named = True
            elif len(words) == 1 and run.sentence_start and words[0] not in proper:
                # "Limbaugh told" opening a sentence is a name when the article writes
                # "Limbaugh" capitalised elsewhere too; "Police said" is not, cue or none.
                named = False
            elif after_indefinite(run) or run.article:
                # "a Fox source said", "an Easter Egg", "the American Theatre Wing
                # announced": an article before a name makes it a thing's or a body's.
                named = False
            else:
                cue = person_cue(run, article)
                named = cue is not None and (
                    "person" not in confirm
                    or cue in VOUCHING_CUES
                    or self.confirmer.confirmed("person", run, by_text)
                )
                if not named and tagger and len(words) >= 2:
                    named = self.confirmer.read_as("PER", self.knobs.add_margin, by_text[run.text])
            if named and could_be_a_person(words):
                end_at_name(run.source, run)
                if (
                    not known
                    and len(run.tokens) == 1
                    and run.sentence_start
                    and run.tokens[0] not in proper
                ):
                    continue  # "Residents of Federal Way said": the rule above, once cut
                if not run.role:
                    run.role = role_around(run.source, run)
                mentions.append((run.paragraph, run.start, run.end, self._person(run, order)))
        self._locate(located, mentions, typed)
        # A person has a given name, a title or role, or a fuller mention: a name of one
        # word with none of them ("Roscosmos said", "told Mashable") is left out.
        sure = {
            id(person)
            for paragraph, start, _end, person in mentions
            if any(
                kind == "PER" and margin >= self.knobs.one_word_margin
                for _s, _e, kind, margin in self.confirmer.readings.get((paragraph, start), ())
            )
        }
        lone = {
            id(p)
            for p in self.people
            if len(p.tokens) == 1
            and not p.vouched
            and p.name not in self._players
            and id(p) not in sure
            and not self.knobs.one_word_people
        }
        if lone:
            self.people = [p for p in self.people if id(p) not in lone]
            mentions = [m for m in mentions if id(m[3]) not in lone]
        # Spans name each person by the fullest form, which may come after the mention.
        self.person_spans = sorted((p, s, e, person.name) for p, s, e, person in mentions)
        names = {w for p in self.people for w in p.tokens} | {p.name for p in self.people}
        for table in (self.orgs, self.places):
            for key in [k for k in table if k in names]:
                del table[key]
        self._headline_places()

    def _locate(
        self,
        located: list[tuple[Run, int, str, str]],
        mentions: list[tuple[int, int, int, _Person]],
        typed: list[Typed],
    ) -> None:
        """Organisations and places, once the people are known."""
        proper = self.proper
        # A person is never also a place or an organisation: "Warren" after "Elizabeth
        # Warren" is her, though a city bears the name.
        surnames = {p.surname for p in self.people if len(p.tokens) > 1}
        bodies = {text for _, _, kind, text in located if kind == "org"}
        acting = acting_bodies(typed, self._teams, bodies)
        for run, order, kind, text in located:
            if surname_key(text) in surnames or any(text == p.name for p in self.people):
                mentions.append((run.paragraph, run.start, run.end, self._person(run, order)))
            elif (
                kind == "org"
                and run.sentence_start
                and text in ORG_WORDS
                and text not in KNOWN_ORGS
                and text not in proper
            ):
                # "Police said" opens a sentence with a common noun, not a name.
                continue
            elif (
                kind == "place"
                and run.sentence_start
                and text in COMMON_WORD_PLACES
                and text not in proper
            ):
                continue  # "Man’s greed", "Mobile phones": the word, not the town
            elif kind == "org":
                if (
                    text not in acting
                    and ACRONYM.match(text)
                    and text.replace(".", "") not in KNOWN_ORGS  # "U.N. sanctions" are the UN's
                ):
                    continue  # "HDR content", "an IVF treatment": a thing's acronym
                self.orgs.setdefault(text, []).append(order)
                town = town_of(text)
                if town:  # "Westfield High School" names Westfield too
                    self.places.setdefault(town, []).append(order)
            else:
                self.places.setdefault(text.removeprefix("the "), []).append(order)

    def _headline_places(self) -> None:
        """The places the headline names, which the body may name only by an organisation's
        or a person's name (the story's main place): known places only."""
        if not self.title:
            return
        names = {w for p in self.people for w in p.tokens}
        for run in runs_of(self.title, -1):
            uncap(run, is_shouted(self.title))
            if trim(run) is None:
                continue
            text = run.text.removeprefix("the ")
            if (
                text not in self.places
                and text not in names
                and known_place(run) == "place"
                # A headline capitalises every word: "Why Reading Matters" is no town.
                and (text not in COMMON_WORD_PLACES or text in self.proper)
            ):
                self.places[text] = [0]

    def person_list(self) -> tuple[Person, ...]:
        ranked = sorted(self.people, key=lambda p: (-p.mentions, p.first))
        return tuple(Person(p.name, p.role, p.mentions) for p in ranked)

    @staticmethod
    def _entities(table: dict[str, list[int]]) -> tuple[Entity, ...]:
        ranked = sorted(table.items(), key=lambda item: (-len(item[1]), item[1][0]))
        return tuple(Entity(name, len(orders)) for name, orders in ranked)

    def org_list(self) -> tuple[Entity, ...]:
        # "Alibaba" and "Alibaba Group" are one company, listed by its fuller name.
        # So are "US Congress" and "Congress": a country before a body's name.
        orgs = {name: list(orders) for name, orders in self.orgs.items()}
        for name in list(orgs):
            shorts = [short_form(name)]
            if self._sports:
                shorts += [self._club_short_form(name), *self._club_halves(name)]
            for short in shorts:
                # ``name`` may itself have gone into a fuller name already.
                if short and short in orgs and name in orgs:
                    orgs[name] = sorted(orgs[name] + orgs.pop(short))
        return self._entities(orgs)

    @staticmethod
    def _club_short_form(name: str) -> str | None:
        """In results copy, a club named with its town after it is the club: "Dynamo" for
        "Dynamo Kyiv" (elsewhere a place after a body's name may name another body: "OSCE
        Chechnya" is a mission; "Google India" a branch)."""
        words = name.split()
        if (
            len(words) == 2
            and words[1] in places()
            and words[1] not in COUNTRIES
            and words[0] not in ORG_WORDS
        ):
            return words[0]
        return None

    @staticmethod
    def _club_halves(name: str) -> tuple[str, ...]:
        """In results copy, a club named by its town and a nickname is the club by either:
        "Baltimore" and "Orioles" for "Baltimore Orioles", "New York" for "New York Yankees"."""
        words = name.split()
        for k in range(len(words) - 1, 0, -1):
            town = " ".join(words[:k])
            if town in places() and town not in COUNTRIES and not ORG_WORDS.intersection(words):
                return town, " ".join(words[k:])
        return ()

    def place_list(self) -> tuple[Entity, ...]:
        return self._entities(self.places)

    def resolve(self, name: str) -> str | None:
        """The listed person a name ("Stoltenberg", "Mr Putin") refers to."""
        words = name.split()
        last = surname_key(words[-1]) if words else ""
        for person in self.people:
            if name == person.name or (words and last == person.surname):
                return person.name
        return None


def _speaks(run: Run) -> bool:
    """Whether a one-word name that is a given name and no country's has a verb of saying
    just after it ("Charlotte told") or, after a quote or a comma, just before it ('," said
    Elizabeth')."""
    text = run.text
    if len(run.tokens) != 1 or text in COUNTRIES or not is_given_name(text):
        return False
    after = run.after(20).split()
    inverted = _SAID_BEFORE.search(run.before(30))
    return bool(
        (after and after[0].strip(",.;:") in SAY_VERBS)
        or (inverted and inverted.group(1) in SAY_VERBS)
    )


_SAID_BEFORE: Final = re.compile(r"[,”\"’']\s*([a-z]+)\s+$")
"""A verb of saying after a quote or a comma, just before a name: '," said Elizabeth' (not
"officials said Paris won": there the name opens what was said)."""


_IN_BEFORE: Final = re.compile(r"(?:^|\s)[Ii]n\s+$")
""""in" just before a name: a town there is a place, though its club plays in the article."""

Typed = tuple[Run, int, str | None, str]
"""(run, reading order, kind the rules give, text) of a run that may be a name."""
