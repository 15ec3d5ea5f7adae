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
REAL_CORPUS = ROOT / "corpora" / "unsc"  # the 901 Security Council resolutions
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
                   "max_questions": options.max_questions, "k": 10, "server": not options.no_server,
                   "real_limit": options.real_limit, "cache_seed": options.cache_seed},
        "ingest": {}, "query": {}, "scale": {},
    }

    def checkpoint() -> None:
        results["machine"]["loadavg_now"] = [round(x, 2) for x in os.getloadavg()]
        results["elapsed_s"] = round(time.perf_counter() - started, 1)
        write(derive(json.loads(json.dumps(results))), out)

    if options.cache_seed:  # a reduced run: the sample's embeddings come from that cache
        CACHE.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(options.cache_seed, PERSISTENT_CACHE)
        logger.info("1-2/6 skipped (--cache-seed): no cold ingest of the sample corpus")
    else:
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
                       {"source": str(sample_store), "store": str(stores[label]), "target": size,
                        "embed_model": options.embed_model})
        if built is None:
            del stores[label]
            continue
        results["scale"][label] = built
        checkpoint()
    for label, store in stores.items():
        results["query"][label] = _phase(results, f"query_{label}", "bench.query_phase",
                                         {**common, "store": str(store)})
        if label != "sample":
            shutil.rmtree(store, ignore_errors=True)  # hundreds of MB each
        checkpoint()

    if options.real_limit != 0:
        _real(results, options, common, work, checkpoint)

    logger.info("5/6 the naive pipeline (SentenceSplitter + VectorStoreIndex) on the same documents")
    if not options.no_naive:
        results["naive"] = _phase(results, "naive", "bench.naive_phase",
                                  {**common, "store": str(sample_store), "work": str(work / "naive")})
        checkpoint()

    if not options.no_server:
        logger.info("6/6 the same sample store through a local `chroma run`")
        results["server"] = _server(results, common, samples, work)
    results["commands"].append(_command(options))
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


def real_files(limit: int | None) -> list[str]:
    """The real corpus's files, or `limit` of them evenly spread over its 1946-2025 range."""
    files = sorted(str(p) for p in REAL_CORPUS.glob("S_RES_*.txt"))
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def _real(results: dict, options, common: dict, work: Path, checkpoint) -> None:
    """The real-corpus phase: cold ingest (empty cache, e5 included), the pure embedding of the
    same texts, re-ingest, query latency, then the same store through a `chroma run` server."""
    files = real_files(options.real_limit)
    logger.info("4b. real corpus: cold ingest of %d resolutions of %s", len(files), REAL_CORPUS.name)
    store = work / "real"
    cold = _phase(results, "real_cold", "bench.ingest_phase", {
        **common, "kind": "ingest", "store": str(store), "paths": files,
        "record_texts": str(work / "real_texts.json"), "reingest": True})
    real = {"corpus": str(REAL_CORPUS.relative_to(ROOT)), "files": len(files),
            "subset": options.real_limit is not None, "cold": cold}
    results["ingest"]["real"] = real
    checkpoint()
    if not cold:
        return
    real["pure_embed"] = _phase(results, "real_pure_embed", "bench.ingest_phase", {
        **common, "kind": "pure_embed", "texts": str(work / "real_texts.json"), "store": str(work / "real_pure"),
        "step": options.pure_step})
    checkpoint()
    logger.info("   real corpus: queries (embedded Chroma)")
    results["query"]["real"] = _phase(results, "query_real", "bench.query_phase",
                                      {**common, "store": str(store)})
    checkpoint()
    if options.no_server:
        return
    logger.info("   real corpus: warm ingest and queries through a local `chroma run`")
    args = {**common, "kind": "ingest", "store": str(work / "real_server"), "paths": files, "reingest": True,
            "cache_seed": str(store / "cache" / "embeddings.sqlite")}
    results["server_real"] = _through_server(results, common, args, work / "chroma_server_real", "real_server")
    checkpoint()


def _server(results: dict, common: dict, samples: str, work: Path) -> dict | None:
    args = {**common, "kind": "ingest", "store": str(work / "server_sample"), "samples": samples, "reingest": True}
    if PERSISTENT_CACHE.exists():
        args["cache_seed"] = str(PERSISTENT_CACHE)
    return _through_server(results, common, args, work / "chroma_server", "server")


def _through_server(results: dict, common: dict, ingest_args: dict, path: Path, key: str) -> dict | None:
    """Ingest (`ingest_args`) and query one store through a `chroma run` persisting to `path`."""
    try:
        with chroma_server(path) as url:
            ingest = _phase(results, f"{key}_ingest", "bench.ingest_phase", {**ingest_args, "chroma_url": url})
            query = _phase(results, f"{key}_query", "bench.query_phase",
                           {**common, "store": ingest_args["store"], "chroma_url": url})
    except PhaseError as exc:
        results.setdefault("errors", {})[key] = str(exc)
        return None
    return {"ingest": ingest, "query": query} if ingest and query else None


def _command(options) -> str:
    """The command line of this run (so a reduced run says how it was reduced)."""
    parts = ["python -m bench", f"--sizes {','.join(str(x) for x in options.sizes)}"]
    if options.max_questions:
        parts.append(f"--max-questions {options.max_questions}")
    if options.real_limit is not None:
        parts.append(f"--real-limit {options.real_limit}")
    if options.cache_seed:
        parts.append(f"--cache-seed {options.cache_seed}")
    parts += [flag for flag, on in (("--no-server", options.no_server), ("--no-naive", options.no_naive)) if on]
    return " ".join(parts)


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
