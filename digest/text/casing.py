"""Lines written in capitals, given back in normal case.

Wire copy and some pages set the headline in capitals ("SOCCER - JAPAN GET LUCKY WIN, CHINA
IN SURPRISE DEFEAT."). The story under it spells every name it shares with the headline as
names are spelt, and writes common words in small letters: :func:`normal_case` takes each
word's spelling from there, so that "JAPAN" is "Japan", "F.C. VALLETTA" stays "F.C.
Valletta" and "LUCKY" is "lucky". Whether a line is written in capitals is
:func:`digest.facts.runs.is_shouted`'s to say, as for the facts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from digest.facts.runs import is_shouted
from digest.text.sentences import ABBREVIATIONS
from digest.text.words import word_list

_SMALL_WORDS = word_list("summarize/stop")
"""Common words (the summary's list of words that say nothing): "to", "in", "on" ..."""
_TOKEN = re.compile(r"\S+")
_EDGES = "\"'“”‘’«»()[]{},;:!?"
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_STARTS_PART = re.compile(r"(?:^|\s[-–—:]\s|:\s)$")
"""What comes before a word that opens a part of a headline: the start, a dash or a colon
("SOCCER - JAPAN ...", "Analysis: ...")."""


def _core(token: str) -> str:
    core = token.strip(_EDGES)
    if core.endswith(".") and not _INITIALS.fullmatch(core):
        core = core.rstrip(".")
    return core


def _abbreviated(token: str) -> bool:
    """Whether the full stop ending ``token`` ends an abbreviation or initials ("F.C.", "Mr.")."""
    word = token.strip(_EDGES)
    return bool(_INITIALS.fullmatch(word)) or word.rstrip(".").lower() in ABBREVIATIONS


def spellings(paragraphs: Iterable[str]) -> dict[str, str]:
    """How the text spells each word inside its sentences, by the word in lower case: the
    commonest spelling of those not opening a sentence (where every word has a capital). A
    word seen only opening sentences is a name when a capitalised word follows it ("Gloria
    Bistrita won"), and a common word otherwise ("Scoreboard of the ...")."""
    inside: dict[str, Counter[str]] = {}
    opening: dict[str, str] = {}
    for paragraph in paragraphs:
        if is_shouted(paragraph):
            continue  # a heading or a table row in capitals says nothing of spelling
        tokens = _TOKEN.findall(paragraph)
        starts = True
        for position, token in enumerate(tokens):
            core = _core(token)
            if core and any(c.isalpha() for c in core):
                if starts or token[:1] in '"“‘«(':
                    after = tokens[position + 1][:1] if position + 1 < len(tokens) else ""
                    if after.isupper():
                        opening[core.lower()] = core
                    else:
                        opening.setdefault(core.lower(), core.lower())
                else:
                    inside.setdefault(core.lower(), Counter())[core] += 1
            starts = bool(_SENTENCE_END.search(token)) and not _abbreviated(token)
    found = {word: counts.most_common(1)[0][0] for word, counts in inside.items()}
    for word, spelt in opening.items():
        found.setdefault(word, spelt)  # only ever opening a sentence
    return found


def normal_case(line: str, paragraphs: Iterable[str]) -> str:
    """``line`` (written in capitals) with each word spelt as ``paragraphs`` spell it.

    A word the text does not hold is written in small letters, unless it holds a digit or
    initials ("2-1", "F.C.") or is a two-letter word that is no common word ("EU", not "TO");
    the first word of the line and of each part after a dash or a colon opens with a capital.
    """
    known = spellings(paragraphs)
    out: list[str] = []
    position = 0
    for match in _TOKEN.finditer(line):
        token = match.group()
        out.append(line[position : match.start()])
        position = match.end()
        core = _core(token)
        if not core or not any(c.isalpha() for c in core):
            out.append(token)
            continue
        spelt = known.get(core.lower())
        if spelt is None:
            keep = (
                any(c.isdigit() for c in core)
                or _INITIALS.fullmatch(core)
                or (len(core) == 2 and core.lower() not in _SMALL_WORDS)  # "EU", "UN"
            )
            spelt = core if keep else core.lower()
        if _STARTS_PART.search(line[: match.start()]):
            spelt = spelt[:1].upper() + spelt[1:]
        start = token.find(core)
        out.append(token[:start] + spelt + token[start + len(core) :])
    out.append(line[position:])
    return "".join(out)
