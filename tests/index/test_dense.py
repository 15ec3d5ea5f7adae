"""`DenseIndex`: exact cosine top-k over the snapshot's rows, rebuilt cheaply, saved and reloaded."""

from __future__ import annotations

import numpy as np

from index.dense import DenseIndex
from index.hits import SearchFilters, SearchMode
from index.lexical import best_rows
from tests.index.conftest import make_doc


def _vectors(count: int, width: int = 8, seed: int = 0) -> dict[str, list[float]]:
    rng = np.random.default_rng(seed)
    return {f"n{i}": rng.normal(size=width).tolist() for i in range(count)}


class _Fetcher:
    """Stands in for Chroma's `vectors_of`; records which ids were asked for."""

    def __init__(self, vectors: dict[str, list[float]]):
        self.vectors = vectors
        self.asked: list[str] = []

    def __call__(self, lang: str, node_ids: list[str]) -> dict[str, list[float]]:
        self.asked += node_ids
        return {node: self.vectors[node] for node in node_ids if node in self.vectors}


def test_top_k_is_the_brute_force_cosine_order():
    vectors = _vectors(200)
    ids = list(vectors)
    index = DenseIndex.build(ids, ["en"] * len(ids), _Fetcher(vectors))
    query = np.random.default_rng(1).normal(size=8)
    matrix = np.asarray([vectors[i] for i in ids])
    cosines = matrix @ query / (np.linalg.norm(matrix, axis=1) * np.linalg.norm(query))
    expected = [ids[row] for row in np.argsort(-cosines)[:15]]
    found = [ids[row] for row, _ in best_rows(index.scores(query.tolist()), index.rows_of("en"), 15, above=None)]
    assert found == expected
    assert np.allclose(index.scores(query.tolist()), cosines, atol=1e-5)


def test_a_new_generation_fetches_only_the_paragraphs_it_did_not_have():
    vectors = _vectors(30)
    first = DenseIndex.build([f"n{i}" for i in range(20)], ["en"] * 20, _Fetcher(vectors))
    fetcher = _Fetcher(vectors)
    ids = [f"n{i}" for i in range(10, 30)]  # ten dropped, ten new
    second = DenseIndex.build(ids, ["en"] * 20, fetcher, previous=first)
    assert sorted(fetcher.asked) == sorted(f"n{i}" for i in range(20, 30))
    rebuilt = DenseIndex.build(ids, ["en"] * 20, _Fetcher(vectors))
    assert np.array_equal(second.matrix, rebuilt.matrix)


def test_a_paragraph_without_a_vector_is_never_returned():
    vectors = _vectors(5)
    ids = ["n0", "n1", "lost", "n2"]
    index = DenseIndex.build(ids, ["en"] * 4, _Fetcher(vectors))
    found = [ids[row] for row, _ in best_rows(index.scores(vectors["n0"]), index.rows_of("en"), 10, above=None)]
    assert "lost" not in found and len(found) == 3


def test_rows_of_a_language_are_only_its_own():
    vectors = _vectors(6)
    ids = list(vectors)
    index = DenseIndex.build(ids, ["en", "fr", "en", "zh", "fr", "en"], _Fetcher(vectors))
    assert np.flatnonzero(index.rows_of("fr")).tolist() == [1, 4]
    assert not index.rows_of("ru").any()


def test_saved_matrix_loads_only_for_the_same_rows(tmp_path):
    vectors = _vectors(12)
    ids = list(vectors)
    index = DenseIndex.build(ids, ["en"] * 12, _Fetcher(vectors))
    index.save(tmp_path / "dense" / "g1")
    loaded = DenseIndex.load(tmp_path / "dense" / "g1", ids)
    assert loaded is not None and np.array_equal(loaded.matrix, index.matrix) and loaded.langs == index.langs
    assert DenseIndex.load(tmp_path / "dense" / "g1", ids[:-1]) is None
    assert DenseIndex.load(tmp_path / "dense" / "missing", ids) is None
    (tmp_path / "dense" / "g1" / "vectors.npy").write_bytes(b"not numpy")
    assert DenseIndex.load(tmp_path / "dense" / "g1", ids) is None


def test_library_filters_dense_search_and_keeps_one_saved_generation(library):
    library.ingest_document(make_doc(operative=("Decides to extend the mandate of the mission;",)))
    library.ingest_document(make_doc(symbol="A/RES/1/2", operative=("Decides to extend the mandate of the force;",)))
    hits = library.search("extend the mandate", mode=SearchMode.DENSE, filters=SearchFilters(symbols=("A/RES/1/2",)))
    assert hits and {hit.symbol for hit in hits} == {"A/RES/1/2"}
    dense_dir = library.registry.dense_dir
    assert [p.name for p in dense_dir.iterdir()] == [library.registry.dense_path(library.snapshot().generation).name]
    library.ingest_document(make_doc(symbol="A/RES/1/3", operative=("Requests a report;",)))
    library.search("a report", mode=SearchMode.DENSE)
    assert [p.name for p in dense_dir.iterdir()] == [library.registry.dense_path(library.snapshot().generation).name]
    library._dense = None  # a new process: the saved matrix is loaded, not rebuilt
    reloaded = library.dense_index()
    assert len(reloaded) == len(library.lexical_index().node_ids)


def test_a_damaged_saved_matrix_is_rebuilt_and_saved_again(library):
    library.ingest_document(make_doc(operative=("Decides to extend the mandate of the mission;",)))
    first = library.dense_index()
    path = library.registry.dense_path(library.snapshot().generation)
    (path / "vectors.npy").write_bytes(b"damaged")
    library._dense = None  # a new process finds the damaged folder
    rebuilt = library.dense_index()
    assert np.array_equal(rebuilt.matrix, first.matrix)
    assert DenseIndex.load(path, first.node_ids) is not None  # saved whole in its place


def test_vectors_are_read_a_batch_at_a_time(monkeypatch):
    """The matrix is filled one read at a time, so that the peak memory is that of one read."""
    import index.dense

    monkeypatch.setattr(index.dense, "READ_BATCH", 100)
    vectors = _vectors(250)
    sizes = []

    def fetch(lang, node_ids):
        sizes.append(len(node_ids))
        return {node: vectors[node] for node in node_ids}

    ids = list(vectors)
    index_ = DenseIndex.build(ids, ["en"] * 250, fetch)
    assert sizes == [100, 100, 50]
    assert np.array_equal(index_.matrix, DenseIndex.build(ids, ["en"] * 250, _Fetcher(vectors)).matrix)
