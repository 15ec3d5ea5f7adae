"""Property-based tests: the parser never crashes, and never invents text.

"Comes from the input" is checked as: with all whitespace removed, a
paragraph's text is a subsequence of the input with whitespace removed (the
parser only joins lines, drops furniture, soft hyphens and footnote markers).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ingest.header import default_title
from ingest.parser import parse_file, parse_text
from resqa.errors import ParseError

pytestmark = pytest.mark.unit

LINES = st.sampled_from([
    "The General Assembly,", "大会，", "安全理事會,", "L'Assemblée générale,", "Recalling its resolution 1/2,",
    "回顾其决议，", "1. Decides to act;", "2、决定；", "(a) To call upon;", "(ii) Further,", "¹ 第 66/288 号决议。",
    "1/ A/52/456。", "__________", "25-14304 (E)", "*2514304*", "Please recycle", "2/12", "Annex", "Article 3",
    "第三条", "Decides:", "22nd plenary meeting", "", "", "\f", "Whereas x,", "Preamble", "报告，²", "Action,1",
    # the real-copy paths of issue 12: parts, OCR numbers, end-of-file and inline footnotes,
    # mastheads, headless SC copies, adoption records
    "A", "B", "II", "甲", "乙", "1, Reaffirms its resolutions;", "4, Extends the mandate;", "ll. Further requests;",
    "(bob) The unit will work;", "(plem) and hoses", "43 See Official Records of the Security Council, Third Year,",
    "44 Ibid., document S/1152.", "Adopted at the 396th meeting by 8 votes to none, with 3 abstentions (x).",
    "United Nations S/RES/1 (1946) Security Council Distr.: General 1 May 1946", "Resolution 462 (1980)",
    "of 11 April 1980", "the developmentReport of the Conference (United Nations publication, Sales No. E.95), annex., the",
    "Deeply deplores the parade.", "1448th meeting of the Council,", "Recalling 1953 8 and 9 November 1953 9 to",
])
DOCUMENTS = st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=30).map("\n".join)
# the same documents with their line breaks lost (pasted from a web page), long enough to be linearized
LINEARIZED = st.lists(st.one_of(LINES, st.text(max_size=40)), min_size=20, max_size=60).map(
    lambda lines: " ".join(lines * 3))


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(DOCUMENTS, LINEARIZED), st.sampled_from(["A/RES/1/1", "S/RES/1 (1946)", None]))
def test_parse_text_never_crashes_and_never_invents_text(text, symbol):
    try:
        doc = parse_text(text, symbol=symbol)
    except ParseError as exc:
        assert exc.reason and "\n" not in exc.reason
        return
    source = _squash(text)
    for paragraph in doc.paragraphs:
        if paragraph.ref == "title" and paragraph.text in (doc.symbol, default_title(doc.symbol, doc.lang)):
            continue  # a document that prints no title is named after its symbol
        assert _is_subsequence(_squash(paragraph.text), source), paragraph.ref
    assert len({p.ref for p in doc.paragraphs}) == len(doc.paragraphs)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_only_raises_parse_error(text):
    try:
        doc = parse_text(text)
    except ParseError:
        return
    assert doc.paragraphs[0].ref == "title"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".htm", ".docx", ".pdf"]))
def test_any_bytes_in_any_supported_file_only_raise_parse_error(tmp_path, data, suffix):
    """Files, not just text: every reader turns junk into ParseError (or a document)."""
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(data)
    try:
        doc = parse_file(path)
    except ParseError as exc:
        assert exc.reason and "\n" not in exc.reason
        return
    assert doc.paragraphs[0].ref == "title"
