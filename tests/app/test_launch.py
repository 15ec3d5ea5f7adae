"""`app.launch`: first-start sample corpus, host warning, login and limits wiring."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request

import pytest

import app
from conftest import free_port
from fakes import FakeAssistant, FakeLibrary
from resqa.settings import Settings
from ui.startup import SampleCorpusLoader


@pytest.mark.unit
def test_sample_corpus_loader_reports_progress_then_done(samples_dir):
    library = FakeLibrary()
    loader = SampleCorpusLoader(library, samples_dir)
    assert loader.status() == "Indexing the sample corpus on first start…"
    loader.start().join(timeout=30)
    assert loader.finished
    assert loader.status() == "Sample corpus indexed: 3 documents added, 0 failed."
    assert {(d.symbol, d.lang) for d in library.documents()} == {
        ("A/RES/55/100", "en"), ("A/RES/55/100", "zh"), ("A/RES/55/100", "fr")}


@pytest.mark.unit
def test_sample_corpus_loader_failure_is_a_status_line(tmp_path):
    class Broken(FakeLibrary):
        def ingest_paths(self, *args, **kwargs):
            raise OSError("disk full")

    loader = SampleCorpusLoader(Broken(), tmp_path)
    loader.run()
    assert loader.status() == "Indexing the sample corpus failed: disk full"


@pytest.mark.integration
def test_launch_ingests_sample_corpus_on_empty_store_and_warns_on_public_host(samples_dir, tmp_path, caplog):
    assistant = FakeAssistant(FakeLibrary())
    settings = Settings(store_dir=tmp_path / "store", embed_model="fake", auth="staff:pw")
    caplog.set_level(logging.WARNING, logger="app")
    demo = app.launch(assistant, settings, host="0.0.0.0", port=free_port(), sample_corpus=samples_dir,
                      prevent_thread_lock=True, quiet=True)
    try:
        assert "reachable from other machines" in caplog.text
        assert demo.auth == [("staff", "pw")]
        assert demo.max_file_size == settings.max_file_bytes
        with pytest.raises(urllib.error.HTTPError, match="401"):
            urllib.request.urlopen(f"http://127.0.0.1:{demo.server_port}/config")
        for _ in range(300):
            if len(assistant.library.documents()) == 3:
                break
            import time

            time.sleep(0.1)
        assert len(assistant.library.documents()) == 3
    finally:
        demo.close()


@pytest.mark.integration
def test_launch_skips_sample_corpus_when_store_has_documents(fake_assistant, samples_dir, tmp_path):
    before = {(d.symbol, d.lang) for d in fake_assistant.library.documents()}
    demo = app.launch(fake_assistant, Settings(store_dir=tmp_path / "s", embed_model="fake"), port=free_port(),
                      sample_corpus=samples_dir, prevent_thread_lock=True, quiet=True)
    try:
        assert {(d.symbol, d.lang) for d in fake_assistant.library.documents()} == before
    finally:
        demo.close()
