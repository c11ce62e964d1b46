"""Word lists the fact finders lean on: places, given names, role and organisation words.

The two large lists (``digest/data/places.txt`` and ``given_names.txt``) are read once,
on first use; ``digest/data/build.py`` says where they come from.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Final


def _read(name: str) -> frozenset[str]:
    text = files("digest.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def places() -> frozenset[str]:
    """Countries, capitals, large cities, US states, seas and regions, with their short forms.

    A name is also known without its article ("The Netherlands" -> "Netherlands") and by
    its first part ("Bosnia and Herzegovina" -> "Bosnia", "Trinidad and Tobago" ->
    "Trinidad"), as the news writes them.
    """
    names = _read("places.txt")
    short = {n[4:] for n in names if n.startswith("The ") and n[4:] not in GEO_WORDS}
    short |= {n.split(" and ")[0] for n in names if " and " in n and "," not in n}
    return names | short


@cache
def given_names() -> frozenset[str]:
    """Given names, title case."""
    return _read("given_names.txt")


GEO_WORDS: Final = frozenset(
    {
        "Sea",
        "Ocean",
        "River",
        "Gulf",
        "Strait",
        "Straits",
        "Mountains",
        "Valley",
        "Province",
        "Region",
        "Island",
        "Islands",
        "Lake",
        "Bay",
        "Peninsula",
        "Desert",
        "County",
        "District",
        "Canal",
        "Coast",
        "Heights",
        "Square",
        "Hills",
        "Beach",
        "Falls",
        "Creek",
        "Harbor",
        "Harbour",
        "Village",
        "Township",
        "Borough",
        "Mountain",
        "Plains",
        "Canyon",
        "Glacier",
        "Reef",
        "Basin",
        "Highlands",
        "Isles",
    }
)
"""Last words of a geographic name ("Caspian Sea", "Rift Valley"); never a place on their own."""

HONORIFICS: Final = frozenset(
    {"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Mx"}
)
"""Forms of address, without the full stop some styles put after them."""

ROLE_WORDS: Final = frozenset(
    """President Vice Prime Minister Secretary General Chancellor King Queen Prince Princess Pope
    Senator Sen Sen. Rep Rep. Representative Governor Gov Gov. Mayor Chief Executive CEO CFO COO
    Director Chairman Chairwoman Chair Spokesman Spokeswoman Spokesperson Ambassador Judge Justice
    Attorney Commissioner Inspector Officer Sheriff Coach Captain Capt Capt. Lt Lt. Colonel Col Col.
    Gen Gen. Admiral Adm Adm. Sgt Sgt. Professor Prof Prof. Deputy Acting Former Leader Head Speaker
    Archbishop Bishop Rev Rev. Father Ayatollah Crown Emir Sultan Sheikh Defence Defense Foreign
    Interior Finance Health Trade Economy Energy Home Justice Education Environment Labour Labor
    Treasury State Deputy Assistant Under Senior Junior Lieutenant Major Sergeant Private Corporal
    Commander Field Marshal Premier Founder Co-founder Chancellor Counsel Manager Editor Analyst
    Economist Minister-President Presidential Candidate Nominee Frontman Striker Midfielder
    Goalkeeper Defender Forward Pitcher Quarterback Manager Chairperson Governor-General
    Secretary-General
    Sens. Reps. Del. Maj. Supt. Insp. Cmdr. Congressman Congresswoman Assemblyman Assemblywoman
    MP MEP MSP""".split()
)
"""Capitalised words of a title written before a name ("Defence Minister", "Secretary General")."""

ROLE_NOUNS: Final = frozenset(
    """president minister secretary chancellor king queen prince princess pope senator
    representative governor mayor chief executive ceo director chairman chairwoman chair
    spokesman spokeswoman spokesperson ambassador judge attorney commissioner inspector officer
    sheriff coach captain colonel general admiral professor leader head speaker archbishop bishop
    emir sultan commander premier founder counsel manager editor analyst economist reporter
    correspondent researcher scientist lawyer author analyst adviser advisor official envoy
    negotiator candidate nominee lawmaker legislator mp diplomat chef owner partner member
    president-elect striker midfielder goalkeeper defender forward pitcher quarterback
    doctor physician surgeon nurse student teacher historian economist executive activist
    producer actor actress singer rapper director writer journalist expert strategist deputy
    pollster consultant aide organizer organiser commentator columnist host anchor pastor rabbi
    imam priest detective trooper prosecutor investor banker businessman businesswoman
    billionaire donor novelist poet artist musician comedian filmmaker spokesman spokeswoman
    congressman congresswoman councilman councilwoman campaigner mayor-elect""".split()
)
"""Nouns that make a phrase a role ("Russia's defence minister", "a senior adviser")."""

ORG_WORDS: Final = frozenset(
    """Ministry Party Council Union Bank Committee Agency Association Corporation Corp Corp. Inc
    Inc. Ltd Ltd. LLC PLC Plc University College School Court Army Navy Forces Police Parliament
    Congress
    Senate Commission Organisation Organization Group Company Co. Institute Foundation Department
    Office Service Services Airlines Airways League FC Club Times Post News Journal Network Board
    Authority Administration Alliance Front Movement Brigade Brigades Federation Fund Reserve
    Exchange Church Hospital Center Centre Museum Assembly Cabinet Guard Command Corps Systems
    Technologies Motors Bureau Secretariat Society Trust Studios Records Media Press Channel TV
    Radio Magazine Herald Tribune Telegraph Guardian Gazette Institution Laboratory Labs Holdings
    Partners Capital Group Insurance Energy Petroleum Oil Pharmaceuticals Industries Bancorp
    Coalition Taliban Hezbollah Hamas Kremlin Pentagon Congress Parliament Bundestag Knesset Duma
    Republicans Democrats Conservatives Tories Labour Network Academy Foundation Federal Reserve
    Initiative Studies Summit Affairs
    SpA AG AB SA NV BV GmbH ASA Oyj Bhd Tbk Pty Cos Bros Bros. Brothers Sons""".split()
)
"""Words that make a name an organisation ("Ministry", "Party", "Bank", "FC", "SpA")."""

KNOWN_ORGS: Final = frozenset(
    """NATO UN EU UNICEF UNHCR WHO IMF OPEC FBI CIA NSA NASA BBC CNN AFP AP Reuters Google Apple
    Microsoft Amazon Facebook Meta Twitter Netflix Tesla Nintendo Samsung Sony Intel IBM Yahoo
    Pentagon Kremlin Congress Senate Parliament Hamas Hezbollah Taliban ISIS ISIL Nasdaq
    Interpol Europol ECB Fed Labour Conservatives Democrats Republicans Tories Gazprom Airbus
    Boeing Uber Lyft Alibaba Huawei Toyota Volkswagen BMW Xinhua Interfax Itar-Tass Tass Tanjug
    Kyodo Yonhap Bernama Antara ANSA DPA EFE PTI IRNA MENA Anadolu KCNA Jiji RIA Novosti""".split()
) | frozenset(
    {
        "Islamic State",
        "White House",
        "Supreme Court",
        "European Union",
        "United Nations",
        "Security Council",
        "Red Cross",
    }
)
"""Organisations named without any organisation word, news agencies among them."""

COMMON_WORD_PLACES: Final = frozenset(
    """Aurora Bath Delta Derby Enterprise Hub Independence Male Man Metro Mobile Nice Oral
    Orange Paradise Pest Reading Reunion Saga Shaping Split Springs Surprise Tours Van
    Vista""".split()
)
"""Places whose names are common English words: opening a sentence ("Man’s greed", "Reading
is fun", "Mobile phones") such a word is the word, unless the article also writes it
capitalised inside a sentence ("moved to Reading")."""

CLUB_PREFIXES: Final = frozenset(
    """Deportivo Dinamo Dynamo Atletico Atlético Olympique Borussia Spartak Lokomotiv
    Internazionale Sporting Steaua Partizan Slavia Sparta Legia Ferencvaros VfB VfL""".split()
)
"""First words that name a sports club whatever follows: "Dinamo Bucharest", "VfB Stuttgart"."""

CLUB_PREFIXES_BEFORE_PLACE: Final = frozenset(
    "Real Inter Racing Rapid Standard AC AS SC SK SV CD".split()
)
"""First words that name a club only before its town: "Real Madrid", "AC Milan",
"Standard Liege" (but "Standard Chartered" is no club)."""

SAY_VERBS: Final = frozenset(
    """said says told tells added adds explained explains stated states wrote writes asked asks
    warned warns argued argues insisted insists noted notes claimed claims continued continues
    recalled recalls acknowledged acknowledges admitted admits announced announces declared
    declares replied replies responded responds suggested suggests urged urges conceded concedes
    remarked remarks described describes according tweeted posted""".split()
)
"""Verbs of saying that attach a quote to its speaker."""

COMMON_CAPITALISED: Final = frozenset(
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
    Thanks Yes Well Oh Please Let Don't It's That's There's We're They're I'm I've
    Perhaps Maybe Nevertheless Nonetheless Moreover Furthermore Finally Already Thus Hence
    Sometimes Often Eventually Ultimately Currently Recently Clearly Obviously Apparently
    Initially Overall Including Besides Otherwise Likewise Similarly Regardless Hopefully
    Unfortunately Fortunately Notably Importantly Specifically Basically Actually Certainly
    Probably Typically Usually Generally Previously Subsequently Afterwards Together""".split()
)
"""Capitalised words that start sentences without starting a name."""

DEMONYMS: Final = frozenset(
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

COUNTRIES: Final = frozenset(
    """Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
    Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
    Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|
    Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|
    Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Czechoslovakia|Denmark|
    Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|England|
    Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Faroe Islands|Fiji|Finland|France|Gabon|
    Gambia|Georgia|Germany|Ghana|Great Britain|Britain|Greece|Grenada|Guatemala|Guinea|
    Guinea-Bissau|Guyana|Haiti|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq|
    Ireland|Republic of Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|
    Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|
    Lithuania|Luxembourg|Macedonia|North Macedonia|Madagascar|Malawi|Malaysia|Maldives|Mali|
    Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|
    Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|
    The Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|Northern Ireland|
    Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|
    Poland|Portugal|Qatar|Romania|Russia|Russian Federation|Rwanda|Saint Kitts and Nevis|
    Saint Lucia|Samoa|San Marino|Saudi Arabia|Scotland|Senegal|Serbia|Seychelles|Sierra Leone|
    Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|Korea|
    South Sudan|Soviet Union|Spain|Sri Lanka|Sudan|Suriname|Swaziland|Sweden|Switzerland|Syria|
    Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad|Trinidad and Tobago|Tunisia|Turkey|
    Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|
    Uruguay|USA|U.S.|Uzbekistan|Vanuatu|Vatican City|Venezuela|Vietnam|Wales|Yemen|Yugoslavia|
    Federal Republic of Yugoslavia|Zaire|Zambia|Zimbabwe""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
"""Countries and the home nations: national sides keep their place names ("France beat Mexico")."""
