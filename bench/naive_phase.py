"""The naive pipeline in the same run: eval.baseline's SentenceSplitter + VectorStoreIndex
on an embedded Chroma, built with llama-index's default chunk size and the bare
model resqa uses (no cache, so its ingest is cold like resqa's cold ingest).

eval.baseline chunks the library's paragraph text joined in document order (not
the raw file), so the naive ingest time excludes parsing, which favours it.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from bench.embedders import TimedEmbedding
from bench.query_phase import _recall, load_questions
from bench.stats import rate, summarize_ms

logger = logging.getLogger(__name__)


def run(args: dict) -> dict:
    from llama_index.core.node_parser import SentenceSplitter

    from eval.baseline import NaiveBaseline, documents_from_library
    from index.embeddings import make_embedder
    from index.library import Library
    from resqa.settings import Settings

    settings = Settings(store_dir=Path(args["store"]), embed_model=args.get("embed_model", "e5"))
    chunk_size = int(args.get("chunk_size") or SentenceSplitter().chunk_size)  # llama-index's default
    k = int(args.get("k", 10))
    questions = load_questions(args.get("gold"), args.get("max_questions"))
    library = Library.open(settings)
    try:
        documents = documents_from_library(library)
    finally:
        library.close()
    model = TimedEmbedding(make_embedder(settings).inner)
    started, cpu = time.perf_counter(), time.process_time()
    naive = NaiveBaseline.build(documents, embed_model=model, work_dir=Path(args["work"]), chunk_size=chunk_size)
    ingest_s, cpu = time.perf_counter() - started, time.process_time() - cpu
    try:
        naive.search(questions[0]["question"], k=k)  # warm-up
        seconds, ranked = [], []
        for q in questions:
            t = time.perf_counter()
            chunks = naive.search(q["question"], k=k)
            seconds.append(time.perf_counter() - t)
            ranked.append(([list(c.refs) for c in chunks], q["relevant"]))
    finally:
        naive.close()
    paragraphs = sum(len(d.paragraphs) for d in documents)
    return {
        "chunk_size": chunk_size,
        "chunks": naive.chunk_count,
        "documents": len(documents),
        "paragraphs": paragraphs,
        "ingest_s": round(ingest_s, 3),
        "model_seconds": round(model.seconds, 3),
        "ingest_cpu_s": round(cpu, 3),
        "model_cpu_seconds": round(model.cpu_seconds, 3),
        "paragraphs_per_s": round(rate(paragraphs, ingest_s) or 0.0, 2),
        "search": summarize_ms(seconds),
        "recall@5": _recall(ranked, 5),
        "recall@10": _recall(ranked, 10),
        "questions": len(questions),
    }
