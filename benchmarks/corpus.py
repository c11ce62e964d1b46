"""The development corpus as the fact and summary benchmarks read it, and their shared options.

Readers turn each set of ``../shared/corpus`` into what digest's own API takes (a title,
paragraphs, a publication date) beside the expected result:

- ``entities/``: each CoNLL-2003 document (of the ``dev`` or the ``train`` split) becomes
  one paragraph per sentence, detokenised, with its annotated names' spans. Its first
  sentence is the headline (``title``); a byline between headline and dateline ("Larry
  Fine") is dropped, as an extractor moves it to ``authors``; the dateline ("LONDON
  1996-08-30") stays as the first paragraph and gives ``published``. The headline's own
  names are kept apart (``title_names``). The expected
  names are the unique PER / ORG / LOC / MISC names of the body (dateline included).
- ``quotes/``: the PolNeAR text's first block is the headline, the other blank-line
  separated blocks are paragraphs. Expected quotes are the runs of text between quotation
  marks (a quote left open at a paragraph's end and reopened at the next one's start is one
  quote, as news style writes long quotes) of five words or more that lie mostly (half
  their characters or more) inside the ``Content`` of one annotated attribution; that
  attribution's ``Source`` is the speaker (see :func:`source_head`; of attributions that
  cover the quote alike, the innermost; one whose content holds the quote's own attribution
  gives way to it: "“…,” Sanders said, according to CNN" is Sanders'; a pronoun source
  stands for the nearest person named as a source before it unless the text leaves that
  open, see :func:`_attributions`). Quoted runs inside no
  attribution (titles, slogans, a few quotes the annotators skipped) are not expected.
  One annotator's file is read per article (the first by name; two articles have six).
- ``summaries/``: the BBC article (line 1 the headline, then paragraphs) and its reference
  summary sentences.
"""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass
from pathlib import Path

from digest.facts.gazetteer import (
    COMMON_CAPITALISED,
    DEMONYMS,
    HONORIFICS,
    KNOWN_ORGS,
    ORG_WORDS,
    ROLE_WORDS,
    is_given_name,
    lower_words,
    places,
)
from digest.facts.pronouns import gender_of, gender_of_word
from digest.text.words import word_list

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
"""``../shared/corpus`` beside the repository, where the project keeps it."""

MIN_QUOTE_WORDS = 5
"""Shorter quoted runs are scare quotes ("troubling escalation"), not quotes."""

_NO_SPACE_BEFORE = frozenset(",.;:!?%)]") | {"'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_QUOTED = re.compile(r"“[^“”\"]+(?:[”\"]|$)|\"[^\"“”]+(?:[\"”]|$)")
"""Quoted runs: a curly mark may be closed by a straight one and the other way round (“…"),
as some texts type them; the run ends there, not at the next mark of its own kind."""


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options every fact and summary benchmark takes."""
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus folder")
    parser.add_argument(
        "--limit", type=int, metavar="N", help="read only the first N documents of each set"
    )
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    parser.add_argument(
        "--worst", type=int, default=0, metavar="N", help="list the N worst documents"
    )


def detokenise(tokens: list[str]) -> str:
    """CoNLL tokens back to text: no space before punctuation, straight quotes paired."""
    return detokenise_offsets(tokens)[0]


def detokenise_offsets(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """``detokenise``, with the (start, end) of each token in the text."""
    text, quote_open, glue = "", False, True
    offsets: list[tuple[int, int]] = []
    for token in tokens:
        if token == '"':
            text += ("" if glue else " ") + token if not quote_open else token
            offsets.append((len(text) - 1, len(text)))
            glue, quote_open = not quote_open, not quote_open
            continue
        text += token if glue or token in _NO_SPACE_BEFORE else " " + token
        offsets.append((len(text) - len(token), len(text)))
        glue = token in ("(", "[", "$")
    return text, offsets


@dataclass(slots=True)
class NerDocument:
    """One CoNLL-2003 document fed as an article, with its expected names."""

    name: str
    title: str
    paragraphs: tuple[str, ...]
    published: str | None
    names: dict[str, set[str]]
    """CoNLL kind (PER, ORG, LOC, MISC) -> unique names in the body."""
    spans: list[list[tuple[int, int, str]]]
    """Per paragraph, the (start, end, kind) of each annotated name (what a tagger learns)."""
    title_names: dict[str, set[str]]
    """CoNLL kind -> unique names of the headline (digest lists the places it names)."""


CONLL_SPLITS = ("dev", "train")
"""The CoNLL-2003 splits of ``entities/``: rules are tuned on ``train``, checked on ``dev``."""


def conll_documents(corpus: Path, split: str = "dev") -> list[NerDocument]:
    """The documents of ``entities/conll2003_<split>.txt`` (``dev`` or ``train``) in file order."""
    if split not in CONLL_SPLITS:
        raise ValueError(f"no CoNLL-2003 split {split!r}: {', '.join(CONLL_SPLITS)}")
    raw = (corpus / "entities" / f"conll2003_{split}.txt").read_text(encoding="utf-8")
    documents = []
    for number, chunk in enumerate(c for c in raw.split("-DOCSTART- -X- -X- O") if c.strip()):
        sentences = [
            [line.split() for line in block.splitlines()] for block in chunk.strip().split("\n\n")
        ]
        start = next(
            (i for i in range(1, min(4, len(sentences))) if _DATE.match(sentences[i][-1][0])), 1
        )
        published = sentences[start][-1][0] if _DATE.match(sentences[start][-1][0]) else None
        names: dict[str, set[str]] = {"PER": set(), "ORG": set(), "LOC": set(), "MISC": set()}
        title_names: dict[str, set[str]] = {kind: set() for kind in names}
        paragraphs: list[str] = []
        spans: list[list[tuple[int, int, str]]] = []
        for position, sentence in enumerate([sentences[0], *sentences[start:]]):
            words = [t[0] for t in sentence]
            text, offsets = detokenise_offsets(words)
            found, here = (names, []) if position else (title_names, [])
            if position:
                paragraphs.append(text)
                spans.append(here)
            span: list[int] = []
            kind = ""
            for i, (_word, _pos, _chunk, tag) in enumerate([*sentence, ["", "", "", "O"]]):
                if span and not (tag.startswith("I-") and tag[2:] == kind):
                    found[kind].add(detokenise([words[k] for k in span]))
                    here.append((offsets[span[0]][0], offsets[span[-1]][1], kind))
                    span = []
                if tag != "O" and not span:
                    span, kind = [i], tag[2:]
                elif tag != "O":
                    span.append(i)
        title = detokenise([t[0] for t in sentences[0]])
        documents.append(
            NerDocument(
                f"doc-{number + 1:03}",
                title,
                tuple(paragraphs),
                published,
                names,
                spans,
                title_names,
            )
        )
    return documents


@dataclass(slots=True)
class GoldQuote:
    """A direct quote of a PolNeAR article and who the annotator says said it."""

    text: str
    source: str | None
    """The ``Source`` span as written ("he", "Mr. Obama"), None for attributions without one."""
    head: str | None
    """The word a speaker's name must hold ("Obama"), None when the source names nobody."""
    pronoun: bool = False
    """The source is a pronoun; ``head`` is then that of the nearest named source before it."""
    judged: bool = True
    """False when the annotation cannot tell the speaker: no ``Source`` span, a pronoun no
    named source precedes or that the text leaves open, a title two people hold, or a
    ``Source`` span that holds only the cue ("said"), an annotation slip."""
    person: bool = False
    """The source is a person (``head`` set and no body's name: see :func:`is_body`)."""


@dataclass(slots=True)
class QuoteArticle:
    """One PolNeAR article fed as an article, with its expected quotes."""

    name: str
    title: str
    paragraphs: tuple[str, ...]
    published: str | None
    quotes: list[GoldQuote]


PRONOUNS = frozenset({"he", "she", "who", "i", "him", "her", "his", "me"})
"""Sources that stand for a person named earlier."""

_SLIPS = frozenset({"said", "says", "told", "added", "asked", "according", "wrote", "noted"})
"""Cue words: a ``Source`` span that starts with one holds the cue, not the source (an
annotation slip: "said in a statement", "According to")."""

_NOT_NAMES = frozenset({"It", "This", "That", "They", "We", "You", "There", "Which"})
_NOT_LAST = frozenset(
    {
        "Jr",
        "Sr",
        "II",
        "III",
        "IV",
        "Secretary",
        "Minister",
        "President",
        "Chairman",
        "Director",
        "Leader",
    }
)


def source_surname(source: str | None) -> str | None:
    """The last word of a source's name as written before any comma, when capitalised:
    "Former Secretary of State Madeleine Albright" -> "Albright", "Speaker of the House Rep.
    Paul Ryan (R-WI)" -> "Ryan" (``source_head`` reads the first of the "of" phrases)."""
    words = re.sub(r"\([^)]*(?:\)|$)|['’]s\b", " ", source or "").split(",")[0].split()
    run = 0  # the capitalised words that end the name: "Madeleine Albright"
    while run < len(words) and words[-1 - run][:1].isupper():
        run += 1
    if run < 2 or (run < len(words) and words[-1 - run].lower() == "the"):
        return None  # one word alone, or a body's name ("of the Sierra Club")
    last = words[-1].rstrip(".")
    return last if last not in _NOT_LAST else None


def source_head(source: str | None) -> str | None:
    """The last word of the name a source gives, or None for a description or a pronoun.

    "Mr. Obama" -> "Obama"; "Kevin Barrett, a lawyer at Bailey & Glasser" -> "Barrett";
    "Rep. Jim Clyburn (D-S.C.), the assistant leader" -> "Clyburn"; "Mr. Morgan of the
    Sierra Club" -> "Morgan"; "Secretary of State John F. Kerry" -> "Kerry"; a description
    and then the name ("Trump's attorney, Alan Garten," "his wife, Gabriela Lazar") ->
    "Garten", "Lazar"; "a source", "Few people", "one Iowa Democrat", "the president", "he"
    -> None. A pronoun's head is that of the nearest person named as a source before it.
    """
    pieces = re.sub(r"\([^)]*(?:\)|$)|['’]s\b", " ", source or "").split(",")
    head = _head(pieces[0])
    if head is None and len(pieces) > 1:
        named = [w.rstrip(".") for w in pieces[1].split()]
        if 2 <= len(named) <= 4 and all(w[:1].isupper() for w in named):
            return named[-1]
    return head


_KINDS = frozenset({"Democrat", "Republican", "Independent", "Libertarian", "Conservative"})
"""Capitalised words that name a party's member, not a person."""
_UNNAMED = frozenset(
    {"a", "an", "one", "another", "some", "any", "each", "every", "several", "many", "most"}
    | {"few", "all", "others", "other", "both", "two", "three"}
)
"""First words of a source that describes someone unnamed ("one New Hampshire Democrat",
"another Republican", "Others")."""


def _head(phrase: str) -> str | None:
    phrase = re.sub(r"\s+(?:himself|herself)\s*$", "", phrase.strip())  # "Cruz himself"
    words = phrase.split()
    if words and words[0].lower() in _UNNAMED:
        last = words[-1].rstrip(".")
        # "one Iowa Democrat", "another Republican", "Others": a kind, not a name; "an
        # angry Hollande" still names Hollande.
        if len(words) == 1 or last in DEMONYMS or last[:-1] in DEMONYMS or last in _KINDS:
            return None
    for part in re.split(r"\s(?:of|at|for|from|who|in|on)\s", phrase):
        words = [w.rstrip(".") for w in part.split()]
        while words and words[-1] in _NOT_LAST:
            words.pop()
        if (
            words
            and words[-1][:1].isupper()
            and words[-1] not in _NOT_NAMES
            and words[-1].lower() not in PRONOUNS
            and words[-1].lower() not in _UNNAMED  # "One of the executives, Michael Sexton"
        ):
            return words[-1]
        if words and len(part.split()) == len(words):
            return None
    return None


QUOTE_SPLITS = {"dev": "quotes", "train": "quotes-train"}
"""PolNeAR's splits and their folders: tune on ``train``, check on ``dev``."""


def is_body(source: str, head: str) -> bool:
    """Whether a named source is an organisation, not a person: its head word is a word of
    bodies' names ("The New York Post", "the Clinton Foundation") or in capitals ("NAACP").

    Read with digest's own lists of organisation words; it decides only which quotes the
    "given among person-sourced" figure counts, never whether a speaker is right.
    """
    name = re.sub(r"\([^)]*\)", " ", source).split(",")[0].split()
    if head.isupper() and len(head) > 1 or head in ORG_WORDS or head in KNOWN_ORGS:
        return True
    return " ".join(w for w in name if w.lower() != "the") in KNOWN_ORGS


def quote_articles(corpus: Path, split: str = "dev") -> list[QuoteArticle]:
    """The articles of a PolNeAR split (``quotes/`` or ``quotes-train/``) in file-name order."""
    folder = corpus / QUOTE_SPLITS[split]
    with (folder / "metadata.tsv").open(encoding="utf-8") as handle:
        dates = {
            row["filename"]: row["publication_date"]
            for row in csv.DictReader(handle, delimiter="\t")
        }
    articles = []
    for path in sorted((folder / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        annotation = sorted((folder / "attributions").glob(f"{path.stem}_*.ann"))[0]
        attributions = _attributions(annotation.read_text(encoding="utf-8"), text)
        blocks = [
            (m.start(), m.group(0))
            for m in re.finditer(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", text)
        ]
        quotes = []
        for spans, quoted in _quoted_runs(blocks[1:]):
            if len(quoted.split()) < MIN_QUOTE_WORDS:
                continue
            size = sum(end - start for start, end in spans)
            # Of attributions that cover the quote alike, the innermost (the smallest
            # content) is the speaker's: in "According to the Times, Powell said “…”" the
            # Times reports what Powell said.
            overlaps = [
                (sum(_overlap(spans, content)), -_length(content), source, head, content)
                for content, source, head in attributions
            ]
            best = max(overlaps, key=lambda row: row[:2], default=(0, 0, None, None, []))
            if best[0] * 2 >= size:
                source, head = best[2], best[3]
                inner = _own_source(text, spans[-1][1], best[4])
                if inner is not None and source_head(inner) not in (None, head):
                    source, head = inner, source_head(inner)
                pronoun = (source or "").strip().lower() in PRONOUNS
                # No ``Source`` span: the annotation does not say who spoke (read by hand,
                # most such quotes have a named speaker the annotator left out).
                judged = (
                    source is not None
                    and not (pronoun and head is None)
                    and not _slip(source)
                    and head != UNSURE
                )
                head = head or None
                person = head is not None and not (not pronoun and is_body(source or "", head))
                quotes.append(GoldQuote(quoted, source, head, pronoun, judged, person))
        paragraphs = tuple(" ".join(block.split()) for _, block in blocks[1:])
        title = " ".join(blocks[0][1].split()) if blocks else ""
        articles.append(QuoteArticle(path.stem, title, paragraphs, dates.get(path.stem), quotes))
    return articles


_OWN_SOURCE = re.compile(
    r"[”\"]?,?\s+(?:(?P<before>[A-Z][^“”\",.;]{0,60}?)\s+(?:said|says|added|wrote|told)\b"
    r"|(?:said|says|added|wrote)\s+(?P<after>[^“”\",.;]{1,60}))"
)


_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+[^,.;“”\"]{1,60},\s*$")
_OWN_LEAD = re.compile(r"(?P<before>[A-Za-z][^“”\",.;]{0,60}?)\s+(?:said|says|told|wrote)\b")


def _own_source(text: str, end: int, content: list[tuple[int, int]]) -> str | None:
    """The speaker a quote's own attribution names when an outer attribution's content
    holds it: in "“…,” Sanders said, according to CNN" the annotated source is CNN, who
    reports it, and the content runs on over "Sanders said"; Sanders said the quote, and
    the next quote of the paragraph the same content holds ("“…,” Sanders said, according
    to CNN. “…”")."""
    closes = [end] + [s + m.end() for s, e in content for m in re.finditer(r"[”\"]", text[s:e])]
    for at in closes:
        if "\n" in text[min(at, end) : max(at, end)]:
            continue  # another paragraph's quote
        match = _OWN_SOURCE.match(text, at)
        if match is not None and any(s <= match.end() <= e for s, e in content):
            return match.group("before") or match.group("after")
    # "According to Yahoo News, Clinton spokesman Jesse Lehrich said Friday that “…”": the
    # content after "according to" and its source opens with the quote's own attribution.
    for s, e in content:
        lead = _OWN_LEAD.match(text, s)
        if lead is not None and s <= end <= e + 1 and _ACCORDING.search(text, 0, s):
            return lead.group("before")
    return None


def _length(spans: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in spans)


def _slip(source: str | None) -> bool:
    """A ``Source`` span that holds the cue or a fragment, not who spoke."""
    words = (source or "").strip().lower().split()
    return bool(words) and (words[0] in _SLIPS or words in (["a"], ["o"]))


def _overlap(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> list[int]:
    return [max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in spans for s2, e2 in others]


def _attributions(
    ann: str, text: str
) -> list[tuple[list[tuple[int, int]], str | None, str | None]]:
    """(content spans, source text, source head) of every attribution, in source order.

    The annotation links no pronoun to a name: a "he" or "she" stands for the nearest
    person named as a source before it, unless the text gives that person the other gender
    (see :func:`_gender`: the quote is then not judged); "the president" stands for the
    person the text named with that title ("President Barack Obama"), when it names one.
    """
    spans: dict[str, tuple[list[tuple[int, int]], str]] = {}
    relations = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) == 3:
            offsets = parts[1].split(" ", 1)[1]
            ranges = [[int(x) for x in r.split()] for r in offsets.split(";")]
            spans[parts[0]] = ([(r[0], r[1]) for r in ranges], parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    rows: list[tuple[int, list[tuple[int, int]], str | None]] = []
    for relation in relations:
        content = spans.get(relation.get("Content", ""))
        span = spans.get(relation.get("Source", ""))
        if content:
            rows.append((span[0][0][0] if span else -1, content[0], span[1] if span else None))
    rows.sort(key=lambda row: row[0])
    people: dict[str, str | None] = {}
    """Each person named as a source in the article, with the gender the text tells."""
    for _, _, source in rows:
        head = source_head(source)
        if head and not is_body(source or "", head) and _names_someone(source or "", head, text):
            people.setdefault(head, _gender(source or "", head, text))
    result = []
    last: tuple[str, int] | None = None
    """The person last named as a source, and where that source ends."""
    for start, spans_of_content, source in rows:
        head = source_head(source)
        word = (source or "").strip().lower()
        if word in PRONOUNS:
            head = _antecedent(gender_of(word), last, text[: max(start, 0)], people)
        elif head is None and source and start >= 0:
            head = _titled(source, text[:start])
        elif head in people:
            last = (head, start + len(source or ""))
        result.append((spans_of_content, source, head))
    return result


def _antecedent(
    gender: str | None,
    last: tuple[str, int] | None,
    before: str,
    people: dict[str, str | None],
) -> str | None:
    """Whom a pronoun source stands for: the person last named as a source, or ``UNSURE``
    when the text says that person is of the other gender ("she" after "Mr. Obama") or
    names another speaker who may be meant between that source and the pronoun ("Scott
    bristles at the suggestion. “…,” he said" after a quote of Kidd's); None when no
    person was named as a source before."""
    if last is None:
        return None
    head, end = last
    if None not in (people[head], gender) and people[head] != gender:
        return UNSURE
    between = before[end:]
    for other, known in people.items():
        may_be = None in (known, gender) or known == gender
        if other != head and may_be and re.search(rf"\b{re.escape(other)}\b", between):
            return UNSURE
    return head


_MALE_NAMES = word_list("facts/pronouns/male_names")
_FEMALE_NAMES = word_list("facts/pronouns/female_names")


def _names_someone(source: str, head: str, text: str) -> bool:
    """Whether a source's head word is a person's name: no weekday or common word alone
    ("Wednesday"), no place or people ("Britain", "European") unless the text writes it
    after a given name or a title ("Elizabeth Warren", "Mark Cuban"), and capitalised inside
    a sentence, not only at its start as a common noun is ("Delegates questioned ...")."""
    if head in COMMON_CAPITALISED:
        return False
    if head in places() or head in DEMONYMS:
        before = re.findall(rf"\b([A-Z][\w]+)\.?\s+{re.escape(head)}\b", text)
        if not any(is_given_name(w) or w in HONORIFICS or w in ROLE_WORDS for w in before):
            return False
    return re.search(rf"(?:[a-z,]|\b[A-Z][a-z]+)\s+{re.escape(head)}\b", text) is not None


def _gender(source: str, head: str, text: str) -> str | None:
    """A named source's gender as the text tells it, or None when it says nothing or both.

    The source's own words first: "Mr." or "Ms.", a gendered word ("spokeswoman"), a given
    name borne almost only by men or only by women ("Elizabeth Warren"). Then, unless the
    source gives a given name (a man and a woman may share the family name), "Mr." or "Ms."
    before the name anywhere in the text, or a telling given name before it ("John Stumpf"
    for a source "Stumpf"). Last, the "he" or "she" a few words after the name (the full
    name when the text gives the family name more given names than one) in the same
    sentence, when there are two or more and they agree ("Obama responded … by saying his
    refusal").
    """
    words = [w.strip(",()") for w in source.split()]
    before = words[: words.index(head)] if head in words else words
    votes = {gender_of_word(w) for w in before}
    votes |= {"m" if w in _MALE_NAMES else "f" if w in _FEMALE_NAMES else None for w in before}
    votes.discard(None)
    if votes:
        return votes.pop() if len(votes) == 1 else None
    name = re.escape(head)
    given = before[-1] if before and not before[-1].endswith(".") else ""
    if given[:1].isupper() and given not in HONORIFICS | ROLE_WORDS | DEMONYMS | places():
        name = re.escape(f"{given} {head}")
    if name == re.escape(head):
        for title in re.findall(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+{name}\b", text):
            votes.add("m" if title == "Mr" else "f")
        for given in re.findall(rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{name}\b", text):
            votes.add("m" if given in _MALE_NAMES else "f" if given in _FEMALE_NAMES else None)
        votes.discard(None)
        if votes:
            return votes.pop() if len(votes) == 1 else None
    givens = {
        word
        for word in re.findall(rf"\b([A-Z][a-z]+)\s+{re.escape(head)}\b", text)
        if word not in HONORIFICS | ROLE_WORDS | DEMONYMS and word.lower() not in lower_words()
    }
    if len(givens) <= 1:
        name = re.escape(head)  # one person of the name: "Obama" is "Barack Obama"
    after = re.findall(rf"\b{name}\b[^.?!“”\"]{{0,60}}?\b(he|his|him|she|her)\b", text)
    told = {gender_of(word) for word in after}
    return told.pop() if len(told) == 1 and len(after) >= 2 else None


_NAME = r"(?:[A-Z][\w'’.-]*\s+|(?:de|da|del|van|von|bin|al|la|le)\s+){0,3}[A-Z][\w'’-]+"
"""A person's name after a title: "Barack Obama", "Bill de Blasio"."""


def _titled(source: str, before: str) -> str | None:
    """The last word of the name the text gave with the title a definite source uses ("the
    mayor" -> "Blasio" after "Mayor Bill de Blasio"); ``UNSURE`` when the text gave the
    title to two people before ("World Bank President Jim Yong Kim", "President Obama"); None
    when it gave it to nobody, or the source is no title after "the"."""
    match = re.fullmatch(r"[Tt]he\s+((?:[a-z]+\s+)?[a-z]{4,})", source.strip())
    if match is None:
        return None
    *modifiers, title = match.group(1).split()
    written = r"\s+".join([*(f"(?i:{m})" for m in modifiers), title.capitalize()])
    found = {
        re.sub(r"['’]s$", "", name.split()[-1])
        for name in re.findall(rf"\b{written}\s+({_NAME})", before)
    } - COMMON_CAPITALISED
    return found.pop() if len(found) == 1 else UNSURE if found else None


UNSURE = ""
"""A head that the annotation leaves open: the quote is not judged."""


def _quoted_runs(blocks: list[tuple[int, str]]) -> list[tuple[list[tuple[int, int]], str]]:
    """Quoted runs as (character spans, text without the marks); open quotes run on."""
    runs: list[tuple[list[tuple[int, int]], str]] = []
    open_run: tuple[list[tuple[int, int]], list[str]] | None = None
    for base, block in blocks:
        matches = list(_QUOTED.finditer(block))
        for k, match in enumerate(matches):
            inner = match.group(0)[1:].rstrip('”"')
            span = (base + match.start() + 1, base + match.start() + 1 + len(inner))
            continues = open_run is not None and k == 0 and match.start() == 0
            if open_run is not None and not continues:
                runs.append((open_run[0], " ".join(open_run[1])))
                open_run = None
            spans, parts = open_run or ([], [])
            spans.append(span)
            parts.append(inner.strip())
            if match.end() == len(block) and block[-1] not in '”"':
                open_run = (spans, parts)
            else:
                runs.append((spans, " ".join(parts)))
                open_run = None
        if open_run is not None and not matches:
            runs.append((open_run[0], " ".join(open_run[1])))
            open_run = None
    if open_run is not None:
        runs.append((open_run[0], " ".join(open_run[1])))
    return runs


@dataclass(slots=True)
class SummaryPair:
    """One BBC article and its reference summary."""

    name: str
    title: str
    paragraphs: tuple[str, ...]
    reference: list[str]


def summary_pairs(corpus: Path) -> list[SummaryPair]:
    """The article / summary pairs of ``summaries/`` in file-name order."""
    pairs = []
    for path in sorted((corpus / "summaries").glob("*.article.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        paragraphs = tuple(line.strip() for line in lines[1:] if line.strip())
        summary = path.with_name(path.name.replace(".article.", ".summary."))
        reference = [
            s.strip() for s in summary.read_text(encoding="utf-8").splitlines() if s.strip()
        ]
        pairs.append(
            SummaryPair(
                path.name.removesuffix(".article.txt"), lines[0].strip(), paragraphs, reference
            )
        )
    return pairs
