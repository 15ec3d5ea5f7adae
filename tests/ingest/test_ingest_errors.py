"""Bad input ends in one ParseError naming the file and the reason, never a traceback."""

from __future__ import annotations

import os

import pytest

from ingest.parser import SUPPORTED_SUFFIXES, parse_file, parse_text
from ingest.model import DocumentKind
from resqa.errors import ParseError
from tests.conftest import SAMPLES, TEST_CORPUS

pytestmark = pytest.mark.unit


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == (".txt", ".pdf", ".docx", ".html", ".htm")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ParseError, match=r"empty\.txt: empty file$"):
        parse_file(path)


def test_whitespace_only(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n  \n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"blank\.txt: no text \(the file holds only whitespace\)"):
        parse_file(path)


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ParseError, match=r"image\.txt: binary file, not text"):
        parse_file(path)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"\x81\x30\xff\xfe\xfd The General Assembly \xff")
    with pytest.raises(ParseError, match=r"latin\.txt: undecodable bytes"):
        parse_file(path)


def test_truncated_pdf(tmp_path):
    data = (SAMPLES / "en" / "A_RES_80_4.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[:2000])
    with pytest.raises(ParseError, match=r"truncated\.pdf: corrupt or truncated PDF \(no end-of-file marker\)"):
        parse_file(path)


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"garbage" * 100)
    with pytest.raises(ParseError, match=r"corrupt\.pdf: (corrupt or truncated PDF|no extractable text)"):
        parse_file(path)


def test_scanned_pdf_without_text_layer():
    path = TEST_CORPUS / "ru" / "A_RES_2758_XXVI.pdf"
    with pytest.raises(ParseError, match=r"no extractable text \(scanned PDF without a text layer\?\)"):
        parse_file(path)


def test_password_protected_pdf(tmp_path):
    import pymupdf

    source = pymupdf.open(SAMPLES / "en" / "A_RES_80_4.pdf")
    path = tmp_path / "locked.pdf"
    source.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    with pytest.raises(ParseError, match=r"locked\.pdf: password-protected PDF"):
        parse_file(path)


def test_corrupt_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ParseError, match=r"broken\.docx: corrupt DOCX"):
        parse_file(path)


def test_unsupported_extension(tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(b"whatever")
    with pytest.raises(ParseError, match=r"table\.xlsx: unsupported file type '\.xlsx'"):
        parse_file(path)


def test_missing_path(tmp_path):
    with pytest.raises(ParseError, match=r"missing\.txt: cannot read file \(No such file or directory\)"):
        parse_file(tmp_path / "missing.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_path(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("The General Assembly,", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(ParseError, match=r"secret\.txt: cannot read file \(Permission denied\)"):
        parse_file(path)


def test_path_through_a_file_is_unreadable(tmp_path):
    parent = tmp_path / "plain.txt"
    parent.write_text("x", encoding="utf-8")
    with pytest.raises(ParseError, match=r"child\.txt: cannot read file \(Not a directory\)"):
        parse_file(parent / "child.txt")


def test_not_a_pdf(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_text("The General Assembly,", encoding="utf-8")
    with pytest.raises(ParseError, match=r"fake\.pdf: not a PDF \(no %PDF header\)"):
        parse_file(path)


def test_directory(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ParseError, match=r"folder\.txt: is a directory"):
        parse_file(folder)


def test_size_limit_checked_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("The General Assembly,\n\n1. Decides.\n" * 100, encoding="utf-8")
    with pytest.raises(ParseError, match=r"big\.txt: file is 3500 bytes, over the limit of 1000 bytes"):
        parse_file(path, max_bytes=1000)


def test_bad_language_argument():
    with pytest.raises(ParseError, match=r"unsupported language 'xx'"):
        parse_text("The General Assembly,\n\n1. Decides.", lang="xx")


def test_parse_error_is_one_line(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ParseError) as info:
        parse_file(path)
    assert "\n" not in str(info.value)
    assert info.value.path == str(path)
    assert info.value.reason == "empty file"


@pytest.mark.parametrize("name", ["A_80_590.pdf", "A_80_590.docx"])
def test_report_is_other_with_warning_and_no_resolution_refs(name):
    doc = parse_file(TEST_CORPUS / "en" / "other" / name)
    assert doc.kind is DocumentKind.OTHER
    assert doc.warnings and "not a resolution" in doc.warnings[0]
    refs = [p.ref for p in doc.paragraphs if p.kind != "footnote"]
    assert refs[0] == "title"
    assert refs[1:4] == ["p1", "p2", "p3"]
    assert not [r for r in refs if r.startswith(("pp", "op"))]
    assert doc.symbol == "A/80/590"
