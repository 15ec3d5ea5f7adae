"""HTML rendering: escaping, citation chips, the side panel."""

from __future__ import annotations

import pytest

from index.hits import Hit
from ui import render

pytestmark = pytest.mark.unit


def test_document_text_with_script_is_escaped():
    html = render.text_with_chips('<script>alert("x")</script> **bold** [link](javascript:alert(1))')
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "**bold**" in html  # markdown is not interpreted: this is HTML, not markdown


def test_every_citation_becomes_a_chip_and_brackets_are_dropped():
    text = "见 [A/67/L.X#op7] 和 A/67/L.X#op8；S/RES/2446 (2018)#op3 和 A/RES/217 (III) A#pp2。"
    html = render.text_with_chips(text, langs={"A/67/L.X#op7": "zh"})
    chips = html.count('class="cite-chip"')
    assert chips == 4
    assert 'data-cite="A/67/L.X#op7" data-lang="zh"' in html
    assert 'data-cite="S/RES/2446 (2018)#op3"' in html
    assert 'data-cite="A/RES/217 (III) A#pp2"' in html
    assert "[<button" not in html


def test_a_citation_glued_to_chinese_text_is_a_chip_and_one_inside_a_word_is_not():
    html = render.text_with_chips("根据A/67/L.X#op7的规定；xA/67/L.X#op8")
    assert 'data-cite="A/67/L.X#op7"' in html and html.count('class="cite-chip"') == 1


def test_section_ref_citation_becomes_a_chip_without_a_citation_list():
    html = render.text_with_chips("Voir [S/RES/101 (1953)#B.op1] et S/RES/101 (1953)#A.op2.a.")
    assert html.count('class="cite-chip"') == 2
    assert 'data-cite="S/RES/101 (1953)#B.op1"' in html
    assert 'data-cite="S/RES/101 (1953)#A.op2.a"' in html
    assert "[<button" not in html


def test_known_citation_outside_the_pattern_is_still_a_chip():
    html = render.text_with_chips("See A/C.3/56/L.?#op1.", citations=["A/C.3/56/L.?#op1"])
    assert 'data-cite="A/C.3/56/L.?#op1"' in html


def test_citation_with_html_in_symbol_cannot_break_out_of_the_attribute():
    html = render.chip('A/1"><img src=x onerror=alert(1)>#op1', "zh")
    assert "<img" not in html
    assert "&quot;&gt;&lt;img" in html


def test_turn_shows_question_escaped_sources_and_pending_marker():
    turn = {"question": "<b>q</b>", "answer": "x [A/67/L.X#op7]", "citations": ["A/67/L.X#op7"],
            "pending": True, "sources": [{"cite": "A/67/L.X#op7", "lang": "zh", "title": "<i>t</i>"}]}
    html = render.turn_html(turn)
    assert "&lt;b&gt;q&lt;/b&gt;" in html
    assert "&lt;i&gt;t&lt;/i&gt;" in html
    assert html.count('class="cite-chip"') == 2
    assert 'class="typing"' in html


def _hit(ref, text, lang="zh", footnotes=()):
    return Hit(f"A/67/L.X#{ref}", "A/67/L.X", ref, lang, 0.0, text, "operative", "联合国同法语国家国际组织的合作", footnotes)


def test_panel_highlights_cited_paragraph_between_its_neighbours():
    doc = [_hit(f"op{i}", f"{i}. 段落<{i}>") for i in range(1, 10)]
    html = render.panel_html(doc[4], doc, versions=[doc[4], _hit("op5", "5. Welcomes <em>", "en")])
    assert html.count('class="para cited"') == 1
    assert 'data-ref="op5" aria-current="true"' in html
    for ref in ("op3", "op4", "op6", "op7"):
        assert f'data-ref="{ref}"' in html
    assert 'data-ref="op2"' not in html and 'data-ref="op8"' not in html
    assert "5. Welcomes &lt;em&gt;" in html
    assert "English" in html and "中文" in html
    assert 'data-doc="A/67/L.X" data-lang="zh"' in html


def test_panel_lists_the_footnotes_the_paragraph_cites():
    cited = _hit("op1", "1. 表示注意到秘书长的报告，²", footnotes=(("fn2", "见 A/67/280-S/2012/614，第二节。"),))
    html = render.panel_html(cited, [cited])
    assert "Footnotes cited" in html
    assert "见 A/67/280-S/2012/614，第二节。" in html
    assert "No other language version is indexed." in html


def test_document_html_shows_every_paragraph():
    doc = [_hit(f"op{i}", f"{i}. text") for i in range(1, 31)]
    html = render.document_html(doc, highlight="op30")
    assert html.count('<div class="para"') + html.count('<div class="para cited"') == 30
    assert html.count('<div class="para cited"') == 1
    assert "30 paragraphs" in html
