"""Which names are sides in a contest: the teams and players of sports results and tables.

    names with their kinds -> sides (a name and its score, "Harlequins 75 Gloucester 19";
      "Leicestershire beat Somerset"; a table row, "Stoke 4 3 1 0 7 4 10")
      -> teams (organisations) or players (people)

A club is usually named after its town, so on its own "Norwich" reads as a place; as a
side in a result it is the club. A result pairs sides of one sort: a side paired with a
place-named side is a team too ("Crystal Palace 2 Norwich 1"), sides that are all people
are players ("Korda beat Veglio"). The rows of a table are all of one sort, the sort most
of its rows plainly are. A name that is a team once is the team throughout the article.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from digest.facts.gazetteer import COUNTRIES, places
from digest.text.sentences import sentence_spans
from digest.text.words import word_list

Name = tuple[int, int, int, str, str | None]
"""(paragraph, start, end, text, kind): one classified name; kind "person", "org",
"place", "unknown" or None."""

_SCORE: Final = re.compile(
    r"\s+\d{1,3}(?:-\d{1,3})?(?=$|[\s,;)]|\.(?!\d))"
    r"(?!\s+(?:percent|per|pct|million|billion|years?|months?|weeks?|days?|hours?|minutes?|people|"
    r"km|kg|miles|tonnes|tons|dollars|shares|cents|times|of|in|to|from)\b)"
)
"""A score right after a name ("Gloucester 19", "Surrey 429-7"), not a count ("20 years")."""
_CONTEST: Final = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?(?:beat|beats|v|vs\.?|versus|drew\s+with|draw\s+with|lost\s+to|"
    r"defeated|edged|thrashed|routed|overcame|crushed|trounced|hammered|downed|held)\s+(?:the\s+)?$"
)
"""What joins two sides: "Leicestershire beat Somerset", "Korda (Czech Republic) beat Veglio"."""
_ROW_REST: Final = re.compile(r"(?:\s+[-+]?\d+(?:[.:]\d+)?|\s+\d+/\d+|\s+[-.]+|\s*\.\d+)+\s*\.?$")
"""The rest of a table row after the name: numbers only ("4 3 1 0 7 4 10", "74 59 .556 -",
"60 68 .469 16 1/2")."""
_SCORERS: Final = re.compile(r"\s*\((?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s+\d")
"""After a side's score, its scorers in brackets, each with a number: "(D. Cox 95",
"(Keller 18th"."""
_FIXTURE: Final = re.compile(r"\s+(?:at|AT|v|vs\.?|versus)\s+")
"""What joins the two sides of a fixture written as a line of its own: "MILWAUKEE AT
CLEVELAND", "Surrey v Kent"."""


_AFTER_A_CLUB: Final = word_list("facts/teams/after_a_club")
"""Words after a town's name that make it its club: "Surrey captain", "Kent were"."""
_POSITIONS: Final = word_list("facts/teams/positions")
"""A player's position after a name no list knows makes it a club: "Everton striker"."""
_NOT_A_CLUB: Final = re.compile(r"-[a-z]|^(?:Former|Veteran|Young|Two|Three|New)\b")
"""No club's name: a compound ("Two-try", "German-based") or a word of description first."""
_NEXT_WORD: Final = re.compile(r"(?:['’]s(?:\s+[A-Z][a-z]+)?)?\s+([a-z][a-z-]*)")
"""The word after a name, past its possessive and a people's adjective: "Middlesbrough's
Italian striker"."""
_BEFORE_A_CLUB: Final = word_list("facts/teams/before_a_club")
"""Words before a name that make it a club in a report of results: "champions Porto"."""
_PLAYS_FOR: Final = re.compile(
    r"\b(?:(?:play|plays|played|playing|player)\s+for|signed\s+from)\s+(?:the\s+)?$"
)
"""Words before a team a player plays for or came from: "plays for Newcastle", "a former
player for Monaco", "signed from Liverpool"."""
_OWNER: Final = re.compile(r"['’]s\s+")
"""A possessive after a name: "Bremen's "."""
_TITLE_BEFORE_A_CLUB: Final = word_list("facts/teams/title_before_a_club")
"""Words before a town's name that make it a club in any article: "champions Porto"."""
_MATCH_WORDS: Final = word_list("facts/teams/match_words")
_A_SCORE: Final = re.compile(
    r"(?<![\w.,/-])\d{1,3}-\d{1,3}(?![\w%/-]|[.,]\d|\s*(?:percent|per\s+cent|pct)\b)"
)
"""A match's score in a sentence: "2-1", "66-14" (not a date, a range of percent or a ratio)."""
_MATCH: Final = "(?:" + "|".join(sorted(_MATCH_WORDS, key=len, reverse=True)) + ")"
_BEATEN_SIDE: Final = re.compile(
    r"\b" + _MATCH + r"(?:\s+\d{1,3}-\d{1,3})?(?:\s+(?:at\s+home|away))?"
    r"(?:\s+(?:over|against|to|by|with|of))?(?:\s+the)?"
    r"(?:\s+(?!(?:in|at|on|near|from|into|after|before|during|for|since|and|or|but)\b)"
    r"[a-z][a-z-]+){0,2}\s+$"
)
"""A match word and what may come before its object ends the text before a side: "beat",
"lost 2-0 at home to", "drew with newly-promoted" (not "beat ... in", where a place follows)."""
_BEATING_SIDE: Final = re.compile(
    r"(?:['’]s\s+\d{1,3}-\d{1,3}(?:\s+(?:home|away))?|\s+(?:were|was))?\s+" + _MATCH + r"\b"
)
"""What follows a side that played: "beat", "were held", "'s 3-1 home win"."""


def _town_first(text: str) -> bool:
    """Whether a name no rule decided opens with a town's name and goes on: "Boston Red
    Sox", "Toronto Blue Jays" (a club's name and nickname)."""
    words = text.split()
    return any(" ".join(words[:k]) in places() for k in range(1, len(words)))


def match_sides(paragraph: str, names: list[Name]) -> list[Name]:
    """The places a sentence that gives a score shows as sides of the match, as subject or
    object of a match word ("Leeds beat Derby 2-0", "a 3-1 win over Derby", "lost 2-0 to
    Derby"): a town standing for its club; so is a name no rule decided that opens with a
    town ("the Boston Red Sox won 4-1"). People are left alone (a player beats a player)."""
    if not _A_SCORE.search(paragraph):
        return []
    found = []
    for name in names:
        if name[4] != "place" and not (name[4] == "unknown" and _town_first(name[3])):
            continue
        start, end = name[1], name[2]
        sentence = next((s for s in sentence_spans(paragraph) if s[0] <= start < s[1]), None)
        if sentence is None or not _A_SCORE.search(paragraph, sentence[0], sentence[1]):
            continue
        if _BEATEN_SIDE.search(paragraph[max(sentence[0], start - 60) : start]) or (
            _BEATING_SIDE.match(paragraph, end, sentence[1])
        ):
            found.append(name)
    return found


_RANK: Final = re.compile(r"\s*\d{1,3}\s*\.\s*")
"""A placing opening a line of results: "3. "."""
_NATION: Final = re.compile(r"\s*\([A-Z][\w. ]{0,30}\)\s+")
"""A competitor's country in brackets: " (Canada) "."""
_NATION_SCORE: Final = re.compile(r"\s*\([A-Z][\w. ]{0,30}\)\s+\d{1,3}(?=$|[\s,;()]|\.(?!\d))\s*")
"""A side's country in brackets, then its score: " (Norway) 2 " (a club in an international
competition)."""
_ENTRANT_END: Final = re.compile(r"\s*(?:$|[\d(]|[a-z])")
"""What may follow the team on its line: its time or points, "one lap", "all same time"."""


def entrant(paragraph: str, names: list[Name]) -> Name | None:
    """The team on a placed line of results, after the competitor and the competitor's
    country: "3. Jacques Villeneuve (Canada) Williams 1:54.443" (the team, a maker or a
    sponsor, is an organisation though a country or a town may bear its name)."""
    rank = _RANK.match(paragraph)
    if rank is None or len(names) < 2:
        return None
    first = names[0]
    if first[1] != rank.end() or first[4] != "person":
        return None
    nation = _NATION.match(paragraph, first[2])
    if nation is None:
        return None
    team = next((n for n in names if n[1] == nation.end()), None)
    if team is None or team[4] == "person" or not _ENTRANT_END.match(paragraph, team[2]):
        return None
    return team


_CLUB_AFTER: Final = re.compile(r"\s*\(\s*$")
"""A bracket opened just after a player's name: "Marco Rossi (" before the club."""


def clubs_of_players(paragraph: str, names: list[Name]) -> list[Name]:
    """The names in brackets after players in a list of two or more: "Marco Rossi (Lazio),
    Jo Sato (Kessington)" names each player's club (a country there is the player's
    nation, and stays a place; a list mostly of countries is one of nations)."""
    pairs = [
        club
        for player, club in zip(names, names[1:], strict=False)
        if player[4] == "person"
        and club[4] in ("place", "unknown", "org")
        and _CLUB_AFTER.fullmatch(paragraph, player[2], club[1])
        and paragraph.startswith(")", club[2])
    ]
    clubs = [c for c in pairs if c[3] not in COUNTRIES]
    return clubs if len(clubs) >= 2 and 2 * len(clubs) >= len(pairs) else []


def _word_before(paragraphs: tuple[str, ...], name: Name) -> str:
    """The word just before a name ("" at its paragraph's start): "champions" in "reigning
    champions Porto"."""
    before = paragraphs[name[0]][max(0, name[1] - 14) : name[1]].split()
    return before[-1] if before else ""


def _in_brackets(paragraph: str, start: int) -> bool:
    return paragraph.rfind("(", 0, start) > paragraph.rfind(")", 0, start)


def sides(paragraphs: tuple[str, ...], names: list[Name]) -> dict[str, str]:
    """Map a name's text to "team" or "player" when the article shows it as a side, or to
    "entrant" when it is a competitor's team on a line of results (:func:`entrant`)."""
    found: dict[str, str] = {}
    by_paragraph: dict[int, list[Name]] = {}
    for name in names:
        by_paragraph.setdefault(name[0], []).append(name)
    rows: list[Name] = []
    groups: list[tuple[list[Name], bool]] = []
    counts: list[Name] = []
    """Rows of one figure: a table of points ("Ferrari 12") only when a row is headed by a
    body or a name no list knows, not when all are places ("Texas 38", "Ohio 18")."""
    lines_of_two: list[list[Name]] = []
    """Lines that are two sides no list knows and their scores, and nothing else."""
    clubs: list[Name] = []
    """Names in brackets after players, in lists of players (:func:`clubs_of_players`)."""
    with_scorers: list[Name] = []
    """Sides with their score and then their scorers in brackets, a line each: "Durham 326
    (D. Cox 95 not out)", "Lyon 2 (Dupont 15th)"."""
    for index, here in by_paragraph.items():
        paragraph = paragraphs[index]
        bracketed = "(" in paragraph  # else no name is in brackets: none is looked for
        if bracketed:
            clubs.extend(clubs_of_players(paragraph, here))
        here = [
            n
            for n in here
            if n[4] is not None and not (bracketed and _in_brackets(paragraph, n[1]))
        ]
        for name in here:
            after = _NEXT_WORD.match(paragraph, name[2])
            if name[4] == "place" and after and after.group(1) in _AFTER_A_CLUB:
                found[name[3]] = "team"  # "Surrey captain Alec Stewart", "Kent were"
            elif (
                name[4] == "unknown"
                and after
                and after.group(1) in _POSITIONS
                and not _NOT_A_CLUB.search(name[3])
            ):
                found[name[3]] = "team"  # "Everton striker Duncan Ferguson"
        for name in here:
            if name[4] in ("place", "unknown") and _PLAYS_FOR.search(
                paragraph, max(0, name[1] - 30), name[1]
            ):
                found[name[3]] = "team"  # "who plays for Newcastle", "signed from Leeds"
        for left, right in zip(here, here[1:], strict=False):
            first = _NATION_SCORE.match(paragraph, left[2])
            if (
                first
                and first.end() == right[1]
                and _NATION_SCORE.match(paragraph, right[2])
                and "person" not in (left[4], right[4])
            ):
                found[left[3]] = found[right[3]] = "team"  # "Brann (Norway) 2 Hearts (Scotland) 1"
        team = entrant(paragraph, here)
        if team is not None:
            found[team[3]] = "entrant"  # "3. Jacques Villeneuve (Canada) Williams"
        for name in match_sides(paragraph, here):
            found[name[3]] = "team"  # "Leeds lost 2-0 to Derby"
        scored = [n for n in here if _SCORE.match(paragraph, n[2])]
        if len(scored) >= 2:
            groups.append((scored, True))
            if (
                len(scored) == 2
                and scored[0][1] == 0
                and {scored[0][4], scored[1][4]} == {"unknown"}
                and _SCORE.fullmatch(paragraph, scored[1][2])
            ):
                lines_of_two.append(scored)  # "Vojvodina 1 Partizan 1", the whole line
        for name in scored:
            score = _SCORE.match(paragraph, name[2])
            if score and _SCORERS.match(paragraph, score.end()):
                with_scorers.append(name)
        for left, right in zip(here, here[1:], strict=False):
            if _CONTEST.match(paragraph, left[2], right[1]):
                groups.append(([left, right], False))
        if (
            len(here) == 2
            and here[0][1] == 0
            and "person" not in (here[0][4], here[1][4])
            and not paragraph[here[1][2] :].strip(" .")
            and _FIXTURE.fullmatch(paragraph, here[0][2], here[1][1])
        ):
            groups.append((here, False))  # the whole line is a fixture
        rest = _ROW_REST.fullmatch(paragraph, here[0][2]) if here else None
        if rest and not paragraph[: here[0][1]].strip(" .0123456789"):
            # A row of one figure may be a count ("Texas 38"), not a standing.
            (rows if len(rest.group().split()) >= 2 else counts).append(here[0])
    if any(n[4] in ("org", "unknown") for n in counts):
        rows.extend(counts)
    if len(with_scorers) >= 2:
        groups.append((with_scorers, True))  # the article's sides, line by line
    if clubs and (groups or rows or any(c[4] != "place" for c in clubs)):
        # Players with their clubs in brackets, where results or a club no list knows show
        # a sports article (not "Jane Doe (Texas), John Roe (Ohio)" in a list of senators).
        for club in clubs:
            found[club[3]] = "team"
    for name in names:
        # "reigning champions Porto": a club in any article (a country stays a place there).
        if (
            name[4] == "place"
            and name[3] not in found
            and _word_before(paragraphs, name) in _TITLE_BEFORE_A_CLUB
        ):
            found[name[3]] = "team"
    if not groups and not rows:
        return found  # no results and no table: no sides
    # In a report of results, "champions Porto" and "rivals Benfica" are clubs too, and so
    # is a town owning a player ("Bremen's Jens Todt").
    starts = {(n[0], n[1]) for n in names if n[4] == "person"}
    for name in names:
        if name[4] == "place" and name[3] not in found:
            owner = _OWNER.match(paragraphs[name[0]], name[2])
            if owner and (name[0], owner.end()) in starts:
                found[name[3]] = "team"
    for name in names:
        if name[4] in ("place", "unknown") and name[3] not in found:
            before = _word_before(paragraphs, name)
            if before in _BEFORE_A_CLUB or before.endswith("-placed"):
                found[name[3]] = "team"
    decided = Counter(
        "team" if {n[4] for n in g} & {"place", "org"} else "player"
        for g, _ in groups
        if {n[4] for n in g} - {"unknown"}
    )
    undecided = (
        "team"
        if decided["team"] > decided["player"]
        else "player"
        if decided["player"] > decided["team"]
        else None  # as many of each: the sides no list knows decide (below)
    )
    if undecided is None and len(lines_of_two) >= 2:
        # No line decides (or as many lines each way), and lines of two sides no list knows
        # with their scores ("Vojvodina 1 Partizan 1", "Skeid 0 Brann 2"): results of team
        # games (a player's names the game: sets, frames).
        undecided = "team"
    for group, scored_line in groups:
        kinds = {n[4] for n in group}
        # Sides no list knows ("Barnsley 2 Bury 1") are of the sort the article's other sides are.
        sort = "team" if kinds & {"place", "org"} else "player" if "person" in kinds else undecided
        for name in group:
            # A given name does not make a player of "Crystal Palace 2 Norwich 1", nor of
            # "Paris St Germain 1 Nantes 0" (a line of two sides with their scores).
            if sort == "team" and (
                name[4] != "person"
                or scored_line
                and (len(name[3].split()) == 2 or len(group) == 2)
            ):
                found[name[3]] = "team"
            elif sort == "player" and name[3] not in found:
                found[name[3]] = "player"
    votes = Counter(
        "team" if n[4] in ("place", "org") or found.get(n[3]) == "team" else "player"
        for n in rows
        if n[4] != "unknown"
    )
    if votes:
        sort = "team" if votes["team"] > votes["player"] else "player"
        for name in rows:
            if name[3] not in found and (
                name[4] == "unknown" or sort == "team" and name[4] == "place" or sort == "team"
            ):
                found[name[3]] = sort
    return found
