import pytest

from answer.phrasing import ref_in_words, ref_order
from answer.render import render_text

pytestmark = pytest.mark.unit


def test_render_numbers_citations_and_lists_sources(assistant):
    import re

    text = render_text(assistant.ask("哪些段落涉及维持和平行动？"))
    numbers = {cite: int(n) for n, cite in re.findall(r"\[(\d+)\] \[([^\]]+#[^\]]+)\]", text)}
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))  # numbered 1..n, each once
    assert numbers["A/67/L.X#op8"] == numbers["A/67/L.X#op7"] + 1
    assert "出处:" in text
    assert f"  [{numbers['A/67/L.X#op7']}] A/67/L.X#op7 (执行部分第7段, zh) — 联合国同法语国家国际组织的合作" in text


def test_render_no_answer_has_no_sources(assistant):
    assert render_text(assistant.ask("What is the capital of Mongolia?")) == "The indexed documents don't cover this question."


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
    ("op4.bob", "en", "op4.bob"), ("annex.x", "fr", "annexe (x)"),
])
def test_ref_in_words(ref, lang, words):
    assert ref_in_words(ref, lang) == words


def test_ref_order_puts_parts_in_document_order():
    refs = ["fn1", "B.op1", "A.op2", "annex.p1", "B.pp1", "A.pp1", "op1.b", "pp10", "title", "pp2", "op1.a", "IX.pp1", "V.op1"]
    assert sorted(refs, key=ref_order) == [
        "title", "pp2", "pp10", "op1.a", "op1.b", "A.pp1", "A.op2", "B.pp1", "B.op1", "V.op1", "IX.pp1", "annex.p1", "fn1",
    ]
