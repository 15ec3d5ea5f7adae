"""Per-question outcomes of the judge on a gold set, to see where answers are lost.

    RESQA_STORE=S python -m eval.diagnose eval/gold/dev.jsonl [--types lookup,crosslingual] [--json FILE]

For every question the assistant searches for: how many candidates it read, whether a relevant
paragraph was among them (and its best rank and probability), the first candidate's probability and
whether it is relevant (first by probability for a list, by the judge's ranking weights for a lookup), the bar, the answer model's probability (lookups), and the outcome (`ok`, `declined`, `wrong` = answered from a
paragraph that is not relevant, `missed` = no relevant paragraph among the candidates, and for
noanswer questions `declined-ok` / `answered`). Dev only, like the fit.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from eval.fit_judge import read_gold
from eval.metrics import ref_key


def outcome(assistant, g: dict) -> dict | None:
    from index.hits import SearchFilters, SearchMode

    q = assistant.understand(g["question"])
    if q.action != "search":
        return None
    hits = assistant.candidates(q, SearchFilters(), SearchMode.HYBRID)
    judged = assistant.judge.judge(q, hits)
    bar = assistant.judge.bar(q)
    relevant = {ref_key(r) for r in g.get("relevant", ())}
    kept = [j for j in judged if j.hit.kind != "title"]
    gold = [(i, j) for i, j in enumerate(kept) if ref_key(j.hit.id) in relevant]
    top = kept[0] if kept else None
    answer = assistant.judge.model.answer
    answer_p = None if q.is_list else assistant.judge.answerable(q, hits)
    row = {"id": g["id"], "type": g["type"], "lang": g["lang"], "is_list": q.is_list,
           "candidates": len(hits), "bar": round(bar, 3),
           "answer_p": None if answer_p is None else round(answer_p, 3),
           "top_p": round(top.p, 3) if top else None, "top_id": top.hit.id if top else None,
           "top_lang": top.hit.lang if top else None,
           "top_relevant": bool(top and ref_key(top.hit.id) in relevant),
           "gold_found": len({ref_key(j.hit.id) for _i, j in gold}), "gold_total": len(relevant),
           "gold_p": round(gold[0][1].p, 3) if gold else None, "gold_rank": gold[0][0] if gold else None,
           "gold_lang": gold[0][1].hit.lang if gold else None}
    if q.is_list or answer is None:
        answers = bool(top) and top.p >= bar
    else:
        answers = bool(top) and answer_p >= answer.threshold
    if g["type"] == "noanswer":
        row["outcome"] = "answered" if answers else "declined-ok"
    elif q.is_list:
        accepted = {ref_key(j.hit.id) for j in kept if j.p >= bar}
        row["list_tp"], row["list_kept"] = len(accepted & relevant), len(accepted)
        row["outcome"] = "missed" if not gold else ("declined" if not accepted else "ok")
    elif not gold:
        row["outcome"] = "missed"
    elif not answers:
        row["outcome"] = "declined"
    else:
        row["outcome"] = "ok" if row["top_relevant"] else "wrong"
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.diagnose")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--types", default="", help="comma-separated question types (default: all)")
    parser.add_argument("--json", type=Path, default=None, help="write the rows as JSON Lines here")
    args = parser.parse_args(argv)
    if "test" in args.gold.name:
        print("diagnose: dev only; the test split stays untouched", file=sys.stderr)
        return 2
    from answer.assistant import Assistant
    from eval.query_cache import cache_queries
    from index.library import Library
    from resqa.settings import Settings, configure_offline_environment

    configure_offline_environment()
    settings = Settings.from_env()
    types = {t for t in args.types.split(",") if t}
    gold = [g for g in read_gold(args.gold) if not types or g["type"] in types]
    library = Library.open(settings)
    cache_queries(library)
    rows = []
    try:
        assistant = Assistant(library, settings)
        for g in gold:
            row = outcome(assistant, g)
            if row is not None:
                rows.append(row)
    finally:
        library.close()
    if args.json:
        args.json.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    by_type: dict[str, Counter] = {}
    for r in rows:
        by_type.setdefault(r["type"], Counter())[r["outcome"]] += 1
    for t, counts in sorted(by_type.items()):
        print(t, dict(counts.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
