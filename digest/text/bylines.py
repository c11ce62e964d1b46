"""People's names and wire agencies in a byline: "By Jane Doe and John Roe, Associated Press".

Bylines join names with commas and "and" in every language ("et", "und", "y"); a part is a
name when it reads as one (two to five capitalised words, particles such as "van" or "de"
allowed) and names no newsroom, job or outlet; an agency
(:func:`digest.text.outlets.agency_name`) is kept apart.
"""

from __future__ import annotations

import re

from digest.text.outlets import agency_name, outlet_name
from digest.text.words import word_list

_SPACES = re.compile(r"\s+")
_NOT_A_NAME = re.compile(
    r"""(?:@|https?:|www\.|\d|
        \b(?:staff|reporter|editor|correspondent|writer|columnist|contributor|contributing|
        journalist|producer|desk|team|bureau|newsroom|senior|chief|editorial|associate|
        photographer|analyst|email|e-mail|follow|twitter|updated|published|posted|
        news|media|press|magazine|online|digital|times|post|daily|weekly|herald|tribune|
        opinion|guest|admin|administrator|webmaster|by|more|about|view|all|articles|stories|profile)\b)""",
    re.I | re.X,
)
_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|reported|words|story|text|photos?)\s+)?(?:by|par|von|por|di|door|af|av)[:\s]+",
    re.I,
)
# Bylines join names with commas and "and" in every language: "et", "und", "y", "e", "en",
# "og", "och".
_NAME_SPLIT = re.compile(
    r"\s*(?:,|;|\(|\)|\band\b|&|\||\bwith\b|\bavec\b|\bet\b|\bund\b|\bmit\b|(?-i:\by\b|\be\b)|\ben\b|\bog\b|\boch\b|\bcon\b|/|\n)\s*",
    re.I,
)
_NAME_PARTICLES = word_list("text/bylines/name_particles")


def _is_name(part: str) -> bool:
    words = part.split()
    if not 2 <= len(words) <= 5 or _NOT_A_NAME.search(part) or outlet_name(part):
        return False
    if max(len(w.strip(".")) for w in words) < 3:
        return False  # initials only ("J J")
    return all(w[0].isupper() or w.lower() in _NAME_PARTICLES or w[0] in "'’" for w in words if w)


def split_names(text: str) -> tuple[list[str], list[str]]:
    """People's names and agencies from a byline ("By Jane Doe and John Roe, Associated Press")."""
    text = _BY_PREFIX.sub("", _SPACES.sub(" ", text).strip())
    names: list[str] = []
    agencies: list[str] = []
    for part in _NAME_SPLIT.split(text):
        part = _BY_PREFIX.sub("", part.strip(" .:-–—()[]\"'"))
        if not part:
            continue
        agency = agency_name(part)
        if agency:
            agencies.append(agency)
            continue
        if part.isupper():
            part = part.title()
        if _is_name(part):
            names.append(part)
    return names, agencies
