"""Initials ("NBC", "LTTE") as the names of bodies: when an acronym the rules read as an
organisation is one by what the article shows it doing, or by the name it stands for.

An acronym written only before a noun ("HDR content", "the QSTA plan") names a thing's
kind, not a body; :func:`acting_bodies` keeps the acronyms some mention shows acting as a
body.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from digest.facts.cues import TO_A_BODY, body_noun_after, body_noun_before
from digest.facts.gazetteer import ORG_WORDS, ROLE_NOUNS, SAY_VERBS
from digest.facts.runs import ACRONYM

if TYPE_CHECKING:
    from collections.abc import Iterable

    from digest.facts.runs import Run


_NAME: Final = r"(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|in|&)\s+)*)*[A-Z][\w’'-]*"
"""A name an acronym may stand for: capitalised words, with "of", "for", "and", "the", "in"
or "&" between them."""

_DEFINED: Final = re.compile(rf"({_NAME})\s*\($")
"""The name an acronym in brackets stands for: "People Power Party (PPP)", "Kurdistan
Democratic Party of Iran (KDPI)"."""


_SPELT_AFTER: Final = re.compile(rf"\s*\(({_NAME})\)")
"""The name an acronym stands for, in brackets after it: "LTTE (Liberation Tigers of Tamil
Eelam)"."""


def _defines(name: str, acronym: str) -> bool:
    """Whether the end of a name of bodies ("Kurdistan Democratic Party of Iran", with a
    word of bodies) spells the acronym by its capitals' initials, in order ("KDPI")."""
    words = name.split()
    letters = acronym.replace(".", "")
    for start, word in enumerate(words):
        if word[:1] != letters[:1] or ORG_WORDS.isdisjoint(words[start:]):
            continue
        initials = iter(w[0] for w in words[start:] if w[:1].isupper())
        if all(c in initials for c in letters):
            return True
    return False


_THE_BEFORE: Final = re.compile(r"(?:^|\s)the\s+$")
_NO_WORD_AFTER: Final = re.compile(r"\s*(?:[.,;:!?)]|$)")


def _the_alone(run: Run) -> bool:
    """Whether "the" comes before an acronym and a stop or a comma after it, no noun: "a
    deal with the IRS.", "the ACLU, which" name the body ("the HDR content" a thing's)."""
    return (
        _THE_BEFORE.search(run.before(5)) is not None
        and _NO_WORD_AFTER.match(run.source, run.end) is not None
    )


def _spelled(name: str, acronym: str) -> str | None:
    """The end of a name whose capitals' initials are the acronym's letters, all and only
    them ("Liberation Tigers of Tamil Eelam" for "LTTE"), if any."""
    words = name.split()
    letters = acronym.replace(".", "")
    for start in range(len(words)):
        if words[start][:1] == letters[:1]:
            tail = words[start:]
            if "".join(w[0] for w in tail if w[:1].isupper()) == letters:
                return " ".join(tail)
    return None


def acting_bodies(
    typed: Iterable[tuple[Run, int, str | None, str]], teams: set[str], bodies: set[str]
) -> set[str]:
    """Acronyms the article shows acting as bodies in some mention: saying ("NBC said"),
    owning ("NBC's"), employing ("an NBC executive"), addressed or joined ("told NBC", "at
    NBC"), named alone after "the" ("the IRS."), playing in results (``teams``), or
    standing in brackets for a name the article lists among its ``bodies``, or after it
    ("Liberation Tigers of Tamil Eelam (LTTE)", "LTTE (Liberation Tigers of Tamil Eelam)").
    An acronym written only before a noun ("HDR content") is a thing's."""
    acting = set(teams)
    for run, _, kind, text in typed:
        if kind != "org" or text in acting or not ACRONYM.match(text):
            continue
        after = run.after(30)
        words = after.split()
        first = words[0].strip(",.;:") if words else ""
        before = run.before(30).split()
        last = before[-1] if before else ""
        if last == "the" and len(before) > 1:
            last = before[-2]
        defined = _DEFINED.search(run.before(80))
        spelt = _SPELT_AFTER.match(run.source, run.end)
        if (
            after.startswith(("'s", "’s"))
            or first in SAY_VERBS
            or first in ROLE_NOUNS
            or _the_alone(run)  # "a deal with the IRS.", "the ACLU, which"
            or body_noun_after(run)  # "the SDA party", "PAP news agency"
            or last in TO_A_BODY
            or body_noun_before(run)  # "the separatist group ETA", "investment bank UBS"
            or (
                defined is not None
                and (
                    defined.group(1).split()[-1] in ORG_WORDS  # "American Airlines (AAL)"
                    or _defines(defined.group(1), text)
                    or _spelled(defined.group(1), text) in bodies
                )
            )
            or (spelt is not None and _spelled(spelt.group(1), text) in bodies)
        ):
            acting.add(text)
    return acting
