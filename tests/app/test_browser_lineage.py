"""A real Chromium against the app: click a resolution cited in a paragraph to open it, then compare
a document with its previous version in the Compare view."""

from __future__ import annotations

import pytest

import app
from conftest import ROOT, ask, launched  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def lineage_assistant(tmp_path):
    from answer.assistant import Assistant
    from index.embeddings import FakeEmbedding
    from index.library import Library
    from resqa.settings import Settings

    settings = Settings(store_dir=tmp_path / "store", embed_model="fake")
    library = Library.open(settings, embedder=FakeEmbedding())
    library.ingest_paths([ROOT / "samples" / "en" / "S_RES_0660_1990.txt", ROOT / "samples" / "en" / "S_RES_0661_1990.txt",
                          ROOT / "corpora" / "unsc" / "S_RES_0472_1980.txt", ROOT / "corpora" / "unsc" / "S_RES_0482_1980.txt"])
    yield Assistant(library, settings)
    library.close()


def test_click_cited_resolution_then_compare_with_previous_version(browser_page, lineage_assistant):
    page = browser_page
    demo = app.build_app(lineage_assistant, lineage_assistant.settings)
    with launched(demo) as url:
        page.goto(url)
        turn = ask(page, "Which resolutions cite resolution 660 (1990)?")
        assert "1 indexed document(s) cite S/RES/660 (1990)" in turn.locator(".answer").inner_text()
        turn.locator('.answer .cite-chip[data-cite="S/RES/661 (1990)#pp1"]').first.click()
        page.locator("#panel .para.cited").wait_for(timeout=60_000)
        link = page.locator('#panel .para.cited .para-cites [data-doc="S/RES/660 (1990)"]')
        assert link.inner_text() == "S/RES/660 (1990)"
        link.click()  # the cited resolution opens in the side panel
        page.locator("#panel .whole").wait_for(timeout=60_000)
        assert page.locator("#panel .panel-cite").inner_text().startswith("S/RES/660 (1990)")
        assert "Cited by (1 indexed)" in page.locator("#panel .lineage").inner_text()

        # open S/RES/482 (1980) from the Compare view's previous-version flow
        page.locator('#panel .lineage [data-doc="S/RES/661 (1990)"]').click()
        page.locator('#panel .panel-cite', has_text="S/RES/661 (1990)").wait_for(timeout=60_000)
        page.get_by_role("tab", name="Compare").click()
        page.wait_for_function(
            "() => document.querySelector('#cmp-b input') && document.querySelector('#cmp-b input').value"
            " === 'S/RES/661 (1990)'", timeout=60_000)
        box = page.locator("#cmp-b input")
        box.fill("S/RES/482 (1980)")
        box.press("Enter")
        page.locator("#cmp-prev").click()
        page.wait_for_function(
            "() => document.querySelector('#cmp-a input').value === 'S/RES/472 (1980)'", timeout=60_000)
        page.locator("#cmp-go").click()
        page.locator("#cmp-out .cmp-table").wait_for(timeout=60_000)
        assert page.locator("#cmp-out .cmp-row").count() == 13  # 9 body paragraphs, 4 footnote rows
        row = page.locator('#cmp-out .cmp-row[data-b="op3"]')
        assert row.locator("del").inner_text() == "30 November 1980"
        assert row.locator("ins").inner_text() == "31 May 1981"
