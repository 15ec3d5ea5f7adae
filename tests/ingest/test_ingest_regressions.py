"""Regression tests for parser bugs found by the gold set and the CLI tests.

Each test's docstring names the bug it pins; the fixtures are real documents.
"""

from __future__ import annotations

import pytest

from ingest.ocr import ocr_operative_number
from ingest.parser import parse_file, parse_text
from resqa.errors import ParseError
from tests.conftest import SAMPLES, TEST_CORPUS

pytestmark = pytest.mark.unit


def _refs(doc, kind: str) -> list[str]:
    return [p.ref for p in doc.paragraphs if p.kind.value == kind]


def test_ocr_misread_operative_number_is_repaired():
    """Bug: S/RES/713 (1991) prints op5 as "S. Appeals urgently …"; the parser stopped
    at op4 and glued op5–op8 (op6 is the arms embargo) into it."""
    doc = parse_file(SAMPLES / "en" / "S_RES_0713_1991.txt")
    assert _refs(doc, "operative") == [f"op{n}" for n in range(1, 9)]
    assert doc.paragraph("op5").text.startswith("Appeals urgently to and encourages all parties")
    assert doc.paragraph("op5").number == "5"
    assert "complete embargo on all deliveries of weapons" in doc.paragraph("op6").text
    assert doc.paragraph("op4").text.endswith("cease-fire agreements of 17 and 22 September 1991;")


def test_ocr_misread_number_opens_a_paragraph_without_blank_lines():
    """Bug: the same "S. Appeals" line, with the blank lines gone, was unwrapped into op4."""
    text = (SAMPLES / "en" / "S_RES_0713_1991.txt").read_text(encoding="utf-8")
    dense = "\n".join(line for line in text.split("\n") if line.strip())
    doc = parse_text(dense, source="S_RES_0713_1991.txt")
    assert _refs(doc, "operative") == [f"op{n}" for n in range(1, 9)]
    assert doc.paragraph("op5").text.startswith("Appeals urgently")


@pytest.mark.parametrize(("line", "expected", "end"), [
    ("S. Appeals urgently to all parties", 5, 3),
    ("l0. Decides to remain seized of the matter", 10, 4),
    ("?. Calls upon all States", 7, 3),
    ("S. Appeals urgently to all parties", 6, None),   # 6 is due: "S" is no 6
    ("B. Situation in the region", 8, None),           # a part heading, no operative verb
    ("5. Appeals urgently", 5, None),                   # a printed number is not a misreading
])
def test_ocr_number_only_where_the_numbering_expects_it(line, expected, end):
    """Bug guard: a misread number is accepted only as the next number before an operative verb."""
    assert ocr_operative_number(line, expected) == end


def test_bracketed_footnote_marker_ends_a_chinese_paragraph():
    """Bug: "…的义务,[1]" (wikisource transcription of A/RES/ES-10/21) kept the marker and
    glued the next recital "回顾安全理事会…" into pp3, so every later pp was off by one."""
    doc = parse_file(SAMPLES / "zh" / "A_RES_ES-10_21.partial.txt")
    assert doc.paragraph("pp3").text.endswith("并确保其得到尊重的义务,")
    assert doc.paragraph("pp4").text.startswith("回顾安全理事会各项有关决议")
    assert "2023年10月7日" in doc.paragraph("pp6").text
    assert not any("[1]" in p.text for p in doc.paragraphs)
    assert len(_refs(doc, "preamble")) == 10


def test_bracketed_marker_in_traditional_chinese_text():
    """Bug: the same "[1]" glue in A/RES/ES-11/6 merged "回顧國際法院…的命令,[1]" with the next recital."""
    doc = parse_file(SAMPLES / "zh" / "A_RES_ES-11_6.partial.txt")
    assert doc.paragraph("pp6").text == "回顧國際法院2022年3月16日的命令,"
    assert doc.paragraph("pp7").text.startswith("痛惜俄羅斯聯邦對烏克蘭的侵略")
    assert _refs(doc, "operative") == ["op1", "op2", "op3"]


def test_recital_repeated_with_also_opens_a_paragraph_after_a_lost_line():
    """Bug: in the English A/RES/ES-10/21 a source line ending "…(2016)," is lost, so pp4
    absorbed "Recalling also Security Council resolutions …" and pp5… were off by one."""
    doc = parse_file(SAMPLES / "en" / "A_RES_ES-10_21.partial.txt")
    assert doc.paragraph("pp4").text.endswith("2334 (2016) of 23 December")
    assert doc.paragraph("pp5").text.startswith("Recalling also Security Council resolutions")
    assert doc.paragraph("pp6").text.startswith("Expressing grave concern at the latest escalation")
    assert len(_refs(doc, "preamble")) == 8


def test_title_split_over_two_lines_is_joined():
    """Bug: a title wrapped over two header lines kept only one of them
    ("humanitarian obligations"; "巴勒斯坦领土其他地区的非法行动"), and "ES-10/21. Title"
    was not read as a number line."""
    en = parse_file(SAMPLES / "en" / "A_RES_ES-10_21.partial.txt")
    zh = parse_file(SAMPLES / "zh" / "A_RES_ES-10_21.partial.txt")
    assert en.title == "Protection of civilians and upholding legal and humanitarian obligations"
    from ingest.header import _join_title_lines

    assert _join_title_lines(["以色列在被占领的东耶路撒冷和被占领", "巴勒斯坦领土其他地区的非法行动"]) == (
        "以色列在被占领的东耶路撒冷和被占领巴勒斯坦领土其他地区的非法行动")
    # in the zh copy those two lines are agenda item 5's title (before the adoption note);
    # the resolution's own title line is missing from it (tests/ingest/test_ingest_gold_bugs.py)
    assert zh.title == "A/RES/ES-10/21"
    assert (en.agenda_item, zh.agenda_item) == ("5", "5")


def test_linearized_pdf_cut_after_its_first_eof_marker_is_refused(tmp_path):
    """Bug: a linearized PDF cut right after its first "%%EOF" passed the end-of-file
    check and PyMuPDF silently repaired it into zero pages."""
    data = (TEST_CORPUS / "en" / "A_L.632_1971_draft.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: data.find(b"%%EOF") + 6])
    with pytest.raises(ParseError, match=r"cut\.pdf: corrupt or truncated PDF \(0 of 1 pages readable\)"):
        parse_file(path)


def test_pdf_cut_to_a_third_is_refused(tmp_path):
    """Bug: a PDF cut to a third of its length was repaired and parsed as partial text."""
    data = (SAMPLES / "en" / "A_RES_80_4.pdf").read_bytes()
    path = tmp_path / "third.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ParseError, match=r"third\.pdf: corrupt or truncated PDF"):
        parse_file(path)


@pytest.mark.parametrize("name", ["A_80_590.pdf", "A_80_590.docx"])
def test_report_title_is_its_longest_first_page_heading(name):
    """Bug: the A/80/590 report (kind `other`) was titled by its first line, the masthead
    ("Eightieth session" / "A/80/590 United Nations General Assembly")."""
    doc = parse_file(TEST_CORPUS / "en" / "other" / name)
    assert str(doc.kind) == "other"
    assert doc.title == ("Budget performance of the United Nations Multidimensional Integrated "
                         "Stabilization Mission in Mali for the period from 1 July 2024 to 30 June 2025")
    assert doc.agenda_item == "155"
