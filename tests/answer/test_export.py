"""answer.export: one answer or a conversation as Markdown, .docx and JSON, every
citation with its symbol, paragraph in words, language and quoted text."""

import io

import pytest

from answer.export import ExportTurn, export_turn, to_docx, to_markdown

pytestmark = pytest.mark.unit
PEACEKEEPING_ZH = "哪些段落涉及维持和平行动？"


@pytest.fixture
def turn(assistant) -> ExportTurn:
    return export_turn(PEACEKEEPING_ZH, assistant.ask(PEACEKEEPING_ZH))


def test_sources_carry_symbol_words_language_and_quote(turn, assistant):
    op7 = next(h for h in assistant.library.paragraphs("A/67/L.X", "zh") if h.ref == "op7")
    first = next(s for s in turn.sources if s.cite == "A/67/L.X#op7")
    assert (first.symbol, first.ref) == ("A/67/L.X", "op7")
    assert [s.n for s in turn.sources] == list(range(1, len(turn.sources) + 1))
    assert (first.where, first.lang, first.language) == ("执行部分第7段", "zh", "中文")
    assert first.title == "联合国同法语国家国际组织的合作"
    assert first.text == " ".join(op7.text.split())
    assert ExportTurn.from_json(turn.to_json()) == turn


def test_markdown_of_one_answer_quotes_each_cited_paragraph(turn):
    md = to_markdown([turn])
    assert md.startswith(f"## 问题: {PEACEKEEPING_ZH}\n\n")
    n = next(s.n for s in turn.sources if s.cite == "A/67/L.X#op7")
    assert "**出处**\n\n1. `" in md
    assert f"\n{n}. `A/67/L.X#op7` — 执行部分第7段, 中文 — 联合国同法语国家国际组织的合作\n\n   > " in md
    assert md.count("   > ") == len(turn.sources)


def test_docx_of_a_conversation_has_headings_numbered_sources_and_quotes(turn):
    from docx import Document as WordDocument

    other = ExportTurn("And in English?", "No.", "en")
    word = WordDocument(io.BytesIO(to_docx([turn, other])))
    styles = [(p.style.name, p.text) for p in word.paragraphs]
    assert styles[0] == ("Heading 1", "resqa 对话")
    assert ("Heading 2", f"问题: {PEACEKEEPING_ZH}") in styles
    assert ("Heading 2", "Question: And in English?") in styles
    numbered = [text for style, text in styles if style == "List Number"]
    assert "A/67/L.X#op7 — 执行部分第7段, 中文 — 联合国同法语国家国际组织的合作" in numbered
    assert len(numbered) == len([s for s in styles if s[0] == "Quote"]) == len(turn.sources)
