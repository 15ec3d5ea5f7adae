"""Property-based tests: the parser never crashes, and never invents text.

"Comes from the input" is checked as: with all whitespace removed, a
paragraph's text is a subsequence of the input with whitespace removed (the
parser only joins lines, drops furniture, soft hyphens and footnote markers).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ingest.parser import parse_text
from resqa.errors import ParseError

pytestmark = pytest.mark.unit

LINES = st.sampled_from([
    "The General Assembly,", "大会，", "安全理事會,", "L'Assemblée générale,", "Recalling its resolution 1/2,",
    "回顾其决议，", "1. Decides to act;", "2、决定；", "(a) To call upon;", "(ii) Further,", "¹ 第 66/288 号决议。",
    "1/ A/52/456。", "__________", "25-14304 (E)", "*2514304*", "Please recycle", "2/12", "Annex", "Article 3",
    "第三条", "Decides:", "22nd plenary meeting", "", "", "\f", "Whereas x,", "Preamble", "报告，²", "Action,1",
])
DOCUMENTS = st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=30).map("\n".join)


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_parse_text_never_crashes_and_never_invents_text(text):
    try:
        doc = parse_text(text, symbol="A/RES/1/1")
    except ParseError as exc:
        assert exc.reason and "\n" not in exc.reason
        return
    source = _squash(text)
    for paragraph in doc.paragraphs:
        if paragraph.ref == "title" and paragraph.text == doc.symbol:
            continue
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
