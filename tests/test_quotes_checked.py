"""A gate on quotes and speakers read by hand on modern English news pages.

The fixture (``tests/fixtures/quotes_checked.json``, see its ``about``) holds 43 articles
of the development corpus with every direct quote and who said it. Digest's quotes must stay
right (a quote shown is a quote), and a speaker shown must be the one the text names: a
wrong speaker is the error a reader trusts least. A speaker is also expected for most quotes
whose speaker the text names; ``docs/SPEC.md`` lists people only as speakers, so quotes of
bodies ("the company said") count against that share, not against the speakers shown.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from digest.facts import extract_facts

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "quotes_checked.json"
QUOTE_WORDS = 5

QUOTES_PRECISION_FLOOR = 0.98
"""Of the quotes digest lists, those a reader calls quotes (1.000 when set)."""
SPEAKERS_PRECISION_FLOOR = 0.97
"""Of the speakers digest names, those the text names (0.990 when set)."""
ATTRIBUTED_FLOOR = 0.80
"""Of the quotes whose speaker the text names, those digest gives a speaker (0.865 when set)."""


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def _name(name: str) -> str:
    text = re.sub(r"'s?$", "", _fold(name).strip())
    text = re.sub(r"[^\w]+", " ", re.sub(r"[.']", "", text)).strip()
    return " ".join(re.sub(r"^the ", "", text).split())


def _text(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", _fold(text)).split())


def _matches(produced: str, start: str) -> bool:
    text, key = _text(produced), " ".join(_text(start).split()[:QUOTE_WORDS])
    if not key or not text:
        return False
    head = " ".join(text.split()[:QUOTE_WORDS])
    return f" {key} " in f" {text} " or f" {head} " in f" {_text(start)} "


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    articles = json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]
    counts = {"right": 0, "wrong": 0, "named": 0, "named_right": 0, "need": 0, "given": 0}
    wrong: list[str] = []
    for article in articles:
        facts = extract_facts(
            tuple(article["paragraphs"]),
            title=article["title"] or "",
            published=article["published"],
            language=article["language"],
        )
        forms = {
            s["name"]: {_name(n) for n in [s["name"], *s["variants"]]} for s in article["speakers"]
        }
        for quote in facts.quotes:
            gold = [g for g in article["quotes"] if _matches(quote.text, g["start"])]
            extra = [g for g in article["acceptable_quotes"] if _matches(quote.text, g["start"])]
            if not gold and not extra:
                counts["wrong"] += 1
                wrong.append(f"{article['source']}: not a quote: {quote.text[:70]!r}")
                continue
            counts["right"] += 1 if gold else 0
            want = (gold or extra)[0]["speaker"]
            if gold and want is not None:
                counts["need"] += 1
                counts["given"] += 1 if quote.speaker else 0
            if quote.speaker is None or want == "*":
                continue
            counts["named"] += 1
            if want is not None and _name(quote.speaker) in forms.get(want, {_name(want)}):
                counts["named_right"] += 1
            else:
                wrong.append(
                    f"{article['source']}: {quote.text[:50]!r} by {quote.speaker}, not {want}"
                )
    return {"counts": counts, "wrong": wrong}


def test_quotes_listed_are_quotes(scores: dict[str, Any]) -> None:
    c = scores["counts"]
    precision = c["right"] / max(1, c["right"] + c["wrong"])
    assert precision >= QUOTES_PRECISION_FLOOR, "\n".join(scores["wrong"])


def test_speakers_named_are_the_ones_the_text_names(scores: dict[str, Any]) -> None:
    c = scores["counts"]
    precision = c["named_right"] / max(1, c["named"])
    assert precision >= SPEAKERS_PRECISION_FLOOR, f"{precision:.3f}\n" + "\n".join(scores["wrong"])


def test_most_quotes_with_a_named_speaker_get_one(scores: dict[str, Any]) -> None:
    c = scores["counts"]
    assert c["given"] / max(1, c["need"]) >= ATTRIBUTED_FLOOR, f"{c['given']}/{c['need']}"
