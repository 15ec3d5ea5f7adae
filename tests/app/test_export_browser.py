"""Answers to take away, in a real Chromium: copy one answer as Markdown, download the
conversation as .md and .docx, and read the files back (the .docx with python-docx)."""

from __future__ import annotations

import pytest

import app
from conftest import ask, launched

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PEACEKEEPING_ZH = "哪些段落涉及维持和平行动？"
FAMILY_EN = "family reunification of migrants"


def _download(page, selector: str):
    with page.expect_download(timeout=60_000) as info:
        page.locator(selector).click()
    return info.value


def test_copy_answer_as_markdown_and_download_the_conversation(browser_page, fake_assistant, settings, tmp_path):
    library = fake_assistant.library
    op7 = next(h.text for h in library.paragraphs("A/67/L.X", "zh") if h.ref == "op7")
    page = browser_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    demo = app.build_app(fake_assistant, settings)
    with launched(demo) as url:
        page.goto(url)
        assert page.locator("#download-docx").is_disabled()
        first = ask(page, PEACEKEEPING_ZH)
        first.locator(".copy-md").click()
        page.wait_for_function("() => document.querySelector('.copy-md').textContent === 'Copied'")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.startswith(f"## 问题: {PEACEKEEPING_ZH}\n")
        assert "1. `A/67/L.X#op7` — 执行部分第7段, 中文 — 联合国同法语国家国际组织的合作" in copied
        assert f"   > {op7}" in copied

        ask(page, FAMILY_EN)
        page.wait_for_function("() => !document.querySelector('#download-docx').disabled", timeout=60_000)
        md_file = _download(page, "#download-md")
        assert md_file.suggested_filename == "resqa-conversation.md"
        md = (tmp_path / "c.md")
        md_file.save_as(md)
        text = md.read_text(encoding="utf-8")
        assert text.startswith("# resqa 对话\n")
        assert text.count("## 问题: ") == 2  # the fake assistant answers in zh whatever the question
        assert "`A/RES/55/100#" in text and f"> {op7}" in text

        docx_file = _download(page, "#download-docx")
        assert docx_file.suggested_filename == "resqa-conversation.docx"
        path = tmp_path / "c.docx"
        docx_file.save_as(path)

    from docx import Document as WordDocument

    word = WordDocument(str(path))
    paragraphs = [(p.style.name, p.text) for p in word.paragraphs]
    assert paragraphs[0] == ("Heading 1", "resqa 对话")
    assert ("Heading 2", f"问题: {PEACEKEEPING_ZH}") in paragraphs
    assert ("Heading 2", f"问题: {FAMILY_EN}") in paragraphs
    assert ("List Number", "A/67/L.X#op7 — 执行部分第7段, 中文 — 联合国同法语国家国际组织的合作") in paragraphs
    assert ("Quote", op7) in paragraphs
    quoted = [text for style, text in paragraphs if style == "Quote"]
    assert any(text.startswith(h.text[:30]) for h in library.paragraphs("A/RES/55/100", "en") for text in quoted)
