"""Ingest phases (each runs in its own process, see bench.child).

`ingest`: ingest the sample corpus into a fresh store, cold (empty cache) or
warm (a copy of the persistent cache), then optionally ingest it again unchanged.
The model sits under the cache inside a `TimedEmbedding`, so the run also reports
the seconds spent in the model and the exact texts it embedded.

`pure_embed`: embed those same texts with the bare model, nothing else: the
denominator of the ingest/embedding ratio and the embedding floor.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from pathlib import Path

from bench.embedders import TimedEmbedding
from bench.stats import rate

logger = logging.getLogger(__name__)
CACHE_FILE = "embeddings.sqlite"


def _settings(args: dict):
    from resqa.settings import Settings

    return Settings(store_dir=Path(args["store"]), embed_model=args.get("embed_model", "e5"),
                    chroma_url=args.get("chroma_url"))


def _paths(args: dict) -> list[Path]:
    """What to ingest: `paths` (a list of files, e.g. a subset of the real corpus) or the `samples` folder."""
    return [Path(p) for p in args["paths"]] if args.get("paths") else [Path(args["samples"])]


def run_ingest(args: dict) -> dict:
    from index.embeddings import CachedEmbedding, make_embedder
    from index.library import Library

    settings = _settings(args)
    if args.get("cache_seed"):
        settings.cache_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args["cache_seed"], settings.cache_dir / CACHE_FILE)
    timed = TimedEmbedding(make_embedder(settings).inner)
    embedder = CachedEmbedding(timed, settings.cache_dir)
    library = Library.open(settings, embedder=embedder)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        report = library.ingest_paths(_paths(args))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        docs = library.documents()
        paragraphs = sum(d.paragraphs for d in docs)
        result = {
            "seconds": round(seconds, 3),
            "documents": len(docs),
            "paragraphs": paragraphs,
            "paragraphs_per_s": round(rate(paragraphs, seconds) or 0.0, 2),
            "failed": len(report.failed),
            "embeddings_computed": report.embedded,
            "model_seconds": round(timed.seconds, 3),
            "cpu_seconds": round(cpu, 3),
            "model_cpu_seconds": round(timed.cpu_seconds, 3),
        }
        if args.get("record_texts"):
            Path(args["record_texts"]).write_text(json.dumps(timed.texts, ensure_ascii=False), encoding="utf-8")
        if args.get("reingest"):
            started = time.perf_counter()
            again = library.ingest_paths(_paths(args))
            result["reingest"] = {
                "seconds": round(time.perf_counter() - started, 3),
                "embeddings_computed": again.embedded,
                "unchanged": len(again.unchanged),
                "added": len(again.added),
                "updated": len(again.updated),
            }
    finally:
        library.close()
    return result


def run_pure_embed(args: dict) -> dict:
    """Embed every `step`-th recorded text with the bare model; the embedding floor of
    the whole corpus is extrapolated by characters (the floor is passages ÷ rate)."""
    from index.embeddings import BATCH_SIZE, make_embedder
    from resqa.settings import Settings

    texts = json.loads(Path(args["texts"]).read_text(encoding="utf-8"))
    step = max(1, int(args.get("step", 1)))
    subset = texts[::step]
    model = make_embedder(Settings(store_dir=Path(args["store"]), embed_model=args.get("embed_model", "e5"))).inner
    started = time.perf_counter()
    model._get_text_embeddings(["warm-up"])  # loads the model; reported apart
    load = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(subset), BATCH_SIZE):  # the batches the cache hands the model
        model._get_text_embeddings(subset[i : i + BATCH_SIZE])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    chars, subset_chars = sum(len(t) for t in texts), sum(len(t) for t in subset)
    scale = chars / subset_chars if subset_chars else 0.0
    return {
        "texts": len(texts),
        "chars": chars,
        "measured_texts": len(subset),
        "step": step,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "load_seconds": round(load, 3),
        "chars_per_s": round(rate(subset_chars, seconds) or 0.0, 1),
        "texts_per_s": round(rate(len(subset), seconds) or 0.0, 2),
        "floor_seconds": round(load + seconds * scale, 3),  # all texts, at the measured rate
        "floor_cpu_seconds": round(cpu * scale, 3),
    }


def run_profile_ingest(args: dict) -> dict:
    """Ingest with the seeded fake model under pyinstrument: the cost of everything but the model."""
    from index.embeddings import FakeEmbedding
    from index.library import Library

    from bench.profile import INGEST_BUCKETS, profile_calls

    settings = _settings({**args, "embed_model": "fake"})
    library = Library.open(settings, embedder=FakeEmbedding(dim=384))
    try:
        result = profile_calls(lambda: library.ingest_paths(_paths(args)), repeats=1,
                               interval=0.001, buckets=INGEST_BUCKETS)
    finally:
        library.close()
    result["seconds"] = result["total_ms_per_call"] / 1000
    return result


def run(args: dict) -> dict:
    kinds = {"ingest": run_ingest, "pure_embed": run_pure_embed, "profile_ingest": run_profile_ingest}
    return kinds[args["kind"]](args)
