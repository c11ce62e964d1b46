"""Direct quotes and who said them.

    quotations -> the attribution around each ("…,” said Caddell", "Putin said: “…”")
      -> its subject: a listed person, a pronoun (resolved), or someone unnamed
      -> quotes with no attribution of their own take the speaker of their neighbours

A quote is text between quotation marks (“…”, "…", «…») of at least five words; scare
quotes ("troubling escalation") are too short to count. A quote that runs on into the
next paragraph (its paragraph ends without a closing mark, as news style has it) is
joined with the rest.

The attribution is read in the quote's own sentence: after it (", Flynn, a top Trump
surrogate, said", ", said Rep. G.K. Butterfield (D-N.C.)", "― Carla Sanchez") or before
it ("White House press secretary Josh Earnest said: “…"). Its subject is the speaker: a
listed person (a surname counts for the full name), a pronoun (see ``pronouns.py``), or a
description ("officials said"), for which the speaker is None. A quote whose sentence
holds no attribution is the same speaker's as the quote before it in the paragraph
(“A,” said Caddell. “B.”), else the one after it, else that of the sentence before it
("…, Schiff said. “B.”"); a paragraph that is all quotation goes on from the paragraph
before when that one ends in a colon ("Caddell continued:") or quoted someone. A
transcript turn ("WALLACE: …") is a quote of its own, spoken by the name before the colon.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from digest.facts.gazetteer import COMMON_CAPITALISED, ROLE_NOUNS, SAY_VERBS
from digest.facts.pronouns import Referents, Span
from digest.facts.scan import first_letter
from digest.models import Quote
from digest.text.sentences import sentence_spans
from digest.text.words import word_list

_QUOTE: Final = re.compile(
    r"“(?P<a>[^“”]{2,2000})(?:”|$)"
    # A straight quote may hold curly pairs (“…”) and may be closed by a curly mark.
    r"|\"(?P<b>(?:[^\"“”]|“[^“”\"]*”){2,2000})(?:[\"”]|$)"
    r"|«\s?(?P<c>[^«»]{2,2000})\s?(?:»|$)"
)
_MIN_WORDS: Final = 5

QUOTE_VERBS: Final = SAY_VERBS | word_list("facts/quotes/quote_verbs")
"""Verbs that attach a quote to its speaker: the verbs of saying and their other forms."""

_VERB: Final = re.compile(
    first_letter(
        [r"[Aa]ccording\s+to", r"went\s+on", r"pointed\s+out", "Said", "Says", "Asked", "Added"]
        + ["Wrote", *sorted(QUOTE_VERBS, key=len, reverse=True)]
    )
)
_DASH: Final = re.compile(r"^\s*[―—–]\s*(?=[A-Z])")
_LABEL: Final = re.compile(r"^(?P<label>[A-Z][A-Z’'-]{2,}(?:\s[A-Z][A-Z’'-]+)?):\s")
_PRONOUN: Final = re.compile(r"\b(?:he|she|they|we|it|I)\b", re.IGNORECASE)
_CAPITALISED: Final = re.compile(
    r"\b[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|al|bin|de|van|von|der))*"
)
_DESCRIPTION: Final = re.compile(
    r"^\s*(?:a|an|the|one|two|three|some|many|several|his|her|their|its|who|which|whose|this|these|both)\b"
)
_WORDS: Final = re.compile(r"\w")
_ASIDE: Final = re.compile(r"\([^()]*\)?|\[[^\[\]]*\]?|“[^“”]*”?|\"[^\"]*\"?")
_AFTER_PREPOSITION: Final = re.compile(
    r"\b(?:of|for|in|at|to|with|from|about|on|by)\s+(?:\w+\s+){0,2}$"
)
_CLAUSE: Final = re.compile(
    r"(?:and|but|or|as|while|when|because|so|though|although|if|after|before)\s+(?:\w+\s+)?[A-Z]"
)
_PARTY: Final = re.compile(r"\s*[A-Z]-[A-Z][\w.-]*\s*$")
"""A party tag set off by commas: "Mitch McConnell, R-Ky., said"."""
_POSSESSIVE: Final = ("’s", "'s")
_PIECE: Final = re.compile(r"[^,;\0]+")
_OWNER: Final = re.compile(r"[A-Z][\w.-]*['’]s\s")
"""A possessive opening a piece ("McCrory's opponent"): it describes the speaker, it names none."""
_SENTENCE_END: Final = re.compile(r"[.!?](?=\s+[A-Z“\"‘]|\s*$)")
_TITLE_STOP: Final = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|[A-Z])$")
"""A title or an initial before a full stop, which ends no sentence."""
_CLAUSE_END: Final = re.compile(r"[,;]|\.(?=\s|$)|$")
_INITIAL_STOP: Final = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|[A-Z]|[A-Z]\.[A-Z])$")
_PREPOSITION: Final = re.compile(
    r"\s*(?:in|on|at|during|after|before|to|of|by|when|while|that|from|with)\b"
)
"""What opens a phrase after the verb that is no subject: "said in a statement"."""
_MAX_SUBJECT_WORDS: Final = 25
_TIGHT_WORDS: Final = 8


class _Found:
    """A quotation of a paragraph, and who said it once that is read.

    Plain classes rather than dataclasses, here and in ``_Subject``: compiled, their
    ``__init__`` is native C, where a dataclass's is Python made at import.
    """

    __slots__ = ("paragraph", "start", "end", "text", "open_ended", "turn", "speaker", "attributed")

    def __init__(
        self, paragraph: int, start: int, end: int, text: str, open_ended: bool, turn: bool = False
    ) -> None:
        self.paragraph = paragraph
        self.start = start
        """Offset of the opening mark."""
        self.end = end
        """Offset just past the closing mark (or the paragraph's end)."""
        self.text = text
        self.open_ended = open_ended
        self.turn = turn
        """A transcript turn ("WALLACE: …"): a quote of its own, never the rest of the last."""
        self.speaker: str | None = None
        self.attributed = False
        """The quote's own sentence says who spoke (``speaker`` may still be None: "officials")."""


class _Subject:
    """What an attribution's subject turned out to be."""

    __slots__ = ("speaker", "pronoun", "offset", "end")

    def __init__(
        self, speaker: str | None, pronoun: str | None = None, offset: int = 0, end: int = 0
    ) -> None:
        self.speaker = speaker
        self.pronoun = pronoun
        self.offset = offset
        self.end = end


def _clean(text: str) -> str:
    return text.strip().rstrip(",").strip()


def _quotations(paragraph: str, index: int) -> list[_Found]:
    found = []
    for match in _QUOTE.finditer(paragraph):
        text = _clean(match.group("a") or match.group("b") or match.group("c") or "")
        open_ended = match.end() == len(paragraph) and paragraph[-1] not in '”"»'
        label = _LABEL.match(text)
        quote = _Found(index, match.start(), match.end(), text, open_ended, turn=bool(label))
        if label:
            quote.text, quote.speaker = text[label.end() :], label.group("label").title()
        found.append(quote)
    return found


def _sentence_starts(paragraph: str, quotes: list[_Found]) -> list[int]:
    """Offsets where sentences of the narration start (not those inside quotations)."""
    spans = sentence_spans(paragraph)
    if not quotes:
        return [s for s, _ in spans]
    return [s for s, _ in spans if not any(q.start < s < q.end for q in quotes)]


class _Attributor:
    """Reads the attributions of one article against its listed people."""

    def __init__(
        self,
        paragraphs: tuple[str, ...],
        spans: list[Span],
        resolve: Callable[[str], str | None],
        referents: Referents,
    ) -> None:
        self.paragraphs = paragraphs
        self.resolve = resolve
        self.referents = referents
        self.spans: dict[int, list[Span]] = {}
        for span in spans:
            self.spans.setdefault(span[0], []).append(span)

    def subject(self, index: int, start: int, end: int) -> _Subject | None:
        """The first person or pronoun in paragraph[start:end]; None when it holds no words.

        A clause of words without either ("officials", "the campaign") is a subject that
        names nobody: ``_Subject(None)``.
        """
        paragraph = self.paragraphs[index]
        text = paragraph[start:end]
        if not _WORDS.search(text):
            return None
        found: list[tuple[int, _Subject]] = []
        covered: list[tuple[int, int]] = []
        described = bool(_DESCRIPTION.match(text))
        for _, s, e, name in self.spans.get(index, ()):
            if start <= s < end:
                covered.append((s, e))
                # In "a narrator in the Clinton ad" the name is not who speaks.
                owned = described and _AFTER_PREPOSITION.search(paragraph, start, s)
                if paragraph[e : e + 2] not in _POSSESSIVE and not owned:
                    found.append((s, _Subject(name, offset=s, end=e)))
        for match in _PRONOUN.finditer(text):
            s = start + match.start()
            word = match.group(0)
            if word == "I" or word.lower() in ("they", "we", "it"):
                found.append((s, _Subject(None)))
            else:
                found.append((s, _Subject(None, word, s)))
        for match in _CAPITALISED.finditer(text):
            s, e = start + match.start(), start + match.end()
            if any(a <= s < b for a, b in covered) or paragraph[e : e + 2] in _POSSESSIVE:
                continue
            words = [w for w in match.group(0).split() if w.rstrip(".") not in COMMON_CAPITALISED]
            person = self.resolve(" ".join(w.rstrip(".,") for w in words)) if words else None
            if person:
                found.append((s, _Subject(person, offset=s, end=e)))
        if not found:
            return _Subject(None)
        found.sort(key=lambda item: item[0])
        first = found[0][1]
        for s, later in found[1:]:
            # "Trump lawyer Marc Kasowitz", "Clinton campaign spokesman Brian Fallon": the
            # first name only says whose; the role's holder is the subject.
            words = paragraph[first.end : s].split()
            if (
                first.speaker
                and later.speaker
                and words
                and all(w.islower() for w in words)
                and any(w in ROLE_NOUNS for w in words)
            ):
                first = later
            break
        return first

    def clause_subject(self, index: int, start: int, end: int) -> _Subject | None:
        """The subject of the clause paragraph[start:end] that ends at a verb of saying.

        Comma-separated pieces are read from the verb backwards; an appositive ("Flynn, a
        top Trump surrogate, said") is passed over when a piece before it can hold the name.
        """
        paragraph = self.paragraphs[index]
        # Asides in brackets ("(D-N.Y.)") are never the subject; quoted words part pieces
        # as commas do (Mills “got an immunity agreement,” Jordan said).
        clause = _ASIDE.sub(lambda m: "\0" * len(m.group(0)), paragraph[start:end])
        pieces = [
            (start + m.start(), start + m.end())
            for m in _PIECE.finditer(clause)
            if _WORDS.search(m.group(0))
        ]
        unnamed: _Subject | None = None
        for k in range(len(pieces) - 1, -1, -1):
            s, e = pieces[k]
            text = paragraph[s:e].lstrip()
            # An appositive or an aside ("a top Trump surrogate", "25", "McCrory's opponent",
            # "who runs ...") follows the name it describes; a clause ("and as Trump went on")
            # has a subject of its own.
            aside = _DESCRIPTION.match(text) or _PARTY.match(text) or _OWNER.match(text)
            if (
                k > 0
                and (aside or not (text[:1].isupper() or _CLAUSE.match(text)))
                and not _PRONOUN.match(text)
            ):
                continue
            subject = self.subject(index, s, e)
            if subject and (subject.speaker or subject.pronoun):
                return subject
            unnamed = unnamed or subject
            break
        return unnamed

    def after(self, quote: _Found, limit: int) -> _Subject | None:
        """The attribution after a quote, up to the end of its sentence or the next quote."""
        paragraph = self.paragraphs[quote.paragraph]
        window_end = limit
        for match in _SENTENCE_END.finditer(paragraph[quote.end : limit]):
            end = quote.end + match.start()
            if not _TITLE_STOP.search(paragraph[quote.end : end]):
                window_end = end
                break
        window = paragraph[quote.end : window_end]
        dash = _DASH.match(window)
        if dash:
            return self.subject(quote.paragraph, quote.end + dash.end(), window_end)
        verb = _VERB.search(window)
        if not verb:
            return None
        pre = window[: verb.start()]
        ended = quote.text[-1:] in ".!?" or paragraph[quote.end - 2 : quote.end - 1] in ".!?"
        if ended and (len(window.split()) > _TIGHT_WORDS or window_end == limit < len(paragraph)):
            # “… done.” starts a new sentence after it, which is this quote's attribution
            # only when it is nothing more ("“Why?” Vitter demanded.").
            return None
        if len(pre.split()) > _MAX_SUBJECT_WORDS:
            return None
        if _WORDS.search(pre):
            return self.clause_subject(quote.paragraph, quote.end, quote.end + verb.start())
        post_start = quote.end + verb.end()
        post_end = post_start
        for match in _CLAUSE_END.finditer(paragraph[post_start:window_end]):
            post_end = post_start + match.start()
            if match.group(0) != "." or not _INITIAL_STOP.search(paragraph[post_start:post_end]):
                break
        post = paragraph[post_start:post_end]
        if _PREPOSITION.match(post):
            return None
        subject = self.subject(quote.paragraph, post_start, post_end)
        if (
            subject
            and not (subject.speaker or subject.pronoun)
            and _DESCRIPTION.match(post)
            and post_end < window_end
        ):
            # "said the chairman of the committee, Labour MP Barry Sheerman."
            rest = re.match(r"[,;]\s*[^,;]*", paragraph[post_end:window_end])
            named = self.subject(quote.paragraph, post_end, post_end + rest.end()) if rest else None
            if named and named.speaker:
                return named
        return subject

    def before(self, index: int, start: int, end: int) -> _Subject | None:
        """The attribution in paragraph[start:end], the narration that leads into a quote."""
        paragraph = self.paragraphs[index]
        verbs = list(_VERB.finditer(paragraph, start, end))
        if not verbs:
            return None
        verb = verbs[-1]
        if _WORDS.search(paragraph[start : verb.start()]):
            return self.clause_subject(index, start, verb.start())
        tail = re.match(r"[^,:;“\"]*", paragraph[verb.end() : end])
        return self.subject(index, verb.end(), verb.end() + (tail.end() if tail else 0))


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
        roles: each listed person's role (a gender cue for pronouns).
        resolve: maps a name as written ("Stoltenberg", "Mr Putin") to a listed person.
    """
    per_paragraph = [_quotations(p, i) for i, p in enumerate(paragraphs)]
    if not any(per_paragraph):
        return ()  # nothing quoted: no speakers to read
    referents = Referents(
        paragraphs, spans, roles, [[(q.start, q.end) for q in qs] for qs in per_paragraph]
    )
    reader = _Attributor(paragraphs, spans, resolve, referents)
    previous_speaker: str | None = None
    for index, quotes in enumerate(per_paragraph):
        paragraph = paragraphs[index]
        starts = _sentence_starts(paragraph, quotes)
        for k, quote in enumerate(quotes):
            limit = quotes[k + 1].start if k + 1 < len(quotes) else len(paragraph)
            subject = reader.after(quote, limit)
            if subject is None:
                sentence = max((s for s in starts if s <= quote.start), default=0)
                # Scare quotes ("a “Commander-in-Chief Forum” sponsored by NBC") are narration.
                floor = max(
                    [sentence] + [q.end for q in quotes[:k] if len(q.text.split()) >= _MIN_WORDS]
                )
                subject = reader.before(index, floor, quote.start)
            if quote.turn:
                quote.speaker, quote.attributed = resolve(quote.speaker or ""), True
            elif subject is not None:
                quote.attributed = True
                if subject.pronoun:
                    quote.speaker = referents.resolve(subject.pronoun, index, subject.offset)
                else:
                    quote.speaker = subject.speaker
                if quote.speaker:
                    referents.add_speaker(index, subject.offset, quote.speaker, subject.pronoun)
        for k, quote in enumerate(quotes):
            if quote.attributed:
                continue
            earlier = [q for q in quotes[:k] if q.attributed or q.speaker]
            later = [q for q in quotes[k + 1 :] if q.attributed]
            if earlier:
                quote.speaker, quote.attributed = earlier[-1].speaker, True
            elif later:
                quote.speaker, quote.attributed = later[0].speaker, True
            elif quote.start in starts and starts.index(quote.start) > 0:
                # "…, Schiff said. “The other factor …”": the sentence before says who.
                k_start = starts.index(quote.start)
                subject = reader.before(index, starts[k_start - 1], quote.start)
                if subject is not None and subject.pronoun:
                    quote.speaker = referents.resolve(subject.pronoun, index, subject.offset)
                elif subject is not None:
                    quote.speaker = subject.speaker
            elif quote.start <= 1 and index:
                quote.speaker = _from_before(
                    reader, paragraphs, per_paragraph, index, previous_speaker
                )
        previous_speaker = quotes[-1].speaker if quotes else None
    return _joined(per_paragraph)


def _from_before(
    reader: _Attributor,
    paragraphs: tuple[str, ...],
    per_paragraph: list[list[_Found]],
    index: int,
    previous_speaker: str | None,
) -> str | None:
    """The speaker of a paragraph-opening quote with no attribution of its own."""
    before = paragraphs[index - 1].rstrip()
    if before.endswith(":"):
        starts = _sentence_starts(before, per_paragraph[index - 1])
        floor = max(
            [s for s in starts if s < len(before) - 1] + [q.end for q in per_paragraph[index - 1]],
            default=0,
        )
        subject = reader.before(index - 1, floor, len(before))
        if subject is not None:
            if subject.pronoun:
                return reader.referents.resolve(subject.pronoun, index - 1, subject.offset)
            return subject.speaker
        return None
    return previous_speaker


def _joined(per_paragraph: list[list[_Found]]) -> tuple[Quote, ...]:
    """Quotes left open at a paragraph's end joined with their rest; short ones dropped."""
    quotes: list[Quote] = []
    carry: tuple[list[str], int, str | None] | None = None
    for quotes_here in per_paragraph:
        carried = False
        for k, quote in enumerate(quotes_here):
            if carry and k == 0 and quote.start <= 1 and not quote.turn:
                parts, first, who = carry
                carry = (parts + [quote.text], first, who or quote.speaker)
                carried = True
                if not quote.open_ended:
                    quotes.append(Quote(" ".join(carry[0]), carry[2], carry[1]))
                    carry = None
                continue
            if carry:
                quotes.append(Quote(" ".join(carry[0]), carry[2], carry[1]))
                carry = None
            if quote.open_ended:
                carry = ([quote.text], quote.paragraph, quote.speaker)
                carried = True
            else:
                quotes.append(Quote(quote.text, quote.speaker, quote.paragraph))
        if carry and not carried:
            quotes.append(Quote(" ".join(carry[0]), carry[2], carry[1]))
            carry = None
    if carry:
        quotes.append(Quote(" ".join(carry[0]), carry[2], carry[1]))
    return tuple(q for q in quotes if len(q.text.split()) >= _MIN_WORDS)
