"""Ingest and search through a real Chroma server (`chroma run`), as a team would."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from index.embeddings import FakeEmbedding
from index.hits import SearchMode
from index.library import Library
from resqa.settings import Settings
from tests.index.conftest import make_doc

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_url(tmp_path):
    port = _free_port()
    chroma = Path(sys.executable).parent / "chroma"
    server = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"chroma server did not start on port {port}")
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_ingest_and_search_through_a_chroma_server(chroma_url, tmp_path):
    settings = Settings(store_dir=tmp_path / "store", chroma_url=chroma_url, embed_model="fake")
    library = Library.open(settings, embedder=FakeEmbedding())
    assert library.ingest_document(make_doc(operative=("Decides to establish a peacekeeping force.",))) == "added"
    assert library.ingest_document(make_doc(operative=("Decides to extend the mandate.",))) == "updated"
    assert library.vectors.count("en") == 3
    hits = library.search("A test resolution\nOperative paragraph: Decides to extend the mandate.", k=1,
                          mode=SearchMode.DENSE)
    assert (hits[0].id, hits[0].dense_score) == ("A/RES/1/1#op1", pytest.approx(1.0, abs=1e-5))
    assert not (tmp_path / "store" / "chroma").exists()
    assert library.delete("A/RES/1/1") == 3
    assert library.vectors.count("en") == 0
