"""People, organisations and places named in an article, with the roles it gives people.

    dateline ("LONDON 1996-08-30", "BRUSSELS (Reuters) -") -> a place
    capitalised runs -> words in capitals read as names ("NEW YORK"), field labels dropped
      -> trim sentence openers, split titles ("Defence Minister", "Rep.") from names
      -> classify (gazetteers, organisation, venue and event words, given names, initials)
      -> sides in sports results become teams or players (``teams.py``)
      -> cues for the rest ("said", a job before the name, "(Sweden)" after it)
      -> merge mentions; a person's surname is that person, never a place or a body

Precision comes first: a run that no list, word or cue vouches for is left out rather
than guessed. A person is listed once, under the fullest form of the name; surname-only
mentions ("Stoltenberg said") and "Mr Putin" count toward that person.
"""

from __future__ import annotations

from digest.facts.gazetteer import (
    COMMON_CAPITALISED,
    COMMON_WORD_PLACES,
    COUNTRIES,
    KNOWN_ORGS,
    ORG_WORDS,
    places,
)
from digest.facts.kinds import (
    FROM_PLACE,
    could_be_a_person,
    end_at_name,
    ends_with,
    kind_of,
    only_a_title,
    role_around,
    role_noun_before,
    said_nearby,
    short_form,
    split_role,
    surname_key,
    title_of,
)
from digest.facts.runs import (
    Run,
    dateline,
    is_label,
    is_shouted,
    joined_by_and,
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

    __slots__ = ("name", "role", "mentions", "first", "tokens", "surname")

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


class NameFinder:
    """Finds and merges the people, organisations and places of one article."""

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        self.paragraphs = paragraphs
        self.people: list[_Person] = []
        self.orgs: dict[str, list[int]] = {}
        self.places: dict[str, list[int]] = {}
        self.person_spans: list[tuple[int, int, int, str]] = []
        """(paragraph, start, end, person name) for every mention, in reading order."""
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
                return person
        person = _Person(name, run.role, 1, order, list(words), last)
        self.people.append(person)
        return person

    def _run(self) -> None:
        pending: list[tuple[Run, int]] = []
        located: list[tuple[Run, int, str, str]] = []
        mentions: list[tuple[int, int, int, _Person]] = []
        seen: list[tuple[Run, int, str | None, str]] = []
        proper: set[str] = set()
        """Words the article capitalises inside a sentence: names, not sentence openers."""
        order = 0
        place_line = dateline(self.paragraphs)
        if place_line:
            self.places[place_line[3]] = [0]
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
                if trim(run) is None:
                    continue
                # A mention starts at its first kept word ("On The Steve Harvey Show").
                start_at_first_word(run, paragraph)
                if len(run.tokens) > 1:
                    if only_a_title(run.tokens, places()):
                        continue  # "the Prime Minister said", "the US President": no name
                    split_role(run)  # a title comes before a name
                    if run.role is None and title_of(run):
                        start_at_first_word(run, paragraph)
                order += 1
                words = list(run.tokens)
                kind = kind_of(run)
                if kind == "person" and not could_be_a_person(run.tokens):
                    kind = None  # "Gautam Budha Nagar98", "AT&T": no one's name
                if run.tokens != words:
                    # A team sheet's country was cut from the player's name.
                    start_at_first_word(run, paragraph)
                seen.append((run, order, kind, run.text))
        side = sides(
            self.paragraphs, [(r.paragraph, r.start, r.end, text, k) for r, _, k, text in seen]
        )
        for run, order, kind, text in seen:
            paragraph = self.paragraphs[run.paragraph]
            # National sides keep the country's name as a place ("France beat Mexico 2-0").
            if (
                side.get(text) == "team"
                and text not in COUNTRIES
                and not (kind == "person" and (run.role or run.honorific))
            ):
                kind = "org"
            elif side.get(text) == "player" and kind == "unknown":
                kind = "person"
            if kind == "person":
                end_at_name(paragraph, run)
                if not run.role:
                    run.role = role_around(paragraph, run)
                mentions.append((run.paragraph, run.start, run.end, self._person(run, order)))
            elif kind in ("org", "place"):
                located.append((run, order, kind, text))
            elif kind == "unknown":
                pending.append((run, order))
        # Second pass: surnames of people already found, and names a cue vouches for.
        for run, order in pending:
            paragraph = self.paragraphs[run.paragraph]
            words = run.tokens
            surname = words[-1]
            key = surname_key(surname)
            known = len(words) <= 2 and any(
                surname in p.tokens or key == p.surname for p in self.people
            )
            if known:
                named = True  # a known person's surname
            elif len(words) == 1 and run.sentence_start and surname not in proper:
                # "Limbaugh told" opening a sentence is a name when the article writes
                # "Limbaugh" capitalised elsewhere too; "Police said" is not, cue or none.
                named = False
            else:
                from_place = FROM_PLACE.match(paragraph, run.end)
                named = (
                    said_nearby(paragraph, run)
                    or role_around(paragraph, run) is not None
                    or role_noun_before(paragraph, run)
                    or bool(
                        from_place
                        and from_place.group("place") in places()
                        and 2 <= len(words) <= 4
                    )
                )
            if named and could_be_a_person(words):
                end_at_name(paragraph, run)
                if (
                    not known
                    and len(run.tokens) == 1
                    and run.sentence_start
                    and run.tokens[0] not in proper
                ):
                    continue  # "Residents of Federal Way said": the rule above, once cut
                if not run.role:
                    run.role = role_around(paragraph, run)
                mentions.append((run.paragraph, run.start, run.end, self._person(run, order)))
        # A person is never also a place or an organisation: "Warren" after "Elizabeth
        # Warren" is her, though a city bears the name.
        surnames = {p.surname for p in self.people if len(p.tokens) > 1}
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
                self.orgs.setdefault(text, []).append(order)
            else:
                self.places.setdefault(text.removeprefix("the "), []).append(order)
        # Spans name each person by the fullest form, which may come after the mention.
        self.person_spans = sorted((p, s, e, person.name) for p, s, e, person in mentions)
        names = {w for p in self.people for w in p.tokens} | {p.name for p in self.people}
        for table in (self.orgs, self.places):
            for key in [k for k in table if k in names]:
                del table[key]

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
            short = short_form(name)
            # ``name`` may itself have gone into a fuller name already.
            if short and short in orgs and name in orgs:
                orgs[name] = sorted(orgs[name] + orgs.pop(short))
        return self._entities(orgs)

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
