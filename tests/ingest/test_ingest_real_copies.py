"""Real copies people have (issue 12): linearized text, sections, masthead titles, the ref grammar."""

from __future__ import annotations

import re

import pytest

from ingest.model import Paragraph, ParagraphKind
from ingest.parser import parse_file, parse_text
from language.refs import CITATION_RE, is_valid_ref, split_section
from tests.conftest import ROOT
from tests.ingest.ingest_golden import GOLDEN, LINEARIZED

pytestmark = pytest.mark.unit


def _body_refs(doc) -> list[str]:
    return [p.ref for p in doc.paragraphs if p.kind != ParagraphKind.FOOTNOTE]


@pytest.mark.parametrize("path", LINEARIZED)
def test_a_linearized_copy_keeps_the_structure_of_the_original(path):
    """The whole document on one line (pasted from a web page): same refs, same texts."""
    original = parse_file(ROOT / path)
    text = (ROOT / path).read_text(encoding="utf-8")
    joined = re.sub(r"\s*\n\s*", "" if original.lang == "zh" else " ", text.strip())
    assert "\n" not in joined
    linear = parse_text(joined, source=path)
    assert _body_refs(linear) == _body_refs(original)
    assert linear.symbol == original.symbol
    golden = next((case for case in GOLDEN if case["path"] == path), None)
    if golden:
        for ref, fragment in golden["texts"].items():
            if not ref.startswith("fn"):
                assert fragment in linear.paragraph(ref).text, ref
    assert any("without line breaks" in w for w in linear.warnings)


def test_a_numbering_that_continues_across_parts_keeps_plain_operative_refs():
    """S/RES/820 (1993): part B has its own preamble but op10… continue part A's numbering."""
    doc = parse_file(ROOT / "corpora" / "unsc" / "S_RES_0820_1993.txt")
    refs = [p.ref for p in doc.paragraphs]
    assert "B.pp1" in refs and "op10" in refs and "B.op10" not in refs
    assert doc.paragraph("B.pp2").text.startswith("Acting under Chapter VII")


def test_unnumbered_parts_count_on_without_sections():
    """S/RES/82 (1950) prints parts I, II, III of unnumbered paragraphs: refs stay op1…op5."""
    doc = parse_file(ROOT / "samples" / "en" / "S_RES_0082_1950.txt")
    assert [p.ref for p in doc.paragraphs if p.kind == ParagraphKind.OPERATIVE] == ["op1", "op2", "op3", "op4", "op5"]


def test_sectioned_general_assembly_text_in_chinese_uses_the_latin_part_names():
    text = ("大会，\n\n回顾其决议，\n\n甲\n\n1. 决定采取行动；\n\n2. 请秘书长报告；\n\n乙\n\n1. 决定继续审议。")
    doc = parse_text(text, symbol="A/RES/9/9")
    assert [p.ref for p in doc.paragraphs] == ["title", "pp1", "A.op1", "A.op2", "B.op1"]


def test_masthead_is_never_the_title():
    """A copy whose first lines are the page masthead gets the subject or "Resolution N (YYYY)"."""
    en = parse_text("United Nations S/RES/2326 (2016) Security Council Distr.: General 15 December 2016\n\n"
                    "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to act.")
    zh = parse_text("联合国 S/RES/2326 (2016) 安全理事会 Distr.: General 15 December 2016\n\n安全理事会，\n\n"
                    "回顾其各项决议，\n\n1. 决定采取行动。", symbol="S/RES/2326 (2016)")
    assert (en.title, zh.title) == ("Resolution 2326 (2016)", "第2326(2016)号决议")
    assert en.symbol == "S/RES/2326 (2016)"


@pytest.mark.parametrize("ref, valid", [
    ("op1", True), ("B.op1", True), ("II.pp3", True), ("B.op2.a", True), ("A.op1.a.ii", True), ("annex.art3", True),
    ("op4.bob", False), ("K.op1", False), (".op1", False), ("A.title", False), ("IIII.op1", False),
])
def test_the_one_ref_grammar(ref, valid):
    assert is_valid_ref(ref) is valid


def test_citations_with_section_refs():
    match = CITATION_RE.search("see S/RES/101 (1953)#B.op1 and more")
    assert match and match.group("ref") == "B.op1" and split_section("B.op1") == ("B", "op1")
    with pytest.raises(ValueError, match="not a valid reference"):
        Paragraph("op4.bob", ParagraphKind.SUBPARAGRAPH, "text")
