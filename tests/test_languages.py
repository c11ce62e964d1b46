"""Facts on pages in French, German, Spanish, Italian and Portuguese, and dates in Chinese
and Japanese: what a reader of each would take from the sentence."""

from __future__ import annotations

import pytest

from digest.facts import extract_facts

# Thursday 30 April 2015.
PUBLISHED = "2015-04-30"

DATES: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    ("fr", "Le vote solennel aura lieu mardi 5 mai.", [("mardi 5 mai", "2015-05-05")]),
    (
        "fr",
        "Le séisme a frappé samedi, a déclaré jeudi le ministre.",
        [
            ("samedi", "2015-04-25"),
            ("jeudi", "2015-04-30"),
        ],
    ),
    ("fr", "Le Sénat se réunira lundi.", [("lundi", "2015-05-04")]),
    ("fr", "Ils se verront mardi prochain.", [("mardi prochain", "2015-05-05")]),
    ("fr", "Il est arrivé hier à Paris, en 2012 déjà.", [("hier", "2015-04-29"), ("2012", "2012")]),
    ("de", "Die Version erschien am 5. Mai 2015.", [("5. Mai 2015", "2015-05-05")]),
    ("de", "Die Firma wurde im Mai gegründet.", [("Mai", "2014-05")]),
    ("es", "Llegó a Italia en noviembre de 1998.", [("noviembre de 1998", "1998-11")]),
    ("es", "El acuerdo se firmó el 5 de mayo de 2015.", [("5 de mayo de 2015", "2015-05-05")]),
    ("es", "La app llegó en abril a la India.", [("abril", "2015-04")]),
    ("it", "Il decreto è del 3 marzo 2015.", [("3 marzo 2015", "2015-03-03")]),
    ("pt", "Em 2012 eu errei, disse o técnico.", [("2012", "2012")]),
    ("pt", "O jogo foi em 5 de maio de 2014.", [("5 de maio de 2014", "2014-05-05")]),
    # Day first, as these languages write it.
    ("fr", "Le décret du 05/03/2015 est paru.", [("05/03/2015", "2015-03-05")]),
    # A count of four digits is no year without its cue; a weekday in a name is no date.
    ("fr", "Environ 1985 personnes sont venues au Mardi Gras.", []),
    (
        "zh",
        "DeepMind在2014年收购，10月14日报道。",
        [("2014年", "2014"), ("10月14日", "2014-10-14")],
    ),
    ("zh", "早在上世纪八十年代，1985年的研究。", [("1985年", "1985")]),
    ("ja", "トレンドマイクロは3月9日に発表した。", [("3月9日", "2015-03-09")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), DATES)
def test_dates_in_other_languages(
    language: str, text: str, expected: list[tuple[str, str | None]]
) -> None:
    published = "2014-10-14" if "10月14日" in text else PUBLISHED
    facts = extract_facts((text,), published=published, language=language)
    assert [(d.text, d.value) for d in facts.dates] == expected


NUMBERS: list[tuple[str, str, list[tuple[str, float, str | None]]]] = [
    ("fr", "Près de 2 209 Français ont été localisés.", [("2 209 Français", 2209, "Français")]),
    (
        "fr",
        "Le séisme touche 28 millions d’habitants.",
        [("28 millions d’habitants", 28_000_000, "habitants")],
    ),
    (
        "fr",
        "Il transportait 25 tonnes de matériel et trois médecins.",
        [
            ("25 tonnes", 25, "tonnes"),
            ("trois médecins", 3, "médecins"),
        ],
    ),
    ("fr", "Le vol est arrivé à 5h45 et 393 n’ont pas été joints.", []),
    (
        "de",
        "Das Programm kostet knapp 50 Euro und bringt 30 neue Stellen.",
        [
            ("50 Euro", 50, "EUR"),
            ("30 neue Stellen", 30, "Stellen"),
        ],
    ),
    ("de", "Es setzt OS X 10.10 voraus.", []),
    (
        "es",
        "Llegará a 24 nuevos países y subió un 1,3%.",
        [
            ("24 nuevos países", 24, "países"),
            ("1,3%", 1.3, "percent"),
        ],
    ),
    ("it", "Sono morte 5.500 persone.", [("5.500 persone", 5500, "persone")]),
    ("pt", "A taça custou 10 milhões de reais.", [("10 milhões de reais", 10_000_000, "BRL")]),
]


@pytest.mark.parametrize(("language", "text", "expected"), NUMBERS)
def test_numbers_with_what_they_count_in_other_languages(
    language: str, text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    facts = extract_facts((text,), published=PUBLISHED, language=language)
    assert [(n.text, n.value, n.unit) for n in facts.numbers] == expected


PLACES: list[tuple[str, str, list[str]]] = [
    (
        "fr",
        "Un avion est arrivé à Katmandou, au Népal, puis à Paris.",
        [
            "Katmandou",
            "Népal",
            "Paris",
        ],
    ),
    ("fr", "Il revient de l’Italie et des Émirats arabes unis.", ["Italie", "Émirats arabes unis"]),
    ("es", "Estará en Perú, El Salvador y Venezuela.", ["Perú", "El Salvador", "Venezuela"]),
    # A place inside a longer name is not the place.
    ("es", "El Banco de México y la Copa América se reunieron en Chile.", ["Chile"]),
    ("de", "Er flog nach Mailand und Rio de Janeiro.", ["Mailand", "Rio de Janeiro"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), PLACES)
def test_places_under_their_names_in_other_languages(
    language: str, text: str, expected: list[str]
) -> None:
    facts = extract_facts((text,), published=PUBLISHED, language=language)
    assert [p.name for p in facts.places] == expected
    assert facts.people == () and facts.organizations == ()
