"""The `Library` facade: ingest, search, list and delete documents in one store.

    library = Library.open(Settings.from_env())
    report = library.ingest_paths(["samples/"])
    hits = library.search("哪些段落涉及维持和平行动？", k=5)
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Callable

from index.config import RetrievalConfig
from index.dense import DenseIndex
from index.embeddings import CachedEmbedding, check_identity, make_embedder
from index.hits import Hit, SearchFilters, SearchMode
from index.lexical import LexicalEntry, LexicalIndex
from index.links import LinksIndex
from index.nodes import document_version, node_id, records_for, to_hit, to_node
from index.registry import DocumentInfo, Registry, RegistrySnapshot, doc_key
from index.retrieval import QueryEncoder, Retriever
from index.sidecars import SidecarCache
from index.sources import Source, collect_sources, parse_source
from index.store import ParagraphVectors
from ingest.model import Document
from ingest.symbols import normalize_symbol
from language.terms import rarity_sample
from resqa.errors import ResqaError, StoreError
from resqa.settings import Settings

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
CRASH_ENV = "RESQA_TEST_CRASH_AT"  # after_write | after_flip | after_commit: SIGKILL there (tests)


@dataclass
class IngestReport:
    added: list[dict] = field(default_factory=list)
    updated: list[dict] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    embedded: int = 0  # texts the model embedded (cache misses)

    def to_json(self) -> dict:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "failed": self.failed, "embedded": self.embedded}


class Library:
    """One store: Chroma collections per language, the registry, the BM25 index.

    Readers (search, documents, paragraphs, versions) work on an immutable registry snapshot,
    so they never see a document a writer of this or another process has half written.
    """

    def __init__(self, settings: Settings, embedder: CachedEmbedding, vectors: ParagraphVectors,
                 registry: Registry, analyzer, parse: Callable[[Source, int | None], Document] = parse_source,
                 config: RetrievalConfig = RetrievalConfig()):
        self.settings = settings
        self.embedder = embedder
        self.vectors = vectors
        self.registry = registry
        self.analyzer = analyzer
        self.parse = parse
        self.config = config
        self.lock_timeout = float(settings.extra.get("lock_timeout", 600))
        # Tests set this to raise at a named checkpoint, in process.
        self.fault_hook: Callable[[str], None] | None = None
        self.sidecars = SidecarCache(registry)
        self.encoder = QueryEncoder(embedder, config.query_memo)
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="resqa-search")
        self._lexical: tuple[tuple[int, str], LexicalIndex] | None = None
        self._dense: tuple[int, DenseIndex] | None = None
        self._retriever: Retriever | None = None
        self._build_lock = threading.Lock()  # one index build at a time; readers of older ones go on
        self.link_index = LinksIndex(registry.dir)
        check_identity(registry.snapshot().embedding, embedder.model_name, settings.store_dir)

    @classmethod
    def open(cls, settings: Settings, embedder=None, parse=None, analyzer=None,
             config: RetrievalConfig | None = None) -> "Library":
        if embedder is None:
            embedder = make_embedder(settings)
        elif not isinstance(embedder, CachedEmbedding):
            embedder = CachedEmbedding(embedder, settings.cache_dir)
        if analyzer is None:
            from language.analyzer import LexicalAnalyzer

            analyzer = LexicalAnalyzer()
        registry = Registry(settings.store_dir)
        config = config or RetrievalConfig()
        vectors = ParagraphVectors(settings.store_dir, settings.chroma_url)
        return cls(settings, embedder, vectors, registry, analyzer, parse or parse_source, config)

    def close(self) -> None:
        self._pool.shutdown(wait=False)
        self.embedder.close()

    # -- ingestion -------------------------------------------------------------------------------
    def ingest_paths(self, paths, symbol: str | None = None, lang: str | None = None,
                     progress: Progress | None = None) -> IngestReport:
        """Parse and index files and folders; a bad file is reported and skipped."""
        sources = collect_sources(paths, symbol=symbol, lang=lang)
        report = IngestReport()
        start = self.embedder.computed
        first: dict[str, tuple[str, str]] = {}  # document key -> (path, version) of its first file in this run
        with self.registry.write_lock(self.lock_timeout):
            self._heal()
            for done, source in enumerate(sources):
                if progress:
                    progress(done, len(sources), source.path.name)
                try:
                    doc = self.parse(source, self.settings.max_file_bytes)
                    key, version = doc_key(normalize_symbol(doc.symbol), doc.lang), document_version(doc)
                    if key in first and first[key][1] != version:
                        # Two files of one run print the same symbol with different texts (a mislabelled
                        # copy): the first one stays, so that running again changes nothing.
                        raise ResqaError(f"{source.path}: prints {normalize_symbol(doc.symbol)} ({doc.lang}) "
                                         f"like {first[key][0]}, with another text: skipped")
                    first.setdefault(key, (str(source.path), version))
                    status = self._ingest_locked(doc)
                except ResqaError as exc:
                    logger.warning("%s: %s", source.path, exc)
                    report.failed.append({"path": str(source.path), "error": str(exc)})
                    continue
                except (ValueError, OSError) as exc:  # a Document the parser could not validate
                    report.failed.append({"path": str(source.path), "error": f"{source.path}: {exc}"})
                    continue
                entry = {"path": str(source.path), "symbol": normalize_symbol(doc.symbol), "lang": doc.lang}
                getattr(report, status).append(entry)
            if progress:
                progress(len(sources), len(sources), "")
        report.embedded = self.embedder.computed - start
        if report.added or report.updated:
            self.lexical_index()  # build and save it now, not in the first search after the ingest
        return report

    def ingest_document(self, doc: Document) -> str:
        """Index one parsed document: "added", "updated" or "unchanged"."""
        with self.registry.write_lock(self.lock_timeout):
            self._heal()
            return self._ingest_locked(doc)

    def _checkpoint(self, name: str) -> None:
        if self.fault_hook is not None:
            self.fault_hook(name)
        if os.environ.get(CRASH_ENV) == name:
            logger.warning("%s=%s: killing the process", CRASH_ENV, name)
            os.kill(os.getpid(), signal.SIGKILL)

    def _ingest_locked(self, doc: Document) -> str:
        doc = replace(doc, symbol=normalize_symbol(doc.symbol))
        key = doc_key(doc.symbol, doc.lang)
        version = document_version(doc)
        old = self.registry.documents.get(key)
        if old is not None and old.version == version:
            if old.source != doc.source:
                self.registry.documents[key] = replace(old, source=doc.source)
                self.registry.save()
            return "unchanged"
        records = records_for(doc, version)
        # Embed before touching the store: a model failure leaves the old version as it was.
        embeddings = self.embedder.get_text_embedding_batch([r.embed_text for r in records])
        self._bind_model(len(embeddings[0]) if embeddings else 0)
        sidecar = []
        for r in records:
            entities = self.analyzer.entity_ids(r.text)
            sidecar.append(r.to_json() | {
                "tokens": self.analyzer.tokens(r.text), "entities": entities,
                "keys": self.analyzer.pivot_tokens(r.text, entities), "analyzer": self.analyzer.fingerprint})

        self.registry.pending[key] = version
        self.registry.save()
        self.registry.write_sidecar(doc.symbol, doc.lang, version, sidecar)
        try:
            self.vectors.add(doc.lang, [to_node(r, e) for r, e in zip(records, embeddings)])
        except Exception as exc:
            raise StoreError(f"cannot write {doc.symbol} ({doc.lang}) to Chroma: {exc}") from exc
        self._checkpoint("after_write")

        self.registry.documents[key] = DocumentInfo(
            symbol=doc.symbol, lang=doc.lang, title=doc.title, paragraphs=len(records), source=doc.source,
            ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"), kind=str(doc.kind),
            organ=doc.organ, session=doc.session, year=doc.year, version=version,
        )
        self.registry.save()
        self._checkpoint("after_flip")
        self._remove_stale(doc.symbol, doc.lang, version)
        self.registry.pending.pop(key, None)
        self.registry.save()
        self._checkpoint("after_commit")
        self.link_index.record(doc, version)
        return "updated" if old is not None else "added"

    def _bind_model(self, dim: int) -> None:
        """Record the store's embedding model at its first write; refuse vectors of another size."""
        identity = self.registry.embedding
        if not identity:
            self.registry.embedding = {"model": self.embedder.model_name, "dim": dim}
            return
        check_identity(identity, self.embedder.model_name, self.settings.store_dir)
        if identity.get("dim") and dim and identity["dim"] != dim:
            from resqa.errors import EmbeddingError

            raise EmbeddingError(f"{self.embedder.model_name} returned vectors of size {dim}; the store "
                                 f"{self.settings.store_dir} holds size {identity['dim']}")

    def _remove_stale(self, symbol: str, lang: str, keep: str | None) -> None:
        self.vectors.delete_stale(lang, symbol, keep)
        self.registry.remove_stale_sidecars(symbol, lang, keep)

    def _heal(self) -> None:
        """Finish what a killed writer left: keep only the registered version of each pending document."""
        if not self.registry.pending:
            return
        for key in list(self.registry.pending):
            symbol, _, lang = key.rpartition("|")
            keep = self.registry.version_of(symbol, lang)
            logger.warning("healing %s (%s): keeping version %s", symbol, lang, (keep or "none")[:12])
            self._remove_stale(symbol, lang, keep)
            self.registry.pending.pop(key)
        self.registry.save()

    def delete(self, symbol: str, lang: str | None = None) -> int:
        """Remove a document (every language, or one) from both channels; returns paragraphs removed."""
        with self.registry.write_lock(self.lock_timeout):
            self._heal()
            removed = 0
            for info in self._matching(symbol, lang):
                key = doc_key(info.symbol, info.lang)
                self.registry.pending[key] = info.version
                del self.registry.documents[key]
                self.registry.save()
                self._remove_stale(info.symbol, info.lang, None)
                self.registry.pending.pop(key, None)
                self.registry.save()
                self.link_index.forget(info.symbol, info.lang)
                removed += info.paragraphs
            return removed

    # -- reading ----------------------------------------------------------------------------------
    def _matching(self, symbol: str, lang: str | None = None) -> list[DocumentInfo]:
        """Writer side (under the lock): the registered documents of `symbol`."""
        return RegistrySnapshot(documents=self.registry.documents).matching(symbol, lang)

    def snapshot(self) -> RegistrySnapshot:
        """What the store holds now, as an immutable snapshot."""
        return self.registry.snapshot()

    def documents(self) -> list[DocumentInfo]:
        return self.snapshot().sorted_documents()

    def sidecar(self, info: DocumentInfo) -> list[dict]:
        return self.sidecars.records(info)

    def paragraphs(self, symbol: str, lang: str) -> list[Hit]:
        """Every paragraph of one document, in document order (score 0)."""
        hits = []
        for info in self.snapshot().matching(symbol, lang):
            hits.extend(to_hit(r["metadata"], r["text"], 0.0) for r in self.sidecars.records(info))
        return hits

    def versions(self, symbol: str, ref: str) -> list[Hit]:
        """The same paragraph in every indexed language."""
        hits = []
        for info in sorted(self.snapshot().matching(symbol), key=lambda d: d.lang):
            hits.extend(to_hit(r["metadata"], r["text"], 0.0) for r in self.sidecars.records(info)
                        if r["metadata"]["ref"] == ref)
        return hits

    def links(self, symbol: str) -> dict:
        """What `symbol` cites and which indexed documents cite it, as `resqa links --json`."""
        self.link_index.sync(self.snapshot().documents, self.sidecar)
        return self.link_index.query(symbol)

    def rarity_sample(self) -> tuple[int, tuple[str, ...]]:
        """(indexed paragraphs, the texts the reader counts a term's rarity in), from the BM25 index."""
        index = self.lexical_index()
        return len(index), index.rarity_texts

    def lexical_index(self, snapshot: RegistrySnapshot | None = None) -> LexicalIndex:
        """The BM25 index of a snapshot (default: the current one): kept in memory, loaded from
        `lexical/` when this generation was saved, else built from the sidecars and saved."""
        snapshot = snapshot or self.snapshot()
        key = (snapshot.generation, self.analyzer.fingerprint)
        cached = self._lexical
        if cached is not None and cached[0] == key:
            return cached[1]
        with self._build_lock:
            if self._lexical is not None and self._lexical[0] == key:
                return self._lexical[1]
            path = self.registry.lexical_path(*key)
            index = LexicalIndex.load(path)
            if index is None:
                index = self._build_lexical(snapshot)
                index.save(path, replace=path.exists())  # there but unreadable: damaged
                self.registry.remove_stale(path)
            self._lexical = (key, index)
        return index

    def dense_index(self, snapshot: RegistrySnapshot | None = None) -> DenseIndex:
        """The exact-search matrix of a snapshot's paragraphs (rows of its lexical index): kept in
        memory, loaded from `dense/` when this generation was saved, else built from the vectors
        in Chroma (reusing the previous generation's rows) and saved."""
        snapshot = snapshot or self.snapshot()
        lexical = self.lexical_index(snapshot)
        cached = self._dense
        if cached is not None and cached[0] == snapshot.generation and cached[1].node_ids == lexical.node_ids:
            return cached[1]
        with self._build_lock:
            cached = self._dense
            if cached is not None and cached[0] == snapshot.generation and cached[1].node_ids == lexical.node_ids:
                return cached[1]
            path = self.registry.dense_path(snapshot.generation)
            index = DenseIndex.load(path, lexical.node_ids)
            if index is None:
                langs = [snapshot.documents[key].lang for key in lexical.doc_keys]
                index = DenseIndex.build(lexical.node_ids, langs, self.vectors.vectors_of,
                                         previous=cached[1] if cached is not None else None)
                index.save(path, replace=path.exists())  # there but unreadable: damaged
                self.registry.remove_stale(path)
            self._dense = (snapshot.generation, index)
        return index

    def _build_lexical(self, snapshot: RegistrySnapshot) -> LexicalIndex:
        current = self.analyzer.fingerprint
        # Tokens, entity ids and pivot keys stored under another glossary, tokenizer, entity table or
        # lexicon are recomputed (not trusted), so an update of any takes effect without re-ingesting.
        entries, texts = [], []
        for info in snapshot.sorted_documents():
            for position, r in enumerate(self.sidecars.records(info)):
                fresh = r.get("analyzer") == current
                entities = r["entities"] if fresh else self.analyzer.entity_ids(r["text"])
                entries.append(LexicalEntry(
                    r["node_id"], doc_key(info.symbol, info.lang), position, r["metadata"].get("kind", ""),
                    tuple(r["tokens"] if fresh else self.analyzer.tokens(r["text"])), tuple(entities),
                    tuple(r["keys"] if fresh and "keys" in r else self.analyzer.pivot_tokens(r["text"], entities))))
                texts.append(r["text"])
        return LexicalIndex.build(entries, rarity_sample(texts))

    def warm(self) -> dict[str, float]:
        """Pay what the first search would pay, now: the BM25 index of the current snapshot, the
        query model, the tokenizer, entity patterns and bilingual lexicon, and each language's Chroma collection.
        A server calls it before it takes questions; returns the seconds of each part."""
        import time

        seconds: dict[str, float] = {}

        def timed(name: str, step: Callable[[], object]) -> None:
            started = time.perf_counter()
            step()
            seconds[name] = round(time.perf_counter() - started, 3)

        snapshot = self.snapshot()
        timed("lexical", lambda: self.lexical_index(snapshot))
        timed("analyzer", lambda: (self.analyzer.query_tokens("peacekeeping 维持和平 maintien de la paix"),
                                   self.analyzer.entity_ids("UNMISS 南苏丹特派团")))
        # the cross-language channel's lexicon (CC-CEDICT, ~1.7 s to read) is read by every hybrid search
        timed("bilingual lexicon", lambda: self.analyzer.pivot_query_tokens("任务延长 mandate extended"))
        if snapshot.langs:
            embedding: list[float] = []
            timed("query model", lambda: embedding.extend(self.encoder.embed("query: warm-up")))
            timed("dense", lambda: self.dense_index(snapshot))
        timed("retriever", self.retriever)
        return seconds

    def stored_vectors(self, hits: list[Hit]) -> list[list[float] | None]:
        """The vector each hit's paragraph is stored with in Chroma (what dense retrieval compared),
        None for a hit the store does not hold."""
        wanted: dict[str, list[str]] = {}
        ids = []
        for h in hits:
            version = h.metadata.get("version") or ""
            ids.append(node_id(h.symbol, h.lang, h.ref, version) if version else None)
            if version:
                wanted.setdefault(h.lang, []).append(ids[-1])
        found: dict[str, list[float]] = {}
        langs = self.snapshot().langs  # a language with no document has no collection
        for lang, node_ids in wanted.items():
            if lang in langs:
                found.update(self.vectors.vectors_of(lang, node_ids))
        return [found.get(i) if i else None for i in ids]

    def prefetch(self, query: str) -> None:
        """Start embedding `query` on a worker thread; the search that follows waits for it, and
        the caller reads the question meanwhile (the model releases the GIL)."""
        if self.registry.documents:
            self.encoder.future(query, self._pool)

    def route_queries(self, embedder) -> None:
        """Embed queries with `embedder` from the next search on (eval's disk cache of query vectors)."""
        self.encoder = QueryEncoder(embedder, self.config.query_memo)
        self._retriever = None

    def retriever(self) -> Retriever:
        """The retriever of the current snapshot (one per registry generation)."""
        snapshot = self.snapshot()
        current = self._retriever
        if current is not None and current.snapshot.generation == snapshot.generation \
                and current.lexical_index is self.lexical_index(snapshot):
            return current
        retriever = Retriever(self.encoder, self.dense_index(snapshot), snapshot, self.lexical_index(snapshot),
                              self.sidecars, self.analyzer, self.config, self._pool)
        self._retriever = retriever
        return retriever

    def search(self, query: str, k: int = 10, mode: SearchMode = SearchMode.HYBRID,
               filters: SearchFilters = SearchFilters(),
               named_symbols: tuple[str, ...] | None = None) -> list[Hit]:
        """The `k` best paragraphs by fused rank. `named_symbols`: the resolutions the question names
        (None: detect them in the query). Which paragraphs a list keeps is the judge's call
        (`Assistant.list_paragraphs`, answer/candidates.py)."""
        return self.retriever().search(query, k=k, mode=SearchMode(mode), filters=filters, named=named_symbols)
