"""A real Chromium (Debian's, driven by Playwright) against the launched app.

Asks a question, waits for the streamed answer, clicks a citation chip and checks
the side panel; uploads a document and sees it listed. Screenshots go to the test's
tmp folder only: the README's docs/screenshot.png is made by scripts/screenshot.py.
"""

from __future__ import annotations

import pytest

import app
from conftest import ask, launched
from fakes import fake_parse
from ui import browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PEACEKEEPING_ZH = "哪些段落涉及维持和平行动？"


def test_ask_click_citation_see_paragraph_then_upload(browser_page, fake_assistant, settings, monkeypatch,
                                                      tmp_path, samples_dir):
    from ui import handlers

    monkeypatch.setattr(handlers, "_default_parse", fake_parse)
    page = browser_page
    demo = app.build_app(fake_assistant, settings)
    with launched(demo) as url:
        page.goto(url)
        turn = ask(page, PEACEKEEPING_ZH)
        chip = turn.locator(".answer .cite-chip").first
        cite = chip.get_attribute("data-cite")
        assert cite == "A/67/L.X#op7"
        chip.click()
        cited = page.locator("#panel .para.cited .para-text")
        cited.wait_for(timeout=60_000)
        expected = next(h.text for h in fake_assistant.library.paragraphs("A/67/L.X", "zh") if h.ref == "op7")
        assert cited.inner_text().strip() == expected
        assert page.locator("#panel .panel-title").inner_text() == "联合国同法语国家国际组织的合作"
        assert page.locator("#panel .para").count() == 5  # two neighbours on each side
        page.screenshot(path=str(tmp_path / "fake-answer.png"))

        # The whole document is one click away from the panel.
        page.locator("#panel [data-doc]").click()
        page.locator("#panel .whole").wait_for(timeout=60_000)
        assert page.locator("#panel .whole .para").count() == 46

        # Upload a document on the Documents tab and see it listed.
        upload = tmp_path / "uploaded resolution.txt"
        upload.write_text("SYMBOL: A/67/L.W zh\n" + (samples_dir / "zh" / "A_67_L_francophonie_draft.txt").read_text(
            encoding="utf-8"), encoding="utf-8")
        page.get_by_role("tab", name="Documents").click()
        browser.upload(page, "upload", upload)
        # The uploaded file is listed under its name (the cell shows stem and suffix apart;
        # while uploading, a progress line shows the name too, so waiting for text raced with it).
        page.locator("#upload").get_by_role("cell", name="uploaded resolution.txt").wait_for(timeout=60_000)
        page.locator("#ingest-btn").click()
        page.locator("#ingest-report").get_by_text("A/67/L.W (zh)").wait_for(timeout=60_000)
        page.locator("#docs-table").get_by_text("A/67/L.W", exact=True).wait_for(timeout=60_000)
        assert "added" in page.locator("#ingest-report").inner_text()


def test_document_text_with_script_shows_as_text(browser_page, fake_assistant, settings):
    """A paragraph containing <script> must render as text and never run."""
    from dataclasses import replace

    library = fake_assistant.library
    doc = library._docs[("A/RES/55/100", "en")]
    evil = "1. <script>window.pwned = 1</script><img src=x onerror=\"window.pwned=2\"> **bold** calls upon"
    paragraphs = tuple(replace(p, text=evil) if p.ref == "op1" else p for p in doc.paragraphs)
    library.ingest_document(replace(doc, paragraphs=paragraphs))
    page = browser_page
    demo = app.build_app(fake_assistant, settings)
    with launched(demo) as url:
        page.goto(url)
        turn = ask(page, "window pwned bold calls upon script")
        turn.locator('.answer .cite-chip[data-cite="A/RES/55/100#op1"]').first.click()
        cited = page.locator("#panel .para.cited .para-text")
        cited.wait_for(timeout=60_000)
        assert cited.inner_text().strip() == evil
        assert page.evaluate("() => window.pwned === undefined")


@pytest.mark.integration
def test_real_stack_answer_chip_panel_and_screenshot(browser_page, real_assistant, tmp_path):
    """The real model and store: the panel shows the cited paragraph.

    Regression: this test used to save docs/screenshot.png, so `make test` left a tracked
    file changed; it now writes under its tmp folder.
    """
    page = browser_page
    demo = app.build_app(real_assistant, real_assistant.settings)
    with launched(demo) as url:
        page.goto(url)
        chips = ask(page, PEACEKEEPING_ZH).locator(".answer .cite-chip")
        assert chips.first.get_attribute("data-cite") == "A/67/L.X#op7"
        chips.nth(1).click()
        cited = page.locator("#panel .para.cited .para-text")
        cited.wait_for(timeout=60_000)
        expected = next(h.text for h in real_assistant.library.paragraphs("A/67/L.X", "zh") if h.ref == "op8")
        assert cited.inner_text().strip() == expected
        # A second question whose source is indexed in three languages: the panel shows them side by side.
        turn = ask(page, "Quels paragraphes concernent le regroupement familial ?")
        turn.locator('.answer .cite-chip[data-cite^="A/RES/55/100#"]').first.click()
        page.locator("#panel .version-grid").wait_for(timeout=60_000)
        assert page.locator("#panel .version").count() == 3
        shot = tmp_path / "real-answer.png"
        page.screenshot(path=str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
