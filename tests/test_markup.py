"""Pathological markup is simplified before lxml parses it, and the page is parsed once.

The scan that counts attributes must find tags where libxml2 finds them: each row of
``CONTEXTS`` puts a tag with 2,000 attributes after a construct where the two readings
could part (comments, raw text, quotes, bogus comments...), and checks that no element of
the parsed page has more than ``MAX_ATTRIBUTES``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lxml.html
import pytest

from digest import reading
from digest.extract import html as extract_html
from digest.extract.markup import MAX_ATTRIBUTES, limit_attributes
from digest.reading import read_article
from tests.conftest import SEEDS

STORY = (
    "<p>The regional council approved the new budget on Tuesday after a long debate about "
    "roads, schools and the harbour, and the mayor said the vote settled a long dispute.</p>"
)


def hostile_tag(count: int = 2000, *, form: str = ' a{}="x"') -> str:
    return "<p" + "".join(form.format(n) for n in range(count)) + ">hostile</p>"


def most_attributes(page: str) -> int:
    root = lxml.html.document_fromstring(page)
    return max(len(element.attrib) for element in root.iter() if isinstance(element.tag, str))


@pytest.mark.parametrize(
    ("context", "attribute", "read_as_a_tag"),
    [
        ("", ' a{}="x"', True),
        ("", " a{}", True),  # valueless
        ("", "/a{}", True),  # slashes between attributes
        ("", """ a{0}="x"b{0}='y'""", True),  # nothing between a quoted value and the next
        ("", " a{}=x", True),  # unquoted
        ("<!-->", ' a{}="x"', True),  # an empty comment ends at once
        ("<!--->", ' a{}="x"', True),
        ("<!-- x --!>", ' a{}="x"', True),
        # A reader that ended this comment at "-->" (libxml2 before 2.14) would see the tag
        # inside x's value: the scan writes the "<" in it as "&lt;".
        ("<!--> <x a='-->", ' a{}="x"', False),
        ("<![CDATA[ x ]]>", ' a{}="x"', True),  # a bogus comment, in HTML
        ("<?php echo 1 ?>", ' a{}="x"', True),
        ("</ x>", ' a{}="x"', True),
        ('<script>var s = "<x a=\'";</script>', ' a{}="x"', True),
        ("<script><!--<script>x</script><x a='</script>", ' a{}="x"', True),
        ("<style>a > b { }</style>", ' a{}="x"', True),
        ('<title>a <b c="</title>', ' a{}="x"', True),
        ('<textarea>a <b c="</textarea>', ' a{}="x"', True),
        ('<noscript><img alt="x"></noscript>', ' a{}="x"', True),
        ("<div title=\"a > b\" data-x='<p>'>", ' a{}="x"', True),
        ('<div <p a="1"', ' a{}="x"', True),  # "<p" is an attribute name of the div
        ("<SCRIPT>x</SCRIPT >", ' a{}="x"', True),
        ("<scriptx a='>", ' a{}="x"', False),  # a tag named scriptx, open to the end
    ],
)
def test_no_element_keeps_more_attributes_than_the_limit(
    context: str, attribute: str, read_as_a_tag: bool
) -> None:
    page = f"<html><body>{STORY}{context}{hostile_tag(form=attribute)}{STORY}</body></html>"
    assert (most_attributes(page) > MAX_ATTRIBUTES) == read_as_a_tag  # how libxml2 reads it
    limited, _ = limit_attributes(page)
    assert most_attributes(limited) <= MAX_ATTRIBUTES


def test_the_first_attributes_are_kept_and_the_page_is_read() -> None:
    page = "<html><body><article>" + hostile_tag(30_000) + STORY * 3 + "</article></body></html>"
    limited, simplified = limit_attributes(page)
    root = lxml.html.document_fromstring(limited)
    hostile = root.xpath("//p[text()='hostile']")[0]
    assert simplified == 1 and len(hostile.attrib) == MAX_ATTRIBUTES
    assert hostile.get("a0") == "x" and hostile.get(f"a{MAX_ATTRIBUTES - 1}") == "x"
    article = read_article(page.encode())
    assert article.warnings == ("markup-simplified",)
    assert "The regional council approved the new budget" in article.text


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.html")))
def test_a_page_within_the_limit_is_parsed_as_it_was(seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8", errors="replace")
    limited, simplified = limit_attributes(text)
    assert simplified == 0
    before = lxml.html.tostring(lxml.html.document_fromstring(text))
    assert lxml.html.tostring(lxml.html.document_fromstring(limited)) == before


def test_a_page_of_too_many_tags_is_cut_and_read() -> None:
    page = (
        "<html><head><title>Tags</title></head><body><article>"
        + STORY * 5
        + "<i>x</i>" * (extract_html.MAX_MARKUP // 2 + 1000)
        + "</article></body></html>"
    )
    article = read_article(page.encode())
    assert "truncated" in article.warnings
    assert "The regional council approved the new budget" in article.text


def test_a_page_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """lxml builds one tree from the page: metadata, readability and htmldate share it."""
    import htmldate.utils
    import readability.readability

    parsed: list[int] = []

    def counted(parse: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(text: Any, *args: Any, **kwargs: Any) -> Any:
            if len(text) > 200:  # readability makes its own "<div/>" and "<p/>"
                parsed.append(len(text))
            return parse(text, *args, **kwargs)

        return wrapper

    for module, names in (
        (lxml.html, ("document_fromstring", "fragment_fromstring", "fromstring")),
        (readability.readability, ("document_fromstring", "fragment_fromstring")),
        (htmldate.utils, ("fromstring",)),
    ):
        for name in names:
            monkeypatch.setattr(module, name, counted(getattr(module, name)))
    article = reading.read_article((SEEDS / "bbc-obama-gun-laws.html").read_bytes())
    assert article.title and len(article.paragraphs) > 5
    assert len(parsed) == 1
