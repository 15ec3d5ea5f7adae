"""The Chroma side: one collection per language, through llama-index's ChromaVectorStore.

Per-language collections let dense retrieval take the unfiltered top-k of each
language cheaply and fuse the ranks, so Chinese paragraphs compete with English
ones for an English question (e5-small favours its own language otherwise).
"""

from __future__ import annotations

import fcntl
import logging
from pathlib import Path
from urllib.parse import urlparse

from llama_index.core.schema import TextNode

from resqa.errors import StoreError

logger = logging.getLogger(__name__)

COLLECTION_PREFIX = "resqa_"


def _client(store_dir: Path, chroma_url: str | None):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if chroma_url:
            url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        path = store_dir / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        # Two processes opening a new store at once race to create Chroma's tables ("table
        # collections already exists"); serialize the opening on a lock file beside it.
        with open(store_dir / "chroma.open.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
    except Exception as exc:
        where = chroma_url or str(store_dir / "chroma")
        raise StoreError(f"cannot open the Chroma store at {where}: {exc}") from exc


class ParagraphVectors:
    """Vectors and metadata of paragraphs, in Chroma collections `resqa_<lang>`."""

    def __init__(self, store_dir: Path, chroma_url: str | None = None, ef_search: int | None = None):
        self._client = _client(store_dir, chroma_url)
        self._stores: dict[str, object] = {}
        self._ef_search = ef_search

    def _store(self, lang: str):
        if lang not in self._stores:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            try:
                collection = self._client.get_or_create_collection(
                    name=f"{COLLECTION_PREFIX}{lang}",
                    metadata={"hnsw:space": "cosine"},  # e5 vectors are compared by angle
                    embedding_function=None,  # never let Chroma load its ONNX model
                )
                if self._ef_search and _ef_search(collection) != self._ef_search:
                    # A query-time setting: an older store (or another ef) is set, not rebuilt.
                    collection.modify(configuration={"hnsw": {"ef_search": self._ef_search}})
            except Exception as exc:
                raise StoreError(f"cannot open collection {COLLECTION_PREFIX}{lang}: {exc}") from exc
            self._stores[lang] = ChromaVectorStore(chroma_collection=collection)
        return self._stores[lang]

    def add(self, lang: str, nodes: list[TextNode]) -> None:
        if nodes:
            self._store(lang).add(nodes)

    def delete(self, lang: str, node_ids: list[str]) -> None:
        if node_ids:
            self._store(lang).delete_nodes(node_ids=list(node_ids))

    def delete_stale(self, lang: str, symbol: str, keep_version: str | None) -> int:
        """Remove every node of (symbol, lang) whose version is not `keep_version`."""
        collection = self._store(lang).client
        got = collection.get(where={"symbol": symbol}, include=["metadatas"])
        stale = [i for i, m in zip(got["ids"], got["metadatas"]) if (m or {}).get("version") != keep_version]
        if stale:
            collection.delete(ids=stale)
        return len(stale)

    def count(self, lang: str) -> int:
        return self._store(lang).client.count()

    def raw_topk(self, lang: str, embedding: list[float], k: int) -> dict:
        """One bare Chroma top-k on a collection, no llama-index and no filter: the bench's floor."""
        return self._store(lang).client.query(query_embeddings=[embedding], n_results=k, include=["metadatas"])

    def vectors_of(self, lang: str, node_ids: list[str]) -> dict[str, list[float]]:
        """node id -> stored vector, for those of `node_ids` the collection holds."""
        if not node_ids:
            return {}
        try:
            got = self._store(lang).client.get(ids=list(node_ids), include=["embeddings"])
        except Exception as exc:
            raise StoreError(f"cannot read vectors from collection {COLLECTION_PREFIX}{lang}: {exc}") from exc
        return dict(zip(got["ids"], got["embeddings"]))

    def embeddings(self, lang: str) -> dict[str, list[float]]:
        """node id -> stored vector of every node of one language."""
        got = self._store(lang).client.get(include=["embeddings"])
        return dict(zip(got["ids"], got["embeddings"]))

    def query(self, lang: str, embedding: list[float], k: int, where: dict | None = None
              ) -> list[tuple[str, float]]:
        """Top-k of one language: (node id, cosine similarity), best first.

        Only ids and distances are asked of Chroma: fetching the metadata and documents of the
        3 x 30 candidates cost 6x the HNSW search itself (13 vs 2 ms at 100k paragraphs); the
        retriever reads text and metadata from the sidecars, for the hits it returns only.
        """
        if k <= 0:
            return []
        collection = self._store(lang).client
        # No count() first: Chroma returns fewer than k (or none) on its own, and on a
        # Chroma server every count is another HTTP round trip per language.
        try:
            got = collection.query(query_embeddings=[embedding], n_results=k, where=where or None,
                                   include=["distances"])
        except Exception as exc:
            raise StoreError(
                f"cannot query collection {COLLECTION_PREFIX}{lang}: {exc} "
                "(a store is bound to the embedding model it was built with)"
            ) from exc
        # Cosine distance: similarity is 1 - distance.
        return [(node_id, 1.0 - distance) for node_id, distance in zip(got["ids"][0], got["distances"][0])]


def _ef_search(collection) -> int | None:
    configuration = getattr(collection, "configuration_json", None) or {}
    return (configuration.get("hnsw") or {}).get("ef_search")
