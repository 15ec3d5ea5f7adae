"""Calibrate the list-question threshold and time searches on an ingested store.

    python -m index.calibrate --store data/store eval/gold/dev.jsonl

For every `list` question of the gold set, the candidates of both channels are
fetched once (cosine and BM25 score each); the thresholds are then chosen by grid
search to maximize the mean F1 of the paragraphs returned by `--all` against the
gold `relevant` set (matched on SYMBOL#REF, ignoring the language). It also
prints search latency p50/p95 per mode over all gold questions.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import time
from pathlib import Path

from index.hits import SearchFilters, SearchMode
from index.retrieval import ALL_CANDIDATES, DENSE_FLOOR, DENSE_MARGIN, LEXICAL_RATIO, is_listed

logger = logging.getLogger(__name__)


def _candidates(library, question: str) -> list[tuple[str, float | None, float | None]]:
    retriever = library.retriever
    filters = SearchFilters()
    dense = retriever.dense(question, ALL_CANDIDATES, filters, [])
    lexical = retriever.lexical(question, ALL_CANDIDATES, filters, [])
    rows: dict[str, list] = {}
    for lang_rows in dense.values():
        for node_id, meta, _, cosine in lang_rows:
            rows[node_id] = [f"{meta['symbol']}#{meta['ref']}", cosine, None]
    best = lexical[0][3] if lexical else 1.0
    for node_id, meta, _, score in lexical:
        rows.setdefault(node_id, [f"{meta['symbol']}#{meta['ref']}", None, None])[2] = score / best
    return [tuple(r) for r in rows.values()]


def _f1(predicted: set[str], relevant: set[str]) -> float:
    if not predicted or not relevant:
        return 0.0
    tp = len(predicted & relevant)
    return 0.0 if tp == 0 else 2 * tp / (len(predicted) + len(relevant))


def select(rows, margin: float, floor: float, lexical_ratio: float) -> set[str]:
    cosines = [c for _, c, _ in rows if c is not None]
    best = max(cosines) if cosines else 1.0
    return {cid for cid, cosine, ratio in rows
            if is_listed(cosine, ratio, best, margin=margin, floor=floor, ratio=lexical_ratio)}


def calibrate(library, gold: list[dict]) -> dict:
    questions = [(g["question"], set(g["relevant"])) for g in gold if g.get("type") == "list" and g["relevant"]]
    cached = [(_candidates(library, q), relevant) for q, relevant in questions]
    grid = []
    for margin in (0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08):
        for floor in [x / 100 for x in range(76, 90, 2)]:
            for lexical_ratio in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01):
                f1s = [_f1(select(rows, margin, floor, lexical_ratio), rel) for rows, rel in cached]
                grid.append((statistics.mean(f1s) if f1s else 0.0, margin, floor, lexical_ratio))
    best = max(grid)
    current = statistics.mean(
        _f1(select(rows, DENSE_MARGIN, DENSE_FLOOR, LEXICAL_RATIO), rel) for rows, rel in cached) if cached else 0.0
    return {"list_questions": len(cached), "best_mean_f1": round(best[0], 4), "dense_margin": best[1],
            "dense_floor": best[2], "lexical_ratio": best[3], "mean_f1_with_current_constants": round(current, 4)}


def crosslingual(library, gold: list[dict], k: int = 5) -> dict:
    """Hit@k (any relevant paragraph in the top k) of `crosslingual` questions for the plain
    approaches and for ours, to show what per-language ranks and the glossary buy."""
    from index.fusion import rrf

    retriever = library.retriever
    index = library.lexical_index()
    filters = SearchFilters()
    questions = [g for g in gold if g.get("type") == "crosslingual" and g["relevant"]]
    totals: dict[str, int] = {}
    for g in questions:
        dense = retriever.dense(g["question"], 50, filters, [])
        cite = {}
        for lang_rows in dense.values():
            for node_id, meta, _, _ in lang_rows:
                cite[node_id] = f"{meta['symbol']}#{meta['ref']}"
        plain_dense = [r[0] for r in sorted((r for rows in dense.values() for r in rows), key=lambda r: -r[3])]
        per_lang = [[r[0] for r in rows] for rows in dense.values()]
        lexical = {}
        for expand in (False, True):
            hits = index.search(library.analyzer.query_tokens(g["question"], expand=expand), limit=50)
            for e, _ in hits:
                cite[e.node_id] = f"{e.metadata['symbol']}#{e.metadata['ref']}"
            lexical[expand] = [e.node_id for e, _ in hits]
        rankings = {
            "dense (one ranking)": plain_dense,
            "dense (per-language RRF)": _ranked(rrf(per_lang)),
            "bm25 (no glossary)": lexical[False],
            "bm25 + glossary expansion": lexical[True],
            "plain fusion (dense + bm25)": _ranked(rrf([plain_dense, lexical[False]])),
            "ours (per-language dense + bm25 + glossary)": _ranked(rrf(per_lang + [lexical[True]])),
        }
        for name, ranking in rankings.items():
            top = {cite[i] for i in ranking[:k]}
            totals[name] = totals.get(name, 0) + bool(top & set(g["relevant"]))
    return {"questions": len(questions), **{f"{name} hit@{k}": round(n / max(len(questions), 1), 3)
                                             for name, n in totals.items()}}


def _ranked(scores: dict[str, float]) -> list[str]:
    return sorted(scores, key=lambda i: (-scores[i], i))


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
    parser = argparse.ArgumentParser(prog="python -m index.calibrate")
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
