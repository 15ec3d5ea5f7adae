"""The judge's paragraph vectors come from Chroma by node id, and entity rows from the BM25 index."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from answer.vectors import LibraryVectors
from index.hits import SearchMode
from tests.index.conftest import make_doc

pytestmark = pytest.mark.unit


class CountingEmbedder:
    def __init__(self, inner):
        self.inner, self.texts = inner, []

    def get_text_embedding_batch(self, texts):
        self.texts.extend(texts)
        return self.inner.get_text_embedding_batch(texts)


def test_stored_vectors_are_chroma_s_and_a_hit_the_store_lacks_is_none(library):
    library.ingest_document(make_doc(operative=("Decides to extend the mandate of UNMISS;",)))
    hits = library.search("extend the mandate", mode=SearchMode.LEXICAL)
    vectors = library.stored_vectors(hits)
    stored = library.vectors.embeddings("en")
    for hit, vector in zip(hits, vectors):
        node = [i for i in stored if i.startswith(f"{hit.symbol}|en|{hit.ref}@")]
        assert len(node) == 1 and np.allclose(vector, stored[node[0]])
    stranger = replace(hits[0], metadata={**hits[0].metadata, "version": "0" * 64})
    assert library.stored_vectors([stranger]) == [None]


def test_paragraph_cosines_embed_only_what_the_store_lacks(library):
    library.ingest_document(make_doc(operative=("Decides to extend the mandate of UNMISS;",)))
    hits = library.search("extend the mandate", mode=SearchMode.LEXICAL)
    stranger = replace(hits[0], text="A paragraph of no stored document.",
                       metadata={**hits[0].metadata, "version": "0" * 64})
    vectors = LibraryVectors(library)
    vectors.embedder = CountingEmbedder(library.embedder)
    query = np.ones(len(library.stored_vectors(hits[:1])[0]), dtype=np.float32)
    cosines = vectors.paragraph_cosines(query / np.linalg.norm(query), [*hits, stranger])
    assert len(cosines) == len(hits) + 1
    assert vectors.embedder.texts == ["A paragraph of no stored document."]


def test_rows_naming_finds_the_paragraphs_of_an_entity_in_any_language(library):
    library.ingest_document(make_doc(operative=("Decides to extend the mandate of UNMISS;",)))
    library.ingest_document(make_doc(symbol="A/RES/1/2", lang="zh", operative=("决定延长南苏丹特派团的任务；",)))
    library.ingest_document(make_doc(symbol="A/RES/1/3", operative=("Decides to act on climate;",)))
    index = library.lexical_index()
    rows = index.rows_naming({"unmiss"})
    assert sorted(index.doc_keys[r] for r in rows) == ["A/RES/1/1|en", "A/RES/1/2|zh"]
    assert all("unmiss" in index.entities[r] for r in rows)
    assert index.rows_naming({"no-such-entity"}) == []
