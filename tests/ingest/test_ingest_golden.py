"""Golden structure tests on real corpus documents (see ingest_golden.py)."""

from __future__ import annotations

import re

import pytest

from ingest.model import ParagraphKind
from ingest.parser import parse_file
from language.scripts import CJK_CLASS
from tests.ingest.ingest_golden import GOLDEN
from tests.conftest import ROOT

BODY_KINDS = (ParagraphKind.PREAMBLE, ParagraphKind.OPERATIVE, ParagraphKind.SUBPARAGRAPH, ParagraphKind.ANNEX)


@pytest.fixture(scope="module")
def parsed():
    cache = {}

    def get(case):
        if case["path"] not in cache:
            cache[case["path"]] = parse_file(ROOT / case["path"], symbol=case.get("symbol"))
        return cache[case["path"]]

    return get


def _ids(case):
    return case["path"].split("/", 1)[1]


pytestmark = pytest.mark.unit


@pytest.mark.parametrize("case", GOLDEN, ids=_ids)
def test_counts(case, parsed):
    doc = parsed(case)
    counts = tuple(doc.count(k) for k in (ParagraphKind.PREAMBLE, ParagraphKind.OPERATIVE,
                                          ParagraphKind.SUBPARAGRAPH, ParagraphKind.ANNEX,
                                          ParagraphKind.FOOTNOTE))
    assert counts == case["counts"]
    assert len(doc.footnotes) == case["counts"][4]


@pytest.mark.parametrize("case", GOLDEN, ids=_ids)
def test_metadata(case, parsed):
    doc = parsed(case)
    assert doc.lang == case["lang"]
    assert str(doc.kind) == case["kind"]
    assert doc.symbol == case.get("symbol_out", case.get("symbol"))
    for key in ("session", "date", "agenda_item"):
        if key in case:
            assert getattr(doc, key) == case[key], key
    if "sponsors" in case:
        number, first, last = case["sponsors"]
        assert (len(doc.sponsors), doc.sponsors[0], doc.sponsors[-1]) == (number, first, last)


@pytest.mark.parametrize("case", GOLDEN, ids=_ids)
def test_refs_in_document_order(case, parsed):
    doc = parsed(case)
    refs = [p.ref for p in doc.paragraphs]
    assert refs[0] == "title"
    wanted = list(case.get("refs", ()))
    assert [r for r in refs if r in wanted] == wanted
    # pp before op before annex before footnotes
    order = {"title": 0, "preamble": 1, "operative": 2, "subparagraph": 2, "annex": 3, "footnote": 4}
    ranks = [order[str(p.kind)] for p in doc.paragraphs]
    assert ranks == sorted(ranks)
    pps = [int(r[2:]) for r in refs if re.fullmatch(r"pp\d+", r)]
    assert pps == list(range(1, len(pps) + 1))


@pytest.mark.parametrize("case", GOLDEN, ids=_ids)
def test_footnote_links_and_texts(case, parsed):
    doc = parsed(case)
    cites = {p.ref: p.footnotes for p in doc.paragraphs if p.footnotes}
    assert cites == case.get("cites", {})
    for ref, fragment in case["texts"].items():
        assert fragment in doc.paragraph(ref).text, ref
    for ref, page in case.get("pages", {}).items():
        assert doc.paragraph(ref).page == page, ref


@pytest.mark.parametrize("case", GOLDEN, ids=_ids)
def test_no_footnote_text_or_furniture_in_body(case, parsed):
    doc = parsed(case)
    body = [p for p in doc.paragraphs if p.kind in BODY_KINDS]
    for note in doc.footnotes:
        for paragraph in body:
            assert note.text not in paragraph.text, (paragraph.ref, note.ref)
    for paragraph in body:
        assert not re.search(r"\d{2}-\d{5}|\*\d{7}\*|Please recycle|[⁰¹²³⁴⁵⁶⁷⁸⁹]", paragraph.text), paragraph.ref
        if doc.lang == "zh":
            assert not re.search(f"[{CJK_CLASS}] +[{CJK_CLASS}]", paragraph.text), paragraph.ref


def test_founding_document_page_break_join_has_no_space(parsed):
    """Regression: pp5 is split by blank lines ("…民主，预\\n\\n\\n\\n防、…") and must read on."""
    doc = parsed(GOLDEN[0])
    assert "民主，预防、管理和解决冲突" in doc.paragraph("pp5").text
    assert doc.paragraph("op2").text.endswith("协调行动的中心；")
    assert "第 66/288 号决议" not in doc.paragraph("op2").text


BORN_DIGITAL = ("A_80_L.1", "A_RES_73_6", "A_RES_73_7", "A_RES_73_8", "A_RES_78_325", "A_RES_78_330",
                "A_RES_79_177", "A_RES_79_8", "A_RES_80_4", "A_RES_80_7")


@pytest.mark.parametrize("stem", BORN_DIGITAL)
def test_pdf_and_its_text_layer_give_the_same_refs(stem):
    """The PDF (PyMuPDF, furniture dropped by position) and its saved text layer
    (furniture dropped by pattern) are independent paths to the same structure."""
    from_pdf = parse_file(ROOT / "samples" / "en" / f"{stem}.pdf")
    from_text = parse_file(ROOT / "tests" / "data" / "corpus" / "en" / "pdf-text" / f"{stem}.txt")
    assert [p.ref for p in from_pdf.paragraphs] == [p.ref for p in from_text.paragraphs]
    assert (from_pdf.symbol, from_pdf.title) == (from_text.symbol, from_text.title)


def _translation_pairs():
    zh = ROOT / "samples" / "zh"
    for path in sorted(zh.glob("*.txt")):
        if ".partial" in path.name:
            continue  # truncated copies stop at different places in each language
        for lang in ("en", "fr"):
            other = ROOT / "samples" / lang / path.name
            if other.exists():
                yield pytest.param(path, other, id=f"{path.stem}-zh-{lang}")


@pytest.mark.parametrize("zh_path, other_path", list(_translation_pairs()))
def test_official_translations_keep_the_numbering(zh_path, other_path):
    """UN translations keep paragraph numbering, so both languages must give the same refs."""
    zh, other = parse_file(zh_path), parse_file(other_path)
    body = lambda doc: [p.ref for p in doc.paragraphs if p.kind != ParagraphKind.FOOTNOTE]  # noqa: E731
    assert body(zh) == body(other)
    assert zh.symbol == other.symbol
    assert (zh.lang, other.lang) == ("zh", other_path.parent.name)
