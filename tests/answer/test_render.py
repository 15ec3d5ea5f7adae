import pytest

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
