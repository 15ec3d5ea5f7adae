"""The query encoder's memo of futures: a prefetched query is embedded once; failures are retried."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from index.retrieval import QueryEncoder


class CountingEmbedder:
    def __init__(self, fail_first: bool = False):
        self.calls = 0
        self.fail_first = fail_first
        self.release = threading.Event()

    def get_query_embedding(self, query: str) -> list[float]:
        self.calls += 1
        self.release.wait(5)
        if self.fail_first and self.calls == 1:
            raise RuntimeError("model not ready")
        return [float(len(query))]


@pytest.mark.unit
def test_a_prefetched_query_is_embedded_once():
    embedder = CountingEmbedder()
    encoder = QueryEncoder(embedder, size=4)
    with ThreadPoolExecutor(2) as pool:
        pending = encoder.future("mandate of UNMISS", pool)  # in flight
        waiter = pool.submit(encoder.embed, "mandate of UNMISS")
        embedder.release.set()
        assert pending.result() == waiter.result() == [17.0]
    assert embedder.calls == 1


@pytest.mark.unit
def test_a_failed_embedding_is_computed_again():
    embedder = CountingEmbedder(fail_first=True)
    embedder.release.set()
    encoder = QueryEncoder(embedder, size=4)
    with pytest.raises(RuntimeError):
        encoder.embed("q")
    assert encoder.embed("q") == [1.0] and embedder.calls == 2


@pytest.mark.unit
def test_the_memo_keeps_at_most_its_size():
    embedder = CountingEmbedder()
    embedder.release.set()
    encoder = QueryEncoder(embedder, size=2)
    for query in ("a", "bb", "ccc"):
        encoder.embed(query)
    encoder.embed("a")  # evicted first: computed again
    assert embedder.calls == 4
