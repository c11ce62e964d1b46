"""What a single line or paragraph of a page is: boilerplate, prose, a caption, a credit, a byline.

Both extractors use these: the plain-text one on the lines of a copied page, the HTML one
on the paragraphs readability keeps. Each test looks at one line alone.
"""

from __future__ import annotations

import re

from digest.models import Credit
from digest.outlets import agency_name, outlet_name

BOILERPLATE = re.compile(
    r"""^(?:
        skip\ to\ (?:main\ )?(?:content|navigation|search)
      | advertis(?:ing|ement)s?
      | sponsored(?:\ content)?
      | share(?:\ this(?:\ article|\ story|\ page)?)?\s*:?
      | (?:share\ on\ )?(?:facebook|twitter|x|whatsapp|linkedin|email|e-mail|messenger|telegram|reddit|print|copy\ link)
      | read\ (?:more|next|also)\s*:?
      | continue\ reading(?:\ the\ main\ story)?
      | see\ also\s*:?
      | related(?:\ (?:articles?|stories|content|topics))?\s*:?
      | more\ (?:on\ this\ story|from\ .{1,40})
      | (?:most\ )?(?:popular|read|watched)(?:\ now)?
      | trending(?:\ now)?
      | (?:log|sign)\ ?in(?:\ /\ (?:register|sign\ up))?
      | (?:sign|log)\ up(?:\ now)?
      | subscribe(?:\ now|\ today)?
      | register
      | menu | search | home | close | back\ to\ top | top\ of\ page | next | previous
      | (?:accept|reject|manage)(?:\ all)?(?:\ cookies)?
      | cookie\ (?:settings|policy|preferences)
      | privacy\ (?:policy|settings)
      | terms\ (?:of\ (?:use|service)|and\ conditions)
      | (?:watch|listen)(?:\ live|\ now)?
      | live
      | comments?(?:\ \(\d+\))?
      | loading\.*
      | image\ \d+\ of\ \d+
      | (?:un)?mute
      | play(?:\ video)?
      | follow\ us(?:\ on\ .{1,30})?
    )$""",
    re.I | re.X,
)

PROMO = re.compile(
    r"""(?:
        ^(?:daily|weekly|morning|evening)\ newsletter
      | newsletter.{0,40}(?:every|each|inbox|sign\ up|subscribe)
      | (?:sign\ up|subscribe)\ (?:to|for)\ (?:our|the)\ .{0,40}newsletter
      | download\ the\ .{1,40}\ app
      | take\ international\ news\ everywhere
      | get\ the\ .{1,40}\ app
      | (?:enable|allow)\ (?:javascript|cookies)
      | your\ browser\ (?:does\ not|doesn't)\ support
      | this\ (?:video|content)\ (?:is\ not\ available|cannot\ be\ played)
      | ^click\ here
      | ^this\ is\ a\ modal\ window
    )""",
    re.I | re.X,
)

FOOTER = re.compile(
    r"""^(?:
        page\ not\ found
      | the\ content\ you\ requested\ does\ not\ exist
      | (?:©|\(c\)|copyright\b)
      | all\ rights\ reserved
      | (?:about\ us|contact\ us|terms\ of\ use|privacy\ policy)$
      | the\ most\ (?:read|viewed)
      | (?:more|other)\ stories\ from\b
      | you\ (?:may|might)\ also\ (?:like|be\ interested)
      | recommended(?:\ for\ you)?$
    )""",
    re.I | re.X,
)

# "(FRANCE24 with AFP, REUTERS)", "(AFP)", "(Reuters)", "— AP"
_CLOSING_CREDIT = re.compile(
    r"^[\(\[]\s*(?P<inner>[^()\[\]]{2,80})\s*[\)\]]\.?$|^[—–-]\s*(?P<dash>[A-Za-z .,&]{2,40})$"
)

_CAPTION_PIPE = re.compile(r"^(?P<credit>[^|]{2,80}?)\s+\|\s+(?P<caption>.{10,})$")
_CAPTION_PREFIX = re.compile(
    r"^(?:photo(?:graph)?|image|picture|pic|video|illustration|caption|credit|file photo)s?"
    r"\s*(?:credit|source)?\s*[:/]",
    re.I,
)
_CAPTION_TAIL = re.compile(
    r"(?:\((?:photo|image|picture)?\s*:?\s*[^()]{0,60}"
    r"(?:AFP|Reuters|AP|Getty(?: Images)?|EPA|Shutterstock|Alamy|Bloomberg|file)[^()]{0,30}\)"
    r"|(?:/|©)\s*(?:AFP|Reuters|AP|Getty Images|EPA|Shutterstock|Alamy)\b.{0,30})\s*$",
)
SENTENCE_END = re.compile(r"""[.!?…。！？]["'”’)\]」』]*$""")
WORD = re.compile(r"\w+", re.UNICODE)


def count_words(line: str) -> int:
    """Words (runs of letters and digits) in ``line``."""
    return len(WORD.findall(line))


def is_prose(line: str) -> bool:
    """A line that reads as running text: several words ending like a sentence, or long."""
    words = count_words(line)
    return (words >= 8 and bool(SENTENCE_END.search(line))) or words >= 25


def is_noise(line: str) -> bool:
    """Menus, share lines, advertising markers and app or newsletter prompts."""
    return bool(BOILERPLATE.match(line) or PROMO.search(line))


def caption_credit(line: str) -> Credit | None:
    """The line as a photo or video credit when it reads as a caption, else ``None``."""
    pipe = _CAPTION_PIPE.match(line)
    if pipe and count_words(pipe.group("credit")) <= 8:
        return Credit("photo", line)
    if _CAPTION_PREFIX.match(line) or _CAPTION_TAIL.search(line):
        kind = "video" if line.lower().startswith("video") else "photo"
        return Credit(kind, line)
    return None


def closing_credit(line: str) -> tuple[str | None, list[str]] | None:
    """Publisher and agencies from a closing line such as ``(FRANCE24 with AFP, REUTERS)``."""
    match = _CLOSING_CREDIT.match(line)
    if not match:
        return None
    inner = match.group("inner") or match.group("dash") or ""
    parts = [p.strip() for p in re.split(r",|\bwith\b|\band\b|&|/", inner, flags=re.I) if p.strip()]
    if not parts:
        return None
    publisher: str | None = None
    agencies: list[str] = []
    for part in parts:
        agency = agency_name(part)
        if agency:
            if agency not in agencies:
                agencies.append(agency)
        elif outlet_name(part) and publisher is None:
            publisher = outlet_name(part)
        else:
            return None
    return publisher, agencies


# -- bylines ------------------------------------------------------------------------------

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
# Bylines join names with commas and "and" in every language: "et", "und", "y", "e", "en", "og", "och".
_NAME_SPLIT = re.compile(
    r"\s*(?:,|;|\(|\)|\band\b|&|\||\bwith\b|\bavec\b|\bet\b|\bund\b|\bmit\b|\by\b|\be\b|\ben\b|\bog\b|\boch\b|\bcon\b|/|\n)\s*",
    re.I,
)
_NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "della",
        "der",
        "den",
        "di",
        "du",
        "van",
        "von",
        "le",
        "la",
        "bin",
        "ibn",
        "al",
        "el",
        "dos",
        "das",
        "y",
        "ter",
        "mac",
    }
)


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
