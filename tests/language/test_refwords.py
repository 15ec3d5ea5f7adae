"""Paragraph references in words, both ways (language/refwords.py), and their document order (language/refs.py)."""

from __future__ import annotations

import pytest

from language.numerals import chinese_number, chinese_numeral, from_roman, to_roman
from language.refs import ref_order
from language.refwords import read_ref, ref_in_words, ref_named_in

pytestmark = pytest.mark.unit

# every shape of ref the grammar has: preamble, operative, sub-paragraph (letter, roman), item, parts
REFS = ("pp1", "pp12", "op7", "op14.a", "op3.iii", "op2.b.ii", "B.op1", "B.op2.a", "A.pp2", "II.pp3", "IX.op4")


@pytest.mark.parametrize("lang", ["en", "zh", "fr"])
@pytest.mark.parametrize("ref", REFS)
def test_what_the_answerer_writes_reads_back_as_the_same_ref(ref, lang):
    words = ref_in_words(ref, lang)
    assert words != ref
    assert ref_named_in(words) == ref
    assert read_ref(words) == ref


@pytest.mark.parametrize("lang, question", [
    ("en", "What does {words} of resolution 2326 (2016) say?"),
    ("zh", "第2326(2016)号决议{words}说了什么？"),
    ("fr", "Que dit {words} de la résolution 2326 (2016) ?"),
])
@pytest.mark.parametrize("ref", REFS)
def test_a_question_naming_the_paragraph_as_written_names_that_ref(ref, lang, question):
    assert ref_named_in(question.format(words=ref_in_words(ref, lang))) == ref


@pytest.mark.parametrize("question, ref", [
    ("what does paragraph 8 say?", "op8"), ("et le paragraphe 3 ?", "op3"), ("第7段说了什么？", "op7"),
    ("执行部分第14段(a)分段", "op14.a"), ("preambular paragraph 3?", "pp3"), ("What about women?", None),
    ("paragraph 14 (a) of resolution 2326", "op14.a"), ("op 14(a)", "op14.a"), ("§ 3 (b)", "op3.b"),
    ("para. 5", "op5"), ("3rd preambular paragraph", "pp3"), ("le 2e alinéa du préambule", "pp2"),
    ("第十五段说什么？", "op15"), ("執行部分第2段", "op2"), ("序言部分第三段", "pp3"),
    # numbers that name no paragraph
    ("What does resolution 2326 (2016) say?", None), ("第2326(2016)号决议", None), ("42", None),
    # "part" followed by a lower-case word is no part heading
    ("paragraph 1 of part b", "op1"),
])
def test_ref_named_in_questions(question, ref):
    assert ref_named_in(question) == ref


@pytest.mark.parametrize("written, ref", [
    ("18", "op18"), ("18(a)", "op18.a"), ("18.a", "op18.a"), ("op 18", "op18"), ("第18段", "op18"),
    ("operative paragraph 18", "op18"), ("pp3", "pp3"), ("paragraph 18.", "op18"),
    ("x18", None), ("op14.bob", None), ("paragraph 18 and 19", None), ("2016", None),
])
def test_read_ref_reads_a_whole_reference_only(written, ref):
    assert read_ref(written) == ref


@pytest.mark.parametrize("ref, lang, words", [
    ("op14.a", "fr", "alinéa a) du paragraphe 14 du dispositif"), ("pp3", "zh", "序言部分第3段"),
    ("fn2", "en", "footnote 2"), ("annex.art3", "en", "article 3 of the annex"), ("title", "fr", "le titre"),
    # section refs of a resolution printed in parts (language/refs.py)
    ("B.op1", "en", "operative paragraph 1 of part B"), ("B.op1", "zh", "乙部分执行部分第1段"),
    ("B.op1", "fr", "paragraphe 1 du dispositif de la partie B"),
    ("B.op2.a", "en", "sub-paragraph (a) of operative paragraph 2 of part B"),
    ("B.op2.a", "fr", "alinéa a) du paragraphe 2 du dispositif de la partie B"),
    ("A.pp2", "zh", "甲部分序言部分第2段"), ("II.pp3", "zh", "第二部分序言部分第3段"),
    ("II.pp3", "en", "preambular paragraph 3 of part II"),
    ("op3.iii", "en", "sub-paragraph (iii) of operative paragraph 3"),
    ("op4.bob", "en", "op4.bob"), ("annex.x", "fr", "annexe (x)"), ("op2", "ru", "operative paragraph 2"),
])
def test_ref_in_words(ref, lang, words):
    assert ref_in_words(ref, lang) == words


def test_ref_order_puts_parts_in_document_order():
    refs = ["fn1", "B.op1", "A.op2", "annex.p1", "B.pp1", "A.pp1", "op1.b", "pp10", "title", "pp2", "op1.a", "IX.pp1", "V.op1"]
    assert sorted(refs, key=ref_order) == [
        "title", "pp2", "pp10", "op1.a", "op1.b", "A.pp1", "A.op2", "B.pp1", "B.op1", "V.op1", "IX.pp1", "annex.p1", "fn1",
    ]


@pytest.mark.parametrize("n", [1, 4, 9, 14, 19, 26, 40, 49, 67, 90, 99])
def test_numerals_read_back(n):
    assert from_roman(to_roman(n)) == n
    assert chinese_number(chinese_numeral(n)) == n


def test_chinese_numbers_as_printed():
    assert (chinese_number("六十七"), chinese_number("一九七五"), chinese_number("十"), chinese_number("12")) == (67, 1975, 10, 12)
