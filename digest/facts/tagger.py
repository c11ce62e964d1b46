"""A second opinion on the names the rules find: a learned tagger that reads a run of
capitalised words in its sentence and says person, organisation, place, other or none.

    a paragraph -> its words, once (``Window``) -> candidate words (capitalised, or a
      connector between two: "Bank of England")
      -> features (the word, its shape and endings, the gazetteers' classes of it and of
         its neighbours, the words around it, where it stands in its run and sentence)
      -> an averaged perceptron's tags (B-/I- PER, ORG, LOC, MISC, or O), read greedily
         left to right -> the names the tags make, each with its margin

:class:`~digest.facts.names.NameFinder` asks it only about the runs the rules cannot vouch
for (see ``names.py``): the rules propose, the tagger confirms. The weights were learned on
the CoNLL-2003 training set by ``benchmarks/train_tagger.py``; they ship with the package
(``digest/data/facts/tagger/weights.json.gz``, about 0.3 MB) and load on first use, so an
article without such runs never reads them. Pure Python: no dependency, nothing downloaded.

The features must be the ones the weights were trained with: a change here (or to a list the
features read) is followed by ``python benchmarks/train_tagger.py``.
"""

from __future__ import annotations

import gzip
import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Final

from digest.facts.gazetteer import (
    COMMON_CAPITALISED,
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
    lower_words,
    places,
)
from digest.text.calendar import MONTH_NAMES, WEEKDAYS
from digest.text.sentences import ABBREVIATIONS
from digest.text.words import word_list

TAGS: Final = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
"""The tags, in the order of the weights' columns."""
WEIGHTS_FILE: Final = "facts/tagger/weights.json.gz"
"""The weights, under ``digest/data/``."""

_INNER: Final = word_list("facts/tagger/inner_words")
"""Small words a name may hold between two capitalised words ("Bank of England", "AT & T")."""
_VENUE: Final = word_list("facts/kinds/venue_words")
_EVENT: Final = word_list("facts/kinds/event_words")
_MONTHS_DAYS: Final = frozenset(WEEKDAYS) | frozenset(MONTH_NAMES)
_RUN_LAST: Final = frozenset({"orgw", "geo", "ven", "evt", "pl", "role"})
"""Classes of a run's last word that say what the run names ("... Bank", "... Sea")."""
_TOKEN: Final = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # U.S., U.N.
    r"|[^\W_](?:[\w&]|[-.](?=[^\W_])|['’](?=[^\W_])(?![sS]\b))*"  # words; "Clinton" 's
    r"|\S"
)
_CONTRACTION: Final = re.compile(r"(?i)['’](?:ll|re|ve|m|d|t)$|n['’]t$")

Token = tuple[int, int, str]
"""(start, end, text) of a word or a mark of a paragraph."""
Weights = dict[str, list[list[float]]]
"""{feature: [[tag column, weight], ...]}, as the JSON file holds them."""
Table = dict[str, list[list[Any]]]
"""The weights as the decoder reads them: {feature: [[tag column, weight], ...]}, the JSON's
own lists (an int column, a number weight), used as decoded: no copy on start-up."""
Name = tuple[int, int, str, float]
"""(start, end, kind, margin) of a name the tagger reads: kind PER, ORG, LOC or MISC; the
margin is the least, over its words, of the best tag's score over the next best."""


@cache
def weights(path: Path | None = None) -> Table:
    """The weights of a file (by default the shipped ones), read once."""
    raw = path.read_bytes() if path else files("digest.data").joinpath(WEIGHTS_FILE).read_bytes()
    loaded: Table = json.loads(gzip.decompress(raw))
    return loaded


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The words and marks of ``text``; "Mr." and "J." keep their stop."""
    out: list[Token] = []
    for match in _TOKEN.finditer(text):
        start, end, word = match.start() + offset, match.end() + offset, match.group()
        if (
            word == "."
            and out
            and out[-1][1] == start
            and (
                out[-1][2].lower() in ABBREVIATIONS
                or (len(out[-1][2]) == 1 and out[-1][2].isupper())
            )
        ):
            out[-1] = (out[-1][0], end, out[-1][2] + ".")
            continue
        out.append((start, end, word))
    return out


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:3] in ("al-", "el-") and word[3:4].isupper())


def _title(word: str) -> str:
    return word.title() if word.isupper() and len(word) > 1 else word


@lru_cache(maxsize=16384)
def _shape(word: str) -> str:
    """ "Obama" -> "Xx", "U.S." -> "X.X.", "1996" -> "d"."""
    out: list[str] = []
    for c in word:
        k = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)


@lru_cache(maxsize=16384)
def _flags(word: str) -> tuple[str, ...]:
    """The gazetteers' classes of a word (of its title-cased form when written in capitals)."""
    bare = word.rstrip(".")
    title = _title(word)
    lower = word.lower()
    flags: list[str] = []
    if title in given_names():
        flags.append("giv")
    if title in places():
        flags.append("pl")
    if title in COUNTRIES:
        flags.append("cty")
    if title in DEMONYMS or (title.endswith("s") and title[:-1] in DEMONYMS):
        flags.append("dem")
    if title in ORG_WORDS:
        flags.append("orgw")
    if word in KNOWN_ORGS or title in KNOWN_ORGS:
        flags.append("korg")
    if bare in ROLE_WORDS or title in ROLE_WORDS or lower in ROLE_NOUNS:
        flags.append("role")
    if bare in HONORIFICS:
        flags.append("hon")
    if title in GEO_WORDS:
        flags.append("geo")
    if title in _VENUE:
        flags.append("ven")
    if title in _EVENT:
        flags.append("evt")
    if title in COMMON_CAPITALISED:
        flags.append("com")
    if title in _MONTHS_DAYS:
        flags.append("mon")
    if lower in SAY_VERBS:
        flags.append("say")
    if lower in lower_words():
        flags.append("lowv")
    return tuple(flags)


@lru_cache(maxsize=16384)
def _lexical(word: str) -> tuple[str, ...]:
    """The word, its shape, its endings and its gazetteer classes."""
    lower = word.lower()
    feats = ["w=" + word, "s=" + _shape(word), "x3=" + lower[-3:], "x2=" + lower[-2:]]
    if lower != word:
        feats.append("l=" + lower)
    feats.extend("g:" + f for f in _flags(word))
    return tuple(feats)


def _context(word: str) -> str:
    return "<num>" if word[:1].isdigit() else word.lower()


class Window:
    """The tokens of a paragraph, with its candidate words, their runs and the places of the
    gazetteer they spell."""

    __slots__ = ("tokens", "starts", "words", "cap", "cand", "run_of", "gaz")

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.starts = [t[0] for t in tokens]
        words = [t[2] for t in tokens]
        n = len(words)
        cap = [_capitalised(w) for w in words]
        cand = [False] * n
        for i in range(n):
            w = words[i]
            if cap[i]:
                cand[i] = _CONTRACTION.search(w) is None
            elif w in _INNER and i > 0:
                # "Bank of England", "Bank of the West": a small word between capitalised ones.
                cand[i] = (
                    cap[i - 1]
                    and (
                        (i + 1 < n and cap[i + 1])
                        or (i + 2 < n and words[i + 1] in _INNER and cap[i + 2])
                    )
                ) or (i > 1 and words[i - 1] in _INNER and cap[i - 2] and i + 1 < n and cap[i + 1])
        run_of: list[tuple[int, int]] = [(-1, -1)] * n
        i = 0
        while i < n:
            if cand[i]:
                j = i
                while j + 1 < n and cand[j + 1]:
                    j += 1
                for k in range(i, j + 1):
                    run_of[k] = (i, j)
                i = j + 1
            else:
                i += 1
        gaz: dict[int, str] = {}
        names = places()
        for i in range(n):
            if not cand[i] or not cap[i] or i in gaz:
                continue
            last = run_of[i][1]
            for j in range(min(last, i + 3), i, -1):
                if " ".join(_title(w) for w in words[i : j + 1]) in names:
                    gaz[i] = "B"
                    for k in range(i + 1, j + 1):
                        gaz[k] = "I"
                    break
        self.words, self.cap, self.cand, self.run_of, self.gaz = words, cap, cand, run_of, gaz

    def features(self, i: int, opens: bool, shouted: bool, proper: set[str]) -> list[str]:
        """The features of candidate ``i``: ``opens`` says it opens its sentence, ``shouted``
        that its paragraph is set in capitals, ``proper`` holds the words the article
        capitalises inside a sentence."""
        words, cap, n = self.words, self.cap, len(self.words)
        w = words[i]
        f = ["b", *_lexical(w)]
        if i in self.gaz:
            f.append("gm=" + self.gaz[i])
        p1 = _context(words[i - 1]) if i > 0 else "<s>"
        p2 = _context(words[i - 2]) if i > 1 else "<s>"
        n1 = _context(words[i + 1]) if i + 1 < n else "</s>"
        n2 = _context(words[i + 2]) if i + 2 < n else "</s>"
        f.extend(("p1=" + p1, "p2=" + p2, "n1=" + n1, "n2=" + n2, "p12=" + p2 + "|" + p1))
        if i > 0 and cap[i - 1]:
            f.extend("pg:" + x for x in _flags(words[i - 1]))
        if i + 1 < n and cap[i + 1]:
            f.extend("ng:" + x for x in _flags(words[i + 1]))
        flags = _flags(w)
        if opens:
            f.append("ss")
            f.append("ss+prop" if w in proper else "ss+noprop")
            if w not in proper and "lowv" in flags:
                f.append("ss+noprop+lowv")
            f.append("ss+" + ("lowv" if "lowv" in flags else "gaz" if flags else "unk"))
        if shouted:
            f.append("sh")
        a, b = self.run_of[i]
        size = b - a + 1
        pos = "S" if size == 1 else "B" if i == a else "E" if i == b else "I"
        f.append("rp=" + pos + str(min(size, 4)))
        f.extend("rl:" + x for x in _flags(words[b]) if x in _RUN_LAST)
        if "giv" in _flags(words[a]):
            f.append("rf:giv")
        if i > a and words[i - 1] in _INNER:
            f.append("after_conn")
        if cap[i] and w in proper:
            f.append("d:prop")
        return f


def sentence_firsts(tokens: list[Token], offsets: Sequence[int]) -> set[int]:
    """Starts of the tokens that open a sentence (a quote mark or bracket passed over)."""
    firsts: set[int] = set()
    k = 0
    for offset in sorted(offsets):
        while k < len(tokens) and (tokens[k][0] < offset or not tokens[k][2][0].isalnum()):
            k += 1
        if k < len(tokens):
            firsts.add(tokens[k][0])
    return firsts


def _opens_sentence(paragraph: str, start: int, offsets: Sequence[int]) -> bool:
    """Whether the word at ``start`` is the first word of its sentence."""
    k = bisect_right(offsets, start) - 1
    if k < 0:
        return False
    return not any(c.isalnum() for c in paragraph[offsets[k] : start])


def decode(
    indices: list[int], feats: list[list[str]], table: Table
) -> list[tuple[int, str, float]]:
    """(token index, tag, margin) of each candidate given, left to right (greedy)."""
    out: list[tuple[int, str, float]] = []
    prev, prev2, prev_i = "O", "O", -2
    for i, f in zip(indices, feats, strict=True):
        if i != prev_i + 1:
            prev, prev2 = "O", "O"
        scores = [0.0] * len(TAGS)
        for name in (*f, "t1=" + prev, "t2=" + prev2 + prev):
            pairs = table.get(name)
            if pairs:
                for column, value in pairs:
                    scores[column] += value
        best, second, best_tag = -1e18, -1e18, "O"
        kind = prev[2:]
        for tag, score in zip(TAGS, scores, strict=True):
            if tag[0] == "I" and tag[2:] != kind:
                continue  # I-X follows only B-X or I-X
            if score > best:
                best, second, best_tag = score, best, tag
            elif score > second:
                second = score
        out.append((i, best_tag, best - second))
        prev2, prev, prev_i = prev, best_tag, i
    return out


def names_of(window: Window, tagged: list[tuple[int, str, float]]) -> list[Name]:
    """The names the tags make; a name starts and ends on a capitalised word ("& Poor",
    "Bank of" are cut back)."""
    groups: list[list[tuple[int, str, float]]] = []
    last_i = -2
    for item in tagged:
        i, tag, _margin = item
        if tag == "O":
            last_i = i
            continue
        if tag[0] == "B" or i != last_i + 1 or not groups or groups[-1][-1][1][2:] != tag[2:]:
            groups.append([item])
        else:
            groups[-1].append(item)
        last_i = i
    out: list[Name] = []
    tokens, cap = window.tokens, window.cap
    for group in groups:
        idx = [g[0] for g in group]
        a, b = 0, len(idx) - 1
        while a <= b and not cap[idx[a]]:
            a += 1
        while b >= a and not cap[idx[b]]:
            b -= 1
        if a <= b:
            margin = min(g[2] for g in group)
            out.append((tokens[idx[a]][0], tokens[idx[b]][1], group[0][1][2:], margin))
    return out


def judge(
    window: Window,
    paragraph: str,
    span: tuple[int, int],
    sentence_offsets: Sequence[int],
    shouted: bool,
    proper: set[str],
    table: Table,
) -> list[Name]:
    """The names the tagger reads over a stretch ``span`` (start, end) of a paragraph, whose
    words ``window`` holds (``Window(tokenize(paragraph))``, made once a paragraph); [] when
    it reads none there."""
    s, e = span
    tokens = window.tokens
    first = bisect_left(window.starts, s)
    indices: list[int] = []
    for i in range(first, len(tokens)):
        if tokens[i][1] > e:
            break
        if window.cand[i]:
            indices.append(i)
    feats = [
        window.features(
            i, _opens_sentence(paragraph, tokens[i][0], sentence_offsets), shouted, proper
        )
        for i in indices
    ]
    return names_of(window, decode(indices, feats, table))


def paragraph_examples(
    paragraph: str, sentence_offsets: Sequence[int], shouted: bool, proper: set[str]
) -> tuple[Window, list[int], list[list[str]]]:
    """Every candidate word of a whole paragraph with its features (what training reads)."""
    window = Window(tokenize(paragraph))
    firsts = sentence_firsts(window.tokens, sentence_offsets)
    indices = [i for i, c in enumerate(window.cand) if c]
    feats = [window.features(i, window.tokens[i][0] in firsts, shouted, proper) for i in indices]
    return window, indices, feats


def clear_cache() -> None:
    """Forget the words read so far (benchmarks time every pass from cold)."""
    _flags.cache_clear()
    _lexical.cache_clear()
    _shape.cache_clear()
