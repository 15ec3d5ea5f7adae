"""Ingest and search through a real Chroma server (`chroma run`), as a team would."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from index.embeddings import FakeEmbedding
from index.hits import SearchMode
from index.library import Library
from resqa.settings import Settings
from tests.index.conftest import make_doc
from tests.support.llama_server import server_process

pytestmark = pytest.mark.integration


@pytest.fixture
def chroma_url(tmp_path):
    chroma = Path(sys.executable).parent / "chroma"
    command = [str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "{host}", "--port", "{port}"]
    with server_process(command, health_path="/api/v2/heartbeat", timeout=60, log_dir=tmp_path) as url:
        yield url


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
