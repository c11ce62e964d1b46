"""Names of news outlets and wire agencies, and how they are written in credits.

Bylines and closing lines credit agencies in many spellings ("AFP", "Agence
France-Presse", "REUTERS", "(AP)"); :func:`agency_name` maps them to one display name.
:func:`outlet_name` does the same for outlets that write their own name in capitals or
without spaces ("FRANCE24").
"""

from __future__ import annotations

import re

AGENCIES: dict[str, str] = {
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "reuters": "Reuters",
    "reuter": "Reuters",  # the wire's own sign-off under its stories
    "thomson reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "ansa": "ANSA",
    "efe": "EFE",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "upi": "UPI",
    "united press international": "UPI",
    "pa": "PA",
    "pa media": "PA",
    "press association": "PA",
    "aap": "AAP",
    "australian associated press": "AAP",
    "anp": "ANP",
    "belga": "Belga",
    "apa": "APA",
    "ats": "ATS",
    "cp": "CP",
    "the canadian press": "CP",
    "canadian press": "CP",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ians": "IANS",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "bloomberg news": "Bloomberg",
    "ani": "ANI",
    "nzpa": "NZPA",
    "sapa": "SAPA",
    "wafa": "WAFA",
    "irna": "IRNA",
    "tanjug": "Tanjug",
    "ukrinform": "Ukrinform",
    "ctk": "CTK",
    "pap": "PAP",
    "mti": "MTI",
    "tt": "TT",
    "ntb": "NTB",
    "ritzau": "Ritzau",
    "stt": "STT",
    "agencies": "agencies",
}
"""Lower-cased spellings of wire agencies, mapped to the name digest shows."""

OUTLETS: dict[str, str] = {
    "france24": "France 24",
    "france 24": "France 24",
    "bbc": "BBC News",
    "bbc news": "BBC News",
    "cnn": "CNN",
    "nyt": "The New York Times",
    "nytimes": "The New York Times",
    "nytimes.com": "The New York Times",
    "the new york times": "The New York Times",
    "new york times": "The New York Times",
    "the guardian": "The Guardian",
    "the washington post": "The Washington Post",
    "washington post": "The Washington Post",
    "al jazeera": "Al Jazeera",
    "dw": "DW",
    "deutsche welle": "DW",
    "euronews": "Euronews",
    "rfi": "RFI",
    "npr": "NPR",
}
"""Lower-cased spellings of outlets that credit themselves in closing lines."""

DOMAINS: dict[str, str] = {
    "bbc.co.uk": "BBC News",
    "bbc.com": "BBC News",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "theguardian.com": "The Guardian",
    "cnn.com": "CNN",
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "france24.com": "France 24",
    "lemonde.fr": "Le Monde",
    "telegraph.co.uk": "The Telegraph",
    "nbcnews.com": "NBC News",
    "aljazeera.com": "Al Jazeera",
}
"""Web domains of outlets, for pages that do not name their site."""

_SPACES = re.compile(r"\s+")


def _key(name: str) -> str:
    return _SPACES.sub(" ", name.strip().strip(".,;:()[]").lower())


def agency_name(name: str) -> str | None:
    """The display name of a wire agency, or ``None`` when ``name`` is not one."""
    return AGENCIES.get(_key(name))


def outlet_name(name: str) -> str | None:
    """The display name of a known outlet spelled as in credits, or ``None``."""
    return OUTLETS.get(_key(name))


def outlet_for_host(host: str) -> str | None:
    """The outlet whose domain ``host`` is or belongs to ("www.bbc.co.uk" -> "BBC News")."""
    host = host.lower().removeprefix("www.")
    for domain, name in DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None
