"""One validated retrieval config; the BM25 index saved per registry generation."""

from __future__ import annotations

import pytest

from index.config import RetrievalConfig
from index.embeddings import FakeEmbedding
from index.hits import SearchMode
from index.library import Library
from index.lexical import LexicalIndex
from resqa.errors import ConfigError
from tests.index.conftest import make_doc


@pytest.mark.unit
@pytest.mark.parametrize("change, message", [
    ({"rrf_k": 0}, r"RetrievalConfig\.rrf_k=0 must be positive"),
    ({"title_factor": 1.5}, r"RetrievalConfig\.title_factor=1\.5 must be between 0 and 1"),
    ({"lexical_weight": -0.1}, r"RetrievalConfig\.lexical_weight=-0\.1 must not be negative"),
    ({"margin_rank": "10"}, r"RetrievalConfig\.margin_rank='10' must be a number"),
])
def test_a_bad_value_is_named_at_construction(change, message):
    with pytest.raises(ConfigError, match=message):
        RetrievalConfig(**change)


@pytest.mark.unit
def test_candidates_follow_the_config():
    config = RetrievalConfig()
    assert (config.rrf_k, config.candidates(5), config.candidates(20)) == (20.0, 30, 60)


@pytest.mark.unit
def test_the_bm25_index_of_a_generation_is_saved_and_loaded_by_the_next_process(settings):
    first = Library.open(settings, embedder=FakeEmbedding())
    first.ingest_document(make_doc(operative=("Decides to establish a peacekeeping operation;",)))
    generation = first.snapshot().generation
    first.search("peacekeeping", mode=SearchMode.LEXICAL)
    first.close()
    saved = first.registry.lexical_path(generation, first.analyzer.fingerprint)
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]
    assert LexicalIndex.load(saved).node_ids[-1].startswith("A/RES/1/1|en|op1@")

    second = Library.open(settings, embedder=FakeEmbedding())
    second._build_lexical = None  # a rebuild would fail: the saved index must be loaded
    hits = second.search("peacekeeping", mode=SearchMode.LEXICAL)
    second.close()
    assert [h.id for h in hits] == ["A/RES/1/1#op1"]
