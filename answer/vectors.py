"""Embeddings the judge reads: the query's, the stored paragraphs' (the vectors Chroma holds for
them, read by id: what dense retrieval compared), and clauses'."""

from __future__ import annotations

import numpy as np


def _unit(rows) -> np.ndarray:
    a = np.asarray(rows, dtype=np.float32)
    if a.ndim == 1:
        a = a[None, :]
    norms = np.linalg.norm(a, axis=1, keepdims=True)
    return a / np.where(norms == 0, 1.0, norms)


class LibraryVectors:
    """Cosines between a question and paragraphs or clauses, with the library's embedder.

    Built from a `Library`; returns None (no dense evidence) for a library without an embedder.
    """

    def __init__(self, library):
        self.library = library
        self.embedder = getattr(library, "embedder", None)

    @classmethod
    def of(cls, library) -> "LibraryVectors | None":
        """None when the library has no embedder, or only the SHA-256 seeded fake one, whose
        cosines carry no meaning (the judge then decides on lexical evidence)."""
        embedder = getattr(library, "embedder", None)
        if embedder is None or getattr(embedder, "model_name", "") == "fake":
            return None
        return cls(library)

    def query(self, text: str) -> np.ndarray:
        # the library's query encoder memoizes: retrieval has just embedded the same question
        encoder = getattr(self.library, "encoder", None)
        vector = encoder.embed(text) if encoder is not None else self.embedder.get_query_embedding(text)
        return _unit(vector)[0]

    def paragraph_cosines(self, query: np.ndarray, hits) -> np.ndarray:
        """Cosines of the question and each hit's stored vector (a hit the store does not hold, as
        in a test double, is embedded from its text)."""
        hits = list(hits)
        if not hits:
            return np.zeros(0, dtype=np.float32)
        stored_vectors = getattr(self.library, "stored_vectors", None)
        vectors = stored_vectors(hits) if stored_vectors is not None else [None] * len(hits)
        missing = [i for i, v in enumerate(vectors) if v is None]
        if missing:
            embedded = self.embedder.get_text_embedding_batch([hits[i].text for i in missing])
            for i, vector in zip(missing, embedded):
                vectors[i] = vector
        return _unit(vectors) @ query

    def cosines(self, query: np.ndarray, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0, dtype=np.float32)
        return _unit(self.embedder.get_text_embedding_batch(list(texts))) @ query
