"""Direct quotes and who said them.

    quotations ("…", “…”, «…», and ‘…’ or '…' holding a clause) -> titles of works dropped
      (``quotations.py``)
      -> the attribution in the quote's own sentence, read by grammar (``attribution.py``):
         after it ("…,” said Caddell"; "…,” Flynn, a top Trump surrogate, said"), else in
         the narration before it ("Earnest said: “…"; "according to Woodward, “…")
      -> a pronoun subject resolved (``pronouns.py``), a description left unnamed
      -> a quote with no attribution of its own takes a neighbour's only where nothing
         stands between them: the quote before it with only that quote's attribution
         between ("“A,” said Caddell. “B.”"), the sentence before it when that sentence ends
         in its attribution ("…, Schiff said. “B.”"), the paragraph before when it ends in a
         colon ("Caddell continued:") or in the same speaker's quote

A quote is text between quotation marks of at least five words; scare quotes ("troubling
escalation") are too short to count. Single marks (‘…’, '…') are read only outside double
ones, and only when what they hold reads as a clause, not as the title of a work (most
words capitalised: "‘The Last of Us’"); a double-quoted title is dropped the same way. A
quote that runs on into the next paragraph (its paragraph ends without a closing mark, as
news style has it) is joined with the rest. A transcript turn ("WALLACE: …") is a quote of
its own, spoken by the name before the colon.

When digest is not sure who spoke (an unnamed source, two people at once, a clause with
another subject between, no attribution near), the quote has no speaker: a wrong name on a
card costs more than a missing one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Final

from digest.facts.attribution import VERB, Attributor, Subject
from digest.facts.gazetteer import COMMON_CAPITALISED, ROLE_NOUNS, lower_words, places
from digest.facts.pronouns import Referents, Span, gender_of_word
from digest.facts.quotations import (
    MIN_WORDS,
    WORD,
    Found,
    find_quotations,
    joined,
    scare,
    single_marks,
)
from digest.models import Quote
from digest.text.sentences import sentence_spans
from digest.text.words import word_list

_SENTENCE_END: Final = re.compile(r"[.!?](?=\s+[A-Z“\"‘]|\s*$)")
_TITLE_STOP: Final = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|[A-Z])$")
"""A title or an initial before a full stop, which ends no sentence."""
_DASH: Final = re.compile(r"^\s*[―—–]\s*(?=[A-Z])")
_CLAUSE_CLOSE: Final = frozenset(",!?…—–-")
"""What closes a quoted clause that its attribution follows ("…,” he said", "…?” she asked")."""
_GAP_WORDS: Final = frozenset({"and", "but", "then", "or"})
"""Words that may stand between two quotes of one speaker: "“A” and “B,” he said"."""
_INVERTING: Final = word_list("facts/quotes/inverting_verbs")
_GAP_MAX: Final = 12
"""How many words of narration may lie between two quotes of one unrepeated attribution."""
_SUBJECT_PRONOUNS: Final = frozenset({"he", "she", "they", "we", "i", "it"})
_MAX_SUBJECT_WORDS: Final = 25
_TIGHT_WORDS: Final = 8
_TAIL_WORDS: Final = 6
"""How many words may follow a sentence's verb of saying for the sentence to end in its
attribution ("…, Schiff said in an interview.")."""
_GENERIC_VERB: Final = re.compile(
    r"^\s*(?P<np>(?:[\w’'.-]+\s+){1,5}?)(?P<verb>[a-z]{3,}ed)"
    r"(?:\s+(?:in|on|at|to|during|after|before|with|from|via|over)\b[^,;:“”\"]{0,60})?\s*,?\s*$"
)
"""An attribution with a verb not listed as one of saying: "…,” an angry Hollande retaliated",
"…,” Trump simpered in a morning tweet"."""
_NEW_SUBJECT: Final = re.compile(r"[”\"],?\s+(?:[A-Z][\w’'.-]*\s+){1,4}[a-z]")
"""A quotation closed and a clause with a named subject of its own opening after it (a "he"
there is most often the speaker again: "saying they “stemmed from the urgency” he felt")."""
_JOINED_CLAUSE: Final = re.compile(r",\s+(?:and|but|while|as|then)\s+\S")
"""A clause joined to an attribution, with a subject of its own ("…, and her husband …")."""
_INFINITIVE: Final = re.compile(r"\bto\s+$")
"""What makes the verb after it an infinitive, whose subject is not the phrase before it."""
_REPORTING: Final = re.compile(r"\s+(?:(?:on|last|this)\s+\w+\s+)?that\s")
"""A verb of saying that reports a clause ("said that …", "said on Monday that …")."""
_IN_WORDS: Final = re.compile(
    r"\b[Ii]n\s+(?:the\s+words\s+of\s+(?P<of>[^,:;“”\"]+?)|(?P<own>[^,:;“”\"]+?)['’]s?\s+"
    r"(?:own\s+)?words)\s*[,:]?\s*$"
)
"""An attribution without a verb: "In Dr. Shadlen's words, “…”", "in the words of X:"."""


def _sentence_starts(paragraph: str, quotes: list[Found]) -> list[int]:
    """Offsets where sentences of the narration start (not those inside quotations)."""
    spans = sentence_spans(paragraph)
    if not quotes:
        return [s for s, _ in spans]
    return [s for s, _ in spans if not any(q.start < s < q.end for q in quotes)]


def _inverts(verb: str) -> bool:
    """Whether a verb's subject may follow it ("…, said Caddell"), see ``inverting_verbs``."""
    return verb.lower() in _INVERTING or verb.lower().startswith("according")


def _words(text: str) -> list[str]:
    return WORD.findall(text)


def _verbs(paragraph: str, start: int, end: int) -> list[re.Match[str]]:
    """The verbs of saying in paragraph[start:end], not the end of a compound ("so-called")."""
    return [
        verb
        for verb in VERB.finditer(paragraph, start, end)
        if verb.start() == 0 or paragraph[verb.start() - 1] not in "-‐"
    ]


def _one_saying(paragraph: str, start: int, end: int) -> bool:
    """Whether paragraph[start:end], an attribution, holds one verb of saying ("…,” Day
    said, according to a newspaper"), not a second speaker's ("and her husband cut in")."""
    verbs = [
        v for v in _verbs(paragraph, start, end) if not v.group(0).lower().startswith("according")
    ]
    return not any(
        _JOINED_CLAUSE.search(paragraph, a.end(), b.start()) for a, b in itertools.pairwise(verbs)
    )


class _Reader:
    """Finds the attribution of each quote of one article."""

    def __init__(self, paragraphs: tuple[str, ...], attributor: Attributor) -> None:
        self.paragraphs = paragraphs
        self.attributor = attributor

    def after(self, quote: Found, limit: int) -> Subject | None:
        """The attribution after a quote, up to the end of its sentence or the next quote."""
        paragraph = self.paragraphs[quote.paragraph]
        index = quote.paragraph
        window_end = limit
        for match in _SENTENCE_END.finditer(paragraph, quote.end, limit):
            if not _TITLE_STOP.search(paragraph, quote.end, match.start()):
                window_end = match.start()
                break
        window = paragraph[quote.end : window_end]
        quote.reach = window_end + 1 if window_end < len(paragraph) else window_end
        dash = _DASH.match(window)
        if dash:
            tokens = self.attributor.tokens(index, quote.end + dash.end(), window_end)
            return self.attributor.phrase(index, tokens)
        raw = paragraph[quote.start + 1 : quote.end - (0 if quote.open_ended else 1)].rstrip()
        inside = raw[-1:]
        outside = window.lstrip()[:1]
        closed = inside in _CLAUSE_CLOSE or outside == ","
        ended = inside in ".!?" or paragraph[quote.end - 2 : quote.end - 1] in ".!?"
        if ended and window_end == limit < len(paragraph) and window.rstrip()[-1:] in ",:":
            # "“Would you have told her?” He answered, “I have no idea.”": the clause after a
            # finished quote leads into the next one.
            return None
        verb = next(iter(_verbs(paragraph, quote.end, window_end)), None)
        if verb is None:
            generic = _GENERIC_VERB.match(window.lstrip(", "))
            if closed and generic and inside != ".":
                start = quote.end + len(window) - len(window.lstrip(", "))
                np_end = start + generic.end("np")
                return self.attributor.phrase(index, self.attributor.tokens(index, start, np_end))
            return None
        pre = paragraph[quote.end : verb.start()]
        pre_words = _words(pre)
        if len(pre_words) > _MAX_SUBJECT_WORDS:
            return None
        tight = len(pre_words) <= 5 and not re.search(r"[,;:—–]", pre.strip(" ,"))
        if ended and (inside == "." or pre_words[:1] in (["He"], ["She"], ["They"])):
            # “… done.” starts a new sentence after it, which is this quote's attribution
            # only when it is nothing more ("“It is over.” Trump said."); so does "“…!” She"
            # (the "she asked" of "“Why?” she asked" goes on the quote's sentence).
            if (
                len(window.split()) > _TIGHT_WORDS
                or window_end == limit < len(paragraph)
                or re.search('[“”"]', pre)
            ):
                return None
        elif ended and not tight:
            return None  # "“Why?” The question hung over the hearing, as Trump said …"
        if not closed and pre_words:
            first = pre_words[0]
            lower = first.lower()
            if first.islower() and lower not in ("he", "she", "they", "it", "we", "i"):
                # A partial quote inside a sentence ("…” with Sen. Rubio, in a finish that
                # he said"): only an attribution set off by a comma closes that sentence.
                comma = pre.rfind(",")
                if comma < 0:
                    return None
                inverted = (
                    self.attributor.after_verb(index, verb.end(), window_end)
                    if pre.rstrip().endswith(",") and _inverts(verb.group(0))
                    else None
                )
                if inverted is not None or len(paragraph[verb.end() : window_end].split()) > (
                    _TAIL_WORDS
                ):
                    return inverted
                # "…” to drive up the stock price, she said."
                return self.attributor.before_verb(index, quote.end + comma + 1, verb)
        if verb.group(0).lower().startswith("according"):
            return self.attributor.after_verb(index, verb.end(), window_end)
        if not pre_words:
            return self.attributor.after_verb(index, verb.end(), window_end)
        if pre.rstrip().endswith(",") and _inverts(verb.group(0)):
            inverted = self.attributor.after_verb(index, verb.end(), window_end)
            if inverted is not None and (inverted.speaker or inverted.pronoun):
                return inverted
        return self.attributor.before_verb(index, quote.end, verb)

    def before(
        self, index: int, start: int, end: int, sentence: int | None = None
    ) -> Subject | None:
        """The attribution in paragraph[start:end], the narration that leads into a quote;
        ``sentence``, the start of its sentence (a participle's subject may lie before)."""
        paragraph = self.paragraphs[index]
        verbs = _verbs(paragraph, start, end)
        words = _IN_WORDS.search(paragraph, start, end)
        if words:
            s, e = words.span("of") if words.group("of") else words.span("own")
            return self.attributor.phrase(index, self.attributor.tokens(index, s, e))
        if not verbs:
            lead = paragraph[start:end].rstrip()
            if not lead.endswith(":"):
                return None
            # "Rubio fired back:": the subject of the clause before the colon.
            tokens = self.attributor.tokens(index, start, start + len(lead) - 1)
            piece: list[tuple[int, int, str]] = []
            for token in tokens:
                piece = [] if token[2] in ",;:—–()[]" else [*piece, token]
            if not piece:
                return None
            subject = self.attributor.clause_subject(index, piece)
            if subject is None and len(piece) <= 4:
                subject = self.attributor.phrase(index, piece)  # "Sanders:"
            return subject
        verb = verbs[-1]
        word = verb.group(0)
        if len(verbs) > 1 and _REPORTING.match(paragraph, verbs[-2].end()):
            # "Trump said that Romney begged him and “would have dropped to his knees”": whose
            # words those are, the reporter's or the reported's, is not sure.
            return None
        if _NEW_SUBJECT.search(paragraph, verb.end(), end):
            # "in a clip that Judge Ames called “distasteful,” Cole voiced a wish to “…”": the
            # verb governs the quote before; a clause of another subject leads into this one.
            return None
        if word.lower().startswith("according"):
            stop = re.compile(r"[,:;“\"]").search(paragraph, verb.end(), end)
            return self.attributor.after_verb(index, verb.end(), stop.start() if stop else end)
        tokens = self.attributor.tokens(index, start, verb.start())
        if tokens and tokens[-1][2].lower() in ("was", "were", "is", "are", "been", "being"):
            # "Rubio was asked by moderator Gerard Baker": the agent's words.
            by = re.compile(r"\s+by\s+").match(paragraph, verb.end(), end)
            if by is None:
                return Subject(None)
            stop = re.compile(r"[,:;“\"]").search(paragraph, by.end(), end)
            return self.attributor.after_verb(index, by.end(), stop.start() if stop else end)
        if not _words(paragraph[start : verb.start()]):
            # "Said Trump: “…”"
            stop = re.compile(r"[,:;“\"]").search(paragraph, verb.end(), end)
            return self.attributor.after_verb(index, verb.end(), stop.start() if stop else end)
        subject = self.attributor.before_verb(index, start, verb, sentence)
        if (
            paragraph[start : verb.start()].rstrip().endswith(",")
            and _inverts(word)
            and not (subject is not None and (subject.speaker or subject.pronoun))
        ):
            # "…, said Alan Abramowitz, a demographer." (But "Zeke Emanuel, an oncologist,
            # said Obamacare …" is Emanuel's: the subject before the comma comes first.)
            stop = re.compile(r"[.:;“\"]").search(paragraph, verb.end(), end)
            inverted = self.attributor.after_verb(index, verb.end(), stop.start() if stop else end)
            if inverted is not None and (inverted.speaker or inverted.pronoun):
                return inverted
        return subject

    def same_speaker_between(self, index: int, start: int, end: int) -> bool:
        """Whether paragraph[start:end], narration between two quotes, leaves the speaker
        as it was: no end of a sentence, no other person or pronoun, no verb of saying
        ("…” on ethanol, “…", "…” because “…")."""
        paragraph = self.paragraphs[index]
        gap = paragraph[start:end]
        words = _words(gap)
        if not words:
            return True
        if len(words) > _GAP_MAX or re.search(r"[.!?:](?:\s|$)", gap) or VERB.search(gap):
            return False
        if any(w.lower() in _SUBJECT_PRONOUNS for w in words):
            return False
        return not any(start <= s < end for _, s, _, _ in self.attributor.spans.get(index, ()))

    def tail_attribution(self, index: int, start: int, end: int) -> Subject | None:
        """The attribution a sentence ends with ("…, Schiff said."), or None."""
        paragraph = self.paragraphs[index]
        verbs = _verbs(paragraph, start, end)
        if not verbs or len(paragraph[verbs[-1].end() : end].split()) > _TAIL_WORDS:
            return None
        if any(not scare(q) for q in find_quotations(paragraph[start:end], index)):
            return None  # "“But why?” a reporter asked. “…”": that attribution is the question's
        return self.before(index, start, end)


def find_quotes(
    paragraphs: tuple[str, ...],
    spans: list[Span],
    roles: dict[str, str | None],
    resolve: Callable[[str], str | None],
) -> tuple[Quote, ...]:
    """Quotes in reading order, each with its speaker.

    Args:
        paragraphs: the body.
        spans: (paragraph, start, end, person) of every mention of a listed person.
        roles: each listed person's role (a gender cue for pronouns, and "the president-elect").
        resolve: maps a name as written ("Stoltenberg", "Mr Putin") to a listed person.
    """
    per_paragraph = [find_quotations(p, i, single=False) for i, p in enumerate(paragraphs)]
    if single_marks(paragraphs, per_paragraph):
        per_paragraph = [find_quotations(p, i) for i, p in enumerate(paragraphs)]
    if not any(per_paragraph):
        return ()  # nothing quoted: no speakers to read
    attributor = Attributor(paragraphs, spans, resolve, roles)
    reader = _Reader(paragraphs, attributor)
    referents = Referents(
        paragraphs,
        spans,
        roles,
        [[(q.start, q.end) for q in qs] for qs in per_paragraph],
        lambda: _narration(reader, referents, per_paragraph),
    )

    def settle(quote: Found, subject: Subject, index: int) -> None:
        quote.attributed = True
        if subject.pronoun:
            verb = paragraphs[index][subject.offset : subject.offset + 24].split()[1:2]
            continuing = [w.strip(",.:;") for w in verb] in (["added"], ["continued"])
            quote.speaker = referents.resolve(subject.pronoun, index, subject.offset, continuing)
        elif subject.speaker:
            quote.speaker = subject.speaker
        elif subject.role:
            quote.speaker = attributor.by_role(subject.role)
        if quote.speaker:
            referents.add_speaker(index, subject.offset, quote.speaker, subject.pronoun)

    previous: Found | None = None
    for index, quotes in enumerate(per_paragraph):
        paragraph = paragraphs[index]
        starts = _sentence_starts(paragraph, quotes)
        for k, quote in enumerate(quotes):
            if quote.turn:
                quote.speaker, quote.attributed = resolve(quote.speaker or ""), True
                continue
            # Scare quotes ("“personnel changes” could come") are narration: the window of
            # an attribution runs past them.
            limit = next(
                (q.start for q in quotes[k + 1 :] if not scare(q)),
                len(paragraph),
            )
            subject = reader.after(quote, limit)
            if subject is None:
                quote.reach = quote.end
                sentence = max((s for s in starts if s <= quote.start), default=0)
                # Scare quotes ("a “Commander-in-Chief Forum” sponsored by NBC") are narration.
                floor = max(
                    [sentence] + [q.end for q in quotes[:k] if len(q.text.split()) >= MIN_WORDS]
                )
                subject = reader.before(index, floor, quote.start, sentence)
            if subject is not None:
                settle(quote, subject, index)
        for quote in quotes:
            if quote.attributed:
                continue
            real = [
                q
                for q in quotes
                if q is quote or len(q.text.split()) >= MIN_WORDS or _split_opening(paragraph, q)
            ]
            at = real.index(quote)
            earlier = real[at - 1] if at else None
            later = real[at + 1] if at + 1 < len(real) else None
            if (
                earlier is not None
                and earlier.attributed
                and reader.same_speaker_between(index, earlier.reach, quote.start)
                # "“A,” Ebeling said, and her husband cut in. “B.”": another speaker came in
                and _one_saying(paragraph, earlier.end, earlier.reach)
            ):
                quote.speaker, quote.attributed = earlier.speaker, True
            elif (
                later is not None
                and later.attributed
                and _nothing_between(paragraph, quote.end, later.start)
            ):
                quote.speaker, quote.attributed = later.speaker, True
            elif quote.start in starts and starts.index(quote.start) > 0:
                # "…, Schiff said. “The other factor …”": the sentence before says who.
                k_start = starts.index(quote.start)
                subject = reader.tail_attribution(index, starts[k_start - 1], quote.start)
                if subject is not None:
                    settle(quote, subject, index)
            elif (
                quote.start <= 1
                and index
                and not (
                    later is not None
                    and later.attributed
                    and not re.search(r"[.!?](?:\s|$)", paragraph[quote.end : later.start])
                )
            ):
                # (A later quote of the same sentence with an attribution of its own, "“A,”
                # Powell “B,” the passage continued", says the sentence is not the last
                # paragraph's speaker's.)
                quote.speaker = _from_before(reader, referents, paragraphs, index, previous)
        previous = quotes[-1] if quotes else None
    return joined(per_paragraph)


def _narration(reader: _Reader, referents: Referents, per_paragraph: list[list[Found]]) -> None:
    """Tell ``referents`` who speaks in the narration ("Fowler said he expects …"), and
    where someone it does not list does ("Kasich said", "the spokesman said"): a "he"
    after that is not sure to be anyone listed."""
    for index, paragraph in enumerate(reader.paragraphs):
        quotes = per_paragraph[index]
        verbs = [
            v
            for v in _verbs(paragraph, 0, len(paragraph))
            if not any(q.start <= v.start() < q.end for q in quotes)
        ]
        starts = _sentence_starts(paragraph, quotes)
        for k, verb in enumerate(verbs):
            if _INFINITIVE.search(paragraph, max(0, verb.start() - 4), verb.start()):
                continue  # "called a donor to ask for money": the donor is not who asks

            sentence = max((s for s in starts if s <= verb.start()), default=0)
            floor = max([sentence] + [q.end for q in quotes if q.end <= verb.start()])
            # Up to the next verb, the next sentence or quotation: "…, said X" reads on.
            end = min(
                [verbs[k + 1].start() if k + 1 < len(verbs) else len(paragraph)]
                + [s for s in starts if s > verb.start()]
                + [q.start for q in quotes if q.start >= verb.end()]
            )
            subject = reader.before(index, floor, end, sentence)
            if subject is None or subject.pronoun:
                continue
            offset = subject.offset or verb.start()
            if subject.speaker:
                referents.add_speaker(index, offset, subject.speaker)
            elif _blocks(subject, paragraph):
                referents.add_blocker(index, offset, gender_of_word(subject.head or ""))
        for start in starts:
            # "Trump parroted these views.": a subject digest does not list opens a sentence.
            if any(q.start <= start < q.end for q in quotes):
                continue
            end = min([len(paragraph)] + [q.start for q in quotes if q.start > start])
            subject = reader.attributor.sentence_subject(index, start, min(end, start + 160))
            if subject is not None and _blocks(subject, paragraph):
                referents.add_blocker(index, start, gender_of_word(subject.head or ""))


def _blocks(subject: Subject | None, paragraph: str) -> bool:
    """Whether a subject is someone digest does not list: a name it does not know
    ("Kasich said") or a person's role ("the spokesman said"), not a group ("officials")
    or a place ("South Carolina, he said, was …")."""
    return bool(
        subject is not None
        and not subject.speaker
        and not subject.pronoun
        and subject.head
        and (
            (
                subject.head[:1].isupper()
                and subject.head not in COMMON_CAPITALISED
                and not _adverb(subject.head)
                and not _a_place(paragraph, subject.offset, subject.head)
            )
            or subject.head.lower() in ROLE_NOUNS
        )
    )


def _adverb(word: str) -> bool:
    """Whether a capitalised word is an adverb opening its sentence ("Particularly in the
    poorer counties, he said, …"): an -ly word that news writes in lower case, not a name
    ("Kelly")."""
    return word.endswith("ly") and word.lower() in lower_words()


def _a_place(paragraph: str, offset: int, head: str) -> bool:
    """Whether the capitalised words that end in ``head`` from ``offset`` on are a known
    place ("South Carolina", "the Netherlands")."""
    end = paragraph.find(head, offset)
    words = paragraph[offset : end + len(head)].split() if end >= 0 else []
    while words and not words[0][:1].isupper():
        words.pop(0)  # "the", "in"
    return bool(words) and " ".join(words) in places()


def _split_opening(paragraph: str, quote: Found) -> bool:
    """Whether a short quote opens a sentence that its attribution interrupts: "“The risk,”
    said Edward Leamer, an economist, “is that …”" (the comma inside the closing mark), so
    the rest of the sentence is the same speaker's."""
    return quote.attributed and paragraph[quote.start : quote.end].rstrip("”\"’' ").endswith(",")


def _nothing_between(paragraph: str, start: int, end: int) -> bool:
    """Whether only marks and joining words lie in paragraph[start:end]."""
    return all(w.lower() in _GAP_WORDS for w in _words(paragraph[start:end]))


def _from_before(
    reader: _Reader,
    referents: Referents,
    paragraphs: tuple[str, ...],
    index: int,
    previous: Found | None,
) -> str | None:
    """The speaker of a paragraph-opening quote with no attribution of its own: the
    subject before a colon ending the paragraph before, or the speaker of that paragraph's
    last quote when the paragraph ends with it ("“…,” Smith said." then "“…”")."""
    before = paragraphs[index - 1].rstrip()
    if before.endswith(":"):
        quotes = [q for q in [previous] if q is not None and q.paragraph == index - 1]
        starts = _sentence_starts(before, quotes)
        floor = max([s for s in starts if s < len(before) - 1] + [q.end for q in quotes], default=0)
        subject = reader.before(index - 1, floor, len(before))
        if subject is None:
            return None
        if subject.pronoun:
            return referents.resolve(subject.pronoun, index - 1, subject.offset)
        if subject.role and not subject.speaker:
            return reader.attributor.by_role(subject.role)
        return subject.speaker
    if previous is None or previous.paragraph != index - 1 or not previous.speaker:
        return None
    if _nothing_between(before, previous.reach, len(before)):
        return previous.speaker
    return None
