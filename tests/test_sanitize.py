"""The sanitiser: what text from strangers loses, what links are kept, what JSON escapes."""

from __future__ import annotations

import json

import pytest

from digest.models import Credit, Extraction
from digest.text import sanitize
from digest.text.sanitize import clean, json_safe, name, web_url, why_not_url


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("plain text, “quoted” — and accented: été", "plain text, “quoted” — and accented: été"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("clipboard \x1b]52;c;cHduZWQ=\x07 set", "clipboard ]52;c;cHduZWQ= set"),
        ("osc 8 \x1b]8;;https://evil.example/\x1b\\link", "osc 8 ]8;;https://evil.example/\\link"),
        ("clear \x1b[2J\x1b[H screen", "clear [2J[H screen"),
        ("bell\x07\x07 and backspace\x08", "bell and backspace"),
        ("carriage\rreturn", "carriage return"),
        ("form\x0cfeed, vertical\x0btab", "form feed, vertical tab"),
        ("unit\x1fseparator", "unit separator"),
        ("delete\x7f", "delete"),
        ("C1 CSI \x9b31m red", "C1 CSI 31m red"),
        ("C1 OSC \x9d52;c;x\x9c end", "C1 OSC 52;c;x end"),
        ("next\x85line", "next line"),
        ("file \u202egpj.exe", "file gpj.exe"),
        ("embeddings \u202a\u202b\u202c\u202d", "embeddings "),
        ("isolates \u2066a\u2067b\u2068c\u2069", "isolates abc"),
        ("marks stay: \u200e\u200f\u061c", "marks stay: \u200e\u200f\u061c"),
        ("not UTF-8: bad\udcff\udcfe name", "not UTF-8: bad\ufffd\ufffd name"),
    ],
)
def test_clean(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned
    assert clean(cleaned) == cleaned


def test_a_name_that_is_not_utf8_is_shown_with_replacement_characters() -> None:
    import os

    assert name(os.fsdecode(b"/news/z\xe9t\xe9.html")) == "/news/z\ufffdt\ufffd.html"


@pytest.mark.parametrize(
    ("url", "kept", "reason"),
    [
        ("https://example.org/story?id=1#top", True, ""),
        ("http://127.0.0.1:8080/a)[b](c", True, ""),
        ("javascript:alert(1)", False, "not an http(s) URL"),
        ("file:///etc/passwd", False, "not an http(s) URL"),
        ("smb://server/share", False, "not an http(s) URL"),
        ("https://example.org/feed\n/", False, "a URL cannot hold spaces or control characters"),
        ("https://example.org/a b", False, "a URL cannot hold spaces or control characters"),
        ("https://example.org/\x1b[2J", False, "a URL cannot hold spaces or control characters"),
        ("https://example.org/\u202eevil", False, "a URL cannot hold spaces or control characters"),
        ("http://[bad", False, "not a valid URL"),
        ("http:///no-host", False, "URL has no host"),
        ("http://example.org:99999/", False, "not a valid URL (bad port)"),
    ],
)
def test_web_url(url: str, kept: bool, reason: str) -> None:
    assert web_url(url) == (url if kept else None)
    if not kept:
        assert why_not_url(url) == reason


@pytest.mark.parametrize(
    "value",
    ["C1 \x9b31m", "override \u202e", "isolate \u2066x\u2069", "separators \u2028\u2029", "\x7f"],
)
def test_json_carries_no_raw_control_and_means_the_same(value: str) -> None:
    text = json_safe(json.dumps({"title": value}, ensure_ascii=False))
    assert text.isascii() or not any(0x7F <= ord(c) <= 0x9F for c in text)
    assert not any(c in text for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert json.loads(text) == {"title": value}


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (
            "Minister&#8217;s plan &quot;will fail&quot;",
            'Minister’s plan "will fail"',
        ),  # escaped twice
        ("Berg &amp;amp; Sons", "Berg & Sons"),  # three times
        ("&#151; Hillary Clinton said", "— Hillary Clinton said"),  # a Windows-1252 reference
        ("The auditor found <b>no</b> estimate", "The auditor found no estimate"),
        ("<b>T</b>urkey said<br>no", "Turkey said no"),  # inline tags join, block tags part
        ("Watch <script>alert(1)</script>now", "Watch now"),  # code goes with its tags
        ("AT&T and R&D, &c", "AT&T and R&D, &c"),  # no reference without its semicolon
        ("Jane <jane@example.com> wrote x <y> z", "Jane <jane@example.com> wrote x <y> z"),
    ],
)
def test_entities_and_tags_left_in_text_are_read(text: str, plain: str) -> None:
    assert sanitize.unmarked(text) == plain


def test_a_paragraph_or_credit_that_was_mostly_markup_is_dropped() -> None:
    found = Extraction(
        title="A &amp; B",
        paragraphs=(
            "Kept <i>text</i> here.",
            '<iframe src="https://x.example/e" width="640"></iframe> x',
        ),
        credits=(Credit("photo", 'EMBED <>More <iframe src="https://x.example/e"></iframe>'),),
    )
    clean = sanitize.extraction(found)
    assert clean.title == "A & B"
    assert clean.paragraphs == ("Kept text here.",)
    assert clean.credits == ()
