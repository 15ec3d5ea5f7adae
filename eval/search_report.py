"""Search diagnostics on an ingested store: cross-lingual hit@5 of each shipped mode (and of BM25
without the glossary) and search latency p50/p95 per mode.

    python -m eval.search_report --store data/store eval/gold/dev.jsonl

(The list-question thresholds it once grid-searched are gone: lists are kept by the judge's topic
probability, answer/judge.py.)
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path

from index.hits import SearchFilters, SearchMode

logger = logging.getLogger(__name__)


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
    parser = argparse.ArgumentParser(prog="python -m eval.search_report")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--store", type=Path)
    args = parser.parse_args(argv)
    settings = Settings.from_env(store_dir=args.store)
    gold = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()]
    library = Library.open(settings)
    try:
        library.search("warm-up", k=1)  # load the model and the BM25 index outside the timings
        result = {"crosslingual": crosslingual(library, gold),
                  "latency": latency(library, gold)}
    finally:
        library.close()
    print(json.dumps(result, indent=2))  # noqa: T201 - a command-line tool
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
