"""Fixtures for the UI tests: fake or real assistants, a launched app on loopback."""

from __future__ import annotations

import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Gradio keeps uploads here; inside the workspace, not the shared /tmp.
os.environ.setdefault("GRADIO_TEMP_DIR", str(ROOT / ".gradio_tmp"))
sys.path.insert(0, str(Path(__file__).parent))

from fakes import FakeAssistant, FakeLibrary  # noqa: E402

from resqa.ports import free_port  # noqa: E402,F401  (re-exported to the tests)
from resqa.settings import Settings  # noqa: E402
from ui.browser import CHROMIUM_ARGS, ask  # noqa: E402,F401



@contextmanager
def launched(demo, **kwargs):
    """Launch `demo` on a free loopback port; yield its URL; close it afterwards."""
    _, url, _ = demo.launch(
        server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True, **kwargs
    )
    try:
        yield url
    finally:
        demo.close()


@pytest.fixture
def fake_library() -> FakeLibrary:
    return FakeLibrary.with_samples()


@pytest.fixture
def fake_assistant(fake_library) -> FakeAssistant:
    return FakeAssistant(fake_library)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(store_dir=tmp_path / "store", embed_model="fake", max_file_mb=1.0)


@pytest.fixture(scope="session")
def real_assistant(tmp_path_factory):
    """The real Library (e5 model, Chroma) and Assistant over two real sample documents.

    Built once per session: loading the model and indexing take about a minute here.
    """
    from answer.assistant import Assistant
    from index.library import Library

    store = tmp_path_factory.mktemp("real-store")
    settings = Settings(store_dir=store, embed_model="e5")
    library = Library.open(settings)
    samples = ROOT / "samples"
    library.ingest_paths([samples / "zh" / "A_67_L_francophonie_draft.txt"], symbol="A/67/L.X", lang="zh")
    for lang in ("en", "zh", "fr"):
        library.ingest_paths([samples / lang / "A_RES_55_100.partial.txt"], symbol="A/RES/55/100", lang=lang)
    yield Assistant(library, settings)
    library.close()




def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("Debian chromium is not installed (scripts/test.sh installs it: apt-get install -y chromium)")
    return path


@pytest.fixture
def browser_page(tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=chromium_path(), args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1440, "height": 1000}, locale="zh-CN",
        )
        page = context.new_page()
        # What the page said goes to the test's captured output, shown when it fails.
        page.on("console", lambda m: m.type in ("error", "warning") and print(f"browser {m.type}: {m.text}"))
        page.on("requestfailed", lambda r: print(f"browser request failed: {r.method} {r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and print(f"browser got HTTP {r.status}: {r.request.method} {r.url}"))
        try:
            yield page
        finally:
            context.close()


