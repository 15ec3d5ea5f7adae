"""What a new user meets in the first five minutes: answers during indexing, the live
status line, examples that ask. Handlers without a server, then a real Chromium."""

from __future__ import annotations

import threading

import pytest

import app
from conftest import launched
from fakes import FakeLibrary
from ui import handlers
from ui.activity import IndexingActivity
from ui.startup import SampleCorpusLoader

NOTICE_12_OF_78 = (
    "The store is still being indexed (12 of 78 documents): this answer comes from the part indexed so far."
)


class GatedLibrary(FakeLibrary):
    """A library whose `ingest_paths` indexes one document each time the test opens the gate."""

    def __init__(self, total: int = 3):
        super().__init__()
        self.total = total
        self.gate = threading.Semaphore(0)
        self.done = threading.Event()

    def ingest_paths(self, paths, symbol=None, lang=None, progress=None):
        for i in range(self.total):
            progress(i, self.total, f"doc{i}.txt")
            assert self.gate.acquire(timeout=120), "the test never opened the gate"
        progress(self.total, self.total, "")
        self.done.set()
        return type("Report", (), {"added": [f"doc{i}" for i in range(self.total)], "failed": []})()


@pytest.mark.unit
def test_every_answer_says_the_store_is_still_being_indexed(fake_assistant):
    """Bug: questions asked during the first start were answered from part of the corpus without saying so."""
    activity = IndexingActivity()
    with activity.job("the sample corpus") as progress:
        progress(12, 78, "A_RES_55_100.txt")
        *_, final = handlers.ask_turns(fake_assistant, "家庭团聚", [], activity=activity)
        payload = handlers.ask_json(fake_assistant, "家庭团聚", activity=activity)
    assert final[-1]["warnings"][0] == NOTICE_12_OF_78
    assert payload["warnings"] == [NOTICE_12_OF_78]
    *_, after = handlers.ask_turns(fake_assistant, "家庭团聚", [], activity=activity)
    assert after[-1]["warnings"] == []
    assert handlers.ask_json(fake_assistant, "家庭团聚", activity=activity)["warnings"] == []


@pytest.mark.unit
def test_loader_and_uploads_report_documents_to_the_activity(settings, tmp_path, samples_dir):
    library = GatedLibrary(total=3)
    loader = SampleCorpusLoader(library, tmp_path).start()
    library.gate.release()
    for _ in range(100):
        if loader.activity.notice() and "(1 of 3 documents)" in loader.activity.notice():
            break
        threading.Event().wait(0.05)
    assert loader.activity.notice().startswith("The store is still being indexed (1 of 3 documents)")
    library.gate.release(2)
    loader.join(timeout=30)
    assert loader.activity.notice() is None
    assert app.status_line(loader.activity, loader) == "Sample corpus indexed: 3 documents added, 0 failed."

    seen = []
    upload = tmp_path / "A_RES_55_100.txt"
    upload.write_text((samples_dir / "en" / "A_RES_55_100.partial.txt").read_text(encoding="utf-8"), encoding="utf-8")
    from fakes import read_document

    handlers.ingest_uploads(
        FakeLibrary(), [upload], settings, upload_root=tmp_path, work_dir=tmp_path / "work",
        parse=lambda p: read_document(p, "A/RES/55/100", "en"), indexed=lambda d, t, label: seen.append((d, t)),
    )
    assert seen == [(0, 1), (1, 1)]


def _status(page) -> str:
    return page.locator("#resqa-status").inner_text().strip()


@pytest.mark.browser
@pytest.mark.slow
def test_status_line_moves_without_touching_the_page_and_examples_ask(browser_page, settings, tmp_path):
    """Bugs: the status line above the tabs did not move until the page was touched;
    clicking an example filled the box but did not ask."""
    from fakes import FakeAssistant

    library = GatedLibrary(total=3)
    assistant = FakeAssistant(FakeLibrary.with_samples())
    loader = SampleCorpusLoader(library, tmp_path).start()
    demo = app.build_app(assistant, settings, loader=loader)
    page = browser_page
    with launched(demo) as url:
        page.goto(url)
        page.wait_for_function(
            "() => (document.querySelector('#resqa-status')?.innerText || '').includes('0/3')", timeout=30_000
        )
        library.gate.release()  # no click, no key: only the page's own polling can show this
        page.wait_for_function(
            "() => (document.querySelector('#resqa-status')?.innerText || '').includes('1/3')", timeout=30_000
        )
        assert "1/3 (33%)" in _status(page)

        # An example, clicked while indexing runs, is asked at once and its answer says so.
        page.locator("#conversation").wait_for()
        page.get_by_text("Quels paragraphes concernent les opérations").click()  # the example is shown cut
        page.wait_for_function(
            "() => document.querySelectorAll('#conversation .turn').length === 1"
            " && !document.querySelector('#conversation .typing')", timeout=60_000,
        )
        turn = page.locator("#conversation .turn").last
        assert turn.locator(".msg.user").inner_text().strip() == (
            "Quels paragraphes concernent les opérations de maintien de la paix ?"
        )
        assert turn.locator(".warnings li").first.inner_text().strip() == (
            "The store is still being indexed (1 of 3 documents): this answer comes from the part indexed so far."
        )

        library.gate.release(2)
        page.wait_for_function(
            "() => (document.querySelector('#resqa-status')?.innerText || '').includes('Sample corpus indexed')",
            timeout=30_000,
        )
        assert _status(page) == "Sample corpus indexed: 3 documents added, 0 failed."


@pytest.mark.browser
@pytest.mark.integration
@pytest.mark.slow
def test_screenshot_script_writes_where_told_and_leaves_docs_alone(tmp_path):
    """Bug: `make test` rewrote the tracked docs/screenshot.png; the script makes it now."""
    import hashlib
    import os
    import subprocess
    import sys

    from conftest import ROOT, chromium_path

    chromium_path()
    tracked = ROOT / "docs" / "screenshot.png"
    before = hashlib.sha256(tracked.read_bytes()).hexdigest()
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshot.py"), "--out", str(out)], capture_output=True,
        text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 50_000
    assert hashlib.sha256(tracked.read_bytes()).hexdigest() == before
