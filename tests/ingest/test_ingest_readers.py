"""Encodings and formats: the same resolution text reads the same way from every input."""

from __future__ import annotations

import pytest

from ingest.parser import parse_file, parse_text
from tests.conftest import SAMPLES

pytestmark = pytest.mark.unit

FOUNDING = SAMPLES / "zh" / "A_67_L_francophonie_draft.txt"


@pytest.fixture(scope="module")
def founding_text() -> str:
    return FOUNDING.read_text(encoding="utf-8")


def _signature(doc):
    return [(p.ref, p.text) for p in doc.paragraphs]


@pytest.mark.parametrize(
    "encoding, prefix",
    [
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16", b""),  # Python writes a BOM
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("gb18030", b""),
    ],
)
def test_encodings_give_the_same_document(tmp_path, founding_text, encoding, prefix):
    reference = parse_file(FOUNDING, symbol="A/67/L.X")
    path = tmp_path / f"founding-{encoding}.txt"
    path.write_bytes(prefix + founding_text.encode(encoding))
    doc = parse_file(path, symbol="A/67/L.X")
    assert _signature(doc) == _signature(reference)
    assert doc.paragraph("pp5").text.startswith("又铭记根据在塔那那利佛")


def test_gbk(tmp_path):
    """GBK has no superscript digits, so a document with "1/" markers stands in."""
    source = SAMPLES / "zh" / "A_RES_52_7.txt"
    path = tmp_path / "A_RES_52_7.txt"
    path.write_bytes(source.read_text(encoding="utf-8").encode("gbk"))
    assert _signature(parse_file(path)) == _signature(parse_file(source))
    assert parse_file(path).paragraph("pp2").footnotes == ("fn1",)


def test_crlf_line_ends(tmp_path, founding_text):
    path = tmp_path / "crlf.txt"
    path.write_bytes(founding_text.replace("\n", "\r\n").encode("utf-8"))
    doc = parse_file(path, symbol="A/67/L.X")
    assert (doc.count("preamble"), doc.count("operative")) == (13, 25)


def test_html(tmp_path):
    html = (
        "<html><head><title>x</title><script>var a = 1;</script></head><body>"
        "<p>52/7. 联合国同各国议会联盟的合作</p><p>大会，</p>"
        "<p>回顾1996年10月25日第51/7号决议，</p>"
        "<p>1. 赞赏地注意到合作有所增加；</p><p>2. 建议进一步加强这一合作。</p></body></html>"
    )
    path = tmp_path / "A_RES_52_7.html"
    path.write_text(html, encoding="utf-8")
    doc = parse_file(path)
    assert [p.ref for p in doc.paragraphs] == ["title", "pp1", "op1", "op2"]
    assert doc.symbol == "A/RES/52/7"
    assert doc.title == "联合国同各国议会联盟的合作"
    assert doc.paragraph("op2").text == "建议进一步加强这一合作。"


def test_docx_roundtrip(tmp_path):
    import docx

    document = docx.Document()
    for line in ("The Security Council,", "Recalling its resolution 338 (1973),",
                 "1. Calls upon the parties to comply;", "(a) Immediately;", "(b) Fully;",
                 "2. Decides to remain seized of the matter."):
        document.add_paragraph(line)
    path = tmp_path / "S_RES_0999_1999.docx"
    document.save(path)
    doc = parse_file(path)
    assert [p.ref for p in doc.paragraphs] == ["title", "pp1", "op1", "op1.a", "op1.b", "op2"]
    assert doc.symbol == "S/RES/999 (1999)"
    assert doc.organ == "Security Council"


def test_pdf_pages_are_kept():
    doc = parse_file(SAMPLES / "en" / "A_RES_79_8.pdf")
    pages = {p.ref: p.page for p in doc.paragraphs}
    assert pages["pp1"] == 1
    assert max(p for p in pages.values() if p) >= 4
    assert doc.paragraph("fn1").page == 2


def test_english_page_break_join_keeps_real_hyphens():
    doc = parse_file(SAMPLES / "en" / "A_80_L.1.pdf")
    assert "Implementation of the Two-State Solution:" in doc.paragraph("pp3").text
    assert "Two- State" not in doc.paragraph("pp3").text


def test_ocr_hard_line_breaks_are_unwrapped_and_soft_hyphens_removed():
    text = ("The Security Council,\n\nConsidering that the Govern-\nment concerned has acted\n"
            "in a non-\nviolent way,\n\n1. Decides to remain seized.")
    doc = parse_text(text, symbol="S/RES/1 (1946)")
    assert doc.paragraph("pp1").text == "Considering that the Government concerned has acted in a non-violent way,"


def test_fullwidth_numbering():
    doc = parse_text("大会，\n\n回顾其决议，\n\n１．决定采取行动；\n\n（a）立即；\n\n２．请秘书长报告。", symbol="A/RES/1/1")
    assert [p.ref for p in doc.paragraphs] == ["title", "pp1", "op1", "op1.a", "op2"]
    assert doc.paragraph("op1").text == "决定采取行动；"


@pytest.mark.slow
def test_pymupdf_recovers_more_footnote_links_than_pypdf():
    """The measurement behind the PDF library choice (docs/parser.md): the same
    pipeline fed pypdf's text finds fewer footnote citations on the UN PDFs."""
    import pypdf

    cites = {"pypdf": 0, "pymupdf": 0}
    for path in sorted((SAMPLES / "en").glob("*.pdf")):
        text = "\f".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)
        cites["pypdf"] += sum(len(p.footnotes) for p in parse_text(text, source=str(path)).paragraphs)
        cites["pymupdf"] += sum(len(p.footnotes) for p in parse_file(path).paragraphs)
    # pypdf 59 before spaced markers ("Jordan 10") were read in plain text; 82 since
    assert cites == {"pypdf": 82, "pymupdf": 88}
