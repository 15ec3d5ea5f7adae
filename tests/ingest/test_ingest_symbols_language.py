"""Symbols and language detection."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from language.scripts import detect_language
from ingest.symbols import normalize_symbol, symbol_from_filename, symbols_equal

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "raw, printed",
    [
        ("A/RES/79/331", "A/RES/79/331"),
        ("a/res/es-10/22", "A/RES/ES-10/22"),
        ("A/RES/ES–10/21", "A/RES/ES-10/21"),
        ("A/ES-10/L.27", "A/ES-10/L.27"),
        ("S/RES/2446(2018)", "S/RES/2446 (2018)"),
        ("  s / res / 2446  ( 2018 ) ", "S/RES/2446 (2018)"),
        ("A/RES/217(III)A", "A/RES/217 (III) A"),
        ("a/67/l.x", "A/67/L.X"),
        ("A/52/L.1/ADD.1", "A/52/L.1/Add.1"),
    ],
)
def test_normalize_symbol(raw, printed):
    assert normalize_symbol(raw) == printed


def test_symbols_equal_ignores_spaces_and_case():
    assert symbols_equal("S/RES/2446 (2018)", "s/res/2446(2018)")
    assert symbols_equal("A/RES/217 (III) A", "a/res/217(iii)a")
    assert not symbols_equal("A/RES/79/331", "A/RES/79/33")


@pytest.mark.parametrize(
    "name, symbol",
    [
        ("S_RES_0087_1950.txt", "S/RES/87 (1950)"),
        ("A_RES_2758_XXVI.pdf", "A/RES/2758 (XXVI)"),
        ("A_RES_217_III_A_UDHR.txt", "A/RES/217 (III) A"),
        ("A_RES_ES-10_21.partial.txt", "A/RES/ES-10/21"),
        ("A_RES_55_100.partial.txt", "A/RES/55/100"),
        ("A_80_L.1.pdf", "A/80/L.1"),
        ("A_80_590.docx", "A/80/590"),
        ("A_67_L_francophonie_draft.txt", "FILE/A_67_L_francophonie_draft"),
    ],
)
def test_symbol_from_filename(name, symbol):
    assert symbol_from_filename(name) == symbol
    assert symbol_from_filename(name) == symbol_from_filename(f"/some/folder/{name}")


symbol_text = st.text(alphabet="ASREL/.-()0123456789 aesrlivx–", min_size=1, max_size=30)


@given(symbol_text)
def test_normalize_symbol_is_idempotent(s):
    once = normalize_symbol(s)
    assert normalize_symbol(once) == once


@given(symbol_text)
def test_normalize_symbol_ignores_case_and_spaces(s):
    assert symbols_equal(s, s.lower()) and symbols_equal(s, s.upper())
    assert symbols_equal(s, " ".join(s))


@pytest.mark.parametrize(
    "text, lang",
    [
        ("哪些段落涉及维持和平行动？", "zh"),
        ("維持和平行動", "zh"),
        ("op14 的 (a) 项说了什么？", "zh"),
        ("Which paragraphs concern peacekeeping?", "en"),
        ("What does A/RES/80/4 decide?", "en"),
        ("Quels paragraphes concernent le maintien de la paix ?", "fr"),
        ("L'Assemblée générale", "fr"),
        ("¿Qué párrafos tratan de la paz?", "es"),
        ("Генеральная Ассамблея", "ru"),
        ("الجمعية العامة", "ar"),
        ("", "en"),
        ("12345 ???", "en"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang
