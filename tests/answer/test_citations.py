import logging

import pytest
from hypothesis import given, settings, strategies as st

from answer.citations import iter_checked, validate
from answer.model import CheckedCitations

pytestmark = pytest.mark.unit

RETRIEVED = ("A/67/L.X#op7", "A/67/L.X#op8", "A/67/L.X#op18", "S/RES/368 (1975)#p9")


def test_invented_ref_is_removed_and_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="answer.citations"):
        checked = validate("Signed on 31 May 2012 [A/67/L.X#op18] [A/67/L.X#op99].", RETRIEVED)
    assert checked.text == "Signed on 31 May 2012 [A/67/L.X#op18]."
    assert checked.kept == ("A/67/L.X#op18",)
    assert checked.removed == ("A/67/L.X#op99",)
    assert "A/67/L.X#op99" in caplog.text


def test_wrong_format_is_rewritten_when_it_names_a_retrieved_paragraph():
    checked = validate("Signed in 2012 [A/67/L.X, op18] and [a/67/l.x # 7].", RETRIEVED)
    assert checked.kept == ("A/67/L.X#op18", "A/67/L.X#op7")
    assert checked.text == "Signed in 2012 [A/67/L.X#op18] and [A/67/L.X#op7]."


def test_section_ref_citation_is_kept_and_its_wrong_format_rewritten():
    retrieved = ("S/RES/101 (1953)#B.op1", "S/RES/101 (1953)#A.op2.a")
    checked = validate(
        "Condemned [S/RES/101 (1953)#B.op1], see [S/RES/101 (1953), A.op2.a] and S/RES/101 (1953)#C.op1.",
        retrieved,
    )
    assert checked.kept == ("S/RES/101 (1953)#B.op1", "S/RES/101 (1953)#A.op2.a")
    assert checked.removed == ("S/RES/101 (1953)#C.op1",)
    assert checked.text == "Condemned [S/RES/101 (1953)#B.op1], see [S/RES/101 (1953)#A.op2.a] and."


def test_wrong_format_that_names_nothing_is_removed():
    checked = validate("Peacekeeping [Source 1] [op7] is encouraged [A/67/L.X#op7].", RETRIEVED)
    assert checked.removed == ("Source 1", "op7")
    assert checked.text == "Peacekeeping is encouraged [A/67/L.X#op7]."


def test_ref_from_another_document_is_removed():
    checked = validate("The mandate was renewed [S/RES/408 (1977)#p9].", RETRIEVED)
    assert checked.kept == ()
    assert checked.removed == ("S/RES/408 (1977)#p9",)
    assert checked.uncited is True


def test_missing_citation_is_flagged():
    checked = validate("The memorandum was signed on 31 May 2012.", RETRIEVED)
    assert (checked.kept, checked.uncited, checked.ok) == ((), True, False)


def test_bare_refs_and_plain_brackets():
    checked = validate("See A/67/L.X#op8 and A/67/L.X#op9 [sic].", RETRIEVED)
    assert checked.kept == ("A/67/L.X#op8",)
    assert checked.removed == ("A/67/L.X#op9",)
    assert checked.text == "See A/67/L.X#op8 and [sic]."


def test_a_bare_citation_glued_to_chinese_text_is_checked_too():
    # "根据A/67/L.X#op99的规定" has no space around the symbol: it is checked all the same
    checked = validate("根据A/67/L.X#op99的规定，于2012年签署。[A/67/L.X#op18]", RETRIEVED)
    assert checked.removed == ("A/67/L.X#op99",)
    assert checked.text == "根据的规定，于2012年签署。[A/67/L.X#op18]"
    kept = validate("根据A/67/L.X#op18的规定签署。", RETRIEVED)
    assert (kept.kept, kept.text) == (("A/67/L.X#op18",), "根据A/67/L.X#op18的规定签署。")


@pytest.mark.parametrize("written, kept", [
    ("[A/67/L.X, operative paragraph 18]", "A/67/L.X#op18"), ("[A/67/L.X 执行部分第18段]", "A/67/L.X#op18"),
    ("[A/67/L.X, paragraphe 7 du dispositif]", "A/67/L.X#op7"), ("[A/67/L.X#18]", "A/67/L.X#op18"),
])
def test_a_ref_written_in_words_as_answers_write_it_is_resolved(written, kept):
    assert validate(f"Signed in 2012 {written}.", RETRIEVED).kept == (kept,)


def test_streaming_never_emits_an_unchecked_citation():
    chunks = ["Signed on 31 May", " 2012 [A/67/L.", "X#op18] and [A/67/L", ".X#op9", "9]. Done [S/RES/368 (19", "75)#p9]"]
    parts = list(iter_checked(chunks, RETRIEVED))
    final = parts[-1]
    text = "".join(p for p in parts[:-1])
    assert isinstance(final, CheckedCitations)
    assert "op99" not in text
    assert text == final.text == "Signed on 31 May 2012 [A/67/L.X#op18] and. Done [S/RES/368 (1975)#p9]"
    assert final.kept == ("A/67/L.X#op18", "S/RES/368 (1975)#p9")
    assert final.removed == ("A/67/L.X#op99",)


_citation_like = st.builds(
    lambda sym, ref: f"[{sym}#{ref}]",
    st.sampled_from(["A/67/L.X", "A/67/L.Y", "S/RES/368 (1975)", "a/67/l.x", "A/RES/1/1"]),
    st.from_regex(r"(op|pp|p|fn)[0-9]{1,2}(\.[a-c])?", fullmatch=True),
)
_noise = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_noise, _citation_like, st.sampled_from(["[", "]", "#", " ", "，"])), max_size=12))
def test_property_no_citation_outside_the_retrieved_set(pieces):
    text = "".join(pieces)
    checked = validate(text, RETRIEVED)
    assert set(checked.kept) <= set(RETRIEVED)
    # Re-checking the rewritten text keeps exactly the same citations and removes nothing.
    again = validate(checked.text, RETRIEVED)
    assert set(again.kept) <= set(RETRIEVED)
    assert again.removed == ()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_noise, _citation_like), max_size=10), st.integers(min_value=1, max_value=7))
def test_property_streaming_agrees_with_the_whole(pieces, size):
    text = "".join(pieces)
    chunks = [text[i : i + size] for i in range(0, len(text), size)]
    parts = list(iter_checked(chunks, RETRIEVED))
    assert set(parts[-1].kept) <= set(RETRIEVED)
    assert "".join(parts[:-1]) == parts[-1].text
