"""Runs of capitalised words: what in a sentence may be a name.

    a paragraph -> its sentences -> the words a name may use (capitalised words, "the" just
    before one, connectors such as "of" between two) -> runs ("Bank of England", "NEW YORK")
      -> words in capitals read as names when a list knows them, sentence openers trimmed,
         runs parted by "and" joined when together they name one body

A run is what :mod:`digest.facts.kinds` then classifies and :class:`~digest.facts.names.NameFinder`
merges.
"""

from __future__ import annotations

import re
import string
from functools import cache
from typing import Final

from digest.facts.gazetteer import (
    COMMON_CAPITALISED,
    HONORIFICS,
    KNOWN_ORGS,
    ORG_WORDS,
    ROLE_NOUNS,
    ROLE_WORDS,
    STATE_ABBREVIATIONS,
    given_names,
    lower_words,
    places,
)
from digest.facts.scan import ascii_twin
from digest.text import datelines
from digest.text.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS
from digest.text.sentences import sentence_spans
from digest.text.words import word_list

CONNECTORS: Final = word_list("facts/runs/connectors")
MONTHS_DAYS: Final = (
    frozenset(WEEKDAYS) | frozenset(MONTH_ABBREVIATIONS) | (frozenset(MONTH_NAMES) - {"May"})
)
"""Weekdays and months, which start no name ("May" may: Theresa May)."""
_SHOUTED: Final = 0.7
"""Share of capital letters above which a paragraph is a heading or a table row, not prose."""
_ASCII_LOWER: Final = string.ascii_lowercase.encode("ascii")
SPLITTERS: Final = word_list("facts/runs/splitters")
"""Capitalised small words inside a run of capitals that part two names, as in a fixtures list."""
ACRONYM: Final = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")


@cache
def openers() -> frozenset[str]:
    """Words that open a sentence without opening a name: written in lower case in news and
    in no annotated name of the training set ("once", "replied"; not "new", "royal")."""
    return word_list("facts/runs/openers")


GROUP_POSSESSIVES: Final = word_list("facts/runs/group_possessives")
"""Plural nouns whose possessive stays inside a body's name: "Murdoch Children's Research
Institute", "National People's Congress" (a person's possessive ends a name: "Trump's")."""
NAME_ABBREVIATIONS: Final = word_list("facts/runs/name_abbreviations")
"""Short forms that keep their stop and run on into the name they open: "St. Louis",
"Mt. Everest", "Ft. Worth"."""
CORPORATE_SUFFIXES: Final = word_list("facts/runs/corporate_suffixes")
"""Last words of a company's full name that its short name leaves out ("Alibaba Group")."""


class Run:
    """A run of capitalised words of a sentence: a name, or what may be one.

    A plain class rather than a dataclass: compiled, its ``__init__`` is native C, where a
    dataclass's is Python made at import, and a run is made for every capitalised run of
    words of the article.
    """

    # Laid out by hand, a few entries a line: one a line would run to a column (fmt: skip).
    __slots__ = (
        "tokens", "start", "end", "paragraph", "sentence_start", "role", "honorific", "article",
        "source",
    )  # fmt: skip

    def __init__(
        self,
        tokens: list[str],
        start: int,
        end: int,
        paragraph: int,
        sentence_start: bool,
        role: str | None = None,
        honorific: bool = False,
        article: bool = False,
        source: str = "",
    ) -> None:
        self.tokens = tokens
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.sentence_start = sentence_start
        self.role = role
        self.honorific = honorific
        self.article = article
        """"the" comes just before the run: "the Florida Marlins" names no person."""
        self.source = source
        """The paragraph the run is in: rules read the words around it."""

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def before(self, reach: int = 40) -> str:
        """Up to ``reach`` characters of the paragraph just before the run."""
        return self.source[max(0, self.start - reach) : self.start]

    def after(self, reach: int = 40) -> str:
        """Up to ``reach`` characters of the paragraph just after the run."""
        return self.source[self.end : self.end + reach]


_EXTENDED_CAPITALS: Final = "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
"""Capitals of the Latin Extended-A and -B blocks, which open names from many languages:
"Şahin", "Łukasz", "Škoda", "Żaneta"."""
_FIRST: Final = "A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u024f0-9&"
"""The characters a word starts with; it goes on over word characters, ’ ' . - & and the
soft hyphen (U+00AD), which a page may put inside any word ("Vladi\u00admir")."""
_WORD: Final = f"[{_FIRST}][\\w’'.\\-&\u00ad]*+"
"""A word, to its end ("&" alone is a word: "Procter & Gamble")."""
_GAP: Final = f"[^{_FIRST}]*+"
"""What lies between two words."""
_CAPITAL: Final = f"[A-ZÀ-ÖØ-Þ{_EXTENDED_CAPITALS}]|[ae]l-"
"""How a capitalised word (``_capitalised``) starts: a capital, or "al-" and "el-"."""
_COMPOUND_TAIL: Final = re.compile(r"-(?!elect$|designate$)[a-z]{2,}$")
"""The end of a capitalised compound that describes what follows: "Amazon-owned",
"Pakistan-based" (not a name's own hyphen: "Bosnia-Herzegovina", "al-Sharia"; not a title's:
"President-elect", "Minister-designate")."""
ORDINAL: Final = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
"""A number that may open a name: "21st Century Fox"."""
_LINK_END: Final = r"[.\-'’]*(?:['’]s)?(?![\w’'.\-&])"
"""What ``_tokens`` cuts from the end of a connector ("of-", "the's"), to the word's end."""
_LINK: Final = f"(?:{'|'.join(sorted(CONNECTORS, key=len, reverse=True))}){_LINK_END}"
_NAME_START: Final = (
    f"(?:{_CAPITAL}|t[hH][eE]{_LINK_END}{_GAP}(?:{_CAPITAL})|{ORDINAL.pattern} (?:{_CAPITAL}))"
)
"""A word a name starts at, a "the" just before one (``Run.article``), or an ordinal before
one ("21st Century Fox")."""
_NAME_WORD: Final = re.compile(
    f"({_GAP})"
    f"((?:(?!{_NAME_START}|{_LINK}){_WORD}{_GAP}(?:(?!{_NAME_START}){_WORD}{_GAP})*+)?+)"
    f"(?:({_WORD})({_GAP}))?"
)
"""One step through a sentence: the gap that opens it (on the first step), the words passed
over, then the next word a name may use and the gap after it. A name may use a capitalised
word, a "the" just before one, and a connector right after a word it may use ("Bank of
England"); the other words are passed over at once, not split off one by one."""
_NAME_WORD_ASCII: Final = ascii_twin(_NAME_WORD)
"""``_NAME_WORD`` for ASCII text: the same words, found quicker."""
_ENDINGS: Final = frozenset(".-'’s")
"""Last characters of a word that may be cut: a possessive's s, a stop, hyphen or apostrophe."""


def _tokens(sentence: str) -> tuple[list[str], list[int], list[int], list[bool], list[bool]]:
    """The words of a sentence a name may use (``_NAME_WORD``): their texts, starts, ends,
    whether a name stops after each (punctuation, a possessive or a word passed over follows
    it), and whether each comes right after the one before (the first: opens the sentence).
    """
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    breaks: list[bool] = []
    follows: list[bool] = []
    start = 0
    pattern = _NAME_WORD_ASCII if sentence.isascii() else _NAME_WORD
    # Typed, the groups are handled as str when compiled, not as objects of unknown type.
    steps: list[tuple[str, str, str, str]] = pattern.findall(sentence)
    skipped = False  # the word before was passed over although a name might use it
    for lead, passed, text, gap in steps:
        start += len(lead) + len(passed)
        if passed and breaks:
            breaks[-1] = True  # a name goes on over no word passed over
        if not text:
            break  # the rest holds no word a name may use
        end = start + len(text)
        following = end + len(gap)
        if start and sentence[start - 1] in "#@":
            # A hashtag or a handle ("#Hamilton", "@CityCouncil") is a label, not a name as
            # written, and no name runs on from it into the words after.
            if breaks:
                breaks[-1] = True
            start, skipped = following, True
            continue
        brk = False
        if text[-1] in _ENDINGS:
            # "Children's" in "Murdoch Children's Research Institute" is part of the name.
            if (
                text[-1] == "s"
                and len(text) > 2
                and text[-2] in "’'"
                and text[:-2] not in GROUP_POSSESSIVES
            ):
                text, end, brk = text[:-2], end - 2, True
            # "Rep." and "Gen." keep their stop: a title runs on into the name it precedes,
            # as "St." runs on into the saint's or the town's ("St. Louis").
            while (
                text
                and text[-1] in ".-'’"
                and not (
                    ACRONYM.match(text)
                    or text.rstrip(".") in HONORIFICS
                    or text in ROLE_WORDS
                    or (len(text) == 2 and text[0].isupper())
                    or (text[-1] == "." and text[:-1] in NAME_ABBREVIATIONS)
                )
            ):
                text, end = text[:-1], end - 1
                brk = brk or sentence[end : end + 1] == "."
            gap = sentence[end:following]
        texts.append(text.replace("\u00ad", "") if "\u00ad" in text else text)
        starts.append(start)
        ends.append(end)
        follows.append(not (passed or skipped))
        skipped = False
        # Words are mostly one space apart; anything else may break a name. A word ending
        # in a small word after a hyphen ("Amazon-owned", "Pakistan-based") ends one too.
        breaks.append(
            brk
            or (gap != " " and gap.strip() not in ("", "-"))
            or gap == " - "
            or ("-" in text and _COMPOUND_TAIL.search(text) is not None)
        )
        start = following
    return texts, starts, ends, breaks, follows


def title_case(word: str) -> str:
    """ "LONDON" -> "London", "ST." -> "St.", "O'NEILL" -> "O'Neill"; other words unchanged."""
    if not (word.isupper() and sum(c.isalpha() for c in word) >= 2):
        return word
    if word.isascii():
        return word.title()  # the same on ASCII, sooner: a capital opens each run of letters
    return re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), word)


_SCORE_NEXT: Final = re.compile(r"\s*\d")
"""A number just after a name: its score ("BOSTON 6")."""


def uncap(run: Run, shouted: bool) -> None:
    """Read words written in capitals as names ("NEW YORK" -> "New York") when a list knows
    them; in a heading or table row every capitalised word is read so, none as an acronym."""
    if not any(map(str.isupper, run.tokens)):
        return  # no word in capitals: nothing to read
    titled = [title_case(w) for w in run.tokens]
    if titled == run.tokens:
        return
    text = " ".join(titled)
    # One word in capitals inside a sentence of words in lower case is an acronym ("AJAX",
    # "NATO"), not a town shouted: prose writes a town in title case (a dateline opens its
    # line, a results line gives the home side in capitals and its score: "Oakland 4 BOSTON 6").
    lone = (
        not shouted
        and len(titled) == 1
        and not run.sentence_start
        and not _SCORE_NEXT.match(run.source, run.end)
    )
    if (
        (text in places() and not lone)
        or text in KNOWN_ORGS
        or (
            titled[0] != run.tokens[0]
            and titled[0] in given_names()
            and titled[0] not in SPLITTERS  # "IN SEVEN CASES": "In" is a given name too
            and len(titled) > 1
        )
    ):
        run.tokens = titled
        return
    # Two capitals are an acronym ("US", "UK") unless a list knows the whole run ("ST LOUIS").
    titled = [
        t if sum(c.isalpha() for c in w) > 2 else w for w, t in zip(run.tokens, titled, strict=True)
    ]
    if shouted:
        run.tokens = titled
    else:
        run.tokens = [
            t if (t in places() and not lone) or t in MONTHS_DAYS else w
            for w, t in zip(run.tokens, titled, strict=True)
        ]


def dateline(paragraphs: tuple[str, ...]) -> tuple[int, int, int, str] | None:
    """(paragraph, start, end, place) of the dateline opening the body, if it has one."""
    for index, paragraph in enumerate(paragraphs[:2]):
        match = datelines.OPENING.match(paragraph)
        if match is None:
            # In mixed case the region must be a state or a country: "Westfield, N.J. —"
            # (not "In June, Smith —").
            match = datelines.TITLED_OPENING.match(paragraph)
            if match and not (
                (match.group("region") in places() or match.group("region") in STATE_ABBREVIATIONS)
                and COMMON_CAPITALISED.isdisjoint(match.group("place").split())
            ):
                match = None
        if match and any(c.isalpha() and c.isupper() for c in match.group("place")):
            words = [title_case(w) for w in match.group("place").split()]
            return index, match.start("place"), match.end("place"), " ".join(words)
    return None


def is_shouted(paragraph: str) -> bool:
    """Whether the paragraph is written in capitals (a heading, a table row)."""
    ascii_text = paragraph.encode("ascii", "ignore")
    lower = len(ascii_text) - len(ascii_text.translate(None, _ASCII_LOWER))
    if lower > (1 - _SHOUTED) * len(paragraph):
        return False  # too many small letters, whatever the other characters are
    letters = sum(map(str.isalpha, paragraph))
    return letters > 3 and sum(map(str.isupper, filter(str.isalpha, paragraph))) >= (
        _SHOUTED * letters
    )


_HEADING_WORD: Final = re.compile(r"[A-Za-z][\w’'-]*")
_HEADING_SMALL: Final = frozenset(
    {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
)
"""Small words a title-case heading may leave in lower case ("The Rise of the Machines")."""


def is_heading(paragraph: str) -> bool:
    """Whether the paragraph is a heading in title case ("8. Understand The Male Gaze",
    "Don't Mix Compliments & Favors"): every word capitalised, common words among them, and
    no sentence's end. Its capitals say nothing of names."""
    text = paragraph.rstrip()
    if not text or text[-1] in '.!?"”’':
        return False
    words = _HEADING_WORD.findall(text)
    if len(words) < 3 or len(words) > 20:
        return False
    big = [w for w in words if w not in _HEADING_SMALL]
    if any(not w[0].isupper() for w in big):
        return False
    return sum(1 for w in big[1:] if w.lower() in lower_words()) >= 2


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:3] in ("al-", "el-") and word[3:4].isupper())


_PREFIX_DASH: Final = re.compile(r"\b(?:ex|former|then)-(?=[A-Z])")
"""A former job's prefix joined to a name by a hyphen: "the ex-New York mayor", "ex-Manchester
United striker". ("post-Brexit Britain", "anti-Trump" are left as they are: the word after
such a prefix qualifies the next name rather than starting it.)"""


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def runs_of(paragraph: str, index: int) -> list[Run]:
    runs: list[Run] = []
    for base, end in sentence_spans(paragraph):
        sentence = paragraph[base:end]
        if "-" in sentence:
            # "the ex-New York mayor": the name after the prefix, at the same offsets.
            sentence = _PREFIX_DASH.sub(_blank, sentence)
        texts, starts, ends, breaks, follows = _tokens(sentence)
        count = len(texts)
        i = 0
        while i < count:
            text = texts[i]
            # Most words are lower case: only "al-" and "el-" names start so, and an
            # ordinal before a capitalised word ("21st Century Fox").
            first = text[0]
            if (
                (not first.isupper() and (first not in "ae" or not _capitalised(text)))
                or text in MONTHS_DAYS
            ) and not (
                first.isdigit()
                and i + 1 < count
                and not breaks[i]
                and ORDINAL.fullmatch(text)
                and _capitalised(texts[i + 1])
            ):
                i += 1
                continue
            j = i
            words = [text]
            while not breaks[j] and j + 1 < count:
                nxt = texts[j + 1]
                # "Cleveland At Texas" is two names: a capitalised preposition parts them.
                if (
                    _capitalised(nxt)
                    and nxt not in MONTHS_DAYS
                    and title_case(nxt) not in SPLITTERS
                ):
                    words.append(nxt)
                    j += 1
                    continue
                # "Bank of England", "Secretary of State", "Osama bin Laden"
                k = j + 1
                connectors: list[str] = []
                while (
                    k < count and texts[k] in CONNECTORS and not breaks[k] and len(connectors) < 2
                ):
                    connectors.append(texts[k])
                    k += 1
                if (
                    connectors
                    and k < count
                    and _capitalised(texts[k])
                    and texts[k] not in MONTHS_DAYS
                    # "on" joins a body's name ("Council on Foreign Relations"), not a
                    # phrase: "India on the Kashmir issue", "Security Council on Kashmir".
                    and (
                        "on" not in connectors
                        or (not ORG_WORDS.isdisjoint(words) and texts[k] not in places())
                    )
                ):
                    words.extend([*connectors, texts[k]])
                    j = k
                    continue
                break
            article = i > 0 and follows[i] and texts[i - 1].lower() == "the"
            runs.append(
                Run(
                    words,
                    base + starts[i],
                    base + ends[j],
                    index,
                    i == 0 and follows[0],
                    article=article,
                    source=paragraph,
                )
            )
            i = j + 1
    return runs


def joined_by_and(paragraph: str, runs: list[Run], alone: set[str]) -> list[Run]:
    """Runs parted by "and" that together name one body: "US Food and Drug Administration",
    "Securities and Exchange Commission", "Center for Strategic and International Studies".

    The second part ends in a word of organisations the first does not end in, and neither
    word at the "and" is a name the article also writes alone (``alone``): "Boeing and
    Lockheed Corp", "Ailes and Fox News", "Harvard University and Yale University" and
    "Emily Blunt and Nathalie Press" stay two names each.
    """
    joined: list[Run] = []
    for run in runs:
        last = joined[-1] if joined else None
        if (
            last is not None
            and paragraph[last.end : run.start] == " and "
            and _field_of_a_body(last, run, alone)
        ):
            # "Department of Design and Construction", "Center on Poverty and Inequality".
            last.tokens = [*last.tokens, "and", *run.tokens]
            last.end = run.end
            continue
        if (
            last is not None
            and paragraph[last.end : run.start] == " and "
            and run.tokens[-1] in ORG_WORDS
            and run.tokens[-1] not in CORPORATE_SUFFIXES
            and run.tokens[0] != "The"
            and last.tokens[-1] not in ORG_WORDS
            and last.tokens[-1] not in COMMON_CAPITALISED
            and last.tokens[-1] not in alone
            and run.tokens[0] not in alone
            and last.tokens[0] not in given_names()
            and run.tokens[0] not in given_names()
        ):
            last.tokens = [*last.tokens, "and", *run.tokens]
            last.end = run.end
            continue
        joined.append(run)
    return joined


def _field_of_a_body(first: Run, second: Run, alone: set[str]) -> bool:
    """Whether ``second`` goes on the field a body's name ends in: "Department of Design" +
    "Construction", "Center for Food" + "Allergy Research". The first part is a body's word
    with "of", "for" or "on" and words that name nothing alone; the second holds no name of
    its own (a place, a body, a given name): "Bank of England and Barclays" stays two."""
    words = first.tokens
    link = next((i for i, w in enumerate(words) if w in ("of", "for", "on")), -1)
    if link < 1 or words[link - 1] not in ORG_WORDS or link == len(words) - 1:
        return False
    field = [w for w in words[link + 1 :] if w != "the"]
    rest = second.tokens
    return (
        0 < len(rest) <= 3
        and rest[0] != "The"
        and all(
            w[:1].isupper()
            and w not in alone
            and w not in given_names()
            and w not in KNOWN_ORGS
            and w not in places()
            and w not in COMMON_CAPITALISED
            for w in [*field, *rest]
        )
        and " ".join(field) not in places()
        and " ".join(rest) not in places()
        and not (len(rest) > 1 and rest[-1] in ORG_WORDS)  # a body's own name
    )


def joined_by_commas(paragraph: str, runs: list[Run]) -> list[Run]:
    """A firm named by its partners, commas between and "&" before the last, is one name:
    "Paul, Weiss, Rifkind, Wharton & Garrison" (a list of people would end in "and")."""
    out: list[Run] = []
    for run in runs:
        group = [run]
        while out and len(out[-1].tokens) == 1 and paragraph[out[-1].end : group[0].start] == ", ":
            group.insert(0, out.pop())
        if len(group) >= 2 and "&" in run.tokens and all(len(r.tokens) == 1 for r in group[:-1]):
            first = group[0]
            first.tokens = [
                *(f"{r.tokens[0]}," for r in group[:-1]),
                *run.tokens,
            ]
            first.end = run.end
            out.append(first)
            continue
        out.extend(group)
    return out


def opens_sentence_only(word: str, proper: set[str]) -> bool:
    """Whether a capitalised word opening a sentence is only there for that: a word the
    news writes in lower case and no name holds ("Once", "Replied", ``openers``) that the
    article never capitalises inside a sentence, and no given name or body's name."""
    return (
        word.lower() in openers()
        and word not in proper
        and word not in ROLE_WORDS  # "Pollster Pat Caddell": a title opens the name
        and word.lower() not in ROLE_NOUNS
        and word not in given_names()
        and word not in KNOWN_ORGS
        and word not in places()
        and word not in ORG_WORDS
    )


def trim(run: Run, proper: set[str] | None = None) -> Run | None:
    """Cut the words that start or end a run without being part of a name: "The", "But",
    connectors, and a sentence's first word written capitalised only for that ("Once
    Simmons" is Simmons; ``proper`` holds the words the article capitalises elsewhere)."""
    words = list(run.tokens)
    while words and (
        words[0] in COMMON_CAPITALISED
        or words[0].lower() in CONNECTORS
        or (
            proper is not None
            and run.sentence_start
            and len(words) > 1
            and len(words) == len(run.tokens)  # the sentence's first word, nothing cut yet
            and opens_sentence_only(words[0], proper)
        )
    ):
        if (
            words[0] in COMMON_CAPITALISED
            and words[0] in given_names()
            and len(words) > 1
            and not run.sentence_start
        ):
            break
        run.article = words.pop(0).lower() == "the"
    while words and words[-1].lower() in CONNECTORS:
        words.pop()
    if not words:
        return None
    run.tokens = words
    return run


def is_label(run: Run, paragraph: str) -> bool:
    """Whether a run in capitals labels what follows: a field of a listing ("CUSIP: 072261",
    "ISSUER: ...") or a note opening its paragraph ("NOTE - Apic Yamada Corp is ..."), but
    not a dateline's place ("LONDON - ")."""
    if not all(w.isupper() for w in run.tokens):
        return False
    if paragraph.startswith(":", run.end):
        return True
    return (
        run.start == 0
        and len(run.tokens) == 1
        and paragraph.startswith(" - ", run.end)
        and title_case(run.tokens[0]) not in places()
    )


def start_at_first_word(run: Run, paragraph: str) -> None:
    """Move the run's start to its first kept word, looked for inside the run only.

    ``uncap`` may have re-cased a shouted word ("IN" -> "In"), so the search ignores case;
    an unbounded search could land on a later word of the paragraph, past the run's end.
    """
    first = run.tokens[0]
    if paragraph.startswith(first, run.start):
        return  # the usual case: nothing was cut from the front
    offset = paragraph[run.start : run.end].lower().find(first.lower())
    if offset > 0:
        run.start += offset
