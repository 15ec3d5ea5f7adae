"""Embedders used only by the benchmark: one that times its model, one that looks vectors up."""

from __future__ import annotations

import time

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from resqa.errors import EmbeddingError


class TimedEmbedding(BaseEmbedding):
    """Delegates to a model and adds up the seconds spent inside it and the texts it saw.

    Put it *under* the disk cache so that only real model work is counted:
    `CachedEmbedding(TimedEmbedding(E5Embedding()), cache_dir)`.
    """

    _inner: BaseEmbedding = PrivateAttr()
    _seconds: float = PrivateAttr(default=0.0)
    _cpu: float = PrivateAttr(default=0.0)
    _texts: list = PrivateAttr(default_factory=list)

    def __init__(self, inner: BaseEmbedding, **kwargs):
        super().__init__(model_name=inner.model_name, embed_batch_size=inner.embed_batch_size, **kwargs)
        self._inner = inner

    @property
    def seconds(self) -> float:
        return self._seconds

    @property
    def cpu_seconds(self) -> float:
        """Process CPU time inside the model: steadier than wall time on a shared machine."""
        return self._cpu

    @property
    def texts(self) -> list[str]:
        return list(self._texts)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return self._inner._get_text_embeddings(list(texts))
        finally:
            self._seconds += time.perf_counter() - started
            self._cpu += time.process_time() - cpu
            self._texts.extend(texts)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._inner._get_query_embedding(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class LookupEmbedding(BaseEmbedding):
    """Vectors from a prepared {text: vector} table; a text not in it is an error,
    so building a synthetic store can never fall back to hours of real embedding."""

    _table: dict = PrivateAttr(default_factory=dict)

    def __init__(self, model_name: str, **kwargs):
        super().__init__(model_name=model_name, embed_batch_size=256, **kwargs)

    @property
    def computed(self) -> int:
        return 0

    def add(self, text: str, vector) -> None:
        self._table[text] = np.asarray(vector, dtype=np.float32).tolist()

    def clear(self) -> None:
        self._table.clear()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        try:
            return [self._table[t] for t in texts]
        except KeyError as exc:
            raise EmbeddingError(f"no prepared vector for {str(exc)[:80]}") from None

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_query_embedding(self, query: str) -> list[float]:
        raise EmbeddingError("the lookup embedder builds stores; it does not answer queries")

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)
