"""Where an article quotes: quotations in double marks (“…”, "…", «…») and, in articles
that quote so, single ones (‘…’, '…') holding a clause; transcript turns ("WALLACE: …");
titles of works in quotation marks left out; and a quote that runs on into the next
paragraph joined with its rest. Who said each is read in :mod:`digest.facts.quotes`.
"""

from __future__ import annotations

import re
from typing import Final

from digest.models import Quote
from digest.text.words import word_list

_QUOTE: Final = re.compile(
    # A curly quote may be closed by a straight mark (“…"), a straight one by a curly mark;
    # a straight quote may hold curly pairs (“…”).
    r"“(?P<a>[^“”\"]{2,2000})(?:[”\"]|$)"
    r"|\"(?P<b>(?:[^\"“”]|“[^“”\"]*”){2,2000})(?:[\"”]|$)"
    r"|«\s?(?P<c>[^«»]{2,2000})\s?(?:»|$)"
)
_SINGLE: Final = re.compile(
    # An opening mark where a word starts, a closing one where a word ends: not the
    # apostrophe of "don’t", "’90s" or "rock 'n' roll", which a letter follows.
    r"(?:^|(?<=[\s(\[—–-]))(?:‘(?P<curly>(?:[^‘’“”\"\n]|’(?=\w)){2,2000}?[\w.,!?…])’"
    r"|'(?=[A-Za-z])(?P<straight>(?:[^'“”\"\n]|'(?=\w)){2,2000}?[\w.,!?…])')"
    r"(?=[\s.,;:!?)\]—–-]|$)"
)
MIN_WORDS: Final = 5
"""Words a quote holds at least: fewer are scare quotes ("troubling escalation")."""
_LABEL: Final = re.compile(r"^(?P<label>[A-Z][A-Z’'-]{2,}(?:\s[A-Z][A-Z’'-]+)?):\s")
_SMALL_WORDS: Final = word_list("facts/quotations/title_small_words")
"""Words a title of a work leaves in small letters ("The Art of the Deal")."""
WORD: Final = re.compile(r"[^\W\d_][\w’'-]*")
"""A word: a letter, then letters, digits, apostrophes and hyphens."""


class Found:
    """A quotation of a paragraph, and who said it once that is read.

    A plain class rather than a dataclass: compiled, its ``__init__`` is native C.
    """

    __slots__ = (
        "paragraph",
        "start",
        "end",
        "text",
        "open_ended",
        "turn",
        "speaker",
        "attributed",
        "reach",
    )

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
        self.reach = end
        """Where the quote's attribution after it ends: nothing else lies before it."""


def _clean(text: str) -> str:
    return text.strip().rstrip(",").strip()


def _title_of_a_work(text: str) -> bool:
    """Whether quoted words read as a title ("Saturday Night Live", "The Art of the Deal"):
    every word capitalised but the small ones, and no end of a sentence."""
    words = WORD.findall(text)
    if len(words) < 2 or text.rstrip()[-1:] in ".!?…,":
        return False
    big = [w for w in words[1:] if w.lower() not in _SMALL_WORDS]
    return words[0][:1].isupper() and bool(big) and all(w[:1].isupper() for w in big)


_MISPLACED: Final = re.compile(r"(?<=[.,!?…])“(?=\s+[a-z])")
"""An opening mark that ends a quoted clause, typed the wrong way: "…here,“ said Clyburn"."""


def find_quotations(paragraph: str, index: int, single: bool = True) -> list[Found]:
    """The quotations of a paragraph; ``single``: read ‘…’ and '…' too."""
    found = []
    marks = _MISPLACED.sub("”", paragraph)
    for match in _QUOTE.finditer(marks):
        text = _clean(match.group("a") or match.group("b") or match.group("c") or "")
        open_ended = match.end() == len(paragraph) and paragraph[-1] not in '”"»'
        label = _LABEL.match(text)
        quote = Found(index, match.start(), match.end(), text, open_ended, turn=bool(label))
        if label:
            quote.text, quote.speaker = text[label.end() :], label.group("label").title()
        elif _title_of_a_work(text):
            continue
        found.append(quote)
    if single and ("‘" in paragraph or "'" in paragraph):
        for match in _SINGLE.finditer(paragraph):
            if any(q.start <= match.start() < q.end for q in found):
                continue  # a quotation inside a quotation is part of it
            text = _clean(match.group("curly") or match.group("straight") or "")
            if len(text.split()) < MIN_WORDS or _title_of_a_work(text):
                continue
            found.append(Found(index, match.start(), match.end(), text, False))
        found.sort(key=lambda q: q.start)
    return found


def single_marks(paragraphs: tuple[str, ...], doubles: list[list[Found]]) -> bool:
    """Whether the article quotes in single marks (‘…,’ said Dr Otto), as British style
    does: it holds more clauses in single marks than in double ones, which it then keeps
    for quotations inside quotations. Elsewhere ‘…’ is a quotation inside one."""
    double = sum(1 for quotes in doubles for q in quotes if len(q.text.split()) >= MIN_WORDS)
    single = 0
    for index, paragraph in enumerate(paragraphs):
        if "‘" in paragraph or "'" in paragraph:
            single += sum(
                1
                for q in find_quotations(paragraph, index)
                if q.start < len(paragraph) and paragraph[q.start] in "‘'"
            )
    return single > double


def scare(quote: Found) -> bool:
    """A few quoted words inside narration ("“personnel changes” could come"), not speech
    of its own ("“But why?” she asked")."""
    return len(quote.text.split()) < MIN_WORDS and quote.text[-1:] not in ".!?,…"


def joined(per_paragraph: list[list[Found]]) -> tuple[Quote, ...]:
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
    return tuple(q for q in quotes if len(q.text.split()) >= MIN_WORDS)
