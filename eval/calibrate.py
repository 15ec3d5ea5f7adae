"""Calibrate the list-question thresholds and time searches on an ingested store.

    python -m eval.calibrate --store data/store eval/gold/dev.jsonl

Everything goes through the shipped retrieval: for every `list` question of the gold
set, the candidates of `Retriever.candidates` (the ones `search(..., all_above_threshold=True)`
selects from) are fetched once; the thresholds of `RetrievalConfig` (dense_margin,
dense_floor, lexical_ratio) are then chosen by grid search, applying the shipped
`select_listed` rule, to maximize the mean F1 of the listed paragraphs against the gold
`relevant` set (matched on SYMBOL#REF, ignoring the language). It also reports the
cross-lingual hit@5 of each shipped mode and search latency p50/p95 per mode.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import time
from dataclasses import replace
from pathlib import Path

from index.hits import SearchFilters, SearchMode
from index.retrieval import select_listed

logger = logging.getLogger(__name__)

MARGINS = (0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08)
FLOORS = tuple(x / 100 for x in range(76, 90, 2))
LEXICAL_RATIOS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)


def _f1(predicted: set[str], relevant: set[str]) -> float:
    if not predicted or not relevant:
        return 0.0
    tp = len(predicted & relevant)
    return 0.0 if tp == 0 else 2 * tp / (len(predicted) + len(relevant))


def _listed(rows, config) -> set[str]:
    return {f"{r.meta['symbol']}#{r.meta['ref']}" for r in select_listed(rows, SearchMode.HYBRID, config)}


def list_candidates(library, question: str) -> list:
    """The candidates a hybrid list question is selected from, as the shipped search fetches them."""
    from index.retrieval import merge

    retriever = library.retriever()
    n = retriever.config.candidates(1, all_above_threshold=True)
    dense, lexical = retriever.candidates(question, n, SearchMode.HYBRID, SearchFilters(), [])
    return list(merge(dense, lexical).values())


def calibrate(library, gold: list[dict]) -> dict:
    config = library.config
    questions = [(g["question"], set(g["relevant"])) for g in gold if g.get("type") == "list" and g["relevant"]]
    cached = [(list_candidates(library, q), relevant) for q, relevant in questions]
    grid = []
    for margin in MARGINS:
        for floor in FLOORS:
            for ratio in LEXICAL_RATIOS:
                trial = replace(config, dense_margin=margin, dense_floor=floor, lexical_ratio=ratio)
                f1s = [_f1(_listed(rows, trial), rel) for rows, rel in cached]
                grid.append((statistics.mean(f1s) if f1s else 0.0, margin, floor, ratio))
    best = max(grid)
    current = statistics.mean(_f1(_listed(rows, config), rel) for rows, rel in cached) if cached else 0.0
    return {"list_questions": len(cached), "best_mean_f1": round(best[0], 4), "dense_margin": best[1],
            "dense_floor": best[2], "lexical_ratio": best[3], "mean_f1_with_current_config": round(current, 4)}


def crosslingual(library, gold: list[dict], k: int = 5) -> dict:
    """Hit@k (any relevant paragraph in the top k) of `crosslingual` questions for each shipped
    mode, and for BM25 without the glossary expansion, to show what the glossary buys."""
    questions = [g for g in gold if g.get("type") == "crosslingual" and g["relevant"]]
    totals: dict[str, int] = {}
    for g in questions:
        relevant = set(g["relevant"])
        ranked = {str(mode): [h.id for h in library.search(g["question"], k=k, mode=mode)] for mode in SearchMode}
        plain = library.retriever().lexical(g["question"], k, SearchFilters(), [], expand=False)
        ranked["lexical (no glossary)"] = [f"{r.meta['symbol']}#{r.meta['ref']}" for r in plain]
        for name, ids in ranked.items():
            totals[name] = totals.get(name, 0) + bool(set(ids[:k]) & relevant)
    return {"questions": len(questions), **{f"{name} hit@{k}": round(n / max(len(questions), 1), 3)
                                             for name, n in totals.items()}}


def latency(library, gold: list[dict], k: int = 10) -> dict:
    out = {}
    for mode in SearchMode:
        times = []
        for g in gold:
            start = time.perf_counter()
            library.search(g["question"], k=k, mode=mode)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        out[str(mode)] = {"p50_ms": round(times[len(times) // 2], 1),
                          "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1)}
    return out


def main(argv=None) -> int:
    from index.library import Library
    from resqa.settings import Settings, configure_offline_environment

    configure_offline_environment()
    parser = argparse.ArgumentParser(prog="python -m eval.calibrate")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--store", type=Path)
    args = parser.parse_args(argv)
    settings = Settings.from_env(store_dir=args.store)
    gold = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()]
    library = Library.open(settings)
    try:
        library.search("warm-up", k=1)  # load the model and the BM25 index outside the timings
        result = {"calibration": calibrate(library, gold), "crosslingual": crosslingual(library, gold),
                  "latency": latency(library, gold)}
    finally:
        library.close()
    print(json.dumps(result, indent=2))  # noqa: T201 - a command-line tool
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
