"""Telling HTML from text from binary, and decoding charsets right."""

from __future__ import annotations

import pytest

from digest.decode import decode, sniff
from digest.errors import BinaryInputError, EmptyInputError

FRENCH = "Le ministre a déclaré que l'été serait difficile à Besançon."


def test_html_is_told_by_content_not_name() -> None:
    assert sniff(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>") == "html"
    assert sniff(b"\n\n  <html lang='en'><head><title>x</title>") == "html"
    assert sniff(b"Some words.\n<div>one</div><p>two</p><a href=x>three</a>") == "html"
    assert sniff(b"Skip to main content\nNATO\n\nNATO defence chiefs meet") == "text"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_binary_input_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(BinaryInputError, match=reason):
        sniff(data)


def test_empty_input_is_refused() -> None:
    with pytest.raises(EmptyInputError):
        sniff(b"  \n\t\n")


def test_utf16_with_bom_is_text_not_binary() -> None:
    data = "Hello there, this is a story.".encode("utf-16")  # with a BOM
    assert sniff(data) == "text"
    assert decode(data, kind="text").startswith("Hello there")


@pytest.mark.parametrize("encoding", ["cp1252", "iso-8859-15"])
def test_declared_single_byte_charset_is_used(encoding: str) -> None:
    page = f'<html><head><meta charset="{encoding}"></head><body><p>{FRENCH}</p></body></html>'
    assert FRENCH in decode(page.encode(encoding))


def test_utf8_page_that_declares_latin1_still_decodes_right() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{FRENCH}</p></body></html>'
    assert FRENCH in decode(page.encode("utf-8"))


def test_cp1252_page_that_declares_utf8_is_guessed() -> None:
    text = (FRENCH + " ") * 20
    page = f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'
    decoded = decode(page.encode("cp1252"))
    assert "déclaré" in decoded and "été" in decoded


def test_server_charset_wins_over_a_missing_meta() -> None:
    text = "Москва заявила, что корабли выпустили ракеты. " * 5
    data = f"<html><body><p>{text}</p></body></html>".encode("koi8-r")
    assert "Москва" in decode(data, "koi8-r")
