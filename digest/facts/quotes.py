"""Direct quotes and who said them.

A quote is text between quotation marks (“…”, "…", «…») of at least five words; scare
quotes ("troubling escalation") are too short to count. A quote that runs on into the
next paragraph (its paragraph ends without a closing mark, as news style has it) is
joined with the rest. The speaker is read from the attribution around the quote
("…,” Stoltenberg told reporters", "Putin said: “…”", "“…,” he added") and resolved to a
listed person: surnames to the full name, "he" and "she" to the person named last.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from digest.facts.gazetteer import SAY_VERBS
from digest.models import Quote

_QUOTE = re.compile(r"“(?P<a>[^“”]{2,2000})(?:”|$)|\"(?P<b>[^\"]{2,2000})(?:\"|$)|«\s?(?P<c>[^«»]{2,2000})\s?(?:»|$)")
_SAY = "|".join(sorted(SAY_VERBS, key=len, reverse=True))
_NAME = r"(?P<name>(?:[A-Z][\w’'.-]+)(?:\s+(?:[A-Z][\w’'.-]+|al|bin|de|van|von)){0,3}|he|she|they|He|She|They)"
_AFTER = re.compile(rf"^[\s,]*(?:{_NAME}\s+(?:{_SAY})\b|(?:{_SAY})\s+{_NAME.replace('?P<name>', '?P<name2>')})")
_BEFORE = re.compile(rf"{_NAME}\s+(?:{_SAY})(?:\s+[\w ]{{0,40}}?)?\s*[:,]?\s*$")
_MIN_WORDS = 5


def _clean(text: str) -> str:
    return text.strip().rstrip(",").strip()


def find_quotes(
    paragraphs: tuple[str, ...],
    resolve: Callable[[str], str | None],
    last_person_before: Callable[[int, int], str | None],
) -> tuple[Quote, ...]:
    """Quotes in reading order.

    Args:
        paragraphs: the body.
        resolve: maps a name as written ("Stoltenberg") to a listed person, or None.
        last_person_before: the person mentioned last before (paragraph, offset), for pronouns.
    """
    quotes: list[Quote] = []
    carry: tuple[list[str], int, str | None] | None = None

    def flush() -> None:
        nonlocal carry
        if carry:
            parts, first, who = carry
            quotes.append(Quote(" ".join(parts), who, first))
            carry = None

    for index, paragraph in enumerate(paragraphs):
        matches = list(_QUOTE.finditer(paragraph))
        carried = False
        for k, match in enumerate(matches):
            text = _clean(match.group("a") or match.group("b") or match.group("c") or "")
            open_ended = match.end() == len(paragraph) and paragraph[-1] not in "”\"»"
            speaker = _speaker(paragraph, match, resolve, lambda: last_person_before(index, match.start()))
            if carry and k == 0 and match.start() <= 1:
                parts, first, who = carry
                carry = (parts + [text], first, who or speaker)
                carried = True
                if not open_ended:
                    flush()
                continue
            flush()
            if open_ended:
                carry = ([text], index, speaker)
                carried = True
            elif len(text.split()) >= _MIN_WORDS:
                quotes.append(Quote(text, speaker, index))
        if carry and not carried:
            flush()
    flush()
    return tuple(q for q in quotes if len(q.text.split()) >= _MIN_WORDS)


def _speaker(
    paragraph: str,
    match: re.Match[str],
    resolve: Callable[[str], str | None],
    last_person: Callable[[], str | None],
) -> str | None:
    after = _AFTER.match(paragraph[match.end() : match.end() + 80])
    name = None
    if after:
        name = after.group("name") or after.group("name2")
    else:
        before = _BEFORE.search(paragraph[max(0, match.start() - 120) : match.start()])
        if before:
            name = before.group("name")
    if not name:
        return None
    if name.lower() in ("he", "she"):
        return last_person()
    if name.lower() == "they":
        return None
    return resolve(name)
