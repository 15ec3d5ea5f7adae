"""Build a 10k- or 100k-paragraph store from the embedded sample store, without embedding.

The base store is copied as is (copy 0). Then each registered document is
re-written as copy 1, 2, … (see bench.variants): new symbol, numbers shifted in
title, text, embed text and footnotes, real BM25 tokens of the new text, and the
original paragraph's stored vector plus seeded noise. The copies go through the
store's own writers (`Registry.write_sidecar`, `ParagraphVectors.add`, one
`Registry.save`), so search afterwards runs the real code path over the same
on-disk format an ingest would produce. The last copy stops at a document
boundary once the target is reached.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from dataclasses import replace
from pathlib import Path

from bench.variants import noisy_vector, vary_symbol, vary_text

logger = logging.getLogger(__name__)
FLUSH_AT = 4000  # nodes per Chroma write: large batches, bounded memory


def _vary_record(record: dict, copy: int, symbol: str, version: str, analyzer) -> tuple[dict, str]:
    from index.nodes import node_id

    meta = dict(record["metadata"])
    text = vary_text(record["text"], copy)
    meta.update(
        symbol=symbol,
        title=vary_text(meta.get("title", ""), copy),
        version=version,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        footnotes=json.dumps([[fn, vary_text(body, copy)] for fn, body in json.loads(meta.get("footnotes") or "[]")],
                             ensure_ascii=False),
        source=f"bench copy {copy} of {meta.get('source', '')}",
    )
    entities = analyzer.entity_ids(text)
    varied = {"node_id": node_id(symbol, meta["lang"], meta["ref"], version), "text": text, "embed_text": vary_text(record["embed_text"], copy),
              "metadata": meta, "tokens": analyzer.tokens(text), "entities": entities,
              "keys": analyzer.pivot_tokens(text, entities), "analyzer": analyzer.fingerprint}
    return varied, record["node_id"]


def base_vectors(vectors, langs) -> dict[str, list[float]]:
    """node id -> stored vector, for every paragraph of the base store."""
    out = {}
    for lang in langs:
        out.update(vectors.embeddings(lang))
    return out


def build(source: Path, store: Path, target: int, noise: float = 0.01, embed_model: str = "e5") -> dict:
    from language.analyzer import LexicalAnalyzer
    from index.nodes import Record, to_node
    from index.registry import Registry, doc_key
    from index.store import ParagraphVectors

    started = time.perf_counter()
    if store.exists():
        shutil.rmtree(store)
    shutil.copytree(source, store, ignore=shutil.ignore_patterns("cache", "lexical", "write.lock", "*.tmp*"))
    registry = Registry(store)
    vectors = ParagraphVectors(store)
    analyzer = LexicalAnalyzer()
    base = sorted(registry.documents.values(), key=lambda d: (d.symbol, d.lang))
    base_records = {doc_key(d.symbol, d.lang): registry.read_sidecar(d.symbol, d.lang, d.version) for d in base}
    vecs = base_vectors(vectors, sorted({d.lang for d in base}))
    total = sum(len(r) for r in base_records.values())
    pending: dict[str, list] = {}
    added: dict = {}
    timings = {"tokenize_s": 0.0, "chroma_s": 0.0}

    def flush(lang: str) -> None:
        t = time.perf_counter()
        vectors.add(lang, pending.pop(lang, []))
        timings["chroma_s"] += time.perf_counter() - t

    copy = 0
    while total < target:
        copy += 1
        for info in base:
            if total >= target:
                break
            symbol = vary_symbol(info.symbol, copy)
            if doc_key(symbol, info.lang) in registry.documents or doc_key(symbol, info.lang) in added:
                raise ValueError(f"variant symbol {symbol} of {info.symbol} collides with a stored document")
            version = hashlib.sha256(f"{info.version}:{copy}".encode()).hexdigest()
            t = time.perf_counter()
            records = []
            for r in base_records[doc_key(info.symbol, info.lang)]:
                varied, origin = _vary_record(r, copy, symbol, version, analyzer)
                records.append((varied, noisy_vector(vecs[origin], copy, varied["node_id"], noise)))
            timings["tokenize_s"] += time.perf_counter() - t
            registry.write_sidecar(symbol, info.lang, version, [v for v, _ in records])
            nodes = pending.setdefault(info.lang, [])
            nodes.extend(to_node(Record.from_json(v), vec.tolist()) for v, vec in records)
            added[doc_key(symbol, info.lang)] = replace(
                info, symbol=symbol, title=vary_text(info.title, copy), version=version,
                source=f"bench copy {copy} of {info.source}",
            )
            total += len(records)
            if len(nodes) >= FLUSH_AT:
                flush(info.lang)
    for lang in list(pending):
        flush(lang)
    with registry.write_lock():  # re-reads the registry; no ingest may run while we save
        registry.documents.update(added)
        registry.save()
    lexical_s = _save_lexical(store, embed_model)
    return {
        "paragraphs": total,
        "documents": len(registry.documents),
        "copies": copy,
        "noise_sigma": noise,
        "build_s": round(time.perf_counter() - started, 2),
        "tokenize_s": round(timings["tokenize_s"], 2),
        "chroma_write_s": round(timings["chroma_s"], 2),
        "lexical_build_s": round(lexical_s, 2),
    }


def _save_lexical(store: Path, embed_model: str) -> float:
    """Build and save the BM25 index of the new generation, as the end of an ingest does."""
    from index.library import Library
    from resqa.settings import Settings

    started = time.perf_counter()
    library = Library.open(Settings(store_dir=store, embed_model=embed_model))  # the model is never loaded
    try:
        library.lexical_index()
    finally:
        library.close()
    return time.perf_counter() - started


def run(args: dict) -> dict:
    return build(Path(args["source"]), Path(args["store"]), int(args["target"]), float(args.get("noise", 0.01)),
                 args.get("embed_model", "e5"))
