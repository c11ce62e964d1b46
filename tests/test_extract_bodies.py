"""The body of a page, paragraph by paragraph: what a reader sees as the story is one
paragraph each, in the text; what is not the story stays out of it (issue 15).

Each page in ``tests/fixtures/bodies/`` is written for these tests after a layout found in
news pages, trimmed to its structure: one class of failure a page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from digest import read_article

BODIES = Path(__file__).resolve().parent / "fixtures" / "bodies"


@pytest.mark.parametrize(
    ("page", "paragraph"),
    [
        (
            # Lines of a <div> between <br>s, one of them with a link in it: readability
            # set the words before the link apart from it.
            "lines_with_links.html",
            "The full survey for the month can be read on the store's survey page, which "
            "lists every platform.",
        ),
    ],
)
def test_a_sentence_stays_one_paragraph(page: str, paragraph: str) -> None:
    article = read_article((BODIES / page).read_bytes(), input=page)
    assert paragraph in article.paragraphs
    assert len(article.paragraphs) == 6
