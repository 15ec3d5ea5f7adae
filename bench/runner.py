"""Runs every phase in order, each in its own process, and writes bench/results/latest.json."""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

from bench import machine
from bench.child import ROOT, PhaseError, run_phase
from bench.report import derive, tables
from bench.server import chroma_server

logger = logging.getLogger(__name__)

BENCH_DIR = ROOT / "bench"
CACHE = BENCH_DIR / ".cache"
PERSISTENT_CACHE = CACHE / "embeddings.sqlite"  # survives runs: warm ingests start from it
RESULTS = BENCH_DIR / "results" / "latest.json"
SIZE_LABELS = {10_000: "10k", 100_000: "100k"}


def _label(size: int) -> str:
    return SIZE_LABELS.get(size, f"{size // 1000}k" if size % 1000 == 0 else str(size))


def _phase(results: dict, key: str, module: str, args: dict) -> dict | None:
    """Run a phase; a failure is recorded under `errors` and the run goes on."""
    try:
        return run_phase(module, args)
    except PhaseError as exc:
        logger.error("%s failed: %s", key, exc)
        results.setdefault("errors", {})[key] = str(exc)
        return None


def run(options, out: Path = None) -> dict:
    """Every phase; the results so far are written to `out` after each one, so an
    interrupted run still leaves its numbers."""
    out = out or RESULTS
    started = time.perf_counter()
    work = CACHE / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    samples, gold = str(ROOT / "samples"), str(ROOT / options.gold)
    common = {"embed_model": options.embed_model, "gold": gold, "max_questions": options.max_questions}
    results: dict = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine.describe(),
        "commands": ["make setup", "make bench  # = .venv/bin/python -m bench"],
        "config": {"embed_model": options.embed_model, "sizes": options.sizes, "gold": options.gold,
                   "pure_step": options.pure_step,
                   "max_questions": options.max_questions, "k": 10, "server": not options.no_server},
        "ingest": {}, "query": {}, "scale": {},
    }

    def checkpoint() -> None:
        results["machine"]["loadavg_now"] = [round(x, 2) for x in os.getloadavg()]
        results["elapsed_s"] = round(time.perf_counter() - started, 1)
        write(derive(json.loads(json.dumps(results))), out)

    logger.info("1/6 cold ingest of the sample corpus (empty cache), then re-ingest unchanged")
    cold = _phase(results, "cold", "bench.ingest_phase", {
        **common, "kind": "ingest", "store": str(work / "cold"), "samples": samples,
        "record_texts": str(work / "texts.json"), "reingest": True})
    results["ingest"]["cold"] = cold
    checkpoint()
    if cold:
        CACHE.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work / "cold" / "cache" / "embeddings.sqlite", PERSISTENT_CACHE)
        logger.info("2/6 pure embedding of the same %d texts", cold["embeddings_computed"])
        results["ingest"]["pure_embed"] = _phase(results, "pure_embed", "bench.ingest_phase", {
            **common, "kind": "pure_embed", "texts": str(work / "texts.json"), "store": str(work / "pure"),
            "step": options.pure_step})
        checkpoint()
        shutil.rmtree(work / "cold", ignore_errors=True)
        logger.info("   where the rest of the ingest time goes (fake model, pyinstrument)")
        results["ingest"]["overhead_profile"] = _phase(results, "overhead_profile", "bench.ingest_phase", {
            **common, "kind": "profile_ingest", "store": str(work / "profile"), "samples": samples})
        shutil.rmtree(work / "profile", ignore_errors=True)

    logger.info("3/6 warm ingest (cache from the cold run): the sample store for queries")
    sample_store = work / "sample"
    warm_args = {**common, "kind": "ingest", "store": str(sample_store), "samples": samples, "reingest": True}
    if PERSISTENT_CACHE.exists():
        warm_args["cache_seed"] = str(PERSISTENT_CACHE)
    results["ingest"]["warm"] = _phase(results, "warm", "bench.ingest_phase", warm_args)
    checkpoint()
    if not results["ingest"]["warm"]:
        raise PhaseError("the warm ingest failed: nothing to query")

    logger.info("4/6 query latency at each size")
    stores = {"sample": sample_store}
    for size in options.sizes:
        label = _label(size)
        stores[label] = work / f"store_{label}"
        built = _phase(results, f"scale_{label}", "bench.scale",
                       {"source": str(sample_store), "store": str(stores[label]), "target": size})
        if built is None:
            del stores[label]
            continue
        results["scale"][label] = built
        checkpoint()
    for label, store in stores.items():
        target_ms = 60.0 if label == "100k" else 30.0
        results["query"][label] = _phase(results, f"query_{label}", "bench.query_phase",
                                         {**common, "store": str(store), "profile_over_ms": target_ms})
        if label != "sample":
            shutil.rmtree(store, ignore_errors=True)  # hundreds of MB each
        checkpoint()

    logger.info("5/6 the naive pipeline (SentenceSplitter + VectorStoreIndex) on the same documents")
    if not options.no_naive:
        results["naive"] = _phase(results, "naive", "bench.naive_phase",
                                  {**common, "store": str(sample_store), "work": str(work / "naive")})
        checkpoint()

    if not options.no_server:
        logger.info("6/6 the same sample store through a local `chroma run`")
        results["server"] = _server(results, common, samples, work)
    results["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    results["total_s"] = round(time.perf_counter() - started, 1)
    results["scale_method"] = (
        "Copy 0 is the ingested sample store. Copies 1..n re-write every sample document with its "
        "symbol's numbers shifted by 1000*n and every number in title, text and footnotes shifted by n; "
        "BM25 tokens are recomputed from the new text; vectors are the stored e5 vectors of the "
        "original paragraphs plus N(0, 0.01^2) noise per dimension seeded by (copy, paragraph id), "
        "renormalized; written with the store's own sidecar, Chroma and registry writers. "
        "The last copy stops at a document boundary."
    )
    derive(results)
    return results


def _server(results: dict, common: dict, samples: str, work: Path) -> dict | None:
    store = work / "server_sample"
    args = {**common, "kind": "ingest", "store": str(store), "samples": samples, "reingest": True}
    if PERSISTENT_CACHE.exists():
        args["cache_seed"] = str(PERSISTENT_CACHE)
    try:
        with chroma_server(work / "chroma_server") as url:
            ingest = _phase(results, "server_ingest", "bench.ingest_phase", {**args, "chroma_url": url})
            query = _phase(results, "server_query", "bench.query_phase",
                           {**common, "store": str(store), "chroma_url": url})
    except PhaseError as exc:
        results.setdefault("errors", {})["server"] = str(exc)
        return None
    return {"ingest": ingest, "query": query} if ingest and query else None


def write(results: dict, path: Path = RESULTS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def summary(results: dict) -> str:
    text = tables(results)
    gap = results.get("largest_gap")
    m = results["machine"]
    head = (f"resqa bench {results['date']} on {m['cores']} cores, {m['ram_gib']} GiB ({m['cpu']}); "
            f"load {m['loadavg_start']} -> {m.get('loadavg_end') or m.get('loadavg_now')}; "
            f"total {results.get('total_s') or str(results.get('elapsed_s')) + ' (unfinished)'} s")
    tail = f"largest gap: {gap['name']} at {gap['gap']}x its bound" if gap else "every measured target met"
    errors = "".join(f"\nFAILED {k}: {v}" for k, v in (results.get("errors") or {}).items())
    return f"{head}\n\n{text}\n\n{tail}{errors}"
