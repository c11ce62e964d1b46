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

import re
import string
from functools import lru_cache
from typing import Final

from digest.facts.gazetteer import (
    CLUB_PREFIXES,
    CLUB_PREFIXES_BEFORE_PLACE,
    COMMON_CAPITALISED,
    COMMON_WORD_PLACES,
    COUNTRIES,
    DEMONYMS,
    GEO_WORDS,
    HONORIFICS,
    KNOWN_ORGS,
    ORG_WORDS,
    ROLE_NOUNS,
    ROLE_WORDS,
    SAY_VERBS,
    given_names,
    places,
)
from digest.facts.scan import ascii_twin
from digest.facts.teams import sides
from digest.models import Entity, Person
from digest.text.sentences import split_sentences

_CONNECTORS: Final = frozenset(
    {
        "of",
        "the",
        "de",
        "del",
        "da",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "y",
        "for",
        "on",
    }
)
_ROYAL: Final = frozenset({"King", "Queen", "Prince", "Princess", "Duke", "Duchess"})
"""Titles that also name clubs and places: "Queen of the South", "King of Prussia"."""
_PHRASE_WORDS: Final = frozenset({"of", "the", "for", "on"})
"""Connectors of a phrase of names ("India on the Kashmir issue"), never right after the
first word of a person's name."""
_MONTHS_DAYS: Final = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June "
    "July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov "
    "Dec".split()
)
_DATELINE: Final = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?))?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s+\d{4}-\d{2}-\d{2}\s*$|\s*(?:\([A-Za-z .-]{2,30}\))?\s*[-–—―]+\s)"
)
"""A dateline opening the body: "LONDON 1996-08-30", "BRUSSELS (Reuters) -", "HEMPSTEAD, N.Y. ―"."""
_SHOUTED: Final = 0.7
"""Share of capital letters above which a paragraph is a heading or a table row, not prose."""
_ASCII_LOWER: Final = string.ascii_lowercase.encode("ascii")
_SPLITTERS: Final = frozenset(
    {
        "At",
        "In",
        "On",
        "For",
        "And",
        "Or",
        "But",
        "To",
        "From",
        "With",
        "By",
        "Vs",
        "V",
        "Against",
        "After",
        "Before",
    }
)
"""Capitalised small words inside a run of capitals that part two names, as in a fixtures list."""
_VENUE_WORDS: Final = frozenset(
    """Bridge Road Street Park Stadium Arena Ground Oval Square Lane Avenue Hall Garden Gardens
    Palace Field Airport Station Course Circuit Racecourse Dome Coliseum Boulevard
    Velodrome""".split()
)
"""Last words of a place built or laid out by people: "Trent Bridge", "Grace Road", "Ellis Park"."""
_INITIALS: Final = re.compile(r"^(?:[A-Z]\.){1,3}$")
_FROM_PLACE: Final = re.compile(r"\s*\((?P<place>[A-Z][\w .'-]{1,30})\)")
"""A place in brackets after a name, as results give a competitor's country:
"Sven Nylander (Sweden)"."""
_PROGRAMME_WORDS: Final = frozenset({"Show", "Program", "Programme", "Podcast", "Report"})
_EVENT_WORDS: Final = frozenset(
    """Olympics Games Open Cup Championship Championships Marathon Festival Expo Summit
    Conference Tournament Trophy Series War""".split()
)
"""Last words of an event's name ("Athens Olympics", "Gulf War"): neither a body nor a place."""
"""Last words of a programme's title, which names no person ("The Laura Ingraham Show")."""
_ROLE_MODIFIERS: Final = frozenset(
    """Vice Deputy Acting Former Presidential Defence Defense Foreign Interior Finance Health Trade
    Economy Energy Home Education Environment Labour Labor Treasury State Assistant Under Senior
    Junior Crown Field""".split()
)
"""Title words that qualify the word after them and never end a title ("Presidential Debates")."""
_NO_NAME_WORDS: Final = DEMONYMS | COMMON_CAPITALISED
"""Words that make no name on their own or together: "British", "The", "Monday"."""
_ACRONYM: Final = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_CORPORATE_SUFFIXES: Final = frozenset(
    """Group Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. Limited plc PLC LLC
    Holdings AG SA NV GmbH""".split()
)
"""Last words of a company's full name that its short name leaves out ("Alibaba Group")."""
_THING_ACRONYMS: Final = frozenset(
    """AD AI AM API ATM BC BCE CCTV CD CE CEO CFO COO CPU CSS CT CTO DIY DJ DNA DVD ETF EV FAQ
    GDP GMT GPS GPU HD HIV HR HTML HTTP HTTPS ICU ID IPO IQ IT JSON LCD LED MRI NFT OK PC
    PDF PIN PM PR PTSD QB RAM RNA ROM SMS SQL SUV TV UFO URL USB UTC VAT VIP VPN XML""".split()
)
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


class _Run:
    """A run of capitalised words of a sentence: a name, or what may be one.

    A plain class rather than a dataclass: compiled, its ``__init__`` is native C, where a
    dataclass's is Python made at import, and a run is made for every capitalised run of
    words of the article.
    """

    __slots__ = (
        "tokens", "start", "end", "paragraph", "sentence_start", "role", "honorific", "article"
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

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


class _Person:
    """A person found, under the fullest form of the name (a plain class, as ``_Run``)."""

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
        """The last word as surnames are compared (``_surname``), kept with ``tokens``."""


_FIRST: Final = "A-Za-zÀ-ÖØ-öø-ÿ0-9"
"""The characters a word starts with; it goes on over word characters, ’ ' . - and &."""
_WORD: Final = f"[{_FIRST}][\\w’'.\\-&]*+"
"""A word, to its end."""
_GAP: Final = f"[^{_FIRST}]*+"
"""What lies between two words."""
_CAPITAL: Final = "[A-ZÀ-ÖØ-Þ]|[ae]l-"
"""How a capitalised word (``_capitalised``) starts: a capital, or "al-" and "el-"."""
_LINK_END: Final = r"[.\-'’]*(?:['’]s)?(?![\w’'.\-&])"
"""What ``_tokens`` cuts from the end of a connector ("of-", "the's"), to the word's end."""
_LINK: Final = f"(?:{'|'.join(sorted(_CONNECTORS, key=len, reverse=True))}){_LINK_END}"
_NAME_START: Final = f"(?:{_CAPITAL}|t[hH][eE]{_LINK_END}{_GAP}(?:{_CAPITAL}))"
"""A word a name starts at, or a "the" just before one (``_Run.article``)."""
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
    for lead, passed, text, gap in steps:
        start += len(lead) + len(passed)
        if passed and breaks:
            breaks[-1] = True  # a name goes on over no word passed over
        if not text:
            break  # the rest holds no word a name may use
        end = start + len(text)
        following = end + len(gap)
        brk = False
        if text[-1] in _ENDINGS:
            if text[-1] == "s" and len(text) > 2 and text[-2] in "’'":
                text, end, brk = text[:-2], end - 2, True
            # "Rep." and "Gen." keep their stop: a title runs on into the name it precedes.
            while (
                text
                and text[-1] in ".-'’"
                and not (
                    _ACRONYM.match(text)
                    or text.rstrip(".") in HONORIFICS
                    or text in ROLE_WORDS
                    or (len(text) == 2 and text[0].isupper())
                )
            ):
                text, end = text[:-1], end - 1
                brk = brk or sentence[end : end + 1] == "."
            gap = sentence[end:following]
        texts.append(text)
        starts.append(start)
        ends.append(end)
        follows.append(not passed)
        # Words are mostly one space apart; anything else may break a name.
        breaks.append(brk or (gap != " " and gap.strip() not in ("", "-")) or gap == " - ")
        start = following
    return texts, starts, ends, breaks, follows


@lru_cache(maxsize=4096)
def sentence_spans(paragraph: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of a paragraph; a title's stop ("Del.", "Gov.") ends none.

    Names, quotes and pronouns all read a paragraph by sentence: it is split once.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    joined = False
    for sentence in split_sentences(paragraph):
        start = paragraph.find(sentence, offset)
        offset = start + len(sentence)
        if joined:
            spans[-1] = (spans[-1][0], offset)
        else:
            spans.append((start, offset))
        joined = sentence.rsplit(None, 1)[-1] in ROLE_WORDS
    return tuple(spans)


def _title(word: str) -> str:
    """ "LONDON" -> "London", "ST." -> "St.", "O'NEILL" -> "O'Neill"; other words unchanged."""
    if not (word.isupper() and sum(c.isalpha() for c in word) >= 2):
        return word
    if word.isascii():
        return word.title()  # the same on ASCII, sooner: a capital opens each run of letters
    return re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), word)


def _uncap(run: _Run, shouted: bool) -> None:
    """Read words written in capitals as names ("NEW YORK" -> "New York") when a list knows
    them; in a heading or table row every capitalised word is read so, none as an acronym."""
    if not any(map(str.isupper, run.tokens)):
        return  # no word in capitals: nothing to read
    titled = [_title(w) for w in run.tokens]
    if titled == run.tokens:
        return
    text = " ".join(titled)
    if (
        text in places()
        or text in KNOWN_ORGS
        or (
            titled[0] != run.tokens[0]
            and titled[0] in given_names()
            and titled[0] not in _SPLITTERS  # "IN SEVEN CASES": "In" is a given name too
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
            t if t in places() or t in _MONTHS_DAYS else w
            for w, t in zip(run.tokens, titled, strict=True)
        ]


def dateline(paragraphs: tuple[str, ...]) -> tuple[int, int, int, str] | None:
    """(paragraph, start, end, place) of the dateline opening the body, if it has one."""
    for index, paragraph in enumerate(paragraphs[:2]):
        match = _DATELINE.match(paragraph)
        if match and any(c.isalpha() and c.isupper() for c in match.group("place")):
            words = [_title(w) for w in match.group("place").split()]
            return index, match.start("place"), match.end("place"), " ".join(words)
    return None


def _shouted(paragraph: str) -> bool:
    """Whether the paragraph is written in capitals (a heading, a table row)."""
    ascii_text = paragraph.encode("ascii", "ignore")
    lower = len(ascii_text) - len(ascii_text.translate(None, _ASCII_LOWER))
    if lower > (1 - _SHOUTED) * len(paragraph):
        return False  # too many small letters, whatever the other characters are
    letters = sum(map(str.isalpha, paragraph))
    return letters > 3 and sum(map(str.isupper, filter(str.isalpha, paragraph))) >= (
        _SHOUTED * letters
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:3] in ("al-", "el-") and word[3:4].isupper())


_PREFIX_DASH: Final = re.compile(r"\b(?:ex|former|then)-(?=[A-Z])")
"""A former job's prefix joined to a name by a hyphen: "the ex-New York mayor", "ex-Manchester
United striker". ("post-Brexit Britain", "anti-Trump" are left as they are: the word after
such a prefix qualifies the next name rather than starting it.)"""


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _runs(paragraph: str, index: int) -> list[_Run]:
    runs: list[_Run] = []
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
            # Most words are lower case: only "al-" and "el-" names start so.
            first = text[0]
            if (not first.isupper() and (first not in "ae" or not _capitalised(text))) or (
                text in _MONTHS_DAYS
            ):
                i += 1
                continue
            j = i
            words = [text]
            while not breaks[j] and j + 1 < count:
                nxt = texts[j + 1]
                # "Cleveland At Texas" is two names: a capitalised preposition parts them.
                if _capitalised(nxt) and nxt not in _MONTHS_DAYS and _title(nxt) not in _SPLITTERS:
                    words.append(nxt)
                    j += 1
                    continue
                # "Bank of England", "Secretary of State", "Osama bin Laden"
                k = j + 1
                connectors: list[str] = []
                while (
                    k < count and texts[k] in _CONNECTORS and not breaks[k] and len(connectors) < 2
                ):
                    connectors.append(texts[k])
                    k += 1
                if (
                    connectors
                    and k < count
                    and _capitalised(texts[k])
                    and texts[k] not in _MONTHS_DAYS
                    # "on" joins a body's name ("Council on Foreign Relations"), not a
                    # phrase: "India on the Kashmir issue".
                    and ("on" not in connectors or not ORG_WORDS.isdisjoint(words))
                ):
                    words.extend([*connectors, texts[k]])
                    j = k
                    continue
                break
            article = i > 0 and follows[i] and texts[i - 1].lower() == "the"
            runs.append(
                _Run(
                    words,
                    base + starts[i],
                    base + ends[j],
                    index,
                    i == 0 and follows[0],
                    article=article,
                )
            )
            i = j + 1
    return runs


def _joined_by_and(paragraph: str, runs: list[_Run], alone: set[str]) -> list[_Run]:
    """Runs parted by "and" that together name one body: "US Food and Drug Administration",
    "Securities and Exchange Commission", "Center for Strategic and International Studies".

    The second part ends in a word of organisations the first does not end in, and neither
    word at the "and" is a name the article also writes alone (``alone``): "Boeing and
    Lockheed Corp", "Ailes and Fox News", "Harvard University and Yale University" and
    "Emily Blunt and Nathalie Press" stay two names each.
    """
    joined: list[_Run] = []
    for run in runs:
        last = joined[-1] if joined else None
        if (
            last is not None
            and paragraph[last.end : run.start] == " and "
            and run.tokens[-1] in ORG_WORDS
            and run.tokens[-1] not in _CORPORATE_SUFFIXES
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


def _trim(run: _Run) -> _Run | None:
    words = list(run.tokens)
    while words and (words[0] in COMMON_CAPITALISED or words[0].lower() in _CONNECTORS):
        if (
            words[0] in COMMON_CAPITALISED
            and words[0] in given_names()
            and len(words) > 1
            and not run.sentence_start
        ):
            break
        run.article = words.pop(0).lower() == "the"
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    if not words:
        return None
    run.tokens = words
    return run


def _split_role(run: _Run) -> None:
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
            word.lower() in _CONNECTORS
            or word in DEMONYMS
            or _ACRONYM.match(word)
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
        or name[0].lower() in _CONNECTORS
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


def _surname(word: str) -> str:
    """A surname as it is compared: "al-Bashir" is "Bashir" ("Mr. Bashir" is the same man)."""
    return word[3:] if len(word) > 4 and word.startswith(_PARTICLES) else word


def _title_of(run: _Run) -> bool:
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


def _only_a_title(words: list[str], place_names: frozenset[str]) -> bool:
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
        or w.lower() in _CONNECTORS
        for w in words
    )


def _ends_with(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``longer`` is ``shorter`` after more given names ("Michael Forrest Jones",
    "Philip van Doren Stern"); "Donald Trump Barack Obama" is not "Barack Obama"."""
    if len(longer) <= len(shorter) or longer[-len(shorter) :] != shorter:
        return False
    return all(
        w in given_names() or _INITIALS.match(w) is not None or w in _CONNECTORS
        for w in longer[: -len(shorter)]
    )


_CAMEL: Final = re.compile(r"[a-z]{3}[A-Z]")
"""A capital deep inside a word: "PricewaterhouseCoopers", "LinkedIn"; not "McDonald",
"MacArthur", "DeSantis"."""


def _could_be_a_person(words: list[str]) -> bool:
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
    if words[-1] in _CORPORATE_SUFFIXES:
        return " ".join(words[:-1])
    if (words[0] in places() or words[0] in DEMONYMS) and not (
        words[-1].endswith("s") and not words[-1].endswith("ss")
    ):
        return " ".join(words[1:])
    return None


def _is_label(run: _Run, paragraph: str) -> bool:
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
        and _title(run.tokens[0]) not in places()
    )


def _start_at_first_word(run: _Run, paragraph: str) -> None:
    """Move the run's start to its first kept word, looked for inside the run only.

    ``_uncap`` may have re-cased a shouted word ("IN" -> "In"), so the search ignores case;
    an unbounded search could land on a later word of the paragraph, past the run's end.
    """
    first = run.tokens[0]
    if paragraph.startswith(first, run.start):
        return  # the usual case: nothing was cut from the front
    offset = paragraph[run.start : run.end].lower().find(first.lower())
    if offset > 0:
        run.start += offset


def _kind(run: _Run) -> str | None:
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
    if not ORG_WORDS.isdisjoint(words):
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
    if len(words) == 1 and _ACRONYM.match(text):
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


def _role_around(paragraph: str, run: _Run) -> str | None:
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
    head = [w for w in words if w not in _CONNECTORS]
    return any(w.strip(",") in ROLE_NOUNS for w in head[:6]) and not re.search(
        r"\b(?:who|which|that|is|was|has|had|will)\b", phrase
    )


_APPOSITIVE_SAID: Final = re.compile(
    r"\s*,[^,.;:“”\"()]{1,100},\s*(?:" + "|".join(sorted(SAY_VERBS, key=len, reverse=True)) + r")\b"
)
"""A subject set off from its verb of saying: "Rucker Culpepper, who runs the effort, said"."""


def _said_nearby(paragraph: str, run: _Run) -> bool:
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


def _role_noun_before(paragraph: str, run: _Run) -> bool:
    """A job written just before the name vouches for it: "economist Aparna Mathur"."""
    before = paragraph[max(0, run.start - 30) : run.start].split()
    return bool(before) and before[-1].islower() and before[-1] in ROLE_NOUNS


def _end_at_name(paragraph: str, run: _Run) -> None:
    """Cut what follows a person's name: "Elijah Cummings of Maryland" is Elijah Cummings."""
    for k, word in enumerate(run.tokens[1:], start=1):
        if word in ("of", "the", "for", "on"):
            cut = re.search(rf"\s{word}\s", paragraph[run.start : run.end])
            if cut:
                run.tokens = run.tokens[:k]
                run.end = run.start + cut.start()
            return


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

    def _person(self, run: _Run, order: int) -> _Person:
        name = run.text
        words = run.tokens
        last = _surname(words[-1])
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
                        or _ends_with(words, person.tokens)
                        or _ends_with(person.tokens, words)
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
        pending: list[tuple[_Run, int]] = []
        located: list[tuple[_Run, int, str, str]] = []
        mentions: list[tuple[int, int, int, _Person]] = []
        seen: list[tuple[_Run, int, str | None, str]] = []
        proper: set[str] = set()
        """Words the article capitalises inside a sentence: names, not sentence openers."""
        order = 0
        place_line = dateline(self.paragraphs)
        if place_line:
            self.places[place_line[3]] = [0]
        runs = [_runs(paragraph, index) for index, paragraph in enumerate(self.paragraphs)]
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
                _joined_by_and(paragraph, found, alone) if " and " in paragraph else found
                for paragraph, found in zip(self.paragraphs, runs, strict=True)
            ]
        for index, paragraph in enumerate(self.paragraphs):
            shouted = _shouted(paragraph)
            for run in runs[index]:
                if place_line and index == place_line[0] and run.start < place_line[2]:
                    continue
                if _is_label(run, paragraph):
                    continue
                if len(run.tokens) == 1 and (
                    run.tokens[0] in COMMON_CAPITALISED
                    or (
                        run.tokens[0].isupper()
                        and len(run.tokens[0]) > 2
                        and run.tokens[0] not in KNOWN_ORGS
                        and _title(run.tokens[0]) in COMMON_CAPITALISED
                    )
                ):
                    # "The", "But", "I" (or "BUT" in a phrase set in capitals, not "WHO"):
                    # never a name, as ``_trim`` would find.
                    if not run.sentence_start:
                        proper.add(run.tokens[0])
                    continue
                _uncap(run, shouted)
                proper.update(run.tokens[1:] if run.sentence_start else run.tokens)
                if _trim(run) is None:
                    continue
                # A mention starts at its first kept word ("On The Steve Harvey Show").
                _start_at_first_word(run, paragraph)
                if len(run.tokens) > 1:
                    if _only_a_title(run.tokens, places()):
                        continue  # "the Prime Minister said", "the US President": no name
                    _split_role(run)  # a title comes before a name
                    if run.role is None and _title_of(run):
                        _start_at_first_word(run, paragraph)
                order += 1
                words = list(run.tokens)
                kind = _kind(run)
                if kind == "person" and not _could_be_a_person(run.tokens):
                    kind = None  # "Gautam Budha Nagar98", "AT&T": no one's name
                if run.tokens != words:
                    # A team sheet's country was cut from the player's name.
                    _start_at_first_word(run, paragraph)
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
                _end_at_name(paragraph, run)
                if not run.role:
                    run.role = _role_around(paragraph, run)
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
            key = _surname(surname)
            if len(words) <= 2 and any(
                surname in p.tokens or key == p.surname for p in self.people
            ):
                named = True  # a known person's surname
            elif len(words) == 1 and run.sentence_start and surname not in proper:
                # "Limbaugh told" opening a sentence is a name when the article writes
                # "Limbaugh" capitalised elsewhere too; "Police said" is not, cue or none.
                named = False
            else:
                from_place = _FROM_PLACE.match(paragraph, run.end)
                named = (
                    _said_nearby(paragraph, run)
                    or _role_around(paragraph, run) is not None
                    or _role_noun_before(paragraph, run)
                    or bool(
                        from_place
                        and from_place.group("place") in places()
                        and 2 <= len(words) <= 4
                    )
                )
            if named and _could_be_a_person(words):
                _end_at_name(paragraph, run)
                if not run.role:
                    run.role = _role_around(paragraph, run)
                mentions.append((run.paragraph, run.start, run.end, self._person(run, order)))
        # A person is never also a place or an organisation: "Warren" after "Elizabeth
        # Warren" is her, though a city bears the name.
        surnames = {p.surname for p in self.people if len(p.tokens) > 1}
        for run, order, kind, text in located:
            if _surname(text) in surnames or any(text == p.name for p in self.people):
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
        last = _surname(words[-1]) if words else ""
        for person in self.people:
            if name == person.name or (words and last == person.surname):
                return person.name
        return None
