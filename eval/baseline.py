"""The naive baseline: what you get from llama-index's defaults, for comparison.

Each document's text (its paragraphs joined in document order, with no refs or
numbering added) is cut by `SentenceSplitter(chunk_size=512)` with its default
overlap, embedded by the same embedder as the library, and stored in an embedded
Chroma in a temporary folder. Retrieval returns the top-k chunks; each chunk is
mapped back to every paragraph ref whose text it overlaps, so the same metrics
score it. No LLM is involved and the global llama-index `Settings` is never read.

Using the library's own paragraph text (not the raw file) isolates what the
comparison is about: structure-aware paragraphs versus fixed-size chunks.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.model import citation

logger = logging.getLogger(__name__)

CHUNK_SIZE = 512
SEPARATOR = "\n\n"
COLLECTION = "naive_chunks"


@dataclass(frozen=True)
class SourceDocument:
    """One document's paragraphs as (ref, text) in document order."""

    symbol: str
    lang: str
    paragraphs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Chunk:
    """One retrieved chunk and the paragraph citations it overlaps."""

    symbol: str
    lang: str
    refs: tuple[str, ...]  # SYMBOL#REF, in document order
    score: float
    text: str


def chunk_refs(spans: Sequence[tuple[str, int, int]], start: int, end: int) -> tuple[str, ...]:
    """The refs whose [start, end) character span overlaps the chunk's.

    >>> chunk_refs([("op1", 0, 10), ("op2", 12, 20)], 5, 13)
    ('op1', 'op2')
    """
    return tuple(ref for ref, s, e in spans if s < end and start < e)


def _join(paragraphs: Sequence[tuple[str, str]]) -> tuple[str, list[tuple[str, int, int]]]:
    parts, spans, offset = [], [], 0
    for ref, text in paragraphs:
        spans.append((ref, offset, offset + len(text)))
        parts.append(text)
        offset += len(text) + len(SEPARATOR)
    return SEPARATOR.join(parts), spans


def documents_from_library(library) -> list[SourceDocument]:
    """Every document in the library, as its paragraphs in document order."""
    docs = []
    for info in library.documents():
        hits = library.paragraphs(info.symbol, info.lang)
        paragraphs = tuple((h.ref, h.text) for h in hits if h.text.strip())
        if paragraphs:
            docs.append(SourceDocument(info.symbol, info.lang, paragraphs))
    return docs


class NaiveBaseline:
    """Fixed-size chunks in a llama-index `VectorStoreIndex` over an embedded Chroma.

    >>> with NaiveBaseline.build(docs, embed_model=FakeEmbedding()) as naive:  # doctest: +SKIP
    ...     naive.search("embargo against Cuba", k=5)
    """

    def __init__(self, index, work_dir: Path, owns_dir: bool, chunk_count: int):
        self._index = index
        self._work_dir = work_dir
        self._owns_dir = owns_dir
        self.chunk_count = chunk_count

    @classmethod
    def build(
        cls,
        documents: Iterable[SourceDocument],
        embed_model,
        work_dir: str | Path | None = None,
        chunk_size: int = CHUNK_SIZE,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> "NaiveBaseline":
        import chromadb
        from llama_index.core import Document as LlamaDocument
        from llama_index.core import StorageContext, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter
        from llama_index.vector_stores.chroma import ChromaVectorStore

        if embed_model is None:
            raise ValueError("the naive baseline needs the library's embed_model")
        owns_dir = work_dir is None
        work = Path(tempfile.mkdtemp(prefix="resqa-naive-")) if owns_dir else Path(work_dir)
        work.mkdir(parents=True, exist_ok=True)
        splitter = SentenceSplitter(chunk_size=chunk_size)
        nodes = []
        documents = list(documents)
        for number, doc in enumerate(documents, start=1):
            text, spans = _join(doc.paragraphs)
            source = LlamaDocument(text=text, metadata={"resqa_symbol": doc.symbol, "resqa_lang": doc.lang})
            # our bookkeeping keys must not change what the naive chunks embed
            source.excluded_embed_metadata_keys = ["resqa_symbol", "resqa_lang", "resqa_refs"]
            source.excluded_llm_metadata_keys = ["resqa_symbol", "resqa_lang", "resqa_refs"]
            cursor = 0
            for node in splitter.get_nodes_from_documents([source]):
                start = node.start_char_idx
                if start is None:  # the splitter could not place it; find it after the previous chunk
                    found = text.find(node.text[:200], cursor)
                    start = max(found, 0)
                end = node.end_char_idx if node.end_char_idx is not None else start + len(node.text)
                cursor = start
                refs = [citation(doc.symbol, ref) for ref in chunk_refs(spans, start, end)]
                node.metadata["resqa_refs"] = json.dumps(refs, ensure_ascii=False)  # Chroma wants flat values
                node.excluded_embed_metadata_keys = ["resqa_symbol", "resqa_lang", "resqa_refs"]
                node.excluded_llm_metadata_keys = ["resqa_symbol", "resqa_lang", "resqa_refs"]
                nodes.append(node)
            if progress:
                progress(number, len(documents), f"naive: chunk {doc.symbol} ({doc.lang})")
        logger.info("naive baseline: %d chunks from %d documents", len(nodes), len(documents))
        client = chromadb.PersistentClient(
            path=str(work / "chroma"), settings=chromadb.config.Settings(anonymized_telemetry=False)
        )
        collection = client.get_or_create_collection(COLLECTION, metadata={"hnsw:space": "cosine"})
        store = ChromaVectorStore(chroma_collection=collection)
        index = VectorStoreIndex(
            nodes,
            storage_context=StorageContext.from_defaults(vector_store=store),
            embed_model=embed_model,
        )
        return cls(index, work, owns_dir, len(nodes))

    @classmethod
    def from_library(cls, library, embed_model, work_dir=None, progress=None) -> "NaiveBaseline":
        return cls.build(documents_from_library(library), embed_model, work_dir=work_dir, progress=progress)

    def search(self, query: str, k: int = 10) -> list[Chunk]:
        """The top-k chunks for the query, best first."""
        retriever = self._index.as_retriever(similarity_top_k=k)
        chunks = []
        for scored in retriever.retrieve(query):
            meta = scored.node.metadata
            chunks.append(
                Chunk(
                    symbol=meta.get("resqa_symbol", ""),
                    lang=meta.get("resqa_lang", ""),
                    refs=tuple(json.loads(meta.get("resqa_refs", "[]"))),
                    score=float(scored.score or 0.0),
                    text=scored.node.get_content(),
                )
            )
        return chunks

    def close(self) -> None:
        self._index = None
        if self._owns_dir:
            shutil.rmtree(self._work_dir, ignore_errors=True)

    def __enter__(self) -> "NaiveBaseline":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
