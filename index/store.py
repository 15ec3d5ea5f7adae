"""The Chroma side: one collection per language, through llama-index's ChromaVectorStore.

Chroma is where paragraph vectors are kept (embedded, or on a Chroma server at team scale);
dense retrieval reads them from here into an exact-search matrix (index/dense.py) rather than
asking Chroma's HNSW graph for a top-k, whose results were approximate and varied between
processes.
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
READ_BATCH = 1000  # ids a Chroma read asks for: peak memory grows with it (+42 MiB at 1,000, +134 at 5,000)


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

    def __init__(self, store_dir: Path, chroma_url: str | None = None):
        self._client = _client(store_dir, chroma_url)
        self._stores: dict[str, object] = {}

    def _store(self, lang: str):
        if lang not in self._stores:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            try:
                collection = self._client.get_or_create_collection(
                    name=f"{COLLECTION_PREFIX}{lang}",
                    metadata={"hnsw:space": "cosine"},  # e5 vectors are compared by angle
                    embedding_function=None,  # never let Chroma load its ONNX model
                )
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

    def vectors_of(self, lang: str, node_ids: list[str]) -> dict[str, list[float]]:
        """node id -> stored vector, for those of `node_ids` the collection holds (read in batches:
        one request per READ_BATCH ids, to a Chroma server too)."""
        found: dict[str, list[float]] = {}
        node_ids = list(node_ids)
        for start in range(0, len(node_ids), READ_BATCH):
            try:
                got = self._store(lang).client.get(ids=node_ids[start:start + READ_BATCH], include=["embeddings"])
            except Exception as exc:
                raise StoreError(f"cannot read vectors from collection {COLLECTION_PREFIX}{lang}: {exc}") from exc
            found.update(zip(got["ids"], got["embeddings"]))
        return found

    def embeddings(self, lang: str) -> dict[str, list[float]]:
        """node id -> stored vector of every node of one language."""
        got = self._store(lang).client.get(include=["embeddings"])
        return dict(zip(got["ids"], got["embeddings"]))
