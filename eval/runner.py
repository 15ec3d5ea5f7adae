"""Runs a gold set through retrieval and answering, in one or more modes, and scores it.

    results = run_eval(library, assistant, "eval/gold/dev.jsonl", modes=("hybrid",))
    results["recall@5"], results["by_type"]["list"]["mrr"]

With one mode the result is that mode's metrics; with several, the first mode's
metrics are at the top level and every mode is under `"modes"` (the naive
baseline under `"naive"` too). Per-question rows are under `"questions"`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from eval import metrics, trec
from eval.gold import GoldQuestion, load_gold
from resqa.errors import ConfigError

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

SEARCH_MODES = ("hybrid", "dense", "lexical")
NAIVE = "naive"
ALL_MODES = (*SEARCH_MODES, NAIVE)
GROUP_KEYS = ("type", "lang")


def expand_modes(mode: str) -> tuple[str, ...]:
    """`--mode` as given on the command line: one mode, a comma list, or `all`."""
    names = ALL_MODES if mode == "all" else tuple(m.strip() for m in mode.split(",") if m.strip())
    bad = [m for m in names if m not in ALL_MODES]
    if bad or not names:
        raise ConfigError(f"--mode {mode!r}: expected one of {', '.join(ALL_MODES)} or all")
    return names


def stratified(questions: Sequence[GoldQuestion], n: int) -> tuple[GoldQuestion, ...]:
    """A fixed subset of `n` questions spread over the types: round-robin over the types
    (sorted), each type's questions in file order. Same file, same `n`, same subset.
    """
    if n < 1:
        raise ConfigError(f"--subset must be positive, got {n}")
    by_type: dict[str, list[GoldQuestion]] = {}
    for q in questions:
        by_type.setdefault(q.type, []).append(q)
    queues = [list(by_type[t]) for t in sorted(by_type)]
    picked: list[GoldQuestion] = []
    while len(picked) < min(n, len(questions)):
        for queue in queues:
            if queue and len(picked) < n:
                picked.append(queue.pop(0))
    order = {q.id: i for i, q in enumerate(questions)}
    return tuple(sorted(picked, key=lambda q: order[q.id]))


def score_question(
    question: GoldQuestion,
    cited: Sequence[str] | None = None,
    answer: str | None = None,
) -> dict:
    """The answer metrics of one question (none when the mode does not answer).

    Retrieval metrics (recall@k, rr, ndcg@10) come from ir-measures over the whole
    run: see `score_retrieval`.
    """
    relevant = question.relevant
    row: dict = {}
    if answer is None:
        return row
    cited = tuple(cited or ())
    row["citation_precision"] = metrics.citation_precision(cited, relevant)
    # list, lineage and change questions ask for every relevant paragraph (PLAN contract 6), not one of them
    row["citation_recall"] = metrics.citation_recall(cited, relevant,
                                                     whole_list=question.type in ("list", "lineage", "change"))
    row["answer_contains"] = metrics.answer_contains_rate(answer, question.answer_contains)
    row["citation_rr"] = metrics.citation_rr(cited, relevant)
    declined = metrics.noanswer_correct(answer, cited)
    if question.type == "noanswer":
        row["noanswer_correct"] = declined
    else:
        row["declined"] = declined
    return row


def score_retrieval(questions: Sequence[GoldQuestion], rows: list[dict], ks: Sequence[int]) -> list[dict]:
    """Add recall@k, rr and ndcg@10 (ir-measures over the TREC qrels and run) to each row's scores."""
    scores = trec.retrieval_scores(questions, rows, ks)
    for row in rows:
        row["scores"] = {**scores[row["id"]], **row["scores"]}
    return rows


def aggregate(rows: Sequence[dict], ks: Sequence[int]) -> dict:
    """The INTERFACE metrics over per-question rows (each with "scores" and "latency_ms")."""

    def avg(key: str) -> float | None:
        value = metrics.mean(r["scores"].get(key) for r in rows)
        return None if value is None else round(value, 4)

    def rate(key: str) -> float | None:
        flags = [r["scores"][key] for r in rows if key in r["scores"]]
        return round(sum(flags) / len(flags), 4) if flags else None

    latencies = [r["latency_ms"] for r in rows]
    out: dict = {"n": len(rows)}
    for k in ks:
        out[f"recall@{k}"] = avg(f"recall@{k}")
    out["mrr"] = avg("rr")
    out["ndcg@10"] = avg("ndcg@10")
    out["citation_precision"] = avg("citation_precision")
    out["citation_recall"] = avg("citation_recall")
    out["answer_contains_rate"] = avg("answer_contains")
    out["citation_mrr"] = avg("citation_rr")
    out["noanswer_accuracy"] = rate("noanswer_correct")
    # the other side of noanswer accuracy: answerable questions the system declined
    out["false_noanswer_rate"] = rate("declined")
    p50, p95 = metrics.percentile(latencies, 50), metrics.percentile(latencies, 95)
    out["latency_ms_p50"] = None if p50 is None else round(p50, 1)
    out["latency_ms_p95"] = None if p95 is None else round(p95, 1)
    sizes = [len(p) if not isinstance(p, str) else 1 for r in rows for p in r["retrieved"][: max(ks)]]
    out["refs_per_hit"] = round(sum(sizes) / len(sizes), 2) if sizes else None
    return out


def summarize(rows: Sequence[dict], ks: Sequence[int]) -> dict:
    """Overall metrics plus the same metrics `by_type` and `by_lang`."""
    out = aggregate(rows, ks)
    for key in GROUP_KEYS:
        groups: dict[str, list[dict]] = {}
        for r in rows:
            groups.setdefault(r[key], []).append(r)
        out[f"by_{key}"] = {name: aggregate(group, ks) for name, group in sorted(groups.items())}
    return out


def _hit_ids(hits) -> list[str]:
    return [h.id for h in hits]


def _run_mode(library, assistant, gold, mode, ks, tick, on_row=None) -> list[dict]:
    from index.hits import SearchMode

    search_mode = SearchMode(mode)
    rows = []
    for q in gold:
        retrieved = _hit_ids(library.search(q.question, k=max(ks), mode=search_mode))
        started = time.perf_counter()
        answer = assistant.ask(q.question, mode=search_mode)
        latency = (time.perf_counter() - started) * 1000
        cited = list(answer.citations)
        rows.append(
            {
                "id": q.id, "question": q.question, "type": q.type, "lang": q.lang,
                "relevant": list(q.relevant), "retrieved": retrieved, "cited": cited,
                "answer": answer.answer, "backend": getattr(answer, "backend", None), "latency_ms": round(latency, 1),
                "scores": score_question(q, cited, answer.answer),
            }
        )
        if on_row is not None:  # long runs (a CPU LLM) keep what they did if stopped
            on_row(mode, rows[-1])
        tick(f"{mode} {q.id}")
    return rows


def _run_naive(naive, gold, ks, tick) -> list[dict]:
    rows = []
    for q in gold:
        started = time.perf_counter()
        chunks = naive.search(q.question, k=max(ks))
        latency = (time.perf_counter() - started) * 1000
        retrieved = [list(c.refs) for c in chunks]
        rows.append(
            {
                "id": q.id, "question": q.question, "type": q.type, "lang": q.lang,
                "relevant": list(q.relevant), "retrieved": retrieved, "cited": [], "answer": None,
                "latency_ms": round(latency, 1), "scores": score_question(q),
            }
        )
        tick(f"naive {q.id}")
    return rows


def _library_embedder(library, settings=None):
    for name in ("embedder", "embed_model", "_embedder", "_embed_model"):
        model = getattr(library, name, None)
        if model is not None:
            # llama-index asserts a BaseEmbedding: unwrap the eval's query cache (eval/query_cache.py)
            return getattr(model, "wrapped", model)
    from index.embeddings import make_embedder

    return make_embedder(settings or library.settings)


def run_eval(
    library,
    assistant,
    gold: str | Path | Sequence[GoldQuestion],
    modes: Sequence[str] = ("hybrid",),
    ks: Sequence[int] = (5, 10),
    progress: Progress | None = None,
    naive=False,
    settings=None,
    on_row: Callable[[str, dict], None] | None = None,
) -> dict:
    """Score every gold question in every mode.

    `gold` is a path or loaded questions. The naive baseline runs when mode
    `naive` is listed or `naive` is true; it is built from the library's
    documents with the library's embedder unless a built `NaiveBaseline` is
    passed as `naive`. `settings` is only needed when the library has no embedder.
    `on_row(mode, row)` hears each answered question's row (before retrieval scoring) as it is done.
    """
    questions = load_gold(gold) if isinstance(gold, (str, Path)) else tuple(gold)
    modes = tuple(dict.fromkeys(modes))
    if naive is not False and naive is not None and NAIVE not in modes:
        modes = (*modes, NAIVE)
    naive = None if isinstance(naive, bool) else naive
    ks = tuple(sorted({int(k) for k in ks} | {5, 10}))  # the INTERFACE keys are always present
    if any(k < 1 for k in ks):
        raise ConfigError(f"--k values must be positive, got {ks}")
    bad = [m for m in modes if m not in ALL_MODES]
    if bad or not modes:
        raise ConfigError(f"unknown mode(s) {bad}: expected {', '.join(ALL_MODES)}")

    total = len(questions) * len(modes)
    done = 0

    def tick(label: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total, label)

    per_mode: dict[str, dict] = {}
    for mode in modes:
        logger.info("eval: %d questions in mode %s", len(questions), mode)
        if mode == NAIVE:
            owned = naive is None
            if owned:
                from eval.baseline import NaiveBaseline

                if progress:  # building embeds every chunk: minutes with the real model
                    progress(done, total, "naive: building the chunk index")
                naive = NaiveBaseline.from_library(library, _library_embedder(library, settings))
            try:
                rows = _run_naive(naive, questions, ks, tick)
                chunks = naive.chunk_count
            finally:
                if owned:
                    naive.close()
        else:
            rows = _run_mode(library, assistant, questions, mode, ks, tick, on_row)
            chunks = None
        score_retrieval(questions, rows, ks)
        summary = summarize(rows, ks)
        if chunks is not None:
            summary["chunks"] = chunks
        summary["questions"] = rows
        per_mode[mode] = summary

    first = per_mode[modes[0]]
    if len(modes) == 1:
        result = dict(first)
    else:
        result = dict(first)
        result["modes"] = per_mode
        if NAIVE in per_mode:
            result["naive"] = per_mode[NAIVE]
    result["mode"] = modes[0]
    result["ks"] = list(ks)
    result["gold"] = str(gold) if isinstance(gold, (str, Path)) else None
    return result
