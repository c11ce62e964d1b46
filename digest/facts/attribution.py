"""Who said a quote: its attribution, read by grammar before anything else.

    the narration of the quote's sentence -> the verb of saying that governs the quote
      -> that verb's subject: the phrase before it ("Trump lawyer Marc Kasowitz said"),
         after it ("said Rep. G.K. Butterfield"), after "according to", or the subject of
         the clause before a colon ("Rubio fired back:")
      -> the head of that phrase: a listed person, "he" or "she", or a description

English puts the head of a noun phrase last: in "Clinton ally James Carville" the speaker
is Carville, in "one Clinton aide" an aide, who is nobody digest can name. So the speaker
is the person whose name ends the phrase, after the words that may stand between a subject
and its verb ("also", "on Wednesday") and after a phrase a preposition opens ("of the
Sierra Club"); a name that is a preposition's object ("a lawyer for Trump") is not the head.
Two names joined by "and" are two speakers: the quote gets none. A description ("his
wife", "a Florida Democrat", "the company") names no one, unless a name stands beside it
("his wife, Jane Doe,") or it is "the" and a role only one listed person holds ("the
president-elect"). Organisations are never speakers: ``docs/SPEC.md`` lists people only.

Which subject: the clause nearest the verb. In "the Capitol, where Senate Minority Leader
Harry Reid told reporters" it is Reid; in "Flynn, a top Trump surrogate, said" the asides
between the commas are passed over back to Flynn; "who" just before the verb stands for the
name before it, "who Beck called" is Beck. A participle ("…, saying") takes the subject of
the clause before its comma, unless a second clause with a subject of its own lies between
("Clinton asks as a maintenance guy walks in, saying"): then it is not sure, and no speaker
is given. "X was asked by Y" is Y's question; "X was asked" is nobody's to name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from digest.facts.gazetteer import COMMON_CAPITALISED, DEMONYMS, SAY_VERBS
from digest.facts.pronouns import Span
from digest.facts.scan import first_letter
from digest.text.calendar import MONTH_NAMES, WEEKDAYS
from digest.text.words import word_list

QUOTE_VERBS: Final = SAY_VERBS | word_list("facts/quotes/quote_verbs")
"""Verbs that attach a quote to its speaker: the verbs of saying and their other forms."""
_PARTICIPLES: Final = frozenset(v for v in QUOTE_VERBS if v.endswith("ing"))
_OPENERS: Final = word_list("facts/quotes/openers")
_PREPOSITIONS: Final = word_list("facts/quotes/prepositions")
_RELATIVE: Final = frozenset({"who", "whom", "whose", "which"})
"""Words that open a clause describing the noun before them ("a strategist who …")."""
_REPORTED: Final = frozenset({"that", "how", "why", "whether", "if"})
"""Words that open what a verb of saying reports ("said that …"): its subject came before."""
_BETWEEN: Final = (
    word_list("facts/quotes/between_words")
    | frozenset(w.lower() for w in WEEKDAYS)
    | frozenset(m.lower() for m in MONTH_NAMES)
)
"""Words dropped from the end of a subject's phrase (see ``between_words.txt``), weekdays
and months with them ("Trump on Monday said", "Obama in June told")."""
_AUXILIARIES: Final = word_list("facts/quotes/auxiliaries")
_DETERMINERS: Final = word_list("facts/quotes/determiners")
_NAME_TITLES: Final = word_list("facts/quotes/name_titles")
_LY_NOUNS: Final = word_list("facts/quotes/ly_nouns")
_MEMBERS: Final = word_list("facts/quotes/member_words")
_INDEFINITE: Final = frozenset({"a", "an", "one", "another", "some"})
_PAST: Final = word_list("facts/dates/past")
"""Past tenses that are not ``-ed`` forms ("held", "told"): one ends a subject's phrase."""
_BE: Final = frozenset({"was", "were", "is", "are", "be", "been", "being"})
"""Forms of "be" that make the verb after them passive ("was asked")."""
_NAMELESS: Final = frozenset({"i", "we", "they", "it", "you", "who", "which", "that"})
"""Pronouns that name nobody digest lists: the quote is attributed, to no one."""
_GENDERED: Final = frozenset({"he", "she"})

VERB: Final = re.compile(
    first_letter(
        [r"[Aa]ccording\s+to", r"went\s+on", r"pointed\s+out", "Said", "Says", "Asked", "Added"]
        + [r"shot\s+back", r"fired\s+back", r"hit\s+back", r"chimed\s+in", r"cut\s+in"]
        + ["Wrote", *sorted(QUOTE_VERBS, key=len, reverse=True)]
    )
)
"""A verb of saying (or "according to") in narration."""
_TOKEN: Final = re.compile(r"[^\s,;:()\[\]“”\"«»—–]+|[,;:()\[\]—–]")
"""A word, or a mark that parts a clause's pieces (commas, dashes, brackets)."""
_PIECE_MARK: Final = frozenset(",;:—–()[]")
_ASIDE: Final = re.compile(r"\([^()]*\)?|\[[^\[\]]*\]?|“[^“”]*”?|\"[^\"]*\"?|«[^«»]*»?")
"""Brackets and quotations inside narration: never the subject, masked before reading."""
_PARTY: Final = re.compile(r"^[A-Z]-[A-Z][\w.-]*$")
"""A party tag set off by commas: "Mitch McConnell, R-Ky., said"."""
_POSSESSIVE: Final = ("’s", "'s", "’", "'")
_TRAILING_MARKS: Final = ".,;:!?’'\"”"


class Subject:
    """What an attribution's subject turned out to be.

    ``speaker`` is a listed person; ``pronoun`` a "he" or "she" still to resolve; neither,
    a subject that names nobody ("officials", "it", "a senior Cruz adviser"). ``role`` is
    a description's words ("president-elect") that one listed role may match.
    A plain class rather than a dataclass: compiled, its ``__init__`` is native C.
    """

    __slots__ = ("speaker", "pronoun", "offset", "end", "role", "head")

    def __init__(
        self,
        speaker: str | None,
        pronoun: str | None = None,
        offset: int = 0,
        end: int = 0,
        role: str | None = None,
        head: str | None = None,
    ) -> None:
        self.speaker = speaker
        self.pronoun = pronoun
        self.offset = offset
        self.end = end
        self.role = role
        self.head = head
        """The last word of a phrase that names no listed person ("spokesman", "Kasich")."""


_Token = tuple[int, int, str]
"""(start, end, text) of a word or mark in a paragraph."""


def _word(token: _Token) -> str:
    return token[2].rstrip(_TRAILING_MARKS) or token[2]


def _adverb(word: str) -> bool:
    """An "-ly" adverb ("also", "recently"), not an "-ly" noun ("ally", "family")."""
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS


def _is_mark(token: _Token) -> bool:
    return token[2] in _PIECE_MARK


def _verbish(token: _Token, before: _Token | None) -> bool:
    """Whether a word is a verb that ends the subject's phrase before it.

    Verbs of saying, auxiliaries and irregular past tenses always; an ``-ed`` word only
    after a name ("Rubio fired", not "the embattled Clinton").
    """
    word = _word(token)
    lower = word.lower()
    if lower in QUOTE_VERBS or lower in _AUXILIARIES or (lower in _PAST and word.islower()):
        return True
    if lower.endswith(("n’t", "n't")):
        return True  # "hadn’t", "won't"
    if not (word.islower() and lower.endswith("ed") and len(lower) > 4) or before is None:
        return False
    # "Rubio fired", "the spokesman refused": a verb; "the embattled Clinton", "a recently
    # retired general": an adjective.
    previous = _word(before).lower()
    return (
        previous not in _DETERMINERS
        and not previous.endswith("ly")
        and previous
        not in (
            "former",
            "newly",
            "self",
        )
    )


class Attributor:
    """Reads the subjects of the verbs of saying in one article."""

    def __init__(
        self,
        paragraphs: tuple[str, ...],
        spans: list[Span],
        resolve: Callable[[str], str | None],
        roles: dict[str, str | None],
    ) -> None:
        self.paragraphs = paragraphs
        self.resolve = resolve
        self.spans: dict[int, list[Span]] = {}
        for span in spans:
            self.spans.setdefault(span[0], []).append(span)
        self.roles = roles

    def tokens(self, index: int, start: int, end: int) -> list[_Token]:
        """The words and marks of paragraph[start:end], brackets and quotations masked."""
        # Quotations part the pieces as commas do ("Mills “got immunity,” Jordan said");
        # brackets are passed over ("Rep. Meeks (D-N.Y.) said").
        text = _ASIDE.sub(
            lambda m: ("," if m.group(0)[0] not in "([" else " ") + " " * (len(m.group(0)) - 1),
            self.paragraphs[index][start:end],
        )
        return [(start + m.start(), start + m.end(), m.group(0)) for m in _TOKEN.finditer(text)]

    def person_ending(self, index: int, token: _Token) -> tuple[str, int, int] | None:
        """The listed person whose mention ends with ``token`` (a name, not "Trump's")."""
        text = token[2]
        if text.endswith(_POSSESSIVE[:2]) or (text.endswith(("’", "'")) and len(text) > 2):
            return None
        for _, s, e, name in self.spans.get(index, ()):
            if s <= token[0] < e:
                return name, s, e
        return None

    def _capitalised_person(self, index: int, words: list[_Token]) -> tuple[str, int, int] | None:
        """A listed person the capitalised words at the end of ``words`` name ("Caddell")."""
        run: list[_Token] = []
        for token in reversed(words):
            word = _word(token)
            if not word[:1].isupper() or word.endswith(_POSSESSIVE[:2]):
                break
            run.insert(0, token)
        names = [_word(t) for t in run if _word(t).rstrip(".") not in COMMON_CAPITALISED]
        if not names:
            return None
        person = self.resolve(" ".join(n.rstrip(".,") for n in names))
        return (person, run[0][0], run[-1][1]) if person else None

    def phrase(self, index: int, words: list[_Token]) -> Subject | None:
        """The speaker a subject's noun phrase names (see the module docstring).

        None when the phrase holds no words; ``Subject(None)`` when it names nobody.
        """
        words = [t for t in words if not _is_mark(t)]
        while words and _word(words[0]).lower() in _OPENERS:
            words = words[1:]
        while words and (
            _word(words[-1]).lower() in _BETWEEN
            or _adverb(_word(words[-1]))
            or _word(words[-1]).isdigit()
        ):
            words = words[:-1]
        if not words:
            return None
        lowered = [_word(t).lower() for t in words]
        if lowered[0] in _PREPOSITIONS:
            return Subject(None)  # "by The Associated Press": no subject here
        if "and" in lowered and any(
            _word(t)[:1].isupper() or _word(t).lower() in _GENDERED
            for t in words[: lowered.index("and")]
        ):
            return Subject(None)  # "Trump and Ryan issued a statement": two speakers
        if lowered[-1] in _GENDERED:
            return Subject(None, lowered[-1], words[-1][0], words[-1][1])
        if len(words) == 1 and lowered[0] in _NAMELESS:
            return Subject(None)
        last = words[-1]
        if lowered[0] in _INDEFINITE and (
            _word(last) in _MEMBERS or _word(last) in DEMONYMS or _word(last)[:-1] in DEMONYMS
        ):
            return Subject(None)  # "a Florida Democrat said": someone unnamed
        found = self.person_ending(index, last) or (
            self._capitalised_person(index, words) if _word(last)[:1].isupper() else None
        )
        if found:
            person, s, _ = found
            k = next((i for i, t in enumerate(words) if t[1] > s), len(words))
            relative = next((i for i in range(k) if lowered[i] in _RELATIVE), None)
            if relative is not None:
                # "an oncologist who advised Obama": the name is in a clause that describes
                # the head before it, not the subject.
                return self.phrase(index, words[:relative]) or Subject(None)
            # Titles right before the name ("for Sen. Warren") are passed over to what
            # governs it.
            j = k - 1
            while j >= 0 and (
                _word(words[j]).rstrip(".") in _NAME_TITLES
                or (words[j][2].endswith(".") and words[j][2][:1].isupper())
                or (lowered[j] in _DETERMINERS and j < k - 1 or lowered[j] == "the")
            ):
                j -= 1  # "close to the Murdochs": past "the" to what governs the name
            if j >= 0 and (
                lowered[j] in _PREPOSITIONS or (lowered[j].endswith("ing") and len(lowered[j]) > 4)
            ):
                # "a lawyer for Trump", "White America embracing Obama": an object.
                return self.phrase(index, words[:j]) or Subject(None)
            return Subject(person, offset=s, end=last[1])
        # The head is not a name: a phrase a preposition opens may follow it.
        cut = next((i for i in range(len(words) - 1, 0, -1) if lowered[i] in _PREPOSITIONS), None)
        if cut is not None:
            return self.phrase(index, words[:cut])
        role = None
        if lowered[0] == "the" and 1 < len(words) <= 4:
            role = " ".join(lowered[1:])
        return Subject(None, offset=words[0][0], role=role, head=_word(last))

    def trailing_phrase(self, tokens: list[_Token]) -> list[_Token]:
        """The noun phrase that ends ``tokens`` (a clause piece): read back to a verb or an
        opener ("Axelrod tweeted after Clinton" -> "Clinton")."""
        k = len(tokens)
        while k > 0:
            token = tokens[k - 1]
            lower = _word(token).lower()
            if lower == "and" and k > 1 and _word(tokens[k - 2])[:1].isupper():
                k -= 1  # "Ron Tate and Ellen Park": one phrase, two speakers (``phrase``)
                continue
            if lower in _OPENERS or _verbish(token, tokens[k - 2] if k > 1 else None):
                break
            k -= 1
        return tokens[k:]

    def leading_phrase(self, tokens: list[_Token]) -> tuple[list[_Token], int] | None:
        """The subject that opens a clause piece ("Gingrich told O'Reilly" -> "Gingrich"),
        and where its verb stands; None when no verb ends it within a few words."""
        start = 0
        while start < len(tokens) and _word(tokens[start]).lower() in _OPENERS:
            start += 1
        for k in range(start, min(len(tokens), start + 12)):
            if k > start and (_is_mark(tokens[k]) or _verbish(tokens[k], tokens[k - 1])):
                return tokens[start:k], k  # a verb, or an appositive after the subject
            if k > start and _word(tokens[k]).lower() in _OPENERS:
                return None  # "The spokesman … on who Cameron would": no plain subject
        return None

    def _second_clause(self, tokens: list[_Token]) -> bool:
        """Whether a clause with a subject of its own opens in ``tokens`` ("as a guy walks")."""
        for k, token in enumerate(tokens[:-1]):
            lower = _word(token).lower()
            if lower in _OPENERS and lower not in ("that", "with"):
                following = _word(tokens[k + 1])
                if (
                    following.lower() in _DETERMINERS
                    or following.lower() in _GENDERED
                    or following.lower() in _NAMELESS
                    or following[:1].isupper()
                ):
                    return True
        return False

    def clause_subject(self, index: int, tokens: list[_Token]) -> Subject | None:
        """The subject of a clause piece that has its own verb: its leading phrase."""
        leading = self.leading_phrase(tokens)
        if leading is None:
            return None
        phrase, verb_at = leading
        if self._second_clause(tokens[verb_at:]):
            return Subject(None)  # another subject between: not sure whose words
        return self.phrase(index, phrase)

    def _pieces(self, index: int, start: int, end: int) -> list[list[_Token]]:
        """The words of paragraph[start:end] in pieces parted by commas, dashes, brackets."""
        pieces: list[list[_Token]] = [[]]
        for token in self.tokens(index, start, end):
            if _is_mark(token):
                pieces.append([])
            else:
                pieces[-1].append(token)
        return pieces

    def nearest_subject(self, index: int, pieces: list[list[_Token]]) -> Subject | None:
        """The subject of the clause nearest the end of ``pieces``, read back over asides.

        Asides are passed over: appositives ("Flynn, a top Trump surrogate, said"), phrases
        a preposition or a subordinator opens ("Blunt, after a long pause, said"), party
        tags, ages, a verb phrase whose subject lies further back ("Huma Abedin, …, emailed
        supporters, telling them"). The first piece that names someone, or a clause's own
        subject, is the subject; a description stands in when nothing names anyone.
        """
        fallback: Subject | None = None
        for piece in reversed(pieces):
            if not piece:
                continue
            first = _word(piece[0])
            lower = first.lower()
            if lower in ("and", "but", "or"):
                piece = piece[1:]
                if not piece:
                    continue
                first = _word(piece[0])
                lower = first.lower()
            if (
                lower in _PREPOSITIONS
                or lower in _OPENERS
                or lower in ("whose", "according", "asked")
                or _PARTY.match(first)
                or first.isdigit()
                or (first.islower() and lower not in _DETERMINERS and lower not in _GENDERED)
                or (first[:1].isupper() and lower.endswith("ing") and lower not in _OPENERS)
            ):
                continue  # an aside, an opening phrase, or a verb phrase
            if self.leading_phrase(piece) is not None:
                return self.clause_subject(index, piece)
            subject = self.phrase(index, piece)
            if subject is not None and (subject.speaker or subject.pronoun):
                return subject
            fallback = fallback or subject  # an appositive description
        return fallback

    def sentence_subject(self, index: int, start: int, end: int) -> Subject | None:
        """The subject of the sentence that opens at ``start`` (up to ``end``), past its
        opening phrases ("In a statement, Rep. Jeffries reacted" -> Jeffries)."""
        tokens = self.tokens(index, start, end)
        k = 0
        while k < len(tokens):
            first = _word(tokens[k])
            lower = first.lower()
            intro = (
                lower in _PREPOSITIONS
                or lower in _OPENERS
                or lower in _BETWEEN
                or (first[:1].isupper() and lower.endswith("ing"))
            )
            if not intro:
                break
            while k < len(tokens) and not _is_mark(tokens[k]):
                k += 1  # an opening phrase runs to its comma
            k += 1
        leading = self.leading_phrase(tokens[k:])
        if leading is None or not leading[0]:
            return None
        return self.phrase(index, leading[0])

    def before_verb(
        self, index: int, start: int, verb: re.Match[str], sentence: int | None = None
    ) -> Subject | None:
        """The subject of ``verb`` in paragraph[start:verb.start()] (narration before it);
        ``sentence``, where its sentence starts, for a subject that lies before ``start``."""
        word = verb.group(0).lower()
        pieces = self._pieces(index, start, verb.start())
        last = pieces[-1]
        if last and _word(last[-1]).lower() in _BE and word.endswith("ed"):
            return Subject(None)  # "was asked": the passive's agent follows, if any
        # "Trump has said", "Kasich is telling", "she hadn’t yet called": the subject is
        # before the auxiliaries and adverbs.
        while last and (
            _word(last[-1]).lower() in _AUXILIARIES
            or _word(last[-1]).lower() in _BETWEEN
            or _word(last[-1]).lower() in ("not", "never", "yet")
            or _word(last[-1]).lower().endswith(("n’t", "n't"))
            or _adverb(_word(last[-1]))
        ):
            last = last[:-1]
        whole = self._pieces(index, sentence, verb.start()) if sentence is not None else pieces
        if word in _PARTICIPLES and last and _word(last[-1]).lower() in ("and", "or"):
            # "Axelrod emailed her, addressing her as “Hillary” and telling her": the
            # participle is joined to another verb; its subject is that verb's.
            first = _word(last[0])
            if len(last) == 1 or (first.islower() and first.endswith("ing")):
                return self.nearest_subject(index, whole[:-1])
            return self.clause_subject(index, last[:-1])
        if word in _PARTICIPLES and last:
            # "a sign saying", "footage of Trump saying": the noun before it; "Clinton can be
            # heard saying", "Braynard is quoted as saying": the subject of the verb before.
            trailing = self.trailing_phrase(last)
            if trailing and _word(last[-1]).lower() != "as":
                return self.phrase(index, trailing)
            return self.clause_subject(index, last)
        if word in _PARTICIPLES:
            return self.nearest_subject(index, whole[:-1])
        if last:
            phrase = self.trailing_phrase(last)
            lowered = [_word(t).lower() for t in last]
            if (not phrase and lowered[-1] in ("who", "which", "that")) or lowered[0] in (
                "who",
                "which",
            ):
                # "Loretta Lynch, who told Congress", "Katie Packer, who chairs the PAC said":
                # the name before the comma.
                for piece in reversed(pieces[:-1]):
                    if piece:
                        return self.phrase(index, self.trailing_phrase(piece))
                return None
            if not phrase and lowered[-1] in ("and", "but", "then", "or"):
                # "Carson did not name them, but told his supporters": the first subject.
                if len(last) == 1:
                    return self.nearest_subject(index, whole[:-1])
                return self.clause_subject(index, last)
            return self.phrase(index, phrase)
        # The verb follows a comma or a dash: asides lie between it and its subject
        # ("Flynn, a top Trump surrogate, said"; "Trump's attorney, Alan Garten, said").
        return self.nearest_subject(index, pieces[:-1])

    def after_verb(self, index: int, start: int, end: int) -> Subject | None:
        """The subject that follows a verb ("said Rep. Meeks", "according to Woodward"),
        read from ``start`` up to ``end``; None when none follows it ("said in a
        statement")."""
        tokens = self.tokens(index, start, end)
        if tokens and _word(tokens[0]).lower() in _REPORTED:
            return None  # "adding that it's why Trump …": the reported clause, not its speaker
        phrase: list[_Token] = []
        rest = len(tokens)
        for k, token in enumerate(tokens):
            lower = _word(token).lower()
            if (
                _is_mark(token)
                or (lower in _PREPOSITIONS and lower not in ("of", "for"))
                or (phrase and lower in _OPENERS and lower != "and")
            ):
                rest = k
                break
            phrase.append(token)
            if token[2].endswith(".") and not _word(token)[:1].isupper() and len(token[2]) > 2:
                rest = k + 1
                break
        if not phrase:
            return None
        if _word(phrase[0]).lower() in _BETWEEN:
            return None  # "said Tuesday", "said on Monday": the subject came before
        subject = self.phrase(index, phrase)
        if (
            subject is not None
            and subject.speaker is None
            and subject.pronoun is None
            and rest < len(tokens)
            and tokens[rest][2] == ","
        ):
            # "said the chairman of the committee, Labour MP Barry Sheerman."
            named: list[_Token] = []
            for token in tokens[rest + 1 :]:
                if _is_mark(token) or _word(token).lower() in _OPENERS:
                    break
                named.append(token)
            if named and _word(named[0])[:1].isupper():
                other = self.phrase(index, named)
                if other is not None and other.speaker:
                    return other
        return subject

    def by_role(self, role: str) -> str | None:
        """The one listed person whose role ends with ``role`` ("the president-elect")."""
        holders = [
            name
            for name, held in self.roles.items()
            if held and (held.lower() == role or held.lower().endswith(" " + role))
        ]
        return holders[0] if len(holders) == 1 else None
