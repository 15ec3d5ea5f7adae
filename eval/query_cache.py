"""A disk cache of query embeddings for the eval and fitting runs, which ask the same gold questions
again and again (the store's embedding cache holds paragraphs only: at serving time queries rarely
repeat). Vectors are the model's own, so numbers are the same with or without it.

    cache_queries(library)  # before run_eval / fit
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import numpy as np


class QueryCachingEmbedder:
    """Wraps the library's embedder; everything but `get_query_embedding` passes through."""

    def __init__(self, inner, path: Path):
        self._inner = inner
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS queries (model TEXT, sha TEXT, vec BLOB, PRIMARY KEY (model, sha))")
        self._db.commit()
        self._lock = threading.Lock()

    def __getattr__(self, name):
        return getattr(self._inner, name)

    @property
    def wrapped(self):
        """The library's own embedder (a llama-index `BaseEmbedding`, which this wrapper is not)."""
        return self._inner

    def get_query_embedding(self, query: str) -> list[float]:
        model = self._inner.model_name
        sha = hashlib.sha256(query.encode("utf-8")).hexdigest()
        with self._lock:
            row = self._db.execute("SELECT vec FROM queries WHERE model = ? AND sha = ?", (model, sha)).fetchone()
        if row is not None:
            return np.frombuffer(row[0], dtype=np.float32).tolist()
        vector = self._inner.get_query_embedding(query)
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO queries VALUES (?, ?, ?)",
                             (model, sha, np.asarray(vector, dtype=np.float32).tobytes()))
            self._db.commit()
        return vector

    def close(self) -> None:
        self._db.close()
        self._inner.close()


def cache_queries(library) -> None:
    """Route the library's query embeddings through a cache next to its paragraph cache."""
    if not isinstance(library.embedder, QueryCachingEmbedder):
        library.embedder = QueryCachingEmbedder(library.embedder, Path(library.settings.cache_dir) / "queries.sqlite")
        if hasattr(library, "route_queries"):
            library.route_queries(library.embedder)
