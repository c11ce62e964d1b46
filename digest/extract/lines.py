"""What a single line or paragraph of a page is: boilerplate, prose, a caption, a credit.

Both extractors use these: the plain-text one on the lines of a copied page, the HTML one
on the paragraphs readability keeps. Each test looks at one line alone.
"""

from __future__ import annotations

import re

from digest.models import Credit
from digest.text.outlets import agency_name, outlet_name

BOILERPLATE = re.compile(
    r"""^(?:
        skip\ to\ (?:main\ )?(?:content|navigation|search)
      | advertis(?:ing|ement)s?
      | sponsored(?:\ content)?
      | share(?:\ this(?:\ article|\ story|\ page)?)?\s*:?
      | (?:share\ on\ )?(?:facebook|twitter|x|whatsapp|linkedin|email|e-mail|messenger
                          |telegram|reddit|print|copy\ link)
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
      | (?:show|view|see|load)\ (?:more|less|fewer|all)(?:\ (?:details|results|rows))?\s*[+›»>]?
      | (?:expand|collapse)(?:\ all)?
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
      | (?:an\ )?(?:older|outdated|unsupported)\ (?:browser|version\ of\ \w+)
      | (?:upgrade|update)\ your\ browser
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

RELATED = re.compile(
    r"""^(?:
        related(?:\ (?:articles?|stories|posts?|content|coverage|topics|links|news|reading|video))?
      | more\ (?:from|on|in|about)\b.{0,40}
      | (?:read|see)\ also | also\ (?:read|see|on\b.{0,40})
      | sur\ le\ même\ sujet | (?:à\ )?lire\ aussi | mehr\ zum\ thema\b.{0,40}
      | (?:noticias\ )?relacionad[oa]s | lee\ también | leia\ também
    )\s*[:›»>]*$""",
    re.I | re.X,
)
"""Headers of links to related stories ("Related", "More on this story", "Lire aussi"):
a box inside an article or a list after it."""

OTHER_STORIES = re.compile(
    r"""^(?:
        more\ (?:stories|news|articles|videos)
      | (?:other|top|latest|popular)\ (?:stories|news|articles|headlines)
      | (?:the\ )?most\ (?:read|viewed|popular|shared|commented|watched)
        (?:\ (?:stories|articles|today|now))?
      | trending(?:\ (?:now|stories|articles))?
      | recommended(?:\ (?:for\ you|stories|reading|articles|videos))?
      | you\ (?:may|might)\ (?:also\ )?(?:like|enjoy|be\ interested(?:\ in)?)
      | (?:more\ )?(?:stories|articles)?\ ?(?:chosen|picked|selected)?\ ?for\ you
      | (?:around|from)\ the\ web
      | (?:promoted|sponsored)\ (?:links|stories|content)
      | editor'?s\ picks?
      | les\ plus\ (?:lus|partagés|commentés) | meistgelesen | meistkommentiert
      | das\ könnte\ sie\ (?:auch\ )?interessieren | más\ (?:leídas|vistas|noticias) | mais\ lidas
    )\s*[:›»>]*$""",
    re.I | re.X,
)
"""Headers of the lists of other stories that pages set after or beside an article ("Most
read", "Recommended for you", "Around the web"): never inside one."""

COMMENTS = re.compile(
    r"""^[\[(]?\s*(?:
        (?:there\ (?:are|is)\ )?(?:\d[\d,]*|no)\ (?:comments?|responses?|replies|thoughts\ on\b.*)
      | (?:show|view|load|read|see|join)\ (?:all\ )?(?:\d+\ )?(?:reader\ )?comments?
        (?:\d+|\b.{0,40})
      | (?:(?:top|most|best|highest)[\ -]rated|latest|newest|recent|oldest|featured|all|reader|top)
        \ comments
      | comments?(?:\ \(\d+\))? | leave\ a\ (?:comment|reply) | post\ a\ comment | add\ a\ comment
      | join\ the\ (?:discussion|conversation) | comments\ are\ closed\.? | discussion\ policy
      | kommentare(?:\ lesen)?(?:\ \(\d+\ beitr(?:ag|äge)\))? | (?:\d+\ )?commentaires?
    )\s*[\])]?\s*:?$""",
    re.I | re.X,
)
"""Headers of the comments under an article: nothing after one is the article."""

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
    r"|\((?:[Pp]ublic [Dd]omain|[Cc]ourtesy(?: of)? [^()]{1,60})\)"
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


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
"""A Chinese, Japanese or Korean character: such text has no spaces between its words."""
# A closing tag after the last sentence: "(bsc)", "(AFP)", "（编译/林靖东）".
_TAIL_TAG = re.compile(r"\s*[(（\[][^()（）\[\]]{1,30}[)）\]]$")
# A teaser cut short or pointing on: "... feminist and…", "... knacken können. Mehr…".
_TEASER_END = re.compile(
    r"""(?:\w…|\w\.\.\.
      | \b(?:more|mehr|plus|más|mais|read\ more|lire\ la\ suite|leer\ más)\s*(?:…|\.\.\.|»|›|>)
    )$""",
    re.I | re.X,
)
# Captions as some sites print them: "Media caption Mr Obama told the BBC ...".
_CAPTION_LABEL = re.compile(
    r"^(?:image|media|video|photo|picture)\s+(?:caption|copyright|credit|source)\b", re.I
)
# The counter of a slide in a gallery: "1/50 United goin down", "Photo 3 of 12".
_SLIDE = re.compile(
    r"""^(?:(?:photo|image|picture|slide)s?\s+(?P<n>\d{1,3})\s*(?:/|of)|(?P<m>\d{1,3})\s*/)
    \s*(?P<count>\d{1,3})(?:\s|$)""",
    re.I | re.X,
)
_CREDIT_SPLIT = re.compile(r"\s*(?:,|/|&|\band\b|\bwith\b)\s*", re.I)


def size(line: str) -> float:
    """The length of ``line`` in words, a CJK character counting as half a word."""
    cjk = len(CJK.findall(line))
    if not cjk:
        return float(count_words(line))
    return count_words(CJK.sub(" ", line)) + cjk / 2


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends as a sentence does, or as one announcing a quote or a list (a
    colon); a closing tag such as ``(bsc)`` or ``(AFP)`` after the full stop is passed over."""
    line = _TAIL_TAG.sub("", line)
    return bool(SENTENCE_END.search(line)) or line.endswith(":")


def is_teaser(line: str) -> bool:
    """A line cut short or ending in a "more" link, as summaries of other stories do."""
    return line.endswith(("…", "...", "»", "›", ">")) and bool(_TEASER_END.search(line))


def is_caption_label(line: str) -> bool:
    """A caption that names itself: "Media caption ...", "Image copyright ..."."""
    return bool(_CAPTION_LABEL.match(line))


def slide_count(line: str) -> int | None:
    """The number of slides when ``line`` starts with a slide counter ("3/50", "Photo 3 of 12")."""
    match = _SLIDE.match(line)
    if match is None:
        return None
    number, count = int(match.group("n") or match.group("m")), int(match.group("count"))
    return count if 1 <= number <= count and count >= 3 else None


def wire_credit(line: str) -> list[str]:
    """The agencies of a line naming only wire services ("AFP", "AFP/Reuters"), a credit or
    a closing line; empty for any other line."""
    if len(line) > 60:
        return []
    parts = [part for part in _CREDIT_SPLIT.split(line) if part]
    names = [agency_name(part) for part in parts[:5]]
    return [name for name in names if name] if 0 < len(parts) <= 4 and all(names) else []
