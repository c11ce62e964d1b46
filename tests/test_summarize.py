"""The summary as a card shows it: no bullet that is boilerplate, a caption or a credit, and
no bullet that opens by pointing back at a sentence the card does not show."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.extract.boilerplate import TAIL, classify
from digest.models import Article
from digest.summarize import points_back, summarize
from digest.text.sentences import split_sentences
from tests.conftest import SEEDS, read_once

FIXTURES = Path(__file__).resolve().parent / "fixtures"

POINTING_BACK = [
    # demonstratives, pronouns, connectives: what they stand for is in the sentence before
    ("en", "However, the central bank said it would keep buying bonds until the summer."),
    ("en", "This is the first time the party has won a majority since 1993."),
    ("en", "It was bought by a London dealer who sold it on to a collector."),
    ("en", "It's worth noting she did not attach those documents in her filing."),
    ("en", "But insiders tell us that attorneys will ask the clinic to release the files."),
    ("en", "Now, a similar discovery has been made in Greece."),
    ("en", "Nobody in the government had expected that."),
    ("fr", "Il sera désormais examiné par le Sénat, puis le Conseil constitutionnel."),
    ("fr", "Mais le gouvernement refuse de retirer le projet de loi."),
    ("fr", "C'est pourquoi les syndicats appellent à la grève."),
    ("es", "Es por esto que el gobierno decidió retirar el proyecto."),
    ("es", "Sin embargo, el ministro negó que hubiera un acuerdo."),
    ("de", "So lange dauert es, bis ein neues Werk gebaut ist."),
    ("de", "In der Logik des Konzerns lohnt sich das."),
    ("de", "Das ist für die Gewerkschaft nicht hinnehmbar."),
    ("de", "Deshalb will die Regierung das Gesetz ändern."),
    ("it", "Tuttavia il governo non ha ancora presentato la legge."),
    ("it", "Questo significa che i prezzi saliranno ancora."),
    ("pt", "No entanto, o governo negou que houvesse um acordo."),
    ("pt", "Isso significa que os preços vão subir outra vez."),
]

STANDING_ALONE = [
    ("en", "The central bank raised its main interest rate on Thursday."),
    ("en", "This week the central bank raised its main interest rate by half a point."),
    ("en", "It was not immediately clear whether anyone had been hurt."),
    ("en", "Thailand has launched a manhunt for an Australian who escaped from prison."),
    ("en", "“This is a disaster for the town,” the mayor said."),
    ("en", "Thousands marched through the city, and nobody stopped them."),
    ("de", "Das Parlament hat am Freitag ein neues Gesetz beschlossen."),
    ("de", "Es gibt keine Hinweise auf einen Anschlag, sagte die Polizei."),
    ("fr", "Il y a deux ans, le gouvernement avait promis une réforme."),
    ("fr", "Cette semaine, le gouvernement a présenté le projet de loi."),
    ("es", "Este año el gobierno ha recortado el gasto en un cinco por ciento."),
    ("pt", "Esta semana o governo apresentou o orçamento."),
    ("it", "Il governo ha approvato la legge di bilancio."),
    # A language without lists: nothing is read as pointing back.
    ("nl", "Maar de regering wil de wet niet veranderen."),
]


@pytest.mark.parametrize(("language", "sentence"), POINTING_BACK)
def test_sentences_that_point_back(language: str, sentence: str) -> None:
    assert points_back(sentence, language)


@pytest.mark.parametrize(("language", "sentence"), STANDING_ALONE)
def test_sentences_that_stand_alone(language: str, sentence: str) -> None:
    assert not points_back(sentence, language)


STORY = (
    "The central bank raised its main interest rate by half a point on Thursday, its first "
    "rise in seven years, to bring down inflation.",
    "Economists had expected a rise of a quarter point. However, the bank said inflation had "
    "stayed above its target for too long and the rise in the interest rate was needed.",
    "The currency gained 1 percent against the dollar after the decision, traders said.",
)


def test_a_sentence_pointing_back_comes_only_after_the_one_it_points_at() -> None:
    # The "However" sentence shares the most words with the headline, but alone on a card
    # it answers nothing the card shows.
    title = "Central bank raises interest rate as inflation stays above target"
    alone = summarize(STORY, title=title, sentences=2)
    assert alone and all(not s.text.startswith("However") for s in alone)
    texts = [s.text for s in summarize(STORY, title=title, sentences=5)]
    assert (
        "However" in texts[2] and texts[1] == "Economists had expected a rise of a quarter point."
    )


def test_a_disclosure_inside_a_paragraph_is_no_bullet() -> None:
    paragraphs = (
        "As a recurring feature, our team combs the web for the best deals on phones and "
        "laptops. Our site has affiliate relationships with certain retailers and may receive "
        "a small percentage of any sale.",
        "The new phone costs 799 dollars and goes on sale in Europe and the United States next "
        "Friday, the company said on Tuesday.",
        "The company said it had sold 20 million of the previous model in its first year on the "
        "market, more than any phone it had made before.",
    )
    summary = summarize(paragraphs, title="Deals on phones and laptops", sentences=3)
    assert all("affiliate" not in s.text for s in summary)


def _faults(article: Article) -> list[str]:
    """The bullets of the article's card that are boilerplate, or that point back at a
    sentence the card does not show (not the article's first)."""
    order = [
        (index, sentence)
        for index, paragraph in enumerate(article.paragraphs)
        for sentence in split_sentences(paragraph)
    ]
    shown = {(s.paragraph, s.text) for s in article.summary}
    faults = []
    for bullet in article.summary:
        if classify(bullet.text, tail=bullet.paragraph >= len(article.paragraphs) - TAIL):
            faults.append(f"boilerplate: {bullet.text}")
        position = order.index((bullet.paragraph, bullet.text))
        if (
            position
            and order[position - 1] not in shown
            and points_back(bullet.text, article.language)
        ):
            faults.append(f"points back: {bullet.text}")
    return faults


PAGES = sorted(
    [p for p in SEEDS.iterdir() if not p.name.startswith(".")]
    + list((FIXTURES / "stories").glob("*.txt"))
    + list((FIXTURES / "wire").glob("*.txt"))
    + list((FIXTURES / "published").glob("*.html"))
)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_no_card_shows_boilerplate_or_a_bullet_pointing_back(path: Path) -> None:
    article = read_once(path.read_bytes(), input=path.name)
    assert _faults(article) == []  # (a table of results has no sentence to show: no bullet)


def test_the_cards_checked_show_bullets() -> None:
    # The articles of the test above, read as it reads them (once per test process).
    bullets = sum(len(read_once(p.read_bytes(), input=p.name).summary) for p in PAGES)
    assert bullets >= 2 * len(PAGES)


NAME_WORDS = [
    # the last word of each run of capitalised words: a surname, a body's or a place's name
    ("Officials met Blair and Brown in London on Monday.", ["Blair", "Brown", "London"]),
    ("Shares in Airbus rose 3% in Paris.", ["Airbus", "Paris"]),
    ("It was the view at the Bank of England, said Ms Jones.", ["England", "Jones"]),
    # a sentence's first word alone is capitalised for the sentence; "I", "But" name no one
    ("But he said no, and I agreed.", []),
    ("Officials said prices rose.", []),
]


@pytest.mark.parametrize(("paragraph", "words"), NAME_WORDS)
def test_the_summary_reads_the_names_an_article_writes(paragraph: str, words: list[str]) -> None:
    from digest.summarize import _name_words

    assert _name_words((paragraph,)) == words


NAMES_STORY = (
    "The league's title race took another turn on Sunday as the leaders dropped points at home.",
    "After the final whistle, the managers argued with the referee on the pitch. After the "
    "final whistle, Ferguson and Wenger argued with the referee on the pitch.",
    "Both clubs play again next weekend, when the leaders travel to the north east.",
)


@pytest.mark.parametrize(
    ("language", "second"),
    [
        # Named by one word, with no title or role, the managers are no facts; the sentence
        # that names them still says who, and is the one the card shows.
        (
            "en",
            "After the final whistle, Ferguson and Wenger argued with the referee on the pitch.",
        ),
        # Where every noun is capitalised (German), capitals mark no names: no such signal.
        ("de", "After the final whistle, the managers argued with the referee on the pitch."),
    ],
)
def test_a_sentence_that_names_people_the_facts_leave_out_is_preferred(
    language: str, second: str
) -> None:
    from digest.facts import extract_facts

    title = "Title race turns as leaders drop points"
    facts = extract_facts(NAMES_STORY, title=title, language="en")
    assert facts.people == ()  # the facts stay as strict as they are
    summary = summarize(NAMES_STORY, title=title, facts=facts, sentences=2, language=language)
    assert [s.text for s in summary] == [
        "The league's title race took another turn on Sunday as the leaders dropped points at "
        "home.",
        second,
    ]


def test_a_sentence_the_page_prints_twice_is_one_bullet() -> None:
    repeated = (
        "The regional council approved the new budget on Tuesday after a long debate about"
        " roads, schools and the harbour."
    )
    paragraphs = (
        repeated,
        "Officials said the money would arrive in March.",
        repeated,
        "The mayor said the vote settled a dispute that had lasted for two years.",
        repeated,
    )
    texts = [s.text for s in summarize(paragraphs, title="Council approves budget", sentences=3)]
    assert texts.count(repeated) == 1
    assert len(texts) == 3
