"""Telling HTML from text from binary, and decoding charsets right."""

from __future__ import annotations

import pytest

from digest.errors import BinaryInputError, EmptyInputError
from digest.inputs.decode import decode, sniff

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


# News sentences in the charsets pages still come in. Each is decoded from a page whose
# <meta> declares the right charset, declares none, or declares a wrong one (also sent by
# the server), as pages do.
PAGES = {
    "ru": (
        "koi8_r",
        "windows-1251",
        "Правительство России объявило в понедельник о новых мерах поддержки экономики. По словам министра финансов, бюджет страны получит дополнительные средства в следующем году. Эксперты считают, что эти решения помогут снизить инфляцию и укрепить рубль.",
    ),
    "ru-win": (
        "cp1251",
        "koi8-r",
        "Президент заявил журналистам, что ситуация остается сложной, но управляемой. По его словам, правительство готово принять дополнительные меры, если цены продолжат расти. Экономисты ожидают замедления роста в следующем квартале.",
    ),
    "ja": (
        "shift_jis",
        "euc-jp",
        "東京都は月曜日、新しい経済対策を発表した。財務大臣によると、来年度の予算には追加の資金が含まれる。専門家は、これらの決定がインフレを抑え、円を強化するのに役立つと考えている。首相は記者団に対し、状況は依然として厳しいが管理可能だと述べた。",
    ),
    "zh": (
        "gb2312",
        "big5",
        "中国政府周一宣布了新的经济支持措施。据财政部长说，明年的国家预算将获得额外资金。专家认为，这些决定将有助于降低通货膨胀并加强人民币。总统对记者表示，形势依然严峻，但可以控制。",
    ),
    "zh-gbk": (
        "gbk",
        "shift_jis",
        "国务院总理在记者会上表示，今年经济增长目标为百分之五左右。他说，政府将继续扩大内需，稳定就业，并加强对中小企业的支持。",
    ),
    "pl": (
        "iso8859_2",
        "windows-1252",
        "Rząd Polski ogłosił w poniedziałek nowe środki wsparcia gospodarki. Według ministra finansów budżet państwa otrzyma dodatkowe środki w przyszłym roku. Eksperci uważają, że te decyzje pomogą obniżyć inflację i wzmocnić złotego.",
    ),
    "el": (
        "iso8859_7",
        "windows-1252",
        "Η ελληνική κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα στήριξης της οικονομίας. Σύμφωνα με τον υπουργό Οικονομικών, ο κρατικός προϋπολογισμός θα λάβει επιπλέον κονδύλια το επόμενο έτος.",
    ),
    "de": (
        "iso8859_1",
        "koi8-r",
        "Die deutsche Bundesregierung hat am Montag neue Maßnahmen zur Unterstützung der Wirtschaft angekündigt. Nach Angaben des Finanzministers erhält der Bundeshaushalt im nächsten Jahr zusätzliche Mittel. Größere Änderungen sind für später geplant.",
    ),
    "fr": (
        "cp1252",
        "koi8-r",
        "Le gouvernement français a annoncé lundi de nouvelles mesures pour soutenir l’économie. Selon le ministre des Finances, le budget de l’État recevra des fonds supplémentaires l’année prochaine. « La situation reste difficile », a déclaré le président.",
    ),
}


def _page(text: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>News</title></head><body><article><p>{text}</p></article></body></html>"


@pytest.mark.parametrize("declaration", ["right", "missing", "wrong"])
@pytest.mark.parametrize("language", sorted(PAGES))
def test_charsets_decode_with_right_missing_or_wrong_declarations(
    language: str, declaration: str
) -> None:
    encoding, wrong, text = PAGES[language]
    meta = {"right": encoding.replace("_", "-"), "missing": None, "wrong": wrong}[declaration]
    data = _page(text, meta).encode(encoding)
    assert text in decode(data)
    if declaration == "wrong":  # the server says the same wrong thing
        assert text in decode(data, wrong)
