import pytest

from answer.phrasing import ref_in_words
from answer.render import render_text

pytestmark = pytest.mark.unit


def test_render_numbers_citations_and_lists_sources(assistant):
    text = render_text(assistant.ask("哪些段落涉及维持和平行动？"))
    assert "[1] [A/67/L.X#op7]" in text and "[2] [A/67/L.X#op8]" in text
    assert "出处:" in text
    assert "  [1] A/67/L.X#op7 (执行部分第7段, zh) — 联合国同法语国家国际组织的合作" in text


def test_render_no_answer_has_no_sources(assistant):
    assert render_text(assistant.ask("What is the capital of Mongolia?")) == "The indexed documents don't cover this question."


@pytest.mark.parametrize("ref, lang, words", [
    ("op14.a", "fr", "alinéa a) du paragraphe 14 du dispositif"), ("pp3", "zh", "序言部分第3段"),
    ("fn2", "en", "footnote 2"), ("annex.art3", "en", "article 3 of the annex"), ("title", "fr", "le titre"),
])
def test_ref_in_words(ref, lang, words):
    assert ref_in_words(ref, lang) == words
