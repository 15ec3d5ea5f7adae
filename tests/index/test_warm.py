"""`Library.warm`: a server pays the first search's one-off costs before it takes questions."""

from __future__ import annotations

from index.hits import SearchMode
from tests.index.conftest import make_doc


def test_warm_loads_what_the_first_search_needs(library):
    library.ingest_document(make_doc(operative=("Decides to extend the mandate of the mission;",)))
    library.ingest_document(make_doc(symbol="A/RES/1/2", lang="fr", operative=("Décide de proroger le mandat;",)))
    library._lexical = None  # as a new process finds the store
    library._retriever = None
    seconds = library.warm()
    assert {"lexical", "analyzer", "bilingual lexicon", "query model", "dense", "retriever"} <= set(seconds)
    assert all(value >= 0 for value in seconds.values())
    retriever = library._retriever
    assert retriever is not None and retriever.snapshot.generation == library.snapshot().generation
    assert "jieba" in vars(library.analyzer.tokenizer)  # the tokenizer's dictionary is loaded
    assert "senses" in vars(library.analyzer.bilingual)  # and the cross-language channel's lexicon
    hits = library.search("extend the mandate", mode=SearchMode.HYBRID)
    assert library._retriever is retriever  # the first search used the warmed retriever
    assert hits and hits[0].symbol == "A/RES/1/1"


def test_warm_on_an_empty_store_touches_no_collection(library):
    seconds = library.warm()
    assert "dense" not in seconds and "query model" not in seconds
    assert library.documents() == []
