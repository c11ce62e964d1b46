"""Golden tests for the shipped seeds, listed in ``seeds_manifest.json``.

Each entry gives the expected title and attribution, snippets that must appear in the
body, and snippets (boilerplate, captions, author bios, "read more" lists) that must not.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from digest.models import Article
from tests.conftest import SEEDS, read_once

MANIFEST: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).parent / "seeds_manifest.json").read_text(encoding="utf-8")
)


def test_manifest_lists_every_seed() -> None:
    assert sorted(MANIFEST) == sorted(p.name for p in SEEDS.iterdir() if not p.name.startswith("."))


@pytest.fixture(scope="module", params=sorted(MANIFEST))
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Article]:
    name: str = request.param
    article = read_once((SEEDS / name).read_bytes(), input=name)
    return MANIFEST[name], article


def test_title(case: tuple[dict[str, Any], Article]) -> None:
    expected, article = case
    assert article.title == expected["title"]


def test_attribution(case: tuple[dict[str, Any], Article]) -> None:
    expected, article = case
    assert article.publisher == expected["publisher"]
    assert list(article.authors) == expected["authors"]
    assert (article.published or "")[:10] == (expected["published"] or "")
    assert article.language == expected["language"]


def test_body_keeps_the_article_and_drops_the_rest(case: tuple[dict[str, Any], Article]) -> None:
    expected, article = case
    for snippet in expected["must"]:
        assert snippet in article.text, snippet
    for snippet in expected["must_not"]:
        assert snippet not in article.text, snippet


def test_summary_sentences_stand_in_their_paragraphs(case: tuple[dict[str, Any], Article]) -> None:
    _, article = case
    assert 1 <= len(article.summary) <= 3
    for sentence in article.summary:
        assert sentence.text in article.paragraphs[sentence.paragraph]
