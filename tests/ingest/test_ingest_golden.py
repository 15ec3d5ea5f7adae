"""Golden structure tests on real corpus documents (see ingest_golden.py)."""

from __future__ import annotations

import re

import pytest

from ingest.model import ParagraphKind
from ingest.parser import parse_file
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
            assert not re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", paragraph.text), paragraph.ref


def test_founding_document_page_break_join_has_no_space(parsed):
    """Regression: pp5 is split by blank lines ("…民主，预\\n\\n\\n\\n防、…") and must read on."""
    doc = parsed(GOLDEN[0])
    assert "民主，预防、管理和解决冲突" in doc.paragraph("pp5").text
    assert doc.paragraph("op2").text.endswith("协调行动的中心；")
    assert "第 66/288 号决议" not in doc.paragraph("op2").text
