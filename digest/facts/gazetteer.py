"""Word lists the fact finders lean on: places, given names, role and organisation words.

The two large lists (``digest/data/places.txt`` and ``given_names.txt``) are read once,
on first use; ``digest/data/build.py`` says where they come from.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def _read(name: str) -> frozenset[str]:
    text = files("digest.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def places() -> frozenset[str]:
    """Countries, capitals, large cities, US states, seas and regions."""
    return _read("places.txt")


@cache
def given_names() -> frozenset[str]:
    """Given names, title case."""
    return _read("given_names.txt")


HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Mx"})
"""Forms of address, without the full stop some styles put after them."""

ROLE_WORDS = frozenset(
    """President Vice Prime Minister Secretary General Chancellor King Queen Prince Princess Pope
    Senator Sen Sen. Rep Rep. Representative Governor Gov Gov. Mayor Chief Executive CEO CFO COO
    Director Chairman Chairwoman Chair Spokesman Spokeswoman Spokesperson Ambassador Judge Justice
    Attorney Commissioner Inspector Officer Sheriff Coach Captain Capt Capt. Lt Lt. Colonel Col Col.
    Gen Gen. Admiral Adm Adm. Sgt Sgt. Professor Prof Prof. Deputy Acting Former Leader Head Speaker
    Archbishop Bishop Rev Rev. Father Ayatollah Crown Emir Sultan Sheikh Defence Defense Foreign
    Interior Finance Health Trade Economy Energy Home Justice Education Environment Labour Labor
    Treasury State Deputy Assistant Under Senior Junior Lieutenant Major Sergeant Private Corporal
    Commander Field Marshal Premier Founder Co-founder Chancellor Counsel Manager Editor Analyst
    Economist Minister-President Presidential Candidate Nominee Frontman Striker Midfielder Goalkeeper
    Defender Forward Pitcher Quarterback Manager Chairperson Governor-General Secretary-General""".split()
)
"""Capitalised words of a title written before a name ("Defence Minister", "Secretary General")."""

ROLE_NOUNS = frozenset(
    """president minister secretary chancellor king queen prince princess pope senator
    representative governor mayor chief executive ceo director chairman chairwoman chair
    spokesman spokeswoman spokesperson ambassador judge attorney commissioner inspector officer
    sheriff coach captain colonel general admiral professor leader head speaker archbishop bishop
    emir sultan commander premier founder counsel manager editor analyst economist reporter
    correspondent researcher scientist lawyer author analyst adviser advisor official envoy
    negotiator candidate nominee lawmaker legislator mp diplomat chef owner partner member
    president-elect striker midfielder goalkeeper defender forward pitcher quarterback
    doctor physician surgeon nurse student teacher historian economist executive activist
    producer actor actress singer rapper director writer journalist expert strategist deputy""".split()
)
"""Nouns that make a phrase a role ("Russia's defence minister", "a senior adviser")."""

ORG_WORDS = frozenset(
    """Ministry Party Council Union Bank Committee Agency Association Corporation Corp Corp. Inc Inc.
    Ltd Ltd. LLC PLC Plc University College School Court Army Navy Forces Police Parliament Congress
    Senate Commission Organisation Organization Group Company Co. Institute Foundation Department
    Office Service Services Airlines Airways League FC Club Times Post News Journal Network Board
    Authority Administration Alliance Front Movement Brigade Brigades Federation Fund Reserve
    Exchange Church Hospital Center Centre Museum Assembly Cabinet Guard Command Corps Systems
    Technologies Motors Bureau Secretariat Society Trust Studios Records Media Press Channel TV
    Radio Magazine Herald Tribune Telegraph Guardian Gazette Institution Laboratory Labs Holdings
    Partners Capital Group Insurance Energy Petroleum Oil Pharmaceuticals Industries Bancorp
    Coalition Taliban Hezbollah Hamas Kremlin Pentagon Congress Parliament Bundestag Knesset Duma
    Republicans Democrats Conservatives Tories Labour Network Academy Foundation Federal Reserve""".split()
)
"""Words that make a name an organisation ("Ministry", "Party", "Bank", "FC")."""

KNOWN_ORGS = frozenset(
    """NATO UN EU UNICEF UNHCR WHO IMF OPEC FBI CIA NSA NASA BBC CNN AFP AP Reuters Google Apple
    Microsoft Amazon Facebook Meta Twitter Netflix Tesla Nintendo Samsung Sony Intel IBM Yahoo
    Pentagon Kremlin Congress Senate Parliament Hamas Hezbollah Taliban ISIS ISIL Nasdaq
    Interpol Europol ECB Fed Labour Conservatives Democrats Republicans Tories Gazprom Airbus
    Boeing Uber Lyft Alibaba Huawei Toyota Volkswagen BMW""".split()
) | frozenset({"Islamic State", "White House", "Supreme Court", "European Union", "United Nations", "Security Council", "Red Cross", "Wall Street"})
"""Organisations named without any organisation word."""

SAY_VERBS = frozenset(
    """said says told tells added adds explained explains stated states wrote writes asked asks
    warned warns argued argues insisted insists noted notes claimed claims continued continues
    recalled recalls acknowledged acknowledges admitted admits announced announces declared
    declares replied replies responded responds suggested suggests urged urges conceded concedes
    remarked remarks described describes according tweeted posted""".split()
)
"""Verbs of saying that attach a quote to its speaker."""

COMMON_CAPITALISED = frozenset(
    """The A An In On At By For From To Of And But Or Nor So Yet If When While After Before As
    Although Though Because Since Until Unless Despite During Over Under Into Through Across Against
    Among Between Within Without About Above Below Near Like Unlike This That These Those There
    Here It Its He She They We I You His Her Their Our My Your Him Them Us Me Who What Which Where
    Why How Some Many Most Much More Few Several All Any Each Every No Not None Both Either Neither
    Other Another Such Only Even Also Still Just Then Now Today Yesterday Tomorrow Tonight Later
    Earlier Meanwhile However Instead Indeed Speaking According Asked Last Next First Second Third
    One Two Three Four Five Six Seven Eight Nine Ten Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November
    December Mr Mrs Ms Dr Read More Share Photo Image Video Watch Click Follow Sign Subscribe
    Updated Published Posted Editing Reporting Additional Continue Advertisement Getty Images
    Thanks Yes Well Oh Please Let Don't It's That's There's We're They're I'm I've""".split()
)
"""Capitalised words that start sentences without starting a name."""

DEMONYMS = frozenset(
    """American British English French German Russian Chinese Japanese Korean Syrian Turkish
    Iranian Iraqi Israeli Palestinian Ukrainian Polish Italian Spanish Portuguese Dutch Belgian
    Swiss Swedish Norwegian Danish Finnish Greek Egyptian Saudi Libyan Tunisian Moroccan Algerian
    Nigerian Kenyan Ethiopian Sudanese Somali Indian Pakistani Afghan Bangladeshi Canadian
    Mexican Brazilian Argentine Australian European African Asian Arab Western Eastern Northern
    Southern Kurdish Yemeni Lebanese Jordanian Qatari Emirati Zimbabwean South-African Tunisian
    Cuban Venezuelan Colombian Chilean Peruvian Irish Scottish Welsh Austrian Hungarian Czech
    Romanian Bulgarian Serbian Croatian Belarusian Georgian Armenian Azerbaijani Kazakh Uzbek
    Vietnamese Thai Indonesian Filipino Malaysian Taiwanese Mongolian Islamic Muslim Christian
    Jewish Catholic Sunni Shia Shiite Democratic Republican Conservative Liberal Soviet""".split()
)
"""Adjectives of place and group: part of a role, never a name on their own."""
