"""Query phase (one process per store size): search latency per mode, `ask` latency,
the query floor, recall on the dev gold set, and a profile when hybrid misses its target.

Each question is asked once per mode, so every timed search embeds its query
(queries are not cached). A start is timed as a server starts: opening the store
and `Library.warm` (BM25 index, query model, tokenizer, Chroma collections) are
`startup_ms` (each part in `warm_s`); the first search after it is `first_search_ms`.
"""

from __future__ import annotations

import itertools
import logging
import time
from pathlib import Path

from bench.stats import summarize_ms
from index.lexical import best_rows

logger = logging.getLogger(__name__)
MODES = ("hybrid", "dense", "lexical")
HYBRID_OVER_FLOOR = 1.25  # the bound: a profile is taken when hybrid p50 exceeds it
QUERIES_FILE = Path(__file__).with_name("queries.txt")


def load_questions(gold: str | None, limit: int | None = None) -> list[dict]:
    """The dev gold questions ({question, lang, relevant, type}); the fallback list has no relevance."""
    if gold and Path(gold).is_file():
        from eval.gold import load_gold

        rows = [{"question": q.question, "lang": q.lang, "relevant": list(q.relevant), "type": q.type}
                for q in load_gold(gold)]
    else:
        logger.warning("no gold set at %s: timing the fallback questions in %s", gold, QUERIES_FILE.name)
        rows = []
        for line in QUERIES_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                lang, _, question = line.partition("\t")
                rows.append({"question": question.strip(), "lang": lang.strip(), "relevant": [], "type": "?"})
    return rows[:limit] if limit else rows


def _timed(fn):
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def _recall(rows: list[tuple[list[str], list[str]]], k: int) -> float | None:
    from eval.trec import recall_at_k

    values = [recall_at_k(ids, relevant, k) for ids, relevant in rows if relevant]
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 4) if values else None


def floor_once(library, question: dict, counts: dict[str, int], k: int = 10) -> tuple[float, float]:
    """One query embedding plus one bare exact top-k (index/dense.py) over the question's language
    (the largest one when that language is not stored): seconds of each."""
    embed_s, vector = _timed(lambda: library.embedder.get_query_embedding(question["question"]))
    lang = question["lang"] if question["lang"] in counts else max(counts, key=counts.get)
    dense = library.dense_index()
    topk_s, _ = _timed(lambda: best_rows(dense.scores(vector), dense.rows_of(lang), k, above=None))
    return embed_s, topk_s


def _lexical_load_s(library) -> float:
    """Seconds to load the saved BM25 index of the current generation (what a start pays for it)."""
    from index.lexical import LexicalIndex

    snapshot = library.snapshot()
    path = library.registry.lexical_path(snapshot.generation, library.analyzer.fingerprint)
    seconds, _ = _timed(lambda: LexicalIndex.load(path))
    return seconds


def run(args: dict) -> dict:
    from index.hits import SearchMode
    from index.library import Library
    from resqa.settings import Settings

    settings = Settings(store_dir=Path(args["store"]), chroma_url=args.get("chroma_url"),
                        embed_model=args.get("embed_model", "e5"))
    questions = load_questions(args.get("gold"), args.get("max_questions"))
    modes = tuple(args.get("modes", MODES))
    k = int(args.get("k", 10))
    started = time.perf_counter()
    library = Library.open(settings)
    result: dict = {"questions": len(questions), "k": k, "search": {}, "recall": {}}
    try:
        result["warm_s"] = library.warm()
        result["startup_ms"] = round((time.perf_counter() - started) * 1000, 1)
        docs = library.documents()
        result["paragraphs"] = sum(d.paragraphs for d in docs)
        result["documents"] = len(docs)
        first, _ = _timed(lambda: library.search(questions[0]["question"], k=k, mode=SearchMode.HYBRID))
        result["first_search_ms"] = round(first * 1000, 1)
        result["lexical_load_ms"] = round(_lexical_load_s(library) * 1000, 1)
        counts = {lang: library.vectors.count(lang) for lang in sorted({d.lang for d in docs})}
        # Question by question, every mode and the floor back to back, so that the ratios
        # between them are measured under the same load on a shared machine.
        seconds = {m: [] for m in (*modes, "embed", "topk")}
        ranked = {m: [] for m in modes}
        for q in questions:
            for mode in modes:
                s, hits = _timed(lambda: library.search(q["question"], k=k, mode=SearchMode(mode)))
                seconds[mode].append(s)
                ranked[mode].append(([h.id for h in hits], q["relevant"]))
            embed_s, topk_s = floor_once(library, q, counts, k)
            seconds["embed"].append(embed_s)
            seconds["topk"].append(topk_s)
        for mode in modes:
            result["search"][mode] = summarize_ms(seconds[mode])
            result["recall"][mode] = {"recall@5": _recall(ranked[mode], 5), "recall@10": _recall(ranked[mode], 10)}
        embed, topk = summarize_ms(seconds["embed"]), summarize_ms(seconds["topk"])
        result["floor"] = {"embed": embed, "dense_topk": topk, "collections": counts,
                           "floor_p50_ms": round(embed["p50_ms"] + topk["p50_ms"], 3)}
        if args.get("ask", True):
            result["ask"] = _ask_latency(library, settings, questions)
        hybrid = result["search"].get("hybrid")
        bound = HYBRID_OVER_FLOOR * result["floor"]["floor_p50_ms"]
        if hybrid and (args.get("profile") or hybrid["p50_ms"] > bound):
            from bench.profile import profile_calls

            cycle = itertools.cycle(q["question"] for q in questions)
            result["profile"] = profile_calls(
                lambda: library.search(next(cycle), k=k, mode=SearchMode.HYBRID), repeats=len(questions)
            )
            result["profile"]["why"] = (f"hybrid p50 {hybrid['p50_ms']} ms vs {HYBRID_OVER_FLOOR} x floor = "
                                        f"{bound:.1f} ms")
    finally:
        library.close()
    return result


def _ask_latency(library, settings, questions: list[dict]) -> dict | None:
    try:
        from answer.assistant import Assistant
    except ImportError as exc:  # the answer package is not there yet
        logger.warning("ask not measured: %s", exc)
        return {"error": str(exc)}
    assistant = Assistant(library, settings)
    assistant.ask(questions[0]["question"])  # warm-up: loads what answering loads
    seconds = []
    for q in questions:
        s, _ = _timed(lambda: assistant.ask(q["question"]))
        seconds.append(s)
    return summarize_ms(seconds)


