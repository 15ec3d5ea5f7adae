"""Embeddings the judge reads: the query's, the stored paragraphs' (through the embedding cache,
so a paragraph the store embedded at ingest costs a cache lookup), and clauses'."""

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
        self._embed_texts: tuple[int, dict[tuple[str, str, str], str]] | None = None

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

    def _stored_texts(self) -> dict[tuple[str, str, str], str]:
        """(symbol, lang, ref) -> the text the store embedded (title and kind word included)."""
        registry = getattr(self.library, "registry", None)
        if registry is None:
            return {}
        generation = registry.generation
        if self._embed_texts is None or self._embed_texts[0] != generation:
            texts = {}
            for info in self.library.documents():
                for r in self.library.sidecar(info):
                    meta = r["metadata"]
                    texts[(meta["symbol"], meta["lang"], meta["ref"])] = r.get("embed_text") or r["text"]
            self._embed_texts = (generation, texts)
        return self._embed_texts[1]

    def paragraph_cosines(self, query: np.ndarray, hits) -> np.ndarray:
        stored = self._stored_texts()
        texts = [stored.get((h.symbol, h.lang, h.ref), h.text) for h in hits]
        return self.cosines(query, texts)

    def cosines(self, query: np.ndarray, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0, dtype=np.float32)
        return _unit(self.embedder.get_text_embedding_batch(list(texts))) @ query
