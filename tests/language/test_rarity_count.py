"""Counting the texts a term occurs in by literal search gives the term regex's own count."""

from __future__ import annotations

import pytest

from language import terms as T

TEXTS = (
    "Operations of the Force",  # a hit at offset 0 of the joined texts
    "peacekeeping operations in Cyprus; the UNFICYP mandate",
    "cooperation is not an operation",  # "cooperation" must not count for "operation"
    "联合国维持和平部队在塞浦路斯的驻留期限",
    "南苏丹UNMISS特派团",  # an acronym between Chinese characters
    "XUNMISS and UNMISSION are other words",
    "the peace-keeping operation",
    "snake_operation is one word",
    "İstanbul operation",  # lower case changes this text's length
    "",
)


def _regex_count(forms, texts):
    patterns = T._patterns(forms)
    return sum(1 for text in texts if any(p.search(text) for p in patterns))


@pytest.mark.unit
@pytest.mark.parametrize("forms", [
    ("operation",), ("Operations",), ("peacekeeping operation", "peace-keeping operation"), ("UNMISS",),
    ("维持和平",), ("塞浦路斯", "Cyprus"), ("mandate", "UNFICYP"), ("operation", "cooperation"), ("'s",), ("nothing",),
])
@pytest.mark.parametrize("texts", [TEXTS, TEXTS[:-2], TEXTS[2:]], ids=["all", "same-length lower case", "tail"])
def test_joined_count_is_the_regex_count(forms, texts):
    joined = T._Joined(tuple(texts))
    assert joined.count(forms) == _regex_count(forms, texts)


@pytest.mark.unit
def test_texts_holding_a_nul_are_scanned_one_by_one():
    texts = ("operation\x00", "\x00operation", "none")
    joined = T._Joined(texts)
    assert not joined.exact
    assert joined.count(("operation",)) == 2
